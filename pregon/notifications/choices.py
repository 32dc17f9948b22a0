"""Enumerations of the notifications app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("por enviar")
    SENDING = "sending", _("enviándose")
    SENT = "sent", _("enviado")
    FAILED = "failed", _("falló")
    NO_ADDRESS = "no_address", _("sin dirección de correo")
