"""Rendering a Policy for people: every field with its value and the clauses it comes from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from . import labels
from .schema import POLICY_CHOICE, SECTION_NAMES, Policy, Section

DEFAULT_MARK = f"({labels.NO_RULE_TEXT})"


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
    options = policy.checker.options
    for option in sorted(options.model_fields_set - {"clauses"}):
        yield f"checker.option.{option}", _fmt(getattr(options, option)), tuple(options.clauses.get(option, ()))


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


# ---------------------------------------------------------------- for people: Spanish labels and sources


@dataclass(frozen=True)
class Entry:
    """One value of the policy as people read it.

    source: "norm" (cites the norm only), "choice" (the institution's choice only), "norm_and_choice",
    "no_rule" (the norm does not regulate it: the neutral value) or "not_applicable" (switched off by another
    field, e.g. the consultation's answerer where there is no consultation)."""

    key: str
    section: str
    section_label: str
    label: str
    text: str
    clauses: tuple[str, ...]
    source: str

    @property
    def source_text(self) -> str:
        if self.source == "no_rule":
            return labels.NO_RULE_TEXT
        if self.source == "not_applicable":
            return labels.NOT_APPLICABLE_TEXT
        return ", ".join(labels.clause_text(c) for c in self.clauses)


def _source(clauses: tuple[str, ...], applies: bool = True) -> str:
    if not applies:
        return "not_applicable"
    if not clauses:
        return "no_rule"
    norm = any(c != POLICY_CHOICE for c in clauses)
    choice = POLICY_CHOICE in clauses
    return "norm_and_choice" if norm and choice else "choice" if choice else "norm"


def entries(policy: Policy) -> list[Entry]:
    """Every value of the policy in Spanish with its source, section by section, the checker last."""
    out: list[Entry] = []
    for name in SECTION_NAMES:
        section: Section = getattr(policy, name)
        title = labels.section_label(name)
        for field in type(section).model_fields:
            if field == "clauses":
                continue
            applies = section.applies(field)
            clauses = section.clauses_for(field)
            text = labels.value_text(name, field, getattr(section, field)) if applies else "—"
            out.append(Entry(f"{name}.{field}", name, title, labels.field_label(name, field), text, clauses,
                             _source(clauses, applies)))
    checker = policy.checker
    title = labels.section_label("checker")
    for category, label in labels.CHECKER_CATEGORY_LABELS.items():
        setting = checker.categories.get(category)
        if setting is None or not setting.enabled:
            text, clauses = "no se revisa", ()
        else:
            text, clauses = labels.SEVERITY_LABELS[setting.severity or "warn"], tuple(setting.clauses)
        out.append(Entry(f"checker.{category}", "checker", title, label, text, clauses, _source(clauses)))
    for rule_id, label in labels.CHECKER_RULE_LABELS.items():
        setting = checker.setting_for(rule_id)
        own = checker.rules.get(rule_id)
        if setting.enabled:
            text, clauses = labels.SEVERITY_LABELS[setting.severity or "warn"], tuple(setting.clauses)
        else:
            text, clauses = "no se revisa", tuple(own.clauses) if own else ()
        out.append(Entry(f"checker.rule.{rule_id}", "checker", title, label, text, clauses, _source(clauses)))
    options = checker.options
    for option in sorted(set(options.model_fields_set) - {"clauses"} | {"spelling_dictionary"}):
        clauses = tuple(options.clauses.get(option, ()))
        label = labels.CHECKER_OPTION_LABELS.get(option, option)
        out.append(Entry(f"checker.options.{option}", "checker", title, label,
                         labels.option_text(option, getattr(options, option)), clauses, _source(clauses)))
    return out


@dataclass(frozen=True)
class Change:
    """One value a revision changes: what it was and what it becomes, each with its source."""

    key: str
    section_label: str
    label: str
    before: str
    before_source: str
    after: str
    after_source: str


def changes(before: Policy, after: Policy) -> list[Change]:
    """The values (or their sources) that differ between two policies, in Spanish."""
    old = {e.key: e for e in entries(before)}
    out = []
    for e in entries(after):
        o = old.get(e.key)
        if o is None or (o.text, o.source_text) != (e.text, e.source_text):
            out.append(Change(e.key, e.section_label, e.label, o.text if o else "—", o.source_text if o else "—",
                              e.text, e.source_text))
    return out
