"""THE identifier model: how each kind of identifier is normalised, and the pseudonym forms it takes.

Every module that asks "is this the same person?" asks here: subject resolution and search
(:mod:`privacy_audit.subjects`), erasure needles and verification (:mod:`privacy_audit.erasure`), the
separation audit's linkable-key check (:mod:`privacy_audit.checks.separation`). So whenever the
check says a key links back to identities, the search finds and erasure removes those rows.

* :func:`normalize` gives the keys an identifier is compared by (two values are the same identifier
  when their key sets intersect). E-mail: NFKC, trimmed, case-folded. Phone: one region-aware rule
  (:func:`phone_keys`): E.164 when it parses (a number without ``+`` in the region it was recorded
  for), plus its national significant number. Name: NFKC, whitespace collapsed, case-folded. IP:
  canonical address. Date of birth: ``YYYY-MM-DD``. National id: letters and digits only, upper-case.
  Username: trimmed, case-folded. Tokens, device ids, cookies: trimmed text.
* :func:`pseudonym_forms` enumerates what an identifier looks like when a dataset stores it
  pseudonymised without a key: every unkeyed hash (:data:`HASH_ALGORITHMS` x :data:`ENCODINGS`) of
  every normalisation (:data:`NORMALISATIONS`), and the normalised values themselves (``raw``).
  Keyed HMAC pseudonyms need the key and come from :func:`privacy_audit.vault.pseudonym`.
* :func:`cell_text` is the one way a table cell becomes text for comparison.
"""

from __future__ import annotations

import base64
import datetime as _dt
import functools
import hashlib
import ipaddress
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc

from .detect.headers import header_hints
from .entities import kind_of

__all__ = [
    "KINDS",
    "DEFAULT_REGION",
    "HASH_ALGORITHMS",
    "ENCODINGS",
    "NORMALISATIONS",
    "PseudonymForm",
    "cell_text",
    "cell_string",
    "arrow_cell_strings",
    "column_kind",
    "full_names",
    "cell_texts",
    "map_distinct",
    "factorisable",
    "nfkc",
    "normalize",
    "normalize_many",
    "canonical",
    "same",
    "phone_keys",
    "phone_regions",
    "phone_candidates",
    "email_shaped",
    "variants",
    "pseudonym_forms",
    "lookup_key",
    "plural",
    "singular",
    "SEARCH_UNIT_MIN",
    "search_units",
    "search_units_flat",
    "search_units_coded",
    "search_probes",
]

#: identifier kinds, and the plural key under which a Subject keeps their values
KINDS: dict[str, str] = {
    "email": "emails", "phone": "phones", "name": "names", "ip": "ips", "dob": "dates_of_birth",
    "national_id": "national_ids", "username": "usernames", "token": "tokens", "device_id": "device_ids",
    "cookie": "cookies", "pseudonym": "pseudonyms",
}  # fmt: skip
DEFAULT_REGION = "US"
HASH_ALGORITHMS: tuple[str, ...] = ("md5", "sha1", "sha256", "sha512")
ENCODINGS: tuple[str, ...] = ("hex", "base64", "base64url")
#: normalisations applied before hashing, per kind, in order of preference when two give the same text
NORMALISATIONS: dict[str, tuple[str, ...]] = {
    "email": ("strip+lower", "none", "strip"),
    "phone": ("e164", "digits", "+digits", "none", "strip"),
}
_NULL_TEXTS = {"nan", "none", "<na>", "nat", "null"}
#: object columns whose distinct values are distinct texts (no 1 == 1.0 == True across types)
_FACTORISABLE = frozenset({"string", "empty", "bytes", "integer", "floating", "datetime", "datetime64", "date", "time", "timedelta", "timedelta64", "period", "interval", "decimal"})
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_EXTENSION = re.compile(r"(?i)\s*(?:x|ext\.?|extension)\s*\d+\s*$")
#: a phone-number-shaped run inside free text (the keys decide whether it is the subject's)
_PHONE_IN_TEXT = re.compile(r"(?<![\w+])\+?[\d(][\d\s().\-/]{5,}\d(?:\s*(?:x|ext\.?)\s*\d+)?", re.IGNORECASE)


# ------------------------------------------------------------------------------------ cells


