"""Forms of the registry pages. They parse and display input only; rules live in services.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pregon.core.forms import DateField
from pregon.institutions.choices import EmploymentStatus
from pregon.institutions.models import Area, Institution, Official

from .choices import AdminRole, Kind, Tier
from .models import Platform


class AccountRegisterForm(forms.Form):
    url = forms.CharField(label=_("URL o usuario"), max_length=500,
                          help_text=_("Pegue la dirección del perfil (p. ej. https://x.com/alcaldiapasto) o escriba @usuario y elija la red."))
    platform = forms.ModelChoiceField(label=_("Red social"), queryset=Platform.objects.none(), required=False, to_field_name="slug",
                                      help_text=_("Sólo hace falta si escribió @usuario en vez de la dirección."))
    display_name = forms.CharField(label=_("Nombre visible"), max_length=255)
    area = forms.ModelChoiceField(label=_("Área responsable"), queryset=Area.objects.none(), to_field_name="public_id")
    tier = forms.ChoiceField(label=_("Tipo"), choices=Tier.choices, initial=Tier.MAIN)
    kind = forms.ChoiceField(label=_("Clase"), choices=Kind.choices, initial=Kind.OFFICIAL)
    email = forms.EmailField(label=_("Correo institucional de registro"), required=False)
    platform_account_id = forms.CharField(label=_("Id persistente en la plataforma"), max_length=128, required=False)
    opened_on = DateField(label=_("Fecha de apertura"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    attention_hours = forms.CharField(label=_("Horario de atención"), max_length=255, required=False)
    holiday_notice = forms.CharField(label=_("Aviso de días inhábiles"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    purpose = forms.CharField(label=_("Propósito"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = Platform.objects.filter(is_active=True)
        self.fields["area"].queryset = Area.objects.filter(institution=institution)


class AdministratorAssignForm(forms.Form):
    official = forms.ModelChoiceField(label=_("Servidor público"), queryset=Official.objects.none(), to_field_name="public_id")
    role = forms.ChoiceField(label=_("Función"), choices=AdminRole.choices)
    reason = forms.CharField(label=_("Motivo / oficio"), max_length=255, required=False)

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["official"].queryset = Official.objects.filter(
            institution=institution, employment_status=EmploymentStatus.ACTIVE
        ).select_related("area")


class AdministratorEndForm(forms.Form):
    ends_on = DateField(label=_("Terminó el"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Motivo"), max_length=255)


class InventoryUploadForm(forms.Form):
    file = forms.FileField(label=_("Archivo CSV o XLSX"))
