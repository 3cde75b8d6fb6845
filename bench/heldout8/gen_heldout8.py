"""Blind held-out set 8 for the PII scanner: six seeded tables exported from made-up real-world systems.

Tables (domain, format):
  ie_pension_members     Irish occupational pension scheme member extract  CSV, comma, UTF-8 with BOM
  at_physio_patienten    Austrian physiotherapy practice patient list      Excel .xlsx
  es_alumni_donantes     Spanish university alumni / donor CRM             Parquet
  be_deelsteps_ritten    Flemish e-scooter / bike sharing trips + riders   JSON Lines
  us_returns_tickets     English e-commerce returns / support tickets     CSV, tab, UTF-8
  no_hr_onboarding       Norwegian HR onboarding sheet                     CSV, semicolon, cp1252

Labels live in labels.yaml next to this file (written by hand, before any scanner run).
Usage: python bench/heldout8/gen_heldout8.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import json
import random
import string
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 8080
HERE = Path(__file__).resolve().parent

TABLES = (
    "ie_pension_members",
    "at_physio_patienten",
    "es_alumni_donantes",
    "be_deelsteps_ritten",
    "us_returns_tickets",
    "no_hr_onboarding",
)

FILES = {
    "ie_pension_members": "ie_pension_members.csv",
    "at_physio_patienten": "at_physio_patienten.xlsx",
    "es_alumni_donantes": "es_alumni_donantes.parquet",
    "be_deelsteps_ritten": "be_deelsteps_ritten.jsonl",
    "us_returns_tickets": "us_returns_tickets.csv",
    "no_hr_onboarding": "no_hr_onboarding.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {table: dict(doc[table]["columns"]) for table in TABLES}


# ----------------------------------------------------------------------------- helpers


def _faker(locale: str, offset: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(SEED + offset)
    return fake


def _rng(table: str) -> random.Random:
    return random.Random(f"{SEED}-{table}")


def _blank(rng: random.Random, p: float, value, blanks=("",)):
    """Return value, or (with probability p) one of the blank markers."""
    return rng.choice(blanks) if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 1948, hi: int = 2003) -> date:
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


def _event_date(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randrange((hi - lo).days))


def _iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _ipv4(rng: random.Random) -> str:
    first = rng.choice([31, 37, 46, 62, 77, 81, 84, 91, 94, 109, 145, 178, 188, 193, 212, 213])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def _ipv6(rng: random.Random) -> str:
    return "2a02:" + ":".join(f"{rng.randrange(65536):x}" for _ in range(7))


def _ascii(s: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "á": "a",
                           "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "à": "a", "ò": "o",
                           "ø": "o", "å": "a", "æ": "ae", "ë": "e", "ï": "i", "'": "", " ": ""})
    return s.lower().translate(table)


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, la = _ascii(first), _ascii(last.split()[-1])
    local = rng.choice([f"{f}.{la}", f"{f[0]}{la}", f"{f}{la}{rng.randrange(1, 99)}", f"{la}.{f}",
                        f"{f}_{la}", f"{f}{rng.randrange(60, 99)}"])
    return f"{local}@{rng.choice(domains)}"


def _hexhash(rng: random.Random, n: int = 40) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# ----------------------------------------------------------------------------- Ireland: pension members

IE_TOWNS = [  # (town, county, eircode routing keys)
    ("Dublin 2", "Dublin", ["D02"]), ("Dublin 6W", "Dublin", ["D6W"]), ("Dublin 15", "Dublin", ["D15"]),
    ("Cork", "Cork", ["T12", "T23"]), ("Ballincollig", "Cork", ["P31"]), ("Galway", "Galway", ["H91"]),
    ("Limerick", "Limerick", ["V94"]), ("Waterford", "Waterford", ["X91"]), ("Kilkenny", "Kilkenny", ["R95"]),
    ("Sligo", "Sligo", ["F91"]), ("Athlone", "Westmeath", ["N37"]), ("Drogheda", "Louth", ["A92"]),
    ("Dundalk", "Louth", ["A91"]), ("Navan", "Meath", ["C15"]), ("Ennis", "Clare", ["V95"]),
    ("Tralee", "Kerry", ["V92"]), ("Letterkenny", "Donegal", ["F92"]), ("Carlow", "Carlow", ["R93"]),
    ("Naas", "Kildare", ["W91"]), ("Wexford", "Wexford", ["Y35"]), ("Bray", "Wicklow", ["A98"]),
    ("Mullingar", "Westmeath", ["N91"]), ("Portlaoise", "Laois", ["R32"]), ("Castlebar", "Mayo", ["F23"]),
    ("Clonmel", "Tipperary", ["E91"]), ("Tullamore", "Offaly", ["R35"]), ("Swords", "Dublin", ["K67"]),
]
IE_STREETS = ["Main Street", "Church Road", "Green Lane", "Castle Street", "Oakwood Drive", "Mill Road",
              "Strand Road", "Parnell Street", "O'Connell Avenue", "Ashgrove Park", "Cluain Mhuire",
              "The Crescent", "Sea Road", "Bóthar na Trá", "Willow Court", "Hazel Grove", "Abbey Street",
              "College Road", "Riverside Walk", "Father Griffin Road"]
IE_EMPLOYERS = ["Kerrigan Foods Ltd", "Shannon Precision Engineering DAC", "Atlantic Freight Ireland",
                "Midlands Credit Union", "Corrib Software Ltd", "Leinster Hospitality Group",
                "Boyne Valley Pharma", "Emerald Print & Pack"]
EIR_CHARS = "ACDEFHKNPRTVWXY0123456789"


def _ppsn(rng: random.Random) -> str:
    digits = [rng.randrange(10) for _ in range(7)]
    second = rng.choice(["", "", "", "A", "W"])
    total = sum(d * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    if second == "A":
        total += 9 * 1
    check = "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]
    body = "".join(map(str, digits))
    return rng.choice([f"{body}{check}{second}", f"{body}{check}{second}", f"{body} {check}{second}",
                       f"{body}{check}{second}".lower()])


def _ie_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        pre = rng.choice(["083", "085", "086", "087", "089"])
        a, b = rng.randrange(100, 1000), rng.randrange(1000, 10000)
        return rng.choice([f"{pre} {a} {b}", f"{pre}{a}{b}", f"+353 {pre[1:]} {a} {b}", f"+353{pre[1:]}{a}{b}"])
    area = rng.choice(["01", "021", "091", "061", "051", "056", "071", "090", "041", "065"])
    n = rng.randrange(2000000, 9999999) if area == "01" else rng.randrange(200000, 999999)
    return rng.choice([f"{area} {n}", f"({area}) {n}", f"+353 {area[1:]} {n}"])


def _ie_pension(rows: int) -> pd.DataFrame:
    rng, fake = _rng("ie"), _faker("en_IE", 1)
    banks = [("AIBK", "93"), ("BOFI", "90"), ("IPBS", "99"), ("ULSB", "98")]
    out = []
    for _i in range(rows):
        first, last = fake.first_name(), fake.last_name()
        if rng.random() < 0.15:
            first = f"{first} {fake.first_name()}"
        town, county, keys = rng.choice(IE_TOWNS)
        eir = rng.choice(keys) + " " + "".join(rng.choice(EIR_CHARS) for _ in range(4))
        if rng.random() < 0.2:
            eir = eir.replace(" ", "")
        dob = _dob(rng, 1955, 2002)
        joined = _event_date(rng, date(1995, 1, 1), date(2024, 6, 30))
        bank, sort_prefix = rng.choice(banks)
        iban = _iban("IE", f"{bank}{sort_prefix}{rng.randrange(10000):04d}{rng.randrange(10**8):08d}")
        salary = rng.randrange(28000, 140000, 250)
        out.append({
            "Member No": f"M{rng.randrange(100000, 999999)}",
            "Scheme Ref": rng.choice(["DC-2011-04", "DB-1998-01", "PRSA-AVC", "DC-2019-12"]),
            "Title": _blank(rng, 0.05, rng.choice(["Mr", "Ms", "Mrs", "Dr", "Miss"])),
            "Forename(s)": first,
            "Surname": last,
            "DOB": dob.strftime("%d/%m/%Y") if rng.random() < 0.9 else dob.isoformat(),
            "PPSN": _blank(rng, 0.03, _ppsn(rng)),
            "Addr Line 1": f"{rng.randrange(1, 240)} {rng.choice(IE_STREETS)}",
            "Addr Line 2": _blank(rng, 0.7, rng.choice(["Apt 4", "Ballymore", "Knocknacarra", "Rathmines",
                                                        "Blackrock", "Ardnacrusha", "Unit 12 The Maltings"])),
            "Town/City": town,
            "County": rng.choice([county, f"Co. {county}"]),
            "Eircode": _blank(rng, 0.08, eir),
            "Tel (Home)": _blank(rng, 0.55, _ie_phone(rng, False)),
            "Mobile": _blank(rng, 0.1, _ie_phone(rng, True)),
            "E-mail Address": _blank(rng, 0.12, _email(rng, first.split()[0], last,
                                                       ["gmail.com", "eircom.net", "hotmail.com", "yahoo.ie"])),
            "Employer Name": rng.choice(IE_EMPLOYERS),
            "Date Joined Scheme": joined.strftime("%d/%m/%Y"),
            "Normal Retirement Date": date(dob.year + 66, dob.month, min(dob.day, 28)).strftime("%d/%m/%Y"),
            "Salary (EUR)": float(salary),
            "Employee Contrib %": rng.choice([3, 4, 5, 5, 6, 7.5, 8, 10]),
            "Fund Value €": round(rng.uniform(1500, 480000), 2),
            "Beneficiary Name": _blank(rng, 0.3, f"{fake.first_name()} {rng.choice([last, fake.last_name()])}"),
            "Beneficiary Relationship": rng.choice(["Spouse", "Civil Partner", "Son", "Daughter", "Estate", ""]),
            "Bank IBAN": _blank(rng, 0.2, iban if rng.random() < 0.6 else _group4(iban)),
            "BIC": bank + "IE2D",
            "Status": rng.choice(["Active", "Active", "Active", "Deferred", "Pensioner", "Leaver"]),
            "Online Portal User": _blank(rng, 0.4, rng.choice([
                f"{_ascii(first.split()[0])}{_ascii(last)[:6]}", f"{_ascii(first)[0]}{_ascii(last)}{rng.randrange(10, 99)}",
                f"{_ascii(last)}_{rng.randrange(100, 999)}"])),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- Austria: physiotherapy patients

AT_KASSEN = ["ÖGK", "BVAEB", "SVS", "ÖGK Wien", "ÖGK NÖ", "KFA Wien", "privat"]
AT_ICD = ["M54.5", "M75.1", "S83.2", "M17.1", "M25.56", "M51.2", "S93.4", "G56.0", "M79.6"]
AT_NOTES = ["Knie li., Termin verschoben", "Rezept läuft ab 03/25", "Lymphdrainage 30 min",
            "Heimübungen mitgegeben", "Schulter re. post-OP", "zahlt bar", "Manuelle Therapie + KG",
            "Bitte Befund nachreichen", "", "", "Hausbesuch möglich", "MTT ab 2. Serie"]


def _svnr(rng: random.Random, dob: date) -> str:
    dd = f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}"
    while True:
        serial = f"{rng.randrange(100, 1000)}"
        digits = [int(c) for c in serial + dd]
        total = sum(d * w for d, w in zip(digits, [3, 7, 9, 5, 8, 4, 2, 1, 6], strict=True))
        if total % 11 != 10:
            break
    check = total % 11
    nr = f"{serial}{check}{dd}"
    return rng.choice([nr, f"{nr[:4]} {nr[4:]}", f"{nr[:4]} {nr[4:]}", f"{nr[:4]}/{nr[4:]}"])


def _at_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        pre = rng.choice(["0664", "0660", "0676", "0650", "0699", "0681"])
        n = rng.randrange(1000000, 9999999)
        return rng.choice([f"{pre} {n}", f"{pre}/{n}", f"+43 {pre[1:]} {str(n)[:3]} {str(n)[3:5]} {str(n)[5:]}",
                           f"+43{pre[1:]}{n}"])
    area = rng.choice(["01", "0316", "0732", "0662", "0512", "02742", "0463"])
    n = rng.randrange(100000, 9999999)
    return rng.choice([f"{area}/{n}", f"{area} {n}", f"+43 {area[1:]} {n}"])


def _at_physio(rows: int) -> pd.DataFrame:
    rng, fake = _rng("at"), _faker("de_AT", 2)
    therapists = sorted({f"{fake.first_name()} {fake.last_name()[0]}." for _ in range(9)})
    doctors = sorted({f"{rng.choice(['Dr.', 'Dr. med.', 'MR Dr.', 'Dr.in'])} {fake.first_name()} {fake.last_name()}"
                      for _ in range(40)})
    out = []
    for i in range(rows):
        first, last = fake.first_name(), fake.last_name()
        dob = _dob(rng, 1938, 2015)
        out.append({
            "PatNr": 10000 + i * 3 + rng.randrange(3),
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Herr", ""]),
            "Titel": _blank(rng, 0.85, rng.choice(["Mag.", "Dr.", "DI", "Ing.", "MSc", "BEd"])),
            "Vorname": first,
            "Nachname": last,
            "Geb.-Datum": dob.strftime("%d.%m.%Y") if rng.random() < 0.85 else datetime(dob.year, dob.month, dob.day),
            "SV-Nummer": _blank(rng, 0.06, _svnr(rng, dob)),
            "Straße/Hausnr.": fake.street_address(),
            "PLZ": int(fake.postcode()),
            "Ort": fake.city(),
            "Land": rng.choice(["A", "A", "A", "AT", "Österreich", "D"]),
            "Telefon privat": _blank(rng, 0.6, _at_phone(rng, False)),
            "Handy": _blank(rng, 0.15, _at_phone(rng, True)),
            "E-Mail": _blank(rng, 0.3, _email(rng, first, last, ["gmx.at", "aon.at", "chello.at", "gmail.com",
                                                                  "a1.net"])),
            "Krankenkasse": rng.choice(AT_KASSEN),
            "Zuweiser (Arzt)": _blank(rng, 0.1, rng.choice(doctors)),
            "Diagnose (ICD-10)": rng.choice(AT_ICD),
            "Verordnete Einheiten": rng.choice([6, 8, 10, 10, 12]),
            "Letzte Behandlung": _event_date(rng, date(2023, 1, 1), date(2025, 3, 1)).strftime("%d.%m.%Y"),
            "Therapeut/in": rng.choice(therapists),
            "Offener Betrag €": _blank(rng, 0.6, round(rng.choice([0, 35, 42.5, 55, 70, 110]) * 1.0, 2), (None,)),
            "Notiz": rng.choice(AT_NOTES),
            "Einverständnis DSGVO": rng.choice(["Ja", "Ja", "Ja", "Nein", ""]),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- Spain: alumni / donor CRM

ES_PROVINCES = [  # (province, code, towns)
    ("Barcelona", "08", ["Barcelona", "Sabadell", "Terrassa", "Badalona", "Mataró", "L'Hospitalet de Llobregat",
                         "Sant Cugat del Vallès", "Granollers", "Vic", "Manresa"]),
    ("Girona", "17", ["Girona", "Figueres", "Olot", "Blanes", "Lloret de Mar"]),
    ("Tarragona", "43", ["Tarragona", "Reus", "Tortosa", "Cambrils", "Valls"]),
    ("Lleida", "25", ["Lleida", "Balaguer", "Tàrrega", "La Seu d'Urgell"]),
    ("Madrid", "28", ["Madrid", "Alcalá de Henares", "Getafe", "Móstoles", "Pozuelo de Alarcón"]),
    ("Valencia", "46", ["Valencia", "Gandia", "Torrent", "Paterna"]),
    ("Illes Balears", "07", ["Palma", "Manacor", "Inca", "Maó"]),
    ("Alicante", "03", ["Alicante", "Elche", "Benidorm", "Alcoy"]),
    ("Zaragoza", "50", ["Zaragoza", "Calatayud"]),
    ("Bizkaia", "48", ["Bilbao", "Getxo", "Barakaldo"]),
]
ES_DEGREES = ["Grau en Economia", "Grado en Derecho", "Grau en Biologia Humana", "Máster en Periodismo",
              "Grado en ADE", "Grau en Enginyeria Informàtica", "Doctorado en Ciencias Políticas",
              "Grau en Traducció i Interpretació", "MBA Executive"]
ES_FACULTIES = ["Facultat d'Economia", "Facultad de Derecho", "Escola d'Enginyeria", "Facultat de Ciències",
                "Facultad de Comunicación", "Business School"]
ES_COMPANIES = ["CaixaBank", "Grifols", "Mango", "Seat", "Telefónica", "Deloitte", "Indra", "Freelance", "",
                "Ajuntament de Barcelona", "Glovo", "Naturgy", "n/d"]
ES_ROLES = ["Analista", "Directora de Marketing", "Abogado asociado", "CEO", "Ingeniera de software",
            "Profesor", "Consultor senior", "Investigadora", "", "Jubilado"]
ES_NOTES = ["Interesado en mentoría", "No contactar en agosto", "Asistió a la cena de gala 2023",
            "Prefiere comunicación en catalán", "Donante recurrente", "", "", "Beca Alumni 2022",
            "Baja del boletín", "Pendiente de recibo fiscal"]
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _nif(rng: random.Random) -> str:
    if rng.random() < 0.1:
        prefix = rng.choice("XYZ")
        body = f"{rng.randrange(10**7):07d}"
        letter = DNI_LETTERS[int(str("XYZ".index(prefix)) + body) % 23]
        return rng.choice([f"{prefix}{body}{letter}", f"{prefix}-{body}-{letter}"])
    n = rng.randrange(10**6, 10**8)
    body = f"{n:08d}"
    letter = DNI_LETTERS[n % 23]
    return rng.choice([f"{body}{letter}", f"{body}{letter}", f"{body}-{letter}",
                       f"{body[:2]}.{body[2:5]}.{body[5:]}-{letter}", f"{body}{letter.lower()}"])


def _es_ccc_digit(digits: str) -> int:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11
    return {11: 0, 10: 1}.get(d, d)


def _es_iban(rng: random.Random) -> str:
    bank = rng.choice(["2100", "0081", "0182", "0049", "2038", "1465"])
    branch = f"{rng.randrange(10000):04d}"
    account = f"{rng.randrange(10**10):010d}"
    dc = f"{_es_ccc_digit('00' + bank + branch)}{_es_ccc_digit(account)}"
    iban = _iban("ES", bank + branch + dc + account)
    return iban if rng.random() < 0.5 else _group4(iban)


def _es_phone(rng: random.Random) -> str:
    if rng.random() < 0.8:
        n = f"{rng.choice('67')}{rng.randrange(10**8):08d}"
    else:
        n = f"9{rng.choice('3137')}{rng.randrange(10**7):07d}"
    return rng.choice([n, f"+34 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"0034{n}",
                       f"+34{n}"])


def _es_alumni(rows: int) -> pd.DataFrame:
    rng, fake = _rng("es"), _faker("es_ES", 3)
    gestores = sorted({f"{fake.first_name()} {fake.last_name()}" for _ in range(7)})
    out = []
    for _i in range(rows):
        first, ap1, ap2 = fake.first_name(), fake.last_name(), fake.last_name()
        prov, code, towns = rng.choice(ES_PROVINCES)
        cp = int(code + f"{rng.randrange(1, 990):03d}")
        grad = rng.randrange(1985, 2024)
        dob = _dob(rng, grad - 26, grad - 21)
        ndon = rng.choice([0, 0, 1, 1, 2, 3, 5, 8, 12])
        out.append({
            "ID_Contacto": f"CRM-{rng.randrange(10**6):06d}",
            "Nombre": first,
            "Apellido1": ap1,
            "Apellido2": _blank(rng, 0.08, ap2, (None,)),
            "NIF": _blank(rng, 0.15, _nif(rng), (None,)),
            "Fecha Nacimiento": pd.Timestamp(dob) if rng.random() > 0.05 else pd.NaT,
            "Correo electrónico": _blank(rng, 0.1, _email(rng, first, ap1, ["gmail.com", "hotmail.es", "yahoo.es",
                                                                              "outlook.com", "telefonica.net"]),
                                         (None,)),
            "Correo Alumni": _blank(rng, 0.35, f"{_ascii(first)}.{_ascii(ap1)}{rng.choice(['', '01', '02'])}"
                                               f"@alumni.upf.edu", (None,)),
            "Teléfono móvil": _blank(rng, 0.2, _es_phone(rng), (None,)),
            "Dirección postal": _blank(rng, 0.1, fake.street_address() + rng.choice(["", ", 3º 2ª", ", bajo",
                                                                                    ", 1º B", ", ático"]), (None,)),
            "Código Postal": float(cp) if rng.random() < 0.9 else None,
            "Población": rng.choice(towns),
            "Provincia": prov,
            "Titulación": rng.choice(ES_DEGREES),
            "Promoción": grad,
            "Facultad": rng.choice(ES_FACULTIES),
            "Empresa actual": rng.choice(ES_COMPANIES),
            "Cargo": rng.choice(ES_ROLES),
            "Donación total (€)": round(ndon * rng.choice([25.0, 50.0, 100.0, 150.0, 500.0]), 2),
            "Nº de donaciones": ndon,
            "Última donación": (pd.Timestamp(_event_date(rng, date(2015, 1, 1), date(2025, 2, 1)))
                                if ndon else pd.NaT),
            "IBAN domiciliación": _es_iban(rng) if ndon >= 3 and rng.random() < 0.7 else None,
            "Consentimiento RGPD": rng.random() < 0.8,
            "Usuario X/Twitter": (f"@{_ascii(first)[:rng.randrange(3, 8)]}{_ascii(ap1)[:5]}{rng.randrange(0, 99)}"
                                  if rng.random() < 0.25 else None),
            "Observaciones": rng.choice(ES_NOTES),
            "Gestor/a": rng.choice(gestores),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- Belgium (Flanders): sharing trips

BE_STATIONS = ["ANT-CEN-014", "ANT-ZUI-102", "GNT-STP-007", "GNT-DAM-031", "LEU-MAR-003", "BRU-NRD-220",
               "MEC-STA-011", "BRG-ZAN-004", "HAS-KOL-009", "ANT-BER-056"]


def _rrn(rng: random.Random, dob: date) -> str:
    serial = rng.randrange(1, 998)
    base = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{serial:03d}"
    num = int(("2" + base) if dob.year >= 2000 else base)
    check = 97 - num % 97
    s = f"{base}{check:02d}"
    return rng.choice([s, f"{s[:2]}.{s[2:4]}.{s[4:6]}-{s[6:9]}.{s[9:]}", f"{s[:6]} {s[6:9]} {s[9:]}",
                       f"{s[:2]}.{s[2:4]}.{s[4:6]}-{s[6:9]}.{s[9:]}"])


def _be_iban(rng: random.Random) -> str:
    bank = rng.choice(["001", "068", "363", "734", "735", "063", "143", "979"])
    acct = f"{rng.randrange(10**7):07d}"
    check = int(bank + acct) % 97 or 97
    iban = _iban("BE", f"{bank}{acct}{check:02d}")
    return iban if rng.random() < 0.6 else _group4(iban)


def _be_phone(rng: random.Random) -> str:
    p = f"4{rng.choice('6789')}{rng.randrange(10)}"
    a, b, c = rng.randrange(100), rng.randrange(100), rng.randrange(100)
    return rng.choice([f"+32 {p} {a:02d} {b:02d} {c:02d}", f"0{p}/{a:02d}.{b:02d}.{c:02d}",
                       f"0{p} {a:02d} {b:02d} {c:02d}", f"+32{p}{a:02d}{b:02d}{c:02d}"])


def _be_trips(rows: int) -> pd.DataFrame:
    rng, fake = _rng("be"), _faker("nl_BE", 4)
    n_riders = max(1, rows // 3)
    riders = []
    for _ in range(n_riders):
        first, last = fake.first_name(), fake.last_name()
        dob = _dob(rng, 1960, 2006)
        riders.append({
            "klantnummer": rng.randrange(10**6, 10**7),
            "voornaam": first,
            "achternaam": last,
            "geboortedatum": dob.isoformat() if rng.random() < 0.8 else dob.strftime("%d/%m/%Y"),
            "rijksregisternr": _rrn(rng, dob) if rng.random() < 0.7 else None,
            "emailadres": _email(rng, first, last, ["telenet.be", "skynet.be", "gmail.com", "proximus.be",
                                                    "hotmail.com"]),
            "gsm": _be_phone(rng) if rng.random() < 0.9 else None,
            "straat_huisnr": fake.street_address(),
            "postcode": fake.postcode(),
            "woonplaats": fake.city(),
            "rekeningnummer": _be_iban(rng) if rng.random() < 0.55 else None,
            "gebruikersnaam": rng.choice([f"{_ascii(first)}{rng.randrange(70, 2007)}", f"{_ascii(first)[0]}"
                                          f"{_ascii(last)}", f"{_ascii(first)}_{_ascii(last)[:3]}",
                                          f"{_ascii(last)}.{_ascii(first)[0]}"]),
            "abonnement": rng.choice(["dagpas", "jaarabonnement", "pay-as-you-go", "student", "bedrijf"]),
        })
    out = []
    t0 = datetime(2024, 4, 1, 6, 0)
    for _i in range(rows):
        r = riders[rng.randrange(n_riders)]
        start = t0 + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
        dur = rng.randrange(2, 95)
        km = round(dur * rng.uniform(0.12, 0.3), 2)
        vehicle = rng.choice(["step", "step", "e-bike", "fiets"])
        trip = {
            "ritId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "voertuigNr": f"{vehicle[0].upper()}{rng.randrange(10**5):05d}",
            "voertuigType": vehicle,
            "startTijd": start.strftime("%Y-%m-%dT%H:%M:%S+02:00"),
            "eindTijd": (start + timedelta(minutes=dur)).strftime("%Y-%m-%dT%H:%M:%S+02:00"),
            "startStation": rng.choice(BE_STATIONS),
            "eindStation": rng.choice(BE_STATIONS + [None, None]),
            "startLat": round(rng.uniform(50.85, 51.25), 6),
            "startLon": round(rng.uniform(3.7, 4.5), 6),
            "afstandKm": km,
            "duurMin": dur,
            "prijsEUR": round(1 + 0.25 * dur, 2),
            "accuPct": rng.randrange(8, 101) if vehicle != "fiets" else None,
            "betaalkaart": f"**** {rng.randrange(10000):04d}" if rng.random() < 0.6 else None,
            "ipAdres": _ipv4(rng) if rng.random() < 0.85 else _ipv6(rng),
            "appVersie": f"{rng.choice([3, 4])}.{rng.randrange(12)}.{rng.randrange(30)}",
            "toestel": rng.choice(["iPhone14,2 iOS 17.4", "SM-S911B Android 14", "Pixel 7 Android 14",
                                   "iPhone12,1 iOS 16.7", "M2101K6G Android 13"]),
            "schadeGemeld": rng.random() < 0.03,
        }
        trip.update(r)
        out.append(trip)
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- US: e-commerce returns / tickets

US_PRODUCTS = [("Trailhead 40L Backpack", "BP-40-GRN"), ("Merino Crew Sock 3-Pack", "SK-MER-3"),
               ("Cascade Rain Shell (M)", "JK-CAS-M"), ("Titanium Spork", "CK-TSP-01"),
               ("Summit Down Parka XL", "JK-SDP-XL"), ("Trekking Poles Carbon", "TP-CRB-2"),
               ("Insulated Bottle 32oz", "BT-INS-32"), ("Camp Stove Mini", "CK-STV-MN"),
               ("Women's Trail Runner 8.5", "SH-WTR-85"), ("Headlamp 400lm", "LT-HL-400")]
US_REASONS = ["Wrong size", "Damaged in transit", "Not as described", "Changed mind", "Arrived late",
              "Defective", "Wrong item shipped", "Missing parts"]
US_NOTES = ["Refund approved, label sent", "Waiting for carrier scan", "Replacement shipped via UPS Ground",
            "Escalated to tier 2", "Photos requested", "Store credit issued", "Closed - no response 14d",
            "Partial refund 20% goodwill", "RMA expired, reissued", "Duplicate of earlier ticket", ""]


def _us_phone(rng: random.Random) -> str:
    area = rng.choice([212, 312, 415, 503, 617, 720, 206, 404, 512, 614, 801, 919])
    a, b = rng.randrange(200, 1000), rng.randrange(10000)
    return rng.choice([f"({area}) {a}-{b:04d}", f"{area}-{a}-{b:04d}", f"+1 {area} {a} {b:04d}",
                       f"{area}.{a}.{b:04d}", f"{area}{a}{b:04d}"])


def _us_message(rng: random.Random, fake: Faker, first: str, product: str, reason: str) -> str:
    other = fake.first_name()
    parts = [
        f"Hi, I ordered the {product} as a gift for my {rng.choice(['son', 'wife', 'brother', 'friend'])} {other}"
        f" but it was {reason.lower()}. Can I get a refund?\nThanks, {first}",
        f"Hello - {reason} on my order. Please send a return label.\n\n{first} {fake.last_name()}",
        f"{other} from your chat team said I could return the {product} after 30 days. Is that still ok?",
        f"The {product} is {reason.lower()}. I need this fixed before our trip. Regards, {first}",
        f"My husband {other} placed this order under my account, please refund to the original card. - {first}",
        f"Return for {product}: {reason}.",
        f"Package never showed up?? tracking says delivered. {first}",
        f"i want to exchange for a bigger size. thx {first}",
    ]
    return rng.choice(parts)


def _us_returns(rows: int) -> pd.DataFrame:
    rng, fake = _rng("us"), _faker("en_US", 5)
    agents = sorted({f"{fake.first_name()} {fake.last_name()[0]}." for _ in range(12)})
    out = []
    t0 = datetime(2024, 1, 2, 8, 0)
    for i in range(rows):
        first, last = fake.first_name(), fake.last_name()
        product, sku = rng.choice(US_PRODUCTS)
        reason = rng.choice(US_REASONS)
        zipc = fake.zipcode() if rng.random() < 0.8 else fake.zipcode_plus4()
        street = fake.street_address()
        city, state = fake.city(), fake.state_abbr()
        addr = rng.choice([f"{street}\n{city}, {state} {zipc}", f"{street}, {city}, {state} {zipc}",
                           f"{street}\n{fake.secondary_address()}\n{city}, {state}"])
        created = t0 + timedelta(minutes=rng.randrange(60 * 24 * 360))
        out.append({
            "Ticket #": 48000 + i,
            "Created (UTC)": created.strftime("%m/%d/%Y %H:%M"),
            "Channel": rng.choice(["email", "web form", "chat", "phone"]),
            "Order ID": f"#{rng.randrange(100000, 999999)}",
            "Customer Name": f"{first} {last}" if rng.random() < 0.9 else f"{last}, {first}",
            "Customer Email": _email(rng, first, last, ["gmail.com", "yahoo.com", "icloud.com", "outlook.com",
                                                        "comcast.net", "aol.com"]),
            "Phone": _blank(rng, 0.45, _us_phone(rng)),
            "Ship To Address": addr,
            "Zip/Postal": str(int(zipc[:5])) if rng.random() < 0.1 else zipc,
            "SKU": sku,
            "Product": product,
            "Qty": rng.choice([1, 1, 1, 2, 3]),
            "Refund Amount ($)": round(rng.uniform(9, 420), 2),
            "Return Reason": reason,
            "RMA Code": f"RMA-{rng.randrange(10**5):05d}-{rng.choice(string.ascii_uppercase)}",
            "Tracking No.": _blank(rng, 0.3, "1Z" + "".join(rng.choice(string.ascii_uppercase + string.digits)
                                                            for _ in range(16))),
            "Card (last 4)": f"x{rng.randrange(10000):04d}",
            "Customer Message": _us_message(rng, fake, first, product, reason),
            "Internal Notes": rng.choice(US_NOTES),
            "Assigned Agent": rng.choice(agents),
            "Customer IP": _blank(rng, 0.25, _ipv4(rng) if rng.random() < 0.9 else _ipv6(rng)),
            "Account Login": _blank(rng, 0.3, rng.choice([f"{_ascii(first)}{_ascii(last)[:4]}{rng.randrange(99)}",
                                                           f"{_ascii(first)[0]}_{_ascii(last)}",
                                                           f"{_ascii(last)}{rng.randrange(1950, 2005)}"])),
            "CSAT (1-5)": _blank(rng, 0.5, rng.randrange(1, 6)),
            "Status": rng.choice(["Open", "Pending", "Solved", "Closed", "Closed"]),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- Norway: HR onboarding

NO_PLACES = [("0150", "OSLO"), ("0368", "OSLO"), ("0484", "OSLO"), ("0661", "OSLO"), ("5003", "BERGEN"),
             ("5055", "BERGEN"), ("7010", "TRONDHEIM"), ("4006", "STAVANGER"), ("9008", "TROMSØ"),
             ("1337", "SANDVIKA"), ("1406", "SKI"), ("3015", "DRAMMEN"), ("4614", "KRISTIANSAND S"),
             ("2609", "LILLEHAMMER"), ("1604", "FREDRIKSTAD"), ("8006", "BODØ"), ("6003", "ÅLESUND"),
             ("0870", "OSLO"), ("1473", "LØRENSKOG"), ("3111", "TØNSBERG")]
NO_ROLES = ["Konsulent", "Rådgiver", "Seniorrådgiver", "Utvikler", "Prosjektleder", "Lærling", "Sykepleier",
            "Økonomimedarbeider", "Lagermedarbeider", "Avdelingsleder"]
NO_DEPTS = ["IT", "Økonomi", "HR", "Salg", "Drift", "Kundeservice", "Logistikk", "Ledelse"]
NO_NOTES = ["Trenger parkeringsplass", "Startpakke sendt", "Venter på politiattest", "Mobil bestilt",
            "Fadder tildelt", "", "", "Ønsker hjemmekontor 2 dager", "Kurs i HMS uke 2", "Taushetserklæring signert"]


def _fnr(rng: random.Random, dob: date) -> str:
    while True:
        ind = rng.randrange(0, 500) if dob.year < 2000 else rng.randrange(500, 1000)
        d = [int(c) for c in f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}{ind:03d}"]
        k1 = 11 - sum(a * b for a, b in zip(d, [3, 7, 6, 1, 8, 9, 4, 5, 2], strict=True)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - sum(a * b for a, b in zip(d + [k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=True)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 != 10:
            return "".join(map(str, d)) + f"{k1}{k2}"


def _no_account(rng: random.Random) -> str:
    while True:
        d = [int(c) for c in f"{rng.choice(['1503', '1506', '1254', '9710', '3000', '1822', '6011'])}"
                              f"{rng.randrange(10**6):06d}"]
        k = 11 - sum(a * b for a, b in zip(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=True)) % 11
        k = 0 if k == 11 else k
        if k != 10:
            s = "".join(map(str, d)) + str(k)
            return rng.choice([s, f"{s[:4]}.{s[4:6]}.{s[6:]}", f"{s[:4]} {s[4:6]} {s[6:]}"])


def _no_phone(rng: random.Random) -> str:
    n = f"{rng.choice('49')}{rng.randrange(10**7):07d}"
    return rng.choice([n, f"{n[:3]} {n[3:5]} {n[5:]}", f"+47 {n[:3]} {n[3:5]} {n[5:]}", f"+47{n}",
                       f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"])


def _no_hr(rows: int) -> pd.DataFrame:
    rng, fake = _rng("no"), _faker("no_NO", 6)
    managers = sorted({f"{fake.first_name()} {fake.last_name()}" for _ in range(15)})
    out = []
    for i in range(rows):
        first, last = fake.first_name(), fake.last_name()
        dob = _dob(rng, 1962, 2006)
        fnr = _fnr(rng, dob)
        postnr, sted = rng.choice(NO_PLACES)
        start = _event_date(rng, date(2023, 8, 1), date(2025, 6, 1))
        out.append({
            "Ansattnr": 2300 + i,
            "Fornavn": first,
            "Etternavn": last,
            "Fødselsnummer": _blank(rng, 0.05, fnr.lstrip("0") if rng.random() < 0.5 else fnr),
            "Fødselsdato": dob.strftime("%d.%m.%Y"),
            "Privat e-post": _blank(rng, 0.1, _email(rng, first, last, ["gmail.com", "online.no", "hotmail.no",
                                                                        "outlook.com", "icloud.com"])),
            "Jobb e-post": f"{_ascii(first)}.{_ascii(last)}@nordvik-gruppen.no",
            "Mobilnr.": _no_phone(rng),
            "Adresse": fake.street_address(),
            "Postnr": postnr.lstrip("0") if rng.random() < 0.6 else postnr,
            "Poststed": sted if rng.random() < 0.7 else sted.title(),
            "Kontonr. (lønn)": _blank(rng, 0.15, _no_account(rng)),
            "Startdato": start.strftime("%d.%m.%Y"),
            "Stilling": rng.choice(NO_ROLES),
            "Avdeling": rng.choice(NO_DEPTS),
            "Stillingsprosent": rng.choice(["100 %", "100 %", "80 %", "50 %", "100%"]),
            "Årslønn (NOK)": rng.randrange(420000, 1100000, 1000),
            "Nærmeste leder": rng.choice(managers),
            "Nærmeste pårørende": _blank(rng, 0.25, f"{fake.first_name()} {rng.choice([last, fake.last_name()])}"),
            "Pårørende tlf": _blank(rng, 0.3, _no_phone(rng)),
            "Brukernavn (AD)": rng.choice([f"{_ascii(first)[:3]}{_ascii(last)[:3]}", f"{_ascii(first)}.{_ascii(last)}",
                                           f"{_ascii(first)[0]}{_ascii(last)}"]),
            "PC levert": rng.choice(["Ja", "Nei", "Ja", ""]),
            "Adgangskort nr": f"{rng.randrange(10**9, 10**10)}",
            "Sjekksum kontrakt (SHA1)": _hexhash(rng),
            "Kommentar": rng.choice(NO_NOTES),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- public API

_BUILDERS = {
    "ie_pension_members": (_ie_pension, 1.0),
    "at_physio_patienten": (_at_physio, 0.7),
    "es_alumni_donantes": (_es_alumni, 0.9),
    "be_deelsteps_ritten": (_be_trips, 1.0),
    "us_returns_tickets": (_us_returns, 0.8),
    "no_hr_onboarding": (_no_hr, 0.6),
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; table sizes are fixed fractions of rows (1,200-2,000 rows at rows=2000)."""
    return {name: fn(max(1, round(rows * frac))) for name, (fn, frac) in _BUILDERS.items()}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        path = out_dir / FILES[name]
        if name == "ie_pension_members":
            df.to_csv(path, index=False, encoding="utf-8-sig")
        elif name == "at_physio_patienten":
            df.to_excel(path, index=False, sheet_name="Patienten", engine="openpyxl")
        elif name == "es_alumni_donantes":
            df.to_parquet(path, index=False)
        elif name == "be_deelsteps_ritten":
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                for rec in df.to_dict(orient="records"):
                    clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                    fh.write(json.dumps(clean, ensure_ascii=False) + "\n")
        elif name == "us_returns_tickets":
            df.to_csv(path, index=False, sep="\t", encoding="utf-8")
        elif name == "no_hr_onboarding":
            df.to_csv(path, index=False, sep=";", encoding="cp1252")
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout8.py OUT_DIR [ROWS]")
    written = write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
    for table, p in written.items():
        print(f"{table}: {p}")
