"""factory_boy factories for the institutions app. They write rows directly (no services, no ledger events):
use them to arrange a test, and call the services when the service itself is under test."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from pregon.institutions.choices import Rank, Role
from pregon.institutions.models import Area, ElectoralPeriod, Institution, Membership, NonWorkingDay, Official


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"usuario{n}")
    first_name = factory.Faker("first_name", locale="es_MX")
    last_name = factory.Faker("last_name", locale="es_MX")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gob.mx")
    password = factory.django.Password("contraseña-de-prueba-123")


class InstitutionFactory(DjangoModelFactory):
    """A Mexican municipality following the Rosarito preset unless told otherwise."""

    class Meta:
        model = Institution
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"municipio-{n}")
    name = factory.LazyAttribute(lambda i: f"H. Ayuntamiento de {i.slug.title()}")
    short_name = factory.LazyAttribute(lambda i: i.slug.title())
    country = "MX"
    subdivision = "BCN"
    timezone = "America/Tijuana"
    policy_preset = "rosarito"


class AreaFactory(DjangoModelFactory):
    """An area directly under the institution's head area (created on demand)."""

    class Meta:
        model = Area

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Dirección {n}")
    parent = factory.LazyAttribute(
        lambda a: Area.objects.filter(institution=a.institution, parent=None).first()
        or Area.objects.create(institution=a.institution, name="Presidencia Municipal", level=0)
    )
    level = factory.LazyAttribute(lambda a: a.parent.level + 1 if a.parent else 0)


class OfficialFactory(DjangoModelFactory):
    class Meta:
        model = Official

    institution = factory.SubFactory(InstitutionFactory)
    area = factory.SubFactory(AreaFactory, institution=factory.SelfAttribute("..institution"))
    full_name = factory.Faker("name", locale="es_MX")
    email = factory.Sequence(lambda n: f"servidor{n}@example.gob.mx")
    position_title = "Jefe de Departamento"
    rank = Rank.MEDIO


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    institution = factory.SubFactory(InstitutionFactory)
    role = Role.COMMS


class NonWorkingDayFactory(DjangoModelFactory):
    class Meta:
        model = NonWorkingDay

    institution = factory.SubFactory(InstitutionFactory)
    date = factory.Sequence(lambda n: dt.date(2026, 1, 5) + dt.timedelta(days=n))
    reason = "Día inhábil"
    source = "acuerdo anual 2026"


class ElectoralPeriodFactory(DjangoModelFactory):
    class Meta:
        model = ElectoralPeriod

    institution = factory.SubFactory(InstitutionFactory)
    name = "Proceso electoral local 2026-2027"
    starts_on = dt.date(2026, 9, 1)
    ends_on = dt.date(2027, 6, 30)
