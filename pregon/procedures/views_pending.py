""""Mis pendientes" (/pendientes/), its ICS feed (/pendientes.ics?token=…) and the feed link's reset.

Namespace `pending` (pregon/procedures/urls_pending.py); rules in pregon/institutions/permissions.py. What is pending is decided
by `pending.pending_for_user`; these views only render it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pregon.institutions.templatetags.pregon_format import duration_of
from pregon.notifications import selectors as notification_selectors
from pregon.notifications import services as notification_services
from pregon.notifications.ics import IcsEvent, render_calendar

from .pending import FOLLOWING, TO_ACT, WAITING, pending_for_user


@require_GET
def pending(request: HttpRequest) -> HttpResponse:
    items = pending_for_user(user=request.user)
    token = notification_services.calendar_token_get_or_create(user=request.user)
    feed_url = request.build_absolute_uri(reverse("pending:ics")) + f"?token={token.token}"
    return render(
        request,
        "procedures/pending.html",
        {
            "to_act": [i for i in items if i.relation == TO_ACT],
            "following": [i for i in items if i.relation == FOLLOWING],
            "waiting": [i for i in items if i.relation == WAITING],
            "feed_url": feed_url,
        },
    )


@require_POST
def feed_token_reset(request: HttpRequest) -> HttpResponse:
    notification_services.calendar_token_reset(user=request.user)
    messages.success(request, _("Se generó un enlace nuevo; el anterior dejó de funcionar."))
    return redirect("pending:list")


@login_not_required
@require_GET
def pending_ics(request: HttpRequest) -> HttpResponse:
    """The deadlines of the user's pending steps as an iCalendar feed. Authenticated by the secret token in the URL,
    because calendar apps cannot log in; without a token, a browser is sent to the HTML page (which asks to log
    in). Steps without a deadline have no date to put in a calendar and are left out."""
    token = request.GET.get("token", "")
    if not token:
        return redirect("pending:list")
    user = notification_selectors.user_for_feed_token(token)
    if user is None:
        raise Http404(_("Enlace de calendario no válido."))
    events = []
    for item in pending_for_user(user=user):
        deadline = item.deadline
        if deadline is None:
            continue
        summary = (_("Vencido: %(what)s") if item.overdue else _("Vence: %(what)s")) % {"what": item.title}
        description = _("%(institution)s · %(duration)s · %(clauses)s") % {
            "institution": item.institution,
            "duration": duration_of(deadline),
            "clauses": ", ".join(deadline.clauses) or "—",
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
