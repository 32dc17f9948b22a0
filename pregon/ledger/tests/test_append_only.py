"""The ledger cannot be changed: model, queryset, admin and database trigger guards."""

from __future__ import annotations

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from pregon.institutions.tests.factories import InstitutionFactory, UserFactory
from pregon.ledger.models import AppendOnlyError, Event
from pregon.ledger.services import event_record
from pregon.ledger.verify import verify_chain

pytestmark = pytest.mark.django_db

needs_trigger_vendor = pytest.mark.skipif(
    connection.vendor not in ("sqlite", "postgresql"), reason="append-only triggers exist on SQLite and PostgreSQL"
)


@pytest.fixture
def event() -> Event:
    institution = InstitutionFactory(slug="rosarito")
    with transaction.atomic():
        return event_record(action="institution.updated", institution=institution, reason="original")


def test_saving_an_existing_event_is_refused(event: Event) -> None:
    event.reason = "reescrito"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert Event.objects.get(pk=event.pk).reason == "original"


def test_deleting_an_event_is_refused(event: Event) -> None:
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert Event.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda qs: qs.update(reason="reescrito"),
        lambda qs: qs.delete(),
        lambda qs: qs.bulk_update(list(qs), ["reason"]),
    ],
    ids=["update", "delete", "bulk_update"],
)
def test_bulk_changes_through_the_queryset_are_refused(event: Event, change) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AppendOnlyError):
        change(Event.objects.all())
    assert Event.objects.get(pk=event.pk).reason == "original"


def test_admin_is_read_only(event: Event) -> None:
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    model_admin = site._registry[Event]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)


@needs_trigger_vendor
def test_database_refuses_raw_update(event: Event) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE ledger_event SET reason = 'reescrito' WHERE id = %s", [event.pk])
    assert Event.objects.get(pk=event.pk).reason == "original"


@needs_trigger_vendor
def test_database_refuses_raw_delete(event: Event) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM ledger_event WHERE id = %s", [event.pk])
    assert Event.objects.filter(pk=event.pk).exists()


@needs_trigger_vendor
def test_database_refuses_setting_an_actor_on_an_event(event: Event) -> None:
    user = UserFactory()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE ledger_event SET actor_id = %s WHERE id = %s", [user.pk, event.pk])


def test_deleting_a_user_keeps_their_events_and_the_chain_intact() -> None:
    institution = InstitutionFactory(slug="rosarito")
    user = UserFactory(username="se_va", first_name="", last_name="")
    with transaction.atomic():
        event = event_record(action="institution.updated", actor=user, institution=institution)
    user.delete()  # actor is SET_NULL: the only UPDATE the trigger lets through
    stored = Event.objects.get(pk=event.pk)
    assert stored.actor_id is None and stored.actor_label == "se_va"
    assert verify_chain("rosarito").ok
