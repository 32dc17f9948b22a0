"""A person's answer after its deadline is refused even if the tick has not run yet (rosarito:9.7: silence means
*no procedente*): the due check is part of the transition guard, so nothing depends on when the tick runs."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from pregon.core.errors import InvalidTransition
from pregon.institutions.models import PolicyRevision
from pregon.ledger.models import Event
from pregon.procedures.choices import DeadlineStatus
from pregon.procedures.flows.consultation import consultation_approve, consultation_create, consultation_withdraw
from pregon.procedures.flows.opening import opening_request_create, opening_request_give_opinion
from pregon.procedures.models import Deadline, TransitionRecord
from pregon.procedures.models.consultation import ConsultationStatus
from pregon.procedures.models.opening import OpeningRequestStatus
from pregon.procedures.services import tick

from .account_fixtures import platform, setup_area
from .conftest import make_world

TIJUANA = ZoneInfo("America/Tijuana")
pytestmark = pytest.mark.django_db

# Thursday 12 March 2026, 10:00 in Rosarito; three business days (Friday 13, then Monday 16 is a holiday: Tuesday
# 17, Wednesday 18): due Wednesday 18 March at the end of the day.
ASKED = dt.datetime(2026, 3, 12, 10, 0, tzinfo=TIJUANA)
JUST_BEFORE = dt.datetime(2026, 3, 18, 23, 59, 0, tzinfo=TIJUANA)
JUST_AFTER = dt.datetime(2026, 3, 19, 0, 0, 1, tzinfo=TIJUANA)


def _ask(world):
    with time_machine.travel(ASKED, tick=False):
        return consultation_create(institution=world.institution, actor=world["account_admin"], text="¿Publico esto?")


def test_communications_cannot_answer_a_consultation_once_its_three_days_ran_out(db):
    world = make_world("rosarito")
    consultation = _ask(world)
    events = Event.objects.count()
    with time_machine.travel(JUST_AFTER, tick=False), pytest.raises(InvalidTransition) as exc:
        consultation_approve(consultation=consultation, actor=world["comms"], reason="Sí")
    assert exc.value.code == "DEADLINE_PASSED"
    assert "rosarito:9.7" in exc.value.message and "no procedente" in exc.value.message
    assert "18/03/2026 23:59" in exc.value.message  # the due time in the institution's time zone
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.SUBMITTED  # nothing changed, no tick has run
    assert Event.objects.count() == events and not TransitionRecord.objects.filter(action="approve").exists()
    assert Deadline.objects.get().status == DeadlineStatus.OPEN
    # the asker cannot withdraw it either: the outcome is already decided
    with time_machine.travel(JUST_AFTER, tick=False), pytest.raises(InvalidTransition):
        consultation_withdraw(consultation=consultation, actor=world["account_admin"])
    with time_machine.travel(JUST_AFTER, tick=False):
        tick()
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED_BY_SILENCE


def test_an_answer_a_minute_before_the_deadline_is_accepted(db):
    world = make_world("rosarito")
    consultation = _ask(world)
    with time_machine.travel(JUST_BEFORE, tick=False):
        consultation_approve(consultation=consultation, actor=world["comms"], reason="Sí")
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.APPROVED
    assert Deadline.objects.get().status == DeadlineStatus.DONE


def test_the_refusal_reaches_the_page_as_a_conflict(client, db):
    world = make_world("rosarito")
    consultation = _ask(world)
    client.force_login(world["comms"])
    with time_machine.travel(JUST_AFTER, tick=False):
        response = client.post(consultation.get_absolute_url() + "approve/", {"reason": "Sí"})
    assert response.status_code == 409 and "rosarito:9.7" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.SUBMITTED


def test_it_cannot_give_its_opinion_after_the_opinion_deadline(db):
    world = make_world("rosarito")
    PolicyRevision.objects.create(
        institution=world.institution, version=1, preset="rosarito", effective_on=dt.date(2020, 1, 1),
        overrides={"opening": {"technical_opinion_deadline": "3 business_days",
                               "clauses": {"technical_opinion_deadline": ["pregon:choice"]}}},
        content_hash="x",
    )
    area = setup_area(world)
    with time_machine.travel(ASKED, tick=False):
        request = opening_request_create(
            institution=world.institution, actor=world["area_head"], area=area, platform=platform("instagram"),
            proposed_name="Turismo Rosarito", objectives="Difundir", scope="Municipal", coverage_or_benefits="Todos",
            justification="Programa de turismo",
        )
    assert request.status == OpeningRequestStatus.AWAITING_OPINION
    with time_machine.travel(JUST_AFTER, tick=False), pytest.raises(InvalidTransition) as exc:
        opening_request_give_opinion(request=request, actor=world["it"], opinion="Viable", favourable=True)
    assert exc.value.code == "DEADLINE_PASSED" and "pregon:choice" in exc.value.message
    request.refresh_from_db()
    assert request.status == OpeningRequestStatus.AWAITING_OPINION and request.opinion == ""
    with time_machine.travel(JUST_BEFORE, tick=False):
        opening_request_give_opinion(request=request, actor=world["it"], opinion="Viable", favourable=True)
    request.refresh_from_db()
    assert request.status == OpeningRequestStatus.SUBMITTED
