"""Column evidence and classification: what kind of personal data (if any) a column holds.

The decision combines, in this order: custom recognizers; checksum-validated values (e-mail,
IBAN mod-97, Luhn card numbers, SSN rules, IP addresses) by their share of distinct values; the
column name (multilingual token lexicon, :mod:`.headers`) backed by compatible values; column-level
negatives (UUIDs, hashes, random tokens, event timestamps, epoch seconds, amounts, versions,
integer ids); value-only rules (birth-date age range, phone shapes, street addresses); free text
(Presidio spans); and finally spaCy NER on short word values. Every rule works on the share of
*distinct non-empty* values that support it, never on a single hit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..identifiers import factorisable
from ..masking import mask
from .headers import ACTOR_TAILS, BANK_CONTEXT, GENERIC_NAME_PHRASES, ROLE_WORDS, HeaderHint, header_hints
from .names import NameSemantics, name_semantics, ner_form
from .validators import (
    abn_ok,
    bank_account_ok,
    card_issuer_ok,
    digits_of,
    email_ok,
    has_time_part,
    hex_hash_like,
    ip_ok,
    luhn_ok,
    national_id_kind,
    nir_ok,
    parse_date,
    ssn_ok,
    uuid_like,
)

__all__ = [
    "NULL_LIKES",
    "LEGAL_FORM",
    "STREET_WORDS",
    "USERNAME_SHAPE",
    "WORD_VALUE",
    "stringify",
    "ColumnVerdict",
    "column_values",
    "sample_positions",
    "value_features",
    "ValueEvidence",
    "value_evidence",
    "merge_evidence",
    "classify_values",
    "classify_evidence",
    "classify_column",
    "classify_series",
    "PERSON_TABLE_ONLY",
    "BARE_NAME_HEADER",
]

# Evidence phrases the table-context pass (:mod:`.context`) reads: a verdict that holds only in a table
# about people, and a person's name found under a bare "name" header (an animal's name in a table of animals).
PERSON_TABLE_ONLY = "a person's only in a table about people"
BARE_NAME_HEADER = "bare name header"

NULL_LIKES = frozenset(
    {"", "n/a", "na", "nan", "none", "null", "nil", "-", "--", "?", "unknown", "<na>", "nat", "n.a.", "#n/a",
     "k.a.", "k. a.", "s/o", "sin dato", "inconnu", "unbekannt", "(null)", "undefined"}
)  # fmt: skip

_INT = re.compile(r"^[+-]?\d+$")
_AMOUNT = re.compile(
    r"^[+-]?(?:[€$£¥]\s?)?(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:[.,]\d{1,2})?(?:\s?(?:EUR|USD|GBP|CHF|€|\$|£))?$"
    r"|^[+-]?\d+\.\d+$"
)
_DECIMAL = re.compile(r"^[+-]?\d*[.,]\d+$")
_VERSION = re.compile(r"^v?\d+\.\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.]+)?$")
_PHONE = re.compile(r"^(?:\+|00)?[\d\s().\-/]{4,24}(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$", re.I)
_SCI = re.compile(r"^\d(?:\.\d+)?E\+\d{1,2}$", re.I)
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|#)\s*\d{1,6}$", re.I)
_FLOAT_INT = re.compile(r"^(\+?\d{4,})\.0$")
# Words separated by spaces/hyphens/apostrophes, also "Prof. X", "Dr. med. X", "X B.A.", "Ph.D." and
# "Last, First"; a dot inside a token only before a 1-3 letter abbreviation that ends in a dot, so
# domains ("example.com") stay out.
WORD_VALUE = re.compile(r"^[^\W\d_]+(?:(?:[ '’\-]+|\.\s+|,\s+|\.(?=[^\W\d_]{1,3}\.))[^\W\d_]+\.?)*\.?$")
_ADDRESS_NUM_FIRST = re.compile(r"^\d+[A-Za-z]?(?:[-/]\d+)?,?\s+[^\W\d_]")
_ADDRESS_NUM_LAST = re.compile(r"^[^\W\d_][^\d]*\s\d+(?:\s?(?:bis|ter|quater)|[A-Za-z])?(?:[-/]\d+)?\b.{0,40}$", re.I)
_PO_BOX = re.compile(r"^(?:P\.?\s?O\.?\s?Box|Postfach|Apartado|BP|Boite postale)\s*\d+", re.I)
_POSTAL = re.compile(r"^(?=.*\d)[A-Z0-9]{2,5}(?:[ -]?[A-Z0-9]{2,4})?$", re.I)
# Postcode systems with a distinctive letter/digit pattern (UK, Canada, Netherlands): value-only
# evidence. Numeric postcodes (and Irish Eircodes, which look like prefixed ids such as K100123)
# are left to the header.
_POSTCODE_ALNUM = re.compile(
    r"^(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"  # UK: SW1A 1AA, M1 1AE, B33 8TH
    r"|[ABCEGHJ-NPRSTVXY]\d[A-Z]\s?\d[A-Z]\d"  # Canada: K1A 0B1
    r"|[1-9]\d{3}\s?[A-Z]{2})$"  # Netherlands: 1234 AB
)
# A name with a courtesy or academic title (EN/DE/FR/ES/IT/PT/NL/Nordic/PL/CS): "Dr C. Alexander",
# "ASHTON, Andrew (Dr)", "Mme Dupont", "Sra. Gómez", "Dott. Rossi".
_HONORIFIC = re.compile(
    r"^(?:(?:dear|liebe|lieber|sehr geehrte|sehr geehrter|cher|chere|estimado|estimada|gentile|caro|cara|beste|"
    r"geachte|kaere|kjaere|hyva)\s+(?:[^\W\d_][\w.'’\- ]*)"
    r"|(?:dr|prof|mr|mrs|ms|miss|mx|sir|dame|herr|frau|hr|fr|m|mme|mlle|me|sr|sra|srta|dr/a|sr/a|dn|dna|dott|dott\.ssa|"
    r"sig|sig\.ra|ing|avv|mevr|dhr|pan|pani|mgr|mudr)\.?\s+[^\W\d_][\w.'’\- ]*"
    r"|[^\W\d_][\w.'’\-, ]*\((?:dr|prof|mr|mrs|ms|miss)\.?\)"
    r"|c/o\s+[^\W\d_][\w.'’\- ]*)$",  # care of: "c/o Eriksson"
    re.IGNORECASE,
)
# a login: word characters, dots and dashes; also a social handle (@name) or DOMAIN\\user
_FEDIVERSE = re.compile(r"^@[\w.]{1,40}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$")  # @user@mastodon.social
USERNAME_SHAPE = re.compile(r"^@?(?:[A-Za-z][\w.-]{0,30}\\)?[\w.\-]{3,40}$")
# "Ekman, Margit": registers write the surname first; spaCy's NER knows names in their spoken order
# (given names: one or two capitalised words, so a firm "Rossini, Calvo e Tomei" is left as it is)
_PAREN_TAIL = re.compile(r"\s*\((?:[^()]|\([^()]{0,8}\)){1,30}\)$")  # (figlia), (+44 151 496 0154), ((01632)960626)
_REGION_TAIL = re.compile(r"\s*/\s*[A-Z]{2,3}$")  # "São Paulo/SP", "Curitiba / PR"
# 1234 56 78901, 1234.56.78901, 5591-2600603543, Swedish "8449-1, 382 198 149-9"
_ACCOUNT = re.compile(r"^\d(?:[\d .-]|, ){6,40}\d$")
_CZ_ACCOUNT = re.compile(r"^(?:\d{1,6}-)?\d{2,10}/\d{4}$")  # Czech/Slovak: [prefix-]number/bank code
_PT_CC_SHAPE = re.compile(r"^\d{8}\s?\d\s?[A-Z]{2}\d$")  # Portuguese Cartão de Cidadão: 12345678 9 ZZ1
_IBAN_LIKE = re.compile(r"^[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{2,4}){3,8}$")  # IBAN-shaped even when its check digits fail
_MONTH_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})\.?$")  # a birthday without its year: 04/19, 19.04.
# A legal-form word ends an organisation's name (Kerrigan Foods Ltd, Müller GmbH, Dupont SAS, Acme B.V.)
LEGAL_FORM = re.compile(
    r"\b(?:ltd|limited|llc|llp|inc|corp|co|plc|dac|gmbh|ag|kg|ohg|ug|e\.?v|sa|sas|sarl|sasu|spa|srl|snc|bv|b\.v|nv|"
    r"n\.v|vof|ab|as|a/s|asa|aps|oy|oyj|sl|slu|lda|sp\.? z o\.?o|s\.r\.o|a\.s|group|holding|holdings|foundation|"
    r"stiftung|verein|association|trust|bank|university|universitat|hospital|clinic)\.?$",
    re.IGNORECASE,
)
_NATID = re.compile(r"^[A-Z0-9][A-Z0-9 ./-]{4,24}$", re.I)
_TOKEN_PREFIX = re.compile(r"^[A-Za-z]{1,6}[_-]")
_TOKEN_BODY = re.compile(r"^[A-Za-z0-9_-]{8,}$")
_DIGIT_RUN = re.compile(r"[0-9]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Generic street-type words (EN/DE/FR/ES/IT/PT), hand-written; used only when the header is silent.
STREET_WORDS = {
    "st", "street", "rd", "road", "ave", "avenue", "blvd", "boulevard", "lane", "ln", "dr", "drive", "way",
    "court", "ct", "place", "pl", "terrace", "highway", "hwy", "parkway", "pkwy", "square", "sq", "circle",
    "alley", "row", "crescent", "close", "suite", "apt", "unit", "floor", "strasse", "str", "weg", "allee",
    "platz", "gasse", "ring", "damm", "ufer", "rue", "chemin", "impasse", "quai", "calle",
    "avenida", "plaza", "camino", "paseo", "carrera", "via", "viale", "piazza", "rua", "travessa", "box",
    # IT / PT / NL / PL / Nordic / FI / CS, and building parts
    "vicolo", "corso", "largo", "borgo", "strada", "contrada", "localita", "frazione", "alameda", "av",
    "praca", "praça", "estrada", "beco", "urbanizacion", "urbanización", "straat", "laan", "plein", "gracht",
    "kade", "dijk", "singel", "steeg", "ulica", "ul", "aleja", "plac", "osiedle", "gatan", "vagen",
    "vägen", "gata", "vej", "gade", "vei", "veien", "gaten", "katu", "kuja", "polku", "ulice", "namesti",
    "náměstí", "trida", "třída", "apartment", "appartamento", "piso", "andar", "postbus",
    "route", "rte", "ch", "promenade", "sentier", "cours", "chaussee", "chaussée", "passage", "gränd", "stræde",
    "plads", "gate", "vegen", "stien", "tie", "väylä",
}  # fmt: skip
# street words that begin a street's name (Rua X, Calle Y, Chemin des Z); not the ones that also begin other
# things (St for Saint, Dr for Doctor) or that name a part of a building
_STREET_FIRST = STREET_WORDS - {"st", "dr", "ch", "m", "box", "unit", "apt", "suite", "floor", "apartment", "appartamento",
                                 "piso", "andar", "postbus", "ring", "row", "close", "way", "court", "ct", "pl", "circle",
                                 "tie", "gate", "ul", "av", "str"}  # fmt: skip
_STREET_SUFFIX = re.compile(
    r"(?:strasse|straße|str\.|weg|gasse|allee|platz|straat|laan|plein|gracht|gatan|vägen|vagen|gata|gaten"
    r"|veien|vej|gade|katu|tie|kuja|polku|väylä|kaari|rinne|gränd|stigen|stræde|plads|gate|vegen)\b",
    re.I,
)
# One segment of an address (a line, or a comma-separated part) that is a postcode with or without
# its town: "09039 Badia", "8382-382 Vizela", "D-80331 München", "114 55 Stockholm", "47863",
# "Almería 45211" (town first), "SW1A 1AA", "1234 AB Amsterdam". Only read inside a value of two or
# more segments, so a lone "2024 Annual Report" is not an address.
_PC_NUM = r"(?:[A-Z]{1,2}-)?(?:\d{4,5}(?:-\d{3,4})?|\d{2}-\d{3}|\d{3}\s\d{2})"
_PC_ALNUM = r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[ABCEGHJ-NPRSTVXY]\d[A-Z]\s?\d[A-Z]\d|[1-9]\d{3}\s?[A-Z]{2})"
_TOWN = r"[^\W\d_][^\W\d_.'’\-]*\.?(?:(?:[\s'’\-]+|\.)[^\W\d_]+\.?){0,3}"  # one to four words
_PC_SEGMENT = re.compile(rf"^(?:{_PC_NUM}|{_PC_ALNUM})(?:,?\s+{_TOWN})?$")
_TOWN_PC_SEGMENT = re.compile(rf"^(?P<town>{_TOWN})[\s,]+(?:{_PC_NUM}|{_PC_ALNUM})$")
# User agents: product/version tokens with parenthesised comments ("Mozilla/5.0 (X11; Linux) ...",
# "curl/8.1.2", "Googlebot/2.1 (+http://...)", "python-requests/2.31").
_UA_PRODUCT = re.compile(r"^[A-Za-z][\w.!+\-]*/\d[\w.\-]*")
_UA_TOKEN = re.compile(r"[A-Za-z][\w.!+\-]*/[\w.\-]+|\([^()]*\)")
_CHUNK = 200
_FEATURE_NAMES = (
    "email", "iban", "card", "card_compat", "ssn_sep", "ssn_any", "ip", "uuid", "hash", "token", "int",
    "amount", "decimal", "version", "epoch", "date", "datetime", "phone_strong", "phone_compat", "words",
    "name_shape", "address", "street_word", "postal", "postcode", "username", "natid", "nir", "prose", "place", "account", "honorific", "org", "full_name", "login",
    "address_full", "user_agent", "abn", "acct_short", "month_day", "doc_alnum", "pt_cc_shape", "iban_like",
    "street_first", "phone_grouped",
)  # fmt: skip


@dataclass(frozen=True)
class ColumnVerdict:
    """The classification of one column (without dataset/column names)."""

    entity: str | None
    score: float
    coverage: float
    runner_up: str | None
    evidence: str


# ------------------------------------------------------------------------------------ values


def stringify(series: pd.Series) -> pd.Series:
    """Non-null values as stripped strings; integral floats without '.0'; midnight datetimes as dates."""
    s = series.dropna()
    if s.empty:
        return s.astype(str)
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.astype(str)
    if pd.api.types.is_float_dtype(s.dtype):
        arr = s.to_numpy(dtype=float)
        finite = np.isfinite(arr)
        integral = finite & (np.abs(arr) < 1e19) & (np.floor(arr) == arr)
        out = np.where(integral, [f"{int(v)}" if ok else repr(v) for v, ok in zip(arr, integral, strict=True)], s.astype(str))
        return pd.Series(out, index=s.index)
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        ts = pd.to_datetime(s)
        if ((ts.dt.hour == 0) & (ts.dt.minute == 0) & (ts.dt.second == 0)).all():
            return ts.dt.strftime("%Y-%m-%d")
        return ts.astype(str)
    if pd.api.types.is_numeric_dtype(s.dtype):
        return s.astype(str)
    out = s.map(lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v)).str.strip()
    # an integer of four or more digits that went through a float on its way here ("694305528.0", "57726.0": a
    # phone, a postcode or an id number read as a float by a spreadsheet or an earlier export) is that integer
    return out.str.replace(_FLOAT_INT, r"\1", regex=True)


def sample_positions(n: int, sample: int, seed: int = 0) -> np.ndarray:
    """The sorted row positions of the seeded sample of ``sample`` rows out of ``n`` (all rows when ``n <=
    sample``): the rows a sampled scan judges a column on. It depends on ``n`` and the seed only, so the rows
    can be picked from a dataset read in chunks once its row count is known (the same rows, the same verdicts)."""
    if n <= sample:
        return np.arange(n)
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=sample, replace=False))


def column_values(
    series: pd.Series, *, sample: int | None = 1000, full: bool = False, seed: int = 0
) -> tuple[list[str], int, int]:
    """``(distinct values, non-empty count, row count)`` of a column, from a seeded row sample of
    ``sample`` rows unless ``full`` (or ``sample`` is None). Null-likes and blanks are dropped."""
    n = len(series)
    if not full and sample is not None and n > sample:
        series = series.iloc[sample_positions(n, sample, seed)]
    if not factorisable(series):
        s = stringify(series)  # 1, 1.0 and True compare equal: each cell on its own
        s = s[~s.str.lower().isin(NULL_LIKES)]
        return list(pd.unique(s.to_numpy(dtype=object))), len(s), n
    # distinct raw values first (in C), each turned into text once: the cost follows distinct values, not rows
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    quick = _plain_texts(series.dtype, uniques)
    if quick is not None:
        keep = np.fromiter((t.lower() not in NULL_LIKES for t in quick), dtype=bool, count=len(quick))
        return list(dict.fromkeys(t for t, k in zip(quick, keep, strict=True) if k)), int(counts[keep].sum()), n
    texts = stringify(pd.Series(uniques, dtype=series.dtype if len(uniques) else object))
    keep = ~texts.str.lower().isin(NULL_LIKES).to_numpy(dtype=bool)
    return list(pd.unique(texts.to_numpy(dtype=object)[keep])), int(counts[keep].sum()), n


def _edge_safe(c: str) -> bool:
    """Whether a first or last character is no whitespace under any definition (Python's, Arrow's)."""
    return (c.isascii() and not c.isspace()) or c.isalnum()


def _plain_texts(dtype, uniques) -> list[str] | None:
    """The texts :func:`stringify` gives for the distinct values ``uniques`` (``pd.factorize``, no NA) of
    an integer or string column, computed in plain Python (a wide table pays pandas' per-call cost once
    per column, not five times); ``None`` for any other column, or when a value could come out of
    pandas' string methods differently (whitespace at an edge, or a character whose lower case is
    ASCII only in some Unicode tables: U+0130, U+212A), so those take :func:`stringify` itself."""
    kind = getattr(dtype, "kind", None)
    if kind in ("i", "u"):
        return [str(v) for v in uniques.tolist()]  # astype(str) of an integer: its digits
    if not (isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and kind == "O")):
        return None
    texts = uniques.tolist()
    for t in texts:
        if type(t) is not str or (t and not (_edge_safe(t[0]) and _edge_safe(t[-1]))):
            return None
        if not t.isascii() and ("\u0130" in t or "\u212a" in t):
            return None
    # stringify: str(), strip (a no-op here), then an integer written as a float ("57726.0") is that integer
    return [_FLOAT_INT.sub(r"\1", t) if t.endswith(".0") else t for t in texts]


# ---------------------------------------------------------------------------------- features


def _without_extension(value: str) -> str:
    """A phone number without its extension (``x123``, ``ext. 4``, ``#12``)."""
    return _EXTENSION.split(value)[0]


def _phone_digits_ok(value: str, lo: int, hi: int) -> bool:
    return lo <= len(digits_of(_without_extension(value))) <= hi


def _is_token(value: str) -> bool:
    """A random identifier (pseudonymous token): letters and digits interleaved, no words."""
    body = _TOKEN_PREFIX.sub("", value, count=1)
    if not _TOKEN_BODY.match(body) or len(body) < 8:
        return False
    # the body is ASCII letters, digits, "_" and "-": a digit is 0-9, a letter A-Z or a-z
    runs = len(_DIGIT_RUN.findall(body))
    if not runs or not _ASCII_LETTER.search(body):
        return False
    # digit/non-digit transitions: each run of digits begins and ends one, unless it is at an end of the body
    transitions = 2 * runs - body[0].isdigit() - body[-1].isdigit()
    return transitions >= 3


def _e164_possible(value: str) -> bool:
    """``+`` and digits only, and a possible length for its country calling code (libphonenumber)."""
    import phonenumbers

    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(value, None))
    except phonenumbers.NumberParseException:
        return False


