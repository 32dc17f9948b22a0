"""Small helpers for the per-preset scenarios (tests/browser/test_scenarios_*.py): an institution of a preset with
one user per role (real passwords, so the browser logs in through the form), an area with officials, logging in as
someone, and the ledger check every scenario ends with. Direct database set-up is only for what a scenario does not
put under test."""

from __future__ import annotations

import importlib
import unicodedata
from typing import Any

from django.contrib.auth import get_user_model

from pregon.institutions.choices import Rank, Role
from pregon.institutions.models import Institution, Membership, Official
from pregon.institutions.tests.factories import AreaFactory
from pregon.institutions.policies import clear_policy_cache

PASSWORD = "escenario-de-prueba-2026"

PRESETS: dict[str, dict[str, str]] = {
    "rosarito": {"country": "MX", "subdivision": "BCN", "timezone": "America/Tijuana",
                 "name": "H. Ayuntamiento de Playas de Rosarito", "domain": "rosarito.gob.mx"},
    "iee-sonora": {"country": "MX", "subdivision": "SON", "timezone": "America/Hermosillo",
                   "name": "Instituto Estatal Electoral y de Participación Ciudadana de Sonora",
                   "domain": "ieesonora.org.mx"},
    "ine": {"country": "MX", "subdivision": "CMX", "timezone": "America/Mexico_City",
            "name": "Instituto Nacional Electoral", "domain": "ine.mx"},
    "pasto": {"country": "CO", "subdivision": "NAR", "timezone": "America/Bogota",
              "name": "Alcaldía de Pasto", "domain": "pasto.gov.co"},
    "guadalajara": {"country": "MX", "subdivision": "JAL", "timezone": "America/Mexico_City",
                    "name": "H. Ayuntamiento de Guadalajara", "domain": "guadalajara.gob.mx"},
}


class World:
    """One institution of a preset: `users[role]` holds only that role; `area` with `officials[name]`."""

    def __init__(self, preset: str) -> None:
        clear_policy_cache()
        ensure_platforms()
        data = PRESETS[preset]
        self.preset = preset
        self.domain = data["domain"]
        self.institution = Institution.objects.create(
            slug=preset, name=data["name"], short_name=preset, policy_preset=preset, country=data["country"],
            subdivision=data["subdivision"], timezone=data["timezone"],
        )
        self.area = AreaFactory(institution=self.institution, name="Dirección de Turismo")
        self.users: dict[str, Any] = {}
        for role in Role.values:
            user = get_user_model().objects.create_user(
                f"{preset}.{role}", f"{role}@{self.domain}", PASSWORD, first_name=str(Role(role).label))
            Membership.objects.create(user=user, institution=self.institution, role=role)
            self.users[role] = user
        self.officials: dict[str, Official] = {}

    def __getitem__(self, role: str) -> Any:
        return self.users[role]

    def official(self, name: str, rank: str = Rank.MEDIO, user: Any = None) -> Official:
        slug = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace(" ", ".")
        found = Official.objects.create(
            institution=self.institution, area=self.area, full_name=name, position_title="Jefe de departamento",
            rank=rank, email=f"{slug}@{self.domain}", user=user,
        )
        self.officials[name] = found
        return found


def ensure_platforms() -> None:
    """An earlier transactional test in this worker may have flushed the rows a data migration created."""
    from django.apps import apps

    from pregon.registry.models import Platform

    if not Platform.objects.exists():
        importlib.import_module("pregon.registry.migrations.0002_load_platforms").load_platforms(apps, None)


def log_in(page: Any, user: Any) -> None:
    """A fresh session (cookies cleared) logged in through the login form."""
    page.context.clear_cookies()
    page.goto("/entrar/")
    page.get_by_label("Usuario").fill(user.get_username())
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    page.wait_for_url("**/")


def nav(page: Any, name: str) -> None:
    """Follows a link of the main navigation (the landmark, not any link with that name)."""
    page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def action_form(page: Any, button: str) -> Any:
    """The form on a procedure's page whose submit button has this (exact) name."""
    return page.locator("form").filter(has=page.get_by_role("button", name=button, exact=True))


def messages_text(page: Any) -> str:
    box = page.locator("ul.messages")
    return box.inner_text() if box.count() else ""


def assert_ledger_intact() -> None:
    """`pregon ledger verify` over every chain, and each chain ok."""
    from io import StringIO

    from django.core.management import call_command

    from pregon.ledger.models import Event
    from pregon.ledger.verify import verify_all

    out = StringIO()
    call_command("ledger", "verify", stdout=out)
    results = verify_all()
    assert results and all(r.ok for r in results), [r for r in results if not r.ok]
    assert Event.objects.exists()


def field(scope: Any, label: str) -> Any:
    """The form control whose label is exactly `label` (Django's labels end with a colon)."""
    import re

    return scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def script_errors(page: Any) -> list[str]:
    """Console errors other than the expected refusals (a refused action answers 4xx, which Chromium logs)."""
    return [e for e in page.console_errors if not e.startswith("Failed to load resource")]


def make_account(world: World, handle: str = "turismo", tier: str = "main", platform: str = "facebook") -> Any:
    """An active official account of the world's area (database set-up: registering is not what is under test)."""
    from pregon.registry.choices import AccountStatus, Kind
    from pregon.registry.models import Platform, SocialAccount

    p = Platform.objects.get(slug=platform)
    return SocialAccount.objects.create(
        institution=world.institution, area=world.area, platform=p, handle=handle,
        url=p.url_template.replace("{handle}", handle), display_name=f"Cuenta {handle}", tier=tier,
        kind=Kind.OFFICIAL, status=AccountStatus.ACTIVE, email=f"{handle}@{world.domain}",
    )


def fill_opening(page: Any, *, platform: str = "Facebook", tier: str = "principal", name: str = "Turismo") -> None:
    """Trámites -> opening requests -> new, filled and sent (the area head's proposal)."""
    nav(page, "Trámites")
    page.get_by_role("link", name="Solicitud de apertura de cuenta").click()
    page.get_by_role("link", name="Nuevo trámite").click()
    field(page, "Área").select_option(label="Dirección de Turismo")
    field(page, "Red social").select_option(label=platform)
    field(page, "Tipo de cuenta").select_option(label=tier)
    field(page, "Nombre propuesto").fill(name)
    field(page, "Objetivos").fill("Difusión de programas")
    field(page, "Alcances").fill("Local")
    field(page, "Cobertura social o beneficios").fill("Ciudadanía")
    field(page, "Justificación en los programas y actividades del área").fill("Programa anual del área")
    page.get_by_role("button", name="Enviar").click()
    page.wait_for_load_state()
