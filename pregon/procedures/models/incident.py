"""Security incident: hijacked account, unauthorised operator, lost credentials (rosarito:9.21,
iee-sonora:6.XXVI, guadalajara:15ª)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pregon.core.models import TimeStampedModel

from .base import ProcedureModel


class IncidentStatus(models.TextChoices):
    """States of a security incident (rosarito:9.21, iee-sonora:6.XXVI, guadalajara:15ª)."""

    NEW = "new", _("nuevo")
    OPEN = "open", _("abierto: cuenta comprometida")
    CLOSED = "closed", _("cerrado con informe")
    DISMISSED = "dismissed", _("descartado (falsa alarma)")


class IncidentKind(models.TextChoices):
    HIJACKED = "hijacked", _("cuenta intervenida por terceros")
    UNAUTHORISED_OPERATOR = "unauthorised_operator", _("operada por personal no autorizado")
    LOST_CREDENTIALS = "lost_credentials", _("sustracción o extravío de contraseñas")


class Incident(ProcedureModel):
    """Opening it sets the account to `compromised`, notifies `incidents.notify` at once and starts one deadline
    per containment step of the policy (`IncidentStep`); closing it needs every step done and a written account
    of what happened (`report`), and returns the account to `active` — or `at_risk` when the credentials were not
    rotated (no `rotate_credentials` step done). One open incident per account. Table `INCIDENT` in
    `pregon.procedures.flows.incident`."""

    workflow_name: ClassVar[str] = "incident"
    owner_field: ClassVar[str | None] = "reported_by"

    status = models.CharField(
        _("estado"), max_length=32, choices=IncidentStatus.choices, default=IncidentStatus.NEW, db_index=True
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="incidents", verbose_name=_("cuenta")
    )
    account_label = models.CharField(_("cuenta (nombre)"), max_length=255, blank=True)
    kind = models.CharField(_("tipo de incidente"), max_length=32, choices=IncidentKind.choices)
    description = models.TextField(_("qué se detectó"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reportado por")
    )
    opened_at = models.DateTimeField(_("abierto"), null=True, blank=True)
    account_status_before = models.CharField(_("situación de la cuenta antes"), max_length=32, blank=True)
    report = models.TextField(_("informe de lo sucedido"), blank=True)
    closed_at = models.DateTimeField(_("cerrado"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("cerrado por"),
    )
    credentials_rotated = models.BooleanField(_("contraseñas cambiadas"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("incidente de seguridad")
        verbose_name_plural = _("incidentes de seguridad")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=IncidentStatus.values),
                name="procedures_incident_status_valid",
                violation_error_message=_("Estado de incidente no válido."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=IncidentKind.values),
                name="procedures_incident_kind_valid",
                violation_error_message=_("Tipo de incidente no válido."),
            ),
            models.UniqueConstraint(
                fields=["account"],
                condition=Q(status__in=["new", "open"]),
                name="procedures_incident_one_open_per_account",
                violation_error_message=_("Ya hay un incidente abierto para esta cuenta."),
            ),
        ]
        indexes = [
            # Incident list of an institution, newest first, optionally by status.
            models.Index(fields=["institution", "status", "-created_at"], name="proc_incident_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Incidente en %(account)s") % {"account": self.account_label or self.account_id})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.account_id and self.account.institution_id != self.institution_id:
            raise ValidationError({"account": _("La cuenta no pertenece a esta institución.")})

    def get_absolute_url(self) -> str:
        return reverse("procedures:incident_detail", kwargs={"institution": self.institution.slug,
                                                            "public_id": self.public_id})


class IncidentStep(TimeStampedModel):
    """One containment step of an incident (from `policy.incidents.containment`), with its deadline row.
    Checked off by the `complete_step` transition (administrators, IT, Communications)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="steps", verbose_name=_("incidente"))
    key = models.CharField(_("paso"), max_length=32)
    position = models.PositiveSmallIntegerField(_("orden"), default=0)
    deadline = models.ForeignKey(
        "procedures.Deadline", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("plazo"),
    )
    done_at = models.DateTimeField(_("hecho"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("hecho por"),
    )
    note = models.TextField(_("nota"), blank=True)

    class Meta:
        ordering = ["incident", "position", "id"]
        verbose_name = _("paso de contención")
        verbose_name_plural = _("pasos de contención")
        constraints = [
            models.UniqueConstraint(fields=["incident", "key"], name="procedures_incidentstep_unique_key",
                                    violation_error_message=_("Ese paso ya está en el plan del incidente.")),
        ]

    def __str__(self) -> str:
        return f"{self.incident_id}:{self.key}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
