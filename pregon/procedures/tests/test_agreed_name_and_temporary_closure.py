"""pasto:3.12 — the new account's name and link are agreed with Communications when it authorises the opening, and
the report must match them; pasto:3.20 — an *alternate* account may be closed temporarily (suspended, contents
kept, then reopened or made definitive) or definitively; a main account only definitively."""

from __future__ import annotations

import pytest

from pregon.core.errors import ApplicationError, InvalidTransition
from pregon.institutions.choices import Rank
from pregon.notifications.models import Notification
from pregon.procedures.flows.closure import closure_acknowledge, closure_export_history, closure_request_create
from pregon.procedures.flows.opening import opening_request_approve, opening_request_create, opening_request_report
from pregon.procedures.models import ClosureRequest
from pregon.procedures.models.closure import ClosureStatus
from pregon.procedures.models.opening import OpeningRequestStatus
from pregon.procedures.services import procedure_transition
from pregon.registry.choices import AccountStatus, Tier
from pregon.registry.models import SocialAccount

from .account_fixtures import official, platform, setup_area
from .conftest import make_world
from .lifecycle_helpers import lifecycle_account

pytestmark = pytest.mark.django_db


def _submitted_pasto_request():
    world = make_world("pasto")
    setup_area(world)
    request = opening_request_create(
        institution=world.institution, actor=world["area_head"], area=world.area, platform=platform("facebook"),
        proposed_name="Movilidad Pasto", objectives="Informar sobre movilidad", justification="Plan de movilidad",
    )
    return world, request


def _report(world, request, **values):
    data = {"name": "Movilidad Pasto", "url": "https://www.facebook.com/MovilidadPasto",
            "email": "movilidad@pasto.gov.co", "purpose": "Informar", "operation": "Lunes a viernes",
            "administrators": [(official(world, "Mauricio Enríquez", Rank.MEDIO), "primary")]}
    data.update(values)
    return opening_request_report(request=request, actor=world["area_head"], **data)


def test_pasto_approval_records_the_agreed_name_and_link_and_requires_them():
    world, request = _submitted_pasto_request()
    with pytest.raises(InvalidTransition) as exc:
        opening_request_approve(request=request, actor=world["comms"])
    assert "pasto:3.12" in exc.value.message
    with pytest.raises(ApplicationError) as exc:  # the link must be on the requested platform
        opening_request_approve(request=request, actor=world["comms"], agreed_name="Movilidad Pasto",
                                    agreed_url="https://x.com/movilidadpasto")
    assert "Facebook" in exc.value.message
    request.refresh_from_db()
    assert request.status == OpeningRequestStatus.SUBMITTED and request.agreed_name == ""
    opening_request_approve(request=request, actor=world["comms"], agreed_name="  Movilidad   Pasto ",
                                agreed_url="facebook.com/MovilidadPasto")
    request.refresh_from_db()
    assert request.status == OpeningRequestStatus.APPROVED
    assert (request.agreed_name, request.agreed_url) == ("Movilidad Pasto", "https://www.facebook.com/movilidadpasto")
    told = Notification.objects.filter(recipient=world["area_head"], body__contains="Nombre y enlace acordados")
    assert told.exists() and "pasto:3.12" in told.first().body


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "Tránsito y Transporte Pasto"), ("url", "https://www.facebook.com/TransitoPasto")],
)
def test_a_report_that_differs_from_what_was_agreed_is_refused_citing_the_clause(field, value):
    world, request = _submitted_pasto_request()
    opening_request_approve(request=request, actor=world["comms"], agreed_name="Movilidad Pasto",
                                agreed_url="https://www.facebook.com/movilidadpasto")
    with pytest.raises(InvalidTransition) as exc:
        _report(world, request, **{field: value})
    assert "pasto:3.12" in exc.value.message and "acordad" in exc.value.message
    request.refresh_from_db()
    assert request.status == OpeningRequestStatus.APPROVED and not SocialAccount.objects.exists()


def test_a_report_matching_the_agreement_registers_the_account():
    world, request = _submitted_pasto_request()
    opening_request_approve(request=request, actor=world["comms"], agreed_name="Movilidad Pasto",
                                agreed_url="https://www.facebook.com/movilidadpasto")
    _report(world, request, name="movilidad pasto")  # case and spacing do not matter
    request.refresh_from_db()
    assert request.status == OpeningRequestStatus.REGISTERED
    assert request.account.handle == "movilidadpasto" and request.account.status == AccountStatus.ACTIVE


