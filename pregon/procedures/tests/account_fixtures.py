"""Builders for the account-procedure tests: an area, officials, an account, and procedure rows in any state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from pregon.institutions.choices import Rank, Role
from pregon.institutions.models import Membership, Official
from pregon.institutions.tests.factories import AreaFactory
from pregon.procedures.flows.opening import opening_request_create
from pregon.procedures.models import OpeningRequest
from pregon.registry.choices import AccountStatus, Kind, Tier
from pregon.registry.models import Platform, SocialAccount

from .conftest import World, make_user

DOMAINS = {"rosarito": "rosarito.gob.mx", "iee-sonora": "ieesonora.org.mx", "ine": "ine.mx", "pasto": "pasto.gov.co",
           "guadalajara": "guadalajara.gob.mx"}


def setup_area(world: World) -> Any:
    """An area of the world's institution, with an official per rank; returns the area."""
    area = AreaFactory(institution=world.institution, name="Dirección de Turismo")
    world.area = area  # type: ignore[attr-defined]
    return area


def official(world: World, name: str, rank: str = Rank.MEDIO, user: Any = None) -> Official:
    import unicodedata

    slug = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace(" ", ".")
    return Official.objects.create(
        institution=world.institution, area=world.area, full_name=name, position_title="Jefe", rank=rank,
        email=f"{slug}@{DOMAINS.get(world.institution.policy_preset, 'example.gob.mx')}", user=user,
    )


def platform(slug: str) -> Platform:
    return Platform.objects.get(slug=slug)


def account(world: World, handle: str = "turismo", tier: str = Tier.MAIN, slug: str = "facebook",
            status: str = AccountStatus.ACTIVE) -> SocialAccount:
    p = platform(slug)
    return SocialAccount.objects.create(
        institution=world.institution, area=world.area, platform=p, handle=handle,
        url=p.url_template.replace("{handle}", handle), display_name=handle, tier=tier, kind=Kind.OFFICIAL,
        status=status, email=f"{handle}@{DOMAINS[world.institution.policy_preset]}",
    )


def owner(world: World, role: str) -> Any:
    user = make_user(f"{world.institution.slug}-owner-{role}")
    Membership.objects.create(user=user, institution=world.institution, role=role)
    return user


def proposal(world: World, **extra: Any) -> OpeningRequest:
    """An opening request from the area head for a Facebook account; `extra` overrides any argument."""
    values = {"institution": world.institution, "actor": world["area_head"], "area": world.area,
              "platform": platform("facebook"), "proposed_name": "Turismo Rosarito", "objectives": "Promover el turismo",
              "scope": "Municipal", "coverage_or_benefits": "Visitantes", "justification": "Programa de turismo 2026"}
    values.update(extra)
    return opening_request_create(**values)


def future(days: int = 10) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


__all__ = ["DOMAINS", "Role", "account", "future", "official", "owner", "platform", "setup_area"]
