"""Blind held-out tables (set 54) for the PII scanner accuracy harness.

Six exports from six kinds of systems: a New Zealand school's enrolment register,
a German dental practice's patient list, a Dutch gym's member list, a Finnish
health centre's patient list, a Czech bank's customer list and an English-language
coworking-space member export. Labels live in ``labels.yaml`` next to this file and
were written by hand before any scanner run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import sys
import tempfile
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 54540
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "nz_school_enrolments",
    "zahnarzt_patienten",
    "sportschool_leden",
    "terveyskeskus_potilaat",
    "banka_klienti",
    "coworking_members",
)

_FILES = {
    "nz_school_enrolments": "nz_school_enrolments.csv",
    "zahnarzt_patienten": "zahnarzt_patienten.csv",
    "sportschool_leden": "sportschool_leden.xlsx",
    "terveyskeskus_potilaat": "terveyskeskus_potilaat.parquet",
    "banka_klienti": "banka_klienti.jsonl",
    "coworking_members": "coworking_members.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value: object, p: float, blanks: tuple = ("",)) -> object:
    """Replace value by a blank-like marker with probability p."""
    return rng.choice(blanks) if rng.random() < p else value


def _dob(rng: random.Random, lo: int, hi: int) -> dt.date:
    today = dt.date(2025, 3, 1)
    return today - dt.timedelta(days=rng.randint(lo * 365, hi * 365))


def _ts(rng: random.Random, start: dt.datetime, days: int) -> dt.datetime:
    return start + dt.timedelta(seconds=rng.randint(0, days * 86400))


def _hexhash(rng: random.Random, n: int = 40) -> str:
    return hashlib.sha1(str(rng.random()).encode()).hexdigest()[:n]


# ---------------------------------------------------------------- (a) NZ school
def _nz_school(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_NZ", 1)
    yl = [f"Y{n}" for n in range(1, 14)]
    houses = ["Kauri", "Rimu", "Tōtara", "Kōwhai", "Matai"]
    eth = ["NZ European", "Māori", "Samoan", "Tongan", "Chinese", "Indian", "Other"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 5, 18)
        cg1 = f.name()
        out.append({
            "Student ID": 100000 + i * 3 + rng.randint(0, 2),
            "Legal First Name": first,
            "Legal Last Name": last,
            "Preferred Name": _blank(rng, rng.choice([first, first[:3] + "ie", f.first_name()]), 0.55),
            "DOB": dob.strftime("%d/%m/%Y"),
            "Gender": rng.choice(["M", "F", "X", "F", "M"]),
            "Year Level": rng.choice(yl),
            "Form Class": f"{rng.randint(7, 13)}{rng.choice('ABCDKRT')}",
            "House": rng.choice(houses),
            "Ethnicity 1": rng.choice(eth),
            "Home Address Line 1": f.street_address(),
            "Suburb/Town": f.city(),
            "Post Code": int(f.postcode()) if rng.random() < 0.8 else f.postcode(),
            "Caregiver 1 Name": cg1,
            "Caregiver 1 Mobile": _blank(rng, f.phone_number(), 0.08),
            "Caregiver 1 Email": _blank(rng, f.email(), 0.1),
            "Caregiver 2 Name": _blank(rng, f.name(), 0.45),
            "Caregiver 2 Mobile": _blank(rng, f.phone_number(), 0.6),
            "Doctor / Medical Centre": rng.choice(["Te Aro Health", "City Medical", "Kapiti Family Doctors",
                                                   "Riccarton Clinic", "Unichem Plus"]),
            "Enrolment Date": f.date_between(dt.date(2015, 1, 20), dt.date(2025, 2, 5)).strftime("%d/%m/%Y"),
            "Funding Code": rng.choice(["DOM", "INT", "RA", "NEW"]),
            "ESOL": rng.choice(["Y", "N", "N", "N"]),
            "Medical Notes": _blank(rng, rng.choice([
                "Asthma - inhaler kept in sick bay", "Anaphylaxis (peanuts), EpiPen in bag",
                "Wears glasses for reading", "Type 1 diabetes, pump", "No known conditions"]), 0.5),
        })
    return pd.DataFrame(out)


# ------------------------------------------------------- (b) German dental practice
def _kvnr(rng: random.Random) -> str:
    """German health-insurance number (letter + 8 digits + check digit)."""
    letter = chr(ord("A") + rng.randrange(26))
    body = f"{ord(letter) - 64:02d}" + "".join(str(rng.randrange(10)) for _ in range(8))
    total = 0
    for k, ch in enumerate(body):
        v = int(ch) * (1 if k % 2 == 0 else 2)
        total += v // 10 + v % 10
    return f"{letter}{body[2:]}{total % 10}"


def _zahnarzt(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("de_DE", 2)
    kassen = ["AOK Bayern", "TK", "Barmer", "DAK-Gesundheit", "IKK classic", "privat", "BKK Mobil Oil"]
    out = []
    for i in range(rows):
        dob = _dob(rng, 3, 92)
        t = _ts(rng, dt.datetime(2023, 1, 1), 780)
        bem = rng.choice([
            "PZR alle 6 Monate", "Angst-Patient, Termin morgens", "Recall verschoben",
            "Brücke 35-37 geplant\nHKP an Kasse geschickt", "", "Bonusheft vorhanden",
        ])
        if rng.random() < 0.08:
            bem = f"Rückruf erbeten unter {f.phone_number()}"
        out.append({
            "Pat.-Nr.": f"{i + 1:06d}",
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Herr", "Divers"]),
            "Titel": _blank(rng, rng.choice(["Dr.", "Prof.", "Dipl.-Ing."]), 0.88),
            "Nachname": f.last_name(),
            "Vorname": f.first_name(),
            "Geb.-Datum": dob.strftime("%d.%m.%Y"),
            "Straße/Hausnr.": f.street_address(),
            "PLZ": f.postcode(),
            "Ort": f.city(),
            "Tel. privat": _blank(rng, f.phone_number(), 0.2),
            "Handy": _blank(rng, f"01{rng.choice(['51', '52', '60', '70', '76'])} {rng.randint(1000000, 99999999)}", 0.3),
            "E-Mail": _blank(rng, f.free_email(), 0.35),
            "Krankenkasse": rng.choice(kassen),
            "Versichertennr.": _blank(rng, _kvnr(rng), 0.1),
            "Versichertenstatus": rng.choice(["1", "3", "5", "1000", "3000"]),
            "Letzte Behandlung": t.strftime("%d.%m.%Y"),
            "Behandler": rng.choice(["ZA1", "ZA2", "ZÄ3", "DH"]),
            "Offener Betrag €": f"{rng.randint(0, 180000) / 100:.2f}".replace(".", ","),
            "Bonusheft": rng.choice(["ja", "nein"]),
            "Bemerkung": bem,
        })
    return pd.DataFrame(out)


# ------------------------------------------------------------ (c) Dutch gym
def _sportschool(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("nl_NL", 3)
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        tussen = rng.choice(["", "", "", "van", "de", "van der", "van den"])
        start = f.date_between(dt.date(2018, 1, 1), dt.date(2025, 2, 1))
        out.append({
            "Lidnummer": 2000000 + rng.randint(0, 999999),
            "Voornaam": first,
            "Achternaam": f"{tussen} {last}" if tussen and " " not in last else last,
            "Geboortedatum": _dob(rng, 16, 80).strftime("%d-%m-%Y"),
            "Geslacht": rng.choice(["M", "V", "V", "M", "O"]),
            "Straat + huisnr": f.street_address(),
            "Postcode": f.postcode(),
            "Woonplaats": f.city(),
            "Telefoon": _blank(rng, f.phone_number(), 0.1),
            "E-mailadres": f.email(),
            "IBAN": _blank(rng, f.iban(), 0.07),
            "Ten name van": _blank(rng, f"{first[0]}. {(tussen + ' ') if tussen and ' ' not in last else ''}{last}", 0.07),
            "Abonnement": rng.choice(["All-in 12 mnd", "Flex", "Student", "Off-peak", "Dagpas 10x"]),
            "Maandbedrag": rng.choice([24.99, 29.99, 34.95, 19.5, 44.0]),
            "Startdatum": start.strftime("%d-%m-%Y"),
            "Pasnummer": f"{rng.randint(0, 99999999):08X}",
            "Vestiging": rng.choice(["Utrecht Centrum", "Amersfoort Vathorst", "Zwolle Zuid", "Leiden Station"]),
            "Laatste check-in": _ts(rng, dt.datetime(2024, 6, 1), 270).strftime("%Y-%m-%d %H:%M"),
            "Incasso akkoord": rng.choice([True, True, False]),
        })
    return pd.DataFrame(out)


# ------------------------------------------------------ (d) Finnish health centre
def _terveyskeskus(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("fi_FI", 4)
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        hetu = f.ssn()
        out.append({
            "potilas_id": 7000000 + i,
            "henkilötunnus": _blank(rng, hetu, 0.03, ("", None)),
            "sukunimi": last,
            "etunimet": f"{first} {f.first_name()}" if rng.random() < 0.6 else first,
            "syntymäaika": _dob(rng, 0, 99).strftime("%-d.%-m.%Y"),
            "lähiosoite": f.street_address(),
            "postinro": f.postcode() if rng.random() < 0.9 else None,
            "postitoimipaikka": f.city().upper(),
            "puhelin": _blank(rng, f.phone_number(), 0.12, ("", None)),
            "sähköposti": _blank(rng, f.email(), 0.5, ("", None)),
            "lähiomainen": _blank(rng, f.name(), 0.4, ("", None)),
            "lähiomaisen puh.": _blank(rng, f.phone_number(), 0.45, ("", None)),
            "omalääkäri": rng.choice(["Tiimi 1", "Tiimi 2", "Tiimi 3", "Akuutti", "Neuvola"]),
            "kotikunta_koodi": rng.choice(["091", "049", "837", "564", "853", "179"]),
            "käynnin_pvm": _ts(rng, dt.datetime(2024, 1, 1), 420).strftime("%Y-%m-%dT%H:%M:%S"),
            "ICD10": rng.choice(["J06.9", "I10", "E11.9", "M54.5", "Z00.0", "F32.1"]),
            "kiireellisyys": rng.choice(["A", "B", "C", "D"]),
            "kela_korvaus_eur": round(rng.uniform(0, 250), 2),
            "äidinkieli": rng.choice(["fi", "sv", "ru", "et", "so", "ar"]),
            "turvakielto": rng.random() < 0.02,
        })
    df = pd.DataFrame(out)
    df["postinro"] = pd.to_numeric(df["postinro"]).astype("float64")  # leading zeros lost, NaN -> float
    return df


# ----------------------------------------------------------- (e) Czech bank
def _cz_account(rng: random.Random) -> str:
    pre = rng.choice(["", "", "19-", "35-", "670100-"])
    return f"{pre}{rng.randint(100000, 9999999999)}/{rng.choice(['0100', '0300', '0800', '2010', '0600', '5500'])}"


def _banka(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("cs_CZ", 5)
    out = []
    for _i in range(rows):
        dob = _dob(rng, 18, 90)
        out.append({
            "cislo_klienta": f"K{rng.randint(10_000_000, 99_999_999)}",
            "Jméno": f.first_name(),
            "Příjmení": f.last_name(),
            "Rodné číslo": f.birth_number() if rng.random() < 0.97 else "",
            "Datum narození": f"{dob.day}. {dob.month}. {dob.year}",
            "Číslo OP": _blank(rng, f"{rng.randint(100000000, 999999999)}", 0.15),
            "Trvalé bydliště - ulice": f.street_address(),
            "Obec": f.city(),
            "PSČ": f.postcode(),
            "Telefon": f.phone_number(),
            "E-mail": _blank(rng, f.free_email(), 0.2),
            "Číslo účtu": _cz_account(rng),
            "IBAN": _blank(rng, f.iban(), 0.2),
            "Produkt": rng.choice(["Běžný účet Plus", "Spořicí účet", "Hypotéka Fix 5", "Kreditní karta Gold"]),
            "Zůstatek (CZK)": round(rng.uniform(-25000, 1_500_000), 2),
            "Datum otevření": f.date_between(dt.date(2005, 1, 1), dt.date(2025, 1, 31)).isoformat(),
            "Pobočka": rng.choice(["Praha 1 - Václavské nám.", "Brno Centrum", "Ostrava Poruba", "Plzeň"]),
            "Rizikový profil": rng.choice(["nízký", "střední", "vysoký"]),
            "PEP": rng.choice(["N", "N", "N", "A"]),
            "Přihlašovací jméno": f"{f.user_name()}{rng.randint(1, 99)}",
            "Poslední IP": f.ipv4_public() if rng.random() < 0.9 else f.ipv6(),
        })
    return pd.DataFrame(out)


# ------------------------------------------------------- (f) coworking export
def _coworking(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fg = _faker("en_GB", 6)
    fi = _faker("en_IE", 7)
    plans = ["Hot Desk", "Dedicated Desk", "Private Office (4p)", "Virtual Office", "Day Pass x10"]
    out = []
    for _i in range(rows):
        f = fg if rng.random() < 0.7 else fi
        name = f.name()
        created = _ts(rng, dt.datetime(2020, 1, 1), 1800)
        out.append({
            "Member ID": f"mem_{_hexhash(rng, 14)}",
            "Full Name": name,
            "Email": f.email(),
            "Phone": _blank(rng, f.phone_number(), 0.25),
            "Company": _blank(rng, f.company(), 0.3),
            "Job Title": _blank(rng, f.job(), 0.4),
            "Billing Address": _blank(rng, f.address().replace("\n", ", "), 0.2),
            "Billing Postcode": _blank(rng, f.postcode(), 0.2),
            "Invoice Email": _blank(rng, f.email() if rng.random() < 0.5 else f"accounts@{f.domain_name()}", 0.3),
            "Plan": rng.choice(plans),
            "Plan Price (GBP)": rng.choice(["£150.00", "£275.00", "£1,200.00", "£45.00", "£99.00"]),
            "VAT No.": _blank(rng, f"GB{rng.randint(100000000, 999999999)}", 0.7),
            "Slack Handle": _blank(rng, "@" + f.user_name(), 0.35),
            "Portal Username": f.user_name(),
            "Last Login IP": _blank(rng, f.ipv4(), 0.15),
            "Card on File": _blank(rng, f"**** {rng.randint(0, 9999):04d}", 0.2),
            "Emergency Contact": _blank(rng, f"{f.name()} ({f.phone_number()})", 0.5),
            "Key Fob #": rng.randint(10000, 99999),
            "Created At": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Status": rng.choice(["active", "active", "paused", "cancelled"]),
            "Notes": _blank(rng, rng.choice([
                "Prefers window desk", "Invoice quarterly", "Uses meeting room B a lot",
                "Moved from Hot Desk in March", "Needs parking permit"]), 0.6),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "nz_school_enrolments": _nz_school,
    "zahnarzt_patienten": _zahnarzt,
    "sportschool_leden": _sportschool,
    "terveyskeskus_potilaat": _terveyskeskus,
    "banka_klienti": _banka,
    "coworking_members": _coworking,
}

_ROWS_FACTOR = {
    "nz_school_enrolments": 0.75,
    "zahnarzt_patienten": 1.0,
    "sportschool_leden": 0.6,
    "terveyskeskus_potilaat": 0.9,
    "banka_klienti": 1.0,
    "coworking_members": 0.55,
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table; row counts vary per table around ``rows`` (at least 1,000 when rows=2000)."""
    return {t: _BUILDERS[t](max(1, int(rows * _ROWS_FACTOR[t]))) for t in TABLES}


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp_", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_jsonl(df: pd.DataFrame, p: Path) -> None:
    with open(p, "w", encoding="utf-8") as fh:
        for rec in df.to_dict(orient="records"):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    writers = {
        "nz_school_enrolments": lambda df, p: df.to_csv(p, index=False, encoding="utf-8-sig"),
        "zahnarzt_patienten": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="cp1252"),
        "sportschool_leden": lambda df, p: df.to_excel(p, index=False, sheet_name="Leden", engine="openpyxl"),
        "terveyskeskus_potilaat": lambda df, p: df.to_parquet(p, index=False),
        "banka_klienti": _write_jsonl,
        "coworking_members": lambda df, p: df.to_csv(p, index=False, sep="\t", encoding="utf-8"),
    }
    paths: dict[str, Path] = {}
    for t in TABLES:
        path = out_dir / _FILES[t]
        _atomic_write(path, lambda p, df=frames[t], w=writers[t]: w(df, p))
        paths[t] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout54.py OUT_DIR")
    for name, p in write_all(Path(sys.argv[1])).items():
        print(name, p)
