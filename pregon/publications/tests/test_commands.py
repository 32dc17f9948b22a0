"""The management commands: publications_import and publications_audit."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pregon.publications.models import AuditRun, Publication

from .conftest import FIXTURES


def test_publications_import_by_handle_then_again_changes_nothing(account_a):
    path = str(FIXTURES / "account_analytics_content_2026-02-14_2026-02-16.csv")
    out = StringIO()
    call_command("publications_import", path, institution="rosarito", account="@gobrosarito", stdout=out)
    assert "3 publicaciones nuevas" in out.getvalue()
    out = StringIO()
    call_command("publications_import", path, institution="rosarito", account=str(account_a.public_id), stdout=out)
    assert "0 publicaciones nuevas, 3 ya archivadas" in out.getvalue()
    assert Publication.objects.count() == 3


def test_publications_import_reports_bad_rows(account_a, tmp_path):
    bad = tmp_path / "malo.csv"
    bad.write_bytes(b"id,fecha,texto\n1,ayer,Hola\n")
    err = StringIO()
    with pytest.raises(CommandError, match="Fila 2"):
        call_command("publications_import", str(bad), institution="rosarito", account="gobrosarito", stderr=err)
    assert "fila 2, fecha" in err.getvalue()


def test_publications_import_unknown_account(institution_a):
    with pytest.raises(CommandError, match="No existe la cuenta"):
        call_command("publications_import", "x.csv", institution="rosarito", account="nadie")


def test_publications_audit_every_account_with_posts(account_a, other_account_a):
    call_command("publications_import", str(FIXTURES / "account_analytics_content_2026-02-14_2026-02-16.csv"),
                 institution="rosarito", account="gobrosarito", stdout=StringIO())
    out = StringIO()
    call_command("publications_audit", institution="rosarito", stdout=out)
    assert "@gobrosarito" in out.getvalue() and "1 con observaciones" in out.getvalue()
    assert list(AuditRun.objects.values_list("account", flat=True)) == [account_a.pk]
