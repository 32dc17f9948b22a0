"""Bulk import of an existing account inventory (CSV or XLSX, as offices keep it) and export to CSV / XLSX.

Import is all-or-nothing per file: every row is validated (file shape, columns, values, then the same services
that register accounts and assign administrators, each in a savepoint), and only when no row has an error is
anything kept; otherwise the whole file is rolled back and a row-by-row report (row, column, message) returned.

Hostile files are refused before they cost anything:
- the size of the upload is capped;
- an XLSX is measured from its zip central directory BEFORE openpyxl opens it: entry count, total declared
  uncompressed size and per-entry compression ratio (an 8 MB zip bomb that unpacks to 200 MB took 17 s and up to
  0.9 GB to open). Python's zipfile never inflates an entry past its declared size, so the declared sizes bound
  the work actually done;
- a CSV is decoded as UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or Windows-1252 /
  Latin-1, and the encoding used is reported; binary garbage is refused.

Exports neutralise formula injection: a text cell starting with = + - @ (or tab / carriage return) gets a leading
apostrophe, and XLSX text cells are forced to the string type (openpyxl would otherwise store "=..." as a formula).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from pregon.core.errors import ApplicationError
from pregon.institutions.models import Area, Institution, Official
from pregon.institutions.policies import policy_for
from pregon.ledger.services import event_record

from .choices import AccountStatus, AdminRole, ErrorCode, Kind, Tier, Verification
from .models import Administrator, Platform, SocialAccount
from .services import (
    RegistryError,
    account_register_preexisting,
    administrator_assign,
    platforms_active,
    preexisting_registration_refusal,
)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
XLSX_MAX_ENTRIES = 500
XLSX_MAX_UNCOMPRESSED = 50 * 1024 * 1024
XLSX_MAX_RATIO = 100
XLSX_RATIO_MIN_SIZE = 1024 * 1024  # small entries may compress well without being a bomb

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class InventoryFileError(ApplicationError):
    """The file as a whole cannot be read (wrong format, too big, zip bomb, bad encoding). Nothing imported."""

    code = ErrorCode.INVALID_FILE


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based row number as the office sees it in its spreadsheet (the header is row 1)
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ParsedFile:
    format: str  # "csv" | "xlsx"
    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    encoding: str = ""
    delimiter: str = ""


@dataclass
class ImportResult:
    format: str
    encoding: str
    rows_read: int
    dry_run: bool
    created: int = 0
    administrators: int = 0
    errors: list[RowError] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field -> header found

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def imported(self) -> bool:
        return self.ok and not self.dry_run


# ---------------------------------------------------------------- columns


def normalize_header(text: Any) -> str:
    """Case-, accent- and spacing-insensitive form of a header: "Tipo (principal/alterna)" -> "tipo principal alterna"."""
    value = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", " ", value).strip()


# field -> (header as exported, accepted header spellings); matching uses normalize_header
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "platform": ("Red social", ("red social", "red", "plataforma", "redes sociales")),
    "url": ("URL", ("url", "liga", "enlace", "link", "direccion", "direccion url", "direccion electronica")),
    "handle": ("Usuario", ("usuario", "nombre de usuario", "arroba", "cuenta")),
    "display_name": ("Nombre de la cuenta", ("nombre de la cuenta", "nombre visible", "nombre")),
    "area": ("Área", ("area", "area responsable", "dependencia", "direccion responsable", "organo responsable", "unidad")),
    "tier": ("Tipo (principal/alterna)", ("tipo principal alterna", "tipo", "principal alterna", "tipo de cuenta")),
    "kind": ("Clase (oficial/personal)", ("clase oficial personal", "clase", "oficial personal")),
    "status": ("Situación", ("situacion", "estado", "estatus", "status")),
    "primary_name": ("Administrador titular", ("administrador titular", "titular", "administrador")),
    "primary_email": ("Correo del titular", ("correo del titular", "correo titular", "email titular")),
    "alternate_name": ("Administrador suplente", ("administrador suplente", "suplente")),
    "alternate_email": ("Correo del suplente", ("correo del suplente", "correo suplente", "email suplente")),
    "email": ("Correo institucional", ("correo institucional", "correo de la cuenta", "correo de registro", "correo", "email", "e mail")),
    "platform_account_id": ("ID en la plataforma", ("id en la plataforma", "id persistente", "id de la cuenta")),
    "opened_on": ("Fecha de apertura", ("fecha de apertura", "apertura", "fecha de creacion", "creada")),
    "last_activity_on": ("Última actividad", ("ultima actividad", "fecha de ultima actividad")),
    "verification": ("Verificación", ("verificacion", "insignia", "insignia de verificacion")),
    "attention_hours": ("Horario de atención", ("horario de atencion", "horario")),
    "holiday_notice": ("Aviso de días inhábiles", ("aviso de dias inhabiles", "aviso vacaciones", "aviso de vacaciones")),
}
EXPORT_ONLY = ("closed_on",)


def column_label(name: str) -> str:
    return COLUMNS[name][0] if name in COLUMNS else name


def match_headers(headers: Sequence[Any]) -> tuple[dict[str, int], list[str]]:
    """(field -> column index, unknown headers). Exact normalized matches first, so "Correo del titular" is not
    taken by the looser "correo"."""
    normalized = [normalize_header(h) for h in headers]
    found: dict[str, int] = {}
    used: set[int] = set()
    for name, (label, aliases) in COLUMNS.items():
        wanted = {normalize_header(label), *aliases}
        for index, value in enumerate(normalized):
            if index not in used and value and value in wanted:
                found[name] = index
                used.add(index)
                break
    unknown = [str(headers[i]) for i, v in enumerate(normalized) if v and i not in used]
    return found, unknown


# ---------------------------------------------------------------- reading files


def _decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name for the report)."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", "UTF-8 con BOM")]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = [("utf-16", "UTF-16 con BOM")]
    elif b"\x00" in data[:4096]:
        raise InventoryFileError(
            _("El archivo no es texto (contiene bytes nulos sin marca de codificación): "
              "guárdelo como CSV UTF-8 o como libro de Excel (.xlsx).")
        )
    else:
        candidates = [("utf-8", "UTF-8"), ("cp1252", "Windows-1252 (Latin-1)"), ("latin-1", "Latin-1 (ISO-8859-1)")]
    for codec, label in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\r\n\t") or 0x7F <= ord(ch) < 0xA0)
        if controls > max(3, len(text[:20000]) // 200):
            raise InventoryFileError(
                _("El archivo no parece un CSV de texto (%(label)s con caracteres de control): "
                  "¿es un archivo binario con otra extensión?") % {"label": label}
            )
        return text, label
    raise InventoryFileError(_("No se pudo leer la codificación del archivo: guárdelo como CSV UTF-8."))


def _read_csv(data: bytes) -> ParsedFile:
    text, encoding = _decode_csv(data)
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample.splitlines() else ""
        delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    headers: list[str] = []
    try:
        for number, row in enumerate(reader, start=1):
            if number == 1:
                headers = [h.strip() for h in row]
                continue
            if len(rows) >= MAX_ROWS:
                raise InventoryFileError(_("El archivo tiene más de %(n)s filas; divídalo.") % {"n": MAX_ROWS})
            if any(cell.strip() for cell in row):
                rows.append((number, row))
    except csv.Error as exc:
        raise InventoryFileError(_("El CSV está mal formado: %(e)s") % {"e": exc}) from None
    return ParsedFile("csv", headers, rows, encoding, {",": ",", ";": ";", "\t": "tab"}.get(delimiter, delimiter))


def xlsx_inspect(data: bytes) -> None:
    """Refuses a dangerous or broken XLSX from its zip central directory alone (nothing is decompressed)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InventoryFileError(_("El archivo .xlsx está dañado o no es un libro de Excel.")) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > XLSX_MAX_ENTRIES:
            raise InventoryFileError(
                _("El libro tiene %(n)s partes internas (máximo %(max)s): no se abrirá.") % {"n": len(infos), "max": XLSX_MAX_ENTRIES}
            )
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise InventoryFileError(_("El libro está cifrado con contraseña: guárdelo sin contraseña."))
            total += info.file_size
            if info.file_size >= XLSX_RATIO_MIN_SIZE and info.file_size > XLSX_MAX_RATIO * max(info.compress_size, 1):
                raise InventoryFileError(
                    _("El libro contiene una parte que se expande %(r)s veces (máximo %(max)s): parece una bomba de "
                      "compresión y no se abrirá.") % {"r": info.file_size // max(info.compress_size, 1), "max": XLSX_MAX_RATIO}
                )
        if total > XLSX_MAX_UNCOMPRESSED:
            raise InventoryFileError(
                _("El libro ocupa %(mb)s MB descomprimido (máximo %(max)s MB): no se abrirá. Exporte sólo el inventario.")
                % {"mb": total // (1024 * 1024), "max": XLSX_MAX_UNCOMPRESSED // (1024 * 1024)}
            )
        names = set(archive.namelist())
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
            raise InventoryFileError(_("El archivo es un .zip pero no un libro de Excel (.xlsx)."))


def _read_xlsx(data: bytes) -> ParsedFile:
    xlsx_inspect(data)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for broken parts; the user only needs to know it is broken
        raise InventoryFileError(_("El archivo .xlsx está dañado y no se pudo abrir.")) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise InventoryFileError(_("El libro no tiene hojas."))
        headers: list[str] = []
        rows: list[tuple[int, list[Any]]] = []
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
                if number == 1:
                    headers = ["" if v is None else str(v).strip() for v in values]
                    continue
                if len(rows) >= MAX_ROWS:
                    raise InventoryFileError(_("La hoja tiene más de %(n)s filas; divídala.") % {"n": MAX_ROWS})
                cells = list(values)
                if any(v not in (None, "") and str(v).strip() for v in cells):
                    rows.append((number, cells))
        except InventoryFileError:
            raise
        except Exception:
            raise InventoryFileError(_("La hoja del libro .xlsx está dañada.")) from None
    finally:
        workbook.close()
    return ParsedFile("xlsx", headers, rows)


def read_inventory(data: bytes, filename: str = "") -> ParsedFile:
    """Reads a CSV or XLSX upload (decided by its content, not its name) into header + rows."""
    if not data:
        raise InventoryFileError(_("El archivo está vacío."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise InventoryFileError(
            _("El archivo pesa %(mb).1f MB; el máximo es %(max)s MB.") % {"mb": len(data) / 1048576, "max": MAX_UPLOAD_BYTES // 1048576}
        )
    if data.startswith(OLE_MAGIC):
        raise InventoryFileError(_("Es un libro de Excel antiguo (.xls): guárdelo como .xlsx o como CSV UTF-8."))
    if data.startswith(ZIP_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        parsed = _read_xlsx(data)
    else:
        parsed = _read_csv(data)
    if not any(h for h in parsed.headers):
        raise InventoryFileError(_("La primera fila debe tener los encabezados de las columnas."))
    return parsed


# ---------------------------------------------------------------- values

_TIERS = {"principal": Tier.MAIN, "main": Tier.MAIN, "alterna": Tier.ALTERNATE, "alterno": Tier.ALTERNATE,
          "alternate": Tier.ALTERNATE, "secundaria": Tier.ALTERNATE}
_KINDS = {"oficial": Kind.OFFICIAL, "institucional": Kind.OFFICIAL, "official": Kind.OFFICIAL,
          "personal": Kind.PERSONAL_SERVANT, "personal de servidor publico": Kind.PERSONAL_SERVANT,
          "personal servant": Kind.PERSONAL_SERVANT}


def _choice_map(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value, label in choices:
        out[normalize_header(value)] = value
        out[normalize_header(label)] = value
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("«%(v)s» no es una fecha (use AAAA-MM-DD o DD/MM/AAAA)") % {"v": text})


def _platform_lookup(platforms: Sequence[Platform]) -> dict[str, Platform]:
    out: dict[str, Platform] = {}
    for p in platforms:
        out[normalize_header(p.slug)] = p
        name = normalize_header(p.name)
        out[name] = p
        for word in name.split():
            if len(word) > 2 and word not in ("canal", "de", "del"):
                out.setdefault(word, p)
    return out


# Which column a service's field error belongs to.
_FIELD_COLUMN = {"url": "url", "email": "email", "platform": "platform", "area": "area", "tier": "tier", "kind": "kind",
                 "status": "status", "platform_account_id": "platform_account_id", "display_name": "display_name"}


def _errors_from(exc: RegistryError, row: int, default_column: str) -> list[RowError]:
    fields = exc.extra.get("fields") or {}
    errors = []
    for name, messages in fields.items():
        column = column_label(_FIELD_COLUMN.get(name, default_column))
        for message in messages:
            errors.append(RowError(row, column, str(message)))
    return errors or [RowError(row, column_label(default_column), str(exc.message))]


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    admins: list[tuple[str, Official]] = field(default_factory=list)


# ---------------------------------------------------------------- import


def inventory_import(
    *, actor: Any, institution: Institution, data: bytes, filename: str = "", dry_run: bool = False
) -> ImportResult:
    """Imports an inventory file into the institution, all or nothing.

    Returns an ImportResult; `errors` lists every problem found (row, column, message). With errors, or with
    `dry_run`, nothing is kept. Raises InventoryFileError when the file itself cannot be read.

    An imported account is a pre-existing one (rosarito:Transitorio 2): it enters `pending_regularisation` and its
    regularisation starts with it (`account_register_preexisting`); if one row's regularisation cannot start,
    nothing is imported. Where the norm has no regime for pre-existing accounts nothing can be imported (accounts
    enter through the opening request). The «Situación» column may only say «activa» or «por regularizar».
    On success writes the events of each registration, regularisation and assignment plus one `inventory.imported`.
    """
    parsed = read_inventory(data, filename)
    columns, _unknown = match_headers(parsed.headers)
    result = ImportResult(parsed.format, parsed.encoding, len(parsed.rows), dry_run,
                          columns={name: parsed.headers[i] for name, i in columns.items()})
    if "url" not in columns and "handle" not in columns:
        result.errors.append(RowError(1, "URL", _("Falta la columna «URL» (o «Usuario» con «Red social»).")))
    if "area" not in columns:
        result.errors.append(RowError(1, "Área", _("Falta la columna «Área».")))
    if "url" not in columns and "platform" not in columns:
        result.errors.append(RowError(1, "Red social", _("Sin columna «URL» hace falta la columna «Red social».")))
    if not parsed.rows:
        result.errors.append(RowError(2, "", _("El archivo no tiene filas de datos.")))
    refusal = preexisting_registration_refusal(institution)
    if refusal is not None:
        result.errors.append(RowError(1, "", refusal))
    if result.errors:
        return result
    transitional = policy_for(institution).transitional
    entry_clauses = ", ".join(transitional.clauses_for("preexisting_regularisation")) or _("política de la institución")

    platforms = platforms_active()
    by_platform = _platform_lookup(platforms)
    areas = {normalize_header(a.name): a for a in Area.objects.filter(institution=institution)}
    officials = list(Official.objects.filter(institution=institution))
    by_email = {o.email.lower(): o for o in officials}
    by_name: dict[str, list[Official]] = {}
    for o in officials:
        by_name.setdefault(normalize_header(o.full_name), []).append(o)
    statuses = _choice_map(AccountStatus.choices)
    verifications = _choice_map(Verification.choices)

    def cell(raw: list[Any], name: str) -> Any:
        index = columns.get(name)
        return raw[index] if index is not None and index < len(raw) else None

    rows: list[_Row] = []
    for number, raw in parsed.rows:
        errors: list[RowError] = []
        values: dict[str, Any] = {}

        def err(name: str, message: str, _n: int = number, _e: list[RowError] = errors) -> None:
            _e.append(RowError(_n, column_label(name), message))

        platform_text = _text(cell(raw, "platform"))
        platform = None
        if platform_text:
            platform = by_platform.get(normalize_header(platform_text))
            if platform is None:
                err("platform", _("Red social desconocida: «%(v)s».") % {"v": platform_text})
        url = _text(cell(raw, "url")) or _text(cell(raw, "handle"))
        if not url:
            err("url", _("Falta la URL o el usuario de la cuenta."))
        values["url"], values["platform"] = url, platform
        area_text = _text(cell(raw, "area"))
        values["area"] = areas.get(normalize_header(area_text))
        if not area_text:
            err("area", _("Falta el área responsable."))
        elif values["area"] is None:
            err("area", _("El área «%(v)s» no existe en la institución.") % {"v": area_text})
        tier_text = normalize_header(cell(raw, "tier"))
        values["tier"] = _TIERS.get(tier_text.split(" ")[0] if tier_text else "principal")
        if values["tier"] is None:
            err("tier", _("Tipo «%(v)s» no válido: use principal o alterna.") % {"v": _text(cell(raw, "tier"))})
        kind_text = normalize_header(cell(raw, "kind"))
        values["kind"] = _KINDS.get(kind_text or "oficial")
        if values["kind"] is None:
            err("kind", _("Clase «%(v)s» no válida: use oficial o personal.") % {"v": _text(cell(raw, "kind"))})
        status_text = normalize_header(cell(raw, "status"))
        status = statuses.get(status_text) if status_text else AccountStatus.PENDING_REGULARISATION
        if status not in (AccountStatus.ACTIVE, AccountStatus.PENDING_REGULARISATION):
            err("status", _("Situación «%(v)s» no válida para importar: una cuenta importada entra «por regularizar» "
                            "(%(c)s).") % {"v": _text(cell(raw, "status")), "c": entry_clauses})
        verification_text = normalize_header(cell(raw, "verification"))
        values["verification"] = verifications.get(verification_text) if verification_text else Verification.NOT_REQUESTED
        if values["verification"] is None:
            err("verification", _("Verificación «%(v)s» no válida.") % {"v": _text(cell(raw, "verification"))})
        for name in ("opened_on", "last_activity_on"):
            raw_value = cell(raw, name)
            values[name] = None
            if _text(raw_value):
                try:
                    values[name] = parse_date(raw_value)
                except ValueError as exc:
                    err(name, str(exc))
        values["email"] = _text(cell(raw, "email"))
        values["display_name"] = _text(cell(raw, "display_name"))
        values["platform_account_id"] = _text(cell(raw, "platform_account_id"))
        values["attention_hours"] = _text(cell(raw, "attention_hours"))
        values["holiday_notice"] = _text(cell(raw, "holiday_notice"))
        row = _Row(number, values)
        for role, name_field, email_field in (
            (AdminRole.PRIMARY, "primary_name", "primary_email"),
            (AdminRole.ALTERNATE, "alternate_name", "alternate_email"),
        ):
            name, email = _text(cell(raw, name_field)), _text(cell(raw, email_field)).lower()
            if not name and not email:
                continue
            official = by_email.get(email) if email else None
            if official is None and name:
                matches = by_name.get(normalize_header(name), [])
                if len(matches) == 1:
                    official = matches[0]
                elif len(matches) > 1:
                    err(name_field, _("Hay varias personas llamadas «%(v)s»; indique su correo.") % {"v": name})
                    continue
            if official is None:
                err(email_field if email else name_field,
                    _("«%(v)s» no está registrado como servidor público de la institución.") % {"v": email or name})
                continue
            row.admins.append((role, official))
        result.errors.extend(errors)
        rows.append(row)

    seen: dict[tuple[str, str], int] = {}
    with transaction.atomic():
        for row in rows:
            if any(e.row == row.number for e in result.errors):
                continue
            v = row.values
            try:
                with transaction.atomic():
                    account = account_register_preexisting(
                        actor=actor, institution=institution, area=v["area"], url=v["url"], platform=v["platform"],
                        display_name=v["display_name"] or v["url"], tier=v["tier"], kind=v["kind"], email=v["email"],
                        platform_account_id=v["platform_account_id"], verification=v["verification"],
                        attention_hours=v["attention_hours"], holiday_notice=v["holiday_notice"],
                        opened_on=v["opened_on"], last_activity_on=v["last_activity_on"],
                        reason=_("Importación de inventario (%(f)s, fila %(n)s)") % {"f": filename or parsed.format, "n": row.number},
                    )
                    if not v["display_name"]:
                        account.display_name = account.handle
                        account.save(update_fields=["display_name"])
                    key = (account.platform.slug, account.handle)
                    if key in seen:
                        raise RegistryError(_("Cuenta repetida: ya está en la fila %(n)s.") % {"n": seen[key]},
                                            code=ErrorCode.DUPLICATE_ACCOUNT, extra={"fields": {"url": [
                                                _("Cuenta repetida: ya está en la fila %(n)s.") % {"n": seen[key]}]}})
                    seen[key] = row.number
                    result.created += 1
                    for role, official in row.admins:
                        column = "primary_name" if role == AdminRole.PRIMARY else "alternate_name"
                        try:
                            administrator_assign(actor=actor, account=account, official=official, role=role,
                                                 starts_on=v["opened_on"] if v["opened_on"] else None)
                            result.administrators += 1
                        except RegistryError as exc:
                            result.errors.append(RowError(row.number, column_label(column), str(exc.message)))
            except RegistryError as exc:
                result.errors.extend(_errors_from(exc, row.number, "url"))
            except ApplicationError as exc:
                result.errors.append(RowError(row.number, column_label("url"), str(exc.message)))
        result.errors.sort(key=lambda e: (e.row, e.column))
        if result.errors or dry_run:
            transaction.set_rollback(True)
            if result.errors:
                result.created = result.administrators = 0
        else:
            event_record(
                action="inventory.imported", actor=actor, institution=institution,
                reason=_("Importación de inventario"),
                changes={"file": [None, filename], "format": [None, parsed.format], "encoding": [None, parsed.encoding],
                         "rows": [None, len(parsed.rows)], "accounts": [None, result.created],
                         "administrators": [None, result.administrators]},
                policy_version=policy_for(institution).version,
            )
    return result


# ---------------------------------------------------------------- export

EXPORT_FIELDS = (
    "platform", "url", "handle", "display_name", "area", "tier", "kind", "status", "primary_name", "primary_email",
    "alternate_name", "alternate_email", "email", "platform_account_id", "opened_on", "last_activity_on",
    "verification", "attention_hours", "holiday_notice", "closed_on",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_headers() -> list[str]:
    return [column_label(name) if name in COLUMNS else _("Fecha de cierre") for name in EXPORT_FIELDS]


def export_rows(accounts: Iterable[SocialAccount], on: dt.date | None = None) -> list[list[Any]]:
    """One row per account (closed ones included), with its current titular and suplente."""
    accounts = list(accounts)
    on = on or dt.date.today()
    admins: dict[int, dict[str, Administrator]] = {}
    for admin in Administrator.objects.active_on(on).filter(account__in=accounts).select_related("official"):
        admins.setdefault(admin.account_id, {}).setdefault(admin.role, admin)
    rows = []
    for account in accounts:
        current = admins.get(account.pk, {})
        primary, alternate = current.get(AdminRole.PRIMARY), current.get(AdminRole.ALTERNATE)
        rows.append([
            account.platform.name, account.url, account.handle, account.display_name, account.area.name,
            account.get_tier_display(), account.get_kind_display(), account.get_status_display(),
            primary.official.full_name if primary else "", primary.official.email if primary else "",
            alternate.official.full_name if alternate else "", alternate.official.email if alternate else "",
            account.email, account.platform_account_id, account.opened_on, account.last_activity_on,
            account.get_verification_display(), account.attention_hours, account.holiday_notice, account.closed_on,
        ])
    return rows


def export_csv(accounts: Iterable[SocialAccount]) -> bytes:
    """UTF-8 with BOM (so Excel reads the accents), comma-separated, formula-neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(export_headers())
    for row in export_rows(accounts):
        writer.writerow([neutralise("" if v is None else (v.isoformat() if isinstance(v, dt.date) else str(v))) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(accounts: Iterable[SocialAccount]) -> bytes:
    """One sheet, text cells forced to the string type (never formulas) and neutralised, dates as dates."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Inventario"
    for row_index, row in enumerate([export_headers(), *export_rows(accounts)], start=1):
        for col_index, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            if isinstance(value, dt.date):
                sheet.cell(row=row_index, column=col_index, value=value).number_format = "yyyy-mm-dd"
                continue
            text = neutralise(str(value))
            cell = sheet.cell(row=row_index, column=col_index)
            cell.value = text
            cell.data_type = "s"  # openpyxl infers "f" for any text starting with "="
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
