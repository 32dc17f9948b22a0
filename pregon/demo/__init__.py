"""The demo: what `manage.py demo_load` (`pregon demo`, `make run`) loads. It composes every app, so it sits at the top
(docs/decisions/0008-layered-imports.md): the five seed institutions are loaded here, then each app's own demo data
(`registry.demo`, each procedure spec's `demo`, `publications.demo`) in the order they depend on.
"""
