from __future__ import annotations

import datetime as dt

from pregon.checker import CheckContext
from pregon.checker.config import ElectoralPeriod

from ._helpers import rules, run, spans

PERIODS = (
    ElectoralPeriod(name="Proceso 2027", kind="campaign", starts_on=dt.date(2027, 4, 1), ends_on=dt.date(2027, 6, 2)),
    ElectoralPeriod(name="Veda", kind="blackout", starts_on=dt.date(2027, 6, 3), ends_on=dt.date(2027, 6, 6),
                    rules=("vote_call", "party")),
)
TEXT = "Inauguramos el parque con la alcaldesa Araceli Geraldo. Vota por Morena o el PAN, no por la morena."
CTX = dict(official_names=("Araceli Geraldo",))


def test_campaign_period_flags_propaganda_markers() -> None:
    f = run("electoral", TEXT, CheckContext(now=dt.datetime(2027, 5, 1), **CTX), electoral_periods=PERIODS)
    assert rules(f) == ["electoral.achievement", "electoral.official_name", "electoral.vote_call",
                        "electoral.party", "electoral.party"]
    assert spans(TEXT, f) == ["Inauguramos", "Araceli Geraldo", "Vota por", "Morena", "PAN"]
    assert "campaña electoral «Proceso 2027»" in f[0].message


def test_blackout_runs_only_its_rules() -> None:
    f = run("electoral", TEXT, CheckContext(now=dt.datetime(2027, 6, 4), **CTX), electoral_periods=PERIODS)
    assert set(rules(f)) == {"electoral.vote_call", "electoral.party"}


def test_outside_the_periods_nothing_is_flagged() -> None:
    assert run("electoral", TEXT, CheckContext(now=dt.datetime(2027, 7, 1), **CTX), electoral_periods=PERIODS) == []
    assert run("electoral", TEXT, CheckContext(**CTX), electoral_periods=PERIODS) == []
