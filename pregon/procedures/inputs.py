"""The input of every procedure action, declared once as a pydantic model, driving both the HTML form and the API
body through one validation path.

An input model subclasses ``Input``; each field may carry a ``UI(...)`` marker in ``Annotated`` metadata with its
Spanish label, help text, widget and — for fields that name a row of the institution (an area, an account, an
official…) — the ``ref`` kind that turns the public id the user or client sent into that row::

    class LiveStreamIn(Input):
        account: Annotated[uuid.UUID, UI(_("Cuenta"), ref="account")]
        title: Annotated[str, Field(min_length=1, max_length=255), UI(_("Tema de la transmisión"))]
        starts_at: Annotated[dt.datetime, UI(_("Inicio"))]

- ``parse(model, raw, institution=…, actor=…)`` validates a mapping (a form's POST or an API body) with the model,
  resolves the refs among the rows the actor may see, and returns the service's keyword arguments; any problem
  raises ``InputInvalid`` (422) with a Spanish message per field, and nothing is changed.
- ``fields_for(model, …)`` describes the fields for the generic form template (``procedures/partials/_input.html``).
- The API declares the same model as the request body (its OpenAPI schema); ninja's own validation errors are
  translated with ``spanish_errors()`` so both paths answer the same messages.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pregon.core.errors import ApplicationError
from pregon.core.forms import plausible_date


class InputInvalid(ApplicationError):
    """An action's input failed validation: ``errors`` maps each field to its Spanish messages."""

    code = "VALIDATION_ERROR"
    status = 422

    def __init__(self, errors: dict[str, list[str]]) -> None:
        first_field = next(iter(errors), "")
        first = errors[first_field][0] if first_field else gettext("Datos inválidos.")
        super().__init__(first, extra={"errors": errors, "field": "" if first_field == "__all__" else first_field})
        self.errors = errors

    @property
    def field(self) -> str:
        return str(self.extra.get("field") or "")


