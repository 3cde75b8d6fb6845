"""Blind held-out tables for the PII scanner (set heldout36).

Seven synthetic exports from six domains: a US credit-union loan
applications table, a Swiss Spitex clients list, a Spanish padrón extract,
a Dutch kinderopvang families table, a Polish university students export
and a food-delivery customers/couriers export. Labels live in labels.yaml
and were written by hand before any scanner run.
"""

from __future__ import annotations

import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 36360
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "cu_loan_applications",
    "spitex_klienten",
    "padron_habitantes",
    "kinderopvang_gezinnen",
    "uczelnia_studenci",
    "delivery_customers",
    "delivery_couriers",
)

FILES: dict[str, str] = {
    "cu_loan_applications": "cu_loan_applications.csv",
    "spitex_klienten": "spitex_klienten.xlsx",
    "padron_habitantes": "padron_habitantes.csv",
    "kinderopvang_gezinnen": "kinderopvang_gezinnen.parquet",
    "uczelnia_studenci": "uczelnia_studenci.jsonl",
    "delivery_customers": "delivery_customers.tsv",
    "delivery_couriers": "delivery_couriers.xlsx",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _fakers(*locales: str) -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(locales):
        f = Faker(loc)
        f.seed_instance(SEED + i)
        out[loc] = f
    return out


def _maybe(rng: random.Random, p: float, value, blank=""):
    """Return value with probability p, else blank."""
    return value if rng.random() < p else blank


def _dob(rng: random.Random, lo: int, hi: int) -> date:
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


def _loans(rows: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["en_US"]
    types = ["Auto - New", "Auto - Used", "Personal", "HELOC", "Share Secured", "RV/Boat", "Debt Consolidation"]
    notes = [
        "Income verified via paystubs",
        "Pending 2 yrs W-2",
        "Approved at tier B pricing",
        "DTI above 45%, counter offer sent",
        "Collateral appraisal ordered",
        "",
        "Refi from other lender",
        "Needs updated proof of insurance\nfollow up next week",
    ]
    officers = sorted({f.user_name() for _ in range(25)})
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 1950, 2003)
        zip_code = f.zipcode()
        ssn = f.ssn()
        if rng.random() < 0.2:
            ssn = ssn.replace("-", "")
        out.append({
            "App #": f"LA{240000 + i:07d}",
            "Member Nbr": rng.randrange(100000, 9999999),
            "Applicant First Name": first,
            "Applicant Last Name": last,
            "Co-Applicant Name": _maybe(rng, 0.3, f.name()),
            "DOB": dob.strftime("%m/%d/%Y") if rng.random() < 0.85 else dob.isoformat(),
            "SSN": ssn,
            "Home Phone": rng.choice([f.phone_number(), f"({f.msisdn()[3:6]}) {f.msisdn()[6:9]}-{f.msisdn()[9:13]}"]),
            "E-mail": _maybe(rng, 0.9, f.free_email() if rng.random() < 0.7 else f"{first}.{last}@{f.domain_name()}".lower()),
            "Street Addr": f.street_address(),
            "City": f.city(),
            "ST": f.state_abbr(),
            "ZIP": int(zip_code) if rng.random() < 0.7 else zip_code,
            "Loan Type": rng.choice(types),
            "Requested Amt ($)": round(rng.uniform(1500, 85000), 2),
            "Term (mo)": rng.choice([12, 24, 36, 48, 60, 72, 84]),
            "APR %": round(rng.uniform(4.99, 17.99), 2),
            "Annual Income": float(rng.randrange(18000, 240000, 500)),
            "Employer": _maybe(rng, 0.85, f.company(), "n/a"),
            "Disb. Acct #": str(rng.randrange(10**7, 10**12)),
            "Routing No": rng.choice(["211274450", "011000138", "322271627", "063100277", "121000358"]),
            "Submitted": (datetime(2025, 1, 1) + timedelta(minutes=rng.randrange(600000))).strftime("%Y-%m-%d %H:%M:%S"),
            "Loan Officer": rng.choice(officers),
            "Decision Notes": rng.choice(notes),
        })
    return pd.DataFrame(out)


def _spitex(rows: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["de_CH"]
    kassen = ["CSS", "Helsana", "Swica", "Concordia", "Sanitas", "Visana", "KPT", "Groupe Mutuel"]
    leistungen = ["Grundpflege", "Behandlungspflege", "Hauswirtschaft", "Abklärung/Beratung", "Palliative Care"]
    kantone = ["ZH", "BE", "LU", "AG", "SG", "BS", "TG", "SO"]
    bem = [
        "", "Schlüssel im Kästchen", "Mo/Mi/Fr morgens", "Kompressionsstrümpfe anziehen",
        "Hund im Haus", "Medikamente wöchentlich richten", "Lift defekt, 3. Stock",
        "Wundversorgung Unterschenkel li.\nVerbandswechsel 2x/Woche",
    ]
    out = []
    for i in range(rows):
        dob = _dob(rng, 1925, 1975)
        out.append({
            "KlientenNr": 10000 + i,
            "Name": f.last_name(),
            "Vorname": f.first_name(),
            "Geb.-Datum": dob.strftime("%d.%m.%Y") if rng.random() < 0.9 else datetime(dob.year, dob.month, dob.day),
            "AHV-Nr.": _maybe(rng, 0.92, f.ssn()),
            "Strasse": f.street_address(),
            "PLZ": int(f.postcode()),
            "Ort": f.city(),
            "Kanton": rng.choice(kantone),
            "Tel. privat": _maybe(rng, 0.8, f.phone_number()),
            "Natel Angehörige": _maybe(rng, 0.6, f"07{rng.choice('5689')} {rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"),
            "Kontaktperson": _maybe(rng, 0.7, f.name()),
            "Hausarzt": _maybe(rng, 0.85, f"Dr. med. {f.first_name()} {f.last_name()}"),
            "E-Mail": _maybe(rng, 0.25, f.email()),
            "Krankenkasse": rng.choice(kassen),
            "Leistungsart": rng.choice(leistungen),
            "Std./Woche": round(rng.choice([0.5, 1, 1.5, 2, 3, 4.5, 6, 8]), 1),
            "Pflegestufe": rng.randrange(1, 13),
            "Eintritt": (date(2018, 1, 1) + timedelta(days=rng.randrange(2500))).strftime("%d.%m.%Y"),
            "Rückerstattung IBAN": _maybe(rng, 0.4, f.iban()),
            "Bemerkungen": rng.choice(bem),
        })
    return pd.DataFrame(out)


def _padron(rows: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["es_ES"]
    paises = ["ESPAÑA"] * 8 + ["MARRUECOS", "RUMANIA", "COLOMBIA", "ECUADOR", "ITALIA"]
    provs = ["MADRID", "BARCELONA", "SEVILLA", "VALENCIA", "ZARAGOZA", "A CORUÑA", "MURCIA", "ALICANTE"]
    causas = ["AO", "CD", "MD", "NA", "OM", "CN"]
    out = []
    for _i in range(rows):
        pais = rng.choice(paises)
        if pais == "ESPAÑA":
            tipo, doc = "1", f.nif()
        elif rng.random() < 0.7:
            tipo, doc = "3", f.nie()
        else:
            tipo, doc = "2", f"{rng.choice('ABCPX')}{rng.choice('ABCKLM')}{rng.randrange(1000000, 9999999)}"
        cp = f.postcode()
        via = rng.choice(["C/", "CALLE", "AVDA.", "PZA.", "CTRA."])
        dom = f"{via} {f.street_name().upper()}, {rng.randrange(1, 180)}"
        if rng.random() < 0.6:
            dom += f" {rng.randrange(1, 9)}º {rng.choice('ABCDI')}"
        dob = _dob(rng, 1930, 2024)
        out.append({
            "NUM_INSCRIPCION": f"{rng.randrange(1, 99999):08d}",
            "NOMBRE": f.first_name().upper(),
            "APELLIDO1": f.last_name().upper(),
            "APELLIDO2": _maybe(rng, 0.85, f.last_name().upper()),
            "SEXO": rng.choice(["H", "M"]),
            "TIPO_DOC": tipo,
            "NUM_DOC": doc,
            "FECHA_NAC": dob.strftime("%d/%m/%Y"),
            "MUNICIPIO_NAC": f.city().upper() if pais == "ESPAÑA" else "",
            "PROVINCIA_NAC": rng.choice(provs) if pais == "ESPAÑA" else "",
            "PAIS_NAC": pais,
            "NACIONALIDAD": pais if pais != "ESPAÑA" else "ESPAÑOLA",
            "DOMICILIO": dom,
            "COD_POSTAL": int(cp),
            "DISTRITO": f"{rng.randrange(1, 22):02d}",
            "SECCION": f"{rng.randrange(1, 140):03d}",
            "NIVEL_ESTUDIOS": rng.choice(["10", "21", "22", "31", "32", "41", "43", "44", "45", "46", "47", "48"]),
            "FECHA_VARIACION": (date(2010, 1, 1) + timedelta(days=rng.randrange(5400))).strftime("%Y%m%d"),
            "CAUSA_VARIACION": rng.choice(causas),
            "TELEFONO": _maybe(rng, 0.35, f.phone_number().replace("+34 ", "") if rng.random() < 0.5 else f.phone_number()),
            "CORREO_E": _maybe(rng, 0.2, f.free_email()),
        })
    return pd.DataFrame(out)


def _kinderopvang(rows: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["nl_NL"]
    locaties = ["KDV De Regenboog", "BSO Het Avontuur", "KDV Dikkertje Dap", "Peuteropvang Pinkeltje", "BSO De Boomhut"]
    groepen = ["Babygroep", "Dreumesgroep", "Peutergroep", "Verticale groep", "BSO 4-7", "BSO 8-12"]
    soorten = ["dagopvang", "buitenschoolse opvang", "peuteropvang", "gastouderopvang"]
    allergie = ["", "", "", "pinda", "lactose-intolerant", "geen varkensvlees", "eczeem, eigen zalf meegeven", "glutenvrij"]
    out = []
    for _i in range(rows):
        achternaam = f.last_name()
        kid_dob = _dob(rng, 2013, 2025)
        out.append({
            "gezin_id": f"G-{rng.randrange(1000, 99999)}",
            "naam_ouder1": f"{f.first_name()} {achternaam}",
            "naam_ouder2": _maybe(rng, 0.55, f.name(), None),
            "BSN ouder 1": f.ssn(),
            "roepnaam kind": f.first_name(),
            "achternaam kind": achternaam,
            "geboortedatum kind": kid_dob.strftime("%d-%m-%Y"),
            "BSN kind": _maybe(rng, 0.9, f.ssn(), None),
            "adres": f.street_address(),
            "postcode": f.postcode(),
            "woonplaats": f.city(),
            "mobiel": f.phone_number(),
            "e-mailadres": f.free_email(),
            "IBAN incasso": f.iban(),
            "ophalen door": _maybe(rng, 0.4, f.first_name() + " (" + rng.choice(["oma", "opa", "buurvrouw", "oppas", "tante"]) + ")", None),
            "locatie": rng.choice(locaties),
            "groep": rng.choice(groepen),
            "opvangsoort": rng.choice(soorten),
            "contract_uren_pw": float(rng.choice([8, 10.5, 16, 20, 22, 27, 32, 40])),
            "uurtarief": round(rng.uniform(8.5, 11.9), 2),
            "startdatum": date(2023, 1, 1) + timedelta(days=rng.randrange(900)),
            "KOT_toeslag": rng.random() < 0.8,
            "allergieen_dieet": rng.choice(allergie),
        })
    return pd.DataFrame(out)


def _studenci(rows: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["pl_PL"]
    kierunki = ["Informatyka", "Ekonomia", "Prawo", "Biotechnologia", "Filologia angielska", "Zarządzanie", "Matematyka"]
    wydzialy = ["WMiI", "WE", "WPiA", "WB", "WF", "WZ"]
    statusy = ["aktywny", "urlop dziekański", "skreślony", "absolwent", "aktywny"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        album = 400000 + i
        dob = _dob(rng, 1985, 2007)
        login = f"{first[0]}{last}".lower()[:12] + str(rng.randrange(10, 99))
        out.append({
            "nr_albumu": album,
            "imie": first,
            "drugie_imie": _maybe(rng, 0.45, f.first_name(), None),
            "nazwisko": last,
            "PESEL": f.pesel(),
            "data_urodzenia": dob.isoformat(),
            "miejsce_urodzenia": f.city(),
            "adres_zamieszkania": f"{f.street_address()}, {f.city()}",
            "kod_pocztowy": f.postcode(),
            "telefon": _maybe(rng, 0.9, f.phone_number()),
            "email_uczelniany": f"{album}@stud.uczelnia.edu.pl",
            "email_prywatny": _maybe(rng, 0.6, f.free_email(), None),
            "login_usos": login,
            "nr_konta_stypendium": _maybe(rng, 0.35, f.iban()[2:] if rng.random() < 0.6 else f.iban(), None),
            "kierunek": rng.choice(kierunki),
            "wydzial": rng.choice(wydzialy),
            "forma_studiow": rng.choice(["stacjonarne", "niestacjonarne"]),
            "rok_studiow": rng.randrange(1, 6),
            "semestr": rng.choice(["2025Z", "2025L", "2024Z"]),
            "srednia_ocen": round(rng.uniform(3.0, 5.0), 2),
            "status": rng.choice(statusy),
            "obywatelstwo": rng.choice(["PL"] * 9 + ["UA", "BY"]),
            "data_immatrykulacji": f"{rng.randrange(2019, 2026)}-10-01",
            "legitymacja_wazna_do": f"{rng.randrange(2025, 2027)}-{rng.choice(['03', '10'])}-31",
        })
    return pd.DataFrame(out)


def _customers(rows: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["en_GB"]
    cuisines = ["Pizza", "Indian", "Chinese", "Burgers", "Thai", "Sushi", "Kebab", "Vegan", ""]
    instr = ["", "", "Leave at door", "Ring bell twice", "Flat above the shop", "Don't knock, baby sleeping",
             "Gate code is on the intercom", "Call on arrival"]
    uas = [
        "DeliveryApp/5.12.0 (iPhone; iOS 17.4; Scale/3.00)",
        "DeliveryApp/5.11.3 (Android 14; SM-S918B)",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
    ]
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        out.append({
            "customer_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "Full Name": f"{first} {last}",
            "Display name": rng.choice([first, f"{first} {last[0]}.", f"{first} {last}"]),
            "Email": f.free_email(),
            "Phone": _maybe(rng, 0.85, f.phone_number()),
            "Default Delivery Address": f.street_address().replace("\n", ", "),
            "City": f.city(),
            "Postcode": f.postcode(),
            "Signup IP": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
            "Card on file": _maybe(rng, 0.7, f"**** {rng.randrange(0, 9999):04d}"),
            "Orders (lifetime)": rng.randrange(0, 400),
            "Total spend £": round(rng.uniform(0, 5000), 2),
            "Last order at": (datetime(2025, 6, 1) + timedelta(seconds=rng.randrange(10**7))).isoformat() + "Z",
            "Fav cuisine": rng.choice(cuisines),
            "Marketing opt-in": rng.choice(["TRUE", "FALSE"]),
            "Referral code": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8)),
            "App version": f"5.{rng.randrange(0, 13)}.{rng.randrange(0, 6)}",
            "Device UA": rng.choice(uas),
            "Delivery instructions": rng.choice(instr),
        })
    return pd.DataFrame(out)


def _couriers(rows: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["en_GB"]
    zones = ["London Central", "London East", "Manchester", "Leeds", "Bristol", "Glasgow", "Birmingham"]
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 1965, 2006)
        out.append({
            "Courier ID": f"CR{rng.randrange(10**6, 10**7)}",
            "First name": first,
            "Surname": last,
            "Date of birth": datetime(dob.year, dob.month, dob.day),
            "Mobile": f"07{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}",
            "Email address": f.free_email(),
            "Home address": f.address().replace("\n", ", "),
            "NI number": f.ssn().replace(" ", "") if rng.random() < 0.5 else f.ssn(),
            "Account no.": f"{rng.randrange(0, 10**8):08d}",
            "Rider app username": f.user_name(),
            "Vehicle": rng.choice(["Bicycle", "E-bike", "Scooter", "Car", "Motorbike"]),
            "Zone": rng.choice(zones),
            "Rating": round(rng.uniform(3.5, 5.0), 2),
            "Deliveries (30d)": rng.randrange(0, 600),
            "Onboarded": (date(2021, 1, 1) + timedelta(days=rng.randrange(1700))).isoformat(),
            "RTW checked": rng.choice(["Yes", "No", "Yes", "Yes"]),
            "Last login IP": f.ipv4_public(),
            "Kit hash": f.sha1(),
        })
    return pd.DataFrame(out)


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table deterministically; table k gets about rows * (1 - 0.07k) rows."""
    rng = random.Random(SEED)
    fk = _fakers("en_US", "de_CH", "es_ES", "nl_NL", "pl_PL", "en_GB")
    builders = (_loans, _spitex, _padron, _kinderopvang, _studenci, _customers, _couriers)
    return {
        name: build(max(1, int(rows * (1 - 0.07 * k))), rng, fk)
        for k, (name, build) in enumerate(zip(TABLES, builders, strict=True))
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        path = out_dir / FILES[name]
        if name == "cu_loan_applications":
            df.to_csv(path, index=False, encoding="utf-8")
        elif name == "padron_habitantes":
            df.to_csv(path, index=False, sep=";", encoding="cp1252")
        elif name == "delivery_customers":
            df.to_csv(path, index=False, sep="\t", encoding="utf-8-sig")
        elif path.suffix == ".xlsx":
            df.to_excel(path, index=False, engine="openpyxl")
        elif path.suffix == ".parquet":
            df.to_parquet(path, index=False)
        else:
            df.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout36.py OUT_DIR")
    for table, p in write_all(Path(sys.argv[1])).items():
        print(table, p)
