"""Forms of the institution's own administration pages (officials, calendar, policy).

Forms only parse and check the shape of the input; the rules live in the services (`services.py`), whose
refusals the views put back on the form (`form_errors_from`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from pregon.core.errors import ApplicationError
from pregon.core.forms import DateField, DateTimeField
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

    ended_on = DateField(label=_("Fecha de baja"), widget=DATE_WIDGET)
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
    date = DateField(label=_("Fecha"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("Motivo"), max_length=255)
    source = forms.CharField(
        label=_("Fuente"), max_length=255, required=False, help_text=_("p. ej. «acuerdo anual 2026»")
    )


class ElectoralPeriodForm(forms.Form):
    name = forms.CharField(label=_("Nombre del proceso electoral"), max_length=255)
    starts_on = DateField(label=_("Inicia"), widget=DATE_WIDGET)
    ends_on = DateField(label=_("Termina"), widget=DATE_WIDGET)

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

    start = DateTimeField(
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


# ---------------------------------------------------------------- policy revisions
#
# A revision is written field by field (one form field per policy value a person can set: yes/no, numbers, terms,
# roles, times, days) or, for experts, as TOML overrides. Both become the revision's overrides: the values that
# differ from the norm base, each cited. A value changed in the form is the institution's own choice
# (`pregon:choice`); a value set back to the norm base's drops its override and recovers the norm's clause.

EARLIEST_EFFECTIVE_ON = dt.date(2000, 1, 1)
MAX_YEARS_AHEAD = 5
# The longest term a person may write per unit (a year of business days, two of calendar days…).
MAX_DURATION = {"business_days": 365, "calendar_days": 730, "business_hours": 2_000, "hours": 8_760}
DURATION_UNITS: list[tuple[str, Any]] = [
    ("business_days", _("días hábiles")),
    ("calendar_days", _("días naturales")),
    ("business_hours", _("horas hábiles")),
    ("hours", _("horas")),
]
UNIT_PLURALS = {"business_days": "días hábiles", "calendar_days": "días naturales",
                "business_hours": "horas hábiles", "hours": "horas"}
YES_NO = [("1", _("sí")), ("0", _("no"))]
# Values only TOML edits: identity of the institution and its calendar zone, ordered or structured lists.
NOT_IN_FORM = {"calendar.country", "calendar.subdivision", "calendar.timezone", "evaluation.escalation"}
DATE_INVALID = _("Esa fecha no existe (p. ej., 30 de febrero). Escríbala como AAAA-MM-DD.")


def _choice_labels(section: str, field: str, values: tuple[Any, ...]) -> list[tuple[str, str]]:
    from pregon.policy import labels

    key = f"{section}.{field}"
    out = []
    for v in values:
        if key in labels.VALUE_LABELS:
            text = labels.VALUE_LABELS[key].get(v, v)
        elif v in labels.ROLE_LABELS:
            text = labels.ROLE_LABELS[v]
        elif v in labels.RANK_LABELS:
            text = labels.RANK_LABELS[v]
        elif v in labels.TIER_LABELS:
            text = f"cuentas {labels.TIER_LABELS[v]}"
        else:
            text = str(v)
        out.append((str(v), text))
    return out


def policy_form_fields(policy: Any) -> list[dict[str, Any]]:
    """What the form can edit, read from the schema: [{section, field, kind, choices, optional, min, max}]."""
    import types
    import typing

    from pregon.policy.schema import SECTION_NAMES, Duration

    def literal_values(tp: Any) -> tuple[Any, ...] | None:
        return typing.get_args(tp) if typing.get_origin(tp) is typing.Literal else None

    out = []
    for section in SECTION_NAMES:
        model = type(getattr(policy, section))
        for field, info in model.model_fields.items():
            if field == "clauses" or f"{section}.{field}" in NOT_IN_FORM:
                continue
            tp, optional = info.annotation, False
            args = typing.get_args(tp)
            if (typing.get_origin(tp) in (typing.Union, types.UnionType)) and type(None) in args:
                optional = True
                tp = next(a for a in args if a is not type(None))
            spec: dict[str, Any] = {"section": section, "field": field, "optional": optional}
            bounds = {type(m).__name__: m for m in info.metadata}
            if tp is bool:
                spec["kind"] = "bool"
            elif tp is int:
                spec.update(kind="int", min=getattr(bounds.get("Ge"), "ge", 0), max=getattr(bounds.get("Le"), "le", 1000))
            elif tp is Duration:
                spec["kind"] = "duration"
            elif tp is dt.time:
                spec["kind"] = "time"
            elif literal_values(tp):
                spec.update(kind="choice", choices=literal_values(tp))
            elif typing.get_origin(tp) is tuple and literal_values(typing.get_args(tp)[0]):
                spec.update(kind="multi", choices=literal_values(typing.get_args(tp)[0]))
            elif typing.get_origin(tp) is tuple and typing.get_args(tp)[0] is int and "workweek" in field:
                spec.update(kind="days")
            else:
                continue
            out.append(spec)
    return out


def _name(spec: dict[str, Any]) -> str:
    return f"{spec['section']}__{spec['field']}"


class PolicyRevisionForm(forms.Form):
    """A new policy revision: values field by field and/or TOML overrides, from a date, with a reason.

    `policy` is the policy in force (initial values), `base` the norm base (preset) it starts from, and
    `overrides` the revision in force's overrides. `cleaned_data["overrides"]` is the new revision's overrides."""

    effective_on = forms.DateField(
        label=_("Vigente desde"), widget=DATE_WIDGET, error_messages={"invalid": DATE_INVALID}
    )
    reason = forms.CharField(label=_("Motivo"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    toml = forms.CharField(
        label=_("Ajustes en TOML (para expertos)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "class": "code"}),
        help_text=_(
            "Opcional. Se aplica sobre los valores de arriba. Cada valor cambiado cita su cláusula en la tabla "
            "«clauses» de la sección (o pregon:choice si es decisión de la institución)."
        ),
    )
    from_base = forms.BooleanField(
        label=_("Partir de la norma base (descartar los ajustes de la revisión vigente)"), required=False
    )

    def __init__(self, *args: Any, policy: Any, base: Any, overrides: dict[str, Any], today: dt.date,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from pregon.policy import labels

        self.policy, self.base, self.current_overrides, self.today = policy, base, overrides or {}, today
        self.specs = policy_form_fields(policy)
        self.fields["effective_on"].widget.attrs.update(
            min=EARLIEST_EFFECTIVE_ON.isoformat(), max=self._latest().isoformat()
        )
        for spec in self.specs:
            section, field = spec["section"], spec["field"]
            label = labels.field_label(section, field)
            value = getattr(getattr(policy, section), field)
            name = _name(spec)
            kind = spec["kind"]
            if kind == "bool":
                self.fields[name] = forms.TypedChoiceField(label=label, choices=YES_NO, coerce=lambda v: v == "1")
                self.initial.setdefault(name, "1" if value else "0")
            elif kind == "int":
                self.fields[name] = forms.IntegerField(
                    label=label, required=not spec["optional"], min_value=spec["min"], max_value=spec["max"],
                    help_text=_("Vacío: la norma no fija un número.") if spec["optional"] else "",
                )
                self.initial.setdefault(name, value)
            elif kind == "duration":
                self.fields[name + "__amount"] = forms.IntegerField(
                    label=label, required=False, min_value=0,
                    help_text=_("Vacío: sin plazo.") if spec["optional"] else "",
                )
                self.fields[name + "__unit"] = forms.ChoiceField(
                    label=_("Unidad de «%(label)s»") % {"label": label}, choices=DURATION_UNITS
                )
                self.initial.setdefault(name + "__amount", value.amount if value else None)
                self.initial.setdefault(name + "__unit", value.unit if value else "business_days")
            elif kind == "time":
                self.fields[name] = forms.TimeField(label=label, widget=forms.TimeInput(attrs={"type": "time"},
                                                                                         format="%H:%M"))
                self.initial.setdefault(name, value)
            elif kind == "choice":
                choices = _choice_labels(section, field, spec["choices"])
                if spec["optional"]:
                    choices = [("", _("— nadie / no aplica"))] + choices
                self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=not spec["optional"])
                self.initial.setdefault(name, "" if value is None else str(value))
            elif kind == "multi":
                self.fields[name] = forms.MultipleChoiceField(
                    label=label, required=False, widget=forms.CheckboxSelectMultiple,
                    choices=_choice_labels(section, field, spec["choices"]),
                )
                self.initial.setdefault(name, [str(v) for v in value])
            elif kind == "days":
                self.fields[name] = forms.TypedMultipleChoiceField(
                    label=label, required=False, widget=forms.CheckboxSelectMultiple, coerce=int,
                    choices=[(str(i), d) for i, d in enumerate(labels.WEEKDAYS)],
                )
                self.initial.setdefault(name, [str(d) for d in value])
        # the date, reason and expert fields after the values
        self.order_fields([n for n in self.fields if n not in ("effective_on", "reason", "toml", "from_base")]
                          + ["toml", "from_base", "effective_on", "reason"])

    def _latest(self) -> dt.date:
        try:
            return self.today.replace(year=self.today.year + MAX_YEARS_AHEAD)
        except ValueError:  # 29 February
            return self.today.replace(year=self.today.year + MAX_YEARS_AHEAD, day=28)

    def sections(self) -> list[dict[str, Any]]:
        """The value fields grouped by section (for the template), each with its bound fields."""
        from pregon.policy import labels

        out: list[dict[str, Any]] = []
        for spec in self.specs:
            if not out or out[-1]["name"] != spec["section"]:
                out.append({"name": spec["section"], "label": labels.section_label(spec["section"]), "fields": []})
            names = [_name(spec)] if spec["kind"] != "duration" else [_name(spec) + "__amount", _name(spec) + "__unit"]
            out[-1]["fields"].extend(self[n] for n in names)
        return out

    def clean_effective_on(self) -> dt.date:
        value: dt.date = self.cleaned_data["effective_on"]
        if value < EARLIEST_EFFECTIVE_ON or value > self._latest():
            raise forms.ValidationError(
                _("La fecha debe estar entre el %(start)s y el %(end)s."),
                code="range",
                params={"start": local_date(EARLIEST_EFFECTIVE_ON), "end": local_date(self._latest())},
            )
        return value

    def clean_toml(self) -> dict[str, Any]:
        text = self.cleaned_data.get("toml") or ""
        try:
            return parse_overrides(text)
        except PolicyError as exc:
            raise forms.ValidationError(str(exc), code="toml") from None

    def _value(self, spec: dict[str, Any]) -> Any:
        """The form's value for one policy field in the policy's own terms (None = no value)."""
        from pregon.policy.schema import Duration

        name, data = _name(spec), self.cleaned_data
        kind = spec["kind"]
        if kind == "duration":
            amount, unit = data.get(name + "__amount"), data.get(name + "__unit")
            if amount is None:
                return None
            return Duration(amount=amount, unit=unit)
        if kind == "choice":
            return data.get(name) or None
        if kind in ("multi", "days"):
            chosen = data.get(name) or []
            order = [str(c) for c in spec["choices"]] if kind == "multi" else [str(i) for i in range(7)]
            keys = sorted((str(c) for c in chosen), key=order.index)
            return tuple(int(k) for k in keys) if kind == "days" else tuple(keys)
        return data.get(name)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for spec in self.specs:
            if spec["kind"] != "duration":
                continue
            name = _name(spec)
            amount, unit = data.get(name + "__amount"), data.get(name + "__unit")
            if amount is None and name + "__amount" not in self.errors and not spec["optional"]:
                self.add_error(name + "__amount", _("Indique el plazo."))
            if amount is not None and unit in MAX_DURATION and amount > MAX_DURATION[unit]:
                self.add_error(
                    name + "__amount",
                    _("El plazo no puede pasar de %(max)s %(unit)s.") % {"max": MAX_DURATION[unit],
                                                                          "unit": UNIT_PLURALS[unit]},
                )
        if self.errors:
            return data
        data["overrides"] = self._overrides(data)
        return data

    def _overrides(self, data: dict[str, Any]) -> dict[str, Any]:
        from pregon.policy import POLICY_CHOICE, merge

        overrides: dict[str, Any] = {} if data.get("from_base") else json.loads(json.dumps(self.current_overrides))
        for spec in self.specs:
            section, field = spec["section"], spec["field"]
            new = self._value(spec)
            if _same(spec, new, getattr(getattr(self.policy, section), field)):
                continue  # unchanged in the form
            table = overrides.setdefault(section, {})
            cited = table.setdefault("clauses", {})
            if _same(spec, new, getattr(getattr(self.base, section), field)):
                table.pop(field, None)  # back to the norm base: its value and its clause
                cited.pop(field, None)
            else:
                table[field] = _plain(new)
                cited[field] = [POLICY_CHOICE]
            if not cited:
                table.pop("clauses")
            if not table:
                overrides.pop(section)
        overrides = merge(overrides, data.get("toml") or {})
        return _cite_switched_on(overrides, self.base, self.specs, self, POLICY_CHOICE)


def _same(spec: dict[str, Any], a: Any, b: Any) -> bool:
    """Equal values; lists of roles, tiers or days compare as sets (the form's order is not the policy's)."""
    if spec["kind"] in ("multi", "days"):
        return set(a or ()) == set(b or ())
    return a == b


def _plain(value: Any) -> Any:
    """A policy value as stored in a revision's overrides (JSON: "3 business_days", "08:00:00", lists)."""
    if hasattr(value, "amount") and hasattr(value, "unit"):
        return f"{value.amount} {value.unit}"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, tuple):
        return list(value)
    return value


