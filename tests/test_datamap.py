"""The data map: loading the sample estate, one-line errors for malformed maps, drift, RoPA, drafts."""

from __future__ import annotations

import csv
import io
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.cli import run_guarded
from privacy_audit.datamap import (
    ZONES,
    datamap_drift,
    draft_datamap,
    load_datamap,
    parse_datamap,
    ropa,
)
from privacy_audit.entities import is_direct
from privacy_audit.errors import DataMapError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data_samples" / "datamap.yaml"


@pytest.fixture
def estate(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "users.csv").write_text("user_token,email\nu_1,ann@example.org\n", encoding="utf-8")
    (tmp_path / "gov").mkdir()
    (tmp_path / "gov" / "sharing.csv").write_text("third_party,country,consent_required\nmailco,US,true\n")
    return tmp_path


GOOD = """\
organization: Example Co
roles:
  support: {purposes: [customer_support]}
registers:
  sharing: gov/sharing.csv
datasets:
  - name: users
    path: data/users.csv
    zone: identified
    subject_key: user_token
    encrypted: false
    location: {provider: aws, country: US}
    purposes: [customer_support]
    legal_basis: contract
    retention_days: 730
    shared_with: [mailco]
    access: [support]
    columns: {email: EMAIL_ADDRESS, user_token: null}
"""


def write(folder: Path, text: str) -> Path:
    p = folder / "datamap.yaml"
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_sample_datamap_loads_with_every_dataset_and_register():
    dm = load_datamap(SAMPLE)
    names = [d.name for d in dm.datasets]
    assert len(names) == len(set(names)) > 0
    assert all(d.zone in ZONES for d in dm.datasets)
    assert all(d.path is None or d.path.exists() for d in dm.datasets)
    assert all(r.path.exists() for r in dm.registers.values())
    assert dm.root == SAMPLE.resolve().parent
    assert dm.resolve("policy.md") == dm.root / "policy.md"
    assert dm.audit_log_path.parent == dm.root
    assert len(dm.sha256) == 64
    processing = [d.name for d in dm.datasets if d.processing]
    assert processing == ["audience"]  # the README: only the audience is `processing: true`
    # fields the data map carries beyond the contract are kept, not rejected
    assert dm.dataset("logs").extra["subject_cookie"] == "bcn_uid"


def test_good_map_fields_are_typed(estate):
    dm = load_datamap(write(estate, GOOD))
    ds = dm.dataset("users")
    assert ds.path == estate / "data" / "users.csv" and ds.format == "csv"
    assert ds.purposes == ("customer_support",) and ds.shared_with == ("mailco",)
    assert ds.retention_days == 730 and ds.encrypted is False and ds.country == "US"
    assert ds.pii_columns == {"email": "EMAIL_ADDRESS"}
    assert dm.roles["support"].purposes == ("customer_support",)
    with pytest.raises(DataMapError, match="no dataset named 'nope'"):
        dm.dataset("nope")


@pytest.mark.parametrize(
    "edit, line, expected",
    [
        (("    zone: identified\n", ""), 7, "datasets[users].zone: missing required field"),
        (("zone: identified", "zone: secret"), 9, "unknown zone 'secret'"),
        (("path: data/users.csv", "path: data/nope.csv"), 8, "path does not exist: data/nope.csv"),
        (("access: [support]", "access: [support, sales]"), 17, "unknown role 'sales'"),
        (("retention_days: 730", "retention_days: two years"), 15, "retention_days: expected a whole number"),
        (("encrypted: false", "encrypted: maybe"), 11, "encrypted: expected true or false"),
        (
            ("    purposes: [customer_support]", "    purposes: {a: 1}"),
            13,
            "purposes: expected a list of strings",
        ),
        (
            ("location: {provider: aws, country: US}", "location: {provider: aws, country: US"),
            13,
            "YAML syntax error",
        ),
        (
            ("  sharing: gov/sharing.csv", "  sharing: gov/missing.csv"),
            5,
            "registers.sharing.path: path does not exist",
        ),
    ],
)
def test_malformed_maps_give_one_line_with_file_line_and_field(estate, edit, line, expected):
    old, new = edit
    assert old in GOOD
    p = write(estate, GOOD.replace(old, new))
    with pytest.raises(DataMapError) as info:
        load_datamap(p)
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith(f"datamap.yaml:{line}: "), msg
    assert expected in msg


