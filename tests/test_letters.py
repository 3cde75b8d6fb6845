"""Letters to the person about their request, from the real CLI on a copy of the sample estate's ledger."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from privacy_audit.cli import run_guarded

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"


@pytest.fixture
def estate(tmp_path):
    dst = tmp_path / "estate"
    shutil.copytree(SAMPLES, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def _text(path: Path) -> str:
    body = path.read_text(encoding="utf-8").split("<body>", 1)[1]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_erasure_refusal_and_extension_letters(estate, tmp_path, capsys):
    dm = str(estate / "datamap.yaml")
    # REQ-0004: an erasure answered; deskhub and pushgate received the data and were told
    assert run_guarded(["request", "letter", dm, "REQ-0004", "--out", str(tmp_path / "e.html")]) == 0
    text = _text(tmp_path / "e.html")
    assert "Beaconly Inc." in text and "REQ-0004" in text and "We have erased your personal data" in text
    assert "the key that unlocked your record was destroyed" in text and "deskhub, pushgate" in text
    assert "dpo@beaconly.example" in text and "supervisory authority" in text
    for jargon in ("crypto", "shred", "Residual", "privacy-audit", "subject_ref"):
        assert jargon not in text, jargon
    # REQ-0007 refused: the reason, and what the person can do about it
    assert run_guarded(["request", "close", dm, "REQ-0007", "--outcome", "refused", "--reason",
                        "compelling legitimate grounds", "--on", "2026-11-01"]) == 0  # fmt: skip
    assert run_guarded(["request", "letter", dm, "REQ-0007", "--out", str(tmp_path / "r.html")]) == 0
    text = _text(tmp_path / "r.html")
    assert "We cannot carry out your request" in text and "compelling legitimate grounds" in text
    assert "complain to a supervisory authority" in text
    # REQ-0006 extended in time: the new date
    assert run_guarded(["request", "extend", dm, "REQ-0006", "--by", "1 month", "--reason", "records held by two vendors",
                        "--on", "2026-11-20"]) == 0  # fmt: skip
    assert run_guarded(["request", "letter", dm, "REQ-0006", "--out", str(tmp_path / "x.html")]) == 0
    text = _text(tmp_path / "x.html")
    assert "We need more time" in text and "26 December 2026" in text and "records held by two vendors" in text
    capsys.readouterr()


def test_an_open_request_needs_a_kind_and_nothing_is_written(estate, tmp_path, capsys):
    out = tmp_path / "l.html"
    code = run_guarded(["request", "letter", str(estate / "datamap.yaml"), "REQ-0002", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "still open" in err and not out.exists()
    code = run_guarded(["request", "letter", str(estate / "datamap.yaml"), "REQ-0002", "--kind", "access",
                        "--out", str(out)])  # fmt: skip
    assert code == 0 and "Your copy of your personal data" in _text(out)