def cell_text(value: Any) -> str | None:
    """A table cell as stripped text; ``None`` for nulls and blanks. Whole floats lose their ``.0``."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif hasattr(value, "isoformat") and not isinstance(value, str):
        try:
            value = value.isoformat()
        except (TypeError, ValueError):
            pass
    text = str(value).strip()
    return text or None


def map_distinct(series: pd.Series, fn: Callable[[Any], Any]) -> pd.Series:
    """``fn`` over a column, called once per distinct non-null value; nulls give ``None`` (object dtype).

    The column is factorised in C, so the cost in Python grows with the number of distinct values,
    not rows. Object columns whose values compare equal across types (``1``, ``1.0``, ``True``)
    would share one result under factorisation; those take the per-cell path.
    """
    if not factorisable(series):
        out = [None if _is_null(v) else fn(v) for v in series]
        return pd.Series(out, index=series.index, dtype=object, name=series.name)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)  # the last slot (code -1) is the null
    results[: len(uniques)] = [fn(u) for u in uniques]
    results[-1] = None
    return pd.Series(results[codes], index=series.index, dtype=object, name=series.name)


def factorisable(series: pd.Series) -> bool:
    """Whether the distinct values of ``series`` (``pd.factorize``) are distinct texts: not so for object
    columns mixing values that compare equal across types (``1``, ``1.0``, ``True``)."""
    return series.dtype != object or pd.api.types.infer_dtype(series, skipna=True) in _FACTORISABLE


def _is_null(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _iso_datetimes(series: pd.Series) -> pd.Series | None:
    """:func:`cell_text` of a naive or UTC datetime column in whole seconds, in numpy; else ``None``."""
    dtype = series.dtype
    tz = getattr(dtype, "tz", None)
    if not (isinstance(dtype, pd.DatetimeTZDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "M")):
        return None
    if tz is not None and str(tz) != "UTC":
        return None  # offsets vary (summer time): per distinct value
    naive = series.dt.tz_localize(None) if tz is not None else series
    arr = naive.to_numpy(dtype="datetime64[ns]")
    nat = np.isnat(arr)
    if (arr.view("i8")[~nat] % 1_000_000_000).any():
        return None  # fractions of a second: Timestamp.isoformat's own digits, per distinct value
    text = np.datetime_as_string(arr, unit="s").astype(object)
    if tz is not None:
        text = text + "+00:00"
    text[nat] = None
    return pd.Series(text, index=series.index, dtype=object, name=series.name)


def cell_texts(series: pd.Series) -> pd.Series:
    """:func:`cell_text` over a column (object dtype, ``None`` for nulls), once per distinct value.

    Naive and UTC datetimes in whole seconds are formatted in numpy (the same text as
    ``Timestamp.isoformat``); everything else goes through :func:`map_distinct`.
    """
    iso = _iso_datetimes(series)
    if iso is not None:
        return iso
    arrow = _arrow_texts(series)
    return arrow if arrow is not None else map_distinct(series, cell_text)


_PY_WHITESPACE = "".join(ch for ch in map(chr, range(0x110000)) if ch.isspace())  # what str.strip() strips


def _arrow_texts(series: pd.Series) -> pd.Series | None:
    """:func:`cell_text` of an Arrow-backed string column in Arrow compute (each distinct value stripped of
    exactly the characters ``str.strip`` strips, blanks to ``None``); ``None`` for other columns."""
    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        pass
    elif not (isinstance(dtype, pd.ArrowDtype) and (pa.types.is_string(dtype.pyarrow_dtype)
                                                     or pa.types.is_large_string(dtype.pyarrow_dtype))):  # fmt: skip
        return None
    arr = pa.array(series)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    encoded = arr.dictionary_encode()
    texts = np.empty(len(encoded.dictionary) + 1, dtype=object)  # the last slot is the null
    texts[:-1] = pc.utf8_trim(encoded.dictionary, characters=_PY_WHITESPACE).to_numpy(zero_copy_only=False)
    texts[texts == ""] = None
    codes = encoded.indices.fill_null(len(texts) - 1).to_numpy(zero_copy_only=False)
    return pd.Series(texts[codes], index=series.index, dtype=object, name=series.name)



def cell_string(value: Any) -> str | None:
    """A cell as the erasure matcher reads it: the value's text as stored (not stripped), datetimes
    in ISO format, ``None`` for nulls and NaN. The subject index computes its search units on the same text."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    return str(value)


