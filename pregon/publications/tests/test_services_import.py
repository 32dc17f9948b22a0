"""publications_import: all or nothing, idempotent, one ledger event, the account's activity date moved forward."""

from __future__ import annotations

import datetime as dt

import pytest

from pregon.ledger.models import Event
from pregon.publications.models import Publication, PublicationImport
from pregon.publications.parsers import ExportFileError
from pregon.publications.services import publications_import

from .conftest import fixture_bytes

X_2026 = "account_analytics_content_2026-02-14_2026-02-16.csv"


def run(account, actor, name=X_2026, data=None):
    return publications_import(actor=actor, account=account, data=data or fixture_bytes(name), file_name=name)


def test_import_archives_every_post_with_its_source(account_a, comms_a):
    outcome = run(account_a, comms_a)
    assert (outcome.created, outcome.existing, outcome.format) == (3, 0, "x_content")
    record = outcome.record
    assert record.imported_by == comms_a and record.file_name == X_2026 and len(record.file_sha256) == 64
    posts = list(Publication.objects.filter(account=account_a).order_by("published_at"))
    assert [p.platform_post_id for p in posts] == ["1900000000000000001", "1900000000000000002", "1900000000000000003"]
    assert all(p.institution_id == account_a.institution_id and p.source == record for p in posts)


def test_import_writes_one_event_and_records_the_last_activity(account_a, comms_a):
    before = Event.objects.count()
    run(account_a, comms_a)
    actions = list(Event.objects.order_by("seq").values_list("action", flat=True)[before:])
    assert actions.count("publications.imported") == 1
    # the account's last activity goes through the registry's service (its own event)
    assert actions == ["publications.imported", "account.activity_recorded"]
    account_a.refresh_from_db()
    assert account_a.last_activity_on == dt.date(2026, 2, 16)


def test_reimporting_the_same_file_changes_nothing(account_a, comms_a):
    run(account_a, comms_a)
    events, imports, posts = Event.objects.count(), PublicationImport.objects.count(), Publication.objects.count()
    outcome = run(account_a, comms_a)
    assert (outcome.created, outcome.existing, outcome.record) == (0, 3, None)
    assert (Event.objects.count(), PublicationImport.objects.count(), Publication.objects.count()) == (events, imports, posts)


def test_a_file_overlapping_the_archive_adds_only_the_new_posts(account_a, comms_a):
    run(account_a, comms_a, data=b"id,fecha,texto\n1900000000000000001,2026-02-14,Otro texto\n")
    outcome = run(account_a, comms_a)
    assert (outcome.created, outcome.existing) == (2, 1)
    # an archived post is never rewritten by a later import
    assert Publication.objects.get(platform_post_id="1900000000000000001").text == "Otro texto"


def test_a_bad_row_imports_nothing(account_a, comms_a):
    events = Event.objects.count()
    data = b"id,fecha,texto\n1,2026-02-01,Hola\n2,2026-13-45,Adios\n"
    with pytest.raises(ExportFileError) as caught:
        run(account_a, comms_a, data=data)
    assert caught.value.extra["errors"][0]["row"] == 3
    assert Publication.objects.count() == 0 and PublicationImport.objects.count() == 0
    assert Event.objects.count() == events


def test_the_same_post_id_may_exist_in_two_accounts(account_a, other_account_a, comms_a):
    run(account_a, comms_a)
    assert run(other_account_a, comms_a).created == 3
