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


class OpeningRequestStatus(models.TextChoices):
    """States of an account opening request (rosarito:10.1–10.5, iee-sonora:7.I–III,V, pasto:3.10–3.14)."""

    DRAFT = "draft", _("borrador")
    AWAITING_OPINION = "awaiting_opinion", _("firmada, en espera de la opinión técnica")
    SUBMITTED = "submitted", _("firmada, por resolver")
    APPROVED = "approved", _("autorizada, pendiente de informar la apertura")
    REJECTED = "rejected", _("rechazada")
    REGISTERED = "registered", _("cuenta abierta y registrada")
    WITHDRAWN = "withdrawn", _("retirada")
    EXPIRED = "expired", _("vencida sin resolución")


class AdministratorChangeStatus(models.TextChoices):
    """States of an administrator change (rosarito:10.6, iee-sonora:7.IV, pasto:3.15)."""

    DRAFT = "draft", _("borrador")
    AWAITING_DESIGNATION = "awaiting_designation", _("por designar nuevo administrador")
    OVERDUE = "overdue", _("designación vencida")
    COMPLETED = "completed", _("cambio notificado y registrado")
    CANCELLED = "cancelled", _("cancelado")


class CredentialRotationStatus(models.TextChoices):
    """States of a credential rotation (guadalajara:15ª, pasto:2). Pregón never stores a password."""

    DRAFT = "draft", _("borrador")
    PENDING = "pending", _("por cambiar contraseña")
    OVERDUE = "overdue", _("cambio de contraseña vencido")
    DONE = "done", _("contraseña cambiada (atestiguado)")
    CANCELLED = "cancelled", _("cancelada")


class LiveStreamStatus(models.TextChoices):
    """States of a live-stream authorisation (pasto:3.19)."""

    DRAFT = "draft", _("borrador")
    SUBMITTED = "submitted", _("en espera de autorización")
    APPROVED = "approved", _("autorizada")
    REJECTED = "rejected", _("no autorizada")
    WITHDRAWN = "withdrawn", _("retirada")
    EXPIRED = "expired", _("sin autorización a la hora de la transmisión")


class ClosureStatus(models.TextChoices):
    """States of an account closure (rosarito:10.7–10.8, iee-sonora:7.VII–VIII, pasto:3.17, pasto:3.20)."""

    DRAFT = "draft", _("borrador")
    PROPOSED = "proposed", _("cierre propuesto al área")
    SUBMITTED = "submitted", _("aviso enviado a Comunicación Social")
    ACKNOWLEDGED = "acknowledged", _("recibido; Informática enterada")
    CONTENTS_DELETED = "contents_deleted", _("contenidos borrados (atestiguado)")
    HISTORY_ARCHIVED = "history_archived", _("historial exportado al archivo")
    CLOSED = "closed", _("cuenta cerrada")
    SUSPENDED = "suspended", _("cuenta cerrada temporalmente")
    REOPENED = "reopened", _("cuenta reabierta")
    DECLINED = "declined", _("propuesta no aceptada")
    WITHDRAWN = "withdrawn", _("retirado")


class AbandonmentStatus(models.TextChoices):
    """States of an abandonment flag (rosarito:10.8, iee-sonora:7.VIII, pasto:3.20)."""

    NEW = "new", _("nueva")
    OPEN = "open", _("cuenta sin actividad")
    CLOSURE_PROPOSED = "closure_proposed", _("cierre propuesto")
    DISMISSED = "dismissed", _("descartada")
    RESOLVED = "resolved", _("la cuenta volvió a tener actividad")


class RecertificationStatus(models.TextChoices):
    """States of an account's periodic re-certification (rosarito:7, 10.8, iee-sonora:5.1, 7.VIII, pasto:3.13)."""

    NEW = "new", _("nueva")
    PENDING = "pending", _("por confirmar")
    ESCALATED = "escalated", _("vencida; turnada a Comunicación Social")
    CONFIRMED = "confirmed", _("confirmada")
    CHANGES_REPORTED = "changes_reported", _("con cambios reportados")


class IncidentStatus(models.TextChoices):
    """States of a security incident (rosarito:9.21, iee-sonora:6.XXVI, guadalajara:15ª)."""

    NEW = "new", _("nuevo")
    OPEN = "open", _("abierto: cuenta comprometida")
    CLOSED = "closed", _("cerrado con informe")
    DISMISSED = "dismissed", _("descartado (falsa alarma)")


class IncidentKind(models.TextChoices):
    HIJACKED = "hijacked", _("cuenta intervenida por terceros")
    UNAUTHORISED_OPERATOR = "unauthorised_operator", _("operada por personal no autorizado")
    LOST_CREDENTIALS = "lost_credentials", _("sustracción o extravío de contraseñas")


class RegularisationStatus(models.TextChoices):
    """States of a pre-existing account's regularisation (rosarito:Transitorio 2, iee-sonora:Transitorio 2)."""

    NEW = "new", _("nueva")
    PENDING = "pending", _("por regularizar")
    REGULARISED = "regularised", _("regularizada")
    RECLASSIFIED_PERSONAL = "reclassified_personal", _("reclasificada como personal")
    CLOSED = "closed", _("cerrada al vencer el plazo")
    CANCELLED = "cancelled", _("cancelada")
