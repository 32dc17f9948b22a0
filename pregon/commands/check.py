"""`pregon check`: check one text, or a JSONL file of posts, against an institution's policy.

    pregon check [--institution PRESET] [--format text|json] [--platform P] [--date YYYY-MM-DD] [TEXT | -]
    pregon check --institution PRESET --jsonl FILE|-
    … [--archive POSTS.jsonl] [--allow-words WORDS.txt]

JSONL contract (public): each non-blank input line is `{"id": …, "text": "…"}`; for each one, in input order,
one output line `{"id": …, "findings": [{"rule", "category", "severity", "start", "end", "message", "clauses"}]}`
or, when that line cannot be checked, `{"id": <id or null>, "error": "<Spanish message>"}`. Offsets are in
characters (code points) of the decoded text. Blank input lines are skipped.

--archive FILE: JSONL of posts already published, one `{"text", "published_at", "account"?}` per line
(published_at in ISO 8601, e.g. "2026-03-14T09:30:00" or "2026-03-14"), compared by the spam rule within the
policy's window before --date. --allow-words FILE: one word per line (blank lines and "#" comments skipped), the
institution's names that spelling must accept.

Exit codes: text mode 1 when any finding is `block`, 0 otherwise, 2 on bad input; JSONL mode 0, or 2 when
the file cannot be read or the preset cannot be loaded. Django is never imported.

It sits above both pure cores it composes (policy and checker; docs/decisions/0008-layered-imports.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import IO, Any

EXIT_OK, EXIT_BLOCK, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "check",
        help="Revisa textos de publicaciones contra la política de la institución / check post texts",
        description="Revisa el texto de una publicación (o un archivo JSONL de publicaciones) contra la política.",
    )
    p.add_argument("--institution", metavar="PRESET", help="preset de política (rosarito, iee-sonora, pasto, …)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="salida para un solo texto")
    p.add_argument("--jsonl", metavar="FILE", help='archivo JSONL con líneas {"id", "text"} («-» = entrada estándar)')
    p.add_argument("--platform", help="plataforma de destino para el límite de longitud (x, facebook, instagram, …)")
    p.add_argument("--date", type=_parse_date, help="fecha de publicación AAAA-MM-DD (por omisión, hoy)")
    p.add_argument(
        "--archive",
        metavar="FILE",
        help='JSONL de publicaciones ya hechas, {"text", "published_at", "account"?} por línea (published_at en '
        "ISO 8601, p. ej. 2026-03-14T09:30:00): la regla spam compara cada texto con las del plazo de la política",
    )
    p.add_argument(
        "--allow-words",
        metavar="FILE",
        help="palabras que la ortografía acepta (nombres de funcionarios, lugares, programas): una por línea; "
        "se omiten líneas vacías y las que empiezan con #",
    )
    p.add_argument("text", nargs="?", metavar="TEXT", help="texto a revisar, o «-» para leerlo de la entrada estándar")
    p.set_defaults(func=run)


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"fecha inválida {value!r}: use AAAA-MM-DD") from exc


def _err(message: str) -> None:
    print(f"pregon check: {message}", file=sys.stderr)


def load_policy(preset: str | None) -> Any:
    """The Policy of a preset (via pregon.policy.load_preset), or an all-categories CheckerConfig without one."""
    from pregon.checker.config import CheckerConfig

    if preset is None:
        return CheckerConfig.all_enabled()
    from pregon.policy import load_preset

    return load_preset(preset)


def build_context(
    policy: Any, platform: str | None, on: dt.date | None, archive: tuple[Any, ...] = (),
    allow_words: tuple[str, ...] = (),
) -> Any:
    from pregon.checker.types import CheckContext

    identity = getattr(policy, "identity", None)
    now = dt.datetime.combine(on, dt.time(12, 0)) if on else dt.datetime.now()
    return CheckContext(
        own_domains=tuple(getattr(identity, "email_domains", ()) or ()),
        published_contacts=tuple(getattr(identity, "published_contacts", ()) or ()),
        allow_words=tuple(allow_words),
        platform=platform,
        now=now,
        archive=tuple(archive),
    )


class InputFileError(Exception):
    """An --archive or --allow-words file that cannot be read; the message is Spanish and names the line."""


def _open_text(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read().splitlines()
    except OSError as exc:
        raise InputFileError(f"no se puede leer {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path} no es UTF-8 válido (posición {exc.start})") from exc


def load_archive(path: str) -> tuple[Any, ...]:
    """ArchivedPost objects from a JSONL file of `{"text", "published_at", "account"?}` lines (blank lines skipped)."""
    from pregon.checker.types import ArchivedPost

    posts = []
    for lineno, line in enumerate(_open_text(path), 1):
        if not line.strip():
            continue
        where = f"{path}, línea {lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise InputFileError(f"{where}: JSON inválido ({exc})") from exc
        if not isinstance(obj, dict):
            raise InputFileError(f"{where}: se esperaba un objeto {{\"text\", \"published_at\"}}, no {_json_type(obj)}")
        text, published, account = obj.get("text"), obj.get("published_at"), obj.get("account", "")
        if not isinstance(text, str):
            raise InputFileError(f"{where}: «text» debe ser una cadena de texto")
        if not isinstance(published, str):
            raise InputFileError(f"{where}: falta «published_at» (fecha y hora ISO 8601, p. ej. 2026-03-14T09:30:00)")
        try:
            at = dt.datetime.fromisoformat(published.strip())
        except ValueError as exc:
            raise InputFileError(f"{where}: «published_at» inválido {published!r}: use ISO 8601") from exc
        if account is None:
            account = ""
        if not isinstance(account, str):
            raise InputFileError(f"{where}: «account» debe ser una cadena de texto")
        posts.append(ArchivedPost(text=text, published_at=at, account=account))
    return tuple(posts)


def load_allow_words(path: str) -> tuple[str, ...]:
    """The words of an allow-list file: one per line; blank lines and lines starting with "#" are skipped."""
    words = []
    for line in _open_text(path):
        word = line.strip()
        if word and not word.startswith("#"):
            words.append(word)
    return tuple(words)


def run(args: argparse.Namespace) -> int:
    try:
        policy = load_policy(args.institution)
    except Exception as exc:  # unknown preset, invalid file: the policy package explains
        _err(f"no se pudo cargar la política «{args.institution}»: {exc}")
        return EXIT_USAGE
    try:
        archive = load_archive(args.archive) if args.archive else ()
        allow_words = load_allow_words(args.allow_words) if args.allow_words else ()
    except InputFileError as exc:
        _err(str(exc))
        return EXIT_USAGE
    context = build_context(policy, args.platform, args.date, archive=archive, allow_words=allow_words)
    if args.jsonl is not None:
        if args.text is not None:
            _err("use --jsonl FILE o un TEXTO, no ambos")
            return EXIT_USAGE
        return run_jsonl(args.jsonl, policy, context)
    return run_text(args, policy, context)


def _max_length(policy: Any) -> int:
    from pregon.checker.engine import config_of

    return config_of(policy).options.max_text_length


def validate_text(text: Any, max_length: int) -> str | None:
    """The Spanish reason why a text cannot be checked, or None."""
    if not isinstance(text, str):
        return f"«text» debe ser una cadena de texto, no {_json_type(text)}"
    if not text.strip():
        return "el texto está vacío"
    if len(text) > max_length:
        return f"el texto tiene {len(text)} caracteres; el máximo que se revisa es {max_length}"
    return None


def _json_type(value: Any) -> str:
    return {dict: "un objeto", list: "una lista", int: "un número", float: "un número", bool: "un booleano",
            type(None): "null"}.get(type(value), type(value).__name__)


def run_text(args: argparse.Namespace, policy: Any, context: Any) -> int:
    from pregon.checker.engine import check

    if args.text is None or args.text == "-":
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            _err(f"la entrada no es UTF-8 válido (byte {data[exc.start]:#04x} en la posición {exc.start})")
            return EXIT_USAGE
    else:
        text = args.text
    problem = validate_text(text, _max_length(policy))
    if problem:
        _err(problem)
        return EXIT_USAGE
    findings = check(text, policy, context)
    out = sys.stdout
    if args.format == "json":
        out.flush()
        _write(out, {"findings": [f.as_dict() for f in findings]})
    else:
        _print_text(out, text, findings)
    return EXIT_BLOCK if any(f.severity == "block" for f in findings) else EXIT_OK


def _print_text(out: IO[str], text: str, findings: list[Any]) -> None:
    if not findings:
        out.write("Sin observaciones.\n")
        return
    for f in findings:
        span = " ".join(text[f.start : f.end].split())
        if len(span) > 50:
            span = span[:49] + "…"
        clauses = f" [{', '.join(f.clauses)}]" if f.clauses else ""
        where = f"«{span}»" if span else "(todo el texto)" if f.start == f.end == 0 else "(al final)"
        out.write(f"{f.start}-{f.end} {f.severity.upper():7} {f.rule}{clauses} {where}\n    {f.message}\n")
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("block", "warn", "suggest")}
    out.write(f"{len(findings)} observaciones: {counts['block']} bloquean, {counts['warn']} advierten, "
              f"{counts['suggest']} sugieren.\n")


# One encoder for every line: json.dumps(obj, ensure_ascii=False) builds a new JSONEncoder per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _write(out: IO[str], obj: dict[str, Any], flush: bool = True) -> None:
    _write_lines(out, [_encode(obj) + "\n"], flush)


def _write_lines(out: IO[str], lines: list[str], flush: bool = True) -> None:
    # Lone surrogates (from "\ud800" escapes in the input) are written back as JSON escapes, not invalid UTF-8.
    data = "".join(lines).encode("utf-8", "backslashreplace")
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        if flush:
            buffer.flush()
    else:
        out.write(data.decode("utf-8"))
        if flush:
            out.flush()


def _recover_id(raw: bytes) -> Any:
    """The id of a line that is not valid UTF-8, if the rest of the line is readable JSON."""
    try:
        obj = json.loads(raw.decode("utf-8", "replace"))
    except ValueError:
        return None
    return obj.get("id") if isinstance(obj, dict) else None


def _read_line(raw: bytes, lineno: int, max_length: int) -> tuple[Any, str | None, dict[str, Any] | None]:
    """(id, text, None) for a line that can be checked, or (id, None, error object) for one that cannot."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        ident = _recover_id(raw)
        return ident, None, {"id": ident, "error": f"línea {lineno}: no es UTF-8 válido "
                             f"(byte {raw[exc.start]:#04x} en la posición {exc.start})"}
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return None, None, {"id": None, "error": f"línea {lineno}: JSON inválido ({exc})"}
    if not isinstance(obj, dict):
        return None, None, {"id": None,
                            "error": f"línea {lineno}: se esperaba un objeto {{\"id\", \"text\"}}, no {_json_type(obj)}"}
    ident = obj.get("id")
    if "text" not in obj:
        return ident, None, {"id": ident, "error": f"línea {lineno}: falta el campo «text»"}
    problem = validate_text(obj["text"], max_length)
    if problem:
        return ident, None, {"id": ident, "error": f"línea {lineno}: {problem}"}
    return ident, obj["text"], None


