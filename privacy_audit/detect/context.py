"""Table context: a column judged alone may be settled by the other columns of its table.

Names and logins cannot always decide by their shape: "Tiziana Rossini" under ``FIRMATARIO`` or
"guillaumeb655" under ``Identifiant portail`` look like many non-personal words and codes, and the
header is a word the lexicon lacks. But a table that also holds a name column gives evidence no
lexicon can: the *same* first names and surnames recur. :func:`apply_context` takes the first
verdicts of all columns of one table and

* builds the table's name vocabulary from the columns already classified PERSON from short word
  values (not free text; at least :data:`MIN_SOURCE_VALUES` distinct values, so a pick-list of a
  few staff names does not count);
* re-judges each column left null by a *silent* rule (no PII evidence, or spaCy NER undecided),
  never one a negative rule settled (ids, hashes, amounts, dates, coarse geography): it becomes
  PERSON when most of its full names start with one of the table's given names, or USERNAME when
  most values are lower-case logins built from its name tokens (``leconte_ines``, ``guillaumeb655``);
* keeps a free-text column PERSON (spaCy's spans) only when its texts mention the table's own names:
  English NER reads capitalised words of other languages as names.

The vocabulary is learned from the table itself at scan time, never from a word list. Verdicts
depend only on the table, so a table scans the same alone or in a folder and on every engine.

Before that, :func:`table_subject` asks what the table's rows describe. Personal data is information
about a natural person, so a place, a birth-like date or a name the values could not settle is personal
only in a table about people: one with a direct identifier (e-mail, phone, national id, card, IBAN,
login, IP address), a person's name settled by its values, a birth date under a birth-date header, a
key of people (``customer_id``, ``Kunden-Nr``), a header only people have (gender, nationality, marital status), a table named after people in a role
(``students``, ``employees``) or a pick-list of person roles (``Subscriber``/``Customer``). In a table about
no person (a postcode register, airports, a weather log, power plants) places and dates are the rows'
own; in a table about animals a bare "name" is the animal's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..masking import mask
from .columns import (
    BARE_NAME_HEADER,
    LEGAL_FORM,
    PERSON_TABLE_ONLY,
    STREET_WORDS,
    USERNAME_SHAPE,
    WORD_VALUE,
    ColumnVerdict,
)
from .headers import ANIMALS, PERSON_ATTRIBUTES, ROLE_WORDS, header_hints, tokenize

__all__ = ["CONTEXT_VALUES", "MIN_SOURCE_VALUES", "NameVocabulary", "name_vocabulary", "apply_context",
           "TableSubject", "table_subject"]

# distinct values (in first-appearance order) of each column that the context rules read
CONTEXT_VALUES = 2000
# a name column lends its tokens to the table only with this many distinct values
MIN_SOURCE_VALUES = 20
# candidate columns need this many distinct values (a pick-list of a few words decides nothing)
_MIN_CANDIDATE_VALUES = 5
_NAME_SHARE = 0.6  # share of a candidate's full names that must start (or, surname first, end) with a given name
_LOGIN_SHARE = 0.4  # share of a candidate's values that must be logins built from them
# Name particles and connectors: they recur in names without saying whose name it is.
_PARTICLES = frozenset({
    "van", "von", "der", "den", "del", "della", "delle", "dei", "degli", "dos", "das", "los", "las", "les", "ter",
    "ten", "zum", "zur", "und", "and", "het", "san", "santa", "saint", "sainte", "mac", "bin", "ben", "ibn",
})  # fmt: skip
# Null verdicts that silence, not a negative rule, produced (the evidence says so): only these are re-judged.
_SILENT = "no PII evidence"
_FREE_TEXTS = 200  # texts of a free-text column read for names
_FREE_TEXT_SHARE = 0.15  # share of them that must mention one of the table's names to stay PERSON
_MIN_TOKEN = 3
_MIN_AFFIX = 4  # a vocabulary token found at the start or end of a login part ("guillaume" in guillaumeb)


def _fold(text: str) -> str:
    """Lower case without accents: "Hélène" -> "helene" (logins are written without them)."""
    nfkd = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def _name_tokens(value: str) -> list[str]:
    return [t for t in re.split(r"[^a-z]+", _fold(value)) if len(t) >= _MIN_TOKEN and t not in _PARTICLES]


# Header words that say a name column holds given names (its one-word values are first names).
_GIVEN_WORDS = frozenset({
    "first", "firstname", "fname", "given", "givenname", "forename", "christian", "vorname", "vornamen", "prenom",
    "prenoms", "nombre", "nombres", "nome", "prenome", "primo", "primeiro", "proprio", "voornaam", "voornamen",
    "roepnaam", "imie", "imiona", "fornamn", "fornavn", "etunimi", "etunimet", "jmeno", "prenomes", "prenume",
})  # fmt: skip


@dataclass(frozen=True)
class NameVocabulary:
    """The name tokens of one table (folded, 3+ letters, particles left out), the given names among
    them, and the columns they came from."""

    tokens: frozenset[str]
    given: frozenset[str]
    columns: tuple[str, ...]


def _is_name_source(verdict: ColumnVerdict, values: Sequence[str]) -> bool:
    if verdict.entity != "PERSON" or verdict.evidence.startswith("free text") or len(values) < MIN_SOURCE_VALUES:
        return False
    wordy = sum(1 for v in values if len(v) <= 60 and WORD_VALUE.match(v))
    return wordy >= 0.8 * len(values)


def _given_and_rest(value: str) -> tuple[str | None, list[str]]:
    """The given name of a full name ("Anna Maria Rossi" -> anna; "Rossi, Anna" -> anna) and all its
    name tokens; no given name for a one-word value."""
    last, comma, first = value.partition(",")
    toks = _name_tokens(value)
    front = _name_tokens(first if comma else last)
    if len(toks) < 2 or not front:
        return None, toks
    return front[0], toks


def name_vocabulary(columns: Sequence[tuple[str, ColumnVerdict, Sequence[str]]]) -> NameVocabulary | None:
    """The table's name vocabulary from ``(column, first verdict, distinct values)`` triples, or None
    when no column of the table holds names. Given names are the first names of full-name values and
    the values of a column whose header says given name (Vorname, prénom, first name...)."""
    tokens: set[str] = set()
    given: set[str] = set()
    sources: list[str] = []
    for col, verdict, values in columns:
        if not _is_name_source(verdict, values):
            continue
        sources.append(col)
        says_given = bool(set(header_hints(col).tokens) & _GIVEN_WORDS)
        for v in values[:CONTEXT_VALUES]:
            if len(v) <= 60 and WORD_VALUE.match(v):
                first, toks = _given_and_rest(v)
                tokens.update(toks)
                if first:
                    given.add(first)
                elif says_given:
                    given.update(toks)
    return NameVocabulary(frozenset(tokens), frozenset(given), tuple(sources)) if sources else None


def _name_hit(value: str, vocab: NameVocabulary) -> bool | None:
    """Whether a value is a full name that starts, or (surname first) ends, with one of the table's given
    names (None: a one-word value, which says nothing -- surnames alone look like company and brand names)."""
    if len(value) > 60 or not WORD_VALUE.match(value) or LEGAL_FORM.search(value):
        return False
    words = value.split()
    if len(words) > 4 or {w.strip(".,").lower() for w in words} & STREET_WORDS:
        return False
    first, toks = _given_and_rest(value)
    if first is None:
        return None if len(toks) == 1 else False
    # also the surname-first convention of registers: "ROSSI Anna", "COCCI BARTOLOMEO" (surname in capitals)
    return first in vocab.given or (len(words) == 2 and words[0].isupper() and toks[-1] in vocab.given)


def _login_hit(value: str, vocab: frozenset[str]) -> bool:
    """A lower-case login one of whose letter runs is, starts or ends with a name token."""
    if value != value.lower() or " " in value or not USERNAME_SHAPE.match(value):
        return False
    for part in re.split(r"[^a-z]+", _fold(value)):
        if len(part) >= _MIN_TOKEN and part in vocab:
            return True
        for k in range(_MIN_AFFIX, len(part)):
            if part[:k] in vocab or part[-k:] in vocab:
                return True
    return False


def _examples(values: Sequence[str], hits: Sequence[bool], entity: str) -> str:
    return ", ".join(mask(v, entity) for v in [v for v, h in zip(values, hits, strict=True) if h][:2])


def _names_in_text(value: str, vocab: NameVocabulary) -> bool:
    """A text that mentions one of the table's names: a capitalised word that is a name token."""
    return any(w[:1].isupper() and _fold(w) in vocab.tokens for w in re.findall(r"[^\W\d_]{3,}", value))


