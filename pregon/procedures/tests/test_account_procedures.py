"""Scenarios of the account procedures, by the norms: opening (rosarito with Informática's opinion, iee-sonora
without, pasto's alternate platforms), an administrator leaving (administrator change + credential rotation +
expiry), live streams (pasto main vs alternate, "not required" elsewhere), periodic rotation reminders, and one
ledger event per service."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from pregon.core.errors import ApplicationError, InvalidTransition, PermissionDenied
from pregon.institutions.access import InstitutionNotFound
from pregon.institutions.choices import Rank, Role
from pregon.institutions.models import Membership
from pregon.institutions.services import official_end_employment
from pregon.ledger.models import Event
from pregon.notifications.models import Notification
from pregon.procedures.flows.administrator_change import administrator_change_create, administrator_change_designate
from pregon.procedures.flows.credential_rotation import credential_rotation_attest, credential_rotation_create
from pregon.procedures.flows.live_stream import live_stream_create
from pregon.procedures.flows.opening import (
    opening_request_approve,
    opening_request_give_opinion,
    opening_request_report,
)
from pregon.procedures.models import AdministratorChange, CredentialRotation, Deadline, OpeningRequest
from pregon.procedures.services import procedure_transition, tick
from pregon.procedures.workflows import ProcedureDisabled
from pregon.registry.choices import AccountStatus, AdminRole, Tier
from pregon.registry.models import Administrator, SocialAccount

from .account_fixtures import account, future, official, owner, platform, proposal, setup_area
from .conftest import make_world


def _actions_since(seq: int) -> list[str]:
    return list(Event.objects.filter(seq__gt=seq).order_by("seq").values_list("action", flat=True))


def _last_seq() -> int:
    last = Event.objects.order_by("-seq").first()
    return last.seq if last else 0


def _recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.mark.django_db
def test_rosarito_opening_with_opinion_approval_then_report_refused_for_personal_email_then_registered() -> None:
    world = make_world("rosarito")
    setup_area(world)
    titular = official(world, "Héctor Lugo", Rank.MEDIO)
    suplente = official(world, "Daniela Ortiz", Rank.OPERATIVO)
    seq = _last_seq()
    req = proposal(world)
    assert req.status == "awaiting_opinion"
    assert _actions_since(seq) == ["opening_request.signed"]  # one event
    # rosarito:10.2: the proposal goes to Communications and Informática
    assert _recipients("opening_request.signed") == {"rosarito-comms", "rosarito-it"}
    assert "rosarito:10.4" in Notification.objects.filter(kind="opening_request.signed").first().subject

    with pytest.raises(InvalidTransition):  # Communications cannot decide before the opinion exists
        opening_request_approve(request=req, actor=world["comms"], graphic_identity="Logo")
    opening_request_give_opinion(request=req, actor=world["it"], opinion="Viable técnicamente.", favourable=True)
    assert req.status == "submitted" and req.opinion_favourable is True

    with pytest.raises(InvalidTransition) as exc:  # rosarito:10.4: approval provides the graphic identity
        opening_request_approve(request=req, actor=world["comms"])
    assert "rosarito:10.4" in exc.value.message
    opening_request_approve(request=req, actor=world["comms"], graphic_identity="Logotipo y paleta")
    assert req.status == "approved"
    assert _recipients("opening_request.approved") == {"rosarito-area_head"}

    before = (_last_seq(), SocialAccount.objects.count(), Notification.objects.count())
    admins = [(titular, AdminRole.PRIMARY), (suplente, AdminRole.ALTERNATE)]
    with pytest.raises(InvalidTransition) as exc:
        opening_request_report(request=req, actor=world["area_head"], name="Turismo Rosarito",
                                   url="https://www.facebook.com/turismorosarito", email="turismo@gmail.com",
                                   purpose="Promoción", operation="Diaria", administrators=admins)
    assert "rosarito:10.3" in exc.value.message and "gmail.com" in exc.value.message
    req.refresh_from_db()
    assert req.status == "approved"
    assert (_last_seq(), SocialAccount.objects.count(), Notification.objects.count()) == before

    seq = _last_seq()
    opening_request_report(request=req, actor=world["area_head"], name="Turismo Rosarito",
                               url="https://www.facebook.com/turismorosarito", email="turismo@rosarito.gob.mx",
                               purpose="Promoción", operation="Diaria", administrators=admins)
    assert req.status == "registered" and req.account is not None
    assert req.account.status == AccountStatus.ACTIVE and req.account.handle == "turismorosarito"
    assert _actions_since(seq) == ["opening_request.registered", "account.registered", "administrator.assigned",
                                   "administrator.assigned"]
    # rosarito:10.5: the report goes to Communications and Informática
    assert _recipients("opening_request.registered") == {"rosarito-comms", "rosarito-it"}


@pytest.mark.django_db
def test_iee_sonora_opening_is_decided_by_communications_without_informatica() -> None:
    world = make_world("iee-sonora")
    setup_area(world)
    req = proposal(world, objectives="Difusión", justification="Programa de educación cívica")
    assert req.status == "submitted"
    assert _recipients("opening_request.signed") == {"iee-sonora-comms"}
    with pytest.raises(PermissionDenied):
        opening_request_give_opinion(request=req, actor=world["it"], opinion="x")
    opening_request_approve(request=req, actor=world["comms"], graphic_identity="Manual de identidad")
    assert req.status == "approved"


@pytest.mark.django_db
def test_pasto_alternate_account_on_instagram_is_refused_naming_the_clause() -> None:
    world = make_world("pasto")
    setup_area(world)
    seq = _last_seq()
    with pytest.raises(InvalidTransition) as exc:
        proposal(world, platform=platform("instagram"), tier=Tier.ALTERNATE)
    assert "pasto:3.11" in exc.value.message
    assert OpeningRequest.objects.count() == 0 and _last_seq() == seq
    req = proposal(world, platform=platform("facebook"), tier=Tier.ALTERNATE)
    assert req.status == "submitted"


@pytest.mark.django_db
def test_an_administrator_leaving_starts_the_change_and_the_rotation_whose_expiry_is_notified() -> None:
    world = make_world("rosarito")
    setup_area(world)
    admin_user = world["account_admin"]
    leaving = official(world, "Mariana Ceseña", Rank.MEDIO, user=admin_user)
    acc = account(world)
    Administrator.objects.create(account=acc, official=leaving, role=AdminRole.PRIMARY, starts_on=dt.date(2026, 1, 5))
    start = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)  # Monday, 09:00 in Tijuana
    with time_machine.travel(start, tick=False):
        seq = _last_seq()
        official_end_employment(actor=world["comms"], official=leaving, ended_on=dt.date(2026, 3, 2), reason="Renuncia")
        assert _actions_since(seq) == [
            "official.employment_ended", "administrator_change.opened", "administrator.ended",
            "credential_rotation.opened", "account.status_changed",
        ]
    change = AdministratorChange.objects.get(account=acc)
    rotation = CredentialRotation.objects.get(account=acc)
    acc.refresh_from_db()
    assert change.status == "awaiting_designation" and change.leaving_label == "Mariana Ceseña"
    assert rotation.status == "pending" and rotation.trigger == "access_loss"
    assert acc.status == AccountStatus.AT_RISK
    # rosarito:10.6: Communications and Informática (and the area head) are told of the change
    assert {"rosarito-comms", "rosarito-it"} <= _recipients("administrator_change.opened")
    deadline = Deadline.objects.get(workflow="credential_rotation", status="open")
    assert deadline.on_expiry == "expire" and deadline.duration_display == "1 día hábil"

    with time_machine.travel(deadline.due_at + dt.timedelta(minutes=1), tick=False):
        seq = _last_seq()
        result = tick()
        assert result.applied == 1
        # (other procedures' periodic checks may also write; this deadline's expiry is one event)
        assert [a for a in _actions_since(seq) if a.startswith(("credential_rotation", "account."))] == [
            "credential_rotation.expired"]
    event = Event.objects.get(action="credential_rotation.expired")
    assert event.actor is None and event.changes["status"] == ["pending", "overdue"]
    assert "Silencio" in event.reason or "plazo" in event.reason
    rotation.refresh_from_db()
    acc.refresh_from_db()
    assert rotation.status == "overdue" and acc.status == AccountStatus.AT_RISK
    # the expiry notice: Communications, Informática, the area head; the former administrator's user is no longer one
    assert _recipients("credential_rotation.expired") == {"rosarito-comms", "rosarito-it", "rosarito-area_head"}
    notice = Notification.objects.filter(kind="credential_rotation.expired").first()
    assert "en riesgo" in notice.body

    # The administrator who left lost access on the day of the baja: they cannot attest their own rotation.
    with pytest.raises(InstitutionNotFound):
        credential_rotation_attest(rotation=rotation, actor=admin_user, password_changed=True,
                                       sessions_revoked=True, recovery_email_checked=True)
    colleague = owner(world, "account_admin")  # another administrator of the institution attests
    with pytest.raises(InvalidTransition) as exc:  # the three checks are required
        credential_rotation_attest(rotation=rotation, actor=colleague, password_changed=True,
                                       sessions_revoked=False, recovery_email_checked=True)
    assert "sesiones" in exc.value.message
    seq = _last_seq()
    credential_rotation_attest(rotation=rotation, actor=colleague, password_changed=True,
                                   sessions_revoked=True, recovery_email_checked=True)
    acc.refresh_from_db()
    assert acc.status == AccountStatus.ACTIVE
    assert _actions_since(seq) == ["credential_rotation.attested", "account.status_changed"]

    newcomer = official(world, "Luis Armenta", Rank.MEDIO)
    administrator_change_designate(change=change, actor=world["area_head"], official=newcomer)
    assert change.status == "completed" and change.designated.official == newcomer


@pytest.mark.django_db
def test_departure_in_a_norm_without_rotation_starts_only_the_change() -> None:
    world = make_world("ine")
    setup_area(world)
    leaving = official(world, "Tomás Aguirre")
    acc = account(world)
    Administrator.objects.create(account=acc, official=leaving, role=AdminRole.PRIMARY, starts_on=dt.date(2026, 1, 5))
    official_end_employment(actor=world["comms"], official=leaving, ended_on=timezone.localdate(), reason="Baja")
    assert AdministratorChange.objects.filter(account=acc).count() == 1
    assert not CredentialRotation.objects.exists()
    acc.refresh_from_db()
    assert acc.status == AccountStatus.ACTIVE


@pytest.mark.django_db
@pytest.mark.parametrize("tier,authoriser,other", [(Tier.MAIN, "comms", "area_head"),
                                                   (Tier.ALTERNATE, "area_head", "comms")])
def test_pasto_live_stream_is_authorised_by_communications_on_main_and_the_area_head_on_alternate(
        tier: str, authoriser: str, other: str) -> None:
    world = make_world("pasto")
    setup_area(world)
    acc = account(world, tier=tier)
    stream = live_stream_create(institution=world.institution, actor=world["account_admin"], account=acc,
                                    title="Rendición de cuentas", starts_at=future(5))
    assert stream.status == "submitted"
    assert _recipients("live_stream.submitted") == {f"pasto-{authoriser}"}
    deadline = Deadline.objects.get(workflow="live_stream", status="open")
    assert deadline.due_at == stream.starts_at and deadline.responsible_role == authoriser
    assert "pasto:3.19" in deadline.clauses
    with pytest.raises(PermissionDenied) as exc:
        procedure_transition(obj=stream, action="approve", actor=world[other])
    assert "pasto:3.19" in exc.value.message
    procedure_transition(obj=stream, action="approve", actor=world[authoriser])
    stream.refresh_from_db()
    assert stream.status == "approved"
    assert _recipients("live_stream.approved") == {"pasto-account_admin"}


@pytest.mark.django_db
@pytest.mark.parametrize("preset", ["rosarito", "iee-sonora", "ine", "guadalajara"])
def test_live_stream_authorisation_is_not_required_elsewhere(preset: str) -> None:
    world = make_world(preset)
    setup_area(world)
    acc = account(world)
    with pytest.raises(ProcedureDisabled) as exc:
        live_stream_create(institution=world.institution, actor=world["account_admin"], account=acc,
                               title="Sesión", starts_at=future(5))
    assert "no exige autorización" in exc.value.message


@pytest.mark.django_db
def test_live_stream_expires_at_its_start_without_decision() -> None:
    world = make_world("pasto")
    setup_area(world)
    stream = live_stream_create(institution=world.institution, actor=world["account_admin"],
                                    account=account(world), title="Sesión", starts_at=future(2))
    with time_machine.travel(stream.starts_at + dt.timedelta(minutes=1), tick=False):
        tick()
    stream.refresh_from_db()
    assert stream.status == "expired"
    assert _recipients("live_stream.expire") | _recipients("live_stream.expired") == {"pasto-account_admin"}


@pytest.mark.django_db
def test_periodic_rotation_reminders_are_created_once_when_the_last_rotation_is_older() -> None:
    world = make_world("pasto")  # credentials.periodic_rotation = 90 calendar days (pasto:2)
    setup_area(world)
    acc = account(world)
    with time_machine.travel(timezone.now() + dt.timedelta(days=30), tick=False):
        assert tick().periodic["rotations_scheduled"] == 0
    with time_machine.travel(timezone.now() + dt.timedelta(days=92), tick=False):
        assert tick().periodic["rotations_scheduled"] == 1
        assert tick().periodic["rotations_scheduled"] == 0  # idempotent: one open rotation per account
    rotation = CredentialRotation.objects.get(account=acc)
    assert rotation.trigger == "periodic" and rotation.status == "pending"
    acc.refresh_from_db()
    assert acc.status == AccountStatus.ACTIVE  # a reminder does not put the account at risk
    assert "pasto:2" in Notification.objects.filter(kind="credential_rotation.opened").first().subject


@pytest.mark.django_db
def test_no_periodic_reminders_where_the_policy_does_not_ask() -> None:
    world = make_world("rosarito")
    setup_area(world)
    account(world)
    with time_machine.travel(timezone.now() + dt.timedelta(days=400), tick=False):
        assert tick().periodic["rotations_scheduled"] == 0


@pytest.mark.django_db
def test_each_creation_service_writes_exactly_one_ledger_event() -> None:
    world = make_world("pasto")
    setup_area(world)
    acc = account(world)
    leaving_official = official(world, "Ana Pérez")
    admin = Administrator.objects.create(account=acc, official=leaving_official, role=AdminRole.PRIMARY,
                                         starts_on=dt.date(2026, 1, 5))
    cases = [
        (lambda: proposal(world), ["opening_request.signed"]),
        (lambda: credential_rotation_create(institution=world.institution, actor=world["it"], account=acc),
         ["credential_rotation.opened"]),
        (lambda: live_stream_create(institution=world.institution, actor=world["account_admin"], account=acc,
                                        title="x", starts_at=future(3)), ["live_stream.submitted"]),
        (lambda: administrator_change_create(institution=world.institution, actor=world["comms"], account=acc),
         ["administrator_change.opened"]),
    ]
    for call, expected in cases:
        seq = _last_seq()
        call()
        assert _actions_since(seq) == expected
    CredentialRotation.objects.update(status="cancelled")
    seq = _last_seq()
    administrator_change_create(institution=world.institution, actor=world["comms"], account=acc, leaving=admin)
    assert _actions_since(seq) == ["administrator_change.opened", "credential_rotation.opened",
                                   "account.status_changed"]


@pytest.mark.django_db
def test_a_user_of_another_institution_cannot_create_or_act() -> None:
    world = make_world("rosarito")
    setup_area(world)
    req = proposal(world)
    with pytest.raises(ApplicationError) as exc:
        proposal(world, actor=world.outsider)
    assert exc.value.status == 404
    with pytest.raises(ApplicationError) as exc:
        opening_request_give_opinion(request=req, actor=world.outsider, opinion="x")
    assert exc.value.status == 404


@pytest.mark.django_db
def test_an_area_scoped_head_signs_only_for_their_area() -> None:
    world = make_world("iee-sonora")
    setup_area(world)
    from pregon.institutions.tests.factories import AreaFactory

    other_area = AreaFactory(institution=world.institution, name="Dirección Jurídica")
    Membership.objects.filter(user=world["area_head"]).update(area=other_area)
    with pytest.raises(PermissionDenied) as exc:
        proposal(world)
    assert "Dirección de Turismo" in exc.value.message
    assert Role.AREA_HEAD
