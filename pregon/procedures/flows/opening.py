"""Opening request: the transition table `OPENING_REQUEST` (rosarito:10.1–10.5, iee-sonora:7.I–III,V,
pasto:3.10–3.14).

    draft ──sign────────────────► submitted ──approve──► approved ──report──► registered
      └────sign_for_opinion─► awaiting_opinion ─give_opinion─┘   └─reject──► rejected
    (draft|awaiting_opinion|submitted) ──withdraw (owner)──► withdrawn
    (awaiting_opinion|submitted) ──expire (system, at the policy's deadline)──► expired

- sign / sign_for_opinion: the area head (`opening.signed_by`) signs the proposal with the fields the policy asks
  (`opening.proposal_fields`); the platform must be allowed for the tier (`platforms.allowed_*`, pasto:3.11). The
  variant is picked by `opening.technical_opinion_required` (rosarito:10.4 yes, iee-sonora:7.III no).
- give_opinion: Informática (`opening.technical_opinion_by`) writes its opinion (favourable or not).
- approve / reject: Communications (`opening.decided_by`; for alternate accounts
  `opening.alternate_requires_authorisation_by`, pasto:3.10). Approval carries the graphic-identity elements when
  `opening.graphic_identity_provided`. Rejection needs reasons.
- report: the area reports the opened account (`opening.report_fields`); the registry validates it against the
  policy (institutional e-mail domain, handle rules, platforms for the tier) — refusals name the clause — and
  `opening_request_report` (below) registers it (`account_register`), active.
- Deadlines: none in the norms; `opening.technical_opinion_deadline` and `opening.decision_deadline` if the
  policy sets them. Expiry: `expired` (the area may file again), the requester and the decider are told.
"""

from __future__ import annotations

import uuid as _uuid
from typing import Annotated, Any

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.institutions.models import Area, Institution, Official
from pregon.institutions.policies import local_today, policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.opening import OpeningRequestStatus
from pregon.registry import services as registry
from pregon.registry.choices import AdminRole, Kind, Tier
from pregon.registry.models import Platform

from ..inputs import UI, Input
from ..models import (
    OpeningRequest,
)
from ..services import invalid_input, procedure_create, procedure_transition, require_login
from ..spec import Action, Create, ProcedureSpec, by_area, register_spec
from ..workflows import OWNER, SYSTEM, GuardRefused, Transition, TransitionContext, Workflow, register
from .common import cite, local, refs, require_role_for_area

_S = OpeningRequestStatus

PROPOSAL_FIELD_LABELS = {
    "objectives": _("objetivos"),
    "scope": _("alcances"),
    "coverage_or_benefits": _("cobertura social o beneficios"),
    "justification": _("justificación en los programas y actividades del área"),
}
REPORT_FIELD_LABELS = {
    "name": _("nombre de la cuenta"),
    "url": _("dirección electrónica (URL)"),
    "purpose": _("propósitos"),
    "operation": _("operación"),
    "administrators": _("administradores"),
    "email": _("correo de registro"),
}


# ------------------------------------------------------------------------------------------------ roles


def decider_role(obj: Any, policy: Policy) -> str:
    """Who decides this request: the alternate-account authoriser for alternate accounts when the policy names
    one (pasto:3.10), else `opening.decided_by`."""
    opening = policy.opening
    if obj.tier == Tier.ALTERNATE and opening.alternate_requires_authorisation_by:
        return opening.alternate_requires_authorisation_by
    return opening.decided_by


def decider_clauses(obj: Any, policy: Policy) -> tuple[str, ...]:
    if obj.tier == Tier.ALTERNATE and policy.opening.alternate_requires_authorisation_by:
        return refs(policy, "opening.alternate_requires_authorisation_by")
    return refs(policy, "opening.decided_by")


def _decider_roles(policy: Policy) -> tuple[str, ...]:
    """The policy's deciders, in the policy's order (the main decider first), never alphabetically."""
    return tuple(dict.fromkeys(r for r in (policy.opening.decided_by,
                                           policy.opening.alternate_requires_authorisation_by) if r))


def _signer_roles(policy: Policy) -> tuple[str, ...]:
    return (policy.opening.signed_by,)


def _opinion_roles(policy: Policy) -> tuple[str, ...]:
    by = policy.opening.technical_opinion_by
    return (by,) if policy.opening.technical_opinion_required and by else ()


