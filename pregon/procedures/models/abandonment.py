"""Abandonment flag: an account with no known activity for longer than the policy allows (rosarito:10.8,
iee-sonora:7.VIII, pasto:3.20)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ProcedureModel


class AbandonmentStatus(models.TextChoices):
    """States of an abandonment flag (rosarito:10.8, iee-sonora:7.VIII, pasto:3.20)."""

    NEW = "new", _("nueva")
    OPEN = "open", _("cuenta sin actividad")
    CLOSURE_PROPOSED = "closure_proposed", _("cierre propuesto")
    DISMISSED = "dismissed", _("descartada")
    RESOLVED = "resolved", _("la cuenta volvió a tener actividad")


class AbandonmentFlag(ProcedureModel):
    """Raised by `pregon tick` when `last_activity_on` (or, without it, the opening date) is older than
    `closure.abandonment_after`; one open flag per account (a partial unique constraint makes the check
    idempotent). The area head and Communications are told; Communications may propose the closure (which creates
    a `ClosureRequest` in `proposed`), either may dismiss it with reasons; new activity resolves it at the next
    tick. Transitions: table `ABANDONMENT` in `pregon.procedures.flows.abandonment`."""

    workflow_name: ClassVar[str] = "abandonment"

    status = models.CharField(
        _("estado"), max_length=32, choices=AbandonmentStatus.choices, default=AbandonmentStatus.NEW, db_index=True
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="abandonment_flags", verbose_name=_("cuenta")
    )
    account_label = models.CharField(_("cuenta (nombre)"), max_length=255, blank=True)
    last_activity_on = models.DateField(_("última actividad conocida al marcarla"), null=True, blank=True)
    threshold = models.CharField(_("plazo de la política"), max_length=64)
    flagged_at = models.DateTimeField(_("marcada"), null=True, blank=True)
    decided_at = models.DateTimeField(_("atendida"), null=True, blank=True)
    reasons = models.TextField(_("motivos"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("alerta de abandono")
        verbose_name_plural = _("alertas de abandono")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AbandonmentStatus.values),
                name="procedures_abandonmentflag_status_valid",
                violation_error_message=_("Estado de alerta no válido."),
            ),
            models.UniqueConstraint(
                fields=["account"],
                condition=Q(status__in=["new", "open"]),
                name="procedures_abandonmentflag_one_open_per_account",
                violation_error_message=_("Ya hay una alerta de abandono abierta para esta cuenta."),
            ),
        ]
        indexes = [
            # Flag list of an institution by status; the tick's "resolve when active again" scan.
            models.Index(fields=["institution", "status"], name="proc_abandonment_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Sin actividad: %(account)s") % {"account": self.account_label or self.account_id})

    def get_absolute_url(self) -> str:
        return reverse("procedures:abandonment_detail", kwargs={"institution": self.institution.slug,
                                                               "public_id": self.public_id})
