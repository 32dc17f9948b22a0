"""Regularisation of a pre-existing account (rosarito:Transitorio 2, iee-sonora:Transitorio 2)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ProcedureModel


class RegularisationStatus(models.TextChoices):
    """States of a pre-existing account's regularisation (rosarito:Transitorio 2, iee-sonora:Transitorio 2)."""

    NEW = "new", _("nueva")
    PENDING = "pending", _("por regularizar")
    REGULARISED = "regularised", _("regularizada")
    RECLASSIFIED_PERSONAL = "reclassified_personal", _("reclasificada como personal")
    CLOSED = "closed", _("cerrada al vencer el plazo")
    CANCELLED = "cancelled", _("cancelada")


class Regularisation(ProcedureModel):
    """An account that existed before the norm, registered as `pending_regularisation`: it keeps the official
    character if its area brings it into compliance by `transitional.regularisation_deadline`; otherwise the tick
    applies `transitional.outcome` (reclassified as the administrators' personal account, leaving the official
    registry and the directory — or closed). Table `REGULARISATION` in `pregon.procedures.flows.regularisation`."""

    workflow_name: ClassVar[str] = "regularisation"

    status = models.CharField(
        _("estado"), max_length=32, choices=RegularisationStatus.choices, default=RegularisationStatus.NEW,
        db_index=True,
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="regularisations", verbose_name=_("cuenta")
    )
    account_label = models.CharField(_("cuenta (nombre)"), max_length=255, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("resuelta por"),
    )
    decided_at = models.DateTimeField(_("resuelta"), null=True, blank=True)
    reasons = models.TextField(_("motivos"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("regularización de cuenta preexistente")
        verbose_name_plural = _("regularizaciones de cuentas preexistentes")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RegularisationStatus.values),
                name="procedures_regularisation_status_valid",
                violation_error_message=_("Estado de regularización no válido."),
            ),
            models.UniqueConstraint(
                fields=["account"],
                condition=Q(status__in=["new", "pending"]),
                name="procedures_regularisation_one_open_per_account",
                violation_error_message=_("Ya hay una regularización en curso para esta cuenta."),
            ),
        ]
        indexes = [
            # Regularisation list of an institution by status.
            models.Index(fields=["institution", "status"], name="proc_regularisation_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Regularización de %(account)s") % {"account": self.account_label or self.account_id})

    def get_absolute_url(self) -> str:
        return reverse("procedures:regularisation_detail", kwargs={"institution": self.institution.slug,
                                                                  "public_id": self.public_id})
