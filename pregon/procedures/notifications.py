"""The notices the norms require for each procedure (who is told, with which clause). Pure message builders:
`procedure_transition()` sends what they return through `pregon.notifications.services.notify()`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext

from pregon.notifications.services import Message

if TYPE_CHECKING:  # only annotations: workflows imports this module to build its notices
    from .workflows import TransitionContext


def _local(dt: Any, obj: Any) -> str:
    from zoneinfo import ZoneInfo

    return timezone.localtime(dt, ZoneInfo(obj.institution.timezone)).strftime("%d/%m/%Y %H:%M")


def _clause_text(clauses: tuple[str, ...]) -> str:
    return ", ".join(clauses)


def consultation_submitted_messages(obj: Any, ctx: TransitionContext) -> list[Message]:
    """To Communications (the role the policy names in consultation.answered_by): a consultation awaits answer."""
    policy = ctx.policy
    clauses = ctx.transition.resolve_clauses(policy)
    asker = obj.asked_by.get_full_name() or obj.asked_by.get_username()
    lines = [
        gettext("%(asker)s consulta si es pertinente publicar el siguiente contenido%(account)s:")
        % {"asker": asker, "account": (gettext(" en %(a)s") % {"a": obj.account_label}) if obj.account_label else ""},
        "",
        obj.text,
    ]
    if obj.question:
        lines += ["", gettext("Duda: %(q)s") % {"q": obj.question}]
    deadline = ctx.started_deadline
    if deadline is not None:
        lines += [
            "",
            gettext(
                "Plazo para responder: %(duration)s, vence el %(due)s (%(clauses)s). Si no hay pronunciamiento "
                "en ese plazo, la publicación se tendrá como %(outcome)s."
            )
            % {
                "duration": deadline.duration_display,
                "due": _local(deadline.due_at, obj),
                "clauses": _clause_text(tuple(deadline.clauses)),
                "outcome": gettext("no procedente")
                if policy.consultation.silence_outcome == "rejected"
                else gettext("procedente"),
            },
        ]
    return [
        Message(
            subject=gettext("Consulta de pertinencia por responder (%(clauses)s)") % {"clauses": _clause_text(clauses)},
            body="\n".join(lines),
            roles=(policy.consultation.answered_by,),
            link=obj.get_absolute_url(),
            clauses=clauses,
            kind="consultation.submitted",
        )
    ]


def consultation_decided_messages(obj: Any, ctx: TransitionContext) -> list[Message]:
    """To the administrator who asked: the answer, or the silence outcome, citing the clause."""
    clauses = ctx.transition.resolve_clauses(ctx.policy)
    ref = _clause_text(clauses)
    name = ctx.transition.name
    if name == "approve":
        subject = gettext("Su consulta fue declarada procedente (%(ref)s)") % {"ref": ref}
        first = gettext("Comunicación Social declaró procedente la publicación consultada.")
    elif name == "reject":
        subject = gettext("Su consulta fue declarada no procedente (%(ref)s)") % {"ref": ref}
        first = gettext("Comunicación Social declaró no procedente la publicación consultada.")
    elif name == "expire":
        subject = gettext("Consulta no procedente por falta de respuesta (%(ref)s)") % {"ref": ref}
        first = gettext(
            "Comunicación Social no respondió dentro del plazo; conforme a %(ref)s, la publicación se tiene como "
            "no procedente. No la publique."
        ) % {"ref": ref}
    else:
        subject = gettext("Consulta procedente por falta de respuesta (%(ref)s)") % {"ref": ref}
        first = gettext(
            "Comunicación Social no respondió dentro del plazo; conforme a %(ref)s, la publicación se tiene como "
            "procedente."
        ) % {"ref": ref}
    lines = [first, "", gettext("Contenido consultado:"), obj.text]
    if ctx.reason:
        lines += ["", gettext("Motivos: %(r)s") % {"r": ctx.reason}]
    return [
        Message(
            subject=subject,
            body="\n".join(lines),
            users=(obj.asked_by,),
            link=obj.get_absolute_url(),
            clauses=clauses,
            kind=f"consultation.{ctx.transition.ledger_verb}",
        )
    ]
