"""The header vocabulary as data: per-language files, their schema, and a user's ``--lexicon`` file."""

from __future__ import annotations

import random
from collections import Counter

import pandas as pd
import pytest

from privacy_audit.cli import run_guarded
from privacy_audit.detect import headers
from privacy_audit.detect.headers import header_hints, use_lexicon
from privacy_audit.detect.lexicon import ENTITIES, WORD_CLASSES, builtin_lexicon, lexicon_files, parse_lexicon
from privacy_audit.errors import ConfigError
from privacy_audit.scan import scan

LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "no", "fi", "cs", "ro"}


def test_one_valid_file_per_language_and_no_word_twice():
    files = dict(lexicon_files())
    assert {name.removesuffix(".yaml") for name in files} == LANGUAGES
    seen: Counter = Counter()
    for name, text in files.items():
        doc = parse_lexicon(text, name, user=False)
        assert doc["language"] == name.removesuffix(".yaml")
        for entity, phrases in doc.get("entities", {}).items():
            assert len(phrases) == len(set(phrases)), f"{name}: {entity} lists a phrase twice"
            seen.update(phrases)
        for cls, words in doc.get("words", {}).items():
            assert len(words) == len(set(words)), f"{name}: {cls} lists a word twice"
    assert [p for p, n in seen.items() if n > 1] == []  # a phrase is in one language's file, for one entity


def test_builtin_vocabulary_is_what_the_header_rules_read():
    lex = builtin_lexicon()
    assert set(lex.entities) == set(ENTITIES) and set(lex.words) == set(WORD_CLASSES)
    assert sum(map(len, lex.entities.values())) > 900
    assert headers.ROLE_WORDS == set(lex.words["role_words"])
    assert "geburtsdatum" in {p for p in lex.entities["DATE_OF_BIRTH"]}


# header -> entity, per language: one table, read through the same tokenizer the scanner uses
HEADERS = {
    "en": [("Date of Birth", "DATE_OF_BIRTH"), ("home_address", "LOCATION"), ("Mobile Phone", "PHONE_NUMBER"),
           ("last_name", "PERSON"), ("zip_code", "POSTAL_CODE"), ("social_security_number", "US_SSN")],
    "de": [("Geburtsdatum", "DATE_OF_BIRTH"), ("Nachname", "PERSON"), ("Postleitzahl", "POSTAL_CODE"),
           ("Festnetz", "PHONE_NUMBER"), ("Wohnort", "LOCATION"), ("Vornamen", "PERSON")],
    "fr": [("date_de_naissance", "DATE_OF_BIRTH"), ("Prénom", "PERSON"), ("courriel", "EMAIL_ADDRESS"),
           ("code postal", "POSTAL_CODE"), ("numero_secu", "NATIONAL_ID")],
    "es": [("fecha de nacimiento", "DATE_OF_BIRTH"), ("apellidos", "PERSON"), ("correo electrónico", "EMAIL_ADDRESS"),
           ("código postal", "POSTAL_CODE"), ("dirección", "LOCATION")],
    "it": [("data di nascita", "DATE_OF_BIRTH"), ("cognome", "PERSON"), ("codice fiscale", "NATIONAL_ID"),
           ("cellulare", "PHONE_NUMBER"), ("indirizzo", "LOCATION")],
    "pt": [("data de nascimento", "DATE_OF_BIRTH"), ("sobrenome", "PERSON"), ("telemóvel", "PHONE_NUMBER"),
           ("morada", "LOCATION"), ("código postal", "POSTAL_CODE")],
    "nl": [("geboortedatum", "DATE_OF_BIRTH"), ("achternaam", "PERSON"), ("woonplaats", "LOCATION"),
           ("telefoonnummer", "PHONE_NUMBER"), ("rekeningnummer", "IBAN_CODE")],
    "pl": [("data urodzenia", "DATE_OF_BIRTH"), ("nazwisko", "PERSON"), ("kod pocztowy", "POSTAL_CODE"),
           ("numer telefonu", "PHONE_NUMBER"), ("miejscowość", "LOCATION")],
    "sv": [("födelsedatum", "DATE_OF_BIRTH"), ("efternamn", "PERSON"), ("postnummer", "POSTAL_CODE"),
           ("personnummer", "NATIONAL_ID")],
    "da": [("fødselsdato", "DATE_OF_BIRTH"), ("efternavn", "PERSON"), ("vejnavn", "LOCATION"), ("By", "LOCATION")],
    "no": [("fødselsnummer", "NATIONAL_ID"), ("etternavn", "PERSON"), ("poststed", "LOCATION"),
           ("fornavn", "PERSON")],
    "fi": [("syntymäaika", "DATE_OF_BIRTH"), ("sukunimi", "PERSON"), ("puhelinnumero", "PHONE_NUMBER"),
           ("henkilötunnus", "NATIONAL_ID")],
    "cs": [("datum narození", "DATE_OF_BIRTH"), ("příjmení", "PERSON"), ("rodné číslo", "NATIONAL_ID"),
           ("PSČ", "POSTAL_CODE")],
    "ro": [("data nașterii", "DATE_OF_BIRTH"), ("prenume", "PERSON"), ("CNP", "NATIONAL_ID")],
}  # fmt: skip


