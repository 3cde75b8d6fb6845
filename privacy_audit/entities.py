"""THE entity taxonomy: every kind of personal data the workbench knows, and what follows from it.

One place answers, for every module, "is this a direct identifier?", "is it searched in free text?",
"is it redacted from another person's bundle?", "how is it masked?" and "which identifier kind does
a column of it hold for subject resolution?". The scanner emits only entities described here (a test
runs it over every corpus and fails otherwise); custom recognizers (``--recognizers FILE``) describe
their own entities when they are loaded (:func:`register_custom`).

Roles:

* ``direct``: identifies a person on its own (e-mail, phone, name, national id, card, IBAN, IP,
  username, device id, street address...). A dataset holding one is identified; a pseudonymous or
  anonymous dataset holding one breaks clause 3.2.2.
* ``quasi``: identifies a person only in combination (postal code, birth date, city, gender, age...).
  Quasi-identifiers are what k-anonymity and re-identification risk are computed over.

Masks (see :func:`privacy_audit.masking.mask`): ``email`` keeps the first letters and the top-level
domain, ``digits`` keeps separators and the last two characters, ``ip`` keeps the first octet,
``words`` keeps the first letter of each word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Entity",
    "ROLES",
    "MASK_STYLES",
    "TAXONOMY",
    "describe",
    "known",
    "register_custom",
    "direct_identifiers",
    "quasi_identifiers",
    "text_entities",
    "precise_text_entities",
    "pattern_entities",
    "redacted_entities",
    "entity_for_kind",
    "kind_of",
    "is_direct",
    "is_quasi",
    "mask_style",
    "generalisation",
    "names",
]

Role = Literal["direct", "quasi"]
ROLES: tuple[str, ...] = ("direct", "quasi")
MASK_STYLES: tuple[str, ...] = ("email", "digits", "ip", "words")


@dataclass(frozen=True)
class Entity:
    """One kind of personal data and its properties.

    ``identifier``: the identifier kind (see :mod:`privacy_audit.identifiers`) a column of this
    entity holds for subject resolution, or ``None`` when such a column never resolves a person.
    ``in_text``: searched in free text (Presidio); ``precise_in_text``: a free-text match is precise
    enough to count even in a column the scan found clean; ``pattern``: found by patterns and
    checksums (reliable on short opaque strings such as cookie values), not by NER;
    ``redact``: redacted when it belongs to someone else inside a subject's bundle.
    """

    name: str
    role: Role
    label: str
    mask: str = "words"
    identifier: str | None = None
    in_text: bool = False
    precise_in_text: bool = False
    pattern: bool = False
    redact: bool = False
    custom: bool = False
    generalise: str | None = None  # the generalisation hierarchy of a quasi-identifier: date | postal | number

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"entity {self.name}: role must be one of {ROLES}")
        if self.mask not in MASK_STYLES:
            raise ValueError(f"entity {self.name}: mask must be one of {MASK_STYLES}")

    @property
    def direct(self) -> bool:
        return self.role == "direct"

    @property
    def quasi(self) -> bool:
        return self.role == "quasi"


def _d(name: str, label: str, **kw) -> Entity:
    return Entity(name, "direct", label, **kw)


def _q(name: str, label: str, **kw) -> Entity:
    return Entity(name, "quasi", label, **kw)


_BUILTIN: tuple[Entity, ...] = (
    # direct identifiers
    _d("PERSON", "a person's name", identifier="name", in_text=True, redact=True),
    _d("EMAIL_ADDRESS", "an e-mail address", mask="email", identifier="email", in_text=True,
       precise_in_text=True, pattern=True, redact=True),
    _d("PHONE_NUMBER", "a phone number", mask="digits", identifier="phone", in_text=True, pattern=True,
       redact=True),
    _d("IP_ADDRESS", "an IP address", mask="ip", identifier="ip", in_text=True, precise_in_text=True,
       pattern=True, redact=True),
    _d("CREDIT_CARD", "a payment card number", mask="digits", in_text=True, precise_in_text=True,
       pattern=True, redact=True),
    _d("IBAN_CODE", "a bank account number (IBAN)", mask="digits", in_text=True, precise_in_text=True,
       pattern=True, redact=True),
    _d("US_BANK_NUMBER", "a bank account number", mask="digits"),
    _d("US_SSN", "a US social security number", mask="digits", identifier="national_id", in_text=True,
       precise_in_text=True, pattern=True, redact=True),
    _d("NATIONAL_ID", "a national identification number", mask="digits", identifier="national_id",
       redact=True),
    _d("US_PASSPORT", "a passport number", mask="digits", in_text=True, redact=True),
    _d("US_DRIVER_LICENSE", "a driving licence number", mask="digits"),
    _d("USERNAME", "a login or user name", identifier="username"),
    _d("DEVICE_ID", "a device or push-notification identifier", mask="digits", identifier="device_id"),
    _d("STREET_ADDRESS", "a street address"),
    _d("ADDRESS", "a postal address"),
    # quasi-identifiers
    _q("LOCATION", "a place (city, street or address)", in_text=True),
    _q("POSTAL_CODE", "a postal code", mask="digits", generalise="postal"),
    _q("DATE_OF_BIRTH", "a date of birth", mask="digits", identifier="dob", in_text=True, generalise="date"),
    _q("AGE", "an age", generalise="number"),
    _q("GENDER", "a gender"),
    _q("CITY", "a city"),
    _q("ZIP_CODE", "a postal code", mask="digits", generalise="postal"),
    _q("BIRTH_YEAR", "a year of birth", mask="digits", generalise="number"),
    _q("NRP", "a nationality, religious or political group"),
)  # fmt: skip

TAXONOMY: dict[str, Entity] = {e.name: e for e in _BUILTIN}
_CUSTOM: dict[str, Entity] = {}


def register_custom(name: str, *, role: str = "direct", label: str | None = None, mask: str = "digits") -> Entity:
    """Describe an entity of a user's recognizer file (``--recognizers``); idempotent for the same name.

    A built-in entity keeps its built-in description. Custom entities are searched by their own
    patterns, not by Presidio's text analysis, and are redacted from bundles when direct.
    """
    if name in TAXONOMY:
        return TAXONOMY[name]
    ent = Entity(name, role, label or name.replace("_", " ").lower(), mask=mask, pattern=True,  # type: ignore[arg-type]
                 redact=role == "direct", custom=True)  # fmt: skip
    _CUSTOM[name] = ent
    return ent


def describe(name: str | None) -> Entity | None:
    """The description of entity ``name`` (built-in or registered custom), ``None`` when unknown."""
    if not name:
        return None
    return TAXONOMY.get(name) or _CUSTOM.get(name)


def known(name: str | None) -> bool:
    """Whether the taxonomy describes entity ``name``."""
    return describe(name) is not None


def _all() -> Iterable[Entity]:
    yield from TAXONOMY.values()
    yield from _CUSTOM.values()


def names() -> tuple[str, ...]:
    """Every entity name, built-in first (the order of this module), then custom ones."""
    return tuple(e.name for e in _all())


def direct_identifiers() -> frozenset[str]:
    """Entities that identify a person on their own."""
    return frozenset(e.name for e in _all() if e.direct)


def quasi_identifiers() -> frozenset[str]:
    """Entities that identify a person in combination (k-anonymity and risk are computed on them)."""
    return frozenset(e.name for e in _all() if e.quasi)


def text_entities() -> tuple[str, ...]:
    """Entities searched for in free text (Presidio), in taxonomy order."""
    return tuple(e.name for e in TAXONOMY.values() if e.in_text)


def precise_text_entities() -> frozenset[str]:
    """Entities whose free-text matches count even in a column the scan found clean."""
    return frozenset(e.name for e in TAXONOMY.values() if e.precise_in_text)


def pattern_entities() -> frozenset[str]:
    """Entities found by patterns and checksums (reliable on short opaque strings), not by NER."""
    return frozenset(e.name for e in TAXONOMY.values() if e.pattern)


def redacted_entities() -> tuple[str, ...]:
    """Entities redacted from a subject's bundle when they belong to someone else (text-searched ones)."""
    return tuple(e.name for e in TAXONOMY.values() if e.redact and e.in_text)


def is_direct(name: str | None) -> bool:
    e = describe(name)
    return bool(e and e.direct)


def is_quasi(name: str | None) -> bool:
    e = describe(name)
    return bool(e and e.quasi)


def kind_of(name: str | None) -> str | None:
    """The identifier kind a column of entity ``name`` holds (``email``, ``phone``...), or ``None``."""
    e = describe(name)
    return e.identifier if e else None


def entity_for_kind(kind: str) -> str | None:
    """The entity whose values an identifier of ``kind`` is (for masking), ``None`` when none is."""
    return next((e.name for e in TAXONOMY.values() if e.identifier == kind), None)


def generalisation(name: str | None) -> str | None:
    """The generalisation hierarchy a quasi-identifier of entity ``name`` takes (date, postal, number), if any."""
    e = describe(name)
    return e.generalise if e else None


def mask_style(name: str | None) -> str | None:
    """The mask style of entity ``name``; ``None`` when unknown (the mask then guesses from the value)."""
    e = describe(name)
    return e.mask if e else None
