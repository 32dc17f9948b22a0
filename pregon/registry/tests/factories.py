"""Factories of the registry (rows written directly: use them to arrange, call services when they are under test)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from pregon.institutions.tests.factories import AreaFactory, InstitutionFactory
from pregon.registry.choices import AccountStatus, Kind, Tier
from pregon.registry.models import Platform, SocialAccount


class SocialAccountFactory(DjangoModelFactory):
    class Meta:
        model = SocialAccount

    institution = factory.SubFactory(InstitutionFactory)
    area = factory.SubFactory(AreaFactory, institution=factory.SelfAttribute("..institution"))
    platform = factory.LazyFunction(lambda: Platform.objects.get(slug="facebook"))
    handle = factory.Sequence(lambda n: f"cuenta{n:04d}")
    url = factory.LazyAttribute(lambda a: a.platform.rules.url_template.format(handle=a.handle))
    display_name = factory.LazyAttribute(lambda a: a.handle.title())
    tier = Tier.MAIN
    kind = Kind.OFFICIAL
    status = AccountStatus.ACTIVE
