"""spam: the same or nearly the same message already published by the institution's accounts within the
policy's window (rosarito:9.20, iee-sonora:6.XXIV), compared with rapidfuzz."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pregon.checker.config import CheckerOptions
from pregon.checker.text import URL_RE, fold
from pregon.checker.types import CheckContext, Hit

_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Lower case, no accents, no URLs, no punctuation, single spaces: what makes two posts "the same"."""
    t = URL_RE.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", fold(t).casefold()).split())


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    if not ctx.archive:
        return []
    norm = normalize(text)
    if len(norm) < options.spam_min_length:
        return []
    from rapidfuzz import fuzz  # imported lazily: `pregon check` starts fast

    now = _naive(ctx.now) if ctx.now else None
    since = now - options.spam_window if now else None
    best: tuple[float, dt.datetime, str] | None = None
    cutoff = options.spam_similarity
    for post in ctx.archive:
        if since is not None:
            at = _naive(post.published_at)
            if at < since or at > now:  # type: ignore[operator]
                continue
        score = fuzz.ratio(norm, normalize(post.text), score_cutoff=cutoff)
        if score and (best is None or score > best[0] or (score == best[0] and post.published_at > best[1])):
            best = (score, post.published_at, post.account)
    if best is None:
        return []
    score, at, account = best
    where = f" en {account}" if account else ""
    window_days = options.spam_window.total_seconds() / 86400
    return [
        Hit(
            "spam.duplicate",
            0,
            len(text.rstrip()),
            f"Este mensaje es igual o casi igual ({score:.0f} %) a uno publicado{where} el {at:%d/%m/%Y %H:%M}, dentro "
            f"del plazo de {window_days:g} días: no repita mensajes; actualícelo o deje de publicarlo.",
        )
    ]
