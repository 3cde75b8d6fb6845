"""The policy parser: every numbered item of the published policy becomes a clause with the right id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from policy_ids import independent_clause_ids

from privacy_audit.errors import ConfigError, InputError
from privacy_audit.policy import load_policy, parse_policy

ROOT = Path(__file__).resolve().parents[1]
POLICY = ROOT / "data_samples" / "policy.md"


def test_every_numbered_item_of_the_sample_policy_is_a_clause():
    text = POLICY.read_text(encoding="utf-8")
    policy = load_policy(POLICY)
    expected = independent_clause_ids(text)
    n_items = len(re.findall(r"^\s*\d+\.\s", re.sub(r"<!--.*?-->", "", text, flags=re.S), flags=re.M))
    assert len(policy.clauses) == n_items == len(expected)
    assert list(policy.ids) == expected
    assert policy.ids[0] == "1" and policy.ids[-1] == "9.4"


def test_parents_children_and_sections_without_sub_items():
    policy = load_policy(POLICY)
    c = policy.get("3.2.1")
    assert c.parent == "3.2" and c.depth == 2 and "encryption" in c.text.lower()
    assert policy.get("3.2").children == ("3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5")
    for sid in ("6", "7", "8"):
        sec = policy.get(sid)
        assert sec.parent is None and not sec.children and not sec.is_section
    # the paragraphs after a bare section heading are its text
    assert "1 week prior" in policy.get("6").text
    assert "opting-out" in policy.get("7").text
    # the closing "Last Updated" line belongs to no clause
    assert "Last Updated" not in policy.get("9.4").text
    for c in policy.clauses:
        if c.parent:
            assert c.id.startswith(c.parent + ".") and c.id in policy.get(c.parent).children


def test_markdown_markup_is_removed_from_text_and_titles():
    policy = load_policy(POLICY)
    cookies = policy.get("2.2")
    assert cookies.title == "Cookies"
    assert "_" not in cookies.text and "**" not in policy.get("1.1").text
    assert policy.get("1").title == "Purpose"


def test_small_policy_with_tabs_and_paragraph_sections():
    md = "# P\n\nIntro.\n\n1. A\n\t1. a one\n\t2. a two\n\t\t1. deep\n2. B\n\nbody of B\nmore\n3. C\n"
    policy = parse_policy(md)
    assert policy.title == "P"
    assert policy.ids == ("1", "1.1", "1.2", "1.2.1", "2", "3")
    assert policy.get("2").text == "B body of B more"
    assert policy.get("1.2.1").parent == "1.2"
    assert policy.to_frame().shape[0] == 6 and policy.to_dict()["clauses"][3]["id"] == "1.2.1"


def test_policy_without_a_numbered_list_is_a_config_error():
    with pytest.raises(ConfigError, match="no numbered clauses"):
        parse_policy("# Policy\n\nWe care about privacy.\n", source="p.md")


def test_missing_policy_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_policy(tmp_path / "nope.md")
    bad = tmp_path / "bin.md"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="not UTF-8"):
        load_policy(bad)
