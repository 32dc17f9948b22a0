"""Rosarito, end to end in the browser: an opening with Informática's technical opinion, Communications' approval,
the registration report refused for a non-institutional e-mail (rosarito:10.3) then accepted, an administrator
leaving (change + credential rotation, account at risk) and the rotation deadline expiring into a notice (pregon
tick). The ledger verifies at the end."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.management import call_command

from pregon.institutions.choices import Rank
from pregon.notifications.models import Notification
from pregon.procedures.models import AdministratorChange, CredentialRotation, Deadline, OpeningRequest
from pregon.registry.choices import AccountStatus
from pregon.registry.models import Administrator, SocialAccount

from .scenarios import World, action_form, assert_ledger_intact, field, log_in, messages_text, nav, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONDAY_9AM_TIJUANA = dt.datetime(2027, 3, 1, 17, 0, tzinfo=dt.UTC)


def test_rosarito_opening_registration_departure_and_rotation_expiry(page, live_server):
    with time_machine.travel(MONDAY_9AM_TIJUANA, tick=True):
        world = World("rosarito")
        world.official("Héctor Lugo", Rank.MEDIO)
        world.official("Daniela Ortiz", Rank.OPERATIVO)

        # The area head signs the proposal: Trámites -> opening requests -> new.
        log_in(page, world["area_head"])
        nav(page, "Trámites")
        assert page.get_by_role("heading", name="Trámites").is_visible()
        page.get_by_role("link", name="Solicitud de apertura de cuenta").click()
        page.get_by_role("link", name="Nuevo trámite").click()
        field(page, "Área").select_option(label="Dirección de Turismo")
        field(page, "Red social").select_option(label="Facebook")
        field(page, "Tipo de cuenta").select_option(label="principal")
        field(page, "Nombre propuesto").fill("Turismo Rosarito")
        field(page, "Objetivos").fill("Promover el turismo")
        field(page, "Alcances").fill("Municipal")
        field(page, "Cobertura social o beneficios").fill("Visitantes")
        field(page, "Justificación en los programas y actividades del área").fill("Programa de turismo 2027")
        page.get_by_role("button", name="Enviar").click()
        page.wait_for_load_state()
        assert "Trámite registrado" in messages_text(page)
        request = OpeningRequest.objects.get()
        assert request.status == "awaiting_opinion"
        detail = request.get_absolute_url()
        # Communications cannot decide before Informática's opinion: no decision buttons for it yet.
        log_in(page, world["comms"])
        page.goto(detail)
        assert page.get_by_role("button", name="Autorizar la apertura").count() == 0

        # Informática gives a favourable technical opinion.
        log_in(page, world["it"])
        page.goto(detail)
        form = action_form(page, "Emitir la opinión técnica")
        field(form, "Sentido de la opinión").select_option(label="favorable")
        field(form, "Opinión técnica").fill("Viable técnicamente.")
        form.get_by_role("button", name="Emitir la opinión técnica").click()
        page.wait_for_load_state()
        assert "Listo: el trámite quedó" in messages_text(page)

        # Communications approves, giving the graphic identity (rosarito:10.4).
        log_in(page, world["comms"])
        nav(page, "Bandeja")
        assert page.get_by_text("rosarito:10.4").first.is_visible()  # the proposal's notice names its clause
        page.goto(detail)
        form = action_form(page, "Autorizar la apertura")
        field(form, "Elementos de imagen gráfica").fill("Logotipo y paleta institucional")
        form.get_by_role("button", name="Autorizar la apertura").click()
        page.wait_for_load_state()
        assert "Listo: el trámite quedó" in messages_text(page)
        request.refresh_from_db()
        assert request.status == "approved"

        # The area head reports the registration: a gmail address is refused naming the clause, then accepted.
        log_in(page, world["area_head"])
        page.goto(detail)

        def report(email: str) -> None:
            form = action_form(page, "Informar la apertura")
            field(form, "Nombre de la cuenta").fill("Turismo Rosarito")
            field(form, "Dirección electrónica (URL)").fill("https://www.facebook.com/turismorosarito")
            field(form, "Correo institucional de registro").fill(email)
            field(form, "Propósitos").fill("Promoción turística")
            field(form, "Operación").fill("Publicaciones diarias")
            field(form, "Administrador titular").select_option(label="Héctor Lugo (Jefe de departamento)")
            field(form, "Administrador suplente").select_option(label="Daniela Ortiz (Jefe de departamento)")
            form.get_by_role("button", name="Informar la apertura").click()
            page.wait_for_load_state()

        report("turismo@gmail.com")
        refused = messages_text(page)
        assert "rosarito:10.3" in refused and "gmail.com" in refused, refused
        assert not SocialAccount.objects.exists()
        report("turismo@rosarito.gob.mx")
        assert "Listo: el trámite quedó" in messages_text(page)
        account = SocialAccount.objects.get()
        assert account.status == AccountStatus.ACTIVE and account.email == "turismo@rosarito.gob.mx"

        # The account is in the inventory, with its two administrators.
        nav(page, "Cuentas")
        page.locator("main").get_by_role("link", name="Turismo Rosarito").click()
        page.wait_for_load_state()
        assert page.get_by_text("Héctor Lugo").first.is_visible()

        # The titular leaves: the area head notifies the change naming who leaves; the rotation starts with it.
        nav(page, "Trámites")
        page.get_by_role("link", name="Cambio de administrador").click()
        page.get_by_role("link", name="Nuevo trámite").click()
        field(page, "Cuenta").select_option(label=str(account))
        field(page, "Administrador que deja la cuenta").select_option(
            label=str(Administrator.objects.get(official__full_name="Héctor Lugo", ends_on__isnull=True)))
        field(page, "Causa").fill("Renuncia")
        page.get_by_role("button", name="Enviar").click()
        page.wait_for_load_state()
        assert "Trámite registrado" in messages_text(page)
        assert AdministratorChange.objects.get().status == "awaiting_designation"
        rotation = CredentialRotation.objects.get()
        assert rotation.status == "pending"
        account.refresh_from_db()
        assert account.status == AccountStatus.AT_RISK
        page.goto(rotation.get_absolute_url())
        assert page.get_by_role("heading", name="Plazo").is_visible()
        assert page.get_by_text(re.compile(r"Vence el .*1 día hábil")).is_visible()
        deadline = Deadline.objects.get(workflow="credential_rotation", status="open")

    # Nobody attests in time: one business day later `pregon tick` applies the expiry and tells IT.
    with time_machine.travel(deadline.due_at + dt.timedelta(minutes=1), tick=True):
        call_command("tick", stdout=open("/dev/null", "w"))
        rotation.refresh_from_db()
        assert rotation.status == "overdue"
        notice = Notification.objects.filter(kind="credential_rotation.expired", recipient=world["it"]).get()
        log_in(page, world["it"])
        nav(page, "Bandeja")
        item = page.locator("ul.notifications li").filter(has_text=notice.subject)
        assert item.count() == 1
        assert "en riesgo" in item.inner_text()
        page.goto(rotation.get_absolute_url())
        assert page.get_by_text("Plazo vencido").first.is_visible() or "vencid" in page.content().lower()

    assert not script_errors(page), script_errors(page)
    assert_ledger_intact()
