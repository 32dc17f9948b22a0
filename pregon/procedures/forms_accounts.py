"""Forms of the account procedures: parse and validate input only; the services decide (and refuse, naming the
clause)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pregon.registry.choices import AccountStatus, AdminRole, Tier


def _accounts(institution: Any) -> Any:
    from pregon.registry.models import SocialAccount

    return SocialAccount.objects.filter(institution=institution).exclude(status=AccountStatus.CLOSED).select_related(
        "platform")


def _officials(institution: Any) -> Any:
    from pregon.institutions.models import Official

    return Official.objects.filter(institution=institution, employment_status="active").order_by("full_name")


class OpeningRequestForm(forms.Form):
    area = forms.ModelChoiceField(queryset=None, label=_("Área"))
    platform = forms.ModelChoiceField(queryset=None, label=_("Red social"))
    tier = forms.ChoiceField(choices=Tier.choices, label=_("Tipo de cuenta"))
    proposed_name = forms.CharField(label=_("Nombre propuesto"), max_length=255)
    objectives = forms.CharField(label=_("Objetivos"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    scope = forms.CharField(label=_("Alcances"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    coverage_or_benefits = forms.CharField(label=_("Cobertura social o beneficios"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 3}))
    justification = forms.CharField(label=_("Justificación en los programas y actividades del área"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, institution: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from pregon.institutions.models import Area
        from pregon.registry.models import Platform

        self.fields["area"].queryset = Area.objects.filter(institution=institution)
        self.fields["platform"].queryset = Platform.objects.filter(is_active=True)


class AdministratorChangeForm(forms.Form):
    account = forms.ModelChoiceField(queryset=None, label=_("Cuenta"))
    leaving = forms.ModelChoiceField(queryset=None, required=False, label=_("Administrador que deja la cuenta"),
                                     empty_label=_("— nadie deja la cuenta —"))
    cause = forms.CharField(label=_("Causa"), required=False, max_length=255)

    def __init__(self, *args: Any, institution: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from pregon.registry.models import Administrator

        self.fields["account"].queryset = _accounts(institution)
        self.fields["leaving"].queryset = Administrator.objects.filter(
            account__institution=institution, ends_on__isnull=True).select_related("official", "account__platform")


class CredentialRotationForm(forms.Form):
    account = forms.ModelChoiceField(queryset=None, label=_("Cuenta"))
    person_label = forms.CharField(label=_("Persona que dejó la cuenta (si la hay)"), required=False, max_length=255)

    def __init__(self, *args: Any, institution: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = _accounts(institution)


class LiveStreamForm(forms.Form):
    account = forms.ModelChoiceField(queryset=None, label=_("Cuenta"))
    title = forms.CharField(label=_("Tema de la transmisión"), max_length=255)
    starts_at = forms.DateTimeField(label=_("Inicio"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    description = forms.CharField(label=_("Descripción"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, institution: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = _accounts(institution)


# ---------------------------------------------------------------- action forms (on the detail page)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Motivos"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=4000)


class OpinionForm(ReasonForm):
    favourable = forms.TypedChoiceField(
        label=_("Sentido de la opinión"), choices=[("1", _("favorable")), ("0", _("no favorable"))],
        coerce=lambda v: v == "1",
    )


class ApproveOpeningForm(ReasonForm):
    graphic_identity = forms.CharField(label=_("Elementos de imagen gráfica"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}))


class ReportOpeningForm(forms.Form):
    name = forms.CharField(label=_("Nombre de la cuenta"), max_length=255)
    url = forms.CharField(label=_("Dirección electrónica (URL)"), max_length=500)
    email = forms.EmailField(label=_("Correo institucional de registro"), required=False)
    purpose = forms.CharField(label=_("Propósitos"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    operation = forms.CharField(label=_("Operación"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    primary = forms.ModelChoiceField(queryset=None, required=False, label=_("Administrador titular"))
    alternate = forms.ModelChoiceField(queryset=None, required=False, label=_("Administrador suplente"))

    def __init__(self, *args: Any, institution: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["primary"].queryset = _officials(institution)
        self.fields["alternate"].queryset = _officials(institution)

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        admins = []
        if data.pop("primary", None):
            admins.append((self.cleaned_data["primary"], AdminRole.PRIMARY))
        if data.pop("alternate", None):
            admins.append((self.cleaned_data["alternate"], AdminRole.ALTERNATE))
        data["administrators"] = admins
        return data


class DesignateForm(ReasonForm):
    official = forms.ModelChoiceField(queryset=None, label=_("Nuevo administrador"))
    role = forms.ChoiceField(choices=AdminRole.choices, label=_("Función"))

    def __init__(self, *args: Any, institution: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["official"].queryset = _officials(institution)


class AttestForm(ReasonForm):
    password_changed = forms.BooleanField(label=_("La contraseña se cambió"), required=False)
    sessions_revoked = forms.BooleanField(label=_("Se cerraron todas las sesiones abiertas"), required=False)
    recovery_email_checked = forms.BooleanField(label=_("El correo de recuperación es el institucional"),
                                                required=False)
