"""Codes of the publications app in words, never as codes: `{{ finding.category|category_label }}` ("datos
personales", not `personal_data`) and `{{ outcome.format|export_format_label }}` ("TikTok: Content.csv", not
`tiktok_content`)."""

from __future__ import annotations

from typing import Any

from django import template

from ..choices import Category, ExportFormat

register = template.Library()


@register.filter
def category_label(code: Any) -> str:
    """The translatable label of a checker category; an unknown code is shown as given."""
    try:
        return str(Category(str(code)).label)
    except ValueError:
        return str(code)


@register.filter
def export_format_label(code: Any) -> str:
    """The translatable label of a platform export format; an unknown code is shown as given."""
    try:
        return str(ExportFormat(str(code)).label)
    except ValueError:
        return str(code)
