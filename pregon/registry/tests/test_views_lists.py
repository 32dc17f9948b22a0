"""The inventory page and the API account list are paginated: total, filters and sort kept across pages, bad
page numbers never a 500, and a number of queries that does not grow with the accounts."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pregon.institutions.choices import Role
from pregon.institutions.tests.factories import AreaFactory, MembershipFactory, UserFactory
from pregon.registry.choices import AccountStatus
from pregon.registry.models import Administrator
from pregon.registry.tests.factories import SocialAccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comms(institution_a: Any) -> Any:
    user = UserFactory(username="com")
    MembershipFactory(user=user, institution=institution_a, role=Role.COMMS)
    return user


def _accounts(area: Any, n: int, **kwargs: Any) -> list[Any]:
    return [SocialAccountFactory(institution=area.institution, area=area, **kwargs) for _ in range(n)]


def _queries(client: Any, url: str, **headers: Any) -> int:
    client.get(url, **headers)  # warm-up: session and caches as on any later request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _rows(html: str) -> int:
    return html.split("<tbody>")[1].split("</tbody>")[0].count("<tr")


def _list_url(institution: Any) -> str:
    return reverse("registry:account_list", kwargs={"institution": institution.slug})


def test_inventory_shows_fifty_accounts_a_page_with_the_total(client, institution_a, area_a, comms):
    _accounts(area_a, 60)
    client.force_login(comms)
    first = client.get(_list_url(institution_a)).content.decode()
    assert "Página 1 de 2 · 60 resultados" in first
    assert _rows(first) == 50
    second = client.get(_list_url(institution_a) + "?page=2").content.decode()
    assert "Página 2 de 2 · 60 resultados" in second
    assert _rows(second) == 10


def test_inventory_pages_keep_the_filters_and_the_sort(client, institution_a, area_a, comms):
    _accounts(area_a, 55, status=AccountStatus.ACTIVE)
    _accounts(area_a, 3, status=AccountStatus.SUSPENDED)
    client.force_login(comms)
    page = client.get(_list_url(institution_a) + "?status=active&sort=cuenta").content.decode()
    assert "55 resultados" in page
    assert 'href="?status=active&amp;sort=cuenta&amp;page=2"' in page
    second = client.get(_list_url(institution_a) + "?status=active&sort=cuenta&page=2").content.decode()
    assert "Página 2 de 2 · 55 resultados" in second
    assert 'href="?status=active&amp;sort=cuenta&amp;page=1"' in second
    assert "Suspendida" not in second.split("<tbody>")[1]
    # the export links carry the filters and the sort, never the page
    assert "?status=active&amp;sort=cuenta&amp;format=csv" in second


def test_inventory_sort_orders_the_rows(client, institution_a, area_a, comms):
    other = AreaFactory(institution=institution_a, name="Archivo Municipal")
    SocialAccountFactory(institution=institution_a, area=area_a, handle="zeta")
    SocialAccountFactory(institution=institution_a, area=other, handle="alfa")
    client.force_login(comms)
    by_handle = client.get(_list_url(institution_a) + "?sort=cuenta").content.decode()
    assert by_handle.index("Alfa") < by_handle.index("Zeta")
    by_area = client.get(_list_url(institution_a) + "?sort=area").content.decode()
    assert by_area.index("Alfa") < by_area.index("Zeta")
    unknown = client.get(_list_url(institution_a) + "?sort=nada")
    assert unknown.status_code == 200  # an unknown order is ignored like any invalid filter


@pytest.mark.parametrize(("raw", "shown"), [("abc", 1), ("0", 1), ("-3", 1), ("999999999999999999999", 2),
                                            ("2.5", 1), ("", 1)])
def test_inventory_bad_page_numbers_show_a_page_never_an_error(client, institution_a, area_a, comms, raw, shown):
    _accounts(area_a, 60)
    client.force_login(comms)
    response = client.get(_list_url(institution_a), {"page": raw})
    assert response.status_code == 200
    assert f"Página {shown} de 2" in response.content.decode()


def test_inventory_queries_do_not_grow_with_the_accounts(client, institution_a, area_a, comms, officials_a):
    # closed and administered accounts too: nothing in a row may trigger its own query
    accounts = _accounts(area_a, 5)
    Administrator.objects.create(account=accounts[0], official=officials_a["medio"], role="primary",
                                 starts_on="2026-01-05")
    client.force_login(comms)
    url = _list_url(institution_a)
    few = _queries(client, url), _queries(client, url + "?sort=area", HTTP_HX_REQUEST="true")
    _accounts(area_a, 55, status=AccountStatus.CLOSED, closed_on="2026-02-01")
    many = _queries(client, url), _queries(client, url + "?sort=area", HTTP_HX_REQUEST="true")
    assert few == many


def test_account_admin_pages_count_only_their_accounts(client, institution_a, area_a, officials_a):
    from pregon.registry import services

    _accounts(area_a, 60)
    mine = _accounts(area_a, 2)
    user = UserFactory(username="adm")
    MembershipFactory(user=user, institution=institution_a, role=Role.ACCOUNT_ADMIN)
    official = officials_a["medio"]
    official.user = user
    official.save()
    for account in mine:
        services.administrator_assign(actor=None, account=account, official=official, role="primary")
    client.force_login(user)
    page = client.get(_list_url(institution_a)).content.decode()
    assert "Página 1 de 1 · 2 resultados" in page


# ---------------------------------------------------------------- API


def _api(institution: Any) -> str:
    return f"/api/v1/registry/{institution.slug}/accounts"


def test_api_list_envelope_pages_and_page_size(client, institution_a, area_a, comms):
    _accounts(area_a, 60)
    client.force_login(comms)
    body = client.get(_api(institution_a)).json()
    assert (body["count"], body["page"], body["pages"], body["page_size"], len(body["items"])) == (60, 1, 2, 50, 50)
    body2 = client.get(_api(institution_a) + "?page=2").json()
    assert (body2["page"], len(body2["items"])) == (2, 10)
    ids = {i["id"] for i in body["items"]} | {i["id"] for i in body2["items"]}
    assert len(ids) == 60  # pages are disjoint and cover the list
    small = client.get(_api(institution_a) + "?page_size=7&page=9").json()
    assert (small["pages"], small["page"], len(small["items"])) == (9, 9, 4)


def test_api_list_filters_and_sort_with_paging(client, institution_a, area_a, comms):
    _accounts(area_a, 4, status=AccountStatus.SUSPENDED)
    _accounts(area_a, 10)
    client.force_login(comms)
    body = client.get(_api(institution_a) + "?status=suspended&sort=cuenta&page_size=3&page=2").json()
    assert (body["count"], body["pages"], len(body["items"])) == (4, 2, 1)
    assert {i["status"] for i in body["items"]} == {"suspended"}
    handles = [i["handle"] for i in client.get(_api(institution_a) + "?sort=cuenta").json()["items"]]
    assert handles == sorted(handles)


def test_api_list_empty_is_page_one_of_one(client, institution_a, comms):
    client.force_login(comms)
    body = client.get(_api(institution_a)).json()
    assert (body["count"], body["page"], body["pages"], body["items"]) == (0, 1, 1, [])


@pytest.mark.parametrize("query", ["page=0", "page=abc", "page=-1", "page=3", "page=99999999999999999999999",
                                   "page_size=0", "page_size=201", "page_size=x", "sort=nada"])
def test_api_list_bad_paging_is_a_json_422(client, institution_a, area_a, comms, query):
    _accounts(area_a, 60)
    client.force_login(comms)
    response = client.get(_api(institution_a) + "?" + query)
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/json")


def test_api_list_beyond_the_last_page_says_how_many_there_are(client, institution_a, area_a, comms):
    _accounts(area_a, 3)
    client.force_login(comms)
    body = client.get(_api(institution_a) + "?page=2").json()
    assert "La página 2 no existe: la lista tiene 1." in str(body)


def test_api_list_queries_do_not_grow_with_the_accounts(client, institution_a, area_a, comms):
    _accounts(area_a, 5)
    client.force_login(comms)
    url = _api(institution_a) + "?sort=area"
    few = _queries(client, url)
    _accounts(area_a, 255)
    many = _queries(client, url), _queries(client, url + "&page_size=200&page=2")
    assert many == (few, few)


# ---------------------------------------------------------------- account page and access review


def _events(account: Any, n: int) -> None:
    from django.db import transaction

    from pregon.ledger.services import event_record

    with transaction.atomic():
        for i in range(n):
            event_record(action="account.noted", institution=account.institution, target=account, reason=f"nota {i}")


def _detail_url(account: Any) -> str:
    return reverse("registry:account_detail", kwargs={"institution": account.institution.slug,
                                                      "account": account.public_id})


def test_account_timeline_is_paginated_newest_first(client, institution_a, area_a, comms):
    [account] = _accounts(area_a, 1)
    _events(account, 60)
    client.force_login(comms)
    first = client.get(_detail_url(account)).content.decode()
    assert "nota 59" in first and "nota 10 " not in first and "Página 1 de 2 · 60 resultados" in first
    second = client.get(_detail_url(account) + "?page=2").content.decode()
    assert "nota 9<" in second and "nota 0<" in second and "nota 59" not in second


def test_account_page_queries_do_not_grow_with_administrators_accesses_or_events(
    client, institution_a, area_a, comms, officials_a
):
    from pregon.institutions.tests.factories import OfficialFactory
    from pregon.registry.models import AccessGrant

    [account] = _accounts(area_a, 1)
    Administrator.objects.create(account=account, official=officials_a["medio"], role="primary",
                                 starts_on="2026-01-05")
    AccessGrant.objects.create(account=account, official=officials_a["operativo"], reason="Diseño",
                               granted_on="2026-01-05")
    _events(account, 2)
    client.force_login(comms)
    few = _queries(client, _detail_url(account))
    for i in range(6):
        official = OfficialFactory(institution=institution_a, area=area_a, full_name=f"Persona {i}")
        Administrator.objects.create(account=account, official=official, role="alternate", starts_on="2025-01-05",
                                     ends_on="2025-12-31")
        AccessGrant.objects.create(account=account, official=official, reason="Apoyo", granted_on="2026-01-05")
    Administrator.objects.create(account=account, official=officials_a["medio2"], role="alternate",
                                 starts_on="2026-01-05")
    _events(account, 70)
    assert _queries(client, _detail_url(account)) == few


def test_access_review_is_paginated(client, institution_a, area_a, comms, officials_a):
    from pregon.registry.models import AccessGrant

    for account in _accounts(area_a, 55):
        AccessGrant.objects.create(account=account, person_name="Agencia externa", reason="Campaña",
                                   granted_on="2026-01-05")
    client.force_login(comms)
    url = reverse("registry:access_review", kwargs={"institution": institution_a.slug})
    page = client.get(url + "?page=2").content.decode()
    assert "Página 2 de 2 · 55 resultados" in page
