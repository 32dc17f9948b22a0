"""One module per procedure: its transition table (registered with `pregon.procedures.workflows.register()`) and its
spec (`pregon.procedures.spec.register_spec()`), both registered when imported (the app's `ready()` imports this
package). How to add one: docs/procedures.md. The order of the imports is the order of the "Trámites" index."""

from . import consultation  # noqa: F401

# isort: split
from . import opening  # noqa: F401

# isort: split
from . import administrator_change, credential_rotation, live_stream  # noqa: F401

# isort: split
from . import closure, incident, abandonment, recertification, regularisation  # noqa: F401, I001
