"""Scenarios: an incident notifies area head, comms and IT at once and the account shows compromised until
closed; an abandonment flag is created once by two ticks; a pre-existing account expires into
reclassified_personal via the tick; a re-certification per account and period."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from pregon.core.errors import InvalidTransition
from pregon.ledger.models import Event
from pregon.notifications.models import Notification
from pregon.procedures.flows.abandonment import abandonment_propose_closure
from pregon.procedures.flows.incident import incident_close, incident_report, incident_step_complete
from pregon.procedures.flows.regularisation import regularisation_regularise, regularisation_start
from pregon.procedures.models import AbandonmentFlag, ClosureRequest, Deadline, Recertification, Regularisation
from pregon.procedures.models.abandonment import AbandonmentStatus
from pregon.procedures.models.incident import IncidentStatus
from pregon.procedures.models.regularisation import RegularisationStatus
from pregon.procedures.services import tick
from pregon.registry.choices import AccountStatus, Kind

from .conftest import make_world
from .lifecycle_helpers import lifecycle_account


@pytest.mark.django_db
@pytest.mark.parametrize("preset", ["rosarito", "iee-sonora", "guadalajara"])
def test_incident_notifies_at_once_and_the_account_is_compromised_until_closed(preset):
    world = make_world(preset)
    account = lifecycle_account(world)
    incident = incident_report(account=account, actor=world["account_admin"], kind="hijacked",
                               description="Alguien publicó desde la cuenta.")
    account.refresh_from_db()
    assert incident.status == IncidentStatus.OPEN and account.status == AccountStatus.COMPROMISED
    for role in ("area_head", "comms", "it"):
        note = Notification.objects.get(recipient=world[role], kind="incident.opened")
        clause = {"rosarito": "rosarito:9.21", "iee-sonora": "iee-sonora:6.XXVI", "guadalajara": "guadalajara:15ª"}
        assert clause[preset] in note.subject
    steps = list(incident.steps.all())
    assert [s.key for s in steps] == ["recover_access", "rotate_credentials", "revoke_sessions", "warn_public",
                                      "report"]
    assert Deadline.objects.filter(workflow="incident", status="open").count() == 5
    with pytest.raises(InvalidTransition):
        incident_close(incident=incident, actor=world["comms"], report="Recuperada.")
    for step in steps:
        before = Event.objects.count()
        incident_step_complete(incident=incident, actor=world["it"], step=step.key)
        assert Event.objects.count() == before + 1  # exactly one event per service
        account.refresh_from_db()
        assert account.status == AccountStatus.COMPROMISED
    incident_close(incident=incident, actor=world["comms"], report="Se recuperó el acceso y se cambiaron claves.")
    account.refresh_from_db()
    assert account.status == AccountStatus.ACTIVE and incident.credentials_rotated
    assert Notification.objects.filter(recipient=world["it"], kind="incident.closed").exists()


@pytest.mark.django_db
def test_an_incident_closed_without_rotated_credentials_leaves_the_account_at_risk():
    world = make_world("ine")  # no containment plan in the policy
    account = lifecycle_account(world)
    incident = incident_report(account=account, actor=world["comms"], kind="lost_credentials", description="x")
    incident_close(incident=incident, actor=world["it"], report="Se perdió una libreta.")
    account.refresh_from_db()
    assert account.status == AccountStatus.AT_RISK


@pytest.mark.django_db
def test_an_overdue_containment_step_is_announced_and_the_others_keep_running():
    world = make_world("rosarito")
    account = lifecycle_account(world)
    incident = incident_report(account=account, actor=world["account_admin"], kind="hijacked", description="x")
    with time_machine.travel(timezone.now() + dt.timedelta(hours=5), tick=False):
        result = tick()
    assert result.applied == 1  # warn_public (4 hours)
    assert Notification.objects.filter(kind="incident.step_expired").exists()
    assert Deadline.objects.filter(subject_id=incident.pk, workflow="incident", status="open").count() == 4


@pytest.mark.django_db
def test_two_ticks_flag_an_abandoned_account_once_and_comms_may_propose_its_closure():
    world = make_world("pasto")
    account = lifecycle_account(world)
    account.last_activity_on = timezone.localdate() - dt.timedelta(days=120)
    account.save()
    first, second = tick(), tick()
    assert (first.periodic["accounts_flagged"], second.periodic["accounts_flagged"]) == (1, 0)
    flag = AbandonmentFlag.objects.get()
    assert flag.status == AbandonmentStatus.OPEN
    assert Notification.objects.filter(recipient=world["area_head"], kind="abandonment.flagged").exists()
    assert Notification.objects.filter(recipient=world["comms"], kind="abandonment.flagged").exists()
    assert "pasto:3.20" in Notification.objects.filter(kind="abandonment.flagged").first().subject
    abandonment_propose_closure(flag=flag, actor=world["comms"])
    closure = ClosureRequest.objects.get()
    assert closure.status == "proposed" and closure.abandonment_flag == flag
    assert tick().periodic["accounts_flagged"] == 0  # the same inactivity is not flagged again


@pytest.mark.django_db
def test_a_preexisting_account_not_regularised_in_time_is_reclassified_personal_by_the_tick():
    world = make_world("rosarito")
    account = lifecycle_account(world, status=AccountStatus.PENDING_REGULARISATION, with_admins=False)
    item = regularisation_start(account=account, actor=world["comms"])
    assert item.status == RegularisationStatus.PENDING
    with pytest.raises(InvalidTransition):  # no administrators: not compliant
        regularisation_regularise(regularisation=item, actor=world["comms"])
    with time_machine.travel(timezone.now() + dt.timedelta(days=60), tick=False):
        assert tick().applied >= 1
        tick()
    item.refresh_from_db()
    account.refresh_from_db()
    assert item.status == RegularisationStatus.RECLASSIFIED_PERSONAL
    assert account.status == AccountStatus.RECLASSIFIED_PERSONAL and account.kind == Kind.PERSONAL_SERVANT
    assert Event.objects.filter(action="regularisation.reclassified_personal").count() == 1
    assert "rosarito:Transitorio 2" in Notification.objects.filter(kind="regularisation.reclassified_personal").first().subject


@pytest.mark.django_db
def test_the_tick_starts_the_regularisation_of_pending_accounts_once():
    world = make_world("iee-sonora")
    lifecycle_account(world, status=AccountStatus.PENDING_REGULARISATION)
    assert (tick().periodic["regularisations_started"], tick().periodic["regularisations_started"]) == (1, 0)
    assert Regularisation.objects.get().status == RegularisationStatus.PENDING


@pytest.mark.django_db
def test_the_tick_opens_one_recertification_per_account_and_period():
    world = make_world("rosarito")
    lifecycle_account(world)
    assert (tick().periodic["recertifications_opened"], tick().periodic["recertifications_opened"]) == (1, 0)
    item = Recertification.objects.get()
    assert item.status == "pending" and Deadline.objects.filter(workflow="recertification", status="open").exists()
    assert Notification.objects.filter(recipient=world["area_head"], kind="recertification.opened").exists()
