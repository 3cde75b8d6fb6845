"""Value validators: checksums and structural rules that turn a pattern match into evidence.

Each validator takes one string and returns ``True`` when the value is a valid instance. They are
pure, cheap, and also usable by name from custom recognizers (see :data:`VALIDATORS`).
"""

from __future__ import annotations

import importlib
import ipaddress
import re
from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache, partial

__all__ = [
    "VALIDATORS",
    "luhn_ok",
    "luhn_digits_ok",
    "iban_ok",
    "bank_account_ok",
    "clabe_ok",
    "abn_ok",
    "pt_cc_ok",
    "es_nss_ok",
    "no_fnr_ok",
    "national_id_kind",
    "cpf_ok",
    "br_voter_ok",
    "ahv_ok",
    "cnp_ok",
    "ppsn_ok",
    "be_national_number_ok",
    "ca_sin_ok",
    "card_issuer_ok",
    "uk_nino_ok",
    "ssn_ok",
    "nir_ok",
    "ip_ok",
    "email_ok",
    "uuid_like",
    "hex_hash_like",
    "parse_date",
    "has_time_part",
    "birth_date_plausible",
    "digits_of",
]

_NON_DIGIT = re.compile(r"\D")
_CARD_SHAPE = re.compile(r"^\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,7}$|^\d{4}([ -]?)\d{6}\2\d{4,5}$|^\d{13,19}$")
_IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24,
    "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21,
    "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27,
    "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24,
    "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip
_SSN_SHAPE = re.compile(r"^(\d{3})([- ]?)(\d{2})\2(\d{4})$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}$")
_UUID = re.compile(r"^\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\}?$")
_HEX_HASH = re.compile(r"^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$", re.I)
# a time of day: 12:30, or the Nordic/Finnish dotted form after a date (14.03.2024 10.44, 3.5.2024 klo 8.05)
_TIME_PART = re.compile(r"\d{1,2}:\d{2}|\d{4}\s+(?:klo\s+|kl\.?\s*)?\d{1,2}\.\d{2}(?:\.\d{2})?$", re.I)
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$")


def digits_of(value: str) -> str:
    """The digits of ``value`` in order."""
    return _NON_DIGIT.sub("", value)


def luhn_ok(value: str) -> bool:
    """Payment card number: card-like grouping of 13-19 digits and a valid Luhn checksum."""
    value = value.strip()
    if not _CARD_SHAPE.match(value):
        return False
    digits = digits_of(value)
    if len(set(digits)) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digits_ok(value: str) -> bool:
    """Any number with a Luhn check digit (customer numbers and the like): the digits of ``value``."""
    digits = digits_of(value)
    if len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    """IBAN: country code, the country's length, and the ISO 7064 mod-97 checksum (spaces allowed)."""
    compact = re.sub(r"[ -]", "", value.strip()).upper()
    if not _IBAN_SHAPE.fullmatch(compact):  # not .match: "$" also matches before a final newline
        return False
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


# Countries whose IBAN is all digits after the country code: their IBAN is often written without it
# (Polish NRB, Hungarian, Czech, Belgian account numbers), check digits included.
_NUMERIC_IBAN_COUNTRIES = ("AT", "BA", "BE", "CZ", "DE", "DK", "EE", "ES", "FI", "HR", "HU", "IL", "LT", "ME",
                           "NO", "PL", "PT", "RS", "SE", "SI", "SK", "TN", "XK")  # fmt: skip
_BY_DIGITS: dict[int, tuple[str, ...]] = {}
for _cc in _NUMERIC_IBAN_COUNTRIES:
    _BY_DIGITS[_IBAN_LENGTHS[_cc] - 2] = (*_BY_DIGITS.get(_IBAN_LENGTHS[_cc] - 2, ()), _cc)
_ACCOUNT_SHAPE = re.compile(r"^\d[\d -]{11,40}\d$")


def clabe_ok(value: str) -> bool:
    """Mexican CLABE: 18 digits, the last a weighted (3, 7, 1) check digit."""
    digits = re.sub(r"[ -]", "", value.strip())
    if len(digits) != 18 or not digits.isdigit():
        return False
    total = sum(int(d) * w % 10 for d, w in zip(digits[:17], (3, 7, 1) * 6, strict=False))
    return (10 - total % 10) % 10 == int(digits[17])


