"""spam: the same or nearly the same message already published by the institution's accounts within the
policy's window (rosarito:9.20, iee-sonora:6.XXIV), compared with rapidfuzz."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pregon.checker.config import CheckerOptions
from pregon.checker.text import URL_RE, fold, prepare, spanish_datetime, tokens
from pregon.checker.types import ArchivedPost, CheckContext, Hit

_NON_WORD = re.compile(r"\W+")


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Lower case, no accents, no URLs, no punctuation, single spaces: what makes two posts "the same"."""
    t = URL_RE.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", fold(t).lower()).split())


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


_memo: dict[str, object] = {}


def _choices(
    archive: tuple[ArchivedPost, ...], since: dt.datetime | None, now: dt.datetime | None
) -> tuple[list[str], list[ArchivedPost]]:
    """Normalised texts of the archive posts inside the window (memoised for the last archive and window:
    a batch checks many posts against the same archive)."""
    key = (id(archive), since, now)
    if _memo.get("key") == key and _memo.get("archive") is archive:
        return _memo["value"]  # type: ignore[return-value]
    posts = []
    for post in archive:
        if since is not None:
            at = _naive(post.published_at)
            if at < since or at > now:  # type: ignore[operator]
                continue
        posts.append(post)
    posts.sort(key=lambda p: p.published_at, reverse=True)  # ties go to the most recent post
    value = ([normalize(p.text) for p in posts], posts)
    _memo.update(key=key, archive=archive, value=value)
    return value


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    if not ctx.archive:
        return []
    if prepare(text).urls:
        norm = normalize(text)
    else:  # the same result from the cached tokens of the text
        norm = " ".join(tokens(text).folded)
    if len(norm) < options.spam_min_length:
        return []
    from rapidfuzz import fuzz, process  # imported lazily: `pregon check` starts fast

    now = _naive(ctx.now) if ctx.now else None
    since = now - options.spam_window if now else None
    choices, posts = _choices(ctx.archive, since, now)
    if not choices:
        return []
    found = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=options.spam_similarity)
    best = None
    if found is not None:
        score, post = found[1], posts[found[2]]
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
            f"Este mensaje es igual o casi igual ({score:.0f} %) a uno publicado{where} el {spanish_datetime(at)}, "
            f"dentro del plazo de {window_days:g} días: no repita mensajes; actualícelo o deje de publicarlo.",
        )
    ]
