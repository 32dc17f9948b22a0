"""Solicitud de apertura de cuenta (rosarito:10.1–10.5, iee-sonora:7.I–III,V, pasto:3.10–3.14)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pregon.registry.choices import Tier

from .base import ProcedureModel


class OpeningRequestStatus(models.TextChoices):
    """States of an account opening request (rosarito:10.1–10.5, iee-sonora:7.I–III,V, pasto:3.10–3.14)."""

    DRAFT = "draft", _("borrador")
    AWAITING_OPINION = "awaiting_opinion", _("firmada, en espera de la opinión técnica")
    SUBMITTED = "submitted", _("firmada, por resolver")
    APPROVED = "approved", _("autorizada, pendiente de informar la apertura")
    REJECTED = "rejected", _("rechazada")
    REGISTERED = "registered", _("cuenta abierta y registrada")
    WITHDRAWN = "withdrawn", _("retirada")
    EXPIRED = "expired", _("vencida sin resolución")


class OpeningRequest(ProcedureModel):
    """An area asks to open an official account: the head's signed proposal, Informática's technical opinion
    where the policy requires it, Communications' decision (with the graphic-identity elements when approving),
    then the area's report of the opened account, which the registry validates before registering it.

    Transitions: table `OPENING_REQUEST` in `pregon.procedures.flows.opening`. The report's data are frozen here;
    the registry account created from them is `account`.
    """

    workflow_name: ClassVar[str] = "opening_request"
    owner_field: ClassVar[str | None] = "requested_by"

    status = models.CharField(
        _("estado"), max_length=32, choices=OpeningRequestStatus.choices, default=OpeningRequestStatus.DRAFT,
        db_index=True,
    )
    area = models.ForeignKey("institutions.Area", on_delete=models.PROTECT, related_name="+", verbose_name=_("área"))
    platform = models.ForeignKey(
        "registry.Platform", on_delete=models.PROTECT, related_name="+", verbose_name=_("red social")
    )
    tier = models.CharField(_("tipo de cuenta"), max_length=16, choices=Tier.choices, default=Tier.MAIN)
    proposed_name = models.CharField(_("nombre propuesto"), max_length=255)
    objectives = models.TextField(_("objetivos"), blank=True)
    scope = models.TextField(_("alcances"), blank=True)
    coverage_or_benefits = models.TextField(_("cobertura social o beneficios"), blank=True)
    justification = models.TextField(_("justificación en los programas del área"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("solicitada por")
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("firmada por"),
    )
    signed_at = models.DateTimeField(_("firmada"), null=True, blank=True)
    opinion = models.TextField(_("opinión técnica"), blank=True)
    opinion_favourable = models.BooleanField(_("opinión favorable"), null=True, blank=True)
    opinion_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("opinión de"),
    )
    opinion_at = models.DateTimeField(_("opinión emitida"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("resuelta por"),
    )
    decided_at = models.DateTimeField(_("resuelta"), null=True, blank=True)
    reasons = models.TextField(_("motivos"), blank=True)
    graphic_identity = models.TextField(_("elementos de imagen gráfica"), blank=True)
    # The name and link Communications agreed when authorising (pasto:3.12); the report must match them.
    agreed_name = models.CharField(_("nombre acordado con Comunicación Social"), max_length=255, blank=True)
    agreed_url = models.CharField(_("enlace acordado con Comunicación Social"), max_length=500, blank=True)
    report = models.JSONField(_("informe de apertura"), default=dict, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("informada por"),
    )
    reported_at = models.DateTimeField(_("apertura informada"), null=True, blank=True)
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, null=True, blank=True, related_name="opening_requests",
        verbose_name=_("cuenta registrada"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("solicitud de apertura")
        verbose_name_plural = _("solicitudes de apertura")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=OpeningRequestStatus.values),
                name="procedures_openingrequest_status_valid",
                violation_error_message=_("Estado de solicitud de apertura no válido."),
            ),
            models.CheckConstraint(
                condition=Q(tier__in=Tier.values),
                name="procedures_openingrequest_tier_valid",
                violation_error_message=_("Tipo de cuenta no válido."),
            ),
        ]
        indexes = [
            # Opening request list of an institution, newest first, optionally by status.
            models.Index(fields=["institution", "status", "-created_at"], name="proc_opening_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Apertura: %(name)s") % {"name": self.proposed_name})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.area_id and self.area.institution_id != self.institution_id:
            raise ValidationError({"area": _("El área no pertenece a esta institución.")})

    def get_absolute_url(self) -> str:
        return reverse(
            "procedures:opening_request_detail",
            kwargs={"institution": self.institution.slug, "public_id": self.public_id},
        )
