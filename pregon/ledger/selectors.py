"""Reads of the bitácora."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from .models import SYSTEM_CHAIN, ChainHead, Event


def chain_head_get(institution: models.Model | None = None) -> ChainHead | None:
    """The current head (seq, hash) of an institution's chain — what the public directory shows."""
    chain = getattr(institution, "slug", None) or SYSTEM_CHAIN
    return ChainHead.objects.filter(chain=chain).first()


def event_list(*, institution: models.Model | None = None) -> QuerySet[Event]:
    """An institution's events, newest first. Callers check that the actor may read the institution."""
    chain = getattr(institution, "slug", None) or SYSTEM_CHAIN
    return Event.objects.filter(chain=chain).select_related("target_content_type").order_by("-seq")
