"""Import boundaries that a test enforces (docs/decisions/0008-layered-imports.md).

The layered contract itself is import-linter's (`[tool.importlinter]` in pyproject.toml, `make lint-imports`, run by
`make test` before pytest). This file adds what import-linter cannot see: no `except ImportError` (or
`ModuleNotFoundError`) around an import of the project's own modules. Such a guard turns a typo, a moved module or an
import circle into a silently missing feature; only third-party, machine-dependent packages (the Hunspell binding,
gunicorn) may be optional.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("pregon", "tests", "bench", "scripts")
IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(
        (isinstance(n, ast.Name) and n.id in IMPORT_ERRORS) or (isinstance(n, ast.Attribute) and n.attr in IMPORT_ERRORS)
        for n in names
        if n is not None
    )


def _own_imports(body: list[ast.stmt]) -> list[str]:
    """The project's modules imported anywhere inside `body`: `pregon…`, relative imports, and
    `importlib.import_module(…)` / `__import__(…)` calls (whose target a test cannot prove third-party)."""
    found = []
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Import):
                found += [a.name for a in node.names if a.name.split(".")[0] == "pregon"]
            elif isinstance(node, ast.ImportFrom):
                if node.level or (node.module or "").split(".")[0] == "pregon":
                    found.append("." * node.level + (node.module or ""))
            elif isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("import_module", "__import__"):
                    arg = node.args[0] if node.args else None
                    if not (isinstance(arg, ast.Constant) and str(arg.value).split(".")[0] != "pregon"):
                        found.append(f"{name}({ast.unparse(arg) if arg is not None else ''})")
    return found


def guarded_own_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) for each own-module import inside a `try` whose handlers catch ImportError."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Try) and any(_catches_import_error(h) for h in node.handlers):
            hits += [(node.lineno, module) for module in _own_imports(node.body)]
    return hits


def _python_files() -> list[Path]:
    files = []
    for top in SCANNED:
        files += [p for p in (ROOT / top).rglob("*.py") if ".venv" not in p.parts and "__pycache__" not in p.parts]
    return sorted(files)


def test_no_import_of_the_projects_own_modules_is_guarded_by_except_import_error() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in _python_files()
        for line, module in guarded_own_imports(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "imports of the project's own modules hidden behind `except ImportError`:\n" + "\n".join(
        offenders
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("try:\n    from pregon.x import y\nexcept ImportError:\n    y = None\n", [(1, "pregon.x")]),
        ("try:\n    from .home import f\nexcept (ModuleNotFoundError, KeyError):\n    pass\n", [(1, ".home")]),
        ("try:\n    import pregon.a.b\nexcept builtins.ImportError:\n    pass\n", [(1, "pregon.a.b")]),
        ("try:\n    m = importlib.import_module(name)\nexcept ModuleNotFoundError:\n    m = None\n",
         [(1, "import_module(name)")]),
        # third-party optional packages stay allowed, and so do own imports guarded by other exceptions
        ("try:\n    import hunspell\nexcept ImportError:\n    hunspell = None\n", []),
        ("try:\n    importlib.import_module('gunicorn')\nexcept ImportError:\n    pass\n", []),
        ("try:\n    from pregon.x import y\nexcept KeyError:\n    pass\n", []),
    ],
)
def test_the_scan_tells_own_imports_from_third_party_ones(source: str, expected: list[tuple[int, str]]) -> None:
    assert guarded_own_imports(source) == expected
