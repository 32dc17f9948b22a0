"""Demo procedures: a pending opening request in each institution whose norm has the procedure spelled out
(rosarito, iee-sonora, pasto), filed through the services (so it has its ledger event, deadline and notices).

Idempotent: an institution that already has an opening request with the demo name is left alone.
Called from `manage.py demo_load` after the registry's demo accounts.
"""

from __future__ import annotations

from pregon.institutions.choices import Role
from pregon.institutions.models import Area, Institution, Membership
from pregon.procedures.flows.opening import opening_request_create
from pregon.registry.models import Platform

from .models import OpeningRequest

SEEDS = {
    "rosarito": ("Turismo Rosarito", "youtube"),
    "iee-sonora": ("Educación Cívica IEE Sonora", "youtube"),
    "pasto": ("Cultura Pasto", "facebook"),
}


def procedures_demo_load() -> int:
    """Files the demo opening requests that are missing; returns how many were created."""
    created = 0
    for slug, (name, platform_slug) in SEEDS.items():
        institution = Institution.objects.filter(slug=slug).first()
        platform = Platform.objects.filter(slug=platform_slug).first()
        if institution is None or platform is None:
            continue
        if OpeningRequest.objects.filter(institution=institution, proposed_name=name).exists():
            continue
        membership = (Membership.objects.filter(institution=institution, role=Role.AREA_HEAD)
                      .select_related("user", "area").order_by("pk").first())
        if membership is None:
            continue
        area = membership.area or Area.objects.filter(institution=institution, parent__isnull=False).first()
        if area is None:
            continue
        opening_request_create(
            institution=institution, actor=membership.user, area=area, platform=platform, proposed_name=name,
            objectives="Difundir las actividades y programas del área entre la ciudadanía.",
            scope="Municipal / estatal, público general.",
            coverage_or_benefits="Mayor alcance de las convocatorias y avisos del área.",
            justification="Programa anual de trabajo del área: difusión de sus actividades institucionales.",
            tier="alternate" if slug == "pasto" else "main",
        )
        created += 1
    return created
