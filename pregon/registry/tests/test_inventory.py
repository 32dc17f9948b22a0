"""Inventory import (all or nothing, encodings, hostile files) and export (formula injection)."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.core.management import call_command

from pregon.registry.inventory import InventoryFileError, export_csv, export_xlsx, inventory_import, read_inventory
from pregon.registry.models import Administrator, SocialAccount
from pregon.registry.tests.factories import SocialAccountFactory

pytestmark = pytest.mark.django_db

HEADER = "Red social;URL;Área;Tipo (principal/alterna);Administrador titular;Correo del titular;Administrador suplente;Correo institucional;Fecha de apertura\n"
GOOD = HEADER + (
    "Facebook;https://www.facebook.com/RosaritoTurismo;Dirección de Turismo;principal;Héctor Lugo;hlugo@rosarito.gob.mx;Daniela Ortiz;turismo@rosarito.gob.mx;15/03/2020\n"
    "Instagram;instagram.com/rosaritoturismo;dirección de turismo;Principal;;mcesena@rosarito.gob.mx;Daniela Ortiz;turismo@rosarito.gob.mx;2021-01-01\n"
)


def test_good_csv_imports_every_row_with_administrators(institution_a, officials_a):
    result = inventory_import(actor=None, institution=institution_a, data=GOOD.encode("utf-8"), filename="inv.csv")
    assert result.errors == [] and result.created == 2 and result.administrators == 4
    assert SocialAccount.objects.count() == 2 and Administrator.objects.count() == 4


def test_dry_run_keeps_nothing(institution_a, officials_a):
    result = inventory_import(actor=None, institution=institution_a, data=GOOD.encode(), dry_run=True)
    assert result.ok and result.created == 2
    assert SocialAccount.objects.count() == 0


def test_one_bad_row_imports_nothing_and_reports_row_and_column(institution_a, officials_a):
    bad = GOOD + (
        "Facebook;https://www.facebook.com/Otra;Área Inexistente;principal;;;;otra@rosarito.gob.mx;\n"
        "X;https://x.com/rosaritoplayas;Dirección de Turismo;principal;;;;playas@gmail.com;\n"
        "MySpace;https://myspace.com/x;Dirección de Turismo;principal;;;;a@rosarito.gob.mx;ayer\n"
    )
    result = inventory_import(actor=None, institution=institution_a, data=bad.encode("utf-8"))
    assert SocialAccount.objects.count() == 0
    found = {(e.row, e.column) for e in result.errors}
    assert (4, "Área") in found
    assert (5, "Correo institucional") in found
    assert (6, "Red social") in found and (6, "Fecha de apertura") in found
    assert any("rosarito:10.3" in e.message for e in result.errors)


@pytest.mark.parametrize(
    ("codec", "label"),
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 con BOM"), ("utf-16", "UTF-16 con BOM"), ("latin-1", "Windows-1252 (Latin-1)")],
)
def test_csv_encodings_are_detected_and_reported(institution_a, officials_a, codec, label):
    result = inventory_import(actor=None, institution=institution_a, data=GOOD.encode(codec), dry_run=True)
    assert result.ok, result.errors
    assert result.encoding == label


def test_tab_separated_with_loose_headers(institution_a, officials_a):
    text = "RED SOCIAL\turl\t  area \ttipo\tcorreo institucional\nx\t@rosaritoturismo\tDireccion de Turismo\talterna\tt@rosarito.gob.mx\n"
    result = inventory_import(actor=None, institution=institution_a, data=text.encode(), dry_run=True)
    assert result.ok, result.errors


def test_binary_garbage_is_refused():
    with pytest.raises(InventoryFileError):
        read_inventory(bytes(range(256)) * 10, "inv.csv")


def test_old_xls_is_refused_clearly():
    with pytest.raises(InventoryFileError, match=r"\.xls"):
        read_inventory(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "inv.xls")


def test_malformed_xlsx_is_refused():
    with pytest.raises(InventoryFileError, match="dañado"):
        read_inventory(b"PK\x03\x04 not really a zip", "inv.xlsx")


def test_zip_without_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hola.txt", "hola")
    with pytest.raises(InventoryFileError, match="no un libro de Excel"):
        read_inventory(buffer.getvalue(), "inv.xlsx")


def test_zip_bomb_is_refused_before_opening(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024

    def explode(*args, **kwargs):
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", explode)
    with pytest.raises(InventoryFileError, match="bomba de compresión|descomprimido"):
        read_inventory(data, "inv.xlsx")


def test_xlsx_import_with_dates(institution_a, officials_a):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Red social", "URL", "Área", "Correo institucional", "Administrador titular", "Administrador suplente", "Fecha de apertura"])
    import datetime as dt

    sheet.append(["YouTube", "https://www.youtube.com/@RosaritoTurismo", "Dirección de Turismo", "t@rosarito.gob.mx",
                  "Héctor Lugo", "Mariana Ceseña", dt.datetime(2020, 5, 1)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = inventory_import(actor=None, institution=institution_a, data=buffer.getvalue(), filename="inv.xlsx")
    assert result.ok, result.errors
    assert SocialAccount.objects.get().opened_on == dt.date(2020, 5, 1)


def test_exports_neutralise_formulas(institution_a):
    SocialAccountFactory(institution=institution_a, display_name="=1+1", handle="formula1")
    SocialAccountFactory(institution=institution_a, display_name="@SUM(A1)", handle="formula2")
    accounts = SocialAccount.objects.select_related("platform", "area")
    text = export_csv(accounts).decode("utf-8-sig")
    assert "'=1+1" in text and "'@SUM(A1)" in text
    workbook = openpyxl.load_workbook(io.BytesIO(export_xlsx(accounts)))
    cells = [c for row in workbook.active.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    assert "'=1+1" in {c.value for c in cells}


def test_cli_import_and_export(institution_a, officials_a, tmp_path, capsys):
    path = tmp_path / "inv.csv"
    path.write_bytes(GOOD.encode("cp1252"))
    call_command("inventory_import", str(path), "--institution", institution_a.slug)
    assert SocialAccount.objects.count() == 2
    out = tmp_path / "out.xlsx"
    call_command("inventory_export", "--institution", institution_a.slug, "--format", "xlsx", "-o", str(out))
    assert openpyxl.load_workbook(out).active.max_row == 3