@lru_cache(maxsize=1)
def _abn_recognizer():
    from presidio_analyzer.predefined_recognizers import AuAbnRecognizer

    return AuAbnRecognizer()


def abn_ok(value: str) -> bool:
    """Australian Business Number: 11 digits (spaces allowed) passing the ABN weighted mod-89 check
    (Presidio's ``AuAbnRecognizer`` validator). An organisation's number, not a person's."""
    digits = re.sub(r"[ ]", "", value.strip())
    return len(digits) == 11 and digits.isdigit() and bool(_abn_recognizer().validate_result(digits))


def bank_account_ok(value: str) -> bool:
    """A bank account number with check digits: an IBAN, an IBAN written without its country code
    (e.g. the Polish NRB: 26 digits that pass mod-97 as ``PL`` + digits), or a Mexican CLABE."""
    if value[:2].isalpha():
        return iban_ok(value)
    if not _ACCOUNT_SHAPE.match(value.strip()):
        return False
    digits = re.sub(r"[ -]", "", value.strip())
    if any(iban_ok(cc + digits) for cc in _BY_DIGITS.get(len(digits), ())):
        return True
    return clabe_ok(digits)


@lru_cache(maxsize=1)
def _id_recognizers() -> tuple:
    """Presidio's predefined recognizers for personal national numbers that carry a checksum or
    structural validator (PESEL, NIF/NIE, codice fiscale, HETU, personnummer, TC kimlik, NHS...)."""
    from presidio_analyzer import predefined_recognizers as pr

    names = ("DeIdCardRecognizer", "DePassportRecognizer", "DeSocialSecurityRecognizer", "DeTaxIdRecognizer",
             "DeHealthInsuranceRecognizer", "EsNieRecognizer", "EsNifRecognizer", "FiPersonalIdentityCodeRecognizer",
             "ItFiscalCodeRecognizer", "PlPeselRecognizer", "SePersonnummerRecognizer", "TrNationalIdRecognizer",
             "NhsRecognizer", "KrRrnRecognizer", "ThTninRecognizer", "NgNinRecognizer", "InAadhaarRecognizer",
             "ZaIdNumberRecognizer", "AuTfnRecognizer", "AuMedicareRecognizer")  # fmt: skip
    out = []
    for name in names:
        cls = getattr(pr, name, None)
        if cls is None:  # an older/newer Presidio without it
            continue
        rec = cls()
        flags = int(getattr(rec, "global_regex_flags", re.IGNORECASE)) & (re.IGNORECASE | re.MULTILINE | re.DOTALL)
        try:  # Presidio compiles with the `regex` module; these patterns are plain `re` syntax
            pats = tuple(re.compile(p.regex, flags) for p in rec.patterns)
        except re.error:
            continue
        out.append((rec.supported_entities[0], pats, rec))
    return tuple(out)


@lru_cache(maxsize=1)
def _id_shapes() -> re.Pattern | None:
    """One regex that fully matches a text exactly when one of the patterns of :func:`_id_recognizers`
    does (their alternation: most values fit none, and are then tried once instead of 30 times);
    ``None`` when the patterns cannot be joined (mixed flags, back-references, clashing group names)."""
    pats = [p for _, ps, _ in _id_recognizers() for p in ps]
    flags = {p.flags for p in pats}
    if not pats or len(flags) != 1 or any(re.search(r"\\[1-9]|\(\?P=", p.pattern) for p in pats):
        return None
    flag = flags.pop()
    parts = []
    for p in pats:
        body = p.pattern
        if body.startswith("(?i)") and flag & re.IGNORECASE:  # the shared flags already say it
            body = body[4:]
        parts.append(f"(?:{body})")
    try:
        return re.compile("|".join(parts), flag)
    except re.error:
        return None


@cache
def _stdnum(module: str):
    return importlib.import_module(f"stdnum.{module}")


def _stdnum_ok(module: str, value: str) -> bool:
    """``python-stdnum``'s own check for one kind of number (``module`` as in ``stdnum.<module>``):
    format, embedded dates and check digits; separators (spaces, dots, dashes) are allowed."""
    return bool(_stdnum(module).is_valid(value.strip()))


