"""Builders for the lifecycle-procedure tests (closure, abandonment, re-certification, incident, regularisation)."""

from __future__ import annotations

from pregon.institutions.choices import Rank
from pregon.institutions.models import Area, Membership, Official
from pregon.registry.choices import AccountStatus, AdminRole, Kind, Tier
from pregon.registry.models import Administrator, Platform, SocialAccount

from .conftest import World

DOMAINS = {"rosarito": "rosarito.gob.mx", "iee-sonora": "ieesonora.org.mx", "ine": "ine.mx", "pasto": "pasto.gov.co",
           "guadalajara": "guadalajara.gob.mx"}


def lifecycle_account(world: World, handle: str = "turismo", status: str = AccountStatus.ACTIVE,
                      slug: str = "facebook", with_admins: bool = True, email: bool = True) -> SocialAccount:
    """An official main account of a fresh area headed by the world's area head, compliant with its policy
    (two administrators of high rank with the policy's e-mail domain) unless told otherwise."""
    institution = world.institution
    area, _ = Area.objects.get_or_create(institution=institution, name="Dirección de Turismo")
    Membership.objects.filter(user=world["area_head"], institution=institution).update(area=area)
    p = Platform.objects.get(slug=slug)
    domain = DOMAINS[institution.policy_preset]
    suffix = institution.policy_preset.replace("-", "") if institution.policy_preset == "iee-sonora" else ""
    handle = f"{handle}{suffix}"
    account = SocialAccount.objects.create(
        institution=institution, area=area, platform=p, handle=handle, url=p.url_template.replace("{handle}", handle),
        display_name=handle, tier=Tier.MAIN, kind=Kind.OFFICIAL, status=status,
        email=f"{handle}@{domain}" if email else "",
        closed_on=None,
    )
    if with_admins:
        from pregon.institutions.policies import policy_for

        count = policy_for(institution).administrators.count
        for role, name in ((AdminRole.PRIMARY, "Ana Titular"), (AdminRole.ALTERNATE, "Beto Suplente"))[:count]:
            official, _ = Official.objects.get_or_create(
                institution=institution, full_name=f"{name} {handle}",
                defaults={"area": area, "position_title": "Director", "rank": Rank.SUPERIOR,
                          "email": f"{name.split()[0].lower()}.{handle}@{domain}",
                          # the world's account administrator operates the "turismo" account only
                          "user": world["account_admin"] if role == AdminRole.PRIMARY and handle.startswith("turismo")
                          else None},
            )
            Administrator.objects.create(account=account, official=official, role=role,
                                         starts_on=account.created_at.date().replace(year=2020))
    return account
