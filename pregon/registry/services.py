"""Writes of the registry. Each service runs in one transaction, calls full_clean() and records exactly one ledger
event (target: the account), so the change and its trace commit or roll back together.

The institution's policy (`policy_for(institution)`) decides the invariants; every refusal names the clause it
comes from, e.g. "… (pasto:3.11)". Services do not check roles: views and API endpoints do (see `permissions.py`
of this app), the CLI and the demo loader act as the system (`actor=None`).

"Communications user" (pasto:3.11): an Official whose user holds the `comms` Membership in the account's
institution. Roles are the project's one source of who belongs to Communications; areas carry no such flag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from pregon.core.errors import ApplicationError, InvalidTransition
from pregon.institutions.choices import Role
from pregon.institutions.models import Area, Institution, Membership, Official
from pregon.institutions.policies import local_today, policy_for
from pregon.ledger.services import event_record
from pregon.policy import RANK_ORDER, Policy

from . import signals
from .canonical import CanonicalError, Identified, identify
from .choices import AccountStatus, AdminRole, ErrorCode, Kind, Tier, Verification
from .models import AccessGrant, Administrator, Platform, SocialAccount

POLICY_FALLBACK = "política de la institución"


class RegistryError(ApplicationError):
    """A refused registry action. `extra["clauses"]` lists the policy clauses behind the refusal."""

    code = ErrorCode.INVALID_INPUT


@dataclass(frozen=True)
class Violation:
    """One broken policy rule: a stable code, a Spanish message that ends citing its clauses, the clauses."""

    code: str
    message: str
    clauses: tuple[str, ...] = ()
    field: str = ""
    subject: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "clauses": list(self.clauses), "field": self.field}


@dataclass
class Finding:
    """An access-review finding on one account."""

    account: SocialAccount
    code: str
    message: str
    clauses: tuple[str, ...] = ()
    person: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def cite(clauses: Sequence[str]) -> str:
    return f" ({', '.join(clauses) if clauses else POLICY_FALLBACK})"


def _refuse(code: str, message: str, clauses: Sequence[str] = (), field_name: str | None = None) -> RegistryError:
    return RegistryError(
        message + cite(clauses) if clauses is not None else message,
        code=code,
        extra={"clauses": list(clauses), "fields": {field_name or NON_FIELD_ERRORS: [message + cite(clauses)]}},
    )


def _invalid(message: str, field_name: str | None = None, code: str = ErrorCode.INVALID_INPUT) -> RegistryError:
    return RegistryError(message, code=code, extra={"fields": {field_name or NON_FIELD_ERRORS: [message]}})


def _full_clean(obj: models.Model, **kwargs: Any) -> None:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        fields = exc.message_dict
        text = " ".join(
            " ".join(messages) if name == NON_FIELD_ERRORS else f"{name}: {' '.join(messages)}"
            for name, messages in fields.items()
        )
        code = ErrorCode.DUPLICATE_ACCOUNT if "registry_socialaccount" in repr(exc) or "Ya hay una cuenta" in text else ErrorCode.INVALID_INPUT
        raise RegistryError(text, code=code, extra={"fields": fields}) from None


def _today(institution: Institution) -> dt.date:
    return local_today(institution)


# ---------------------------------------------------------------- identification and policy checks


def platforms_active() -> list[Platform]:
    return list(Platform.objects.filter(is_active=True).order_by("sort_order", "name"))


def account_identify(raw: str, platform: Platform | None = None, platforms: Sequence[Platform] | None = None) -> tuple[Platform, str, str]:
    """(Platform row, canonical handle, canonical URL) for a pasted URL or handle; RegistryError INVALID_URL if not."""
    rows = list(platforms) if platforms is not None else platforms_active()
    by_slug = {p.slug: p for p in rows}
    try:
        found: Identified = identify(raw, [p.rules for p in rows], platform.rules if platform else None)
    except CanonicalError as exc:
        raise _invalid(exc.message, "url", ErrorCode.INVALID_URL) from None
    return by_slug.get(found.platform.slug) or platform, found.handle, found.url  # type: ignore[return-value]


def _email_domain_ok(email: str, domains: Iterable[str]) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return any(domain == d or domain.endswith("." + d) for d in domains)


def account_policy_violations(
    *,
    institution: Institution,
    platform: Platform,
    handle: str,
    tier: str,
    kind: str,
    email: str,
    status: str = AccountStatus.ACTIVE,
    policy: Policy | None = None,
) -> list[Violation]:
    """What the policy says is wrong with an account's platform, tier, handle and e-mail (empty list = fine)."""
    policy = policy or policy_for(institution)
    identity = policy.identity
    found: list[Violation] = []
    email = (email or "").strip()

    if kind == Kind.OFFICIAL:
        if identity.email_domains:
            if email and not _email_domain_ok(email, identity.email_domains):
                clauses = identity.clauses_for("email_domains") + identity.clauses_for("personal_email_forbidden")
                found.append(Violation(
                    "email_domain",
                    _("El correo «%(email)s» no es institucional: debe ser de %(domains)s")
                    % {"email": email, "domains": ", ".join(f"@{d}" for d in identity.email_domains)}
                    + cite(tuple(dict.fromkeys(clauses))),
                    tuple(dict.fromkeys(clauses)),
                    "email",
                ))
            elif not email and status != AccountStatus.PENDING_REGULARISATION:
                clauses = identity.clauses_for("email_domains")
                found.append(Violation(
                    "email_missing",
                    _("Indique el correo institucional con el que se registró la cuenta") + cite(clauses),
                    clauses,
                    "email",
                ))
        suffix = identity.platform_email_suffix.get(platform.slug)
        if suffix and email and not email.lower().endswith(suffix.lower()):
            clauses = identity.clauses_for("platform_email_suffix")
            found.append(Violation(
                "email_suffix",
                _("En %(platform)s el correo debe terminar en «%(suffix)s»")
                % {"platform": platform.name, "suffix": suffix}
                + cite(clauses),
                clauses,
                "email",
            ))
        for rule in identity.handle_rules:
            if rule.platform != platform.slug:
                continue
            clauses = identity.clauses_for("handle_rules")
            if rule.must_contain and rule.must_contain.lower() not in handle.lower():
                found.append(Violation(
                    "handle_rule",
                    _("En %(platform)s el usuario debe contener «%(text)s»")
                    % {"platform": platform.name, "text": rule.must_contain}
                    + cite(clauses),
                    clauses,
                    "url",
                ))
            if rule.must_end_with and not handle.lower().endswith(rule.must_end_with.lower()):
                found.append(Violation(
                    "handle_rule",
                    _("En %(platform)s el usuario debe terminar en «%(text)s»")
                    % {"platform": platform.name, "text": rule.must_end_with}
                    + cite(clauses),
                    clauses,
                    "url",
                ))
        allowed = policy.platforms.allowed_main if tier == Tier.MAIN else policy.platforms.allowed_alternate
        if allowed and platform.slug not in allowed:
            clauses = policy.platforms.clauses_for("allowed_main" if tier == Tier.MAIN else "allowed_alternate")
            names = ", ".join(allowed)
            found.append(Violation(
                "platform_not_allowed",
                (
                    _("No se permiten cuentas principales en %(platform)s; sólo en: %(allowed)s")
                    if tier == Tier.MAIN
                    else _("No se permiten cuentas alternas en %(platform)s; sólo en: %(allowed)s")
                )
                % {"platform": platform.name, "allowed": names}
                + cite(clauses),
                clauses,
                "platform",
            ))
    elif kind == Kind.PERSONAL_SERVANT and not policy.personal_accounts.registration_allowed:
        clauses = policy.personal_accounts.clauses_for("registration_allowed")
        found.append(Violation(
            "personal_not_allowed",
            _("La política de la institución no prevé registrar cuentas personales de servidores públicos") + cite(clauses),
            clauses,
            "kind",
        ))
    return found


