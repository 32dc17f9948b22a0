"""Consultation pages: access matrix, form, buttons from the table, refusals with status codes, and the API."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from pregon.institutions.choices import Role
from pregon.procedures.flows.consultation import consultation_create
from pregon.procedures.models import Consultation
from pregon.procedures.models.consultation import ConsultationStatus

from .conftest import make_world

pytestmark = pytest.mark.django_db

READERS = {Role.COMMS, Role.ACCOUNT_ADMIN, Role.AREA_HEAD, Role.AUDITOR}


def _ask(world):
    return consultation_create(institution=world.institution, actor=world["account_admin"], text="¿Publico esto?")


def _urls(world, consultation):
    slug = world.institution.slug
    return {
        "list": (reverse("procedures:consultation_list", kwargs={"institution": slug}), READERS),
        "create": (reverse("procedures:consultation_create", kwargs={"institution": slug}), {Role.ACCOUNT_ADMIN}),
        "detail": (consultation.get_absolute_url(), READERS),
    }


def test_access_matrix_of_the_consultation_pages(client, rosarito):
    consultation = _ask(rosarito)
    for name, (url, allowed) in _urls(rosarito, consultation).items():
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), name
        for who in ("outsider", "nobody"):
            client.force_login(getattr(rosarito, who))
            assert client.get(url).status_code == 404, f"{name}: {who}"
        for role, user in rosarito.users.items():
            client.force_login(user)
            expected = 200 if role in allowed else 403
            assert client.get(url).status_code == expected, f"{name}: {role}"


def test_the_list_offers_the_new_link_only_to_roles_that_may_create(client, rosarito):
    """The list shows "Nuevo trámite" exactly to the roles the create page admits (the account administrator)."""
    slug = rosarito.institution.slug
    url = reverse("procedures:consultation_list", kwargs={"institution": slug})
    create_url = reverse("procedures:consultation_create", kwargs={"institution": slug})
    for role in READERS:
        client.force_login(rosarito[role])
        body = client.get(url).content.decode()
        assert (f'href="{create_url}"' in body) == (role == Role.ACCOUNT_ADMIN), role


def test_a_consultation_of_another_institution_is_not_found(client, rosarito):
    consultation = _ask(rosarito)
    other = make_world("iee-sonora")
    client.force_login(other["comms"])
    url = reverse("procedures:consultation_detail",
                  kwargs={"institution": other.institution.slug, "public_id": consultation.public_id})
    assert client.get(url).status_code == 404


def test_create_form_previews_findings_then_sends(client, rosarito):
    client.force_login(rosarito["account_admin"])
    url = reverse("procedures:consultation_create", kwargs={"institution": rosarito.institution.slug})
    preview = client.post(url, {"text": "Llame al 664 123 4567", "question": "¿Procede?", "preview": "1"})
    assert preview.status_code == 200 and "Hallazgos del verificador" in preview.content.decode()
    assert not Consultation.objects.exists()
    response = client.post(url, {"text": "Llame al 664 123 4567", "question": "¿Procede?", "send": "1"})
    consultation = Consultation.objects.get()
    assert response.status_code == 303 and response.url == consultation.get_absolute_url()
    assert consultation.status == ConsultationStatus.SUBMITTED


def test_create_form_explains_when_the_norm_has_no_consultation(client, db):
    world = make_world("pasto")
    client.force_login(world["account_admin"])
    url = reverse("procedures:consultation_create", kwargs={"institution": world.institution.slug})
    response = client.get(url)
    assert response.status_code == 200 and "no prevé la consulta" in response.content.decode()
    client.post(url, {"text": "Hola"})
    assert not Consultation.objects.exists()


def test_detail_shows_only_the_buttons_the_table_allows(client, rosarito):
    consultation = _ask(rosarito)
    client.force_login(rosarito["comms"])
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "/approve/" in page and "/reject/" in page and "/withdraw/" not in page and "/expire/" not in page
    client.force_login(rosarito["account_admin"])
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "/withdraw/" in page and "/approve/" not in page


def _fire(client, consultation, action, **data):
    url = reverse("procedures:consultation_transition", kwargs={
        "institution": consultation.institution.slug, "public_id": consultation.public_id, "action": action})
    return client.post(url, data)


def test_reject_with_reasons_through_the_page(client, rosarito):
    consultation = _ask(rosarito)
    client.force_login(rosarito["comms"])
    assert _fire(client, consultation, "reject").status_code == 409  # reasons required
    response = _fire(client, consultation, "reject", **{"reject-reason": "Datos personales."})
    assert response.status_code == 303
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.REJECTED and consultation.reasons == "Datos personales."


def test_refused_transitions_answer_with_the_error_status_and_change_nothing(client, rosarito):
    consultation = _ask(rosarito)
    client.force_login(rosarito["account_admin"])
    response = _fire(client, consultation, "approve")
    assert response.status_code == 403 and "Comunicación Social" in response.content.decode()
    client.force_login(rosarito["auditor"])
    assert _fire(client, consultation, "approve").status_code == 403
    client.force_login(rosarito.outsider)
    assert _fire(client, consultation, "approve").status_code == 404
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.SUBMITTED


def test_list_page_query_count_does_not_grow_with_rows(client, rosarito, django_assert_max_num_queries):
    for _ in range(5):
        _ask(rosarito)
    client.force_login(rosarito["comms"])
    url = reverse("procedures:consultation_list", kwargs={"institution": rosarito.institution.slug})
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


# --- API -----------------------------------------------------------------------------------------------------------


def _api(slug, suffix=""):
    return f"/api/v1/procedures/{slug}/consultations{suffix}"


def test_api_create_fire_and_list(client, rosarito):
    slug = rosarito.institution.slug
    client.force_login(rosarito["account_admin"])
    created = client.post(_api(slug), json.dumps({"text": "¿Publico?", "question": "Duda"}),
                          content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "submitted" and body["deadlines"][0]["clauses"] == ["rosarito:9.7"]
    assert body["deadlines"][0]["duration"] == "3 días hábiles"
    cid = body["id"]

    client.force_login(rosarito["comms"])
    detail = client.get(_api(slug, f"/{cid}")).json()
    assert set(detail["available_actions"]) == {"approve", "reject"}
    fired = client.post(_api(slug, f"/{cid}/approve"), json.dumps({}), content_type="application/json")
    assert fired.status_code == 200 and fired.json()["status"] == "approved"
    again = client.post(_api(slug, f"/{cid}/approve"), json.dumps({}), content_type="application/json")
    assert again.status_code == 409 and again.json()["error"]["code"] == "INVALID_TRANSITION"
    listed = client.get(_api(slug)).json()
    assert [c["id"] for c in listed["items"]] == [cid] and listed["count"] == 1


def test_api_errors_have_one_shape(client, rosarito):
    consultation = _ask(rosarito)
    slug = rosarito.institution.slug
    client.force_login(rosarito["account_admin"])
    response = client.post(_api(slug, f"/{consultation.public_id}/approve"), json.dumps({}),
                           content_type="application/json")
    assert response.status_code == 403 and set(response.json()) == {"error"}
    assert {"code", "message", "field"} <= set(response.json()["error"])
    unknown = client.post(_api(slug, f"/{consultation.public_id}/approve"), json.dumps({"sorpresa": 1}),
                          content_type="application/json")
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "sorpresa"
    assert client.get(_api(slug, "/no-es-un-id")).status_code == 404
    assert client.get(_api(slug, "/00000000-0000-0000-0000-000000000000")).json()["error"]["code"]
    client.force_login(rosarito.outsider)
    assert client.get(_api(slug)).status_code == 404
    client.logout()
    assert client.get(_api(slug)).status_code == 401


def test_api_refuses_consultations_where_the_norm_has_none(client, db):
    world = make_world("ine")
    client.force_login(world["account_admin"])
    response = client.post(_api(world.institution.slug), json.dumps({"text": "Hola"}), content_type="application/json")
    assert response.status_code == 409 and response.json()["error"]["code"] == "PROCEDURE_NOT_IN_NORM"