def check_line(raw: bytes, lineno: int, policy: Any, context: Any, max_length: int) -> dict[str, Any]:
    """One output object for one input line (never raises)."""
    from pregon.checker.engine import check

    ident, text, error = _read_line(raw, lineno, max_length)
    if error is not None:
        return error
    try:
        findings = check(text, policy, context)  # type: ignore[arg-type]
    except Exception as exc:  # a detector bug must not stop the batch
        return {"id": ident, "error": f"línea {lineno}: error interno del verificador ({type(exc).__name__}: {exc})"}
    return {"id": ident, "findings": [f.as_dict() for f in findings]}


_encode_str = json.encoder.encode_basestring  # what the encoder above does to a str (ensure_ascii=False)
_finding_heads: dict[tuple[str, str, str], str] = {}
_clause_lists: dict[tuple[str, ...], str] = {}


def _finding_json(f: Any) -> str:
    """`_encode(f.as_dict())`, byte for byte, with the parts that repeat (rule, category, severity, clauses)
    encoded once per process."""
    key = (f.rule, f.category, f.severity)
    head = _finding_heads.get(key)
    if head is None:
        head = _finding_heads[key] = _encode({"rule": f.rule, "category": f.category, "severity": f.severity})[:-1]
    clauses = _clause_lists.get(f.clauses)
    if clauses is None:
        clauses = _clause_lists[f.clauses] = _encode(list(f.clauses))
    return (f'{head}, "start": {int(f.start)}, "end": {int(f.end)}, "message": {_encode_str(f.message)}, '
            f'"clauses": {clauses}}}')


