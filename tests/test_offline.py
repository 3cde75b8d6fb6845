"""The package works offline: no network errors, no tracebacks, one clear sentence when the model is missing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from privacy_audit.detect import nlp
from privacy_audit.errors import ModelNotInstalledError

# Any attempt to reach the network goes to a closed local port and fails at once, so a test run on a
# machine with internet access still proves that nothing is fetched.
OFFLINE_ENV = {
    **os.environ,
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
}


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**OFFLINE_ENV, **env},
        timeout=300,
    )


def test_analyzing_an_email_offline_prints_nothing_to_stderr():
    proc = _run(
        "from privacy_audit.detect import get_analyzer\n"
        "r = get_analyzer().analyze('write to jane.roe@example.org', language='en')\n"
        "print(sorted({x.entity_type for x in r}))\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert "EMAIL_ADDRESS" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert "ConnectionError" not in proc.stderr and "publicsuffix" not in proc.stderr.lower()


def test_tldextract_uses_the_bundled_suffix_list():
    nlp.configure_offline()
    import tldextract

    assert tldextract.extract("mail.example.co.uk").suffix == "co.uk"


def test_missing_model_is_one_clear_sentence():
    with pytest.raises(ModelNotInstalledError) as info:
        nlp.get_nlp_engine("no_such_spacy_pipeline")
    message = str(info.value)
    assert "\n" not in message
    assert "no_such_spacy_pipeline" in message and "is not installed" in message
    assert "make audit" in message and nlp.MODEL_ENV in message


def test_model_can_be_chosen_by_environment_variable():
    proc = _run(
        "from privacy_audit.detect import get_analyzer\nget_analyzer()\n",
        PRIVACY_AUDIT_SPACY_MODEL="no_such_spacy_pipeline",
    )
    assert proc.returncode != 0
    assert "no_such_spacy_pipeline" in proc.stderr


def test_cli_reports_missing_model_in_one_line_with_exit_2(tmp_path):
    data = tmp_path / "people.csv"
    data.write_text("name,email\nAda Byron,ada@example.org\n")
    proc = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "scan", str(data), "--format", "json"],
        capture_output=True,
        text=True,
        env={**OFFLINE_ENV, "PRIVACY_AUDIT_SPACY_MODEL": "no_such_spacy_pipeline"},
        timeout=300,
    )
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), proc.stderr
    assert "no_such_spacy_pipeline" in lines[0] and "Traceback" not in proc.stderr
