"""Blind held-out set 10: seven exports from US/DE/ES/NL/NO/UK/BE systems, labels in labels.yaml.

Tables: a US university student-information-system export, a German marketplace seller payout table,
a Spanish clinic appointment + billing sheet, a Dutch municipality parking-permit / fines register,
a Norwegian fitness-app user + workout export, a UK charity donor / Gift Aid table and a Belgian
(French) real-estate agency leads table. Seeded and deterministic; national ids, IBANs and card
numbers carry correct check digits. Written and labelled without running the scanner on it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import string
import sys
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

HERE = Path(__file__).resolve().parent
SEED = 10100

TABLES: tuple[str, ...] = (
    "us_sis_students",
    "de_marktplatz_auszahlungen",
    "es_citas_facturacion",
    "nl_parkeervergunningen_boetes",
    "no_treningsapp_okter",
    "uk_giftaid_donors",
    "be_immo_leads",
)

FILES: dict[str, str] = {
    "us_sis_students": "us_sis_students.csv",
    "de_marktplatz_auszahlungen": "de_marktplatz_auszahlungen.csv",
    "es_citas_facturacion": "es_citas_facturacion.xlsx",
    "nl_parkeervergunningen_boetes": "nl_parkeervergunningen_boetes.parquet",
    "no_treningsapp_okter": "no_treningsapp_okter.jsonl",
    "uk_giftaid_donors": "uk_giftaid_donors.csv",
    "be_immo_leads": "be_immo_leads.csv",
}

# Share of the requested row count each table gets (all stay within 1,000-2,000 rows for rows=2000).
ROW_SHARE: dict[str, float] = {
    "us_sis_students": 0.9,
    "de_marktplatz_auszahlungen": 0.75,
    "es_citas_facturacion": 0.7,
    "nl_parkeervergunningen_boetes": 0.8,
    "no_treningsapp_okter": 0.75,
    "uk_giftaid_donors": 0.85,
    "be_immo_leads": 0.6,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(doc[t]["columns"]) for t in TABLES}


# ---------------------------------------------------------------- helpers


def _faker(locale: str, salt: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + salt)
    return f


def _maybe(rng: random.Random, value: object, p_blank: float, blanks: tuple = ("",)) -> object:
    """Return value, or (with probability p_blank) one of the blank spellings."""
    if rng.random() < p_blank:
        return rng.choice(blanks)
    return value


def _ascii(s: str) -> str:
    table = str.maketrans("äöüßéèêëáàâíìîïóòôõúùûñçåæøÄÖÜÉÁÍÓÚÑÇÅÆØ", "aousee" "eeaaaiiiioooouuuncaeoAOUEAIOUNCAEO")
    out = s.translate(table).lower()
    return "".join(c for c in out if c.isalnum() or c in ".-_")


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, la = _ascii(first), _ascii(last.replace(" ", ""))
    pat = rng.choice(["{f}.{l}", "{f}{l}", "{f0}{l}", "{f}_{l}{n}", "{l}.{f}", "{f}{n}"])
    local = pat.format(f=f, l=la, f0=f[:1], n=rng.randint(1, 99))
    return f"{local}@{rng.choice(domains)}"


def _dob(rng: random.Random, lo: int, hi: int) -> dt.date:
    start = dt.date(lo, 1, 1)
    return start + dt.timedelta(days=rng.randint(0, (dt.date(hi, 12, 31) - start).days))


def _event_ts(rng: random.Random, year: int = 2024) -> dt.datetime:
    start = dt.datetime(year, 1, 1)
    return start + dt.timedelta(seconds=rng.randint(0, 365 * 86400 - 1))


def _luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _card(rng: random.Random) -> str:
    prefix, length = rng.choice([("4", 16), ("51", 16), ("53", 16), ("2221", 16), ("37", 15), ("6011", 16)])
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    num = body + _luhn_digit(body)
    style = rng.random()
    if style < 0.5:
        return num
    if length == 15:
        return f"{num[:4]} {num[4:10]} {num[10:]}"
    sep = " " if style < 0.85 else "-"
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


def _iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return "2a02:" + ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(7))
    first = rng.choice([31, 46, 62, 77, 81, 84, 85, 88, 91, 109, 141, 178, 185, 193, 212, 213, 217])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- national numbers


def _us_ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _de_steuer_id(rng: random.Random) -> str:
    """11-digit Steuer-IdNr: one digit twice among the first ten, ISO 7064 MOD 11,10 check digit."""
    while True:
        digits = rng.sample(range(10), 9)
        digits.append(rng.choice(digits))
        rng.shuffle(digits)
        if digits[0] != 0:
            break
    product = 10
    for d in digits:
        s = (d + product) % 10 or 10
        product = (s * 2) % 11
    check = 11 - product
    digits.append(0 if check == 10 else check)
    return "".join(map(str, digits))


def _es_dni(rng: random.Random) -> str:
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.15:
        pre = rng.choice("XYZ")
        num = rng.randint(0, 9_999_999)
        n = int(str("XYZ".index(pre)) + f"{num:07d}")
        return f"{pre}{num:07d}{letters[n % 23]}"
    num = rng.randint(1_000_000, 79_999_999)
    return f"{num:08d}{letters[num % 23]}"


def _es_nuss(rng: random.Random) -> str:
    prov = rng.choice([1, 3, 8, 11, 15, 18, 28, 29, 30, 33, 41, 46, 48, 50])
    num = rng.randint(10_000_000, 99_999_999)
    dc = int(f"{prov:02d}{num:08d}") % 97
    if rng.random() < 0.5:
        return f"{prov:02d}/{num:08d}/{dc:02d}"
    return f"{prov:02d}{num:08d}{dc:02d}"


def _es_iban(rng: random.Random) -> str:
    bank = rng.choice(["2100", "0049", "0182", "0081", "2038", "0128", "1465"])
    office = f"{rng.randint(0, 9999):04d}"
    acct = f"{rng.randint(0, 9_999_999_999):010d}"
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

    def dc(s: str) -> int:
        r = 11 - sum(int(c) * w[i] for i, c in enumerate(s)) % 11
        return {11: 0, 10: 1}.get(r, r)

    bban = f"{bank}{office}{dc('00' + bank + office)}{dc(acct)}{acct}"
    return _iban("ES", bban)


def _nl_bsn(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        s = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True))
        last = s % 11
        if last < 10 and (d[0] or d[1]):
            return "".join(map(str, d)) + str(last)


def _nl_iban(rng: random.Random) -> str:
    bank = rng.choice(["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB"])
    while True:
        acct = [rng.randint(0, 9) for _ in range(10)]
        if sum(x * w for x, w in zip(acct, range(10, 0, -1), strict=True)) % 11 == 0:
            break
    return _iban("NL", bank + "".join(map(str, acct)))


def _de_iban(rng: random.Random) -> str:
    blz = rng.choice(["10010010", "20050550", "37040044", "50010517", "70150000", "12030000", "43060967"])
    return _iban("DE", blz + f"{rng.randint(0, 9_999_999_999):010d}")


def _no_fnr(rng: random.Random, born: dt.date) -> str:
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        ind = rng.randint(0, 499) if born.year < 2000 else rng.randint(500, 999)
        base = [int(c) for c in born.strftime("%d%m%y") + f"{ind:03d}"]
        k1 = 11 - sum(a * b for a, b in zip(base, w1, strict=True)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - sum(a * b for a, b in zip(base + [k1], w2, strict=True)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, base + [k1, k2]))


def _uk_nino(rng: random.Random) -> str:
    first = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
    second = [c for c in string.ascii_uppercase if c not in "DFIOQUV"]
    while True:
        pre = rng.choice(first) + rng.choice(second)
        if pre not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    num = f"{rng.randint(0, 999999):06d}"
    suf = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{pre} {num[:2]} {num[2:4]} {num[4:]} {suf}"
    return f"{pre}{num}{suf}"


def _be_nrn(rng: random.Random, born: dt.date, male: bool) -> str:
    serial = rng.randrange(1, 998, 2) if male else rng.randrange(2, 999, 2)
    base = f"{born:%y%m%d}{serial:03d}"
    n = int(("2" if born.year >= 2000 else "") + base)
    check = 97 - n % 97
    if rng.random() < 0.6:
        return f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:9]}.{check:02d}"
    return f"{base}{check:02d}"


def _be_iban(rng: random.Random) -> str:
    bank = rng.choice(["001", "068", "310", "363", "731", "751", "973", "063"])
    body = bank + f"{rng.randint(0, 9_999_999):07d}"
    check = int(body) % 97 or 97
    return _iban("BE", f"{body}{check:02d}")


# ---------------------------------------------------------------- phones


def _us_phone(rng: random.Random) -> str:
    area = rng.choice([212, 312, 415, 512, 608, 614, 617, 718, 734, 765, 812, 919, 206, 303])
    ex, ln = rng.randint(200, 989), rng.randint(0, 9999)
    return rng.choice([
        f"({area}) {ex}-{ln:04d}", f"{area}-{ex}-{ln:04d}", f"{area}.{ex}.{ln:04d}",
        f"{area}{ex}{ln:04d}", f"+1 {area} {ex} {ln:04d}",
    ])


def _de_phone(rng: random.Random) -> str:
    if rng.random() < 0.55:
        pre = rng.choice(["151", "152", "160", "170", "171", "176", "157"])
        num = f"{rng.randint(1_000_000, 99_999_999)}"
        return rng.choice([f"0{pre} {num}", f"+49 {pre} {num}", f"0{pre}/{num}", f"+49{pre}{num}"])
    area = rng.choice(["30", "40", "89", "221", "69", "711", "351", "341", "511"])
    num = f"{rng.randint(100_000, 9_999_999)}"
    return rng.choice([f"0{area} {num}", f"+49 {area} {num}", f"(0{area}) {num}", f"0{area}-{num}"])


def _es_mobile(rng: random.Random) -> str:
    n = f"{rng.choice('67')}{rng.randint(0, 99_999_999):08d}"
    return rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"+34 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"+34{n}"])


def _es_fixed(rng: random.Random) -> str:
    n = f"9{rng.choice(['1', '3', '5', '6', '8'])}{rng.randint(0, 9_999_999):07d}"
    return rng.choice([n, f"{n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", f"{n[:3]} {n[3:6]} {n[6:]}"])


def _nl_phone(rng: random.Random) -> str:
    if rng.random() < 0.7:
        n = f"{rng.randint(10_000_000, 99_999_999)}"
        return rng.choice([f"06-{n}", f"06 {n}", f"+31 6 {n}", f"+316{n}", f"06{n}"])
    area = rng.choice(["20", "10", "70", "30", "40", "50", "24"])
    n = f"{rng.randint(1_000_000, 9_999_999)}"
    return rng.choice([f"0{area}-{n}", f"0{area} {n[:3]} {n[3:]}", f"+31 {area} {n}"])


def _no_phone(rng: random.Random) -> object:
    n = f"{rng.choice('49')}{rng.randint(0, 9_999_999):07d}"
    r = rng.random()
    if r < 0.25:
        return int(n)
    return rng.choice([n, f"+47 {n[:3]} {n[3:5]} {n[5:]}", f"+47{n}", f"{n[:3]} {n[3:5]} {n[5:]}"])


def _uk_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        n = f"7{rng.randint(100, 999)}{rng.randint(0, 999_999):06d}"
        return rng.choice([f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"0{n}", f"+44{n}"])
    area, n = rng.choice([("20", 8), ("121", 7), ("161", 7), ("113", 7), ("1632", 6), ("117", 7), ("131", 7)])
    num = f"{rng.randint(10 ** (n - 1), 10**n - 1)}"
    return rng.choice([f"0{area} {num}", f"(0{area}) {num}", f"+44 {area} {num}"])


def _be_gsm(rng: random.Random) -> str:
    pre = rng.choice(["470", "471", "472", "475", "476", "477", "478", "479", "485", "486", "495", "496", "498"])
    n = f"{rng.randint(0, 999_999):06d}"
    return rng.choice([f"0{pre} {n[:2]} {n[2:4]} {n[4:]}", f"+32 {pre} {n[:2]} {n[2:4]} {n[4:]}",
                       f"0{pre}/{n[:2]}.{n[2:4]}.{n[4:]}", f"0{pre}{n}", f"+32{pre}{n}"])


def _be_fixed(rng: random.Random) -> str:
    area = rng.choice(["2", "4", "10", "65", "71", "81", "87", "67"])
    n = f"{rng.randint(0, 10 ** (8 - len(area)) - 1):0{8 - len(area)}d}"
    return rng.choice([f"0{area} {n[:3]} {n[3:5]} {n[5:]}" if len(area) == 1 else f"0{area} {n[:2]} {n[2:4]} {n[4:]}",
                       f"0{area}/{n}", f"+32 {area} {n}"])


# ---------------------------------------------------------------- tables


def _us_students(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_US", 1)
    plans = ["CS-BS", "BIOL-BS", "ECON-BA", "PSYC-BA", "MECH-BSE", "NURS-BSN", "HIST-BA", "MATH-BS", "UNDECL", "BUAD-BBA"]
    holds = ["", "", "", "REG", "BUR", "IMM", "ADV;REG", "FIN"]
    states = ["MI", "OH", "IL", "NY", "CA", "TX", "WI", "IN", "MA", "NC", "PA", "WA"]
    rows = []
    for _ in range(n):
        first, last = fk.first_name(), fk.last_name()
        born = _dob(rng, 1996, 2007)
        netid = (first[0] + last).lower()[:8] + (str(rng.randint(1, 99)) if rng.random() < 0.5 else "")
        zip5 = f"{rng.randint(1001, 99950):05d}"
        zipv: object = zip5
        r = rng.random()
        if r < 0.2:
            zipv = f"{zip5}-{rng.randint(1, 9999):04d}"
        elif r < 0.45:
            zipv = str(int(zip5))  # leading zero lost by a spreadsheet round trip
        ssn = _us_ssn(rng)
        if rng.random() < 0.3:
            ssn = ssn.replace("-", "")
        aid = rng.random() < 0.65
        adv_first, adv_last = fk.first_name(), fk.last_name()
        ec_first, ec_last = fk.first_name(), (last if rng.random() < 0.7 else fk.last_name())
        rows.append({
            "Student ID": f"9{rng.randint(0, 99_999_999):08d}",
            "Last Name": last,
            "First Name": first,
            "Preferred Name": _maybe(rng, rng.choice([first[:3], fk.first_name()]), 0.85),
            "NetID": netid,
            "Campus Email": f"{netid}@umail.wmsu.edu",
            "Personal Email": _maybe(rng, _email(rng, first, last, ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"]), 0.4),
            "SSN": _maybe(rng, ssn, 0.08),
            "Birthdate": f"{born.month}/{born.day}/{born.year}",
            "Cell Phone": _maybe(rng, _us_phone(rng), 0.07),
            "Perm Addr Line 1": fk.street_address(),
            "Perm City": fk.city(),
            "Perm State": rng.choice(states),
            "Perm ZIP": zipv,
            "Admit Term": f"{rng.choice(['Fall', 'Spring', 'Summer'])} {rng.randint(2019, 2024)}",
            "Acad Plan": rng.choice(plans),
            "Class Lvl": rng.choice(["FR", "SO", "JR", "SR", "5S"]),
            "Cum GPA": round(rng.uniform(1.6, 4.0), 3),
            "Credits Earned": float(rng.randint(0, 140)),
            "Advisor Name": f"{adv_last}, {adv_first}",
            "Advisor Email": f"{_ascii(adv_first)}.{_ascii(adv_last)}@wmsu.edu",
            "FAFSA Rcvd": "Y" if aid else rng.choice(["N", ""]),
            "SAI/EFC": rng.randint(-1500, 35000) if aid else "",
            "Pell Elig": rng.choice([True, False]) if aid else False,
            "Aid Award Amt ($)": round(rng.uniform(500, 24000), 2) if aid else 0.0,
            "Emergency Contact": _maybe(rng, f"{ec_first} {ec_last}", 0.12),
            "Emerg. Phone": _maybe(rng, _us_phone(rng), 0.12),
            "Hold Codes": rng.choice(holds),
            "Rec Updated": _event_ts(rng).strftime("%Y-%m-%d %H:%M:%S"),
        })
    return pd.DataFrame(rows)


def _de_payouts(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("de_DE", 2)
    notes = ["", "", "", "Rückbuchung wg. Retoure", "Auszahlung zurückgehalten: Dokumente fehlen",
             "Gebührenkorrektur Vormonat", "Chargeback Kreditkarte", "manuell freigegeben", "Reserve 10 % einbehalten"]
    cats = ["Haushalt", "Mode", "Spielzeug", "Elektronik", "Garten", "Bücher", "Handmade", "Sport"]
    rows = []
    for i in range(n):
        male = rng.random() < 0.55
        first = fk.first_name_male() if male else fk.first_name_female()
        last = fk.last_name()
        brutto = round(rng.uniform(20, 25000), 2)
        prov = rng.choice([7.0, 10.5, 12.0, 15.0])
        fee = round(brutto * prov / 100 + rng.choice([0, 0.35, 39.0]), 2)
        start = dt.date(2024, rng.randint(1, 12), 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        plz = fk.postcode()
        iban = _de_iban(rng)
        born = _dob(rng, 1950, 2004)
        rows.append({
            "Auszahlungs-ID": f"AZ-{start:%Y%m}-{i + 1:06d}",
            "Verkäufer-Nr.": rng.randint(100_000, 999_999),
            "Shopname": rng.choice([fk.company(), f"{rng.choice(cats)}-Outlet {fk.word().title()}"]),
            "Benutzername": _ascii(first)[:5] + rng.choice(["_", "", "."]) + _ascii(last)[:6] + str(rng.randint(1, 999)),
            "Anrede": "Herr" if male else "Frau",
            "Vorname": first,
            "Nachname": last,
            "E-Mail": _email(rng, first, last, ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"]),
            "Telefon": _maybe(rng, _de_phone(rng), 0.1),
            "Straße u. Hausnr.": fk.street_address(),
            "PLZ": int(plz) if rng.random() < 0.3 else plz,
            "Ort": fk.city(),
            "Land": rng.choice(["DE"] * 8 + ["AT", "Deutschland"]),
            "Geburtsdatum": _maybe(rng, born.strftime("%d.%m.%Y"), 0.1),
            "Steuer-IdNr.": _maybe(rng, _de_steuer_id(rng), 0.15),
            "Kontoinhaber": f"{first} {last}" if rng.random() < 0.8 else f"{last}, {first}",
            "IBAN": _group4(iban) if rng.random() < 0.5 else iban,
            "BIC": rng.choice(["PBNKDEFFXXX", "DEUTDEDBXXX", "COBADEFFXXX", "GENODEF1S04", "INGDDEFFXXX"]),
            "Zeitraum von": start.strftime("%d.%m.%Y"),
            "Zeitraum bis": end.strftime("%d.%m.%Y"),
            "Umsatz brutto (EUR)": f"{brutto:,.2f}".replace(",", "X").replace(".", ",").replace("X", "."),
            "Provision %": str(prov).replace(".", ","),
            "Gebühren EUR": str(fee).replace(".", ","),
            "Auszahlungsbetrag": str(round(brutto - fee, 2)).replace(".", ","),
            "USt-Satz": rng.choice([19, 19, 19, 7]),
            "Status": rng.choice(["ausgezahlt", "ausgezahlt", "ausgezahlt", "in Prüfung", "zurückgehalten"]),
            "Bemerkung": rng.choice(notes),
        })
    return pd.DataFrame(rows)


ES_TOWNS = [
    ("Madrid", "Madrid", "28"), ("Alcalá de Henares", "Madrid", "28"), ("Getafe", "Madrid", "28"),
    ("Móstoles", "Madrid", "28"), ("Leganés", "Madrid", "28"), ("Barcelona", "Barcelona", "08"),
    ("Sabadell", "Barcelona", "08"), ("Terrassa", "Barcelona", "08"), ("L'Hospitalet de Llobregat", "Barcelona", "08"),
    ("Badalona", "Barcelona", "08"), ("Valencia", "Valencia", "46"), ("Torrent", "Valencia", "46"),
    ("Gandia", "Valencia", "46"), ("Sevilla", "Sevilla", "41"), ("Dos Hermanas", "Sevilla", "41"),
    ("Málaga", "Málaga", "29"), ("Marbella", "Málaga", "29"), ("Vélez-Málaga", "Málaga", "29"),
    ("Zaragoza", "Zaragoza", "50"), ("Murcia", "Murcia", "30"), ("Cartagena", "Murcia", "30"),
    ("Lorca", "Murcia", "30"), ("Alicante", "Alicante", "03"), ("Elche", "Alicante", "03"),
    ("Benidorm", "Alicante", "03"), ("Bilbao", "Bizkaia", "48"), ("Barakaldo", "Bizkaia", "48"),
    ("Getxo", "Bizkaia", "48"), ("Oviedo", "Asturias", "33"), ("Gijón", "Asturias", "33"), ("Avilés", "Asturias", "33"),
    ("A Coruña", "A Coruña", "15"), ("Santiago de Compostela", "A Coruña", "15"), ("Vigo", "Pontevedra", "36"),
    ("Granada", "Granada", "18"), ("Motril", "Granada", "18"), ("Valladolid", "Valladolid", "47"),
    ("Palma", "Illes Balears", "07"), ("Córdoba", "Córdoba", "14"), ("Jerez de la Frontera", "Cádiz", "11"),
    ("Algeciras", "Cádiz", "11"), ("Pamplona", "Navarra", "31"), ("Logroño", "La Rioja", "26"),
    ("Santander", "Cantabria", "39"), ("Talavera de la Reina", "Toledo", "45"), ("Badajoz", "Badajoz", "06"),
    ("Cáceres", "Cáceres", "10"), ("Salamanca", "Salamanca", "37"), ("Burgos", "Burgos", "09"),
    ("León", "León", "24"), ("Almería", "Almería", "04"), ("Huelva", "Huelva", "21"),
    ("Castellón de la Plana", "Castellón", "12"), ("Reus", "Tarragona", "43"), ("Girona", "Girona", "17"),
    ("Lleida", "Lleida", "25"), ("Albacete", "Albacete", "02"),
]


def _es_clinic(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("es_ES", 3)
    esp = ["Traumatología", "Dermatología", "Cardiología", "Ginecología", "Oftalmología", "Medicina General",
           "Pediatría", "Fisioterapia", "Digestivo", "Otorrinolaringología"]
    seguros = ["Sanitas", "Adeslas", "DKV", "Mapfre Salud", "Asisa", "Privado", "Privado", "Mutua General"]
    obs = ["", "", "", "Requiere ayuno", "Trae informe previo", "Primera visita", "Revisión",
           "Anulada por el centro", "Pendiente de autorización de la aseguradora", "Pago fraccionado"]
    rows = []
    for i in range(n):
        female = rng.random() < 0.52
        nom = fk.first_name_female() if female else fk.first_name_male()
        ap1, ap2 = fk.last_name(), fk.last_name()
        paciente = f"{ap1} {ap2}, {nom}".upper() if rng.random() < 0.7 else f"{nom} {ap1} {ap2}"
        born = _dob(rng, 1935, 2022)
        town, prov, cp2 = rng.choice(ES_TOWNS)
        cp = f"{cp2}{rng.randint(0, 80):03d}"
        ts = _event_ts(rng)
        pago = rng.choice(["Tarjeta", "Tarjeta", "Efectivo", "Domiciliación", "Aseguradora", "Aseguradora", "Bizum"])
        doc_f = rng.random() < 0.5
        medico = f"{'Dra.' if doc_f else 'Dr.'} {fk.first_name_female() if doc_f else fk.first_name_male()} {fk.last_name()}"
        rows.append({
            "Nº Cita": 2024000000 + i * 7 + rng.randint(0, 6),
            "NHC": rng.randint(10_000, 999_999),
            "Paciente": paciente,
            "DNI/NIE": _maybe(rng, _es_dni(rng), 0.06),
            "Nº Afiliación SS": _maybe(rng, _es_nuss(rng), 0.35),
            "F. Nacimiento": born if rng.random() < 0.8 else born.strftime("%d/%m/%Y"),
            "Sexo": "M" if female else "H",
            "Teléfono móvil": _maybe(rng, _es_mobile(rng), 0.05),
            "Tfno. fijo": _maybe(rng, _es_fixed(rng), 0.7),
            "Correo electrónico": _maybe(rng, _email(rng, nom, ap1, ["gmail.com", "hotmail.com", "yahoo.es", "telefonica.net", "outlook.es"]), 0.2),
            "Domicilio": fk.street_address(),
            "C.P.": int(cp) if rng.random() < 0.35 else cp,
            "Localidad": town,
            "Provincia": prov,
            "Fecha cita": ts.replace(minute=ts.minute // 15 * 15, second=0),
            "Especialidad": rng.choice(esp),
            "Médico": medico,
            "Aseguradora": rng.choice(seguros),
            "Nº Póliza": _maybe(rng, f"{rng.randint(0, 99_999_999):08d}-{rng.randint(1, 9)}", 0.4),
            "Importe (€)": round(rng.choice([35, 45, 60, 75, 90, 120, 150]) * rng.choice([1, 1, 1, 1.21]), 2),
            "Forma de pago": pago,
            "Nº Tarjeta": _card(rng) if pago == "Tarjeta" else "",
            "IBAN domiciliación": _group4(_es_iban(rng)) if pago == "Domiciliación" else "",
            "Estado": rng.choice(["Realizada", "Realizada", "Realizada", "Anulada", "No presentado", "Pendiente"]),
            "Observaciones": rng.choice(obs),
        })
    return pd.DataFrame(rows)


def _nl_parking(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("nl_NL", 4)
    zones = ["Centrum-Oost", "Centrum-West", "Oud-Zuid", "De Pijp", "Watergraafsmeer", "Noord-1", "Bos en Lommer"]
    streets = [fk.street_name() for _ in range(60)]
    opm = ["", "", "", "Bezwaar ingediend via MijnGemeente", "Wachtlijst", "Tweede auto, hoger tarief",
           "Gehandicaptenparkeerkaart aanwezig", "Betaling mislukt, herinnering verstuurd", "Verhuisd binnen zone"]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        initials = "".join(f"{c}." for c in first[:1] + rng.choice(["", "", "J", "M", "A", "H"]))
        born = _dob(rng, 1940, 2005)
        bsn = _nl_bsn(rng)
        pc = fk.postcode().replace(" ", "")
        if rng.random() < 0.5:
            pc = f"{pc[:4]} {pc[4:]}"
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
        nboetes = rng.choice([0, 0, 0, 0, 1, 1, 2, 3])
        rows.append({
            "vergunningnummer": f"PV{start.year}-{i + 10000:06d}",
            "soort_vergunning": rng.choice(["bewoner", "bewoner", "bewoner", "bedrijf", "bezoeker", "mantelzorg"]),
            "kenteken": fk.license_plate() if rng.random() < 0.9 else "",
            "Aanvrager": f"{last}, {initials}",
            "Voornaam": first,
            "BSN": str(int(bsn)) if rng.random() < 0.6 else bsn,  # numeric in the source system: leading zero lost
            "geboortedatum": born,
            "Adres": fk.street_address(),
            "Postcode": pc,
            "Woonplaats": fk.city(),
            "E-mailadres": _maybe(rng, _email(rng, first, last, ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.com", "xs4all.nl"]), 0.15),
            "Telefoonnummer": _maybe(rng, _nl_phone(rng), 0.2),
            "IBAN (incasso)": _maybe(rng, _nl_iban(rng), 0.25),
            "Ingangsdatum": start,
            "Einddatum": start + dt.timedelta(days=365),
            "Tarief per jaar (€)": rng.choice([35.0, 71.88, 143.76, 535.0, 0.0]),
            "Zone": rng.choice(zones),
            "Aantal boetes": nboetes,
            "Laatste naheffingsaanslag": f"NH{rng.randint(10**9, 10**10 - 1)}" if nboetes else "",
            "Boetebedrag": round(rng.choice([72.9, 74.5, 76.3, 101.2]), 2) if nboetes else None,
            "Datum overtreding": (_event_ts(rng) if nboetes else None),
            "Locatie overtreding": f"{rng.choice(streets)} t.h.v. {rng.randint(1, 300)}" if nboetes else "",
            "Handhaver": f"BOA-{rng.randint(100, 999)}" if nboetes else "",
            "Status bezwaar": rng.choice(["", "", "ontvangen", "gegrond", "ongegrond"]) if nboetes else "",
            "Gemachtigde": f"{fk.first_name()} {fk.last_name()}" if rng.random() < 0.08 else "",
            "Opmerking": rng.choice(opm),
        })
    df = pd.DataFrame(rows)
    df["Aantal boetes"] = df["Aantal boetes"].astype("Int64")
    df["Datum overtreding"] = pd.to_datetime(df["Datum overtreding"])
    return df


def _no_fitness(n: int) -> list[dict]:
    rng = random.Random(SEED + 5)
    fk = _faker("no_NO", 5)
    types = ["løping", "styrke", "sykling", "gåtur", "yoga", "langrenn", "svømming", "intervall"]
    devices = ["iPhone14,2 iOS 17.4", "iPhone15,3 iOS 17.5.1", "SM-S911B Android 14", "Pixel 7 Android 14",
               "Garmin Forerunner 255", "Apple Watch Series 8", "ONEPLUS A6013 Android 11"]
    comments = ["", "", "", "Tung økt i dag", "Ny pers på 5 km!", "Vondt i kneet, tok det rolig",
                "Intervaller 4x4 min", "Regn hele veien", "Bra tempo", "Beinøkt + kjerne"]
    rows = []
    for _ in range(n):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        born = _dob(rng, 1955, 2008)
        pn = fk.postcode()
        start = _event_ts(rng)
        typ = rng.choice(types)
        dur = rng.randint(12, 140)
        dist = round(dur / rng.uniform(4.5, 7.5), 2) if typ in {"løping", "sykling", "gåtur", "langrenn"} else None
        rows.append({
            "bruker_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "brukernavn": rng.choice([_ascii(first) + str(rng.randint(1, 999)), _ascii(first)[:3] + _ascii(last)[:4],
                                      f"{_ascii(first)}_{_ascii(last)}", fk.user_name()]),
            "visningsnavn": rng.choice([f"{first} {last}", f"{first} {last[0]}.", first]),
            "fornavn": first,
            "etternavn": last,
            "epost": _email(rng, first, last, ["gmail.com", "hotmail.com", "online.no", "outlook.com", "icloud.com"]),
            "mobil": _maybe(rng, _no_phone(rng), 0.15, (None, "")),
            "fodselsdato": born.isoformat(),
            "fodselsnummer": _no_fnr(rng, born) if rng.random() < 0.3 else None,
            "kjonn": rng.choice(["K", "kvinne"]) if female else rng.choice(["M", "mann"]),
            "hoyde_cm": rng.randint(150, 200),
            "vekt_kg": round(rng.uniform(48, 115), 1),
            "postnummer": int(pn) if rng.random() < 0.4 else pn,
            "poststed": fk.city(),
            "registrert": _event_ts(rng, 2023).isoformat(timespec="seconds") + "Z",
            "siste_innlogging_ip": _ip(rng),
            "enhet": rng.choice(devices),
            "app_versjon": f"{rng.randint(4, 6)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
            "premium": rng.random() < 0.35,
            "betalingskort": f"**** {rng.randint(0, 9999):04d}" if rng.random() < 0.35 else None,
            "okt_id": rng.randint(10**11, 10**12 - 1),
            "okt_type": typ,
            "startet": start.isoformat(timespec="seconds"),
            "varighet_min": dur,
            "distanse_km": dist,
            "kalorier_kcal": int(dur * rng.uniform(5, 12)),
            "snittpuls": rng.randint(95, 175),
            "kommentar": rng.choice(comments),
        })
    return rows


def _uk_donors(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("en_GB", 6)
    house_names = ["Rose Cottage", "The Old Rectory", "Orchard House", "Ivy Lodge", "The Barn", "Willow End",
                   "Hillcrest", "Flat 3", "Flat 12b", "Mill House"]
    camps = ["XMAS24-APL", "SPR24-DM", "LEG-INMEM", "RAFFLE-Q3", "MARATHON24", "EMERG-APPEAL", "REG-GIVING"]
    notes = ["", "", "", "", "Gone away - returned mail", "Prefers no phone calls", "Increase agreed Jan",
             "Duplicate record merged", "Gift Aid declaration received by post", "Event attendee"]
    rows = []
    for i in range(n):
        female = rng.random() < 0.55
        title = rng.choice(["Mrs", "Ms", "Miss", "Dr"]) if female else rng.choice(["Mr", "Mr", "Dr", "Rev"])
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        method = rng.choice(["Direct Debit", "Direct Debit", "Card", "Card", "Cash", "Cheque", "JustGiving"])
        amt = rng.choice([5.0, 10.0, 15.0, 20.0, 25.0, 50.0, 100.0, 250.0]) if rng.random() < 0.8 else round(rng.uniform(2, 500), 2)
        ga = rng.choice(["Y", "Y", "Y", "N", "Cancelled", ""])
        acct = f"{rng.randint(0, 99_999_999):08d}"
        rows.append({
            "Donor Ref": f"D{i + 1040:07d}",
            "Title": title,
            "Forename": first,
            "Surname": last,
            "Salutation": rng.choice([f"Dear {title} {last}", f"Dear {first}", f"{title} {first[0]} {last}"]),
            "House Name/No": rng.choice([str(rng.randint(1, 240)), str(rng.randint(1, 99)) + rng.choice(["", "a", "b"]),
                                         rng.choice(house_names)]),
            "Address 1": fk.street_name() if rng.random() < 0.7 else fk.street_address(),
            "Address 2": _maybe(rng, fk.city() if rng.random() < 0.2 else fk.street_name(), 0.75),
            "Town": fk.city(),
            "County": fk.county() if rng.random() < 0.7 else "",
            "Postcode": fk.postcode() if rng.random() < 0.85 else fk.postcode().replace(" ", "").lower(),
            "Email": _maybe(rng, _email(rng, first, last, ["btinternet.com", "gmail.com", "hotmail.co.uk", "yahoo.co.uk", "sky.com"]), 0.3),
            "Tel (Home)": _maybe(rng, _uk_phone(rng, False), 0.5),
            "Mobile": _maybe(rng, _uk_phone(rng, True), 0.35),
            "DOB": _maybe(rng, _dob(rng, 1930, 2005).strftime("%d/%m/%Y"), 0.55),  # lottery age check
            "NI Number": _uk_nino(rng) if rng.random() < 0.2 else "",  # payroll giving donors
            "GA Declaration Date": (_event_ts(rng, rng.randint(2015, 2024)).strftime("%d/%m/%Y") if ga in {"Y", "Cancelled"} else ""),
            "GA Status": ga,
            "Donation Date": _event_ts(rng).strftime("%d/%m/%Y"),
            "Amount (£)": amt,
            "Gift Aid Claimable £": round(amt * 0.25, 2) if ga == "Y" else 0.0,
            "Payment Method": method,
            "Card Number": _card(rng) if method == "Card" else "",
            "Sort Code": f"{rng.randint(1, 99):02d}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}" if method == "Direct Debit" else "",
            "Account No": (int(acct) if rng.random() < 0.3 else acct) if method == "Direct Debit" else "",
            "Account Name": (f"{title} {first[0]} {last}" if rng.random() < 0.5 else f"{first} {last}".upper()) if method == "Direct Debit" else "",
            "Campaign Code": rng.choice(camps),
            "In Memory Of": f"{fk.first_name()} {last}" if rng.random() < 0.1 else "",
            "Contact Prefs": rng.choice(["Email;Post", "Post", "None", "Email", "Phone;Email;Post", ""]),
            "Notes": rng.choice(notes),
        })
    df = pd.DataFrame(rows)
    return df


BE_COMMUNES = [
    ("1000", "Bruxelles"), ("1050", "Ixelles"), ("1060", "Saint-Gilles"), ("1070", "Anderlecht"),
    ("1080", "Molenbeek-Saint-Jean"), ("1140", "Evere"), ("1150", "Woluwe-Saint-Pierre"), ("1180", "Uccle"),
    ("1190", "Forest"), ("1200", "Woluwe-Saint-Lambert"), ("1300", "Wavre"), ("1330", "Rixensart"),
    ("1348", "Louvain-la-Neuve"), ("1400", "Nivelles"), ("1410", "Waterloo"), ("1420", "Braine-l'Alleud"),
    ("4000", "Liège"), ("4020", "Jupille-sur-Meuse"), ("4100", "Seraing"), ("4500", "Huy"), ("4800", "Verviers"),
    ("5000", "Namur"), ("5100", "Jambes"), ("5500", "Dinant"), ("6000", "Charleroi"), ("6001", "Marcinelle"),
    ("6700", "Arlon"), ("6900", "Marche-en-Famenne"), ("7000", "Mons"), ("7100", "La Louvière"),
    ("7500", "Tournai"), ("7700", "Mouscron"), ("1457", "Walhain"), ("5030", "Gembloux"), ("6800", "Libramont-Chevigny"),
]


def _be_leads(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    fk = _faker("fr_FR", 7)
    voies = ["Rue", "Rue", "Avenue", "Chaussée de", "Place", "Boulevard", "Clos", "Drève"]
    msgs = ["", "Bonjour, ce bien est-il toujours disponible ?", "Je souhaiterais organiser une visite.",
            "Quel est le montant des charges ?", "Le bien est-il libre d'occupation ?",
            "Intéressé, merci de me recontacter.", "Possibilité de faire une offre sous le prix ?",
            "Nous cherchons un 3 chambres avec jardin.\nMerci d'avance.", "PEB du bien ?"]
    agents = [f"{fk.first_name()} {fk.last_name()}" for _ in range(9)]
    rows = []
    for i in range(n):
        male = rng.random() < 0.5
        first = fk.first_name_male() if male else fk.first_name_female()
        last = fk.last_name()
        cp, loc = rng.choice(BE_COMMUNES)
        _, bien_loc = rng.choice(BE_COMMUNES)
        born = _dob(rng, 1945, 2002)
        street = f"{rng.choice(voies)} {fk.last_name()} {rng.randint(1, 220)}{rng.choice(['', '', '', '/3', ' bte 2', 'A'])}"
        advanced = rng.random() < 0.25
        created = _event_ts(rng)
        prix = rng.choice([189000, 225000, 249000, 279000, 315000, 349000, 395000, 450000, 525000, 640000, 850])
        rows.append({
            "ID Lead": f"L-{created:%y%m}-{i + 1:05d}",
            "Date de création": created.strftime("%d/%m/%Y %H:%M"),
            "Source": rng.choice(["Immoweb", "Immoweb", "Zimmo", "Site web", "Vitrine", "Téléphone", "Logic-Immo"]),
            "Réf. bien": f"{rng.choice(['VEN', 'LOC'])}-{rng.randint(1000, 9999)}",
            "Type de bien": rng.choice(["Appartement", "Maison", "Villa", "Studio", "Terrain", "Bureau", "Garage"]),
            "Prix demandé (€)": prix,
            "Commune du bien": bien_loc,
            "Civilité": rng.choice(["M.", "Monsieur"]) if male else rng.choice(["Mme", "Madame"]),
            "Prénom": first,
            "Nom": last.upper() if rng.random() < 0.4 else last,
            "E-mail": _email(rng, first, last, ["skynet.be", "gmail.com", "hotmail.com", "proximus.be", "telenet.be", "outlook.be"]),
            "GSM": _maybe(rng, _be_gsm(rng), 0.1),
            "Téléphone fixe": _maybe(rng, _be_fixed(rng), 0.75),
            "Adresse actuelle": _maybe(rng, street, 0.3),
            "Code postal": _maybe(rng, int(cp) if rng.random() < 0.5 else cp, 0.2),
            "Localité": _maybe(rng, loc, 0.2),
            "N° registre national": _be_nrn(rng, born, male) if advanced else "",
            "Date de naissance": born.strftime("%d/%m/%Y") if advanced else "",
            "Budget max": _maybe(rng, f"{rng.randint(15, 90) * 10000}", 0.4, ("", "n/a", "?")),
            "Financement": rng.choice(["Oui", "Non", "En cours", "Accord de principe", ""]),
            "IBAN garantie": _be_iban(rng) if advanced and rng.random() < 0.6 else "",
            "Agent": rng.choice(agents),
            "Message": rng.choice(msgs),
            "IP formulaire": _ip(rng) if rng.random() < 0.7 else "",
            "Consentement RGPD": rng.choice(["Oui", "Oui", "Oui", "Non"]),
            "Statut": rng.choice(["Nouveau", "Contacté", "Visite planifiée", "Offre", "Perdu", "Clôturé"]),
            "Prochaine action": (created + dt.timedelta(days=rng.randint(1, 20))).strftime("%d/%m/%Y") if rng.random() < 0.6 else "",
            "Hash dédoublonnage": hashlib.sha1(f"{first}|{last}|{i}".encode()).hexdigest()[:16],
        })
    return pd.DataFrame(rows)


_BUILDERS: dict[str, Callable[[int], object]] = {
    "us_sis_students": _us_students,
    "de_marktplatz_auszahlungen": _de_payouts,
    "es_citas_facturacion": _es_clinic,
    "nl_parkeervergunningen_boetes": _nl_parking,
    "no_treningsapp_okter": _no_fitness,
    "uk_giftaid_donors": _uk_donors,
    "be_immo_leads": _be_leads,
}


def _n(table: str, rows: int) -> int:
    return max(1, round(rows * ROW_SHARE[table]))


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table as a DataFrame (the JSONL table is built from its records)."""
    out: dict[str, pd.DataFrame] = {}
    for t in TABLES:
        built = _BUILDERS[t](_n(t, rows))
        out[t] = pd.DataFrame(built) if isinstance(built, list) else built
    return out


