"""checker_context_for fills the CheckContext from the institution's data; segments_of splits the text for <mark>."""

from __future__ import annotations

import datetime as dt

from pregon.checker import Finding
from pregon.checker.config import CATEGORIES
from pregon.institutions.tests.factories import AreaFactory, OfficialFactory
from pregon.publications.checking import checker_context_for, segments_of
from pregon.publications.choices import Category
from pregon.publications.models import Publication

NOW = dt.datetime(2026, 3, 1, 20, tzinfo=dt.UTC)


def test_context_has_the_institutions_domains_names_platform_and_recent_archive(account_a, django_assert_num_queries):
    area = AreaFactory(institution=account_a.institution, name="Dirección de Turismo")
    OfficialFactory(institution=account_a.institution, area=area, full_name="Héctor Lugo Aispuro")
    for n, days in enumerate((1, 6, 8)):
        Publication.objects.create(institution=account_a.institution, account=account_a, platform_post_id=str(n),
                                   text=f"Aviso {n}", published_at=NOW - dt.timedelta(days=days))
    with django_assert_num_queries(4):  # policy revision, officials, areas, archive
        ctx = checker_context_for(account_a.institution, account_a, NOW)
    assert ctx.own_domains == ("rosarito.gob.mx",)
    assert ctx.platform == "x" and ctx.now == NOW
    assert "Aispuro" in ctx.allow_words and "Turismo" in ctx.allow_words
    assert "Héctor Lugo Aispuro" in ctx.official_names
    assert [p.text for p in ctx.archive] == ["Aviso 0", "Aviso 1"]  # 8 days ago is outside rosarito's 7-day window
    assert ctx.archive[0].account == "@gobrosarito"


def test_context_never_includes_another_institutions_posts(account_a, account_b):
    Publication.objects.create(institution=account_b.institution, account=account_b, platform_post_id="b",
                               text="De Pasto", published_at=NOW - dt.timedelta(days=1))
    assert checker_context_for(account_a.institution, None, NOW).archive == ()


def test_segments_split_overlapping_findings_without_nesting():
    text = "abc def ghi"
    findings = [Finding("a.x", "style", "warn", 0, 7, "m", ()), Finding("b.y", "personal_data", "block", 4, 11, "m", ())]
    segments = segments_of(text, findings)
    assert [(s.text, s.findings, s.severity) for s in segments] == [
        ("abc ", (1,), "warn"), ("def", (1, 2), "block"), (" ghi", (2,), "block"),
    ]


def test_whole_text_findings_are_listed_but_not_highlighted():
    text = "Mensaje repetido"
    segments = segments_of(text, [Finding("spam.duplicate", "spam", "warn", 0, len(text), "m", ())])
    assert [(s.text, s.findings) for s in segments] == [(text, ())]


def test_category_choices_match_the_checkers_categories():
    assert tuple(Category.values) == CATEGORIES
