"""Registering an account directly in the registry (its form, its API, the inventory import) is only the path of a
pre-existing account (rosarito:Transitorio 2): it enters `pending_regularisation` with its regularisation started
in the same transaction, never active — a new account needs the opening request (rosarito:10.2–10.5, pasto:3.10)."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pregon.core.errors import ApplicationError
from pregon.ledger.models import Event
from pregon.procedures.choices import DeadlineStatus
from pregon.procedures.models import Deadline, Regularisation, TransitionRecord
from pregon.procedures.models.regularisation import RegularisationStatus
from pregon.registry import signals
from pregon.registry.choices import AccountStatus
from pregon.registry.models import Administrator, SocialAccount

from .account_fixtures import official, setup_area
from .conftest import make_world

pytestmark = pytest.mark.django_db

HEADER = "Red social;URL;Área;Tipo (principal/alterna);Administrador titular;Correo institucional\n"


def _inventory(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def _register(client, world, **extra):
    data = {"url": "https://www.instagram.com/rosaritoturismo", "display_name": "Turismo", "tier": "main",
            "kind": "official", "email": "turismo@rosarito.gob.mx", "area": world.area.public_id, **extra}
    return client.post(reverse("registry:account_register", kwargs={"institution": world.institution.slug}), data)


@pytest.fixture
def rosarito_area(db):
    world = make_world("rosarito")
    setup_area(world)
    return world


def test_the_register_form_creates_a_preexisting_account_with_its_regularisation_started(client, rosarito_area):
    world = rosarito_area
    client.force_login(world["comms"])
    page = client.get(reverse("registry:account_register", kwargs={"institution": world.institution.slug}))
    assert "rosarito:Transitorio 2" in page.content.decode() and "solicitud de apertura" in page.content.decode()
    response = _register(client, world)
    assert response.status_code == 302
    account = SocialAccount.objects.get()
    assert account.status == AccountStatus.PENDING_REGULARISATION  # never active without the opening request
    regularisation = Regularisation.objects.get(account=account)
    assert regularisation.status == RegularisationStatus.PENDING
    deadline = Deadline.objects.get(status=DeadlineStatus.OPEN)
    assert deadline.subject == regularisation
    assert Event.objects.filter(action="account.registered").count() == 1
    record = TransitionRecord.objects.get(workflow="regularisation")
    assert (record.action, record.actor) == ("start", world["comms"])  # started by the person who registered it
    assert Event.objects.filter(action__startswith="regularisation.").count() == 1


def test_a_refused_registration_leaves_nothing(client, rosarito_area):
    world = rosarito_area
    client.force_login(world["comms"])
    response = _register(client, world, email="turismo@gmail.com")
    assert response.status_code == 200 and "rosarito:10.3" in response.content.decode()
    assert not SocialAccount.objects.exists() and not Regularisation.objects.exists()


def test_without_a_regime_for_preexisting_accounts_the_registry_offers_only_the_opening_request(client, db):
    world = make_world("pasto")
    setup_area(world)
    client.force_login(world["comms"])
    url = reverse("registry:account_register", kwargs={"institution": world.institution.slug})
    page = client.get(url).content.decode()
    assert "solicitud de apertura" in page and "pasto:3.10" in page and "<form method=\"post\">" not in page
    response = client.post(url, {"url": "https://www.facebook.com/movilidadpasto", "display_name": "M",
                                 "area": world.area.public_id, "tier": "main", "kind": "official"})
    assert response.status_code == 409 and not SocialAccount.objects.exists()
    body = json.dumps({"url": "https://www.facebook.com/movilidadpasto", "display_name": "M",
                       "area": str(world.area.public_id)})
    api = client.post(f"/api/v1/registry/{world.institution.slug}/accounts", body, content_type="application/json")
    assert 400 <= api.status_code < 500 and "pasto:3.10" in json.dumps(api.json(), ensure_ascii=False)
    result = call_inventory(world, _inventory("Facebook;https://www.facebook.com/movilidadpasto;Dirección de Turismo;"
                                              "principal;;m@pasto.gov.co"))
    assert not result.ok and "solicitud de apertura" in result.errors[0].message
    assert not SocialAccount.objects.exists()


def test_the_api_registers_a_preexisting_account_too(client, rosarito_area):
    world = rosarito_area
    client.force_login(world["comms"])
    body = json.dumps({"url": "@RosaritoTurismo", "platform": "instagram", "display_name": "T",
                       "area": str(world.area.public_id), "email": "t@rosarito.gob.mx"})
    response = client.post(f"/api/v1/registry/{world.institution.slug}/accounts", body,
                           content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == AccountStatus.PENDING_REGULARISATION
    assert Regularisation.objects.get().status == RegularisationStatus.PENDING


def call_inventory(world, data: bytes, actor=None):
    from pregon.registry.inventory import inventory_import

    return inventory_import(actor=actor, institution=world.institution, data=data, filename="inv.csv")


def test_an_imported_inventory_enters_by_regularisation_with_its_administrators(rosarito_area, tmp_path):
    world = rosarito_area
    titular = official(world, "Héctor Lugo")
    path = tmp_path / "inv.csv"
    path.write_bytes(_inventory(
        "Facebook;https://www.facebook.com/RosaritoTurismo;Dirección de Turismo;principal;Héctor Lugo;"
        "turismo@rosarito.gob.mx",
        "Instagram;instagram.com/rosaritoturismo;Dirección de Turismo;principal;;turismo@rosarito.gob.mx",
    ))
    call_command("inventory_import", str(path), "--institution", world.institution.slug)  # the CLI: the system acts
    accounts = list(SocialAccount.objects.all())
    assert len(accounts) == 2 and {a.status for a in accounts} == {AccountStatus.PENDING_REGULARISATION}
    assert Regularisation.objects.filter(status=RegularisationStatus.PENDING).count() == 2
    assert set(TransitionRecord.objects.values_list("action", flat=True)) == {"start_auto"}  # the system started them
    assert Administrator.objects.get().official == titular


def test_the_import_page_keeps_the_person_as_the_one_who_started_each_regularisation(client, rosarito_area):
    world = rosarito_area
    client.force_login(world["comms"])
    url = reverse("registry:inventory_import", kwargs={"institution": world.institution.slug})
    data = _inventory("Facebook;https://www.facebook.com/RosaritoTurismo;Dirección de Turismo;principal;;"
                      "turismo@rosarito.gob.mx")
    client.post(url, {"action": "preview", "file": SimpleUploadedFile("inv.csv", data)})
    assert not SocialAccount.objects.exists() and not Regularisation.objects.exists()  # a preview keeps nothing
    assert client.post(url, {"action": "confirm"}).status_code == 302
    assert SocialAccount.objects.get().status == AccountStatus.PENDING_REGULARISATION
    record = TransitionRecord.objects.get(workflow="regularisation")
    assert (record.action, record.actor) == ("start", world["comms"])  # started by the person who registered it
    assert Event.objects.filter(action__startswith="regularisation.").count() == 1


def test_a_status_other_than_active_or_pending_is_refused_on_import(rosarito_area):
    world = rosarito_area
    data = ("Red social;URL;Área;Situación;Correo institucional\n"
            "Facebook;https://www.facebook.com/RosaritoTurismo;Dirección de Turismo;suspendida;t@rosarito.gob.mx\n"
            "Facebook;https://www.facebook.com/RosaritoPlayas;Dirección de Turismo;activa;p@rosarito.gob.mx\n")
    result = call_inventory(world, data.encode())
    assert [(e.row, e.column) for e in result.errors] == [(2, "Situación")]
    assert "rosarito:Transitorio 2" in result.errors[0].message
    assert not SocialAccount.objects.exists()


def test_if_one_rows_regularisation_cannot_start_nothing_is_imported(rosarito_area):
    world = rosarito_area
    data = _inventory(
        "Facebook;https://www.facebook.com/RosaritoTurismo;Dirección de Turismo;principal;;t@rosarito.gob.mx",
        "Facebook;https://www.facebook.com/RosaritoPlayas;Dirección de Turismo;principal;;p@rosarito.gob.mx",
    )

    def refuse_second(sender, account, **kwargs):
        if account.handle.endswith("playas"):
            raise ApplicationError("No se pudo iniciar la regularización.")

    signals.account_registered.connect(refuse_second, dispatch_uid="test.refuse_second")
    try:
        result = call_inventory(world, data)
    finally:
        signals.account_registered.disconnect(dispatch_uid="test.refuse_second")
    assert [e.row for e in result.errors] == [3] and "regularización" in result.errors[0].message
    assert not SocialAccount.objects.exists() and not Regularisation.objects.exists()
    assert not Event.objects.filter(action="account.registered").exists()
    assert not Event.objects.filter(action__startswith="regularisation.").exists()
