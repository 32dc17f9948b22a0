"""Text helpers shared by the detectors: accent folding that keeps offsets, lexicon files, term matchers.

Everything here is cached per process: lexicons are read once, and a term list is compiled to one
regular expression once, so a detector costs a few regex scans per post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
LEXICON_NAME_RE = re.compile(r"^[a-z0-9_]+$")

# One character in, one character out: offsets in the folded text are offsets in the original text.
_FOLD_SRC = "áéíóúüàèìòùäëïöâêîôûÁÉÍÓÚÜÀÈÌÒÙÄËÏÖÂÊÎÔÛ"
_FOLD_DST = "aeiouuaeiouaeioaeiouAEIOUUAEIOUAEIOAEIOU"
_FOLD = str.maketrans(_FOLD_SRC, _FOLD_DST)
assert len(_FOLD_SRC) == len(_FOLD_DST)


def fold(text: str) -> str:
    """Remove the accents of vowels (not of ñ), keeping the length and therefore every offset."""
    return text.translate(_FOLD)


# URLs (with scheme or www.), e-mail addresses, handles and hashtags: spans most detectors skip.
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»“”]+", re.IGNORECASE)
# Bare domains with a path or a known TLD ("bit.ly/x", "pasto.gov.co"). Not preceded by @ (e-mail).
BARE_DOMAIN_RE = re.compile(
    r"(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|edu|gob|gov|mx|co|ly|gl|io|me|info|to|tv|es|us|app|link|page|cc|do|tk)"
    r"(?:\.(?:mx|co|es|ar|us))?(?:/[^\s<>\"'«»“”]*)?(?![\w@])",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE_RE = re.compile(r"(?<![\w@])@\w{1,50}")
HASHTAG_RE = re.compile(r"(?<![\w#&])#\w+")
TRAILING_PUNCT = ".,;:!?)]}»”'\""


def trim_url(text: str, start: int, end: int) -> int:
    """Shorten a URL match so that trailing sentence punctuation is not part of it; returns the new end."""
    while end > start and text[end - 1] in TRAILING_PUNCT:
        if text[end - 1] == ")" and "(" in text[start:end]:
            break
        end -= 1
    return end


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and bare domains, trailing punctuation excluded, in text order, not overlapping."""
    if "." not in text:
        return []
    spans: list[tuple[int, int]] = []
    for m in URL_RE.finditer(text):
        spans.append((m.start(), trim_url(text, m.start(), m.end())))
    for m in BARE_DOMAIN_RE.finditer(text):
        s, e = m.start(), trim_url(text, m.start(), m.end())
        if any(a <= s < b for a, b in spans):
            continue
        spans.append((s, e))
    spans.sort()
    return spans