def _reporter_roles(policy: Policy) -> tuple[str, ...]:
    return tuple(dict.fromkeys((policy.opening.signed_by, "account_admin")))  # the area first (opening.report_fields)


def _clauses(policy: Policy) -> tuple[str, ...]:
    return refs(policy, "opening.signed_by", "opening.decided_by")


# ------------------------------------------------------------------------------------------------ guards


def platform_refusal(platform: Any, tier: str, policy: Policy) -> str | None:
    """The refusal when the policy does not allow `platform` for `tier` (pasto:3.11), else None."""
    allowed = policy.platforms.allowed_main if tier == Tier.MAIN else policy.platforms.allowed_alternate
    if not allowed or platform.slug in allowed:
        return None
    clauses = refs(policy, "platforms.allowed_main" if tier == Tier.MAIN else "platforms.allowed_alternate")
    text = (
        gettext("No se permiten cuentas principales en %(platform)s; sólo en: %(allowed)s")
        if tier == Tier.MAIN
        else gettext("No se permiten cuentas alternas en %(platform)s; sólo en: %(allowed)s")
    )
    return text % {"platform": platform.name, "allowed": ", ".join(allowed)} + cite(clauses) + "."


def proposal_refusal(obj: Any, policy: Policy) -> str | None:
    """What the signed proposal lacks (`opening.proposal_fields`), or a platform the tier may not use."""
    missing = [
        str(PROPOSAL_FIELD_LABELS.get(name, name))
        for name in policy.opening.proposal_fields
        if not str(getattr(obj, name, "") or "").strip()
    ]
    if missing:
        return gettext("A la propuesta le falta: %(fields)s") % {"fields": ", ".join(missing)} + cite(
            refs(policy, "opening.proposal_fields")
        ) + "."
    return platform_refusal(obj.platform, obj.tier, policy)


def _sign_guard(obj: Any, ctx: TransitionContext) -> str | None:
    wants_opinion = ctx.transition.name == "sign_for_opinion"
    if wants_opinion != bool(ctx.policy.opening.technical_opinion_required):
        if wants_opinion:
            return gettext("La norma no pide opinión técnica previa para abrir cuentas; use «firmar y enviar».")
        return gettext("La norma pide la opinión técnica de %(role)s antes de resolver") % {
            "role": ctx.policy.opening.technical_opinion_by} + cite(refs(ctx.policy, "opening.technical_opinion_required")) + "."
    require_role_for_area(ctx.actor, obj.institution, ctx.policy.opening.signed_by, obj.area,
                          refs(ctx.policy, "opening.signed_by"))
    return proposal_refusal(obj, ctx.policy)


def _decide_guard(obj: Any, ctx: TransitionContext) -> str | None:
    require_role_for_area(ctx.actor, obj.institution, decider_role(obj, ctx.policy), obj.area,
                          decider_clauses(obj, ctx.policy))
    return None


def _report_guard(obj: Any, ctx: TransitionContext) -> str | None:
    if ctx.actor is not None:
        from pregon.institutions.access import roles_of

        held = roles_of(ctx.actor, obj.institution)
        # the area scope is checked for the policy's reporter role first (the signer), not the alphabetically first
        role = next((r for r in _reporter_roles(ctx.policy) if r in held), ctx.policy.opening.signed_by)
        require_role_for_area(ctx.actor, obj.institution, role, obj.area, refs(ctx.policy, "opening.report_fields"))
    return None


# ------------------------------------------------------------------------------------------------ effects