def cpf_ok(value: str) -> bool:
    """Brazilian CPF: 11 digits (``123.456.789-09`` or bare), two mod-11 check digits, not one repeated digit."""
    return len(set(digits_of(value))) > 1 and _stdnum_ok("br.cpf", value)


def br_voter_ok(value: str) -> bool:
    """Brazilian voter registration number (título eleitoral): 12 digits, an 8-digit serial, a state code
    01-28 and two mod-11 check digits (a remainder of 10 reads 0; in SP and MG a remainder of 0 reads 1);
    10-11 digits when read as a number (leading zeros of the serial lost); checked after the other kinds."""
    d = digits_of(value)
    if value.strip().isdigit() and 10 <= len(d) <= 11:
        d = d.zfill(12)  # read as a number: the leading zeros of the serial are lost
    if len(d) != 12 or len(value.strip()) > 15 or len(set(d)) == 1:
        return False
    state = int(d[8:10])
    if not 1 <= state <= 28:
        return False

    def digit(total: int) -> int:
        r = total % 11
        return 0 if r == 10 else (1 if r == 0 and state in (1, 2) else r)

    dv1 = digit(sum(int(c) * w for c, w in zip(d[:8], range(2, 10), strict=True)))
    dv2 = digit(int(d[8]) * 7 + int(d[9]) * 8 + dv1 * 9)
    return d[10:] == f"{dv1}{dv2}"


def ahv_ok(value: str) -> bool:
    """Swiss AHV/AVS number: ``756.xxxx.xxxx.xx``, an EAN-13 with the 756 prefix and its check digit."""
    return _stdnum_ok("ch.ssn", value)


def cnp_ok(value: str) -> bool:
    """Romanian CNP: 13 digits, sex/century digit, a real birth date, county code, weighted mod-11 check."""
    return _stdnum_ok("ro.cnp", value)


def ppsn_ok(value: str) -> bool:
    """Irish PPS number: 7 digits, a mod-23 check letter, an optional second letter (A, B, H, W, T, X)."""
    return _stdnum_ok("ie.pps", value)


def be_national_number_ok(value: str) -> bool:
    """Belgian national register number (``YY.MM.DD-XXX.CC``): a mod-97 check over the first nine
    digits (prefixed with 2 for people born from 2000)."""
    return _stdnum_ok("be.nn", value)


def ca_sin_ok(value: str) -> bool:
    """Canadian Social Insurance Number: 9 digits (``123 456 782``), Luhn, first digit not 0 or 8."""
    return _stdnum_ok("ca.sin", value)


_NINO = re.compile(r"(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]")


def uk_nino_ok(value: str) -> bool:
    """UK National Insurance number: the HMRC prefix rules, six digits, suffix A-D (``QQ 12 34 56 C``)."""
    return bool(_NINO.fullmatch(value.strip().upper()))


_PT_CC = re.compile(r"^\d{8}\s?\d\s?[A-Z0-9]{2}\d$", re.I)


def pt_cc_ok(value: str) -> bool:
    """Portuguese Cartão de Cidadão number (``12345678 9 ZZ1``): 8-digit civil number, its check digit,
    version letters and a final check digit over all twelve characters. The shape is required:
    python-stdnum alone would take any digit string that passes the final check."""
    return bool(_PT_CC.match(value.strip())) and _stdnum_ok("pt.cc", value)


def es_nss_ok(value: str) -> bool:
    """Spanish social-security affiliation number (NSS/NUSS, ``28/12345678/40``): 2-digit province,
    7-8 digit number and 2 check digits = (province and number as one integer) mod 97; the number is
    read without its leading zero when below 10,000,000, as the Seguridad Social does."""
    digits = re.sub(r"[ /.-]", "", value.strip())
    if len(digits) != 12 or not digits.isdigit() or digits[:2] == "00":
        return False
    prov, num, check = int(digits[:2]), int(digits[2:10]), int(digits[10:])
    base = prov * 10_000_000 + num if num < 10_000_000 else int(digits[:10])
    return base % 97 == check


