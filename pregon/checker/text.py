"""Text helpers shared by the detectors: accent folding that keeps offsets, lexicon files, term matchers.

Everything here is cached per process: lexicons are read once, and a term list is compiled to one
regular expression once, so a detector costs a few regex scans per post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
LEXICON_NAME_RE = re.compile(r"^[a-z0-9_]+$")

# One character in, one character out: offsets in the folded text are offsets in the original text.
_FOLD_SRC = "áéíóúüàèìòùäëïöâêîôûÁÉÍÓÚÜÀÈÌÒÙÄËÏÖÂÊÎÔÛ"
_FOLD_DST = "aeiouuaeiouaeioaeiouAEIOUUAEIOUAEIOAEIOU"
_FOLD = str.maketrans(_FOLD_SRC, _FOLD_DST)
assert len(_FOLD_SRC) == len(_FOLD_DST)


_FOLD_MAP = dict(zip(_FOLD_SRC, _FOLD_DST))
_ACCENTED_RE = re.compile(f"[{_FOLD_SRC}]")


def fold(text: str) -> str:
    """Remove the accents of vowels (not of ñ), keeping the length and therefore every offset.

    (A regex substitution: str.translate walks every character through a dict and is 5x slower here.)
    """
    if text.isascii():
        return text
    return _ACCENTED_RE.sub(lambda m: _FOLD_MAP[m.group()], text)


# URLs (with scheme or www.), e-mail addresses, handles and hashtags: spans most detectors skip.
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»“”]+", re.IGNORECASE)
# Bare domains with a path or a known TLD ("bit.ly/x", "pasto.gov.co"). Not preceded by @ (e-mail).
# (The lookahead only prunes: a match needs a label followed by a dot, so most word starts fail at once.)
BARE_DOMAIN_RE = re.compile(
    r"(?<![@\w.\-/])(?=[a-z0-9\-]*+\.)(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|edu|gob|gov|mx|co|ly|gl|io|me|info|to|tv|es|us|app|link|page|cc|do|tk)"
    r"(?:\.(?:mx|co|es|ar|us))?(?:/[^\s<>\"'«»“”]*)?(?![\w@])",
    re.IGNORECASE,
)
_TLD_HINT_RE = re.compile(
    r"\.(?:com|org|net|edu|gob|gov|mx|co|ly|gl|io|me|info|to|tv|es|us|app|link|page|cc|do|tk)(?![a-z0-9-])", re.I
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE_RE = re.compile(r"(?<![\w@])@\w{1,50}")
# "#" first and the look-behind after it (same matches as "(?<![\w#&])#\w+"): a literal first character lets the
# regex engine skip to each "#" instead of trying the look-behind at every position (10x faster).
HASHTAG_RE = re.compile(r"#(?<![\w#&]#)\w+")
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
    if "://" in text or "www." in text.lower():  # what URL_RE needs (case-insensitive), found without the regex
        for m in URL_RE.finditer(text):
            spans.append((m.start(), trim_url(text, m.start(), m.end())))
    if not _TLD_HINT_RE.search(text):
        return spans
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


_TOKEN_RE = re.compile(r"\w+")


class TermMatcher:
    """Finds the terms of a word list in a text, on word boundaries, ignoring case and vowel accents.

    Terms are sequences of words separated by spaces. Matching walks the text's tokens once and looks each
    token up in a dict keyed by the first word of the terms, so its cost does not grow with the list
    (a regex alternation of hundreds of terms is tried at every position and costs ~1 ms per post).
    """

    __slots__ = ("_folded", "_exact", "_folded_keys", "_exact_keys", "empty")

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        # key word -> [(words, position of the key word in them, entry)], longest terms first. The key is the
        # term's longest word ("virtud" in "en virtud de"), so common words ("en", "de") do not trigger lookups.
        self._folded: dict[str, list[tuple[tuple[str, ...], int, Entry]]] = {}
        self._exact: dict[str, list[tuple[tuple[str, ...], int, Entry]]] = {}
        seen: set[tuple[bool, tuple[str, ...]]] = set()
        for e in sorted(entries, key=lambda e: -len(e.term)):
            if e.exact:
                words = tuple(_TOKEN_RE.findall(e.term))
                table = self._exact
            else:
                words = tuple(_TOKEN_RE.findall(fold(e.term).casefold()))
                table = self._folded
            if not words or (e.exact, words) in seen:
                continue
            seen.add((e.exact, words))
            j = max(range(len(words)), key=lambda k: (len(words[k]), -k))
            table.setdefault(words[j], []).append((words, j, e))
        for table in (self._folded, self._exact):
            for bucket in table.values():
                bucket.sort(key=lambda t: -len(t[0]))
        self._folded_keys = frozenset(self._folded)
        self._exact_keys = frozenset(self._exact)
        self.empty = not self._folded and not self._exact

    def finditer(self, text: str, folded_text: str | None = None) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every match, in text order; overlapping matches keep the earlier, longer one."""
        if self.empty:
            return []
        t = tokens(text)
        found: list[tuple[int, int, Entry]] = []
        for table, exact in ((self._folded, False), (self._exact, True)):
            if not table:
                continue
            # The key words of the table that occur in the text: one set intersection in C (iterating the
            # smaller set). Their order does not matter: matches are sorted below.
            hits = (self._exact_keys if exact else self._folded_keys).intersection(
                t.words_set if exact else t.folded_set)
            if not hits:
                continue
            forms = t.words if exact else t.folded
            spans = t.spans
            for key in hits:
                bucket = table[key]
                for i, form in enumerate(forms):
                    if form != key:
                        continue
                    for words, j, entry in bucket:
                        k = len(words)
                        start = i - j
                        if k > 1 and (start < 0 or not t.follows(start, words, forms)):
                            continue
                        found.append((spans[start][0], spans[start + k - 1][1], entry))
                        break
        if len(found) > 1:
            found.sort(key=lambda m: (m[0], -m[1]))
            kept = [found[0]]
            for m in found[1:]:
                if m[0] >= kept[-1][1]:
                    kept.append(m)
            found = kept
        return found


