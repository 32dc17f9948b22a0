"""Writes of the procedures app.

Generic machinery only: `procedure_create()`, `procedure_transition()` (the only code that changes a procedure's
status), `deadline_expire()` / `deadlines_expire_due()` / `tick()` (what `pregon tick` runs) and the helpers the
procedures' own services share. Each procedure's action services live in its module, `flows/<procedure>.py`.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from pregon.core.errors import ApplicationError, InvalidTransition
from pregon.institutions.access import RoleRequired, require_role
from pregon.institutions.policies import policy_for
from pregon.ledger.services import actor_label_for, event_record
from pregon.notifications.services import notification_send_pending, notify_message
from pregon.policy import Policy

from .choices import DeadlineStatus
from .deadlines import deadline_start, term_of_transition
from .models import Deadline, ProcedureModel, TransitionRecord
from .workflows import (
    OWNER,
    ProcedureDisabled,
    Transition,
    TransitionContext,
    Workflow,
    check_actor,
    check_guard,
    check_state,
    workflow_for,
)

logger = logging.getLogger(__name__)

P = TypeVar("P", bound=ProcedureModel)


def _validation_error(exc: ValidationError) -> ApplicationError:
    messages = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    text = " ".join(str(m) for values in messages.values() for m in values)
    return ApplicationError(text, code="INVALID_DATA", extra={"errors": messages})


# ------------------------------------------------------------------------------------------------ generic machinery


def _close_open_deadlines(obj: ProcedureModel, transition: Transition, policy: Policy, now: datetime) -> None:
    """The state is left: its open deadlines are done (the responsible role acted) or cancelled (e.g. withdrawn)."""
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(obj)
    open_deadlines = Deadline.objects.filter(subject_type=ct, subject_id=obj.pk, status=DeadlineStatus.OPEN)
    roles = transition.resolve_roles(policy)
    for deadline in open_deadlines:
        status = DeadlineStatus.DONE if deadline.responsible_role in roles else DeadlineStatus.CANCELLED
        Deadline.objects.filter(pk=deadline.pk, status=DeadlineStatus.OPEN).update(status=status, closed_at=now)


def _start_deadline(
    obj: ProcedureModel, workflow: Workflow, transition: Transition, policy: Policy, now: datetime
) -> Deadline | None:
    """The deadline the transition's table row declares for the state it lands in, built by the one builder."""
    term = term_of_transition(workflow, transition, obj, policy)
    return deadline_start(obj=obj, term=term, policy=policy, now=now) if term is not None else None


def _silence_reason(deadline: Deadline, obj: ProcedureModel) -> str:
    due = timezone.localtime(deadline.due_at, ZoneInfo(obj.institution.timezone))
    return gettext(
        "Silencio: sin pronunciamiento dentro del plazo de %(duration)s (%(clauses)s), vencido el %(due)s."
    ) % {
        "duration": deadline.duration_display,
        "clauses": ", ".join(deadline.clauses) or gettext("política de la institución"),
        "due": due.strftime("%d/%m/%Y %H:%M"),
    }


def _refuse_if_overdue(workflow: Workflow, transition: Transition, obj: ProcedureModel, now: datetime) -> None:
    """A person's action is refused once the term of the state it leaves has run out, even if the tick has not
    applied the expiry yet: the outcome of the deadline is already decided (rosarito:9.7, "se entenderá que no es
    procedente"). Allowed when the expiry leaves this action possible (an administrator can still be designated
    once the designation is overdue; an incident step can still be completed), and for SYSTEM transitions."""
    if transition.is_system or transition.keeps_deadlines:
        return
    from django.contrib.contenttypes.models import ContentType

    due = (
        Deadline.objects.filter(
            subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk, status=DeadlineStatus.OPEN,
            state=obj.status, due_at__lte=now,
        )
        .exclude(on_expiry="")
        .order_by("due_at", "id")
    )
    for deadline in due:
        expiry = next((t for t in workflow.transitions if t.name == deadline.on_expiry), None)
        if expiry is None or expiry.target in transition.sources:
            continue
        local_due = timezone.localtime(deadline.due_at, ZoneInfo(obj.institution.timezone))
        raise InvalidTransition(
            gettext(
                "El plazo de %(duration)s venció el %(due)s: ya no se puede %(action)s; corresponde «%(outcome)s» "
                "(%(clauses)s)."
            )
            % {
                "duration": deadline.duration_display,
                "due": local_due.strftime("%d/%m/%Y %H:%M"),
                "action": transition.label or transition.name,
                "outcome": expiry.label or workflow.state_label(expiry.target),
                "clauses": ", ".join(deadline.clauses) or gettext("política de la institución"),
            },
            code="DEADLINE_PASSED",
            extra={"deadline": str(deadline.public_id), "due_at": deadline.due_at.isoformat(),
                   "clauses": list(deadline.clauses)},
        )