def _flat(value: Any) -> Any:
    """A value as the ledger keeps it: a scalar or a list of scalars as is, anything else as its text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, str | int | float | bool) for v in value):
        return list(value)
    return str(value)


def _set_signed(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.signed_by = ctx.actor
    obj.signed_at = ctx.now
    changes: dict[str, Any] = {"signed_at": [None, ctx.now]}
    for name in ctx.policy.opening.proposal_fields:  # the proposal as signed (each field of the norm's list)
        changes[f"proposal_{name}"] = [None, _flat(getattr(obj, name, ""))]
    return changes


def _set_opinion(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    favourable = ctx.data.get("favourable")
    obj.opinion = ctx.reason
    obj.opinion_favourable = None if favourable is None else bool(favourable)
    obj.opinion_by = ctx.actor
    obj.opinion_at = ctx.now
    return {"opinion_favourable": [None, obj.opinion_favourable], "opinion_at": [None, ctx.now]}


def _set_approved(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    identity = str(ctx.data.get("graphic_identity") or "").strip()
    if ctx.policy.opening.graphic_identity_provided and not identity:
        raise GuardRefused(
            gettext("Al autorizar, Comunicación Social proporciona los elementos de imagen gráfica de la cuenta")
            + cite(refs(ctx.policy, "opening.graphic_identity_provided")) + ".",
            code="GRAPHIC_IDENTITY_REQUIRED",
        )
    obj.graphic_identity = identity
    agreed = _agreed_name_and_link(obj, ctx)
    obj.decided_by = ctx.actor
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now], "graphic_identity": ["", identity], **agreed}


def _normal_name(text: str) -> str:
    return " ".join(str(text or "").split()).casefold()


def _agreed_name_and_link(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    """Communications' decision records the name and link agreed for the new account (pasto:3.12), required where
    `opening.name_and_link_agreed`; the link must be a profile on the requested platform (kept canonical)."""
    from pregon.registry.services import account_identify

    name = " ".join(str(ctx.data.get("agreed_name") or "").split())
    link = str(ctx.data.get("agreed_url") or "").strip()
    clauses = refs(ctx.policy, "opening.name_and_link_agreed")
    if ctx.policy.opening.name_and_link_agreed and not (name and link):
        raise GuardRefused(
            gettext("Al autorizar, indique el nombre y el enlace de la cuenta acordados con Comunicación Social")
            + cite(clauses) + ".",
            code="AGREED_NAME_AND_LINK_REQUIRED",
        )
    if link:
        platform, _handle, link = account_identify(link, obj.platform)
        if platform.pk != obj.platform_id:
            raise GuardRefused(
                gettext("El enlace acordado es de %(found)s, pero se solicitó una cuenta de %(platform)s.")
                % {"found": platform.name, "platform": obj.platform.name},
                code="AGREED_LINK_PLATFORM",
            )
    obj.agreed_name, obj.agreed_url = name, link
    return {"agreed_name": ["", name], "agreed_url": ["", link]} if (name or link) else {}


def agreed_mismatch(obj: Any, name: str, handle: str, policy: Policy) -> str | None:
    """The refusal when the reported name or link differ from those agreed with Communications (pasto:3.12)."""
    from pregon.registry.services import account_identify

    clauses = refs(policy, "opening.name_and_link_agreed")
    if obj.agreed_name and _normal_name(name) != _normal_name(obj.agreed_name):
        return gettext("El nombre informado «%(name)s» no es el acordado con Comunicación Social, «%(agreed)s»") % {
            "name": name, "agreed": obj.agreed_name} + cite(clauses) + "."
    if obj.agreed_url:
        _platform, agreed_handle, _url = account_identify(obj.agreed_url, obj.platform)
        if agreed_handle.casefold() != handle.casefold():
            return gettext("El enlace informado no es el acordado con Comunicación Social, %(agreed)s") % {
                "agreed": obj.agreed_url} + cite(clauses) + "."
    return None


def _set_rejected(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.decided_by = ctx.actor
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now], "reasons": ["", ctx.reason]}


def report_refusal(obj: Any, report: dict[str, Any], policy: Policy) -> tuple[str, dict[str, Any]] | None:
    """Validates the area's report against the policy: the fields it must carry (`opening.report_fields`), the URL
    on the requested platform, the name and link agreed with Communications (pasto:3.12), the institutional e-mail
    domain and platform suffix, handle rules and platforms for the tier (the registry's checks). Returns (message
    naming the clauses, extra) or None."""
    from pregon.registry.services import account_identify, account_policy_violations

    missing = [
        str(REPORT_FIELD_LABELS.get(name, name))
        for name in policy.opening.report_fields
        if not report.get(name)
    ]
    if missing:
        return (gettext("Al informe de apertura le falta: %(fields)s") % {"fields": ", ".join(missing)}
                + cite(refs(policy, "opening.report_fields")) + ".", {"missing": missing})
    platform, handle, _url = account_identify(str(report["url"]), obj.platform)
    if platform.pk != obj.platform_id:
        return (gettext("La URL informada es de %(found)s, pero se autorizó una cuenta de %(platform)s.")
                % {"found": platform.name, "platform": obj.platform.name}, {})
    mismatch = agreed_mismatch(obj, str(report.get("name") or ""), handle, policy)
    if mismatch is not None:
        return mismatch, {"clauses": list(refs(policy, "opening.name_and_link_agreed"))}
    violations = account_policy_violations(
        institution=obj.institution, platform=platform, handle=handle, tier=obj.tier, kind="official",
        email=str(report.get("email") or ""), policy=policy,
    )
    if violations:
        return (" ".join(v.message + "." for v in violations),
                {"clauses": sorted({c for v in violations for c in v.clauses}),
                 "violations": [v.as_dict() for v in violations]})
    return None


def _set_reported(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    report = dict(ctx.data.get("report") or {})
    refusal = report_refusal(obj, report, ctx.policy)
    if refusal is not None:
        raise GuardRefused(refusal[0], code="REPORT_REFUSED", extra=refusal[1])
    obj.report = {k: v for k, v in report.items() if k != "administrator_ids"}
    obj.reported_by = ctx.actor
    obj.reported_at = ctx.now
    changes: dict[str, Any] = {f"report_{k}": [None, _flat(v)] for k, v in sorted(obj.report.items())}
    return {**changes, "reported_at": [None, ctx.now]}


def _set_withdrawn(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.reasons = ctx.reason
    return {}


def _set_expired(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.reasons = ctx.reason
    return {}  # the expired deadline is in the event (procedure_transition's `expired_deadline`)


# ------------------------------------------------------------------------------------------------ notices


def _people(obj: Any) -> tuple[Any, ...]:
    return tuple(u for u in (obj.requested_by, obj.signed_by) if u is not None)


def _summary(obj: Any) -> list[str]:
    lines = [
        gettext("Cuenta propuesta: %(name)s (%(platform)s, %(tier)s)")
        % {"name": obj.proposed_name, "platform": obj.platform.name, "tier": obj.get_tier_display()},
        gettext("Área: %(area)s") % {"area": obj.area},
    ]
    for name in ("objectives", "scope", "coverage_or_benefits", "justification"):
        value = getattr(obj, name, "")
        if value:
            lines.append(f"{str(PROPOSAL_FIELD_LABELS[name]).capitalize()}: {value}")
    return lines


def _deadline_line(ctx: TransitionContext, obj: Any) -> list[str]:
    d = ctx.started_deadline
    if d is None:
        return []
    return ["", gettext("Plazo: %(duration)s, vence el %(due)s%(cite)s.")
            % {"duration": d.duration_display, "due": local(d.due_at, obj.institution), "cite": cite(d.clauses)}]


def _notify_signed(obj: Any, ctx: TransitionContext) -> list[Message]:
    policy = ctx.policy
    clauses = refs(policy, "opening.signed_by", "opening.decided_by", "opening.technical_opinion_by")
    roles = {decider_role(obj, policy)}
    if policy.opening.technical_opinion_required and policy.opening.technical_opinion_by:
        roles.add(policy.opening.technical_opinion_by)
    messages = [Message(
        subject=gettext("Propuesta de apertura de cuenta firmada (%(c)s)") % {"c": ", ".join(clauses)},
        body="\n".join([
            gettext("El área %(area)s presenta la propuesta firmada de abrir una cuenta.") % {"area": obj.area},
            *(["", gettext("Informática debe emitir su opinión técnica antes de que Comunicación Social resuelva.")]
              if ctx.transition.name == "sign_for_opinion" else []),
            "", *_summary(obj), *_deadline_line(ctx, obj),
        ]),
        roles=tuple(sorted(roles)), link=obj.get_absolute_url(), clauses=clauses, kind="opening_request.signed",
    )]
    other_with = policy.opening.other_platforms_decided_with
    if other_with and other_with not in roles and not obj.institution.social_accounts.filter(
        platform=obj.platform).exclude(status="closed").exists():
        other = refs(policy, "opening.other_platforms_decided_with")
        messages.append(Message(
            subject=gettext("Propuesta de cuenta en una plataforma nueva (%(c)s)") % {"c": ", ".join(other)},
            body="\n".join([
                gettext("La institución no tiene cuentas en %(platform)s: la conveniencia de abrirla se determina "
                        "con su área%(cite)s.") % {"platform": obj.platform.name, "cite": cite(other)},
                "", *_summary(obj),
            ]),
            roles=(other_with,), link=obj.get_absolute_url(), clauses=other, kind="opening_request.new_platform",
        ))
    return messages


def _notify_opinion(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = refs(ctx.policy, "opening.technical_opinion_by")
    verdict = {True: gettext("favorable"), False: gettext("no favorable"), None: gettext("sin sentido expreso")}
    return [Message(
        subject=gettext("Opinión técnica emitida: propuesta de apertura por resolver (%(c)s)") % {"c": ", ".join(clauses)},
        body="\n".join([gettext("Opinión técnica %(v)s:") % {"v": verdict[obj.opinion_favourable]}, obj.opinion,
                        "", *_summary(obj), *_deadline_line(ctx, obj)]),
        roles=(decider_role(obj, ctx.policy),), link=obj.get_absolute_url(), clauses=clauses,
        kind="opening_request.opinion_given",
    )]


def _notify_decided(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = decider_clauses(obj, ctx.policy)
    ref = ", ".join(clauses)
    if ctx.transition.name == "approve":
        subject = gettext("Apertura de cuenta autorizada (%(c)s)") % {"c": ref}
        lines = [gettext("Comunicación Social autorizó abrir la cuenta «%(name)s». Ábrala con el correo institucional "
                         "y después informe su nombre, URL, propósitos, operación y administradores%(cite)s.")
                 % {"name": obj.proposed_name, "cite": cite(refs(ctx.policy, "opening.report_fields"))}]
        if obj.agreed_name or obj.agreed_url:
            lines += ["", gettext("Nombre y enlace acordados: %(name)s — %(url)s%(cite)s.")
                      % {"name": obj.agreed_name or "—", "url": obj.agreed_url or "—",
                         "cite": cite(refs(ctx.policy, "opening.name_and_link_agreed"))}]
        if obj.graphic_identity:
            lines += ["", gettext("Elementos de imagen gráfica:"), obj.graphic_identity]
    elif ctx.transition.name == "reject":
        subject = gettext("Apertura de cuenta rechazada (%(c)s)") % {"c": ref}
        lines = [gettext("Comunicación Social rechazó abrir la cuenta «%(name)s».") % {"name": obj.proposed_name}]
    else:
        subject = gettext("Solicitud de apertura vencida sin resolución (%(c)s)") % {"c": ref}
        lines = [gettext("La solicitud de abrir la cuenta «%(name)s» no se resolvió dentro del plazo; puede "
                         "presentarla de nuevo.") % {"name": obj.proposed_name}]
    if ctx.reason:
        lines += ["", gettext("Motivos: %(r)s") % {"r": ctx.reason}]
    roles = (decider_role(obj, ctx.policy),) if ctx.transition.name == "expire" else ()
    return [Message(subject=subject, body="\n".join(lines), users=_people(obj), roles=roles,
                    link=obj.get_absolute_url(), clauses=clauses, kind=f"opening_request.{ctx.transition.ledger_verb}")]


def _notify_reported(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = refs(ctx.policy, "opening.report_fields", "opening.report_notify")
    report = obj.report
    lines = [gettext("El área %(area)s informa la apertura de la cuenta autorizada:") % {"area": obj.area}, ""]
    for key in ("name", "url", "email", "purpose", "operation", "administrators"):
        if report.get(key):
            value = report[key]
            if isinstance(value, list | tuple):
                value = ", ".join(str(v) for v in value)
            lines.append(f"{str(REPORT_FIELD_LABELS[key]).capitalize()}: {value}")
    lines += ["", gettext("La cuenta quedó registrada en el inventario como activa.")]
    return [Message(
        subject=gettext("Apertura de cuenta informada (%(c)s)") % {"c": ", ".join(clauses)},
        body="\n".join(lines), roles=tuple(ctx.policy.opening.report_notify), link=obj.get_absolute_url(),
        clauses=clauses, kind="opening_request.registered",
    )]


# ------------------------------------------------------------------------------------------------ the table

_DECIDE = dict(roles=_decider_roles, responsible=decider_role, guard=_decide_guard, notify=_notify_decided,
               clauses=lambda p: refs(p, "opening.decided_by", "opening.alternate_requires_authorisation_by"))

OPENING_REQUEST = register(
    Workflow(
        name="opening_request",
        enabled_clauses=lambda p: tuple(dict.fromkeys(p.opening.clauses_for("decided_by") + p.opening.clauses_for("technical_opinion_required"))),
        label=_("solicitud de apertura de cuenta"),
        states=OpeningRequestStatus,
        initial=_S.DRAFT,
        transitions=(
            Transition(
                "sign", (_S.DRAFT,), _S.SUBMITTED, roles=_signer_roles, guard=_sign_guard, effect=_set_signed,
                notify=_notify_signed, deadline="opening.decision_deadline", on_expiry="expire", event="signed",
                label=_("firmar y enviar la propuesta"), clauses=_clauses,
            ),
            Transition(
                "sign_for_opinion", (_S.DRAFT,), _S.AWAITING_OPINION, roles=_signer_roles, guard=_sign_guard,
                effect=_set_signed, notify=_notify_signed, deadline="opening.technical_opinion_deadline",
                on_expiry="expire", event="signed", label=_("firmar y enviar la propuesta"),
                clauses=lambda p: refs(p, "opening.signed_by", "opening.technical_opinion_required"),
            ),
            Transition(
                "give_opinion", (_S.AWAITING_OPINION,), _S.SUBMITTED, roles=_opinion_roles, requires_reason=True,
                effect=_set_opinion, notify=_notify_opinion, deadline="opening.decision_deadline",
                on_expiry="expire", event="opinion_given", label=_("emitir la opinión técnica"),
                clauses=lambda p: refs(p, "opening.technical_opinion_by"),
            ),
            Transition("approve", (_S.SUBMITTED,), _S.APPROVED, effect=_set_approved, label=_("autorizar la apertura"),
                       event="approved", **_DECIDE),
            Transition("reject", (_S.SUBMITTED,), _S.REJECTED, effect=_set_rejected, requires_reason=True,
                       label=_("rechazar la apertura"), style="danger", event="rejected", **_DECIDE),
            Transition(
                "report", (_S.APPROVED,), _S.REGISTERED, roles=_reporter_roles, guard=_report_guard,
                effect=_set_reported, notify=_notify_reported, label=_("informar la apertura"), event="registered",
                clauses=lambda p: refs(p, "opening.report_fields", "identity.email_domains"),
            ),
            Transition(
                "withdraw", (_S.DRAFT, _S.AWAITING_OPINION, _S.SUBMITTED), _S.WITHDRAWN, roles=(OWNER,),
                effect=_set_withdrawn, label=_("retirar la solicitud"), style="secondary", event="withdrawn",
            ),
            Transition(
                "expire", (_S.AWAITING_OPINION, _S.SUBMITTED), _S.EXPIRED, roles=(SYSTEM,), effect=_set_expired,
                notify=_notify_decided, label=_("vencida sin resolución"), event="expired",
                clauses=lambda p: refs(p, "opening.decision_deadline", "opening.technical_opinion_deadline"),
            ),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def opening_request_create(
    *,
    institution: Institution,
    actor: Any,
    area: Area,
    platform: Platform,
    tier: str = Tier.MAIN,
    proposed_name: str,
    objectives: str = "",
    scope: str = "",
    coverage_or_benefits: str = "",
    justification: str = "",
    sign: bool = True,
) -> OpeningRequest:
    """The area head files the signed proposal (rosarito:10.2, iee-sonora:7.II, pasto:3.10). Signed at once by
    default: it goes to Informática for its opinion where the policy requires one, else to Communications.
    One ledger event: `opening_request.signed` (or `.created` for a draft)."""
    require_login(actor)
    if not (proposed_name or "").strip():
        raise invalid_input(gettext("Indique el nombre propuesto de la cuenta."), "proposed_name")
    if tier not in Tier.values:
        raise invalid_input(gettext("Tipo de cuenta no válido."), "tier")
    obj = OpeningRequest(
        institution=institution, area=area, platform=platform, tier=tier, proposed_name=proposed_name.strip(),
        objectives=objectives.strip(), scope=scope.strip(), coverage_or_benefits=coverage_or_benefits.strip(),
        justification=justification.strip(), requested_by=actor,
    )
    policy = policy_for(institution)
    submit = None
    if sign:
        submit = "sign_for_opinion" if policy.opening.technical_opinion_required else "sign"
    return procedure_create(obj=obj, actor=actor, submit=submit)


def opening_request_give_opinion(
    *, request: OpeningRequest, actor: Any, opinion: str, favourable: bool | None = None
) -> OpeningRequest:
    """Informática's technical opinion (rosarito:10.4); Communications is told it may now decide."""
    return procedure_transition(obj=request, action="give_opinion", actor=actor, reason=opinion,
                                data={"favourable": favourable})


