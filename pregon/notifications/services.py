"""Writes of the notifications app: notify people (inbox + e-mail), mark as read, the ICS feed token."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .choices import EmailStatus
from .models import CalendarFeedToken, Notification

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5
EMAIL_RETRY_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class Message:
    """A notice to send: to the users holding `roles` in the institution and/or to `users`."""

    subject: str
    body: str
    roles: tuple[str, ...] = ()
    users: tuple[Any, ...] = ()
    link: str = ""
    clauses: tuple[str, ...] = ()
    kind: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def recipients_for(*, institution: Any, roles: Iterable[str] = (), users: Iterable[Any] = ()) -> list[Any]:
    """Active users named directly plus active users holding any of `roles` in `institution` (memberships in
    force: not of officials who have left), without duplicates, in a stable order."""
    from pregon.institutions.access import memberships_in_force_in

    user_model = get_user_model()
    ids: dict[int, None] = {}
    for user in users:
        if user is not None and user.pk is not None:
            ids.setdefault(user.pk, None)
    roles = [str(r) for r in roles]
    if roles and institution is not None:
        for user_id in (
            memberships_in_force_in(institution, roles)  # not those who have left the institution
            .order_by("user_id")
            .values_list("user_id", flat=True)
            .distinct()
        ):
            ids.setdefault(user_id, None)
    if not ids:
        return []
    found = {u.pk: u for u in user_model.objects.filter(pk__in=list(ids), is_active=True)}
    return [found[pk] for pk in ids if pk in found]


def notify(
    *,
    institution: Any,
    subject: str,
    body: str,
    roles: Iterable[str] = (),
    users: Iterable[Any] = (),
    link: str = "",
    clauses: Iterable[str] = (),
    kind: str = "",
) -> list[Notification]:
    """Records one Notification per recipient and sends each by e-mail after the surrounding transaction commits.

    Call it inside the transaction of the action that requires the notice: if the action rolls back, nobody is
    notified and no e-mail leaves. Outside a transaction the e-mails are sent at once.
    """
    recipients = recipients_for(institution=institution, roles=roles, users=users)
    clause_list = list(dict.fromkeys(clauses))
    rows = [
        Notification(
            recipient=user,
            institution=institution,
            kind=kind,
            subject=subject[:255],
            body=body,
            link=link,
            clauses=clause_list,
            email_status=EmailStatus.PENDING if user.email else EmailStatus.NO_ADDRESS,
        )
        for user in recipients
    ]
    created = Notification.objects.bulk_create(rows)
    ids = [n.pk for n in created if n.email_status == EmailStatus.PENDING]
    if ids:
        transaction.on_commit(lambda: notification_send_emails(ids))
    return created


def notify_message(*, institution: Any, message: Message) -> list[Notification]:
    return notify(
        institution=institution,
        subject=message.subject,
        body=message.body,
        roles=message.roles,
        users=message.users,
        link=message.link,
        clauses=message.clauses,
        kind=message.kind,
    )


def _absolute(link: str) -> str:
    if not link or link.startswith(("http://", "https://")):
        return link
    return settings.SITE_URL.rstrip("/") + link


def notification_send_emails(ids: Iterable[int]) -> int:
    """Sends the e-mail of each pending notification in `ids`; returns how many were sent.

    Each row is claimed with a conditional UPDATE (pending -> sending), so two senders (the on_commit hook and
    the tick's retry) never send the same e-mail twice. A failure puts the row back to pending (up to
    MAX_EMAIL_ATTEMPTS, then failed); it never raises, because the action that caused it is already committed.
    """
    sent = 0
    for pk in ids:
        claimed = Notification.objects.filter(pk=pk, email_status=EmailStatus.PENDING).update(
            email_status=EmailStatus.SENDING, email_attempts=F("email_attempts") + 1
        )
        if claimed != 1:
            continue
        notification = Notification.objects.select_related("recipient").get(pk=pk)
        body = notification.body
        if notification.link:
            body = f"{body}\n\n{_absolute(notification.link)}"
        try:
            send_mail(
                notification.subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [notification.recipient.email],
                fail_silently=False,
            )
        except Exception:  # noqa: BLE001 - any backend error: retry later, never break the committed action
            logger.exception("notification e-mail %s failed", notification.public_id)
            status = EmailStatus.FAILED if notification.email_attempts >= MAX_EMAIL_ATTEMPTS else EmailStatus.PENDING
            Notification.objects.filter(pk=pk).update(email_status=status)
            continue
        Notification.objects.filter(pk=pk).update(email_status=EmailStatus.SENT, emailed_at=timezone.now())
        sent += 1
    return sent


def notification_send_pending(*, older_than: timedelta = EMAIL_RETRY_AFTER) -> int:
    """Retries e-mails still pending some minutes after they were recorded (run by the tick)."""
    cutoff = timezone.now() - older_than
    ids = list(
        Notification.objects.filter(email_status=EmailStatus.PENDING, created_at__lte=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:500]
    )
    return notification_send_emails(ids)


def notification_mark_read(*, notification: Notification, actor: Any) -> Notification:
    """Marks the actor's own notification as read (no ledger event: reading a notice changes no state of the
    institution)."""
    from django.utils.translation import gettext

    from pregon.core.errors import NotFound

    if notification.recipient_id != getattr(actor, "pk", None):
        raise NotFound(gettext("No se encontró el aviso."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)
    return notification


def notification_mark_all_read(*, actor: Any) -> int:
    """Marks every unread notification of the actor as read; returns how many.

    Ledger: one `inbox.marked_read` event in the chain of each institution whose notifications were marked
    (the system chain for notices without an institution), `{"unread": [n, 0]}`, so each institution's bitácora
    shows when its notices were dismissed unread in bulk. Nothing unread: nothing changes and nothing is recorded.
    """
    from django.db.models import Count

    from pregon.ledger.services import event_record

    with transaction.atomic():
        unread = Notification.objects.filter(recipient=actor, read_at__isnull=True)
        per_institution = list(
            unread.order_by().values("institution").annotate(n=Count("id")).values_list("institution", "n")
        )
        updated = unread.update(read_at=timezone.now())
        institutions = _institutions_by_pk(pk for pk, _n in per_institution)
        for pk, n in sorted(per_institution, key=lambda item: item[0] or 0):
            event_record(action="inbox.marked_read", actor=actor, institution=institutions.get(pk), target=actor,
                         changes={"unread": [n, 0]})
    return updated


def _institutions_by_pk(pks: Iterable[int | None]) -> dict[int, Any]:
    from pregon.institutions.models import Institution

    wanted = {pk for pk in pks if pk is not None}
    return {i.pk: i for i in Institution.objects.filter(pk__in=wanted)} if wanted else {}


def _token_fingerprint(token: str) -> str:
    """What the ledger keeps of a feed secret: the first 12 hex digits of its SHA-256 (never the secret)."""
    import hashlib

    return hashlib.sha256(token.encode()).hexdigest()[:12]


def calendar_token_get_or_create(*, user: Any) -> CalendarFeedToken:
    token, _created = CalendarFeedToken.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


def calendar_token_reset(*, user: Any) -> CalendarFeedToken:
    """A new secret: calendars subscribed with the old feed URL stop receiving the deadlines.

    Ledger: the feed carries the deadlines of every institution where the user holds a role, so one
    `calendar_feed.token_reset` event is written in the chain of each of them (the system chain when the user holds
    none), `{"token_fingerprint": [old, new]}` — fingerprints of the secrets, never the secrets themselves.
    """
    from pregon.institutions.models import Institution
    from pregon.ledger.services import event_record

    with transaction.atomic():
        token, created = CalendarFeedToken.objects.select_for_update().get_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
        before = None if created else _token_fingerprint(token.token)
        if not created:
            token.token = secrets.token_urlsafe(32)
            token.save(update_fields=["token"])
        changes = {"token_fingerprint": [before, _token_fingerprint(token.token)]}
        institutions = list(Institution.objects.filter(memberships__user=user).distinct().order_by("pk")) or [None]
        for institution in institutions:
            event_record(action="calendar_feed.token_reset", actor=user, institution=institution, target=token,
                         changes=changes)
    return token
