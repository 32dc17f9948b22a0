"""Account closure: the transition table `CLOSURE` (rosarito:10.7–10.8, iee-sonora:7.VII–VIII, pasto:3.17,
pasto:3.20).

    draft ──submit (area head)──► submitted ──acknowledge (comms)──► acknowledged
    draft ──propose (comms)──► proposed ──accept (area head)──► acknowledged
                                   └──decline (area head, reasons)──► declined
    acknowledged ──attest_deleted (area head, administrator; content_action=delete)──► contents_deleted ─┐
    acknowledged ──export_history (area head, comms, administrator; content_action=preserve)──► history_archived ─┤
                                                                      close (area head, comms) ──► closed ◄┘
    (draft|proposed|submitted|acknowledged) ──withdraw (owner)──► withdrawn

- submit: the area's notice (oficio) to Communications (rosarito:10.7, iee-sonora:7.VII); Communications is told.
- acknowledge / accept: Communications received it and informs Informática: `closure.notify` is told.
- Contents are the policy's `closure.content_action`, frozen on the request: `delete` — the area attests it deleted
  them (rosarito:10.8, iee-sonora:7.VIII); `preserve` — deleting is forbidden (pasto:3.17), the account's history
  is exported to the archive (registry data, administrators, ledger timeline, archived publications when the
  publications app is installed) as a JSON file whose SHA-256 goes to the ledger; `close` is guarded on it.
- close: the account becomes `closed` in the registry (and so in the directory), `closure.notify` is told.
- Temporary closure (`is_temporary`, chosen when the notice is filed; only for the tiers in
  `closure.temporary_allowed_for` — pasto:3.20 allows it for alternate accounts): after acknowledge, `suspend`
  closes the account temporarily (registry status `suspended`, contents untouched);
  `reopen` makes it active again, or `make_definitive` sends it back to `acknowledged` as a definitive closure
  (contents deleted or archived as the policy says, then `close`).
- Deadlines: none in the norms, and no policy field sets one: a closure waits on the area.
"""

from __future__ import annotations

import hashlib
import json
import uuid as _uuid
from typing import Annotated, Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.core.errors import ApplicationError
from pregon.institutions.policies import policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.closure import ClosureStatus

from ..inputs import UI, Input
from ..models import ClosureRequest
from ..services import procedure_create, procedure_transition
from ..spec import Create, Download, ProcedureSpec, by_account, register_spec
from ..workflows import OWNER, Transition, TransitionContext, Workflow, register
from .common import cite, demo_account, demo_user
from .lifecycle import account_label, account_status_set, head_message, message

_S = ClosureStatus
OPEN_STATES = (_S.DRAFT, _S.PROPOSED, _S.SUBMITTED, _S.ACKNOWLEDGED, _S.CONTENTS_DELETED, _S.HISTORY_ARCHIVED)


def _clauses(policy: Policy) -> tuple[str, ...]:
    section = policy.closure
    found: dict[str, None] = {}
    for name in ("notify", "content_action", "archive_export_required"):
        for c in section.clauses_for(name):
            found.setdefault(c, None)
    return tuple(found)


def _content_clauses(policy: Policy) -> tuple[str, ...]:
    return policy.closure.clauses_for("content_action") + tuple(
        c for c in policy.closure.clauses_for("archive_export_required")
        if c not in policy.closure.clauses_for("content_action"))


def _abandonment_clauses(policy: Policy) -> tuple[str, ...]:
    return policy.closure.clauses_for("abandonment_after") + policy.closure.clauses_for(
        "unattended_alternate_may_close")


def deleting_forbidden_message(policy: Policy) -> str:
    return gettext(
        "La norma prohíbe borrar el historial de publicaciones%(cite)s: el historial se exporta al archivo antes de "
        "cerrar la cuenta."
    ) % {"cite": cite(policy.closure.clauses_for("content_action"), fallback=False)}


# ------------------------------------------------------------------------------------------------ guards


def _account_open(obj: Any, ctx: TransitionContext) -> str | None:
    if obj.account.is_closed:
        return gettext("La cuenta ya está cerrada en el registro.")
    return None


def temporary_clauses(policy: Policy) -> tuple[str, ...]:
    return policy.closure.clauses_for("temporary_allowed_for")