def _phone_strong(v: str, is_int: bool) -> bool:
    """A value written the way phone numbers are written: international (``+``/``00``) or with an
    area code in brackets, grouped by separators, a national number with a trunk ``0`` and a
    separator (``020 7496 0900``), or E.164 without separators (``+441632960318``)."""
    if not _phone_digits_ok(v, 7, 15):
        return False
    if is_int:
        return v.startswith("+") and _e164_possible(v)
    if v.startswith(("+", "(", "00")) or len(re.findall(r"[\s().\-/]", v)) >= 2:
        return True
    return v.startswith("0") and not v.startswith("00") and bool(re.match(r"^0\d{2,5}[\s/-]\d{3,9}$", v))


def _phone_grouped(v: str) -> bool:
    """A formatted phone number whose form is a phone's, not an id's with dashes (034-00276, 591-8229444-19):
    international prefix, area code in brackets, a trunk 0 and nine or more digits (030 1234567, 06 12 34 56 78),
    or groups of 2-4 digits (3-3-4 in North America)."""
    if v.startswith(("+", "(")) or (v.startswith("0") and len(digits_of(v)) >= 9):
        return True
    groups = [len(g) for g in re.findall(r"\d+", _without_extension(v))]
    return len(groups) >= 3 and all(2 <= n <= 4 for n in groups)


