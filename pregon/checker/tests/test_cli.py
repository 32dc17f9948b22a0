"""The `pregon check` command and its public JSONL contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pregon.cli import main

ROOT = Path(__file__).resolve().parents[3]
PREGON = ROOT / ".venv" / "bin" / "pregon"
FINDING_KEYS = ["rule", "category", "severity", "start", "end", "message", "clauses"]


def run_cli(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    command = [str(PREGON)] if PREGON.exists() else [sys.executable, "-m", "pregon.cli"]
    return subprocess.run([*command, *args], input=stdin, capture_output=True, check=False, timeout=60, cwd=ROOT)


def jsonl(result: subprocess.CompletedProcess[bytes]) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_text_mode_exit_code_1_on_block_findings() -> None:
    r = run_cli(["check", "--institution", "rosarito", "Es información reservada del Cabildo."])
    assert r.returncode == 1, r.stderr
    assert b"reserved_information.marker" in r.stdout and b"BLOCK" in r.stdout


def test_text_mode_exit_code_0_without_block_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--institution", "rosarito", "El Ayuntamiento abrió el registro de becas."]) == 0
    assert "Sin observaciones" in capsys.readouterr().out


def test_json_format_and_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    r = run_cli(["check", "--format", "json", "-"], stdin="Ven xq es gratis".encode())
    findings = json.loads(r.stdout)["findings"]
    assert [f["rule"] for f in findings] == ["style.textspeak"]
    assert list(findings[0]) == FINDING_KEYS and (findings[0]["start"], findings[0]["end"]) == (4, 6)


def test_text_mode_bad_input_exit_code_2() -> None:
    assert run_cli(["check", ""]).returncode == 2
    assert run_cli(["check", "-"], stdin=b"\xff\xfe mal").returncode == 2
    r = run_cli(["check", "--institution", "no-such-preset", "hola"])
    assert r.returncode == 2 and b"no-such-preset" in r.stderr


def test_jsonl_contract(tmp_path: Path) -> None:
    long_text = "a" * 100_000
    lines = [
        json.dumps({"id": "a1", "text": "Yo creo que es información reservada xq sí"}, ensure_ascii=False).encode(),
        json.dumps({"id": 2, "text": "El Ayuntamiento abrió el registro de becas."}).encode(),
        b'{"id": "bad-utf8", "text": "caf\xe9 con leche"}',
        b"",
        json.dumps({"id": "no-text"}).encode(),
        json.dumps({"id": "empty", "text": "   "}).encode(),
        json.dumps({"id": "long", "text": long_text}).encode(),
        json.dumps({"id": "mixed", "text": "Привет 你好 🙂👍🏽👨‍👩‍👧 \ud800 ¡¡¡Hola!!! xq"}).encode(),
        b"not json",
        b"[1, 2]",
        json.dumps({"id": None, "text": 5}).encode(),
        json.dumps({"text": "Sin id pero con texto, vota por el PAN."}, ensure_ascii=False).encode(),
    ]
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    r = run_cli(["check", "--institution", "rosarito", "--jsonl", str(path)])
    assert r.returncode == 0, r.stderr
    out = jsonl(r)
    assert [o.get("id") for o in out] == ["a1", 2, "bad-utf8", "no-text", "empty", "long", "mixed", None, None, None,
                                          None]
    assert all(list(o) in (["id", "findings"], ["id", "error"]) for o in out)
    first = out[0]["findings"]
    assert {f["rule"] for f in first} >= {"personal.opinion", "reserved_information.marker", "style.textspeak"}
    text0 = json.loads(lines[0])["text"]
    for f in first:
        assert list(f) == FINDING_KEYS
        assert f["severity"] in ("block", "warn", "suggest") and f["clauses"]
    assert [text0[f["start"] : f["end"]] for f in first if f["rule"] == "style.textspeak"] == ["xq"]
    assert out[1] == {"id": 2, "findings": []}
    assert "UTF-8" in out[2]["error"] and "línea 3" in out[2]["error"]
    assert "text" in out[3]["error"]
    assert "vacío" in out[4]["error"]
    assert "100000" in out[5]["error"]
    assert "findings" in out[6]
    assert "JSON" in out[7]["error"]
    assert "objeto" in out[8]["error"]
    assert "cadena" in out[9]["error"]
    assert "findings" in out[10]


def test_jsonl_unreadable_file_exit_code_2(tmp_path: Path) -> None:
    r = run_cli(["check", "--institution", "rosarito", "--jsonl", str(tmp_path / "missing.jsonl")])
    assert r.returncode == 2 and b"missing.jsonl" in r.stderr


def test_jsonl_from_stdin_keeps_order() -> None:
    data = b"".join(json.dumps({"id": i, "text": f"Aviso {i}: sin servicio de agua xq hay obras"}).encode() + b"\n"
                    for i in range(50))
    out = jsonl(run_cli(["check", "--jsonl", "-"], stdin=data))
    assert [o["id"] for o in out] == list(range(50))


def test_check_does_not_import_django() -> None:
    code = ("import sys; from pregon.cli import main; main(['check', 'hola mundo']); "
            "sys.exit(1 if 'django' in sys.modules else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False, cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
