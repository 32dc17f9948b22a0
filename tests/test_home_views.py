"""Home page, institution switcher, login/logout and language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pregon.institutions import home
from pregon.institutions.choices import Role
from pregon.institutions.context_processors import SESSION_KEY
from pregon.institutions.tests.factories import MembershipFactory


@pytest.fixture
def multi(comms_a, institution_b):
    """Comunicación Social in A (Rosarito) and auditor in B (Pasto)."""
    MembershipFactory(user=comms_a, institution=institution_b, role=Role.AUDITOR)
    return comms_a


def test_login_page_is_spanish_and_accessible(client, db):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es-mx">' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert 'for="id_username"' in html and 'for="id_password"' in html
    assert "Contraseña" in html
    assert "<script>" not in html and "style=" not in html  # CSP: no inline scripts or styles


def test_home_shows_the_users_institutions_roles_and_pending_section(client, multi, institution_a, institution_b):
    client.force_login(multi)
    html = client.get(reverse("home")).content.decode()
    assert institution_a.name in html and institution_b.name in html
    assert "Comunicación Social" in html and "Auditoría/Contraloría" in html
    assert html.count("Pendientes") == 2
    assert 'name="institution"' in html  # the switcher, since the user has two institutions


def test_home_without_switcher_for_a_single_institution(client, comms_a):
    client.force_login(comms_a)
    html = client.get(reverse("home")).content.decode()
    assert 'name="institution"' not in html


def test_switcher_stores_the_institution_in_the_session(client, multi, institution_b):
    client.force_login(multi)
    response = client.post(reverse("institution_switch"), {"institution": institution_b.slug})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == institution_b.slug
    html = client.get(reverse("home")).content.decode()
    # the current institution comes first and is marked
    assert html.index(institution_b.name) < html.index("H. Ayuntamiento de Playas de Rosarito")


def test_switcher_refuses_an_institution_without_a_role_with_404(client, comms_a, institution_b):
    client.force_login(comms_a)
    response = client.post(reverse("institution_switch"), {"institution": institution_b.slug})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_switcher_ignores_an_offsite_next(client, multi, institution_b):
    client.force_login(multi)
    response = client.post(reverse("institution_switch"), {"institution": institution_b.slug,
                                                            "next": "https://evil.example/"})
    assert response.url == reverse("home")


def test_logout_is_a_post(client, comms_a):
    client.force_login(comms_a)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_login_with_a_password(client, comms_a):
    response = client.post(reverse("login"), {"username": comms_a.username, "password": "contraseña-de-prueba-123"})
    assert response.status_code == 302 and response.url == reverse("home")


def test_language_switch_to_english_and_back(client, comms_a):
    client.force_login(comms_a)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    assert "Pending" in html  # needs the compiled English catalogue (make compiles it)
    client.post(reverse("set_language"), {"language": "es-mx", "next": "/"})
    assert "Pendientes" in client.get(reverse("home")).content.decode()


def test_registered_home_panels_appear_for_their_roles(client, multi, institution_a, settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], Path(__file__).parent / "templates"]}]

    def context(*, request, institution, roles):
        return {"count": 3} if institution == institution_a else None

    home.register_home_panel("test.panel", title=_("Prueba"), template="tests/_panel.html",
                             roles=[Role.COMMS], get_context=context)
    try:
        client.force_login(multi)
        html = client.get(reverse("home")).content.decode()
    finally:
        home.unregister_home_panel("test.panel")
    assert html.count("panel de prueba: 3") == 1  # only A (B's context says nothing pending; B role is auditor)


def test_home_query_count_does_not_grow_with_institutions(client, multi, django_assert_max_num_queries,
                                                          monkeypatch):
    """The shell's own queries (session, user, memberships); each registered panel adds its own, so none here."""
    monkeypatch.setattr(home, "_PANELS", {})
    client.force_login(multi)
    with django_assert_max_num_queries(6):
        client.get(reverse("home"))