def _write_xlsx(df: pd.DataFrame, path: Path, sheet: str) -> None:
    """Write df as one sheet with fixed document timestamps, so the file is byte-for-byte reproducible."""
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        df.to_excel(xw, index=False, sheet_name=sheet)
        props = xw.book.properties
        props.created = props.modified = dt.datetime(2025, 1, 6, 8, 30)
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in members:
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the save time
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-06T08:30:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 6, 8, 30, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table in its own export format into out_dir; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for t in TABLES:
        path = out_dir / FILES[t]
        built = _BUILDERS[t](_n(t, rows))
        if t == "us_sis_students":
            built.to_csv(path, index=False, encoding="utf-8")
        elif t == "de_marktplatz_auszahlungen":
            built.to_csv(path, index=False, sep=";", encoding="cp1252", errors="replace")
        elif t == "es_citas_facturacion":
            _write_xlsx(built, path, "Citas")
        elif t == "nl_parkeervergunningen_boetes":
            built.to_parquet(path, index=False)
        elif t == "no_treningsapp_okter":
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                for rec in built:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif t == "uk_giftaid_donors":
            built.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        elif t == "be_immo_leads":
            built.to_csv(path, index=False, sep="|", encoding="utf-8")
        paths[t] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for name, p in write_all(target).items():
        print(name, p)
