"""Our Presidio recognizers, and custom recognizers loaded from YAML.

:func:`register_builtin_recognizers` adds, to Presidio's registry, recognizers where Presidio's own
are weak: birth dates announced by context (``born 3 May 1980``, ``DOB: 1980-05-03``) and
IBANs written with spaces validated by mod-97. :func:`load_custom_recognizers` reads user
definitions (regex + context words + optional validator name + optional header phrases)::

    recognizers:
      - entity: CUSTOMER_NUMBER
        patterns:
          - {name: cust, regex: "\\\\bCUST-\\\\d{8}\\\\b", score: 0.6}
        context: [customer, kunde, client]
        validator: luhn_digits      # optional, a name from privacy_audit.detect.validators.VALIDATORS
        headers: [customer number, kundennummer]   # optional column-name phrases

Any problem in the file is a :class:`~privacy_audit.errors.ConfigError` with one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from .headers import tokenize
from .validators import VALIDATORS, iban_ok

__all__ = ["CustomRecognizer", "PHONE_REGIONS", "register_builtin_recognizers", "load_custom_recognizers", "to_presidio"]

_DATE = (
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_BIRTH_CUE = re.compile(
    r"(?i)\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|geboren(?:\s+am)?|"
    r"geburtsdatum|n[ée]e?\s+le|fecha\s+de\s+nacimiento|nacid[oa]\s+el)\s*[:=-]?\s*(" + _DATE + r")"
)


def _presidio():
    from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

    return EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult


class _Lazy:
    """Build the recognizer classes on first use so importing this module does not import Presidio."""

    classes: dict[str, type] = {}

    @classmethod
    def get(cls) -> dict[str, type]:
        if cls.classes:
            return cls.classes
        EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult = _presidio()

        class BirthDateRecognizer(EntityRecognizer):
            """A date preceded by a birth cue (EN/DE/FR/ES) is a DATE_OF_BIRTH."""

            def __init__(self) -> None:
                super().__init__(supported_entities=["DATE_OF_BIRTH"], name="BirthDateRecognizer",
                                 supported_language="en")  # fmt: skip

            def load(self) -> None:  # nothing to load
                pass

            def analyze(self, text, entities, nlp_artifacts=None):
                return [
                    RecognizerResult("DATE_OF_BIRTH", m.start(1), m.end(1), 0.85)
                    for m in _BIRTH_CUE.finditer(text)
                ]

        class SpacedIbanRecognizer(PatternRecognizer):
            """IBANs written in groups of four (``DE89 3704 0044 0532 0130 00``), checked by mod-97."""

            def __init__(self) -> None:
                super().__init__(
                    supported_entity="IBAN_CODE",
                    name="SpacedIbanRecognizer",
                    patterns=[Pattern("iban_spaced", r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", 0.5)],
                    context=["iban", "account", "konto", "compte", "cuenta"],
                )

            def validate_result(self, pattern_text: str) -> bool:
                return iban_ok(pattern_text)

        class ValidatedPatternRecognizer(PatternRecognizer):
            """A user-defined pattern recognizer with an optional named validator."""

            def __init__(self, *, validator=None, **kwargs) -> None:
                self._validator = validator
                super().__init__(**kwargs)

            def validate_result(self, pattern_text: str):
                return None if self._validator is None else bool(self._validator(pattern_text))

        cls.classes = {
            "BirthDateRecognizer": BirthDateRecognizer,
            "SpacedIbanRecognizer": SpacedIbanRecognizer,
            "ValidatedPatternRecognizer": ValidatedPatternRecognizer,
        }
        return cls.classes


# Phone numbers in free text are read for the countries whose languages the scanner supports (Presidio's
# default is US, GB, DE, FR, IL, IN, CA, BR): an Italian mobile or a Polish landline written without a
# country code is found too.
PHONE_REGIONS = ("US", "GB", "IE", "CA", "AU", "NZ", "DE", "AT", "CH", "FR", "BE", "LU", "ES", "IT", "PT", "NL",
                 "PL", "SE", "DK", "NO", "FI", "CZ", "IN", "BR")  # fmt: skip


def register_builtin_recognizers(registry) -> None:
    """Add our recognizers to a Presidio ``RecognizerRegistry`` (called by ``nlp.get_analyzer``), and read
    phone numbers for :data:`PHONE_REGIONS`."""
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    classes = _Lazy.get()
    names = {r.name for r in registry.recognizers}
    if "PhoneRecognizer" in names:
        registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(PhoneRecognizer(supported_regions=PHONE_REGIONS))
    for key in ("BirthDateRecognizer", "SpacedIbanRecognizer"):
        if key not in names:
            registry.add_recognizer(classes[key]())


@dataclass(frozen=True)
class CustomRecognizer:
    """One user-defined entity: full-value patterns for columns, the same patterns for free text."""

    entity: str
    patterns: tuple[tuple[str, str, float], ...]  # (name, regex, score)
    context: tuple[str, ...] = ()
    validator: str | None = None
    headers: tuple[tuple[str, ...], ...] = field(default=())

    def matches(self, value: str) -> bool:
        """True when the whole value is one of the patterns (and passes the validator)."""
        text = value.strip()
        for _, regex, _ in self.patterns:
            m = re.fullmatch(regex, text) or re.fullmatch(r"\s*" + regex.strip("^$") + r"\s*", text)
            if m:
                return self.validator is None or bool(VALIDATORS[self.validator](text))
        return False

    def header_hint(self, header: object) -> str | None:
        """The configured header phrase found in ``header`` (tokens), if any."""
        tokens = tokenize(header)
        for phrase in self.headers:
            n = len(phrase)
            if any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1)):
                return " ".join(phrase)
        return None


def _fail(path: Path, why: str) -> ConfigError:
    return ConfigError(f"{path}: {why}")


@lru_cache(maxsize=16)
def _load_cached(path_str: str, mtime: float) -> tuple[CustomRecognizer, ...]:
    import yaml

    path = Path(path_str)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise _fail(path, f"invalid YAML{where}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read recognizers file ({type(exc).__name__})") from None
    if isinstance(data, dict):
        data = data.get("recognizers")
    if not isinstance(data, list) or not data:
        raise _fail(path, "expected a non-empty list under 'recognizers:'")
    out: list[CustomRecognizer] = []
    for i, item in enumerate(data, start=1):
        where = f"recognizer {i}"
        if not isinstance(item, dict):
            raise _fail(path, f"{where}: expected a mapping")
        entity = item.get("entity") or item.get("supported_entity")
        if not isinstance(entity, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", entity):
            raise _fail(path, f"{where}: 'entity' must be an UPPER_CASE name")
        raw_patterns = item.get("patterns")
        if raw_patterns is None and "regex" in item:
            raw_patterns = [{"regex": item["regex"], "score": item.get("score", 0.6)}]
        if not isinstance(raw_patterns, list) or not raw_patterns:
            raise _fail(path, f"{where} ({entity}): 'patterns' must be a non-empty list")
        patterns = []
        for j, p in enumerate(raw_patterns, start=1):
            if isinstance(p, str):
                p = {"regex": p}
            if not isinstance(p, dict) or not isinstance(p.get("regex"), str):
                raise _fail(path, f"{where} ({entity}): pattern {j} needs a 'regex' string")
            try:
                re.compile(p["regex"])
            except re.error as exc:
                raise _fail(path, f"{where} ({entity}): pattern {j} is not a valid regex ({exc})") from None
            score = p.get("score", 0.6)
            if not isinstance(score, int | float) or not 0 < float(score) <= 1:
                raise _fail(path, f"{where} ({entity}): pattern {j} score must be in (0, 1]")
            patterns.append((str(p.get("name", f"{entity.lower()}_{j}")), p["regex"], float(score)))
        validator = item.get("validator")
        if validator is not None and validator not in VALIDATORS:
            known = ", ".join(sorted(VALIDATORS))
            raise _fail(path, f"{where} ({entity}): unknown validator {validator!r} (known: {known})")
        context = item.get("context", []) or []
        headers = item.get("headers", item.get("header", [])) or []
        if isinstance(headers, str):
            headers = [headers]
        if not all(isinstance(c, str) for c in context) or not all(isinstance(h, str) for h in headers):
            raise _fail(path, f"{where} ({entity}): 'context' and 'headers' must be lists of strings")
        out.append(
            CustomRecognizer(
                entity=entity,
                patterns=tuple(patterns),
                context=tuple(context),
                validator=validator,
                headers=tuple(tuple(tokenize(h)) for h in headers if tokenize(h)),
            )
        )
    return tuple(out)


def load_custom_recognizers(path: str | Path | None) -> tuple[CustomRecognizer, ...]:
    """Read custom recognizer definitions from a YAML file (``None`` -> none). ConfigError on problems."""
    if path is None:
        return ()
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: recognizers file not found")
    return _load_cached(str(path.resolve()), path.stat().st_mtime)


def to_presidio(custom: CustomRecognizer):
    """The Presidio ``PatternRecognizer`` for a custom definition (for free-text analysis)."""
    _, Pattern, _, _ = _presidio()
    cls = _Lazy.get()["ValidatedPatternRecognizer"]
    return cls(
        supported_entity=custom.entity,
        name=f"Custom_{custom.entity}",
        patterns=[Pattern(n, r.strip("^$"), s) for n, r, s in custom.patterns],
        context=list(custom.context) or None,
        validator=VALIDATORS[custom.validator] if custom.validator else None,
    )
