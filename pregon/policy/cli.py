"""`pregon policy show|diff|check` — pure, does not start Django."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .loader import PolicyError, check_all, load_preset, parse_overrides, resolve
from .render import diff, show, show_diff


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("policy", help="Políticas: ver, comparar y validar presets")
    sub = parser.add_subparsers(dest="policy_command", required=True, metavar="ACTION")

    p_show = sub.add_parser("show", help="Muestra la política efectiva con la cláusula de cada campo")
    p_show.add_argument("name", help="preset (rosarito, iee-sonora, ine, pasto, guadalajara)")
    p_show.add_argument("--overrides", type=Path, help="archivo TOML con las modificaciones de la institución")
    p_show.add_argument("--format", choices=("text", "json"), default="text")
    p_show.set_defaults(func=_show)

    p_diff = sub.add_parser("diff", help="Muestra en qué difieren dos normas")
    p_diff.add_argument("a")
    p_diff.add_argument("b")
    p_diff.add_argument("--format", choices=("text", "json"), default="text")
    p_diff.set_defaults(func=_diff)

    p_check = sub.add_parser("check", help="Valida todos los presets (CI)")
    p_check.set_defaults(func=_check)


def _fail(exc: PolicyError) -> int:
    print(f"pregon policy: {exc}", file=sys.stderr)
    return 2


def _show(args: argparse.Namespace) -> int:
    try:
        overrides = None
        if args.overrides:
            try:
                text = args.overrides.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise PolicyError(f"no se pudo leer {args.overrides}: {exc}") from exc
            overrides = parse_overrides(text)
        policy = resolve(args.name, overrides)
    except PolicyError as exc:
        return _fail(exc)
    if args.format == "json":
        print(json.dumps({"version": policy.version, **policy.model_dump(mode="json")}, ensure_ascii=False, indent=2))
    else:
        print(show(policy))
    return 0


def _diff(args: argparse.Namespace) -> int:
    try:
        a, b = load_preset(args.a), load_preset(args.b)
    except PolicyError as exc:
        return _fail(exc)
    if args.format == "json":
        payload = [
            {"field": k, args.a: va, args.b: vb, "clauses": {args.a: list(ca), args.b: list(cb)}}
            for k, va, vb, ca, cb in diff(a, b)
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(show_diff(a, b))
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = check_all()
    for problem in problems:
        print(f"pregon policy: {problem}", file=sys.stderr)
    if problems:
        return 1
    from .loader import preset_names

    print(f"{len(preset_names())} presets válidos: {', '.join(preset_names())}")
    return 0
