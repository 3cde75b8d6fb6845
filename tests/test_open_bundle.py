"""A data subject's bundle opens with one command, and its index.html needs no command line.

Real CLI (run_guarded), real scrypt/AES-GCM and X25519, the sample estate copied to a temporary folder.
"""

from __future__ import annotations

import html
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from privacy_audit import services
from privacy_audit.cli import run_guarded
from privacy_audit.cli.subject import PASSWORD_ENV
from privacy_audit.errors import BundleError, InputError

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
RICH = "u_5e40321e94419582"  # data_samples/README.md "Subjects for testing": many traces
PASSWORD = "correct horse battery"


class _Page(HTMLParser):
    """The text, headings, section ids, links and table cells of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.cells: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        self._in_cell = tag == "td"

    def handle_endtag(self, tag):
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_cell:
            self.cells.append(data)


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    root = tmp_path_factory.mktemp("open") / "data_samples"
    shutil.copytree(SAMPLES, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.fixture(scope="module")
def person():
    users = pd.read_csv(SAMPLES / "exports" / "users_backup.csv", dtype=str)
    return users[users.user_token == RICH].iloc[0]


@pytest.fixture(scope="module")
def bundle(estate, person, tmp_path_factory):
    out = tmp_path_factory.mktemp("b") / "access.zip.enc"
    pw = out.with_name("pw")
    pw.write_text(PASSWORD + "\n")
    code = run_guarded(["export", str(estate / "datamap.yaml"), "--subject", f"email={person.email}",
                        "--out", str(out), "--password-file", str(pw)])  # fmt: skip
    assert code == 0
    return out


def test_bundle_opens_with_one_command_and_its_page_needs_no_command_line(bundle, estate, person, tmp_path,
                                                                          monkeypatch, capsys):  # fmt: skip
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)  # --ask-password honours it: no terminal needed
    folder = tmp_path / "my data"
    code = run_guarded(["open-bundle", str(bundle), "--out", str(folder), "--ask-password",
                        "--datamap", str(estate / "datamap.yaml")])  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "index.html" in out.out and "MAC verified" in out.out
    page_text = (folder / "index.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(page_text)
    text = " ".join(" ".join(page.text).split())
    # the person's own values, readably in tables
    for value in (person.email, person["name"], person.city, RICH):
        assert value in page.cells, f"{value!r} is not in a table of index.html"
    # links to the files, every one of which was unpacked
    data_links = [h for h in page.links if not h.startswith(("mailto:", "http"))]
    assert "users_backup.csv" in data_links and "events.json" in data_links
    for href in data_links:
        assert (folder / html.unescape(href)).is_file(), href
    # rights, how to complain, whom to contact (from the data map's contacts:)
    assert {"rights", "contact", "complain"} <= page.ids
    for right in ("Correct", "Erase", "Restrict", "Object", "portability"):
        assert right in text, right
    assert "privacy@beaconly.example" in text and "dpo@beaconly.example" in text
    assert "supervisory authority" in text and "edpb.europa.eu" in text
    # no command line anywhere
    assert "privacy-audit" not in page_text.lower()
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")], "a partial folder was left"


def test_a_tampered_bundle_is_not_unpacked(bundle, tmp_path, capsys):
    blob = bytearray(bundle.read_bytes())
    blob[-50] ^= 0x01
    bad = tmp_path / "bad.zip.enc"
    bad.write_bytes(bytes(blob))
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD)
    code = run_guarded(["open-bundle", str(bad), "--out", str(tmp_path / "o"), "--password-file", str(pw)])
    err = capsys.readouterr().err
    assert code == 1 and "TAMPERED" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.zip.enc", "pw"]


def test_wrong_password_and_a_full_folder_are_refused(bundle, tmp_path, capsys):
    pw = tmp_path / "pw"
    pw.write_text("not the password")
    code = run_guarded(["open-bundle", str(bundle), "--out", str(tmp_path / "o"), "--password-file", str(pw)])
    err = capsys.readouterr().err
    assert code == 2 and "wrong password" in err and not (tmp_path / "o").exists()
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        services.open_bundle(bundle, full, password=PASSWORD)
    assert [p.name for p in full.iterdir()] == ["keep.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert services.open_bundle(bundle, empty, password=PASSWORD).index.is_file()


def test_recipient_bundle_opens_with_the_private_key(estate, person, tmp_path):
    priv = X25519PrivateKey.generate()
    ctx = services.open_subject(estate / "datamap.yaml", [("token", RICH)])
    services.export_subject(ctx, tmp_path / "b.pa-bundle", recipient=priv.public_key(), audit=False)
    with pytest.raises(BundleError, match="--identity"):
        services.open_bundle(tmp_path / "b.pa-bundle", tmp_path / "o")
    opened = services.open_bundle(tmp_path / "b.pa-bundle", tmp_path / "o", identity=priv)
    assert opened.verification.ok and opened.verification.encryption == "recipient"
    assert html.escape(person.email) in opened.index.read_text(encoding="utf-8")


def test_an_encrypted_bundle_is_never_named_zip(estate, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code = run_guarded(["export", str(estate / "datamap.yaml"), "--subject", f"token={RICH}",
                        "--out", str(tmp_path / "b.zip"), "--ask-password"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "not a zip" in err and ".zip.enc" in err
    assert not (tmp_path / "b.zip").exists()


def test_an_identifier_that_matches_nobody_exits_1(estate, tmp_path, capsys):
    out = tmp_path / "nobody.zip"
    code = run_guarded(["export", str(estate / "datamap.yaml"), "--subject", "email=nobody@example.org",
                        "--out", str(out), "--no-audit-log"])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 1 and "no data subject matches" in captured.err
    assert out.is_file()  # the "we hold nothing" answer is still written
    opened = services.open_bundle(out, tmp_path / "o")
    assert "We found no data about you" in opened.index.read_text(encoding="utf-8")
