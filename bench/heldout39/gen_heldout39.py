"""Blind held-out set heldout39: six synthetic exports (US voter roll, CZ municipal residents,
ES insurance policy holders, NL rental applicants, SE payroll, job-board candidates).

Labels live in labels.yaml (written by hand, before any scanner run). Seeded and deterministic.
"""

from __future__ import annotations

import hashlib
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 39390
HERE = Path(__file__).resolve().parent
TABLES = (
    "voter_roll_export",
    "obyvatele_evidence",
    "asegurados_polizas",
    "huur_inschrijvingen",
    "lonelista_2025",
    "jobboard_candidates",
)
FILES = {
    "voter_roll_export": "voter_roll_export.csv",
    "obyvatele_evidence": "obyvatele_evidence.csv",
    "asegurados_polizas": "asegurados_polizas.xlsx",
    "huur_inschrijvingen": "huur_inschrijvingen.parquet",
    "lonelista_2025": "lonelista_2025.csv",
    "jobboard_candidates": "jobboard_candidates.jsonl",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value, p: float, blanks=("", None)):
    """Return value, or (with probability p) one of the blank markers."""
    return rng.choice(blanks) if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 18, hi: int = 90) -> date:
    return date(2025, 6, 1) - timedelta(days=rng.randint(lo * 365, hi * 365))


def _hex(rng: random.Random, n: int) -> str:
    return hashlib.sha1(str(rng.random()).encode()).hexdigest()[:n]