def _raise_first(violations: list[Violation], code: str) -> None:
    if violations:
        v = violations[0]
        fields: dict[str, list[str]] = {}
        for item in violations:
            fields.setdefault(item.field or NON_FIELD_ERRORS, []).append(item.message)
        raise RegistryError(
            " ".join(item.message + "." for item in violations),
            code=code,
            extra={"clauses": sorted({c for item in violations for c in item.clauses}), "fields": fields,
                   "violations": [item.as_dict() for item in violations], "first": v.code},
        )


def _policy_code(violations: list[Violation]) -> str:
    first = violations[0].code if violations else ""
    if first.startswith("email"):
        return ErrorCode.POLICY_EMAIL
    if first.startswith("handle"):
        return ErrorCode.POLICY_HANDLE
    return ErrorCode.POLICY_PLATFORM


def _check_duplicates(platform: Platform, handle: str, platform_account_id: str, exclude_pk: int | None = None) -> None:
    others = SocialAccount.objects.filter(platform=platform).exclude(pk=exclude_pk)
    clash = others.filter(handle=handle).exclude(status=AccountStatus.CLOSED).select_related("institution").first()
    if clash is not None:
        raise _invalid(
            _("La cuenta %(handle)s de %(platform)s ya está registrada (%(institution)s).")
            % {"handle": handle, "platform": platform.name, "institution": clash.institution.short_name},
            "url",
            ErrorCode.DUPLICATE_ACCOUNT,
        )
    if platform_account_id and others.filter(platform_account_id=platform_account_id).exists():
        raise _invalid(
            _("Ya hay una cuenta de %(platform)s registrada con el id persistente %(id)s.")
            % {"platform": platform.name, "id": platform_account_id},
            "platform_account_id",
            ErrorCode.DUPLICATE_ACCOUNT,
        )


# ---------------------------------------------------------------- accounts