def procedure_transition(
    *,
    obj: P,
    action: str,
    actor: Any,
    reason: str = "",
    data: dict[str, Any] | None = None,
    deadline: Deadline | None = None,
) -> P:
    """Fires `action` of the procedure's transition table on `obj`, as `actor` (None = the system, at expiry).

    In one transaction: locks the row (SELECT … FOR UPDATE), checks who may fire it (a user with no role in the
    institution gets a 404-type error, a wrong role or an auditor a 403-type one), the source state (409) and
    the guard; sets the status and the action's fields; closes the deadlines of the state it leaves and starts
    the next state's; writes one TransitionRecord and exactly one ledger event `<workflow>.<event>`; records the
    notifications (e-mails leave after commit). Raises an ApplicationError and changes nothing when refused.
    Returns the updated row (and refreshes `obj`).
    """
    workflow = workflow_for(obj)
    transition = workflow.get(action)
    reason = (reason or "").strip()
    model = type(obj)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=obj.pk)
        institution = locked.institution
        policy = policy_for(institution)
        check_actor(workflow, transition, locked, actor, policy)
        check_state(workflow, transition, locked)
        now = timezone.now()
        _refuse_if_overdue(workflow, transition, locked, now)
        if deadline is not None and not reason:
            reason = _silence_reason(deadline, locked)
        ctx = TransitionContext(
            workflow=workflow,
            transition=transition,
            actor=actor,
            policy=policy,
            now=now,
            reason=reason,
            data=dict(data or {}),
            deadline=deadline,
            from_status=locked.status,
        )
        check_guard(transition, locked, ctx)

        from_status = locked.status
        changes: dict[str, Any] = {"status": [from_status, transition.target]}
        locked.status = transition.target
        if transition.effect is not None:
            changes.update(transition.effect(locked, ctx) or {})
        try:
            locked.full_clean()
        except ValidationError as exc:
            raise _validation_error(exc) from None
        locked.save()

        if not transition.keeps_deadlines:
            _close_open_deadlines(locked, transition, policy, now)
        started = _start_deadline(locked, workflow, transition, policy, now)
        if deadline is not None:  # fired by the tick: which deadline ran out
            changes["expired_deadline"] = [None, str(deadline.public_id)]
        if started is not None:  # facts, not changes of a field: [None, value] (ledger changes shape)
            changes["deadline_due_at"] = [None, started.due_at]
            changes["deadline_duration"] = [None, f"{started.duration_amount} {started.duration_unit}"]
            changes["deadline_clauses"] = [None, list(started.clauses)]
            changes["deadline_calendar_fingerprint"] = [None, started.calendar_fingerprint]
        clauses = transition.resolve_clauses(policy)
        if clauses:
            changes["clauses"] = [None, list(clauses)]

        event = event_record(
            action=workflow.ledger_action(transition),
            actor=actor,
            institution=institution,
            target=locked,
            reason=reason,
            changes=changes,
            policy_version=policy.version,
        )
        TransitionRecord.objects.create(
            institution=institution,
            subject=locked,
            workflow=workflow.name,
            action=transition.name,
            from_status=from_status,
            to_status=transition.target,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            actor_label=actor_label_for(actor)[:255],
            reason=reason,
            policy_version=policy.version,
            deadline=deadline,
            ledger_event=event,
            created_at=now,
        )
        if transition.notify is not None:
            notify_ctx = dataclasses.replace(ctx, started_deadline=started)
            for message in transition.notify(locked, notify_ctx):
                notify_message(institution=institution, message=message)
    obj.refresh_from_db()
    return locked


def procedure_create(*, obj: P, actor: Any, submit: str | None, created_event: str = "created") -> P:
    """Saves a new procedure in its initial state and, when `submit` names an action, fires it at once.

    Refused (nothing saved) when the actor holds no role in the institution (404), may not fire the first action
    (403), or when the institution's norm has no such procedure (`policy.<procedure>.enabled`). Exactly one
    ledger event: the submit transition's, or `<workflow>.<created_event>` when only a draft is saved.
    """
    workflow = workflow_for(obj)
    institution = obj.institution
    policy = policy_for(institution)
    require_role(actor, institution, write=True)
    if not workflow.is_enabled(policy):
        message = workflow.disabled_message(policy) if workflow.disabled_message else gettext(
            "La norma de esta institución no prevé este trámite."
        )
        raise ProcedureDisabled(message, extra={"clauses": list(workflow.enabled_clause_refs(policy))})
    first = workflow.get(submit) if submit else next(
        (t for t in workflow.transitions_from(workflow.initial) if not t.is_system and OWNER not in t.resolve_roles(policy)),
        None,
    )
    if first is not None:
        obj.status = workflow.initial
        check_actor(workflow, first, obj, actor, policy)
    obj.status = workflow.initial
    obj.policy_version = policy.version
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise _validation_error(exc) from None
    with transaction.atomic():
        obj.save()
        if submit:
            procedure_transition(obj=obj, action=submit, actor=actor)
        else:
            event_record(
                action=f"{workflow.name}.{created_event}",
                actor=actor,
                institution=institution,
                target=obj,
                changes={"status": [None, workflow.initial]},
                policy_version=policy.version,
            )
    return obj


# ------------------------------------------------------------------------------------------------ tick


