"""The policy page in Spanish (every value with its clause or «decisión de la institución») and the revision form:
ranges validated, the difference shown before saving, TOML for experts. Through the Django test client."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from pregon.institutions.models import PolicyRevision
from pregon.institutions.policies import clear_policy_cache
from pregon.institutions.tests.factories import MembershipFactory, UserFactory
from pregon.ledger.models import Event
from pregon.policy.schema import SECTION_NAMES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(dt.datetime(2026, 12, 8, 18, 0, tzinfo=dt.UTC), tick=False):
        yield


def _url(name: str, institution: Any) -> str:
    return reverse(f"institutions:{name}", kwargs={"institution": institution.slug})


def _events() -> int:
    return Event.objects.filter(action="policy_revision.created").count()


def _form_data(client: Any, institution: Any) -> dict[str, Any]:
    """The revision form as the page offers it (every initial value), ready to change and post."""
    form = client.get(_url("policy_revision_create", institution)).context["form"]
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, dt.time):
            value = value.strftime("%H:%M")
        data[name] = value
    data.update(effective_on="2027-01-04", reason="Acuerdo de cabildo 12/2026")
    return data


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_policy_page_reads_in_spanish_with_a_source_for_every_value(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    response = client.get(_url("policy", institution_a))
    assert response.status_code == 200
    page = _text(response)
    assert "Consulta de pertinencia" in page and "Plazo para responder" in page
    assert "3 días hábiles" in page and "rosarito:9.7" in page
    assert "decisión de la institución" in page  # e.g. the office hours
    assert "Comunicación Social" in page and "no procedente" in page
    for raw in ("business_days", "business_hours", "answered_by", "silence_outcome", "[consultation]", "comms,"):
        assert raw not in page, raw
    rows = [row for section in response.context["sections"] for row in section["rows"]]
    assert all(row.source_text for row in rows)
    assert {s["name"] for s in response.context["sections"]} == {*SECTION_NAMES, "checker"}
    assert "Proponer una revisión" not in page  # the auditor reads only


def test_every_policy_field_has_a_spanish_label(client, auditor_a, institution_a):
    client.force_login(auditor_a)
    sections = client.get(_url("policy", institution_a)).context["sections"]
    for row in (r for s in sections for r in s["rows"]):
        assert row.label != row.key.rsplit(".", 1)[-1] and "_" not in row.label, row.key


def test_business_hours_are_shown_in_their_own_unit(client, comms_a, institution_a):
    client.force_login(comms_a)
    data = _form_data(client, institution_a)
    data.update({"consultation__deadline__amount": "4", "consultation__deadline__unit": "business_hours"})
    preview = client.post(_url("policy_revision_create", institution_a), data)
    assert preview.status_code == 200
    (change,) = preview.context["changes"]
    assert (change.before, change.after) == ("3 días hábiles", "4 horas hábiles")
    assert (change.before_source, change.after_source) == ("rosarito:9.7", "decisión de la institución")


def test_a_revision_shows_the_difference_and_saves_only_on_confirmation(client, comms_a, institution_a):
    client.force_login(comms_a)
    data = _form_data(client, institution_a)
    data["consultation__deadline__amount"] = "5"
    preview = client.post(_url("policy_revision_create", institution_a), data)
    page = _text(preview)
    assert "Revise los cambios" in page and "3 días hábiles" in page and "5 días hábiles" in page
    assert not PolicyRevision.objects.exists() and _events() == 0
    confirm = preview.context["confirm"]
    saved = client.post(_url("policy_revision_create", institution_a),
                        {**{name: confirm.initial[name] for name in confirm.fields}, "confirm": "1"})
    assert saved.status_code == 302
    revision = PolicyRevision.objects.get(institution=institution_a)
    assert revision.overrides == {"consultation": {"deadline": "5 business_days",
                                                   "clauses": {"deadline": ["pregon:choice"]}}}
    assert revision.effective_on == dt.date(2027, 1, 4) and _events() == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"consultation__deadline__amount": "999999999999"}, "consultation__deadline__amount", "no puede pasar de 365 días hábiles"),
        ({"consultation__deadline__amount": "-1"}, "consultation__deadline__amount", "0"),
        ({"consultation__deadline__amount": "tres"}, "consultation__deadline__amount", "número"),
        ({"effective_on": "2027-02-30"}, "effective_on", "Esa fecha no existe"),
        ({"effective_on": "1999-12-31"}, "effective_on", "La fecha debe estar entre"),
        ({"effective_on": "2040-01-01"}, "effective_on", "La fecha debe estar entre"),
        ({"administrators__count": "9"}, "administrators__count", "5"),
        ({"calendar__office_start": "25:00"}, "calendar__office_start", "hora"),
        ({"consultation__answered_by": "alcalde"}, "consultation__answered_by", "válida"),
    ],
)
def test_out_of_range_values_are_refused_in_spanish_and_nothing_is_saved(
    client, comms_a, institution_a, change, field, message
):
    client.force_login(comms_a)
    data = {**_form_data(client, institution_a), **change}
    response = client.post(_url("policy_revision_create", institution_a), data)
    assert response.status_code == 200 and response.context["changes"] is None
    assert message in " ".join(response.context["form"].errors[field])
    assert not PolicyRevision.objects.exists() and _events() == 0


def test_a_policy_rule_refusal_names_the_field_and_saves_nothing(client, comms_a, institution_a):
    client.force_login(comms_a)
    data = {**_form_data(client, institution_a), "calendar__office_start": "16:00", "calendar__office_end": "09:00"}
    response = client.post(_url("policy_revision_create", institution_a), data)
    assert response.status_code == 200 and response.context["changes"] is None
    message = " ".join(str(e) for e in response.context["form"].errors.get("__all__", []))
    assert "«Fin del horario de oficina» debe ser posterior a «Inicio del horario de oficina»" in message
    assert "office_end" not in message
    assert not PolicyRevision.objects.exists()


def test_switching_the_consultation_on_makes_the_values_seen_the_institutions_choice(client, institution_b):
    comms_b = UserFactory(username="comunicacion_b")
    MembershipFactory(user=comms_b, institution=institution_b, role="comms")
    client.force_login(comms_b)
    data = {**_form_data(client, institution_b), "consultation__enabled": "1",
            "consultation__deadline__amount": "2", "consultation__deadline__unit": "business_days"}
    preview = client.post(_url("policy_revision_create", institution_b), data)
    assert preview.status_code == 200, preview.context["form"].errors
    changed = {c.label: (c.after, c.after_source) for c in preview.context["changes"]}
    assert changed["Existe la consulta de pertinencia"] == ("sí", "decisión de la institución")
    assert changed["Quién responde la consulta"] == ("Comunicación Social", "decisión de la institución")
    assert changed["Plazo para responder"] == ("2 días hábiles", "decisión de la institución")


def test_a_revision_that_changes_nothing_is_refused(client, comms_a, institution_a):
    client.force_login(comms_a)
    response = client.post(_url("policy_revision_create", institution_a), _form_data(client, institution_a))
    assert "no cambia nada" in _text(response)
    assert not PolicyRevision.objects.exists()


OVERRIDE = '[consultation]\ndeadline = "4 business_days"\n[consultation.clauses]\ndeadline = ["pregon:choice"]\n'


def test_experts_still_write_toml_and_see_the_difference_first(client, comms_a, institution_a):
    client.force_login(comms_a)
    data = {**_form_data(client, institution_a), "toml": OVERRIDE}
    preview = client.post(_url("policy_revision_create", institution_a), data)
    (change,) = preview.context["changes"]
    assert change.after == "4 días hábiles"
    assert not PolicyRevision.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[consultation\ndeadline = 1", "TOML mal formado"),
        ("[consultation]\nplazo_inventado = 3\n", "plazo_inventado: campo desconocido"),
        ('[consultation]\ndeadline = "cinco días"\n', "duración inválida"),
    ],
)
def test_bad_toml_shows_the_policy_message_and_saves_nothing(client, comms_a, institution_a, text, message):
    client.force_login(comms_a)
    response = client.post(_url("policy_revision_create", institution_a),
                           {**_form_data(client, institution_a), "toml": text})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(str(e) for field in errors.values() for e in field)
    assert not PolicyRevision.objects.exists() and _events() == 0


def test_a_tampered_confirmation_is_refused_and_nothing_is_saved(client, comms_a, institution_a):
    client.force_login(comms_a)
    for overrides in ("{no es json", json.dumps({"consultation": {"deadline": "3 fortnights"}})):
        response = client.post(_url("policy_revision_create", institution_a), {
            "overrides_json": overrides, "effective_on": "2027-01-04", "reason": "x", "confirm": "1"})
        assert response.status_code == 200
        assert response.context["refused"] and "No se registró nada" in _text(response)
    bad_date = client.post(_url("policy_revision_create", institution_a), {
        "overrides_json": "{}", "effective_on": "2027-02-30", "reason": "x", "confirm": "1"})
    assert "Esa fecha no existe" in _text(bad_date)
    assert not PolicyRevision.objects.exists() and _events() == 0


def test_the_confirmed_revision_is_the_policy_in_force_from_its_date(client, comms_a, institution_a):
    client.force_login(comms_a)
    data = {**_form_data(client, institution_a), "consultation__deadline__amount": "5", "effective_on": "2026-12-08"}
    confirm = client.post(_url("policy_revision_create", institution_a), data).context["confirm"]
    client.post(_url("policy_revision_create", institution_a),
                {**{name: confirm.initial[name] for name in confirm.fields}, "confirm": "1"})
    clear_policy_cache()
    page = _text(client.get(_url("policy", institution_a)))
    assert "5 días hábiles" in page and "Acuerdo de cabildo 12/2026" in page


def test_revisions_refuse_the_auditor_and_other_institutions(client, auditor_a, admin_b, institution_a):
    client.force_login(auditor_a)
    assert client.get(_url("policy_revision_create", institution_a)).status_code == 403
    assert client.post(_url("policy_revision_create", institution_a), {"confirm": "1"}).status_code == 403
    client.force_login(admin_b)
    assert client.get(_url("policy_revision_create", institution_a)).status_code == 404
    assert not PolicyRevision.objects.exists()


def test_the_policy_page_offers_the_revision_form_to_communications(client, comms_a, institution_a):
    client.force_login(comms_a)
    page = _text(client.get(_url("policy", institution_a)))
    assert _url("policy_revision_create", institution_a) in page
    form_page = client.get(_url("policy_revision_create", institution_a))
    assert form_page.status_code == 200
    assert "Ajustes en TOML (para expertos)" in _text(form_page)
