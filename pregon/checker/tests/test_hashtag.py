from __future__ import annotations

import datetime as dt

from pregon.checker import Campaign, CheckContext
from pregon.checker.config import CampaignSetting

from ._helpers import rules, run, spans

NOW = dt.datetime(2027, 3, 10, 9)
CAMPAIGN = Campaign("#VacunaRosarito", dt.date(2027, 3, 1), dt.date(2027, 3, 31))


def test_missing_campaign_hashtag_is_flagged_at_the_end() -> None:
    text = "Vacúnate este sábado."
    f = run("hashtag", text, CheckContext(now=NOW, campaigns=(CAMPAIGN,)))
    assert rules(f) == ["hashtag.missing_campaign"]
    assert (f[0].start, f[0].end) == (len(text), len(text)) and "#VacunaRosarito" in f[0].message


def test_present_hashtag_any_case_or_accent_is_enough() -> None:
    assert run("hashtag", "Vacúnate #vacunarosarito", CheckContext(now=NOW, campaigns=(CAMPAIGN,))) == []


def test_campaign_outside_its_dates_or_without_a_date_is_not_required() -> None:
    assert run("hashtag", "Vacúnate", CheckContext(now=dt.datetime(2027, 5, 1), campaigns=(CAMPAIGN,))) == []
    assert run("hashtag", "Vacúnate", CheckContext(campaigns=(CAMPAIGN,))) == []


def test_campaigns_from_the_policy_count_too() -> None:
    setting = CampaignSetting(hashtag="ConsultaInfantil", starts_on=dt.date(2027, 3, 1), ends_on=dt.date(2027, 3, 20))
    assert rules(run("hashtag", "Participa", CheckContext(now=NOW), campaigns=(setting,))) == ["hashtag.missing_campaign"]


def test_malformed_hashtags() -> None:
    text = "Hoy # salud y #Vacuna-COVID y ##Rosarito y #2027"
    f = run("hashtag", text)
    assert set(rules(f)) == {"hashtag.malformed"}
    assert spans(text, f) == ["# salud", "#Vacuna-COVID", "##Rosarito", "#2027"]


def test_well_formed_hashtags_and_url_fragments_are_fine() -> None:
    assert run("hashtag", "Somos el #1 en #Transparencia. Ver https://rosarito.gob.mx/#/avisos") == []
