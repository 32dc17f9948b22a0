"""The retroactive audit: findings with the policy's recommendation (delete vs preserve history), the spam rule fed
by the archive, one ledger event, and the task path for big archives."""

from __future__ import annotations

import datetime as dt

import pytest

from pregon.ledger.models import Event
from pregon.publications import services
from pregon.publications.models import AuditFinding, AuditRun, Publication
from pregon.publications.services import audit_account, audit_request, publications_import

from .conftest import fixture_bytes

UTC = dt.timezone.utc


def archive(account, *posts):
    """Archive posts directly: (post id, text, published_at)."""
    return [
        Publication.objects.create(institution=account.institution, account=account, platform_post_id=pid, text=text,
                                   published_at=at)
        for pid, text, at in posts
    ]


def test_rosarito_deletes_history_so_the_recommendation_is_to_delete(account_a, comms_a):
    publications_import(actor=comms_a, account=account_a, file_name="x.csv",
                        data=fixture_bytes("account_analytics_content_2026-02-14_2026-02-16.csv"))
    run = audit_account(account=account_a, actor=comms_a)
    assert (run.publications_checked, run.flagged_count) == (3, 1)
    finding = AuditFinding.objects.get(run=run, category="personal_data")
    assert finding.rule == "personal_data.phone" and finding.excerpt == "664 123 4567"
    assert finding.severity == "block"
    assert finding.recommendation.startswith("Elimine la publicación o edite el dato personal")
    assert "rosarito:9.3" in finding.recommendation and "rosarito:10.8" in finding.recommendation
    assert finding.recommendation_clauses == ["rosarito:9.3", "rosarito:8.2", "rosarito:10.8"]
    assert run.policy_version.startswith("rosarito@")


def test_pasto_forbids_deleting_history_so_the_recommendation_cites_pasto_3_17(account_b, comms_b):
    publications_import(actor=comms_b, account=account_b, file_name="fb.xlsx",
                        data=fixture_bytes("Facebook Insights Data Export (Post Level) - Pasto - 2026-02-20.xlsx"))
    run = audit_account(account=account_b, actor=comms_b)
    finding = AuditFinding.objects.get(run=run, rule="personal_data.phone")
    assert finding.recommendation.startswith("No borre la publicación (pasto:3.17)")
    assert "oculte o edite el dato personal" in finding.recommendation
    assert finding.recommendation_clauses[0] == "pasto:3.17"
    assert "Elimine" not in finding.recommendation


def test_the_audit_writes_one_event_and_never_touches_the_posts(account_a, comms_a):
    posts = archive(account_a, ("1", "Llame al 664 123 4567 para su cita.", dt.datetime(2026, 2, 1, 18, tzinfo=UTC)))
    before = Event.objects.count()
    run = audit_account(account=account_a, actor=comms_a)
    events = list(Event.objects.order_by("seq")[before:])
    assert [e.action for e in events] == ["publications.audited"]
    assert events[0].target_object_id == str(run.pk) and events[0].policy_version == run.policy_version
    posts[0].refresh_from_db()
    assert posts[0].text == "Llame al 664 123 4567 para su cita."


def test_a_near_duplicate_inside_the_spam_window_is_flagged(account_a, other_account_a, comms_a):
    text = "Jornada de vacunación este sábado en el parque municipal, acude con tu cartilla de vacunación."
    archive(other_account_a, ("o1", text, dt.datetime(2026, 2, 10, 18, tzinfo=UTC)))
    archive(account_a, ("a1", text.replace("acude", "acuda"), dt.datetime(2026, 2, 13, 18, tzinfo=UTC)))
    run = audit_account(account=account_a, actor=comms_a)
    spam = AuditFinding.objects.get(run=run, category="spam")
    assert spam.rule == "spam.duplicate" and "@turismorosarito" in spam.message
    assert spam.clauses == ["rosarito:9.20"]


def test_a_duplicate_outside_the_window_or_published_later_is_not_flagged(account_a, other_account_a, comms_a):
    text = "Jornada de vacunación este sábado en el parque municipal, acude con tu cartilla de vacunación."
    archive(other_account_a, ("o1", text, dt.datetime(2026, 1, 1, 18, tzinfo=UTC)),  # 43 days before: outside 7 days
            ("o2", text, dt.datetime(2026, 2, 20, 18, tzinfo=UTC)))  # after the audited post
    archive(account_a, ("a1", text, dt.datetime(2026, 2, 13, 18, tzinfo=UTC)))
    run = audit_account(account=account_a, actor=comms_a)
    assert not AuditFinding.objects.filter(run=run, category="spam").exists()


def test_a_post_is_not_a_duplicate_of_itself(account_a, comms_a):
    archive(account_a, ("a1", "Corte de agua programado el martes en la colonia Centro, de nueve a quince horas.",
                        dt.datetime(2026, 2, 13, 18, tzinfo=UTC)))
    run = audit_account(account=account_a, actor=comms_a)
    assert not AuditFinding.objects.filter(run=run, category="spam").exists()


def test_an_empty_archive_gives_an_empty_run(account_a, comms_a):
    run = audit_account(account=account_a, actor=None)
    assert (run.publications_checked, run.findings_count, run.run_by) == (0, 0, None)


def test_big_archives_are_audited_by_the_task_after_commit(account_a, comms_a, monkeypatch,
                                                            django_capture_on_commit_callbacks):
    monkeypatch.setattr(services, "AUDIT_SYNC_MAX", 1)
    archive(account_a, ("1", "Aviso uno para la ciudadanía de la colonia Centro.", dt.datetime(2026, 2, 1, tzinfo=UTC)),
            ("2", "Aviso dos para la ciudadanía, su celular 664 123 4567.", dt.datetime(2026, 2, 2, tzinfo=UTC)))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert audit_request(account=account_a, actor=comms_a) is None
    assert len(callbacks) == 1
    run = AuditRun.objects.get(account=account_a)  # tasks run immediately in tests
    assert run.run_by == comms_a and run.publications_checked == 2 and run.flagged_count == 1


@pytest.mark.parametrize("category, severity, preserve, starts", [
    ("personal_data", "block", False, "Elimine la publicación o edite el dato personal"),
    ("reserved_information", "block", True, "No borre la publicación (x:1): oculte o edite la información reservada"),
    ("spelling", "warn", True, "No requiere retirar la publicación"),
])
def test_recommendations_come_from_policy_fields(category, severity, preserve, starts):
    from pregon.checker import Finding
    from pregon.policy import load_preset
    from pregon.publications.checking import recommendation_for

    policy = load_preset("rosarito")
    closure = policy.closure.model_copy(update={
        "content_action": "preserve" if preserve else "delete", "clauses": {"content_action": ("x:1",)},
    })
    policy = policy.model_copy(update={"closure": closure})
    finding = Finding(f"{category}.rule", category, severity, 0, 1, "m", ("y:2",))
    advice = recommendation_for(finding, policy)
    assert advice.text.startswith(starts)
    assert "y:2" in advice.text