def opening_request_approve(
    *, request: OpeningRequest, actor: Any, graphic_identity: str = "", reason: str = "", agreed_name: str = "",
    agreed_url: str = "",
) -> OpeningRequest:
    """Communications authorises the opening and provides the graphic-identity elements where the policy says so
    (rosarito:10.4, iee-sonora:7.III), and the name and link agreed for the account (pasto:3.12: the report must
    match them). The requester and the signer are told."""
    return procedure_transition(obj=request, action="approve", actor=actor, reason=reason,
                                data={"graphic_identity": graphic_identity, "agreed_name": agreed_name,
                                      "agreed_url": agreed_url})


def opening_request_report(
    *,
    request: OpeningRequest,
    actor: Any,
    name: str,
    url: str,
    email: str = "",
    purpose: str = "",
    operation: str = "",
    administrators: list[tuple[Official, str]] | None = None,
    platform_account_id: str = "",
) -> OpeningRequest:
    """The area reports the opened account (rosarito:10.5, iee-sonora:7.III): the report is validated against the
    policy (fields, institutional e-mail domain and platform suffix, handle rules, platforms for the tier — the
    refusal names the clause), then, in the same transaction, the account is registered active in the registry
    (`account.registered`) and its administrators assigned (`administrator.assigned` each, with the policy's
    rank/count/employment checks). Events: `opening_request.registered` + the registry's own."""
    administrators = list(administrators or [])
    report = {
        "name": (name or "").strip(), "url": (url or "").strip(), "email": (email or "").strip().lower(),
        "purpose": (purpose or "").strip(), "operation": (operation or "").strip(),
        "administrators": [f"{o.full_name} ({AdminRole(r).label})" for o, r in administrators],
    }
    original = request
    with transaction.atomic():
        request = procedure_transition(obj=request, action="report", actor=actor, data={"report": report})
        account = registry.account_register(
            actor=actor, institution=request.institution, area=request.area, url=report["url"],
            display_name=report["name"], tier=request.tier, kind=Kind.OFFICIAL, email=report["email"],
            platform=request.platform, platform_account_id=platform_account_id, purpose=report["purpose"],
            opened_on=local_today(request.institution),
            reason=gettext("Apertura autorizada: %(req)s") % {"req": request.public_id},
        )
        for official, role in sorted(administrators, key=lambda pair: pair[1] != AdminRole.PRIMARY):
            registry.administrator_assign(actor=actor, account=account, official=official, role=role,
                                          reason=gettext("Informe de apertura"))
        OpeningRequest.objects.filter(pk=request.pk).update(account=account)
    original.refresh_from_db()
    return original


