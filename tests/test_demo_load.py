"""demo_load: the five seed institutions, one user per role, idempotent, demo passwords only with PREGON_DEMO."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pregon.demo.management.commands.demo_load import DEMO_PASSWORD, SEEDS

from pregon.institutions.choices import Role
from pregon.institutions.models import Area, Institution, Membership, Official, PolicyRevision
from pregon.ledger.models import Event

MODELS = [get_user_model(), Institution, PolicyRevision, Area, Official, Membership, Event]


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def _load() -> str:
    out = StringIO()
    call_command("demo_load", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_load_creates_the_five_institutions_with_one_user_per_role(settings):
    settings.DEMO = True
    output = _load()
    assert sorted(Institution.objects.values_list("slug", flat=True)) == sorted(s.slug for s in SEEDS)
    rosarito = Institution.objects.get(slug="rosarito")
    assert (rosarito.country, rosarito.subdivision, rosarito.timezone, rosarito.policy_preset) == (
        "MX", "BCN", "America/Tijuana", "rosarito")
    assert Institution.objects.get(slug="ine").subdivision == ""
    assert Institution.objects.get(slug="pasto").timezone == "America/Bogota"
    for seed in SEEDS:
        for role in Role.values:
            assert Membership.objects.filter(user__username=f"{seed.slug}.{role}", institution__slug=seed.slug,
                                             role=role).exists()
        head = Area.objects.get(institution__slug=seed.slug, parent=None)
        assert Area.objects.filter(institution__slug=seed.slug, level=2).exists(), "a tree, not a flat list"
        assert head.level == 0
    assert Membership.objects.filter(user__username="enlace.multi").values("institution").distinct().count() == 2
    assert get_user_model().objects.get(username="admin").is_superuser
    assert get_user_model().objects.get(username="rosarito.comms").check_password(DEMO_PASSWORD)
    assert "rosarito.comms" in output and DEMO_PASSWORD in output and "Comunicación Social" in output
    # every institution's rows were written through the services: their ledger events exist
    assert Event.objects.filter(action="institution.created").count() == 5
    assert Event.objects.filter(action="membership.granted").count() == Membership.objects.count()


@pytest.mark.django_db
def test_demo_load_twice_changes_nothing(settings):
    settings.DEMO = True
    _load()
    first = _counts()
    output = _load()
    assert _counts() == first
    assert "no se cambió nada" in output


@pytest.mark.django_db
def test_without_pregon_demo_no_known_password_is_set(settings):
    settings.DEMO = False
    output = _load()
    users = get_user_model().objects.all()
    assert users.exists()
    assert not any(user.has_usable_password() for user in users)
    assert DEMO_PASSWORD not in output
    assert "PREGON_DEMO" in output


@pytest.mark.django_db
def test_a_later_demo_run_gives_the_demo_password_to_users_loaded_without_it(settings):
    settings.DEMO = False
    _load()
    settings.DEMO = True
    _load()
    assert get_user_model().objects.get(username="pasto.it").check_password(DEMO_PASSWORD)
