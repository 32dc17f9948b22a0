"""The registry's "Designar administrador" and "Terminar" go through the administrator-change procedure, so the
roles the norm names are told and a departure rotates the credentials (rosarito:10.6, pasto:3.15,
guadalajara:15ª); recording an official's departure rotates every account they administered."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from pregon.institutions.choices import Rank
from pregon.institutions.policies import local_today
from pregon.ledger.models import Event
from pregon.notifications.models import Notification
from pregon.procedures.models import AdministratorChange, CredentialRotation
from pregon.procedures.models.administrator_change import AdministratorChangeStatus
from pregon.registry import services as registry
from pregon.registry.choices import AccountStatus
from pregon.registry.models import Administrator

from .account_fixtures import account, official, setup_area
from .conftest import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    world = make_world("rosarito")
    setup_area(world)
    return world


def _assign_url(world, acc):
    return reverse("registry:administrator_assign", kwargs={"institution": world.institution.slug,
                                                           "account": acc.public_id})


def test_designating_from_the_registry_opens_and_completes_an_administrator_change(client, world):
    acc = account(world)
    titular = official(world, "Héctor Lugo")
    client.force_login(world["comms"])
    response = client.post(_assign_url(world, acc), {"official": titular.public_id, "role": "primary",
                                                      "reason": "Oficio 12/2026"})
    change = AdministratorChange.objects.get()
    assert response.status_code == 302 and response.url == change.get_absolute_url()
    assert change.status == AdministratorChangeStatus.COMPLETED and change.designated.official == titular
    assert Administrator.objects.get(account=acc, ends_on__isnull=True).official == titular
    # rosarito:10.6: Communications and Informática are told, with the clause
    told = Notification.objects.filter(recipient=world["it"], link=change.get_absolute_url())
    assert told.count() == 2 and all("rosarito:10.6" in n.subject for n in told)
    assert Event.objects.filter(action="administrator.assigned").count() == 1
    assert Event.objects.filter(action__startswith="administrator_change.").count() == 2


def test_a_designation_the_policy_refuses_changes_nothing(client, world):
    acc = account(world)
    junior = official(world, "Daniela Ortiz", rank=Rank.OPERATIVO)
    client.force_login(world["comms"])
    response = client.post(_assign_url(world, acc), {"official": junior.public_id, "role": "primary"})
    assert response.status_code == 200 and "rosarito:7" in response.content.decode()
    assert not AdministratorChange.objects.exists() and not Administrator.objects.exists()
    assert not Notification.objects.exists()


def test_ending_an_assignment_from_the_registry_starts_the_change_and_the_rotation(client, world):
    acc = account(world)
    leaving = registry.administrator_assign(actor=None, account=acc, official=official(world, "Héctor Lugo"),
                                            role="primary")
    client.force_login(world["comms"])
    url = reverse("registry:administrator_end", kwargs={"institution": world.institution.slug,
                                                       "account": acc.public_id, "administrator": leaving.public_id})
    response = client.post(url, {"reason": "Cambio de adscripción"})
    change = AdministratorChange.objects.get()
    assert response.status_code == 302 and response.url == change.get_absolute_url()
    assert change.status == AdministratorChangeStatus.AWAITING_DESIGNATION and change.leaving == leaving
    leaving.refresh_from_db()
    assert leaving.ends_on == local_today(world.institution)
    rotation = CredentialRotation.objects.get(account=acc)
    assert rotation.administrator_change == change
    acc.refresh_from_db()
    assert acc.status == AccountStatus.AT_RISK  # until an administrator attests the new credentials
    assert Notification.objects.filter(recipient=world["it"], link=change.get_absolute_url()).exists()


def test_an_auditor_cannot_end_an_assignment(client, world):
    acc = account(world)
    leaving = registry.administrator_assign(actor=None, account=acc, official=official(world, "Héctor Lugo"),
                                            role="primary")
    client.force_login(world["auditor"])
    url = reverse("registry:administrator_end", kwargs={"institution": world.institution.slug,
                                                       "account": acc.public_id, "administrator": leaving.public_id})
    assert client.post(url, {"reason": "x"}).status_code == 403
    leaving.refresh_from_db()
    assert leaving.ends_on is None and not AdministratorChange.objects.exists()


def test_the_api_designates_through_the_procedure(client, world):
    acc = account(world)
    titular = official(world, "Héctor Lugo")
    client.force_login(world["comms"])
    url = f"/api/v1/registry/{world.institution.slug}/accounts/{acc.public_id}/administrators"
    response = client.post(url, json.dumps({"official": str(titular.public_id), "role": "primary"}),
                           content_type="application/json")
    assert response.status_code == 201
    assert AdministratorChange.objects.get().status == AdministratorChangeStatus.COMPLETED
    assert response.json()["id"] == str(Administrator.objects.get().public_id)
    backdated = client.post(url, json.dumps({"official": str(official(world, "Mariana Ceseña").public_id),
                                             "role": "alternate", "starts_on": "2020-01-01"}),
                            content_type="application/json")
    assert backdated.status_code == 400 and AdministratorChange.objects.count() == 1


def test_recording_a_departure_rotates_every_account_the_official_administered(client, world):
    leaving = official(world, "Héctor Lugo")
    accounts = [account(world, handle="turismo"), account(world, handle="playas")]
    for acc in accounts:
        registry.administrator_assign(actor=None, account=acc, official=leaving, role="primary")
    client.force_login(world["comms"])
    url = reverse("institutions:official_end", kwargs={"institution": world.institution.slug,
                                                       "official": leaving.public_id})
    response = client.post(url, {"ended_on": local_today(world.institution).isoformat(), "reason": "Renuncia"})
    assert response.status_code == 302
    for acc in accounts:
        acc.refresh_from_db()
        assert acc.status == AccountStatus.AT_RISK
        assert CredentialRotation.objects.filter(account=acc).count() == 1
        assert AdministratorChange.objects.filter(account=acc, leaving__official=leaving).count() == 1