def temporary_refusal(account: Any, policy: Policy) -> str | None:
    """Why `account` may not be closed temporarily (None: it may): only the tiers in
    `closure.temporary_allowed_for` (pasto:3.20: alternate accounts)."""
    allowed = policy.closure.temporary_allowed_for
    if account.tier in allowed:
        return None
    if not allowed:
        return gettext("La norma de esta institución no prevé cierres temporales de cuentas.")
    return gettext("Sólo las cuentas %(tiers)s pueden cerrarse temporalmente%(cite)s.") % {
        "tiers": ", ".join(str(_TIER_LABELS.get(t, t)) for t in allowed), "cite": cite(temporary_clauses(policy), fallback=False)}


_TIER_LABELS = {"main": _("principales"), "alternate": _("alternas")}


def _temporary_only(obj: Any, ctx: TransitionContext) -> str | None:
    if not obj.is_temporary:
        return gettext("Este cierre es definitivo: la cuenta no se suspende, se cierra.")
    return _account_open(obj, ctx) or temporary_refusal(obj.account, ctx.policy)


def _definitive_only(obj: Any, ctx: TransitionContext) -> str | None:
    if obj.is_temporary:
        return gettext("Un cierre temporal no toca los contenidos ni cierra la cuenta: la suspende hasta reabrirla"
                       "%(cite)s. Para cerrarla, conviértalo en definitivo.") % {"cite": cite(temporary_clauses(ctx.policy), fallback=False)}
    return None


def _guard_delete(obj: Any, ctx: TransitionContext) -> str | None:
    refusal = _definitive_only(obj, ctx)
    if refusal:
        return refusal
    if obj.content_action != "delete":
        return deleting_forbidden_message(ctx.policy)
    return None


def _guard_export(obj: Any, ctx: TransitionContext) -> str | None:
    refusal = _definitive_only(obj, ctx)
    if refusal:
        return refusal
    if obj.content_action != "preserve":
        return gettext("La norma de esta institución manda borrar los contenidos%(cite)s, no exportarlos.") % {
            "cite": cite(ctx.policy.closure.clauses_for("content_action"), fallback=False)}
    return None


def _guard_close(obj: Any, ctx: TransitionContext) -> str | None:
    refusal = _account_open(obj, ctx) or _definitive_only(obj, ctx)
    if refusal:
        return refusal
    if obj.content_action == "preserve" and not obj.export_sha256:
        return gettext("Antes de cerrar, exporte el historial de la cuenta al archivo%(cite)s.") % {
            "cite": cite(_content_clauses(ctx.policy), fallback=False)}
    if obj.content_action == "delete" and obj.contents_deleted_at is None:
        return gettext("Antes de cerrar, el área debe atestiguar que borró los contenidos%(cite)s.") % {
            "cite": cite(ctx.policy.closure.clauses_for("content_action"), fallback=False)}
    return None


# ------------------------------------------------------------------------------------------------ effects