def _address_with_postcode(flat: str) -> bool:
    """A value of two or more comma/line segments, beginning with words or a house number, one later
    segment being a postcode (with or without its town): "Via X, 13, 09039 Town", "Rua Y 5, 1000-001 Lisboa"."""
    segs = [p.strip() for p in flat.split(",") if p.strip()]
    if len(segs) < 2 or not any(c.isalpha() for c in segs[0]):
        return False
    if sum(any(c.isalpha() for c in p) for p in segs) < 2:
        return False  # "Smith, 12345": a word and a number are not an address
    for p in segs[1:]:
        p = p.split(" (")[0].strip()  # "Novafeltria (RN)": province in brackets
        if _PC_SEGMENT.match(p):
            return True
        m = _TOWN_PC_SEGMENT.match(p)  # town first: only capitalised words ("Stockholm 114 55")
        if m and all(w[0].isupper() for w in re.split(r"[\s\-]+", m["town"]) if len(w) > 3):
            return True
    return False


def _is_user_agent(v: str) -> bool:
    """A user-agent string: starts with a product/version token and consists of product/version
    tokens, parenthesised comments and a few bare words ("like", "Gecko", "Mobile")."""
    if not _UA_PRODUCT.match(v) or len(v) > 600:
        return False
    rest = _UA_TOKEN.sub(" ", v)
    leftover = [w for w in re.split(r"[\s;,]+", rest) if w]
    n_tokens = len(_UA_TOKEN.findall(v))
    return len(leftover) <= max(2, n_tokens // 2)


def value_features(value: str, *, today: date | None = None) -> set[str]:
    """The evidence features one value shows (see ``_FEATURE_NAMES``)."""
    return _features(value)[0]


def _features(value: str) -> tuple[set[str], date | None, bool]:
    """``(features, parsed date, whether the date was parsed)``: :func:`value_features` plus the
    :func:`~.validators.parse_date` result when the feature rules computed it (so it is not parsed twice)."""
    v = value.strip()
    f: set[str] = set()
    if "@" in v and email_ok(v):
        return {"email", "username"}, None, False
    if v.startswith("@") and _FEDIVERSE.match(v):
        return {"username"}, None, False
    is_int = bool(_INT.match(v))
    nd = len(digits_of(v))
    if is_int:
        f.add("int")
        n = int(v)
        if (len(v) == 10 and 946_684_800 <= n <= 2_082_758_400) or (len(v) == 13 and 946_684_800_000 <= n <= 2_082_758_400_000):
            f.add("epoch")
    if 12 <= nd <= 19 and luhn_ok(v) and card_issuer_ok(v):
        f.update({"card", "card_compat"})
    elif (is_int and 12 <= len(v.lstrip("+-")) <= 19) or _SCI.match(v):
        f.add("card_compat")
    if (nd >= 14 or (nd >= 2 and v[:2].isalpha())) and bank_account_ok(v):  # an IBAN has 2+ digits
        f.add("iban")
    iban_like = bool(_IBAN_LIKE.match(v))
    if iban_like:
        f.add("iban_like")
    if (8 <= nd <= 34 and _ACCOUNT.match(v)) or _CZ_ACCOUNT.match(v):
        f.add("account")
    elif iban_like:
        f.add("account")  # under a bank header an IBAN-shaped value is an account even with a typo in it
    elif is_int and 6 <= len(v) <= 7:
        f.add("acct_short")  # 6-7 digits: a bank account only where the header says so (AU, NZ, Nordic)
    if nd == 11 and abn_ok(v):
        f.add("abn")
    if 13 <= nd <= 15 and nir_ok(v):
        f.add("nir")
    if nd == 9 and ssn_ok(v):
        f.add("ssn_any")
        if not is_int:
            f.add("ssn_sep")
    if (v.count(".") == 3 or ":" in v) and ip_ok(v):
        f.add("ip")
        return f, None, False
    if "," in v and (v.count(".") >= 3 or ":" in v) and all(ip_ok(part) for part in v.split(",")):
        f.add("ip")  # a proxy chain (X-Forwarded-For: client, proxy1, proxy2)
        return f, None, False
    if uuid_like(v):
        f.add("uuid")
    if hex_hash_like(v):
        f.add("hash")
    if _is_token(v):
        f.add("token")
    if not is_int and _DECIMAL.match(v):
        f.add("decimal")
    if _AMOUNT.match(v) and not is_int and ("." in v or "," in v or any(c in v for c in "€$£¥")):
        f.add("amount")
    if _VERSION.match(v) and not _DECIMAL.match(v):
        f.add("version")
    # 8-digit integers may be compact dates (19940217, as EDI and mainframe exports write birth dates)
    tried = nd >= 4 and (not is_int or (len(v) == 8 and v[:2] in ("19", "20")))
    d = parse_date(v) if tried else None
    if d is None and tried and "," in v:  # "12-03-1961, Kraków": a date and a place in one cell
        head, _, tail = v.partition(",")
        if WORD_VALUE.match(tail.strip()):
            d = parse_date(head.strip())
    if d is not None:
        f.add("date")
        f.discard("version")  # 01.12.1968, 26.11.79: a dotted date, not a version
        if has_time_part(v):
            f.add("datetime")
    if d is None and "ssn_sep" not in f and "decimal" not in f and _PHONE.match(v):
        if _phone_digits_ok(v, 5, 15):
            f.add("phone_compat")
        if _phone_strong(v, is_int):
            f.add("phone_strong")
            if _phone_grouped(v):
                f.add("phone_grouped")
    if " " in v and len(v) <= 80 and LEGAL_FORM.search(v):
        f.add("org")
    core = _PAREN_TAIL.sub("", v)  # "Sole Ziani (figlia)", "Collin (opa)"
    word_v = WORD_VALUE.match(v)
    word_core = word_v if core == v else WORD_VALUE.match(core)
    if word_v and len(v) <= 60:
        f.add("words")
    if word_core and len(core) <= 60 and 1 <= len(core.split()) <= 5 and core[0].isupper():
        f.add("name_shape")
    core_words = core.split()
    if (len(core) <= 60 and word_core and 2 <= len(core_words) <= 5
            and sum(w[:1].isupper() for w in core_words) >= len(core_words) - 1):  # fmt: skip
        f.add("full_name")  # "Kleibrink, B.H.", "van Mook, M.M.", "BERNAT MAESTRE, ESTELA"
    if len(v) <= 60 and _HONORIFIC.match(v):
        f.add("honorific")
    if _is_user_agent(v):
        f.add("user_agent")
    # multi-line addresses are read as one line ("Flat 4\nRobin Court\nAB7H 3AN" -> "Flat 4, Robin Court, ...")
    flat = re.sub(r"\s*[\r\n]+\s*", ", ", v) if "\n" in v or "\r" in v else v
    if (_ADDRESS_NUM_FIRST.match(flat) or _ADDRESS_NUM_LAST.match(flat) or _PO_BOX.match(flat)) and len(v) <= 160 and nd <= 16:
        f.add("address")
        words = {w.strip(".,").lower() for w in flat.split()}
        if words & STREET_WORDS or _STREET_SUFFIX.search(flat) or _PO_BOX.match(flat):
            f.add("street_word")
            f.add("address_full")
    first = v.split(maxsplit=1)
    if len(first) == 2 and len(v) <= 80 and first[0].rstrip(".").lower() in _STREET_FIRST and first[1][:1].isupper():
        f.add("street_first")  # "Rua Marques, Elvas", "Via Garibaldi": a street named without its number
    if "user_agent" not in f and len(v) <= 160 and _address_with_postcode(flat):
        f.update({"address", "address_full"})
    if "words" in f or "address" in f or (len(v) <= 60 and WORD_VALUE.match(_REGION_TAIL.sub("", core))):
        f.add("place")
    if len(v) <= 10 and _POSTAL.match(v):
        f.add("postal")
        if _POSTCODE_ALNUM.match(v.upper()) and v == v.upper():
            f.add("postcode")
    if USERNAME_SHAPE.match(v) and "token" not in f and not is_int and d is None:
        f.add("username")
        if v == v.lower() and sum(c.isalpha() for c in v) >= 3:
            f.add("login")  # lower-case, like a login (fbernad, j.smith2), not a capitalised word
    natid_shape = bool(_NATID.match(v)) and "date" not in f
    sci = _SCI.match(v)
    # ID-card numbers like PC35Z5V8J (read only where the natid rules below ask for it)
    alnum_doc = (natid_shape or sci) and nd >= 2 and len(v) >= 6 and any(c.isalpha() for c in v)
    if (natid_shape and (nd >= 5 or alnum_doc)) or sci:
        f.add("natid")
        if _PT_CC_SHAPE.match(v):
            f.add("pt_cc_shape")
        if alnum_doc and nd >= 4 and v.isalnum() and len(v) <= 12:
            f.add("doc_alnum")  # CA12345AB, ZXD894862: letters and digits only (FT2024/00012 is an invoice)
    if (m := _MONTH_DAY.match(v)) and {int(m[1]), int(m[2])} <= set(range(1, 32)) and min(int(m[1]), int(m[2])) <= 12:
        f.add("month_day")
    if len(v) >= 25 and len(v.split()) >= 5 and "user_agent" not in f:
        f.add("prose")
    return f, d, tried


# The features of a value depend on the value alone (and, for a two-digit year, on the current year), so a
# value seen again -- in another column, table or sample of the run -- is not examined again. Bounded: a
# run over millions of distinct values keeps the most recent ones only.
_MEMO_SIZE = 1 << 14
_memo_year = [date.today().year]


@lru_cache(maxsize=_MEMO_SIZE)
def _facts(value: str) -> tuple[set[str], date | None]:
    """``(features, parsed date)`` of one value: :func:`_features` and :func:`~.validators.parse_date`."""
    f, d, tried = _features(value)
    return f, (d if tried else parse_date(value))


def _facts_of() -> Callable[[str], tuple[set[str], date | None]]:
    """:func:`_facts`, memoised for this year (the memo is emptied when the year turns)."""
    year = date.today().year
    if year != _memo_year[0]:
        _facts.cache_clear()
        _memo_year[0] = year
    return _facts


# Plain digit strings ("4929123456781234", "19850203", "75008") are the commonest class of distinct values in a
# full scan. For them only a few of the rules above can fire, and which ones depends on the length alone, except
# for the checksums and the compact date; so they are judged per length class, calling only those validators.
_DIGITS_MAX = 25  # longer digit strings (UUIDs and hashes in digits only, accounts up to 34 digits) go to _facts
_DIGITS = re.compile(rf"[0-9]{{1,{_DIGITS_MAX}}}")


def _digit_class(length: int) -> tuple[frozenset[str], bool]:
    """``(features every plain digit string of this length shows unless it is a date, whether a string of this
    length can be a date)``: :func:`_features` read for ``^[0-9]{length}$`` (int, card shape, account, phone
    shape, postal shape, id-number shape)."""
    f = {"int"}
    if 12 <= length <= 19:
        f.add("card_compat")
    if 8 <= length <= 34:
        f.add("account")
    elif 6 <= length <= 7:
        f.add("acct_short")
    if 4 <= length <= 24 and 5 <= length <= 15:  # _PHONE matches 4-24 digits; phone_compat needs 5-15
        f.add("phone_compat")
    if 2 <= length <= 9:
        f.add("postal")
    if 5 <= length <= 25:
        f.add("natid")
    return frozenset(f), length == 8


def _digit_facts(values: list[str]) -> list[tuple[set[str], date | None] | None]:
    """:func:`_facts` of every value that is a plain ASCII digit string of 1-25 digits, ``None`` for the others.

    Found and grouped by length with Arrow compute; per length class only the rules that can fire for it run:
    epoch range, Luhn and card issuer (12-19 digits), bank account check digits (14+), ABN (11), NIR (13-15),
    SSN (9), the compact date (8). Values with the same features share one set (read, never changed)."""
    out: list[tuple[set[str], date | None] | None] = [None] * len(values)
    if len(values) < 2:
        return out
    try:
        arr = pa.array(values, type=pa.large_string())
    except (pa.ArrowException, UnicodeEncodeError, TypeError):  # not all text (or not UTF-8): every value to _facts
        return out
    plain = pc.match_substring_regex(arr, f"^{_DIGITS.pattern}$").to_numpy(zero_copy_only=False)
    idx = np.flatnonzero(plain)
    if not len(idx):
        return out
    lengths = pc.utf8_length(arr).to_numpy(zero_copy_only=False)[idx]
    shared: dict[frozenset[str], set[str]] = {}
    for length in np.unique(lengths).tolist():
        ix = idx[lengths == length].tolist()
        base, can_date = _digit_class(length)
        vs = [values[i] for i in ix]
        extra: list[list[str]] = [[] for _ in vs]
        if length in (10, 13):
            lo, hi = (946_684_800, 2_082_758_400) if length == 10 else (946_684_800_000, 2_082_758_400_000)
            nums = pc.cast(pa.array(vs), pa.int64()).to_numpy()
            for j in np.flatnonzero((nums >= lo) & (nums <= hi)).tolist():
                extra[j].append("epoch")
        checks: list[tuple[str, Callable[[str], bool]]] = []
        if 12 <= length <= 19:
            checks.append(("card", lambda v: luhn_ok(v) and card_issuer_ok(v)))
        if length >= 14:
            checks.append(("iban", bank_account_ok))
        if length == 11:
            checks.append(("abn", abn_ok))
        if 13 <= length <= 15:
            checks.append(("nir", nir_ok))
        if length == 9:
            checks.append(("ssn_any", ssn_ok))
        for key, ok in checks:
            for j, v in enumerate(vs):
                if ok(v):
                    extra[j].append(key)
        plain_set = shared.setdefault(base, set(base))
        if not can_date and not checks and length not in (10, 13):  # the same features for every value
            for i in ix:
                out[i] = (plain_set, None)
            continue
        for j, v in enumerate(vs):
            d = parse_date(v) if can_date else None
            dated = d is not None and v[:2] in ("19", "20")  # _features tries 8 digits as a date when 19../20..
            if not extra[j] and not dated:
                out[ix[j]] = (plain_set, d)
                continue
            f = base.union(*((("card", "card_compat") if e == "card" else (e,)) for e in extra[j]))
            if dated:
                f = (f - {"phone_compat", "natid"}) | {"date"} | ({"datetime"} if has_time_part(v) else set())
            got = shared.get(f)
            if got is None:
                got = shared[f] = set(f)
            out[ix[j]] = (got, d)
    return out


# Dates and ISO timestamps ("1985-02-03", "03.02.1985", "2024-05-01 13:45:07"): the next commonest classes. A
# valid one shows exactly these features (_features read for the shape: the date rules; dashed and dotted digits
# also match the account shape, slashes and the colons of a timestamp do not); an invalid one (month 13) goes
# to _facts. ``None``: a timestamp, "date" and "datetime" unless it is at midnight (has_time_part).
_DATE_SHAPES: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", frozenset({"account", "date"})),
    ("^[0-9]{2}-[0-9]{2}-[0-9]{4}$", frozenset({"account", "date"})),
    ("^[0-9]{2}[.][0-9]{2}[.][0-9]{4}$", frozenset({"account", "date"})),
    ("^[0-9]{2}/[0-9]{2}/[0-9]{4}$", frozenset({"date"})),
    ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$", None),
)


