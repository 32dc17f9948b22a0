"""Parsers of the platforms' post exports: bytes in, rows out. No database access.

One function per format, each `(headers, rows, context) -> list[PostRow]`, and `read_export(data, ...)` that
refuses hostile files, decodes, detects the format from the header row and calls the right one. Any problem raises
`ExportFileError` with a Spanish message naming the row and column (rows are numbered as the office sees them in a
spreadsheet: the header is row 1), and `extra["errors"]` listing every problem found (up to MAX_ERRORS).

Supported formats (detected from the headers, never from the file name):
- X / Twitter "Account analytics" content export, `account_analytics_content_*.csv` (2025 and 2026 header variants);
- X / Twitter classic "Tweet activity" export, `tweet_activity_metrics_*.csv`;
- Facebook Insights post-level export: the legacy `.xlsx` (two header rows: titles, then descriptions) or its CSV,
  and the Meta Business Suite "Content" CSV (`Post ID, …, Publish time, Permalink, …`);
- TikTok Studio `Content.csv` (dates without a year: inferred as the latest such date not after the import day);
- YouTube Studio "Table data.csv" (the `Total` row is skipped; permalinks are built from the video id);
- a generic CSV with columns id / fecha / texto / url (Spanish or English names).

Safety and encodings come from the registry's inventory helpers (one implementation for the whole project):
`_decode_csv` (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252, Latin-1; binary refused) and
`xlsx_inspect` (zip-bomb, encryption and entry-count guard before openpyxl opens anything).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from pregon.core.errors import ApplicationError
from pregon.registry.inventory import OLE_MAGIC, ZIP_MAGIC, InventoryFileError, _decode_csv, normalize_header, xlsx_inspect

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 80
MAX_ERRORS = 20
MAX_ID_LENGTH = 128
MAX_URL_LENGTH = 500
MAX_TEXT_LENGTH = 100_000


class ExportFileError(ApplicationError):
    """The export cannot be imported (wrong format, hostile file, or bad rows). Nothing was imported."""

    code = "INVALID_EXPORT_FILE"
    status = 422


@dataclass(frozen=True)
class PostRow:
    """One published post read from an export."""

    row: int  # spreadsheet row number (the header is row 1)
    post_id: str
    published_at: dt.datetime  # aware
    text: str
    permalink: str = ""


@dataclass(frozen=True)
class ParseContext:
    """What the parsers need besides the file: the time zone of naive dates and the import day (for TikTok's
    year-less dates)."""

    tz: dt.tzinfo
    today: dt.date


@dataclass
class ParsedExport:
    format: str  # an ExportFormat value
    encoding: str
    rows: list[PostRow]
    skipped: int = 0  # summary rows (YouTube "Total", Facebook's description row)


@dataclass
class _Errors:
    items: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: int, column: str, message: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append({"row": row, "column": column, "message": message})

    def raise_if_any(self, total_rows: int) -> None:
        if not self.items:
            return
        first = self.items[0]
        message = _("Fila %(row)s, columna «%(column)s»: %(message)s") % first
        if len(self.items) > 1:
            message += " " + _("(y %(n)s problemas más; no se importó nada)") % {"n": len(self.items) - 1}
        else:
            message += " " + _("(no se importó nada)")
        raise ExportFileError(message, extra={"errors": self.items, "rows": total_rows})


# ---------------------------------------------------------------- values

_MONTHS = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # Spanish
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "ago": 8, "agosto": 8, "septiembre": 9, "setiembre": 9, "set": 9, "octubre": 10, "noviembre": 11,
    "dic": 12, "diciembre": 12,
}
_WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "lun", "mar", "mie", "jue", "vie", "sab", "dom",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes", "martes",
             "miercoles", "jueves", "viernes", "sabado", "domingo"}
_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a m|p m)?")
_OFFSET_RE = re.compile(r"(?:\s*(?:utc|gmt)?\s*([+-])(\d{2}):?(\d{2}))$", re.IGNORECASE)
_NUMERIC_DATE_RE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")


class _BadValue(ValueError):
    pass


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _split_time(text: str) -> tuple[str, dt.time | None, dt.tzinfo | None]:
    """(date part, time, explicit offset) of a date-time text."""
    tz: dt.tzinfo | None = None
    offset = _OFFSET_RE.search(text)
    if offset and ":" in text[: offset.start()]:
        sign = 1 if offset.group(1) == "+" else -1
        tz = dt.timezone(sign * dt.timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3))))
        text = text[: offset.start()]
    text = re.sub(r"\s*(?:utc|gmt|z)$", "", text.strip(), flags=re.IGNORECASE)
    match = None
    for match in _TIME_RE.finditer(text):
        pass
    if match is None:
        return text.strip(" ,T"), None, tz
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    meridiem = (match.group(4) or "").replace(" ", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    try:
        moment = dt.time(hour, minute, second)
    except ValueError:
        raise _BadValue(_("hora inválida «%(t)s»") % {"t": match.group(0)}) from None
    return (text[: match.start()] + text[match.end():]).strip(" ,T"), moment, tz


def parse_datetime(value: Any, ctx: ParseContext, *, day_first: bool = True, year_optional: bool = False) -> dt.datetime:
    """An aware datetime from the many ways exports write dates. Dates without a time get 12:00 local time (noon
    keeps the day when shown in any American time zone). Raises _BadValue with a Spanish reason."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=ctx.tz)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(12, 0), tzinfo=ctx.tz)
    text = _cell(value)
    if not text:
        raise _BadValue(_("la fecha está vacía"))
    raw = text
    text = text.lower().replace("\u202f", " ").replace("\xa0", " ")
    text = re.sub(r"(\d)t(\d)", r"\1 \2", text)  # ISO 8601 "2025-03-01T10:00"
    text = text.replace("a. m.", "am").replace("p. m.", "pm").replace("a.m.", "am").replace("p.m.", "pm")
    date_text, moment, tz = _split_time(text)
    day = _parse_date(date_text, ctx, day_first=day_first, year_optional=year_optional, raw=raw)
    return dt.datetime.combine(day, moment or dt.time(12, 0), tzinfo=tz or ctx.tz)