class Input(BaseModel):
    """Base of every action input: unknown fields are refused (a typo in an API body is an error, not a no-op)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


@dataclass(frozen=True)
class UI:
    """How a field is shown: label, help text, widget (``text``, ``textarea``, ``checkbox``, ``select``,
    ``datetime``, ``date``, ``email``, ``hidden``) and, for references, the ``ref`` kind (see ``REFS``)."""

    label: Any
    help: Any = ""
    widget: str = ""
    ref: str = ""
    choices: Any = None  # a TextChoices class or [(value, label)] for a select


@dataclass(frozen=True)
class Ref:
    """A kind of row an input may name by public id: how to list the choices the actor may pick in the
    institution, and how a row is shown."""

    queryset: Callable[[Any, Any], Any]  # (institution, actor) -> QuerySet
    key: str = "public_id"
    label: Callable[[Any], str] = str


REFS: dict[str, Ref] = {}


def register_ref(kind: str, ref: Ref) -> None:
    REFS[kind] = ref


def _areas(institution: Any, actor: Any) -> Any:
    from pregon.institutions.models import Area

    return Area.objects.filter(institution=institution).order_by("name")


def _platforms(institution: Any, actor: Any) -> Any:
    from pregon.registry.models import Platform

    return Platform.objects.filter(is_active=True).order_by("sort_order", "name")


def _accounts(institution: Any, actor: Any) -> Any:
    from pregon.registry.choices import AccountStatus
    from pregon.registry.selectors import account_list_visible_to

    return account_list_visible_to(actor, institution).exclude(status=AccountStatus.CLOSED)


def _officials(institution: Any, actor: Any) -> Any:
    from pregon.institutions.models import Official

    return Official.objects.filter(institution=institution, employment_status="active").order_by("full_name")


def _administrators(institution: Any, actor: Any) -> Any:
    from pregon.registry.models import Administrator

    return (Administrator.objects.filter(account__in=_accounts(institution, actor), ends_on__isnull=True)
            .select_related("official", "account__platform").order_by("account__handle", "role"))


register_ref("area", Ref(_areas))
register_ref("platform", Ref(_platforms, key="slug"))
register_ref("account", Ref(_accounts))
register_ref("official", Ref(_officials))
register_ref("administrator", Ref(_administrators))


# ------------------------------------------------------------------------------------------------ introspection


@dataclass
class FieldView:
    """One field as the form template draws it."""

    name: str
    label: Any
    widget: str
    required: bool
    value: Any = ""
    help: Any = ""
    error: str = ""
    choices: list[tuple[str, Any]] = field(default_factory=list)
    max_length: int | None = None
    html_id: str = ""
    blank: bool = False  # may be left empty (optional, with no default value)

    @property
    def checked(self) -> bool:
        return self.value in (True, "on", "1", "true", "True")


def _ui(info: Any) -> UI:
    for meta in info.metadata:
        if isinstance(meta, UI):
            return meta
    return UI(label=info.title or "")


def _base_type(annotation: Any) -> Any:
    """``X`` of ``X | None`` / ``Optional[X]`` (and the annotation itself otherwise)."""
    args = typing.get_args(annotation)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return annotation


def _choices(ui: UI, annotation: Any) -> list[tuple[str, Any]]:
    if ui.choices is not None:
        if isinstance(ui.choices, type) and issubclass(ui.choices, models.Choices):
            return [(str(v), label) for v, label in ui.choices.choices]
        return [(str(v), label) for v, label in ui.choices]
    base = _base_type(annotation)
    if typing.get_origin(base) is Literal:
        return [(str(v), str(v)) for v in typing.get_args(base)]
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return [(str(m.value), getattr(m, "label", m.value)) for m in base]
    return []


def _widget(ui: UI, annotation: Any, choices: list) -> str:
    if ui.widget:
        return ui.widget
    if ui.ref or choices:
        return "select"
    base = _base_type(annotation)
    if base is bool:
        return "checkbox"
    if base is dt.datetime:
        return "datetime"
    if base is dt.date:
        return "date"
    return "text"


def _max_length(info: Any) -> int | None:
    for meta in info.metadata:
        value = getattr(meta, "max_length", None)
        if value is not None:
            return int(value)
    return None


def fields_for(model: type[Input], *, institution: Any, actor: Any, values: Mapping[str, Any] | None = None,
               errors: Mapping[str, list[str]] | None = None, prefix: str = "",
               initial: Mapping[str, Any] | None = None) -> list[FieldView]:
    """The fields of ``model`` for the generic form template, with the choices the actor may pick."""
    values = values or {}
    errors = errors or {}
    initial = initial or {}
    views = []
    for name, info in model.model_fields.items():
        ui = _ui(info)
        choices = _choices(ui, info.annotation)
        if ui.ref:
            ref = REFS[ui.ref]
            choices = [(str(getattr(row, ref.key)), ref.label(row)) for row in ref.queryset(institution, actor)]
        widget = _widget(ui, info.annotation, choices)
        value = values.get(name, initial.get(name, "" if info.is_required() or info.default is None else info.default))
        if widget == "datetime" and isinstance(value, dt.datetime):
            value = value.strftime("%Y-%m-%dT%H:%M")
        views.append(FieldView(
            name=name, label=ui.label or name, widget=widget, required=info.is_required() and widget != "checkbox",
            value=value, help=ui.help, error=" ".join(errors.get(name, [])), choices=choices,
            max_length=_max_length(info), html_id=f"id_{prefix}-{name}" if prefix else f"id_{name}",
            blank=not info.is_required() and info.default in (None, "") and widget != "checkbox",
        ))
    return views


# ------------------------------------------------------------------------------------------------ validation


def _message(error: Mapping[str, Any]) -> str:
    """A Spanish message for one pydantic error."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return gettext("Este dato es obligatorio.")
    if kind == "extra_forbidden":
        return gettext("Este dato no corresponde a esta acción.")
    if kind == "string_too_short":
        return gettext("Este dato es obligatorio.") if ctx.get("min_length") == 1 else gettext(
            "Escriba al menos %(n)s caracteres.") % {"n": ctx.get("min_length")}
    if kind == "string_too_long":
        return gettext("Escriba como máximo %(n)s caracteres.") % {"n": ctx.get("max_length")}
    if kind.startswith("uuid"):
        return gettext("Elija una opción válida.")
    if kind in ("literal_error", "enum"):
        return gettext("Elija una opción válida.")
    if kind.startswith(("datetime", "timezone")):
        return gettext("Escriba una fecha y hora válidas (día, mes y año existentes; hora de 00:00 a 23:59).")
    if kind.startswith("date"):
        return gettext("Escriba una fecha válida (día, mes y año existentes).")
    if kind.startswith("bool"):
        return gettext("Indique sí o no.")
    if kind.startswith(("int", "float", "decimal")):
        return gettext("Escriba un número válido.")
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return gettext("El número está fuera del rango permitido.")
    if kind == "value_error":
        return str(ctx.get("error") or gettext("Valor no válido."))
    if kind.startswith("string") or kind == "str_type":
        return gettext("Escriba un texto válido.")
    return gettext("Valor no válido.")