def _submitted(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.submitted_at = ctx.now
    return {"submitted_at": [None, ctx.now]}


def _acknowledged(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.acknowledged_at = ctx.now
    obj.acknowledged_by = ctx.actor
    return {"acknowledged_at": [None, ctx.now]}


def _decided(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.reasons = ctx.reason
    return {"reasons": ["", ctx.reason]} if ctx.reason else {}


def _deleted(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.contents_deleted_at = ctx.now
    obj.contents_deleted_by = ctx.actor
    return {"contents_deleted_at": [None, ctx.now], "contents_deleted_by": [None, getattr(ctx.actor, "username", "")]}


def _exported(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    """Builds the archive export of the account's history and stores it before the account may close."""
    from ..archive import account_history_export

    before = {"export_file": obj.export_file.name or "", "export_sha256": obj.export_sha256,
              "export_size": obj.export_size, "exported_at": obj.exported_at}
    payload = account_history_export(obj.account, closure=obj, now=ctx.now)
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1, default=str).encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    name = f"{obj.institution.slug}-{obj.account.handle}-{obj.public_id}-{digest[:12]}.json"
    obj.export_file.save(name, ContentFile(data), save=False)
    obj.export_sha256 = digest
    obj.export_size = len(data)
    obj.exported_at = ctx.now
    obj.exported_by = ctx.actor
    after = {"export_file": obj.export_file.name, "export_sha256": digest, "export_size": len(data),
             "exported_at": ctx.now}
    return {**{key: [before[key], after[key]] for key in after},
            "export_events": [None, len(payload["timeline"])],
            "export_publications": [None, payload["publications"]["count"]]}


def _closed(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.closed_at = ctx.now
    obj.closed_by = ctx.actor
    changes = {"closed_at": [None, ctx.now], "content_action": [None, obj.content_action]}
    changes.update(account_status_set(obj.account, "closed", ctx))
    return changes


def _suspended(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.suspended_at = ctx.now
    changes = {"suspended_at": [None, ctx.now]}
    changes.update(account_status_set(obj.account, "suspended", ctx))
    return changes


def _reopened(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.reopened_at = ctx.now
    changes = {"reopened_at": [None, ctx.now]}
    changes.update(account_status_set(obj.account, "active", ctx))
    return changes


def _made_definitive(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.is_temporary = False
    return {"is_temporary": [True, False]}


# ------------------------------------------------------------------------------------------------ notices


def _notify(obj: Any, ctx: TransitionContext) -> list[Message]:
    name = ctx.transition.name
    account = obj.account_label
    policy = ctx.policy
    others = tuple(r for r in policy.closure.notify if r != "comms")
    head_roles, heads = head_message(obj.account)
    if name == "submit":
        lines = [gettext("El área responsable avisa que dejará de usar la cuenta %(a)s y procederá a cancelarla.")
                 % {"a": account}, "", gettext("Motivo: %(m)s") % {"m": obj.motive}]
        if obj.preserves_history:
            lines += ["", deleting_forbidden_message(policy)]
        return [message(obj, ctx, subject=gettext("Aviso de cierre de la cuenta %(a)s") % {"a": account},
                        lines=lines, roles=("comms",))]
    if name in ("acknowledge", "accept"):
        lines = [gettext("Comunicación Social informa el cierre de la cuenta %(a)s.") % {"a": account},
                 "", gettext("Motivo: %(m)s") % {"m": obj.motive}]
        return [message(obj, ctx, subject=gettext("Cierre de la cuenta %(a)s en curso") % {"a": account},
                        lines=lines, roles=(*others, *(("comms",) if name == "accept" else ()), *head_roles),
                        users=(*heads, obj.requested_by))]
    if name == "propose":
        lines = [gettext("Comunicación Social propone al área cerrar la cuenta %(a)s por desatención.") % {"a": account},
                 "", gettext("Motivo: %(m)s") % {"m": obj.motive}]
        return [message(obj, ctx, subject=gettext("Propuesta de cierre de la cuenta %(a)s") % {"a": account},
                        lines=lines, roles=head_roles, users=heads,
                        clauses=_abandonment_clauses(policy) or _clauses(policy))]
    if name == "decline":
        return [message(obj, ctx, subject=gettext("El área no aceptó cerrar la cuenta %(a)s") % {"a": account},
                        lines=[gettext("El área responsable conserva la cuenta %(a)s.") % {"a": account}],
                        roles=("comms",), users=(obj.requested_by,),
                        clauses=_abandonment_clauses(policy) or _clauses(policy))]
    if name == "suspend":
        lines = [gettext("La cuenta %(a)s quedó cerrada temporalmente: sus contenidos se conservan hasta que se "
                         "reabra o se cierre definitivamente.") % {"a": account}]
        return [message(obj, ctx, subject=gettext("Cuenta %(a)s cerrada temporalmente") % {"a": account},
                        lines=lines, roles=tuple(policy.closure.notify) + head_roles,
                        users=(*heads, obj.requested_by), clauses=temporary_clauses(policy))]
    if name == "reopen":
        return [message(obj, ctx, subject=gettext("Cuenta %(a)s reabierta") % {"a": account},
                        lines=[gettext("La cuenta %(a)s vuelve a estar activa.") % {"a": account}],
                        roles=tuple(policy.closure.notify) + head_roles, users=(*heads, obj.requested_by),
                        clauses=temporary_clauses(policy))]
    if name == "close":
        lines = [gettext("La cuenta %(a)s quedó cerrada en el registro y sale del directorio de cuentas oficiales.")
                 % {"a": account}]
        if obj.preserves_history:
            lines += ["", gettext("Historial exportado al archivo: %(f)s (SHA-256 %(h)s).")
                      % {"f": obj.export_file.name, "h": obj.export_sha256}]
        else:
            lines += ["", gettext("El área atestiguó que borró los contenidos.")]
        return [message(obj, ctx, subject=gettext("Cuenta %(a)s cerrada") % {"a": account}, lines=lines,
                        roles=tuple(policy.closure.notify) + head_roles, users=(*heads, obj.requested_by))]
    return []


CLOSURE = register(
    Workflow(
        name="closure",
        enabled_clauses=lambda p: tuple(dict.fromkeys(p.closure.clauses_for("notify") + p.closure.clauses_for("content_action"))),
        label=_("cierre de cuenta"),
        states=ClosureStatus,
        initial=_S.DRAFT,
        transitions=(
            Transition("submit", (_S.DRAFT,), _S.SUBMITTED, roles=("area_head",), guard=_account_open,
                       effect=_submitted, notify=_notify, label=_("enviar el aviso a Comunicación Social"),
                       clauses=_clauses, event="submitted"),
            Transition("propose", (_S.DRAFT,), _S.PROPOSED, roles=("comms",), guard=_account_open,
                       effect=_submitted, notify=_notify, label=_("proponer el cierre al área"),
                       clauses=_abandonment_clauses, event="proposed"),
            Transition("accept", (_S.PROPOSED,), _S.ACKNOWLEDGED, roles=("area_head",), guard=_account_open,
                       effect=_acknowledged, notify=_notify, label=_("aceptar el cierre propuesto"),
                       clauses=_clauses, event="acknowledged"),
            Transition("decline", (_S.PROPOSED,), _S.DECLINED, roles=("area_head",), requires_reason=True,
                       effect=_decided, notify=_notify, label=_("no aceptar el cierre"), style="danger",
                       clauses=_abandonment_clauses, event="declined"),
            Transition("acknowledge", (_S.SUBMITTED,), _S.ACKNOWLEDGED, roles=("comms",), guard=_account_open,
                       effect=_acknowledged, notify=_notify, label=_("acusar recibo e informar a Informática"),
                       clauses=_clauses, event="acknowledged"),
            Transition("attest_deleted", (_S.ACKNOWLEDGED,), _S.CONTENTS_DELETED, roles=("area_head", "account_admin"),
                       guard=_guard_delete, effect=_deleted, label=_("atestiguar que se borraron los contenidos"),
                       clauses=_content_clauses, style="danger", event="contents_deleted"),
            Transition("export_history", (_S.ACKNOWLEDGED,), _S.HISTORY_ARCHIVED,
                       roles=("area_head", "comms", "account_admin"), guard=_guard_export, effect=_exported,
                       label=_("exportar el historial al archivo"), clauses=_content_clauses,
                       event="history_archived"),
            Transition("close", (_S.CONTENTS_DELETED, _S.HISTORY_ARCHIVED), _S.CLOSED, roles=("area_head", "comms"),
                       guard=_guard_close, effect=_closed, notify=_notify, label=_("cerrar la cuenta"),
                       clauses=_clauses, style="danger", event="closed"),
            Transition("suspend", (_S.ACKNOWLEDGED,), _S.SUSPENDED, roles=("area_head", "comms"),
                       guard=_temporary_only, effect=_suspended, notify=_notify, label=_("cerrar temporalmente"),
                       clauses=temporary_clauses, style="danger", event="suspended"),
            Transition("reopen", (_S.SUSPENDED,), _S.REOPENED, roles=("area_head", "comms"), effect=_reopened,
                       notify=_notify, label=_("reabrir la cuenta"), clauses=temporary_clauses, event="reopened"),
            Transition("make_definitive", (_S.SUSPENDED,), _S.ACKNOWLEDGED, roles=("area_head", "comms"),
                       effect=_made_definitive, label=_("convertir en cierre definitivo"), clauses=_clauses,
                       style="secondary", event="made_definitive"),
            Transition("withdraw", (_S.DRAFT, _S.PROPOSED, _S.SUBMITTED, _S.ACKNOWLEDGED), _S.WITHDRAWN,
                       roles=(OWNER,), effect=_decided, label=_("retirar"), style="secondary", event="withdrawn"),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def closure_request_create(
    *, account: Any, actor: Any, motive: str, submit: bool = True, temporary: bool = False
) -> ClosureRequest:
    """The area's notice that it stops using `account` (rosarito:10.7): by default sent at once to
    Communications. The content action (delete / preserve) is frozen from the policy. `temporary`: a temporary
    closure, only for the tiers in `closure.temporary_allowed_for` (pasto:3.20: alternate accounts). One event:
    `closure.submitted` (or `closure.created` for a draft)."""

    if not (motive or "").strip():
        raise ApplicationError(gettext("Indique el motivo del cierre."), code="INVALID_DATA",
                               extra={"errors": {"motive": [gettext("Este campo es obligatorio.")]}})
    policy = policy_for(account.institution)
    refusal = temporary_refusal(account, policy) if temporary else None
    if refusal is not None:
        raise ApplicationError(refusal, code="TEMPORARY_CLOSURE_NOT_ALLOWED",
                               extra={"errors": {"temporary": [refusal]},
                                      "clauses": list(policy.closure.clauses_for("temporary_allowed_for"))})
    closure = ClosureRequest(
        institution=account.institution, account=account, account_label=account_label(account), requested_by=actor,
        motive=motive.strip(), content_action=policy.closure.content_action, is_temporary=bool(temporary),
    )
    return procedure_create(obj=closure, actor=actor, submit="submit" if submit else None)


def closure_acknowledge(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """Communications acknowledges the notice and informs IT (`closure.notify`)."""
    return procedure_transition(obj=closure, action="acknowledge", actor=actor, reason=reason)


def closure_attest_deleted(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """The area attests it deleted the contents (rosarito:10.8); refused where deleting is forbidden (pasto:3.17)."""
    return procedure_transition(obj=closure, action="attest_deleted", actor=actor, reason=reason)


def closure_export_history(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """Exports the account's history to the archive (file + SHA-256 in the ledger) before closing (pasto:3.17)."""
    return procedure_transition(obj=closure, action="export_history", actor=actor, reason=reason)


def closure_close(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """Closes the account in the registry once its contents were handled as the policy says."""
    return procedure_transition(obj=closure, action="close", actor=actor, reason=reason)


# ---------------------------------------------------------------------------------------------- demo


def closure_demo_load() -> int:
    """`demo_load`: a Pasto account closed through its closure procedure, its history exported first (pasto:3.17)
    (idempotent)."""
    from pregon.institutions.models import Institution

    pasto = Institution.objects.filter(slug="pasto").first()
    if pasto is None or ClosureRequest.objects.filter(institution=pasto).exists():
        return 0
    account, head, comms = demo_account(pasto, skip=1), demo_user(pasto, "area_head"), demo_user(pasto, "comms")
    if account is None or head is None or comms is None:
        return 0
    closure = closure_request_create(account=account, actor=head, motive="El programa terminó; la cuenta deja de usarse.")
    closure_acknowledge(closure=closure, actor=comms)
    closure_export_history(closure=closure, actor=comms)
    closure_close(closure=closure, actor=head)
    return 1


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

class ClosureIn(Input):
    account: Annotated[_uuid.UUID, UI(_("Cuenta"), ref="account")]
    motive: Annotated[str, Field(min_length=1, max_length=4000), UI(_("Motivo del cierre"), widget="textarea")]
    temporary: Annotated[bool, UI(_("Cierre temporal (sólo donde la norma lo prevé)"))] = False


def _create(*, institution: Any, actor: Any, account: Any, motive: str, temporary: bool = False) -> Any:
    return closure_request_create(account=account, actor=actor, motive=motive, temporary=temporary)


def _create_context(institution: Any, policy: Policy) -> dict[str, Any]:
    return {
        "content_action": policy.closure.content_action,
        "deleting_forbidden": deleting_forbidden_message(policy) if policy.closure.content_action == "preserve" else "",
        "clauses": policy.closure.clauses_for("content_action") + policy.closure.clauses_for("notify"),
    }


def _detail_context(obj: Any, policy: Policy) -> dict[str, Any]:
    return {"deleting_forbidden": deleting_forbidden_message(policy) if obj.content_action == "preserve" else ""}


def _archive(obj: Any) -> tuple[str, bytes, str] | None:
    """The history export made before closing (pasto:3.17), checked against the SHA-256 the ledger recorded."""
    if not obj.export_file:
        return None
    with obj.export_file.open("rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != obj.export_sha256:
        from pregon.core.errors import InvalidTransition

        raise InvalidTransition(gettext("El archivo guardado no coincide con la huella SHA-256 registrada en la "
                                        "bitácora; avise a Informática."), code="ARCHIVE_HASH_MISMATCH")
    return f"historial-{obj.account.handle}-{obj.public_id}.json", data, "application/json"


CLOSURE_SPEC = register_spec(ProcedureSpec(
    key="closure", position=60, model=ClosureRequest, segment="cierres", api_segment="closures",
    title=_("Cierre de cuenta"), title_plural=_("Cierres de cuenta"),
    columns=((_("Cuenta"), "account_label"), (_("Contenidos"), "get_content_action_display")),
    create=Create(ClosureIn, _create, roles=("area_head",), panel="procedures/partials/_closure_create.html",
                  context=_create_context, success=_("Aviso de cierre enviado a Comunicación Social."),
                  button=_("Enviar el aviso de cierre")),
    downloads=(Download("archivo", _("Descargar la exportación al archivo"), _archive,
                        available=lambda obj: bool(obj.export_file)),),
    scope=by_account(), panel="procedures/partials/_closure_fields.html", detail_context=_detail_context,
    select_related=("account__platform", "requested_by"),
    demo=closure_demo_load,
))
