"""Sub-commands of `pregon` that compose several apps (the top layer: see docs/decisions/0008-layered-imports.md).

`pregon check` reads a policy preset (pregon.policy) and runs the checker (pregon.checker) with it: it lives here, not
in the checker, so that the checker imports nothing of the policy package (the policy embeds the checker's config).
"""