@transaction.atomic
def account_register(
    *,
    actor: Any,
    institution: Institution,
    area: Area,
    url: str,
    display_name: str,
    tier: str = Tier.MAIN,
    kind: str = Kind.OFFICIAL,
    email: str = "",
    platform: Platform | None = None,
    platform_account_id: str = "",
    status: str = AccountStatus.ACTIVE,
    verification: str = Verification.NOT_REQUESTED,
    attention_hours: str = "",
    holiday_notice: str = "",
    opened_on: dt.date | None = None,
    last_activity_on: dt.date | None = None,
    purpose: str = "",
    reason: str = "",
) -> SocialAccount:
    """Registers an account after canonicalising its URL and checking the policy (e-mail domain and platform
    suffix, handle rules, platforms allowed for the tier). Writes `account.registered`.

    A pre-existing account may be registered as `pending_regularisation` without its e-mail (transitional
    regularisation); a new account cannot be registered closed.
    """
    if area.institution_id != institution.pk:
        raise _invalid(_("El área no pertenece a la institución."), "area")
    if status == AccountStatus.CLOSED:
        raise _invalid(_("No se registra una cuenta ya cerrada: regístrela y después ciérrela."), "status")
    policy = policy_for(institution)
    platform, handle, canonical = account_identify(url, platform)
    violations = account_policy_violations(
        institution=institution, platform=platform, handle=handle, tier=tier, kind=kind, email=email,
        status=status, policy=policy,
    )
    _raise_first(violations, _policy_code(violations))
    platform_account_id = (platform_account_id or "").strip()
    _check_duplicates(platform, handle, platform_account_id)
    account = SocialAccount(
        institution=institution,
        area=area,
        platform=platform,
        handle=handle,
        url=canonical,
        platform_account_id=platform_account_id,
        display_name=display_name.strip(),
        tier=tier,
        kind=kind,
        status=status,
        email=(email or "").strip().lower(),
        verification=verification,
        attention_hours=attention_hours.strip(),
        holiday_notice=holiday_notice.strip(),
        opened_on=opened_on,
        last_activity_on=last_activity_on,
        purpose=purpose.strip(),
    )
    _full_clean(account)
    try:
        with transaction.atomic():
            account.save()
    except IntegrityError:
        raise _invalid(_("La cuenta ya está registrada."), "url", ErrorCode.DUPLICATE_ACCOUNT) from None
    event_record(
        action="account.registered",
        actor=actor,
        institution=institution,
        target=account,
        reason=reason,
        changes={
            "platform": [None, platform.slug], "handle": [None, handle], "url": [None, canonical], "tier": [None, tier],
            "kind": [None, kind], "status": [None, status], "area": [None, area.name], "email": [None, account.email],
        },
        policy_version=policy.version,
    )
    # Inside this transaction: the procedures app starts what the registration calls for (the regularisation of a
    # pre-existing account); a receiver that cannot raises, and nothing is registered.
    signals.account_registered.send(
        sender=SocialAccount, account=account, actor=actor, preexisting=status == AccountStatus.PENDING_REGULARISATION
    )
    return account


def preexisting_registration_refusal(institution: Institution, policy: Policy | None = None) -> str | None:
    """Why accounts cannot be registered directly in this institution's inventory (None: they can).

    Registering directly is only the path of an account that existed before the norm (rosarito:Transitorio 2,
    iee-sonora:Transitorio 2): a new account is opened through the opening request, with the signed proposal,
    the technical opinion and Communications' decision (rosarito:10.2–10.5, iee-sonora:7.II–III, pasto:3.10). A
    norm without a regime for pre-existing accounts leaves only the opening request."""
    policy = policy or policy_for(institution)
    if policy.transitional.preexisting_regularisation:
        return None
    clauses = tuple(dict.fromkeys(policy.opening.clauses_for("decided_by") + policy.opening.clauses_for("signed_by")))
    return _(
        "La norma de esta institución no prevé un régimen para cuentas preexistentes: una cuenta se incorpora al "
        "inventario mediante su solicitud de apertura"
    ) + cite(clauses) + "."


def account_register_preexisting(*, actor: Any, institution: Institution, reason: str = "", **fields: Any) -> SocialAccount:
    """Registers directly — from the registry's form, its API or an inventory import — an account that existed
    before the norm. It enters in the state the policy gives pre-existing accounts, `pending_regularisation`, and
    its regularisation starts in the same transaction (deadline `transitional.regularisation_deadline`; at expiry
    `transitional.outcome`), so it is official only once it meets the norm (rosarito:Transitorio 2,
    iee-sonora:Transitorio 2). Refused where the norm has no such regime (see preexisting_registration_refusal).
    Events: `account.registered` and `regularisation.started`."""
    policy = policy_for(institution)
    refusal = preexisting_registration_refusal(institution, policy)
    if refusal is not None:
        clauses = policy.opening.clauses_for("decided_by") + policy.opening.clauses_for("signed_by")
        raise RegistryError(refusal, code=ErrorCode.PREEXISTING_NOT_IN_NORM,
                            extra={"clauses": list(dict.fromkeys(clauses)), "fields": {NON_FIELD_ERRORS: [refusal]}})
    fields.pop("status", None)
    with transaction.atomic():
        return account_register(actor=actor, institution=institution, status=AccountStatus.PENDING_REGULARISATION,
                                reason=reason or _("Cuenta preexistente: registro directo"), **fields)


