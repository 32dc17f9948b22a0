"""The institution's own administration pages: officials (register, record a departure), the business-day
calendar (declared days, electoral periods, a deadline helper) and the policy (fields, clauses, revisions).

Plain function views: parse, call a service, render. Who may open each page is written in `pregon/institutions/permissions.py`
and applied with `@institution_rule`. Refusals from the services come back as messages on the form; nothing is
changed when they do.

Decision (departures): a departure dated after today (institution's time zone) is refused. A baja is recorded when
it has happened because it immediately starts administrator changes and credential rotations; scheduling a future
one would put accounts at risk while the person still works there. Past dates are accepted (late recording).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pregon.core.errors import ApplicationError
from pregon.core.htmx import is_htmx_partial
from pregon.institutions.permissions import URL_PERMISSIONS, institution_rule
from pregon.policy import PolicyError, load_preset, resolve
from pregon.policy.labels import humanize
from pregon.policy.render import DEFAULT_MARK, entries
from pregon.policy.render import changes as policy_changes
from pregon.workdays import CalendarError, DayReason

from . import services
from .access import RoleRequired, area_ids_of
from .choices import Role
from .forms_admin import (
    DeadlineForm,
    DeadlineUnit,
    ElectoralPeriodForm,
    NonWorkingDayForm,
    OfficialCreateForm,
    OfficialEndForm,
    PolicyRevisionConfirmForm,
    PolicyRevisionForm,
    form_errors_from,
)
from .models import ElectoralPeriod, Institution, NonWorkingDay, Official, PolicyRevision
from .policies import calendar_for, local_today, policy_for, revision_in_force
from .templatetags.pregon_format import duration_label, local_date

DAY_REASON_LABELS = {
    DayReason.ELECTORAL_PERIOD: gettext_lazy("hábil por proceso electoral"),
    DayReason.DECLARED_WORKING: gettext_lazy("declarado hábil"),
    DayReason.DECLARED_NON_WORKING: gettext_lazy("inhábil declarado por la institución"),
    DayReason.STATUTORY_HOLIDAY: gettext_lazy("día festivo oficial"),
    DayReason.WEEKLY_REST: gettext_lazy("descanso semanal"),
    DayReason.WORKDAY: gettext_lazy("día hábil"),
}
WEEKDAY_NAMES = [
    gettext_lazy("lunes"),
    gettext_lazy("martes"),
    gettext_lazy("miércoles"),
    gettext_lazy("jueves"),
    gettext_lazy("viernes"),
    gettext_lazy("sábado"),
    gettext_lazy("domingo"),
]


def _may(request: HttpRequest, url_name: str) -> bool:
    """Whether the roles the user holds in the request's institution pass the rule of `url_name`."""
    held = getattr(request, "institution_roles", set())
    return any(URL_PERMISSIONS[url_name].allows_role(role) for role in held)


# ---------------------------------------------------------------- officials


