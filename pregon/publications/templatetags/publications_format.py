"""`{{ finding.category|category_label }}`: the checker's category in words ("datos personales"), never its code
(`personal_data`), for the review page and the audit."""

from __future__ import annotations

from typing import Any

from django import template

from ..choices import Category

register = template.Library()


@register.filter
def category_label(code: Any) -> str:
    """The translatable label of a checker category; an unknown code is shown as given."""
    try:
        return str(Category(str(code)).label)
    except ValueError:
        return str(code)
