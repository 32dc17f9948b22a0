"""The institution page's officials and the people page are paginated (50 a page, with the total) and their
number of queries does not grow with the rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from pregon.institutions.choices import Role
from pregon.institutions.tests.factories import AreaFactory, MembershipFactory, OfficialFactory, UserFactory

pytestmark = pytest.mark.django_db


def _officials(area: Any, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        OfficialFactory(institution=area.institution, area=area, full_name=f"Servidor {i:03d}")


def _members(institution: Any, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        MembershipFactory(user=UserFactory(username=f"persona{i:03d}"), institution=institution, role=Role.AUDITOR)


def test_officials_are_paginated_with_the_total(client, institution_a, comms_a):
    _officials(AreaFactory(institution=institution_a), 60)
    client.force_login(comms_a)
    url = reverse("institutions:detail", kwargs={"institution": institution_a.slug})
    first = client.get(url).content.decode()
    assert "Página 1 de 2 · 60 resultados" in first and "Servidor 049" in first and "Servidor 050" not in first
    second = client.get(url + "?page=2").content.decode()
    assert "Página 2 de 2 · 60 resultados" in second and "Servidor 059" in second and "Servidor 000" not in second


def test_people_are_paginated_with_the_total(client, institution_a, comms_a):
    _members(institution_a, 60)
    client.force_login(comms_a)
    url = reverse("institutions:people", kwargs={"institution": institution_a.slug})
    first = client.get(url).content.decode()
    assert "Página 1 de 2 · 61 resultados" in first  # 60 auditors and Communications itself
    second = client.get(url + "?page=2").content.decode()
    assert "Página 2 de 2 · 61 resultados" in second and second.count("<tr>") == 1 + 11


@pytest.mark.parametrize("name", ["institutions:detail", "institutions:people"])
def test_institution_lists_queries_do_not_grow_with_the_rows(client, institution_a, comms_a, name, get_queries):
    area = AreaFactory(institution=institution_a)
    _officials(area, 5)
    _members(institution_a, 5)
    client.force_login(comms_a)
    url = reverse(name, kwargs={"institution": institution_a.slug})
    few = get_queries(client, url)
    _officials(area, 55, start=5)
    _members(institution_a, 55, start=5)
    assert get_queries(client, url) == few
    assert get_queries(client, url + "?page=2") == few
