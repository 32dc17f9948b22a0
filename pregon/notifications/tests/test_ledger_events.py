"""The inbox's bulk "mark all as read" and the calendar-feed token reset leave their trace in the bitácora."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pregon.institutions.models import Membership
from pregon.ledger.models import SYSTEM_CHAIN, Event
from pregon.ledger.verify import verify_chain
from pregon.notifications.models import CalendarFeedToken, Notification
from pregon.notifications.services import calendar_token_get_or_create, calendar_token_reset, notify
from pregon.procedures.tests.conftest import make_user, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    """Rosarito's Communications user, who also holds a role in IEE Sonora."""
    rosarito, sonora = make_world("rosarito"), make_world("iee-sonora")
    user = rosarito["comms"]
    Membership.objects.create(user=user, institution=sonora.institution, role="auditor")
    return rosarito, sonora, user


def test_mark_all_read_records_one_event_in_each_institution_whose_notices_were_marked(client, two):
    rosarito, sonora, user = two
    for n in range(2):
        notify(institution=rosarito.institution, subject=f"Aviso {n}", body="Texto", users=[user])
    notify(institution=sonora.institution, subject="Aviso", body="Texto", users=[user])
    notify(institution=rosarito.institution, subject="Para otra persona", body="Texto", users=[rosarito["it"]])
    client.force_login(user)

    response = client.post(reverse("notifications:mark_all_read"))

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
    assert Notification.objects.get(recipient=rosarito["it"]).read_at is None  # someone else's notice stays unread
    events = {e.chain: e for e in Event.objects.filter(action="inbox.marked_read")}
    assert set(events) == {rosarito.institution.slug, sonora.institution.slug}
    assert events[rosarito.institution.slug].changes == {"unread": [2, 0]}
    assert events[sonora.institution.slug].changes == {"unread": [1, 0]}
    assert events[rosarito.institution.slug].actor == user
    assert verify_chain(rosarito.institution.slug).ok and verify_chain(sonora.institution.slug).ok


def test_mark_all_read_with_nothing_unread_records_nothing(client, two):
    _rosarito, _sonora, user = two
    client.force_login(user)
    before = Event.objects.count()
    assert client.post(reverse("notifications:mark_all_read")).status_code == 302
    assert Event.objects.count() == before


def test_mark_all_read_needs_a_post(client, two):
    _rosarito, _sonora, user = two
    client.force_login(user)
    before = Event.objects.count()
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405
    assert Event.objects.count() == before


def test_token_reset_records_one_event_in_each_institution_of_the_user_without_the_secret(two):
    rosarito, sonora, user = two
    old = calendar_token_get_or_create(user=user).token

    new = calendar_token_reset(user=user).token

    assert new != old
    events = list(Event.objects.filter(action="calendar_feed.token_reset").order_by("chain"))
    assert sorted(e.chain for e in events) == sorted([rosarito.institution.slug, sonora.institution.slug])
    for event in events:
        before, after = event.changes["token_fingerprint"]
        assert before and after and before != after
        assert old not in str(event.changes) and new not in str(event.changes)
        assert event.actor == user and event.target_object_id == str(CalendarFeedToken.objects.get(user=user).pk)
    assert verify_chain(rosarito.institution.slug).ok


def test_token_reset_of_a_user_without_roles_goes_to_the_system_chain(db):
    user = make_user("sin-rol")
    calendar_token_reset(user=user)  # no token yet: one is created
    event = Event.objects.get(action="calendar_feed.token_reset")
    assert event.chain == SYSTEM_CHAIN and event.changes["token_fingerprint"][0] is None


# The feed's page moves between apps ("Mis pendientes"); its address does not.
FEED_TOKEN_RESET = "/pendientes/nuevo-enlace/"


def test_the_new_link_button_records_the_reset(client, two):
    rosarito, sonora, user = two
    client.force_login(user)
    assert client.get(FEED_TOKEN_RESET).status_code == 405
    assert not Event.objects.filter(action="calendar_feed.token_reset").exists()

    assert client.post(FEED_TOKEN_RESET).status_code == 302

    chains = sorted(Event.objects.filter(action="calendar_feed.token_reset").values_list("chain", flat=True))
    assert chains == sorted([rosarito.institution.slug, sonora.institution.slug])
