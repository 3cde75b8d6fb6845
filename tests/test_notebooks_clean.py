"""Committed notebooks: no outputs, no execution counts, no saved widget state, a Markdown opening,
and no raw values from the sample identity data -- checked with our own scanner and by exact search."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
EXPECTED = [
    "00_requests", "01_scan_datasets", "02_data_map", "03_policy_checks", "04_subject_access_export",
    "05_erasure_and_rights", "06_compliance_report", "07_reidentification_risk",
]  # fmt: skip
IDENTITY = REPO / "data_samples" / "exports" / "users_backup.csv"
# identity columns whose values are specific enough to search for verbatim (country codes are not)
IDENTITY_COLUMNS = [
    "user_token", "name", "email", "phone", "street_address", "postal_code", "city", "date_of_birth",
    "signup_ip", "push_token",
]  # fmt: skip


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_the_notebooks_are_there() -> None:
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs_or_widget_state(path: Path) -> None:
    nb = _read(path)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has outputs"
            assert cell.execution_count is None, f"cell {i} has an execution count"
    assert "widgets" not in nb.metadata, "saved widget state (it can hold what a widget showed)"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_opens_with_what_it_is_for_and_what_it_needs(path: Path) -> None:
    first = _read(path).cells[0]
    assert first.cell_type == "markdown"
    assert "What it is for" in first.source and "What it needs" in first.source
    code = [c for c in _read(path).cells if c.cell_type == "code"]
    assert code and any("assert " in c.source for c in code), "cells that compute something assert it"
    assert len(code) <= 6, "notebooks stay a few cells long: logic lives in privacy_audit.widgets"


def _cell_texts() -> pd.DataFrame:
    rows = [
        {"notebook": p.stem, "cell": i, "text": cell.source}
        for p in NOTEBOOKS
        for i, cell in enumerate(_read(p).cells)
    ]
    return pd.DataFrame(rows)


@pytest.mark.skipif(not IDENTITY.exists(), reason="data_samples not generated yet")
def test_no_identity_value_verbatim() -> None:
    users = pd.read_csv(IDENTITY, dtype=str, keep_default_na=False)
    texts = _cell_texts()
    blob = "\n".join(texts["text"])
    leaks = []
    for column in IDENTITY_COLUMNS:
        for value in set(users[column]) - {""}:
            if re.search(r"(?<![\w.@+-])" + re.escape(value) + r"(?![\w@-])", blob):
                leaks.append(f"{column}: {value[:2]}...")
    assert not leaks, f"identity values in committed notebooks: {leaks[:10]}"


_ENTITIES = ["EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN"]
_RESERVED = re.compile(r"@(?:example\.(?:com|org|net)|[\w.-]+\.test)$")  # RFC 2606 placeholders in prose


def _personal_spans(texts: pd.DataFrame) -> pd.DataFrame:
    from privacy_audit.scan import findings

    spans = findings(texts[["text"]], name="notebooks", entities=_ENTITIES).to_frame()
    if spans.empty:
        return spans
    spans["value"] = [texts["text"].iloc[r][a:b] for r, a, b in zip(spans["row"], spans["start"], spans["end"], strict=True)]
    spans = spans[~spans["value"].str.contains(_RESERVED)]
    return spans.merge(texts[["notebook", "cell"]], left_on="row", right_index=True)


def test_our_scanner_finds_no_personal_data_in_the_notebooks() -> None:
    spans = _personal_spans(_cell_texts())
    assert spans.empty, spans[["notebook", "cell", "entity", "masked"]].to_string()


@pytest.mark.skipif(not IDENTITY.exists(), reason="data_samples not generated yet")
def test_the_scanner_check_would_catch_a_pasted_identity_value() -> None:
    """Control: the same pipeline flags an identity e-mail and phone pasted into a cell."""
    person = pd.read_csv(IDENTITY, dtype=str).iloc[0]
    texts = pd.concat(
        [_cell_texts(), pd.DataFrame([{"notebook": "pasted", "cell": 0,
                                       "text": f"resolve({person['email']!r}); call {person['phone']}"}])],  # fmt: skip
        ignore_index=True,
    )
    spans = _personal_spans(texts)
    assert set(spans["notebook"]) == {"pasted"}
    assert "EMAIL_ADDRESS" in set(spans["entity"])
