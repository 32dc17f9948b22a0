"""Consulta de pertinencia (rosarito:9.7, iee-sonora:6.VIII)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ProcedureModel


class ConsultationStatus(models.TextChoices):
    """States of a consulta de pertinencia (rosarito:9.7, iee-sonora:6.VIII)."""

    DRAFT = "draft", _("borrador")
    SUBMITTED = "submitted", _("en espera de respuesta")
    APPROVED = "approved", _("procedente")
    REJECTED = "rejected", _("no procedente")
    REJECTED_BY_SILENCE = "rejected_by_silence", _("no procedente por falta de respuesta")
    APPROVED_BY_SILENCE = "approved_by_silence", _("procedente por falta de respuesta")
    WITHDRAWN = "withdrawn", _("retirada")


class Consultation(ProcedureModel):
    """An account administrator in doubt asks Communications whether a content may be published.

    The text and the checker's findings are frozen when the consultation is created; the answer (approve or
    reject with reasons) or the silence outcome at the policy's deadline is fired through the workflow table
    `CONSULTATION` in `pregon.procedures.workflows`.

    `account` is the registry account the content is meant for (optional: a consultation may precede choosing
    one); `account_label` freezes its name at the time of asking (or names it in free text).
    """

    workflow_name: ClassVar[str] = "consultation"
    owner_field: ClassVar[str | None] = "asked_by"

    status = models.CharField(
        _("estado"), max_length=32, choices=ConsultationStatus.choices, default=ConsultationStatus.DRAFT, db_index=True
    )
    account = models.ForeignKey(
        "registry.SocialAccount",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("cuenta"),
    )
    account_label = models.CharField(_("cuenta (nombre)"), max_length=255, blank=True)
    text = models.TextField(_("texto a publicar"))
    question = models.TextField(_("duda"), blank=True)
    findings = models.JSONField(_("hallazgos del verificador"), default=dict, blank=True)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("consulta de")
    )
    submitted_at = models.DateTimeField(_("enviada"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resuelta por"),
    )
    decided_at = models.DateTimeField(_("resuelta"), null=True, blank=True)
    reasons = models.TextField(_("motivos"), blank=True)
    withdrawn_at = models.DateTimeField(_("retirada"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consulta")
        verbose_name_plural = _("consultas")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ConsultationStatus.values),
                name="procedures_consultation_status_valid",
                violation_error_message=_("Estado de consulta no válido."),
            ),
        ]
        indexes = [
            # Consultation list of an institution, newest first, optionally by status.
            models.Index(fields=["institution", "status", "-created_at"], name="proc_consultation_list_idx"),
        ]

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return _("Consulta: «%(text)s»") % {"text": text[:60] + ("…" if len(text) > 60 else "")}

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.account_id and self.account.institution_id != self.institution_id:
            raise ValidationError({"account": _("La cuenta no pertenece a esta institución.")})

    def get_absolute_url(self) -> str:
        return reverse(
            "procedures:consultation_detail",
            kwargs={"institution": self.institution.slug, "public_id": self.public_id},
        )
