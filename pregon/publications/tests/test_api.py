"""POST /api/v1/checker/check: findings in the JSONL contract's shape, auth, scoping and the one error shape."""

from __future__ import annotations

import datetime as dt

import pytest

from pregon.publications.models import Publication

API = "/api/v1/checker/check"
PHONE_TEXT = "Gracias por su reporte, registramos su celular 664 123 4567 para darle seguimiento."


def post(client, body):
    return client.post(API, body, content_type="application/json")


def test_check_returns_findings_and_the_policy_version(client, admin_a, account_a):
    client.force_login(admin_a)
    response = post(client, {"institution": "rosarito", "text": PHONE_TEXT, "account": str(account_a.public_id)})
    assert response.status_code == 200
    body = response.json()
    assert body["policy_version"].startswith("rosarito@")
    phone = next(f for f in body["findings"] if f["rule"] == "personal_data.phone")
    assert phone == {"rule": "personal_data.phone", "category": "personal_data", "severity": "block",
                     "start": PHONE_TEXT.index("664"), "end": PHONE_TEXT.index("664") + 12,
                     "message": phone["message"], "clauses": ["rosarito:9.3", "rosarito:8.2"]}


def test_check_uses_the_platform_of_the_account_or_the_one_given(client, comms_a, account_a):
    client.force_login(comms_a)
    long_text = ("La Dirección de Turismo invita a la población a la feria anual en el malecón. " * 5).strip()
    rules = lambda body: {f["rule"] for f in body["findings"]}  # noqa: E731
    assert "style.length" in rules(post(client, {"institution": "rosarito", "text": long_text,
                                                 "account": str(account_a.public_id)}).json())
    assert "style.length" in rules(post(client, {"institution": "rosarito", "text": long_text, "platform": "x"}).json())
    assert "style.length" not in rules(post(client, {"institution": "rosarito", "text": long_text}).json())


def test_check_flags_a_near_duplicate_of_the_archive(client, comms_a, account_a):
    text = "Jornada de vacunación este sábado en el parque municipal, acude con tu cartilla de vacunación."
    Publication.objects.create(institution=account_a.institution, account=account_a, platform_post_id="1",
                               text=text, published_at=dt.datetime(2026, 2, 27, 18, tzinfo=dt.UTC))
    client.force_login(comms_a)
    body = post(client, {"institution": "rosarito", "text": text.replace("acude", "acuda")}).json()
    assert any(f["rule"] == "spam.duplicate" for f in body["findings"])


def test_anonymous_gets_401(client, institution_a):
    response = post(client, {"institution": "rosarito", "text": PHONE_TEXT})
    assert response.status_code == 401 and response.json()["error"]["code"] == "UNAUTHENTICATED"


def test_another_institution_is_404(client, admin_b, institution_a):
    client.force_login(admin_b)
    response = post(client, {"institution": "rosarito", "text": PHONE_TEXT})
    assert response.status_code == 404
    assert set(response.json()) == {"error"}


def test_an_account_of_another_institution_is_404(client, comms_a, account_b):
    client.force_login(comms_a)
    response = post(client, {"institution": "rosarito", "text": PHONE_TEXT, "account": str(account_b.public_id)})
    assert response.status_code == 404 and response.json()["error"]["code"] == "ACCOUNT_NOT_FOUND"


def test_a_role_the_review_page_refuses_is_403(client, it_a):
    client.force_login(it_a)
    assert post(client, {"institution": "rosarito", "text": PHONE_TEXT}).status_code == 403


@pytest.mark.parametrize("body, code", [
    ({"institution": "rosarito"}, "VALIDATION_ERROR"),
    ({"institution": "rosarito", "text": 5}, "VALIDATION_ERROR"),
    ({"institution": "rosarito", "text": "hola", "account": "no-es-uuid"}, "VALIDATION_ERROR"),
    ({"institution": "rosarito", "text": "   "}, "TEXT_EMPTY"),
    ({"institution": "rosarito", "text": "a" * 100_001}, "TEXT_TOO_LONG"),
])
def test_bad_input_is_422_with_the_one_error_shape(client, comms_a, body, code):
    client.force_login(comms_a)
    response = post(client, body)
    assert response.status_code == 422
    assert set(response.json()) == {"error"} and response.json()["error"]["code"] == code
    assert {"code", "message", "field"} <= set(response.json()["error"])


def test_the_length_limit_is_explained(client, comms_a):
    client.force_login(comms_a)
    error = post(client, {"institution": "rosarito", "text": "a" * 100_001}).json()["error"]
    assert "el máximo que se revisa es" in error["message"] and error["details"]["length"] == 100_001
