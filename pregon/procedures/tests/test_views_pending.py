""""Mis pendientes" and its ICS feed, through the pages: every step a person owes now, overdue marked, departures."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pregon.institutions.choices import Rank, Role
from pregon.institutions.models import Membership
from pregon.institutions.policies import policy_for
from pregon.institutions.services import official_end_employment
from pregon.notifications.services import notify
from pregon.notifications.tests.test_ics import parse
from pregon.procedures.flows.administrator_change import administrator_change_create
from pregon.procedures.flows.consultation import consultation_create
from pregon.procedures.flows.credential_rotation import credential_rotation_attest
from pregon.procedures.flows.incident import incident_report, incident_step_complete
from pregon.procedures.flows.opening import opening_request_give_opinion
from pregon.procedures.models import AdministratorChange, CredentialRotation, Deadline
from pregon.procedures.services import tick
from pregon.procedures.workflows import workflow_named
from pregon.registry.choices import AdminRole, Tier
from pregon.registry.models import Administrator

from .account_fixtures import account, official, owner, proposal, setup_area
from .conftest import make_user, make_world

pytestmark = pytest.mark.django_db
TIJUANA = ZoneInfo("America/Tijuana")
PENDING = reverse("pending:list")


def _page(client, user) -> str:
    client.force_login(user)
    response = client.get(PENDING)
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, heading: str) -> str:
    """The part of the page under one of its three headings."""
    start = page.index(f"<h2>{heading}</h2>")
    ends = [page.find("<h2>", start + 4)]
    return page[start:min(e for e in ends if e > 0)]


def _departure(world, when):
    """The account administrator (with a user) of a new account leaves on `when`'s date."""
    admin_user = world["account_admin"]
    leaving = official(world, "Mariana Ceseña", Rank.MEDIO, user=admin_user)
    acc = account(world)
    Administrator.objects.create(account=acc, official=leaving, role=AdminRole.PRIMARY, starts_on=dt.date(2026, 1, 5))
    with time_machine.travel(when, tick=False):
        official_end_employment(actor=world["comms"], official=leaving, ended_on=when.date(), reason="Renuncia")
    return acc, admin_user


def test_it_sees_the_opinion_step_the_moment_an_opening_request_is_submitted(client):
    world = make_world("rosarito")
    setup_area(world)
    request = proposal(world)  # rosarito:10.4: Informática's opinion first; the norm sets no term for it
    assert request.status == "awaiting_opinion" and not Deadline.objects.exists()
    to_act = _section(_page(client, world["it"]), "Por atender")
    assert "Turismo Rosarito" in to_act and "Emitir la opinión técnica" in to_act and "sin plazo" in to_act
    assert request.get_absolute_url() in to_act
    # Communications decides only after the opinion: nothing to act on yet; the area head waits.
    assert "Turismo Rosarito" not in _section(_page(client, world["comms"]), "Por atender")
    assert "Turismo Rosarito" in _section(_page(client, world["area_head"]), "En espera de respuesta")

    client.force_login(world["it"])
    home = client.get(reverse("home")).content.decode()  # the home page's panel says it too
    assert "Turismo Rosarito" in home and "emitir la opinión técnica" in home and reverse("pending:list") in home

    opening_request_give_opinion(request=request, actor=world["it"], opinion="Viable.", favourable=True)
    assert "Turismo Rosarito" not in _section(_page(client, world["it"]), "Por atender")
    to_act = _section(_page(client, world["comms"]), "Por atender")
    assert "Autorizar la apertura; rechazar la apertura" in to_act


def test_pending_page_shows_business_time_left_and_the_clause(client):
    world = make_world("rosarito")
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, tzinfo=TIJUANA), tick=False):
        consultation_create(institution=world.institution, actor=world["account_admin"], text="¿Publico?")
    with time_machine.travel(dt.datetime(2026, 3, 17, 10, tzinfo=TIJUANA), tick=False):
        page = _page(client, world["comms"])
        # Asked Thu 12 (Fri 13 business, Mon 16 a holiday): due end of Wed 18 local.
        to_act = _section(page, "Por atender")
        assert "rosarito:9.7" in to_act and "<td>1 día hábil</td>" in to_act and "18 de marzo de 2026, 23:59" in to_act
        assert "(3 días hábiles)" in to_act and " 0 días hábiles" not in page
        assert "rosarito:9.7" in _section(_page(client, world["account_admin"]), "En espera de respuesta")
        assert "rosarito:9.7" not in _page(client, world["it"])


