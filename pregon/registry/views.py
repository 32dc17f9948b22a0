"""Registry pages: inventory (with filters, htmx partial refresh), account page, registration, administrators,
import (upload → preview → confirm) and export. Plain function views: parse, call one selector or service, render.

Who may open each page is in `pregon/institutions/permissions.py` (`@institution_rule`); object-level visibility comes from
`selectors.account_get_visible_to` (404 when not visible), and area heads only manage their own areas' accounts.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pregon.core.errors import ApplicationError
from pregon.core.htmx import is_htmx_partial
from pregon.core.pagination import paginate
from pregon.institutions.access import RoleRequired
from pregon.institutions.choices import Role
from pregon.institutions.models import Institution
from pregon.institutions.policies import policy_for
from pregon.institutions.permissions import institution_rule

from . import inventory as inv
from . import selectors, services
from .choices import AccountStatus, Kind, Tier
from .filters import AccountFilters
from .forms import (
    AccountRegisterForm,
    AdministratorAssignForm,
    AdministratorEndForm,
    InventoryUploadForm,
)
from .models import SocialAccount
from .signals import open_procedures_requested

IMPORT_SESSION_KEY = "registry_import"


def _account_or_404(request: HttpRequest, institution: Institution, account_id: Any) -> SocialAccount:
    account = selectors.account_get_visible_to(request.user, institution, account_id)
    if account is None:
        raise Http404(_("No se encontró la cuenta."))
    return account


def _require_manager(request: HttpRequest, account: SocialAccount) -> None:
    if not selectors.account_may_manage_administrators(request.user, account):
        raise RoleRequired(_("Sólo Comunicación Social o el titular del área designan administradores de esta cuenta."))


def _form_errors_from(form: Any, exc: ApplicationError) -> None:
    fields = exc.extra.get("fields") or {}
    placed = False
    for name, texts in fields.items():
        target = name if name in form.fields else None
        for text in texts:
            form.add_error(target, str(text))
            placed = True
    if not placed:
        form.add_error(None, str(exc.message))


def _with_labels(accounts: list[SocialAccount]) -> None:
    """Sets tier_label, kind_label and status_label on each row. get_FOO_display() hashes every choice's lazy label
    on each call (Django's make_hashable), hundreds of translations per list page; here each label is translated
    once per request."""
    tiers, kinds, statuses = ({value: str(label) for value, label in c.choices} for c in (Tier, Kind, AccountStatus))
    for account in accounts:
        account.tier_label = tiers.get(account.tier, account.tier)  # type: ignore[attr-defined]
        account.kind_label = kinds.get(account.kind, account.kind)  # type: ignore[attr-defined]
        account.status_label = statuses.get(account.status, account.status)  # type: ignore[attr-defined]


@require_GET
@institution_rule("registry:account_list")
def account_list(request: HttpRequest, institution: Institution) -> HttpResponse:
    """The inventory: every visible account (closed ones too, marked), filtered by platform, tier, kind, status,
    area and text, sorted, 50 a page (the filters and the sort kept across pages). htmx requests get only the
    table."""
    filters = AccountFilters(request.GET or None, institution=institution)
    paged = paginate(request, selectors.account_list_visible_to(request.user, institution, filters.values()))
    _with_labels(paged.items)
    held = request.institution_roles  # type: ignore[attr-defined]
    context = {
        "institution": institution,
        "filters": filters,
        "paged": paged,
        "accounts": paged.items,
        "can_register": Role.COMMS in held,
        "query": paged.query,
    }
    template = "registry/partials/_account_table.html" if is_htmx_partial(request) else "registry/account_list.html"
    return render(request, template, context)


@require_GET
@institution_rule("registry:account_detail")
def account_detail(request: HttpRequest, institution: Institution, account: uuid.UUID) -> HttpResponse:
    """One account: its data, administrators (current and past), policy violations, access-review findings,
    recorded accesses and its ledger timeline (50 events a page)."""
    obj = _account_or_404(request, institution, account)
    timeline = paginate(request, selectors.account_timeline(obj))
    context = {
        "institution": institution,
        "account": obj,
        "administrators": selectors.account_administrators(obj),
        "violations": services.administrators_validate(obj),
        "findings": services.access_review(account=obj),
        "grants": selectors.account_access_grants(obj),
        "timeline": timeline.items,
        "paged": timeline,
        "open_procedures": _open_procedures(request, obj),
        "can_manage": selectors.account_may_manage_administrators(request.user, obj),
        "assign_form": AdministratorAssignForm(institution=institution),
        "end_form": AdministratorEndForm(),
    }
    return render(request, "registry/account_detail.html", context)


def _open_procedures(request: HttpRequest, account: Any) -> list[Any]:
    """The account's open incidents and procedures, from the apps above the registry (signals.py)."""
    responses = open_procedures_requested.send(sender=SocialAccount, account=account, actor=request.user)
    return [item for _receiver, items in responses for item in items or ()]


@require_http_methods(["GET", "POST"])
@institution_rule("registry:account_register")
def account_register(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Registers a pre-existing account (the only direct registration): it enters `pending_regularisation` and its
    regularisation starts (rosarito:Transitorio 2). A new account goes through the opening request instead; where
    the norm has no regime for pre-existing accounts the page says so and offers only that (409 on POST)."""
    policy = policy_for(institution)
    refusal = services.preexisting_registration_refusal(institution, policy)
    context: dict[str, Any] = {
        "institution": institution, "refusal": refusal,
        "clauses": ", ".join(policy.transitional.clauses_for("preexisting_regularisation")),
    }
    if refusal is not None:
        context["form"] = None
        return render(request, "registry/account_register.html", context, status=409 if request.method == "POST" else 200)
    form = AccountRegisterForm(request.POST or None, institution=institution)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = services.account_register_preexisting(
                actor=request.user, institution=institution, area=data["area"], url=data["url"],
                platform=data["platform"], display_name=data["display_name"], tier=data["tier"], kind=data["kind"],
                email=data["email"] or "", platform_account_id=data["platform_account_id"] or "",
                opened_on=data["opened_on"], attention_hours=data["attention_hours"] or "",
                holiday_notice=data["holiday_notice"] or "", purpose=data["purpose"] or "",
            )
        except ApplicationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("Cuenta %(a)s registrada por regularizar; se inició su regularización.")
                             % {"a": account})
            return redirect("registry:account_detail", institution=institution.slug, account=account.public_id)
    context["form"] = form
    return render(request, "registry/account_register.html", context)


@require_http_methods(["GET", "POST"])
@institution_rule("registry:administrator_assign")
def administrator_assign(request: HttpRequest, institution: Institution, account: uuid.UUID) -> HttpResponse:
    """Designating an administrator is an administrator change (rosarito:10.6, pasto:3.15): the procedure is opened
    and completed with the designation, so the roles the norm names are told the new name."""
    obj = _account_or_404(request, institution, account)
    _require_manager(request, obj)
    form = AdministratorAssignForm(request.POST or None, institution=institution)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = services.administrator_change_request(
                actor=request.user, account=obj, official=data["official"], role=data["role"],
                reason=data["reason"] or "",
            )
        except ApplicationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("Administrador designado mediante el trámite de cambio de administrador."))
            return redirect(change.get_absolute_url())
    return render(request, "registry/administrator_assign.html", {"institution": institution, "account": obj, "form": form})


@require_POST
@institution_rule("registry:administrator_end")
def administrator_end(
    request: HttpRequest, institution: Institution, account: uuid.UUID, administrator: uuid.UUID
) -> HttpResponse:
    obj = _account_or_404(request, institution, account)
    _require_manager(request, obj)
    admin = selectors.administrator_get(obj, administrator)
    if admin is None:
        raise Http404(_("No se encontró la asignación."))
    form = AdministratorEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indique el motivo del término."))
    else:
        try:
            change = services.administrator_change_request(
                actor=request.user, account=obj, leaving=admin, ends_on=form.cleaned_data["ends_on"],
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Asignación terminada; se abrió el cambio de administrador para designar a "
                                        "quien la sustituya."))
            return redirect(change.get_absolute_url())
    return redirect("registry:account_detail", institution=institution.slug, account=obj.public_id)


@require_GET
@institution_rule("registry:access_review")
def access_review(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Everyone recorded with access who is neither an administrator nor the area head, and administrators
    whose employment ended, over every open account of the institution."""
    paged = paginate(request, services.access_review(institution=institution))
    return render(request, "registry/access_review.html",
                  {"institution": institution, "findings": paged.items, "paged": paged})


@require_GET
@institution_rule("registry:inventory_export")
def inventory_export(request: HttpRequest, institution: Institution) -> HttpResponse:
    """The visible inventory (with the list's filters) as CSV (default) or XLSX."""
    fmt = request.GET.get("format", "csv")
    filters = AccountFilters(request.GET or None, institution=institution)
    accounts = selectors.account_list_visible_to(request.user, institution, filters.values())
    if fmt == "xlsx":
        response = HttpResponse(
            inv.export_xlsx(accounts), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        fmt = "csv"
        response = HttpResponse(inv.export_csv(accounts), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inventario-{institution.slug}.{fmt}"'
    return response


@require_http_methods(["GET", "POST"])
@institution_rule("registry:inventory_import")
def inventory_import(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Upload → preview (a dry run with the row-by-row report) → confirm (the real import, all or nothing).
    Between the two steps the file waits in the default storage under a random name kept in the session."""
    form = InventoryUploadForm()
    result = None
    pending = request.session.get(IMPORT_SESSION_KEY)
    if pending and pending.get("institution") != institution.slug:
        pending = None
    if request.method == "POST" and request.POST.get("action") == "confirm" and pending:
        name = pending["path"]
        try:
            with default_storage.open(name, "rb") as handle:
                data = handle.read()
        except OSError:
            messages.error(request, _("El archivo de la vista previa ya no está disponible; súbalo de nuevo."))
            return redirect("registry:inventory_import", institution=institution.slug)
        try:
            result = inv.inventory_import(actor=request.user, institution=institution, data=data, filename=pending["filename"])
        except inv.InventoryFileError as exc:
            messages.error(request, str(exc.message))
        finally:
            default_storage.delete(name)
            request.session.pop(IMPORT_SESSION_KEY, None)
        if result is not None and result.imported:
            messages.success(request, _("Se importaron %(n)s cuentas y %(a)s administradores.") % {"n": result.created, "a": result.administrators})
            return redirect("registry:account_list", institution=institution.slug)
    elif request.method == "POST":
        form = InventoryUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > inv.MAX_UPLOAD_BYTES:
                form.add_error("file", _("El archivo pesa más de %(n)s MB.") % {"n": inv.MAX_UPLOAD_BYTES // 1048576})
            else:
                data = upload.read()
                try:
                    result = inv.inventory_import(
                        actor=request.user, institution=institution, data=data, filename=upload.name, dry_run=True
                    )
                except inv.InventoryFileError as exc:
                    form.add_error("file", str(exc.message))
                else:
                    if result.ok:
                        name = default_storage.save(f"registry/imports/{uuid.uuid4().hex}", ContentFile(data))
                        request.session[IMPORT_SESSION_KEY] = {
                            "institution": institution.slug, "path": name, "filename": upload.name[:200],
                        }
    return render(
        request,
        "registry/inventory_import.html",
        {"institution": institution, "form": form, "result": result, "columns": inv.COLUMNS,
         "status_closed": AccountStatus.CLOSED},
    )
