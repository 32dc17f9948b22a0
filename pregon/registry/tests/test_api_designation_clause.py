"""A back-dated designation through the API is refused citing the institution's own clause for administrator
changes (policy.administrators.change_notify), not another institution's."""

from __future__ import annotations

import json

import pytest

from pregon.procedures.models import AdministratorChange
from pregon.procedures.tests.account_fixtures import account, official, setup_area
from pregon.procedures.tests.conftest import make_world

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("preset", "clause"), [("pasto", "pasto:3.15"), ("rosarito", "rosarito:10.6")])
def test_backdated_designation_cites_the_institutions_clause(client, preset, clause):
    world = make_world(preset)
    setup_area(world)
    acc = account(world)
    client.force_login(world["comms"])
    url = f"/api/v1/registry/{world.institution.slug}/accounts/{acc.public_id}/administrators"
    response = client.post(url, json.dumps({"official": str(official(world, "Mariana Ceseña").public_id),
                                            "role": "primary", "starts_on": "2020-01-01"}),
                           content_type="application/json")
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert clause in message
    assert (preset == "rosarito") == ("rosarito" in message)
    assert not AdministratorChange.objects.exists()