def _voters(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("en_US", 1)
    parties = ["DEM", "REP", "UNA", "LIB", "GRN", "NPA"]
    statuses = ["A", "I", "P", "C"]
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng)
        phone = f.phone_number() if rng.random() < 0.55 else ""
        out.append({
            "VOTER_REG_NUM": f"{rng.randint(1, 999999999):09d}",
            "County Code": rng.choice(["037", "063", "119", "183"]),
            "LAST_NAME": last.upper(),
            "FIRST_NAME": first.upper(),
            "MIDL_NAME": _blank(rng, f.first_name().upper(), 0.35),
            "name_sufx_cd": rng.choice(["", "", "", "", "JR", "SR", "III"]),
            "res_street_address": f.street_address().upper(),
            "res_city_desc": f.city().upper(),
            "state_cd": f.state_abbr(),
            "zip_code": _blank(rng, f.zipcode(), 0.02),
            "mail_addr1": _blank(rng, f.street_address(), 0.7),
            "BIRTH_DATE": dob.strftime("%m/%d/%Y"),
            "birth_state": f.state_abbr(),
            "full_phone_number": phone,
            "EMAIL": _blank(rng, f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{f.free_email_domain()}", 0.6),
            "SSN_LAST4_OR_FULL": f.ssn() if rng.random() < 0.4 else "",
            "party_cd": rng.choice(parties),
            "voter_status_desc": rng.choice(statuses),
            "registr_dt": (date(1970, 1, 1) + timedelta(days=rng.randint(0, 20000))).isoformat(),
            "precinct_abbrv": f"{rng.randint(1, 60):02d}-{rng.choice('ABCD')}",
            "cong_dist_abbrv": str(rng.randint(1, 14)),
            "ballot_req_type": rng.choice(["MAIL", "IN PERSON", "", "UOCAVA"]),
            "last_voted (yr)": float(rng.choice([2016, 2018, 2020, 2022, 2024])) if rng.random() < 0.8 else None,
            "confidential_ind": rng.choice(["N", "N", "N", "Y"]),
        })
    return pd.DataFrame(out)


def _czech(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("cs_CZ", 2)
    out = []
    for i in range(rows):
        dob = _dob(rng, 0, 95)
        out.append({
            "Poř. č.": i + 1,
            "Příjmení": f.last_name(),
            "Jméno": f.first_name(),
            "Titul": rng.choice(["", "", "", "Ing.", "Mgr.", "Bc.", "MUDr."]),
            "Rodné číslo": f.birth_number() if rng.random() < 0.9 else "",
            "Datum narození": dob.strftime("%-d.%-m.%Y"),
            "Místo narození": _blank(rng, f.city(), 0.1, ("", "n/a")),
            "Ulice a č.p.": f.street_address(),
            "Obec / část obce": f.city(),
            "PSČ": f.postcode().replace(" ", "") if rng.random() < 0.3 else f.postcode(),
            "Telefon": _blank(rng, f.phone_number(), 0.5),
            "E-mail": _blank(rng, f.email(), 0.65),
            "Číslo OP": _blank(rng, f"{rng.randint(100000000, 999999999)}", 0.3),
            "Státní občanství": rng.choice(["CZ", "CZ", "CZ", "SK", "UA", "VN"]),
            "Datum přihlášení k pobytu": (date(1990, 1, 1) + timedelta(days=rng.randint(0, 12000))).strftime("%d.%m.%Y"),
            "Poplatek za odpad (Kč)": rng.choice([600, 720, 900, 0]),
            "Zaplaceno": rng.choice(["ano", "ne", "ano"]),
            "Var. symbol": f"{rng.randint(1000, 99999999)}",
            "Pes (ks)": rng.choice([0, 0, 1, 2]),
            "Zákonný zástupce": f"{f.first_name()} {f.last_name()}" if dob.year > 2007 else "",
            "Poznámka": rng.choice(["", "", "osvobozen od poplatku", "dluh z r. 2023", "student mimo obec",
                                   "nová přípojka vody"]),
        })
    return pd.DataFrame(out)


def _spain(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("es_ES", 3)
    ramos = ["Hogar", "Auto", "Vida Riesgo", "Salud", "Decesos", "Comercio"]
    out = []
    for _i in range(rows):
        first, l1, l2 = f.first_name(), f.last_name(), f.last_name()
        tomador = f"{l1} {l2}, {first}"
        out.append({
            "Nº Póliza": f"{rng.choice(['HG', 'AU', 'VR', 'SA'])}-{rng.randint(10000000, 99999999)}",
            "Tomador": tomador,
            "NIF/NIE": f.nif() if rng.random() < 0.85 else f.nie(),
            "Fecha nac.": _dob(rng) if rng.random() < 0.95 else None,
            "Domicilio": f.street_address(),
            "C.P.": int(f.postcode()),
            "Población": f.city(),
            "Provincia": f.state(),
            "Tlf. móvil": _blank(rng, f.phone_number(), 0.1),
            "Correo electrónico": _blank(rng, f.email(), 0.3),
            "IBAN domiciliación": f.iban() if rng.random() < 0.9 else "",
            "Nombre asegurado ppal.": _blank(rng, f"{f.first_name()} {f.last_name()} {f.last_name()}", 0.4),
            "Beneficiario": _blank(rng, f.name(), 0.75),
            "Ramo": rng.choice(ramos),
            "Prima anual (€)": round(rng.uniform(90, 2400), 2),
            "Fecha efecto": datetime(2020, 1, 1) + timedelta(days=rng.randint(0, 2000)),
            "Fecha vencimiento": datetime(2025, 1, 1) + timedelta(days=rng.randint(0, 700)),
            "Forma de pago": rng.choice(["Anual", "Semestral", "Trimestral", "Mensual"]),
            "Mediador": rng.choice(["Correduría Levante SL", "Agencia Norte Seguros", "Directo", "Banca-seguros"]),
            "Siniestros (nº)": rng.choice([0, 0, 0, 1, 2, 3]),
            "Bonificación %": rng.choice([0, 5, 10, 15, 20]),
            "Matrícula": _blank(rng, f"{rng.randint(0, 9999):04d} {''.join(rng.choices('BCDFGHJKLMNPRSTVWXYZ', k=3))}", 0.6),
        })
    return pd.DataFrame(out)


def _dutch(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("nl_NL", 4)
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        out.append({
            "InschrijfNr": f"WN{rng.randint(100000, 999999)}",
            "Voornamen": first if rng.random() < 0.5 else f"{first} {f.first_name()}",
            "Roepnaam": first,
            "Achternaam": (rng.choice(["", "", "van ", "de ", "van der ", "van den "]) + last).strip(),
            "Geboortedatum": _dob(rng, 18, 80).strftime("%d-%m-%Y"),
            "BSN": f.ssn() if rng.random() < 0.7 else None,
            "Straat + huisnr": f.street_address(),
            "Postcode": f.postcode(),
            "Woonplaats": f.city(),
            "Telefoonnummer": f.phone_number(),
            "E-mailadres": f.email(),
            "Naam medeaanvrager": _blank(rng, f.name(), 0.6, (None,)),
            "Bruto jaarinkomen": float(rng.randint(18000, 95000)),
            "Huishoudgrootte": rng.randint(1, 6),
            "Inschrijfduur (mnd)": rng.randint(0, 180),
            "Voorkeur wijk": rng.choice(["Centrum", "Noord", "Oost", "Zuid", "West", "geen voorkeur"]),
            "Urgentie": rng.choice([True, False, False, False]),
            "Status": rng.choice(["actief", "gereageerd", "toegewezen", "ingetrokken"]),
            "Laatste reactie": datetime(2024, 1, 1) + timedelta(minutes=rng.randint(0, 800000)),
            "Woningnet-ID": f.user_name() if rng.random() < 0.8 else None,
        })
    return pd.DataFrame(out)


def _se_account(rng: random.Random) -> str:
    return f"{rng.randint(3000, 9969)}-{rng.randint(0, 9)}, {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}-{rng.randint(0, 9)}"


def _sweden(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("sv_SE", 5)
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        brutto = rng.randint(24000, 78000)
        out.append({
            "Anst.nr": rng.randint(1, 9999),
            "Personnummer": f.ssn(),
            "Efternamn": last,
            "Förnamn": first,
            "Utdelningsadress": f.street_address(),
            "Postnr": rng.choice([lambda p: p, lambda p: f"{p[:3]} {p[3:]}"])(f.postcode()),
            "Postort": f.city(),
            "Mobil": _blank(rng, f.phone_number(), 0.2),
            "E-post (privat)": _blank(rng, f"{first.lower()}.{last.lower()}@{f.free_email_domain()}", 0.5),
            "Clearingnr/Kontonr": _se_account(rng),
            "Närmaste anhörig": _blank(rng, f.name(), 0.5),
            "Anhörig tfn": _blank(rng, f.phone_number(), 0.5),
            "Kostnadsställe": rng.choice(["1010", "1020", "2100", "3300", "4500"]),
            "Befattning": rng.choice(["Lagerarbetare", "Säljare", "Ekonomiassistent", "Utvecklare", "Chaufför"]),
            "Månadslön (SEK)": brutto,
            "Skattetabell": rng.choice([29, 30, 31, 32, 33, 34]),
            "Prel. skatt": round(brutto * rng.uniform(0.2, 0.35)),
            "Semesterdagar kvar": rng.randint(0, 35),
            "Sysselsättningsgrad %": rng.choice([100, 100, 80, 75, 50]),
            "Utbet.datum": "2025-06-25",
            "Lönearttkod": rng.choice(["011", "021", "310", "510"]),
        })
    return pd.DataFrame(out)


def _jobboard(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("en_GB", 6)
    fus = _faker("en_US", 7)
    titles = ["Data Analyst", "Nurse (Band 5)", "Backend Engineer", "Warehouse Operative", "Account Manager",
              "Project Coordinator"]
    skills = ["python", "sql", "excel", "forklift licence", "salesforce", "react", "phlebotomy"]
    out = []
    for _i in range(rows):
        ff = f if rng.random() < 0.6 else fus
        first, last = ff.first_name(), ff.last_name()
        city = ff.city()
        summary = rng.choice([
            f"Experienced {rng.choice(titles).lower()} with {rng.randint(1, 15)} years in the sector.\n"
            "Looking for hybrid roles.",
            "Open to relocation. Available immediately.",
            "",
            "Career changer; completed bootcamp in 2024.\nStrong communicator.",
        ])
        out.append({
            "candidateId": str(uuid.UUID(int=rng.getrandbits(128))),
            "fullName": f"{first} {last}",
            "displayName": rng.choice([first, f"{first} {last[0]}.", f"{first[0]}. {last}"]),
            "emailAddress": f"{first.lower()}{rng.choice(['', '.', '_'])}{last.lower()}@{ff.free_email_domain()}",
            "phone": _blank(rng, ff.phone_number(), 0.3, ("", "n/a", None)),
            "location": rng.choice([city, f"{city}, {'UK' if ff is f else 'USA'}"]),
            "postcode": _blank(rng, ff.postcode(), 0.5),
            "username": ff.user_name(),
            "dob": _blank(rng, _dob(rng, 18, 65).isoformat(), 0.8),
            "lastLoginIp": ff.ipv4_public() if rng.random() < 0.9 else ff.ipv6(),
            "linkedinHandle": _blank(rng, f"{first.lower()}-{last.lower()}-{_hex(rng, 6)}", 0.5),
            "referredBy": _blank(rng, ff.name(), 0.85),
            "desiredTitle": rng.choice(titles),
            "salaryExpectation": rng.choice([28000, 35000, 45000, 60000, 75000, None]),
            "currency": rng.choice(["GBP", "USD"]),
            "skills": ";".join(sorted(set(rng.sample(skills, rng.randint(1, 4))))),
            "yearsExperience": rng.randint(0, 30),
            "cvFileHash": _hex(rng, 40),
            "profileSummary": summary,
            "createdAt": (datetime(2023, 1, 1) + timedelta(seconds=rng.randint(0, 70_000_000))).isoformat() + "Z",
            "willingToRelocate": rng.choice([True, False]),
            "appCount": rng.randint(0, 80),
            "sourceChannel": rng.choice(["organic", "indeed_feed", "referral", "linkedin_ads"]),
            "userAgent": rng.choice([
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
            ]),
        })
    return pd.DataFrame(out)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table with `rows` rows, deterministically."""
    builders = [_voters, _czech, _spain, _dutch, _sweden, _jobboard]
    return {t: b(rows, random.Random(SEED + k)) for k, (t, b) in enumerate(zip(TABLES, builders, strict=True))}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths = {t: out_dir / FILES[t] for t in TABLES}
    tables["voter_roll_export"].to_csv(paths["voter_roll_export"], index=False, encoding="utf-8-sig")
    tables["obyvatele_evidence"].to_csv(paths["obyvatele_evidence"], index=False, sep=";", encoding="cp1250",
                                        errors="replace")
    tables["asegurados_polizas"].to_excel(paths["asegurados_polizas"], index=False, engine="openpyxl",
                                          sheet_name="Cartera")
    tables["huur_inschrijvingen"].to_parquet(paths["huur_inschrijvingen"], index=False)
    tables["lonelista_2025"].to_csv(paths["lonelista_2025"], index=False, sep="\t", encoding="utf-8",
                                    decimal=",")
    tables["jobboard_candidates"].to_json(paths["jobboard_candidates"], orient="records", lines=True,
                                          force_ascii=False)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout39.py OUT_DIR")
    for name, path in write_all(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
