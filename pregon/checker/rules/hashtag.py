"""hashtag: hashtags of the dissemination campaigns running on the publication date (iee-sonora:6.XXIII) and
malformed hashtags."""

from __future__ import annotations

import re

from pregon.checker.config import CheckerOptions
from pregon.checker.text import HASHTAG_RE, fold, inside, prepare, spanish_date
from pregon.checker.types import CheckContext, Hit

# Each starts with "#" and checks the character before it afterwards ("#(?<![\w#&]#)" = "(?<![\w#&])#"), so the
# regex engine jumps from "#" to "#" instead of trying the look-behind at every position.
_SPACED_RE = re.compile(r"#(?<![\w#&]#)[ \t]+(?=[^\W\d_])\w+")
_BROKEN_RE = re.compile(r"#(?<![\w#&]#)\w+(?:[-.'’]\w+)+")
_DOUBLE_RE = re.compile(r"#(?<![\w#&]#)#+\w+")


def _key(tag: str) -> str:
    return fold(tag.lstrip("#")).casefold()


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    hits: list[Hit] = []
    if "#" in text:
        hits += _malformed(text, options)
    if ctx.now is None:
        return hits
    today = ctx.now.date()
    active: dict[str, tuple[str, object, object]] = {}
    for c in (*options.campaigns, *ctx.campaigns):
        if c.starts_on <= today <= c.ends_on:
            tag = c.hashtag if c.hashtag.startswith("#") else f"#{c.hashtag}"
            active.setdefault(_key(tag), (tag, c.starts_on, c.ends_on))
    if not active:
        return hits
    present = {_key(m.group()) for m in HASHTAG_RE.finditer(text)} if "#" in text else set()
    end = len(text)
    for key in sorted(active):
        if key in present:
            continue
        tag, starts, ends = active[key]
        hits.append(
            Hit(
                "hashtag.missing_campaign",
                end,
                end,
                f"Falta el hashtag {tag} de la campaña en curso (del {spanish_date(starts)} al "
                f"{spanish_date(ends)}): agréguelo.",
            )
        )
    return hits


def _malformed(text: str, options: CheckerOptions) -> list[Hit]:
    urls = list(prepare(text).urls)
    hits: list[Hit] = []
    for m in _SPACED_RE.finditer(text):
        if not inside(urls, m.start(), m.end()):
            fixed = "#" + m.group()[1:].strip()
            hits.append(Hit("hashtag.malformed", m.start(), m.end(),
                            f"«{m.group()}»: el espacio después de # rompe el hashtag; escriba «{fixed}»."))
    for m in _DOUBLE_RE.finditer(text):
        if not inside(urls, m.start(), m.end()):
            hits.append(Hit("hashtag.malformed", m.start(), m.end(),
                            f"«{m.group()}»: use un solo # al inicio del hashtag."))
    for m in _BROKEN_RE.finditer(text):
        if inside(urls, m.start(), m.end()):
            continue
        glued = re.sub(r"[-.'’]", "", m.group())
        hits.append(Hit("hashtag.malformed", m.start(), m.end(),
                        f"«{m.group()}»: el guion, el punto o el apóstrofo cortan el hashtag; escriba «{glued}»."))
    for m in HASHTAG_RE.finditer(text):
        tag = m.group()
        if inside(urls, m.start(), m.end()):
            continue
        body = tag[1:]
        if body.isdigit() and len(body) >= 3:  # "#2024" is not a hashtag; "#1" is read as "number one"
            hits.append(Hit("hashtag.malformed", m.start(), m.end(),
                            f"«{tag}»: un hashtag solo de números no funciona; agregue letras."))
        elif len(body) > options.max_hashtag_length:
            hits.append(Hit("hashtag.malformed", m.start(), m.end(),
                            f"«{tag}» tiene {len(body)} caracteres: use un hashtag de {options.max_hashtag_length} "
                            "o menos."))
    return hits