UPDATABLE_FIELDS = (
    "display_name", "area", "email", "tier", "platform_account_id", "verification", "attention_hours",
    "holiday_notice", "opened_on", "purpose",
)


def _value(v: Any) -> Any:
    if isinstance(v, models.Model):
        return str(v)
    return v


@transaction.atomic
def account_update(*, actor: Any, account: SocialAccount, reason: str = "", url: str | None = None, **values: Any) -> SocialAccount:
    """Changes the descriptive fields of an account (and, with `url`, its handle on the same platform).
    Re-checks the policy when the e-mail, tier or handle change. Writes `account.updated` with before/after."""
    unknown = set(values) - set(UPDATABLE_FIELDS)
    if unknown:
        raise _invalid(_("Campos que no se pueden cambiar aquí: %(f)s") % {"f": ", ".join(sorted(unknown))})
    account = SocialAccount.objects.select_for_update().select_related("platform", "institution").get(pk=account.pk)
    if account.is_closed:
        raise _invalid(_("La cuenta está cerrada: no se modifica."), code=ErrorCode.ACCOUNT_CLOSED)
    changes: dict[str, Any] = {}
    if url is not None:
        platform, handle, canonical = account_identify(url, account.platform)
        if (handle, canonical) != (account.handle, account.url):
            _check_duplicates(platform, handle, "", exclude_pk=account.pk)
            changes["handle"] = [account.handle, handle]
            changes["url"] = [account.url, canonical]
            account.handle, account.url = handle, canonical
    for name, new in values.items():
        if isinstance(new, str):
            new = new.strip()
        if name == "email" and new:
            new = new.lower()
        old = getattr(account, name)
        if old != new:
            changes[name] = [_value(old), _value(new)]
            setattr(account, name, new)
    if "area" in values and account.area.institution_id != account.institution_id:
        raise _invalid(_("El área no pertenece a la institución."), "area")
    if not changes:
        return account
    policy = policy_for(account.institution)
    if {"email", "tier", "handle"} & set(changes):
        violations = account_policy_violations(
            institution=account.institution, platform=account.platform, handle=account.handle, tier=account.tier,
            kind=account.kind, email=account.email, status=account.status, policy=policy,
        )
        _raise_first(violations, _policy_code(violations))
    if "platform_account_id" in changes and account.platform_account_id:
        _check_duplicates(account.platform, account.handle, account.platform_account_id, exclude_pk=account.pk)
    _full_clean(account)
    account.save()
    event_record(
        action="account.updated", actor=actor, institution=account.institution, target=account, reason=reason,
        changes=changes, policy_version=policy.version,
    )
    return account


# Which statuses may follow which. Procedures (incidents, regularisation, closure) call account_set_status;
# a closed account may only be reopened as active (a mistaken closure), never silently reused.
STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    AccountStatus.PENDING_REGULARISATION: frozenset(
        {AccountStatus.ACTIVE, AccountStatus.RECLASSIFIED_PERSONAL, AccountStatus.CLOSED, AccountStatus.COMPROMISED}
    ),
    AccountStatus.ACTIVE: frozenset(
        {AccountStatus.AT_RISK, AccountStatus.COMPROMISED, AccountStatus.SUSPENDED, AccountStatus.CLOSED,
         AccountStatus.RECLASSIFIED_PERSONAL, AccountStatus.PENDING_REGULARISATION}
    ),
    AccountStatus.AT_RISK: frozenset(
        {AccountStatus.ACTIVE, AccountStatus.COMPROMISED, AccountStatus.SUSPENDED, AccountStatus.CLOSED}
    ),
    AccountStatus.COMPROMISED: frozenset({AccountStatus.ACTIVE, AccountStatus.AT_RISK, AccountStatus.CLOSED}),
    AccountStatus.SUSPENDED: frozenset({AccountStatus.ACTIVE, AccountStatus.CLOSED, AccountStatus.COMPROMISED}),
    AccountStatus.RECLASSIFIED_PERSONAL: frozenset({AccountStatus.CLOSED}),
    AccountStatus.CLOSED: frozenset({AccountStatus.ACTIVE}),
}


