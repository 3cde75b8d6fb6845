"""Check digits of the identifier formats the tests build, computed here independently of
``privacy_audit.detect.validators`` so a test compares the package against a second derivation."""

from __future__ import annotations

__all__ = ["luhn_complete", "iban_check_digits", "pesel", "nif"]


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
