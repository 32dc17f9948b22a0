"""personal: first-person personal opinion and publications for personal or a third party's benefit
(rosarito:9.3, 9.10, pasto:3.2)."""

from __future__ import annotations

from pregon.checker.config import CheckerOptions
from pregon.checker.text import inside, matcher, prepare, quote
from pregon.checker.types import CheckContext, Hit


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    p = prepare(text)
    hits: list[Hit] = []
    for s, e, _ in matcher(options.personal_opinion_lexicons).finditer(text, p.folded):
        if not inside(p.skips, s, e):
            hits.append(
                Hit(
                    "personal.opinion",
                    s,
                    e,
                    f"«{quote(text, s, e)}» expresa una opinión o un sentimiento personal: redacte desde la perspectiva "
                    "institucional (qué hace la institución y para qué).",
                )
            )
    for s, e, _ in matcher(options.personal_benefit_lexicons).finditer(text, p.folded):
        if not inside(p.skips, s, e):
            hits.append(
                Hit(
                    "personal.benefit",
                    s,
                    e,
                    f"«{quote(text, s, e)}» sugiere un beneficio propio o de un tercero: las cuentas institucionales "
                    "no pueden usarse para eso; retírelo.",
                )
            )
    return hits
