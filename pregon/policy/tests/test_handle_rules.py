"""iee-sonora:7.V: on Twitter (X) the address carries the suffix «ieesonora». A suffix, not "contains"."""

from __future__ import annotations

import pytest

from pregon.institutions.tests.factories import AreaFactory, InstitutionFactory
from pregon.policy import load_preset
from pregon.registry import services
from pregon.registry.models import SocialAccount
from pregon.registry.services import RegistryError

pytestmark = pytest.mark.django_db


@pytest.fixture
def iee_area():
    inst = InstitutionFactory(slug="iee-sonora", policy_preset="iee-sonora", timezone="America/Hermosillo",
                              subdivision="SON")
    return AreaFactory(institution=inst)


def _register(area, handle: str) -> SocialAccount:
    return services.account_register(actor=None, institution=area.institution, area=area,
                                     url=f"https://x.com/{handle}", display_name="Cuenta",
                                     email="civica@ieesonora.org.mx")


def test_the_preset_states_a_suffix_rule_cited_to_7_v():
    identity = load_preset("iee-sonora").identity
    (rule,) = identity.handle_rules
    assert (rule.platform, rule.must_end_with, rule.must_contain) == ("x", "ieesonora", "")
    assert identity.clauses_for("handle_rules") == ("iee-sonora:7.V",)


@pytest.mark.parametrize("handle", ["ieesonora_foo", "IEESonoraCivica", "ieesonora_mx"])
def test_a_handle_that_does_not_end_with_the_suffix_is_refused_citing_7_v(iee_area, handle):
    with pytest.raises(RegistryError) as excinfo:
        _register(iee_area, handle)
    assert "iee-sonora:7.V" in excinfo.value.message
    assert "terminar en «ieesonora»" in excinfo.value.message
    assert not SocialAccount.objects.exists()


@pytest.mark.parametrize("handle", ["foo_ieesonora", "CivicaIEESONORA", "IEESonora"])
def test_a_handle_ending_with_the_suffix_passes_in_any_case(iee_area, handle):
    account = _register(iee_area, handle)
    assert account.handle.lower().endswith("ieesonora")


def test_the_suffix_rule_applies_only_on_x(iee_area):
    account = services.account_register(actor=None, institution=iee_area.institution, area=iee_area,
                                         url="https://www.facebook.com/EducacionCivicaSonora", display_name="Cuenta",
                                         email="civica@ieesonora.org.mx")
    assert account.platform.slug == "facebook"
