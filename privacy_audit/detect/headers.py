"""Header evidence: a multilingual lexicon of column-name phrases, matched as tokens.

Column names are split into lower-case ASCII tokens (``EmailAddress`` -> ``email address``,
``geburts_datum`` -> ``geburts datum``, ``Téléphone`` -> ``telephone``); lexicon phrases match whole
token runs, longest first, so ``email`` never matches inside ``emailed_at``'s sibling ``mailbox_count``
and ``nombre de usuario`` wins over ``nombre``. Written by hand from general vocabulary; it is not
derived from any test-data generator's word lists.

The vocabulary is data: one YAML file per language in :mod:`.lexicon` (EN, DE, FR, ES, IT, PT, NL, PL,
SV, DA, NO, FI, CS, RO), loaded once into the module-level sets below. :func:`use_lexicon` swaps in the
built-in vocabulary extended by a user's file for the duration of a scan (``privacy-audit scan --lexicon``).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import Lexicon, builtin_lexicon, load_lexicon

__all__ = ["HeaderHint", "tokenize", "header_hints", "LEXICON", "EVENT_TOKENS", "COARSE_GEO_TOKENS", "ACTOR_TAILS",
           "ROLE_WORDS", "BANK_CONTEXT", "GENERIC_NAME_PHRASES", "ANIMALS", "PERSON_ATTRIBUTES", "use_lexicon",
           "active_lexicon"]

# entity -> phrases (space-separated tokens after tokenize()).
LEXICON: dict[str, tuple[str, ...]] = {}

# Words for "name" (a person's name unless qualified: product name, nome prodotto, name_id...).
_NAME_WORDS: set[str] = set()  # lexicon words: name_words

# Phrases that say "a name" without saying whose: the values must show people's names.
GENERIC_NAME_PHRASES: set[str] = set()  # lexicon words: generic_name_phrases

# A "name" token preceded by one of these is not a person's name (product name, file name...).
_NOT_PERSON_QUALIFIERS: set[str] = set()  # lexicon words: not_person_qualifiers

# A "name" token followed by one of these is about names, not a name (name_id, name_type...).
_NOT_PERSON_TAILS: set[str] = set()  # lexicon words: not_person_tails

# Prepositions skipped when looking at the word after a name word (nome do produto, nom de la ville).
_PREPOSITIONS: set[str] = set()  # lexicon words: prepositions

# Short tokens that mean personal data in one language and something else in another ("cap" is the
# Italian postcode and a limit in English): ignored when the header also has one of these words.
_AMBIGUOUS_SHORT: set[str] = set()  # lexicon words: ambiguous_short
_AMBIGUITY_CONTEXT: set[str] = set()  # lexicon words: ambiguity_context

# Words that mean personal data only as the whole header ("By" is the Danish/Norwegian town; "created_by"
# is not a town).
_WHOLE_HEADER_ONLY: dict[str, str] = {}
# "<action> by" in several languages: who did it, as a login or a name (created_by, Oprettet af,
# uitgegeven door, erstellt von, créé par); the values decide which.
ACTOR_TAILS: set[str] = set()  # lexicon words: actor_tails
# Words that make a role header about something else (customer segment, patient count, member since).
_NOT_ROLE: set[str] = set()  # lexicon words: not_role
_NOT_ACTORS: set[str] = set()  # lexicon words: not_actors
# A person acting on a record, as the last word of a header (target_user, end_user, user).
_USER_HEADS: set[str] = set()  # lexicon words: user_heads
# Romance word order puts the head first: usuario_comprador, utente acquirente
_USER_HEADS_FIRST: set[str] = set()  # lexicon words: user_heads_first

# Nouns for a person in a role (patient, applicant, GP, contact person...): a header made of one says the
# values are people, which the values must then show (full names, not categories).
ROLE_WORDS: set[str] = set()  # lexicon words: role_words
# An animal's name or birth date is not personal data (Pet Name, Hund Geburtsdatum), unless a person is named too.
ANIMALS: set[str] = set()  # lexicon words: animals
_ANIMALS = ANIMALS

# Header words only a person has (a table with one describes people): gender, nationality, marital status.
PERSON_ATTRIBUTES: set[str] = set()  # lexicon words: person_attributes

# Tokens that mark an event/validity date rather than a birth date.
EVENT_TOKENS: set[str] = set()  # lexicon words: event_tokens

# Tokens of coarse geography (not a location of a person at column level).
COARSE_GEO_TOKENS: set[str] = set()  # lexicon words: coarse_geo_tokens

# Glued compounds (German, Dutch, Nordic, Finnish; English headers written without separators) are split
# into modifier + head when the head is a lexicon word: Kunden|telefon, Rechnungs|adresse, klant|naam,
# billing|city. Heads whose value check is weak (a name or a place is any word: Tarif|name, Lager|ort)
# or that also end unrelated words (ethni|city, micro|phone) split only after a modifier from
# _MODIFIERS, a person or a personal context; "ort" never after -p/-f/-w (report, effort, Passwort).
_GUARDED_HEADS: set[str] = set()  # lexicon words: guarded_heads
# Modifiers that make a guarded head personal: roles of people and kinds of personal contact details.
_MODIFIERS: set[str] = set()  # lexicon words: modifiers
_NUMBER_TAILS: set[str] = set()  # lexicon words: number_tails
_NOT_HEADS: set[str] = set()  # lexicon words: not_heads


def _stem(modifier: str, known: set[str]) -> str:
    """The modifier without a linking element (Kunden-, Geburts-, gebruikers-) when that form is known."""
    for cut in ("", "s", "n", "e", "en", "es", "er"):
        if cut and not modifier.endswith(cut):
            continue
        form = modifier[: len(modifier) - len(cut)]
        if len(form) >= 3 and form in known:
            return form
    return modifier


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^0-9a-zA-Z]+")
_PHRASES: list[tuple[tuple[str, ...], str]] = []
# first word -> positions in _PHRASES of the phrases starting with it (a phrase matches only where its first word
# is a token: only its last word may be abbreviated), so a header is matched against its candidates, not the lexicon
_BY_FIRST: dict[str, list[int]] = {}


_SINGLE: dict[str, str] = {}
# glued forms of multi-word phrases (dateofbirth, placeofbirth, accountnumber) are phrases too
_HEADS_LONGEST_FIRST: list[str] = []
_GLUED: dict[str, str] = {}


def _ascii_fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("ẞ", "SS")
    # letters NFKD does not decompose (Danish/Norwegian, Polish, Croatian, French ligature)
    text = text.translate(str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L",
                                         "đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}))
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# "-nr" is how German, Dutch and Nordic headers shorten "-nummer" (Steuernr, Fødselsnr, Kundennr): a glued word
# ending in "nr" reads as its "-nummer" form when that form is a lexicon word.
_NUMMER: dict[str, str] = {}


def tokenize(header: object) -> list[str]:
    """Lower-case ASCII tokens of a column name (camelCase, snake_case, kebab-case, spaces, accents)."""
    text = re.sub(r"(?i)\bn\.?\s*[°º]", " numero ", str(header)).replace("#", " number ")  # "N° fiscal", "Account #"
    text = re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group().replace(".", "") + " ", text)  # C.P. -> CP, N.I. -> NI
    text = _ascii_fold(text)
    text = _CAMEL.sub(" ", text)
    text = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", text)
    return [_NUMMER.get(t, t) for t in (t.lower() for t in _NON_ALNUM.split(text) if t)]


def _split_compound(token: str, known: set[str]) -> list[str]:
    """``token`` as [modifier, head] when it is a glued compound ending in a lexicon word, else [token]."""
    if len(token) < 6 or token in known:
        return [token]
    if token in _GLUED:
        return [token]
    splits = []
    for head in _SINGLE:
        if head in _NOT_HEADS or not token.endswith(head) or len(token) - len(head) < 4:
            continue
        if len(head) < (3 if head == "ort" else 4):
            continue
        modifier = token[: -len(head)]
        stem = _stem(modifier, known)
        name_of_place = head in _NAME_WORDS and stem in _SINGLE  # Orts|name, Strassen|name
        if head in _GUARDED_HEADS and stem not in _MODIFIERS and not name_of_place:
            continue
        if head == "ort" and modifier.endswith(("p", "f", "w")):  # report, effort, Passwort, Antwort
            continue
        splits.append((stem in known, len(head), stem, head))
    if splits:  # a known modifier first (Artikel|name over artike|lname), then the longest head
        _, _, stem, head = max(splits)
        if head in _NAME_WORDS and stem in _SINGLE and _SINGLE[stem] != "PERSON":
            return [stem]  # the name of a place/street is that place (Ortsname, stadnaam)
        return [stem, head]
    for head in _HEADS_LONGEST_FIRST:  # modifier-first: telefonnr, handynummer
        if len(head) >= 3 and token.startswith(head) and token[len(head):] in _NUMBER_TAILS:
            return [head, token[len(head):]]
    return [token]


@dataclass(frozen=True)
class HeaderHint:
    """What a column name says: entities hinted (with the phrase), and kind tokens."""

    header: str
    tokens: tuple[str, ...]
    entities: dict[str, str]  # entity -> matched phrase
    event: bool  # an event/validity date word (created, order, expiry...)
    coarse_geo: bool  # country/state/region...
    id_like: bool  # id, key, uuid, token, hash...
    role: bool = False  # a person-role noun (patient, applicant, GP) not qualified by id/type/count...
    thing_place: bool = False  # a place word owned by no person (building_address, company_zip)

    def hints(self, entity: str) -> bool:
        return entity in self.entities


_ID_TOKENS: set[str] = set()  # lexicon words: id_tokens


_KNOWN: set[str] = set()


_NAME_PARTS: set[str] = set()  # lexicon words: name_parts
# Words that put an account next to a bank (and direct debits: SEPA, Lastschrift, domiciliation, PAD).
BANK_CONTEXT: set[str] = set()  # lexicon words: bank_context
# "account" in the languages of the lexicon, and its abbreviations
_ACCOUNT_WORDS: set[str] = set()  # lexicon words: account_words


def _rule_hints(tokens: list[str], used: list[bool], entities: dict[str, str]) -> None:
    """Hints beyond the phrase lexicon, added to ``entities`` in place: glued phrases, role + name part,
    animals, whole-header-only words, actor headers ("created by") and user words."""
    for i, t in enumerate(tokens):
        if not used[i] and t in _GLUED:
            used[i] = True
            entities.setdefault(_GLUED[t], t)
    present = set(tokens)
    if not entities and present & ROLE_WORDS and present & _NAME_PARTS:  # Owner Last, patient first
        entities["PERSON"] = " ".join(t for t in tokens if t in ROLE_WORDS | _NAME_PARTS)
    if present & _ANIMALS and not present & ROLE_WORDS:  # Pet Name, Hund Geburtsdatum
        for entity in ("PERSON", "DATE_OF_BIRTH"):
            entities.pop(entity, None)
    if not entities and present & _ACCOUNT_WORDS and present & BANK_CONTEXT:  # Bank BSB / Acc No, Acct (direct debit)
        entities["IBAN_CODE"] = " ".join(t for t in tokens if t in _ACCOUNT_WORDS | BANK_CONTEXT)
    if len(tokens) == 1 and tokens[0] in _WHOLE_HEADER_ONLY:
        entities.setdefault(_WHOLE_HEADER_ONLY[tokens[0]], tokens[0])
    if (not entities and len(tokens) >= 2 and tokens[-1] in ACTOR_TAILS
            and tokens[-2] not in _ID_TOKENS | _NOT_ACTORS
            # outside English the word before must read as a participle: erstellt von, créé par, creado por,
            # aangemaakt door, oprettet af -- not Zeitraum von ("period from"), Preis von
            and (tokens[-1] == "by" or tokens[-2].endswith(("t", "d", "e", "o", "a", "en")))):  # fmt: skip
        phrase = " ".join(tokens[-2:])  # created by, Oprettet af: a login or a name
        entities.update({"USERNAME": phrase, "PERSON": phrase})
    if not entities and tokens and tokens[-1] in _USER_HEADS and not used[-1]:
        entities["USERNAME"] = tokens[-1]
    if not entities and tokens and tokens[0] in _USER_HEADS_FIRST and not present & (_ID_TOKENS | _NOT_PERSON_TAILS):
        entities["USERNAME"] = tokens[0]


def _abbreviated(header: object) -> set[str]:
    """Tokens written with a closing dot (``Kod poczt.``, ``Data urodz.``): abbreviations."""
    return {_ascii_fold(w).lower() for w in re.findall(r"([^\W\d_]{4,})\.", str(header))}


def _phrase_at(tokens: list[str], i: int, phrase: tuple[str, ...], abbreviated: set[str]) -> bool:
    """``phrase`` at ``tokens[i:]``; the last word of a phrase of two or more may be abbreviated with a
    dot (``kod poczt.`` for "kod pocztowy"), the words before it written out."""
    n = len(phrase)
    got = tuple(tokens[i : i + n])
    if got == phrase:
        return True
    last = got[-1] if len(got) == n else ""
    return (n >= 2 and got[:-1] == phrase[:-1] and last in abbreviated and len(last) >= 4
            and phrase[-1].startswith(last) and last != phrase[-1])  # fmt: skip


# Owners of an address that are no person: an organisation's or a building's address is not personal data.
_PLACE_OWNERS: set[str] = set()  # lexicon words: place_owners


def _qualified(tokens: list[str], i: int, qualifiers: set[str] | frozenset[str] = _NOT_PERSON_QUALIFIERS) -> bool:
    """A word before ``tokens[i]`` says the name is a thing's (``building_short_name``, ``dept_name``); a
    person's role or context word in between keeps it a person's (``store_manager_name``)."""
    for t in reversed(tokens[:i]):
        if t in qualifiers:
            return True
        if t in ROLE_WORDS or t in _MODIFIERS:
            return False
    return False


def header_hints(header: object) -> HeaderHint:
    """Match the lexicon against the tokens of ``header`` (longest phrase first, tokens consumed)."""
    return _header_hints(str(header))


@lru_cache(maxsize=1 << 16)  # a table of 20,000 columns asks for each header three times (scan, context)
def _header_hints(header: str) -> HeaderHint:
    tokens = [part for t in tokenize(header) for part in _split_compound(t, _KNOWN)]
    abbreviated = _abbreviated(header)
    used = [False] * len(tokens)
    entities: dict[str, str] = {}
    thing_place = False
    candidates = sorted({k for t in set(tokens) for k in _BY_FIRST.get(t, ())})  # in _PHRASES order
    for phrase, entity in (_PHRASES[k] for k in candidates):
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if any(used[i : i + n]) or not _phrase_at(tokens, i, phrase, abbreviated):
                continue
            if entity == "PERSON" and set(phrase) & _NAME_WORDS and _qualified(tokens, i):
                continue
            if entity in ("LOCATION", "POSTAL_CODE") and _qualified(tokens, i, _PLACE_OWNERS):
                thing_place = True
                continue
            if entity == "PERSON" and phrase[-1] in _NAME_WORDS and i + n < len(tokens):
                after = [t for t in tokens[i + n :] if t not in _PREPOSITIONS]
                if after and after[0] in _NOT_PERSON_TAILS:
                    continue
            if n == 1 and phrase[0] in _AMBIGUOUS_SHORT and set(tokens) & _AMBIGUITY_CONTEXT:
                continue
            for j in range(i, i + n):
                used[j] = True
            entities.setdefault(entity, " ".join(phrase))
    _rule_hints(tokens, used, entities)
    rest = {t for t, u in zip(tokens, used, strict=True) if not u}
    role = bool(set(tokens) & ROLE_WORDS) and not (set(tokens) & (_ID_TOKENS | _NOT_PERSON_TAILS | _NOT_ROLE))
    return HeaderHint(
        role=role,
        thing_place=thing_place,
        header=str(header),
        tokens=tuple(tokens),
        entities=entities,
        event=bool(rest & EVENT_TOKENS),
        coarse_geo=bool(set(tokens) & COARSE_GEO_TOKENS),
        id_like=bool(rest & _ID_TOKENS),
    )


# ------------------------------------------------------------------------------------ vocabulary

_CLASSES: dict[str, set[str]] = {
    "name_words": _NAME_WORDS, "generic_name_phrases": GENERIC_NAME_PHRASES,
    "not_person_qualifiers": _NOT_PERSON_QUALIFIERS, "not_person_tails": _NOT_PERSON_TAILS,
    "prepositions": _PREPOSITIONS, "ambiguous_short": _AMBIGUOUS_SHORT, "ambiguity_context": _AMBIGUITY_CONTEXT,
    "actor_tails": ACTOR_TAILS, "not_role": _NOT_ROLE, "not_actors": _NOT_ACTORS, "user_heads": _USER_HEADS,
    "user_heads_first": _USER_HEADS_FIRST, "role_words": ROLE_WORDS, "animals": ANIMALS,
    "person_attributes": PERSON_ATTRIBUTES, "event_tokens": EVENT_TOKENS, "coarse_geo_tokens": COARSE_GEO_TOKENS,
    "guarded_heads": _GUARDED_HEADS, "modifiers": _MODIFIERS, "number_tails": _NUMBER_TAILS, "not_heads": _NOT_HEADS,
    "id_tokens": _ID_TOKENS, "name_parts": _NAME_PARTS, "bank_context": BANK_CONTEXT, "account_words": _ACCOUNT_WORDS,
    "place_owners": _PLACE_OWNERS,
}  # fmt: skip
_ACTIVE: list[Lexicon] = []
_LOCK = threading.RLock()


def _install(lex: Lexicon) -> None:
    """Fill the module-level sets from ``lex`` (in place: other modules hold references to them)."""
    for cls, target in _CLASSES.items():
        target.clear()
        target.update(lex.words.get(cls, ()))
    LEXICON.clear()
    LEXICON.update({e: ps for e, ps in lex.entities.items() if ps})
    _WHOLE_HEADER_ONLY.clear()
    _WHOLE_HEADER_ONLY.update(lex.whole_header_only)
    _PHRASES[:] = sorted(((tuple(p.split()), e) for e, ps in LEXICON.items() for p in ps), key=lambda it: -len(it[0]))
    _BY_FIRST.clear()
    for k, (p, _) in enumerate(_PHRASES):
        _BY_FIRST.setdefault(p[0], []).append(k)
    _SINGLE.clear()
    _SINGLE.update({p[0]: e for p, e in _PHRASES if len(p) == 1})
    _HEADS_LONGEST_FIRST[:] = sorted(_SINGLE, key=len, reverse=True)
    _GLUED.clear()
    _GLUED.update({"".join(p): e for p, e in reversed(_PHRASES) if len(p) > 1 and "".join(p) not in _SINGLE})
    _NUMMER.clear()
    _NUMMER.update({p[0][:-6] + "nr": p[0] for p, _ in _PHRASES
                    if len(p) == 1 and p[0].endswith("nummer") and len(p[0]) > 9})  # fmt: skip
    _KNOWN.clear()
    _KNOWN.update(set(_SINGLE) | {t for p, _ in _PHRASES for t in p} | _NOT_PERSON_QUALIFIERS | _NOT_PERSON_TAILS
                  | _MODIFIERS | EVENT_TOKENS | COARSE_GEO_TOKENS | _ID_TOKENS | _NUMBER_TAILS)  # fmt: skip
    _header_hints.cache_clear()
    _ACTIVE[:] = [lex]


def active_lexicon() -> Lexicon:
    """The vocabulary header evidence is read with now."""
    return _ACTIVE[0]


@contextmanager
def use_lexicon(path: str | Path | None) -> Iterator[Lexicon]:
    """Read headers with the built-in vocabulary extended by the lexicon file ``path`` (None: built-in only)
    inside the ``with`` block; a bad file raises ConfigError before anything changes."""
    lex = load_lexicon(path)
    with _LOCK:
        previous = _ACTIVE[0]
        _install(lex)
        try:
            yield lex
        finally:
            _install(previous)


_install(builtin_lexicon())
