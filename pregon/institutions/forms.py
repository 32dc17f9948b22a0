from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Institution


class InstitutionSwitchForm(forms.Form):
    """Chooses the current institution among those where the user holds a role (and no other)."""

    institution = forms.SlugField(label=_("Institución"))

    def __init__(self, *args: Any, choices: Sequence[Institution], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices = {institution.slug: institution for institution in choices}

    def clean_institution(self) -> Institution:
        slug = self.cleaned_data["institution"]
        if slug not in self._choices:
            raise forms.ValidationError(_("No tiene ningún rol en esa institución."), code="not_member")
        return self._choices[slug]
