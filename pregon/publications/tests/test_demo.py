"""The demo archive: posts with personal data, audited once; a second load changes nothing."""

from __future__ import annotations

from django.core.management import call_command

from pregon.ledger.models import Event
from pregon.publications.demo import publications_demo_load
from pregon.publications.models import AuditFinding, AuditRun, Publication


def test_demo_posts_are_audited_and_the_load_is_idempotent(account_a, account_b):
    assert publications_demo_load() > 0
    assert Publication.objects.filter(account=account_a).count() == 5
    assert AuditFinding.objects.filter(run__account=account_a, category="personal_data").exists()
    assert AuditFinding.objects.filter(run__account=account_b, recommendation__startswith="No borre").exists()
    counts = (Publication.objects.count(), AuditRun.objects.count(), Event.objects.count())
    assert publications_demo_load() == 0
    assert (Publication.objects.count(), AuditRun.objects.count(), Event.objects.count()) == counts


def test_demo_load_command_loads_the_publications(db):
    call_command("demo_load", verbosity=0)
    assert Publication.objects.filter(institution__slug="pasto").exists()
    assert AuditRun.objects.filter(institution__slug="rosarito").exists()
