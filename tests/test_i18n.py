"""English is really available: the English catalogue is complete, its placeholders match the Spanish source, and
the pages render in English when the user chose English (the language cookie written by the switcher).

The source language is Spanish (the msgids); pregon/locale/en/LC_MESSAGES/django.po holds the English. The .mo files
are compiled by `make` (`manage.py compilemessages`); after adding strings run `make messages` and translate them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from pregon.institutions.choices import Role
from pregon.procedures.models.consultation import ConsultationStatus

EN_PO = Path(settings.BASE_DIR) / "pregon" / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%(?:\([A-Za-z_0-9]+\))?[-#0 +]*\d*(?:\.\d+)?[sdfir]")

# (Spanish nav label, English nav label) of the main navigation (pregon/navigation.py)
NAV = [
    ("Inicio", "Home"),
    ("Cuentas", "Accounts"),
    ("Trámites", "Procedures"),
    ("Revisar publicación", "Check a post"),
    ("Bandeja", "Inbox"),
    ("Mis pendientes", "My pending items"),
    ("Salir", "Log out"),
]


def _unquote(line: str) -> str:
    return line[line.index('"') + 1 : line.rindex('"')]


def po_entries(path: Path) -> list[dict[str, object]]:
    """A tiny .po reader: [{"msgid", "msgid_plural", "msgstr": [..], "fuzzy"}] (the header entry excluded)."""
    entries: list[dict[str, object]] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        current = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            if line.startswith("#") or not line.strip():
                continue
            if line.startswith('"'):
                if current is not None:
                    fields[current] += _unquote(line)
                continue
            current = line.split(" ", 1)[0]
            fields[current] = _unquote(line)
        if fields.get("msgid"):
            strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            entries.append({"msgid": fields["msgid"], "msgid_plural": fields.get("msgid_plural"), "msgstr": strs,
                            "fuzzy": fuzzy})
    return entries


def test_the_english_catalogue_has_no_empty_or_fuzzy_entry():
    entries = po_entries(EN_PO)
    assert len(entries) > 500
    empty = [e["msgid"] for e in entries if any(s == "" for s in e["msgstr"])]  # type: ignore[union-attr]
    fuzzy = [e["msgid"] for e in entries if e["fuzzy"]]
    assert not empty, f"{len(empty)} untranslated English entries (run `make messages` and translate): {empty[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy English entries (check and remove `#, fuzzy`): {fuzzy[:10]}"


def test_english_placeholders_match_the_spanish_source():
    wrong = []
    for e in po_entries(EN_PO):
        strs: list[str] = e["msgstr"]  # type: ignore[assignment]
        sources = [e["msgid"], e["msgid_plural"] or e["msgid"]]
        for i, translated in enumerate(strs):
            if sorted(PLACEHOLDER.findall(translated)) != sorted(PLACEHOLDER.findall(str(sources[min(i, 1)]))):
                wrong.append((e["msgid"], translated))
    assert not wrong, wrong[:10]


def test_key_strings_translate_to_english():
    with translation.override("en"):
        assert gettext("Entrar a Pregón") == "Log in to Pregón"
        assert gettext("Contraseña") == "Password"
        for spanish, english in NAV:
            assert gettext(spanish) == english
        assert str(Role.COMMS.label) == "Communications"
        assert str(Role.IT.label) == "IT"
        assert str(Role.AREA_HEAD.label) == "Area head"
        assert str(ConsultationStatus.REJECTED.label) == "not approved"
        assert str(ConsultationStatus.SUBMITTED.label) == "awaiting response"
    with translation.override("es-mx"):  # Spanish stays the source
        assert str(Role.COMMS.label) == "Comunicación Social"


def test_placeholders_survive_translation():
    with translation.override("en"):
        assert gettext("Se registró a %(name)s.") % {"name": "Ana Ruiz"} == "Ana Ruiz was registered."
        assert gettext("La cuenta %(handle)s de %(platform)s ya está registrada (%(institution)s).") % {
            "handle": "@rosarito", "platform": "X", "institution": "Rosarito"
        } == "The X account @rosarito is already registered (Rosarito)."
        one = ngettext("%(n)s aviso sin leer.", "%(n)s avisos sin leer.", 1) % {"n": 1}
        many = ngettext("%(n)s aviso sin leer.", "%(n)s avisos sin leer.", 3) % {"n": 3}
        assert (one, many) == ("1 unread notice.", "3 unread notices.")


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_the_login_page_in_english(client):
    html = _english(client).get(reverse("login")).content.decode()
    assert '<html lang="en">' in html
    assert "Log in to Pregón" in html and "Password" in html
    assert "Contraseña" not in html and "Entrar a Pregón" not in html


@pytest.mark.django_db
def test_the_home_page_in_english_has_english_navigation(client, comms_a):
    client.force_login(comms_a)
    response = _english(client).get(reverse("home"))
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    nav = html[html.index('class="site-nav"') : html.index("</nav>", html.index('class="site-nav"'))]
    for spanish, english in NAV:
        assert f">{english}<" in nav, english
        assert f">{spanish}<" not in nav, spanish
    assert "Communications" in html and "Comunicación Social" not in html


@pytest.mark.django_db
def test_pages_render_in_english(client, comms_a, institution_a):
    client.force_login(comms_a)
    _english(client)
    slug = institution_a.slug
    expected = {
        reverse("institutions:detail", args=[slug]): "Areas",
        reverse("registry:account_list", args=[slug]): "Account inventory",
        reverse("procedures:index", args=[slug]): "Procedures",
        reverse("pending:list", args=[]): "My pending items",
    }
    for url, text in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
