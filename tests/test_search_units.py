"""The search units (``identifiers.search_units``) are what the subject index digests and what the
erasure's screen compares: wherever the erasure's matcher (``Needles.find``) finds one of a subject's
identifiers in a text, the text's units hold one of the subject's probes (``identifiers.search_probes``).
That is what lets an erasure plan skip a dataset in which the index finds no probe.

Checked on hostile strings: identifiers embedded in longer tokens, in any case, URL-encoded, next to
Unicode letters and digits (Kelvin sign, dotted and dotless i, long s, fullwidth and Arabic-Indic
digits), across odd whitespace, with extensions, in several phone regions; random texts built from
those pieces (seeded, so a failure repeats), and every cell and log line of the sample estate.
"""

from __future__ import annotations

import random

import pytest
from sample_cells import sample_cells, sample_users

from privacy_audit import identifiers as idm
from privacy_audit.erasure import Needles

SUBJECTS = [
    ({"emails": ["Jane.Roe@Example.org"], "phones": ["+44 20 7946 0958", "(555) 010-4477"], "names": ["Jane Roe"],
      "tokens": ["u_7f3a9c21"], "ips": ["203.0.113.9"]}, "GB"),
    ({"emails": ["kirk.o'neil+news@mail.example.co.uk"], "phones": ["+49 (0) 3992 084881"],
      "names": ["Aimée Müller-Lüdenscheidt"], "tokens": ["qQS5-LRAtD-xN_AXNqfXnp:APA91bDUe0mrf60GH54Uq"]}, "DE"),
    ({"emails": ["sid@ex.io"], "phones": ["9003345227"], "names": ["Ivan Iskra Kowalski"],
      "tokens": ["a388afc72a858132839bb23ab2e3f1797b55a382e90f4afba1e9d3eea174b7c2", "d_9b1b7aa565e8"],
      "ips": ["47.208.170.247"]}, "US"),
    ({"emails": ["ΣΊΣΥΦΟΣ@example.gr"], "phones": ["+33 6 12 34 56 78"], "names": ["Σίσυφος Κόρινθος"],
      "tokens": ["dGVzdC10b2tlbi0xMjM0NTY="]}, "FR"),
]

HOLDING = [
    "call +44 20 7946 0958 after six", "tel 020 7946 0958", "0044-20-7946-0958", "+44 (0)20 7946 0958 ext. 12",
    "555.010.4477", "ring (555) 010 4477 x 9", "＋４４ ２０ ７９４６ ０９５８", "mail JANE.ROE@EXAMPLE.ORG today",
    "mailto:jane.roe%40example.org", "signed, jane   ROE", "user=u_7f3a9c21; other", "x/Jane.Roe@example.org.",
    '203.0.113.9 - - [01/Jan/2026:10:00:00 +0000] "GET /"', "JANE ROE", "(jane\u2003roe)", "jane.roe@example.org..x",
    "Jane\u00a0Roe", "jane.roe@example.org.-x", "203.0.113.9..5", "see:jane\nroe!", "u_7f3a9c21", "٠٢٠ ٧٩٤٦ ٠٩٥٨",
]
PIECES = [
    "jane", "roe", "Jane Roe", "JANE\tROE", "jane.roe", "@", "%40", "example.org", "EXAMPLE.ORG", "u_7f3a9c21",
    "7f3a9c21", "203.0.113.9", "0.113.9", ".", "..", "-", "+", "%", "/", "'", '"', " ", "\u00a0", "\n", "\u212a",
    "\u0130", "\u0131", "\u017f", "ß", "é", "Σ", "ς", "x", "_", "9", "٣", "４", "020 7946 0958", "+44", "(0)", "ext. 7",
    "555", "010-4477", "aimée müller-lüdenscheidt", "MÜLLER", "kirk.o'neil+news", "mail.example.co.uk", "sid@ex.io",
    "SID@EX.IO.", "ivan iskra", "Kowalski", "47.208.170.247", "+49 3992 084881", "03992-084881", "06 12 34 56 78",
    "σίσυφος κόρινθος", "ΣΊΣΥΦΟΣ@EXAMPLE.GR", "dGVzdC10b2tlbi0xMjM0NTY=", "qQS5-LRAtD-xN_AXNqfXnp:APA91bDUe0mrf60GH54Uq",
    "d_9b1b7aa565e8", "a388afc72a858132839bb23ab2e3f1797b55a382e90f4afba1e9d3eea174b7c2", "900-334-5227", "x12",
]


def _needles() -> list[Needles]:
    return [Needles.from_identifiers(ids, region=region) for ids, region in SUBJECTS]


def _covered(needles: Needles, text: str) -> bool:
    probes = needles.probes()
    assert probes is not None, "every identifier of these subjects has a probe"
    return not probes.isdisjoint(idm.search_units(text))


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 6))]
        text = "".join(p.upper() if rng.random() < 0.15 else p for p in parts)
        out.append(text)
    return out


@pytest.mark.parametrize("text", HOLDING)
def test_every_hand_written_match_has_a_probe_among_its_units(text):
    needles = _needles()[0]
    assert needles.find(text), f"the example does not hold the subject: {text!r}"
    assert _covered(needles, text)
    assert needles.candidates([None, text, "nothing here"]) == {1}