# Two grouped-digit shapes: a US SSN's (123-45-6789: an SSN passing the SSA rules, else a grouped phone number)
# and a card number's in four groups (4111 1111 1111 1111: Luhn and issuer, and bank account check digits).
_SSN_GROUPS = "^[0-9]{3}-[0-9]{2}-[0-9]{4}$"
_CARD_GROUPS = "^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$"
# Amounts with two decimals and three to five digits before them (129.90, 12345,67): a decimal and an amount; with
# a dot also login-shaped and id-number-shaped (five digits or more); fewer digits before the separator could be a
# day and a month, more an account number: those go to _facts.
_AMOUNT_SHAPES = (
    ("^[0-9]{3,5}[.][0-9]{2}$", frozenset({"decimal", "amount", "username", "natid"})),
    ("^[0-9]{3,5},[0-9]{2}$", frozenset({"decimal", "amount"})),
)
_SSN_FACTS = frozenset({"ssn_any", "ssn_sep", "account", "natid", "username"})
_SSN_PHONE_FACTS = frozenset({"account", "natid", "username", "phone_compat", "phone_strong", "phone_grouped"})


# Below this many distinct values the per-value path (memoised) is cheaper than the column-wise set-up (an Arrow
# array and a regex pass per class): a 20,000-column table of 20 rows paid it 20,000 times.
_COLUMNWISE_MIN = 256


