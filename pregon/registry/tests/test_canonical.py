"""The canonicaliser: one account however it is pasted; platform pages, other hosts and bad handles refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pregon.registry.canonical import CanonicalError, PlatformRules, identify

PLATFORMS = [
    PlatformRules.from_mapping(p)
    for p in json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "platforms.json").read_text("utf-8"))
]
BY_SLUG = {p.slug: p for p in PLATFORMS}

ACCEPTED = [
    # (raw, chosen platform, platform, handle, url)
    ("https://x.com/AlcaldiaPasto/", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("twitter.com/alcaldiapasto", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("@alcaldiapasto", "x", "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("alcaldiapasto", "x", "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("www.twitter.com/alcaldiapasto", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("https://mobile.twitter.com/AlcaldiaPasto?lang=es", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("http://twitter.com/#!/AlcaldiaPasto", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("https://x.com/AlcaldiaPasto/status/123456", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("HTTPS://X.COM/AlcaldiaPasto#top", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("  <https://x.com/alcaldiapasto>  ", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
    ("www.facebook.com/alcaldiapasto", None, "facebook", "alcaldiapasto", "https://www.facebook.com/alcaldiapasto"),
    ("https://m.facebook.com/AlcaldiaPasto/", None, "facebook", "alcaldiapasto", "https://www.facebook.com/alcaldiapasto"),
    ("https://web.facebook.com/alcaldia.pasto?ref=bookmarks", None, "facebook", "alcaldia.pasto", "https://www.facebook.com/alcaldia.pasto"),
    ("https://www.facebook.com/profile.php?id=100064753", None, "facebook", "100064753", "https://www.facebook.com/100064753"),
    ("https://fb.com/alcaldiapasto", None, "facebook", "alcaldiapasto", "https://www.facebook.com/alcaldiapasto"),
    ("https://www.facebook.com/pg/alcaldiapasto/posts/", None, "facebook", "alcaldiapasto", "https://www.facebook.com/alcaldiapasto"),
    ("www.instagram.com/alcaldiapasto", None, "instagram", "alcaldiapasto", "https://www.instagram.com/alcaldiapasto"),
    ("https://instagram.com/Alcaldia_Pasto/?hl=es", None, "instagram", "alcaldia_pasto", "https://www.instagram.com/alcaldia_pasto"),
    ("@alcaldia.pasto", "instagram", "instagram", "alcaldia.pasto", "https://www.instagram.com/alcaldia.pasto"),
    ("www.youtube.com/c/MunicipiodePastoalcaldia/", None, "youtube", "c/municipiodepastoalcaldia",
     "https://www.youtube.com/c/municipiodepastoalcaldia"),
    ("https://www.youtube.com/@INEMexico", None, "youtube", "@inemexico", "https://www.youtube.com/@inemexico"),
    ("https://m.youtube.com/user/IFETV/videos", None, "youtube", "user/ifetv", "https://www.youtube.com/user/ifetv"),
    ("https://www.youtube.com/channel/UCabcDEF_123-xyz", None, "youtube", "channel/UCabcDEF_123-xyz",
     "https://www.youtube.com/channel/UCabcDEF_123-xyz"),
    ("@INEMexico", "youtube", "youtube", "@inemexico", "https://www.youtube.com/@inemexico"),
    ("https://www.tiktok.com/@alcaldiapasto?lang=es", None, "tiktok", "alcaldiapasto", "https://www.tiktok.com/@alcaldiapasto"),
    ("https://www.threads.net/@alcaldiapasto", None, "threads", "alcaldiapasto", "https://www.threads.com/@alcaldiapasto"),
    ("https://www.linkedin.com/company/alcaldia-de-pasto/about/", None, "linkedin", "company/alcaldia-de-pasto",
     "https://www.linkedin.com/company/alcaldia-de-pasto"),
    ("alcaldia-de-pasto", "linkedin", "linkedin", "company/alcaldia-de-pasto", "https://www.linkedin.com/company/alcaldia-de-pasto"),
    ("https://bsky.app/profile/alcaldiapasto.bsky.social", None, "bluesky", "alcaldiapasto.bsky.social",
     "https://bsky.app/profile/alcaldiapasto.bsky.social"),
    ("@alcaldiapasto.bsky.social", "bluesky", "bluesky", "alcaldiapasto.bsky.social",
     "https://bsky.app/profile/alcaldiapasto.bsky.social"),
    ("https://whatsapp.com/channel/0029VaABCdefGHIjkl12", None, "whatsapp", "0029VaABCdefGHIjkl12",
     "https://whatsapp.com/channel/0029VaABCdefGHIjkl12"),
    ("https://t.me/s/alcaldiapasto", None, "telegram", "alcaldiapasto", "https://t.me/alcaldiapasto"),
    ("telegram.me/AlcaldiaPasto", None, "telegram", "alcaldiapasto", "https://t.me/alcaldiapasto"),
    ("https://x.com:443/alcaldiapasto", None, "x", "alcaldiapasto", "https://x.com/alcaldiapasto"),
]

REFUSED = [
    ("https://x.com/home", None, "no una cuenta"),
    ("https://x.com/i/lists/123", None, "no una cuenta"),
    ("https://www.facebook.com/groups/123", None, "no una cuenta"),
    ("https://www.facebook.com/watch/?v=1", None, "no una cuenta"),
    ("https://www.instagram.com/p/Cx123/", None, "no una cuenta"),
    ("https://www.youtube.com/watch?v=abc", None, "no una cuenta"),
    ("https://evil.example/alcaldiapasto", None, "no corresponde a ninguna red social"),
    ("https://youtu.be/abc", None, "no corresponde a ninguna red social"),
    ("https://x.com.evil.example/alcaldiapasto", None, "no corresponde a ninguna red social"),
    ("https://facebook.com@evil.example/alcaldiapasto", None, "credenciales"),
    ("javascript:alert(1)", None, "sólo se admiten http y https"),
    ("ftp://x.com/alcaldiapasto", None, "sólo se admiten http y https"),
    ("www.facebook.com", None, "página de inicio"),
    ("https://x.com/", None, "página de inicio"),
    ("@alcaldiapasto", None, "elija la red social"),
    ("", None, "Escriba la dirección"),
    ("   ", None, "Escriba la dirección"),
    ("@alcaldia pasto", "x", "espacios"),
    ("@alcaldía", "x", "no es válido"),
    ("@esteusuarioesdemasiadolargo", "x", "entre 1 y 15"),
    ("@abc", "facebook", "entre 5 y 50"),
    ("https://www.facebook.com/profile.php", None, "falta «id=»"),
    ("https://x.com/alcaldiapasto", "facebook", "es de X (Twitter), pero se eligió Facebook"),
    ("https://fаcebook.com/alcaldiapasto", None, "no latinos"),
    ("https://x.com/alcaldia%20pasto", None, "no es válido"),
]


@pytest.mark.parametrize(("raw", "chosen", "platform", "handle", "url"), ACCEPTED)
def test_every_spelling_of_an_account_gives_one_canonical_form(raw, chosen, platform, handle, url):
    found = identify(raw, PLATFORMS, BY_SLUG.get(chosen) if chosen else None)
    assert (found.platform.slug, found.handle, found.url) == (platform, handle, url)


@pytest.mark.parametrize(("raw", "chosen", "message"), REFUSED)
def test_unknown_malformed_or_non_account_addresses_are_refused_with_a_clear_message(raw, chosen, message):
    with pytest.raises(CanonicalError) as excinfo:
        identify(raw, PLATFORMS, BY_SLUG.get(chosen) if chosen else None)
    assert message in excinfo.value.message


def test_the_table_has_at_least_forty_cases():
    assert len(ACCEPTED) + len(REFUSED) >= 40


def test_the_three_spellings_in_the_issue_are_one_account():
    forms = {identify(raw, PLATFORMS, BY_SLUG["x"]).url for raw in ("https://x.com/AlcaldiaPasto/", "twitter.com/alcaldiapasto", "@alcaldiapasto")}
    assert forms == {"https://x.com/alcaldiapasto"}
