"""Writes of the institutions app. Each service runs in one transaction, calls full_clean() and records exactly
one ledger event in that transaction, so the change and its trace commit (or roll back) together.

Services do not check roles: the caller (a view through `access.institution_view`, a command, the demo loader)
does. `actor` is the user who acts, or None for the system (CLI, migrations, imports).
Refusals raise ApplicationError (Spanish message, stable code); nothing is changed when they do.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils.translation import gettext as _

from pregon.core.errors import ApplicationError
from pregon.ledger.services import event_record
from pregon.policy import PolicyError, load_preset, resolve

from .choices import EmploymentStatus
from .models import (
    Area,
    ElectoralPeriod,
    Institution,
    Membership,
    NonWorkingDay,
    Official,
    PolicyRevision,
)
from .policies import local_today, policy_for
from .signals import official_departed


class InvalidInput(ApplicationError):
    """full_clean() or a service rule refused the input. `extra["fields"]` maps field names to messages."""

    code = "INVALID_INPUT"


def _full_clean(obj: models.Model, **kwargs: Any) -> None:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        fields = exc.message_dict
        text = " ".join(
            " ".join(messages) if name == NON_FIELD_ERRORS else f"{name}: {' '.join(messages)}"
            for name, messages in fields.items()
        )
        raise InvalidInput(text, extra={"fields": fields}) from None


def _refuse(message: str, field: str | None = None, code: str | None = None) -> ApplicationError:
    return InvalidInput(message, code=code, extra={"fields": {field or NON_FIELD_ERRORS: [message]}})


def _policy_version(institution: Institution) -> str:
    return policy_for(institution).version


def _resolve_or_refuse(preset: str, overrides: dict[str, Any]) -> Any:
    try:
        return resolve(preset, overrides)
    except PolicyError as exc:
        raise ApplicationError(str(exc), code="POLICY_INVALID", extra={"errors": exc.errors}) from None


# ---------------------------------------------------------------- institutions and policy revisions


def institution_create(
    *,
    actor: Any,
    slug: str,
    name: str,
    short_name: str,
    country: str,
    timezone: str,
    policy_preset: str,
    subdivision: str = "",
    is_active: bool = True,
    effective_on: dt.date | None = None,
    reason: str = "",
) -> Institution:
    """Creates an institution and its first policy revision (the preset, no overrides, version 1).

    The preset must load and be of the institution's country. Records `institution.created`.
    """
    try:
        preset_policy = load_preset(policy_preset)
    except PolicyError as exc:
        raise ApplicationError(str(exc), code="POLICY_INVALID", extra={"fields": {"policy_preset": [str(exc)]}}) from None
    if preset_policy.meta.country != country:
        raise _refuse(
            _("La norma base «%(preset)s» es de %(preset_country)s; la institución es de %(country)s.")
            % {"preset": policy_preset, "preset_country": preset_policy.meta.country, "country": country},
            "policy_preset",
        )
    with transaction.atomic():
        institution = Institution(
            slug=slug,
            name=name,
            short_name=short_name,
            country=country,
            subdivision=subdivision,
            timezone=timezone,
            policy_preset=policy_preset,
            is_active=is_active,
        )
        _full_clean(institution)
        institution.save()
        revision = PolicyRevision(
            institution=institution,
            version=1,
            preset=policy_preset,
            overrides={},
            effective_on=effective_on or local_today(institution),
            content_hash=preset_policy.content_hash,
            policy_version=preset_policy.version,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            reason=reason,
        )
        _full_clean(revision)
        revision.save()
        event_record(
            action="institution.created",
            actor=actor,
            institution=institution,
            target=institution,
            reason=reason,
            policy_version=preset_policy.version,
            changes={
                "slug": [None, slug],
                "name": [None, name],
                "country": [None, country],
                "subdivision": [None, subdivision],
                "timezone": [None, timezone],
                "policy_preset": [None, policy_preset],
                "policy_effective_on": [None, revision.effective_on],
            },
        )
    return institution


def policy_revision_create(
    *,
    actor: Any,
    institution: Institution,
    preset: str,
    overrides: dict[str, Any] | None = None,
    effective_on: dt.date,
    reason: str = "",
) -> PolicyRevision:
    """Adds a policy revision (next version number) effective from `effective_on`.

    The preset and overrides are validated by the policy core first; a refusal raises ApplicationError with the
    core's message (naming the field) and saves nothing. Records `policy_revision.created`.
    """
    # Stored as JSON, so validate exactly what will be stored (TOML times and dates become ISO strings).
    overrides = json.loads(json.dumps(overrides or {}, cls=DjangoJSONEncoder))
    policy = _resolve_or_refuse(preset, overrides)
    if policy.meta.country != institution.country:
        raise _refuse(
            _("La norma base «%(preset)s» no es del país de la institución.") % {"preset": preset}, "preset"
        )
    with transaction.atomic():
        locked = Institution.objects.select_for_update().get(pk=institution.pk)
        previous = locked.policy_revisions.order_by("-version").first()
        last = previous.version if previous is not None else 0
        revision = PolicyRevision(
            institution=locked,
            version=last + 1,
            preset=preset,
            overrides=overrides,
            effective_on=effective_on,
            content_hash=policy.content_hash,
            policy_version=policy.version,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            reason=reason,
        )
        _full_clean(revision)
        revision.save()
        latest = locked.policy_revisions.order_by("-effective_on", "-version").first()
        if latest is not None and latest.pk == revision.pk and locked.policy_preset != preset:
            locked.policy_preset = preset
            locked.save(update_fields=["policy_preset", "updated_at"])
            institution.policy_preset = preset
        event_record(
            action="policy_revision.created",
            actor=actor,
            institution=locked,
            target=revision,
            reason=reason,
            policy_version=policy.version,
            changes={  # before = the previous revision; overrides as canonical JSON text (one flat value)
                "version": [previous.version if previous else None, revision.version],
                "preset": [previous.preset if previous else None, preset],
                "overrides": [_overrides_text(previous.overrides) if previous else None, _overrides_text(overrides)],
                "effective_on": [previous.effective_on if previous else None, effective_on],
                "content_hash": [previous.content_hash if previous else None, policy.content_hash],
            },
        )
    return revision


def _overrides_text(overrides: dict[str, Any]) -> str:
    """A revision's overrides as one canonical JSON string, the flat value the ledger's `changes` keep."""
    return json.dumps(overrides, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)


# ---------------------------------------------------------------- areas


def _check_parent(area: Area | None, institution: Institution, parent: Area | None) -> None:
    """Refuses a parent from another institution, and a parent that is the area itself or one of its descendants."""
    if parent is None:
        return
    if parent.institution_id != institution.pk:
        raise _refuse(_("El área superior debe pertenecer a la misma institución."), "parent")
    if area is None or area.pk is None:
        return
    node: Area | None = parent
    seen: set[int] = set()
    while node is not None:
        if node.pk == area.pk:
            raise _refuse(
                _("Un área no puede quedar bajo sí misma ni bajo una de sus áreas dependientes."), "parent"
            )
        if node.pk in seen:  # a cycle already in the data; never loop forever
            raise _refuse(_("La jerarquía de áreas tiene un ciclo."), "parent")
        seen.add(node.pk)
        node = Area.objects.filter(pk=node.parent_id).first() if node.parent_id else None


def _check_head(institution: Institution, head: Official | None) -> None:
    if head is not None and head.institution_id != institution.pk:
        raise _refuse(_("El titular debe ser servidor público de la misma institución."), "head")


def area_create(
    *, actor: Any, institution: Institution, name: str, parent: Area | None = None, head: Official | None = None
) -> Area:
    """Creates an area under `parent` (None = the institution's head area; there is only one). `level` is the
    parent's level + 1. Records `area.created`."""
    _check_parent(None, institution, parent)
    _check_head(institution, head)
    with transaction.atomic():
        area = Area(
            institution=institution,
            name=name,
            parent=parent,
            head=head,
            level=parent.level + 1 if parent is not None else 0,
        )
        _full_clean(area)
        area.save()
        event_record(
            action="area.created",
            actor=actor,
            institution=institution,
            target=area,
            policy_version=_policy_version(institution),
            changes={"name": [None, name], "parent": [None, str(parent) if parent else None],
                     "level": [None, area.level]},
        )
    return area


def area_move(*, actor: Any, area: Area, parent: Area | None, reason: str = "") -> Area:
    """Moves an area (with its whole subtree) under another area of the same institution, recomputing the level
    of the area and of every descendant. Refuses cycles and foreign parents. Records `area.moved`."""
    with transaction.atomic():
        area = Area.objects.select_for_update(of=("self",)).select_related("institution", "parent").get(pk=area.pk)
        institution = area.institution
        if parent is not None:
            parent = Area.objects.get(pk=parent.pk)
        _check_parent(area, institution, parent)
        old_parent, old_level = area.parent, area.level
        area.parent = parent
        area.level = parent.level + 1 if parent is not None else 0
        _full_clean(area)
        area.save(update_fields=["parent", "level", "updated_at"])
        _relevel_descendants(area)
        event_record(
            action="area.moved",
            actor=actor,
            institution=institution,
            target=area,
            reason=reason,
            policy_version=_policy_version(institution),
            changes={
                "parent": [str(old_parent) if old_parent else None, str(parent) if parent else None],
                "level": [old_level, area.level],
            },
        )
    return area


def _relevel_descendants(root: Area) -> None:
    frontier = [root]
    while frontier:
        children = list(Area.objects.filter(parent__in=frontier))
        levels = {a.pk: a.level for a in frontier}
        for child in children:
            child.level = levels[child.parent_id] + 1
        Area.objects.bulk_update(children, ["level"])
        frontier = children


# ---------------------------------------------------------------- officials


def official_create(
    *,
    actor: Any,
    institution: Institution,
    area: Area,
    full_name: str,
    email: str,
    position_title: str,
    rank: str,
    user: Any = None,
) -> Official:
    """Registers a public servant of the institution in one of its areas. Records `official.created`."""
    if area.institution_id != institution.pk:
        raise _refuse(_("El área debe pertenecer a la misma institución."), "area")
    with transaction.atomic():
        official = Official(
            institution=institution,
            area=area,
            full_name=full_name,
            email=email,
            position_title=position_title,
            rank=rank,
            user=user,
        )
        _full_clean(official)
        official.save()
        event_record(
            action="official.created",
            actor=actor,
            institution=institution,
            target=official,
            policy_version=_policy_version(institution),
            changes={"full_name": [None, full_name], "email": [None, email],
                     "position_title": [None, position_title], "rank": [None, rank], "area": [None, str(area)]},
        )
    return official


def official_end_employment(*, actor: Any, official: Official, ended_on: dt.date, reason: str = "") -> Official:
    """Records that a public servant left (baja). Records `official.employment_ended`.

    The norms require the accounts this person administered to change hands: `signals.official_departed` is sent
    inside this transaction, and the procedures app's receiver starts the administrator changes and credential
    rotations. What the receivers started comes back as `official.departure_consequences` (Spanish sentences).
    """
    with transaction.atomic():
        official = Official.objects.select_for_update(of=("self",)).select_related("institution").get(pk=official.pk)
        if official.employment_status == EmploymentStatus.ENDED:
            raise ApplicationError(_("Esta persona ya causó baja."), code="ALREADY_ENDED")
        official.employment_status = EmploymentStatus.ENDED
        official.employment_ended_on = ended_on
        _full_clean(official)
        official.save(update_fields=["employment_status", "employment_ended_on", "updated_at"])
        event_record(
            action="official.employment_ended",
            actor=actor,
            institution=official.institution,
            target=official,
            reason=reason,
            policy_version=_policy_version(official.institution),
            changes={"employment_status": [EmploymentStatus.ACTIVE, EmploymentStatus.ENDED],
                     "ended_on": [None, ended_on]},
        )
        # The procedures app starts the administrator changes and credential rotations (signals.py).
        responses = official_departed.send(sender=Official, official=official, ended_on=ended_on, actor=actor)
    official.departure_consequences = [str(answer) for _receiver, answer in responses if answer]
    return official


# ---------------------------------------------------------------- memberships (roles)


def membership_grant(
    *, actor: Any, user: Any, institution: Institution, role: str, area: Area | None = None, reason: str = ""
) -> Membership:
    """Gives a user a role in an institution (optionally limited to one area for area_head / account_admin).
    Records `membership.granted`."""
    if area is not None and area.institution_id != institution.pk:
        raise _refuse(_("El área debe pertenecer a la misma institución."), "area")
    with transaction.atomic():
        membership = Membership(
            user=user,
            institution=institution,
            role=role,
            area=area,
            granted_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        _full_clean(membership)
        membership.save()
        event_record(
            action="membership.granted",
            actor=actor,
            institution=institution,
            target=membership,
            reason=reason,
            policy_version=_policy_version(institution),
            changes={"user": [None, user.get_username()], "role": [None, role],
                     "area": [None, str(area) if area else None]},
        )
    return membership


def membership_revoke(*, actor: Any, membership: Membership, reason: str = "") -> None:
    """Removes a user's role. The event keeps who had which role. Records `membership.revoked`."""
    with transaction.atomic():
        membership = Membership.objects.select_related("institution", "user", "area").get(pk=membership.pk)
        event_record(
            action="membership.revoked",
            actor=actor,
            institution=membership.institution,
            target=membership,
            reason=reason,
            policy_version=_policy_version(membership.institution),
            changes={
                "user": [membership.user.get_username(), None],
                "role": [membership.role, None],
                "area": [str(membership.area) if membership.area else None, None],
            },
        )
        membership.delete()


# ---------------------------------------------------------------- calendar data


def nonworking_day_declare(
    *, actor: Any, institution: Institution, date: dt.date, reason: str, source: str = ""
) -> NonWorkingDay:
    """Declares a day non-working for the institution (from its annual agreement). Deadlines computed afterwards
    skip it. Records `nonworking_day.declared`."""
    with transaction.atomic():
        day = NonWorkingDay(institution=institution, date=date, reason=reason, source=source)
        _full_clean(day)
        day.save()
        event_record(
            action="nonworking_day.declared",
            actor=actor,
            institution=institution,
            target=day,
            reason=reason,
            policy_version=_policy_version(institution),
            changes={"date": [None, date], "reason": [None, reason], "source": [None, source]},
        )
    return day


def electoral_period_declare(
    *, actor: Any, institution: Institution, name: str, starts_on: dt.date, ends_on: dt.date
) -> ElectoralPeriod:
    """Declares an electoral process (inclusive dates). Refuses inverted dates and overlap with another period
    of the institution. Records `electoral_period.declared`."""
    with transaction.atomic():
        period = ElectoralPeriod(institution=institution, name=name, starts_on=starts_on, ends_on=ends_on)
        _full_clean(period)
        overlapping = ElectoralPeriod.objects.filter(
            institution=institution, starts_on__lte=ends_on, ends_on__gte=starts_on
        ).first()
        if overlapping is not None:
            raise _refuse(
                _("Se traslapa con el proceso electoral «%(name)s».") % {"name": overlapping.name}, "starts_on"
            )
        period.save()
        event_record(
            action="electoral_period.declared",
            actor=actor,
            institution=institution,
            target=period,
            policy_version=_policy_version(institution),
            changes={"name": [None, name], "starts_on": [None, starts_on], "ends_on": [None, ends_on]},
        )
    return period