# ---------------------------------------------------------------------------------------------- demo


DEMO_OPENINGS = {  # a pending request where the norm spells the procedure out
    "rosarito": ("Turismo Rosarito", "youtube"),
    "iee-sonora": ("Educación Cívica IEE Sonora", "youtube"),
    "pasto": ("Cultura Pasto", "facebook"),
}


def opening_demo_load() -> int:
    """`demo_load`: a pending opening request in rosarito, iee-sonora and pasto, filed through the service (ledger
    event, deadline and notices); an institution that already has it is left alone. Returns how many it filed."""
    from pregon.institutions.choices import Role
    from pregon.institutions.models import Area, Institution, Membership
    from pregon.registry.models import Platform

    created = 0
    for slug, (name, platform_slug) in DEMO_OPENINGS.items():
        institution = Institution.objects.filter(slug=slug).first()
        platform = Platform.objects.filter(slug=platform_slug).first()
        if institution is None or platform is None:
            continue
        if OpeningRequest.objects.filter(institution=institution, proposed_name=name).exists():
            continue
        membership = (Membership.objects.filter(institution=institution, role=Role.AREA_HEAD)
                      .select_related("user", "area").order_by("pk").first())
        if membership is None:
            continue
        area = membership.area or Area.objects.filter(institution=institution, parent__isnull=False).first()
        if area is None:
            continue
        opening_request_create(
            institution=institution, actor=membership.user, area=area, platform=platform, proposed_name=name,
            objectives="Difundir las actividades y programas del área entre la ciudadanía.",
            scope="Municipal / estatal, público general.",
            coverage_or_benefits="Mayor alcance de las convocatorias y avisos del área.",
            justification="Programa anual de trabajo del área: difusión de sus actividades institucionales.",
            tier="alternate" if slug == "pasto" else "main",
        )
        created += 1
    return created


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

