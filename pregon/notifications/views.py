"""The inbox (/bandeja/). "Mis pendientes" and its ICS feed are pregon/procedures/views_pending.py: what is pending
is a question about procedures, which this app does not know."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from pregon.core.pagination import paginate

from . import selectors, services


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first, 50 a page."""
    paged = paginate(request, selectors.notification_list_for(user=request.user))
    return render(
        request,
        "notifications/inbox.html",
        {"notifications": paged.items, "paged": paged, "unread": selectors.unread_count(user=request.user)},
    )


@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    notification = selectors.notification_get_for(user=request.user, public_id=request.POST.get("notification", ""))
    services.notification_mark_read(notification=notification, actor=request.user)
    if request.POST.get("next") == "link" and notification.link.startswith("/"):
        return redirect(notification.link)
    return redirect("notifications:inbox")


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.notification_mark_all_read(actor=request.user)
    return redirect("notifications:inbox")
