"""Closure scenarios: pasto preserves the history (export recorded before closing; deleting refused, pasto:3.17)
vs rosarito deletes the contents (rosarito:10.8); notices; one procedure event per service."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.files.storage import default_storage

from pregon.core.errors import InvalidTransition
from pregon.ledger.models import Event
from pregon.notifications.models import Notification
from pregon.procedures.flows.closure import (
    closure_acknowledge,
    closure_attest_deleted,
    closure_close,
    closure_export_history,
    closure_request_create,
)
from pregon.procedures.models import ClosureRequest
from pregon.procedures.models.closure import ClosureStatus
from pregon.procedures.workflows import available_transitions
from pregon.registry.choices import AccountStatus

from .conftest import make_world
from .lifecycle_helpers import lifecycle_account


def _events(prefix: str) -> list[str]:
    return list(Event.objects.filter(action__startswith=prefix).order_by("seq").values_list("action", flat=True))


@pytest.mark.django_db
def test_pasto_closure_exports_the_history_before_closing_and_refuses_deleting():
    world = make_world("pasto")
    account = lifecycle_account(world)
    closure = closure_request_create(account=account, actor=world["area_head"], motive="Ya no se usa.")
    assert closure.status == ClosureStatus.SUBMITTED and closure.content_action == "preserve"
    assert Notification.objects.filter(recipient=world["comms"], kind="closure.submitted").exists()
    closure_acknowledge(closure=closure, actor=world["comms"])
    assert Notification.objects.filter(recipient=world["it"], kind="closure.acknowledged").exists()

    with pytest.raises(InvalidTransition) as exc:
        closure_attest_deleted(closure=closure, actor=world["area_head"])
    assert "pasto:3.17" in exc.value.message and "prohíbe borrar" in exc.value.message
    assert "attest_deleted" not in {t.name for t in available_transitions(closure, world["area_head"])}
    with pytest.raises(InvalidTransition):  # no closing before the export
        closure_close(closure=closure, actor=world["area_head"])

    before = Event.objects.count()
    closure_export_history(closure=closure, actor=world["area_head"])
    assert Event.objects.count() == before + 1
    event = Event.objects.order_by("-seq").first()
    assert event.action == "closure.history_archived"
    data = default_storage.open(closure.export_file.name).read()
    assert event.changes["export_sha256"] == ["", closure.export_sha256]
    assert hashlib.sha256(data).hexdigest() == closure.export_sha256
    payload = json.loads(data)
    assert payload["account"]["handle"] == account.handle and len(payload["administrators"]) == 1  # pasto:3.15: one administrator
    assert any(e["action"] == "closure.submitted" for e in payload["timeline"])

    closure_close(closure=closure, actor=world["area_head"])
    account.refresh_from_db()
    assert account.status == AccountStatus.CLOSED and account.closed_on is not None
    assert closure.status == ClosureStatus.CLOSED
    actions = _events("closure.") + _events("account.")
    assert actions.index("closure.history_archived") < len(actions)
    archived = Event.objects.get(action="closure.history_archived")
    closed = Event.objects.get(action="account.closed")
    assert archived.seq < closed.seq  # the export is recorded before the account closes
    assert Notification.objects.filter(recipient=world["it"], kind="closure.closed").exists()


@pytest.mark.django_db
def test_rosarito_closure_deletes_contents_after_the_area_attests_it():
    world = make_world("rosarito")
    account = lifecycle_account(world)
    closure = closure_request_create(account=account, actor=world["area_head"], motive="Fin del programa.")
    assert closure.content_action == "delete"
    closure_acknowledge(closure=closure, actor=world["comms"])
    assert Notification.objects.filter(recipient=world["it"], kind="closure.acknowledged").exists()  # rosarito:10.7
    with pytest.raises(InvalidTransition) as exc:
        closure_export_history(closure=closure, actor=world["area_head"])
    assert "rosarito:10.8" in exc.value.message
    closure_attest_deleted(closure=closure, actor=world["account_admin"])
    closure_close(closure=closure, actor=world["area_head"])
    account.refresh_from_db()
    assert account.status == AccountStatus.CLOSED
    assert not closure.export_sha256
    assert _events("closure.") == ["closure.submitted", "closure.acknowledged", "closure.contents_deleted",
                                   "closure.closed"]
    assert _events("account.") == ["account.closed"]


@pytest.mark.django_db
def test_a_second_open_closure_of_the_same_account_is_refused():
    world = make_world("rosarito")
    account = lifecycle_account(world)
    closure_request_create(account=account, actor=world["area_head"], motive="x")
    with pytest.raises(Exception) as exc:
        closure_request_create(account=account, actor=world["area_head"], motive="y")
    assert "cierre en curso" in str(exc.value)
    assert ClosureRequest.objects.count() == 1


@pytest.mark.django_db
def test_the_closure_archive_is_downloaded_by_whoever_sees_the_closure_and_checked_against_its_hash(client):
    from django.urls import reverse

    world = make_world("pasto")
    account = lifecycle_account(world)
    closure = closure_request_create(account=account, actor=world["area_head"], motive="Ya no se usa.")
    url = reverse("procedures:closure_download", kwargs={"institution": "pasto", "public_id": closure.public_id,
                                                         "name": "archivo"})
    client.force_login(world["comms"])
    assert client.get(url).status_code == 404  # no export yet
    assert "Descargar la exportación" not in client.get(closure.get_absolute_url()).content.decode()
    closure_acknowledge(closure=closure, actor=world["comms"])
    closure_export_history(closure=closure, actor=world["area_head"])
    closure.refresh_from_db()
    assert "Descargar la exportación" in client.get(closure.get_absolute_url()).content.decode()
    for role in ("comms", "transparency", "auditor", "area_head"):
        client.force_login(world[role])
        response = client.get(url)
        assert response.status_code == 200, role
        data = b"".join(response.streaming_content) if response.streaming else response.content
        assert hashlib.sha256(data).hexdigest() == closure.export_sha256
        assert response["Content-Disposition"].startswith("attachment;")
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    from .account_fixtures import owner

    client.force_login(owner(world, "account_admin"))  # administers nothing: the account does not exist for them
    assert client.get(url).status_code == 404
    # a file that no longer matches the ledger's hash is refused, not served
    with default_storage.open(closure.export_file.name, "wb") as handle:
        handle.write(b'{"rewritten": true}')
    client.force_login(world["comms"])
    refused = client.get(url)
    assert refused.status_code == 409 and "SHA-256" in refused.content.decode()
