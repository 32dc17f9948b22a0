"""Inbox, Mis pendientes and the ICS feed, end to end over a real consultation."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from pregon.notifications.models import Notification
from pregon.notifications.services import notification_send_emails, notify
from pregon.procedures.services import consultation_create
from pregon.procedures.tests.conftest import make_world
from pregon.notifications.tests.test_ics import parse
from pregon.procedures.models import Deadline

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


def test_pending_page_shows_business_time_left_and_the_clause(client, world):
    _ask_at(world, dt.datetime(2026, 3, 12, 10, tzinfo=TIJUANA))
    with time_machine.travel(dt.datetime(2026, 3, 17, 10, tzinfo=TIJUANA), tick=False):
        client.force_login(world["comms"])
        page = client.get(reverse("notifications:pending")).content.decode()
        # Asked Thu 12 (Fri 13 business, Mon 16 a holiday): due end of Wed 18 local. On Tue 17 at 10:00 one
        # business day is left after today, and 5 h (rest of Tue, office 8-15) + 7 h (Wed) of office hours.
        assert "rosarito:9.7" in page and "<td>1 día hábil</td>" in page and "18 de marzo de 2026, 23:59" in page
        assert "(3 días hábiles)" in page and " 0 días hábiles" not in page
        client.force_login(world["account_admin"])
        page = client.get(reverse("notifications:pending")).content.decode()
        assert "En espera de respuesta" in page and "rosarito:9.7" in page
        client.force_login(world["it"])
        assert "rosarito:9.7" not in client.get(reverse("notifications:pending")).content.decode()


def test_ics_feed_needs_the_secret_token_and_parses(client, world):
    consultation = _ask_at(world, dt.datetime(2026, 3, 12, 10, tzinfo=TIJUANA))
    client.force_login(world["comms"])
    client.get(reverse("notifications:pending"))
    token = world["comms"].calendar_feed_token.token
    client.logout()
    url = reverse("notifications:pending_ics")
    assert client.get(url).status_code == 302  # a browser without token goes to the page (and the login)
    assert client.get(url, {"token": "wrong"}).status_code == 404
    response = client.get(url, {"token": token})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    [event] = parse(response.content.decode())
    deadline = Deadline.objects.get()
    assert event["UID"] == f"{deadline.public_id}@pregon"
    assert event["DTEND"] == deadline.due_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert "rosarito:9.7" in event["DESCRIPTION"]
    assert event["URL"].endswith(consultation.get_absolute_url())
    # Same UID on the next fetch; a reset token invalidates the old URL.
    assert parse(client.get(url, {"token": token}).content.decode())[0]["UID"] == event["UID"]
    client.force_login(world["comms"])
    client.post(reverse("notifications:feed_token_reset"))
    client.logout()
    assert client.get(url, {"token": token}).status_code == 404


def test_pages_need_login(client, db):
    for name in ("notifications:inbox", "notifications:pending"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
