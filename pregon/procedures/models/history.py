"""The transition history of every procedure (healthchecks' `Flip`)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TransitionRecord(models.Model):
    """One fired transition: from which state to which, by whom, why, under which policy version.

    Written only by `procedure_transition()`, in the same transaction as the status change and its ledger event
    (`ledger_event`). `deadline` is set when the transition was the expiry of that deadline (actor is then None:
    the system). Never updated.
    """

    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="+", verbose_name=_("institución")
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    workflow = models.CharField(_("procedimiento"), max_length=64)
    action = models.CharField(_("acción"), max_length=64)
    from_status = models.CharField(_("de"), max_length=32)
    to_status = models.CharField(_("a"), max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("actor"), max_length=255)
    reason = models.TextField(_("motivo"), blank=True)
    policy_version = models.CharField(_("versión de la política"), max_length=64)
    deadline = models.ForeignKey(
        "procedures.Deadline", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ledger_event = models.ForeignKey("ledger.Event", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("fecha y hora"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("transición")
        verbose_name_plural = _("transiciones")
        indexes = [
            # History of one procedure on its detail page.
            models.Index(fields=["subject_type", "subject_id", "created_at"], name="proc_transition_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.workflow}.{self.action}: {self.from_status} → {self.to_status}"
