"""Institution services: validation, derived hierarchy levels, policy revisions and one ledger event each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from pregon.core.errors import ApplicationError
from pregon.institutions import services
from pregon.institutions.choices import EmploymentStatus, Rank, Role
from pregon.institutions.models import Area, ElectoralPeriod, Institution, Membership, PolicyRevision
from pregon.institutions.policies import calendar_for, policy_for
from pregon.institutions.tests.factories import AreaFactory, OfficialFactory, UserFactory
from pregon.ledger.models import Event
from pregon.ledger.verify import verify_chain

pytestmark = pytest.mark.django_db


def create_rosarito(**overrides: Any) -> Institution:
    data = dict(
        actor=None,
        slug="rosarito",
        name="H. Ayuntamiento de Playas de Rosarito",
        short_name="Rosarito",
        country="MX",
        subdivision="BCN",
        timezone="America/Tijuana",
        policy_preset="rosarito",
        effective_on=dt.date(2026, 1, 1),
    )
    data.update(overrides)
    return services.institution_create(**data)


# ---------------------------------------------------------------- institutions


def test_institution_create_writes_the_first_policy_revision_and_one_event(comms_a: Any) -> None:
    institution = create_rosarito(slug="ensenada", actor=comms_a)
    revision = PolicyRevision.objects.get(institution=institution)
    assert (revision.version, revision.preset, revision.overrides) == (1, "rosarito", {})
    assert revision.content_hash == policy_for(institution, dt.date(2026, 2, 1)).content_hash
    event = Event.objects.get(chain="ensenada")
    assert (event.action, event.actor, event.policy_version) == ("institution.created", comms_a, revision.policy_version)


def test_bad_timezone_is_refused_with_a_clear_message_and_nothing_saved() -> None:
    with pytest.raises(ApplicationError, match="zona horaria IANA") as excinfo:
        create_rosarito(timezone="America/Rosarito")
    assert "timezone" in excinfo.value.extra["fields"]
    assert not Institution.objects.exists() and not Event.objects.exists()


def test_unknown_preset_is_refused() -> None:
    with pytest.raises(ApplicationError, match="preset desconocido"):
        create_rosarito(policy_preset="tijuana")
    assert not Institution.objects.exists()


def test_preset_of_another_country_is_refused() -> None:
    with pytest.raises(ApplicationError, match="pasto"):
        create_rosarito(policy_preset="pasto")


def test_reserved_slug_is_refused() -> None:
    with pytest.raises(ApplicationError, match="reservado"):
        create_rosarito(slug="system")


# ---------------------------------------------------------------- policy revisions


def test_policy_revision_with_a_bad_override_names_the_field_and_saves_nothing(institution_a: Institution) -> None:
    with pytest.raises(ApplicationError) as excinfo:
        services.policy_revision_create(
            actor=None,
            institution=institution_a,
            preset="rosarito",
            overrides={"calendar": {"office_hours_typo": "09:00"}},
            effective_on=dt.date(2026, 3, 1),
        )
    assert "calendar.office_hours_typo" in str(excinfo.value)
    assert excinfo.value.code == "POLICY_INVALID"
    assert not PolicyRevision.objects.exists() and not Event.objects.exists()


def test_policy_in_force_follows_revision_dates(institution_a: Institution) -> None:
    first = services.policy_revision_create(
        actor=None, institution=institution_a, preset="rosarito", overrides={}, effective_on=dt.date(2026, 1, 1)
    )
    second = services.policy_revision_create(
        actor=None,
        institution=institution_a,
        preset="rosarito",
        overrides={"calendar": {"office_end": dt.time(16, 0), "clauses": {"office_end": ["rosarito:acuerdo-2026"]}}},
        effective_on=dt.date(2026, 7, 1),
        reason="Acuerdo de cabildo: horario ampliado",
    )
    assert (first.version, second.version) == (1, 2)
    assert policy_for(institution_a, dt.date(2026, 6, 30)).calendar.office_end == dt.time(15, 0)
    assert policy_for(institution_a, dt.date(2026, 7, 1)).calendar.office_end == dt.time(16, 0)
    assert policy_for(institution_a, dt.date(2026, 7, 1)).content_hash == second.content_hash
    # before any revision: the preset as is
    assert policy_for(institution_a, dt.date(2025, 1, 1)).content_hash == first.content_hash


def test_policy_for_is_cached_per_revision(institution_a: Institution, django_assert_num_queries: Any) -> None:
    services.policy_revision_create(
        actor=None, institution=institution_a, preset="rosarito", overrides={}, effective_on=dt.date(2026, 1, 1)
    )
    first = policy_for(institution_a, dt.date(2026, 2, 1))
    with django_assert_num_queries(1):  # finding the revision in force; resolving it comes from the cache
        assert policy_for(institution_a, dt.date(2026, 2, 1)) is first


# ---------------------------------------------------------------- areas


@pytest.fixture
def tree(institution_a: Institution) -> dict[str, Area]:
    head = services.area_create(actor=None, institution=institution_a, name="Presidencia Municipal")
    secretaria = services.area_create(actor=None, institution=institution_a, name="Secretaría General", parent=head)
    comms = services.area_create(actor=None, institution=institution_a, name="Comunicación Social", parent=secretaria)
    return {"head": head, "secretaria": secretaria, "comms": comms}


def test_area_level_is_derived_from_the_parent_chain(tree: dict[str, Area]) -> None:
    assert [tree[k].level for k in ("head", "secretaria", "comms")] == [0, 1, 2]


def test_moving_an_area_recomputes_the_level_of_its_subtree(tree: dict[str, Area]) -> None:
    services.area_move(actor=None, area=tree["secretaria"], parent=tree["head"])  # no-op move keeps levels
    oficialia = services.area_create(
        actor=None, institution=tree["head"].institution, name="Oficialía Mayor", parent=tree["comms"]
    )
    assert oficialia.level == 3
    services.area_move(actor=None, area=tree["comms"], parent=tree["head"], reason="reestructura")
    levels = dict(Area.objects.values_list("name", "level"))
    assert levels["Comunicación Social"] == 1 and levels["Oficialía Mayor"] == 2


def test_an_area_cannot_become_its_own_ancestor(tree: dict[str, Area]) -> None:
    events_before = Event.objects.count()
    with pytest.raises(ApplicationError, match="bajo sí misma"):
        services.area_move(actor=None, area=tree["head"], parent=tree["comms"])  # under its grandchild
    with pytest.raises(ApplicationError, match="bajo sí misma"):
        services.area_move(actor=None, area=tree["secretaria"], parent=tree["secretaria"])
    assert Area.objects.get(pk=tree["head"].pk).parent is None
    assert Area.objects.get(pk=tree["secretaria"].pk).parent_id == tree["head"].pk
    assert Event.objects.count() == events_before


def test_an_area_cannot_have_a_parent_from_another_institution(
    tree: dict[str, Area], institution_b: Institution
) -> None:
    foreign = AreaFactory(institution=institution_b)
    with pytest.raises(ApplicationError, match="misma institución"):
        services.area_create(actor=None, institution=tree["head"].institution, name="Nueva", parent=foreign)
    with pytest.raises(ApplicationError, match="misma institución"):
        services.area_move(actor=None, area=tree["comms"], parent=foreign)
    assert Area.objects.get(pk=tree["comms"].pk).parent_id == tree["secretaria"].pk


def test_an_institution_has_one_head_area(tree: dict[str, Area]) -> None:
    with pytest.raises(ApplicationError, match="ya tiene un área titular"):
        services.area_create(actor=None, institution=tree["head"].institution, name="Otra cabeza")


# ---------------------------------------------------------------- officials, memberships, calendar


def test_ending_employment_twice_is_refused(institution_a: Institution) -> None:
    official = OfficialFactory(institution=institution_a)
    ended = services.official_end_employment(actor=None, official=official, ended_on=dt.date(2026, 5, 15))
    assert (ended.employment_status, ended.employment_ended_on) == (EmploymentStatus.ENDED, dt.date(2026, 5, 15))
    with pytest.raises(ApplicationError, match="ya causó baja"):
        services.official_end_employment(actor=None, official=official, ended_on=dt.date(2026, 5, 16))


def test_official_area_must_be_of_the_same_institution(institution_a: Institution, institution_b: Institution) -> None:
    with pytest.raises(ApplicationError, match="misma institución"):
        services.official_create(
            actor=None,
            institution=institution_a,
            area=AreaFactory(institution=institution_b),
            full_name="Rosa Díaz",
            email="rosa@rosarito.gob.mx",
            position_title="Directora",
            rank=Rank.SUPERIOR,
        )


def test_only_area_scoped_roles_take_an_area(institution_a: Institution) -> None:
    user = UserFactory()
    with pytest.raises(ApplicationError, match="se limitan a un área"):
        services.membership_grant(
            actor=None, user=user, institution=institution_a, role=Role.COMMS, area=AreaFactory(institution=institution_a)
        )
    services.membership_grant(actor=None, user=user, institution=institution_a, role=Role.COMMS)
    with pytest.raises(ApplicationError, match="ya tiene ese rol"):
        services.membership_grant(actor=None, user=user, institution=institution_a, role=Role.COMMS)
    assert Membership.objects.filter(user=user).count() == 1


def test_electoral_periods_cannot_be_inverted_or_overlap(institution_a: Institution) -> None:
    with pytest.raises(ApplicationError, match="terminar antes de empezar"):
        services.electoral_period_declare(
            actor=None, institution=institution_a, name="Al revés", starts_on=dt.date(2027, 6, 1),
            ends_on=dt.date(2026, 9, 1),
        )
    services.electoral_period_declare(
        actor=None, institution=institution_a, name="Proceso local 2026-2027", starts_on=dt.date(2026, 9, 1),
        ends_on=dt.date(2027, 6, 30),
    )
    with pytest.raises(ApplicationError, match="traslapa"):
        services.electoral_period_declare(
            actor=None, institution=institution_a, name="Extraordinario", starts_on=dt.date(2027, 6, 1),
            ends_on=dt.date(2027, 8, 1),
        )
    assert ElectoralPeriod.objects.count() == 1


def test_calendar_for_uses_declared_days_and_policy_office_hours(institution_a: Institution) -> None:
    services.nonworking_day_declare(
        actor=None, institution=institution_a, date=dt.date(2026, 3, 4), reason="Aniversario", source="acuerdo anual 2026"
    )
    calendar = calendar_for(institution_a)
    assert not calendar.is_business_day(dt.date(2026, 3, 4))
    assert calendar.is_business_day(dt.date(2026, 3, 5))
    assert (calendar.timezone, calendar.office_start, calendar.office_end) == (
        "America/Tijuana", dt.time(8, 0), dt.time(15, 0)
    )


# ---------------------------------------------------------------- one ledger event per service

SERVICE_CALLS: list[tuple[str, Callable[[Institution, Any], Any]]] = [
    ("institution.created", lambda inst, actor: create_rosarito(slug="tecate", actor=actor)),
    (
        "policy_revision.created",
        lambda inst, actor: services.policy_revision_create(
            actor=actor, institution=inst, preset="rosarito", effective_on=dt.date(2026, 1, 1), reason="alta"
        ),
    ),
    ("area.created", lambda inst, actor: services.area_create(actor=actor, institution=inst, name="Presidencia")),
    (
        "area.moved",
        lambda inst, actor: services.area_move(
            actor=actor, area=AreaFactory(institution=inst), parent=AreaFactory(institution=inst)
        ),
    ),
    (
        "official.created",
        lambda inst, actor: services.official_create(
            actor=actor, institution=inst, area=AreaFactory(institution=inst), full_name="Rosa Díaz",
            email="rosa@rosarito.gob.mx", position_title="Directora", rank=Rank.SUPERIOR,
        ),
    ),
    (
        "official.employment_ended",
        lambda inst, actor: services.official_end_employment(
            actor=actor, official=OfficialFactory(institution=inst), ended_on=dt.date(2026, 5, 15)
        ),
    ),
    (
        "membership.granted",
        lambda inst, actor: services.membership_grant(actor=actor, user=UserFactory(), institution=inst, role=Role.IT),
    ),
    (
        "membership.revoked",
        lambda inst, actor: services.membership_revoke(
            actor=actor, membership=Membership.objects.create(user=UserFactory(), institution=inst, role=Role.IT)
        ),
    ),
    (
        "nonworking_day.declared",
        lambda inst, actor: services.nonworking_day_declare(
            actor=actor, institution=inst, date=dt.date(2026, 11, 2), reason="Día de Muertos"
        ),
    ),
    (
        "electoral_period.declared",
        lambda inst, actor: services.electoral_period_declare(
            actor=actor, institution=inst, name="Proceso 2027", starts_on=dt.date(2026, 9, 1),
            ends_on=dt.date(2027, 6, 30),
        ),
    ),
]


@pytest.mark.parametrize(("action", "call"), SERVICE_CALLS, ids=[a for a, _ in SERVICE_CALLS])
def test_each_service_writes_exactly_one_ledger_event(
    action: str, call: Callable[[Institution, Any], Any], institution_a: Institution, comms_a: Any
) -> None:
    before = set(Event.objects.values_list("pk", flat=True))
    call(institution_a, comms_a)
    new = Event.objects.exclude(pk__in=before)
    assert [(e.action, e.actor_id) for e in new] == [(action, comms_a.pk)]
    event = new.get()
    assert event.policy_version  # every event says which policy was in force
    assert verify_chain(event.chain).ok