def _free_text_check(verdict: ColumnVerdict, values: Sequence[str], vocab: NameVocabulary) -> ColumnVerdict:
    """A free-text column called PERSON from spaCy's spans, in a table with name columns: kept only when
    its texts mention the table's names. English NER reads capitalised words of other languages
    (Dutch, Czech, Polish remarks) as names; the people a table's notes talk about are its own."""
    texts = [v for v in values if len(v.split()) >= 3][:_FREE_TEXTS]
    if len(texts) < _MIN_CANDIDATE_VALUES:
        return verdict
    share = sum(_names_in_text(v, vocab) for v in texts) / len(texts)
    if share >= _FREE_TEXT_SHARE:
        return verdict
    ev = (f"free text: spaCy's PERSON spans are not this table's people (only {share:.0%} of {len(texts)} texts "
          f"mention a name found in {_sources(vocab)}): not personal; was: {verdict.evidence}")  # fmt: skip
    return replace(verdict, entity=None, score=round(1 - verdict.score, 3), runner_up="PERSON", evidence=ev)


def _sources(vocab: NameVocabulary) -> str:
    return ", ".join(vocab.columns[:3]) + ("..." if len(vocab.columns) > 3 else "")


def _rejudge(col: str, verdict: ColumnVerdict, values: Sequence[str], vocab: NameVocabulary) -> ColumnVerdict:
    if verdict.entity == "PERSON" and verdict.evidence.startswith("free text"):
        return _free_text_check(verdict, values, vocab)
    if verdict.entity is not None or _SILENT not in verdict.evidence:
        return verdict
    h = header_hints(col)
    if h.coarse_geo or h.event:
        return verdict
    pool = list(values[:CONTEXT_VALUES])
    if len(pool) < _MIN_CANDIDATE_VALUES:
        return verdict
    source = _sources(vocab)
    names = [_name_hit(v, vocab) for v in pool]
    judged = [n for n in names if n is not None]
    share = sum(judged) / max(len(judged), 1)
    if share >= _NAME_SHARE and len(judged) >= 0.3 * len(pool) and not h.id_like:
        ev = (f"table context: {share:.0%} of {len(judged)} distinct full names start with a first name found "
              f"in {source}; e.g. {_examples(pool, [bool(n) for n in names], 'PERSON')}")  # fmt: skip
        return replace(verdict, entity="PERSON", score=round(0.4 + 0.45 * share, 3), coverage=round(share, 3),
                       runner_up=None, evidence=ev)  # fmt: skip
    logins = [_login_hit(v, vocab.tokens) for v in pool]
    share = sum(logins) / len(pool)
    if share >= _LOGIN_SHARE:
        ev = (f"table context: {share:.0%} of {len(pool)} distinct values are lower-case logins built from the "
              f"names in {source}; e.g. {_examples(pool, logins, 'USERNAME')}")  # fmt: skip
        return replace(verdict, entity="USERNAME", score=round(0.4 + 0.45 * share, 3), coverage=round(share, 3),
                       runner_up=None, evidence=ev)  # fmt: skip
    return verdict


