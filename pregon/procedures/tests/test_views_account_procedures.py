"""Access matrix of the account-procedure pages and API endpoints (anonymous, other institution 404, no role 403,
right role 200), plus one action through a page and one through the API."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from pregon.procedures import services_accounts as svc
from pregon.registry.choices import Tier

from .account_fixtures import account, future, platform, setup_area
from .conftest import make_world

# procedure -> (preset, role that may read, role that may not read, role that may create)
CASES = {
    "opening_request": ("rosarito", "comms", "transparency", "area_head", "opening-requests"),
    "administrator_change": ("rosarito", "it", "transparency", "comms", "administrator-changes"),
    "credential_rotation": ("pasto", "it", "committee", "comms", "credential-rotations"),
    "live_stream": ("pasto", "comms", "it", "account_admin", "live-streams"),
}


def _make(key: str, world: Any) -> Any:
    acc = account(world, tier=Tier.MAIN)
    if key == "opening_request":
        return svc.opening_request_create(institution=world.institution, actor=world["area_head"], area=world.area,
                                          platform=platform("youtube"), proposed_name="Turismo", objectives="o",
                                          scope="s", coverage_or_benefits="c", justification="j")
    if key == "administrator_change":
        return svc.administrator_change_create(institution=world.institution, actor=world["comms"], account=acc)
    if key == "credential_rotation":
        return svc.credential_rotation_create(institution=world.institution, actor=world["it"], account=acc)
    return svc.live_stream_create(institution=world.institution, actor=world["account_admin"], account=acc,
                                  title="Sesión", starts_at=future(5))


def _client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(CASES))
def test_pages_and_api_access_matrix(key: str) -> None:
    preset, reader, stranger, creator, segment = CASES[key]
    world = make_world(preset)
    setup_area(world)
    obj = _make(key, world)
    slug = world.institution.slug
    pages = {
        "list": reverse(f"procedures:{key}_list", kwargs={"institution": slug}),
        "detail": obj.get_absolute_url(),
        "create": reverse(f"procedures:{key}_create", kwargs={"institution": slug}),
    }
    api = {
        "list": f"/api/v1/procedures/{slug}/{segment}",
        "detail": f"/api/v1/procedures/{slug}/{segment}/{obj.public_id}",
    }
    for name, url in pages.items():
        assert _client(None).get(url).status_code == 302, name  # to the login page
        assert _client(world.outsider).get(url).status_code == 404, name
        assert _client(world[stranger]).get(url).status_code == 403, name
        ok_user = world[creator] if name == "create" else world[reader]
        response = _client(ok_user).get(url)
        assert response.status_code == 200, name
    for name, url in api.items():
        assert _client(None).get(url).status_code == 401, name
        assert _client(world.outsider).get(url).status_code == 404, name
        assert _client(world[stranger]).get(url).status_code == 403, name
        assert _client(world[reader]).get(url).status_code == 200, name
    transition = reverse(f"procedures:{key}_transition",
                         kwargs={"institution": slug, "public_id": obj.public_id, "action": "withdraw"})
    assert _client(world.outsider).post(transition).status_code == 404


@pytest.mark.django_db
def test_opening_decision_page_shows_the_buttons_and_fires_the_opinion_then_api_approval() -> None:
    world = make_world("rosarito")
    setup_area(world)
    obj = _make("opening_request", world)
    page = _client(world["it"]).get(obj.get_absolute_url())
    assert "Emitir la opinión técnica" in page.content.decode()
    url = reverse("procedures:opening_request_transition",
                  kwargs={"institution": "rosarito", "public_id": obj.public_id, "action": "give_opinion"})
    response = _client(world["it"]).post(url, {"give_opinion-reason": "Viable.", "give_opinion-favourable": "1"})
    assert response.status_code == 303
    obj.refresh_from_db()
    assert obj.status == "submitted"
    api = f"/api/v1/procedures/rosarito/opening-requests/{obj.public_id}/transitions"
    refused = _client(world["area_head"]).post(api, {"action": "approve"}, content_type="application/json")
    assert refused.status_code == 403
    approved = _client(world["comms"]).post(api, {"action": "approve", "data": {"graphic_identity": "Logo"}},
                                            content_type="application/json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
