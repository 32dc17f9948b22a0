"""Dates, times, durations and handles as people read them (templatetags/pregon_format.py): in the institution's
time zone, in words, in the policy's own unit, in Spanish or English."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from pregon.institutions.templatetags.pregon_format import (
    at_handle,
    duration_label,
    duration_of,
    local_date,
    local_datetime,
    time_left_label,
    weekday_date,
)
from pregon.policy import Duration

# 18:00 in Pasto (UTC-5) is 23:00 UTC and 15:00 in Rosarito (UTC-8 in December).
SIX_PM_IN_PASTO = dt.datetime(2026, 12, 5, 23, 0, tzinfo=dt.UTC)


def test_a_time_reads_the_same_to_every_viewer_in_the_institutions_own_zone(institution_a, institution_b):
    with translation.override("es-mx"):
        assert local_datetime(SIX_PM_IN_PASTO, institution_b) == "5 de diciembre de 2026, 18:00"
        assert local_datetime(SIX_PM_IN_PASTO, institution_a) == "5 de diciembre de 2026, 15:00"
        assert local_datetime(SIX_PM_IN_PASTO, "America/Bogota") == "5 de diciembre de 2026, 18:00"
    with translation.override("en"):
        assert local_datetime(SIX_PM_IN_PASTO, institution_b) == "December 5, 2026, 18:00"


def test_a_date_near_midnight_is_the_institutions_date_not_the_servers():
    late = dt.datetime(2026, 12, 6, 4, 30, tzinfo=dt.UTC)  # 23:30 of the 5th in Bogotá, 20:30 in Tijuana
    with translation.override("es-mx"):
        assert local_date(late, "America/Bogota") == "5 de diciembre de 2026"
        assert local_date(dt.date(2026, 2, 1)) == "1 de febrero de 2026"
        assert weekday_date(dt.date(2026, 12, 5)) == "sábado, 5 de diciembre de 2026"
    with translation.override("en"):
        assert weekday_date(dt.date(2026, 12, 5)) == "Saturday, December 5, 2026"


def test_an_object_with_an_institution_gives_its_zone_and_an_unknown_zone_does_not_fail(institution_b):
    class Notice:
        institution = institution_b

    with translation.override("es-mx"):
        assert local_datetime(SIX_PM_IN_PASTO, Notice()) == "5 de diciembre de 2026, 18:00"
        assert local_datetime(SIX_PM_IN_PASTO, "Nowhere/Atlantis").startswith("5 de diciembre de 2026")
        assert local_datetime(None, institution_b) == "" and local_date("", institution_b) == ""


@pytest.mark.parametrize(
    ("amount", "unit", "spanish", "english"),
    [
        (1, "business_days", "1 día hábil", "1 business day"),
        (3, "business_days", "3 días hábiles", "3 business days"),
        (4, "business_hours", "4 horas hábiles", "4 business hours"),
        (1, "business_hours", "1 hora hábil", "1 business hour"),
        (3, "calendar_days", "3 días naturales", "3 calendar days"),
        (24, "hours", "24 horas", "24 hours"),
    ],
)
def test_a_duration_keeps_the_policys_unit_with_its_plural(amount, unit, spanish, english):
    with translation.override("es-mx"):
        assert duration_label(amount, unit) == spanish
    with translation.override("en"):
        assert duration_label(amount, unit) == english


def test_a_duration_reads_from_a_deadline_a_policy_duration_or_the_policy_text():
    class Deadline:
        duration_amount = 4
        duration_unit = "business_hours"

    with translation.override("es-mx"):
        assert duration_of(Deadline()) == "4 horas hábiles"
        assert duration_of(Duration(amount=3, unit="business_days")) == "3 días hábiles"
        assert duration_of("3 business_days") == "3 días hábiles"
        assert "business_days" not in duration_of("5 business_days")


def test_the_time_left_of_a_four_hour_term_is_counted_in_hours_never_zero_days():
    left = {"overdue": False, "unit": "business_hours", "business_time": dt.timedelta(hours=3, minutes=30),
            "business_days": 0, "calendar_time": dt.timedelta(hours=20)}
    with translation.override("es-mx"):
        assert time_left_label(left) == "3 horas hábiles"
        days = {**left, "unit": "business_days", "business_days": 2, "business_time": dt.timedelta(hours=16)}
        assert time_left_label(days) == "2 días hábiles"
        last_day = {**days, "business_days": 0, "business_time": dt.timedelta(hours=5)}
        assert time_left_label(last_day) == "5 horas hábiles"
        assert time_left_label({**last_day, "business_time": dt.timedelta()}) == "vence hoy"
        assert time_left_label({**left, "overdue": True}) == "vencido"
        calendar = {**left, "unit": "calendar_days", "calendar_time": dt.timedelta(days=2, hours=3)}
        assert time_left_label(calendar) == "2 días naturales"
    with translation.override("en"):
        assert time_left_label(left) == "3 business hours"


@pytest.mark.parametrize(
    ("handle", "shown"),
    [("rosarito", "@rosarito"), ("@canalrosarito", "@canalrosarito"), ("company/ayuntamiento", "company/ayuntamiento"),
     ("", "")],
)
def test_a_handle_carries_one_at_sign(handle, shown):
    assert at_handle(handle) == shown


def _calendar(institution):
    return reverse("institutions:calendar", kwargs={"institution": institution.slug})


def test_the_deadline_helper_shows_the_term_in_its_unit_and_the_dates_in_words(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    page = client.get(
        _calendar(institution_a), {"start": "2026-10-30T14:00", "amount": "4", "unit": "business_hours"}
    ).content.decode()
    assert "lunes, 2 de noviembre de 2026, 11:00" in page
    assert "4 horas hábiles desde el 30 de octubre de 2026, 14:00." in page
    assert " 0 días hábiles" not in page and "4 business_hours" not in page


def test_the_deadline_helper_in_english(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    client.cookies["django_language"] = "en"
    page = client.get(
        _calendar(institution_a), {"start": "2026-10-30T14:00", "amount": "1", "unit": "business_days"}
    ).content.decode()
    assert "Monday, November 2, 2026, 23:59" in page
    assert "1 business day from October 30, 2026, 14:00." in page


def test_the_inbox_shows_each_notice_in_the_time_zone_of_its_institution(client, admin_b, institution_b):
    import time_machine

    from pregon.notifications.models import Notification

    with time_machine.travel(SIX_PM_IN_PASTO, tick=False):
        Notification.objects.create(recipient=admin_b, institution=institution_b, subject="Aviso", body="Texto")
    client.force_login(admin_b)
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert "5 de diciembre de 2026, 18:00" in page
    client.cookies["django_language"] = "en"
    assert "December 5, 2026, 18:00" in client.get(reverse("notifications:inbox")).content.decode()


def test_the_policy_page_shows_terms_in_words_not_as_codes(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    page = client.get(reverse("institutions:policy", kwargs={"institution": institution_a.slug})).content.decode()
    assert "<td>3 días hábiles</td>" in page and "<td>3 business_days</td>" not in page


def test_the_departure_form_offers_dates_up_to_today_in_the_institutions_zone(client, comms_a, institution_a):
    import time_machine

    from pregon.institutions.tests.factories import AreaFactory, OfficialFactory

    OfficialFactory(institution=institution_a, area=AreaFactory(institution=institution_a), full_name="Ana Ruiz")
    # 1 December 2026, 07:30 UTC: still 30 November in Tijuana (UTC-8), already 1 December in Mexico City.
    with time_machine.travel(dt.datetime(2026, 12, 1, 7, 30, tzinfo=dt.UTC), tick=False):
        client.force_login(comms_a)
        page = client.get(reverse("institutions:detail", kwargs={"institution": institution_a.slug})).content.decode()
    assert 'max="2026-11-30"' in page
