"""electoral: during the policy's electoral campaign and blackout periods, government propaganda markers
(achievements, officials' names, calls to vote, parties) are flagged, as severe as the policy says."""

from __future__ import annotations

from pregon.checker.config import CheckerOptions, ElectoralPeriod
from pregon.checker.text import TermMatcher, entries_for, inside, matcher, prepare, quote, spanish_date
from pregon.checker.types import CheckContext, Hit
from functools import lru_cache

ALL_RULES = ("achievement", "official_name", "vote_call", "party")
_KIND = {"campaign": "campaña electoral", "blackout": "veda electoral"}


def active_periods(options: CheckerOptions, ctx: CheckContext) -> list[ElectoralPeriod]:
    if ctx.now is None:
        return []
    today = ctx.now.date()
    periods = [p for p in options.electoral_periods if p.starts_on <= today <= p.ends_on]
    # blackout first: it is the stricter one and names the period in messages
    return sorted(periods, key=lambda p: (p.kind != "blackout", p.starts_on, p.name))


@lru_cache(maxsize=64)
def _names(names: tuple[str, ...]) -> TermMatcher:
    return TermMatcher(entries_for((), names))


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    periods = active_periods(options, ctx)
    if not periods:
        return []
    rules: set[str] = set()
    for period in periods:
        rules.update(period.rules or ALL_RULES)
    period = periods[0]
    p = prepare(text)
    hits: list[Hit] = []

    def add(rule: str, s: int, e: int, what: str) -> None:
        dates = f"del {spanish_date(period.starts_on)} al {spanish_date(period.ends_on)}"
        when = f"{_KIND[period.kind]} «{period.name}» ({dates})"
        hits.append(Hit(f"electoral.{rule}", s, e, f"Periodo de {when}: «{quote(text, s, e)}» {what}"))

    if "achievement" in rules:
        for s, e, _ in matcher(options.achievement_lexicons).finditer(text, p.folded):
            if not inside(p.urls_and_handles, s, e):
                add("achievement", s, e, "difunde logros de gobierno: suspenda esta propaganda; solo se permite "
                    "información de servicios educativos, de salud o de protección civil.")
    if "official_name" in rules:
        names = tuple(n for n in (*ctx.official_names, *options.official_names) if n.strip())
        if names:
            for s, e, _ in _names(names).finditer(text, p.folded):
                if not inside(p.urls_and_handles, s, e):
                    add("official_name", s, e, "menciona a un servidor público: retire nombres e imágenes de "
                        "funcionarios durante el periodo electoral.")
    if "vote_call" in rules:
        for s, e, _ in matcher(options.vote_call_lexicons).finditer(text, p.folded):
            add("vote_call", s, e, "es un llamado a votar: una cuenta institucional no puede pedir el voto.")
    if "party" in rules:
        for s, e, _ in matcher(options.party_lexicons, options.party_terms).finditer(text, p.folded):
            if not inside(p.urls_and_handles, s, e):
                add("party", s, e, "menciona a un partido político: retírelo; la cuenta institucional debe ser "
                    "imparcial.")
    return hits
