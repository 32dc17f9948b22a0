"""Autorización previa de transmisiones en vivo (pasto:3.19)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ProcedureModel


class LiveStreamStatus(models.TextChoices):
    """States of a live-stream authorisation (pasto:3.19)."""

    DRAFT = "draft", _("borrador")
    SUBMITTED = "submitted", _("en espera de autorización")
    APPROVED = "approved", _("autorizada")
    REJECTED = "rejected", _("no autorizada")
    WITHDRAWN = "withdrawn", _("retirada")
    EXPIRED = "expired", _("sin autorización a la hora de la transmisión")


class LiveStreamAuthorisation(ProcedureModel):
    """A live stream on an account, authorised beforehand: by Communications on main accounts, by the area head
    on alternate ones (the policy's `live_stream.main_authorised_by` / `alternate_authorised_by`). Undecided at
    `starts_at`, it expires (no authorisation: no stream).
    Transitions: table `LIVE_STREAM` in `pregon.procedures.flows.live_stream`.
    """

    workflow_name: ClassVar[str] = "live_stream"
    owner_field: ClassVar[str | None] = "requested_by"

    status = models.CharField(
        _("estado"), max_length=32, choices=LiveStreamStatus.choices, default=LiveStreamStatus.DRAFT, db_index=True
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="live_streams", verbose_name=_("cuenta")
    )
    title = models.CharField(_("tema de la transmisión"), max_length=255)
    description = models.TextField(_("descripción"), blank=True)
    starts_at = models.DateTimeField(_("inicio de la transmisión"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("solicitada por")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("resuelta por"),
    )
    decided_at = models.DateTimeField(_("resuelta"), null=True, blank=True)
    reasons = models.TextField(_("motivos"), blank=True)

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("autorización de transmisión en vivo")
        verbose_name_plural = _("autorizaciones de transmisión en vivo")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=LiveStreamStatus.values),
                name="procedures_livestream_status_valid",
                violation_error_message=_("Estado de autorización no válido."),
            ),
        ]
        indexes = [
            # Live-stream list of an institution, latest stream first, optionally by status.
            models.Index(fields=["institution", "status", "-starts_at"], name="proc_livestream_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Transmisión en vivo: %(title)s") % {"title": self.title})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.account_id and self.account.institution_id != self.institution_id:
            raise ValidationError({"account": _("La cuenta no pertenece a esta institución.")})

    def get_absolute_url(self) -> str:
        return reverse(
            "procedures:live_stream_detail",
            kwargs={"institution": self.institution.slug, "public_id": self.public_id},
        )
