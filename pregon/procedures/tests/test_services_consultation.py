"""Consultation services: deadlines on real calendars, decisions, silence through the tick, notifications."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from pregon.core.errors import ApplicationError, InvalidTransition, NotFound, PermissionDenied
from pregon.institutions.models import NonWorkingDay
from pregon.ledger.models import Event
from pregon.notifications.models import Notification
from pregon.procedures.choices import DeadlineStatus
from pregon.procedures.flows.consultation import (
    consultation_approve,
    consultation_create,
    consultation_reject,
    consultation_withdraw,
)
from pregon.procedures.models import Consultation, Deadline, TransitionRecord
from pregon.procedures.models.consultation import ConsultationStatus
from pregon.procedures.services import tick

from .conftest import make_world

TIJUANA = ZoneInfo("America/Tijuana")
HERMOSILLO = ZoneInfo("America/Hermosillo")
pytestmark = pytest.mark.django_db(transaction=False)


def _ask(world, **kwargs):
    return consultation_create(
        institution=world.institution, actor=world["account_admin"], text="Mañana inicia la campaña de vacunación.",
        question="¿Se puede publicar hoy?", **kwargs,
    )


def test_rosarito_deadline_is_three_business_days_skipping_a_holiday_and_a_declared_day(rosarito):
    # Thursday 12 March 2026; Monday 16 March is a statutory holiday (Benito Juárez, third Monday of March);
    # the institution declares Friday 13 March non-working. Business days: Tue 17, Wed 18, Thu 19.
    NonWorkingDay.objects.create(institution=rosarito.institution, date=dt.date(2026, 3, 13), reason="acuerdo")
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = _ask(rosarito)
    deadline = Deadline.objects.get()
    assert deadline.due_at.astimezone(TIJUANA) == dt.datetime(2026, 3, 19, 23, 59, 59, 999999, tzinfo=TIJUANA)
    assert (deadline.duration_amount, deadline.duration_unit) == (3, "business_days")
    assert deadline.clauses == ["rosarito:9.7"]
    assert deadline.responsible_role == "comms"
    assert deadline.waiting_user == rosarito["account_admin"]
    assert deadline.on_expiry == "expire"
    assert deadline.calendar_fingerprint and deadline.policy_version.startswith("rosarito@")
    assert consultation.status == ConsultationStatus.SUBMITTED


def test_iee_sonora_deadline_is_five_calendar_days_to_the_end_of_the_fifth_day(sonora):
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=HERMOSILLO), tick=False):
        _ask(sonora)
    deadline = Deadline.objects.get()
    assert deadline.due_at.astimezone(HERMOSILLO) == dt.datetime(2026, 3, 17, 23, 59, 59, 999999, tzinfo=HERMOSILLO)
    assert deadline.clauses == ["iee-sonora:6.VIII"]


def test_submit_notifies_communications_with_the_clause(rosarito):
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = _ask(rosarito)
    notes = Notification.objects.filter(kind="consultation.submitted")
    assert [n.recipient for n in notes] == [rosarito["comms"]]
    assert "rosarito:9.7" in notes[0].subject and "rosarito:9.7" in notes[0].body
    assert notes[0].link == consultation.get_absolute_url()


def test_submit_sends_the_email_after_commit(rosarito, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(rosarito)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [rosarito["comms"].email]
    assert "rosarito:9.7" in mail.outbox[0].subject


def test_approve_closes_the_deadline_and_notifies_the_asker(rosarito, django_capture_on_commit_callbacks):
    consultation = _ask(rosarito)
    with django_capture_on_commit_callbacks(execute=True):
        consultation_approve(consultation=consultation, actor=rosarito["comms"], reason="Adelante.")
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.APPROVED
    assert consultation.decided_by == rosarito["comms"] and consultation.decided_at is not None
    assert Deadline.objects.get().status == DeadlineStatus.DONE
    assert Notification.objects.filter(recipient=rosarito["account_admin"], kind="consultation.approved").count() == 1
    assert mail.outbox[-1].to == [rosarito["account_admin"].email]


def test_reject_requires_reasons_and_changes_nothing_without_them(rosarito):
    consultation = _ask(rosarito)
    events = Event.objects.count()
    with pytest.raises(InvalidTransition) as exc:
        consultation_reject(consultation=consultation, actor=rosarito["comms"], reason="  ")
    assert exc.value.code == "REASON_REQUIRED"
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.SUBMITTED and Event.objects.count() == events
    consultation_reject(consultation=consultation, actor=rosarito["comms"], reason="Contiene datos personales.")
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED and consultation.reasons == "Contiene datos personales."


def test_withdraw_by_the_asker_cancels_the_deadline(rosarito):
    consultation = _ask(rosarito)
    consultation_withdraw(consultation=consultation, actor=rosarito["account_admin"])
    assert Deadline.objects.get().status == DeadlineStatus.CANCELLED


def test_another_account_admin_may_not_withdraw(rosarito):
    from pregon.institutions.models import Membership

    from .conftest import make_user

    consultation = _ask(rosarito)
    colleague = make_user("colega")
    Membership.objects.create(user=colleague, institution=rosarito.institution, role="account_admin")
    with pytest.raises(PermissionDenied):
        consultation_withdraw(consultation=consultation, actor=colleague)


def test_silence_at_expiry_rejects_notifies_and_records_silence(rosarito, django_capture_on_commit_callbacks):
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = _ask(rosarito)
    mail.outbox.clear()
    with time_machine.travel(dt.datetime(2026, 3, 20, 0, 0, 1, tzinfo=TIJUANA), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            result = tick()
    assert result.applied == 1
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED_BY_SILENCE
    assert consultation.decided_by is None
    deadline = Deadline.objects.get()
    assert deadline.status == DeadlineStatus.EXPIRED and deadline.expired_outcome_applied_at is not None
    event = Event.objects.filter(action="consultation.rejected_by_silence").get()
    assert event.actor is None and event.actor_label == "sistema"
    assert event.changes["expired_deadline"] == [None, str(deadline.public_id)]
    assert event.changes["status"] == ["submitted", "rejected_by_silence"]
    assert "Silencio" in event.reason and "rosarito:9.7" in event.reason
    note = Notification.objects.get(recipient=rosarito["account_admin"], kind="consultation.rejected_by_silence")
    assert "rosarito:9.7" in note.subject
    to_asker = [m for m in mail.outbox if m.to == [rosarito["account_admin"].email]]
    assert len(to_asker) == 1 and "rosarito:9.7" in to_asker[0].subject
    record = TransitionRecord.objects.get(action="expire")
    assert record.deadline == deadline and record.actor is None


def test_nothing_expires_before_the_end_of_the_last_day(rosarito):
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = _ask(rosarito)
    with time_machine.travel(dt.datetime(2026, 3, 17, 23, 59, tzinfo=TIJUANA), tick=False):
        assert tick().applied == 0
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.SUBMITTED


def test_pregon_tick_command_applies_expiry(rosarito, capsys):
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = _ask(rosarito)
    with time_machine.travel(dt.datetime(2026, 4, 1, tzinfo=TIJUANA), tick=False):
        call_command("tick")
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED_BY_SILENCE
    assert "plazos aplicados: 1" in capsys.readouterr().out


def test_silence_outcome_approved_when_the_policy_says_so(db):
    from pregon.institutions.models import PolicyRevision

    world = make_world("rosarito")
    PolicyRevision.objects.create(
        institution=world.institution, version=1, preset="rosarito", effective_on=dt.date(2020, 1, 1),
        overrides={"consultation": {"silence_outcome": "approved", "clauses": {"silence_outcome": ["pregon:choice"]}}},
        content_hash="x",
    )
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = _ask(world)
    assert Deadline.objects.get().on_expiry == "expire_approved"
    with time_machine.travel(dt.datetime(2026, 4, 1, tzinfo=TIJUANA), tick=False):
        tick()
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.APPROVED_BY_SILENCE
    assert Event.objects.filter(action="consultation.approved_by_silence").count() == 1


@pytest.mark.parametrize("preset", ["ine", "pasto", "guadalajara"])
def test_presets_without_consultation_refuse_to_open_one(db, preset):
    world = make_world(preset)
    with pytest.raises(ApplicationError) as exc:
        _ask(world)
    assert exc.value.code == "PROCEDURE_NOT_IN_NORM"
    assert "no prevé la consulta" in exc.value.message
    assert not Consultation.objects.exists() and not Event.objects.exists()


def test_a_user_of_another_institution_gets_not_found(rosarito):
    with pytest.raises(NotFound):
        consultation_create(institution=rosarito.institution, actor=rosarito.outsider, text="Hola")
    consultation = _ask(rosarito)
    with pytest.raises(NotFound):
        consultation_approve(consultation=consultation, actor=rosarito.outsider)


def test_findings_snapshot_uses_the_institutions_context(rosarito):
    text = "Dudas a transparencia@rosarito.gob.mx; la vecina pide respuesta a su correo lupita.mtz77@gmail.com"
    consultation = consultation_create(
        institution=rosarito.institution, actor=rosarito["account_admin"], text=text, question="¿Se puede?")
    assert consultation.findings["available"] is True
    emails = [f for f in consultation.findings["items"] if f["rule"] == "personal_data.email"]
    # the institution's own domain is not personal data; the citizen's address is, with its clause
    assert [text[f["start"]:f["end"]] for f in emails] == ["lupita.mtz77@gmail.com"]
    assert emails[0]["severity"] == "block" and "rosarito:9.3" in emails[0]["clauses"]
    assert consultation.findings["policy_version"].startswith("rosarito@")


def test_findings_snapshot_knows_the_institutions_officials(rosarito):
    from pregon.institutions.tests.factories import OfficialFactory

    OfficialFactory(institution=rosarito.institution, full_name="Itzel Tzompantzi Xicohténcatl")
    text = "La directora Itzel Tzompantzi inauguró el parque y saludó a Juan Quetzalcóatl Ixtlilxóchitl."
    consultation = consultation_create(institution=rosarito.institution, actor=rosarito["account_admin"], text=text)
    unknown = [text[f["start"]:f["end"]] for f in consultation.findings["items"] if f["rule"] == "spelling.unknown_word"]
    assert "Tzompantzi" not in unknown  # an official's name is on the institution's allow-list
    assert "Ixtlilxóchitl" in unknown  # a name the institution does not know is still checked


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("create", ["consultation.submitted"]),
        ("draft", ["consultation.created"]),
        ("approve", ["consultation.approved"]),
        ("reject", ["consultation.rejected"]),
        ("withdraw", ["consultation.withdrawn"]),
        ("expire", ["consultation.rejected_by_silence"]),
    ],
)
def test_each_service_writes_exactly_one_ledger_event(rosarito, action, expected):
    with time_machine.travel(dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA), tick=False):
        consultation = None if action in ("create", "draft") else _ask(rosarito)
        before = Event.objects.count()
        if action == "create":
            _ask(rosarito)
        elif action == "draft":
            _ask(rosarito, submit=False)
        elif action == "approve":
            consultation_approve(consultation=consultation, actor=rosarito["comms"])
        elif action == "reject":
            consultation_reject(consultation=consultation, actor=rosarito["comms"], reason="No.")
        elif action == "withdraw":  # within the term: after it, silence has already decided (rosarito:9.7)
            consultation_withdraw(consultation=consultation, actor=rosarito["account_admin"])
    if action == "expire":
        with time_machine.travel(dt.datetime(2026, 4, 1, tzinfo=TIJUANA), tick=False):
            tick()
    actions = list(Event.objects.order_by("seq").values_list("action", flat=True)[before:])
    assert actions == expected
