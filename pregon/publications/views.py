"""Pages of the publications app: "Revisar publicación" (the checker as you type, htmx; a plain form without
JavaScript), the import of platform exports into an account's archive, and the retroactive audit.

Who may open each page is in `pregon/institutions/permissions.py` (`@institution_rule`); which accounts a user may pick comes
from `selectors` (an account outside them is a 404).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pregon.core.errors import ApplicationError
from pregon.core.htmx import is_htmx_partial
from pregon.core.pagination import paginate
from pregon.institutions.choices import Role
from pregon.institutions.models import Institution
from pregon.institutions.policies import policy_for
from pregon.institutions.permissions import institution_rule
from pregon.registry.choices import AccountStatus

from . import selectors, services
from .checking import TextRefused, review_text
from .forms import AuditFilterForm, AuditRunForm, ImportForm, ReviewForm


@require_http_methods(["GET", "POST"])
@institution_rule("publications:review")
def review(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Checks a draft post. A POST renders the findings (the whole page, or only the findings fragment for htmx,
    which posts on every pause in typing). Nothing is stored."""
    accounts = selectors.accounts_for_review(request.user, institution)
    form = ReviewForm(request.POST or None, accounts=accounts, initial={"account": request.GET.get("cuenta")})
    url = reverse("publications:review", kwargs={"institution": institution.slug})
    htmx = {"hx-post": url, "hx-include": "closest form", "hx-target": "#review-result"}
    form.fields["account"].widget.attrs.update(htmx, **{"hx-trigger": "change"})
    form.fields["text"].widget.attrs.update(htmx, **{"hx-trigger": "keyup changed delay:400ms",
                                                     "hx-indicator": "#review-indicator"})
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = review_text(institution=institution, text=form.cleaned_data["text"],
                                 account=form.cleaned_data["account"])
        except TextRefused as exc:
            form.add_error("text", str(exc.message))
    policy = policy_for(institution)
    held = request.institution_roles  # type: ignore[attr-defined]
    context = {
        "institution": institution,
        "form": form,
        "result": result,
        "can_consult": policy.consultation.enabled and Role.ACCOUNT_ADMIN in held,
        "consult_account": form.cleaned_data.get("account") if form.is_bound and form.is_valid() else None,
    }
    template = "publications/partials/_review_result.html" if is_htmx_partial(request) else "publications/review.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@institution_rule("publications:import")
def publications_import(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Upload a platform export into one account's archive (all or nothing; re-importing changes nothing)."""
    accounts = selectors.accounts_manageable_by(request.user, institution)
    form = ImportForm(request.POST or None, request.FILES or None, accounts=accounts,
                      initial={"account": request.GET.get("cuenta")})
    outcome = None
    errors: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        account = form.cleaned_data["account"]
        upload = form.cleaned_data["file"]
        try:
            outcome = services.publications_import(actor=request.user, account=account, data=upload.read(),
                                                   file_name=upload.name)
        except ApplicationError as exc:
            form.add_error("file", str(exc.message))
            errors = list(exc.extra.get("errors") or [])
        else:
            if outcome.created:
                messages.success(request, _("Se archivaron %(n)s publicaciones nuevas de %(a)s.")
                                 % {"n": outcome.created, "a": account})
            else:
                messages.info(request, _("Todas las publicaciones del archivo ya estaban archivadas: no se cambió nada."))
    selected = form.cleaned_data.get("account") if form.is_bound and form.is_valid() else None
    return render(request, "publications/import.html", {
        "institution": institution, "form": form, "outcome": outcome, "errors": errors, "account": selected,
        "imports": selectors.import_list(selected) if selected else [],
        "has_accounts": accounts.exists(),
    })


@require_http_methods(["GET"])
@institution_rule("publications:audit_list")
def audit_list(request: HttpRequest, institution: Institution) -> HttpResponse:
    """The newest audit of each visible account and its findings, filtered by account, category and severity.
    Both lists are paginated (findings `?page=`, audits `?runs_page=`), each keeping the filters and the other's
    page."""
    accounts = selectors.accounts_for_review(request.user, institution)
    filters = AuditFilterForm(request.GET or None, accounts=accounts)
    data = filters.cleaned_data if filters.is_valid() else {}
    chosen = data.get("cuenta")
    scope = accounts.filter(pk=chosen.pk) if chosen else accounts
    runs = paginate(request, selectors.latest_audit_runs(scope), param="runs_page")
    findings = paginate(request, selectors.audit_finding_list(
        selectors.latest_audit_runs(scope), category=data.get("categoria") or "", severity=data.get("gravedad") or ""
    ))
    manageable = selectors.accounts_manageable_by(request.user, institution)
    context = {
        "institution": institution,
        "filters": filters,
        "runs": runs.items,
        "runs_paged": runs,
        "findings": findings.items,
        "paged": findings,
        "runnable": list(manageable.exclude(status=AccountStatus.CLOSED)) if chosen is None else
        [a for a in manageable.filter(pk=chosen.pk)],
    }
    template = "publications/partials/_audit_findings.html" if is_htmx_partial(request) else "publications/audit_list.html"
    return render(request, template, context)


@require_POST
@institution_rule("publications:audit_run")
def audit_run(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Runs (or enqueues, for big archives) the audit of one account the user may manage."""
    form = AuditRunForm(request.POST)
    back = reverse("publications:audit_list", kwargs={"institution": institution.slug})
    if not form.is_valid():
        messages.error(request, _("Elija la cuenta que quiere auditar."))
        return redirect(back)
    account = selectors.account_get(selectors.accounts_manageable_by(request.user, institution),
                                    form.cleaned_data["account"])
    if account is None:
        raise Http404(_("No se encontró la cuenta."))
    run = services.audit_request(account=account, actor=request.user)
    if run is None:
        messages.info(request, _("La auditoría de %(a)s se está ejecutando; sus resultados aparecerán aquí en unos "
                                 "minutos.") % {"a": account})
    else:
        messages.success(request, _("Auditoría de %(a)s: %(n)s publicaciones revisadas, %(f)s con observaciones.")
                         % {"a": account, "n": run.publications_checked, "f": run.flagged_count})
    return redirect(f"{back}?cuenta={account.public_id}")
