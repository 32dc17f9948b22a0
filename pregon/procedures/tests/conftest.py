"""Personas for the procedures tests: one institution per preset, one user per role in it, an outsider."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from pregon.institutions.choices import Role
from pregon.institutions.models import Institution, Membership
from pregon.institutions.policies import clear_policy_cache

PRESETS: dict[str, dict[str, str]] = {
    "rosarito": {"country": "MX", "subdivision": "BCN", "timezone": "America/Tijuana"},
    "iee-sonora": {"country": "MX", "subdivision": "SON", "timezone": "America/Hermosillo"},
    "ine": {"country": "MX", "subdivision": "CMX", "timezone": "America/Mexico_City"},
    "pasto": {"country": "CO", "subdivision": "NAR", "timezone": "America/Bogota"},
    "guadalajara": {"country": "MX", "subdivision": "JAL", "timezone": "America/Mexico_City"},
}
CONSULTATION_PRESETS = ("rosarito", "iee-sonora")


@dataclass
class World:
    institution: Institution
    users: dict[str, Any] = field(default_factory=dict)  # role -> user holding only that role
    outsider: Any = None  # every role, in another institution
    nobody: Any = None  # no role anywhere

    def __getitem__(self, role: str) -> Any:
        return self.users[role]


def make_user(username: str, **extra: Any) -> Any:
    return get_user_model().objects.create_user(username, f"{username}@example.gob.mx", "x" * 16, **extra)


def make_institution(preset: str, slug: str | None = None) -> Institution:
    return Institution.objects.create(
        slug=slug or preset, name=f"Institución {preset}", short_name=preset, policy_preset=preset, **PRESETS[preset]
    )


def make_world(preset: str) -> World:
    clear_policy_cache()
    institution = make_institution(preset)
    world = World(institution=institution)
    for role in Role.values:
        user = make_user(f"{preset}-{role}")
        Membership.objects.create(user=user, institution=institution, role=role)
        world.users[role] = user
    other = make_institution(preset, slug=f"otra-{preset}")
    world.outsider = make_user(f"otra-{preset}-todo")
    for role in Role.values:
        Membership.objects.create(user=world.outsider, institution=other, role=role)
    world.nobody = make_user(f"{preset}-nadie")
    return world


@pytest.fixture
def rosarito(db: Any) -> World:
    return make_world("rosarito")


@pytest.fixture
def sonora(db: Any) -> World:
    return make_world("iee-sonora")


@pytest.fixture(autouse=True)
def _fresh_policy_cache() -> Any:
    clear_policy_cache()
    yield
    clear_policy_cache()
