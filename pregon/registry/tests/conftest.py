"""Registry test helpers: officials of A (Rosarito) and B (Pasto) with the ranks the invariants need."""

from __future__ import annotations

from typing import Any

import pytest

from pregon.institutions.choices import Rank, Role
from pregon.institutions.tests.factories import AreaFactory, MembershipFactory, OfficialFactory, UserFactory


@pytest.fixture
def area_a(institution_a: Any) -> Any:
    return AreaFactory(institution=institution_a, name="Dirección de Turismo")


@pytest.fixture
def area_b(institution_b: Any) -> Any:
    return AreaFactory(institution=institution_b, name="Secretaría de Tránsito")


@pytest.fixture
def officials_a(area_a: Any) -> dict[str, Any]:
    inst = area_a.institution
    return {
        "medio": OfficialFactory(institution=inst, area=area_a, rank=Rank.MEDIO, full_name="Héctor Lugo", email="hlugo@rosarito.gob.mx"),
        "medio2": OfficialFactory(institution=inst, area=area_a, rank=Rank.MEDIO, full_name="Mariana Ceseña", email="mcesena@rosarito.gob.mx"),
        "operativo": OfficialFactory(institution=inst, area=area_a, rank=Rank.OPERATIVO, full_name="Daniela Ortiz", email="dortiz@rosarito.gob.mx"),
    }


@pytest.fixture
def officials_b(area_b: Any) -> dict[str, Any]:
    inst = area_b.institution
    comms_user = UserFactory(username="comms_pasto")
    MembershipFactory(user=comms_user, institution=inst, role=Role.COMMS)
    return {
        "transit": OfficialFactory(institution=inst, area=area_b, rank=Rank.OPERATIVO, full_name="Mauricio Enríquez", email="menriquez@pasto.gov.co"),
        "comms": OfficialFactory(institution=inst, area=area_b, rank=Rank.MEDIO, full_name="Valentina Burbano", email="vburbano@pasto.gov.co", user=comms_user),
    }
