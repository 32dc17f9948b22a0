"""Cambio de administradores de una cuenta (rosarito:10.6, iee-sonora:7.IV, pasto:3.15)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pregon.registry.choices import AdminRole

from .base import ProcedureModel


class AdministratorChangeStatus(models.TextChoices):
    """States of an administrator change (rosarito:10.6, iee-sonora:7.IV, pasto:3.15)."""

    DRAFT = "draft", _("borrador")
    AWAITING_DESIGNATION = "awaiting_designation", _("por designar nuevo administrador")
    OVERDUE = "overdue", _("designación vencida")
    COMPLETED = "completed", _("cambio notificado y registrado")
    CANCELLED = "cancelled", _("cancelado")


class AdministratorChange(ProcedureModel):
    """An account's administrator leaves (or is replaced): Communications (and IT where the norm says so) are
    notified, and a new administrator is designated and registered.

    Started by a person (`notify`) or automatically when an official's employment ends (`open_on_departure`,
    fired by `official_end_employment`). Transitions: table `ADMINISTRATOR_CHANGE` in
    `pregon.procedures.flows.administrator_change`.
    """

    workflow_name: ClassVar[str] = "administrator_change"
    owner_field: ClassVar[str | None] = "started_by"

    status = models.CharField(
        _("estado"), max_length=32, choices=AdministratorChangeStatus.choices,
        default=AdministratorChangeStatus.DRAFT, db_index=True,
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="administrator_changes",
        verbose_name=_("cuenta"),
    )
    leaving = models.ForeignKey(
        "registry.Administrator", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("asignación que termina"),
    )
    leaving_label = models.CharField(_("administrador saliente"), max_length=255, blank=True)
    cause = models.CharField(_("causa"), max_length=255, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("iniciado por"),
    )
    designated = models.ForeignKey(
        "registry.Administrator", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("nueva asignación"),
    )
    designated_role = models.CharField(_("función"), max_length=16, choices=AdminRole.choices, blank=True)
    designated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("designado por"),
    )
    designated_at = models.DateTimeField(_("designado"), null=True, blank=True)
    reasons = models.TextField(_("motivos"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("cambio de administrador")
        verbose_name_plural = _("cambios de administrador")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AdministratorChangeStatus.values),
                name="procedures_administratorchange_status_valid",
                violation_error_message=_("Estado de cambio de administrador no válido."),
            ),
        ]
        indexes = [
            # Administrator change list of an institution, newest first, optionally by status.
            models.Index(fields=["institution", "status", "-created_at"], name="proc_adminchange_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Cambio de administrador: %(account)s") % {"account": self.account})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.account_id and self.account.institution_id != self.institution_id:
            raise ValidationError({"account": _("La cuenta no pertenece a esta institución.")})

    def get_absolute_url(self) -> str:
        return reverse(
            "procedures:administrator_change_detail",
            kwargs={"institution": self.institution.slug, "public_id": self.public_id},
        )