@transaction.atomic
def account_set_status(
    *, actor: Any, account: SocialAccount, status: str, reason: str = "", on: dt.date | None = None
) -> SocialAccount:
    """The one place an account's status changes. Closing sets `closed_on` and keeps the row (and its
    administrators, history and URL); reopening checks nobody else registered the handle meanwhile;
    reclassifying as personal sets kind `personal_servant`. Writes `account.closed` or `account.status_changed`.

    Raises InvalidTransition (409) for a change STATUS_TRANSITIONS does not allow.
    """
    if status not in AccountStatus.values:
        raise _invalid(_("Situación de cuenta no válida: %(s)s") % {"s": status}, "status")
    account = SocialAccount.objects.select_for_update().select_related("platform", "institution").get(pk=account.pk)
    before = account.status
    if status == before:
        raise InvalidTransition(_("La cuenta ya está en esa situación."), code="INVALID_TRANSITION")
    if status not in STATUS_TRANSITIONS[before]:
        raise InvalidTransition(
            _("No se puede pasar una cuenta de «%(a)s» a «%(b)s».")
            % {"a": AccountStatus(before).label, "b": AccountStatus(status).label},
            extra={"from": before, "to": status},
        )
    changes: dict[str, Any] = {"status": [before, status]}
    if status == AccountStatus.CLOSED:
        account.closed_on = on or _today(account.institution)
        changes["closed_on"] = [None, account.closed_on]
    elif before == AccountStatus.CLOSED:
        _check_duplicates(account.platform, account.handle, "", exclude_pk=account.pk)
        changes["closed_on"] = [account.closed_on, None]
        account.closed_on = None
    if status == AccountStatus.RECLASSIFIED_PERSONAL and account.kind != Kind.PERSONAL_SERVANT:
        changes["kind"] = [account.kind, Kind.PERSONAL_SERVANT]
        account.kind = Kind.PERSONAL_SERVANT
    account.status = status
    _full_clean(account)
    account.save()
    event_record(
        action="account.closed" if status == AccountStatus.CLOSED else "account.status_changed",
        actor=actor, institution=account.institution, target=account, reason=reason, changes=changes,
        policy_version=policy_for(account.institution).version,
    )
    return account


def account_close(*, actor: Any, account: SocialAccount, reason: str, on: dt.date | None = None) -> SocialAccount:
    """Closes an account: status `closed`, `closed_on` set, the row kept and still listed (as closed).
    Whether the content is deleted or preserved is the policy's `closure.content_action`, carried out by the
    closure procedure; the registry only records the result. Writes `account.closed`."""
    if not (reason or "").strip():
        raise _invalid(_("Indique el motivo del cierre."), "reason")
    return account_set_status(actor=actor, account=account, status=AccountStatus.CLOSED, reason=reason, on=on)


@transaction.atomic
def account_activity_record(*, actor: Any, account: SocialAccount, on: dt.date, reason: str = "") -> SocialAccount:
    """Records the date of the last known activity of an account (used to detect abandonment). Older dates than
    the one on file are ignored (no event). Writes `account.activity_recorded`."""
    account = SocialAccount.objects.select_for_update().select_related("institution").get(pk=account.pk)
    if on > _today(account.institution):
        raise _invalid(_("La fecha de actividad no puede ser futura."), "last_activity_on")
    if account.last_activity_on and account.last_activity_on >= on:
        return account
    changes = {"last_activity_on": [account.last_activity_on, on]}
    account.last_activity_on = on
    account.save(update_fields=["last_activity_on", "updated_at"])
    event_record(
        action="account.activity_recorded", actor=actor, institution=account.institution, target=account,
        reason=reason, changes=changes, policy_version=policy_for(account.institution).version,
    )
    return account


# ---------------------------------------------------------------- administrators


def is_comms_user(official: Official, institution: Institution) -> bool:
    """Whether the official is a Communications user: their user holds the `comms` role in the institution."""
    if official.user_id is None:
        return False
    return Membership.objects.filter(user_id=official.user_id, institution=institution, role=Role.COMMS).exists()


def _comms_admin_required(account: SocialAccount, policy: Policy) -> bool:
    admins = policy.administrators
    return (
        account.kind == Kind.OFFICIAL
        and account.platform.slug in admins.comms_admin_platforms
        and account.tier in admins.comms_admin_tiers
    )


def _active_admins(account: SocialAccount, on: dt.date) -> list[Administrator]:
    return list(
        Administrator.objects.active_on(on).filter(account=account).select_related("official", "official__user")
    )


def _rank_ok(rank: str, minimum: str) -> bool:
    return RANK_ORDER.get(rank, -1) >= RANK_ORDER[minimum]


