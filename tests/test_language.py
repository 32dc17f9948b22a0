"""Spanish first: the browser's Accept-Language does not switch the UI; the language switcher does."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse


@pytest.mark.django_db
def test_an_english_browser_still_gets_the_spanish_ui(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "es-mx"
    assert "Contraseña" in response.content.decode()


@pytest.mark.django_db
def test_the_switcher_choice_is_honoured_and_a_bogus_cookie_falls_back_to_spanish(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert response.status_code == 302
    page = client.get(reverse("login"))
    assert page["Content-Language"] == "en" and "Password" in page.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx-klingon"
    page = client.get(reverse("login"))
    assert page["Content-Language"] == "es-mx" and "Contraseña" in page.content.decode()