# Entities that identify a person wherever they appear: they make a table about people.
_DIRECT = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "NATIONAL_ID", "US_SSN", "IBAN_CODE", "CREDIT_CARD",
                     "USERNAME", "IP_ADDRESS"})  # fmt: skip
# Verdicts that need a person for their subject: a place, a birth-like date.
_PLACES = frozenset({"LOCATION", "POSTAL_CODE"})
# header words of a column only animals have (breed, species; Rasse, Tierart, raza, razza, ras, espece)
_ANIMAL_HEADERS = frozenset({"breed", "species", "rasse", "tierart", "raza", "razza", "raca", "ras", "espece",
                             "especie", "specie", "rase"})  # fmt: skip
# a table narrower than this shows too little to conclude that its rows are about no person
_MIN_SUBJECT_COLUMNS = 3
_PERSON_NOUNS = frozenset({"person", "people", "persons", "staff", "user", "users", "personnel", "human", "citizen",
                           "resident", "voter", "candidate", "deputy", "legislator", "politician", "athlete",
                           "player", "author", "artist", "actor"})  # fmt: skip


@dataclass(frozen=True)
class TableSubject:
    """What one table's rows describe: people (with the first reason found), animals, or neither."""

    people: bool
    animals: bool
    reason: str


def _singular(token: str) -> str:
    return token[:-1] if len(token) > 4 and token.endswith("s") else token


