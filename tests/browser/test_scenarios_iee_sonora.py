"""IEE Sonora, in the browser: an opening decided by Communications without Informática (iee-sonora:7.I–II: no
technical opinion). The ledger verifies at the end."""

from __future__ import annotations

import pytest

from pregon.notifications.models import Notification
from pregon.procedures.models import OpeningRequest

from .scenarios import World, action_form, assert_ledger_intact, field, fill_opening, log_in, messages_text, nav, \
    script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_iee_sonora_opening_is_decided_without_informatica(page, live_server):
    world = World("iee-sonora")

    log_in(page, world["area_head"])
    fill_opening(page, name="Educación Cívica")
    assert "Trámite registrado" in messages_text(page)
    request = OpeningRequest.objects.get()
    assert request.status == "submitted"  # straight to Communications: no technical opinion step
    assert not Notification.objects.filter(recipient=world["it"]).exists()

    # Informática has nothing to do on it: no opinion button.
    log_in(page, world["it"])
    page.goto(request.get_absolute_url())
    assert page.get_by_role("button", name="Emitir la opinión técnica").count() == 0

    # Communications sees it in Trámites (one open) and approves it.
    log_in(page, world["comms"])
    nav(page, "Trámites")
    row = page.locator("tr").filter(has=page.get_by_role("link", name="Solicitud de apertura de cuenta"))
    assert row.locator("td").nth(1).inner_text().strip() == "1"
    page.goto(request.get_absolute_url())
    form = action_form(page, "Autorizar la apertura")
    field(form, "Elementos de imagen gráfica").fill("Manual de identidad del Instituto")
    form.get_by_role("button", name="Autorizar la apertura").click()
    page.wait_for_load_state()
    assert "Listo: el trámite quedó" in messages_text(page)
    request.refresh_from_db()
    assert request.status == "approved" and request.opinion_favourable is None

    assert not script_errors(page), script_errors(page)
    assert_ledger_intact()
