"""style: capitals used for more than emphasis (rosarito:9.19, iee-sonora:6.XXIII), text-speak substitutions,
emoji and exclamation floods, and the platform's length limit."""

from __future__ import annotations

import re

from pregon.checker.config import CheckerOptions
from pregon.checker.text import WORD_RE, inside, matcher, prepare, quote
from pregon.checker.types import CheckContext, Hit

# An emoji: a regional-indicator pair (flag) or a pictograph with its modifiers and ZWJ continuations.
_PICTO = "\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff"
EMOJI_RE = re.compile(
    rf"[\U0001f1e6-\U0001f1ff]{{2}}|[{_PICTO}](?:[\ufe0f\U0001f3fb-\U0001f3ff]|\u200d[{_PICTO}\u2640\u2642]\ufe0f?)*"
)
_EMOJI_START_RE = re.compile(rf"[\U0001f1e6-\U0001f1ff{_PICTO}]")  # a character every emoji match starts with
_BANG_RUN_RE = re.compile(r"[!¡?¿]{2,}")


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    hits: list[Hit] = []
    p = prepare(text)
    hits += _all_caps(text, p.skips, options)
    hits += _textspeak(text, p, options)
    hits += _emoji(text, options)
    hits += _exclamations(text, options)
    if ctx.platform:
        limit = options.platform_limits.get(ctx.platform.lower())
        if limit is not None and len(text) > limit:
            hits.append(
                Hit(
                    "style.length",
                    limit,
                    len(text),
                    f"El texto tiene {len(text)} caracteres y el límite de {ctx.platform} es {limit}: "
                    f"recórtelo {len(text) - limit} caracteres o divídalo en varias publicaciones.",
                )
            )
    return hits


_CAPS = "A-ZÁÉÍÓÚÜÑÀÈÌÒÙÇ"
# = "(?<!\w)[CAPS]+…" with the look-behind after the first capital, so the engine skips to capitals (3x faster)
_CAPS_RUN_RE = re.compile(rf"[{_CAPS}](?<!\w[{_CAPS}])[{_CAPS}]*(?:[^\w\n]+[{_CAPS}]+)*(?!\w)")
_CAPS_WORD_RE = re.compile(rf"[{_CAPS}]{{2,}}")


def _all_caps(text: str, skips: list[tuple[int, int]], options: CheckerOptions) -> list[Hit]:
    hits: list[Hit] = []
    for m in _CAPS_RUN_RE.finditer(text):
        words = [w for w in _CAPS_WORD_RE.finditer(text, m.start(), m.end()) if not inside(skips, w.start(), w.end())]
        letters = sum(w.end() - w.start() for w in words)
        if len(words) > options.caps_max_words and letters >= options.caps_min_letters:
            s, e = m.span()
            hits.append(
                Hit(
                    "style.all_caps",
                    s,
                    e,
                    f"«{quote(text, s, e)}» está escrito todo en mayúsculas: use mayúsculas y minúsculas y reserve las "
                    f"mayúsculas para resaltar palabras sueltas (como mucho {options.caps_max_words} seguidas).",
                )
            )
    return hits


def _textspeak(text: str, p, options: CheckerOptions) -> list[Hit]:  # type: ignore[no-untyped-def]
    m = matcher(options.textspeak_lexicons, options.textspeak_terms)
    hits: list[Hit] = []
    n = len(text)
    for s, e, entry in m.finditer(text, p.folded):
        found = text[s:e]
        if not found.islower() or inside(p.skips, s, e):
            continue  # XQ, TB (tuberculosis), PA: acronyms, not text-speak
        if e - s == 1:
            # a single letter (x, q, k, d) counts only between two words: "vengan x su vacuna"
            if not (s >= 2 and text[s - 1] == " " and text[s - 2].isalpha() and e + 1 < n and text[e] == " "
                    and text[e + 1].isalpha()):
                continue
        if s > 0 and text[s - 1] in "'’-" or e < n and text[e] in "'’-":
            continue
        fix = f"«{entry.note}»" if entry.note else "la palabra completa"
        hits.append(Hit("style.textspeak", s, e, f"«{found}» es lenguaje de chat: escriba {fix}."))
    return hits


def _emoji(text: str, options: CheckerOptions) -> list[Hit]:
    if text.isascii():
        return []
    first = _EMOJI_START_RE.search(text)  # one character-class scan; most posts have no emoji at all
    if first is None:
        return []
    found = list(EMOJI_RE.finditer(text, first.start()))
    if not found:
        return []
    hits: list[Hit] = []
    # runs of emoji separated only by spaces
    run = [found[0]]
    runs: list[list[re.Match[str]]] = []
    for m in found[1:]:
        if not text[run[-1].end() : m.start()].strip():
            run.append(m)
        else:
            runs.append(run)
            run = [m]
    runs.append(run)
    flagged = False
    for r in runs:
        if len(r) > options.max_emoji_run:
            flagged = True
            hits.append(
                Hit(
                    "style.emoji_flood",
                    r[0].start(),
                    r[-1].end(),
                    f"{len(r)} emojis seguidos: use como mucho {options.max_emoji_run} y solo si aportan al mensaje.",
                )
            )
    if not flagged and len(found) > options.max_emoji:
        hits.append(
            Hit(
                "style.emoji_flood",
                found[0].start(),
                found[-1].end(),
                f"El texto tiene {len(found)} emojis: reduzca a {options.max_emoji} como máximo.",
            )
        )
    return hits


def _exclamations(text: str, options: CheckerOptions) -> list[Hit]:
    if "!" not in text and "¡" not in text:
        return []
    hits: list[Hit] = []
    for m in _BANG_RUN_RE.finditer(text):
        bangs = sum(1 for c in m.group() if c in "!¡")
        if bangs > options.max_exclamations:
            hits.append(
                Hit(
                    "style.exclamation_flood",
                    m.start(),
                    m.end(),
                    f"«{m.group()}»: demasiados signos de exclamación; use un solo par ¡…!.",
                )
            )
    return hits
