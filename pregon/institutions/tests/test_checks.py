"""pregon.E001: every policy preset file loads; a broken one fails `manage.py check` (and so the deploy)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pregon.institutions.checks import check_policy_presets
from pregon.policy import loader


def test_every_shipped_preset_loads() -> None:
    assert check_policy_presets() == []


def test_a_broken_preset_is_reported_with_a_stable_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(loader.PRESETS_DIR / "rosarito.toml", tmp_path / "rosarito.toml")
    (tmp_path / "roto-e001.toml").write_text('[meta]\nname = "roto-e001"\nversion = 1\n', encoding="utf-8")
    monkeypatch.setattr(loader, "PRESETS_DIR", tmp_path)
    errors = check_policy_presets()
    assert [e.id for e in errors] == ["pregon.E001"]
    assert "roto-e001" in errors[0].msg
