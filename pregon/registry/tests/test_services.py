"""Registry services: policy invariants per preset (each refusal cites its clause) and one ledger event each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pregon.core.errors import InvalidTransition
from pregon.institutions.choices import EmploymentStatus
from pregon.ledger.models import Event
from pregon.registry import services
from pregon.registry.choices import AccountStatus, AdminRole, Kind, Tier
from pregon.registry.models import SocialAccount
from pregon.registry.services import RegistryError

pytestmark = pytest.mark.django_db


def _events() -> list[str]:
    return list(Event.objects.order_by("chain", "seq").values_list("action", flat=True))


def _register_a(area_a: Any, url: str = "https://www.facebook.com/RosaritoTurismo", **kw: Any) -> SocialAccount:
    defaults = {"display_name": "Turismo", "email": "turismo@rosarito.gob.mx"}
    defaults.update(kw)
    return services.account_register(actor=None, institution=area_a.institution, area=area_a, url=url, **defaults)


def test_register_canonicalises_and_writes_exactly_one_event(area_a):
    before = Event.objects.count()
    account = _register_a(area_a, url="https://m.facebook.com/RosaritoTurismo/?ref=x")
    assert (account.handle, account.url) == ("rosarioturismo".replace("rosario", "rosarito"), "https://www.facebook.com/rosaritoturismo")
    assert Event.objects.count() == before + 1
    assert Event.objects.order_by("-id").first().action == "account.registered"


def test_rosarito_refuses_a_non_institutional_email_citing_its_clause(area_a):
    with pytest.raises(RegistryError) as excinfo:
        _register_a(area_a, email="turismo.rosarito@gmail.com")
    assert "rosarito:10.3" in excinfo.value.message
    assert SocialAccount.objects.count() == 0


def test_rosarito_requires_the_domain_suffix_on_x(area_a):
    account = _register_a(area_a, url="https://x.com/RosaritoTurismo", email="turismo@rosarito.gob.mx")
    assert account.platform.slug == "x"


def test_iee_sonora_handle_rule_on_x(db):
    from pregon.institutions.tests.factories import AreaFactory, InstitutionFactory

    inst = InstitutionFactory(slug="iee-sonora", policy_preset="iee-sonora", timezone="America/Hermosillo", subdivision="SON")
    area = AreaFactory(institution=inst)
    with pytest.raises(RegistryError) as excinfo:
        services.account_register(actor=None, institution=inst, area=area, url="https://x.com/EducacionCivica",
                                  display_name="x", email="civica@ieesonora.org.mx")
    assert "iee-sonora:7.V" in excinfo.value.message
    services.account_register(actor=None, institution=inst, area=area, url="https://x.com/CivicaIEESonora",
                              display_name="x", email="civica@ieesonora.org.mx")


def test_pasto_refuses_an_alternate_instagram_citing_3_11(area_b):
    with pytest.raises(RegistryError) as excinfo:
        services.account_register(actor=None, institution=area_b.institution, area=area_b,
                                  url="https://instagram.com/transitopasto", display_name="Tránsito",
                                  tier=Tier.ALTERNATE, email="transito@pasto.gov.co")
    assert "pasto:3.11" in excinfo.value.message
    assert excinfo.value.code == "POLICY_PLATFORM"


def test_duplicate_open_account_is_refused_but_a_closed_one_frees_the_handle(area_a):
    account = _register_a(area_a)
    with pytest.raises(RegistryError) as excinfo:
        _register_a(area_a, url="facebook.com/rosaritoturismo")
    assert excinfo.value.code == "DUPLICATE_ACCOUNT"
    services.account_close(actor=None, account=account, reason="baja")
    again = _register_a(area_a, url="facebook.com/rosaritoturismo")
    assert again.pk != account.pk


def test_close_keeps_the_row_and_writes_one_event(area_a):
    account = _register_a(area_a)
    n = Event.objects.count()
    services.account_close(actor=None, account=account, reason="Ya no se usa")
    account.refresh_from_db()
    assert account.status == AccountStatus.CLOSED and account.closed_on is not None
    assert SocialAccount.objects.filter(pk=account.pk).exists()
    assert Event.objects.count() == n + 1 and _events()[-1] == "account.closed"


def test_set_status_follows_the_transition_table(area_a):
    account = _register_a(area_a)
    services.account_set_status(actor=None, account=account, status=AccountStatus.COMPROMISED, reason="secuestro")
    with pytest.raises(InvalidTransition):
        services.account_set_status(actor=None, account=account, status=AccountStatus.RECLASSIFIED_PERSONAL)
    account = services.account_set_status(actor=None, account=account, status=AccountStatus.ACTIVE)
    assert account.status == AccountStatus.ACTIVE


def test_reclassify_personal_changes_kind(area_a):
    account = _register_a(area_a)
    account = services.account_set_status(actor=None, account=account, status=AccountStatus.RECLASSIFIED_PERSONAL)
    assert account.kind == Kind.PERSONAL_SERVANT


def test_update_and_activity_write_one_event_each(area_a):
    account = _register_a(area_a)
    n = Event.objects.count()
    services.account_update(actor=None, account=account, display_name="Turismo Rosarito")
    services.account_activity_record(actor=None, account=account, on=dt.date(2026, 1, 10))
    assert Event.objects.count() == n + 2
    assert _events()[-2:] == ["account.updated", "account.activity_recorded"]


def test_rosarito_needs_two_administrators_and_a_medio_primary(area_a, officials_a):
    account = _register_a(area_a)
    with pytest.raises(RegistryError) as excinfo:
        services.administrator_assign(actor=None, account=account, official=officials_a["operativo"], role=AdminRole.PRIMARY)
    assert "rosarito:7" in excinfo.value.message and "medio" in excinfo.value.message
    n = Event.objects.count()
    services.administrator_assign(actor=None, account=account, official=officials_a["medio"], role=AdminRole.PRIMARY)
    assert Event.objects.count() == n + 1 and _events()[-1] == "administrator.assigned"
    codes = [v.code for v in services.administrators_validate(account)]
    assert codes == ["admin_count_low"]
    with pytest.raises(RegistryError):  # the same person cannot also be the suplente
        services.administrator_assign(actor=None, account=account, official=officials_a["medio"], role=AdminRole.ALTERNATE)
    services.administrator_assign(actor=None, account=account, official=officials_a["operativo"], role=AdminRole.ALTERNATE)
    assert services.administrators_validate(account) == []
    with pytest.raises(RegistryError) as excinfo:  # a third is over the count
        services.administrator_assign(actor=None, account=account, official=officials_a["medio2"], role=AdminRole.ALTERNATE)
    assert "rosarito:7" in excinfo.value.message


def test_administrator_of_another_institution_is_refused(area_a, officials_b):
    account = _register_a(area_a)
    with pytest.raises(RegistryError):
        services.administrator_assign(actor=None, account=account, official=officials_b["comms"], role=AdminRole.PRIMARY)


def test_pasto_one_administrator_with_employment_link(area_b, officials_b):
    account = services.account_register(actor=None, institution=area_b.institution, area=area_b,
                                        url="https://x.com/TransitoPasto", display_name="Tránsito", tier=Tier.ALTERNATE,
                                        email="transito@pasto.gov.co")
    official = officials_b["transit"]
    official.employment_status, official.employment_ended_on = EmploymentStatus.ENDED, dt.date(2026, 1, 1)
    official.save()
    with pytest.raises(RegistryError) as excinfo:
        services.administrator_assign(actor=None, account=account, official=official, role=AdminRole.PRIMARY)
    assert "pasto:3.15" in excinfo.value.message
    services.administrator_assign(actor=None, account=account, official=officials_b["comms"], role=AdminRole.PRIMARY)
    assert services.administrators_validate(account) == []


def test_pasto_facebook_alternate_without_a_comms_admin_is_flagged(area_b, officials_b):
    account = services.account_register(actor=None, institution=area_b.institution, area=area_b,
                                        url="https://www.facebook.com/TransitoPasto", display_name="Tránsito",
                                        tier=Tier.ALTERNATE, email="transito@pasto.gov.co")
    services.administrator_assign(actor=None, account=account, official=officials_b["transit"], role=AdminRole.PRIMARY)
    violations = services.administrators_validate(account)
    assert [v.code for v in violations] == ["admin_comms_missing"]
    assert "pasto:3.11" in violations[0].message
    services.administrator_assign(actor=None, account=account, official=officials_b["comms"], role=AdminRole.ALTERNATE)
    assert services.administrators_validate(account) == []


def test_ending_an_assignment_writes_one_event_and_breaks_the_count(area_a, officials_a):
    account = _register_a(area_a)
    primary = services.administrator_assign(actor=None, account=account, official=officials_a["medio"], role=AdminRole.PRIMARY)
    n = Event.objects.count()
    services.administrator_end(actor=None, administrator=primary, reason="cambio de adscripción")
    assert Event.objects.count() == n + 1 and _events()[-1] == "administrator.ended"
    assert "admin_count_low" in [v.code for v in services.administrators_validate(account)]


def test_access_review_lists_anyone_else_with_access(area_a, officials_a):
    account = _register_a(area_a)
    services.administrator_assign(actor=None, account=account, official=officials_a["medio"], role=AdminRole.PRIMARY)
    services.access_grant_record(actor=None, account=account, official=officials_a["medio"], reason="titular")
    grant = services.access_grant_record(actor=None, account=account, person_name="Agencia X", reason="diseño")
    findings = services.access_review(account=account)
    assert [(f.code, f.person) for f in findings] == [("access_not_allowed", "Agencia X")]
    assert "rosarito:7" in findings[0].message
    services.access_grant_revoke(actor=None, grant=grant)
    assert services.access_review(institution=area_a.institution) == []