@dataclass
class TickResult:
    """What one run of the tick did. `failed` deadlines stay open and are retried by the next run."""

    applied: int = 0
    skipped: int = 0
    cancelled: int = 0
    failed: int = 0
    emails: int = 0
    periodic: dict[str, int] = dataclasses.field(default_factory=dict)  # what each procedure's periodic jobs did

    def as_dict(self) -> dict[str, int]:
        data = dataclasses.asdict(self)
        return {**{k: v for k, v in data.items() if k != "periodic"}, **self.periodic}


def deadline_expire(*, deadline_id: int, now: datetime | None = None) -> str:
    """Applies one due deadline's expiry outcome, exactly once. Returns applied | skipped | cancelled | failed.

    The claim (conditional UPDATE open -> expired, healthchecks' sendalerts pattern) and the expiry transition
    run in ONE transaction: if anything fails after the claim, both roll back and the deadline is open again
    for the next tick (no lost outcome); a concurrent or repeated tick finds it no longer open and skips it (no
    double outcome). A deadline whose procedure has meanwhile left the state is cancelled, not retried forever.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            token = uuid.uuid4()
            claimed = Deadline.objects.filter(pk=deadline_id, status=DeadlineStatus.OPEN, due_at__lte=now).update(
                status=DeadlineStatus.EXPIRED, claimed_at=now, claim_token=token, closed_at=now
            )
            if claimed != 1:
                return "skipped"
            deadline = Deadline.objects.select_related("institution").get(pk=deadline_id)
            subject = deadline.subject
            if subject is None:
                raise InvalidTransition("the subject of the deadline no longer exists")
            procedure_transition(obj=subject, action=deadline.on_expiry, actor=None, deadline=deadline)
            Deadline.objects.filter(pk=deadline_id, claim_token=token).update(expired_outcome_applied_at=now)
        return "applied"
    except InvalidTransition as exc:
        logger.warning("deadline %s cannot expire (%s): cancelled", deadline_id, exc)
        with transaction.atomic():
            Deadline.objects.filter(pk=deadline_id, status=DeadlineStatus.OPEN).update(
                status=DeadlineStatus.CANCELLED, closed_at=now
            )
        return "cancelled"
    except Exception:
        logger.exception("deadline %s: expiry failed; it stays open for the next tick", deadline_id)
        return "failed"


def deadlines_expire_due(*, now: datetime | None = None, limit: int = 1000) -> TickResult:
    """Applies every open deadline due at `now` (oldest first, through the partial index on open rows)."""
    now = now or timezone.now()
    result = TickResult()
    ids = list(
        Deadline.objects.filter(status=DeadlineStatus.OPEN, due_at__lte=now)
        .order_by("due_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in ids:
        outcome = deadline_expire(deadline_id=pk, now=now)
        setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def tick(*, now: datetime | None = None) -> TickResult:
    """What `pregon tick` and the periodic task run: expire due deadlines, then each procedure's periodic jobs
    (declared in its spec: `ProcedureSpec.periodic`, e.g. the credential-rotation reminders or the abandonment
    check), then retry unsent e-mails. Every step is idempotent."""
    from .spec import all_specs

    result = deadlines_expire_due(now=now)
    for spec in all_specs():
        for periodic in spec.periodic:
            result.periodic[periodic.name] = result.periodic.get(periodic.name, 0) + periodic.job(now=now)
    result.emails = notification_send_pending()
    return result


# ------------------------------------------------------------------------------------------------ helpers of services


def invalid_input(message: str, field: str = "__all__", code: str = "INVALID_DATA") -> ApplicationError:
    """A refusal of a service's input, naming the field (the pages put it under that field, the API in `field`)."""
    return ApplicationError(message, code=code, extra={"errors": {field: [message]}, "field": field})


def require_login(actor: Any) -> None:
    if not getattr(actor, "is_authenticated", False):
        raise RoleRequired(gettext("Inicie sesión para hacer esta solicitud."), code="ACTOR_REQUIRED")


def system_start(obj: P, action: str) -> P:
    """Saves a procedure the system starts (no person acting) and fires its SYSTEM opening `action`: one ledger
    event, the transition's. Runs inside the caller's transaction; refusals propagate."""
    workflow = workflow_for(obj)
    policy = policy_for(obj.institution)
    obj.status = workflow.initial
    obj.policy_version = policy.version
    obj.full_clean()
    obj.save()
    return procedure_transition(obj=obj, action=action, actor=None)


def system_start_once(obj: P, action: str) -> P | None:
    """`system_start` for the periodic jobs: in its own savepoint, and None (nothing kept) when a concurrent run
    already created it (the partial unique constraints say so) or the table refuses it (logged)."""
    obj.policy_version = policy_for(obj.institution).version
    try:
        with transaction.atomic():
            obj.save()
            procedure_transition(obj=obj, action=action, actor=None)
    except IntegrityError:
        return None
    except ApplicationError as exc:
        logger.warning("%s: %s not started (%s)", obj.workflow_name, obj, exc)
        return None
    return obj
