"""Rendering a Policy for people: every field with its value and the clauses it comes from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .schema import SECTION_NAMES, Policy, Section

DEFAULT_MARK = "(valor por omisión de Pregón)"


def _fmt(value: Any) -> str:
    if isinstance(value, BaseModel):
        data = value.model_dump(mode="json")
        if set(data) == {"amount", "unit"}:
            return f"{data['amount']} {data['unit']}"
        return ", ".join(f"{k}={_fmt(v)}" for k, v in data.items())
    if isinstance(value, (tuple, list)):
        return "[" + "; ".join(_fmt(v) for v in value) + "]" if value else "[]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}={_fmt(v)}" for k, v in value.items()) + "}" if value else "{}"
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "sí" if value else "no"
    return str(value)


def rows(policy: Policy) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(dotted field, formatted value, clauses) for every field of every section, checker included."""
    for section_name in SECTION_NAMES:
        section: Section = getattr(policy, section_name)
        for field in type(section).model_fields:
            if field == "clauses":
                continue
            yield f"{section_name}.{field}", _fmt(getattr(section, field)), section.clauses_for(field)
    for category, setting in sorted(policy.checker.categories.items()):
        state = setting.severity or "warn" if setting.enabled else "desactivada"
        yield f"checker.{category}", state, tuple(setting.clauses)
    for rule, setting in sorted(policy.checker.rules.items()):
        state = setting.severity or "warn" if setting.enabled else "desactivada"
        yield f"checker.rule.{rule}", state, tuple(setting.clauses)


def show(policy: Policy) -> str:
    meta = policy.meta
    lines = [
        f"{meta.title}",
        f"{meta.institution} ({meta.country}) — preset {meta.name}, versión {policy.version}",
        "",
    ]
    current = None
    for dotted, value, clauses in rows(policy):
        section = dotted.split(".", 1)[0]
        if section != current:
            lines.append(f"[{section}]")
            current = section
        source = ", ".join(clauses) if clauses else DEFAULT_MARK
        lines.append(f"  {dotted.split('.', 1)[1]:<40} {value}   ← {source}")
    return "\n".join(lines)


def diff(a: Policy, b: Policy) -> list[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]]:
    """Fields whose values differ: (field, value in a, value in b, clauses in a, clauses in b)."""
    left = {k: (v, c) for k, v, c in rows(a)}
    right = {k: (v, c) for k, v, c in rows(b)}
    out = []
    for key in list(left) + [k for k in right if k not in left]:
        va, ca = left.get(key, ("—", ()))
        vb, cb = right.get(key, ("—", ()))
        if va != vb:
            out.append((key, va, vb, ca, cb))
    return out


def show_diff(a: Policy, b: Policy) -> str:
    changes = diff(a, b)
    if not changes:
        return f"{a.meta.name} y {b.meta.name} no difieren."
    lines = [f"Diferencias entre {a.meta.name} y {b.meta.name} ({len(changes)} campos):", ""]
    for key, va, vb, ca, cb in changes:
        lines.append(f"{key}")
        lines.append(f"  {a.meta.name:<12} {va}   ← {', '.join(ca) or DEFAULT_MARK}")
        lines.append(f"  {b.meta.name:<12} {vb}   ← {', '.join(cb) or DEFAULT_MARK}")
    return "\n".join(lines)
