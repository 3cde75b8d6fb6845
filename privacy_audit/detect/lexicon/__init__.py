"""The header vocabulary as data: one YAML file per language, validated, loaded once, extendable by users.

Each ``<lang>.yaml`` in this folder (and a user's ``--lexicon FILE``) is a mapping with these keys, all
optional except ``language``:

``language``
    a language code (``en``, ``de``, ...; a user file may name any).
``entities``
    ``{ENTITY: [phrase, ...]}``: header phrases that say a column holds that entity. A phrase is one or
    more lower-case ASCII words as :func:`privacy_audit.detect.headers.tokenize` writes a header
    (``Téléphone portable`` -> ``telephone portable``). ENTITY is one of :data:`ENTITIES`.
``words``
    ``{class: [word, ...]}``: words of the classes the header rules read (:data:`WORD_CLASSES` says
    what each class does).
``whole_header_only``
    ``{word: ENTITY}``: words that mean the entity only as the whole header (Danish ``By`` = town).
``remove``
    user files only: the same three keys, listing words to take out of the built-in vocabulary.

Files are read with ``yaml.safe_load`` and checked by hand; a bad file raises
:class:`~privacy_audit.errors.ConfigError` with one line naming the file and the problem.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from ...errors import ConfigError

__all__ = ["ENTITIES", "WORD_CLASSES", "Lexicon", "builtin_lexicon", "load_lexicon", "lexicon_files", "parse_lexicon"]

# Entities a header phrase may hint, in the order their phrases are tried (earlier wins a tie).
ENTITIES = ("EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "LOCATION", "POSTAL_CODE", "CREDIT_CARD", "IBAN_CODE", "US_SSN",
            "IP_ADDRESS", "DATE_OF_BIRTH", "NATIONAL_ID", "USERNAME")  # fmt: skip

WORD_CLASSES: dict[str, str] = {
    "name_words": "words for 'name' (a person's name unless qualified)",
    "generic_name_phrases": "phrases that say 'a name' without saying whose: the values must show people's names",
    "not_person_qualifiers": "a word before a name word that makes it a thing's name (product name, dept_name)",
    "not_person_tails": "a word after a name word that makes it about names, not a name (name_id, nome prodotto)",
    "prepositions": "words skipped after a name word (nome do produto)",
    "ambiguous_short": "short words personal in one language and not in another (cap)",
    "ambiguity_context": "words that make an ambiguous short word non-personal (market cap)",
    "actor_tails": "'<action> by' words (created_by, erstellt von)",
    "not_role": "words that make a role header about something else (customer segment)",
    "not_actors": "participles that are no action of a person (sorted by)",
    "user_heads": "a person acting on a record, as the last word (target_user)",
    "user_heads_first": "the same in Romance word order, as the first word (usuario_comprador)",
    "role_words": "nouns for a person in a role (patient, applicant, manager)",
    "animals": "animals (a pet's name or birth date is not personal data)",
    "person_attributes": "header words only people have (gender, nationality, residence)",
    "event_tokens": "words that mark an event or validity date, not a birth date",
    "coarse_geo_tokens": "coarse geography (country, state, region)",
    "guarded_heads": "compound heads that split off only after a personal modifier",
    "modifiers": "modifiers that make a guarded head personal (customer, billing, home)",
    "number_tails": "words for 'number' after a head (telefonnr)",
    "not_heads": "abbreviations that end no compound",
    "id_tokens": "words of ids, keys and codes",
    "name_parts": "first/last/middle/given/family",
    "bank_context": "words that put an account next to a bank",
    "account_words": "'account' and its abbreviations",
    "place_owners": "owners of an address that are no person (building_address, company_zip)",
}
_TOP = {"language", "entities", "words", "whole_header_only", "remove"}
_WORD = re.compile(r"^[a-z0-9]+(?: [a-z0-9]+)*$")


@dataclass(frozen=True)
class Lexicon:
    """A merged vocabulary: phrases per entity (in file order), word classes, whole-header words and
    the files it came from."""

    entities: dict[str, tuple[str, ...]]
    words: dict[str, frozenset[str]]
    whole_header_only: dict[str, str]
    sources: tuple[str, ...] = field(default=())

    def merged(self, other: dict, source: str) -> Lexicon:
        """This vocabulary extended by a parsed file (:func:`parse_lexicon`), then its ``remove`` applied."""
        entities = {e: list(self.entities.get(e, ())) for e in ENTITIES}
        for e, phrases in other.get("entities", {}).items():
            entities[e].extend(p for p in phrases if p not in entities[e])
        words = {c: set(self.words.get(c, ())) for c in WORD_CLASSES}
        for c, ws in other.get("words", {}).items():
            words[c].update(ws)
        whole = dict(self.whole_header_only) | other.get("whole_header_only", {})
        rm = other.get("remove", {})
        for e, phrases in rm.get("entities", {}).items():
            entities[e] = [p for p in entities[e] if p not in set(phrases)]
        for c, ws in rm.get("words", {}).items():
            words[c] -= set(ws)
        for w in rm.get("whole_header_only", {}):
            whole.pop(w, None)
        return Lexicon({e: tuple(ps) for e, ps in entities.items()}, {c: frozenset(ws) for c, ws in words.items()},
                       whole, (*self.sources, source))  # fmt: skip


def _fail(source: str, why: str) -> ConfigError:
    return ConfigError(f"lexicon {source}: {why}")


def _word_list(value: object, where: str, source: str) -> list[str]:
    if not isinstance(value, list):
        raise _fail(source, f"{where} must be a list of words, got {type(value).__name__}")
    out = []
    for w in value:
        if not isinstance(w, str) or not _WORD.match(w):
            raise _fail(source, f"{where}: {w!r} is not lower-case ASCII words separated by single spaces")
        out.append(w)
    return out


def _body(doc: dict, source: str, where: str = "") -> dict:
    out: dict = {}
    ents = doc.get("entities", {})
    if not isinstance(ents, dict):
        raise _fail(source, f"{where}entities must be a mapping of ENTITY: [phrases]")
    for e, phrases in ents.items():
        if e not in ENTITIES:
            raise _fail(source, f"{where}entities: unknown entity {e!r} (one of {', '.join(ENTITIES)})")
        out.setdefault("entities", {})[e] = _word_list(phrases, f"{where}entities.{e}", source)
    words = doc.get("words", {})
    if not isinstance(words, dict):
        raise _fail(source, f"{where}words must be a mapping of class: [words]")
    for c, ws in words.items():
        if c not in WORD_CLASSES:
            raise _fail(source, f"{where}words: unknown class {c!r} (one of {', '.join(WORD_CLASSES)})")
        out.setdefault("words", {})[c] = _word_list(ws, f"{where}words.{c}", source)
    whole = doc.get("whole_header_only", {})
    if not isinstance(whole, dict):
        raise _fail(source, f"{where}whole_header_only must be a mapping of word: ENTITY")
    for w, e in whole.items():
        _word_list([w], f"{where}whole_header_only", source)
        if e not in ENTITIES:
            raise _fail(source, f"{where}whole_header_only.{w}: unknown entity {e!r}")
        out.setdefault("whole_header_only", {})[w] = e
    return out


def parse_lexicon(text: str, source: str, *, user: bool = True) -> dict:
    """Validate one lexicon document (YAML text) and return its checked content (see the module docstring)."""
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise _fail(source, "not valid YAML" + (f" (line {line + 1})" if line is not None else "")) from None
    if not isinstance(doc, dict):
        raise _fail(source, "must be a YAML mapping with 'language' and 'entities'/'words'")
    unknown = set(doc) - _TOP - (set() if user else {"remove"})
    if unknown or (not user and "remove" in doc):
        raise _fail(source, f"unknown key {sorted(unknown or {'remove'})[0]!r} (allowed: {', '.join(sorted(_TOP))})")
    lang = doc.get("language")
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?", lang):
        raise _fail(source, "'language' must be a language code such as 'en' or 'de'")
    out = _body(doc, source)
    out["language"] = lang
    if "remove" in doc:
        if not isinstance(doc["remove"], dict) or set(doc["remove"]) - {"entities", "words", "whole_header_only"}:
            raise _fail(source, "'remove' must be a mapping with entities/words/whole_header_only")
        out["remove"] = _body(doc["remove"], source, "remove.")
    return out


def lexicon_files() -> list[tuple[str, str]]:
    """``(name, text)`` of the built-in language files, English first, then by name."""
    root = importlib.resources.files(__name__)
    names = sorted((p.name for p in root.iterdir() if p.name.endswith(".yaml")), key=lambda n: (n != "en.yaml", n))
    return [(n, root.joinpath(n).read_text(encoding="utf-8")) for n in names]


@cache
def builtin_lexicon() -> Lexicon:
    """The built-in vocabulary: every language file of this folder, merged."""
    lex = Lexicon({e: () for e in ENTITIES}, {c: frozenset() for c in WORD_CLASSES}, {})
    for name, text in lexicon_files():
        lex = lex.merged(parse_lexicon(text, name, user=False), name)
    return lex


def load_lexicon(path: str | Path | None) -> Lexicon:
    """The built-in vocabulary extended (and, with ``remove``, trimmed) by a user's lexicon file."""
    if path is None:
        return builtin_lexicon()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise _fail(str(path), f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    except UnicodeDecodeError:
        raise _fail(str(path), "is not UTF-8 text") from None
    return builtin_lexicon().merged(parse_lexicon(text, str(path)), str(path))