class Tokens:
    """The \\w+ tokens of one text: folded lower-case forms (always), and lazily their spans, their forms as
    written and the positions of a given form (only needed when a lexicon word is present)."""

    __slots__ = ("text", "folded", "folded_set", "aligned", "_spans", "_words", "_words_set")

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = prepare(text).folded.lower()
        self._spans: list[tuple[int, int]] | None = None
        # aligned: folded[i] is words[i] folded and lower-cased character by character. Every character whose lower
        # case is one character keeps isalpha() and \w-ness (checked over all of Unicode), so the tokens are the
        # same and folded[i].isalpha() == words[i].isalpha().
        self.aligned = len(lowered) == len(text)
        if not self.aligned:  # a few characters change length in lower case (İ): go token by token
            self._spans = [m.span() for m in _TOKEN_RE.finditer(text)]
            self.folded = [fold(text[a:b]).casefold() for a, b in self._spans]
        else:
            self.folded = _TOKEN_RE.findall(lowered)
        self.folded_set = frozenset(self.folded)
        self._words: list[str] | None = None
        self._words_set: frozenset[str] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN_RE.finditer(self.text)]
        return self._spans

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = _TOKEN_RE.findall(self.text)
        return self._words

    @property
    def words_set(self) -> frozenset[str]:
        if self._words_set is None:
            self._words_set = frozenset(self.words)
        return self._words_set

    def follows(self, i: int, words: tuple[str, ...], forms: list[str]) -> bool:
        """Whether tokens i.. spell `words`, separated only by white space."""
        k = len(words)
        if i + k > len(forms) or forms[i] != words[0]:
            return False
        text, spans = self.text, self.spans
        for j in range(1, k):
            if forms[i + j] != words[j] or not text[spans[i + j - 1][1] : spans[i + j][0]].isspace():
                return False
        return True


@lru_cache(maxsize=8)
def tokens(text: str) -> Tokens:
    return Tokens(text)


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


MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")


def spanish_date(value: Any) -> str:
    """A date as the messages write it: "5 de diciembre de 2026" (the checker's messages are Spanish)."""
    return f"{value.day} de {MONTHS[value.month - 1]} de {value.year}"


def spanish_datetime(value: Any) -> str:
    """"5 de diciembre de 2026, 18:00", in the zone the value carries (the institution's)."""
    return f"{spanish_date(value)}, {value:%H:%M}"
