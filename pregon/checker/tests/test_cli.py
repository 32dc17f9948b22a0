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


def test_archive_feeds_the_spam_rule(tmp_path: Path) -> None:
    published = "Abrimos la convocatoria de becas de transporte escolar; consulta los requisitos en el portal."
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        json.dumps({"text": published, "published_at": "2026-03-12T10:00:00", "account": "@RosaritoGob"},
                   ensure_ascii=False) + "\n\n"
        + json.dumps({"text": "Otro aviso sin relación con las becas del municipio.", "published_at": "2026-03-13"})
        + "\n",
        encoding="utf-8",
    )
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"id": 1, "text": published}, ensure_ascii=False) + "\n"
        + json.dumps({"id": 2, "text": "El Ayuntamiento abrió el registro de becas."}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    base = ["check", "--date", "2026-03-15", "--jsonl", str(posts)]
    r = run_cli([*base, "--archive", str(archive)])
    assert r.returncode == 0, r.stderr
    rows = jsonl(r)
    spam = [f for f in rows[0]["findings"] if f["rule"] == "spam.duplicate"]
    assert len(spam) == 1 and "@RosaritoGob" in spam[0]["message"] and "12 de marzo de 2026, 10:00" in spam[0]["message"]
    assert not [f for f in rows[1]["findings"] if f["rule"] == "spam.duplicate"]
    # without --archive, or with the archived post outside the window (7 days by default), no spam finding
    assert not [f for f in jsonl(run_cli(base))[0]["findings"] if f["rule"] == "spam.duplicate"]
    late = run_cli(["check", "--date", "2026-04-30", "--jsonl", str(posts), "--archive", str(archive)])
    assert not [f for f in jsonl(late)[0]["findings"] if f["rule"] == "spam.duplicate"]


@pytest.mark.parametrize(
    "content, complaint",
    [
        ('{"text": "hola"}\n', b"published_at"),
        ('{"text": "hola", "published_at": "ayer"}\n', b"ISO 8601"),
        ("no es json\n", b"JSON"),
        ('["text"]\n', b"objeto"),
        ('{"text": 5, "published_at": "2026-03-12"}\n', b"text"),
    ],
)
def test_bad_archive_exit_code_2_names_the_line(tmp_path: Path, content: str, complaint: bytes) -> None:
    archive = tmp_path / "archive.jsonl"
    archive.write_text('{"text": "bien", "published_at": "2026-03-12T10:00:00"}\n' + content, encoding="utf-8")
    r = run_cli(["check", "--archive", str(archive), "hola"])
    assert r.returncode == 2 and b"l\xc3\xadnea 2" in r.stderr and complaint in r.stderr, r.stderr
    assert run_cli(["check", "--archive", str(tmp_path / "missing.jsonl"), "hola"]).returncode == 2


def test_allow_words_file_silences_spelling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "La regidora Xochiquetzal Huitzilihuitl visitó Tepeyolotli."
    assert main(["check", "--format", "json", text]) == 0
    unknown = {text[f["start"]:f["end"]] for f in json.loads(capsys.readouterr().out)["findings"]
               if f["rule"] == "spelling.unknown_word"}
    assert unknown == {"Xochiquetzal", "Huitzilihuitl", "Tepeyolotli"}
    words = tmp_path / "words.txt"
    words.write_text("\ufeff# nombres de la institución\nXochiquetzal\n\n  huitzilihuitl  \n", encoding="utf-8")
    assert main(["check", "--format", "json", "--allow-words", str(words), text]) == 0
    unknown = {text[f["start"]:f["end"]] for f in json.loads(capsys.readouterr().out)["findings"]
               if f["rule"] == "spelling.unknown_word"}
    assert unknown == {"Tepeyolotli"}  # allow-list matching ignores case; comment and blank lines skipped
    r = run_cli(["check", "--allow-words", str(words), "--jsonl", "-"],
                stdin=json.dumps({"id": 1, "text": text}).encode() + b"\n")
    assert [text[f["start"]:f["end"]] for f in jsonl(r)[0]["findings"]] == ["Tepeyolotli"]
    assert run_cli(["check", "--allow-words", str(tmp_path / "none.txt"), "hola"]).returncode == 2


def test_help_documents_archive_and_allow_words() -> None:
    r = run_cli(["check", "--help"])
    assert b"--archive FILE" in r.stdout and b"--allow-words FILE" in r.stdout and b"published_at" in r.stdout
