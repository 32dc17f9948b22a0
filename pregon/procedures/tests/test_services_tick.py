"""`pregon tick` never applies an outcome twice and never loses one: repeated, crashed and concurrent runs."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, connections

from pregon.ledger.models import Event
from pregon.procedures import services
from pregon.procedures.choices import DeadlineStatus
from pregon.procedures.flows.consultation import consultation_create
from pregon.procedures.models import Deadline, TransitionRecord
from pregon.procedures.models.consultation import ConsultationStatus
from pregon.procedures.services import deadline_expire, tick
from pregon.procedures.tasks import tick_periodic

TIJUANA = ZoneInfo("America/Tijuana")
ASKED = dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA)
LATE = dt.datetime(2026, 4, 1, 9, 0, tzinfo=TIJUANA)


def _ask(world):
    with time_machine.travel(ASKED, tick=False):
        return consultation_create(institution=world.institution, actor=world["account_admin"], text="¿Publico esto?")


def _silence_events() -> int:
    return Event.objects.filter(action="consultation.rejected_by_silence").count()


@pytest.mark.django_db
def test_running_tick_twice_applies_the_outcome_once(rosarito):
    consultation = _ask(rosarito)
    with time_machine.travel(LATE, tick=False):
        first, second = tick(), tick()
    assert (first.applied, second.applied) == (1, 0)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED_BY_SILENCE
    assert _silence_events() == 1 and TransitionRecord.objects.filter(action="expire").count() == 1


@pytest.mark.django_db
def test_expiring_the_same_deadline_again_is_skipped(rosarito):
    _ask(rosarito)
    deadline = Deadline.objects.get()
    with time_machine.travel(LATE, tick=False):
        assert deadline_expire(deadline_id=deadline.pk) == "applied"
        assert deadline_expire(deadline_id=deadline.pk) == "skipped"
    assert _silence_events() == 1


@pytest.mark.django_db
def test_a_crash_after_the_claim_leaves_the_deadline_open_and_the_next_tick_applies_it_once(rosarito, monkeypatch):
    consultation = _ask(rosarito)
    real = services.event_record
    calls = {"n": 0}

    def crash_once(**kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("power cut after the claim")
        return real(**kwargs)

    monkeypatch.setattr(services, "event_record", crash_once)
    with time_machine.travel(LATE, tick=False):
        crashed = tick()
        assert crashed.failed == 1 and crashed.applied == 0
        deadline = Deadline.objects.get()
        assert deadline.status == DeadlineStatus.OPEN and deadline.claimed_at is None
        consultation.refresh_from_db()
        assert consultation.status == ConsultationStatus.SUBMITTED and _silence_events() == 0
        again = tick()
        assert again.applied == 1
        assert tick().applied == 0
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED_BY_SILENCE and _silence_events() == 1


@pytest.mark.django_db
def test_a_deadline_whose_procedure_moved_on_is_cancelled_not_retried(rosarito):
    from pregon.procedures.models import Consultation

    consultation = _ask(rosarito)
    Consultation.objects.filter(pk=consultation.pk).update(status=ConsultationStatus.APPROVED)  # simulated drift
    with time_machine.travel(LATE, tick=False):
        assert tick().cancelled == 1
    assert Deadline.objects.get().status == DeadlineStatus.CANCELLED and _silence_events() == 0


@pytest.mark.django_db
def test_the_periodic_task_runs_the_same_service(rosarito):
    _ask(rosarito)
    with time_machine.travel(LATE, tick=False):
        result = tick_periodic.call_local()
    assert result["applied"] == 1 and _silence_events() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_ticks_apply_the_outcome_once(rosarito):
    _ask(rosarito)
    _ask(rosarito)
    barrier = threading.Barrier(4)
    results: list = []
    errors: list = []

    def run() -> None:
        try:
            barrier.wait()
            results.append(tick())
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    with time_machine.travel(LATE, tick=False):  # process-wide: every thread sees the same frozen clock
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors
    assert sum(r.applied for r in results) == 2
    assert sum(r.failed for r in results) == 0
    assert _silence_events() == 2
    assert TransitionRecord.objects.filter(action="expire").count() == 2
