"""Transition tables of the account procedures (opening request, administrator change, credential rotation,
live-stream authorisation), one module each, registered with `pregon.procedures.workflows.register()` when
imported (the app's `ready()` imports this package). The pattern is `workflows.py`'s module docstring."""

from . import administrator_change, credential_rotation, live_stream, opening  # noqa: F401
from . import abandonment, closure, incident, recertification, regularisation  # noqa: F401  (account lifecycle)