class OpeningRequestIn(Input):
    area: Annotated[_uuid.UUID, UI(_("Área"), ref="area")]
    platform: Annotated[str, UI(_("Red social"), ref="platform")]
    tier: Annotated[str, UI(_("Tipo de cuenta"), choices=Tier)] = Tier.MAIN
    proposed_name: Annotated[str, Field(min_length=1, max_length=255), UI(_("Nombre propuesto"))]
    objectives: Annotated[str, Field(max_length=4000), UI(_("Objetivos"), widget="textarea")] = ""
    scope: Annotated[str, Field(max_length=4000), UI(_("Alcances"), widget="textarea")] = ""
    coverage_or_benefits: Annotated[str, Field(max_length=4000),
                                    UI(_("Cobertura social o beneficios"), widget="textarea")] = ""
    justification: Annotated[str, Field(max_length=4000), UI(_("Justificación en los programas y actividades del "
                                                                "área"), widget="textarea")] = ""


class OpinionIn(Input):
    favourable: Annotated[bool, UI(_("Sentido de la opinión"), widget="select",
                                   choices=[("true", _("favorable")), ("false", _("no favorable"))])]
    reason: Annotated[str, Field(min_length=1, max_length=8000), UI(_("Opinión técnica"), widget="textarea")]


class ApproveOpeningIn(Input):
    graphic_identity: Annotated[str, Field(max_length=4000),
                                UI(_("Elementos de imagen gráfica"), widget="textarea")] = ""
    agreed_name: Annotated[str, Field(max_length=255), UI(_("Nombre acordado de la cuenta"))] = ""
    agreed_url: Annotated[str, Field(max_length=500), UI(_("Enlace acordado de la cuenta"))] = ""
    reason: Annotated[str, Field(max_length=8000), UI(_("Motivos"), widget="textarea")] = ""