def no_fnr_ok(value: str) -> bool:
    """Norwegian fødselsnummer / D-nummer: 11 digits, DDMMYY (day +40 for a D-number) and two mod-11
    check digits."""
    return _stdnum_ok("no.fodselsnummer", value)


def _nl_bsn_ok(value: str) -> bool:
    """Dutch BSN written with its nine digits (the eleven test); python-stdnum also pads eight."""
    return len(digits_of(value)) == 9 and _stdnum_ok("nl.bsn", value)


def _cz_rc_ok(value: str) -> bool:
    """Czech/Slovak rodné číslo of 10 digits (a birth date and divisible by 11); the 9-digit form of
    people born before 1954 has no check at all, so it does not count."""
    return len(digits_of(value)) == 10 and _stdnum_ok("cz.rc", value)


# National numbers of people that Presidio has no recognizer for, each with a check digit or an embedded
# birth date (numbers without a check, such as the Danish CPR since 2007, would let date-based serials in).
_OWN_ID_VALIDATORS = (("BR_CPF", cpf_ok), ("CH_AHV", ahv_ok), ("RO_CNP", cnp_ok), ("IE_PPSN", ppsn_ok),
                      ("BE_NATIONAL_NUMBER", be_national_number_ok), ("CA_SIN", ca_sin_ok),
                      ("UK_NINO", uk_nino_ok), ("PT_CC", pt_cc_ok),
                      ("ES_NSS", es_nss_ok), ("NO_FNR", no_fnr_ok), ("CZ_RC", _cz_rc_ok),
                      ("AT_SVNR", partial(_stdnum_ok, "at.vnr")), ("NZ_IRD", partial(_stdnum_ok, "nz.ird")),
                      ("NL_BSN", _nl_bsn_ok), ("BG_EGN", partial(_stdnum_ok, "bg.egn")),
                      ("EE_IK", partial(_stdnum_ok, "ee.ik")), ("LT_ASMENS", partial(_stdnum_ok, "lt.asmens")),
                      ("SI_EMSO", partial(_stdnum_ok, "si.emso")), ("IS_KENNITALA", partial(_stdnum_ok, "is_.kennitala")),
                      ("GR_AMKA", partial(_stdnum_ok, "gr.amka")), ("HR_OIB", partial(_stdnum_ok, "hr.oib")),
                      ("BR_TITULO_ELEITORAL", br_voter_ok))  # fmt: skip


def national_id_kind(value: str) -> str | None:
    """The Presidio entity (``PL_PESEL``, ``ES_NIF``, ...) of a value that is, as a whole, a national
    number passing that recognizer's own validator; ``None`` otherwise."""
    text = value.strip()
    if not 6 <= len(text) <= 24:
        return None
    compact = text.replace(" ", "")  # national numbers are often written in groups: 40 180504 H 25 9
    forms = (text, compact) if compact != text else (text,)
    shapes = _id_shapes()
    if shapes is None or any(shapes.fullmatch(form) for form in forms):  # else no recognizer's pattern fits
        for entity, patterns, rec in _id_recognizers():
            for form in forms:
                if any(p.fullmatch(form) for p in patterns) and rec.validate_result(form) is True:
                    return entity
    for entity, ok in _OWN_ID_VALIDATORS:  # national numbers Presidio has no recognizer for
        if ok(text):
            return entity
    return None


# Issuer prefixes (IIN ranges) and lengths of the card schemes: a Luhn-valid number outside them is an IMEI,
# an ICCID or another Luhn-checked id, not a payment card.
_CARD_SCHEMES = (
    (r"4", (13, 16, 19)),  # Visa
    (r"5[1-5]|2(?:2[2-9]\d|[3-6]\d\d|7[01]\d|720)", (16,)),  # Mastercard
    (r"3[47]", (15,)),  # American Express
    (r"6011|64[4-9]|65|62212[6-9]|6221[3-9]|622[2-8]|6229[01]|62292[0-5]", (16, 17, 18, 19)),  # Discover
    (r"35(?:2[89]|[3-8]\d)", (16, 17, 18, 19)),  # JCB
    (r"1800|2131", (15,)),  # JCB's older 15-digit ranges
    (r"30[0-5]|3095|36|3[89]", (14, 15, 16, 17, 18, 19)),  # Diners Club
    (r"62|81", (16, 17, 18, 19)),  # UnionPay
    (r"50|5[6-9]|6\d", (12, 13, 14, 15, 16, 17, 18, 19)),  # Maestro and national debit schemes
    (r"220[0-4]", (16, 17, 18, 19)),  # Mir
)
_CARD_PREFIX = [(re.compile(p), lengths) for p, lengths in _CARD_SCHEMES]


def card_issuer_ok(value: str) -> bool:
    """The digits start with a card scheme's issuer prefix and have one of that scheme's lengths."""
    d = digits_of(value)
    return any(p.match(d) and len(d) in lengths for p, lengths in _CARD_PREFIX)


def ssn_ok(value: str, *, allow_bare: bool = True) -> bool:
    """US Social Security number: AAA-GG-SSSS with the SSA rules (area not 000, 666 or 9xx; group
    not 00; serial not 0000). ``allow_bare=False`` requires separators."""
    m = _SSN_SHAPE.match(value.strip())
    if not m:
        return False
    area, sep, group, serial = m.groups()
    if not sep and not allow_bare:
        return False
    if area in {"000", "666"} or area.startswith("9") or group == "00" or serial == "0000":
        return False
    digits = area + group + serial
    return len(set(digits)) > 1 and digits not in {"123456789", "078051120", "219099999"}


_NIR_SHAPE = re.compile(r"^([1-478])(\d{2})(\d{2})(\d{2}|2[AB])(\d{3})(\d{3})(\d{2})$", re.I)


def nir_ok(value: str) -> bool:
    """French social security number (NIR / numéro INSEE): sex digit, year, month (01-12, or 20-42
    and 50-99 for unknown months), department (``2A``/``2B`` for Corsica), commune, order number and
    the two-digit key ``97 - (first 13 digits mod 97)``; spaces, dots and dashes between groups allowed."""
    m = _NIR_SHAPE.match(re.sub(r"[ .\-]", "", value.strip()))
    if not m:
        return False
    month = int(m[3])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    dept = m[4].upper()
    body = m[1] + m[2] + m[3] + {"2A": "19", "2B": "18"}.get(dept, dept) + m[5] + m[6]
    if m[6] == "000":  # order numbers run 001-999
        return False
    return 97 - int(body) % 97 == int(m[7])


def ip_ok(value: str) -> bool:
    """An IPv4 or IPv6 address (dotted quad or any form ``ipaddress`` accepts; no CIDR suffix)."""
    text = value.strip()
    if not text or "/" in text or (text.count(".") != 3 and ":" not in text):
        return False
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def email_ok(value: str) -> bool:
    """An e-mail address (pragmatic RFC 5322 shape, a dotted domain with an alphabetic TLD)."""
    return bool(_EMAIL.match(value.strip()))


def uuid_like(value: str) -> bool:
    """A UUID/GUID in canonical or compact form."""
    return bool(_UUID.match(value.strip()))


def hex_hash_like(value: str) -> bool:
    """A hex digest of a common hash length (MD5, SHA-1, SHA-2 family)."""
    return bool(_HEX_HASH.match(value.strip()))


def has_time_part(value: str) -> bool:
    """True when the value carries a time of day (``12:30``), i.e. it is a timestamp, not a date.
    A bare midnight (``1980-05-03 00:00:00``, how spreadsheets and pandas write dates) is no time."""
    return bool(_TIME_PART.search(value)) and not _MIDNIGHT.search(value)


_MONTHS = {
    "jan": 1, "feb": 2, "fev": 2, "mar": 3, "mae": 3, "apr": 4, "avr": 4, "abr": 4, "may": 5, "mai": 5,
    "jun": 6, "juin": 6, "jul": 7, "juil": 7, "aug": 8, "aou": 8, "ago": 8, "sep": 9, "set": 9,
    "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12, "dic": 12, "ene": 1,
}  # fmt: skip
_TIME_TAIL = (r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|[AP]M)?"
              r"|\s+(?:klo\s+|kl\.?\s*)?\d{1,2}\.\d{2}(?:\.\d{2})?)?$")
