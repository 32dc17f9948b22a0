"""The audit page paginates both of its lists (findings `?page=`, audits `?runs_page=`), with their totals, the
filters kept across pages, and a number of queries that does not grow with the findings or the audited accounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from pregon.publications.models import Publication
from pregon.publications.services import audit_account
from pregon.registry.models import Platform
from pregon.registry.tests.factories import SocialAccountFactory

pytestmark = pytest.mark.django_db


def _posts(account: Any, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        Publication.objects.create(institution=account.institution, account=account, platform_post_id=str(i),
                                   text=f"Aviso {i}: registramos su celular 664 123 {i:04d}.",
                                   published_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC) + dt.timedelta(hours=i))


def _audited_accounts(institution: Any, comms: Any, n: int) -> None:
    for i in range(n):
        account = SocialAccountFactory(institution=institution, platform=Platform.objects.get(slug="x"),
                                       handle=f"cuenta{i:03d}rosarito")
        _posts(account, 1)
        audit_account(account=account, actor=comms)


def _url(institution: Any) -> str:
    return reverse("publications:audit_list", kwargs={"institution": institution.slug})


def test_findings_are_paginated_with_the_total_and_the_filters_kept(client, comms_a, account_a):
    _posts(account_a, 60)
    audit_account(account=account_a, actor=comms_a)
    client.force_login(comms_a)
    query = "?categoria=personal_data&gravedad=block"
    first = client.get(_url(account_a.institution) + query).content.decode()
    assert "60 resultados" in first and "Página 1 de 2" in first
    assert first.count('class="finding-block"') == 50
    assert 'href="?categoria=personal_data&amp;gravedad=block&amp;page=2"' in first
    second = client.get(_url(account_a.institution) + query + "&page=2").content.decode()
    assert second.count('class="finding-block"') == 10 and "Página 2 de 2 · 60 resultados" in second
    assert "664 123 0000" in second  # oldest post last


def test_audits_list_has_its_own_pages_and_keeps_the_findings_page(client, institution_a, comms_a):
    _audited_accounts(institution_a, comms_a, 52)
    client.force_login(comms_a)
    page = client.get(_url(institution_a) + "?page=2&runs_page=2").content.decode()
    assert "Página 2 de 2 · 52 resultados" in page  # the audits
    assert 'href="?page=2&amp;runs_page=1"' in page
    assert page.count("rosarito</td>") == 2


def test_audit_page_queries_do_not_grow_with_findings_or_audited_accounts(client, institution_a, comms_a, account_a, get_queries):
    _posts(account_a, 3)
    audit_account(account=account_a, actor=comms_a)
    client.force_login(comms_a)
    url = _url(institution_a)
    few = get_queries(client, url)
    _posts(account_a, 60, start=3)
    audit_account(account=account_a, actor=comms_a)
    _audited_accounts(institution_a, comms_a, 55)
    assert get_queries(client, url) == few
    assert get_queries(client, url + "?page=2&runs_page=2") == few
