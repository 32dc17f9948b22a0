"""Model-level validation: time zones, constraints with Spanish messages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from pregon.institutions.models import ElectoralPeriod, Official, validate_timezone
from pregon.institutions.tests.factories import InstitutionFactory, OfficialFactory


@pytest.mark.parametrize("zone", ["America/Tijuana", "America/Bogota", "America/Mexico_City"])
def test_iana_time_zones_are_accepted(zone: str) -> None:
    validate_timezone(zone)


@pytest.mark.parametrize("zone", ["America/Rosarito", "GMT-8", "", "../etc/passwd", "hora del centro"])
def test_unknown_time_zones_are_refused_with_a_clear_message(zone: str) -> None:
    with pytest.raises(ValidationError, match="zona horaria IANA"):
        validate_timezone(zone)


@pytest.mark.django_db
def test_institution_full_clean_refuses_an_unknown_time_zone() -> None:
    institution = InstitutionFactory.build(timezone="Mexico/Rosarito")
    with pytest.raises(ValidationError) as excinfo:
        institution.full_clean()
    assert "timezone" in excinfo.value.message_dict


@pytest.mark.django_db
def test_inverted_electoral_period_is_refused_by_its_constraint() -> None:
    period = ElectoralPeriod(
        institution=InstitutionFactory(), name="Al revés", starts_on=dt.date(2027, 1, 1), ends_on=dt.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError, match="terminar antes de empezar"):
        period.full_clean()


@pytest.mark.django_db
def test_an_ended_official_needs_an_end_date() -> None:
    official: Official = OfficialFactory()
    official.employment_status = "ended"
    with pytest.raises(ValidationError, match="fecha de baja"):
        official.full_clean()
