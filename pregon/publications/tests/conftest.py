"""Publications test helpers: one X account of A (Rosarito) administered by admin_a, one Facebook account of B
(Pasto), fixture files, and time frozen on 1 March 2026 (Tijuana)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine

from pregon.institutions.choices import Role
from pregon.institutions.tests.factories import AreaFactory, MembershipFactory, OfficialFactory, UserFactory
from pregon.registry.choices import AdminRole
from pregon.registry.models import Administrator, Platform
from pregon.registry.tests.factories import SocialAccountFactory

FIXTURES = Path(__file__).parent / "fixtures"
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def account_a(institution_a: Any, admin_a: Any) -> Any:
    """@gobrosarito on X, administered by admin_a."""
    area = AreaFactory(institution=institution_a, name="Dirección de Comunicación Social")
    account = SocialAccountFactory(institution=institution_a, area=area, platform=Platform.objects.get(slug="x"),
                                   handle="gobrosarito")
    official = OfficialFactory(institution=institution_a, area=area, full_name="Mariana Ceseña Ruiz",
                               email="mcesena@rosarito.gob.mx", user=admin_a)
    Administrator.objects.create(account=account, official=official, role=AdminRole.PRIMARY,
                                 starts_on=dt.date(2025, 1, 1))
    return account


@pytest.fixture
def other_account_a(institution_a: Any) -> Any:
    """Another X account of A, not administered by admin_a."""
    return SocialAccountFactory(institution=institution_a, platform=Platform.objects.get(slug="x"),
                                handle="turismorosarito")


@pytest.fixture
def account_b(institution_b: Any) -> Any:
    """@gobpasto on Facebook."""
    return SocialAccountFactory(institution=institution_b, platform=Platform.objects.get(slug="facebook"),
                                handle="gobpasto")


@pytest.fixture
def comms_b(institution_b: Any) -> Any:
    user = UserFactory(username="comunicacion_b")
    MembershipFactory(user=user, institution=institution_b, role=Role.COMMS)
    return user


@pytest.fixture
def it_a(institution_a: Any) -> Any:
    user = UserFactory(username="informatica_a")
    MembershipFactory(user=user, institution=institution_a, role=Role.IT)
    return user
