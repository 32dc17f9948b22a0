"""Cambio de contraseñas de una cuenta (guadalajara:15ª, pasto:2). Pregón never stores a password."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ProcedureModel


class CredentialRotationStatus(models.TextChoices):
    """States of a credential rotation (guadalajara:15ª, pasto:2). Pregón never stores a password."""

    DRAFT = "draft", _("borrador")
    PENDING = "pending", _("por cambiar contraseña")
    OVERDUE = "overdue", _("cambio de contraseña vencido")
    DONE = "done", _("contraseña cambiada (atestiguado)")
    CANCELLED = "cancelled", _("cancelada")

OPEN_ROTATION_STATES = (CredentialRotationStatus.PENDING, CredentialRotationStatus.OVERDUE)


class RotationTrigger(models.TextChoices):
    ACCESS_LOSS = "access_loss", _("alguien con acceso dejó la cuenta")
    PERIODIC = "periodic", _("cambio periódico")
    MANUAL = "manual", _("a petición")


class CredentialRotation(ProcedureModel):
    """A task to change an account's password, revoke its open sessions and check its recovery e-mail.

    While an access-loss rotation is open the account is `at_risk` in the registry; an administrator's
    attestation of the three checks puts it back to `active`. Only the attestation (who, when, the three
    booleans) is stored — never a password. At most one open rotation per account.
    Transitions: table `CREDENTIAL_ROTATION` in `pregon.procedures.flows.credential_rotation`.
    """

    workflow_name: ClassVar[str] = "credential_rotation"
    owner_field: ClassVar[str | None] = "started_by"

    status = models.CharField(
        _("estado"), max_length=32, choices=CredentialRotationStatus.choices,
        default=CredentialRotationStatus.DRAFT, db_index=True,
    )
    account = models.ForeignKey(
        "registry.SocialAccount", on_delete=models.PROTECT, related_name="credential_rotations",
        verbose_name=_("cuenta"),
    )
    trigger = models.CharField(_("motivo"), max_length=16, choices=RotationTrigger.choices)
    person_label = models.CharField(_("persona que dejó la cuenta"), max_length=255, blank=True)
    administrator_change = models.ForeignKey(
        "procedures.AdministratorChange", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("cambio de administrador"),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("iniciada por"),
    )
    password_changed = models.BooleanField(_("contraseña cambiada"), default=False)
    sessions_revoked = models.BooleanField(_("sesiones abiertas revocadas"), default=False)
    recovery_email_checked = models.BooleanField(_("correo de recuperación verificado"), default=False)
    attested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("atestiguado por"),
    )
    attested_at = models.DateTimeField(_("atestiguado"), null=True, blank=True)
    reasons = models.TextField(_("motivos"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("cambio de contraseñas")
        verbose_name_plural = _("cambios de contraseñas")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CredentialRotationStatus.values),
                name="procedures_credentialrotation_status_valid",
                violation_error_message=_("Estado de cambio de contraseñas no válido."),
            ),
            models.CheckConstraint(
                condition=Q(trigger__in=RotationTrigger.values),
                name="procedures_credentialrotation_trigger_valid",
                violation_error_message=_("Motivo de cambio de contraseñas no válido."),
            ),
            models.UniqueConstraint(
                fields=["account"],
                condition=Q(status__in=["pending", "overdue"]),
                name="procedures_credentialrotation_one_open_per_account",
                violation_error_message=_("Ya hay un cambio de contraseñas en curso para esta cuenta."),
            ),
        ]
        indexes = [
            # Rotation list of an institution, newest first, optionally by status.
            models.Index(fields=["institution", "status", "-created_at"], name="proc_rotation_list_idx"),
            # Periodic reminders: the last completed rotation of each account.
            models.Index(fields=["account", "status", "attested_at"], name="proc_rotation_last_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Cambio de contraseñas: %(account)s") % {"account": self.account})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.account_id and self.account.institution_id != self.institution_id:
            raise ValidationError({"account": _("La cuenta no pertenece a esta institución.")})

    def get_absolute_url(self) -> str:
        return reverse(
            "procedures:credential_rotation_detail",
            kwargs={"institution": self.institution.slug, "public_id": self.public_id},
        )
