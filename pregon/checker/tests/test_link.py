from __future__ import annotations

from pregon.checker import CheckContext

from ._helpers import rules, run, spans

CTX = CheckContext(own_domains=("rosarito.gob.mx",))


def test_foreign_domain_and_shortener_are_flagged_with_exact_spans() -> None:
    text = "Nota en https://www.eluniversal.com.mx/estados/nota.html, resumen en bit.ly/3abc."
    f = run("link", text, CTX)
    assert rules(f) == ["link.foreign_domain", "link.shortener"]
    assert spans(text, f) == ["https://www.eluniversal.com.mx/estados/nota.html", "bit.ly/3abc"]


def test_own_domains_and_subdomains_are_allowed() -> None:
    assert run("link", "Requisitos: https://tramites.rosarito.gob.mx/becas y www.rosarito.gob.mx", CTX) == []
    assert run("link", "Ver https://ieesonora.org.mx", allowed_link_domains=("ieesonora.org.mx",)) == []


def test_without_an_allow_list_only_shorteners_are_flagged() -> None:
    assert rules(run("link", "Ver https://ejemplo.com y tinyurl.com/x")) == ["link.shortener"]


def test_press_note_needs_the_official_link() -> None:
    text = "Lee el boletín de prensa sobre la sesión del Consejo."
    f = run("link", text, CTX)
    assert rules(f) == ["link.press_note_without_link"] and spans(text, f) == ["boletín de prensa"]
    assert run("link", text + " https://rosarito.gob.mx/boletines/15", CTX) == []


def test_email_addresses_are_not_links() -> None:
    assert run("link", "Escríbenos a atencion@rosarito.gob.mx o contacto@gmail.com", CTX) == []