def test_an_overdue_step_stays_marked_overdue_until_it_is_resolved(client):
    world = make_world("rosarito")
    setup_area(world)
    start = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)  # Monday, 09:00 in Tijuana
    acc, _gone = _departure(world, start)
    colleague = owner(world, "account_admin")  # the account's other administrator (the suplente)
    suplente = official(world, "Daniela Ortiz", Rank.OPERATIVO, user=colleague)
    Administrator.objects.create(account=acc, official=suplente, role=AdminRole.ALTERNATE, starts_on=dt.date(2026, 1, 5))
    rotation = CredentialRotation.objects.get(account=acc)
    deadline = Deadline.objects.get(workflow="credential_rotation", status="open")
    stranger = make_user("rosarito-otro-admin")  # administers no account of this one's: does not see it
    Membership.objects.create(user=stranger, institution=world.institution, role=Role.ACCOUNT_ADMIN)
    with time_machine.travel(deadline.due_at - dt.timedelta(hours=1), tick=False):
        row = _section(_page(client, colleague), "Por atender")
        assert str(rotation) in row and "vencido" not in row
        assert str(rotation) not in _page(client, stranger)
    with time_machine.travel(deadline.due_at + dt.timedelta(minutes=1), tick=False):
        assert "vencido" in _section(_page(client, colleague), "Por atender")  # before the tick runs
        tick()
        rotation.refresh_from_db()
        assert rotation.status == "overdue"
        row = _section(_page(client, colleague), "Por atender")  # after the tick: still there, still overdue
        assert str(rotation) in row and "vencido" in row and "Confirmar el cambio de contraseñas" in row
        credential_rotation_attest(rotation=rotation, actor=colleague, password_changed=True,
                                       sessions_revoked=True, recovery_email_checked=True)
        assert str(rotation) not in _page(client, colleague)


def test_the_rotation_after_a_departure_is_in_it_s_list_and_the_official_who_left_loses_access(client):
    world = make_world("rosarito")
    setup_area(world)
    ended = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)  # Monday 2 March, 09:00 in Tijuana
    acc, gone = _departure(world, ended)
    rotation = CredentialRotation.objects.get(account=acc)
    calendar = reverse("institutions:calendar", kwargs={"institution": world.institution.slug})
    with time_machine.travel(ended + dt.timedelta(days=1), tick=False):
        following = _section(_page(client, world["it"]), "En seguimiento")
        assert str(rotation) in following and "1 día hábil" in following
        # The administrator who left: no role there any more from the day of the baja.
        client.force_login(gone)
        assert client.get(calendar).status_code == 404
        assert str(rotation) not in _page(client, gone)
        with pytest.raises(Exception) as exc:
            credential_rotation_attest(rotation=rotation, actor=gone, password_changed=True,
                                           sessions_revoked=True, recovery_email_checked=True)
        assert getattr(exc.value, "status", None) == 404
        # Nor do they receive what is sent to their former role there.
        colleague = owner(world, "account_admin")
        rows = notify(institution=world.institution, subject="Aviso", body="Texto", roles=["account_admin"])
        assert [r.recipient for r in rows] == [colleague]
    # The day before the baja the same person still had access.
    with time_machine.travel(ended - dt.timedelta(days=1), tick=False):
        client.force_login(gone)
        assert client.get(calendar).status_code == 200


def test_an_official_whose_baja_is_dated_later_cannot_attest_their_own_rotation(client):
    world = make_world("guadalajara")
    setup_area(world)
    admin_user = world["account_admin"]
    leaving = official(world, "Mariana Ceseña", Rank.MEDIO, user=admin_user)
    acc = account(world)
    Administrator.objects.create(account=acc, official=leaving, role=AdminRole.PRIMARY, starts_on=dt.date(2026, 1, 5))
    today = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)
    with time_machine.travel(today, tick=False):
        official_end_employment(actor=world["comms"], official=leaving, ended_on=dt.date(2026, 3, 6), reason="Renuncia")
        rotation = CredentialRotation.objects.get(account=acc)
        assert "Confirmar el cambio de contraseñas" not in _page(client, admin_user)
        with pytest.raises(Exception) as exc:
            credential_rotation_attest(rotation=rotation, actor=admin_user, password_changed=True,
                                           sessions_revoked=True, recovery_email_checked=True)
        assert "Quien dejó la cuenta" in str(exc.value)
        rotation.refresh_from_db()
        assert rotation.status == "pending"


def test_a_four_hour_term_is_shown_in_hours(client):
    world = make_world("pasto")
    setup_area(world)
    acc = account(world)
    with time_machine.travel(dt.datetime(2026, 3, 3, 15, 0, tzinfo=dt.UTC), tick=False):  # Tuesday, Bogotá 10:00
        incident_report(account=acc, actor=world["account_admin"], kind="hijacked", description="Publican spam")
        to_act = _section(_page(client, world["comms"]), "Por atender")
        # Communications' own step is warning the public, due in 4 hours (pasto's containment plan).
        assert "(4 horas)" in to_act and "<td>4 horas</td>" in to_act and "días hábiles" not in to_act
        assert "3 de marzo de 2026, 14:00" in to_act  # in Bogotá's time


