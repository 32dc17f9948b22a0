"""Forms of the institution's own administration pages (officials, calendar, policy).

Forms only parse and check the shape of the input; the rules live in the services (`services.py`), whose
refusals the views put back on the form (`form_errors_from`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from pregon.core.errors import ApplicationError
from pregon.policy import PolicyError, parse_overrides

from .choices import Rank
from .models import Area, Institution
from .templatetags.pregon_format import local_date

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Business hours beyond this are not a plausible term to check by hand (the core accepts far more).
MAX_HELPER_DAYS = 365
MAX_HELPER_HOURS = 2_000


def form_errors_from(form: forms.Form, exc: ApplicationError) -> None:
    """Puts a service refusal on the form: on the named fields when the form has them, else as a form error."""
    fields = exc.extra.get("fields") or {}
    placed = False
    for name, texts in fields.items():
        target = name if name in form.fields and name != NON_FIELD_ERRORS else None
        for text in texts:
            form.add_error(target, str(text))
            placed = True
    if not placed:
        form.add_error(None, str(exc.message))


class OfficialCreateForm(forms.Form):
    """Registrar servidor público: a public servant of the institution in one of its areas."""

    full_name = forms.CharField(label=_("Nombre completo"), max_length=255)
    email = forms.EmailField(label=_("Correo institucional"))
    position_title = forms.CharField(label=_("Cargo"), max_length=255)
    rank = forms.ChoiceField(label=_("Nivel de mando"), choices=Rank.choices)
    area = forms.ModelChoiceField(label=_("Área"), queryset=Area.objects.none(), empty_label=None)

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(institution=institution).order_by("level", "name")


class OfficialEndForm(forms.Form):
    """Registrar baja. The date may not be after today (in the institution's time zone): a departure is recorded
    once it has happened, because it immediately starts the administrator changes and credential rotations."""

    ended_on = forms.DateField(label=_("Fecha de baja"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("Motivo"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["ended_on"].widget.attrs["max"] = today.isoformat()
        self.fields["ended_on"].help_text = _("Hoy o antes; no se registran bajas futuras.")

    def clean_ended_on(self) -> dt.date:
        value: dt.date = self.cleaned_data["ended_on"]
        if value > self.today:
            raise forms.ValidationError(
                _("La fecha de baja (%(date)s) es posterior a hoy: registre la baja cuando ocurra."),
                code="future",
                params={"date": local_date(value)},
            )
        return value


class NonWorkingDayForm(forms.Form):
    date = forms.DateField(label=_("Fecha"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("Motivo"), max_length=255)
    source = forms.CharField(
        label=_("Fuente"), max_length=255, required=False, help_text=_("p. ej. «acuerdo anual 2026»")
    )


class ElectoralPeriodForm(forms.Form):
    name = forms.CharField(label=_("Nombre del proceso electoral"), max_length=255)
    starts_on = forms.DateField(label=_("Inicia"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Termina"), widget=DATE_WIDGET)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("El proceso electoral no puede terminar antes de empezar."))
        return data


class DeadlineUnit:
    BUSINESS_DAYS = "business_days"
    BUSINESS_HOURS = "business_hours"
    CHOICES: ClassVar[list[tuple[str, Any]]] = [
        (BUSINESS_DAYS, _("días hábiles")),
        (BUSINESS_HOURS, _("horas hábiles")),
    ]


class DeadlineForm(forms.Form):
    """Calcular plazo: an instant (read in the institution's time zone; validate it inside
    `timezone.override(institution tz)`) plus N business days or hours."""

    start = forms.DateTimeField(
        label=_("Desde (fecha y hora del acto)"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    amount = forms.IntegerField(label=_("Plazo"), min_value=0, max_value=MAX_HELPER_HOURS)
    unit = forms.ChoiceField(label=_("Unidad"), choices=DeadlineUnit.CHOICES)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("unit") == DeadlineUnit.BUSINESS_DAYS and (data.get("amount") or 0) > MAX_HELPER_DAYS:
            self.add_error("amount", _("Como máximo %(n)s días hábiles.") % {"n": MAX_HELPER_DAYS})
        return data


class PolicyRevisionForm(forms.Form):
    """A new policy revision: the preset in force plus overrides written as TOML, from a date."""

    overrides = forms.CharField(
        label=_("Ajustes (TOML)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false", "class": "code"}),
        help_text=_(
            "Sólo lo que difiere de la norma base, por sección; cada valor cambiado cita su cláusula en la tabla "
            "«clauses» de la sección. Sustituye los ajustes de la revisión vigente: vacío vuelve a la norma base."
        ),
    )
    effective_on = forms.DateField(label=_("Vigente desde"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("Motivo"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_overrides(self) -> dict[str, Any]:
        text = self.cleaned_data.get("overrides") or ""
        try:
            return parse_overrides(text)
        except PolicyError as exc:
            raise forms.ValidationError(str(exc), code="toml") from None
