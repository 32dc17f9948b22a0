"""Shared argument handling of the publications commands (institution slug, account id)."""

from __future__ import annotations

import uuid

from django.core.management.base import CommandError

from pregon.institutions.models import Institution
from pregon.registry.models import SocialAccount


def institution_of(slug: str) -> Institution:
    try:
        return Institution.objects.get(slug=slug)
    except Institution.DoesNotExist:
        raise CommandError(f"No existe la institución «{slug}».") from None


def account_of(institution: Institution, ident: str) -> SocialAccount:
    """An account of the institution by its public id (UUID) or its handle (with or without @)."""
    accounts = SocialAccount.objects.filter(institution=institution).select_related("institution", "platform")
    try:
        found = list(accounts.filter(public_id=uuid.UUID(ident)))
    except ValueError:
        found = list(accounts.filter(handle__iexact=ident.lstrip("@")))
    if not found:
        raise CommandError(f"No existe la cuenta «{ident}» en {institution.slug}.")
    if len(found) > 1:
        raise CommandError(f"Hay varias cuentas «{ident}» en {institution.slug}: use su identificador público (UUID).")
    return found[0]
