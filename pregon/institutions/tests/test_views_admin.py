"""The institution's own administration pages: officials, calendar, policy (views_admin.py).

Each form: the happy path (one ledger event per service call), the refusals (a role that may not → 403, another
institution → 404, bad input → a Spanish message and nothing changed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from pregon.institutions.choices import EmploymentStatus, Rank, Role
from pregon.institutions.models import ElectoralPeriod, Membership, NonWorkingDay, Official
from pregon.institutions.policies import local_today
from pregon.institutions.tests.factories import AreaFactory, OfficialFactory, UserFactory
from pregon.ledger.models import Event

# Monday 2 March 2026, 09:00 in Tijuana.
NOW = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def _url(name: str, institution: Any, **kwargs: Any) -> str:
    return reverse(f"institutions:{name}", kwargs={"institution": institution.slug, **kwargs})


def _events(action: str) -> int:
    return Event.objects.filter(action=action).count()


def _messages(response: Any) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


@pytest.fixture
def area(institution_a: Any) -> Any:
    return AreaFactory(institution=institution_a, name="Dirección de Turismo")


@pytest.fixture
def other_area(institution_a: Any) -> Any:
    return AreaFactory(institution=institution_a, name="Dirección de Cultura")


def _area_head(institution: Any, area: Any, username: str) -> Any:
    user = UserFactory(username=username)
    Membership.objects.create(user=user, institution=institution, role=Role.AREA_HEAD, area=area)
    return user


# ---------------------------------------------------------------- officials: register


def test_comms_registers_an_official_with_one_ledger_event(client, comms_a, institution_a, area):
    client.force_login(comms_a)
    assert client.get(_url("official_create", institution_a)).status_code == 200
    response = client.post(
        _url("official_create", institution_a),
        {
            "full_name": "Mariana Ceseña",
            "email": "mariana.cesena@rosarito.gob.mx",
            "position_title": "Directora",
            "rank": Rank.SUPERIOR,
            "area": area.pk,
        },
    )
    assert response.status_code == 302
    official = Official.objects.get(full_name="Mariana Ceseña")
    assert official.institution == institution_a and official.area == area and official.is_active
    assert _events("official.created") == 1


def test_registering_an_official_with_an_area_of_another_institution_changes_nothing(
    client, comms_a, institution_a, institution_b, area
):
    foreign = AreaFactory(institution=institution_b, name="Secretaría de Cultura")
    client.force_login(comms_a)
    response = client.post(
        _url("official_create", institution_a),
        {
            "full_name": "Juan Pérez",
            "email": "juan@rosarito.gob.mx",
            "position_title": "Jefe",
            "rank": Rank.MEDIO,
            "area": foreign.pk,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["area"]
    assert not Official.objects.filter(full_name="Juan Pérez").exists() and _events("official.created") == 0


def test_registering_an_official_refuses_the_auditor_and_other_institutions(client, auditor_a, admin_b, institution_a):
    client.force_login(auditor_a)
    assert client.post(_url("official_create", institution_a), {}).status_code == 403
    client.force_login(admin_b)
    assert client.get(_url("official_create", institution_a)).status_code == 404


# ---------------------------------------------------------------- officials: departure


@pytest.fixture
def administered(institution_a: Any, area: Any) -> Any:
    """An official who is the primary administrator of an active account of A."""
    from pregon.registry.choices import AdminRole, Kind, Tier
    from pregon.registry.models import Administrator, Platform, SocialAccount
    from tests.browser.scenarios import ensure_platforms

    ensure_platforms()
    official = OfficialFactory(
        institution=institution_a, area=area, full_name="Tomás Aguirre", email="tomas.aguirre@rosarito.gob.mx"
    )
    platform = Platform.objects.get(slug="facebook")
    account = SocialAccount.objects.create(
        institution=institution_a,
        area=area,
        platform=platform,
        handle="turismo",
        display_name="Turismo",
        url=platform.url_template.replace("{handle}", "turismo"),
        tier=Tier.MAIN,
        kind=Kind.OFFICIAL,
        status="active",
        email="turismo@rosarito.gob.mx",
    )
    Administrator.objects.create(
        account=account, official=official, role=AdminRole.PRIMARY, starts_on=dt.date(2025, 1, 6)
    )
    return official


def test_departure_starts_administrator_change_and_credential_rotation_and_says_so(
    client, comms_a, institution_a, administered
):
    from pregon.procedures.models import AdministratorChange, CredentialRotation

    client.force_login(comms_a)
    assert client.get(_url("official_end", institution_a, official=administered.public_id)).status_code == 200
    response = client.post(
        _url("official_end", institution_a, official=administered.public_id),
        {"ended_on": "2026-02-27", "reason": "Renuncia"},
        follow=True,
    )
    administered.refresh_from_db()
    assert administered.employment_status == EmploymentStatus.ENDED
    assert administered.employment_ended_on == dt.date(2026, 2, 27)
    assert AdministratorChange.objects.filter(leaving__official=administered).count() == 1
    assert CredentialRotation.objects.filter(account__administrators__official=administered).count() == 1
    text = _messages(response)
    assert "Se inició 1 cambio de administrador" in text and "1 cambio de contraseñas" in text
    assert _events("official.employment_ended") == 1


def test_a_future_departure_is_refused_and_changes_nothing(client, comms_a, institution_a, administered):
    tomorrow = local_today(institution_a) + dt.timedelta(days=1)
    client.force_login(comms_a)
    response = client.post(
        _url("official_end", institution_a, official=administered.public_id),
        {"ended_on": tomorrow.isoformat(), "reason": "Jubilación"},
    )
    assert response.status_code == 200
    assert "posterior a hoy" in " ".join(response.context["form"].errors["ended_on"])
    administered.refresh_from_db()
    assert administered.is_active and _events("official.employment_ended") == 0


def test_a_second_departure_is_refused_with_a_message(client, comms_a, institution_a, area):
    official = OfficialFactory(
        institution=institution_a,
        area=area,
        employment_status=EmploymentStatus.ENDED,
        employment_ended_on=dt.date(2026, 1, 15),
    )
    client.force_login(comms_a)
    response = client.post(
        _url("official_end", institution_a, official=official.public_id),
        {"ended_on": "2026-02-27", "reason": "Renuncia"},
        follow=True,
    )
    assert "ya causó baja el 15 de enero de 2026" in _messages(response)
    official.refresh_from_db()
    assert official.employment_ended_on == dt.date(2026, 1, 15) and _events("official.employment_ended") == 0


def test_an_area_head_records_departures_only_in_their_area(client, institution_a, area, other_area):
    head = _area_head(institution_a, area, "titular_turismo")
    mine = OfficialFactory(institution=institution_a, area=area)
    theirs = OfficialFactory(institution=institution_a, area=other_area)
    client.force_login(head)
    data = {"ended_on": "2026-02-27", "reason": "Renuncia"}
    assert client.post(_url("official_end", institution_a, official=theirs.public_id), data).status_code == 403
    assert client.post(_url("official_end", institution_a, official=mine.public_id), data).status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert not mine.is_active and theirs.is_active


def test_the_institution_page_offers_the_departure_form_only_where_allowed(
    client, comms_a, auditor_a, institution_a, area, other_area
):
    mine = OfficialFactory(institution=institution_a, area=area)
    theirs = OfficialFactory(institution=institution_a, area=other_area)
    end_mine = _url("official_end", institution_a, official=mine.public_id)
    end_theirs = _url("official_end", institution_a, official=theirs.public_id)
    client.force_login(comms_a)
    page = client.get(_url("detail", institution_a)).content.decode()
    assert end_mine in page and end_theirs in page and _url("official_create", institution_a) in page
    client.force_login(_area_head(institution_a, area, "titular_turismo"))
    page = client.get(_url("detail", institution_a)).content.decode()
    assert end_mine in page and end_theirs not in page and _url("official_create", institution_a) not in page
    client.force_login(auditor_a)
    page = client.get(_url("detail", institution_a)).content.decode()
    assert end_mine not in page and _url("calendar", institution_a) in page


def test_departure_refuses_the_auditor_and_other_institutions(client, auditor_a, admin_b, institution_a, area):
    official = OfficialFactory(institution=institution_a, area=area)
    data = {"ended_on": "2026-02-27", "reason": "Renuncia"}
    client.force_login(auditor_a)
    assert client.post(_url("official_end", institution_a, official=official.public_id), data).status_code == 403
    client.force_login(admin_b)
    assert client.post(_url("official_end", institution_a, official=official.public_id), data).status_code == 404


# ---------------------------------------------------------------- calendar


def test_every_role_reads_the_calendar_with_holidays_and_the_norms_usual_days(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    response = client.get(_url("calendar", institution_a))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Navidad" in page  # a statutory holiday of Mexico
    assert "Día de Muertos" in page and "rosarito:7" in page  # the preset's usual day, with its clause
    assert "Declarar día inhábil" not in page  # the auditor reads only


def test_a_suggested_day_prefills_the_declaration_form(client, comms_a, institution_a):
    client.force_login(comms_a)
    response = client.get(
        _url("calendar", institution_a),
        {"dia_fecha": "2026-11-02", "dia_motivo": "Día de Muertos", "dia_fuente": "Acuerdo anual 2026"},
    )
    form = response.context["day_form"]
    assert form.initial["date"] == "2026-11-02" and form.initial["reason"] == "Día de Muertos"
    assert 'value="2026-11-02"' in response.content.decode()


def test_comms_declares_a_non_working_day_with_one_ledger_event(client, comms_a, institution_a):
    client.force_login(comms_a)
    response = client.post(
        _url("nonworking_day_declare", institution_a),
        {"date": "2026-11-02", "reason": "Día de Muertos", "source": "Acuerdo anual 2026"},
    )
    assert response.status_code == 302
    assert NonWorkingDay.objects.get(institution=institution_a).date == dt.date(2026, 11, 2)
    assert _events("nonworking_day.declared") == 1


def test_declaring_a_day_twice_gives_a_message_and_changes_nothing(client, comms_a, institution_a):
    NonWorkingDay.objects.create(institution=institution_a, date=dt.date(2026, 11, 2), reason="Día de Muertos")
    client.force_login(comms_a)
    response = client.post(_url("nonworking_day_declare", institution_a), {"date": "2026-11-02", "reason": "Otra vez"})
    assert response.status_code == 200
    assert "ya está declarado inhábil" in " ".join(response.context["day_form"].errors["date"])
    assert NonWorkingDay.objects.filter(institution=institution_a).count() == 1
    assert _events("nonworking_day.declared") == 0


def test_declaring_days_refuses_the_auditor_and_other_institutions(client, auditor_a, admin_b, institution_a):
    data = {"date": "2026-11-02", "reason": "Día de Muertos"}
    client.force_login(auditor_a)
    assert client.post(_url("nonworking_day_declare", institution_a), data).status_code == 403
    client.force_login(admin_b)
    assert client.post(_url("nonworking_day_declare", institution_a), data).status_code == 404
    assert not NonWorkingDay.objects.exists()


def test_comms_declares_an_electoral_period_with_one_ledger_event(client, comms_a, institution_a):
    client.force_login(comms_a)
    response = client.post(
        _url("electoral_period_declare", institution_a),
        {"name": "Proceso electoral local 2026-2027", "starts_on": "2026-09-01", "ends_on": "2027-06-30"},
    )
    assert response.status_code == 302
    assert ElectoralPeriod.objects.filter(institution=institution_a).count() == 1
    assert _events("electoral_period.declared") == 1


def test_an_overlapping_electoral_period_gives_a_message_and_changes_nothing(client, comms_a, institution_a):
    ElectoralPeriod.objects.create(
        institution=institution_a, name="Proceso 2026-2027", starts_on=dt.date(2026, 9, 1), ends_on=dt.date(2027, 6, 30)
    )
    client.force_login(comms_a)
    response = client.post(
        _url("electoral_period_declare", institution_a),
        {"name": "Extraordinario", "starts_on": "2027-06-01", "ends_on": "2027-07-15"},
    )
    assert response.status_code == 200
    assert "Se traslapa con el proceso electoral «Proceso 2026-2027»" in response.content.decode()
    assert ElectoralPeriod.objects.count() == 1 and _events("electoral_period.declared") == 0


def test_electoral_periods_refuse_the_auditor_and_other_institutions(client, auditor_a, admin_b, institution_a):
    data = {"name": "Proceso", "starts_on": "2026-09-01", "ends_on": "2027-06-30"}
    client.force_login(auditor_a)
    assert client.post(_url("electoral_period_declare", institution_a), data).status_code == 403
    client.force_login(admin_b)
    assert client.post(_url("electoral_period_declare", institution_a), data).status_code == 404
    assert not ElectoralPeriod.objects.exists()


DEADLINE = {"start": "2026-10-30T10:00", "amount": "3", "unit": "business_days"}  # Friday, 10:00 in Tijuana


def test_the_deadline_helper_skips_a_declared_day(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    # Without the agreement: Mon 2, Tue 3, Wed 4 November -> due at the end of Wednesday.
    before = client.get(_url("calendar", institution_a), DEADLINE).context["deadline"]["result"]
    assert before["due"].isoformat() == "2026-11-04T23:59:59.999999-08:00"
    NonWorkingDay.objects.create(institution=institution_a, date=dt.date(2026, 11, 2), reason="Día de Muertos")
    response = client.get(_url("calendar", institution_a), DEADLINE)
    result = response.context["deadline"]["result"]
    assert result["due"].isoformat() == "2026-11-05T23:59:59.999999-08:00"
    assert {"date": dt.date(2026, 11, 2), "why": "inhábil declarado por la institución", "name": "Día de Muertos"} in [
        {k: str(v) if k == "why" else v for k, v in d.items()} for d in result["skipped"]
    ]
    assert 'datetime="2026-11-05T23:59:59.999999-08:00"' in response.content.decode()


def test_the_deadline_helper_answers_htmx_with_the_result_only(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    response = client.get(_url("calendar", institution_a), DEADLINE, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and "2026-11-04T23:59:59" in body


def test_the_deadline_helper_counts_business_hours(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    # Friday 30 October 2026, 14:00; office 08:00-15:00: 1 h on Friday, 3 h on Monday -> Monday 11:00.
    result = client.get(
        _url("calendar", institution_a), {"start": "2026-10-30T14:00", "amount": "4", "unit": "business_hours"}
    ).context["deadline"]["result"]
    assert result["due"].isoformat() == "2026-11-02T11:00:00-08:00"


# ---------------------------------------------------------------- policy


# The policy page and its revision form: test_views_policy.py.


def test_calendar_and_policy_pages_take_a_bounded_number_of_queries(
    client, comms_a, institution_a, django_assert_max_num_queries
):
    for day in range(1, 20):
        NonWorkingDay.objects.create(institution=institution_a, date=dt.date(2026, 7, day), reason="Vacaciones")
    client.force_login(comms_a)
    with django_assert_max_num_queries(15):
        assert client.get(_url("calendar", institution_a), DEADLINE).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(_url("policy", institution_a)).status_code == 200


def test_the_main_navigation_links_to_calendar_and_policy(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    page = client.get(_url("policy", institution_a)).content.decode()
    assert f'href="{_url("calendar", institution_a)}"' in page
    assert f'href="{_url("policy", institution_a)}" aria-current="page"' in page
