"""Reads of the notifications app."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import CalendarFeedToken, Notification


def notification_list_for(*, user: Any) -> QuerySet[Notification]:
    """The user's own notifications, newest first."""
    return Notification.objects.filter(recipient=user).select_related("institution")


def notification_get_for(*, user: Any, public_id: Any) -> Notification:
    from django.http import Http404
    from django.utils.translation import gettext

    try:
        return Notification.objects.get(recipient=user, public_id=public_id)
    except (Notification.DoesNotExist, ValueError, Exception) as exc:  # a malformed UUID is also "not found"
        raise Http404(gettext("No se encontró el aviso.")) from exc


def unread_count(*, user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def user_for_feed_token(token: str) -> Any | None:
    """The active user whose ICS feed secret is `token`, or None."""
    if not token or len(token) > 64:
        return None
    row = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if row is None or not row.user.is_active:
        return None
    return row.user
