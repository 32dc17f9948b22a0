"""Pages: "Revisar publicación" (no-JS POST and htmx fragment), import, audit list and run; the access matrix of
each (the generic matrix in tests/test_permissions.py covers the rules; these cover object-level access)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pregon.ledger.models import Event
from pregon.publications.models import AuditFinding, AuditRun, Publication
from pregon.publications.services import audit_account

from .conftest import fixture_bytes

PHONE_TEXT = "Gracias por su reporte <vecino>, registramos su celular 664 123 4567 para darle seguimiento."
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, institution):
    return reverse(f"publications:{name}", kwargs={"institution": institution.slug})


# --- review -------------------------------------------------------------------------------------------------------


def test_review_without_javascript_renders_findings_with_the_span_highlighted(client, admin_a, account_a):
    client.force_login(admin_a)
    response = client.post(url("review", account_a.institution),
                           {"text": PHONE_TEXT, "account": str(account_a.public_id)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert '<mark class="finding-block">664 123 4567</mark>' in html
    assert "&lt;vecino&gt;" in html and "<vecino>" not in html  # the text is escaped
    assert "personal_data.phone" in html and "rosarito:9.3" in html
    assert "style=" not in html.split("<main", 1)[1]  # no inline styles (CSP)


def test_review_for_htmx_returns_only_the_findings_fragment(client, comms_a, account_a):
    client.force_login(comms_a)
    response = client.post(url("review", account_a.institution), {"text": PHONE_TEXT}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form method=\"post\" action=\"/i/" not in html
    assert '<mark class="finding-block">664 123 4567</mark>' in html


def test_review_page_wires_htmx_on_typing(client, comms_a, account_a):
    client.force_login(comms_a)
    html = client.get(url("review", account_a.institution)).content.decode()
    assert 'hx-trigger="keyup changed delay:400ms"' in html and 'hx-post="/i/rosarito/revisar/"' in html


def test_review_stores_nothing_and_the_auditor_may_check(client, auditor_a, account_a):
    client.force_login(auditor_a)
    events = Event.objects.count()
    response = client.post(url("review", account_a.institution), {"text": PHONE_TEXT})
    assert response.status_code == 200 and b"finding-block" in response.content
    assert Event.objects.count() == events


def test_review_refuses_a_too_long_text_with_a_clear_message(client, comms_a, account_a):
    client.force_login(comms_a)
    response = client.post(url("review", account_a.institution), {"text": "a " * 40_000})
    assert "el máximo que se revisa es" in response.content.decode()


def test_review_offers_the_consultation_prefilled_to_account_admins(client, admin_a, account_a):
    client.force_login(admin_a)
    html = client.post(url("review", account_a.institution),
                       {"text": PHONE_TEXT, "account": str(account_a.public_id)}).content.decode()
    assert "Consultar a Comunicación Social" in html
    assert reverse("procedures:consultation_create", kwargs={"institution": "rosarito"}) in html
    assert f'name="account" value="{account_a.pk}"' in html and 'name="preview"' in html


def test_review_has_no_consultation_button_where_the_policy_has_none(client, account_b, institution_b):
    from pregon.institutions.choices import Role
    from pregon.institutions.tests.factories import MembershipFactory, UserFactory

    user = UserFactory(username="admin_pasto")
    MembershipFactory(user=user, institution=institution_b, role=Role.ACCOUNT_ADMIN)
    client.force_login(user)
    html = client.post(url("review", institution_b), {"text": "Celular 310 456 7890 de la señora."}).content.decode()
    assert "finding-block" in html and "Consultar a Comunicación Social" not in html  # pasto: consultation disabled


def test_review_account_outside_the_users_accounts_is_an_invalid_choice(client, admin_a, account_b, institution_a):
    client.force_login(admin_a)
    response = client.post(url("review", institution_a), {"text": PHONE_TEXT, "account": str(account_b.public_id)})
    assert response.status_code == 200 and "finding-block" not in response.content.decode()


# --- import -------------------------------------------------------------------------------------------------------


def upload(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, fixture_bytes(name))


def test_import_page_imports_into_an_administered_account(client, admin_a, account_a):
    client.force_login(admin_a)
    response = client.post(url("import", account_a.institution), {
        "account": str(account_a.public_id), "file": upload("account_analytics_content_2026-02-14_2026-02-16.csv"),
    })
    assert response.status_code == 200
    assert Publication.objects.filter(account=account_a).count() == 3
    assert "3 nuevas" in response.content.decode()


def test_import_page_shows_every_bad_row_and_imports_nothing(client, comms_a, account_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(comms_a)
    bad = SimpleUploadedFile("malo.csv", b"id,fecha,texto\n1,ayer,Hola\n2,2026-02-01,Bien\n")
    html = client.post(url("import", account_a.institution),
                       {"account": str(account_a.public_id), "file": bad}).content.decode()
    assert "no se reconoce la fecha «ayer»" in html and "<td>2</td><td>fecha</td>" in html
    assert not Publication.objects.exists()


def test_account_admins_cannot_import_into_accounts_they_do_not_administer(client, admin_a, other_account_a):
    client.force_login(admin_a)
    response = client.post(url("import", other_account_a.institution), {
        "account": str(other_account_a.public_id), "file": upload("generic_en.csv"),
    })
    assert response.status_code == 200 and not Publication.objects.exists()  # not a valid choice


# --- audit --------------------------------------------------------------------------------------------------------


@pytest.fixture
def audited_a(account_a, comms_a):
    Publication.objects.create(institution=account_a.institution, account=account_a, platform_post_id="1",
                               text="Registramos su celular 664 123 4567.", published_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    return audit_account(account=account_a, actor=comms_a)


def test_audit_list_shows_findings_and_recommendations(client, comms_a, audited_a):
    client.force_login(comms_a)
    html = client.get(url("audit_list", audited_a.institution)).content.decode()
    assert "664 123 4567" in html and "Elimine la publicación" in html and "rosarito:10.8" in html


def test_audit_list_filters_by_category_and_severity(client, comms_a, audited_a):
    client.force_login(comms_a)
    base = url("audit_list", audited_a.institution)
    assert "Elimine la publicación" in client.get(base, {"categoria": "personal_data", "gravedad": "block"}).content.decode()
    html = client.get(base, {"categoria": "spam"}, **HTMX).content.decode()
    assert "Elimine la publicación" not in html and "<html" not in html


def test_audit_list_never_shows_another_institutions_runs(client, comms_b, audited_a, account_b):
    client.force_login(comms_b)
    html = client.get(url("audit_list", account_b.institution)).content.decode()
    assert "664 123 4567" not in html


def test_audit_list_query_count_does_not_grow_with_findings(client, comms_a, account_a, django_assert_max_num_queries):
    for n in range(30):
        Publication.objects.create(institution=account_a.institution, account=account_a, platform_post_id=str(n),
                                   text=f"Aviso {n}: celular 664 123 45{n:02d}.",
                                   published_at=dt.datetime(2026, 2, 1, n % 24, tzinfo=dt.UTC))
    audit_account(account=account_a, actor=comms_a)
    client.force_login(comms_a)
    with django_assert_max_num_queries(17) as captured:  # each list: count, page keys, rows
        response = client.get(url("audit_list", account_a.institution))
    html = response.content.decode()  # 58 findings (29 personal data, 28 spam), 50 a page, newest post first
    assert response.status_code == 200 and "Página 1 de 2" in html and html.count("finding-block") >= 25
    few = len(captured.captured_queries)
    audit_account(account=account_a, actor=comms_a)  # a second run: still the newest run only
    with django_assert_max_num_queries(few):
        client.get(url("audit_list", account_a.institution))


def test_audit_run_by_the_accounts_administrator(client, admin_a, account_a):
    client.force_login(admin_a)
    response = client.post(url("audit_run", account_a.institution), {"account": str(account_a.public_id)})
    assert response.status_code == 302 and str(account_a.public_id) in response.url
    assert AuditRun.objects.filter(account=account_a, run_by=admin_a).count() == 1


def test_audit_run_on_an_account_the_user_does_not_manage_is_404(client, admin_a, other_account_a, account_b):
    client.force_login(admin_a)
    for account in (other_account_a, account_b):
        response = client.post(url("audit_run", other_account_a.institution), {"account": str(account.public_id)})
        assert response.status_code == 404
    assert not AuditRun.objects.exists()


def test_audit_run_refuses_read_only_and_other_roles(client, auditor_a, it_a, account_a):
    for user in (auditor_a, it_a):
        client.force_login(user)
        assert client.post(url("audit_run", account_a.institution), {"account": str(account_a.public_id)}).status_code == 403
    assert not AuditFinding.objects.exists()


# --- the matrix for every page -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, method, allowed, refused", [
    ("review", "get", ["comms_a", "admin_a", "auditor_a"], ["it_a"]),
    ("import", "get", ["comms_a", "admin_a"], ["auditor_a", "it_a"]),
    ("audit_list", "get", ["comms_a", "admin_a", "auditor_a"], ["it_a"]),
    ("audit_run", "post", ["comms_a", "admin_a"], ["auditor_a", "it_a"]),
])
def test_access_matrix(client, request, account_a, account_b, name, method, allowed, refused):
    target = url(name, account_a.institution)
    call = getattr(client, method)
    response = call(target)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))  # anonymous
    client.force_login(request.getfixturevalue("admin_b"))  # another institution
    assert call(target).status_code == 404
    for persona in refused:
        client.force_login(request.getfixturevalue(persona))
        assert call(target).status_code == 403, persona
    for persona in allowed:
        client.force_login(request.getfixturevalue(persona))
        assert call(target).status_code in (200, 302), persona
