"""In-app notifications (the inbox, mirrored by e-mail) and the per-user secret of the ICS deadlines feed."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import EmailStatus


class Notification(models.Model):
    """One message to one user: shown in the inbox (`/bandeja/`) and sent by e-mail.

    Rows are written by `notify()` inside the caller's transaction (so a rolled-back action notifies nobody);
    the e-mail goes out after commit. `clauses` are the norm clauses that require the notice.
    """

    public_id = models.UUIDField(_("identificador público"), default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("destinatario")
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("institución"),
    )
    kind = models.CharField(_("tipo"), max_length=100, blank=True, help_text=_("p. ej. consultation.submitted"))
    subject = models.CharField(_("asunto"), max_length=255)
    body = models.TextField(_("mensaje"))
    link = models.CharField(_("enlace"), max_length=500, blank=True)
    clauses = models.JSONField(_("cláusulas"), default=list, blank=True)
    created_at = models.DateTimeField(_("fecha"), auto_now_add=True)
    read_at = models.DateTimeField(_("leído"), null=True, blank=True)
    email_status = models.CharField(
        _("correo"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    email_attempts = models.PositiveSmallIntegerField(_("intentos de envío"), default=0)
    emailed_at = models.DateTimeField(_("enviado por correo"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("aviso")
        verbose_name_plural = _("avisos")
        constraints = [
            models.CheckConstraint(
                condition=Q(email_status__in=EmailStatus.values),
                name="notifications_notification_email_status_valid",
                violation_error_message=_("Estado de correo no válido."),
            ),
        ]
        indexes = [
            # Inbox of one user, newest first; unread count.
            models.Index(fields=["recipient", "-created_at"], name="notif_recipient_idx"),
            # Retry of e-mails not yet sent (tick).
            models.Index(fields=["created_at"], condition=Q(email_status="pending"), name="notif_email_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.subject}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class CalendarFeedToken(models.Model):
    """The secret in a user's ICS feed URL (`/pendientes.ics?token=…`): calendar apps fetch it without a session.

    Resetting it (a new token) invalidates every calendar subscribed with the old URL.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_token", verbose_name=_("usuario")
    )
    token = models.CharField(_("ficha"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        ordering = ["user"]
        verbose_name = _("ficha del calendario")
        verbose_name_plural = _("fichas del calendario")

    def __str__(self) -> str:
        return f"{self.user} · ICS"