def _class_facts(values: list[str], *, min_values: int = _COLUMNWISE_MIN) -> list[tuple[set[str], date | None] | None]:
    """:func:`_facts` of the values of the classes judged column-wise -- plain digit strings
    (:func:`_digit_facts`), the date shapes of ``_DATE_SHAPES`` with a valid date, the amounts of
    ``_AMOUNT_SHAPES``, the SSN and the four-group card shapes -- and ``None`` for every other value.
    Lists of fewer than ``min_values`` values are left to :func:`_facts` (all ``None``)."""
    if len(values) < max(min_values, 2):
        return [None] * len(values)
    out = _digit_facts(values)
    try:
        arr = pa.array(values, type=pa.large_string())
    except (pa.ArrowException, UnicodeEncodeError, TypeError):
        return out
    with_time, midnight = {"date", "datetime"}, {"date"}
    for pattern, features in _DATE_SHAPES:
        idx = np.flatnonzero(pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False)).tolist()
        if not idx:
            continue
        shown = set(features) if features is not None else None
        for i in idx:
            v = values[i]
            d = parse_date(v)
            if d is not None:
                out[i] = (shown if shown is not None else with_time if has_time_part(v) else midnight, d)
    for pattern, features in _AMOUNT_SHAPES:
        shown = set(features)
        for i in np.flatnonzero(pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False)).tolist():
            out[i] = (shown, None)
    ssn, phone = set(_SSN_FACTS), set(_SSN_PHONE_FACTS)
    for i in np.flatnonzero(pc.match_substring_regex(arr, _SSN_GROUPS).to_numpy(zero_copy_only=False)).tolist():
        out[i] = (ssn if ssn_ok(values[i]) else phone, None)
    shared: dict[tuple[bool, bool], set[str]] = {}
    for i in np.flatnonzero(pc.match_substring_regex(arr, _CARD_GROUPS).to_numpy(zero_copy_only=False)).tolist():
        v = values[i]
        key = (luhn_ok(v) and card_issuer_ok(v), bank_account_ok(v))
        got = shared.get(key)
        if got is None:
            got = shared[key] = {"account", "natid"} | ({"card", "card_compat"} if key[0] else set()) | (
                {"iban"} if key[1] else set())  # fmt: skip
        out[i] = (got, None)
    return out


# ---------------------------------------------------------------------------------- decision

_STRONG = (
    ("EMAIL_ADDRESS", "email", "valid e-mail addresses"),
    ("IBAN_CODE", "iban", "bank account numbers passing their check digits (IBAN mod-97, also without the country code; CLABE)"),
    ("CREDIT_CARD", "card", "card numbers passing Luhn"),
    ("IP_ADDRESS", "ip", "IP addresses"),
    ("US_SSN", "ssn_sep", "SSNs passing area/group/serial rules"),
    ("NATIONAL_ID", "nir", "French social security numbers (NIR) passing the mod-97 key"),
)
_NOT_PAYMENT_CARDS = {"loyalty", "bonus", "membership", "member", "club", "library", "gift", "fidelity", "fidelite",
                      "fidelidad", "fidelidade", "fedelta", "kundenkarte", "klantenkaart", "stempel", "reward", "rewards",
                      "points", "transit", "student"}  # fmt: skip
_GENERIC_ACCOUNT = {"account number", "account no", "acct number", "acct no", "accountnumber", "a c number", "a c no"}
# Generic document words (an identity document, or an invoice): only letter-and-digit document numbers count.
_GENERIC_DOCUMENT = {"documento", "document number", "document no", "nr dokumentu", "numer dokumentu", "dokumentnummer",
                     "pasnummer",  # Danish passport number, Dutch card number (bank, library, gym): only letters+digits
                     "documentnummer", "cislo dokladu", "numero de documento", "numero du document"}  # fmt: skip
_HEADER_COMPAT = {
    "EMAIL_ADDRESS": ("email", "valid e-mail addresses"),
    "IBAN_CODE": ("iban", "bank-account-shaped values (IBAN, or 8-34 digits)"),
    "CREDIT_CARD": ("card_compat", "card-number-shaped values (12-19 digits)"),
    "IP_ADDRESS": ("ip", "IP addresses"),
    "US_SSN": ("ssn_any", "SSN-shaped values passing SSN rules"),
    "PHONE_NUMBER": ("phone_compat", "phone-shaped values (5-15 digits)"),
    "PERSON": ("words", "word-only values"),
    "LOCATION": ("place", "address or place-name values"),
    "POSTAL_CODE": ("postal", "postal-code-shaped values"),
    "DATE_OF_BIRTH": ("date", "dates"),
    "NATIONAL_ID": ("natid", "id-number-shaped values"),
    "USERNAME": ("username", "login-shaped values"),
}
_NEGATIVES = (
    ("uuid", "UUIDs"),
    ("hash", "hex hashes"),
    ("token", "random tokens (pseudonyms)"),
    ("datetime", "event timestamps"),
    ("epoch", "epoch seconds"),
    ("amount", "amounts"),
    ("version", "version strings"),
    ("user_agent", "user-agent strings (software, not a person)"),
    ("abn", "Australian Business Numbers passing the ABN check (an organisation's number)"),
)


def _cov(counts: Counter, key: str, m: int) -> float:
    if m == 0:
        return 0.0
    if "|" in key:
        return max(_cov(counts, k, m) for k in key.split("|"))
    return counts.get(key, 0) / m


def _pct(x: float) -> str:
    return f"{x:.0%}"


# ------------------------------------------------------------------------- per-value evidence

_K_EXAMPLES = 2  # example values quoted in evidence strings
_TEXTS, _K_TEXTS = "texts", 60  # values of 3+ words: the free-text sample given to Presidio
_POOL, _K_POOL = "pool", 96  # values of 2-60 characters: the sample given to spaCy NER
_ANY = ""


def _k(key: str) -> int:
    return _K_TEXTS if key == _TEXTS else _K_POOL if key == _POOL else _K_EXAMPLES


@dataclass(frozen=True)
class ValueEvidence:
    """What a set of distinct non-empty values shows, in a form that adds up over disjoint sets
    (:func:`merge_evidence`); :func:`classify_evidence` needs nothing else to reach a verdict.

    ``counts``: values per feature (``_FEATURE_NAMES``); ``custom``: values matching each custom
    recognizer; ``firsts``: per key, the earliest values as ``(position, value)``, position being
    the value's first appearance in the column -- key ``""`` any value, a feature name,
    ``"custom:<i>"``, ``"texts"`` (3+ words) and ``"pool"`` (2-60 characters); ``int_range``:
    smallest and largest integer value; ``n_dates``/``n_birth``/``ages``: values that parse as
    dates, those that could be a birth date (no time, age 16-100), and a histogram of
    ``today.year - year``."""

    n: int
    counts: dict[str, int]
    custom: tuple[int, ...]
    firsts: dict[str, tuple[tuple[int, str], ...]]
    int_range: tuple[int, int] | None
    n_dates: int
    n_birth: int
    ages: dict[int, int]


