"""Account closure (rosarito:10.7–10.8, iee-sonora:7.VII–VIII, pasto:3.17, pasto:3.20)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ProcedureModel


class ClosureStatus(models.TextChoices):
    """States of an account closure (rosarito:10.7–10.8, iee-sonora:7.VII–VIII, pasto:3.17, pasto:3.20)."""

    DRAFT = "draft", _("borrador")
    PROPOSED = "proposed", _("cierre propuesto al área")
    SUBMITTED = "submitted", _("aviso enviado a Comunicación Social")
    ACKNOWLEDGED = "acknowledged", _("recibido; Informática enterada")
    CONTENTS_DELETED = "contents_deleted", _("contenidos borrados (atestiguado)")
    HISTORY_ARCHIVED = "history_archived", _("historial exportado al archivo")
    CLOSED = "closed", _("cuenta cerrada")
    SUSPENDED = "suspended", _("cuenta cerrada temporalmente")
    REOPENED = "reopened", _("cuenta reabierta")
    DECLINED = "declined", _("propuesta no aceptada")
    WITHDRAWN = "withdrawn", _("retirado")


class ClosureRequest(ProcedureModel):
    """The area's notice that it stops using an account, through to the account being closed in the registry.

    `content_action` freezes the policy's choice when the request starts: `delete` (the area attests the contents
    were deleted, rosarito:10.8) or `preserve` (deleting is forbidden, pasto:3.17: the account's history is exported
    to the archive first — file, SHA-256 and size are kept here and in the ledger). Transitions: table `CLOSURE`
    in `pregon.procedures.flows.closure`. `abandonment_flag` links a closure proposed from an abandonment flag.
    `is_temporary`: a temporary closure (only for the tiers in `closure.temporary_allowed_for`, pasto:3.20:
    alternate accounts) suspends the account, keeping its contents, until it is reopened or made definitive.
    """

    workflow_name: ClassVar[str] = "closure"
    owner_field: ClassVar[str | None] = "requested_by"

    status = models.CharField(
        _("estado"), max_length=32, choices=ClosureStatus.choices, default=ClosureStatus.DRAFT, db_index=True
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="closure_requests", verbose_name=_("cuenta")
    )
    account_label = models.CharField(_("cuenta (nombre)"), max_length=255, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("solicitado por")
    )
    motive = models.TextField(_("motivo del cierre"))
    content_action = models.CharField(
        _("contenidos"), max_length=16, choices=[("delete", _("borrar")), ("preserve", _("conservar y exportar"))]
    )
    abandonment_flag = models.ForeignKey(
        "procedures.AbandonmentFlag", on_delete=models.SET_NULL, null=True, blank=True, related_name="closures",
        verbose_name=_("alerta de abandono"),
    )
    submitted_at = models.DateTimeField(_("aviso enviado"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("recibido por Comunicación Social"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("recibido por"),
    )
    contents_deleted_at = models.DateTimeField(_("contenidos borrados"), null=True, blank=True)
    contents_deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("borrado atestiguado por"),
    )
    export_file = models.FileField(_("exportación al archivo"), upload_to="archive/closures/", blank=True)
    export_sha256 = models.CharField(_("SHA-256 de la exportación"), max_length=64, blank=True)
    export_size = models.PositiveBigIntegerField(_("tamaño de la exportación (bytes)"), null=True, blank=True)
    exported_at = models.DateTimeField(_("exportado"), null=True, blank=True)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("exportado por"),
    )
    closed_at = models.DateTimeField(_("cerrada"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("cerrada por"),
    )
    reasons = models.TextField(_("motivos de la última decisión"), blank=True)
    is_temporary = models.BooleanField(_("cierre temporal"), default=False)
    suspended_at = models.DateTimeField(_("cerrada temporalmente"), null=True, blank=True)
    reopened_at = models.DateTimeField(_("reabierta"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("cierre de cuenta")
        verbose_name_plural = _("cierres de cuenta")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ClosureStatus.values),
                name="procedures_closurerequest_status_valid",
                violation_error_message=_("Estado de cierre no válido."),
            ),
            models.CheckConstraint(
                condition=Q(content_action__in=["delete", "preserve"]),
                name="procedures_closurerequest_content_action_valid",
                violation_error_message=_("Acción sobre los contenidos no válida."),
            ),
            models.UniqueConstraint(
                fields=["account"],
                condition=Q(status__in=["draft", "proposed", "submitted", "acknowledged", "contents_deleted",
                                        "history_archived", "suspended"]),
                name="procedures_closurerequest_one_open_per_account",
                violation_error_message=_("Ya hay un cierre en curso para esta cuenta."),
            ),
        ]
        indexes = [
            # Closure list of an institution, newest first, optionally by status.
            models.Index(fields=["institution", "status", "-created_at"], name="proc_closure_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Cierre de %(account)s") % {"account": self.account_label or self.account_id})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.account_id and self.account.institution_id != self.institution_id:
            raise ValidationError({"account": _("La cuenta no pertenece a esta institución.")})

    @property
    def preserves_history(self) -> bool:
        return self.content_action == "preserve"

    def get_absolute_url(self) -> str:
        return reverse("procedures:closure_detail", kwargs={"institution": self.institution.slug,
                                                           "public_id": self.public_id})
