"""Pasto, in the browser: an alternate account on Instagram is refused naming pasto:3.11, and a closure that
preserves the account's history (pasto:3.17: deleting is forbidden; the history is exported, the account stays in
the registry as closed). The ledger verifies at the end."""

from __future__ import annotations

import pytest

from pregon.procedures.models import ClosureRequest, OpeningRequest
from pregon.registry.choices import AccountStatus

from .scenarios import World, action_form, assert_ledger_intact, field, fill_opening, log_in, make_account, \
    messages_text, nav, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pasto_refuses_an_instagram_alternate_and_closes_an_account_keeping_its_history(page, live_server):
    world = World("pasto")
    account = make_account(world, handle="turismopasto")

    log_in(page, world["area_head"])
    fill_opening(page, platform="Instagram", tier="alterna", name="Turismo Pasto alterna")
    refused = messages_text(page)
    assert "pasto:3.11" in refused, refused
    assert not OpeningRequest.objects.exists()

    # The area head notices the closure from the account's page.
    nav(page, "Cuentas")
    page.locator("main").get_by_role("link", name="Cuenta turismopasto").click()
    page.get_by_role("link", name="Avisar el cierre de la cuenta").click()
    assert page.get_by_text("No se permite borrar.").is_visible()
    field(page, "Motivo del cierre").fill("El programa terminó")
    page.get_by_role("button", name="Enviar el aviso de cierre").click()
    page.wait_for_load_state()
    assert "Aviso de cierre enviado" in messages_text(page)
    closure = ClosureRequest.objects.get()
    detail = closure.get_absolute_url()
    assert page.get_by_role("button", name="Atestiguar que se borraron los contenidos").count() == 0

    # Communications acknowledges, exports the history and closes.
    log_in(page, world["comms"])
    page.goto(detail)
    for button in ("Acusar recibo e informar a Informática", "Exportar el historial al archivo", "Cerrar la cuenta"):
        form = action_form(page, button)
        form.get_by_role("button", name=button).click()
        page.wait_for_load_state()
        assert "Listo: el trámite quedó" in messages_text(page), (button, messages_text(page))
    closure.refresh_from_db()
    account.refresh_from_db()
    assert closure.status == "closed" and closure.export_sha256
    assert account.status == AccountStatus.CLOSED
    assert page.get_by_text(closure.export_sha256).is_visible()

    # The account is still in the inventory, marked closed, with its history.
    nav(page, "Cuentas")
    page.locator("main").get_by_role("link", name="Cuenta turismopasto").click()
    page.wait_for_load_state()
    assert page.locator("h1 .tag").inner_text() == "cerrada"

    assert not script_errors(page), script_errors(page)
    assert_ledger_intact()
