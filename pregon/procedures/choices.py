"""Enumerations of the procedures app (values are stable codes; labels are translatable)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    """States of a consulta de pertinencia (rosarito:9.7, iee-sonora:6.VIII)."""

    DRAFT = "draft", _("borrador")
    SUBMITTED = "submitted", _("en espera de respuesta")
    APPROVED = "approved", _("procedente")
    REJECTED = "rejected", _("no procedente")
    REJECTED_BY_SILENCE = "rejected_by_silence", _("no procedente por falta de respuesta")
    APPROVED_BY_SILENCE = "approved_by_silence", _("procedente por falta de respuesta")
    WITHDRAWN = "withdrawn", _("retirada")


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("en curso")
    DONE = "done", _("atendido")
    CANCELLED = "cancelled", _("cancelado")
    EXPIRED = "expired", _("vencido")


class DurationUnit(models.TextChoices):
    BUSINESS_DAYS = "business_days", _("días hábiles")
    CALENDAR_DAYS = "calendar_days", _("días naturales")
    BUSINESS_HOURS = "business_hours", _("horas hábiles")
    HOURS = "hours", _("horas")