class ReportOpeningIn(Input):
    name: Annotated[str, Field(min_length=1, max_length=255), UI(_("Nombre de la cuenta"))]
    url: Annotated[str, Field(min_length=1, max_length=500), UI(_("Dirección electrónica (URL)"))]
    email: Annotated[str, Field(max_length=254), UI(_("Correo institucional de registro"), widget="email")] = ""
    purpose: Annotated[str, Field(max_length=4000), UI(_("Propósitos"), widget="textarea")] = ""
    operation: Annotated[str, Field(max_length=4000), UI(_("Operación"), widget="textarea")] = ""
    primary: Annotated[_uuid.UUID | None, UI(_("Administrador titular"), ref="official")] = None
    alternate: Annotated[_uuid.UUID | None, UI(_("Administrador suplente"), ref="official")] = None


def _give_opinion(*, obj: Any, actor: Any, favourable: bool, reason: str) -> Any:
    return opening_request_give_opinion(request=obj, actor=actor, opinion=reason, favourable=favourable)


def _approve(*, obj: Any, actor: Any, graphic_identity: str = "", reason: str = "", agreed_name: str = "",
             agreed_url: str = "") -> Any:
    return opening_request_approve(request=obj, actor=actor, reason=reason, graphic_identity=graphic_identity,
                                   agreed_name=agreed_name, agreed_url=agreed_url)


def _report(*, obj: Any, actor: Any, primary: Any = None, alternate: Any = None, **data: Any) -> Any:
    from pregon.registry.choices import AdminRole

    administrators = [(o, role) for o, role in ((primary, AdminRole.PRIMARY), (alternate, AdminRole.ALTERNATE)) if o]
    return opening_request_report(request=obj, actor=actor, administrators=administrators, **data)


OPENING_REQUEST_SPEC = register_spec(ProcedureSpec(
    key="opening_request", position=20, model=OpeningRequest, segment="aperturas", api_segment="opening-requests",
    title=_("Solicitud de apertura de cuenta"), title_plural=_("Solicitudes de apertura de cuenta"),
    columns=((_("Cuenta propuesta"), "proposed_name"), (_("Red"), "platform"), (_("Área"), "area")),
    create=Create(OpeningRequestIn, opening_request_create, roles=("area_head",)),
    actions={"give_opinion": Action(OpinionIn, _give_opinion), "approve": Action(ApproveOpeningIn, _approve),
             "report": Action(ReportOpeningIn, _report)},
    scope=by_area("area"), panel="procedures/partials/_opening_request_fields.html",
    select_related=("area", "platform", "requested_by"),
    demo=opening_demo_load,
))
