"""System checks registered by the institutions app (STYLE §2.5: a broken policy file fails the deploy)."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error


def check_policy_presets(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """pregon.E001: every preset file in pregon/policy/presets/ loads and validates."""
    from pregon.policy import check_all

    try:
        problems = check_all()
    except Exception as exc:  # noqa: BLE001 - any failure to load is a deploy-blocking error
        problems = [f"{type(exc).__name__}: {exc}"]
    return [
        Error(
            f"Política inválida: {problem}",
            hint="Corrija el archivo en pregon/policy/presets/ (`pregon policy check` muestra el detalle).",
            id="pregon.E001",
        )
        for problem in problems
    ]