@transaction.atomic
def administrator_assign(
    *,
    actor: Any,
    account: SocialAccount,
    official: Official,
    role: str,
    starts_on: dt.date | None = None,
    reason: str = "",
) -> Administrator:
    """Designates an official as administrator (titular/suplente) of an account, enforcing the policy:
    same institution, active employment (pasto:3.15), minimum rank per role (rosarito:7, iee-sonora:5.1), a person
    administers an account once, at most `count` administrators (a Communications user required by pasto:3.11 may
    be added on top), one titular at a time. Writes `administrator.assigned` (target: the account)."""
    account = SocialAccount.objects.select_for_update().select_related("platform", "institution").get(pk=account.pk)
    institution = account.institution
    policy = policy_for(institution)
    rules = policy.administrators
    on = starts_on or _today(institution)
    if role not in AdminRole.values:
        raise _invalid(_("Función de administrador no válida."), "role")
    if account.is_closed:
        raise _invalid(_("La cuenta está cerrada: no se le asignan administradores."), code=ErrorCode.ACCOUNT_CLOSED)
    if official.institution_id != institution.pk:
        raise _refuse(
            ErrorCode.POLICY_ADMINISTRATORS,
            _("%(name)s no es servidor público de %(inst)s") % {"name": official.full_name, "inst": institution.short_name},
            rules.clauses_for("count") + rules.clauses_for("require_active_employment"),
            "official",
        )
    if rules.require_active_employment and not official.is_active:
        raise _refuse(
            ErrorCode.POLICY_ADMINISTRATORS,
            _("%(name)s ya no tiene vínculo laboral con la institución") % {"name": official.full_name},
            rules.clauses_for("require_active_employment"),
            "official",
        )
    minimum = rules.primary_min_rank if role == AdminRole.PRIMARY else rules.alternate_min_rank
    if not _rank_ok(official.rank, minimum):
        field_name = "primary_min_rank" if role == AdminRole.PRIMARY else "alternate_min_rank"
        raise _refuse(
            ErrorCode.POLICY_ADMINISTRATORS,
            _("El administrador %(role)s debe tener nivel de mando %(min)s o superior; %(name)s es %(rank)s")
            % {"role": AdminRole(role).label, "min": minimum, "name": official.full_name, "rank": official.get_rank_display()},
            rules.clauses_for(field_name),
            "official",
        )
    active = _active_admins(account, on)
    if any(a.official_id == official.pk for a in active):
        raise _refuse(
            ErrorCode.POLICY_ADMINISTRATORS,
            _("%(name)s ya administra esta cuenta: titular y suplente deben ser personas distintas")
            % {"name": official.full_name},
            rules.clauses_for("require_distinct") or rules.clauses_for("count"),
            "official",
        )
    if role == AdminRole.PRIMARY and any(a.role == AdminRole.PRIMARY for a in active):
        raise _invalid(_("La cuenta ya tiene administrador titular; termine su asignación primero."), "role")
    limit = rules.count
    comms_extra = (
        _comms_admin_required(account, policy)
        and not any(is_comms_user(a.official, institution) for a in active)
        and is_comms_user(official, institution)
    )
    if limit is not None and len(active) >= limit and not comms_extra:  # None: the norm fixes no number
        raise _refuse(
            ErrorCode.POLICY_ADMINISTRATORS,
            _("La cuenta ya tiene %(n)s administrador(es), el máximo que permite la norma; termine una asignación primero")
            % {"n": len(active)},
            rules.clauses_for("count"),
            "official",
        )
    admin = Administrator(account=account, official=official, role=role, starts_on=on,
                          assigned_by=actor if getattr(actor, "is_authenticated", False) else None)
    _full_clean(admin)
    admin.save()
    event_record(
        action="administrator.assigned", actor=actor, institution=institution, target=account, reason=reason,
        changes={"administrator": [None, str(admin.public_id)], "official": [None, official.full_name],
                 "role": [None, role], "starts_on": [None, on]},
        policy_version=policy.version,
    )
    return admin


@transaction.atomic
def administrator_end(*, actor: Any, administrator: Administrator, ends_on: dt.date | None = None, reason: str = "") -> Administrator:
    """Ends an assignment (the official stops administering the account on `ends_on`, default today). Writes
    `administrator.ended`. The account may then break the policy (no titular): administrators_validate says so."""
    admin = Administrator.objects.select_for_update().select_related("account__institution", "official").get(pk=administrator.pk)
    if admin.ends_on is not None:
        raise _invalid(_("Esa asignación ya terminó."), code="ALREADY_ENDED")
    institution = admin.account.institution
    admin.ends_on = ends_on or _today(institution)
    admin.end_reason = (reason or "")[:255]
    _full_clean(admin)
    admin.save()
    event_record(
        action="administrator.ended", actor=actor, institution=institution, target=admin.account, reason=reason,
        changes={"administrator": [str(admin.public_id), None], "official": [admin.official.full_name, None],
                 "role": [admin.role, None], "ends_on": [None, admin.ends_on]},
        policy_version=policy_for(institution).version,
    )
    return admin


def administrator_change_request(
    *,
    actor: Any,
    account: SocialAccount,
    official: Official | None = None,
    role: str = "",
    leaving: Administrator | None = None,
    ends_on: dt.date | None = None,
    reason: str = "",
) -> Any:
    """What the registry's "Designar administrador" and "Terminar" do: the change goes through the
    administrator-change procedure, so the roles the norm names are told (rosarito:10.6, pasto:3.15) and, when
    someone leaves, the credentials are rotated (guadalajara:15ª). Sends `signals.administrator_change_requested`
    inside one transaction; the procedures app opens the change, designates `official` as `role` (with the policy's
    checks of administrator_assign) or ends `leaving`'s assignment on `ends_on`. Returns the procedure (it has
    `get_absolute_url()`); refused — nothing changed — when the input is wrong or no procedure answers."""
    if official is None and leaving is None:
        raise _invalid(_("Indique a quién se designa o qué asignación termina."), "official")
    if official is not None and role not in AdminRole.values:
        raise _invalid(_("Función de administrador no válida."), "role")
    if account.is_closed:
        raise _invalid(_("La cuenta está cerrada: no se le asignan administradores."), code=ErrorCode.ACCOUNT_CLOSED)
    if leaving is not None and (leaving.account_id != account.pk or leaving.ends_on is not None):
        raise _invalid(_("Esa persona no administra actualmente esta cuenta."), code="ALREADY_ENDED")
    if leaving is not None and ends_on is not None and ends_on < leaving.starts_on:
        raise _invalid(_("La asignación no puede terminar antes de haber empezado."), "ends_on")
    with transaction.atomic():
        responses = signals.administrator_change_requested.send(
            sender=SocialAccount, account=account, actor=actor, official=official, role=role if official else "",
            leaving=leaving, ends_on=ends_on, reason=(reason or "").strip(),
        )
        procedures = [response for _receiver, response in responses if response is not None]
        if not procedures:
            raise RegistryError(
                _("El cambio de administrador se hace con su trámite, que no está disponible."),
                code=ErrorCode.CHANGE_NOT_AVAILABLE,
            )
        return procedures[0]


