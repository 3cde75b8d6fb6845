"""Blind held-out tables #17 for the PII scanner (seed 17170).

Seven exports from seven kinds of systems: an Australian superannuation member register (CSV),
a German Krankenkasse member list (CSV ; cp1252), a French university scolarité export (CSV ; with BOM),
Spanish rental contracts (xlsx), Italian courier shipments (Parquet), an Oslo municipality
barnehage list (TSV latin-1) and a Zendesk-style helpdesk ticket export (JSON Lines).
Labels live in labels.yaml next to this file and were written by hand before any scanner run.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 17170
HERE = Path(__file__).resolve().parent
TABLES = (
    "au_super_members",
    "de_kk_mitglieder",
    "fr_scolarite_inscriptions",
    "es_contratos_alquiler",
    "it_spedizioni",
    "no_barnehage_barn",
    "helpdesk_tickets",
)

_FILES = {
    "au_super_members": "au_super_members.csv",
    "de_kk_mitglieder": "de_kk_mitglieder.csv",
    "fr_scolarite_inscriptions": "fr_scolarite_inscriptions.csv",
    "es_contratos_alquiler": "es_contratos_alquiler.xlsx",
    "it_spedizioni": "it_spedizioni.parquet",
    "no_barnehage_barn": "no_barnehage_barn.tsv",
    "helpdesk_tickets": "helpdesk_tickets.jsonl",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} as written by hand in labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ---------------------------------------------------------------- helpers


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _sparse(rng: random.Random, value: object, p_blank: float, blanks=("",)) -> object:
    return rng.choice(blanks) if rng.random() < p_blank else value


def _dob(rng: random.Random, lo: int, hi: int) -> date:
    start = date(lo, 1, 1).toordinal()
    end = date(hi, 12, 31).toordinal()
    return date.fromordinal(rng.randint(start, end))


def _ascii(s: str) -> str:
    table = str.maketrans(
        "äöüßàáâãçèéêëìíîïñòóôõùúûýÿæøåÄÖÜÀÁÂÇÈÉÊÌÍÎÑÒÓÔÙÚÛÆØÅ' ",
        "aousaaaaceeeeiiiinoooouuuyyeoaAOUAAACEEEIIINOOOUUUEOA--",
    )
    return s.translate(table).replace("-", "").lower()


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, la = _ascii(first.split()[0]), _ascii(last.split()[0])
    pat = rng.randrange(6)
    local = [
        f"{f}.{la}",
        f"{f[0]}{la}",
        f"{f}{la}{rng.randint(1, 99)}",
        f"{f}_{la}",
        f"{la}.{f}{rng.randint(60, 99)}",
        f"{f}{rng.randint(1950, 2005)}",
    ][pat]
    return f"{local}@{rng.choice(domains)}"


def _handle(rng: random.Random, first: str, last: str) -> str:
    f, la = _ascii(first.split()[0]), _ascii(last.split()[0])
    return rng.choice([
        f"{f[0]}{la}{rng.randint(1, 99)}",
        f"{f}.{la}",
        f"{f}_{rng.randint(70, 2009)}",
        f"{la}{f[:3]}",
        f"{f}{la[0]}",
    ])


def _iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


# ---------------------------------------------------------------- check-digit numbers


def _tfn(rng: random.Random) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(1, 9)] + [rng.randrange(10) for _ in range(8)]
        if sum(a * b for a, b in zip(d, w, strict=True)) % 11 == 0:
            return "".join(map(str, d))


def _abn(rng: random.Random) -> str:
    w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    while True:
        d = [rng.randint(1, 9)] + [rng.randrange(10) for _ in range(10)]
        dd = [d[0] - 1] + d[1:]
        if sum(a * b for a, b in zip(dd, w, strict=True)) % 89 == 0:
            s = "".join(map(str, d))
            return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"


def _crosssum(n: int) -> int:
    return sum(int(c) for c in str(n))


def _kvnr(rng: random.Random) -> str:
    letter = chr(ord("A") + rng.randrange(26))
    body = _digits(rng, 8)
    digits = f"{ord(letter) - 64:02d}" + body
    total = sum(_crosssum(int(c) * (1 if i % 2 == 0 else 2)) for i, c in enumerate(digits))
    return f"{letter}{body}{total % 10}"


def _rvnr(rng: random.Random, dob: date, birth_surname: str, female: bool) -> str:
    area = rng.choice(["12", "13", "15", "16", "17", "18", "19", "21", "23", "24", "25", "26", "28", "29",
                       "38", "39", "40", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51"])
    letter = (_ascii(birth_surname)[:1] or "x").upper()
    if not letter.isalpha():
        letter = "X"
    serial = rng.randint(50, 99) if female else rng.randint(0, 49)
    core = f"{area}{dob:%d%m%y}"
    digits = core + f"{ord(letter) - 64:02d}" + f"{serial:02d}"
    w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    total = sum(_crosssum(int(c) * k) for c, k in zip(digits, w, strict=True))
    return f"{core}{letter}{serial:02d}{total % 10}"


def _nir(rng: random.Random, female: bool, dob: date, dept: str) -> str:
    commune = f"{rng.randint(1, 400):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = f"{2 if female else 1}{dob:%y%m}{dept}{commune}{order}"
    key = 97 - int(body) % 97
    return body + f"{key:02d}"


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _dni(rng: random.Random) -> str:
    n = rng.randint(1_000_000, 79_999_999)
    return f"{n:08d}{_DNI_LETTERS[n % 23]}"


def _nie(rng: random.Random) -> str:
    p = rng.choice("XYZ")
    n = rng.randint(0, 9_999_999)
    full = int(f"{'XYZ'.index(p)}{n:07d}")
    return f"{p}{n:07d}{_DNI_LETTERS[full % 23]}"


def _es_ccc_dc(s: str) -> int:
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    r = 11 - sum(int(c) * k for c, k in zip(s, w, strict=True)) % 11
    return {10: 1, 11: 0}.get(r, r)


def _es_iban(rng: random.Random) -> str:
    bank = rng.choice(["0049", "0075", "0081", "0182", "2100", "2038", "0128", "1465", "0487", "3058"])
    branch = _digits(rng, 4)
    account = _digits(rng, 10)
    dc = f"{_es_ccc_dc('00' + bank + branch)}{_es_ccc_dc(account)}"
    return _iban("ES", bank + branch + dc + account)


_CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
                    2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23], strict=True))
_CF_EVEN = {**{str(i): i for i in range(10)}, **{chr(65 + i): i for i in range(26)}}
_CF_MONTH = "ABCDEHLMPRST"


def _cf_part(name: str, is_first: bool) -> str:
    s = "".join(c for c in _ascii(name).upper() if c.isalpha())
    cons = [c for c in s if c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    if is_first and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def _codice_fiscale(rng: random.Random, first: str, last: str, dob: date, female: bool, belfiore: str) -> str:
    day = dob.day + (40 if female else 0)
    body = (_cf_part(last, False) + _cf_part(first, True) + f"{dob:%y}" + _CF_MONTH[dob.month - 1]
            + f"{day:02d}" + belfiore)
    total = sum(_CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c] for i, c in enumerate(body))
    return body + chr(65 + total % 26)


def _fnr(rng: random.Random, dob: date) -> str:
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        ind = rng.randint(500, 999) if dob.year >= 2000 else rng.randint(0, 499)
        d = [int(c) for c in f"{dob:%d%m%y}{ind:03d}"]
        k1 = 11 - sum(a * b for a, b in zip(d, w1, strict=True)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        d.append(k1)
        k2 = 11 - sum(a * b for a, b in zip(d, w2, strict=True)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, d)) + str(k2)


def _no_konto(rng: random.Random) -> str:
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        base = rng.choice(["1503", "1506", "1822", "3000", "6011", "9710", "1254", "3201", "1207"]) + _digits(rng, 6)
        r = 11 - sum(int(c) * k for c, k in zip(base, w, strict=True)) % 11
        if r == 10:
            continue
        s = base + str(0 if r == 11 else r)
        return rng.choice([s, f"{s[:4]}.{s[4:6]}.{s[6:]}", f"{s[:4]} {s[4:6]} {s[6:]}"])


def _card_luhn(rng: random.Random, prefix: str, length: int = 16) -> str:
    body = prefix + _digits(rng, length - len(prefix) - 1)
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


# ---------------------------------------------------------------- (a) AU superannuation

_AU_PLACES = [
    ("Parramatta", "NSW", "2150"), ("Bondi", "NSW", "2026"), ("Newcastle", "NSW", "2300"),
    ("Wollongong", "NSW", "2500"), ("Penrith", "NSW", "2750"), ("Fitzroy", "VIC", "3065"),
    ("Geelong", "VIC", "3220"), ("Ballarat", "VIC", "3350"), ("Frankston", "VIC", "3199"),
    ("Toowong", "QLD", "4066"), ("Southport", "QLD", "4215"), ("Townsville", "QLD", "4810"),
    ("Cairns", "QLD", "4870"), ("Fremantle", "WA", "6160"), ("Joondalup", "WA", "6027"),
    ("Bunbury", "WA", "6230"), ("Glenelg", "SA", "5045"), ("Mount Gambier", "SA", "5290"),
    ("Hobart", "TAS", "7000"), ("Launceston", "TAS", "7250"), ("Darwin", "NT", "0800"),
    ("Palmerston", "NT", "0830"), ("Casuarina", "NT", "0810"), ("Braddon", "ACT", "2612"),
    ("Belconnen", "ACT", "2617"), ("Alice Springs", "NT", "0870"),
]
_AU_EMPLOYERS = ["Woolworths Group Ltd", "Bunnings Group Limited", "Telstra Corporation Ltd",
                 "Ramsay Health Care", "Qantas Airways Limited", "Coles Supermarkets Australia",
                 "BHP Billiton Iron Ore", "NSW Health Pathology", "Downer EDI Works",
                 "Sunshine Coast Council", "Fortescue Metals Group", "Boral Resources (NSW) Pty Ltd"]


def _au_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        n = "4" + _digits(rng, 8)
        return rng.choice([f"0{n[:3]} {n[3:6]} {n[6:]}", f"+61 {n[:3]} {n[3:6]} {n[6:]}", f"0{n}", f"61{n}"])
    area = rng.choice(["2", "3", "7", "8"])
    n = _digits(rng, 8)
    return rng.choice([f"(0{area}) {n[:4]} {n[4:]}", f"0{area} {n[:4]} {n[4:]}", f"+61 {area} {n[:4]} {n[4:]}"])


def _au_super(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_AU", 1)
    out = []
    for _ in range(rows):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        middle = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _dob(rng, 1958, 2005)
        suburb, state, pc = rng.choice(_AU_PLACES)
        tfn = _tfn(rng)
        tfn_s = rng.choice([tfn, f"{tfn[:3]} {tfn[3:6]} {tfn[6:]}", tfn])
        joined = _dob(rng, 2003, 2024)
        bal = round(rng.lognormvariate(11.2, 1.0), 2)
        street = fk.street_address()
        out.append({
            "Member Number": f"{rng.randint(100000, 9999999):010d}",
            "USI": rng.choice(["STA0100AU", "STA0100AU", "STA0100AU", "STA0301AU"]),
            "Title": rng.choice(["Ms", "Mrs", "Miss", "Dr"]) if female else rng.choice(["Mr", "Mr", "Dr"]),
            "Given Name(s)": rng.choice([first, f"{first} {middle}"]),
            "Family Name": last.upper() if rng.random() < 0.2 else last,
            "Preferred Name": _sparse(rng, rng.choice([first[:3], first, middle]), 0.8),
            "Date of Birth": rng.choice([f"{dob:%d/%m/%Y}", f"{dob:%d/%m/%Y}", f"{dob:%-d/%m/%Y}"]),
            "Gender": "F" if female else "M",
            "TFN": _sparse(rng, tfn_s, 0.06, ("Not Quoted", "", "000000000")),
            "Residential Address": street,
            "Suburb": suburb.upper() if rng.random() < 0.5 else suburb,
            "State": state,
            "P/code": str(int(pc)),
            "Mobile Ph": _sparse(rng, _au_phone(rng, True), 0.08),
            "Home Ph": _sparse(rng, _au_phone(rng, False), 0.75),
            "Email Addr": _sparse(rng, _email(rng, first, last, ["gmail.com", "bigpond.com", "outlook.com",
                                                                 "optusnet.com.au", "hotmail.com",
                                                                 "icloud.com", "iinet.net.au"]), 0.1),
            "Employer ABN": _abn(rng),
            "Employer Name": rng.choice(_AU_EMPLOYERS),
            "Date Joined Fund": f"{joined:%d/%m/%Y}",
            "Account Balance ($)": f"{bal:,.2f}",
            "Investment Option": rng.choice(["Balanced", "MySuper Lifecycle", "High Growth",
                                             "Conservative Balanced", "Cash", "Indexed Diversified"]),
            "Death Cover ($)": rng.choice([0, 50000, 100000, 150000, 250000, 500000]),
            "TPD Cover ($)": rng.choice([0, 0, 50000, 100000, 200000]),
            "SG %": rng.choice(["11.5", "11.0", "12", "11.50"]),
            "Nominated Beneficiary": _sparse(rng, f"{fk.first_name()} {rng.choice([last, fk.last_name()])}", 0.65),
            "Benef. Relationship": _sparse(rng, rng.choice(["Spouse", "Child", "De facto", "Legal Personal Rep."]),
                                           0.65),
            "Rollover BSB": _sparse(rng, f"{rng.choice(['062', '063', '082', '033', '484', '732'])}-"
                                         f"{rng.randint(0, 999):03d}", 0.55),
            "Bank Account No": _sparse(rng, _digits(rng, rng.choice([6, 8, 9])), 0.55),
            "MOL Username": _sparse(rng, _handle(rng, first, last), 0.35),
            "Last Login IP": _sparse(rng, fk.ipv4_public(), 0.35),
            "Member Status": rng.choice(["Active", "Active", "Active", "Inactive", "Lost", "Preserved"]),
            "Last Contribution": _sparse(rng, f"{joined + timedelta(days=rng.randint(30, 700)):%Y-%m-%d}", 0.2),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (b) DE Krankenkasse

_DE_EMPLOYERS = ["Siemens AG", "Deutsche Bahn AG", "REWE Markt GmbH", "Bosch Rexroth AG", "Stadtwerke München GmbH",
                 "Klinikum Nürnberg", "ALDI SÜD Dienstleistungs-SE & Co. oHG", "Ford-Werke GmbH",
                 "Malerbetrieb Schulte GmbH", "Universität Leipzig"]
_DE_BEMERKUNG = ["", "", "", "Beitragsrückstand ausgeglichen", "Bonusprogramm aktiv", "Wechsel zum 01.01. geplant",
                 "eGK neu bestellt (Foto fehlt)", "Kündigung widerrufen", "Familienversicherung geprüft",
                 "Lastschrift zurückgegeben, Mahnung 1 versendet", "Anschrift laut Post unzustellbar"]


def _de_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        p = rng.choice(["151", "160", "170", "171", "172", "176", "157", "179"])
        n = _digits(rng, 7 if p != "176" else 8)
        return rng.choice([f"0{p} {n}", f"+49 {p} {n}", f"0{p}/{n}", f"0{p}-{n[:3]} {n[3:]}"])
    area = rng.choice(["30", "40", "89", "221", "69", "711", "341", "351", "911", "421"])
    n = _digits(rng, 7 if len(area) == 2 else 6)
    return rng.choice([f"0{area} {n}", f"0{area}/{n}", f"+49 {area} {n}", f"(0{area}) {n[:3]} {n[3:]}"])


def _de_money(x: float) -> str:
    return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _de_kk(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("de_DE", 2)
    out = []
    for _ in range(rows):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        birth_name = fk.last_name() if female and rng.random() < 0.4 else ""
        dob = _dob(rng, 1940, 2006)
        status = rng.choice(["1", "1", "1", "3", "5"])
        salary = rng.uniform(1800, 6500)
        plz = fk.postcode()
        out.append({
            "Mitglieds-Nr.": f"{rng.randint(1, 9999999):09d}",
            "Anrede": "Frau" if female else "Herr",
            "Titel": _sparse(rng, rng.choice(["Dr.", "Prof. Dr.", "Dipl.-Ing."]), 0.92),
            "Vorname": first,
            "Nachname": last,
            "Geburtsname": birth_name,
            "Geb.-Datum": rng.choice([f"{dob:%d.%m.%Y}", f"{dob:%d.%m.%Y}", f"{dob:%d.%m.%y}"]),
            "Geburtsort": _sparse(rng, fk.city(), 0.15),
            "Straße/Hausnr.": fk.street_address(),
            "PLZ": plz,
            "Wohnort": fk.city(),
            "Telefon (privat)": _sparse(rng, _de_phone(rng, False), 0.5),
            "Mobilnummer": _sparse(rng, _de_phone(rng, True), 0.3),
            "E-Mail": _sparse(rng, _email(rng, first, last, ["web.de", "gmx.de", "t-online.de", "gmail.com",
                                                             "gmx.net", "posteo.de", "freenet.de"]), 0.35),
            "KVNR": _kvnr(rng),
            "RV-Nummer": _sparse(rng, _rvnr(rng, dob, birth_name or last, female), 0.1),
            "Vers.-Status": status,
            "Tarif": rng.choice(["Basis", "Basis", "Wahltarif Selbstbehalt 300", "Krankengeld ab 43. Tag",
                                 "Bonus Plus"]),
            "Beitragssatz %": "14,6" if status != "5" else "14,0",
            "Zusatzbeitrag %": rng.choice(["1,7", "2,5", "1,7"]),
            "Monatsbeitrag EUR": _de_money(salary * 0.081),
            "Arbeitgeber": _sparse(rng, rng.choice(_DE_EMPLOYERS), 0.25),
            "Betriebsnummer AG": _sparse(rng, f"{rng.randint(1000000, 99999999):08d}", 0.25),
            "IBAN": _sparse(rng, _group4(fk.iban()) if rng.random() < 0.6 else fk.iban(), 0.3),
            "BIC": _sparse(rng, rng.choice(["COBADEFFXXX", "DEUTDEDBXXX", "GENODEF1M04", "BYLADEM1001",
                                            "HYVEDEMMXXX", "INGDDEFFXXX", "SSKMDEMMXXX"]), 0.3),
            "Kontoinhaber": _sparse(rng, f"{first} {last}" if rng.random() < 0.8 else f"{fk.first_name()} {last}",
                                    0.3),
            "Mitglied seit": f"{_dob(rng, 1995, 2024):%d.%m.%Y}",
            "eGK Generation": rng.choice(["G2", "G2.1", "G2.1"]),
            "Familienvers. (J/N)": rng.choice(["J", "N", "N", "N"]),
            "Bemerkung": rng.choice(_DE_BEMERKUNG),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (c) FR scolarité

_FR_PLACES = [
    ("Lyon", "69003", "69"), ("Villeurbanne", "69100", "69"), ("Grenoble", "38000", "38"),
    ("Saint-Étienne", "42000", "42"), ("Bron", "69500", "69"), ("Vénissieux", "69200", "69"),
    ("Annecy", "74000", "74"), ("Chambéry", "73000", "73"), ("Clermont-Ferrand", "63000", "63"),
    ("Bourg-en-Bresse", "01000", "01"), ("Valence", "26000", "26"), ("Mâcon", "71000", "71"),
    ("Dijon", "21000", "21"), ("Paris", "75011", "75"), ("Marseille", "13005", "13"),
    ("Oyonnax", "01100", "01"), ("Roanne", "42300", "42"), ("Vienne", "38200", "38"),
    ("Besançon", "25000", "25"), ("Montpellier", "34000", "34"),
]
_FR_DIPLOMES = [("L1 Droit", "UFR Droit"), ("L2 Psychologie", "UFR Psychologie"),
                ("L3 Économie-Gestion", "UFR Sciences économiques"), ("M1 Informatique", "UFR Sciences et Techniques"),
                ("M2 Histoire contemporaine", "UFR Temps et Territoires"), ("DUT GEA", "IUT Lumière"),
                ("L1 LEA Anglais-Espagnol", "UFR Langues"), ("PASS", "Faculté de Médecine")]


def _fr_phone(rng: random.Random) -> str:
    n = rng.choice(["6", "7"]) + _digits(rng, 8)
    return rng.choice([f"0{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"0{n}", f"+33 {n[0]} {n[1:3]} {n[3:5]} "
                       f"{n[5:7]} {n[7:]}", f"0{n[0]}.{n[1:3]}.{n[3:5]}.{n[5:7]}.{n[7:]}", f"+33{n}"])


def _fr_scol(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("fr_FR", 3)
    out = []
    for i in range(rows):
        female = rng.random() < 0.55
        first = fk.first_name_female() if female else fk.first_name_male()
        second = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _dob(rng, 1996, 2006)
        foreign = rng.random() < 0.12
        birth_city, _, bdept = rng.choice(_FR_PLACES)
        if foreign:
            birth_city = rng.choice(["Casablanca", "Alger", "Dakar", "Tunis", "Bucarest", "Abidjan", "Porto"])
            bdept = "99"
        city, cp, _ = rng.choice(_FR_PLACES)
        diplome, ufr = rng.choice(_FR_DIPLOMES)
        boursier = rng.random() < 0.35
        ent = (_ascii(first)[0] + _ascii(last))[:8] + str(rng.randint(1, 9)) if rng.random() < 0.7 else \
            f"{_ascii(first)}.{_ascii(last)}"
        urgence = f"{fk.first_name()} {last if rng.random() < 0.7 else fk.last_name()}"
        out.append({
            "N° étudiant": f"{21900000 + i * 7 + rng.randint(0, 6)}",
            "Civilité": "Mme" if female else "M.",
            "Nom de famille": last.upper(),
            "Nom d'usage": _sparse(rng, fk.last_name().upper(), 0.93),
            "Prénom": first,
            "Deuxième prénom": _sparse(rng, second, 0.5),
            "Date de naissance": rng.choice([f"{dob:%d/%m/%Y}", f"{dob:%d/%m/%Y}", f"{dob:%Y-%m-%d}"]),
            "Ville de naissance": birth_city.upper() if rng.random() < 0.5 else birth_city,
            "Dépt naissance": bdept,
            "Pays de naissance": "FRANCE" if not foreign else rng.choice(["MAROC", "ALGERIE", "SENEGAL", "TUNISIE",
                                                                         "ROUMANIE", "COTE D'IVOIRE", "PORTUGAL"]),
            "Nationalité": "Française" if rng.random() < 0.85 else rng.choice(["Marocaine", "Algérienne",
                                                                               "Italienne", "Roumaine"]),
            "N° INSEE": _sparse(rng, _nir(rng, female, dob, bdept), 0.08),
            "Adresse (ligne 1)": fk.street_address(),
            "Code postal": cp,
            "Commune": city.upper(),
            "Tél. portable": _sparse(rng, _fr_phone(rng), 0.05),
            "Mél personnel": _email(rng, first, last, ["gmail.com", "hotmail.fr", "orange.fr", "yahoo.fr",
                                                        "outlook.fr", "laposte.net", "free.fr", "icloud.com"]),
            "Mél universitaire": f"{_ascii(first)}.{_ascii(last)}@etu.univ-lyon2.fr",
            "Identifiant ENT": ent,
            "Composante": ufr,
            "Diplôme": diplome,
            "Code étape": f"{rng.choice(['L', 'M', 'D'])}{rng.randint(1, 3)}{rng.choice(['DRO', 'PSY', 'ECO', 'INF'])}"
                          f"{rng.randint(10, 99)}",
            "Année univ.": rng.choice(["2023/2024", "2024/2025", "2024/2025"]),
            "Régime d'inscription": rng.choice(["Formation initiale", "Formation initiale", "Formation continue",
                                                 "Reprise d'études", "Apprentissage"]),
            "Boursier (O/N)": "O" if boursier else "N",
            "Échelon bourse": rng.choice(["0bis", "1", "2", "3", "4", "5", "6", "7"]) if boursier else "",
            "Droits payés (€)": "0,00" if boursier else rng.choice(["175,00", "250,00", "380,00"]),
            "Date IA": f"{_dob(rng, 2024, 2024):%d/%m/%Y}",
            "Série bac": rng.choice(["Générale", "Générale", "STMG", "STI2D", "ST2S", "Pro", "DAEU", "ES", "S"]),
            "Moyenne S1": _sparse(rng, f"{rng.uniform(4, 18):.2f}".replace(".", ","), 0.2, ("", "ABI", "DEF")),
            "Personne à prévenir": _sparse(rng, urgence, 0.3),
            "Tél. personne à prévenir": _sparse(rng, _fr_phone(rng), 0.35),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (d) ES alquiler

_ES_PLACES = [
    ("Madrid", "Madrid", "280"), ("Barcelona", "Barcelona", "080"), ("Valencia", "Valencia", "460"),
    ("Sevilla", "Sevilla", "410"), ("Zaragoza", "Zaragoza", "500"), ("Málaga", "Málaga", "290"),
    ("Alicante", "Alicante", "030"), ("Getafe", "Madrid", "289"), ("L'Hospitalet de Llobregat", "Barcelona", "089"),
    ("Bilbao", "Bizkaia", "480"), ("Vigo", "Pontevedra", "362"), ("Granada", "Granada", "180"),
    ("Almería", "Almería", "040"), ("Badalona", "Barcelona", "089"), ("Oviedo", "Asturias", "330"),
    ("Ávila", "Ávila", "050"), ("Palma", "Illes Balears", "070"), ("Murcia", "Murcia", "300"),
]
_ES_AGENCIAS = ["Tecnocasa", "Engel & Völkers", "Redpiso", "Century 21", "Gilmar", "Particular", "Particular",
                "Alquiler Seguro", "Donpiso"]
_ES_OBS = ["", "", "", "Incluye plaza de garaje", "Mascotas permitidas", "Gastos de comunidad incluidos",
           "Pendiente de firma del avalista", "Renovación tácita anual", "Amueblado", "Sin ascensor, 3º piso",
           "Contrato de temporada (estudiantes)"]


def _es_phone(rng: random.Random) -> str:
    n = rng.choice(["6", "6", "7", "9"]) + _digits(rng, 8)
    return rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+34 {n}", f"+34 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"])


def _es_alquiler(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("es_ES", 4)
    out = []
    for i in range(rows):
        city, prov, cp3 = rng.choice(_ES_PLACES)
        cp = int(cp3 + f"{rng.randint(1, 40):02d}")
        start = _dob(rng, 2019, 2025)
        months = rng.choice([12, 12, 60, 60, 60, 84, 11, 6])
        renta = rng.randrange(450, 2400, 25)
        tenant_first, tenant_last = fk.first_name(), f"{fk.last_name()} {fk.last_name()}"
        dob = _dob(rng, 1950, 2004)
        owner = f"{fk.first_name()} {fk.last_name()} {fk.last_name()}"
        out.append({
            "Nº Contrato": f"ALQ-{start.year}-{i + 1:06d}",
            "Ref. Catastral": f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}"
                              f"{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}{rng.randint(1000, 9999)}"
                              f"{rng.choice('NSEW')}{rng.randint(1, 99):04d}{rng.choice('ABCDEFGHJKLMNP')}"
                              f"{rng.choice('ABCDEFGHJKLMNP')}",
            "Dirección del inmueble": fk.street_address() + rng.choice(["", "", ", 2º 1ª", ", 4ºB", ", bajo"]),
            "Municipio": city,
            "Provincia": prov,
            "C.P.": cp,
            "Superficie (m²)": rng.randint(28, 180),
            "Nº habitaciones": rng.choice([0, 1, 2, 2, 3, 3, 4]),
            "Renta mensual (€)": float(renta),
            "Fianza (€)": float(renta * rng.choice([1, 1, 2])),
            "Fecha inicio": start,
            "Fecha fin": start + timedelta(days=int(months * 30.4)),
            "Duración (meses)": months,
            "Arrendador - Nombre y apellidos": owner,
            "NIF arrendador": _dni(rng),
            "Arrendatario": f"{tenant_first} {tenant_last}",
            "DNI/NIE arrendatario": _nie(rng) if rng.random() < 0.2 else _dni(rng),
            "F. nacimiento arrendatario": _sparse(rng, dob, 0.1, (None,)),
            "Teléfono arrendatario": _es_phone(rng),
            "Email arrendatario": _sparse(rng, _email(rng, tenant_first, tenant_last,
                                                      ["gmail.com", "hotmail.com", "hotmail.es", "yahoo.es",
                                                       "outlook.es", "telefonica.net"]), 0.1),
            "IBAN domiciliación": _sparse(rng, _group4(_es_iban(rng)) if rng.random() < 0.5 else _es_iban(rng),
                                          0.15),
            "Avalista": _sparse(rng, f"{fk.first_name()} {fk.last_name()} {fk.last_name()}", 0.75),
            "Agencia": rng.choice(_ES_AGENCIAS),
            "Honorarios agencia (%)": rng.choice([0, 0, 5, 8, 10]),
            "Certificado energético": rng.choice(list("ABCDEEEFFG") + ["En trámite"]),
            "Fianza depositada (S/N)": rng.choice(["S", "S", "S", "N"]),
            "Actualización renta": rng.choice(["IPC", "IRAV", "Sin actualización", "IPC"]),
            "Observaciones": rng.choice(_ES_OBS),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (e) IT spedizioni

_IT_PLACES = [
    ("Roma", "RM", "00", "H501"), ("Milano", "MI", "201", "F205"), ("Napoli", "NA", "801", "F839"),
    ("Torino", "TO", "101", "L219"), ("Bologna", "BO", "401", "A944"), ("Firenze", "FI", "501", "D612"),
    ("Genova", "GE", "161", "D969"), ("Bari", "BA", "701", "A662"), ("Palermo", "PA", "901", "G273"),
    ("Verona", "VR", "371", "L781"), ("Padova", "PD", "351", "G224"), ("Brescia", "BS", "251", "B157"),
    ("Latina", "LT", "04100", "E472"), ("Frosinone", "FR", "03100", "D810"), ("Viterbo", "VT", "01100", "M082"),
    ("Ciampino", "RM", "00043", "M272"), ("Monza", "MB", "20900", "F704"), ("Pescara", "PE", "65121", "G482"),
]
_IT_SENDERS = [("Zalando SE", "IT01234567890"), ("ePrice S.p.A.", "IT03495470969"),
               ("Farmacia Centrale Srl", "IT05612340011"), ("Arredo Casa Design Srl", "IT09234560157"),
               ("Yoox Net-a-Porter Group", "IT02050120241"), ("Tecnoshop Italia Srl", "IT11783450964")]
_IT_NOTES = ["", "", "", "Lasciare in portineria", "Consegna al piano", "Non suonare dopo le 19", "Fragile",
             "Chiamare prima della consegna", "Cancello verde, scala B", "Ritiro presso punto Fermopoint"]


def _it_piva(rng: random.Random) -> str:
    base = _digits(rng, 7) + rng.choice(["001", "096", "058", "015", "063"])
    total = 0
    for i, c in enumerate(base):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return base + str((10 - total % 10) % 10)


def _it_phone(rng: random.Random) -> str:
    if rng.random() < 0.8:
        n = "3" + rng.choice(["33", "35", "40", "47", "49", "66", "88", "20", "28"]) + _digits(rng, 7)
        return rng.choice([f"{n[:3]} {n[3:]}", n, f"+39 {n[:3]} {n[3:]}", f"+39{n}", f"{n[:3]}/{n[3:]}"])
    n = rng.choice(["06", "02", "081", "011", "051"]) + _digits(rng, 7)
    return rng.choice([n, f"+39 {n}"])


def _it_sped(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("it_IT", 5)
    drivers = sorted({f"{fk.first_name_male()} {fk.last_name()}" for _ in range(40)})
    out = []
    for i in range(rows):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        city, prov, cap_base, belf = rng.choice(_IT_PLACES)
        cap = cap_base if len(cap_base) == 5 else cap_base + _digits(rng, 5 - len(cap_base))
        ritiro = datetime(2024, 1, 2, 8) + timedelta(minutes=rng.randint(0, 525_000))
        consegnato = rng.random() < 0.8
        sender, piva = rng.choice(_IT_SENDERS)
        cod = rng.random() < 0.2
        dob = _dob(rng, 1950, 2004)
        out.append({
            "ID_SPEDIZIONE": i + 5_000_001,
            "LDV": f"{rng.randint(10**11, 10**12 - 1)}",
            "DATA_RITIRO": ritiro,
            "DATA_CONSEGNA_PREV": (ritiro + timedelta(days=rng.randint(1, 4))).date().isoformat(),
            "MITTENTE_RAGIONE_SOCIALE": sender,
            "MITTENTE_PIVA": piva[:2] + _it_piva(rng) if rng.random() < 0.3 else piva,
            "DEST_NOMINATIVO": f"{last} {first}".upper() if rng.random() < 0.5 else f"{first} {last}",
            "DEST_INDIRIZZO": fk.street_address(),
            "DEST_CAP": int(cap),
            "DEST_LOCALITA": city.upper(),
            "DEST_PROV": prov,
            "DEST_TEL": _sparse(rng, _it_phone(rng), 0.1, (None,)),
            "DEST_EMAIL": _sparse(rng, _email(rng, first, last, ["libero.it", "gmail.com", "alice.it", "hotmail.it",
                                                                 "virgilio.it", "tiscali.it", "yahoo.it"]),
                                  0.25, (None,)),
            "DEST_CODICE_FISCALE": _codice_fiscale(rng, first, last, dob, female, belf) if cod else None,
            "NOTE_CONSEGNA": rng.choice(_IT_NOTES),
            "PESO_KG": round(rng.uniform(0.2, 30), 1),
            "NUM_COLLI": rng.choice([1, 1, 1, 2, 3]),
            "VOLUME_M3": round(rng.uniform(0.001, 0.25), 3),
            "CONTRASSEGNO_EUR": round(rng.uniform(9.9, 400), 2) if cod else 0.0,
            "SERVIZIO": rng.choice(["EXPRESS", "STANDARD", "STANDARD", "PRIORITY 10:30", "SABATO"]),
            "STATO": "CONSEGNATA" if consegnato else rng.choice(["IN TRANSITO", "GIACENZA", "IN CONSEGNA",
                                                                 "RESO AL MITTENTE"]),
            "FIRMATARIO": (rng.choice([f"{first} {last}".upper(), last.upper(), f"{fk.first_name()} {last}"])
                           if consegnato and rng.random() < 0.85 else None),
            "AUTISTA": rng.choice(drivers),
            "TARGA_MEZZO": f"{rng.choice('ABCDEFG')}{rng.choice('ABCDEFGHJKLMNPRSTVWXYZ')}"
                           f"{rng.randint(100, 999)}{rng.choice('ABCDEFGHJKLMN')}{rng.choice('ABCDEFGHJKLMN')}",
            "HUB": rng.choice(["HUB ROMA FIUMICINO", "HUB MILANO PESCHIERA", "HUB BOLOGNA INTERPORTO", "HUB NAPOLI NOLA"]),
            "TRACKING_URL": f"https://track.corriere-espresso.it/ldv/{rng.randint(10**11, 10**12 - 1)}",
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (f) NO barnehage (Oslo kommune)

_NO_STREETS = ["Thereses gate", "Trondheimsveien", "Kirkeveien", "Ullevålsveien", "Markveien", "Sørkedalsveien",
               "Bygdøy allé", "Jerikoveien", "Tvetenveien", "Lambertseterveien", "Kjelsåsveien", "Maridalsveien",
               "Holmlia senter vei", "Sognsveien", "Grefsenveien", "Tåsenveien", "Hasleveien", "Ekebergveien",
               "Haugerudveien", "Romsåsveien", "Vækerøveien", "Bogstadveien", "Toftes gate", "Sandakerveien"]
_NO_POST = [("0171", "OSLO"), ("0257", "OSLO"), ("0355", "OSLO"), ("0456", "OSLO"), ("0473", "OSLO"),
            ("0558", "OSLO"), ("0575", "OSLO"), ("0661", "OSLO"), ("0681", "OSLO"), ("0773", "OSLO"),
            ("0870", "OSLO"), ("0950", "OSLO"), ("0987", "OSLO"), ("1061", "OSLO"), ("1178", "OSLO"),
            ("1253", "OSLO"), ("1283", "OSLO"), ("1470", "LØRENSKOG"), ("1481", "HAGAN"), ("1357", "BEKKESTUA")]
_NO_BHG = [("Tøyen barnehage", ["Blåklokka", "Maurtua"]), ("Sagene barnehage", ["Ekornet", "Revene", "Ugla"]),
           ("Nordre Åsen barnehage", ["Troll", "Nisse"]), ("Holmlia barnehage", ["Solsikken", "Fiolen"]),
           ("Kjelsås barnehage", ["Bjørnebo", "Humla", "Marihøna"]), ("Lambertseter barnehage", ["Stjerna", "Månen"])]
_NO_HENSYN = ["", "", "", "", "Nøtteallergi", "Laktoseintoleranse", "Glutenfritt", "Vegetar", "Ikke svin",
              "Astma - inhalator i sekken", "Trenger sovevogn"]


def _no_phone(rng: random.Random) -> str:
    n = rng.choice(["4", "9"]) + _digits(rng, 7)
    return rng.choice([n, f"{n[:3]} {n[3:5]} {n[5:]}", f"+47 {n[:3]} {n[3:5]} {n[5:]}", f"+47{n}",
                       f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"])


def _no_bhg(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("no_NO", 6)
    out = []
    for i in range(rows):
        girl = rng.random() < 0.5
        first = fk.first_name_female() if girl else fk.first_name_male()
        last = fk.last_name()
        dob = _dob(rng, 2019, 2024)
        fnr = _fnr(rng, dob)
        bhg, avds = rng.choice(_NO_BHG)
        p1_first = fk.first_name_female()
        p2_first = fk.first_name_male()
        p2_last = last if rng.random() < 0.6 else fk.last_name()
        has_p2 = rng.random() < 0.7
        postnr, poststed = rng.choice(_NO_POST)
        pct = rng.choice([100, 100, 100, 80, 60])
        out.append({
            "Barn-ID": 310000 + i,
            "Barnets fornavn": first,
            "Barnets etternavn": last,
            "Fødselsdato": f"{dob:%d.%m.%Y}",
            "Fødselsnummer": float(fnr) if rng.random() < 0.3 else fnr,
            "Kjønn": "J" if girl else "G",
            "Barnehage": bhg,
            "Avdeling": rng.choice(avds),
            "Oppstartsdato": f"{max(dob + timedelta(days=365), date(2020, 8, 1)):%d.%m.%Y}",
            "Plasstype": f"{pct} %",
            "Oppholdstid t/uke": 41 * pct // 100,
            "Foresatt 1 navn": f"{p1_first} {last if rng.random() < 0.7 else fk.last_name()}",
            "Foresatt 1 mobil": _no_phone(rng),
            "Foresatt 1 e-post": _sparse(rng, _email(rng, p1_first, last, ["gmail.com", "hotmail.com", "online.no",
                                                                           "outlook.com", "icloud.com"]), 0.1),
            "Foresatt 2 navn": f"{p2_first} {p2_last}" if has_p2 else "",
            "Foresatt 2 mobil": _no_phone(rng) if has_p2 and rng.random() < 0.9 else "",
            "Adresse": f"{rng.choice(_NO_STREETS)} {rng.randint(1, 120)}{rng.choice(['', '', '', 'A', 'B'])}",
            "Postnr": f"{float(postnr)}" if rng.random() < 0.5 else postnr,
            "Poststed": poststed.title() if rng.random() < 0.2 else poststed,
            "Søskenmoderasjon %": rng.choice([0, 0, 0, 30, 50]),
            "Redusert foreldrebetaling (J/N)": rng.choice(["N", "N", "N", "J"]),
            "Månedspris kr": rng.choice([3000, 3000, 2000, 1500]) * pct // 100,
            "Hensyn/allergier": rng.choice(_NO_HENSYN),
            "Hentes også av": _sparse(rng, f"{fk.first_name()} {fk.last_name()}", 0.7),
            "Kontonr. refusjon": _sparse(rng, _no_konto(rng), 0.8),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (g) helpdesk tickets

_HD_SUBJECTS = ["Can't log in after password reset", "Invoice shows wrong VAT rate", "App crashes on Android 14",
                "Refund not received", "How do I export my data?", "Order arrived damaged", "2FA code never arrives",
                "Feature request: dark mode", "Subscription charged twice", "Sync stuck at 99%",
                "Delivery tracking not updating", "Cancel my plan", "Error 502 on checkout page"]
_HD_DESC = [
    "Hi, since this morning the app shows a spinner forever after login. Tried reinstalling, same thing.",
    "The invoice for last month lists 20% VAT but we are VAT-registered in Ireland. Please reissue.",
    "When I click Export the file is empty.\nSteps: Settings > Data > Export CSV.\nBrowser: Chrome 126.",
    "Hello,\n\nI was charged twice for the annual plan. Can you refund one of the charges?\n\nThanks",
    "Parcel arrived with a broken corner and the screen is cracked. Photos attached.",
    "Please add a dark mode, my eyes hurt at night.",
    "Checkout returns 502 Bad Gateway intermittently, mostly around 6pm.",
    "The sync has been stuck at 99% for two days on my MacBook.",
    "I never receive the SMS code for two-factor login.",
    "",
]
_HD_AGENTS = ["Priya Raman", "Tom Whitaker", "Sinead O'Connell", "Marcus Lee", "Hannah Kowalczyk", "Diego Alvarez",
              "Grace Mbeki", "Oliver Bennett"]
_HD_ORGS = ["", "", "Acme Logistics Ltd", "Brightside Dental", "Northwind Traders", "Keller & Partner LLP",
            "Blue Fern Cafe", "Harbour City Council"]
_HD_PLACES = ["Leeds, United Kingdom", "Manchester, UK", "Dublin, Ireland", "Bristol", "Austin, TX",
              "Toronto, Canada", "Glasgow, Scotland", "Cardiff", "Denver, CO", "Cork", "Brighton, United Kingdom",
              "Auckland, New Zealand", "Melbourne, VIC"]


def _uk_phone(rng: random.Random) -> str:
    n = "7" + _digits(rng, 9)
    return rng.choice([f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"+44{n}", f"0{n}",
                       f"+1 ({rng.randint(201, 989)}) {_digits(rng, 3)}-{_digits(rng, 4)}"])


def _helpdesk(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    fk_gb = _faker("en_GB", 7)
    fk_us = _faker("en_US", 8)
    out = []
    base = datetime(2024, 3, 1, 9, 0)
    for i in range(rows):
        fk = fk_gb if rng.random() < 0.6 else fk_us
        first, last = fk.first_name(), fk.last_name()
        created = base + timedelta(minutes=rng.randint(0, 400_000))
        status = rng.choice(["solved", "solved", "closed", "open", "pending", "new", "hold"])
        assignee = rng.choice(_HD_AGENTS) if status != "new" else ""
        ch = rng.choice(["email", "web", "web", "api", "mobile_sdk", "voice", "chat"])
        req_email = _email(rng, first, last, ["gmail.com", "yahoo.co.uk", "outlook.com", "btinternet.com",
                                               "hotmail.co.uk", "protonmail.com", "comcast.net", "icloud.com"])
        submitter = f"{first} {last}" if rng.random() < 0.85 else (assignee or rng.choice(_HD_AGENTS))
        solved = created + timedelta(minutes=rng.randint(20, 9000)) if status in ("solved", "closed") else None
        out.append({
            "Id": 48210 + i,
            "Requester": f"{first} {last}" if rng.random() < 0.9 else first,
            "Requester id": rng.randint(10**11, 10**12),
            "Requester external id": _sparse(rng, f"CUS-{rng.randint(100000, 999999)}", 0.5),
            "Requester email": req_email,
            "Requester domain": req_email.split("@")[1],
            "Requester phone": _sparse(rng, _uk_phone(rng), 0.7),
            "Requester location": _sparse(rng, rng.choice(_HD_PLACES), 0.55),
            "Requester IP [ip]": _sparse(rng, fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6(), 0.4),
            "Submitter": submitter,
            "Assignee": assignee,
            "Assignee email": (f"{_ascii(assignee.split()[0])}.{_ascii(assignee.split()[1])}@supportdesk.io"
                               if assignee else ""),
            "Group": rng.choice(["Tier 1", "Tier 2", "Billing", "Returns", "Tech Escalations"]),
            "Organization": rng.choice(_HD_ORGS),
            "Subject": rng.choice(_HD_SUBJECTS),
            "Description": rng.choice(_HD_DESC),
            "Tags": " ".join(sorted(rng.sample(["billing", "refund", "android", "ios", "vip", "login", "bug",
                                                "shipping", "churn_risk", "macro_used"], rng.randint(0, 3)))),
            "Status": status,
            "Priority": rng.choice(["low", "normal", "normal", "high", "urgent", "-"]),
            "Via": ch,
            "Ticket type": rng.choice(["question", "incident", "problem", "task", "-"]),
            "Created at": created.strftime("%Y-%m-%d %H:%M:%S"),
            "Updated at": (created + timedelta(minutes=rng.randint(1, 12000))).strftime("%Y-%m-%d %H:%M:%S"),
            "Solved at": solved.strftime("%Y-%m-%d %H:%M:%S") if solved else "",
            "Satisfaction Score": rng.choice(["Good", "Bad", "Offered", "Unoffered", "Unoffered"]),
            "Reopens": rng.choice([0, 0, 0, 1, 2]),
            "First reply time in minutes": rng.randint(1, 2000) if status != "new" else None,
            "Full resolution time in minutes": int((solved - created).total_seconds() // 60) if solved else None,
            "Order number [txt]": _sparse(rng, f"#{rng.randint(100000, 999999)}", 0.5),
            "Card last 4 [txt]": _sparse(rng, f"**** {rng.randint(0, 9999):04d}", 0.8),
            "Card on file [legacy]": _sparse(rng, _card_luhn(rng, rng.choice(["4", "51", "53", "55"])), 0.85),
            "App username [txt]": _sparse(rng, _handle(rng, first, last), 0.45),
            "Callback number [txt]": _sparse(rng, _uk_phone(rng), 0.85),
            "CCs": _sparse(rng, _email(rng, fk.first_name(), last, ["gmail.com", "outlook.com", "work-mail.co.uk"]),
                           0.85),
            "Browser": _sparse(rng, fk.user_agent(), 0.5),
            "Ticket form": rng.choice(["Default Ticket Form", "Billing form", "Bug report"]),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "au_super_members": _au_super,
    "de_kk_mitglieder": _de_kk,
    "fr_scolarite_inscriptions": _fr_scol,
    "es_contratos_alquiler": _es_alquiler,
    "it_spedizioni": _it_sped,
    "no_barnehage_barn": _no_bhg,
    "helpdesk_tickets": _helpdesk,
}
_ROW_FACTOR = {"au_super_members": 1.0, "de_kk_mitglieder": 0.9, "fr_scolarite_inscriptions": 0.8,
               "es_contratos_alquiler": 0.6, "it_spedizioni": 1.0, "no_barnehage_barn": 0.55,
               "helpdesk_tickets": 0.75}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory: {table: DataFrame}; row counts are fixed fractions of `rows` (min 1000)."""
    return {t: _BUILDERS[t](max(1000, int(rows * _ROW_FACTOR[t])) if rows >= 1000 else rows) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        p = out_dir / _FILES[name]
        if name == "au_super_members":
            df.to_csv(p, index=False, encoding="utf-8", lineterminator="\r\n")
        elif name == "de_kk_mitglieder":
            df.to_csv(p, index=False, sep=";", encoding="cp1252")
        elif name == "fr_scolarite_inscriptions":
            df.to_csv(p, index=False, sep=";", encoding="utf-8-sig")
        elif name == "es_contratos_alquiler":
            df.to_excel(p, index=False, sheet_name="Contratos", engine="openpyxl")
        elif name == "it_spedizioni":
            df.to_parquet(p, index=False)
        elif name == "no_barnehage_barn":
            df.astype(str).replace({"nan": ""}).to_csv(p, index=False, sep="\t", encoding="latin-1")
        elif name == "helpdesk_tickets":
            with open(p, "w", encoding="utf-8") as fh:
                for rec in df.to_dict(orient="records"):
                    clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                    fh.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")
        paths[name] = p
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for t, path in write_all(target).items():
        print(t, path)
