"""Forms of the procedures app: parse and validate input only; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class ConsultationForm(forms.Form):
    account = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Cuenta"), empty_label=_("— sin cuenta específica —"),
        help_text=_("La cuenta en la que se publicaría el contenido."),
    )
    text = forms.CharField(label=_("Texto a publicar"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10000)
    question = forms.CharField(
        label=_("Duda"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
        help_text=_("Explique qué le hace dudar sobre la pertinencia de publicarlo."),
    )

    def __init__(self, *args: Any, institution: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from pregon.registry.models import SocialAccount

        self.fields["account"].queryset = SocialAccount.objects.filter(institution=institution).select_related(
            "platform"
        )


class TransitionForm(forms.Form):
    reason = forms.CharField(label=_("Motivos"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=4000)
