"""Each platform export parser on our own small fixtures, and the files that must be refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest

from pregon.publications.parsers import ExportFileError, ParseContext, parse_datetime, read_export

from .conftest import fixture_bytes

TIJUANA = ZoneInfo("America/Tijuana")
CTX = ParseContext(tz=TIJUANA, today=dt.date(2026, 3, 1))


def read(name: str) -> object:
    return read_export(fixture_bytes(name), CTX, name)


def test_x_account_analytics_content_2026_headers():
    parsed = read("account_analytics_content_2026-02-14_2026-02-16.csv")
    assert parsed.format == "x_content"
    assert [r.post_id for r in parsed.rows] == ["1900000000000000001", "1900000000000000002", "1900000000000000003"]
    first = parsed.rows[0]
    assert first.published_at == dt.datetime(2026, 2, 14, 12, 0, tzinfo=TIJUANA)  # date only: noon local time
    assert first.permalink == "https://x.com/GobRosarito/status/1900000000000000001"
    assert "664 123 4567" in parsed.rows[1].text
    assert parsed.rows[1].row == 3


def test_x_account_analytics_content_2025_headers_and_crlf():
    parsed = read("account_analytics_content_2025-02-17_2025-02-18.csv")
    assert parsed.format == "x_content"
    assert parsed.rows[0].published_at.date() == dt.date(2025, 2, 17)
    assert parsed.rows[1].permalink.endswith("/1800000000000000012")


def test_x_classic_tweet_activity_keeps_the_utc_offset():
    parsed = read("tweet_activity_metrics_GobRosarito_20211101_20211201_es.csv")
    assert parsed.format == "x_tweet_activity"
    assert parsed.rows[0].published_at == dt.datetime(2021, 11, 30, 16, 0, tzinfo=dt.timezone.utc)


def test_facebook_legacy_xlsx_skips_the_description_row():
    parsed = read("Facebook Insights Data Export (Post Level) - Pasto - 2026-02-20.xlsx")
    assert parsed.format == "facebook_posts"
    assert parsed.encoding == "XLSX"
    assert parsed.skipped == 1
    assert [r.post_id for r in parsed.rows] == ["111222333_444555666", "111222333_444555667"]
    assert parsed.rows[0].row == 3  # header row 1, description row 2
    assert parsed.rows[1].published_at == dt.datetime(2026, 2, 11, 17, 30, tzinfo=TIJUANA)


def test_facebook_meta_business_suite_csv():
    parsed = read("meta_business_suite_content.csv")
    assert parsed.format == "facebook_posts"
    assert parsed.encoding == "UTF-8 con BOM"
    row = parsed.rows[0]
    assert (row.post_id, row.text[:5]) == ("900001", "Feria")
    assert row.published_at == dt.datetime(2026, 2, 12, 9, 15, tzinfo=TIJUANA)  # MM/DD/YYYY


def test_tiktok_content_infers_the_year_and_takes_the_id_from_the_link():
    parsed = read("Content.csv")
    assert parsed.format == "tiktok_content"
    ids = [r.post_id for r in parsed.rows]
    assert ids == ["7527623000473079054", "7531345990947851551", "7546034661705796877"]
    dates = [r.published_at.date() for r in parsed.rows]
    # exported on 1 March 2026: "July 16" and "September 3" are of 2025; "8 de marzo" (Spanish) too.
    assert dates == [dt.date(2025, 7, 16), dt.date(2025, 3, 8), dt.date(2025, 9, 3)]
    assert parsed.rows[1].text == ""


def test_youtube_table_data_skips_the_total_row_and_builds_permalinks():
    parsed = read("Table data.csv")
    assert parsed.format == "youtube_table"
    assert parsed.skipped == 1
    assert parsed.rows[0].post_id == "UWQNrpakgcA"
    assert parsed.rows[0].permalink == "https://www.youtube.com/watch?v=UWQNrpakgcA"
    assert parsed.rows[0].published_at.date() == dt.date(2025, 8, 28)


def test_generic_spanish_csv_in_windows_1252_with_semicolons_and_day_first_dates():
    parsed = read("generico_cp1252.csv")
    assert parsed.format == "generic"
    assert parsed.encoding.startswith("Windows-1252")
    assert parsed.rows[0].published_at == dt.datetime(2026, 2, 14, 10, 30, tzinfo=TIJUANA)
    assert "Señora Ana Gómez" in parsed.rows[1].text


def test_generic_english_csv_with_iso_dates():
    parsed = read("generic_en.csv")
    assert parsed.format == "generic"
    assert parsed.rows[0].published_at.utcoffset() == dt.timedelta(hours=-5)


@pytest.mark.parametrize("codec, label", [("utf-16", "UTF-16 con BOM"), ("utf-8-sig", "UTF-8 con BOM")])
def test_encodings_with_a_byte_order_mark(codec, label):
    data = fixture_bytes("generico_cp1252.csv").decode("cp1252").encode(codec)
    parsed = read_export(data, CTX)
    assert parsed.encoding == label
    assert "Señora" in parsed.rows[1].text


@pytest.mark.parametrize("value, expected", [
    ("Sat, Aug 15, 2026", dt.datetime(2026, 8, 15, 12, 0)),
    ("Mon Feb 17 2025", dt.datetime(2025, 2, 17, 12, 0)),
    ("2021-11-30 16:00", dt.datetime(2021, 11, 30, 16, 0)),
    ("14/02/2026 10:30", dt.datetime(2026, 2, 14, 10, 30)),
    ("3 de febrero de 2026 5:05 p. m.", dt.datetime(2026, 2, 3, 17, 5)),
    ("Aug 28, 2025", dt.datetime(2025, 8, 28, 12, 0)),
])
def test_dates_in_the_shapes_exports_write_them(value, expected):
    assert parse_datetime(value, CTX, day_first=True).replace(tzinfo=None) == expected


# --- refused files --------------------------------------------------------------------------------------------


def refused(data: bytes, name: str = "x.csv") -> ExportFileError:
    with pytest.raises(ExportFileError) as caught:
        read_export(data, CTX, name)
    return caught.value


def test_a_bad_date_names_the_row_and_the_column():
    data = b"id,fecha,texto,url\n1,2026-02-01,Hola,https://e.org/1\n2,ayer,Adios,https://e.org/2\n"
    error = refused(data)
    assert "Fila 3" in error.message and "«fecha»" in error.message and "ayer" in error.message
    assert error.extra["errors"] == [{"row": 3, "column": "fecha", "message": "no se reconoce la fecha «ayer»"}]


def test_every_bad_row_is_listed():
    data = b"id,fecha,texto,url\n,2026-02-01,Hola,https://e.org/1\n2,2026-02-01,Hola,ftp://e.org/2\n3,2026-09-01,x,\n"
    rows = [(e["row"], e["column"]) for e in refused(data).extra["errors"]]
    assert rows == [(2, "id"), (3, "url"), (4, "fecha")]  # missing id, not http(s), future date


def test_ids_rounded_by_excel_are_refused():
    error = refused(b"id,fecha,texto\n1.90000E+18,2026-02-01,Hola\n")
    assert "notación científica" in error.message


def test_the_same_id_with_two_texts_is_refused_but_an_identical_repeat_is_not():
    assert "ya apareció en la fila 2" in refused(b"id,fecha,texto\n1,2026-02-01,Hola\n1,2026-02-01,Otro\n").message
    assert len(read_export(b"id,fecha,texto\n1,2026-02-01,Hola\n1,2026-02-01,Hola\n", CTX).rows) == 1


def test_unknown_headers_are_refused_naming_the_accepted_formats():
    error = refused(b"Date,Impressions,Likes\n2026-02-01,10,1\n")
    assert "No se reconoce el formato" in error.message and "«Impressions»" in error.message


def test_binary_garbage_and_old_excel_files_are_refused():
    assert "no es texto" in refused(b"\x00\x01\x02binary\x00" * 50).message
    assert ".xls" in refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "a.xls").message
    assert "vacío" in refused(b"").message


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))
    return buffer.getvalue()


def test_an_xlsx_zip_bomb_is_refused_before_opening_it():
    error = refused(zip_bomb(), "bomba.xlsx")
    assert "bomba de compresión" in error.message


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hola.txt", "hola")
    assert "no un libro de Excel" in refused(buffer.getvalue(), "a.xlsx").message