def test_random_hostile_texts_never_match_without_a_probe_unit():
    """Random concatenations of identifier pieces and hostile characters: every one ``find`` matches
    has a probe among its units, and the screen keeps it; and most texts that hold nothing are dropped."""
    matched = dropped = 0
    texts = _random_texts(6000, seed=22)
    for needles in _needles():
        kept = needles.candidates(texts)
        for i, text in enumerate(texts):
            if needles.find(text):
                matched += 1
                assert _covered(needles, text), f"find matches {text!r} but no unit is a probe"
                assert i in kept, f"the screen drops {text!r}, which find matches"
            elif i not in kept:
                dropped += 1
    assert matched > 1000, "the generator should produce many matching texts"
    assert dropped > 1000, "the units should drop texts that hold nothing of the subject"


@pytest.mark.parametrize("region", ["US", "GB", "DE", "FR", "IN", "BR", "JP"])
def test_phone_probes_hold_in_every_written_form_and_region(region):
    import phonenumbers

    for kind in ("MOBILE", "FIXED_LINE"):
        num = phonenumbers.example_number_for_type(region, getattr(phonenumbers.PhoneNumberType, kind))
        if num is None:
            continue
        e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
        needles = Needles.from_identifiers({"phones": [e164]}, region=region)
        forms = [phonenumbers.format_number(num, f) for f in (phonenumbers.PhoneNumberFormat.NATIONAL,
                 phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.E164)]  # fmt: skip
        for form in forms:
            for text in (form, f"tel:{form} x 12", f"call {form}.", form.replace(" ", "-"), "ＴＥＬ" + form):
                if needles.find(text):
                    assert _covered(needles, text), (region, text)


def test_identifiers_without_a_unit_give_no_probes():
    """A token without a six-character word run, an e-mail with a quoted local part or an IPv6 address
    cannot be found through units: the probes say so (the caller reads everything)."""
    assert idm.search_probes(tokens=["ab+cd/ef=="]) is None
    assert idm.search_probes(emails=['"odd local"@example.org']) is None
    assert idm.search_probes(ips=["2001:db8::1"]) is None
    assert idm.search_probes(tokens=["u_7f3a9c21"], ips=["203.0.113.9"]) == {"w\x1fu_7f3a9c21", "ip\x1f203.0.113.9"}


def test_every_cell_of_the_sample_estate_that_find_matches_has_a_probe_unit():
    """Every cell of the sample's CSV files and every log line, for a dozen planted subjects."""
    users, cells = sample_users(), sample_cells()
    matched = 0
    for i in range(0, len(users), max(1, len(users) // 12)):
        row = users.iloc[i]
        needles = Needles.from_identifiers({"emails": [row["email"]], "phones": [row["phone"]], "names": [row["name"]],
                                            "tokens": [row["user_token"], row["push_token"]], "ips": [row["signup_ip"]]},
                                           region="US")  # fmt: skip
        kept = needles.candidates(cells)
        for k, text in enumerate(cells):
            if needles.find(text):
                matched += 1
                assert _covered(needles, text) and k in kept, f"subject row {i}: a matched cell has no probe unit"
    assert matched > 12


ASCII_PIECES = [
    "jane", "Roe", "JANE ROE", "a1", "_", "x", "X", "ext.", "Ext", "extension", " ", "  ", "\t", "\x0b", "\x0c", "\r\n",
    "\x1c", "\x1f", "@", "%40", "%4", "0", ".", "..", "-", "/", "(", ")", "+", "00", "+44", "020 7946 0958", "555.010.4477",
    "(555) 010-4477", "x 9", "ext. 12", "203.0.113.9", "10.0.0", "1.2.3.4.", "2026-01-01T10:00:00+00:00", "ab_cdef",
    "u_7f3a9c21", "abcdefghij" * 30, "k" * 260, "jane.roe", "example.org", "mail.example.co.uk.", "o'neil", "a+b",
    "%", "=", ";", ",", '"', "GET /x?e=jane.roe%40example.org", "123456", "12345", "9" * 20, "0.5", "e1", "ID1234567",
    "[", "]", ":", "?", "&", "|", "\\", "\x01", "\x7f", "<", ">", "{", "}", "*", "!", "#", "$", "^", "`", "~",
]


def _flat_sets(texts: list) -> list[set[str]]:
    idx, units = idm.search_units_flat(texts)
    assert len(idx) == len(units)
    out: list[set[str]] = [set() for _ in texts]
    for i, u in zip(idx.tolist(), units, strict=True):
        out[i].add(u)
    return out


def _ascii_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ASCII_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(n)]


def test_search_units_flat_equals_search_units_on_hostile_texts():
    """The batch form gives exactly ``search_units`` of every text: hand-written matches, random hostile
    Unicode texts (the Python path) and random ASCII texts built to stress the joined pass (whitespace
    kinds, extensions, long local parts, dots at the ends of runs), with nulls and blanks between them."""
    texts: list = [None, "", *HOLDING, *_random_texts(3000, seed=7), *_ascii_texts(6000, seed=11), "a\x00bcdefgh 555 010 4477"]
    texts.insert(50, None)
    texts.insert(100, "")
    texts.insert(150, "lone \ud800 surrogate jane roe 555 010 4477")  # not Arrow text: the one-by-one path
    got = _flat_sets(texts)
    for text, units in zip(texts, got, strict=True):
        want = idm.search_units(text) if isinstance(text, str) else set()
        assert units == want, f"{text!r}: {sorted(units ^ want)}"
    assert sum(map(len, got)) > 15_000, "the texts should hold many units"


def test_search_units_flat_equals_search_units_on_every_sample_cell():
    cells = sample_cells()
    for text, units in zip(cells, _flat_sets(cells), strict=True):
        assert units == idm.search_units(text), text