def check_line_json(raw: bytes, lineno: int, policy: Any, context: Any, max_length: int) -> str:
    """The output line (JSON text, with its newline) for one input line: `_encode(check_line(...)) + "\n"`."""
    from pregon.checker.engine import check

    ident, text, error = _read_line(raw, lineno, max_length)
    if error is not None:
        return _encode(error) + "\n"
    try:
        findings = check(text, policy, context)  # type: ignore[arg-type]
    except Exception as exc:  # a detector bug must not stop the batch
        return _encode({"id": ident, "error": f"línea {lineno}: error interno del verificador "
                        f"({type(exc).__name__}: {exc})"}) + "\n"
    return f'{{"id": {_encode(ident)}, "findings": [{", ".join([_finding_json(f) for f in findings])}]}}\n'


def run_jsonl(path: str, policy: Any, context: Any) -> int:
    max_length = _max_length(policy)
    try:
        stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        _err(f"no se puede leer {path}: {exc.strerror or exc}")
        return EXIT_USAGE
    out = sys.stdout
    out.flush()
    interactive = stream is sys.stdin.buffer  # a producer may wait for each answer: flush every line
    pending: list[str] = []  # from a file, lines are written and flushed 256 at a time
    try:
        for lineno, raw in enumerate(stream, 1):
            raw = raw.rstrip(b"\r\n")
            if raw.startswith(b"\xef\xbb\xbf") and lineno == 1:
                raw = raw[3:]  # UTF-8 byte-order mark
            if not raw.strip():
                continue
            pending.append(check_line_json(raw, lineno, policy, context, max_length))
            if interactive or len(pending) >= 256:
                _write_lines(out, pending)
                pending.clear()
    except OSError as exc:
        _err(f"error al leer {path}: {exc.strerror or exc}")
        return EXIT_USAGE
    finally:
        if pending:
            _write_lines(out, pending, flush=False)
        getattr(out, "buffer", out).flush()
        if stream is not sys.stdin.buffer:
            stream.close()
    return EXIT_OK
