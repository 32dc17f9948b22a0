"""Every preset loads; bad presets and overrides are refused naming the field and the reason."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pregon.policy import POLICY_CHOICE, PolicyError, check_all, load_preset, loader, preset_names, resolve
from pregon.policy.render import diff, rows

PRESETS = ["guadalajara", "iee-sonora", "ine", "pasto", "rosarito"]


def test_the_five_seed_norms_have_a_preset():
    assert preset_names() == PRESETS


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_loads_and_cites_its_own_norm(name):
    policy = load_preset(name)
    assert policy.meta.name == name
    cited = {ref for _, _, clauses in rows(policy) for ref in clauses}
    own = {ref for ref in cited if ref.startswith(f"{name}:")}
    assert own, f"{name} cites none of its own clauses"
    foreign = {ref for ref in cited if ref.split(":")[0] not in (name, POLICY_CHOICE.split(":")[0])}
    assert not foreign, f"{name} cites other norms: {foreign}"


def test_check_all_reports_no_problem():
    assert check_all() == []


def test_norm_differences_are_parameters():
    rosarito, iee, pasto, ine = (load_preset(n) for n in ("rosarito", "iee-sonora", "pasto", "ine"))
    assert str(rosarito.consultation.deadline) == "3 business_days"
    assert rosarito.consultation.silence_outcome == "rejected"
    assert str(iee.consultation.deadline) == "5 calendar_days"
    assert rosarito.opening.technical_opinion_required and rosarito.opening.technical_opinion_by == "it"
    assert not iee.opening.technical_opinion_required
    assert rosarito.moderation.blocking_allowed and rosarito.moderation.block_notify == ("it",)
    assert not pasto.moderation.blocking_allowed
    assert rosarito.closure.content_action == "delete" and pasto.closure.content_action == "preserve"
    assert pasto.platforms.allowed_alternate == ("facebook", "x")
    assert rosarito.administrators.count == 2 and rosarito.administrators.primary_min_rank == "medio"
    assert pasto.administrators.count == 1
    assert ine.calendar.electoral_all_business
    assert str(ine.evaluation.evaluation_deadline) == "10 business_days"
    assert str(ine.evaluation.correction_deadline) == "2 business_days"
    assert ine.evaluation.escalation == ("area_head", "committee")
    assert load_preset("guadalajara").personal_accounts.max_levels_below_head == 4


def test_unknown_preset_is_refused_with_the_known_names():
    with pytest.raises(PolicyError, match="preset desconocido 'tijuana'.*rosarito"):
        load_preset("tijuana")


def test_override_changes_only_what_differs():
    policy = resolve(
        "rosarito",
        {"consultation": {"deadline": "4 business_days", "clauses": {"deadline": ["pregon:choice"]}}},
    )
    assert str(policy.consultation.deadline) == "4 business_days"
    assert policy.consultation.silence_outcome == "rejected"
    assert policy.consultation.clauses_for("silence_outcome") == ("rosarito:9.7",)
    assert policy.version != load_preset("rosarito").version


@pytest.mark.parametrize(
    ("overrides", "field", "reason"),
    [
        ({"consultation": {"deadlin": "3 business_days"}}, "consultation.deadlin", "campo desconocido"),
        ({"nonexistent": {}}, "nonexistent", "campo desconocido"),
        ({"calendar": {"timezone": "America/Atlantis"}}, "calendar.timezone", "no existe"),
        ({"consultation": {"deadline": "tres días"}}, "consultation.deadline", "duración inválida"),
        ({"consultation": {"deadline": "3 fortnights"}}, "consultation.deadline", "unidad desconocida"),
        ({"administrators": {"primary_min_rank": "general"}}, "administrators.primary_min_rank", "superior"),
        ({"calendar": {"office_start": "18:00:00", "office_end": "09:00:00"}}, "calendar", "office_end"),
        ({"consultation": {"clauses": {"deadline": ["9.7"]}}}, "consultation", "cláusula mal escrita"),
        ({"identity": {"email_domains": ["No Es Dominio"]}}, "identity.email_domains", "dominio inválido"),
    ],
)
def test_bad_override_names_the_field_and_the_reason(overrides, field, reason):
    with pytest.raises(PolicyError) as info:
        resolve("rosarito", overrides)
    message = str(info.value)
    assert field in message and reason in message, message
    assert any(e["field"].startswith(field) for e in info.value.errors)


def test_changed_value_without_a_clause_is_refused():
    data = loader.preset_data("pasto")
    del data["closure"]["clauses"]["content_action"]
    with pytest.raises(PolicyError, match="sin cláusula de origen para: content_action"):
        loader._validate(data, "preset pasto")


def test_malformed_toml_is_refused(tmp_path, monkeypatch):
    (tmp_path / "roto.toml").write_text("[meta\nname = 'roto'", encoding="utf-8")
    monkeypatch.setattr(loader, "PRESETS_DIR", tmp_path)
    loader._preset_data_cached.cache_clear()
    loader.load_preset.cache_clear()
    try:
        with pytest.raises(PolicyError, match="roto.toml: TOML mal formado"):
            loader.load_preset("roto")
        assert check_all() and "TOML mal formado" in check_all()[0]
    finally:
        loader._preset_data_cached.cache_clear()
        loader.load_preset.cache_clear()


def test_diff_lists_the_consultation_deadline_and_blocking():
    changed = {key for key, *_ in diff(load_preset("rosarito"), load_preset("pasto"))}
    assert {"consultation.enabled", "moderation.blocking_allowed", "closure.content_action"} <= changed
    assert not diff(load_preset("ine"), load_preset("ine"))


def _pregon(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pregon.cli", *args], capture_output=True, text=True, check=False, timeout=60
    )


@pytest.mark.parametrize("name", PRESETS)
def test_cli_show_prints_every_clause_referenced_field(name):
    result = _pregon("policy", "show", name)
    assert result.returncode == 0, result.stderr
    printed: dict[str, str] = {}
    section = ""
    for line in result.stdout.splitlines():
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif line.startswith("  ") and section:
            printed[f"{section}.{line.split()[0]}"] = line
    expected = [(dotted, clauses) for dotted, _, clauses in rows(load_preset(name)) if clauses]
    assert len(expected) > 10
    for dotted, clauses in expected:
        assert ", ".join(clauses) in printed[dotted], dotted


def test_cli_diff_and_errors():
    result = _pregon("policy", "diff", "rosarito", "iee-sonora")
    assert result.returncode == 0
    assert "consultation.deadline" in result.stdout and "iee-sonora:6.VIII" in result.stdout
    bad = _pregon("policy", "show", "atlantis")
    assert bad.returncode == 2 and "preset desconocido" in bad.stderr


def test_cli_show_with_an_overrides_file(tmp_path):
    good = tmp_path / "ok.toml"
    good.write_text('[consultation]\ndeadline = "2 business_days"\n[consultation.clauses]\ndeadline = ["pregon:choice"]\n')
    result = _pregon("policy", "show", "rosarito", "--overrides", str(good))
    assert result.returncode == 0 and "2 business_days" in result.stdout
    broken = tmp_path / "bad.toml"
    broken.write_text("[consultation\n")
    result = _pregon("policy", "show", "rosarito", "--overrides", str(broken))
    assert result.returncode == 2 and "TOML mal formado" in result.stderr
