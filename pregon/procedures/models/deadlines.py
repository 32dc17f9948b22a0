"""Deadline rows: "deadlines are columns, not computations" (STYLE §2.4)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pregon.core.models import TimeStampedModel

from ..choices import DeadlineStatus, DurationUnit


class Deadline(TimeStampedModel):
    """A term running against one procedure while it sits in one state, with the instant it expires.

    Created by `procedure_transition()` when a transition lands in a state whose table entry starts a deadline,
    closed by the next transition (`done` when the responsible role acted, `cancelled` otherwise) or claimed by
    `pregon tick` at `due_at` (`expired`), which fires `on_expiry` in the same transaction as the claim.

    The subject is a generic foreign key so that every procedure shares this table: "Mis pendientes", the ICS feed
    and the tick read one table. `calendar_fingerprint`, `holidays_version`, `policy_version`, `started_at` and
    the duration let an auditor recompute `due_at` exactly.
    """

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="deadlines", verbose_name=_("institución")
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_label = models.CharField(_("trámite"), max_length=255, blank=True)
    workflow = models.CharField(_("procedimiento"), max_length=64)
    kind = models.CharField(_("tipo de plazo"), max_length=100, help_text=_("<procedimiento>.<estado>"))
    state = models.CharField(_("estado del trámite"), max_length=32)
    on_expiry = models.CharField(_("acción al vencer"), max_length=64)
    responsible_role = models.CharField(_("rol que debe actuar"), max_length=32, blank=True)
    waiting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("persona en espera"),
    )
    started_at = models.DateTimeField(_("inicio del plazo"))
    due_at = models.DateTimeField(_("vence"))
    duration_amount = models.PositiveIntegerField(_("duración"))
    duration_unit = models.CharField(_("unidad"), max_length=16, choices=DurationUnit.choices)
    clauses = models.JSONField(_("cláusulas"), default=list, blank=True)
    calendar_fingerprint = models.CharField(_("huella del calendario"), max_length=32)
    holidays_version = models.CharField(_("versión de días festivos"), max_length=32, blank=True)
    policy_version = models.CharField(_("versión de la política"), max_length=64)
    status = models.CharField(_("estado"), max_length=16, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN)
    closed_at = models.DateTimeField(_("cerrado"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("reclamado por el tick"), null=True, blank=True)
    claim_token = models.UUIDField(_("ficha del reclamo"), null=True, blank=True)
    expired_outcome_applied_at = models.DateTimeField(_("efecto del vencimiento aplicado"), null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("plazo")
        verbose_name_plural = _("plazos")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DeadlineStatus.values),
                name="procedures_deadline_status_valid",
                violation_error_message=_("Estado de plazo no válido."),
            ),
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind"],
                condition=Q(status="open"),
                name="procedures_deadline_one_open_per_kind",
                violation_error_message=_("Ya hay un plazo de ese tipo en curso para este trámite."),
            ),
            models.CheckConstraint(
                condition=Q(status="expired") | Q(expired_outcome_applied_at__isnull=True),
                name="procedures_deadline_outcome_only_when_expired",
                violation_error_message=_("Sólo un plazo vencido tiene efecto de vencimiento."),
            ),
        ]
        indexes = [
            # pregon tick: open deadlines with due_at <= now, oldest first (partial: open rows only).
            models.Index(fields=["due_at"], condition=Q(status="open"), name="proc_deadline_open_due_idx"),
            # procedure_transition(): close the open deadlines of one subject.
            models.Index(fields=["subject_type", "subject_id", "status"], name="proc_deadline_subject_idx"),
            # Mis pendientes / ICS: open deadlines of an institution for a role.
            models.Index(fields=["institution", "responsible_role", "status"], name="proc_deadline_role_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} · {self.subject_label} · {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.status == DeadlineStatus.OPEN

    @property
    def duration_display(self) -> str:
        """The term in the policy's own unit, with its plural: "1 día hábil", "4 horas hábiles"."""
        from pregon.institutions.templatetags.pregon_format import duration_label

        return duration_label(self.duration_amount, self.duration_unit)
