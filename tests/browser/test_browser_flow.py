"""A demo user's first visit, in a real browser: log in, home, switch institution, switch language, log out."""

from __future__ import annotations

import importlib

import pytest
from django.core.management import call_command
from pregon.demo.management.commands.demo_load import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_data(settings, transactional_db):
    settings.DEMO = True
    # An earlier transactional test in this worker may have flushed the rows a data migration created
    # (the registry's platforms); demo_load's accounts need them.
    from django.apps import apps

    from pregon.registry.models import Platform

    if not Platform.objects.exists():
        importlib.import_module("pregon.registry.migrations.0002_load_platforms").load_platforms(apps, None)
    call_command("demo_load", verbosity=0, stdout=open("/dev/null", "w"))


def test_demo_user_logs_in_switches_institution_and_language_and_logs_out(page, demo_data):
    page.goto("/")
    assert "/entrar/" in page.url
    assert page.locator("html").get_attribute("lang") == "es-mx"


    page.get_by_label("Usuario").fill("enlace.multi")
    page.get_by_label("Contraseña").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Entrar").click()

    page.wait_for_url("**/")
    main = page.locator("main")

    # Keyboard first: the skip link is the first thing Tab reaches, and it leads to the main content.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML")
    assert "skip-link" in focused, focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert main.get_by_role("heading", name="H. Ayuntamiento de Playas de Rosarito").is_visible()
    assert main.get_by_role("heading", name="H. Ayuntamiento de Guadalajara").is_visible()
    assert main.get_by_text("Comunicación Social", exact=True).is_visible()
    assert main.get_by_text("Transparencia", exact=True).is_visible()
    assert main.get_by_role("heading", name="Pendientes").count() == 2
    current = main.locator("section.institution.current h2")
    assert current.inner_text() == "H. Ayuntamiento de Guadalajara"  # first by name

    page.get_by_label("Institución").select_option("rosarito")
    page.get_by_role("button", name="Cambiar", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Ahora trabaja en H. Ayuntamiento de Playas de Rosarito.").is_visible()
    assert main.locator("section.institution.current h2").inner_text() == "H. Ayuntamiento de Playas de Rosarito"

    page.get_by_label("Idioma").select_option("en")
    page.get_by_role("button", name="Cambiar idioma").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert main.get_by_role("heading", name="Pending").count() == 2
    assert main.get_by_text("Communications", exact=True).is_visible()

    page.get_by_label("Language").select_option("es-mx")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es-mx"
    assert main.get_by_role("heading", name="Pendientes").count() == 2

    page.get_by_role("button", name="Salir").click()
    page.wait_for_url("**/entrar/")
    page.goto("/")
    assert "/entrar/" in page.url

    assert not page.console_errors, page.console_errors  # no CSP violation, no script error
