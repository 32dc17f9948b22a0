"""spelling: Spanish spelling with Hunspell and the Debian `hunspell-es` dictionaries (rosarito:9.18,
iee-sonora:6.XXII). Hashtags, handles, URLs, e-mail addresses, acronyms, words with digits and the
institutional allow-list are skipped. Word verdicts and suggestions are cached per process.

Hunspell's suggest() costs milliseconds, so only the first `spelling_suggest_budget` unknown words of a
post (in text order, so the output is deterministic) get suggestions.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pregon.checker.config import CheckerOptions
from pregon.checker.text import WORD_RE, entries_for, inside, prepare
from pregon.checker.types import CheckContext, Hit

log = logging.getLogger(__name__)


class DictionaryUnavailable(Exception):
    """The Hunspell binding or the dictionary files are missing."""


@lru_cache(maxsize=None)
def _speller(name: str, dirs: tuple[str, ...]) -> Any:
    try:
        import hunspell  # pyhunspell: C binding over libhunspell
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise DictionaryUnavailable(
            "falta el módulo de Python «hunspell» (pip install hunspell; requiere libhunspell-dev)"
        ) from exc
    for d in dirs:
        dic, aff = os.path.join(d, f"{name}.dic"), os.path.join(d, f"{name}.aff")
        if os.path.isfile(dic) and os.path.isfile(aff):
            return hunspell.HunSpell(dic, aff)
    raise DictionaryUnavailable(
        f"no se encontró el diccionario Hunspell «{name}» en {', '.join(dirs)} (instale el paquete hunspell-es)"
    )


@lru_cache(maxsize=None)
def _warn_once(name: str, reason: str) -> None:
    log.warning("spelling rule disabled: %s", reason)


def speller_status(options: CheckerOptions) -> str | None:
    """None when spelling can run; otherwise the reason, in Spanish."""
    try:
        _speller(options.spelling_dictionary, options.dictionary_dirs)
    except DictionaryUnavailable as exc:
        return str(exc)
    return None


@lru_cache(maxsize=200_000)
def _known(name: str, dirs: tuple[str, ...], word: str) -> bool:
    h = _speller(name, dirs)
    if h.spell(word):
        return True
    # A capitalised word at the start of a sentence: try it in lower case.
    lower = word.lower()
    if word[:1].isupper() and word[1:].islower() and h.spell(lower):
        return True
    return _enclitic_known(h, lower)


_CLITICS = sorted(
    ("me", "te", "se", "nos", "os", "lo", "la", "los", "las", "le", "les", "melo", "mela", "melos", "melas",
     "telo", "tela", "selo", "sela", "selos", "selas", "noslo", "nosla", "noslos", "noslas", "sele", "seles"),
    key=len,
    reverse=True,
)
_UNACCENT = str.maketrans("áéíóú", "aeiou")


def _enclitic_known(h: Any, word: str) -> bool:
    """Imperatives with enclitic pronouns (visítanos, vacúnate, inscríbete), which the dictionaries often lack.

    The pronoun moves the stress mark onto the verb, so the form must carry an accent and the bare verb
    without it must be a word: «visitanos» (no accent) stays wrong.
    """
    if not any(c in "áéíóú" for c in word):
        return False
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= 3:
            stem = word[: -len(clitic)]
            if any(c in "áéíóú" for c in stem) and h.spell(stem.translate(_UNACCENT)):
                return True
    return False


_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "úü", "n": "ñ"}
_ALPHABET = "aeiosnrlcdtumpbgvyqhfzjñxkwáéíóú"
_INSERTABLE = "aeiosnrlcdtumpbgh"  # a dropped letter is almost always one of these


_MAX_SUGGEST_LEN = 50  # longer "words" (a key held down, a pasted hash) get no suggestions


def _candidate_tiers(word: str) -> list[Iterator[str]]:
    """Spellings one edit away from a lower-case word, in tiers from most to least likely: a missing accent or ñ
    (the commonest error in Spanish posts); deletions and transpositions; substitutions; insertions.

    Each tier is generated lazily: the tiers after the one that gives suggestions are never built (a
    64,000-letter "word" once made millions of 64 KB candidates here and ran out of memory)."""
    n = len(word)
    return [
        (word[:i] + a + word[i + 1 :] for i, c in enumerate(word) for a in _ACCENTED.get(c, "")),
        itertools.chain(
            (word[:i] + word[i + 1 :] for i in range(n)),
            (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)),
        ),
        (word[:i] + c + word[i + 1 :] for i in range(n) for c in _ALPHABET if c != word[i]),
        (word[:i] + c + word[i:] for i in range(n + 1) for c in _INSERTABLE),
    ]


@lru_cache(maxsize=20_000)
def _suggest(name: str, dirs: tuple[str, ...], word: str, limit: int) -> tuple[str, ...]:
    """Up to `limit` dictionary words one edit away, in a fixed order (about 1 ms; Hunspell's own suggest()
    takes 5-150 ms per word, far too slow for thousands of posts a second)."""
    h = _speller(name, dirs)
    lower = word.lower()
    capital = word[:1].isupper()
    out: list[str] = []
    if len(word) > _MAX_SUGGEST_LEN:
        return ()
    for tier in _candidate_tiers(lower):
        for cand in tier:
            if len(cand) >= 2 and cand not in out and h.spell(cand):
                out.append(cand)
                if len(out) >= limit:
                    break
        if out:  # a closer tier already explains the error
            break
    if capital:
        out = [c[:1].upper() + c[1:] for c in out]
    return tuple(out)


@lru_cache(maxsize=512)
def _allowed(words: tuple[str, ...], lexicons: tuple[str, ...], textspeak: tuple[str, ...]) -> frozenset[str]:
    allowed = {w.casefold() for w in words}
    allowed.update(e.term.casefold() for e in entries_for(lexicons))
    allowed.update(e.term.casefold() for e in entries_for(textspeak))  # reported by style.textspeak instead
    return frozenset(allowed)


_SPANISH_WORD_RE = re.compile(r"[A-ZÁÉÍÓÚÜÑ]?[a-záéíóúüñ]+")


def _skippable(word: str) -> bool:
    """Words the spelling rule does not judge: single letters, acronyms (INE, CURP), mixed case (WhatsApp), and
    words with letters outside Spanish (other scripts, foreign letters)."""
    return len(word) < 2 or _SPANISH_WORD_RE.fullmatch(word) is None


# (dictionary, dirs) -> word -> True when the word needs no report (known, skippable or a hyphen compound of
# known parts). The allow-list is applied after this cache, because it varies per call.
_verdicts: dict[tuple[str, tuple[str, ...]], dict[str, bool]] = {}
_VERDICT_CACHE_MAX = 200_000


def _fine(name: str, dirs: tuple[str, ...], word: str) -> bool:
    cache = _verdicts.setdefault((name, dirs), {})
    v = cache.get(word)
    if v is None:
        if _skippable(word.replace("-", "").replace("'", "").replace("’", "")):
            v = True
        else:
            parts = [pt for pt in word.replace("’", "-").replace("'", "-").split("-") if pt]
            v = all(_known(name, dirs, pt) for pt in parts)
        if len(cache) > _VERDICT_CACHE_MAX:
            cache.clear()
        cache[word] = v
    return v


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    name, dirs = options.spelling_dictionary, options.dictionary_dirs
    try:
        _speller(name, dirs)
    except DictionaryUnavailable as exc:
        _warn_once(name, str(exc))
        return [Hit("spelling.unavailable", 0, 0, f"No se revisó la ortografía: {exc}.")]
    allowed: frozenset[str] | None = None
    p = None
    hits: list[Hit] = []
    budget = options.spelling_suggest_budget
    n = len(text)
    verdicts = _verdicts.setdefault((name, dirs), {})
    # Most posts have only words already judged fine: check the plain word list first, and walk the matches (with
    # their offsets) only when some word is new or wrong.
    get = verdicts.get
    for word in WORD_RE.findall(text):
        if not get(word):
            break
    else:
        return hits
    for m in WORD_RE.finditer(text):
        word = m.group()
        if verdicts.get(word) or _fine(name, dirs, word):
            continue
        if allowed is None:
            allowed = _allowed(ctx.allow_words + options.spelling_allow_words, options.spelling_allow_lexicons,
                               options.textspeak_lexicons)
            p = prepare(text)
        if word.casefold() in allowed:
            continue
        s, e = m.start(), m.end()
        # glued to digits or to the symbols of handles, hashtags and URLs ("2do", "#Salud", "ejemplo.gob")
        if (s > 0 and (text[s - 1].isdigit() or text[s - 1] in "#@_/.")) or (
            e < n and (text[e].isdigit() or text[e] in "_@/")
        ):
            continue
        if inside(p.skips, s, e):  # type: ignore[union-attr]
            continue
        parts = [pt for pt in word.replace("’", "-").replace("'", "-").split("-") if pt]
        if len(parts) > 1 and all(_known(name, dirs, pt) or pt.casefold() in allowed for pt in parts):
            continue
        suggestions: tuple[str, ...] = ()
        if budget > 0 and options.max_spelling_suggestions > 0:
            budget -= 1
            suggestions = _suggest(name, dirs, word, options.max_spelling_suggestions)
        if suggestions:
            fix = "quizá quiso decir " + ", ".join(f"«{x}»" for x in suggestions)
        else:
            fix = "revise cómo se escribe"
        hits.append(
            Hit(
                "spelling.unknown_word",
                s,
                e,
                f"«{word}» no está en el diccionario ({name}): {fix}. Si es un nombre propio de la institución, "
                "agréguelo a su lista de palabras permitidas.",
            )
        )
    return hits