def _cite_switched_on(overrides: dict[str, Any], base: Any, specs: list[dict[str, Any]], form: Any,
                      choice: str) -> dict[str, Any]:
    """Switching a value on (e.g. the consultation) puts in force values that state a rule: the ones the person
    saw in the form become the institution's choice, so nothing in force is left uncited."""
    from pregon.policy import merge

    base_data = base.model_dump(mode="json", exclude_unset=True)
    by_section: dict[str, dict[str, dict[str, Any]]] = {}
    for spec in specs:
        by_section.setdefault(spec["section"], {})[spec["field"]] = spec
    for section, table in list(overrides.items()):
        if section not in by_section or not isinstance(table, dict):
            continue
        merged = merge(base_data.get(section, {}), table)
        try:
            candidate = type(getattr(base, section)).model_validate(merged)
        except ValueError:
            continue  # the policy core reports it, naming the field
        for field in candidate.uncited_rules():
            spec = by_section[section].get(field)
            if spec is None:
                continue
            table[field] = _plain(form._value(spec))
            table.setdefault("clauses", {})[field] = [choice]
    return overrides


class PolicyRevisionConfirmForm(forms.Form):
    """The confirmation of a previewed revision: the overrides shown in the difference, the date and the reason."""

    overrides_json = forms.CharField(widget=forms.HiddenInput)
    effective_on = DateField(widget=forms.HiddenInput, error_messages={"invalid": DATE_INVALID})
    reason = forms.CharField(max_length=1000, widget=forms.HiddenInput)

    def clean_overrides_json(self) -> dict[str, Any]:
        try:
            value = json.loads(self.cleaned_data["overrides_json"])
        except ValueError:
            raise forms.ValidationError(_("La revisión enviada está dañada; vuelva a prepararla."), code="json") from None
        if not isinstance(value, dict):
            raise forms.ValidationError(_("La revisión enviada está dañada; vuelva a prepararla."), code="json")
        return value