def administrators_validate(account: SocialAccount, on: dt.date | None = None, *, policy: Policy | None = None) -> list[Violation]:
    """Every way the account's current administrators break the policy (empty list = compliant):
    count, titular present, titular/suplente minimum rank, distinct people, active employment, same institution,
    and a Communications user as administrator where pasto:3.11-like rules apply. Closed accounts are not checked."""
    if account.is_closed or account.kind == Kind.PERSONAL_SERVANT:
        return []  # a personal account of a public servant has no institutional administrators
    institution = account.institution
    policy = policy or policy_for(institution)
    rules = policy.administrators
    on = on or _today(institution)
    active = _active_admins(account, on)
    found: list[Violation] = []
    comms_required = _comms_admin_required(account, policy)
    comms_ids = set()
    if comms_required:
        user_ids = [a.official.user_id for a in active if a.official.user_id]
        comms_users = set(
            Membership.objects.filter(user_id__in=user_ids, institution=institution, role=Role.COMMS).values_list("user_id", flat=True)
        )
        comms_ids = {a.official_id for a in active if a.official.user_id in comms_users}
    designated = [a for a in active if a.official_id not in comms_ids] if comms_required else active
    count_clauses = rules.clauses_for("count")
    if rules.count is None:  # the norm fixes no number of administrators: neither too few nor too many
        pass
    elif len(active) < rules.count:
        found.append(Violation(
            "admin_count_low",
            _("La cuenta tiene %(n)s administrador(es); la norma pide %(m)s") % {"n": len(active), "m": rules.count}
            + cite(count_clauses), count_clauses,
        ))
    elif len(designated) > rules.count and len(active) > rules.count:
        found.append(Violation(
            "admin_count_high",
            _("La cuenta tiene %(n)s administradores; la norma prevé %(m)s") % {"n": len(active), "m": rules.count}
            + cite(count_clauses), count_clauses,
        ))
    if active and not any(a.role == AdminRole.PRIMARY for a in active):
        found.append(Violation("admin_no_primary", _("La cuenta no tiene administrador titular") + cite(count_clauses), count_clauses))
    for admin in active:
        official = admin.official
        minimum = rules.primary_min_rank if admin.role == AdminRole.PRIMARY else rules.alternate_min_rank
        if not _rank_ok(official.rank, minimum):
            clauses = rules.clauses_for("primary_min_rank" if admin.role == AdminRole.PRIMARY else "alternate_min_rank")
            found.append(Violation(
                "admin_rank",
                _("%(name)s (%(role)s) tiene nivel %(rank)s; se requiere %(min)s o superior")
                % {"name": official.full_name, "role": admin.get_role_display(), "rank": official.get_rank_display(), "min": minimum}
                + cite(clauses), clauses, subject=official.full_name,
            ))
        if rules.require_active_employment and not official.is_active:
            clauses = rules.clauses_for("require_active_employment") or rules.clauses_for("end_role_when_employment_ends")
            found.append(Violation(
                "admin_employment_ended",
                _("%(name)s ya no tiene vínculo laboral y sigue como administrador; termine su asignación")
                % {"name": official.full_name} + cite(clauses), clauses, subject=official.full_name,
            ))
        if official.institution_id != institution.pk:
            found.append(Violation(
                "admin_other_institution",
                _("%(name)s no es servidor público de la institución") % {"name": official.full_name} + cite(count_clauses),
                count_clauses, subject=official.full_name,
            ))
    if rules.require_distinct and (rules.count or 0) != 1 and len({a.official_id for a in active}) < len(active):
        clauses = rules.clauses_for("require_distinct")
        found.append(Violation("admin_not_distinct", _("Titular y suplente deben ser personas distintas") + cite(clauses), clauses))
    if comms_required and not comms_ids:
        clauses = rules.clauses_for("comms_admin_platforms")
        found.append(Violation(
            "admin_comms_missing",
            _("En %(platform)s, una cuenta %(tier)s debe tener como administrador a un usuario de Comunicación Social")
            % {"platform": account.platform.name, "tier": account.get_tier_display()} + cite(clauses),
            clauses,
        ))
    return found


# ---------------------------------------------------------------- access grants and review