def value_evidence(
    values: list[str],
    *,
    positions: list[int] | None = None,
    custom: tuple = (),
    today: date | None = None,
    early_stop: bool = False,
) -> ValueEvidence:
    """The :class:`ValueEvidence` of distinct values (``positions``: their first-appearance ranks
    in the whole column, default ``0..n-1``; they must increase along ``values``).

    With ``early_stop`` the values are examined in chunks and the examination stops once every
    feature's share is settled (present in none or all of the values seen)."""
    today = today or date.today()
    counts: Counter = Counter()
    firsts: dict[str, list[tuple[int, str]]] = {}
    full: set[str] = set()
    n_custom = [0] * len(custom)
    lo = hi = None
    n = n_dates = n_birth = 0
    ages: Counter = Counter()
    md = (today.month, today.day)

    def first(key: str, pos: int, v: str) -> None:
        got = firsts.setdefault(key, [])
        got.append((pos, v))
        if len(got) >= _k(key):
            full.add(key)

    m = len(values)
    facts = _facts_of()
    known = _class_facts(values)
    for start in range(0, m, _CHUNK):
        stop = min(start + _CHUNK, m)
        for i in range(start, stop):
            v = values[i]
            pos = positions[i] if positions is not None else i
            f, d = known[i] or facts(v)  # f is shared with the memo: read, never changed
            n += 1
            counts.update(f)
            if _ANY not in full:
                first(_ANY, pos, v)
            for key in f:
                if key not in full:
                    first(key, pos, v)
            for j, c in enumerate(custom):
                if c.matches(v):
                    n_custom[j] += 1
                    if f"custom:{j}" not in full:
                        first(f"custom:{j}", pos, v)
            if _TEXTS not in full and len(v.split()) >= 3:
                first(_TEXTS, pos, v)
            if _POOL not in full and 2 <= len(v) <= 60:
                first(_POOL, pos, v)
            if _INT.match(v):
                try:
                    x = int(v)
                except ValueError:  # more digits than Python converts: no integer evidence
                    pass
                else:
                    lo = x if lo is None or x < lo else lo
                    hi = x if hi is None or x > hi else hi
            if d is not None:
                n_dates += 1
                ages[today.year - d.year] += 1
                # validators.birth_date_plausible(v, min_age=16, max_age=100), without parsing again
                if not has_time_part(v) and 16 <= today.year - d.year - (md < (d.month, d.day)) <= 100:
                    n_birth += 1
        # early stop: every feature is (nearly) always or never present, more values cannot change it
        if early_stop and stop < m and all(c <= 0.01 * stop or c >= 0.99 * stop for c in counts.values()):
            break
    return ValueEvidence(n, dict(counts), tuple(n_custom), {k: tuple(v) for k, v in firsts.items()},
                         None if lo is None else (lo, hi), n_dates, n_birth, dict(ages))  # fmt: skip


def merge_evidence(parts: list[ValueEvidence]) -> ValueEvidence:
    """The evidence of the union of disjoint value sets (positions from one numbering)."""
    import heapq
    from itertools import islice

    parts = list(parts)
    counts: Counter = Counter()
    ages: Counter = Counter()
    for p in parts:
        counts.update(p.counts)
        ages.update(p.ages)
    keys = list(dict.fromkeys(k for p in parts for k in p.firsts))
    firsts = {k: tuple(islice(heapq.merge(*(p.firsts.get(k, ()) for p in parts)), _k(k))) for k in keys}
    ranges = [p.int_range for p in parts if p.int_range is not None]
    n_custom = max((len(p.custom) for p in parts), default=0)
    custom = tuple(sum(p.custom[j] for p in parts if j < len(p.custom)) for j in range(n_custom))
    return ValueEvidence(
        sum(p.n for p in parts), dict(counts), custom, firsts,
        (min(r[0] for r in ranges), max(r[1] for r in ranges)) if ranges else None,
        sum(p.n_dates for p in parts), sum(p.n_birth for p in parts), dict(ages),
    )  # fmt: skip


def _examples(ev: ValueEvidence, entity: str | None, key: str = _ANY) -> str:
    return ", ".join(mask(v, entity) for _, v in ev.firsts.get(key, ())[:_K_EXAMPLES])


def _header_text(h: HeaderHint, entity: str) -> str:
    return f"header '{h.header}' says {entity} ('{h.entities[entity]}')"


def _nth(hist: list[tuple[int, int]], i: int) -> int:
    """The ``i``-th (0-based) element of the sorted multiset given as sorted (value, count) pairs."""
    for value, count in hist:
        if i < count:
            return value
        i -= count
    raise IndexError(i)


