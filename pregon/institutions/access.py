"""Who may see and do what in an institution — the one place that answers it (STYLE §2.7).

Rules:
- A user sees an institution only if they hold at least one role there (superusers see every institution).
  An institution the user cannot see does not exist for them: 404, never 403, so existence does not leak.
- Inside a visible institution, an action needs one of the listed roles, else 403.
- `auditor` reads everything of its institution and changes nothing: it passes every read check and no write check.
- Superusers hold every role except that they are not auditors-by-default: they may read and write everywhere.

- An official whose employment has ended loses every role in that institution on the departure date (the
  date of the baja, in the institution's time zone): their memberships stop counting from that day, unless
  another employment of theirs there is still in force. Nothing is deleted, so the history keeps who held what.

Views use `@institution_view(roles=..., write=...)`; services and other code use `require_role()` / `can_write()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pregon.core.errors import NotFound, PermissionDenied

from .choices import READ_ONLY_ROLES, EmploymentStatus, Role
from .models import Institution, Membership, Official

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])


class InstitutionNotFound(NotFound, Http404):
    """The institution does not exist or the user holds no role in it (the two are indistinguishable)."""

    code = "INSTITUTION_NOT_FOUND"


class RoleRequired(PermissionDenied, DjangoPermissionDenied):
    """The institution is visible to the user, but the user lacks the role (or only reads). Django answers 403."""

    code = "ROLE_REQUIRED"


def _is_anonymous(user: Any) -> bool:
    return user is None or not getattr(user, "is_authenticated", False)


def _is_superuser(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) and getattr(user, "is_active", False)


def _local_today(zone: str) -> dt.date:
    return timezone.localdate(timezone.now(), ZoneInfo(zone))


def departed_institution_ids(user: Any) -> set[int]:
    """Institutions where the user's employment has ended — the departure date has come, in that institution's
    time zone — and no other employment of theirs is in force: their roles there no longer count."""
    if _is_anonymous(user):
        return set()
    memo = _MEMO.get()
    if memo is not None and ("departed", user.pk) in memo:
        return memo[("departed", user.pk)]
    ended: set[int] = set()
    in_force: set[int] = set()
    rows = Official.objects.filter(user=user).values_list(
        "institution_id", "employment_status", "employment_ended_on", "institution__timezone"
    )
    for institution_id, status, ended_on, zone in rows:
        if status == EmploymentStatus.ENDED and ended_on is not None and ended_on <= _local_today(zone):
            ended.add(institution_id)
        else:
            in_force.add(institution_id)
    departed = ended - in_force
    if memo is not None:
        memo[("departed", user.pk)] = departed
    return departed


def memberships_in_force(user: Any) -> QuerySet[Membership]:
    """The user's memberships that count today: every one, except those in institutions the user has left
    (`departed_institution_ids`). None for anonymous or inactive users."""
    if _is_anonymous(user) or not user.is_active:
        return Membership.objects.none()
    qs = Membership.objects.filter(user=user)
    departed = departed_institution_ids(user)
    return qs.exclude(institution_id__in=departed) if departed else qs


def _has_left(officials: QuerySet[Official], institution: Institution) -> Q:
    """SQL condition: among `officials` (one person's records in `institution`) an employment has ended by today
    and none is still in force (see `departed_institution_ids`)."""
    today = _local_today(institution.timezone)
    left = officials.filter(employment_status=EmploymentStatus.ENDED, employment_ended_on__lte=today)
    still = officials.exclude(employment_status=EmploymentStatus.ENDED, employment_ended_on__lte=today)
    return Q(Exists(left)) & ~Q(Exists(still))


def _departed_here(user: Any, institution: Institution) -> Q:
    """SQL condition: the user has left `institution` (see `departed_institution_ids`), as one query."""
    return _has_left(Official.objects.filter(user=user, institution=institution), institution)


def memberships_in_force_in(institution: Institution, roles: Iterable[str] = ()) -> QuerySet[Membership]:
    """The memberships of `institution` (with one of `roles`, when given) that count today: those of people who
    have left it (see `departed_institution_ids`) are left out. For "who holds this role here" questions."""
    qs = Membership.objects.filter(institution=institution)
    roles = [str(r) for r in roles]
    if roles:
        qs = qs.filter(role__in=roles)
    return qs.exclude(_has_left(Official.objects.filter(institution=institution, user_id=OuterRef("user_id")), institution))


# Within `access_memo()`: the user's memberships in force and departures, loaded once (see there).
_MEMO: ContextVar[dict[Any, Any] | None] = ContextVar("pregon_access_memo", default=None)


@contextmanager
def access_memo() -> Iterator[None]:
    """Inside the block, `roles_of()` and `area_ids_of()` answer from one load of each user's memberships in force
    instead of one query per call: for reads that ask the same question of many rows ("Mis pendientes" running
    each procedure's guards). Never used around writes, so a role granted or ended mid-block cannot be missed."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _memo_memberships(user: Any) -> list[tuple[int, str, int | None]] | None:
    memo = _MEMO.get()
    if memo is None:
        return None
    key = ("memberships", user.pk)
    if key not in memo:
        memo[key] = list(memberships_in_force(user).values_list("institution_id", "role", "area_id"))
    return memo[key]


def institutions_visible_to(user: Any) -> QuerySet[Institution]:
    """Institutions in which the user holds any role in force (all of them for a superuser; none for anonymous)."""
    if _is_anonymous(user) or not user.is_active:
        return Institution.objects.none()
    if _is_superuser(user):
        return Institution.objects.all()
    return Institution.objects.filter(pk__in=memberships_in_force(user).values("institution_id"))


def roles_of(user: Any, institution: Institution) -> set[str]:
    """The role codes (`Role` values) the user holds in the institution, as of today: none once their employment
    there has ended (see the module docstring). A superuser holds every role but `auditor`, so superusers can both
    read and write."""
    if _is_anonymous(user) or not user.is_active:
        return set()
    if _is_superuser(user):
        return set(Role.values) - set(READ_ONLY_ROLES)
    memoised = _memo_memberships(user)
    if memoised is not None:
        return {role for institution_id, role, _area in memoised if institution_id == institution.pk}
    return set(
        Membership.objects.filter(user=user, institution=institution)
        .exclude(_departed_here(user, institution))
        .values_list("role", flat=True)
    )


def area_ids_of(user: Any, institution: Institution, role: str) -> set[int] | None:
    """For an area-scoped role: the ids of the areas the user's membership is limited to, or None when the
    membership covers the whole institution (or the user is a superuser). Empty set = the user lacks the role."""
    if _is_superuser(user):
        return None
    if _is_anonymous(user):
        return set()
    memoised = _memo_memberships(user)
    if memoised is not None:
        rows = [area_id for institution_id, held, area_id in memoised if institution_id == institution.pk and held == role]
    else:
        rows = list(
            Membership.objects.filter(user=user, institution=institution, role=role)
            .exclude(_departed_here(user, institution))
            .values_list("area_id", flat=True)
        )
    area_ids: set[int] = set()
    for area_id in rows:
        if area_id is None:
            return None
        area_ids.add(area_id)
    return area_ids


def institution_for_user_or_404(user: Any, slug: str) -> Institution:
    """The institution with that slug if the user may see it; InstitutionNotFound (an Http404) otherwise."""
    try:
        return institutions_visible_to(user).get(slug=slug)
    except Institution.DoesNotExist:
        raise InstitutionNotFound(str(_("No se encontró la institución."))) from None


def _allowed(held: set[str], roles: Iterable[str], write: bool) -> bool:
    wanted = set(roles)
    if write:
        writable = held - set(READ_ONLY_ROLES)
        return bool(writable & wanted) if wanted else bool(writable)
    if held & set(READ_ONLY_ROLES):
        return True  # the auditor reads everything of its institution
    return bool(held & wanted) if wanted else bool(held)


def require_role(user: Any, institution: Institution, *roles: str, write: bool = False) -> set[str]:
    """Checks that the user may act in the institution with one of `roles` (any role when none are given) and
    returns the roles the user holds there.

    Raises InstitutionNotFound (404) when the user holds no role in the institution and RoleRequired (403) when
    the user holds roles but not a suitable one — including an auditor asked to write (`write=True`).
    """
    held = roles_of(user, institution)
    if not held:
        raise InstitutionNotFound(str(_("No se encontró la institución.")))
    if not _allowed(held, roles, write):
        if write and held <= set(READ_ONLY_ROLES):
            message = _("Su rol en esta institución es de consulta: no puede hacer cambios.")
        else:
            message = _("Su rol en esta institución no le permite esta acción.")
        raise RoleRequired(str(message), extra={"roles": sorted(roles)})
    return held


def can_read(user: Any, institution: Institution, *roles: str) -> bool:
    held = roles_of(user, institution)
    return bool(held) and _allowed(held, roles, write=False)


def can_write(user: Any, institution: Institution, role: str | None = None) -> bool:
    """Whether the user may change things in the institution acting as `role` (any writable role when None).
    Always False for an auditor-only user; for templates deciding whether to show a button."""
    held = roles_of(user, institution)
    return _allowed(held, [role] if role else [], write=True)


def institution_view(roles: Iterable[str] = (), write: bool = False) -> Callable[[ViewFunc], ViewFunc]:
    """View decorator: resolves the `institution` URL kwarg (a slug) to a visible Institution, checks the roles,
    and calls the view with `institution=<Institution>`. Also sets `request.institution` and
    `request.institution_roles` (the roles the user holds there) for templates.

        @institution_view(roles=[Role.COMMS], write=True)
        def area_create(request, institution): ...
    """
    wanted = tuple(str(role) for role in roles)
    unknown = set(wanted) - set(Role.values)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, institution: str, **kwargs: Any) -> HttpResponse:
            found = institution_for_user_or_404(request.user, institution)
            held = require_role(request.user, found, *wanted, write=write)
            request.institution = found  # type: ignore[attr-defined]
            request.institution_roles = held  # type: ignore[attr-defined]
            return view(request, *args, institution=found, **kwargs)

        wrapped.institution_roles = wanted  # type: ignore[attr-defined]
        wrapped.institution_write = write  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator
