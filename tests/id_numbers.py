"""Check digits of the identifier formats the tests build, computed here independently of
``privacy_audit.detect.validators`` so a test compares the package against a second derivation."""

from __future__ import annotations

__all__ = ["luhn_complete", "iban_check_digits", "pesel", "nif", "abn", "pt_cc", "es_nss", "no_fnr", "at_svnr", "nz_ird", "cz_rc"]


def luhn_complete(prefix: str) -> str:
    """``prefix`` plus the digit that makes it pass the Luhn check."""
    digits = [int(c) for c in prefix]
    for check in range(10):
        ds = digits + [check]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(reversed(ds)))
        if total % 10 == 0:
            return prefix + str(check)
    raise AssertionError(prefix)


def iban_check_digits(country: str, bban: str) -> str:
    """The two IBAN check digits of ``bban`` in ``country`` (ISO 7064 mod 97-10)."""
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


def pesel(body: str) -> str:
    """A Polish PESEL: the ten digits ``body`` (YYMMDD + serial) and their weighted mod-10 check digit."""
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return body + str((10 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 10) % 10)


def nif(number: int) -> str:
    """A Spanish NIF/DNI: eight digits and the control letter (number mod 23)."""
    return f"{number:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]


def abn(body: str) -> str:
    """An Australian Business Number: two leading digits chosen so that, with 1 taken from the first
    digit, the weighted sum (10, 1, 3, ..., 19) of the 11 digits is a multiple of 89."""
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    for lead in range(10, 100):
        digits = [int(c) for c in f"{lead}{body}"]
        digits[0] -= 1
        if sum(d * w for d, w in zip(digits, weights, strict=True)) % 89 == 0:
            return f"{lead}{body}"
    raise AssertionError(body)


def pt_cc(civil: str, version: str) -> str:
    """A Portuguese Cartão de Cidadão number: 8-digit civil number, a check digit, 2 version letters and
    the final digit that makes the 12 characters (A=10 ... Z=35) pass the mod-10 check in which, counted
    from the left, characters 1, 3, 5, ... are doubled (minus 9 above 9)."""
    for c1 in "0123456789":
        for c2 in "0123456789":
            chars = civil + c1 + version + c2
            values = [int(ch, 36) for ch in chars]
            total = sum((v * 2 - 9 if v * 2 > 9 else v * 2) if i % 2 == 0 else v for i, v in enumerate(values))
            if total % 10 == 0:
                return f"{civil} {c1} {version}{c2}"
    raise AssertionError(civil)


def es_nss(province: int, number: int) -> str:
    """A Spanish social-security number PP/NNNNNNNN/CC: CC = the province and number read as one integer
    (the number without leading zeros below 10,000,000) mod 97."""
    base = province * 10**7 + number if number < 10**7 else int(f"{province:02d}{number:08d}")
    return f"{province:02d}/{number:08d}/{base % 97:02d}"


def no_fnr(birth: str, individual: str) -> str:
    """A Norwegian fødselsnummer: DDMMYY ``birth``, a 3-digit ``individual`` number and two mod-11 check
    digits; an AssertionError when the individual number gives a check digit of 10 (such numbers
    are never issued)."""
    body = [int(c) for c in birth + individual]
    k1 = (11 - sum(d * w for d, w in zip(body, (3, 7, 6, 1, 8, 9, 4, 5, 2), strict=True)) % 11) % 11
    body.append(k1)
    k2 = (11 - sum(d * w for d, w in zip(body, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11) % 11
    if 10 in (k1, k2):
        raise AssertionError(birth + individual)
    return birth + individual + str(k1) + str(k2)


def at_svnr(serial: str, birth: str) -> str:
    """An Austrian social-insurance number: 3-digit serial, check digit, DDMMYY; the check digit is the
    weighted sum (3, 7, 9 over the serial; 5, 8, 4, 2, 1, 6 over the date) mod 11 (10: never issued)."""
    total = sum(int(d) * w for d, w in zip(serial + birth, (3, 7, 9, 5, 8, 4, 2, 1, 6), strict=True))
    assert total % 11 != 10, "check digit 10: never issued"
    return f"{serial}{total % 11}{birth}"


def nz_ird(body: str) -> str:
    """A New Zealand IRD number: eight digits ``body`` (zero-padded) and the mod-11 check digit with
    weights 3, 2, 7, 6, 5, 4, 3, 2; a remainder giving 10 is retried with 7, 4, 3, 2, 5, 2, 7, 6 (and a
    second 10 means the number is never issued)."""
    for weights in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        check = 0 if r == 0 else 11 - r
        if check != 10:
            return body + str(check)
    raise AssertionError("no valid check digit")


def cz_rc(birth: str, serial: str) -> str:
    """A Czech birth number: YYMMDD (month + 50 for women), a 3-digit serial and the digit making the
    ten-digit number divisible by 11 (remainder 10 writes 0)."""
    base = int(birth + serial) * 10
    return birth + serial + str((11 - base % 11) % 11 % 10)
