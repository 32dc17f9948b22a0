"""The one filter set of the inventory, shared by the HTML list and the API (NetBox FilterSet style).

`AccountFilters` is a plain form: bound to GET data (HTML) or to the API's query parameters, `apply()` narrows a
queryset that a selector already limited to what the actor may see. Invalid values are ignored field by field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .choices import AccountStatus, Kind, Tier
from .models import Platform, SocialAccount

FILTER_FIELDS = ("platform", "tier", "kind", "status", "area", "q", "sort")

# The orders the inventory offers (`sort`); "" is the default. Each ends with the primary key, so that pages of
# the list never overlap or skip a row. The default one groups the accounts by platform in the platforms' id order
# (the order they were added in; the fixture adds them in their sort_order) so that it is read straight from the
# index registry_account_inventory on SQLite and PostgreSQL alike: no sort of the whole institution, even for its
# last page (ordering by the platform's sort_order needs the join, and PostgreSQL then sorts every row).
SORTS: dict[str, tuple[str, ...]] = {
    "": ("platform_id", "tier", "handle", "pk"),
    "cuenta": ("handle", "platform__sort_order", "pk"),
    "area": ("area__name", "platform__sort_order", "handle", "pk"),
    "situacion": ("status", "platform__sort_order", "handle", "pk"),
    "recientes": ("-created_at", "-pk"),
}
SORT_CHOICES = [
    ("", _("Red social y tipo")),
    ("cuenta", _("Cuenta")),
    ("area", _("Área")),
    ("situacion", _("Situación")),
    ("recientes", _("Registradas recientemente")),
]


class AccountFilters(forms.Form):
    """platform (slug), tier, kind, status, area (public id), q (handle, name, URL, e-mail); sort (SORTS)."""

    platform = forms.ChoiceField(label=_("Red social"), required=False)
    tier = forms.ChoiceField(label=_("Tipo"), required=False, choices=[("", _("Todos")), *Tier.choices])
    kind = forms.ChoiceField(label=_("Clase"), required=False, choices=[("", _("Todas")), *Kind.choices])
    status = forms.ChoiceField(label=_("Situación"), required=False, choices=[("", _("Todas")), *AccountStatus.choices])
    area = forms.ChoiceField(label=_("Área"), required=False)
    q = forms.CharField(label=_("Buscar"), required=False, max_length=100)
    sort = forms.ChoiceField(label=_("Ordenar por"), required=False, choices=SORT_CHOICES)

    def __init__(self, data: Any = None, *, institution: Any = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["platform"].choices = [("", _("Todas")), *Platform.objects.values_list("slug", "name")]
        areas = []
        if institution is not None:
            from pregon.institutions.models import Area

            areas = [(str(pid), name) for pid, name in Area.objects.filter(institution=institution).values_list("public_id", "name")]
        self.fields["area"].choices = [("", _("Todas")), *areas]

    def values(self) -> dict[str, str]:
        """The valid, non-empty filter values (invalid ones are dropped, not fatal)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in FILTER_FIELDS if cleaned.get(name)}

    def apply(self, queryset: QuerySet[SocialAccount]) -> QuerySet[SocialAccount]:
        return account_filter(queryset, self.values())


def account_filter(queryset: QuerySet[SocialAccount], values: dict[str, str]) -> QuerySet[SocialAccount]:
    if values.get("platform"):
        queryset = queryset.filter(platform__slug=values["platform"])
    for name in ("tier", "kind", "status"):
        if values.get(name):
            queryset = queryset.filter(**{name: values[name]})
    if values.get("area"):
        queryset = queryset.filter(area__public_id=values["area"])
    if values.get("q"):
        text = values["q"].strip().lstrip("@")
        queryset = queryset.filter(
            Q(handle__icontains=text) | Q(display_name__icontains=text) | Q(url__icontains=text) | Q(email__icontains=text)
        )
    return queryset.order_by(*SORTS.get(values.get("sort") or "", SORTS[""]))
