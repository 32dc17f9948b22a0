"""respect: insulting or discriminatory language towards a gender, an ethnicity, a sexual orientation, a creed,
a political view or a region (pasto:2 "Respeto", rosarito:9.15, iee-sonora:6.XIX)."""

from __future__ import annotations

from pregon.checker.config import CheckerOptions
from pregon.checker.text import inside, matcher, prepare, quote
from pregon.checker.types import CheckContext, Hit


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    p = prepare(text)
    hits: list[Hit] = []
    discr: list[tuple[int, int]] = []
    for s, e, entry in matcher(options.discrimination_lexicons, options.discrimination_terms).finditer(text, p.folded):
        if inside(p.urls_and_handles, s, e):
            continue
        discr.append((s, e))
        group = f" ({entry.note})" if entry.note else ""
        hits.append(
            Hit(
                "respect.discrimination",
                s,
                e,
                f"«{quote(text, s, e)}» es lenguaje discriminatorio u ofensivo{group}: retírelo y use un lenguaje "
                "respetuoso e incluyente.",
            )
        )
    for s, e, _ in matcher(options.insult_lexicons, options.insult_terms).finditer(text, p.folded):
        if inside(p.urls_and_handles, s, e) or any(a <= s and e <= b for a, b in discr):
            continue
        hits.append(
            Hit(
                "respect.insult",
                s,
                e,
                f"«{quote(text, s, e)}» es un insulto o una descalificación: retírelo y responda con cortesía y respeto.",
            )
        )
    return hits
