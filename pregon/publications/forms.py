"""Forms of the publications app: parse and validate input only; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from pregon.institutions.templatetags.pregon_format import at_handle

from .checking import MAX_TEXT_LENGTH
from .choices import Category, Severity
from .parsers import MAX_UPLOAD_BYTES


class _AccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.platform.name} · {at_handle(obj.handle)}"


class ReviewForm(forms.Form):
    """"Revisar publicación": a draft text and the account it would be published on (its platform's limits)."""

    account = _AccountChoiceField(
        queryset=None, required=False, to_field_name="public_id", label=_("Cuenta"),
        empty_label=_("— cualquier cuenta —"),
        help_text=_("La cuenta en la que se publicaría: define la red social y su límite de caracteres."),
    )
    text = forms.CharField(
        label=_("Texto de la publicación"), max_length=MAX_TEXT_LENGTH, strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args: Any, accounts: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts


class ImportForm(forms.Form):
    """Upload of a platform export into one account's archive."""

    account = _AccountChoiceField(queryset=None, to_field_name="public_id", label=_("Cuenta"), empty_label=None)
    file = forms.FileField(
        label=_("Archivo exportado de la red social"),
        help_text=_("CSV o XLSX tal como lo descarga la plataforma (X, Facebook, TikTok, YouTube) o un CSV con "
                    "columnas id, fecha, texto y url."),
    )

    def __init__(self, *args: Any, accounts: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("El archivo pesa más de %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


class AuditFilterForm(forms.Form):
    """Filters of the audit page (GET)."""

    cuenta = _AccountChoiceField(
        queryset=None, required=False, to_field_name="public_id", label=_("Cuenta"), empty_label=_("— todas —"),
    )
    categoria = forms.ChoiceField(label=_("Categoría"), required=False, choices=[("", _("— todas —")), *Category.choices])
    gravedad = forms.ChoiceField(label=_("Gravedad"), required=False, choices=[("", _("— todas —")), *Severity.choices])

    def __init__(self, *args: Any, accounts: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cuenta"].queryset = accounts


class AuditRunForm(forms.Form):
    account = forms.UUIDField()
