"""Enumerations of the publications app (values are stable codes; labels are translatable)."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportFormat(models.TextChoices):
    """The platform export a file was read as (see parsers.FORMATS)."""

    X_CONTENT = "x_content", _("X (Twitter): análisis de la cuenta, contenido")
    X_TWEET_ACTIVITY = "x_tweet_activity", _("X (Twitter): actividad de tweets (clásico)")
    FACEBOOK_POSTS = "facebook_posts", _("Facebook: estadísticas por publicación")
    TIKTOK_CONTENT = "tiktok_content", _("TikTok: Content.csv")
    YOUTUBE_TABLE = "youtube_table", _("YouTube Studio: Table data.csv")
    GENERIC = "generic", _("CSV genérico (id, fecha, texto, url)")


class Severity(models.TextChoices):
    """The checker's severities (pregon.checker.config.Severity)."""

    BLOCK = "block", _("bloquea")
    WARN = "warn", _("advierte")
    SUGGEST = "suggest", _("sugiere")


class Category(models.TextChoices):
    """The checker's categories (pregon.checker.config.CATEGORIES)."""

    PERSONAL_DATA = "personal_data", _("datos personales")
    RESERVED_INFORMATION = "reserved_information", _("información reservada")
    STYLE = "style", _("estilo")
    SPELLING = "spelling", _("ortografía")
    CLARITY = "clarity", _("claridad")
    HASHTAG = "hashtag", _("etiquetas")
    LINK = "link", _("enlaces")
    SPAM = "spam", _("mensajes repetidos")
    RESPECT = "respect", _("respeto")
    RELEVANCE = "relevance", _("pertinencia")
    PERSONAL = "personal", _("uso personal")
    ELECTORAL = "electoral", _("periodo electoral")


class ErrorCode(StrEnum):
    INVALID_EXPORT_FILE = "INVALID_EXPORT_FILE"
    ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND"
    TEXT_TOO_LONG = "TEXT_TOO_LONG"
    TEXT_EMPTY = "TEXT_EMPTY"
    ACCOUNT_CLOSED = "ACCOUNT_CLOSED"