def skip_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses, handles and hashtags (sorted), which word rules must not read."""
    spans = url_spans(text)
    if "@" in text:
        spans += [m.span() for m in EMAIL_RE.finditer(text)]
        spans += [m.span() for m in HANDLE_RE.finditer(text)]
    if "#" in text:
        spans += [m.span() for m in HASHTAG_RE.finditer(text)]
    spans.sort()
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the spans."""
    for a, b in spans:
        if a < end and start < b:
            return True
        if a >= end:
            break
    return False


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: the term and an optional note (a plain alternative, a group, a reason)."""

    term: str
    note: str = ""
    exact: bool = False  # match only as written (acronyms, or a term written with a leading "=")


def _parse_lexicon(lines: list[str]) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    seen: set[str] = set()
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        term, _, note = line.partition("|")
        term, note = " ".join(term.split()), note.strip()
        exact = term.startswith("=")
        term = term.lstrip("=").strip()
        if term and term not in seen:
            seen.add(term)
            entries.append(Entry(term, note, exact or _is_acronym(term)))
    return tuple(entries)


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> tuple[Entry, ...]:
    """Read `lexicons/<name>.txt`: one term per line, `term | note`, `#` comments, UTF-8.

    A term written entirely in capitals (an acronym such as PAN or PT), or written with a leading "="
    (`=Morena`), matches only as written; any other term matches regardless of case and of vowel accents.
    """
    if not LEXICON_NAME_RE.match(name):
        raise ValueError(f"nombre de léxico inválido: {name!r}")
    path = LEXICON_DIR / f"{name}.txt"
    return _parse_lexicon(path.read_text(encoding="utf-8").splitlines())


def lexicon_exists(name: str) -> bool:
    return bool(LEXICON_NAME_RE.match(name)) and (LEXICON_DIR / f"{name}.txt").is_file()


def entries_for(lexicons: tuple[str, ...], extra_terms: tuple[str, ...] = ()) -> tuple[Entry, ...]:
    """The entries of several lexicons plus terms given inline by the policy (deduplicated, in order)."""
    return _entries_for(lexicons, extra_terms)


@lru_cache(maxsize=256)
def _entries_for(lexicons: tuple[str, ...], extra_terms: tuple[str, ...]) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    for name in lexicons:
        entries.extend(load_lexicon(name))
    entries.extend(_parse_lexicon(list(extra_terms)))
    seen: set[str] = set()
    unique: list[Entry] = []
    for e in entries:
        if e.term not in seen:
            seen.add(e.term)
            unique.append(e)
    return tuple(unique)


def _is_acronym(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _term_pattern(term: str) -> str:
    parts = [re.escape(p) for p in term.split(" ")]
    body = r"\s+".join(parts)
    head = r"(?<!\w)" if (term[0].isalnum() or term[0] == "_") else ""
    tail = r"(?!\w)" if (term[-1].isalnum() or term[-1] == "_") else ""
    return head + body + tail


class TermMatcher:
    """Finds the terms of a word list in a text, on word boundaries, ignoring case and vowel accents."""

    __slots__ = ("_insensitive", "_sensitive", "_notes", "empty")

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self._notes: dict[str, Entry] = {}
        folded: list[str] = []
        exact: list[str] = []
        for e in sorted(entries, key=lambda e: -len(e.term)):
            if e.exact:
                exact.append(_term_pattern(e.term))
                self._notes[e.term] = e
            else:
                key = fold(e.term).casefold()
                if key in self._notes:
                    continue
                folded.append(_term_pattern(fold(e.term)))
                self._notes[key] = e
        self._insensitive = re.compile("|".join(folded), re.IGNORECASE) if folded else None
        self._sensitive = re.compile("|".join(exact)) if exact else None
        self.empty = not folded and not exact

    def finditer(self, text: str, folded_text: str | None = None) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every match, in text order."""
        out: list[tuple[int, int, Entry]] = []
        if self._insensitive is not None:
            ft = folded_text if folded_text is not None else fold(text)
            for m in self._insensitive.finditer(ft):
                key = " ".join(m.group().split()).casefold()
                entry = self._notes.get(key) or Entry(m.group())
                out.append((m.start(), m.end(), entry))
        if self._sensitive is not None:
            for m in self._sensitive.finditer(text):
                key = " ".join(m.group().split())
                out.append((m.start(), m.end(), self._notes.get(key) or Entry(m.group())))
            out.sort(key=lambda t: t[0])
        return out


@lru_cache(maxsize=256)
def matcher(lexicons: tuple[str, ...], extra_terms: tuple[str, ...] = ()) -> TermMatcher:
    """A compiled, cached matcher for some lexicons plus inline terms."""
    return TermMatcher(entries_for(lexicons, extra_terms))


WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
SENTENCE_END_RE = re.compile(r"[.!?…]+|\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Prepared:
    """What several detectors need from one text, computed once: folded text and spans to skip."""

    folded: str
    urls: tuple[tuple[int, int], ...]
    skips: list[tuple[int, int]]  # URLs, e-mail addresses, handles and hashtags
    urls_and_handles: list[tuple[int, int]]  # the same without hashtags (whose words are the author's)


@lru_cache(maxsize=8)
def prepare(text: str) -> Prepared:
    urls = url_spans(text)
    named = list(urls)
    if "@" in text:
        named += [m.span() for m in EMAIL_RE.finditer(text)]
        named += [m.span() for m in HANDLE_RE.finditer(text)]
        named.sort()
    skips = named + [m.span() for m in HASHTAG_RE.finditer(text)] if "#" in text else named
    skips.sort()
    return Prepared(fold(text), tuple(urls), skips, named)


def quote(text: str, start: int, end: int, limit: int = 60) -> str:
    """The offending span for a message, shortened when long."""
    s = " ".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