@pytest.mark.parametrize(("lang", "header", "entity"), [(lang, h, e) for lang, rows in HEADERS.items() for h, e in rows])
def test_header_says_entity_per_language(lang, header, entity):
    assert entity in header_hints(header).entities, f"{lang}: {header!r} -> {header_hints(header).entities}"


def test_every_language_has_a_header_table():
    assert set(HEADERS) == LANGUAGES


def _phones(n: int = 200) -> list[str]:
    rng = random.Random(7)
    return [f"{rng.randint(2_000_000, 9_999_999)}" for _ in range(n)]  # 7 bare digits: a phone only by its header


def test_user_lexicon_adds_a_header_word_and_removes_one(tmp_path):
    df = pd.DataFrame({"numarul": _phones(), "plz": [f"{10000 + i}" for i in range(200)],
                       "geschlecht": ["f", "m"] * 100})  # a header only people have: a table about people
    before = {c.column: c.entity for c in scan(df, name="t", progress=False).columns}
    assert before["numarul"] is None and before["plz"] == "POSTAL_CODE"
    lex = tmp_path / "ro_extra.yaml"
    lex.write_text('language: "ro"\nentities:\n  PHONE_NUMBER: ["numarul"]\n'
                   'remove:\n  entities:\n    POSTAL_CODE: ["plz"]\n', encoding="utf-8")  # fmt: skip
    after = {c.column: c.entity for c in scan(df, name="t", progress=False, lexicon=lex).columns}
    assert after["numarul"] == "PHONE_NUMBER" and after["plz"] is None
    # the built-in vocabulary is back after the scan
    assert {c.column: c.entity for c in scan(df, name="t", progress=False).columns} == before


def test_cli_lexicon_option(tmp_path, capsys):
    data = tmp_path / "t.csv"
    pd.DataFrame({"numarul": _phones(), "id": range(200)}).to_csv(data, index=False)
    lex = tmp_path / "extra.yaml"
    lex.write_text('language: "ro"\nentities:\n  PHONE_NUMBER: ["numarul"]\n', encoding="utf-8")
    assert run_guarded(["scan", str(data), "--format", "csv", "--no-progress", "--lexicon", str(lex)]) == 0
    assert "numarul,PHONE_NUMBER" in capsys.readouterr().out


@pytest.mark.parametrize(("text", "why"), [
    ("language: en\nentities:\n  FOO: [x]\n", "unknown entity 'FOO'"),
    ("language: en\nwords:\n  colours: [red]\n", "unknown class 'colours'"),
    ("language: en\nentities:\n  PERSON: [Vorname]\n", "not lower-case ASCII"),
    ("language: en\nentities:\n  PERSON: vorname\n", "must be a list"),
    ("entities:\n  PERSON: [vorname]\n", "'language'"),
    ("language: en\nphrases: {}\n", "unknown key 'phrases'"),
    ("language: en\nentities: [\n", "not valid YAML"),
    ("- just\n- a list\n", "must be a YAML mapping"),
])  # fmt: skip
def test_bad_lexicon_file_is_one_line_and_exit_2(tmp_path, capsys, text, why):
    data = tmp_path / "t.csv"
    pd.DataFrame({"a": ["x", "y"]}).to_csv(data, index=False)
    lex = tmp_path / "bad.yaml"
    lex.write_text(text, encoding="utf-8")
    assert run_guarded(["scan", str(data), "--no-progress", "--lexicon", str(lex)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and why in out.err and "Traceback" not in out.err
    assert len([line for line in out.err.splitlines() if line.strip()]) == 1
    with pytest.raises(ConfigError), use_lexicon(lex):
        pass


def test_missing_lexicon_file(tmp_path, capsys):
    assert run_guarded(["scan", str(tmp_path), "--no-progress", "--lexicon", str(tmp_path / "nope.yaml")]) == 2
    assert "cannot be read" in capsys.readouterr().err