def table_subject(columns: Sequence[tuple[str, ColumnVerdict, Sequence[str]]], dataset: str | None = None) -> TableSubject:
    """Whether the table's rows are about people (see the module docstring for the evidence read)."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,8}$", "", str(dataset or "").replace("\\", "/").rsplit("/", 1)[-1])
    named = {_singular(t) for t in tokenize(stem)} if stem else set()
    roles = named & (ROLE_WORDS | _PERSON_NOUNS)
    animals = bool(named & ANIMALS) and not roles
    headers = {t for col, _, _ in columns for t in header_hints(col).tokens}
    if not animals and headers & _ANIMAL_HEADERS:  # a breed or species column: some rows describe animals
        animals = True
    for col, verdict, _ in columns:
        e = verdict.entity
        if e in _DIRECT:
            return TableSubject(True, animals, f"{e} in '{col}'")
        if e == "PERSON" and PERSON_TABLE_ONLY not in verdict.evidence and not verdict.evidence.startswith("free text") \
                and not (animals and BARE_NAME_HEADER in verdict.evidence):
            return TableSubject(True, animals, f"people's names in '{col}'")
        if e == "DATE_OF_BIRTH" and verdict.evidence.startswith("header"):
            return TableSubject(True, animals, f"birth dates in '{col}'")
    if len(columns) < _MIN_SUBJECT_COLUMNS:  # too narrow to show what its rows are about
        return TableSubject(True, animals, "too few columns to tell")
    for col, _, _ in columns:  # a subject key: customer_id, Kunden-Nr, patient_no
        h = header_hints(col)
        people = {t for t in h.tokens if {t, t[:-1], t[:-2], _singular(t)} & (ROLE_WORDS | _PERSON_NOUNS)}
        if h.id_like and people and not animals:
            return TableSubject(True, False, f"a key of people in '{col}'")
    attrs = headers & PERSON_ATTRIBUTES
    if attrs and not animals:
        return TableSubject(True, False, f"a header only people have ('{sorted(attrs)[0]}')")
    if roles:
        return TableSubject(True, False, f"the table is named after people ('{sorted(roles)[0]}')")
    for col, _, values in columns:
        if 2 <= len(values) <= 10 and all(_singular(_fold(v).strip()) in ROLE_WORDS for v in values):
            return TableSubject(True, False, f"'{col}' is a pick-list of person roles")
    return TableSubject(False, animals, "")


def _subject_check(col: str, verdict: ColumnVerdict, subject: TableSubject, values: Sequence[str]) -> ColumnVerdict:
    """Drop a verdict that holds only for people when the table is about no person (or about animals)."""
    e = verdict.entity
    if e is None:
        return verdict
    why = None
    one_word = sum(len(v.split()) == 1 for v in values[:200]) >= 0.5 * min(len(values), 200)
    if e == "PERSON" and subject.animals and BARE_NAME_HEADER in verdict.evidence and one_word:
        # pets have one name; an owner's full name ("Nombre y apellidos" in a vet's table) stays a person's
        why = "one-word names in a table about animals: the animals'"
    elif not subject.people:
        if e == "PERSON" and (PERSON_TABLE_ONLY in verdict.evidence or verdict.evidence.startswith("free text")):
            why = "names the values did not settle, in a table about no person"
        elif e in _PLACES or (e == "LOCATION" and verdict.evidence.startswith("free text")):
            why = "a place in a table about no person (no direct identifier, no person's name or attribute)"
        elif e == "DATE_OF_BIRTH" and not verdict.evidence.startswith("header"):
            why = "dates in a table about no person: not birth dates"
    if why is None:
        return verdict
    ev = f"table context: {why}: not personal; was: {verdict.evidence}"
    return replace(verdict, entity=None, score=round(max(0.5, verdict.score), 3), runner_up=e, evidence=ev)


def apply_context(columns: Sequence[tuple[str, ColumnVerdict, Sequence[str]]], dataset: str | None = None) -> list[ColumnVerdict]:
    """Final verdicts of one table's columns, given ``(column, first verdict, distinct values in
    first-appearance order)`` for each (at least the first :data:`CONTEXT_VALUES` values); ``dataset``:
    the table's name or path (its words may say what the rows are about)."""
    subject = table_subject(columns, dataset)
    columns = [(col, _subject_check(str(col), v, subject, vals), vals) for col, v, vals in columns]
    vocab = name_vocabulary(columns)
    if vocab is None or not vocab.tokens:
        return [v for _, v, _ in columns]
    return [_rejudge(str(col), verdict, values, vocab) for col, verdict, values in columns]
