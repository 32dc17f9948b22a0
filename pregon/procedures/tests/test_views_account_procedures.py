"""The pages and API endpoints derived from every procedure's spec: access (anonymous, other institution 404, a role
that may not read the kind 403, an account administrator of another account 404 — as the account's own page
answers them), the create endpoints (201, JSON 4xx with the one error shape), malformed ids, and actions fired
through a page and through the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from pregon.procedures.flows.administrator_change import administrator_change_create
from pregon.procedures.flows.closure import closure_request_create
from pregon.procedures.flows.credential_rotation import credential_rotation_create
from pregon.procedures.flows.incident import incident_report
from pregon.procedures.flows.live_stream import live_stream_create
from pregon.procedures.flows.opening import opening_request_create
from pregon.procedures.spec import all_specs, spec_named
from pregon.registry.choices import AdminRole, Tier
from pregon.registry.models import Administrator

from .account_fixtures import account, future, official, platform, setup_area
from .conftest import make_user, make_world


def _client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _administered(world: Any, acc: Any, handle: str) -> Any:
    """A user administering `acc` only (an account_admin membership, an active assignment)."""
    from pregon.institutions.models import Membership

    user = make_user(f"{world.institution.slug}-admin-{handle}")
    Membership.objects.create(user=user, institution=world.institution, role="account_admin")
    person = official(world, f"Persona {handle}", user=user)
    Administrator.objects.create(account=acc, official=person, role=AdminRole.PRIMARY, starts_on=dt.date(2026, 1, 1))
    return user


# procedure key -> (preset, how to make one on `acc`, a role that may not read the kind or None)
def _consultation(world: Any, acc: Any) -> Any:
    from pregon.procedures.flows.consultation import consultation_create

    return consultation_create(institution=world.institution, actor=world["account_admin"], text="Texto", question="",
                               account=acc)


MAKERS = {
    "opening_request": ("rosarito", lambda w, a: opening_request_create(
        institution=w.institution, actor=w["area_head"], area=w.area, platform=platform("youtube"),
        proposed_name="Turismo", objectives="o", scope="s", coverage_or_benefits="c", justification="j"), None),
    "consultation": ("rosarito", _consultation, "it"),
    "administrator_change": ("rosarito", lambda w, a: administrator_change_create(
        institution=w.institution, actor=w["comms"], account=a), None),
    "credential_rotation": ("pasto", lambda w, a: credential_rotation_create(
        institution=w.institution, actor=w["it"], account=a), None),
    "live_stream": ("pasto", lambda w, a: live_stream_create(
        institution=w.institution, actor=w["area_head"], account=a, title="Sesión", starts_at=future(5)), "it"),
    "closure": ("pasto", lambda w, a: closure_request_create(account=a, actor=w["area_head"], motive="m"),
                None),
    "incident": ("guadalajara", lambda w, a: incident_report(
        account=a, actor=w["it"], kind="hijacked", description="d"), None),
}


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(MAKERS))
def test_every_page_and_endpoint_of_an_account_answers_as_the_account_page_does(key: str) -> None:
    preset, make, stranger = MAKERS[key]
    world = make_world(preset)
    setup_area(world)
    mine, theirs = account(world, handle="mia"), account(world, handle="ajena")
    me = _administered(world, mine, "mia")
    obj = make(world, theirs)
    spec = spec_named(key)
    slug = world.institution.slug
    account_page = reverse("registry:account_detail", kwargs={"institution": slug, "account": theirs.public_id})
    # (an opening request has no account yet: it belongs to its area, which this administrator does not head)
    assert _client(me).get(account_page).status_code == 404
    detail = obj.get_absolute_url()
    api = f"/api/v1/procedures/{slug}/{spec.api_segment}/{obj.public_id}"
    listing = reverse(spec.url_name("list"), kwargs={"institution": slug})
    api_list = f"/api/v1/procedures/{slug}/{spec.api_segment}"
    # An administrator of another account: absent, on the page, in the API and in the lists.
    assert _client(me).get(detail).status_code == 404
    assert _client(me).get(api).status_code == 404
    assert _client(me).get(api).json()["error"]["code"] in {"PROCEDURE_NOT_FOUND", "NOT_FOUND"}
    if spec.may_read_kind({"account_admin"}):
        assert str(obj.public_id) not in _client(me).get(listing).content.decode()
        assert all(item["id"] != str(obj.public_id) for item in _client(me).get(api_list).json()["items"])
    # Everybody else as before: anonymous, another institution, a role that does not read this kind.
    assert _client(None).get(detail).status_code == 302
    assert _client(None).get(api).status_code == 401
    assert _client(world.outsider).get(detail).status_code == 404
    assert _client(world.outsider).get(api).status_code == 404
    if stranger:
        assert _client(world[stranger]).get(detail).status_code == 403
        assert _client(world[stranger]).get(api).status_code == 403
    for reader in ("comms", "auditor"):
        assert _client(world[reader]).get(detail).status_code == 200, reader
        body = _client(world[reader]).get(api).json()
        assert body["id"] == str(obj.public_id) and body["procedure"] == key
    # A malformed id is a 404 page or a JSON 404, never a 500.
    assert _client(world["comms"]).get(f"/api/v1/procedures/{slug}/{spec.api_segment}/no-es-un-id").status_code == 404
    bad_page = detail.replace(str(obj.public_id), "00000000-0000-0000-0000-000000000000")
    assert _client(world["comms"]).get(bad_page).status_code == 404


@pytest.mark.django_db
def test_what_a_user_filed_stays_visible_to_them() -> None:
    world = make_world("guadalajara")
    setup_area(world)
    mine = account(world, handle="mia")
    me = _administered(world, mine, "mia")
    incident = incident_report(account=mine, actor=me, kind="hijacked", description="d")
    # The administrator leaves the account: what they reported is still theirs to read, on the page and in the API.
    Administrator.objects.filter(official__user=me).update(ends_on=dt.date(2026, 2, 1))
    assert _client(me).get(incident.get_absolute_url()).status_code == 200
    api = f"/api/v1/procedures/{world.institution.slug}/{spec_named('incident').api_segment}/{incident.public_id}"
    body = _client(me).get(api).json()
    assert body["id"] == str(incident.public_id) and body["procedure"] == "incident"


# ------------------------------------------------------------------------------------------------ the API creates


def _create_cases(world: Any) -> dict[str, tuple[str, dict[str, Any], Any]]:
    acc = account(world, handle="turismo", tier=Tier.MAIN)
    leaving = Administrator.objects.create(account=acc, official=official(world, "Sale"), role=AdminRole.PRIMARY,
                                           starts_on=dt.date(2026, 1, 1))
    return {
        "opening-requests": ("area_head", {"area": str(world.area.public_id), "platform": "youtube", "tier": "main",
                                           "proposed_name": "Turismo Pasto", "objectives": "o", "scope": "s",
                                           "coverage_or_benefits": "c", "justification": "j"}, acc),
        "administrator-changes": ("comms", {"account": str(acc.public_id), "leaving": str(leaving.public_id),
                                            "cause": "renuncia"}, acc),
        "credential-rotations": ("it", {"account": str(account(world, handle="rotar").public_id),
                                        "person_label": "Sale"}, acc),
        "live-streams": ("area_head", {"account": str(acc.public_id), "title": "Sesión de cabildo",
                                   "starts_at": (future(5)).strftime("%Y-%m-%dT18:00:00")}, acc),
    }


@pytest.mark.django_db
def test_the_four_create_endpoints_answer_201_and_a_json_4xx_for_malformed_input() -> None:
    world = make_world("pasto")
    setup_area(world)
    cases = _create_cases(world)
    for segment, (role, body, _acc) in cases.items():
        url = f"/api/v1/procedures/pasto/{segment}"
        client = _client(world[role])
        created = client.post(url, body, content_type="application/json")
        assert created.status_code == 201, (segment, created.content)
        assert created.json()["status"] and created.json()["institution"] == "pasto"
        # Malformed: a bad id, a missing field, an unknown field, an id of nothing.
        first_ref = next(k for k in ("area", "account") if k in body)
        for broken, field in (({**body, first_ref: "no-es-uuid"}, first_ref),
                              ({k: v for k, v in body.items() if k != first_ref}, first_ref),
                              ({**body, "sorpresa": 1}, "sorpresa"),
                              ({**body, first_ref: "00000000-0000-0000-0000-000000000000"}, first_ref)):
            answer = client.post(url, broken, content_type="application/json")
            assert answer.status_code == 422, (segment, broken, answer.content)
            error = answer.json()["error"]
            assert error["field"] == field and error["code"] == "VALIDATION_ERROR" and error["message"]
        assert client.post(url, "{no es json", content_type="application/json").status_code in (400, 422)
        assert _client(world.outsider).post(url, body, content_type="application/json").status_code == 404


@pytest.mark.django_db
def test_an_impossible_date_is_a_spanish_422_on_the_api_and_the_page() -> None:
    world = make_world("pasto")
    setup_area(world)
    acc = account(world)
    body = {"account": str(acc.public_id), "title": "Sesión", "starts_at": "2026-02-30T18:00:00"}
    answer = _client(world["area_head"]).post("/api/v1/procedures/pasto/live-streams", body,
                                          content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["error"]["field"] == "starts_at" and "fecha" in answer.json()["error"]["message"]
    page = _client(world["area_head"]).post(reverse("procedures:live_stream_create", kwargs={"institution": "pasto"}),
                                        {**body, "starts_at": "2026-02-30T18:00"})
    assert page.status_code == 422 and "fecha" in page.content.decode()
    from pregon.procedures.models import LiveStreamAuthorisation

    far = _client(world["area_head"]).post("/api/v1/procedures/pasto/live-streams",
                                           {**body, "starts_at": "9999-12-31T18:00:00"}, content_type="application/json")
    assert far.status_code == 422 and far.json()["error"]["field"] == "starts_at"
    assert not LiveStreamAuthorisation.objects.exists()


@pytest.mark.django_db
def test_a_live_stream_at_18_in_pasto_is_18_in_bogota_whoever_looks() -> None:
    from zoneinfo import ZoneInfo

    world = make_world("pasto")
    setup_area(world)
    acc = account(world)
    day = (future(6)).date()
    response = _client(world["area_head"]).post(
        reverse("procedures:live_stream_create", kwargs={"institution": "pasto"}),
        {"account": str(acc.public_id), "title": "Sesión", "starts_at": f"{day.isoformat()}T18:00"})
    assert response.status_code == 303
    from pregon.procedures.models import LiveStreamAuthorisation

    stream = LiveStreamAuthorisation.objects.get()
    assert stream.starts_at.astimezone(ZoneInfo("America/Bogota")).hour == 18
    assert "18:00" in _client(world["comms"]).get(stream.get_absolute_url()).content.decode()


# ------------------------------------------------------------------------------------------------ actions


@pytest.mark.django_db
def test_opening_opinion_through_the_page_then_approval_through_the_api() -> None:
    world = make_world("rosarito")
    setup_area(world)
    obj = opening_request_create(institution=world.institution, actor=world["area_head"], area=world.area,
                                     platform=platform("youtube"), proposed_name="Turismo", objectives="o",
                                     scope="s", coverage_or_benefits="c", justification="j")
    page = _client(world["it"]).get(obj.get_absolute_url())
    assert "Emitir la opinión técnica" in page.content.decode()
    url = reverse("procedures:opening_request_transition",
                  kwargs={"institution": "rosarito", "public_id": obj.public_id, "action": "give_opinion"})
    missing = _client(world["it"]).post(url, {"give_opinion-favourable": "true"})
    assert missing.status_code == 422  # the opinion text is required; nothing changes
    obj.refresh_from_db()
    assert obj.status == "awaiting_opinion"
    response = _client(world["it"]).post(url, {"give_opinion-reason": "Viable.", "give_opinion-favourable": "true"})
    assert response.status_code == 303
    obj.refresh_from_db()
    assert obj.status == "submitted" and obj.opinion_favourable is True
    api = f"/api/v1/procedures/rosarito/opening-requests/{obj.public_id}/approve"
    refused = _client(world["area_head"]).post(api, {}, content_type="application/json")
    assert refused.status_code == 403 and refused.json()["error"]["code"]
    approved = _client(world["comms"]).post(api, {"graphic_identity": "Logo"}, content_type="application/json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    wrong_state = _client(world["comms"]).post(api, {}, content_type="application/json")
    assert wrong_state.status_code == 409


def test_every_spec_names_actions_of_its_table_and_its_pages_have_rules() -> None:
    from pregon.institutions.permissions import URL_PERMISSIONS

    assert set(MAKERS) <= {spec.key for spec in all_specs()}  # the loop below runs over every procedure
    for spec in all_specs():
        names = {t.name for t in spec.workflow.transitions}
        assert set(spec.actions) <= names
        for page in ("list", "detail", "transition") + (("create",) if spec.create else ()):
            assert spec.url_name(page) in URL_PERMISSIONS


@pytest.mark.django_db
def test_every_procedure_is_in_the_admin_read_only(admin_client: Client) -> None:
    from django.contrib import admin

    assert set(MAKERS) <= {spec.key for spec in all_specs()}  # the loop below runs over every procedure
    for spec in all_specs():
        model_admin = admin.site._registry[spec.model]
        assert not model_admin.has_change_permission(None) and not model_admin.has_delete_permission(None)
        url = reverse(f"admin:{spec.model._meta.app_label}_{spec.model._meta.model_name}_changelist")
        assert admin_client.get(url).status_code == 200, spec.key


def test_the_openapi_schema_describes_every_procedure_s_endpoints_and_bodies(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operations = {op["operationId"]: op for path in schema["paths"].values() for op in path.values()}
    assert set(MAKERS) <= {spec.key for spec in all_specs()}  # the loop below runs over every procedure
    for spec in all_specs():
        op = spec.api_segment.replace("-", "_")
        assert {f"{op}_list", f"{op}_get"} <= set(operations), spec.key
        for t in spec.workflow.transitions:
            if not t.is_system:
                assert f"{op}_{t.name}" in operations, (spec.key, t.name)
        if spec.create is not None:
            body = operations[f"{op}_create"]["requestBody"]["content"]["application/json"]["schema"]
            ref = body["$ref"].rsplit("/", 1)[-1]
            required = set(schema["components"]["schemas"][ref].get("required", []))
            wanted = {n for n, f in spec.create.input.model_fields.items() if f.is_required()}
            assert required == wanted, spec.key


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["consultation", "opening_request", "credential_rotation"])
def test_a_procedure_list_s_queries_do_not_grow_with_its_rows(key: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    preset = {"consultation": "rosarito", "opening_request": "rosarito", "credential_rotation": "pasto"}[key]
    world = make_world(preset)
    setup_area(world)
    spec = spec_named(key)
    made = 0

    def grow(n: int) -> None:
        nonlocal made
        for _ in range(n):
            made += 1
            if key == "consultation":
                _consultation(world, account(world, handle=f"c{made}"))
            elif key == "opening_request":
                opening_request_create(institution=world.institution, actor=world["area_head"], area=world.area,
                                           platform=platform("youtube"), proposed_name=f"Cuenta {made}",
                                           objectives="o", scope="s", coverage_or_benefits="c", justification="j")
            else:
                credential_rotation_create(institution=world.institution, actor=world["it"],
                                               account=account(world, handle=f"r{made}"))

    def counts() -> tuple[int, int]:
        client = _client(world["comms"])
        page = reverse(spec.url_name("list"), kwargs={"institution": world.institution.slug})
        with CaptureQueriesContext(connection) as html:
            assert client.get(page).status_code == 200
        with CaptureQueriesContext(connection) as api:
            assert client.get(f"/api/v1/procedures/{world.institution.slug}/{spec.api_segment}").status_code == 200
        return len(html), len(api)

    grow(3)
    few = counts()
    grow(25)
    many = counts()
    assert many == few, (few, many)
    body = _client(world["comms"]).get(f"/api/v1/procedures/{world.institution.slug}/{spec.api_segment}?page_size=10")
    assert body.json()["count"] == 28 and body.json()["pages"] == 3 and len(body.json()["items"]) == 10
