"""The inbox, end to end over a real consultation (Mis pendientes: pregon/procedures/tests/test_views_pending.py)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from pregon.notifications.models import Notification
from pregon.notifications.services import notification_send_emails, notify
from pregon.procedures.flows.consultation import consultation_create
from pregon.procedures.tests.conftest import make_world

pytestmark = pytest.mark.django_db
TIJUANA = ZoneInfo("America/Tijuana")


@pytest.fixture
def world(db):
    return make_world("rosarito")


def _ask_at(world, when):
    with time_machine.travel(when, tick=False):
        return consultation_create(institution=world.institution, actor=world["account_admin"], text="¿Publico?")


def test_notify_resolves_roles_through_memberships_and_records_each(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rows = notify(institution=world.institution, subject="Aviso", body="Texto", roles=["comms", "it"],
                      users=[world["comms"]], clauses=["rosarito:9.12"])
    assert sorted(r.recipient.username for r in rows) == ["rosarito-comms", "rosarito-it"]
    assert sorted(m.to[0] for m in mail.outbox) == ["rosarito-comms@example.gob.mx", "rosarito-it@example.gob.mx"]
    assert all(r.clauses == ["rosarito:9.12"] for r in rows)


def test_an_email_is_sent_once_even_if_two_senders_race(world):
    [row] = notify(institution=world.institution, subject="Aviso", body="Texto", users=[world["comms"]])
    assert notification_send_emails([row.pk]) == 1
    assert notification_send_emails([row.pk]) == 0
    assert len(mail.outbox) == 1


def test_inbox_lists_only_my_notifications_and_marks_them_read(client, world):
    _ask_at(world, dt.datetime(2026, 3, 12, 10, tzinfo=TIJUANA))
    client.force_login(world["comms"])
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert "rosarito:9.7" in page
    note = Notification.objects.get(recipient=world["comms"])
    response = client.post(reverse("notifications:mark_read"), {"notification": note.public_id})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.read_at is not None
    client.force_login(world["it"])
    assert client.post(reverse("notifications:mark_read"), {"notification": note.public_id}).status_code == 404


def test_pages_need_login(client, db):
    for name in ("notifications:inbox",):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