def _parse_date(text: str, ctx: ParseContext, *, day_first: bool, year_optional: bool, raw: str) -> dt.date:
    bad = _BadValue(_("no se reconoce la fecha «%(v)s»") % {"v": raw})
    numeric = _NUMERIC_DATE_RE.match(text.replace(" ", ""))
    try:
        if numeric:
            a, b, c = (int(x) for x in numeric.groups())
            if len(numeric.group(1)) == 4:
                return dt.date(a, b, c)
            year = c + 2000 if c < 100 else c
            if a > 12:
                return dt.date(year, b, a)
            if b > 12:
                return dt.date(year, a, b)
            return dt.date(year, b, a) if day_first else dt.date(year, a, b)
        words = [w for w in re.split(r"[\s,.]+", text) if w and w != "de" and w != "del"]
        if len(words) >= 3 and words[0] in _WEEKDAYS and (words[0] not in _MONTHS or words[1] in _MONTHS):
            words = words[1:]  # "Sat, Aug 15, 2026", "Mon Feb 17 2025"
        month = day = year = None
        for word in words:
            if word in _MONTHS and month is None:
                month = _MONTHS[word]
            elif word.isdigit() and len(word) == 4 and year is None:
                year = int(word)
            elif word.isdigit() and len(word) <= 2 and day is None:
                day = int(word)
            else:
                raise bad
        if month is None or day is None:
            raise bad
        if year is None:
            if not year_optional:
                raise bad
            year = ctx.today.year
            if dt.date(year, month, day) > ctx.today:  # "July 16" exported in February: last year's July
                year -= 1
        return dt.date(year, month, day)
    except ValueError as exc:
        if isinstance(exc, _BadValue):
            raise
        raise bad from None


_URL_RE = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