def _birth_by_age(ev: ValueEvidence) -> tuple[bool, str]:
    if ev.n_dates < 5:
        return False, ""
    plausible = ev.n_birth / ev.n
    hist = sorted(ev.ages.items())
    spread = hist[-1][0] - hist[0][0]
    n = ev.n_dates
    median = _nth(hist, n // 2) if n % 2 else (_nth(hist, n // 2 - 1) + _nth(hist, n // 2)) / 2  # statistics.median
    human = sum(c for age, c in hist if 0 <= age <= 110) / n  # no future dates, no 19th century
    ok = (plausible >= 0.9 and spread >= 15 and median >= 25) or (
        plausible >= 0.75 and human >= 0.98 and spread >= 30 and median >= 25)  # children among adults
    return ok, f"{_pct(plausible)} of dates give ages 16-100 (median age {median:.0f}, spread {spread} years)"


def classify_values(
    header: object,
    values: list[str],
    *,
    n_rows: int | None = None,
    n_nonnull: int | None = None,
    custom: tuple = (),
    text_analyzer: Callable[[list[str]], list[list]] | None = None,
    ner: Callable[[list[str]], list[list[tuple[str, int, int]]]] | None = None,
    today: date | None = None,
    early_stop: bool = True,
) -> ColumnVerdict:
    """Classify a column from its header and its distinct non-empty values (in first-appearance order).

    With ``early_stop`` the values are examined in chunks and the examination stops once every
    feature's share is settled (present in none or all of the values seen).

    ``text_analyzer`` (texts -> spans with ``.entity``) and ``ner`` (texts -> spaCy entities) are
    called only when cheaper evidence cannot decide; pass ``None`` to skip them.
    Same as :func:`classify_evidence` of :func:`value_evidence`.
    """
    ev = value_evidence(values, custom=custom, today=today, early_stop=early_stop)
    return classify_evidence(header, ev, n_rows=n_rows, n_nonnull=n_nonnull, custom=custom,
                             text_analyzer=text_analyzer, ner=ner)  # fmt: skip


def classify_evidence(
    header: object,
    ev: ValueEvidence,
    *,
    n_rows: int | None = None,
    n_nonnull: int | None = None,
    custom: tuple = (),
    text_analyzer: Callable[[list[str]], list[list]] | None = None,
    ner: Callable[[list[str]], list[list[tuple[str, int, int]]]] | None = None,
) -> ColumnVerdict:
    """Classify a column from its header and the :class:`ValueEvidence` of its distinct values
    (``custom``: the recognizers the evidence was computed with, in the same order)."""
    h = header_hints(header)
    m = ev.n
    if m == 0:
        return ColumnVerdict(None, 0.0, 0.0, None, "no non-empty values")
    counts = Counter(ev.counts)
    cov = {name: counts.get(name, 0) / m for name in _FEATURE_NAMES}  # _cov (no name holds a "|")
    basis = f"{m} distinct values"
    candidates: list[tuple[str, float, float, str]] = []  # (entity, score, coverage, evidence)

    # 1. custom recognizers (the user's own entities come first)
    for j, c in enumerate(custom):
        share = ev.custom[j] / m
        hint = c.header_hint(header)
        if share >= 0.7 or (hint and share >= 0.5):
            ev_text = f"custom {c.entity}: {_pct(share)} of {basis} match" + (f"; header phrase '{hint}'" if hint else "")
            ev_text += f"; e.g. {_examples(ev, c.entity, f'custom:{j}')}"
            candidates.append((c.entity, min(1.0, 0.5 + 0.5 * share + (0.1 if hint else 0)), share, ev_text))
        elif share > 0.1:
            candidates.append((c.entity, 0.3 * share, share, ""))

    # 2. checksum/structure-validated values
    for entity, key, what in _STRONG:
        share = cov[key]
        hinted = h.hints(entity)
        # a pass rate far above chance under a silent header: a mistyped IBAN passes mod-97 one time in 97 and a
        # random number Luhn one time in 10, so half passing is a column of IBANs or cards with typos in it
        by_rate = (entity == "IBAN_CODE" and share >= 0.3 and cov["iban_like"] >= 0.8) or (
            entity == "CREDIT_CARD" and share >= 0.5 and cov["card_compat"] >= 0.9
            and not set(h.tokens) & _NOT_PAYMENT_CARDS)  # fmt: skip
        if share >= 0.8 or (hinted and share >= 0.5) or by_rate:
            ev_text = (f"{_header_text(h, entity)}; " if hinted else "") + f"{_pct(share)} of {basis} are {what}"
            ev_text += f"; e.g. {_examples(ev, entity, key)}"
            candidates.append((entity, min(1.0, 0.55 + 0.4 * share + (0.05 if hinted else 0)), share, ev_text))
        elif share > 0.05:
            candidates.append((entity, 0.4 * share, share, ""))
    # 2b. national numbers passing one of Presidio's country validators (PESEL, NIF/NIE, HETU...)
    pool = [v for _, v in ev.firsts.get(_POOL, ())]
    if pool and (cov["natid"] >= 0.5 or cov["int"] >= 0.5) and not any(c[3] for c in candidates):
        kinds = Counter(k for k in map(national_id_kind, pool) if k)
        share = sum(kinds.values()) / len(pool)
        hinted = h.hints("NATIONAL_ID")
        if share >= 0.8 or (hinted and share >= 0.5):
            detail = ", ".join(f"{k} {_pct(n / len(pool))}" for k, n in kinds.most_common(3))
            ev_text = (f"{_header_text(h, 'NATIONAL_ID')}; " if hinted else "") + (
                f"{_pct(share)} of {len(pool)} sampled values are national numbers passing their check ({detail}); "
                f"e.g. {', '.join(mask(v, 'NATIONAL_ID') for v in pool[:3])}")  # fmt: skip
            candidates.append(("NATIONAL_ID", round(min(1.0, 0.55 + 0.4 * share + (0.05 if hinted else 0)), 3), share, ev_text))
        elif share > 0.05:
            candidates.append(("NATIONAL_ID", 0.4 * share, share, ""))
    decided = [c for c in candidates if c[3]]
    if decided:
        return _finish(candidates)

    # 3. the header, backed by compatible values
    sem: NameSemantics | None = None
    for entity in h.entities:
        key, what = _HEADER_COMPAT[entity]
        share = cov[key]
        if entity == "LOCATION" and h.coarse_geo:
            continue
        if entity == "PERSON":
            share = max(cov["words"], cov["name_shape"])
            if cov["org"] >= 0.3:  # company names (Ltd, GmbH, SAS...): an organisation's name, not a person's
                share = 0.0
            if h.entities["PERSON"].split()[-1] in ACTOR_TAILS:  # "created by": only capitalised names
                share = cov["name_shape"]
        if entity == "USERNAME":
            share = cov["username"] * (1 - cov["token"])
            if cov["name_shape"] >= 0.8 and cov["login"] < 0.2:
                sem = name_semantics(pool)
                if sem.given >= 0.5:  # "Bernie", "Chuck": nicknames written as given names are names
                    ev_text = (f"{_header_text(h, entity)}, but the values are capitalised given names "
                               f"({sem.describe()}); e.g. {_examples(ev, 'PERSON')}")  # fmt: skip
                    candidates.append(("PERSON", round(0.45 + 0.45 * sem.given, 3), sem.given, ev_text))
                    return _finish(candidates)
        if (entity == "EMAIL_ADDRESS" and cov["email"] < 0.1 and cov["username"] * (1 - cov["token"]) >= 0.9
                and m >= 20 and not (n_nonnull is not None and n_nonnull >= 10 * m)):  # fmt: skip
            # an e-mail column holding only the local parts (SKING): logins of the mail system
            ev_text = (f"{_header_text(h, entity)}; {_pct(cov['username'])} of {basis} are e-mail local parts "
                       f"(login-shaped, no domain); e.g. {_examples(ev, 'USERNAME', 'username')}")  # fmt: skip
            candidates.append(("USERNAME", round(0.45 + 0.4 * cov["username"], 3), cov["username"], ev_text))
            return _finish(candidates)
        if entity == "CREDIT_CARD" and set(h.tokens) & _NOT_PAYMENT_CARDS:
            share = cov["card"]  # a loyalty or membership card number: only a real payment card number counts
        if entity == "IBAN_CODE":
            # national account numbers under a bank-account header; a bare English "account number/#" is as
            # often a customer account: there only check-digit-valid numbers count, unless a bank word is near
            generic = h.entities[entity] in _GENERIC_ACCOUNT and not set(h.tokens) & BANK_CONTEXT
            share = cov["iban"] if generic else max(cov["iban"], cov["account"] + cov["acct_short"])
        if entity == "DATE_OF_BIRTH":
            share = max(cov["date"] * (1 - cov["datetime"] * 0.5), cov["month_day"])  # also a birthday without year
        if entity == "NATIONAL_ID" and h.entities[entity] in _GENERIC_DOCUMENT:
            share = cov["doc_alnum"]
        name_note = ""
        if entity == "PERSON" and share >= 0.7:
            # the header says "name"; the values must say whose: people's names, or names of things
            bare = h.entities["PERSON"] in GENERIC_NAME_PHRASES
            sem = name_semantics(pool, ner if bare else None)
            if sem.thing or (bare and ner is not None and not sem.person and sem.ner_other >= 0.5):
                return _finish(candidates, f"{_header_text(h, entity)}, but the values are names of things, "
                                           f"not people: {sem.describe()}")  # fmt: skip
            if bare:
                name_note = (f"; {BARE_NAME_HEADER}, values read as people's names ({sem.describe()})" if sem.person
                             else f"; {BARE_NAME_HEADER}, values undecided ({sem.describe()}): {PERSON_TABLE_ONLY}")  # fmt: skip
        if share >= 0.7:
            ev_text = f"{_header_text(h, entity)}; {_pct(share)} of {basis} are {what}" + name_note
            if entity == "CREDIT_CARD" and cov["card"] < 0.5:
                ev_text += f" (only {_pct(cov['card'])} pass Luhn: digits lost, e.g. to scientific notation)"
            ev_text += f"; e.g. {_examples(ev, entity)}"
            candidates.append((entity, round(min(1.0, 0.45 + 0.5 * share), 3), share, ev_text))
        else:
            candidates.append((entity, 0.35 * share, share, ""))
    if any(c[3] for c in candidates):
        return _finish(candidates)

    # a pick-list: a handful of values repeated over many rows (tiers, canned notes, staff names)
    picklist = m <= 10 and n_nonnull is not None and n_nonnull >= 10 * m

    # 3b. a person-role header (Paciente, Aanvrager, Medico curante, agente) over full names or logins
    if h.role and not h.entities:
        role = next(t for t in h.tokens if t in ROLE_WORDS)
        said = f"header '{h.header}' names a person's role ('{role}')"
        if cov["full_name"] >= 0.6 and cov["org"] < 0.3:
            ev_text = f"{said}; {_pct(cov['full_name'])} of {basis} are full names; e.g. {_examples(ev, 'PERSON', 'full_name')}"
            candidates.append(("PERSON", round(0.45 + 0.45 * cov["full_name"], 3), cov["full_name"], ev_text))
            return _finish(candidates)
        if max(cov["words"], cov["name_shape"]) >= 0.8 and cov["org"] < 0.3 and not picklist:
            sem = name_semantics(pool, ner)
            if sem.person:
                share = max(sem.given, sem.ner_person)
                ev_text = (f"{said}; {BARE_NAME_HEADER} of a role, values read as people's names ({sem.describe()}); "
                           f"e.g. {_examples(ev, 'PERSON')}")  # fmt: skip
                candidates.append(("PERSON", round(0.45 + 0.45 * share, 3), share, ev_text))
                return _finish(candidates)
        if cov["login"] >= 0.8 and not picklist:
            ev_text = f"{said}; {_pct(cov['login'])} of {basis} are lower-case logins; e.g. {_examples(ev, 'USERNAME', 'login')}"
            candidates.append(("USERNAME", round(0.45 + 0.45 * cov["login"], 3), cov["login"], ev_text))
            return _finish(candidates)

    # 4. column-level negatives
    for key, what in _NEGATIVES:
        if cov[key] >= 0.9:
            if key == "epoch" and h.hints("PHONE_NUMBER"):
                continue
            return _finish(candidates, f"{_pct(cov[key])} of {basis} are {what}: not personal")
    if cov["int"] >= 0.95:
        total = n_rows or m
        unique_rows = n_nonnull is not None and n_nonnull == m and m >= 5  # every non-empty row differs
        span = (ev.int_range[1] - ev.int_range[0] + 1) if ev.int_range else 0
        if unique_rows and span <= max(1.2 * total, total + 10):
            return _finish(candidates, f"{basis} are unique integers in a dense range: sequential ids, not personal")
        if unique_rows and h.id_like:
            return _finish(candidates, f"{basis} are unique integers under an id header: ids, not personal")

    # 5. value-only rules
    if cov["date"] >= 0.9 and cov["datetime"] < 0.1:
        ok, why = _birth_by_age(ev)
        if ok and not h.event:
            ev_text = f"{_pct(cov['date'])} of {basis} are dates; {why}; e.g. {_examples(ev, 'DATE_OF_BIRTH')}"
            candidates.append(("DATE_OF_BIRTH", 0.7, cov["date"], ev_text))
            return _finish(candidates)
        return _finish(candidates, f"{_pct(cov['date'])} of {basis} are dates without birth-date evidence "
                                   f"({'event header' if h.event else why or 'age range'}): event dates, not personal")  # fmt: skip
    if cov["pt_cc_shape"] >= 0.8:
        ev_text = f"{_pct(cov['pt_cc_shape'])} of {basis} have the Portuguese citizen-card shape (12345678 9 ZZ1); e.g. {_examples(ev, 'NATIONAL_ID', 'pt_cc_shape')}"
        candidates.append(("NATIONAL_ID", round(0.5 + 0.4 * cov["pt_cc_shape"], 3), cov["pt_cc_shape"], ev_text))
        return _finish(candidates)
    if cov["honorific"] >= 0.7:
        ev_text = f"{_pct(cov['honorific'])} of {basis} are names with a title (Dr, Mrs, Herr, Mme...); e.g. {_examples(ev, 'PERSON', 'honorific')}"
        candidates.append(("PERSON", round(0.5 + 0.4 * cov["honorific"], 3), cov["honorific"], ev_text))
        return _finish(candidates)
    # under an id header (Mieter-Nr., order_no) only a phone's own form counts: ids are written with dashes too
    phone = cov["phone_grouped"] if h.id_like else cov["phone_strong"]
    if phone >= 0.8:
        ev_text = f"{_pct(phone)} of {basis} are formatted phone numbers; e.g. {_examples(ev, 'PHONE_NUMBER')}"
        candidates.append(("PHONE_NUMBER", round(0.5 + 0.4 * phone, 3), phone, ev_text))
        return _finish(candidates)
    if h.thing_place and max(cov["address"], cov["address_full"], cov["postal"], cov["place"]) >= 0.7:
        return _finish(candidates, f"header '{h.header}' names the place of a thing (a building, an organisation), "
                                   f"not of a person: not personal")  # fmt: skip
    if cov["address_full"] >= 0.7:
        ev_text = (f"{_pct(cov['address_full'])} of {basis} are address-shaped (house number and street word, "
                   f"or a postcode line); e.g. {_examples(ev, 'LOCATION', 'address_full')}")  # fmt: skip
        candidates.append(("LOCATION", round(0.5 + 0.4 * cov["address_full"], 3), cov["address_full"], ev_text))
        return _finish(candidates)
    if cov["address"] >= 0.8 and cov["street_word"] >= 0.5:
        ev_text = (f"{_pct(cov['address'])} of {basis} are street addresses ({_pct(cov['street_word'])} with a street word); "
                   f"e.g. {_examples(ev, 'LOCATION')}")  # fmt: skip
        candidates.append(("LOCATION", round(0.5 + 0.4 * cov["address"], 3), cov["address"], ev_text))
        return _finish(candidates)
    if cov["street_first"] >= 0.6 and m >= 20 and cov["org"] < 0.3:
        ev_text = (f"{_pct(cov['street_first'])} of {basis} begin with a street word (Rua, Via, Calle, Chemin...); "
                   f"e.g. {_examples(ev, 'LOCATION', 'street_first')}")  # fmt: skip
        candidates.append(("LOCATION", round(0.45 + 0.4 * cov["street_first"], 3), cov["street_first"], ev_text))
        return _finish(candidates)
    if cov["postcode"] >= 0.8 and m >= 20 and not h.id_like:
        ev_text = (f"{_pct(cov['postcode'])} of {basis} have a postcode pattern (UK/CA/NL/IE letter-digit form); "
                   f"e.g. {_examples(ev, 'POSTAL_CODE')}")  # fmt: skip
        candidates.append(("POSTAL_CODE", round(0.45 + 0.4 * cov["postcode"], 3), cov["postcode"], ev_text))
        return _finish(candidates)

    # 6. free text: classified by the PII it contains
    if cov["prose"] >= 0.5 and text_analyzer is not None:
        texts = [v for _, v in ev.firsts.get(_TEXTS, ())]
        spans = text_analyzer(texts)
        per_entity: Counter = Counter()
        with_pii = 0
        for sp in spans:
            ents = {s.entity for s in sp}
            with_pii += bool(ents)
            per_entity.update(ents)
        share = with_pii / max(len(texts), 1)
        if per_entity and share >= (0.6 if picklist else 0.3):
            ranked = per_entity.most_common()
            top, top_n = ranked[0]
            detail = ", ".join(f"{e} {_pct(n / len(texts))}" for e, n in ranked[:4])
            ev_text = f"free text: {_pct(share)} of {len(texts)} sampled values hold PII spans ({detail}); cell spans via findings()"
            # an address column whose street and town names are person names: the header decides
            if top == "PERSON" and h.hints("LOCATION") and not h.coarse_geo:
                ev_text = f"{_header_text(h, 'LOCATION')}; names in it are street/town names; {ev_text}"
                top, top_n = "LOCATION", max(top_n, per_entity.get("LOCATION", 0))
                ranked = [("LOCATION", top_n)] + [r for r in ranked if r[0] != "LOCATION"]
            candidates.append((top, round(0.4 + 0.5 * share, 3), top_n / len(texts), ev_text))
            if len(ranked) > 1:
                candidates.append((ranked[1][0], 0.3, ranked[1][1] / len(texts), ""))
            return _finish(candidates)
        return _finish(candidates, f"free text: {_pct(share)} of {len(texts)} sampled values hold PII spans: not personal")

    # 7. spaCy NER on short word values (names and places with a silent header; pool read at 2b)
    # (under an id header only multi-word values: names used as ids, "wikipedia_id: Jane Doe")
    spaced = sum(" " in v for v in pool) / max(len(pool), 1)
    if max(cov["words"], cov["name_shape"]) >= 0.8 and ner is not None and (not h.id_like or spaced >= 0.8):
        sem = sem or name_semantics(pool)
        if sem.kind_share >= 0.3:
            return _finish(candidates, f"names of one kind of thing, not people: {sem.describe()}")
        person = place = done = 0
        for start in range(0, len(pool), 32):
            batch = [ner_form(v) for v in pool[start : start + 32]]
            for v, ents in zip(batch, ner(batch), strict=True):
                covered = {lab: sum(e - s for lab2, s, e in ents if lab2 == lab) for lab in ("PERSON", "GPE", "LOC", "FAC")}
                if covered["PERSON"] >= 0.6 * len(v):
                    person += 1
                elif covered["GPE"] + covered["LOC"] + covered["FAC"] >= 0.6 * len(v):
                    place += 1
            done += len(batch)
            # early stop once the answer cannot change
            if done >= 32 and (max(person, place) / done >= 0.9 or max(person, place) / done <= 0.1):
                break
        if done:
            p_share, l_share = person / done, place / done
            multi = sum(len(v.split()) >= 2 for v in pool[:done]) / done
            # one-word pick-list values are tiers, not names; names with a legal form are organisations;
            # a pick-list of places of one kind (Farmácia X, Vårdcentral Y) shares its first word; staff names do not
            heads = Counter(v.split()[0].lower() for v in pool[:done] if v.split())
            one_kind = picklist and heads.most_common(1)[0][1] >= 0.4 * done
            # full names from many rows: half tagged is enough (spaCy misses many non-English names)
            bar = 0.5 if not picklist and multi >= 0.6 else 0.6
            if h.id_like:
                bar = 0.7
            if p_share >= bar and (multi >= 0.6 or not picklist) and not one_kind and cov["org"] < 0.3:
                ev_text = f"spaCy NER tags {_pct(p_share)} of {done} sampled values as PERSON; e.g. {_examples(ev, 'PERSON')}"
                candidates.append(("PERSON", round(0.4 + 0.5 * p_share, 3), p_share, ev_text))
                return _finish(candidates)
            if l_share >= 0.6 and not h.coarse_geo and (multi >= 0.6 or not picklist):
                ev_text = f"spaCy NER tags {_pct(l_share)} of {done} sampled values as places; e.g. {_examples(ev, 'LOCATION')}"
                candidates.append(("LOCATION", round(0.4 + 0.5 * l_share, 3), l_share, ev_text))
                return _finish(candidates)
            candidates.append(("PERSON", 0.3 * p_share, p_share, ""))
            candidates.append(("LOCATION", 0.3 * l_share, l_share, ""))
            why = "coarse geography" if h.coarse_geo and l_share >= 0.6 else "no PII evidence"
            return _finish(candidates, f"spaCy NER: PERSON {_pct(p_share)}, place {_pct(l_share)} of {done} values: {why}")
    if h.coarse_geo:
        return _finish(candidates, "coarse geography (country/state/region header): not personal at column level")
    return _finish(candidates, f"{basis}: no PII evidence")


def _finish(candidates: list[tuple[str, float, float, str]], null_reason: str | None = None) -> ColumnVerdict:
    decided = sorted((c for c in candidates if c[3]), key=lambda c: -c[1])
    others = sorted((c for c in candidates if c[2] > 0 or c[1] > 0), key=lambda c: -c[1])
    if decided and null_reason is None:
        entity, score, coverage, ev = decided[0]
        runner = next((c[0] for c in others if c[0] != entity), None)
        return ColumnVerdict(entity, round(float(score), 3), round(float(coverage), 3), runner, ev)
    runner = others[0][0] if others else None
    rscore = others[0][1] if others else 0.0
    cov = others[0][2] if others else 0.0
    ev = null_reason or "no PII evidence"
    if runner:
        ev += f"; runner-up {runner} ({_pct(cov)} of values)"
    # the score of a null verdict is the confidence that the column is *not* personal
    return ColumnVerdict(None, round(max(0.0, 1.0 - rscore), 3), round(float(cov), 3), runner, ev)


def classify_column(
    name: object,
    series: pd.Series,
    *,
    sample: int | None = 1000,
    full: bool = False,
    seed: int = 0,
    custom: tuple = (),
    text_analyzer=None,
    ner=None,
    n_rows: int | None = None,
) -> tuple[ColumnVerdict, list[str]]:
    """Classify one pandas column: sample (seeded), stringify, dedupe, then :func:`classify_values`.
    ``n_rows`` is the column's true length when ``series`` is already a sample of it. Returns the
    verdict and the distinct values it was reached on (first-appearance order), which the
    table-context pass (:mod:`.context`) reads."""
    values, n_nonnull, seen_rows = column_values(series, sample=sample, full=full, seed=seed)
    n_rows = max(n_rows or 0, seen_rows)
    verdict = classify_values(
        name, values, n_rows=n_rows, n_nonnull=n_nonnull, custom=custom, text_analyzer=text_analyzer, ner=ner,
        early_stop=not full,
    )
    return verdict, values


def classify_series(name: object, series: pd.Series, **kw) -> ColumnVerdict:
    """The verdict of :func:`classify_column` alone (same keywords)."""
    return classify_column(name, series, **kw)[0]