@transaction.atomic
def access_grant_record(
    *, actor: Any, account: SocialAccount, reason: str, official: Official | None = None, person_name: str = "",
    granted_on: dt.date | None = None,
) -> AccessGrant:
    """Records that someone other than the designated administrators has access to the account (so the access
    review can report it). Writes `access_grant.recorded`."""
    institution = account.institution
    if official is not None and official.institution_id != institution.pk:
        raise _invalid(_("Ese servidor público no es de la institución."), "official")
    grant = AccessGrant(
        account=account, official=official, person_name=(person_name or "").strip(), reason=(reason or "").strip(),
        granted_on=granted_on or _today(institution),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _full_clean(grant)
    grant.save()
    event_record(
        action="access_grant.recorded", actor=actor, institution=institution, target=account, reason=reason,
        changes={"grant": [None, str(grant.public_id)], "person": [None, str(grant)],
                 "granted_on": [None, grant.granted_on]},
        policy_version=policy_for(institution).version,
    )
    return grant


@transaction.atomic
def access_grant_revoke(*, actor: Any, grant: AccessGrant, revoked_on: dt.date | None = None, reason: str = "") -> AccessGrant:
    """Records that a recorded access was taken away. Writes `access_grant.revoked`."""
    grant = AccessGrant.objects.select_for_update(of=("self",)).select_related("account__institution", "official").get(pk=grant.pk)
    if grant.revoked_on is not None:
        raise _invalid(_("Ese acceso ya fue revocado."), code="ALREADY_REVOKED")
    institution = grant.account.institution
    grant.revoked_on = revoked_on or _today(institution)
    _full_clean(grant)
    grant.save()
    event_record(
        action="access_grant.revoked", actor=actor, institution=institution, target=grant.account, reason=reason,
        changes={"grant": [str(grant.public_id), None], "person": [str(grant), None],
                 "revoked_on": [None, grant.revoked_on]},
        policy_version=policy_for(institution).version,
    )
    return grant


def access_review(
    *, account: SocialAccount | None = None, institution: Institution | None = None, on: dt.date | None = None
) -> list[Finding]:
    """Who has access that the policy does not allow. For each open account (one, or all of an institution):
    every recorded access of someone who is neither an active administrator nor the area's head (a finding where
    the policy limits access to them, rosarito:7 / iee-sonora:5.1), and administrators whose employment ended.
    A read: writes nothing."""
    if account is None and institution is None:
        raise ValueError("access_review needs an account or an institution")
    institution = institution or account.institution  # type: ignore[union-attr]
    policy = policy_for(institution)
    rules = policy.administrators
    on = on or _today(institution)
    accounts = [account] if account is not None else list(
        SocialAccount.objects.filter(institution=institution).exclude(status=AccountStatus.CLOSED)
        .select_related("area", "platform", "institution")
    )
    accounts = [a for a in accounts if not a.is_closed]
    ids = [a.pk for a in accounts]
    admins_by_account: dict[int, list[Administrator]] = {}
    for admin in Administrator.objects.active_on(on).filter(account_id__in=ids).select_related("official"):
        admins_by_account.setdefault(admin.account_id, []).append(admin)
    grants = (
        AccessGrant.objects.filter(account_id__in=ids, granted_on__lte=on)
        .filter(models.Q(revoked_on__isnull=True) | models.Q(revoked_on__gt=on))
        .select_related("official")
    )
    grants_by_account: dict[int, list[AccessGrant]] = {}
    for grant in grants:
        grants_by_account.setdefault(grant.account_id, []).append(grant)
    findings: list[Finding] = []
    access_clauses = rules.clauses_for("access_only_admins_and_head")
    for acc in accounts:
        admins = admins_by_account.get(acc.pk, [])
        allowed = {a.official_id for a in admins}
        if acc.area.head_id:
            allowed.add(acc.area.head_id)
        for grant in grants_by_account.get(acc.pk, []):
            if grant.official_id and grant.official_id in allowed:
                continue
            if rules.access_only_admins_and_head:
                findings.append(Finding(
                    acc, "access_not_allowed",
                    _("%(person)s tiene acceso registrado (%(reason)s) sin ser administrador ni titular del área")
                    % {"person": str(grant), "reason": grant.reason} + cite(access_clauses),
                    access_clauses, str(grant), {"grant": str(grant.public_id)},
                ))
            else:
                findings.append(Finding(
                    acc, "access_recorded",
                    _("%(person)s tiene acceso registrado (%(reason)s) sin ser administrador")
                    % {"person": str(grant), "reason": grant.reason},
                    (), str(grant), {"grant": str(grant.public_id)},
                ))
        for admin in admins:
            if not admin.official.is_active:
                clauses = rules.clauses_for("end_role_when_employment_ends") or rules.clauses_for("require_active_employment")
                findings.append(Finding(
                    acc, "admin_employment_ended",
                    _("%(name)s conserva el acceso como administrador aunque ya no tiene vínculo laboral")
                    % {"name": admin.official.full_name} + cite(clauses),
                    clauses, admin.official.full_name, {"administrator": str(admin.public_id)},
                ))
    return findings
