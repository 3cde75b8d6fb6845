"""Blind held-out set 11 for the PII scanner: seven tables that look like real exports.

Domains: US health-insurance eligibility file, German university library / Mensa campus-card
export, French municipal school-canteen registrations, Spanish travel-agency bookings, Swedish
housing-cooperative member register, Italian gas/electricity supply contracts, English HR
performance-review export. Labels live in labels.yaml (written by hand, before any scanner run).

Usage: python bench/heldout11/gen_heldout11.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import string
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 11110
HERE = Path(__file__).resolve().parent

TABLES = (
    "us_elig_834",
    "de_campuscard",
    "fr_cantine",
    "es_reservas",
    "se_brf_medlem",
    "it_contratti_luce_gas",
    "uk_perf_reviews",
)

FILES = {
    "us_elig_834": "ELIG_FULLFILE_GRP4471_20240601.csv",
    "de_campuscard": "campuscard_bibliothek_export.xlsx",
    "fr_cantine": "inscriptions_restauration_scolaire_2023-2024.csv",
    "es_reservas": "reservas_viajeros_2024.jsonl",
    "se_brf_medlem": "medlemsforteckning_brf_granen.csv",
    "it_contratti_luce_gas": "contratti_fornitura_luce_gas.parquet",
    "uk_perf_reviews": "performance_reviews_FY24_export.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    return {t: dict(doc[t]["columns"]) for t in TABLES}


# ---------------------------------------------------------------- check digits

def _luhn_digit(payload: str) -> str:
    """Luhn check digit for a digit string (digit to append)."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _iban(country: str, bban: str) -> str:
    """Build an IBAN with correct ISO 7064 mod-97 check digits."""
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


_CF_ODD = {
    **dict(zip("0123456789", (1, 0, 5, 7, 9, 13, 15, 17, 19, 21), strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23), strict=True)),
}


