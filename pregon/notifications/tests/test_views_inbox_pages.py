"""The inbox is paginated: 50 notifications a page with the total, the unread count over every page, and a number
of queries that does not grow with the notifications."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from pregon.notifications.services import notify

pytestmark = pytest.mark.django_db


def _notify(institution: Any, user: Any, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        notify(institution=institution, subject=f"Aviso número {i:03d}", body="Texto", users=[user],
               clauses=["rosarito:9.12"])


def test_inbox_shows_fifty_a_page_newest_first_with_the_total(client, institution_a, institution_b, comms_a, admin_a):
    _notify(institution_a, comms_a, 40)
    _notify(institution_b, comms_a, 20, start=40)
    _notify(institution_a, admin_a, 7)  # someone else's: never listed nor counted
    client.force_login(comms_a)
    first = client.get(reverse("notifications:inbox")).content.decode()
    assert "Página 1 de 2 · 60 resultados" in first
    assert "60 avisos sin leer" in first
    assert first.count("<h2>Aviso número") == 50 and "Aviso número 059" in first and "Aviso número 009" not in first
    second = client.get(reverse("notifications:inbox") + "?page=2").content.decode()
    assert "Página 2 de 2 · 60 resultados" in second
    assert second.count("<h2>Aviso número") == 10 and "Aviso número 000" in second
    assert 'href="?page=1"' in second


def test_inbox_bad_page_shows_the_first_page(client, institution_a, comms_a):
    _notify(institution_a, comms_a, 3)
    client.force_login(comms_a)
    response = client.get(reverse("notifications:inbox") + "?page=x")
    assert response.status_code == 200 and "Página 1 de 1 · 3 resultados" in response.content.decode()


def test_inbox_queries_do_not_grow_with_the_notifications(client, institution_a, institution_b, comms_a, get_queries):
    _notify(institution_a, comms_a, 5)
    client.force_login(comms_a)
    url = reverse("notifications:inbox")
    few = get_queries(client, url)
    _notify(institution_a, comms_a, 30, start=5)
    _notify(institution_b, comms_a, 30, start=35)
    assert get_queries(client, url) == few
    assert get_queries(client, url + "?page=2") == few
