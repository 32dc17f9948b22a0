"""reserved_information: markers of reserved, confidential or internal material, and of internal deliberation
not yet decided (rosarito:9.3, iee-sonora:6.III, 6.V, pasto:3.6). Word lists come from the policy's lexicons."""

from __future__ import annotations

from pregon.checker.config import CheckerOptions
from pregon.checker.text import inside, matcher, prepare, quote
from pregon.checker.types import CheckContext, Hit


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    p = prepare(text)
    excluded = [(s, e) for s, e, _ in matcher(options.reserved_exclusion_lexicons).finditer(text, p.folded)]
    hits: list[Hit] = []
    for s, e, _ in matcher(options.reserved_lexicons, options.reserved_terms).finditer(text, p.folded):
        if inside(p.skips, s, e) or any(a <= s and e <= b for a, b in excluded):
            continue
        hits.append(
            Hit(
                "reserved_information.marker",
                s,
                e,
                f"«{quote(text, s, e)}» señala información reservada, confidencial o de uso interno: no la publique; "
                "confirme con la Unidad de Transparencia que es pública o retire la referencia.",
            )
        )
    for s, e, _ in matcher(options.deliberation_lexicons, options.deliberation_terms).finditer(text, p.folded):
        if inside(p.skips, s, e):
            continue
        hits.append(
            Hit(
                "reserved_information.deliberation",
                s,
                e,
                f"«{quote(text, s, e)}» alude a una deliberación interna no concluida: espere a que haya una decisión "
                "institucional oficial y publique solo esa decisión.",
            )
        )
    return hits
