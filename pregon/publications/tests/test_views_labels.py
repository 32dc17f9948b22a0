"""No raw codes on the publication pages: the checker's categories and the platform export formats are shown in
words, handles with one @, and the times of the audit in the institution's zone (templatetags)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .conftest import fixture_bytes

PHONE_TEXT = "Llame a la señora Rosa al celular 664 123 4567."


def _url(name, institution):
    return reverse(f"publications:{name}", kwargs={"institution": institution.slug})


def test_review_names_the_category_in_words_not_the_rule_code(client, admin_a, account_a):
    client.force_login(admin_a)
    html = client.post(_url("review", account_a.institution), {"text": PHONE_TEXT}).content.decode()
    findings = html.split('<ol class="findings">', 1)[1].split("</ol>", 1)[0]
    assert "datos personales" in findings and 'data-rule="personal_data.phone"' in findings
    assert ">personal_data" not in findings and "<code>personal_data" not in findings


def test_review_in_english_names_the_category_in_english(client, admin_a, account_a):
    client.force_login(admin_a)
    client.cookies["django_language"] = "en"
    html = client.post(_url("review", account_a.institution), {"text": PHONE_TEXT}).content.decode()
    assert "personal data" in html.split('<ol class="findings">', 1)[1]


def test_the_import_result_names_the_export_format(client, admin_a, account_a):
    client.force_login(admin_a)
    name = "account_analytics_content_2026-02-14_2026-02-16.csv"
    html = client.post(_url("import", account_a.institution), {
        "account": str(account_a.public_id), "file": SimpleUploadedFile(name, fixture_bytes(name)),
    }).content.decode()
    assert "Formato X (Twitter): análisis de la cuenta, contenido" in html and "x_content" not in html


def test_a_youtube_handle_is_offered_with_one_at_sign(client, admin_a, account_a):
    from pregon.registry.models import Platform

    account_a.platform = Platform.objects.get(slug="youtube")
    account_a.handle = "@gobrosarito"
    account_a.url = "https://www.youtube.com/@gobrosarito"
    account_a.save()
    client.force_login(admin_a)
    html = client.get(_url("import", account_a.institution)).content.decode()
    assert "YouTube · @gobrosarito" in html and "@@" not in html
