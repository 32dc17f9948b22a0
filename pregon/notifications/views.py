"""Inbox (/bandeja/), "Mis pendientes" (/pendientes/) and the ICS feed (/pendientes.ics?token=…)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pregon.core.pagination import paginate
from pregon.institutions.templatetags.pregon_format import duration_of
from pregon.procedures.selectors import deadline_list_for_user

from . import selectors, services
from .ics import IcsEvent, render_calendar


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


@require_GET
def pending(request: HttpRequest) -> HttpResponse:
    items = deadline_list_for_user(user=request.user)
    token = services.calendar_token_get_or_create(user=request.user)
    feed_url = request.build_absolute_uri(reverse("notifications:pending_ics")) + f"?token={token.token}"
    return render(
        request,
        "notifications/pending.html",
        {
            "to_act": [i for i in items if i.mine_to_act],
            "waiting": [i for i in items if not i.mine_to_act],
            "feed_url": feed_url,
        },
    )


@require_POST
def feed_token_reset(request: HttpRequest) -> HttpResponse:
    services.calendar_token_reset(user=request.user)
    messages.success(request, _("Se generó un enlace nuevo; el anterior dejó de funcionar."))
    return redirect("notifications:pending")


@login_not_required
@require_GET
def pending_ics(request: HttpRequest) -> HttpResponse:
    """The user's open deadlines as an iCalendar feed. Authenticated by the secret token in the URL, because
    calendar apps cannot log in; without a token, a browser is sent to the HTML page (which asks to log in)."""
    token = request.GET.get("token", "")
    if not token:
        return redirect("notifications:pending")
    user = selectors.user_for_feed_token(token)
    if user is None:
        raise Http404(_("Enlace de calendario no válido."))
    events = []
    for item in deadline_list_for_user(user=user):
        deadline = item.deadline
        clauses = ", ".join(deadline.clauses)
        summary = _("Vence: %(what)s") % {"what": deadline.subject_label}
        description = _("%(institution)s · %(duration)s · %(clauses)s") % {
            "institution": item.institution,
            "duration": duration_of(deadline),
            "clauses": clauses or "—",
        }
        events.append(
            IcsEvent(
                uid=f"{deadline.public_id}@pregon",
                start=deadline.due_at,
                summary=summary,
                description=description,
                url=request.build_absolute_uri(item.link) if item.link else "",
                categories=(deadline.workflow,),
            )
        )
    body = render_calendar(events, name=_("Pregón: mis plazos"), now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    response["Content-Disposition"] = 'inline; filename="pendientes.ics"'
    return response