_YMD = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME_TAIL, re.I)
_DMY = re.compile(r"^(\d{1,2})([-/.])\s?(\d{1,2})\2\s?(\d{4})" + _TIME_TAIL, re.I)  # also 2. 12. 1960 (CS, DE)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMONY = re.compile(r"^(\d{1,2})([A-Za-z]{3})(\d{2}|\d{4})$")  # 21AUG85, 01FEB1961: airline and mainframe dates
_DMY2 = re.compile(r"^(\d{2})([/.-])(\d{2})\2(\d{2})$")  # 26.11.79, 03/08/96, 19-07-91: two-digit years, zero-padded
_D_MON_Y = re.compile(r"^(\d{1,2})(?:\.?\s+|-)([^\W\d_]{3,10})(?:\.?,?\s+|-)(\d{4})" + _TIME_TAIL, re.I)  # 29 Jul 1984, 29-Jul-1984
_MON_D_Y = re.compile(r"^([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME_TAIL, re.I)


def _month(word: str) -> int | None:
    w = word.lower().replace("é", "e").replace("û", "u").replace("ä", "ae")
    return _MONTHS.get(w[:4]) or _MONTHS.get(w[:3])


def _full_year(year: str) -> int:
    """A four-digit year as written; a two-digit one in the most recent past century (79 -> 1979, 06 -> 2006)."""
    yy = int(year)
    if len(year) == 4:
        return yy
    return yy + (2000 if yy <= date.today().year % 100 else 1900)


def _mk(y: int, m: int | None, d: int) -> date | None:
    if m is None or not 1000 <= y <= 2999:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(value: str) -> date | None:
    """A calendar date written in a common numeric or month-name form (EN/DE/FR/ES), else ``None``.

    Timestamps parse to their date; whether they carry a time is :func:`has_time_part`. Day/month
    order is taken from the values (a first field above 12 is a day; ``.`` means day first). A
    two-digit year (``26.11.79``, zero-padded fields only) is read in the most recent past century.
    """
    text = value.strip()
    if not 6 <= len(text) <= 40:
        return None
    if m := _YMD.match(text):
        return _mk(int(m[1]), int(m[3]), int(m[4]))
    if m := _DMY.match(text):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        if a > 12 or m[2] == ".":
            return _mk(y, b, a)
        return _mk(y, a, b) or _mk(y, b, a)
    if m := _COMPACT.match(text):
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    if (m := _DMONY.match(text)) and (month := _month(m[2])):
        return _mk(_full_year(m[3]), month, int(m[1]))
    if m := _DMY2.match(text):
        a, b, y = int(m[1]), int(m[3]), _full_year(m[4])
        if a > 12 or m[2] == ".":
            return _mk(y, b, a)
        return _mk(y, a, b) or _mk(y, b, a)
    if m := _D_MON_Y.match(text):
        return _mk(int(m[3]), _month(m[2]), int(m[1]))
    if m := _MON_D_Y.match(text):
        return _mk(int(m[3]), _month(m[1]), int(m[2]))
    return None


def birth_date_plausible(value: str, *, today: date | None = None, min_age: int = 0, max_age: int = 120) -> bool:
    """A date (no time of day) that could be someone's birth date: between ``max_age`` and
    ``min_age`` years before ``today``."""
    if has_time_part(value):
        return False
    d = parse_date(value)
    if d is None:
        return False
    today = today or date.today()
    age = today.year - d.year - ((today.month, today.day) < (d.month, d.day))
    return min_age <= age <= max_age


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": luhn_ok,
    "luhn_digits": luhn_digits_ok,
    "iban": iban_ok,
    "ssn": ssn_ok,
    "nir": nir_ok,
    "ip": ip_ok,
    "email": email_ok,
    "birth_date": birth_date_plausible,
    "mod97": iban_ok,
    "bank_account": bank_account_ok,
    "clabe": clabe_ok,
    "cpf": cpf_ok,
    "ahv": ahv_ok,
    "cnp": cnp_ok,
    "ppsn": ppsn_ok,
    "be_national_number": be_national_number_ok,
    "ca_sin": ca_sin_ok,
    "uk_nino": uk_nino_ok,
    "card_issuer": card_issuer_ok,
}
