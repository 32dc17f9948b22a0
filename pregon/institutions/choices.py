"""Enumerations of the institutions app (values are stable codes; labels are translatable)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    MEXICO = "MX", _("México")
    COLOMBIA = "CO", _("Colombia")


class Rank(models.TextChoices):
    """Nivel de mando of an official (the norms tie who may sign or administer to it)."""

    SUPERIOR = "superior", _("mando superior")
    MEDIO = "medio", _("mando medio")
    OPERATIVO = "operativo", _("operativo")


class EmploymentStatus(models.TextChoices):
    ACTIVE = "active", _("en funciones")
    ENDED = "ended", _("baja")


class Role(models.TextChoices):
    """A user's role in one institution (see DESIGN.md, "Users and roles")."""

    COMMS = "comms", _("Comunicación Social")
    IT = "it", _("Informática")
    AREA_HEAD = "area_head", _("Titular de área")
    ACCOUNT_ADMIN = "account_admin", _("Administrador de cuenta")
    TRANSPARENCY = "transparency", _("Transparencia")
    COMMITTEE = "committee", _("Comité")
    AUDITOR = "auditor", _("Auditoría/Contraloría")


# Roles whose membership may be limited to one area.
AREA_SCOPED_ROLES = frozenset({Role.AREA_HEAD, Role.ACCOUNT_ADMIN})
# Roles that read but never change anything.
READ_ONLY_ROLES = frozenset({Role.AUDITOR})
