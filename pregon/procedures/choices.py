"""Enumerations of the procedures machinery (deadlines); each procedure's states live with its model
(`models/<procedure>.py`). Values are stable codes; labels are translatable."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
