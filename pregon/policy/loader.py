"""Loading presets and applying an institution's overrides. The only code that reads preset files."""

from __future__ import annotations

import copy
import functools
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .schema import Policy

PRESETS_DIR = Path(__file__).resolve().parent / "presets"


class PolicyError(ValueError):
    """A preset or override was refused. The message names the field and the reason; nothing was applied."""

    def __init__(self, message: str, *, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


def preset_names() -> list[str]:
    return sorted(p.stem for p in PRESETS_DIR.glob("*.toml"))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path.name}: TOML mal formado: {exc}") from exc


def preset_data(name: str) -> dict[str, Any]:
    """The raw data of a preset (a deep copy: callers may change it)."""
    return copy.deepcopy(_preset_data_cached(name))


@functools.cache
def _preset_data_cached(name: str) -> dict[str, Any]:
    path = PRESETS_DIR / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(preset_names())
        raise PolicyError(f"preset desconocido {name!r}; los disponibles son: {known}")
    return _read_toml(path)


def _format_errors(source: str, exc: ValidationError) -> PolicyError:
    errors = []
    for err in exc.errors():
        loc = ".".join(str(part) for part in err["loc"] if not isinstance(part, int) or True)
        reason = err["msg"]
        if err["type"] == "extra_forbidden":
            reason = "campo desconocido"
        elif err["type"] == "missing":
            reason = "campo obligatorio ausente"
        elif reason.startswith("Value error, "):
            reason = reason.removeprefix("Value error, ")
        errors.append({"field": loc, "reason": reason})
    lines = "; ".join(f"{e['field'] or '(raíz)'}: {e['reason']}" for e in errors)
    return PolicyError(f"{source}: {lines}", errors=errors)


def merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge overrides into base: tables merge key by key, any other value replaces."""
    result = copy.deepcopy(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _validate(data: dict[str, Any], source: str) -> Policy:
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise _format_errors(source, exc) from None


@functools.lru_cache(maxsize=64)
def load_preset(name: str) -> Policy:
    """The Policy of a preset, validated (cached: presets are code-reviewed files)."""
    return _validate(preset_data(name), f"preset {name}")


def resolve(preset: str, overrides: dict[str, Any] | None = None) -> Policy:
    """A preset plus an institution's overrides. Overrides change only what differs.

    An override of a value must also say where it comes from: a changed field needs a clause
    in the section's `clauses` table (the merged one keeps the preset's clauses otherwise).
    """
    if not overrides:
        return load_preset(preset)
    if not isinstance(overrides, dict):
        raise PolicyError("las modificaciones deben ser una tabla de secciones")
    if "meta" in overrides and set(overrides["meta"]) - {"version"}:
        raise PolicyError("meta: solo se puede modificar la versión, no la identidad del preset")
    base = preset_data(preset)
    return _validate(merge(base, overrides), f"preset {preset} con modificaciones")


def parse_overrides(text: str) -> dict[str, Any]:
    """Overrides written as TOML (as an institution would keep them)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"TOML mal formado: {exc}") from exc


def check_all() -> list[str]:
    """Loads every preset file; returns the error messages (empty when all are valid)."""
    problems = []
    for name in preset_names():
        try:
            policy = load_preset(name)
        except PolicyError as exc:
            problems.append(str(exc))
            continue
        if policy.meta.name != name:
            problems.append(f"preset {name}: meta.name es {policy.meta.name!r}; debe coincidir con el archivo")
    return problems
