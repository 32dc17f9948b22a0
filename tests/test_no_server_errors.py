"""The server errors found by hand or by tests/test_crawl.py, each reproduced through the Django test client: every
bad input gets a Spanish 4xx (or is ignored) and changes nothing; nothing answers 500."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pregon.institutions.models import ElectoralPeriod, NonWorkingDay
from pregon.institutions.tests.factories import AreaFactory, MembershipFactory, OfficialFactory, UserFactory
from pregon.procedures.flows.consultation import consultation_create
from pregon.procedures.models.consultation import ConsultationStatus
from pregon.publications.models import Publication
from pregon.publications.services import publications_import
from pregon.registry.models import Platform, SocialAccount
from pregon.registry.tests.factories import SocialAccountFactory

pytestmark = pytest.mark.django_db

TIJUANA = ZoneInfo("America/Tijuana")
CSV = b"id,fecha,texto\n1,2026-02-01,Feria del libro en el centro\n"
NUL_MESSAGE = "carácter nulo"
NOT_FOUND = ("Página no encontrada", "No se encontró")


def _url(name: str, institution, **kwargs) -> str:
    return reverse(name, kwargs={"institution": institution.slug, **kwargs})


@pytest.fixture
def account_a(institution_a):
    return SocialAccountFactory(institution=institution_a, platform=Platform.objects.get(slug="x"),
                                handle="gobrosarito", area=AreaFactory(institution=institution_a))


# --- the consultation after its silence expiry (rosarito:9.7) -------------------------------------------------------


def test_a_consultation_rejected_by_silence_shows_its_page_with_nobody_as_the_decider(client, institution_a, admin_a,
                                                                                      comms_a):
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = consultation_create(institution=institution_a, actor=admin_a, text="¿Publico esto?")
    with time_machine.travel(dt.datetime(2026, 4, 1, 9, 0, tzinfo=TIJUANA), tick=False):
        call_command("tick", stdout=StringIO())
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED_BY_SILENCE and consultation.decided_by is None
    for user in (comms_a, admin_a):
        client.force_login(user)
        response = client.get(consultation.get_absolute_url())
        assert response.status_code == 200, user


# --- the publications import page --------------------------------------------------------------------------------


def test_the_import_page_lists_an_import_made_from_the_command_line_which_has_no_importer(client, comms_a,
                                                                                        account_a):
    publications_import(actor=None, account=account_a, data=CSV, file_name="cli.csv")  # as `pregon import` does
    client.force_login(comms_a)
    response = client.post(_url("publications:import", account_a.institution),
                           {"account": str(account_a.public_id), "file": SimpleUploadedFile("web.csv", CSV)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ya estaban archivadas" in html and "cli.csv" in html


@pytest.mark.parametrize("data", [{"account": ""}, {"account": "no-es-un-id"}, {"file": ""}])
def test_the_import_page_with_a_field_left_empty_or_malformed_asks_for_it_and_imports_nothing(client, comms_a,
                                                                                             account_a, data):
    client.force_login(comms_a)
    response = client.post(_url("publications:import", account_a.institution), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Publication.objects.exists()


# --- filters in the query string -----------------------------------------------------------------------------------

BAD_FILTERS = {"area": "abc", "platform": "no-existe", "status": "no-existe", "tier": "x", "kind": "x",
               "estado": "no-existe", "page": "abc", "sort": "x", "cuenta": "no-es-un-id", "categoria": "x",
               "gravedad": "x", "anio": "99999999999999999999", "format": "exe"}


@pytest.mark.parametrize("name", ["registry:account_list", "registry:inventory_export", "publications:audit_list",
                                  "publications:review", "publications:import", "institutions:calendar",
                                  "institutions:people"])
def test_bad_filter_values_on_a_page_are_ignored(client, comms_a, account_a, name):
    client.force_login(comms_a)
    assert client.get(_url(name, account_a.institution), BAD_FILTERS).status_code == 200


def test_a_non_numeric_area_in_the_account_list_of_the_api_is_refused_in_spanish(client, comms_a, account_a):
    client.force_login(comms_a)
    response = client.get(f"/api/v1/registry/{account_a.institution.slug}/accounts", {"area": "abc"})
    assert response.status_code == 422, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR" and "no es un UUID válido" in error["message"]


# --- impossible dates ----------------------------------------------------------------------------------------------

IMPOSSIBLE = ["2026-02-30", "2026-13-45", "99999-01-01", "9999-12-31", "0001-01-01"]


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_declaring_a_non_working_day_on_an_impossible_date_is_refused(client, comms_a, institution_a, value):
    client.force_login(comms_a)
    response = client.post(_url("institutions:nonworking_day_declare", institution_a),
                           {"date": value, "reason": "Asueto", "source": "acuerdo"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not NonWorkingDay.objects.exists()


@pytest.mark.parametrize(("starts", "ends"), [("2026-02-30", "2026-03-02"), ("2026-03-01", "99999-01-01"),
                                              ("2026-03-01", "9999-12-31"), ("0001-01-01", "2026-03-01")])
def test_an_electoral_period_with_an_impossible_date_is_refused(client, comms_a, institution_a, starts, ends):
    client.force_login(comms_a)
    response = client.post(_url("institutions:electoral_period_declare", institution_a),
                           {"name": "Proceso electoral local", "starts_on": starts, "ends_on": ends})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not ElectoralPeriod.objects.exists()


@pytest.mark.parametrize("start", ["2026-02-30T10:00", "2026-13-45T10:00", "99999-01-01T10:00", "9999-12-31T23:59",
                                   "0001-01-01T00:00"])
def test_the_deadline_helper_refuses_an_impossible_start(client, comms_a, institution_a, start):
    client.force_login(comms_a)
    response = client.get(_url("institutions:calendar", institution_a),
                          {"start": start, "amount": "3", "unit": "business_days"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_a_departure_on_an_impossible_date_is_refused_and_the_official_stays(client, comms_a, institution_a, value):
    official = OfficialFactory(institution=institution_a)
    client.force_login(comms_a)
    response = client.post(_url("institutions:official_end", institution_a, official=official.public_id),
                           {"ended_on": value, "reason": "Renuncia"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    official.refresh_from_db()
    assert official.employment_status == "active"


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_registering_an_account_opened_on_an_impossible_date_is_refused(client, comms_a, account_a, value):
    client.force_login(comms_a)
    response = client.post(_url("registry:account_register", account_a.institution), {
        "url": "https://x.com/turismorosarito", "display_name": "Turismo Rosarito", "area": str(account_a.area.public_id),
        "tier": "main", "kind": "official", "opened_on": value,
    })
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert SocialAccount.objects.count() == 1


# --- NUL characters (PostgreSQL cannot store or compare them) ----------------------------------------------------


@pytest.mark.parametrize("query", ["q=a%00b", "area=%00", "estado=a%00b", "a%00=1"])
def test_a_nul_character_in_the_query_string_is_a_spanish_400(client, comms_a, account_a, query):
    client.force_login(comms_a)
    response = client.get(_url("registry:account_list", account_a.institution) + "?" + query)
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()


def test_a_nul_character_in_the_feed_token_is_a_400_not_a_lookup(client):
    response = client.get("/pendientes.ics", {"token": "a\x00b"})
    assert response.status_code == 400


def test_a_nul_character_in_a_form_field_is_refused_and_nothing_is_saved(client, comms_a, institution_a):
    client.force_login(comms_a)
    response = client.post(_url("institutions:nonworking_day_declare", institution_a),
                           {"date": "2026-03-02", "reason": "Asueto\x00", "source": ""})
    assert response.status_code == 400 and NUL_MESSAGE in response.content.decode()
    assert not NonWorkingDay.objects.exists()


def test_an_uploaded_file_may_hold_nul_bytes_it_is_the_parser_that_judges_it(client, comms_a, account_a):
    client.force_login(comms_a)
    upload = SimpleUploadedFile("export.xlsx", b"PK\x03\x04\x00\x00 not really a spreadsheet")
    response = client.post(_url("publications:import", account_a.institution),
                           {"account": str(account_a.public_id), "file": upload})
    assert response.status_code == 200 and NUL_MESSAGE not in response.content.decode()
    assert not Publication.objects.exists()


def test_a_nul_character_in_an_api_body_is_a_json_400(client, comms_a, account_a):
    client.force_login(comms_a)
    body = json.dumps({"url": "https://x.com/otra\u0000", "area": str(account_a.area.public_id)})
    response = client.post(f"/api/v1/registry/{account_a.institution.slug}/accounts", body,
                           content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "NUL_CHARACTER"
    assert SocialAccount.objects.count() == 1


def test_a_very_long_text_is_refused_with_a_message(client, comms_a, institution_a):
    client.force_login(comms_a)
    response = client.post(_url("institutions:nonworking_day_declare", institution_a),
                           {"date": "2026-03-02", "reason": "x" * 100_000, "source": "y" * 100_000})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not NonWorkingDay.objects.exists()


# --- malformed ids in URLs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["no-es-un-id", "12345678-1234-1234-1234-12345678", "00000000-0000-0000-0000-000000000000"])
def test_a_malformed_or_unknown_id_in_a_url_is_the_spanish_404_page(client, comms_a, account_a, bad):
    client.force_login(comms_a)
    path = _url("registry:account_detail", account_a.institution, account=account_a.public_id)
    for url in (path.replace(str(account_a.public_id), bad), f"/i/no-existe/cuentas/{bad}/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert any(text in response.content.decode() for text in NOT_FOUND), url


def test_the_server_error_page_is_in_spanish_and_needs_no_request(client):
    from django.template.loader import render_to_string

    assert "Error del servidor" in render_to_string("500.html")


def test_an_outsider_gets_no_other_persons_data_from_a_hostile_query(client, institution_b, account_a):
    outsider = UserFactory(username="fuera")
    MembershipFactory(user=outsider, institution=institution_b, role="comms")
    client.force_login(outsider)
    assert client.get(_url("registry:account_list", account_a.institution), BAD_FILTERS).status_code == 404


@pytest.mark.parametrize("change", [{"display_name": "\ud800"}, {"opened_on": "2026-02-30"},
                                    {"opened_on": "99999-01-01"}, {"display_name": "x" * 100_000},
                                    {"area": "no-es-un-id"}, {"tier": "no-existe"}])
def test_hostile_input_to_the_api_is_a_json_4xx_and_registers_nothing(client, comms_a, account_a, change):
    client.force_login(comms_a)
    body = {"url": "https://x.com/turismorosarito", "display_name": "Turismo", "area": str(account_a.area.public_id),
            **change}
    response = client.post(f"/api/v1/registry/{account_a.institution.slug}/accounts", json.dumps(body),
                           content_type="application/json")
    assert 400 <= response.status_code < 500, response.content[:300]
    assert "error" in response.json()
    assert SocialAccount.objects.count() == 1
