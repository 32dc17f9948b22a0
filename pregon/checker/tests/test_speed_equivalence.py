"""The speed rewrites change no finding: regexes rewritten literal-first match exactly what their original forms
matched, and tricky texts give the findings the checker gave before the rewrites (recorded from that version).
No timing here: speed is measured only in bench/."""

from __future__ import annotations

import random
import re

import pytest

from pregon.checker import CheckerConfig, check
from pregon.checker.rules import hashtag, spelling, style
from pregon.checker.text import BARE_DOMAIN_RE, HASHTAG_RE

_C = style._CAPS
# (rewritten regex, the form it replaced)
REWRITES = [
    (HASHTAG_RE, re.compile(r"(?<![\w#&])#\w+")),
    (hashtag._SPACED_RE, re.compile(r"(?<![\w#&])#[ \t]+(?=[^\W\d_])\w+")),
    (hashtag._BROKEN_RE, re.compile(r"(?<![\w#&])#\w+(?:[-.'’]\w+)+")),
    (hashtag._DOUBLE_RE, re.compile(r"(?<![\w#&])#{2,}\w+")),
    (style._CAPS_RUN_RE, re.compile(rf"(?<!\w)[{_C}]+(?:[^\w\n]+[{_C}]+)*(?!\w)")),
    (
        BARE_DOMAIN_RE,
        re.compile(
            r"(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+"
            r"(?:com|org|net|edu|gob|gov|mx|co|ly|gl|io|me|info|to|tv|es|us|app|link|page|cc|do|tk)"
            r"(?:\.(?:mx|co|es|ar|us))?(?:/[^\s<>\"'«»“”]*)?(?![\w@])",
            re.IGNORECASE,
        ),
    ),
]

TRICKY = {
    "emoji": "Mañana 🎉🎉🎉 🎉 🎉 hay fiesta 🎉🎉 👨‍👩‍👧 familia 🇲🇽🇨🇴 #Fiesta ¡¡¡Vengan!!!",
    "mixed_scripts": "Привет мир, hola mundo, 你好世界 xq tb İSTANBUL ES UNA CIUDAD MUY GRANDE Y HERMOSA ǅemal ﬁesta ſera",
    "hashtags": "##Doble #Roto-Hashtag # Salud #2024 #1 a#b &#x #Vacuna www.ejemplo.com/#frag",
    "caps": "AVISO IMPORTANTE PARA TODA LA CIUDADANÍA: el PAN, el PRI y MORENA. aAVISO IMPORTANTE PARA TODOS",
    "urls": "Visita WWW.Rosarito.gob.mx/becas), bit.ly/abc, HTTPS://x.com/a y pasto.gov.co. correo@dominio.com",
    "passive": "El reglamento fue aprobado por el Cabildo; es privado; son aprobados por todos; ha sido revisado.",
}
# check(text, CheckerConfig.all_enabled()) before the speed work, as (rule, start, end)
EXPECTED = {
    "emoji": [("style.emoji_flood", 7, 14), ("style.exclamation_flood", 56, 59), ("style.exclamation_flood", 65, 68)],
    "mixed_scripts": [("style.textspeak", 29, 31), ("style.textspeak", 32, 34), ("style.all_caps", 44, 78)],
    "hashtags": [("hashtag.malformed", 0, 7), ("hashtag.malformed", 8, 21), ("hashtag.malformed", 22, 29),
                 ("hashtag.malformed", 30, 35)],
    "caps": [("style.all_caps", 0, 40)],
    "urls": [("link.shortener", 35, 45), ("personal_data.email", 79, 97)],
    "passive": [("clarity.passive_voice", 14, 30), ("clarity.passive_voice", 55, 72),
                ("clarity.passive_voice", 80, 96)],
}


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("new, old", REWRITES, ids=lambda r: r.pattern[:24] if isinstance(r, re.Pattern) else "")
def test_rewritten_regex_matches_what_the_original_matched(new: re.Pattern[str], old: re.Pattern[str]) -> None:
    rnd = random.Random(20260)
    alphabet = "aA#@&_-.'’ \n\t1Kſİıé🎉\u200dwW/:comgbxÁÑ"
    texts = [*TRICKY.values(), "", "#", "##", "# a", "A", "AB CD EF GH IJ", "a.co", "-x.com", "@a.com"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(5_000)]
    for text in texts:
        assert _spans(new, text) == _spans(old, text), text


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_texts_keep_their_findings(name: str) -> None:
    findings = check(TRICKY[name], CheckerConfig.all_enabled())
    assert [(f.rule, f.start, f.end) for f in findings] == EXPECTED[name]


def test_text_of_64000_characters() -> None:
    text = ("La jornada de vacunacion se realizará hoy en la colonia Centro. " * 1100)[:64000]
    findings = check(text, CheckerConfig.all_enabled())
    assert len(findings) == 1000 and {f.rule for f in findings} == {"spelling.unknown_word"}
    assert (findings[0].start, findings[-1].end) == (14, 63960)


def test_one_word_of_64000_letters_gets_no_suggestions_and_does_not_exhaust_memory() -> None:
    # Before: every one-edit candidate of the word was built eagerly (millions of 64 KB strings): out of memory.
    findings = check("x" * 64000, CheckerConfig.all_enabled())
    spelling_hits = [f for f in findings if f.rule == "spelling.unknown_word"]
    assert len(spelling_hits) == 1 and "revise cómo se escribe" in spelling_hits[0].message
    assert spelling._suggest.__wrapped__("es_MX", CheckerConfig().options.dictionary_dirs, "x" * 51, 3) == ()


@pytest.mark.parametrize("text", ["", "   ", "\n\t\u00a0 ", "\u3000"])
def test_empty_after_strip(text: str) -> None:
    assert check(text, CheckerConfig.all_enabled()) == []