def test_without_the_rule_the_approval_needs_no_agreed_name():
    world = make_world("iee-sonora")
    setup_area(world)
    request = opening_request_create(
        institution=world.institution, actor=world["area_head"], area=world.area, platform=platform("facebook"),
        proposed_name="Educación cívica", objectives="Difusión", justification="Programa de educación cívica",
    )
    opening_request_approve(request=request, actor=world["comms"], graphic_identity="Manual de identidad")
    request.refresh_from_db()
    assert request.status == OpeningRequestStatus.APPROVED and request.agreed_name == ""


# ------------------------------------------------------------------------------------------------ pasto:3.20


def _alternate(world):
    account = lifecycle_account(world)
    SocialAccount.objects.filter(pk=account.pk).update(tier=Tier.ALTERNATE)
    account.refresh_from_db()
    return account


def test_an_alternate_account_is_closed_temporarily_keeping_its_contents_then_reopened():
    world = make_world("pasto")
    account = _alternate(world)
    closure = closure_request_create(account=account, actor=world["area_head"], motive="Sin actualizar", temporary=True)
    assert closure.is_temporary and closure.status == ClosureStatus.SUBMITTED
    closure_acknowledge(closure=closure, actor=world["comms"])
    with pytest.raises(InvalidTransition) as exc:  # a temporary closure neither archives nor closes
        closure_export_history(closure=closure, actor=world["area_head"])
    assert "pasto:3.20" in exc.value.message
    procedure_transition(obj=closure, action="suspend", actor=world["area_head"], reason="Sin personal")
    account.refresh_from_db()
    assert closure.status == ClosureStatus.SUSPENDED and account.status == AccountStatus.SUSPENDED
    assert Notification.objects.filter(recipient=world["it"], subject__contains="temporalmente").exists()
    with pytest.raises(ApplicationError):  # one closure at a time, the suspended one included
        closure_request_create(account=account, actor=world["area_head"], motive="Otra")
    procedure_transition(obj=closure, action="reopen", actor=world["comms"])
    account.refresh_from_db()
    assert closure.status == ClosureStatus.REOPENED and account.status == AccountStatus.ACTIVE


def test_a_temporary_closure_can_become_definitive():
    world = make_world("pasto")
    account = _alternate(world)
    closure = closure_request_create(account=account, actor=world["area_head"], motive="Sin uso", temporary=True)
    closure_acknowledge(closure=closure, actor=world["comms"])
    procedure_transition(obj=closure, action="suspend", actor=world["area_head"])
    procedure_transition(obj=closure, action="make_definitive", actor=world["area_head"])
    assert closure.status == ClosureStatus.ACKNOWLEDGED and not closure.is_temporary
    closure_export_history(closure=closure, actor=world["area_head"])  # pasto:3.17: history archived first
    procedure_transition(obj=closure, action="close", actor=world["area_head"])
    account.refresh_from_db()
    assert account.status == AccountStatus.CLOSED


def test_a_definitive_closure_cannot_be_suspended():
    world = make_world("pasto")
    account = _alternate(world)
    closure = closure_request_create(account=account, actor=world["area_head"], motive="Fin")
    closure_acknowledge(closure=closure, actor=world["comms"])
    with pytest.raises(InvalidTransition):
        procedure_transition(obj=closure, action="suspend", actor=world["area_head"])
    account.refresh_from_db()
    assert account.status == AccountStatus.ACTIVE


@pytest.mark.parametrize(("preset", "alternate", "text"), [
    ("pasto", False, "pasto:3.20"),  # a main account closes only definitively
    ("rosarito", True, "no prevé cierres temporales"),
])
def test_temporary_closure_only_where_the_norm_allows_it(preset, alternate, text):
    world = make_world(preset)
    account = _alternate(world) if alternate else lifecycle_account(world)
    with pytest.raises(ApplicationError) as exc:
        closure_request_create(account=account, actor=world["area_head"], motive="x", temporary=True)
    assert text in exc.value.message and exc.value.code == "TEMPORARY_CLOSURE_NOT_ALLOWED"
    assert not ClosureRequest.objects.exists()
