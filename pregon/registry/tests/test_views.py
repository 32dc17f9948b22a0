"""Access matrix for every registry page and API endpoint, plus query counts on the lists."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from pregon.institutions.choices import Role
from pregon.institutions.tests.factories import MembershipFactory, UserFactory
from pregon.registry import services
from pregon.registry.models import SocialAccount
from pregon.registry.tests.factories import SocialAccountFactory

pytestmark = pytest.mark.django_db


def _user(institution: Any, role: str, name: str) -> Any:
    user = UserFactory(username=name)
    MembershipFactory(user=user, institution=institution, role=role)
    return user


@pytest.fixture
def account(area_a: Any) -> SocialAccount:
    return SocialAccountFactory(institution=area_a.institution, area=area_a)


PAGES = [
    # (url name, needs account, method, allowed roles (auditor reads where the page only reads))
    ("registry:account_list", False, "get", set(Role.values)),
    ("registry:inventory_export", False, "get", set(Role.values)),
    ("registry:access_review", False, "get", {Role.COMMS, Role.IT, Role.AREA_HEAD, Role.AUDITOR}),
    ("registry:account_register", False, "get", {Role.COMMS}),
    ("registry:inventory_import", False, "get", {Role.COMMS}),
    ("registry:account_detail", True, "get", set(Role.values) - {Role.ACCOUNT_ADMIN}),
    ("registry:administrator_assign", True, "get", {Role.COMMS, Role.AREA_HEAD}),
]


@pytest.mark.parametrize(("name", "needs_account", "method", "allowed"), PAGES)
def test_registry_page_matrix(client, institution_a, institution_b, account, name, needs_account, method, allowed):
    kwargs = {"institution": institution_a.slug}
    if needs_account:
        kwargs["account"] = account.public_id
    url = reverse(name, kwargs=kwargs)
    assert client.get(url).status_code == 302  # anonymous -> login
    client.force_login(_user(institution_b, Role.COMMS, "other"))
    assert client.get(url).status_code == 404  # another institution
    client.force_login(UserFactory(username="nobody"))
    assert client.get(url).status_code == 404
    for role in Role.values:
        client.force_login(_user(institution_a, role, f"u-{role}"))
        status = client.get(url).status_code
        if role in allowed:
            assert status == 200, (role, status)
        else:
            assert status in (403, 404), (role, status)


def test_account_admin_sees_only_accounts_they_administer(client, institution_a, account, officials_a):
    from pregon.registry import services

    user = _user(institution_a, Role.ACCOUNT_ADMIN, "adm")
    official = officials_a["medio"]
    official.user = user
    official.save()
    client.force_login(user)
    url = reverse("registry:account_detail", kwargs={"institution": institution_a.slug, "account": account.public_id})
    assert client.get(url).status_code == 404
    services.administrator_assign(actor=None, account=account, official=official, role="primary")
    assert client.get(url).status_code == 200


def test_accounts_close_only_through_the_closure_procedure(client, institution_a, account, officials_a):
    # rosarito:10.7-10.8 / pasto:3.17: closing is a procedure (notice, content deleted or history archived), so the
    # account page offers the closure notice (to the area head, who sends it), not a direct "close" button
    client.force_login(_user(institution_a, Role.AREA_HEAD, "jefa"))
    detail = reverse("registry:account_detail", kwargs={"institution": institution_a.slug, "account": account.public_id})
    page = client.get(detail).content.decode()
    closure = reverse("procedures:closure_create", kwargs={"institution": institution_a.slug})
    assert f"{closure}?cuenta={account.public_id}" in page
    assert "/cerrar/" not in page
    assert client.post(detail.rstrip("/") + "/cerrar/", {"reason": "x"}).status_code == 404
    services.account_close(actor=None, account=account, reason="Cerrada por su trámite de cierre")
    client.force_login(_user(institution_a, Role.AUDITOR, "aud"))
    assign = reverse("registry:administrator_assign", kwargs={"institution": institution_a.slug, "account": account.public_id})
    assert client.post(assign, {"official": officials_a["medio"].public_id, "role": "primary"}).status_code == 403
    client.force_login(_user(institution_a, Role.COMMS, "com2"))
    assign = reverse("registry:administrator_assign", kwargs={"institution": institution_a.slug, "account": account.public_id})
    response = client.post(assign, {"official": officials_a["medio"].public_id, "role": "primary"})
    assert response.status_code == 200 and "cerrada" in response.content.decode()


def test_register_form_shows_the_policy_clause(client, institution_a, area_a):
    client.force_login(_user(institution_a, Role.COMMS, "com"))
    url = reverse("registry:account_register", kwargs={"institution": institution_a.slug})
    response = client.post(url, {"url": "https://x.com/rosarito", "display_name": "R", "area": area_a.public_id,
                                 "tier": "main", "kind": "official", "email": "r@gmail.com"})
    assert response.status_code == 200 and "rosarito:10.3" in response.content.decode()
    response = client.post(url, {"url": "https://x.com/rosarito", "display_name": "R", "area": area_a.public_id,
                                 "tier": "main", "kind": "official", "email": "r@rosarito.gob.mx"})
    assert response.status_code == 302


def test_list_page_and_htmx_partial_query_count(client, institution_a, area_a, django_assert_max_num_queries):
    for _ in range(15):
        SocialAccountFactory(institution=institution_a, area=area_a)
    client.force_login(_user(institution_a, Role.COMMS, "com"))
    url = reverse("registry:account_list", kwargs={"institution": institution_a.slug})
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert response.status_code == 200 and response.content.decode().count("/cuentas/") >= 15
    with django_assert_max_num_queries(13):  # constant in the rows: test_views_lists.py
        partial = client.get(url + "?platform=facebook", HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode()


def test_import_page_preview_then_confirm(client, institution_a, officials_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pregon.registry.tests.test_inventory import GOOD

    client.force_login(_user(institution_a, Role.COMMS, "com"))
    url = reverse("registry:inventory_import", kwargs={"institution": institution_a.slug})
    response = client.post(url, {"action": "preview", "file": SimpleUploadedFile("inv.csv", GOOD.encode())})
    assert response.status_code == 200 and SocialAccount.objects.count() == 0
    assert client.post(url, {"action": "confirm"}).status_code == 302
    assert SocialAccount.objects.count() == 2


# ---------------------------------------------------------------- API


def test_api_list_and_get_access(client, institution_a, institution_b, account, django_assert_max_num_queries):
    url = f"/api/v1/registry/{institution_a.slug}/accounts"
    assert client.get(url).status_code == 401
    client.force_login(_user(institution_b, Role.COMMS, "other"))
    assert client.get(url).status_code == 404
    assert client.get(f"{url}/{account.public_id}").status_code == 404
    client.force_login(_user(institution_a, Role.AUDITOR, "aud"))
    for _ in range(10):
        SocialAccountFactory(institution=institution_a, area=account.area)
    with django_assert_max_num_queries(9):  # count, page keys, rows: constant (test_views_lists.py)
        response = client.get(url + "?platform=facebook")
    assert response.status_code == 200 and response.json()["count"] == 11 and len(response.json()["items"]) == 11
    assert client.get(f"{url}/{account.public_id}").json()["handle"] == account.handle


def test_api_register_and_assign(client, institution_a, area_a, officials_a):
    url = f"/api/v1/registry/{institution_a.slug}/accounts"
    body = {"url": "@RosaritoTurismo", "platform": "instagram", "display_name": "T", "area": str(area_a.public_id),
            "email": "gmail@gmail.com"}
    client.force_login(_user(institution_a, Role.AUDITOR, "aud"))
    assert client.post(url, json.dumps(body), content_type="application/json").status_code == 403
    client.force_login(_user(institution_a, Role.COMMS, "com"))
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and "rosarito:10.3" in response.json()["error"]["message"]
    body["email"] = "t@rosarito.gob.mx"
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 201 and response.json()["url"] == "https://www.instagram.com/rosaritoturismo"
    account_id = response.json()["id"]
    assign = f"{url}/{account_id}/administrators"
    response = client.post(assign, json.dumps({"official": str(officials_a["operativo"].public_id), "role": "primary"}),
                           content_type="application/json")
    assert response.status_code == 400 and "rosarito:7" in response.json()["error"]["message"]
    response = client.post(assign, json.dumps({"official": str(officials_a["medio"].public_id), "role": "primary"}),
                           content_type="application/json")
    assert response.status_code == 201 and response.json()["violations"][0]["code"] == "admin_count_low"
    client.force_login(_user(institution_a, Role.ACCOUNT_ADMIN, "adm"))
    assert client.post(assign, json.dumps({"official": str(officials_a["medio2"].public_id), "role": "alternate"}),
                       content_type="application/json").status_code in (403, 404)
