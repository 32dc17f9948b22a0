"""Compliance checker for post texts (pure Python, no Django)."""
