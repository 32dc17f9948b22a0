"""Shared helpers of the lifecycle tables (closure, abandonment, recertification, incident, regularisation): who
the area's head is, and how their notices cite the norm.

Account changes (status) are made by these tables' `effect`s through the registry's services (which write their
own `account.*` ledger event, target: the account): the generic transition view, the API and `pregon tick` all
go through `procedure_transition()`, so an effect is the one place every path runs. A transition that changes
the account therefore leaves two events: `<workflow>.<verb>` (the procedure) and `account.*` (the account).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext

from pregon.notifications.services import Message

from ..workflows import TransitionContext
from .common import cite, local


def account_label(account: Any) -> str:
    """How a procedure names its account once and for all (the registry may rename it later)."""
    return str(account)[:255]


def area_heads_of(account: Any) -> tuple[Any, ...]:
    """The users heading the account's area: `area_head` memberships scoped to that area or to the whole
    institution. Empty when nobody holds it (the role-wide notice still reaches every area head)."""
    from pregon.institutions.choices import Role
    from pregon.institutions.models import Membership

    rows = Membership.objects.filter(institution_id=account.institution_id, role=Role.AREA_HEAD).select_related("user")
    scoped = [m.user for m in rows if m.area_id == account.area_id]
    return tuple(scoped or [m.user for m in rows if m.area_id is None])


def head_message(account: Any) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """(roles, users) reaching the account's area head: the scoped heads when known, else the role."""
    heads = area_heads_of(account)
    return ((), heads) if heads else (("area_head",), ())


def message(
    obj: Any, ctx: TransitionContext, *, subject: str, lines: list[str], roles: Iterable[str] = (),
    users: Iterable[Any] = (), clauses: Iterable[str] = (),
) -> Message:
    """A notice about `obj` whose subject and body cite `clauses` (default: the transition's)."""
    refs = tuple(clauses) or ctx.transition.resolve_clauses(ctx.policy)
    body = list(lines)
    if ctx.reason:
        body += ["", gettext("Motivos: %(r)s") % {"r": ctx.reason}]
    if ctx.started_deadline is not None:
        d = ctx.started_deadline
        body += ["", gettext("Plazo: %(duration)s, vence el %(due)s%(ref)s.") % {
            "duration": d.duration_display, "due": local(d.due_at, obj.institution), "ref": cite(d.clauses, fallback=False)}]
    if refs:
        body += ["", gettext("Fundamento: %(refs)s.") % {"refs": ", ".join(refs)}]
    return Message(
        subject=f"{subject}{cite(refs, fallback=False)}",
        body="\n".join(body),
        roles=tuple(str(r) for r in roles),
        users=tuple(u for u in users if u is not None),
        link=obj.get_absolute_url(),
        clauses=refs,
        kind=f"{ctx.workflow.name}.{ctx.transition.ledger_verb}",
    )


def account_status_set(account: Any, status: str, ctx: TransitionContext) -> dict[str, Any]:
    """Sets the registry status of `account` (via `account_set_status`, its own ledger event) unless it already
    is; returns the change for the procedure's ledger event."""
    from pregon.registry.models import SocialAccount
    from pregon.registry.services import account_set_status

    current = SocialAccount.objects.get(pk=account.pk)
    if current.status == status:
        return {}
    reason = ctx.reason or str(ctx.transition.label or ctx.transition.name)
    account_set_status(actor=ctx.actor, account=current, status=status, reason=reason)
    return {"account_status": [current.status, status]}