def arrow_cell_strings(column: Any) -> list[str | None]:
    """A pyarrow column's values as :func:`cell_string` writes them (strings as they are, in one call)."""
    t = column.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return column.to_pylist()
    if pa.types.is_timestamp(t) and t.unit != "ns" and t.tz in ("UTC", "+00:00", "Etc/UTC"):  # naive: ~3x faster
        naive = column.cast(pa.timestamp(t.unit)).to_pylist()
        return [None if v is None else v.isoformat() + "+00:00" for v in naive]
    return [cell_string(v) for v in column.to_pylist()]

def nfkc(value: str) -> str:
    """NFKC-normalised text with runs of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


def email_shaped(value: str) -> bool:
    """Whether ``value`` (trimmed) has the shape of an e-mail address."""
    return bool(_EMAIL_SHAPE.match(value.strip()))


# ------------------------------------------------------------------------------------ columns


def _full_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and len(text) <= 80 and not any(ch.isdigit() or ch == "@" for ch in text)


def full_names(values: Iterable[Any]) -> bool:
    """Whether most values are full names (two to five words, no digits): not first names alone, not prose."""
    texts = [t for t in (cell_text(v) for v in values) if t]
    return bool(texts) and sum(map(_full_name, texts)) >= 0.5 * len(texts)


def column_kind(
    column: object, entity: str | None = None, values: Iterable[Any] | None = None, *, keys: bool = False
) -> str | None:
    """The identifier kind a column holds (``email``, ``phone``, ``name``, ``ip``, ``dob``...), or ``None``.

    The column's entity decides (declared in the data map, or found by the scanner); without one, the
    scanner's header vocabulary (every supported language) does. A ``PERSON`` column resolves people
    only when it holds full names (``values`` decide when given; first-name-only columns never do).
    With ``keys``, a column the header calls an id, token or key (and no entity) holds opaque keys:
    kind ``device_id`` (device and push tokens, other systems' ids of the person).
    """
    if entity is None:
        hint = header_hints(column)
        entity = next((e for e in hint.entities if kind_of(e)), None)
        if entity is None:
            return "device_id" if keys and hint.id_like else None
    kind = kind_of(entity)
    if kind == "name" and values is not None and not full_names(values):
        return None
    return kind


# ------------------------------------------------------------------------------------ phones


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def phone_keys(value: str, region: str | None = None) -> frozenset[str]:
    """The keys of a phone number: ``e164:+...`` when it parses, and ``nsn:...`` (national significant number).

    A number written with ``+`` or ``00`` carries its country; any other is read in ``region`` (the
    country it was recorded for), else :data:`DEFAULT_REGION`. An extension is ignored. Numbers with
    fewer than six digits have no key.
    """
    return _phone_keys(str(value), region)


@functools.lru_cache(maxsize=1 << 16)
def _phone_keys(value: str, region: str | None) -> frozenset[str]:
    """:func:`phone_keys`, remembered per (text, region): the same numbers recur across columns,
    datasets and free text, and parsing one costs far more than looking it up."""
    text = _EXTENSION.sub("", nfkc(value))
    if text.startswith("00"):
        text = "+" + text[2:]
    digits = _digits(text)
    if len(digits) < 6:
        return frozenset()
    keys: set[str] = set()
    try:
        num = phonenumbers.parse(text, None if text.startswith("+") else (region or DEFAULT_REGION))
        if phonenumbers.is_possible_number(num):
            keys.add("e164:" + phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164))
            keys.add("nsn:" + phonenumbers.national_significant_number(num))
    except phonenumbers.NumberParseException:
        pass
    if not text.startswith("+"):
        keys.add("nsn:" + digits.lstrip("0"))  # the national number without its trunk prefix
    elif not keys:
        keys.add("nsn:" + digits)
    return frozenset(k for k in keys if len(_digits(k)) >= 6)


def phone_regions(values: Iterable[str]) -> tuple[str, ...]:
    """The regions of the international numbers among ``values`` (to read national numbers in text)."""
    out: list[str] = []
    for v in values:
        for k in phone_keys(v):
            if k.startswith("e164:"):
                try:
                    region = phonenumbers.region_code_for_number(phonenumbers.parse(k[5:], None))
                except phonenumbers.NumberParseException:
                    continue
                if region and region not in out and region != "ZZ":
                    out.append(region)
    return tuple(out)


def phone_candidates(text: str) -> Iterable[re.Match]:
    """Phone-number-shaped runs inside free text (their :func:`phone_keys` decide whose they are)."""
    return _PHONE_IN_TEXT.finditer(text)


# ------------------------------------------------------------------------------ normalisation


def normalize(kind: str, value: Any, *, region: str | None = None) -> frozenset[str]:
    """The keys identifier ``value`` of ``kind`` is compared by (empty for nulls and unusable values)."""
    if value is None:
        return frozenset()
    raw = value.isoformat()[:10] if kind == "dob" and hasattr(value, "isoformat") else value
    text = cell_text(raw)
    if text is None or text.lower() in _NULL_TEXTS:
        return frozenset()
    text = nfkc(text)
    if kind in {"email", "name", "username"}:
        return frozenset({text.casefold()})
    if kind == "phone":
        return phone_keys(text, region)
    if kind == "ip":
        try:
            return frozenset({str(ipaddress.ip_address(text))})
        except ValueError:
            return frozenset({text})
    if kind == "dob":
        try:
            return frozenset({pd.Timestamp(text).date().isoformat()})
        except (ValueError, TypeError, OverflowError):
            return frozenset()
    if kind == "national_id":
        compact = re.sub(r"[^0-9A-Za-z]", "", text).upper()
        return frozenset({compact}) if compact else frozenset()
    return frozenset({text})


#: kinds whose keys are the NFKC text itself (casefolded for some): plain values take a vectorised path
_SPECIAL_KINDS = frozenset({"phone", "ip", "dob", "national_id"})
_CASEFOLDED = frozenset({"email", "name", "username"})
#: printable ASCII words separated by single spaces: ``cell_text`` and ``nfkc`` leave such a text as it is
_PLAIN_TEXT = r"^[!-~]+( [!-~]+)*$"


def normalize_many(kind: str, values: list[Any], *, region: str | None = None) -> list[frozenset[str]]:
    """:func:`normalize` of each of ``values`` (the same keys, in order), for a whole column's distinct
    values at once: plain ASCII strings of the kinds compared by their text are settled in Arrow
    compute, everything else value by value."""
    if kind in _SPECIAL_KINDS or not values or not all(type(v) is str for v in values):
        return [normalize(kind, v, region=region) for v in values]
    arr = pa.array(values, type=pa.large_string())
    lower = pc.ascii_lower(arr)
    fast = pc.and_(pc.match_substring_regex(arr, _PLAIN_TEXT),
                   pc.invert(pc.is_in(lower, value_set=pa.array(sorted(_NULL_TEXTS), type=pa.large_string()))))  # fmt: skip
    keys = (lower if kind in _CASEFOLDED else arr).to_pylist()
    return [frozenset((k,)) if ok else normalize(kind, v, region=region)
            for v, k, ok in zip(values, keys, fast.to_pylist(), strict=True)]  # fmt: skip


def canonical(kind: str, value: Any, *, region: str | None = None) -> str | None:
    """One key of ``value`` (the E.164 one for phones), for sets of identifiers; ``None`` when it has none."""
    keys = normalize(kind, value, region=region)
    return min(keys) if keys else None


def same(kind: str, a: Any, b: Any, *, region: str | None = None) -> bool:
    """Whether two values of ``kind`` are the same identifier (their keys intersect)."""
    return bool(normalize(kind, a, region=region) & normalize(kind, b, region=region))


def plural(kind: str) -> str:
    """The plural key a Subject keeps values of ``kind`` under (``email`` -> ``emails``)."""
    return KINDS.get(kind, kind)


def singular(key: str) -> str:
    """The kind of a plural key (``emails`` -> ``email``); unknown keys are returned as given."""
    return next((k for k, v in KINDS.items() if v == key), key)


# ------------------------------------------------------------------------------ pseudonym forms


@dataclass(frozen=True)
class PseudonymForm:
    """How a stored value was made from an identifier: ``algorithm`` (``raw`` for none) x encoding x normalisation."""

    kind: str
    algorithm: str
    encoding: str
    normalisation: str

    @property
    def description(self) -> str:
        what = _NORM_TEXT.get(self.normalisation, self.normalisation)
        if self.algorithm == "raw":
            return f"raw {self.kind} ({what})"
        return f"unkeyed {self.algorithm.upper()} ({self.encoding}) of the {what} {self.kind}"

    @property
    def label(self) -> str:
        """Short form for row reasons: ``sha256(email)``, ``raw(phone)``."""
        return f"{self.algorithm}({self.kind})"


_NORM_TEXT = {
    "strip+lower": "trimmed, lower-cased",
    "strip": "trimmed",
    "none": "as stored",
    "e164": "E.164",
    "digits": "digits-only",
    "+digits": "+digits",
}


def variants(kind: str, value: str, *, region: str | None = None) -> dict[str, str]:
    """Normalisation name -> text, for the normalisations of :data:`NORMALISATIONS` (``{}`` for other kinds)."""
    if kind == "email":
        return {"strip+lower": value.strip().lower(), "none": value, "strip": value.strip()}
    if kind == "phone":
        out: dict[str, str] = {}
        e164 = sorted(k[5:] for k in phone_keys(value, region) if k.startswith("e164:"))
        if e164:
            out["e164"] = e164[0]
        digits = _digits(_EXTENSION.sub("", value))
        if digits:
            out["digits"] = digits
            out["+digits"] = "+" + digits
        out["none"] = value
        out["strip"] = value.strip()
        return out
    return {}


def lookup_key(value: str) -> str:
    """The form a stored value is compared in: hex digests and e-mail addresses lower-cased, the rest as is."""
    return value.lower() if "@" in value or _HEX.fullmatch(value) else value


def pseudonym_forms(
    identifiers: Mapping[str, Iterable[str]], *, region: str | None = None, raw: bool = True
) -> dict[str, PseudonymForm]:
    """Every unkeyed pseudonym form of the given identifiers: stored text (see :func:`lookup_key`) -> form.

    ``identifiers`` maps a kind of :data:`NORMALISATIONS` (``email``, ``phone``) to raw values. The
    normalised values themselves are included as algorithm ``raw`` unless ``raw=False``. When two
    forms give the same text, the first in normalisation order wins.
    """
    out: dict[str, PseudonymForm] = {}
    forms: dict[tuple[str, str, str, str], PseudonymForm] = {}  # one instance per form, not per value

    def form(*key: str) -> PseudonymForm:
        if key not in forms:
            forms[key] = PseudonymForm(*key)
        return forms[key]

    hashers = [(algo, getattr(hashlib, algo)) for algo in HASH_ALGORITHMS]
    for kind in NORMALISATIONS:
        for value in sorted({str(v) for v in identifiers.get(kind, ()) if v is not None}):
            done: set[str] = set()
            for norm, text in variants(kind, value, region=region).items():
                if not text or text in done:
                    continue  # the same text under an earlier normalisation already won every form
                done.add(text)
                if raw:
                    out.setdefault(lookup_key(text), form(kind, "raw", "plain", norm))
                data = text.encode("utf-8")
                for algo, hasher in hashers:
                    digest = hasher(data).digest()
                    out.setdefault(digest.hex(), form(kind, algo, "hex", norm))  # hex is its own lookup key
                    for enc, shown in (
                        ("base64", base64.b64encode(digest).decode("ascii")),
                        ("base64url", base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")),
                    ):
                        out.setdefault(lookup_key(shown), form(kind, algo, enc, norm))
    return out


# ------------------------------------------------------------------------------ search units
#
# THE text units an identifier of a subject can occur in. The subject index digests the units of every
# cell (:mod:`privacy_audit.subject_index`) and the erasure's screen (``Needles.candidates``) keeps only
# cells whose units hold one of the subject's probes, so "the index has no entry for any probe in a
# dataset" means "the screen keeps no row of it", and the screen keeps every cell that the erasure's
# matcher (``Needles.find``) matches (tested on hostile strings: tests/test_search_units.py).

SEARCH_UNIT_MIN = 6  # shortest ASCII word run kept as a unit (tokens are at least six characters)
_WORD_RUN = re.compile(rf"[A-Za-z0-9_]{{{SEARCH_UNIT_MIN},}}")  # maximal runs: a shorter run never matches
_AT = re.compile(r"@|%40")
_LOCAL_TAIL = re.compile(r"[\w.+%-]{1,255}\Z")
_DOMAIN_RUN = re.compile(r"[\w.-]*")
_IP4_RUN = re.compile(r"[0-9.]*\.[0-9.]*")
_WORDISH = re.compile(r"\w")
_NONWORD = re.compile(r"\W")
_LETTER = re.compile(r"[^\W\d_]")
_TOKEN_RUNS = re.compile(r"[A-Za-z0-9_]+")
_WORD_RUNS_ANY = re.compile(r"\w+")
_LOCAL_OK = re.compile(r"[\w.+%-]{1,64}\Z")
_DOMAIN_OK = re.compile(r"[\w.-]*[\w-]")
_IP4_OK = re.compile(r"[0-9.]*[0-9]")


def _fold(text: str) -> str:
    """Case-folded text as ``re.IGNORECASE`` compares it (the dotted and dotless i fold to ``i``)."""
    return text.casefold().replace("i\u0307", "i").replace("\u0131", "i")


def _ascii_digits(digits: str) -> str:
    return "".join(str(unicodedata.digit(ch)) for ch in digits)


def _truncations(run: str, digit_only: bool) -> list[str]:
    """``run`` and its prefixes that end before a dot an identifier may end at (the next character is
    not a word character, or for addresses not a digit)."""
    out = [run]
    for k, ch in enumerate(run):
        if ch == "." and k and (k + 1 == len(run) or not (run[k + 1].isdigit() if digit_only else _WORDISH.match(run[k + 1]))):
            out.append(run[:k])
    return out


_WORD_GAP = re.compile(r"(\w+)(?=(\s+)(\w+))")


def _name_pairs(folded: str) -> set[str]:
    """Every two maximal word-character runs of ``folded`` with only whitespace between them, both
    holding a letter: a full name's first two words meet there (the end of the first, the start of the second)."""
    return {f"{m.group(1)} {m.group(3)}" for m in _WORD_GAP.finditer(folded)
            if not m.group(1).isdigit() and not m.group(3).isdigit() and _LETTER.search(m.group(1))
            and _LETTER.search(m.group(3))}  # fmt: skip


def search_units(text: str) -> set[str]:
    """The search units of ``text`` (a cell, a log line): ``w``: every maximal ASCII word run of six
    characters or more (tokens, pseudonyms, ids); ``e``: around every ``@`` or ``%40``, the case-folded
    run of e-mail local-part characters before it, ``@``, and the domain-character run after it (and
    its prefixes ending before a dot the address may end at); ``p``: the last six digits (ASCII) of every
    phone-number candidate (:func:`phone_candidates`, extension dropped) with six digits or more;
    ``n``: every two word-character runs, case-folded, with only whitespace between them and a letter in
    each (where a full name's first and second words meet);
    ``ip``: every run of digits and dots holding a dot (and its prefixes before a dot)."""
    out = {"w\x1f" + m.group(0) for m in _WORD_RUN.finditer(text)}
    if "@" in text or "%40" in text:
        for m in _AT.finditer(text):
            left = _LOCAL_TAIL.search(text, max(0, m.start() - 256), m.start())
            if left is None or left.end() - left.start() > 254:
                continue
            right = _DOMAIN_RUN.match(text, m.end()).group(0)
            local = _fold(left.group(0))
            out |= {f"e\x1f{local}@{_fold(d)}" for d in _truncations(right, False) if d}
    if sum(ch.isdigit() for ch in text) >= 6:
        for m in _PHONE_IN_TEXT.finditer(text):
            digits = _digits(_EXTENSION.sub("", nfkc(m.group(0))))
            if len(digits) >= 6:
                out.add("p\x1f" + _ascii_digits(digits[-6:]))
    if "." in text:
        for m in _IP4_RUN.finditer(text):
            out |= {"ip\x1f" + r for r in _truncations(m.group(0), True) if "." in r}
    if any(ch.isspace() for ch in text):
        out |= {"n\x1f" + p for p in _name_pairs(_fold(text))}
    return out


_JOIN = "\x00"  # joins a batch's texts: in no class of the unit patterns, so no match crosses it
_ASCII_NONDIGIT = re.compile(r"[^0-9]+")
# _WORD_GAP's matches, found without retrying inside a word: they are always whole word runs
_WORD_GAP_AT_RUNS = re.compile(r"(?<!\w)(\w++)(?=(\s+)(\w+))")


def search_units_flat(texts: Sequence[str | None]) -> tuple[np.ndarray, list[str]]:
    """Every ``(i, unit)`` with ``unit`` in :func:`search_units` ``(texts[i])`` (``None``: no units), as
    an array of ``i`` and a list of units (a pair may repeat): :func:`search_units_coded`, decoded."""
    idx, codes, units = search_units_coded(texts)
    return idx, np.asarray(units, dtype=object)[codes].tolist() if len(codes) else []


# No unit pattern holds one of these characters (they are not word characters, whitespace, nor one of
# ``.+%-@()/``), and a lookbehind that sees one sees what it sees at the start of a text: the units of
# a text are the units of its pieces between them (a log line's fields, a cookie's name and value).
_PIECE_BREAK = "[\\x00-\\x08\\x0e-\\x1b\\x7f!\"#$&'*,:;<=>?\\[\\\\\\]^`{|}~]+"


def search_units_coded(texts: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """:func:`search_units` of many texts at once: ``(i, k, units)`` with ``units`` distinct and every
    ``units[k[j]]`` in ``search_units(texts[i[j]])``, each unit of each text at least once.

    :func:`search_units` stays the definition; this is the same computation for a batch. Each ASCII
    text (most of an estate) is cut into pieces at characters no unit pattern holds
    (``_PIECE_BREAK``: quotes, brackets, ``;``, ``=``, ``:``...), the distinct pieces of the whole batch
    are joined by ``"\\x00"`` (which no pattern matches, so no match crosses two pieces and a lookbehind
    sees the start of a piece) and each unit pattern runs once over the joined text, its matches
    mapped back to their piece by offset; for ASCII text the case fold is ``lower``, NFKC changes
    nothing but whitespace and every digit is ``[0-9]``, and each gate of :func:`search_units` (a digit
    count, ``@``, a dot, a space) only skips patterns that cannot match. Any other text (non-ASCII,
    or holding ``"\\x00"``) goes through :func:`search_units` itself. Tested equal on hostile strings
    and on every cell of the sample estate (tests/test_search_units.py)."""
    batch: list[str] = []
    where: list[int] = []
    py_idx: list[int] = []
    py_units: list[str] = []
    for i, t in enumerate(texts):
        if not isinstance(t, str) or not t:
            continue
        if t.isascii() and _JOIN not in t:
            batch.append(t)
            where.append(i)
        else:
            got = search_units(t)
            py_idx += [i] * len(got)
            py_units += got
    idx = np.empty(0, dtype=np.int64)
    piece_units: list[str] = []
    unit_owner = occ_units = np.empty(0, dtype=np.int64)
    if batch:
        pieces = pc.split_pattern_regex(pa.array(batch, type=pa.large_string()), _PIECE_BREAK)
        owner = np.asarray(where, dtype=np.int64)[pc.list_parent_indices(pieces).to_numpy()]
        enc = pc.dictionary_encode(pc.list_flatten(pieces))
        occ = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
        unit_owner, piece_units = _joined_units(enc.dictionary.to_pylist())
        lens = np.bincount(unit_owner, minlength=len(enc.dictionary)).astype(np.int64)
        occ_units, at = _per_occurrence(occ, lens)
        idx = owner[at]
    codes, uniques = pd.factorize(pd.Series(piece_units + py_units, dtype=object))
    codes = np.asarray(codes, dtype=np.int64)
    by_piece = codes[: len(piece_units)][np.argsort(unit_owner, kind="stable")]  # each piece's units together
    all_idx = np.concatenate([idx, np.asarray(py_idx, dtype=np.int64)])
    all_codes = np.concatenate([by_piece[occ_units], codes[len(piece_units):]])
    return all_idx, all_codes, list(uniques)


def _per_occurrence(occ: np.ndarray, lens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For occurrences of values ``occ`` where value ``c`` owns ``lens[c]`` consecutive items of a flat
    list (value after value): ``(item, occurrence)`` for every item of every occurrence."""
    starts = np.cumsum(lens) - lens
    counts = lens[occ]
    rep = np.repeat(occ, counts)
    within = np.arange(len(rep), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    return starts[rep] + within, np.repeat(np.arange(len(occ), dtype=np.int64), counts)


def _joined_units(batch: list[str]) -> tuple[np.ndarray, list[str]]:
    """:func:`search_units_flat` of ASCII texts without ``"\\x00"``: each pattern once over the joined text."""
    text = _JOIN.join(batch)
    lens = np.fromiter((len(t) + 1 for t in batch), dtype=np.int64, count=len(batch))
    starts = np.cumsum(lens) - lens
    words = list(_WORD_RUN.finditer(text))
    pos = [m.start() for m in words]
    units = ["w\x1f" + m.group(0) for m in words]
    del words
    for m in _AT.finditer(text):
        at = m.start()
        first = int(starts[np.searchsorted(starts, at, side="right") - 1])
        left = _LOCAL_TAIL.search(text, max(first, at - 256), at)
        if left is None or left.end() - left.start() > 254:
            continue
        right = _DOMAIN_RUN.match(text, m.end()).group(0)
        local = left.group(0).lower()
        for d in _truncations(right, False):
            if d:
                pos.append(at)
                units.append(f"e\x1f{local}@{d.lower()}")
    last6: dict[str, str | None] = {}
    for m in _PHONE_IN_TEXT.finditer(text):
        s = m.group(0)
        u = last6.get(s, "")
        if u == "":
            digits = _ASCII_NONDIGIT.sub("", _EXTENSION.sub("", s))
            u = last6[s] = "p\x1f" + digits[-6:] if len(digits) >= 6 else None
        if u is not None:
            pos.append(m.start())
            units.append(u)
    for m in _IP4_RUN.finditer(text):
        run = m.group(0)
        for r in _truncations(run, True) if run.count(".") > 1 or run[-1] == "." else (run,):
            if "." in r:
                pos.append(m.start())
                units.append("ip\x1f" + r)
    pairs = [(m.start(), m.group(1), m.group(3)) for m in _WORD_GAP_AT_RUNS.finditer(text.lower())]
    for at, a, b in pairs:
        if not a.isdigit() and not b.isdigit() and _LETTER.search(a) and _LETTER.search(b):
            pos.append(at)
            units.append(f"n\x1f{a} {b}")
    owner = np.searchsorted(starts, np.asarray(pos, dtype=np.int64), side="right") - 1
    return owner, units


def search_probes(
    *,
    tokens: Iterable[str] = (),
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    names: Iterable[str] = (),
    ips: Iterable[str] = (),
) -> frozenset[str] | None:
    r"""The units (:func:`search_units`) that every text holding one of these identifiers has, one per
    identifier: a token's longest ASCII word run, an e-mail's case-folded address (its local part from
    the last character outside ``[\w.+%-]``), the last six digits
    of a phone key's national number, the last word run of a full name's first word and the first
    of its second, an IPv4 address. ``phones`` are
    keys (:func:`phone_keys`). ``None`` when an identifier has no such unit (a token without a word
    run of six characters, an e-mail or address of an unusual shape, a national number of fewer than
    six digits): those are searched by a full pass."""
    out: set[str] = set()
    for t in tokens:
        runs = _TOKEN_RUNS.findall(t)
        best = max(runs, key=len, default="")
        if len(best) < SEARCH_UNIT_MIN:
            return None
        out.add("w\x1f" + best)
    for e in emails:
        local, at, domain = _fold(e).rpartition("@")
        tail = _LOCAL_OK.search(local)  # the run of local-part characters before the @ (o'neil: neil)
        if not (at and tail and _DOMAIN_OK.fullmatch(domain)):
            return None
        out.add(f"e\x1f{tail.group(0)}@{domain}")
    for k in phones:
        nsn = _digits(k) if k.startswith("nsn:") else next(
            (_digits(x) for x in sorted(phone_keys(k.partition(":")[2] if k.startswith("e164:") else k)) if x.startswith("nsn:")), "")
        if len(nsn) < 6:
            return None
        out.add("p\x1f" + _ascii_digits(nsn[-6:]))
    for n in names:
        words = _fold(n).split()
        first = _WORD_RUNS_ANY.findall(words[0]) if len(words) >= 2 else []
        second = _WORD_RUNS_ANY.findall(words[1]) if len(words) >= 2 else []
        if not (first and second and _WORDISH.match(words[0][-1]) and _WORDISH.match(words[1][0])
                and _LETTER.search(first[-1]) and _LETTER.search(second[0])):  # fmt: skip
            return None
        out.add(f"n\x1f{first[-1]} {second[0]}")
    for ip in ips:
        if not _IP4_OK.fullmatch(ip) or "." not in ip or ip.startswith("."):
            return None
        out.add("ip\x1f" + ip)
    return frozenset(out)
