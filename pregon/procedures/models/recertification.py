"""Periodic re-certification of an account and its administrators (rosarito:7, 10.8, iee-sonora:5.1, 7.VIII, pasto:3.13)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ProcedureModel


class RecertificationStatus(models.TextChoices):
    """States of an account's periodic re-certification (rosarito:7, 10.8, iee-sonora:5.1, 7.VIII, pasto:3.13)."""

    NEW = "new", _("nueva")
    PENDING = "pending", _("por confirmar")
    ESCALATED = "escalated", _("vencida; turnada a Comunicación Social")
    CONFIRMED = "confirmed", _("confirmada")
    CHANGES_REPORTED = "changes_reported", _("con cambios reportados")


class Recertification(ProcedureModel):
    """Each period of `closure.recertification_months` the area head confirms that the account is still in use
    and that its administrators are the registered ones. Started by `pregon tick` (one per account and period:
    unique constraint), with the deadline `closure.recertification_deadline`; expiry escalates to
    Communications. `administrators` freezes who was confirmed. Table `RECERTIFICATION` in
    `pregon.procedures.flows.recertification`."""

    workflow_name: ClassVar[str] = "recertification"

    status = models.CharField(
        _("estado"), max_length=32, choices=RecertificationStatus.choices, default=RecertificationStatus.NEW,
        db_index=True,
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="recertifications", verbose_name=_("cuenta")
    )
    account_label = models.CharField(_("cuenta (nombre)"), max_length=255, blank=True)
    period = models.CharField(_("periodo"), max_length=16, help_text=_("AAAA-Pn, p. ej. 2026-P1"))
    administrators = models.JSONField(_("administradores confirmados"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("confirmada por"),
    )
    decided_at = models.DateTimeField(_("confirmada"), null=True, blank=True)
    reasons = models.TextField(_("observaciones"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recertificación de cuenta")
        verbose_name_plural = _("recertificaciones de cuentas")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RecertificationStatus.values),
                name="procedures_recertification_status_valid",
                violation_error_message=_("Estado de recertificación no válido."),
            ),
            models.UniqueConstraint(
                fields=["account", "period"],
                name="procedures_recertification_one_per_period",
                violation_error_message=_("Ya hay una recertificación de esta cuenta en este periodo."),
            ),
        ]
        indexes = [
            # Recertification list of an institution by period and status.
            models.Index(fields=["institution", "period", "status"], name="proc_recert_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Recertificación %(period)s: %(account)s") % {"period": self.period,
                                                                    "account": self.account_label or self.account_id})

    def get_absolute_url(self) -> str:
        return reverse("procedures:recertification_detail", kwargs={"institution": self.institution.slug,
                                                                   "public_id": self.public_id})
