"""Links and buttons are offered only to those who may use them (`{% if_allowed %}` / `user_may` in
pregon/navigation.py, which ask the rule map of pregon/institutions/permissions.py): an auditor, who reads
everything and changes nothing, is not offered a page that would refuse them; Communications is."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from pregon.institutions.tests.factories import AreaFactory
from pregon.navigation import user_may
from pregon.registry.tests.factories import SocialAccountFactory

pytestmark = pytest.mark.django_db


def _request(user: Any) -> Any:
    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    return request


def _render(source: str, user: Any, institution: Any) -> str:
    template = Template("{% load pregon_nav %}" + source)
    return template.render(Context({"request": _request(user), "institution": institution}))


def test_the_tag_shows_a_write_link_to_communications_and_not_to_the_auditor(comms_a, auditor_a, institution_a):
    source = '{% if_allowed "registry:account_register" institution %}REGISTER{% else %}NO{% endif_allowed %}'
    assert _render(source, comms_a, institution_a) == "REGISTER"
    assert _render(source, auditor_a, institution_a) == "NO"
    read = '{% if_allowed "registry:account_list" institution %}LIST{% endif_allowed %}'
    assert _render(read, auditor_a, institution_a) == "LIST"


def test_the_helper_refuses_other_institutions_unknown_names_and_anonymous_users(
    comms_a, admin_b, institution_a, institution_b
):
    from django.contrib.auth.models import AnonymousUser

    assert user_may(_request(comms_a), "registry:account_register", institution_a)
    assert not user_may(_request(admin_b), "registry:account_list", institution_a)
    assert not user_may(_request(comms_a), "registry:account_register", institution_b)
    assert not user_may(_request(comms_a), "no:such_page", institution_a)
    assert not user_may(_request(AnonymousUser()), "registry:account_list", institution_a)
    assert user_may(_request(admin_b), "notifications:inbox")
    assert _render('{% allowed "publications:import" institution as ok %}{{ ok }}', admin_b, institution_b) == "True"


def test_the_audit_page_offers_the_import_to_communications_only(client, comms_a, auditor_a, institution_a):
    url = reverse("publications:audit_list", kwargs={"institution": institution_a.slug})
    import_url = reverse("publications:import", kwargs={"institution": institution_a.slug})
    client.force_login(auditor_a)
    page = client.get(url).content.decode()
    assert "Importar publicaciones" not in page and import_url not in page
    assert client.get(import_url).status_code == 403  # the page the link would lead to
    client.force_login(comms_a)
    page = client.get(url).content.decode()
    assert "Importar publicaciones" in page and import_url in page


def test_the_account_page_offers_incident_and_closure_to_those_who_may_file_them(
    client, comms_a, auditor_a, institution_a
):
    account = SocialAccountFactory(institution=institution_a, area=AreaFactory(institution=institution_a))
    url = reverse("registry:account_detail", kwargs={"institution": institution_a.slug, "account": account.public_id})
    incident = "Reportar un incidente de seguridad"
    client.force_login(auditor_a)
    page = client.get(url).content.decode()
    assert incident not in page and "Avisar el cierre de la cuenta" not in page
    client.force_login(comms_a)
    page = client.get(url).content.decode()
    assert incident in page  # Communications reports incidents; only an area head files a closure
    assert "Avisar el cierre de la cuenta" not in page


def test_the_account_list_offers_registration_and_import_to_communications_only(
    client, comms_a, auditor_a, institution_a
):
    url = reverse("registry:account_list", kwargs={"institution": institution_a.slug})
    client.force_login(auditor_a)
    page = client.get(url).content.decode()
    assert "Registrar cuenta" not in page and "Importar inventario" not in page
    client.force_login(comms_a)
    page = client.get(url).content.decode()
    assert "Registrar cuenta" in page and "Importar inventario" in page


def test_the_main_navigation_gives_the_auditor_no_write_page(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    page = client.get(reverse("home")).content.decode()
    for name in ("publications:import", "registry:account_register", "registry:inventory_import"):
        assert reverse(name, kwargs={"institution": institution_a.slug}) not in page


def test_the_account_bitacora_names_events_in_words(client, comms_a, institution_a):
    from pregon.ledger.services import event_record

    account = SocialAccountFactory(institution=institution_a, area=AreaFactory(institution=institution_a))
    event_record(action="account.updated", actor=comms_a, institution=institution_a, target=account,
                 reason="Nuevo horario", changes={"attention_hours": ["", "9 a 15"]})
    client.force_login(comms_a)
    page = client.get(
        reverse("registry:account_detail", kwargs={"institution": institution_a.slug, "account": account.public_id})
    ).content.decode()
    assert "Datos de la cuenta modificados" in page and "account.updated" not in page


def test_registering_an_account_offers_the_opening_request_only_to_those_who_file_it(
    client, comms_a, institution_a
):
    from pregon.institutions.choices import Role
    from pregon.institutions.tests.factories import MembershipFactory

    url = reverse("registry:account_register", kwargs={"institution": institution_a.slug})
    opening = reverse("procedures:opening_request_create", kwargs={"institution": institution_a.slug})
    client.force_login(comms_a)
    page = client.get(url).content.decode()
    assert client.get(url).status_code == 200 and f'href="{opening}"' not in page
    MembershipFactory(user=comms_a, institution=institution_a, role=Role.AREA_HEAD)
    assert f'href="{opening}"' in client.get(url).content.decode()
