"""clarity: lenguaje claro (rosarito:4.10, pasto:3.3). Readability with Fernández-Huerta or Szigriszt-Pazos
(INFLESZ) on a Spanish syllable counter, long sentences, passive voice and bureaucratic jargon."""

from __future__ import annotations

import re
from bisect import bisect_left

from pregon.checker.config import CheckerOptions
from pregon.checker.syllables import fernandez_huerta_band, inflesz_band, readability, sentences_of
from pregon.checker.text import WORD_RE, inside, matcher, prepare, quote, tokens
from pregon.checker.types import CheckContext, Hit

_PARTICIPLE = (
    r"(?:[a-zñ]{2,}(?:ad[oa]s?)|[a-zñ]{3,}(?:id[oa]s?)|hech[oa]s?|dich[oa]s?|escrit[oa]s?|puest[oa]s?|vist[oa]s?"
    r"|abiert[oa]s?|cubiert[oa]s?|resuelt[oa]s?|impres[oa]s?|elect[oa]s?|devuelt[oa]s?|suspendid[oa]s?)"
)
# ser + participle; "es/son/era/eran/sea/sean" only with an agent ("por …"), to spare "es privado"
_PASSIVE_RE = re.compile(
    r"(?<!\w)(?:(?:fue|fueron|sera|seran|seria|serian|(?:ha|han|habia|habian|habra|habran) sido)\s+"
    r"(?:[a-z]+mente\s+)?" + _PARTICIPLE + r"(?:\s+por(?!\w))?"
    r"|(?:es|son|era|eran|sea|sean)\s+(?:[a-z]+mente\s+)?" + _PARTICIPLE + r"\s+por)(?!\w)",
    re.IGNORECASE,
)
_STRONG_AUX = frozenset({"fue", "fueron", "sera", "seran", "seria", "serian", "sido"})
_WEAK_AUX = frozenset({"es", "son", "era", "eran", "sea", "sean"})
_NOT_PARTICIPLE = frozenset({"todo", "toda", "todos", "todas", "nada", "lado", "estado", "vida", "medida", "comida",
                             "salida", "partida", "llegada", "entrada", "mitad", "grado", "cuidado", "pasado",
                             "mercado", "senado", "soldado", "abogado", "abogada", "delegado", "delegada",
                             "diputado", "diputada", "candidato", "candidata", "encargado", "encargada"})


def detect(text: str, ctx: CheckContext, options: CheckerOptions) -> list[Hit]:
    p = prepare(text)
    t = tokens(text)
    hits: list[Hit] = []
    # tokens that are words (not numbers, not snake_case); the folded forms say the same without a second scan
    alpha = [w.isalpha() for w in (t.folded if t.aligned else t.words)]
    n_words = sum(alpha)
    if n_words >= options.readability_min_words:
        words = [w for w, a in zip(t.words, alpha) if a]
        r = readability(text, words)
        if r is not None:
            if options.readability_index == "inflesz":
                low = r.szigriszt_pazos < options.min_inflesz
                score = f"INFLESZ (Szigriszt-Pazos) {r.szigriszt_pazos:.1f}, «{inflesz_band(r.szigriszt_pazos)}»"
                target = f"al menos {options.min_inflesz:g}"
            else:
                low = r.fernandez_huerta < options.min_fernandez_huerta
                score = f"Fernández-Huerta {r.fernandez_huerta:.1f}, «{fernandez_huerta_band(r.fernandez_huerta)}»"
                target = f"al menos {options.min_fernandez_huerta:g}"
            if low:
                hits.append(
                    Hit(
                        "clarity.readability",
                        0,
                        len(text.rstrip()),
                        f"Legibilidad baja: {score} ({r.syllables / r.words:.2f} sílabas por palabra, "
                        f"{r.words / r.sentences:.1f} palabras por oración); busque {target}: use oraciones cortas "
                        "y palabras comunes.",
                    )
                )
    sentences = sentences_of(text) if n_words > options.max_sentence_words else []
    if sentences:
        starts = [a for a, _ in t.spans]
        prefix = [0]
        for a in alpha:
            prefix.append(prefix[-1] + a)
    for s, e in sentences:
        n = prefix[bisect_left(starts, e)] - prefix[bisect_left(starts, s)]
        if n > options.max_sentence_words and p.skips:  # do not count the words inside URLs, handles, hashtags
            n = sum(1 for m in WORD_RE.finditer(text, s, e) if not inside(p.skips, m.start(), m.end()))
        if n > options.max_sentence_words:
            s2 = s + (len(text[s:e]) - len(text[s:e].lstrip()))
            hits.append(
                Hit(
                    "clarity.long_sentence",
                    s2,
                    e,
                    f"Oración de {n} palabras: divídala en oraciones de {options.max_sentence_words} palabras o menos.",
                )
            )
    present = t.folded_set
    passive_possible = not present.isdisjoint(_STRONG_AUX) or ("por" in present and not present.isdisjoint(_WEAK_AUX))
    for m in (_PASSIVE_RE.finditer(p.folded) if passive_possible else ()):
        words_in = m.group().split()
        if any(w.lower() in _NOT_PARTICIPLE for w in words_in):
            continue
        s, e = m.span()
        hits.append(
            Hit(
                "clarity.passive_voice",
                s,
                e,
                f"«{quote(text, s, e)}» está en voz pasiva: prefiera la voz activa, diga quién hace qué "
                "(p. ej. «El Cabildo aprobó…» en vez de «fue aprobado por el Cabildo»).",
            )
        )
    for s, e, entry in matcher(options.jargon_lexicons, options.jargon_terms).finditer(text, p.folded):
        if inside(p.skips, s, e):
            continue
        alt = f": escriba «{entry.note}»" if entry.note and not entry.note.startswith("(") else (
            f" {entry.note}" if entry.note else ": use una expresión más sencilla"
        )
        hits.append(Hit("clarity.jargon", s, e, f"«{quote(text, s, e)}» es lenguaje burocrático{alt}."))
    return hits
