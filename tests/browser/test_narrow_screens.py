"""On a 375-pixel-wide phone the list pages do not widen the page: wide tables scroll sideways inside their
`.table-scroll` box, and the pages of a list can be reached."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from pregon.institutions.choices import Role
from pregon.institutions.tests.factories import AreaFactory, MembershipFactory, OfficialFactory, UserFactory
from pregon.registry.tests.factories import SocialAccountFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
PASSWORD = "contraseña-de-prueba-123"  # UserFactory's


@pytest.fixture
def comms(institution_a: Any) -> Any:
    from django.apps import apps

    from pregon.registry.models import Platform

    if not Platform.objects.exists():  # a transactional test before this one may have flushed the data migration
        import importlib

        importlib.import_module("pregon.registry.migrations.0002_load_platforms").load_platforms(apps, None)
    area = AreaFactory(institution=institution_a, name="Dirección de Desarrollo Económico y Turismo Municipal")
    for i in range(55):
        SocialAccountFactory(institution=institution_a, area=area, handle=f"direcciondeturismoydesarrollo{i:02d}",
                             display_name=f"Dirección de Turismo y Desarrollo Económico de Playas de Rosarito {i}")
    for i in range(3):
        OfficialFactory(institution=institution_a, area=area, full_name=f"María Guadalupe Hernández Villaseñor {i}",
                        position_title="Coordinadora de Comunicación Digital y Redes Sociales")
    user = UserFactory(username="comunicacion")
    MembershipFactory(user=user, institution=institution_a, role=Role.COMMS)
    return user


def _overflow(page: Any) -> int:
    """Pixels by which the page is wider than the screen (0 when nothing sticks out)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_list_pages_fit_a_375_pixel_phone(page, comms, institution_a):
    page.set_viewport_size(PHONE)
    page.goto("/entrar/")
    page.get_by_label("Usuario").fill("comunicacion")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    page.wait_for_url("**/")

    slug = institution_a.slug
    for url in [
        reverse("registry:account_list", kwargs={"institution": slug}),
        reverse("institutions:detail", kwargs={"institution": slug}),
        reverse("institutions:people", kwargs={"institution": slug}),
        reverse("registry:access_review", kwargs={"institution": slug}),
        reverse("notifications:inbox"),
    ]:
        page.goto(url)
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376 && !e.closest('.table-scroll')).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent||'').slice(0, 40))""")
        assert _overflow(page) <= 0, (url, _overflow(page), wide)

    page.goto(reverse("registry:account_list", kwargs={"institution": slug}))
    box = page.locator(".table-scroll").first
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls inside its box
    box.focus()  # and the keyboard reaches it
    assert page.evaluate("document.activeElement.classList.contains('table-scroll')")
    assert page.get_by_text("Página 1 de 2 · 55 resultados").is_visible()
    page.get_by_role("link", name="Siguiente ›").click()
    page.wait_for_url("**page=2")
    assert page.get_by_text("Página 2 de 2 · 55 resultados").is_visible()
    assert _overflow(page) <= 0
