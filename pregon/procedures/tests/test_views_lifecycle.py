"""Access matrix of every lifecycle page (anonymous → login, other institution 404, no suitable role 403, right
role 200/303), the registry account page listing open procedures, and the demo loader's lifecycle data."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pregon.procedures.flows.closure import closure_request_create
from pregon.procedures.flows.incident import incident_report
from pregon.procedures.models import Incident

from .conftest import make_world
from .lifecycle_helpers import lifecycle_account


def _client(user=None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


@pytest.mark.django_db
def test_lifecycle_pages_access_matrix():
    world = make_world("pasto")
    account = lifecycle_account(world)
    incident = incident_report(account=account, actor=world["account_admin"], kind="hijacked", description="x")
    other = lifecycle_account(world, handle="cultura")
    closure = closure_request_create(account=other, actor=world["area_head"], motive="Fin.")
    slug = world.institution.slug
    pages = {
        reverse("procedures:incident_list", kwargs={"institution": slug}): ("it", None),
        reverse("procedures:incident_detail", kwargs={"institution": slug, "public_id": incident.public_id}): ("it", None),
        reverse("procedures:closure_detail", kwargs={"institution": slug, "public_id": closure.public_id}): ("comms", None),
        reverse("procedures:closure_create", kwargs={"institution": slug}) + f"?cuenta={other.public_id}":
            ("area_head", "it"),
        reverse("procedures:incident_create", kwargs={"institution": slug}) + f"?cuenta={other.public_id}":
            ("area_head", "transparency"),
        reverse("registry:account_detail", kwargs={"institution": slug, "account": account.public_id}): ("it", None),
    }
    for url, (right, wrong) in pages.items():
        assert _client().get(url).status_code == 302, url  # anonymous → login
        assert _client(world.outsider).get(url).status_code == 404, url
        assert _client(world[right]).get(url).status_code == 200, url
        if wrong:
            assert _client(world[wrong]).get(url).status_code == 403, url
    # an account administrator reaches only the accounts they administer, as on the registry's pages
    create = reverse("procedures:incident_create", kwargs={"institution": slug})
    form = _client(world["account_admin"]).get(f"{create}?cuenta={account.public_id}").content.decode()
    assert f'value="{account.public_id}" selected' in form and str(other.public_id) not in form
    refused = _client(world["account_admin"]).post(create, {"account": str(other.public_id), "kind": "hijacked",
                                                            "description": "x"})
    assert refused.status_code == 422 and "No se encontró" in refused.content.decode()
    assert Incident.objects.count() == 1
    page = _client(world["it"]).get(reverse("registry:account_detail", kwargs={"institution": slug,
                                                                               "account": account.public_id}))
    assert incident.get_absolute_url() in page.content.decode()
    detail = _client(world["comms"]).get(closure.get_absolute_url()).content.decode()
    assert "No se permite borrar" in detail and "pasto:3.17" in detail

    # transitions: wrong role 403 and nothing changes, right role 303
    url = reverse("procedures:closure_transition", kwargs={"institution": slug, "public_id": closure.public_id,
                                                          "action": "acknowledge"})
    assert _client(world["it"]).post(url).status_code == 403
    assert _client(world.outsider).post(url).status_code == 404
    assert _client(world["comms"]).post(url).status_code == 303
    closure.refresh_from_db()
    assert closure.status == "acknowledged"
    step = reverse("procedures:incident_transition", kwargs={"institution": slug, "public_id": incident.public_id,
                                                            "action": "complete_step"})
    assert _client(world["it"]).post(step, {"complete_step-step": "revoke_sessions"}).status_code == 303
    assert incident.steps.get(key="revoke_sessions").done_at is not None


@pytest.mark.django_db
def test_demo_load_creates_an_open_incident_and_a_closed_account_once():
    from django.core.management import call_command

    call_command("demo_load", verbosity=0)
    call_command("demo_load", verbosity=0)
    assert Incident.objects.filter(institution__slug="rosarito", status="open").count() == 1
    from pregon.procedures.models import ClosureRequest

    closure = ClosureRequest.objects.get(institution__slug="pasto")
    assert closure.status == "closed" and closure.export_sha256 and closure.account.status == "closed"


@pytest.mark.django_db
def test_lifecycle_api_access_and_transitions():
    world = make_world("rosarito")
    account = lifecycle_account(world)
    base = f"/api/v1/procedures/{world.institution.slug}"
    url = f"{base}/incidents"
    body = {"account": str(account.public_id), "kind": "hijacked", "description": "Publicaciones ajenas."}
    assert _client().post(url, body, content_type="application/json").status_code == 401
    assert _client(world.outsider).post(url, body, content_type="application/json").status_code == 404
    assert _client(world["auditor"]).post(url, body, content_type="application/json").status_code == 403
    created = _client(world["account_admin"]).post(url, body, content_type="application/json")
    assert created.status_code == 201, created.content
    item = created.json()
    assert len(item["deadlines"]) == 5
    detail = f"{base}/incidents/{item['id']}"
    assert _client(world["it"]).get(detail).status_code == 200
    assert _client(world.outsider).get(detail).status_code == 404
    fire = _client(world["transparency"]).post(f"{detail}/dismiss", {"reason": "x"}, content_type="application/json")
    assert fire.status_code == 403 and fire.json()["error"]["code"]
    fired = _client(world["comms"]).post(f"{detail}/dismiss", {"reason": "Falsa alarma."},
                                         content_type="application/json")
    assert fired.status_code == 200 and fired.json()["status"] == "dismissed"
    assert _client(world["it"]).get(f"{base}/incidents").json()["count"] == 1
