"""Enumerations of the registry (values are stable codes; labels are translatable)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.TextChoices):
    """Cuenta principal / alterna (pasto:3.7, pasto:3.10)."""

    MAIN = "main", _("principal")
    ALTERNATE = "alternate", _("alterna")


class Kind(models.TextChoices):
    """Cuenta oficial / cuenta personal de servidor público (guadalajara:7ª)."""

    OFFICIAL = "official", _("oficial")
    PERSONAL_SERVANT = "personal_servant", _("personal de servidor público")


class AccountStatus(models.TextChoices):
    """Where an account stands. Changed only by `services.account_set_status` (and `account_close`)."""

    PENDING_REGULARISATION = "pending_regularisation", _("por regularizar")
    ACTIVE = "active", _("activa")
    AT_RISK = "at_risk", _("en riesgo")
    COMPROMISED = "compromised", _("comprometida")
    SUSPENDED = "suspended", _("cerrada temporalmente")
    RECLASSIFIED_PERSONAL = "reclassified_personal", _("reclasificada como personal")
    CLOSED = "closed", _("cerrada")


class Verification(models.TextChoices):
    """The platform's verification badge (iee-sonora:6.XXV)."""

    NOT_REQUESTED = "not_requested", _("no solicitada")
    REQUESTED = "requested", _("solicitada")
    VERIFIED = "verified", _("verificada")
    REFUSED = "refused", _("rechazada por la plataforma")
    NOT_AVAILABLE = "not_available", _("no disponible en la plataforma")


class AdminRole(models.TextChoices):
    """Administrador titular / suplente."""

    PRIMARY = "primary", _("titular")
    ALTERNATE = "alternate", _("suplente")


class ErrorCode(models.TextChoices):
    """Stable codes of the registry's refusals (ApplicationError.code)."""

    INVALID_URL = "INVALID_URL"
    DUPLICATE_ACCOUNT = "DUPLICATE_ACCOUNT"
    POLICY_EMAIL = "POLICY_EMAIL"
    POLICY_HANDLE = "POLICY_HANDLE"
    POLICY_PLATFORM = "POLICY_PLATFORM"
    POLICY_ADMINISTRATORS = "POLICY_ADMINISTRATORS"
    INVALID_INPUT = "INVALID_INPUT"
    ACCOUNT_CLOSED = "ACCOUNT_CLOSED"
    INVALID_FILE = "INVALID_FILE"
    IMPORT_ROWS = "IMPORT_ROWS"
    PREEXISTING_NOT_IN_NORM = "PREEXISTING_NOT_IN_NORM"  # direct registration where the norm has no transitional regime
    CHANGE_NOT_AVAILABLE = "CHANGE_NOT_AVAILABLE"  # no administrator-change procedure answered the registry's request
