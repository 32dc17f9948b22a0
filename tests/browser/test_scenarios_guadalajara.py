"""Guadalajara, in the browser: a security incident (guadalajara:15ª) reported on an account notifies the area
head, Communications and Informática at once; the account shows as compromised until the incident is closed with
its containment steps done and a written report. The ledger verifies at the end."""

from __future__ import annotations

import pytest

from pregon.notifications.models import Notification
from pregon.procedures.models import Incident
from pregon.registry.choices import AccountStatus

from .scenarios import World, assert_ledger_intact, field, log_in, make_account, messages_text, nav, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_guadalajara_incident_notifies_and_keeps_the_account_compromised_until_closed(page, live_server):
    world = World("guadalajara")
    account = make_account(world, handle="gdlturismo")

    log_in(page, world["area_head"])
    nav(page, "Cuentas")
    page.locator("main").get_by_role("link", name="Cuenta gdlturismo").click()
    page.get_by_role("link", name="Reportar un incidente de seguridad").click()
    field(page, "Qué ocurrió").select_option(index=1)
    field(page, "Descripción").fill("Publicaciones que nadie del área hizo; no podemos entrar.")
    page.get_by_role("button", name="Reportar el incidente").click()
    page.wait_for_load_state()
    assert "Incidente reportado" in messages_text(page)
    incident = Incident.objects.get()
    account.refresh_from_db()
    assert account.status == AccountStatus.COMPROMISED
    told = set(Notification.objects.filter(kind__startswith="incident.").values_list("recipient__username", flat=True))
    assert {"guadalajara.area_head", "guadalajara.comms", "guadalajara.it"} <= told, told

    # Informática reads the notice in its inbox, works the containment plan and closes with the report.
    log_in(page, world["it"])
    nav(page, "Bandeja")
    assert page.locator("ul.notifications li").filter(has_text="guadalajara:15ª").count() >= 1
    page.goto(incident.get_absolute_url())
    assert page.locator("h1 + p").get_by_role("link").count() == 2
    while page.get_by_role("button", name="Hecho:").count():
        page.get_by_role("button", name="Hecho:").first.click()
        page.wait_for_load_state()
    account.refresh_from_db()
    assert account.status == AccountStatus.COMPROMISED  # still, until the incident is closed
    close = page.locator("form").filter(has=page.get_by_role("button", name="Cerrar con informe de lo sucedido"))
    field(close, "Informe de lo sucedido").fill("Acceso recuperado, contraseñas cambiadas, sesiones cerradas, público avisado.")
    close.get_by_role("button", name="Cerrar con informe de lo sucedido").click()
    page.wait_for_load_state()
    assert "Listo: el trámite quedó" in messages_text(page), messages_text(page)
    incident.refresh_from_db()
    account.refresh_from_db()
    assert incident.status == "closed" and account.status == AccountStatus.ACTIVE

    assert not script_errors(page), script_errors(page)
    assert_ledger_intact()
