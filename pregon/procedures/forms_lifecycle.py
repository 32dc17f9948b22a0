"""Forms of the lifecycle procedures: parse and validate input only; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import IncidentKind


class ClosureCreateForm(forms.Form):
    motive = forms.CharField(label=_("Motivo del cierre"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class IncidentCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Qué ocurrió"), choices=IncidentKind.choices)
    description = forms.CharField(label=_("Descripción"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000)


class LifecycleTransitionForm(forms.Form):
    reason = forms.CharField(label=_("Motivos"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=8000)
    step = forms.CharField(required=False, max_length=32)
    credentials_rotated = forms.BooleanField(required=False)