def test_duplicate_dataset_names_name_both_lines(estate):
    dup = GOOD + "  - {name: users, path: data/users.csv, zone: pseudonymous}\n"
    with pytest.raises(
        DataMapError,
        match=r"datamap.yaml:19: datasets\[users\].name: duplicate dataset name \(first at line 7\)",
    ):
        load_datamap(write(estate, dup))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "empty data map"),
        ("- just\n- a list\n", "expected a mapping at the top level"),
        ("organization: X\n", "datasets: missing required field"),
        ("datasets: 3\n", "datasets: expected a list"),
        ("datasets:\n  - {name: a, zone: identified}\n", "give `path:`, or `url:` and `table:`"),
        ("datasets:\n  - {name: a, url: 'sqlite:///x.db', zone: identified}\n", "needs `table:`"),
        ("organization: X\norganization: Y\ndatasets: []\n", "organization: duplicate key"),
        (
            "datasets: [{name: a, path: data/users.csv, zone: identified, format: docx}]\n",
            "unknown format 'docx'",
        ),
    ],
)
def test_more_malformed_maps(estate, text, expected):
    with pytest.raises(DataMapError) as info:
        parse_datamap(text, path=estate / "datamap.yaml")
    assert expected in str(info.value) and "\n" not in str(info.value)


def test_sql_dataset_needs_no_path(estate):
    dm = parse_datamap(
        "datasets: [{name: orders, url: 'postgresql:///shop', table: orders, zone: pseudonymous}]",
        path=estate / "datamap.yaml",
    )
    ds = dm.dataset("orders")
    assert ds.is_sql and ds.format == "sql" and ds.path is None


def test_processing_flag_explicit_or_from_purposes(estate):
    text = """\
    processing_purposes: [campaigns]
    datasets:
      - {name: a, path: data/users.csv, zone: identified, purposes: [campaigns]}
      - {name: b, path: data/users.csv, zone: identified, purposes: [campaigns], processing: false}
      - {name: c, path: data/users.csv, zone: identified, purposes: [support], processing: true}
      - {name: d, path: data/users.csv, zone: identified, purposes: [marketing]}
    """
    dm = load_datamap(write(estate, text))
    assert [d.processing for d in dm.datasets] == [True, False, True, False]


def test_validate_command_ok_and_bad(estate, capsys):
    good = write(estate, GOOD)
    assert run_guarded(["datamap", "validate", str(good)]) == 0
    assert capsys.readouterr().out.startswith(f"ok: {good}: 1 datasets")
    good.write_text(GOOD.replace("zone: identified", "zone: secret"))
    assert run_guarded(["datamap", "validate", str(good)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: datamap.yaml:9: ") and "Traceback" not in err
    assert run_guarded(["datamap", "validate", str(estate / "missing.yaml")]) == 2
    assert "data map not found" in capsys.readouterr().err


def test_ropa_csv_and_markdown(estate, capsys):
    dm = load_datamap(write(estate, GOOD.replace("country: US}", "country: DE}")))
    sharing = pd.read_csv(estate / "gov" / "sharing.csv")
    record = ropa(dm, sharing)
    row = record.to_frame().iloc[0]
    assert row["purposes"] == "customer_support" and row["legal_basis"] == "contract"
    assert row["categories_of_data"] == "EMAIL_ADDRESS"
    assert "mailco (US)" in row["recipients"] and "role:support" in row["recipients"]
    assert "mailco: DE -> US" in row["transfers"]
    assert row["retention"] == "730 days" and "not encrypted at rest" in row["security_measures"]

    out_csv, out_md = estate / "ropa.csv", estate / "ropa.md"
    assert run_guarded(["datamap", "ropa", str(dm.path), "--format", "csv", "--out", str(out_csv)]) == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text())))
    assert rows[0]["dataset"] == "users" and rows[0]["controller"] == "Example Co"
    assert run_guarded(["datamap", "ropa", str(dm.path), "--format", "md", "--out", str(out_md)]) == 0
    md = out_md.read_text()
    assert md.startswith("# Record of Processing Activities - Example Co") and "## users" in md
    assert "| Legal basis | contract |" in md
    assert run_guarded(["datamap", "ropa", str(dm.path), "--out", str(estate / "no" / "x.md")]) == 2
    assert not (estate / "no").exists()


def test_ropa_of_sample_covers_every_dataset():
    dm = load_datamap(SAMPLE)
    frame = ropa(dm).to_frame()
    assert list(frame["dataset"]) == [d.name for d in dm.datasets]
    tickets = frame.set_index("dataset").loc["tickets"]
    assert "stored in IN (policy: US)" in tickets["transfers"]


