"""Home page, institution switcher and the institution pages.

Plain function views: parse the request, ask a selector, render. Who may open each page is written
in `pregon/institutions/permissions.py`; institution pages take their rule from there with `@institution_rule`.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pregon.core.pagination import paginate
from pregon.institutions.permissions import URL_PERMISSIONS, institution_rule

from .context_processors import SESSION_KEY, current_institution_of, memberships_by_institution
from .forms import InstitutionSwitchForm
from .home import home_panels_for, role_descriptions
from .models import Area, Institution, Membership, Official


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The user's institutions (the current one first), their roles there and each one's pending work."""
    entries = memberships_by_institution(request)
    current = current_institution_of(request)
    entries = sorted(entries, key=lambda e: e.institution != current)
    descriptions = role_descriptions()
    blocks = []
    for entry in entries:
        blocks.append(
            {
                "institution": entry.institution,
                "is_current": entry.institution == current,
                "memberships": [
                    {"membership": m, "label": m.get_role_display(), "does": descriptions.get(m.role, "")}
                    for m in entry.memberships
                ],
                "panels": home_panels_for(request=request, institution=entry.institution, roles=entry.roles),
            }
        )
    return render(request, "institutions/home.html", {"blocks": blocks})


@require_POST
def institution_switch(request: HttpRequest) -> HttpResponse:
    """Makes another of the user's institutions the current one (kept in the session)."""
    form = InstitutionSwitchForm(request.POST, choices=[e.institution for e in memberships_by_institution(request)])
    if not form.is_valid():
        raise Http404(_("No existe esa institución o usted no tiene acceso a ella."))
    institution: Institution = form.cleaned_data["institution"]
    request.session[SESSION_KEY] = institution.slug
    messages.success(request, _("Ahora trabaja en %(institution)s.") % {"institution": institution.name})
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(next_url)
    return redirect("home")


@require_GET
@institution_rule("institutions:detail")
def institution_detail(request: HttpRequest, institution: Institution) -> HttpResponse:
    """An institution's areas (as a tree, with their heads) and officials (50 a page), for anyone holding a role
    there."""
    areas = list(Area.objects.filter(institution=institution).select_related("head").order_by("level", "name"))
    children: dict[int | None, list[Area]] = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)

    def tree(parent_id: int | None) -> list[dict]:
        return [{"area": a, "children": tree(a.pk)} for a in children.get(parent_id, [])]

    paged = paginate(
        request, Official.objects.filter(institution=institution).select_related("area").order_by("full_name", "pk")
    )
    return render(
        request,
        "institutions/institution_detail.html",
        {
            "institution": institution,
            "area_tree": tree(None),
            "officials": paged.items,
            "paged": paged,
            "can_see_people": any(URL_PERMISSIONS["institutions:people"].allows_role(r) for r in request.institution_roles),
        },
    )


@require_GET
@institution_rule("institutions:people")
def institution_people(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Who holds which role in the institution (for Communications, area heads, Transparency and auditors), 50 a
    page."""
    paged = paginate(
        request,
        Membership.objects.filter(institution=institution).select_related("user", "area").order_by("role", "user__username", "pk"),
    )
    return render(
        request,
        "institutions/institution_people.html",
        {"institution": institution, "memberships": paged.items, "paged": paged},
    )