def spanish_errors(errors: Iterable[Mapping[str, Any]], *, skip: int = 0) -> dict[str, list[str]]:
    """pydantic/ninja errors as ``{field: [Spanish message]}``; ``skip`` drops leading location parts (ninja's
    ``("body", "payload", …)``)."""
    out: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(p) for p in error.get("loc", ())][skip:]
        name = loc[0] if loc else "__all__"
        out.setdefault(name, []).append(_message(error))
    return out


_TRUE = {"1", "on", "true", "True", "yes", "sí"}


def _clean_raw(model: type[Input], raw: Mapping[str, Any], *, form: bool) -> dict[str, Any]:
    """A form's strings as the model expects them: unchecked boxes are False, empty optional fields are absent,
    NUL bytes are refused. An API body passes through unchanged (but for NUL bytes)."""
    data: dict[str, Any] = {}
    nul: dict[str, list[str]] = {}
    keys = set(raw) if not form else set(model.model_fields) & set(raw) | {
        n for n, i in model.model_fields.items() if _widget(_ui(i), i.annotation, []) == "checkbox"}
    for name in keys:
        value = raw.get(name)
        if isinstance(value, str) and "\x00" in value:
            nul[name] = [gettext("El texto contiene caracteres no válidos (NUL).")]
            continue
        info = model.model_fields.get(name)
        if form and info is not None:
            widget = _widget(_ui(info), info.annotation, [])
            if widget == "checkbox":
                value = value in _TRUE
            elif value == "" and not info.is_required():
                continue
        data[name] = value
    if nul:
        raise InputInvalid(nul)
    return data


def validate(model: type[Input], raw: Mapping[str, Any], *, form: bool = False) -> Input:
    try:
        return model.model_validate(_clean_raw(model, raw, form=form))
    except ValidationError as exc:
        raise InputInvalid(spanish_errors(exc.errors())) from None


def resolve(model: type[Input], valid: Input, *, institution: Any, actor: Any) -> dict[str, Any]:
    """The validated input as service keyword arguments: refs turned into rows the actor may see, a naive date-time
    read in the institution's time zone (a live stream at 18:00 in Pasto is 18:00 in Bogotá)."""
    out: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, info in model.model_fields.items():
        value = getattr(valid, name)
        ui = _ui(info)
        if ui.ref and value is not None:
            ref = REFS[ui.ref]
            row = ref.queryset(institution, actor).filter(**{ref.key: value}).first()
            if row is None:
                errors[name] = [gettext("No se encontró %(what)s que indicó, o no está a su alcance.") % {
                    "what": str(ui.label).lower()}]
                continue
            value = row
        elif isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, dt.date):
            try:
                plausible_date(value)  # a date that exists but is no one's (year 9999) is refused like 30 February
            except ValueError as exc:
                errors[name] = [str(exc)]
                continue
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                value = value.replace(tzinfo=ZoneInfo(institution.timezone))  # the institution's clock
        out[name] = value
    if errors:
        raise InputInvalid(errors)
    return out


def parse(model: type[Input], raw: Mapping[str, Any], *, institution: Any, actor: Any, form: bool = False
          ) -> dict[str, Any]:
    """Validates ``raw`` with ``model`` and resolves its refs: the one validation path of forms and the API."""
    return resolve(model, validate(model, raw, form=form), institution=institution, actor=actor)


def form_values(raw: Any, model: type[Input], prefix: str = "") -> dict[str, Any]:
    """The fields of ``model`` from a QueryDict (``prefix-name`` keys when a page has several forms)."""
    out = {}
    for name in model.model_fields:
        key = f"{prefix}-{name}" if prefix else name
        if key in raw:
            out[name] = raw.get(key)
    return out


# ------------------------------------------------------------------------------------------------ common inputs

class ReasonIn(Input):
    """The input of every action that takes nothing but its reasons."""

    reason: typing.Annotated[str, Field(max_length=8000), UI(_("Motivos"), widget="textarea")] = ""


__all__ = [
    "REFS",
    "UI",
    "FieldView",
    "Input",
    "InputInvalid",
    "ReasonIn",
    "Ref",
    "fields_for",
    "form_values",
    "parse",
    "register_ref",
    "resolve",
    "spanish_errors",
    "validate",
]