def test_drift_lists_undeclared_first(estate):
    dm = load_datamap(
        write(
            estate,
            GOOD.replace(
                "columns: {email: EMAIL_ADDRESS, user_token: null}",
                "columns: {email: PHONE_NUMBER, user_token: null, fax: PHONE_NUMBER}",
            ),
        )
    )
    scan_frame = pd.DataFrame(
        {
            "dataset": ["users"] * 3,
            "column": ["user_token", "email", "note"],
            "entity": [None, "EMAIL_ADDRESS", "PERSON"],
        }
    )
    drift = datamap_drift(dm, {"users": scan_frame})
    kinds = [(r.kind, r.column) for r in drift.rows]
    assert kinds == [("undeclared", "note"), ("changed", "email"), ("missing-column", "fax")]
    assert bool(drift) and list(drift.to_frame().columns) == [
        "dataset",
        "column",
        "kind",
        "declared",
        "scanned",
    ]
    other = pd.DataFrame(
        {
            "dataset": ["users"] * 3,
            "column": ["user_token", "email", "fax"],
            "entity": [None, None, "PHONE_NUMBER"],
        }
    )
    assert [(r.kind, r.column) for r in datamap_drift(dm, {"users": other}).rows] == [
        ("not-detected", "email")
    ]
    agree = other.assign(entity=[None, "PHONE_NUMBER", "PHONE_NUMBER"])
    assert not datamap_drift(dm, {"users": agree})


def test_draft_map_is_valid_and_guesses_zones(tmp_path):
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text("x\n1\n")
    frame = pd.DataFrame(
        {
            "dataset": [str(tmp_path / "a.csv"), str(tmp_path / "a.csv"), str(tmp_path / "b.csv")],
            "column": ["email", "user_token", "score"],
            "entity": ["EMAIL_ADDRESS", None, None],
        }
    )
    text = draft_datamap(frame, folder=tmp_path, out_dir=tmp_path, organization="Org")
    (tmp_path / "dm.yaml").write_text(text)
    dm = load_datamap(tmp_path / "dm.yaml")
    assert {d.name: d.zone for d in dm.datasets} == {"a": "identified", "b": "pseudonymous"}
    assert dm.dataset("a").subject_key == "user_token"
    assert dm.dataset("a").columns == {"email": "EMAIL_ADDRESS", "user_token": None}
    assert is_direct("EMAIL_ADDRESS")


def test_init_command_scans_a_real_folder(tmp_path, capsys):
    src = ROOT / "data_samples" / "marketing" / "audience_export.csv"
    folder = tmp_path / "estate"
    folder.mkdir()
    (folder / "audience.csv").write_bytes(src.read_bytes())
    (folder / "scores.csv").write_text(
        "".join(f"{i},{i * 3 % 7}\n" for i in range(40)).join(["id,score\n", ""])
    )
    out = folder / "datamap.yaml"
    assert run_guarded(["datamap", "init", str(folder), "--out", str(out)]) == 0
    dm = load_datamap(out)
    zones = {d.name: d.zone for d in dm.datasets}
    assert zones == {"audience": "identified", "scores": "pseudonymous"}
    assert dm.dataset("audience").columns.get("email") == "EMAIL_ADDRESS"
    # refuses to overwrite without --force; bad folder is one line, exit 2
    assert run_guarded(["datamap", "init", str(folder), "--out", str(out)]) == 2
    assert "give --force" in capsys.readouterr().err
    assert run_guarded(["datamap", "init", str(tmp_path / "nope")]) == 2


def test_diff_command_reports_drift_with_exit_1(tmp_path, capsys):
    src = ROOT / "data_samples" / "marketing" / "audience_export.csv"
    (tmp_path / "audience.csv").write_bytes(src.read_bytes())
    base = (
        "datasets:\n  - name: audience\n    path: audience.csv\n    zone: identified\n    columns: {cols}\n"
    )
    p = tmp_path / "datamap.yaml"
    p.write_text(
        base.format(
            cols="{email: null, user_token: null, segment: null, exported_at: null, first_name: PERSON}"
        )
    )
    assert run_guarded(["datamap", "diff", str(p), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert '"kind": "undeclared"' in out and '"column": "email"' in out
    assert "@" not in out  # no values, only column names and categories
    p.write_text(
        base.format(
            cols="{email: EMAIL_ADDRESS, user_token: null, segment: null, exported_at: null, first_name: PERSON}"
        )
    )
    assert run_guarded(["datamap", "diff", str(p)]) == 0
    assert capsys.readouterr().out.startswith("no drift: 1 datasets agree")