@require_http_methods(["GET", "POST"])
@institution_rule("institutions:official_create")
def official_create(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Registrar servidor público (Communications)."""
    form = OfficialCreateForm(request.POST or None, institution=institution)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            official = services.official_create(
                actor=request.user,
                institution=institution,
                area=data["area"],
                full_name=data["full_name"],
                email=data["email"],
                position_title=data["position_title"],
                rank=data["rank"],
            )
        except ApplicationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Se registró a %(name)s.") % {"name": official.full_name})
            return redirect("institutions:detail", institution=institution.slug)
    return render(request, "institutions/official_create.html", {"institution": institution, "form": form})


def _official_or_404(institution: Institution, public_id: uuid.UUID) -> Official:
    official = Official.objects.filter(institution=institution, public_id=public_id).select_related("area").first()
    if official is None:
        raise Http404(_("No se encontró al servidor público."))
    return official


def may_end_official(request: HttpRequest, institution: Institution, official: Official) -> bool:
    """Communications records any departure; an area head only those of officials of their area(s)."""
    held = getattr(request, "institution_roles", set())
    if Role.COMMS in held:
        return True
    if Role.AREA_HEAD in held:
        areas = area_ids_of(request.user, institution, Role.AREA_HEAD)
        return areas is None or official.area_id in areas
    return False


@require_http_methods(["GET", "POST"])
@institution_rule("institutions:official_end")
def official_end(request: HttpRequest, institution: Institution, official: uuid.UUID) -> HttpResponse:
    """Registrar baja: ends the official's employment, which starts an administrator change (and a credential
    rotation where the policy says so) for every account they administered. The message says how many."""
    obj = _official_or_404(institution, official)
    if not may_end_official(request, institution, obj):
        raise RoleRequired(_("Sólo Comunicación Social o el titular de su área registran la baja de esta persona."))
    if not obj.is_active:
        messages.error(
            request,
            _("%(name)s ya causó baja el %(date)s; no se registró nada.")
            % {"name": obj.full_name, "date": local_date(obj.employment_ended_on)},
        )
        return redirect("institutions:detail", institution=institution.slug)
    today = local_today(institution)
    form = OfficialEndForm(request.POST or None, today=today, initial={"ended_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            ended = services.official_end_employment(
                actor=request.user,
                official=obj,
                ended_on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as exc:
            messages.error(request, str(exc.message))
            return redirect("institutions:detail", institution=institution.slug)
        messages.success(
            request,
            " ".join([_("Se registró la baja de %(name)s.") % {"name": obj.full_name}, *ended.departure_consequences]),
        )
        return redirect("institutions:detail", institution=institution.slug)
    return render(
        request, "institutions/official_end.html", {"institution": institution, "official": obj, "form": form}
    )


# ---------------------------------------------------------------- calendar


def _year_of(request: HttpRequest, today: dt.date) -> int:
    try:
        year = int(request.GET.get("anio", today.year))
    except ValueError:
        return today.year
    return year if 1990 <= year <= 2100 else today.year


def _calendar_context(
    request: HttpRequest,
    institution: Institution,
    *,
    day_form: NonWorkingDayForm | None = None,
    period_form: ElectoralPeriodForm | None = None,
) -> dict[str, Any]:
    today = local_today(institution)
    year = _year_of(request, today)
    policy = policy_for(institution)
    calendar = calendar_for(institution)
    declared = list(NonWorkingDay.objects.filter(institution=institution).order_by("date"))
    declared_dates = {d.date for d in declared}

    statutory = []
    counts = {"business": 0, "statutory": 0, "declared": 0, "rest": 0, "electoral": 0}
    day = dt.date(year, 1, 1)
    while day.year == year:
        explanation = calendar.explain(day)
        name = calendar.holiday_name(day)
        if name and day not in declared_dates:
            statutory.append(
                {
                    "date": day,
                    "name": name,
                    "is_business": explanation.is_business,
                    "why": DAY_REASON_LABELS.get(explanation.reason, ""),
                }
            )
        if explanation.is_business:
            counts["business"] += 1
        if explanation.reason == DayReason.STATUTORY_HOLIDAY:
            counts["statutory"] += 1
        elif explanation.reason == DayReason.DECLARED_NON_WORKING:
            counts["declared"] += 1
        elif explanation.reason == DayReason.WEEKLY_REST:
            counts["rest"] += 1
        elif explanation.reason == DayReason.ELECTORAL_PERIOD:
            counts["electoral"] += 1
        day += dt.timedelta(days=1)

    usual_clauses = policy.calendar.clauses_for("usual_non_working_days")
    suggestions = []
    for suggestion_year in (today.year, today.year + 1):
        for usual in policy.calendar.usual_non_working_days:
            try:
                date = dt.date(suggestion_year, usual.month, usual.day)
            except ValueError:  # 29 February in a common year
                continue
            if date in declared_dates:
                continue
            source = _("Acuerdo anual %(year)s (%(clauses)s)") % {
                "year": suggestion_year,
                "clauses": ", ".join(usual_clauses) or DEFAULT_MARK,
            }
            suggestions.append({"date": date, "reason": usual.reason, "source": source, "clauses": usual_clauses})

    may_write = _may(request, "institutions:nonworking_day_declare")
    if may_write and day_form is None:
        initial = {}
        if request.GET.get("dia_fecha"):
            initial = {
                "date": request.GET.get("dia_fecha"),
                "reason": request.GET.get("dia_motivo", ""),
                "source": request.GET.get("dia_fuente", ""),
            }
        day_form = NonWorkingDayForm(initial=initial)
    if may_write and period_form is None:
        period_form = ElectoralPeriodForm()

    return {
        "institution": institution,
        "year": year,
        "today": today,
        "policy": policy,
        "calendar": calendar,
        "workweek": [WEEKDAY_NAMES[i] for i in sorted(policy.calendar.workweek)],
        "calendar_clauses": {
            f: f"({', '.join(policy.calendar.clauses_for(f))})" if policy.calendar.clauses_for(f) else DEFAULT_MARK
            for f in ("office_start", "office_end", "workweek", "electoral_all_business", "usual_non_working_days")
        },
        "counts": counts,
        "statutory": statutory,
        "declared": [d for d in declared if d.date.year == year],
        "declared_other_years": sum(1 for d in declared if d.date.year != year),
        "periods": ElectoralPeriod.objects.filter(institution=institution).order_by("starts_on"),
        "suggestions": suggestions,
        "may_write": may_write,
        "day_form": day_form,
        "period_form": period_form,
        "deadline": _deadline(request, institution, calendar),
    }


def _deadline(request: HttpRequest, institution: Institution, calendar: Any) -> dict[str, Any]:
    """The "calcular plazo" helper: a bound form when the query has `start`, and its result."""
    tz = ZoneInfo(institution.timezone)
    if "start" not in request.GET:
        now = timezone.now().astimezone(tz).replace(second=0, microsecond=0, tzinfo=None)
        return {
            "form": DeadlineForm(initial={"start": now, "amount": 3, "unit": DeadlineUnit.BUSINESS_DAYS}),
            "result": None,
        }
    form = DeadlineForm(request.GET)
    with timezone.override(tz):
        valid = form.is_valid()
    if not valid:
        return {"form": form, "result": None}
    start: dt.datetime = form.cleaned_data["start"].astimezone(tz)
    amount: int = form.cleaned_data["amount"]
    unit: str = form.cleaned_data["unit"]
    try:
        if unit == DeadlineUnit.BUSINESS_DAYS:
            due = calendar.add_business_days(start, amount)
        else:
            due = calendar.add_business_hours(start, amount)
    except CalendarError as exc:
        form.add_error(None, str(exc))
        return {"form": form, "result": None}
    skipped = []
    declared = dict(
        NonWorkingDay.objects.filter(institution=institution, date__gt=start.date(), date__lte=due.date()).values_list(
            "date", "reason"
        )
    )
    day = start.date() + dt.timedelta(days=1)
    while day <= due.date() and len(skipped) < 60:
        explanation = calendar.explain(day)
        if not explanation.is_business:
            skipped.append(
                {
                    "date": day,
                    "why": DAY_REASON_LABELS.get(explanation.reason, ""),
                    "name": declared.get(day)
                    if explanation.reason == DayReason.DECLARED_NON_WORKING
                    else explanation.name,
                }
            )
        day += dt.timedelta(days=1)
    return {
        "form": form,
        "result": {
            "start": start,
            "due": due.astimezone(tz),
            "amount": amount,
            "unit_label": dict(DeadlineUnit.CHOICES)[unit],
            "duration": duration_label(amount, unit),
            "skipped": skipped,
            "fingerprint": calendar.fingerprint,
        },
    }


@require_GET
@institution_rule("institutions:calendar")
def calendar_detail(request: HttpRequest, institution: Institution) -> HttpResponse:
    """The year's business calendar: statutory holidays, declared days (and the norm's usual ones, suggested),
    electoral periods, and the deadline helper. htmx requests for the helper get only its result."""
    context = _calendar_context(request, institution)
    if is_htmx_partial(request) and "start" in request.GET:
        return render(request, "institutions/partials/_deadline_result.html", context)
    return render(request, "institutions/calendar_detail.html", context)


@require_POST
@institution_rule("institutions:nonworking_day_declare")
def nonworking_day_declare(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Declares a non-working day. A day already declared is refused with a message and nothing changes."""
    form = NonWorkingDayForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if NonWorkingDay.objects.filter(institution=institution, date=data["date"]).exists():
            form.add_error(
                "date",
                _("El %(date)s ya está declarado inhábil; no se registró nada.")
                % {"date": local_date(data["date"])},
            )
        else:
            try:
                day = services.nonworking_day_declare(
                    actor=request.user,
                    institution=institution,
                    date=data["date"],
                    reason=data["reason"],
                    source=data["source"],
                )
            except ApplicationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(
                    request, _("El %(date)s quedó declarado inhábil.") % {"date": local_date(day.date)}
                )
                return redirect(f"{_calendar_url(institution)}?anio={day.date.year}")
    return render(request, "institutions/calendar_detail.html", _calendar_context(request, institution, day_form=form))


