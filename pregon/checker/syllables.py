"""Spanish syllable counting and readability (Fernández-Huerta, Szigriszt-Pazos / INFLESZ).

Counting follows the orthographic rules of the RAE (Ortografía 2010, §4.1): every syllable has one
vocalic nucleus, so the count is the number of nuclei. In a run of vowels,
  * strong vowels (a, e, o, and accented á é ó) each form their own nucleus: le-er, a-é-re-o;
  * unaccented weak vowels (i, u, ü, and final y) join a neighbour: ciu-dad, cuí-da-lo, buey, U-ru-guay;
  * an accented weak vowel (í, ú) is a nucleus of its own and breaks the diphthong: pa-ís, ba-úl, re-ír;
  * a run of weak vowels only is one nucleus: cui-da-do, ciu-dad, flui-do;
  * an h between vowels does not prevent a diphthong (ahu-ma-do, prohi-bir) nor create one (bú-ho, al-co-hol);
  * the u of que/qui/gue/gui is silent (que-so, gui-so), the ü of güe/güi is pronounced (pin-güi-no).
Hence: nuclei in a vowel run = number of strong or accented vowels in it, or 1 if it has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pregon.checker.text import WORD_RE

STRONG = frozenset("aeoáéóíúàèòìùâêô")  # accented weak vowels count as strong: they are nuclei of their own
WEAK = frozenset("iuüy")
VOWELS = STRONG | WEAK


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables of one Spanish word (letters only; anything else is ignored). At least 1."""
    w = "".join(c for c in word.lower() if c.isalpha())
    if not w:
        return 0
    n = len(w)
    chars = list(w)
    # silent u in que/qui/gue/gui
    for i in range(1, n - 1):
        if chars[i] == "u" and chars[i - 1] in "qg" and chars[i + 1] in "eiéí":
            chars[i] = "-"
    # y is a vowel only at the end of a word after a vowel (hoy, rey, buey), or when it is the whole word
    # or stands between consonants; otherwise it is a consonant (yo, mayo, ayer)
    for i, c in enumerate(chars):
        if c != "y":
            continue
        nxt = chars[i + 1] if i + 1 < n else ""
        prev = chars[i - 1] if i > 0 else ""
        if nxt in VOWELS and nxt != "y":
            chars[i] = "#"  # consonant
        elif nxt == "" and prev not in VOWELS and n > 1 and prev != "":
            chars[i] = "i"  # e.g. "Ybarra"-like or final after consonant: vowel
    count = 0
    run_strong = 0
    run_len = 0
    i = 0
    while i < n:
        c = chars[i]
        if c in VOWELS:
            run_len += 1
            if c in STRONG:
                run_strong += 1
            i += 1
            continue
        if c == "h" and run_len and i + 1 < n and chars[i + 1] in VOWELS:
            i += 1  # h between vowels: the run continues
            continue
        if run_len:
            count += run_strong or 1
            run_len = run_strong = 0
        i += 1
    if run_len:
        count += run_strong or 1
    return max(count, 1)


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    fernandez_huerta: float
    szigriszt_pazos: float

    @property
    def inflesz_band(self) -> str:
        return inflesz_band(self.szigriszt_pazos)


def inflesz_band(score: float) -> str:
    """INFLESZ scale (Barrio-Cantalejo et al., 2008) for a Szigriszt-Pazos score."""
    if score < 40:
        return "muy difícil"
    if score < 55:
        return "algo difícil"
    if score < 65:
        return "normal"
    if score < 80:
        return "bastante fácil"
    return "muy fácil"


def fernandez_huerta_band(score: float) -> str:
    if score < 30:
        return "muy difícil"
    if score < 50:
        return "difícil"
    if score < 60:
        return "algo difícil"
    if score < 70:
        return "normal"
    if score < 80:
        return "algo fácil"
    if score < 90:
        return "fácil"
    return "muy fácil"


_SENTENCE_SPLIT = re.compile(r"[.!?…]+(?=\s|$)|\n+")


@lru_cache(maxsize=8)
def sentences_of(text: str) -> list[tuple[int, int]]:
    """Spans of sentences: split at . ! ? … followed by a space or the end, and at line breaks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def readability(text: str, words: list[str] | None = None) -> Readability | None:
    """Both indices over the words made of letters (`words`, if the caller has them); None without words."""
    if words is None:
        words = WORD_RE.findall(text)
    if not words:
        return None
    n_words = len(words)
    n_syll = sum(map(count_syllables, words))
    n_sent = sum(1 for s, e in sentences_of(text) if WORD_RE.search(text, s, e)) or 1
    p = 100.0 * n_syll / n_words
    f = 100.0 * n_sent / n_words
    fh = 206.84 - 0.60 * p - 1.02 * f
    sp = 206.835 - 62.3 * (n_syll / n_words) - (n_words / n_sent)
    return Readability(n_words, n_sent, n_syll, round(fh, 2), round(sp, 2))