def test_an_incident_step_past_its_term_stays_overdue_until_its_role_completes_it(client):
    world = make_world("pasto")
    setup_area(world)
    acc = account(world)
    opened = dt.datetime(2026, 3, 3, 15, 0, tzinfo=dt.UTC)  # Tuesday, Bogotá 10:00
    with time_machine.travel(opened, tick=False):
        incident = incident_report(account=acc, actor=world["account_admin"], kind="hijacked", description="Spam")
    with time_machine.travel(opened + dt.timedelta(hours=4, minutes=1), tick=False):
        tick()  # the warn_public step (Communications, 4 hours) ran out
        assert "vencido" in _section(_page(client, world["comms"]), "Por atender")
        assert "vencido" not in _section(_page(client, world["it"]), "Por atender")  # IT's steps still run
        incident_step_complete(incident=incident, actor=world["comms"], step="warn_public", note="Aviso publicado")
        row = _section(_page(client, world["comms"]), "Por atender")
        assert str(incident.account_label) in row and "vencido" not in row


def test_open_steps_follow_the_new_area_head(client):
    world = make_world("rosarito")
    area = setup_area(world)
    acc = account(world)
    change = administrator_change_create(institution=world.institution, actor=world["comms"], account=acc,
                                             cause="Reasignación")
    head = world["area_head"]
    Membership.objects.filter(user=head, role=Role.AREA_HEAD).update(area=area)
    assert "Designar al nuevo administrador" in _section(_page(client, head), "Por atender")
    # A new head takes over the area: the step is theirs now, not the former head's.
    Membership.objects.filter(user=head, role=Role.AREA_HEAD).delete()
    successor = make_user("rosarito-nuevo-titular")
    Membership.objects.create(user=successor, institution=world.institution, role=Role.AREA_HEAD, area=area)
    assert str(change.account) in _section(_page(client, successor), "Por atender")
    client.force_login(head)
    assert client.get(PENDING).status_code == 200 and str(change.account) not in client.get(PENDING).content.decode()
    assert AdministratorChange.objects.get(pk=change.pk).status == "awaiting_designation"


def test_the_deadline_is_owed_by_the_policy_s_role_not_the_first_role_in_alphabetical_order():
    world = make_world("pasto")
    policy = policy_for(world.institution)
    stream = workflow_named("live_stream")
    main = SimpleNamespace(account=SimpleNamespace(tier=Tier.MAIN))
    alternate = SimpleNamespace(account=SimpleNamespace(tier=Tier.ALTERNATE))
    # pasto:3.19: Communications authorises main accounts' streams, the area head the alternate ones'
    assert stream.responsible_role("submitted", main, policy) == "comms"
    assert stream.responsible_role("submitted", alternate, policy) == "area_head"
    # a rotation is owed by the administrators (who attest), not Communications (who may only cancel)
    rotation = workflow_named("credential_rotation")
    assert rotation.responsible_role("pending", SimpleNamespace(), policy) == "account_admin"


def test_the_page_s_queries_do_not_grow_with_the_rows(client):
    world = make_world("rosarito")
    setup_area(world)
    client.force_login(world["it"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PENDING).status_code == 200
        return len(queries)

    proposal(world, proposed_name="Cuenta 1")
    count()  # warms the per-process caches (content types, policies)
    few = count()
    for n in range(2, 8):
        proposal(world, proposed_name=f"Cuenta {n}")
    assert "Cuenta 7" in _page(client, world["it"])
    assert count() == few


def test_ics_feed_needs_the_secret_token_and_parses(client):
    world = make_world("rosarito")
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, tzinfo=TIJUANA), tick=False):
        consultation = consultation_create(institution=world.institution, actor=world["account_admin"],
                                           text="¿Publico?")
    client.force_login(world["comms"])
    client.get(PENDING)
    token = world["comms"].calendar_feed_token.token
    client.logout()
    url = reverse("pending:ics")
    assert client.get(url).status_code == 302  # a browser without token goes to the page (and the login)
    assert client.get(url, {"token": "wrong"}).status_code == 404
    response = client.get(url, {"token": token})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    [event] = parse(response.content.decode())
    deadline = Deadline.objects.get()
    assert event["UID"] == f"{deadline.public_id}@pregon"
    assert event["DTEND"] == deadline.due_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert "rosarito:9.7" in event["DESCRIPTION"] and "3 días hábiles" in event["DESCRIPTION"]
    assert event["URL"].endswith(consultation.get_absolute_url())
    # Same UID on the next fetch; a reset token invalidates the old URL.
    assert parse(client.get(url, {"token": token}).content.decode())[0]["UID"] == event["UID"]
    client.force_login(world["comms"])
    client.post(reverse("pending:feed_token_reset"))
    client.logout()
    assert client.get(url, {"token": token}).status_code == 404


def test_the_page_needs_login(client):
    response = client.get(PENDING)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