def _cf_even(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - 65


def _it_cin(body: str) -> str:
    """Italian BBAN CIN letter over ABI+CAB+account (22 chars)."""
    total = sum(_CF_ODD[c] if i % 2 == 0 else _cf_even(c) for i, c in enumerate(body))
    return chr(65 + total % 26)


def _ascii_upper(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and c.isalpha()).upper()


def _cf_part(s: str, is_name: bool) -> str:
    letters = _ascii_upper(s)
    cons = [c for c in letters if c not in "AEIOU"]
    vows = [c for c in letters if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return ("".join(cons + vows) + "XXX")[:3]


def _codice_fiscale(surname: str, name: str, dob: dt.date, female: bool, belfiore: str) -> str:
    """Italian codice fiscale with correct check character (no omocodia)."""
    day = dob.day + (40 if female else 0)
    body = (_cf_part(surname, False) + _cf_part(name, True) + f"{dob.year % 100:02d}"
            + "ABCDEHLMPRST"[dob.month - 1] + f"{day:02d}" + belfiore)
    total = sum(_CF_ODD[c] if i % 2 == 0 else _cf_even(c) for i, c in enumerate(body))
    return body + chr(65 + total % 26)


def _nir(female: bool, dob: dt.date, dept: int, rng: random.Random) -> str:
    """French NIR (numéro de sécurité sociale) with its 2-digit key."""
    base = f"{2 if female else 1}{dob.year % 100:02d}{dob.month:02d}{dept:02d}{rng.randint(1, 899):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(base) % 97
    return base + f"{key:02d}"


def _dni(rng: random.Random) -> str:
    n = rng.randint(1_000_000, 99_999_999)
    return f"{n:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]


def _nie(rng: random.Random) -> str:
    p = rng.choice("XYZ")
    n = rng.randint(0, 9_999_999)
    return f"{p}{n:07d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[int(f"{'XYZ'.index(p)}{n:07d}") % 23]


def _personnummer(dob: dt.date, female: bool, rng: random.Random) -> tuple[str, str]:
    """Swedish personnummer: (YYMMDD, NNNC) with Luhn check digit and gendered 3rd digit."""
    yymmdd = dob.strftime("%y%m%d")
    serial = rng.randint(0, 99) * 10 + rng.choice((0, 2, 4, 6, 8) if female else (1, 3, 5, 7, 9))
    nnn = f"{serial:03d}"
    return yymmdd, nnn + _luhn_digit(yymmdd + nnn)


def _ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _npi(rng: random.Random) -> str:
    base = str(rng.choice((1, 2))) + f"{rng.randint(0, 99_999_999):08d}"
    return base + _luhn_digit("80840" + base)


def _card(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        body = "4" + "".join(rng.choice(string.digits) for _ in range(14))
    elif kind < 0.85:
        body = str(rng.randint(51, 55)) + "".join(rng.choice(string.digits) for _ in range(13))
    else:
        body = rng.choice(("34", "37")) + "".join(rng.choice(string.digits) for _ in range(12))
        return body + _luhn_digit(body)
    return body + _luhn_digit(body)


def _nino(rng: random.Random) -> str:
    bad_first, bad_second = set("DFIQUV"), set("DFIOQUV")
    firsts = sorted(set(string.ascii_uppercase) - bad_first)
    seconds = sorted(set(string.ascii_uppercase) - bad_second)
    while True:
        pre = rng.choice(firsts) + rng.choice(seconds)
        if pre not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
            break
    return pre + f"{rng.randint(0, 999_999):06d}" + rng.choice("ABCD")


# ---------------------------------------------------------------- helpers

def _fakers() -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(("en_US", "de_DE", "fr_FR", "es_ES", "sv_SE", "it_IT", "en_GB")):
        f = Faker(loc)
        f.seed_instance(SEED + i)
        out[loc] = f
    return out


def _dob(rng: random.Random, lo: int, hi: int, ref: dt.date = dt.date(2024, 6, 1)) -> dt.date:
    """A birth date between lo and hi years before ref."""
    start = ref - dt.timedelta(days=int(hi * 365.25))
    end = ref - dt.timedelta(days=int(lo * 365.25))
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _when(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _blank(rng: random.Random, value, p: float, fill=""):
    return fill if rng.random() < p else value


def _slug(s: str) -> str:
    return _ascii_upper(s).lower()


# ---------------------------------------------------------------- (a) US eligibility

def _us_elig(n: int, rng: random.Random, f: Faker) -> pd.DataFrame:
    plans = [("PPO500", "BlueChoice PPO 500"), ("HMO20", "HMO Select 20"), ("HDHP3K", "HDHP HSA 3000"),
             ("EPO1K", "EPO Value 1000"), ("DEN01", "Dental Basic"), ("VIS01", "Vision Plus")]
    employers = ["Harbor Freight Logistics LLC", "Mid-Valley School District", "Cascade Dental Group PC",
                 "Northwind Foods Inc", "Sunrise Senior Living", "Apex Tool & Die Co"]
    pcps = [(f"{f.last_name().upper()}, {f.first_name().upper()} {rng.choice(['MD', 'DO', 'NP', 'PA-C'])}",
             _npi(rng)) for _ in range(120)]
    rows = []
    sub = None
    for _i in range(n):
        is_sub = sub is None or rng.random() < 0.45
        female = rng.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        if is_sub:
            last = f.last_name()
            dob = _dob(rng, 22, 66)
            rel = "18"
            addr = f.street_address()
            apt = rng.choice(["", "", "", f"APT {rng.randint(1, 40)}{rng.choice('ABCD')}", f"UNIT {rng.randint(100, 999)}"])
            city, state, zipc = f.city(), f.state_abbr(), f.zipcode()
            if rng.random() < 0.3:
                zipc = f"{zipc}-{rng.randint(1, 9999):04d}"
            sub = dict(last=last, first=first, addr=addr, apt=apt, city=city, state=state, zip=zipc,
                       phone=f.numerify(rng.choice(["(###) ###-####", "###-###-####", "##########", "###.###.####"])),
                       email=f"{_slug(first)}{rng.choice(['.', '_', ''])}{_slug(last)}{rng.randint(1, 99) if rng.random() < .4 else ''}@{rng.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'comcast.net', 'aol.com'])}",
                       sid=f"{rng.randint(100_000_000, 999_999_999)}", plan=rng.choice(plans), emp=rng.choice(employers),
                       pcp=rng.choice(pcps), eff=_when(rng, dt.date(2015, 1, 1), dt.date(2024, 5, 1)).replace(day=1))
            seq = 0
        else:
            last = sub["last"] if rng.random() < 0.85 else f.last_name()
            rel = rng.choice(["01", "19", "19", "19"])
            dob = _dob(rng, 24, 60) if rel == "01" else _dob(rng, 0, 25)
            seq += 1
        ssn = _ssn(rng)
        r = rng.random()
        if r < 0.15:
            ssn = ssn.replace("-", "")
        elif r < 0.22:
            ssn = str(int(ssn.replace("-", "")))  # read as a number upstream: leading zeros lost
        elif r < 0.28 and not is_sub:
            ssn = ""
        term = "" if rng.random() < 0.85 else _when(rng, dt.date(2024, 6, 30), dt.date(2024, 12, 31)).strftime("%Y%m%d")
        rows.append({
            "MEMBER_ID": f"{sub['sid']}{0 if is_sub else seq:02d}",
            "SUBSCRIBER_ID": sub["sid"],
            "REL_CD": rel,
            "SUB_FULL_NAME": f"{sub['last'].upper()}, {sub['first'].upper()}",
            "MBR_LAST_NM": last.upper(),
            "MBR_FIRST_NM": first.upper(),
            "MBR_MID_NM": _blank(rng, (f.first_name_female() if female else f.first_name_male()).upper(), 0.55),
            "GENDER": "F" if female else "M",
            "DOB": dob.strftime("%Y%m%d") if rng.random() < 0.8 else dob.strftime("%m/%d/%Y"),
            "SSN": ssn,
            "ADDR_LINE_1": sub["addr"].upper(),
            "ADDR_LINE_2": sub["apt"],
            "CITY": sub["city"].upper(),
            "ST": sub["state"],
            "ZIP": sub["zip"],
            "HOME_PHONE": _blank(rng, sub["phone"], 0.2),
            "EMAIL_ADDR": _blank(rng, sub["email"], 0.35),
            "GROUP_NO": "GRP4471",
            "DIVISION": f"{rng.choice([1, 2, 3, 5, 10]):03d}",
            "EMPLOYER_NAME": sub["emp"],
            "PLAN_CD": sub["plan"][0],
            "PLAN_DESC": sub["plan"][1],
            "COV_TIER": rng.choice(["EE", "ES", "EC", "FAM"]),
            "COV_EFF_DT": sub["eff"].strftime("%Y%m%d"),
            "COV_TERM_DT": term,
            "PCP_NPI": sub["pcp"][1],
            "PCP_NAME": sub["pcp"][0],
            "TOBACCO_IND": rng.choice(["N", "N", "N", "Y", "U"]),
            "COBRA_FLG": "Y" if rng.random() < 0.04 else "N",
            "MONTHLY_PREM": f"{rng.uniform(180, 1900):.2f}",
            "MAINT_TYPE_CD": rng.choice(["030", "021", "001", "024"]),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (b) DE campus card / library

def _de_campus(n: int, rng: random.Random, f: Faker) -> pd.DataFrame:
    fak = ["Fak. 01 Rechtswiss.", "Fak. 03 Wirtschaftswiss.", "Fak. 05 Philosophie", "Fak. 07 Mathematik/Informatik",
           "Fak. 08 Physik", "Fak. 11 Medizin", "ZE Verwaltung"]
    studg = ["B.Sc. Informatik", "M.Sc. Physik", "B.A. Germanistik", "Staatsexamen Jura", "M.Ed. Mathematik",
             "B.Sc. BWL", "Promotion", "—"]
    bem = ["", "", "", "", "Ersatzkarte ausgestellt (Verlust)", "Karte defekt, Chip tauschen",
           "Fernleihe offen", "Mahnstufe 2", "Ausweis bis Semesterende gültig", "Rückgabe über Buchrückgabeautomat",
           "Gastkarte – Pfand 10 € hinterlegt"]
    banks = ["10010010", "20050550", "37040044", "50010517", "60050101", "70150000", "43060967", "12030000"]
    rows = []
    for _i in range(n):
        female = rng.random() < 0.52
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name()
        staff = rng.random() < 0.15
        dob = _dob(rng, 25, 64) if staff else _dob(rng, 18, 34)
        mat = "" if staff else str(rng.randint(2_000_000, 7_999_999))
        uid = f"{_slug(first)[:2]}{rng.randint(10, 99)}{_slug(last)[:4]}" if rng.random() < 0.7 else f"{_slug(first)[0]}{_slug(last)[:7]}"
        city = f.city()
        plz = f.postcode()
        if rng.random() < 0.06:
            plz = str(int(plz))  # Excel ate the leading zero
        sepa = rng.random() < 0.35
        owner = f"{first} {last}" if rng.random() < 0.8 else f"{f.first_name()} {last}"
        iban = _iban("DE", rng.choice(banks) + f"{rng.randint(0, 9_999_999_999):010d}")
        rows.append({
            "Ausweis-Nr.": f"{rng.randint(100000000, 999999999)}",
            "Matrikelnr": mat,
            "Nachname": last,
            "Vorname": first,
            "Geb.-Datum": dob if rng.random() < 0.7 else dob.strftime("%d.%m.%Y"),
            "Geburtsort": _blank(rng, f.city(), 0.4),
            "Straße u. Hausnr.": f.street_address(),
            "PLZ": plz,
            "Wohnort": city,
            "E-Mail (Uni)": f"{uid}@{'stud.' if not staff else ''}uni-beispielstadt.de",
            "E-Mail privat": _blank(rng, f.free_email(), 0.5),
            "Telefon": _blank(rng, f.phone_number(), 0.45),
            "Benutzerkennung": uid,
            "Status": "Bedienstete/r" if staff else rng.choice(["Studierende/r"] * 8 + ["Gast", "Promovierende/r"]),
            "Fakultät/Einrichtung": rng.choice(fak),
            "Studiengang": "" if staff else rng.choice(studg),
            "FS": "" if staff else rng.randint(1, 14),
            "Mensa-Preisstufe": "B" if staff else rng.choice(["S", "S", "S", "G"]),
            "Kartenguthaben €": round(rng.uniform(0, 80), 2),
            "Letzte Aufladung": dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randint(0, 200_000)),
            "Chip-UID": f"04{rng.getrandbits(48):012X}",
            "Ausleihen aktiv": rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12]),
            "Gebühren offen (EUR)": rng.choice([0.0, 0.0, 0.0, 0.0, 1.5, 3.0, 5.0, 10.0, 20.5]),
            "gesperrt": rng.random() < 0.05,
            "Autolade-Kontoinhaber": owner if sepa else "",
            "IBAN (SEPA-Autoload)": (_group4(iban) if rng.random() < 0.6 else iban) if sepa else "",
            "Gültig bis": dt.date(rng.choice([2024, 2025, 2026]), *rng.choice([(3, 31), (9, 30)])),
            "Bemerkung": rng.choice(bem),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (c) FR school canteen

def _fr_cantine(n: int, rng: random.Random, f: Faker) -> pd.DataFrame:
    ecoles = ["École élémentaire Jules-Ferry", "École maternelle Les Tilleuls", "Groupe scolaire Pasteur",
              "École primaire Jean-Moulin", "École maternelle du Centre"]
    classes = ["PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"]
    regimes = ["Standard", "Standard", "Standard", "Sans porc", "Sans viande", "Végétarien", "PAI allergie arachide"]
    obs = ["", "", "", "", "Enfant récupéré à 13h30 le mercredi", "Repas tiré du sac (PAI)",
           "Dossier incomplet : attestation QF manquante", "Facture N-1 régularisée", "Inscription occasionnelle",
           "Changement de régime à compter du 04/11", "Allergie aux fruits à coque\nvoir fiche PAI"]
    rows = []
    for i in range(n):
        female_child = rng.random() < 0.5
        child_last = f.last_name()
        p1_female = rng.random() < 0.7
        p1_first = f.first_name_female() if p1_female else f.first_name_male()
        p1_last = child_last if rng.random() < 0.75 else f.last_name()
        p_dob = _dob(rng, 26, 55)
        dept = rng.choice([d for d in range(1, 96) if d != 20])
        nir = _nir(p1_female, p_dob, dept, rng)
        if rng.random() < 0.5:
            nir = f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
        has_p2 = rng.random() < 0.55
        p2 = f"{f.first_name_male() if p1_female else f.first_name_female()} {f.last_name() if rng.random() < .4 else p1_last}"
        sepa = rng.random() < 0.6
        rib = f"{rng.choice(['30004', '30003', '20041', '10278', '11315', '30066'])}{rng.randint(0, 99999):05d}{rng.randint(0, 99_999_999_999):011d}"
        key = 97 - (89 * int(rib[:5]) + 15 * int(rib[5:10]) + 3 * int(rib[10:])) % 97
        iban = _iban("FR", rib + f"{key:02d}")
        tarif = rng.choice([0.5, 1.0, 1.85, 2.6, 3.4, 4.2, 4.95])
        nb = rng.randint(0, 18)
        tel = f.phone_number()
        rows.append({
            "N° dossier": f"RS-{2023}-{i + 1:05d}",
            "Nom enfant": child_last.upper(),
            "Prénom enfant": f.first_name_female() if female_child else f.first_name_male(),
            "Né(e) le": _dob(rng, 3, 11).strftime("%d/%m/%Y"),
            "École": rng.choice(ecoles),
            "Classe": rng.choice(classes),
            "Régime alimentaire": rng.choice(regimes),
            "PAI (O/N)": rng.choice(["N", "N", "N", "N", "O"]),
            "Jours (L-M-J-V)": rng.choice(["L-M-J-V", "L-J", "M-V", "L-M-J-V", "J"]),
            "Nom resp. légal 1": p1_last.upper(),
            "Prénom resp. légal 1": p1_first,
            "N° sécu resp. 1": _blank(rng, nir, 0.3),
            "Adresse": f.street_address(),
            "CP": f.postcode(),
            "Commune": f.city(),
            "Tél. portable": tel,
            "Courriel": _blank(rng, f"{_slug(p1_first)}.{_slug(p1_last)}{rng.choice(['', '', str(rng.randint(1, 99))])}@{rng.choice(['orange.fr', 'free.fr', 'gmail.com', 'laposte.net', 'sfr.fr', 'hotmail.fr'])}", 0.1),
            "Resp. légal 2 (Nom Prénom)": f"{p2.split(' ', 1)[1].upper()} {p2.split(' ', 1)[0]}" if has_p2 else "",
            "Tél. resp. 2": f.phone_number() if has_p2 and rng.random() < 0.7 else "",
            "Quotient familial": rng.choice([rng.randint(200, 2500), "n/c"]),
            "Tranche": rng.choice("ABCDEFG"),
            "Tarif repas (€)": f"{tarif:.2f}".replace(".", ","),
            "Nb repas (mois)": nb,
            "Montant facturé": f"{tarif * nb:.2f}".replace(".", ","),
            "Mode de règlement": "Prélèvement" if sepa else rng.choice(["Chèque", "CB en ligne", "Espèces", "CESU"]),
            "Titulaire du compte": f"{rng.choice(['M.', 'Mme']) if rng.random() < .3 else ''} {p1_first} {p1_last}".strip() if sepa else "",
            "IBAN": (_group4(iban) if rng.random() < 0.7 else iban) if sepa else "",
            "Réf. mandat SEPA": f"RUM-CANT-{rng.randint(10000, 99999)}" if sepa else "",
            "Date d'inscription": _when(rng, dt.date(2023, 6, 1), dt.date(2023, 11, 30)).strftime("%d/%m/%Y"),
            "Observations": rng.choice(obs),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (d) ES travel agency

def _es_reservas(n: int, rng: random.Random, f: Faker) -> list[dict]:
    rutas = ["MAD-CUN", "BCN-JFK", "MAD-PUJ", "VLC-FCO", "AGP-LHR", "BIO-CDG", "MAD-BKK", "SVQ-TFN", "BCN-RAK"]
    hoteles = ["Iberostar Selection Cancún", "Riu Palace Punta Cana", "NH Collection Roma", "Hotel Arts Barcelona",
               "Barceló Tenerife", "Meliá Marrakech", "—"]
    obs = ["", "", "", "Solicita asiento ventanilla", "Menú sin gluten", "Traslado aeropuerto incluido",
           "Cambio de fecha sin coste (bono)", "Pendiente de 2º pago", "Viaje de novios – detalle en habitación",
           "Asistencia PMR en aeropuerto"]
    agentes = [f"{_slug(f.first_name())[:1]}{_slug(f.last_name())}" for _ in range(25)]
    rows = []
    for i in range(n):
        female = rng.random() < 0.5
        nombre = f.first_name_female() if female else f.first_name_male()
        apellidos = f"{f.last_name()} {f.last_name()}" if rng.random() < 0.85 else f.last_name()
        nac = rng.choices(["ESP", "ESP", "ESP", "ESP", "ARG", "COL", "FRA", "ITA", "GBR"], k=1)[0]
        if nac == "ESP":
            tipo = rng.choice(["DNI", "DNI", "DNI", "PASAPORTE"])
        else:
            tipo = rng.choice(["PASAPORTE", "NIE"])
        if tipo == "DNI":
            doc = _dni(rng)
            if rng.random() < 0.2:
                doc = doc[:8] + "-" + doc[8]
        elif tipo == "NIE":
            doc = _nie(rng)
        else:
            doc = "".join(rng.choice(string.ascii_uppercase) for _ in range(3)) + f"{rng.randint(0, 999999):06d}"
            if nac in ("FRA", "ITA"):
                doc = f"{rng.randint(10, 99)}{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{rng.randint(10000, 99999)}"
        pagado = rng.random() < 0.7
        online = rng.random() < 0.55
        card = _card(rng)
        if rng.random() < 0.5:
            card = " ".join(card[j:j + 4] for j in range(0, len(card), 4))
        reserva = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randint(0, 250_000))
        total = round(rng.uniform(180, 7800), 2)
        rec = {
            "localizador": "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6)),
            "id_reserva": 240000 + i * 3 + rng.randint(0, 2),
            "fecha_reserva": reserva.isoformat(timespec="seconds"),
            "canal": "web" if online else rng.choice(["oficina", "telefono"]),
            "nombre": nombre,
            "apellidos": apellidos,
            "fecha_nacimiento": _dob(rng, 1, 85).isoformat() if rng.random() < 0.9 else None,
            "nacionalidad": nac,
            "tipo_documento": tipo,
            "num_documento": doc,
            "caducidad_documento": _when(rng, dt.date(2024, 7, 1), dt.date(2034, 1, 1)).isoformat(),
            "email_contacto": _blank(rng, f.free_email(), 0.15, None),
            "telefono_movil": _blank(rng, f.phone_number(), 0.1, None),
            "direccion": _blank(rng, f.street_address(), 0.3, None),
            "cod_postal": _blank(rng, f.postcode(), 0.3, None),
            "poblacion": _blank(rng, f.city(), 0.3, None),
            "ruta": rng.choice(rutas),
            "fecha_salida": _when(rng, dt.date(2024, 3, 1), dt.date(2025, 3, 1)).isoformat(),
            "noches": rng.choice([3, 4, 5, 7, 7, 9, 10, 14]),
            "hotel": rng.choice(hoteles),
            "num_pax": rng.choice([1, 2, 2, 2, 3, 4, 5]),
            "importe_total": total,
            "moneda": "EUR",
            "pagado": pagado,
            "tarjeta_pago": card if pagado and online else None,
            "tarjeta_ultimos4": ("**** " + card.replace(" ", "")[-4:]) if pagado else None,
            "titular_tarjeta": (f"{nombre} {apellidos}".upper() if rng.random() < 0.7 else f"{f.first_name()} {f.last_name()}".upper()) if pagado and online else None,
            "ip_cliente": (f.ipv4_public() if rng.random() < 0.85 else f.ipv6()) if online else None,
            "agente": None if online else rng.choice(agentes),
            "seguro_cancelacion": rng.random() < 0.4,
            "estado": rng.choice(["CONFIRMADA", "CONFIRMADA", "EMITIDA", "CANCELADA", "PENDIENTE"]),
            "observaciones": rng.choice(obs),
        }
        rows.append(rec)
    return rows


# ---------------------------------------------------------------- (e) SE BRF member register

def _se_brf(n: int, rng: random.Random, f: Faker) -> pd.DataFrame:
    banks = ["500", "600", "800", "300", "923"]
    lender = ["Swedbank", "Handelsbanken", "SEB", "Nordea", "SBAB", "Länsförsäkringar Bank", "Danske Bank", ""]
    anteckn = ["", "", "", "", "Andrahandsuthyrning godkänd t.o.m. 2025-06-30", "Obetald avgift mars, påminnelse skickad",
               "Överlåtelse pågår", "Nyckel till förråd utlämnad", "Vattenskada 2022 – åtgärdad", "Dödsbo"]
    streets = [f.street_name() for _ in range(6)]
    post = [(f.postcode(), f.city()) for _ in range(3)]
    rows = []
    for _i in range(n):
        street_i = rng.randrange(len(streets))
        pnr_code, ort = post[street_i % len(post)]
        female = rng.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name()
        dob = _dob(rng, 20, 95)
        yymmdd, tail = _personnummer(dob, female, rng)
        fmt = rng.random()
        pnr = (f"{dob.year}{yymmdd[2:]}-{tail}" if fmt < 0.5 else f"{yymmdd}-{tail}" if fmt < 0.85 else f"{dob.year}{yymmdd[2:]}{tail}")
        two = rng.random() < 0.4
        f2 = rng.random() < 0.5
        dob2 = _dob(rng, 20, 95)
        y2, t2 = _personnummer(dob2, f2, rng)
        acct = _iban("SE", rng.choice(banks) + f"{rng.randint(0, 10**17 - 1):017d}")
        if rng.random() < 0.5:
            clr = f"8{rng.randint(100, 999)}"
            kto = f"{rng.randint(0, 999_999_999):09d}"
            acct = f"{clr}-{_luhn_digit(clr)}, {kto[:3]} {kto[3:6]} {kto[6:]}-{_luhn_digit(kto)}"
        lgh = f"{rng.randint(11, 16)}{rng.randint(1, 6):02d}"
        moved_in = _when(rng, dt.date(1995, 1, 1), dt.date(2024, 4, 1))
        rows.append({
            "Lgh nr": lgh,
            "Lantm. lgh-nr": f"{rng.randint(1, 6) * 1000 + 100 + rng.randint(1, 6)}",
            "Förnamn": first,
            "Efternamn": last,
            "Personnr": pnr,
            "Medlem 2": f"{f.first_name_female() if f2 else f.first_name_male()} {last if rng.random() < .6 else f.last_name()}" if two else "",
            "Personnr medlem 2": (f"{dob2.year}{y2[2:]}-{t2}" if rng.random() < 0.6 else f"{y2}-{t2}") if two and rng.random() < 0.85 else "",
            "Andel %": 100 if not two else rng.choice([50, 50, 50, 60, 40]),
            "Gatuadress": f"{streets[street_i]} {rng.randint(1, 40)}{rng.choice(['', '', 'A', 'B'])}",
            "Postnr": pnr_code if rng.random() < 0.8 else pnr_code.replace(" ", ""),
            "Ort": ort,
            "Mobil": _blank(rng, f.phone_number(), 0.15),
            "E-post": _blank(rng, f"{_slug(first)}.{_slug(last)}@{rng.choice(['gmail.com', 'hotmail.com', 'telia.com', 'outlook.com', 'bredband.net'])}", 0.25),
            "Insats (kr)": rng.choice([125000, 189000, 240000, 310500, 98000]),
            "Månadsavgift kr": f"{rng.randint(2800, 7900)}",
            "Tillträde": moved_in.isoformat(),
            "Utträde": "" if rng.random() < 0.9 else _when(rng, moved_in, dt.date(2024, 5, 31)).isoformat(),
            "Pantsatt": rng.choice(["Ja", "Ja", "Nej"]),
            "Pantbank": rng.choice(lender),
            "Konto för återbetalning": _blank(rng, acct, 0.6),
            "P-plats": _blank(rng, f"P{rng.randint(1, 48):02d}", 0.7),
            "Förråd nr": rng.randint(1, 120),
            "Anteckning": rng.choice(anteckn),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (f) IT energy contracts

_BELFIORE = (("Roma", "H501", "RM", "00", 100), ("Milano", "F205", "MI", "20", 100), ("Napoli", "F839", "NA", "80", 100),
             ("Torino", "L219", "TO", "10", 100), ("Palermo", "G273", "PA", "90", 100), ("Genova", "D969", "GE", "16", 100),
             ("Bologna", "A944", "BO", "40", 100), ("Firenze", "D612", "FI", "50", 100), ("Bari", "A662", "BA", "70", 100),
             ("Catania", "C351", "CT", "95", 100), ("Verona", "L781", "VR", "37", 100), ("Padova", "G224", "PD", "35", 100),
             ("Brescia", "B157", "BS", "25", 100), ("Bergamo", "A794", "BG", "24", 100), ("Lecce", "E506", "LE", "73", 100),
             ("Monza", "F704", "MB", "20900", 1), ("Cagliari", "B354", "CA", "09", 100), ("Perugia", "G478", "PG", "06", 100))


def _it_contratti(n: int, rng: random.Random, f: Faker) -> pd.DataFrame:
    offerte = ["Luce Fissa 24", "Gas Flex Mono", "Dual Casa Verde", "Luce Placet Variabile", "Gas Tutela Vulnerabili",
               "Luce Business Trioraria"]
    canali = ["Web", "Teleselling", "Agenzia", "Sportello", "Porta a porta"]
    stati = ["Attivo", "Attivo", "Attivo", "In attivazione", "Cessato", "Sospeso morosità"]
    note = ["", "", "", "", "Voltura da precedente intestatario", "Richiesta rateizzazione bolletta",
            "Autolettura non pervenuta", "Cliente vulnerabile (bonus sociale)", "Reclamo chiuso – rimborso accreditato",
            "Subentro con contatore chiuso"]
    abis = ["03069", "02008", "05034", "03062", "01030", "05696", "03111"]
    rows = []
    for _i in range(n):
        female = rng.random() < 0.5
        nome = f.first_name_female() if female else f.first_name_male()
        cognome = f.last_name()
        dob = _dob(rng, 19, 90)
        nasc = rng.choice(_BELFIORE)
        res = rng.choice(_BELFIORE)
        cf = _codice_fiscale(cognome, nome, dob, female, nasc[1])
        if rng.random() < 0.1:
            cf = cf.lower()
        tipo = rng.choice(["Luce", "Gas", "Dual"])
        luce, gas = tipo in ("Luce", "Dual"), tipo in ("Gas", "Dual")
        cap = res[3] if len(res[3]) == 5 else f"{res[3]}1{rng.randint(0, 9)}{rng.randint(0, 9)}"
        if cap.startswith("0") and rng.random() < 0.15:
            cap = str(int(cap))
        rid = rng.random() < 0.65
        body = rng.choice(abis) + f"{rng.randint(1000, 99999):05d}" + f"{rng.randint(0, 10**12 - 1):012d}"
        iban = _iban("IT", _it_cin(body) + body)
        area = rng.random() < 0.6
        rows.append({
            "Codice Contratto": f"CTR{rng.randint(10**9, 10**10 - 1)}",
            "Tipo fornitura": tipo,
            "POD": f"IT001E{rng.randint(10**7, 10**8 - 1)}" if luce else None,
            "PDR": f"{rng.randint(0, 10**14 - 1):014d}" if gas else None,
            "Offerta": rng.choice(offerte),
            "Intestatario": f"{cognome} {nome}" if rng.random() < 0.6 else f"{nome} {cognome}".upper(),
            "Codice Fiscale": cf,
            "Data di nascita": dob.strftime("%d/%m/%Y"),
            "Luogo di nascita": f"{nasc[0]} ({nasc[2]})" if rng.random() < 0.6 else nasc[0].upper(),
            "Indirizzo fornitura": f"{f.street_address()}",
            "CAP": cap,
            "Comune": res[0],
            "Prov.": res[2],
            "Cellulare": _blank(rng, f.phone_number(), 0.2, None),
            "Email / PEC": _blank(rng, f"{_slug(nome)}.{_slug(cognome)}{rng.randint(1, 99) if rng.random() < .3 else ''}@{rng.choice(['libero.it', 'gmail.com', 'virgilio.it', 'alice.it', 'pec.it', 'tiscali.it'])}", 0.2, None),
            "Potenza impegnata (kW)": rng.choice([3.0, 3.0, 4.5, 6.0, 10.0]) if luce else None,
            "Consumo annuo kWh": float(rng.randint(900, 5200)) if luce else None,
            "Consumo annuo Smc": float(rng.randint(150, 1800)) if gas else None,
            "Data attivazione": _when(rng, dt.date(2016, 1, 1), dt.date(2024, 5, 1)),
            "Stato": rng.choice(stati),
            "Canale vendita": rng.choice(canali),
            "Cod. agente": f"AG{rng.randint(100, 999)}" if rng.random() < 0.5 else None,
            "Modalità pagamento": "RID/SDD" if rid else rng.choice(["Bollettino postale", "Carta", "Bonifico"]),
            "IBAN addebito": (iban if rng.random() < 0.7 else _group4(iban)) if rid else None,
            "Intestatario conto": (f"{nome} {cognome}" if rng.random() < 0.75 else f"{f.first_name()} {cognome}") if rid else None,
            "Bolletta web": area,
            "Username area clienti": (f"{_slug(nome)}{rng.choice(['.', '_', ''])}{_slug(cognome)[:6]}{rng.randint(1, 999) if rng.random() < .5 else ''}") if area else None,
            "IP ultimo accesso": f.ipv4_public() if area and rng.random() < 0.8 else None,
            "Note operatore": rng.choice(note),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (g) UK performance reviews

def _uk_reviews(n: int, rng: random.Random, f: Faker) -> pd.DataFrame:
    depts = ["Finance", "Operations", "Customer Services", "IT", "People & Culture", "Sales", "Legal"]
    titles = ["Analyst", "Senior Analyst", "Team Leader", "Engineer II", "Account Manager", "Paralegal",
              "Operations Manager", "Payroll Officer", "Service Desk Technician"]
    self_txt = [
        "Delivered the Q3 migration on time and reduced ticket backlog by 18%.",
        "Focused on stakeholder management this year; want to develop presenting skills.",
        "Completed ILM Level 3 and took on two new direct reports.",
        "Struggled with workload in H1 after the restructure, improved in H2.",
        "Led the month-end close automation; saved c. 3 days per cycle.",
        "Would like more exposure to budgeting and forecasting.",
        "",
    ]
    mgr_txt = [
        "Consistently strong output; ready for a stretch assignment.",
        "Meets expectations. Needs to improve documentation quality.",
        "Excellent customer feedback scores (NPS 71). Recommend for promotion.",
        "Attendance issues in Q2 discussed and resolved; keep monitoring.",
        "Solid year.\nAgreed objectives for FY25 around mentoring and automation.",
        "Below expectations on targets; PIP not required at this stage.",
    ]
    staff = []
    for _ in range(max(60, n // 4)):
        first, last = f.first_name(), f.last_name()
        staff.append((first, last, f"{first.lower()}.{_slug(last)}@northbridge-group.co.uk",
                      f"{_slug(first)[0]}{_slug(last)[:7]}{rng.choice(['', '', '2', '3'])}"))
    hrbps = [f"{f.first_name()} {f.last_name()}" for _ in range(6)]
    rows = []
    for i in range(n):
        emp = staff[i % len(staff)] if i < len(staff) else rng.choice(staff)
        rev = rng.choice(staff)
        while rev is emp:
            rev = rng.choice(staff)
        cal = rng.choice(staff)
        rating = rng.choice([1, 2, 3, 3, 3, 4, 4, 5])
        cal_note = rng.choice([
            f"Calibrated with {cal[0]} {cal[1]}",
            f"{cal[0]} {cal[1]} to co-sign",
            f"Moderated by {cal[0]} {cal[1]}",
            f"Peer input from {cal[0]} {cal[1]}",
        ])
        rows.append({
            "Review ID": f"PR-FY24-{i + 1:05d}",
            "Emp No": f"{rng.randint(1000, 99999):06d}",
            "Employee Name": f"{emp[0]} {emp[1]}" if rng.random() < 0.7 else f"{emp[1]}, {emp[0]}",
            "Work Email": emp[2],
            "Network Login": emp[3],
            "DOB": _dob(rng, 19, 66).strftime("%d/%m/%Y"),
            "NI Number": _blank(rng, (lambda s: f"{s[:2]} {s[2:4]} {s[4:6]} {s[6:8]} {s[8]}" if rng.random() < .5 else s)(_nino(rng)), 0.1),
            "Job Title": rng.choice(titles),
            "Dept": rng.choice(depts),
            "Grade": rng.choice(["G4", "G5", "G6", "G7", "M1", "M2"]),
            "Office": rng.choice(["LDN-01", "MAN-02", "BHM-01", "GLA-01", "Remote"]),
            "Start Date": _when(rng, dt.date(2004, 1, 1), dt.date(2023, 9, 1)).strftime("%d/%m/%Y"),
            "Reviewer": f"{rev[0]} {rev[1]}",
            "Reviewer Email": rev[2],
            "HRBP": rng.choice(hrbps),
            "Review Period": "FY2023/24",
            "Overall Rating (1-5)": rating,
            "Objectives Met %": rng.choice([40, 60, 75, 80, 90, 100, 110]),
            "Self Assessment": rng.choice(self_txt),
            "Manager Comments": rng.choice(mgr_txt),
            "Calibration Note": cal_note,
            "Promotion Recommended?": "Yes" if rating >= 4 and rng.random() < 0.5 else "No",
            "Salary (GBP)": f"{rng.randint(22, 95) * 1000:,}",
            "Bonus %": f"{rng.choice([0, 2.5, 5, 7.5, 10])}%",
            "Signed Off": (dt.datetime(2024, 4, 1) + dt.timedelta(minutes=rng.randint(0, 90_000))).strftime("%d/%m/%Y %H:%M"),
            "Status": rng.choice(["Completed", "Completed", "Awaiting employee sign-off", "Draft"]),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- assembly / writing

def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Generate every table (deterministic for a given rows)."""
    rng = random.Random(SEED)
    fk = _fakers()
    sizes = {t: max(1, int(rows * s)) for t, s in zip(
        TABLES, (1.0, 0.8, 0.6, 0.75, 0.5, 0.9, 0.7), strict=True)}
    return {
        "us_elig_834": _us_elig(sizes["us_elig_834"], rng, fk["en_US"]),
        "de_campuscard": _de_campus(sizes["de_campuscard"], rng, fk["de_DE"]),
        "fr_cantine": _fr_cantine(sizes["fr_cantine"], rng, fk["fr_FR"]),
        "es_reservas": pd.DataFrame(_es_reservas(sizes["es_reservas"], rng, fk["es_ES"])),
        "se_brf_medlem": _se_brf(sizes["se_brf_medlem"], rng, fk["sv_SE"]),
        "it_contratti_luce_gas": _it_contratti(sizes["it_contratti_luce_gas"], rng, fk["it_IT"]),
        "uk_perf_reviews": _uk_reviews(sizes["uk_perf_reviews"], rng, fk["en_GB"]),
    }


def _atomic_write(path: Path, writer) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    writer(tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    dfs = make_tables(rows)
    paths = {t: out_dir / FILES[t] for t in TABLES}
    _atomic_write(paths["us_elig_834"], lambda p: dfs["us_elig_834"].to_csv(p, sep="|", index=False, encoding="ascii", errors="replace"))
    _atomic_write(paths["de_campuscard"], lambda p: dfs["de_campuscard"].to_excel(p, index=False, sheet_name="Export", engine="openpyxl"))
    _atomic_write(paths["fr_cantine"], lambda p: dfs["fr_cantine"].to_csv(p, sep=";", index=False, encoding="cp1252", errors="replace"))

    def _jsonl(p: Path) -> None:
        with open(p, "w", encoding="utf-8") as fh:
            for rec in dfs["es_reservas"].to_dict(orient="records"):
                clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                fh.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")

    _atomic_write(paths["es_reservas"], _jsonl)
    _atomic_write(paths["se_brf_medlem"], lambda p: dfs["se_brf_medlem"].to_csv(p, sep=",", index=False, encoding="utf-8-sig"))
    _atomic_write(paths["it_contratti_luce_gas"], lambda p: dfs["it_contratti_luce_gas"].to_parquet(p, index=False))
    _atomic_write(paths["uk_perf_reviews"], lambda p: dfs["uk_perf_reviews"].to_csv(p, sep="\t", index=False, encoding="utf-8"))
    return paths


def _digest(out_dir: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(Path(out_dir).iterdir()):
        h.update(p.name.encode())
        if p.suffix != ".xlsx":  # xlsx embeds a creation timestamp
            h.update(p.read_bytes())
    return h.hexdigest()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout11.py OUT_DIR [ROWS]")
    written = write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
    for name, path in written.items():
        print(f"{name}\t{path}")
