"""Models of the procedures app: the shared machinery (`base.ProcedureModel`, `deadlines.Deadline`,
`history.TransitionRecord`) and one module per procedure with its states and its model. Every module of this package
is imported here and its models exported, so adding a procedure's module is all it takes (no list to keep)."""

import importlib as _importlib
import pkgutil as _pkgutil

from django.db.models import Model as _Model

__all__: list[str] = []
for _info in sorted(_pkgutil.iter_modules(__path__), key=lambda i: i.name):
    _module = _importlib.import_module(f"{__name__}.{_info.name}")
    for _name, _value in vars(_module).items():
        if isinstance(_value, type) and issubclass(_value, _Model) and _value.__module__ == _module.__name__:
            globals()[_name] = _value
            __all__.append(_name)
__all__.sort()
