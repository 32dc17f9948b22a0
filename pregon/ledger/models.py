"""The bitácora: an append-only, hash-chained log of every state change and administrative act.

Each institution has its own chain (`chain` = the institution's slug); events without an institution form the
"system" chain. Rows are written only by `services.event_record()` and never change: `save()` refuses updates,
`delete()` and QuerySet update/delete raise, the admin is read-only, and database triggers (migration 0002)
reject UPDATE and DELETE. `verify.verify_chain()` recomputes the hashes to detect edits made around all that.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SYSTEM_CHAIN = "system"


class AppendOnlyError(Exception):
    """Someone tried to change or remove a ledger event."""


class EventQuerySet(models.QuerySet["Event"]):
    """Refuses bulk changes: events are appended by event_record() and never updated or deleted."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("ledger events cannot be updated")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("ledger events cannot be deleted")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("ledger events cannot be updated")

    def update_or_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("ledger events are created by ledger.services.event_record() only")


class Event(models.Model):
    """One entry of the bitácora, chained to the previous entry of the same chain by `prev_hash`.

    `hash` is the SHA-256 of the canonical JSON of the fields listed in `hashing.HASHED_FIELDS` (prev_hash
    included), so changing any of them, or removing or reordering rows, breaks the chain. `actor` may become NULL
    when a user is deleted (the database permits only that change); the frozen `actor_label` is what is hashed.
    """

    chain = models.CharField(_("cadena"), max_length=64, editable=False)
    seq = models.PositiveBigIntegerField(_("secuencia"), editable=False)
    prev_hash = models.CharField(_("huella anterior"), max_length=64, editable=False)
    hash = models.CharField(_("huella"), max_length=64, unique=True, editable=False)
    policy_version = models.CharField(_("versión de la política"), max_length=64, blank=True, editable=False)
    occurred_at = models.DateTimeField(_("fecha y hora"), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_label = models.CharField(_("actor (nombre)"), max_length=255, blank=True, editable=False)
    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_events",
        verbose_name=_("institución"),
    )
    action = models.CharField(_("acción"), max_length=100, editable=False)
    target_content_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tipo de objeto"),
    )
    target_object_id = models.CharField(_("id del objeto"), max_length=64, blank=True, editable=False)
    target_label = models.CharField(_("objeto"), max_length=255, blank=True, editable=False)
    request_id = models.UUIDField(_("id de la petición"), editable=False)
    reason = models.TextField(_("motivo"), blank=True, editable=False)
    changes = models.JSONField(_("cambios"), default=dict, blank=True, encoder=DjangoJSONEncoder, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["chain", "seq"]
        verbose_name = _("evento de bitácora")
        verbose_name_plural = _("bitácora")
        constraints = [
            models.UniqueConstraint(
                fields=["chain", "seq"],
                name="ledger_event_chain_seq_unique",
                violation_error_message=_("Ya existe un evento con esa secuencia en la cadena."),
            ),
            models.CheckConstraint(
                condition=Q(seq__gte=1),
                name="ledger_event_seq_positive",
                violation_error_message=_("La secuencia empieza en 1."),
            ),
        ]
        indexes = [
            # Activity of one object: "history of this account / request".
            models.Index(fields=["target_content_type", "target_object_id"], name="ledger_event_target_idx"),
            # Institution activity pages, newest first.
            models.Index(fields=["institution", "-occurred_at"], name="ledger_event_inst_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.chain}#{self.seq} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("ledger events cannot be updated")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("ledger events cannot be deleted")


class ChainHead(models.Model):
    """The last (seq, hash) of each chain. event_record() locks this row so concurrent writers queue up instead
    of forking the chain; verify_chain() also compares it with the last event to notice a truncated tail."""

    chain = models.CharField(_("cadena"), max_length=64, unique=True)
    seq = models.PositiveBigIntegerField(_("última secuencia"), default=0)
    hash = models.CharField(_("última huella"), max_length=64, blank=True)

    class Meta:
        ordering = ["chain"]
        verbose_name = _("cabeza de cadena")
        verbose_name_plural = _("cabezas de cadena")

    def __str__(self) -> str:
        return f"{self.chain}@{self.seq}"
