"""One module per procedure: its transition table (registered with `pregon.procedures.workflows.register()`),
services, inputs and spec (`pregon.procedures.spec.register_spec()`), all registered when imported — the app's
`ready()` imports this package, which imports every module in it (`common` and `lifecycle` are helpers shared by
several tables). How to add one: docs/procedures.md."""

import importlib as _importlib
import pkgutil as _pkgutil

for _info in sorted(_pkgutil.iter_modules(__path__), key=lambda i: i.name):
    _importlib.import_module(f"{__name__}.{_info.name}")
