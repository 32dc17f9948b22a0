"""INE, in the browser: a consultation cannot be opened because the norm has none (the Trámites index does not
offer it and the form explains why), and a deadline inside an electoral process counts every day (ine:3.VII,
ine:10): an administrator change notified on a Friday with a two-business-day designation term (an institutional
override; the preset sets none) falls due on Sunday, not on Tuesday. The ledger verifies at the end."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from pregon.institutions.models import ElectoralPeriod
from pregon.institutions.policies import clear_policy_cache
from pregon.institutions.services import policy_revision_create
from pregon.procedures.models import AdministratorChange, Consultation, Deadline

from .scenarios import World, assert_ledger_intact, field, log_in, make_account, messages_text, nav, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEXICO_CITY = ZoneInfo("America/Mexico_City")
FRIDAY_10AM = dt.datetime(2027, 3, 5, 10, 0, tzinfo=MEXICO_CITY)


def test_ine_has_no_consultation_and_counts_weekends_inside_an_electoral_process(page, live_server):
    with time_machine.travel(FRIDAY_10AM, tick=True):
        world = World("ine")
        make_account(world, handle="inemexico")
        ElectoralPeriod.objects.create(institution=world.institution, name="Proceso Electoral Federal 2026-2027",
                                       starts_on=dt.date(2026, 9, 1), ends_on=dt.date(2027, 8, 31))
        policy_revision_create(actor=None, institution=world.institution, preset="ine",
                               overrides={"administrators": {"change_deadline": "2 business_days",
                                                          "clauses": {"change_deadline": ["pregon:choice"]}}},
                               effective_on=dt.date(2027, 1, 1), reason="Plazo interno de designación")
        clear_policy_cache()

        # An account administrator: no consultation in Trámites, and the form explains the norm has none.
        log_in(page, world["account_admin"])
        nav(page, "Trámites")
        assert page.get_by_role("link", name="Consulta de pertinencia").count() == 0
        assert "consulta" not in page.locator("main table").inner_text().lower()
        page.goto(reverse("procedures:consultation_create", kwargs={"institution": "ine"}))
        assert page.get_by_text("no prevé la consulta de pertinencia").is_visible()
        assert page.get_by_role("button", name="Enviar").count() == 0
        assert not Consultation.objects.exists()

        # Communications notifies an administrator change on Friday: due Sunday, every day counts.
        log_in(page, world["comms"])
        nav(page, "Trámites")
        page.get_by_role("link", name="Cambio de administrador").click()
        page.get_by_role("link", name="Nuevo trámite").click()
        field(page, "Cuenta").select_option(index=1)
        field(page, "Causa").fill("Reasignación durante el proceso electoral")
        page.get_by_role("button", name="Enviar").click()
        page.wait_for_load_state()
        assert "Trámite registrado" in messages_text(page), messages_text(page)
        change = AdministratorChange.objects.get()
        deadline = Deadline.objects.get(workflow="administrator_change", status="open")
        due = deadline.due_at.astimezone(MEXICO_CITY)
        assert due.date() == dt.date(2027, 3, 7) and due.weekday() == 6, due  # Sunday
        page.goto(change.get_absolute_url())
        assert page.get_by_text("Vence el 7 de marzo de 2027, 23:59").is_visible()
        assert page.get_by_text("2 días hábiles").is_visible()

    assert not script_errors(page), script_errors(page)
    assert_ledger_intact()