@require_POST
@institution_rule("institutions:electoral_period_declare")
def electoral_period_declare(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Declares an electoral period. An overlap with another period is refused with a message; nothing changes."""
    form = ElectoralPeriodForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            period = services.electoral_period_declare(
                actor=request.user,
                institution=institution,
                name=data["name"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            )
        except ApplicationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Se registró el proceso electoral «%(name)s».") % {"name": period.name})
            return redirect("institutions:calendar", institution=institution.slug)
    return render(
        request, "institutions/calendar_detail.html", _calendar_context(request, institution, period_form=form)
    )


def _calendar_url(institution: Institution) -> str:
    return reverse("institutions:calendar", kwargs={"institution": institution.slug})


# ---------------------------------------------------------------- policy


def _grouped(entries: list[Any]) -> list[dict[str, Any]]:
    """Policy entries (pregon.policy.render.Entry) grouped by section, labels translated where a catalogue has them."""
    sections: list[dict[str, Any]] = []
    for e in entries:
        if not sections or sections[-1]["name"] != e.section:
            sections.append({"name": e.section, "label": _(e.section_label), "rows": []})
        sections[-1]["rows"].append(e)
    return sections


def _policy_state(institution: Institution) -> tuple[Any, Any, PolicyRevision | None, str, dt.date]:
    """(policy in force, its norm base, the revision in force, the base's name, today)."""
    today = local_today(institution)
    in_force = revision_in_force(institution, today)
    preset = in_force.preset if in_force else institution.policy_preset
    return policy_for(institution), load_preset(preset), in_force, preset, today


def _policy_context(request: HttpRequest, institution: Institution) -> dict:
    policy, _base, in_force, _preset, today = _policy_state(institution)
    revisions = PolicyRevision.objects.filter(institution=institution).select_related("created_by").order_by("-version")
    return {
        "institution": institution,
        "policy": policy,
        "today": today,
        "in_force": in_force,
        "in_force_overrides": json.dumps(in_force.overrides, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if in_force and in_force.overrides
        else "",
        "sections": _grouped(entries(policy)),
        "revisions": revisions,
        "may_write": _may(request, "institutions:policy_revision_create"),
    }


@require_GET
@institution_rule("institutions:policy")
def policy_detail(request: HttpRequest, institution: Institution) -> HttpResponse:
    """The policy in force in Spanish: every value with its clause or «decisión de la institución»; the revisions."""
    return render(request, "institutions/policy_detail.html", _policy_context(request, institution))


def _revision_form(request: HttpRequest, institution: Institution, data: Any = None) -> PolicyRevisionForm:
    policy, base, in_force, _preset, today = _policy_state(institution)
    return PolicyRevisionForm(data, policy=policy, base=base, overrides=in_force.overrides if in_force else {},
                              today=today, initial={"effective_on": today})


def _render_revision(request: HttpRequest, institution: Institution, form: PolicyRevisionForm, *,
                     changes: list[Any] | None = None, confirm: PolicyRevisionConfirmForm | None = None,
                     refused: str = "") -> HttpResponse:
    policy, _base, in_force, preset, _today = _policy_state(institution)
    return render(request, "institutions/policy_revision_form.html", {
        "institution": institution, "policy": policy, "preset": preset, "in_force": in_force, "form": form,
        "changes": changes, "confirm": confirm, "refused": refused,
    })


def _place_policy_error(form: PolicyRevisionForm, exc: PolicyError | ApplicationError) -> None:
    """A refusal of the policy core on the form fields it names (or the TOML box, or the whole form)."""
    errors = getattr(exc, "errors", None) or (exc.extra.get("errors") if isinstance(exc, ApplicationError) else None)
    placed = False
    for err in errors or []:
        name = str(err.get("field", "")).replace(".", "__")
        for candidate in (name, name + "__amount"):
            if candidate in form.fields:
                form.add_error(candidate, humanize(str(err.get("reason", ""))))
                placed = True
                break
    if not placed:
        message = exc.message if isinstance(exc, ApplicationError) else str(exc)
        form.add_error("toml" if form.cleaned_data.get("toml") else None, humanize(str(message)))


@require_http_methods(["GET", "POST"])
@institution_rule("institutions:policy_revision_create")
def policy_revision_create(request: HttpRequest, institution: Institution) -> HttpResponse:
    """A policy revision in three steps: the form (values field by field, TOML for experts), the difference with the
    policy in force (before and after, per value, with its source) and the confirmation, which saves it. Any refusal
    shows a Spanish message and saves nothing."""
    if request.method == "GET":
        return _render_revision(request, institution, _revision_form(request, institution))
    if "confirm" in request.POST:
        return _policy_revision_confirm(request, institution)
    form = _revision_form(request, institution, request.POST)
    if not form.is_valid():
        return _render_revision(request, institution, form)
    policy, _base, _in_force, preset, _today = _policy_state(institution)
    overrides = form.cleaned_data["overrides"]
    try:
        proposed = resolve(preset, json.loads(json.dumps(overrides, cls=DjangoJSONEncoder)))
    except PolicyError as exc:
        _place_policy_error(form, exc)
        return _render_revision(request, institution, form)
    changes = policy_changes(policy, proposed)
    if not changes:
        form.add_error(None, _("La revisión no cambia nada de la política vigente."))
        return _render_revision(request, institution, form)
    confirm = PolicyRevisionConfirmForm(initial={
        "overrides_json": json.dumps(overrides, cls=DjangoJSONEncoder, ensure_ascii=False),
        "effective_on": form.cleaned_data["effective_on"].isoformat(),
        "reason": form.cleaned_data["reason"],
    })
    return _render_revision(request, institution, form, changes=changes, confirm=confirm)


def _policy_revision_confirm(request: HttpRequest, institution: Institution) -> HttpResponse:
    confirm = PolicyRevisionConfirmForm(request.POST)
    form = _revision_form(request, institution)
    if not confirm.is_valid():
        refused = " ".join(str(e) for errors in confirm.errors.values() for e in errors)
        return _render_revision(request, institution, form, refused=refused)
    data = confirm.cleaned_data
    _policy, _base, _in_force, preset, today = _policy_state(institution)
    bounds = PolicyRevisionForm(
        {"effective_on": data["effective_on"].isoformat(), "reason": data["reason"]}, policy=_policy, base=_base,
        overrides={}, today=today,
    )
    bounds.full_clean()
    if "effective_on" in bounds.errors:
        return _render_revision(request, institution, form, refused=" ".join(bounds.errors["effective_on"]))
    try:
        revision = services.policy_revision_create(
            actor=request.user,
            institution=institution,
            preset=preset,
            overrides=data["overrides_json"],
            effective_on=data["effective_on"],
            reason=data["reason"],
        )
    except ApplicationError as exc:
        return _render_revision(request, institution, form, refused=str(exc.message))
    messages.success(
        request,
        _("Se registró la revisión %(version)s, vigente desde el %(date)s.")
        % {"version": revision.version, "date": local_date(revision.effective_on)},
    )
    return redirect("institutions:policy", institution=institution.slug)