def _url(value: Any) -> str:
    text = _cell(value)
    if text and (not _URL_RE.match(text) or len(text) > MAX_URL_LENGTH):
        raise _BadValue(_("no es una URL http(s) válida: «%(v)s»") % {"v": text[:80]})
    return text


def _post_id(value: Any) -> str:
    text = _cell(value)
    if not text:
        raise _BadValue(_("falta el identificador de la publicación"))
    if re.fullmatch(r"\d(?:[.,]\d+)?e\+?\d+", text, re.IGNORECASE):
        raise _BadValue(_("el identificador «%(v)s» está en notación científica (Excel lo redondeó): exporte de nuevo "
                          "sin abrir el archivo en Excel") % {"v": text})
    if len(text) > MAX_ID_LENGTH:
        raise _BadValue(_("el identificador tiene más de %(n)s caracteres") % {"n": MAX_ID_LENGTH})
    return text


def _text(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise _BadValue(_("el texto tiene más de %(n)s caracteres") % {"n": MAX_TEXT_LENGTH})
    return text


# ---------------------------------------------------------------- formats

Headers = list[str]
Rows = Sequence[tuple[int, Sequence[Any]]]


@dataclass(frozen=True)
class Format:
    """A platform export: the normalised headers that identify it, the columns it reads and how."""

    key: str
    required: frozenset[str]  # normalised headers that must all be present
    columns: dict[str, tuple[str, ...]]  # field -> accepted normalised headers, in preference order
    day_first: bool = False
    year_optional: bool = False
    skip: Callable[[dict[str, Any]], bool] | None = None  # summary rows that are not posts
    post_id_from: Callable[[dict[str, Any]], str] | None = None
    permalink_from: Callable[[str], str] | None = None


def _youtube_total(values: dict[str, Any]) -> bool:
    return _cell(values.get("post_id")).lower() == "total"


def _facebook_description_row(values: dict[str, Any]) -> bool:
    """Facebook's legacy exports repeat the header with a description of each metric in row 2: no post id, no
    date; only the metric columns have text."""
    return not _cell(values.get("post_id")) and not _cell(values.get("published_at"))


_TIKTOK_VIDEO_RE = re.compile(r"/video/(\d+)")


def _tiktok_id(values: dict[str, Any]) -> str:
    link = _cell(values.get("permalink"))
    match = _TIKTOK_VIDEO_RE.search(link)
    if not match:
        raise _BadValue(_("el enlace no es de un video de TikTok (…/video/<número>): «%(v)s»") % {"v": link[:80]})
    return match.group(1)


FORMATS: tuple[Format, ...] = (
    Format(
        "x_content",
        frozenset({"post id", "date", "post text"}),
        {"post_id": ("post id",), "published_at": ("date",), "text": ("post text",),
         "permalink": ("post link", "link")},
    ),
    Format(
        "x_tweet_activity",
        frozenset({"tweet id", "tweet text", "time"}),
        {"post_id": ("tweet id",), "published_at": ("time",), "text": ("tweet text",),
         "permalink": ("tweet permalink",)},
    ),
    Format(
        "facebook_posts",
        frozenset({"post id", "permalink", "post message", "posted"}),
        {"post_id": ("post id",), "published_at": ("posted",), "text": ("post message",), "permalink": ("permalink",)},
        skip=_facebook_description_row,
    ),
    Format(
        "facebook_posts",  # Meta Business Suite "Content" export
        frozenset({"post id", "publish time", "permalink"}),
        {"post_id": ("post id",), "published_at": ("publish time",), "text": ("description", "title"),
         "permalink": ("permalink",)},
    ),
    Format(
        "tiktok_content",
        frozenset({"video title", "video link", "post time"}),
        {"published_at": ("post time",), "text": ("video title",), "permalink": ("video link",)},
        year_optional=True,
        post_id_from=_tiktok_id,
    ),
    Format(
        "youtube_table",
        frozenset({"content", "video title", "video publish time"}),
        {"post_id": ("content",), "published_at": ("video publish time",), "text": ("video title",)},
        skip=_youtube_total,
        permalink_from=lambda video: f"https://www.youtube.com/watch?v={video}",
    ),
    Format(
        "generic",
        frozenset(),  # matched by columns, see detect_format
        {
            "post_id": ("id", "identificador", "id de la publicacion", "post id", "id publicacion"),
            "published_at": ("fecha", "date", "fecha de publicacion", "publicado", "published at", "published"),
            "text": ("texto", "text", "mensaje", "message", "contenido", "content"),
            "permalink": ("url", "enlace", "liga", "link", "permalink"),
        },
        day_first=True,
    ),
)

FORMAT_LABELS = {
    "x_content": "X (Twitter): análisis de la cuenta, contenido",
    "x_tweet_activity": "X (Twitter): actividad de tweets (clásico)",
    "facebook_posts": "Facebook: estadísticas por publicación",
    "tiktok_content": "TikTok: Content.csv",
    "youtube_table": "YouTube Studio: Table data.csv",
    "generic": "CSV genérico (id, fecha, texto, url)",
}


def _index(normalized: list[str], accepted: tuple[str, ...]) -> int | None:
    for name in accepted:
        if name in normalized:
            return normalized.index(name)
    return None


def detect_format(headers: Sequence[Any]) -> tuple[Format, dict[str, int]]:
    """The format whose identifying headers are all present, and field -> column index."""
    normalized = [normalize_header(h) for h in headers]
    present = set(normalized)
    for fmt in FORMATS:
        if fmt.key == "generic":
            found = {name: _index(normalized, accepted) for name, accepted in fmt.columns.items()}
            if all(found[name] is not None for name in ("post_id", "published_at", "text")):
                return fmt, {k: v for k, v in found.items() if v is not None}
            continue
        if fmt.required <= present:
            found = {name: _index(normalized, accepted) for name, accepted in fmt.columns.items()}
            return fmt, {k: v for k, v in found.items() if v is not None}
    shown = ", ".join(f"«{h}»" for h in headers if _cell(h))[:300]
    raise ExportFileError(
        _("No se reconoce el formato del archivo por sus encabezados (%(h)s). Se aceptan: X/Twitter, Facebook, "
          "TikTok Content.csv, YouTube «Table data.csv» o un CSV con columnas id, fecha, texto y url.") % {"h": shown}
    )


def parse_rows(fmt: Format, columns: dict[str, int], headers: Headers, rows: Rows, ctx: ParseContext) -> tuple[list[PostRow], int]:
    """The posts of a detected export, or ExportFileError listing every bad cell. Returns (posts, skipped rows)."""
    errors = _Errors()
    posts: list[PostRow] = []
    skipped = 0
    seen: dict[str, PostRow] = {}

    def header(name: str) -> str:
        index = columns.get(name)
        return headers[index] if index is not None and index < len(headers) else name

    for number, cells in rows:
        values = {name: cells[i] if i < len(cells) else None for name, i in columns.items()}
        if fmt.skip is not None and fmt.skip(values):
            skipped += 1
            continue
        column = ""
        try:
            column = header("permalink") if fmt.post_id_from else header("post_id")
            post_id = fmt.post_id_from(values) if fmt.post_id_from else _post_id(values.get("post_id"))
            column = header("published_at")
            published_at = parse_datetime(values.get("published_at"), ctx, day_first=fmt.day_first,
                                          year_optional=fmt.year_optional)
            column = header("text")
            text = _text(values.get("text"))
            column = header("permalink")
            permalink = _url(values.get("permalink")) if "permalink" in columns else ""
            if not permalink and fmt.permalink_from is not None:
                permalink = fmt.permalink_from(post_id)
            if published_at.astimezone(ctx.tz).date() > ctx.today:
                column = header("published_at")
                raise _BadValue(_("la fecha %(d)s es posterior a hoy") % {"d": f"{published_at:%Y-%m-%d}"})
        except _BadValue as exc:
            errors.add(number, column, str(exc))
            continue
        post = PostRow(number, post_id, published_at, text, permalink)
        previous = seen.get(post_id)
        if previous is not None:
            if previous.text != post.text:
                errors.add(number, header("post_id"), _("el identificador %(id)s ya apareció en la fila %(row)s con "
                                                        "otro texto") % {"id": post_id, "row": previous.row})
            continue
        seen[post_id] = post
        posts.append(post)
    errors.raise_if_any(len(rows))
    return posts, skipped


# ---------------------------------------------------------------- files


def _file_error(exc: InventoryFileError) -> ExportFileError:
    return ExportFileError(str(exc.message))


def read_csv_table(data: bytes) -> tuple[Headers, list[tuple[int, list[Any]]], str]:
    """(headers, numbered non-blank rows, encoding label) of a CSV, with the registry's decoding rules."""
    try:
        text, encoding = _decode_csv(data)
    except InventoryFileError as exc:
        raise _file_error(exc) from None
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample.splitlines() else ""
        delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: Headers = []
    rows: list[tuple[int, list[Any]]] = []
    number = 0
    try:
        for row in reader:
            number += 1
            if number == 1:
                headers = [h.strip() for h in row[:MAX_COLUMNS]]
                continue
            if len(rows) >= MAX_ROWS:
                raise ExportFileError(_("El archivo tiene más de %(n)s filas; divídalo.") % {"n": MAX_ROWS})
            if any(cell.strip() for cell in row):
                rows.append((number, row))
    except csv.Error as exc:
        raise ExportFileError(_("El CSV está mal formado cerca de la fila %(row)s: %(e)s") % {"row": number, "e": exc}) from None
    return headers, rows, encoding


def read_xlsx_table(data: bytes) -> tuple[Headers, list[tuple[int, list[Any]]]]:
    """(headers, numbered non-blank rows) of the first sheet of an XLSX, after the registry's zip-bomb guard."""
    try:
        xlsx_inspect(data)
    except InventoryFileError as exc:
        raise _file_error(exc) from None
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for broken parts
        raise ExportFileError(_("El archivo .xlsx está dañado y no se pudo abrir.")) from None
    try:
        if not workbook.worksheets:
            raise ExportFileError(_("El libro no tiene hojas."))
        sheet = workbook.worksheets[0]
        headers: Headers = []
        rows: list[tuple[int, list[Any]]] = []
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
                if number == 1:
                    headers = [_cell(v) for v in values]
                    continue
                if len(rows) >= MAX_ROWS:
                    raise ExportFileError(_("La hoja tiene más de %(n)s filas; divídala.") % {"n": MAX_ROWS})
                cells = list(values)
                if any(_cell(v) for v in cells):
                    rows.append((number, cells))
        except ExportFileError:
            raise
        except Exception:
            raise ExportFileError(_("La hoja del libro .xlsx está dañada.")) from None
    finally:
        workbook.close()
    return headers, rows


def read_export(data: bytes, ctx: ParseContext, filename: str = "") -> ParsedExport:
    """Reads a platform export (CSV or XLSX, decided by its content) into posts. Raises ExportFileError."""
    if not data:
        raise ExportFileError(_("El archivo está vacío."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise ExportFileError(_("El archivo pesa %(mb).1f MB; el máximo es %(max)s MB.")
                              % {"mb": len(data) / 1048576, "max": MAX_UPLOAD_BYTES // 1048576})
    if data.startswith(OLE_MAGIC):
        raise ExportFileError(_("Es un libro de Excel antiguo (.xls): guárdelo como .xlsx o como CSV UTF-8."))
    if data.startswith(ZIP_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        headers, rows = read_xlsx_table(data)
        encoding = "XLSX"
    else:
        headers, rows, encoding = read_csv_table(data)
    if not any(headers):
        raise ExportFileError(_("La primera fila debe tener los encabezados de las columnas."))
    fmt, columns = detect_format(headers)
    posts, skipped = parse_rows(fmt, columns, headers, rows, ctx)
    if not posts:
        raise ExportFileError(_("El archivo no tiene publicaciones."))
    return ParsedExport(fmt.key, encoding, posts, skipped)
