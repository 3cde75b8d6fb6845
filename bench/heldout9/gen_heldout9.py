"""Ninth blind held-out set for the PII scanner: seven exports from seven kinds of system.

Tables (written blind: labels in labels.yaml were written by hand before any scanner run):

- ``kyc_onboarding_ca``: a Canadian credit union's member onboarding / KYC export (CSV, comma, UTF-8 with BOM).
- ``interim_paie_fr``: a French temp-work agency payroll export (CSV, semicolon, cp1252).
- ``ricoveri_it``: an Italian hospital admissions register (Excel .xlsx).
- ``nyhetsbrev_se``: a Swedish web shop newsletter / marketing-consent list (JSON Lines).
- ``clientes_isp_pt``: a Portuguese ISP / telecom customer table (Parquet).
- ``polisy_szkody_pl``: a Polish motor-insurance policy + claim export (CSV, tab, UTF-8).
- ``access_log``: parsed web-application request log (Parquet).

Deterministic: ``random.Random`` with a fixed seed, ``Faker.seed_instance`` per locale; national numbers,
bank accounts and card numbers carry correct check digits.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import string
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 9090
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "kyc_onboarding_ca",
    "interim_paie_fr",
    "ricoveri_it",
    "nyhetsbrev_se",
    "clientes_isp_pt",
    "polisy_szkody_pl",
    "access_log",
)

FILES: dict[str, str] = {
    "kyc_onboarding_ca": "kyc_onboarding_ca.csv",
    "interim_paie_fr": "interim_paie_fr.csv",
    "ricoveri_it": "ricoveri_it.xlsx",
    "nyhetsbrev_se": "nyhetsbrev_se.jsonl",
    "clientes_isp_pt": "clientes_isp_pt.parquet",
    "polisy_szkody_pl": "polisy_szkody_pl.csv",
    "access_log": "access_log.parquet",
}

# Share of ``rows`` each table gets (all stay within 1,000-2,000 rows for rows=2000).
ROW_SHARE: dict[str, float] = {
    "kyc_onboarding_ca": 0.9,
    "interim_paie_fr": 0.8,
    "ricoveri_it": 0.6,
    "nyhetsbrev_se": 1.0,
    "clientes_isp_pt": 0.75,
    "polisy_szkody_pl": 0.7,
    "access_log": 1.0,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return the hand-written labels: {table: {column: entity or None}}."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return {t: dict(raw[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------------------------------------- helpers


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _ascii(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).replace("ł", "l").replace("Ł", "L")


def _slug(text: str) -> str:
    return "".join(c for c in _ascii(text).lower() if c.isalnum())


def _luhn_digit(payload: str) -> str:
    """Luhn check digit for a string of digits (check digit appended on the right)."""
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
    """IBAN (no spaces) for a BBAN, with ISO 13616 mod-97 check digits."""
    conv = "".join(str(int(c, 36)) for c in (bban + country + "00").upper())
    check = 98 - int(conv) % 97
    return f"{country}{check:02d}{bban}"


def _group(s: str, n: int = 4) -> str:
    return " ".join(s[i : i + n] for i in range(0, len(s), n))


def _dob(rng: random.Random, lo: int = 1945, hi: int = 2005) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _ts(rng: random.Random, start: dt.datetime, days: int) -> dt.datetime:
    return start + dt.timedelta(seconds=rng.randint(0, days * 86400))


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, lname = _slug(first), _slug(last)
    style = rng.random()
    if style < 0.35:
        local = f"{f}.{lname}"
    elif style < 0.55:
        local = f"{f[0]}{lname}"
    elif style < 0.7:
        local = f"{f}{lname}{rng.randint(1, 99)}"
    elif style < 0.85:
        local = f"{lname}.{f}"
    else:
        local = f"{f}_{lname[:4]}{rng.randint(60, 99)}"
    out = f"{local}@{rng.choice(domains)}"
    return out.upper() if rng.random() < 0.02 else out


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _maybe(rng: random.Random, value: object, p_blank: float, blanks: tuple[object, ...] = ("",)) -> object:
    return rng.choice(blanks) if rng.random() < p_blank else value


# ----------------------------------------------------------------------------------------------- (a) Canada

CA_CITIES = [  # city, province, FSA first letter, area codes
    ("Toronto", "ON", "M", ["416", "647", "437"]),
    ("Ottawa", "ON", "K", ["613", "343"]),
    ("Mississauga", "ON", "L", ["905", "289"]),
    ("Hamilton", "ON", "L", ["905", "289"]),
    ("London", "ON", "N", ["519", "226"]),
    ("Kitchener", "ON", "N", ["519", "548"]),
    ("Montréal", "QC", "H", ["514", "438"]),
    ("Laval", "QC", "H", ["450", "579"]),
    ("Québec", "QC", "G", ["418", "581"]),
    ("Gatineau", "QC", "J", ["819", "873"]),
    ("Vancouver", "BC", "V", ["604", "778"]),
    ("Surrey", "BC", "V", ["604", "778"]),
    ("Victoria", "BC", "V", ["250", "778"]),
    ("Kelowna", "BC", "V", ["250", "236"]),
    ("Calgary", "AB", "T", ["403", "587"]),
    ("Edmonton", "AB", "T", ["780", "587"]),
    ("Red Deer", "AB", "T", ["403"]),
    ("Winnipeg", "MB", "R", ["204", "431"]),
    ("Brandon", "MB", "R", ["204"]),
    ("Regina", "SK", "S", ["306", "639"]),
    ("Saskatoon", "SK", "S", ["306", "639"]),
    ("Halifax", "NS", "B", ["902", "782"]),
    ("Moncton", "NB", "E", ["506"]),
    ("Fredericton", "NB", "E", ["506"]),
    ("St. John's", "NL", "A", ["709"]),
    ("Charlottetown", "PE", "C", ["902"]),
]
CA_PC_LETTERS = "ABCEGHJKLMNPRSTVXY"
CA_INSTITUTIONS = ["001", "002", "003", "004", "006", "010", "815", "809", "828", "839"]
CA_OCCUPATIONS = [
    "Registered Nurse", "Electrician", "Software Developer", "Teacher", "Retired", "Student", "Truck Driver",
    "Accountant", "Self-employed", "Farmer", "Pharmacist", "Civil Servant", "Sales Associate", "Welder",
    "Homemaker", "Paramedic", "Mechanic", "Unemployed", "Chef", "Dental Hygienist",
]
CA_EMPLOYERS = [
    "Alberta Health Services", "Loblaw Companies Ltd.", "Suncor Energy", "Shoppers Drug Mart", "City of Regina",
    "Canadian Tire Corp.", "Bombardier", "Purolator Inc.", "Tim Hortons", "CN Rail", "Hydro-Québec",
    "Government of Canada", "Self", "N/A", "TELUS", "Cargill Ltd", "Maple Leaf Foods", "Desjardins",
]
CA_STREET_SFX = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Cres", "Blvd", "Way", "Crt", "Pl"]
CA_FR_STREET = ["rue", "boul.", "avenue", "chemin", "rang"]


def _ca_postal(rng: random.Random, first: str) -> str:
    pc = f"{first}{rng.randint(0, 9)}{rng.choice(CA_PC_LETTERS)} {rng.randint(0, 9)}{rng.choice(CA_PC_LETTERS)}{rng.randint(0, 9)}"
    r = rng.random()
    if r < 0.12:
        return pc.replace(" ", "")
    if r < 0.17:
        return pc.lower()
    return pc


def _ca_sin(rng: random.Random) -> str:
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    sin = body + _luhn_digit(body)
    r = rng.random()
    if r < 0.55:
        return f"{sin[:3]} {sin[3:6]} {sin[6:]}"
    if r < 0.8:
        return sin
    return f"{sin[:3]}-{sin[3:6]}-{sin[6:]}"


def _ca_phone(rng: random.Random, area: str) -> str:
    exch = rng.randint(201, 989)
    line = rng.randint(0, 9999)
    r = rng.random()
    if r < 0.45:
        return f"({area}) {exch}-{line:04d}"
    if r < 0.7:
        return f"{area}-{exch}-{line:04d}"
    if r < 0.85:
        return f"+1 {area} {exch} {line:04d}"
    return f"{area}{exch}{line:04d}"


def _table_ca(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    en = _faker("en_CA", 1)
    fr = _faker("fr_CA", 2)
    domains = ["gmail.com", "hotmail.com", "yahoo.ca", "outlook.com", "shaw.ca", "sympatico.ca", "videotron.ca",
               "icloud.com", "telus.net", "rogers.com"]
    staff = sorted({_slug(en.first_name())[0] + _slug(en.last_name()) for _ in range(30)})
    rows = []
    start = dt.datetime(2023, 1, 3, 8, 0)
    for i in range(n):
        city, prov, fsa, areas = rng.choice(CA_CITIES)
        fk = fr if prov == "QC" and rng.random() < 0.7 else en
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1940, 2006)
        num = rng.randint(1, 9999)
        if fk is fr:
            addr = f"{num}, {rng.choice(CA_FR_STREET)} {fk.last_name()}"
        else:
            addr = f"{num} {en.last_name()} {rng.choice(CA_STREET_SFX)}"
        if rng.random() < 0.18:
            addr = f"{rng.choice(['Unit', 'Apt', '#'])} {rng.randint(1, 2500)}, {addr}" if rng.random() < 0.5 \
                else f"{rng.randint(100, 2505)}-{addr}"
        id_type = rng.choice(["Passport", "Passport", "Driver's Licence", "Provincial Photo ID", "PR Card"])
        passport = ""
        if id_type == "Passport" or rng.random() < 0.25:
            passport = "".join(rng.choice(string.ascii_uppercase) for _ in range(2)) + f"{rng.randint(0, 999999):06d}"
        joint = ""
        if rng.random() < 0.22:
            joint = f"{fk.first_name()} {last if rng.random() < 0.6 else fk.last_name()}"
        transit = f"{rng.randint(0, 99999):05d}"
        inst = rng.choice(CA_INSTITUTIONS)
        acct = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([7, 7, 8, 9, 12])))
        ext_acct = rng.choice([f"{transit}-{inst}-{acct}", f"{inst} {transit} {acct}", f"{transit}{inst}{acct}"])
        card_body = rng.choice(["450644", "451001", "453789", "4506"])
        card_body = card_body + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(card_body)))
        card = card_body + _luhn_digit(card_body)
        card = _group(card) if rng.random() < 0.6 else card
        onboarded = _ts(rng, start, 700)
        rows.append({
            "ApplicationID": f"APP-{onboarded:%Y}-{i + 104233:07d}",
            "Member No.": rng.randint(100000, 999999) if rng.random() > 0.07 else "",
            "First Name": first.upper() if rng.random() < 0.05 else first,
            "Last Name": last.upper() if rng.random() < 0.08 else last,
            "DOB (YYYY-MM-DD)": dob.isoformat() if rng.random() > 0.04 else dob.strftime("%d/%m/%Y"),
            "SIN": _maybe(rng, _ca_sin(rng), 0.06),
            "Gov ID Type": id_type,
            "Passport No.": passport,
            "Residential Address": addr,
            "City": city,
            "Prov": prov,
            "Postal Code": _ca_postal(rng, fsa),
            "Mobile Phone": _ca_phone(rng, rng.choice(areas)),
            "E-mail": _maybe(rng, _email(rng, first, last, domains), 0.05),
            "Occupation": rng.choice(CA_OCCUPATIONS),
            "Employer": rng.choice(CA_EMPLOYERS),
            "Est. Annual Income (CAD)": rng.choice([
                f"{rng.randint(12, 240) * 1000}", f"{rng.randint(12, 240) * 1000:,}", "", f"{rng.randint(12, 240) * 1000}",
                f"{rng.randint(1200000, 24000000) / 100:.2f}"]),
            "Joint Applicant": joint,
            "Funding Acct # (Transit-Inst-Acct)": _maybe(rng, ext_acct, 0.15),
            "Debit Card # Issued": _maybe(rng, card, 0.1),
            "Online Banking ID": _maybe(rng, rng.choice([
                f"{_slug(first)}{_slug(last)[:5]}{rng.randint(1, 99)}", f"{_slug(first)[0]}{_slug(last)}",
                f"{_slug(last)}_{rng.randint(1950, 2006)}", f"{_slug(first)}.{rng.randint(100, 999)}"]), 0.2),
            "PEP Flag": rng.choice(["N"] * 30 + ["Y", ""]),
            "Risk Rating": rng.choice(["Low", "Low", "Low", "Medium", "Medium", "High"]),
            "Channel": rng.choice(["Branch", "Online", "Mobile App", "Mobile App", "Mobile Lender"]),
            "Branch Transit": int(transit) if rng.random() < 0.5 else transit,
            "Onboarded At": onboarded.strftime("%Y-%m-%d %H:%M:%S"),
            "Verified By": rng.choice(staff),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------- (b) France

FR_BIRTH = [  # city, dept, INSEE commune (3 digits)
    ("Paris", "75", "056"), ("Paris 11e", "75", "111"), ("Paris 18e", "75", "118"), ("Paris 20e", "75", "120"),
    ("Marseille", "13", "055"), ("Lyon", "69", "123"), ("Toulouse", "31", "555"), ("Nice", "06", "088"),
    ("Nantes", "44", "109"), ("Strasbourg", "67", "482"), ("Montpellier", "34", "172"), ("Bordeaux", "33", "063"),
    ("Lille", "59", "350"), ("Rennes", "35", "238"), ("Reims", "51", "454"), ("Le Havre", "76", "351"),
    ("Saint-Étienne", "42", "218"), ("Toulon", "83", "137"), ("Grenoble", "38", "185"), ("Dijon", "21", "231"),
    ("Angers", "49", "007"), ("Nîmes", "30", "189"), ("Villeurbanne", "69", "266"), ("Le Mans", "72", "181"),
    ("Clermont-Ferrand", "63", "113"), ("Brest", "29", "019"), ("Tours", "37", "261"), ("Amiens", "80", "021"),
    ("Limoges", "87", "085"), ("Metz", "57", "463"), ("Perpignan", "66", "136"), ("Besançon", "25", "056"),
    ("Orléans", "45", "234"), ("Rouen", "76", "540"), ("Mulhouse", "68", "224"), ("Caen", "14", "118"),
    ("Roubaix", "59", "512"), ("Argenteuil", "95", "018"), ("Montreuil", "93", "048"), ("Saint-Denis", "93", "066"),
]
FR_FOREIGN = [  # city (country), INSEE country code
    ("Casablanca (Maroc)", "350"), ("Alger (Algérie)", "352"), ("Tunis (Tunisie)", "351"), ("Porto (Portugal)", "139"),
    ("Dakar (Sénégal)", "341"), ("Bamako (Mali)", "335"), ("Bucarest (Roumanie)", "114"), ("Varsovie (Pologne)", "122"),
    ("Oran (Algérie)", "352"), ("Lisbonne (Portugal)", "139"), ("Abidjan (Côte d'Ivoire)", "326"),
]
FR_NAT = {"350": "Marocaine", "352": "Algérienne", "351": "Tunisienne", "139": "Portugaise", "341": "Sénégalaise",
          "335": "Malienne", "114": "Roumaine", "122": "Polonaise", "326": "Ivoirienne"}
FR_HOME = [  # ville, code postal ("{}" = arrondissement)
    ("Paris", "750{:02d}"), ("Marseille", "130{:02d}"), ("Lyon", "6900{:01d}"), ("Nice", "06000"), ("Nice", "06100"),
    ("Cannes", "06400"), ("Antibes", "06600"), ("Bourg-en-Bresse", "01000"), ("Saint-Quentin", "02100"),
    ("Moulins", "03000"), ("Gap", "05000"), ("Charleville-Mézières", "08000"), ("Troyes", "10000"),
    ("Toulouse", "31000"), ("Toulouse", "31200"), ("Bordeaux", "33000"), ("Bordeaux", "33800"), ("Lille", "59000"),
    ("Roubaix", "59100"), ("Tourcoing", "59200"), ("Nantes", "44000"), ("Saint-Nazaire", "44600"),
    ("Rennes", "35000"), ("Strasbourg", "67000"), ("Montpellier", "34000"), ("Grenoble", "38000"),
    ("Villeurbanne", "69100"), ("Vénissieux", "69200"), ("Argenteuil", "95100"), ("Cergy", "95000"),
    ("Saint-Denis", "93200"), ("Aubervilliers", "93300"), ("Créteil", "94000"), ("Vitry-sur-Seine", "94400"),
    ("Le Havre", "76600"), ("Rouen", "76000"), ("Orléans", "45000"), ("Tours", "37000"), ("Dijon", "21000"),
]
FR_STREET = ["rue", "rue", "avenue", "boulevard", "allée", "impasse", "chemin", "place", "rue"]
FR_CLIENTS = [
    "Logistique Seine SAS", "Bâtiments Rhône-Alpes", "Carrefour Supply Chain", "Renault Flins", "Airbus Opérations",
    "Geodis Calberson", "Lactalis", "Amazon France Logistique", "Vinci Construction", "Saint-Gobain", "Bouygues TP",
    "Hôpital privé Sainte-Marie", "Sodexo", "Cofiroute", "Transports Dupuis et Fils",
]
FR_QUALIF = [
    "Préparateur de commandes", "Cariste CACES 3", "Manutentionnaire", "Agent de production", "Maçon N2",
    "Aide-soignant(e)", "Chauffeur PL", "Soudeur TIG", "Électricien N3P1", "Opérateur de ligne", "Agent d'entretien",
    "Magasinier", "Assistant(e) administratif(ve)", "Plaquiste", "Conducteur d'engins",
]
FR_BANKS = ["30003", "30004", "20041", "10907", "11306", "13335", "16006", "30066", "10278", "17515", "30002"]


def _fr_nir(rng: random.Random, male: bool, dob: dt.date, dept: str, commune: str) -> str:
    order = f"{rng.randint(1, 999):03d}"
    base = f"{1 if male else 2}{dob:%y}{dob:%m}{dept}{commune}{order}"
    key = 97 - int(base) % 97
    r = rng.random()
    if r < 0.55:
        return f"{base[0]} {base[1:3]} {base[3:5]} {base[5:7]} {base[7:10]} {base[10:13]} {key:02d}"
    if r < 0.85:
        return f"{base}{key:02d}"
    return f"{base} {key:02d}"


def _fr_iban(rng: random.Random) -> str:
    bank = rng.choice(FR_BANKS)
    guichet = f"{rng.randint(0, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    key = 97 - (89 * int(bank) + 15 * int(guichet) + 3 * int(account)) % 97
    iban = _iban("FR", f"{bank}{guichet}{account}{key:02d}")
    return _group(iban) if rng.random() < 0.7 else iban


def _fr_phone(rng: random.Random) -> str:
    digits = f"0{rng.choice('67')}{rng.randint(0, 99999999):08d}"
    r = rng.random()
    if r < 0.5:
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    if r < 0.7:
        return digits
    if r < 0.85:
        return "+33 " + digits[1] + " " + " ".join(digits[i : i + 2] for i in range(2, 10, 2))
    return ".".join(digits[i : i + 2] for i in range(0, 10, 2))


def _fr_amount(x: float) -> str:
    return f"{x:,.2f}".replace(",", " ").replace(".", ",")


def _table_fr(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("fr_FR", 3)
    domains = ["gmail.com", "orange.fr", "hotmail.fr", "free.fr", "sfr.fr", "yahoo.fr", "laposte.net",
               "outlook.fr", "wanadoo.fr"]
    rows = []
    for _i in range(n):
        male = rng.random() < 0.62
        first = fk.first_name_male() if male else fk.first_name_female()
        last = fk.last_name()
        birth_name = ""
        if not male and rng.random() < 0.3:
            birth_name = fk.last_name().upper()
        dob = _dob(rng, 1962, 2006)
        foreign = rng.random() < 0.18
        if foreign:
            place, cc = rng.choice(FR_FOREIGN)
            nir = _fr_nir(rng, male, dob, "99", cc)
            nat = FR_NAT[cc] if rng.random() < 0.7 else "Française"
        else:
            city, dept, com = rng.choice(FR_BIRTH)
            place = city if rng.random() < 0.6 else f"{city} ({dept})"
            nir = _fr_nir(rng, male, dob, dept, com)
            nat = "Française"
        ville, cp = rng.choice(FR_HOME)
        if "{" in cp:
            cp = cp.format(rng.randint(1, {"Paris": 20, "Marseille": 16, "Lyon": 9}[ville]))
        cp_out = str(int(cp)) if cp.startswith("0") and rng.random() < 0.6 else cp
        addr = f"{rng.randint(1, 180)}{rng.choice(['', '', '', ' bis', ' ter'])} {rng.choice(FR_STREET)} {fk.last_name()}"
        if rng.random() < 0.15:
            addr += rng.choice([", Bât. B", ", Appt 12", ", Rés. Les Tilleuls", "\nEscalier C, 3e étage"])
        titre = ""
        if nat != "Française":
            titre = _maybe(rng, f"{rng.randint(0, 10**10 - 1):010d}", 0.2)
        rate = round(rng.uniform(11.65, 19.5), 2)
        hours = rng.choice([35.0, 35.0, 39.0, 24.5, 151.67, 70.0, 17.5, 42.0])
        gross = rate * hours
        rows.append({
            "Matricule": f"INT{rng.randint(10000, 99999)}",
            "Civilité": "M." if male else rng.choice(["Mme", "Mme", "Mlle"]),
            "NOM": last.upper(),
            "Prénom": first,
            "Nom de naissance": birth_name,
            "Date de naissance": dob.strftime("%d/%m/%Y"),
            "Lieu de naissance": place,
            "N° Sécurité Sociale": _maybe(rng, nir, 0.04),
            "Nationalité": nat,
            "N° titre de séjour": titre,
            "Adresse": addr,
            "CP": cp_out,
            "Ville": ville.upper() if rng.random() < 0.3 else ville,
            "Tél. portable": _maybe(rng, _fr_phone(rng), 0.05),
            "Courriel": _maybe(rng, _email(rng, first, last, domains), 0.12),
            "IBAN": _maybe(rng, _fr_iban(rng), 0.06),
            "Entreprise utilisatrice": rng.choice(FR_CLIENTS),
            "N° contrat de mission": f"CM-{rng.randint(2023, 2024)}-{rng.randint(1, 99999):05d}",
            "Qualification": rng.choice(FR_QUALIF),
            "Coef.": rng.choice([150, 160, 170, 180, 190, 215, 230]),
            "Taux horaire brut (€)": _fr_amount(rate),
            "Heures payées": _fr_amount(hours),
            "IFM (10 %)": _fr_amount(gross * 0.1),
            "ICCP (10 %)": _fr_amount(gross * 0.11),
            "Net à payer": _fr_amount(gross * 1.21 * 0.78),
            "Période": f"{rng.choice([2023, 2024])}-{rng.randint(1, 12):02d}",
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------- (c) Italy

IT_BIRTH = [  # comune, Belfiore code
    ("Roma", "H501"), ("Milano", "F205"), ("Napoli", "F839"), ("Torino", "L219"), ("Palermo", "G273"),
    ("Genova", "D969"), ("Bologna", "A944"), ("Firenze", "D612"), ("Bari", "A662"), ("Catania", "C351"),
    ("Venezia", "L736"), ("Verona", "L781"), ("Messina", "F158"), ("Padova", "G224"), ("Trieste", "L424"),
    ("Brescia", "B157"), ("Parma", "G337"), ("Taranto", "L049"), ("Prato", "G999"), ("Modena", "F257"),
    ("Perugia", "G478"), ("Livorno", "E625"), ("Cagliari", "B354"), ("Foggia", "D643"), ("Salerno", "H703"),
    ("Ancona", "A271"), ("Lecce", "E506"), ("Pescara", "G482"), ("Bergamo", "A794"),
]
IT_HOME = [  # comune, prov, CAP base, CAP span
    ("Milano", "MI", 20121, 41), ("Monza", "MB", 20900, 1), ("Sesto San Giovanni", "MI", 20099, 0),
    ("Bergamo", "BG", 24121, 8), ("Brescia", "BS", 25121, 15), ("Como", "CO", 22100, 0), ("Varese", "VA", 21100, 0),
    ("Lodi", "LO", 26900, 0), ("Pavia", "PV", 27100, 0), ("Cremona", "CR", 26100, 0), ("Legnano", "MI", 20025, 0),
    ("Rho", "MI", 20017, 0), ("Roma", "RM", 118, 80), ("Fiumicino", "RM", 54, 0), ("Torino", "TO", 10121, 35),
    ("Novara", "NO", 28100, 0), ("Piacenza", "PC", 29121, 1), ("Vigevano", "PV", 27029, 0),
]
IT_STREET = ["Via", "Via", "Via", "Viale", "Piazza", "Corso", "Vicolo", "Largo", "Via"]
IT_REPARTI = [
    ("Cardiologia", ["428.0", "410.71", "427.31", "414.01"], ["127", "121", "138", "125"]),
    ("Medicina Generale", ["486", "599.0", "428.0", "250.02"], ["089", "320", "127", "294"]),
    ("Ortopedia e Traumatologia", ["820.8", "715.36", "824.4"], ["210", "544", "219"]),
    ("Chirurgia Generale", ["574.20", "550.90", "540.9"], ["494", "162", "167"]),
    ("Ostetricia e Ginecologia", ["650", "644.21", "218.9"], ["373", "371", "359"]),
    ("Neurologia", ["434.91", "345.90", "332.0"], ["014", "024", "012"]),
    ("Pneumologia", ["491.21", "486", "162.9"], ["088", "089", "082"]),
    ("Pediatria", ["466.11", "780.31", "558.9"], ["070", "091", "184"]),
]
IT_NOTE = [
    "Paziente vigile, orientato, collaborante. Parametri vitali nella norma.",
    "Dolore toracico insorto a riposo.\nECG: sopraslivellamento ST. Avviata terapia.",
    "Caduta accidentale a domicilio. Rx bacino: frattura collo femore dx.",
    "Febbre da 3 gg, tosse produttiva. Rx torace: addensamento base sx.",
    "Ricovero programmato per intervento in elezione.",
    "Dimesso in buone condizioni generali; controllo ambulatoriale a 30 gg.",
    "Allergia nota a penicillina. Terapia domiciliare invariata.",
    "Trasferito da altro presidio per competenza.",
    "", "", "n.d.",
]
IT_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                   12, 14, 16, 10, 22, 25, 24, 23], strict=True))
IT_MONTHS = "ABCDEHLMPRST"


def _cf_part(name: str, first_name: bool) -> str:
    letters = [c for c in _ascii(name).upper() if c.isalpha()]
    cons = [c for c in letters if c not in "AEIOU"]
    vows = [c for c in letters if c in "AEIOU"]
    if first_name and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return "".join((cons + vows + ["X", "X", "X"])[:3])


def _codice_fiscale(last: str, first: str, dob: dt.date, female: bool, belfiore: str) -> str:
    day = dob.day + (40 if female else 0)
    body = f"{_cf_part(last, False)}{_cf_part(first, True)}{dob:%y}{IT_MONTHS[dob.month - 1]}{day:02d}{belfiore}"
    total = 0
    for i, ch in enumerate(body):
        if i % 2 == 0:  # odd positions, 1-based
            total += IT_ODD[ch]
        else:
            total += int(ch) if ch.isdigit() else ord(ch) - 65
    return body + chr(65 + total % 26)


def _it_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        d = f"3{rng.choice(['20', '28', '31', '33', '35', '38', '39', '40', '45', '47', '49', '66', '88', '92'])}" \
            f"{rng.randint(0, 9999999):07d}"
        r = rng.random()
        if r < 0.4:
            return f"{d[:3]} {d[3:]}"
        if r < 0.6:
            return f"+39 {d[:3]} {d[3:6]} {d[6:]}"
        if r < 0.75:
            return f"{d[:3]}/{d[3:]}"
        return d
    pre = rng.choice(["02", "035", "030", "031", "0332", "0371", "0382", "06", "011"])
    rest = f"{rng.randint(0, 10 ** (10 - len(pre)) - 1):0{10 - len(pre)}d}"
    return rng.choice([f"{pre} {rest}", f"{pre}-{rest}", f"{pre}{rest}", f"{pre}/{rest}"])


def _table_it(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("it_IT", 4)
    domains = ["gmail.com", "libero.it", "alice.it", "virgilio.it", "hotmail.it", "yahoo.it", "tiscali.it",
               "fastwebnet.it", "pec.it"]
    doctors = sorted({f"{fk.first_name()} {fk.last_name()}" for _ in range(60)})
    rows = []
    for _i in range(n):
        female = rng.random() < 0.52
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _dob(rng, 1928, 2023)
        born, code = rng.choice(IT_BIRTH)
        home, prov, cap0, span = rng.choice(IT_HOME)
        cap = cap0 + rng.randint(0, span)
        cap_out: object = cap if rng.random() < 0.65 else f"{cap:05d}"
        adm = dt.datetime(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 540), minutes=rng.randint(0, 1439))
        reparto, diags, drgs = rng.choice(IT_REPARTI)
        k = rng.randrange(len(diags))
        stay = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 15, 21])
        regime = "DH" if stay == 0 else "Ordinario"
        contact = ""
        contact_tel = ""
        if rng.random() < 0.7:
            contact = f"{fk.first_name()} {last if rng.random() < 0.6 else fk.last_name()}"
            if rng.random() < 0.3:
                contact += rng.choice([" (figlio)", " (figlia)", " (moglie)", " (marito)", " (nipote)"])
            contact_tel = _it_phone(rng, True)
        email = ""
        if rng.random() < 0.35:
            email = _email(rng, first, last, domains)
        rows.append({
            "Nosologico": f"{adm:%Y}{rng.randint(0, 999999):06d}",
            "Cognome": last.upper(),
            "Nome": first.upper() if rng.random() < 0.7 else first,
            "Sesso": "F" if female else "M",
            "Data Nascita": dob,
            "Comune Nascita": born.upper(),
            "Codice Fiscale": _codice_fiscale(last, first, dob, female, code),
            "Indirizzo Residenza": f"{rng.choice(IT_STREET)} {fk.last_name()} {rng.randint(1, 220)}"
                                   f"{rng.choice(['', '', '', '/A', ' int. 4', ', 12'])}",
            "CAP": cap_out,
            "Comune Residenza": home,
            "Prov.": prov,
            "Tel.": _maybe(rng, _it_phone(rng, rng.random() < 0.7), 0.08),
            "Persona da contattare": contact,
            "Tel. contatto": contact_tel,
            "E-mail": email,
            "Medico curante (MMG)": _maybe(rng, f"Dott. {rng.choice(doctors)}" if rng.random() < 0.5
                                           else rng.choice(doctors).upper(), 0.1),
            "Data Ricovero": adm,
            "Data Dimissione": (adm + dt.timedelta(days=stay, hours=rng.randint(0, 8))).date(),
            "Reparto": reparto,
            "Regime": regime,
            "Tipo ricovero": rng.choice(["Urgente", "Urgente", "Programmato", "Programmato con preospedalizzazione"]),
            "Diagnosi princ. (ICD-9-CM)": diags[k],
            "DRG": drgs[k],
            "Tariffa DRG €": round(rng.uniform(900, 24000), 2),
            "Note": rng.choice(IT_NOTE),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------- (d) Sweden

SE_CITIES = [
    ("Stockholm", 111, 118), ("Göteborg", 411, 418), ("Malmö", 211, 217), ("Uppsala", 752, 757),
    ("Västerås", 721, 725), ("Örebro", 702, 703), ("Linköping", 581, 589), ("Helsingborg", 252, 256),
    ("Jönköping", 553, 556), ("Norrköping", 602, 603), ("Lund", 222, 227), ("Umeå", 903, 907),
    ("Gävle", 802, 806), ("Borås", 503, 507), ("Sundsvall", 852, 856), ("Solna", 169, 171), ("Nacka", 131, 133),
    ("Täby", 183, 187), ("Luleå", 972, 977), ("Kiruna", 981, 981), ("Visby", 621, 621),
]
SE_SOURCES = ["kassan", "popup_startsida", "footer", "tavling_vår24", "butik_sthlm", "app", "import_2022"]
SE_CATS = ["Dam", "Herr", "Barn", "Skor", "Hem & inredning", "Sport", "Skönhet", "Outlet", ""]


def _se_pnr(rng: random.Random, dob: dt.date) -> str:
    serial = f"{rng.randint(0, 999):03d}"
    body = f"{dob:%y%m%d}{serial}"
    pnr = body + _luhn_digit(body)
    r = rng.random()
    if r < 0.55:
        return f"{pnr[:6]}-{pnr[6:]}"
    if r < 0.8:
        return f"{dob:%Y}{pnr[2:6]}-{pnr[6:]}"
    return f"{dob:%Y}{pnr[2:]}"


def _se_phone(rng: random.Random) -> str:
    d = f"07{rng.choice('02369')}{rng.randint(0, 9999999):07d}"
    r = rng.random()
    if r < 0.4:
        return f"{d[:3]}-{d[3:6]} {d[6:8]} {d[8:]}"
    if r < 0.65:
        return f"+46{d[1:]}"
    if r < 0.8:
        return f"+46 {d[1:3]} {d[3:6]} {d[6:8]} {d[8:]}"
    return d


def _table_se(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("sv_SE", 5)
    net = _faker("en_US", 6)
    domains = ["gmail.com", "hotmail.com", "outlook.com", "telia.com", "live.se", "yahoo.se", "icloud.com",
               "bredband.net", "spray.se", "comhem.se"]
    rows = []
    start = dt.datetime(2021, 3, 1)
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1950, 2007)
        city, lo, hi = rng.choice(SE_CITIES)
        pn = f"{rng.randint(lo, hi)} {rng.randint(0, 99):02d}"
        has_profile = rng.random() < 0.55
        consent = _ts(rng, start, 1100)
        unsub = rng.random() < 0.14
        ip = net.ipv4_public() if rng.random() < 0.8 else net.ipv6()
        rows.append({
            "kund_id": 500000 + i * 7 + rng.randint(0, 6),
            "epost": _email(rng, first, last, domains),
            "fornamn": first if rng.random() > 0.06 else None,
            "efternamn": last if has_profile else None,
            "mobilnr": _se_phone(rng) if rng.random() < 0.45 else None,
            "personnummer": _se_pnr(rng, dob) if has_profile and rng.random() < 0.5 else None,
            "fodelsedatum": dob.isoformat() if rng.random() < 0.6 else None,
            "gatuadress": f"{fk.street_name()} {rng.randint(1, 120)}{rng.choice(['', '', '', 'A', 'B', ' lgh 1102'])}"
            if has_profile else None,
            "postnr": pn if has_profile else None,
            "ort": (city.upper() if rng.random() < 0.1 else city) if has_profile else None,
            "anvandarnamn": rng.choice([f"{_slug(first)}{rng.randint(1, 999)}", f"{_slug(first)[:3]}{_slug(last)[:3]}",
                                        f"{_slug(last)}_{_slug(first)[0]}"]) if has_profile else None,
            "samtycke_nyhetsbrev": not unsub,
            "samtycke_sms": rng.random() < 0.3,
            "samtycke_tidpunkt": consent.strftime("%Y-%m-%dT%H:%M:%S+01:00"),
            "samtycke_ip": ip,
            "dubbel_optin_token": _hex(rng, 32),
            "kalla": rng.choice(SE_SOURCES),
            "sprak": rng.choice(["sv", "sv", "sv", "sv", "en", "fi"]),
            "avregistrerad_datum": (consent + dt.timedelta(days=rng.randint(1, 500))).date().isoformat()
            if unsub else None,
            "antal_ordrar": rng.choice([0, 0, 1, 1, 2, 3, 5, 8, 13]),
            "senaste_ordervarde_sek": round(rng.uniform(99, 4999), 2) if rng.random() < 0.7 else None,
            "favoritkategori": rng.choice(SE_CATS),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------- (e) Portugal

PT_CITIES = [  # localidade, distrito, CP range, landline prefix
    ("Lisboa", "Lisboa", 1000, 1990, "21"), ("Porto", "Porto", 4000, 4369, "22"), ("Braga", "Braga", 4700, 4719, "253"),
    ("Coimbra", "Coimbra", 3000, 3049, "239"), ("Faro", "Faro", 8000, 8009, "289"), ("Aveiro", "Aveiro", 3800, 3814, "234"),
    ("Setúbal", "Setúbal", 2900, 2914, "265"), ("Funchal", "Madeira", 9000, 9064, "291"), ("Viseu", "Viseu", 3500, 3519, "232"),
    ("Leiria", "Leiria", 2400, 2419, "244"), ("Amadora", "Lisboa", 2700, 2724, "21"), ("Almada", "Setúbal", 2800, 2829, "21"),
    ("Sintra", "Lisboa", 2710, 2714, "21"), ("Cascais", "Lisboa", 2750, 2789, "21"),
    ("Vila Nova de Gaia", "Porto", 4400, 4439, "22"), ("Matosinhos", "Porto", 4450, 4465, "22"),
    ("Évora", "Évora", 7000, 7005, "266"), ("Guimarães", "Braga", 4800, 4839, "253"), ("Odivelas", "Lisboa", 2675, 2679, "21"),
]
PT_STREET = ["Rua", "Rua", "Avenida", "Travessa", "Largo", "Praceta", "Estrada", "Rua"]
PT_BANKS = ["0035", "0033", "0007", "0010", "0018", "0036", "0045", "0023", "0079"]
PT_TARIFFS = [
    ("Fibra 200 Mbps", 200, 24.99), ("Fibra 500 Mbps + TV", 500, 39.99), ("Fibra 1 Gbps + TV + Móvel", 1000, 64.99),
    ("ADSL 24 Mbps", 24, 21.50), ("5G Casa 300", 300, 29.99), ("Fibra 100 Mbps Empresas", 100, 34.90),
]


def _pt_nif(rng: random.Random) -> str:
    body = str(rng.choice([1, 2, 2, 3])) + f"{rng.randint(0, 9999999):07d}"
    total = sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True))
    check = 11 - total % 11
    return body + str(0 if check >= 10 else check)


def _pt_cc(rng: random.Random) -> str:
    num = f"{rng.randint(5000000, 39999999):08d}"
    total = sum(int(d) * w for d, w in zip(num, range(9, 1, -1), strict=True))
    c1 = 11 - total % 11
    c1 = 0 if c1 >= 10 else c1
    version = rng.choice(["ZZ", "ZY", "ZX", "ZW", "YZ"])
    payload = f"{num}{c1}{version}"
    # document check digit: Luhn-style over base-36 values, every second value from the right doubled
    vals = [int(c, 36) for c in payload]
    total = 0
    for i, v in enumerate(reversed(vals)):
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    c2 = (10 - total % 10) % 10
    return f"{num} {c1} {version}{c2}" if rng.random() < 0.7 else f"{num}{c1}{version}{c2}"


def _pt_iban(rng: random.Random) -> str:
    core = f"{rng.choice(PT_BANKS)}{rng.randint(0, 9999):04d}{rng.randint(0, 10**11 - 1):011d}"
    nib_check = 98 - (int(core) * 100) % 97
    iban = _iban("PT", f"{core}{nib_check:02d}")
    return _group(iban) if rng.random() < 0.6 else iban


def _pt_mobile(rng: random.Random) -> str:
    d = f"9{rng.choice('1236')}{rng.randint(0, 9999999):07d}"
    r = rng.random()
    if r < 0.5:
        return f"{d[:3]} {d[3:6]} {d[6:]}"
    if r < 0.75:
        return d
    return f"+351 {d[:3]} {d[3:6]} {d[6:]}" if r < 0.9 else f"00351{d}"


def _table_pt(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("pt_PT", 7)
    net = _faker("en_US", 8)
    domains = ["gmail.com", "sapo.pt", "hotmail.com", "outlook.pt", "netcabo.pt", "clix.pt", "iol.pt", "live.com.pt"]
    rows = []
    for _i in range(n):
        first, last = fk.first_name(), fk.last_name()
        middle = fk.last_name()
        full = f"{first} {middle} {last}" if rng.random() < 0.6 else f"{first} {last}"
        city, dist, lo, hi, fixed = rng.choice(PT_CITIES)
        cp = f"{rng.randint(lo, hi)}-{rng.randint(1, 999):03d}"
        tariff, speed, price = rng.choice(PT_TARIFFS)
        since = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        andar = rng.choice(["", "", f", {rng.randint(1, 9)}º Esq.", f", {rng.randint(1, 9)}º Dto.", ", R/C", ", Fração B"])
        landline = None
        if rng.random() < 0.4:
            rest = 9 - len(fixed)
            landline = float(f"{fixed}{rng.randint(0, 10**rest - 1):0{rest}d}")
        rows.append({
            "N.º Cliente": f"{rng.randint(1, 9999999):09d}",
            "Nome Completo": full,
            "NIF": _pt_nif(rng),
            "N.º Documento Identificação": _pt_cc(rng) if rng.random() < 0.75 else "",
            "Data Nascimento": _dob(rng, 1935, 2005).strftime("%d-%m-%Y") if rng.random() < 0.85 else "",
            "Morada": f"{rng.choice(PT_STREET)} {fk.last_name()} {fk.last_name()}, {rng.randint(1, 400)}{andar}",
            "Código Postal": cp,
            "Localidade": city,
            "Distrito": dist,
            "Telemóvel": _pt_mobile(rng),
            "Telefone Fixo (serviço)": landline,
            "Email": _email(rng, first, last, domains) if rng.random() < 0.9 else "",
            "IBAN Débito Direto": _pt_iban(rng) if rng.random() < 0.7 else "",
            "IP Fixo Atribuído": net.ipv4_public() if rng.random() < 0.12 else "",
            "Utilizador Área Cliente": _slug(first) + rng.choice([".", "_", ""]) + _slug(last)
            + (str(rng.randint(1, 99)) if rng.random() < 0.5 else "") if rng.random() < 0.8 else "",
            "Tarifário": tariff,
            "Velocidade (Mbps)": speed,
            "Mensalidade (€)": price,
            "Data Adesão": since.isoformat(),
            "Fidelização até": (since + dt.timedelta(days=730)).isoformat() if rng.random() < 0.6 else "",
            "N.º Série Router": f"{rng.choice(['ZTEG', 'HWTC', 'SCOM', 'ALCL'])}{_hex(rng, 8).upper()}",
            "Estado Contrato": rng.choice(["Ativo", "Ativo", "Ativo", "Suspenso", "Cessado", "Em instalação"]),
            "Última Fatura": f"FT {rng.choice([2023, 2024])}/{rng.randint(1, 999999)}",
        })
    df = pd.DataFrame(rows)
    df["Telefone Fixo (serviço)"] = df["Telefone Fixo (serviço)"].astype("float64")
    return df


# ----------------------------------------------------------------------------------------------- (f) Poland

PL_CITIES = [  # miejscowość, kod od, kod do
    ("Warszawa", 1, 4999), ("Kraków", 30001, 31999), ("Łódź", 90001, 94999), ("Wrocław", 50001, 54999),
    ("Poznań", 60001, 61999), ("Gdańsk", 80001, 80999), ("Szczecin", 70001, 71999), ("Bydgoszcz", 85001, 85999),
    ("Lublin", 20001, 20999), ("Katowice", 40001, 40999), ("Białystok", 15001, 15999), ("Gdynia", 81001, 81999),
    ("Częstochowa", 42200, 42226), ("Radom", 26600, 26617), ("Toruń", 87100, 87162), ("Kielce", 25001, 25900),
    ("Rzeszów", 35001, 35959), ("Olsztyn", 10001, 10900), ("Opole", 45001, 45940), ("Piaseczno", 5500, 5509),
]
PL_BANKS = ["1090", "1020", "1140", "1050", "1240", "1160", "2490", "1750"]
PL_CARS = [
    ("Toyota Corolla", "SB1"), ("Skoda Octavia", "TMB"), ("VW Golf", "WVW"), ("Opel Astra", "W0L"),
    ("Ford Focus", "WF0"), ("Kia Ceed", "U5Y"), ("Dacia Duster", "UU1"), ("Renault Clio", "VF1"),
    ("Fiat Tipo", "ZFA"), ("Hyundai i30", "TMA"), ("BMW 320d", "WBA"), ("Audi A4", "WAU"),
]
PL_PLATES = ["WA", "WI", "WX", "KR", "KK", "EL", "DW", "PO", "GD", "ZS", "CB", "LU", "SK", "BI", "GA", "SC",
             "WR", "CT", "TK", "RZ", "NO", "OP", "WPI"]
PL_OPIS = [
    "Kolizja na skrzyżowaniu, uszkodzony przedni zderzak i reflektor.",
    "Szkoda parkingowa - zarysowanie drzwi kierowcy.",
    "Uderzenie w tył pojazdu podczas hamowania w korku.",
    "Zbita szyba czołowa (kamień z drogi).",
    "Kradzież pojazdu z parkingu osiedlowego.\nZgłoszono na policję.",
    "Gradobicie - wgniecenia maski i dachu.",
    "Zderzenie z sarną na drodze krajowej.",
    "Otarcie lusterka przy wymijaniu.",
]
PL_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _pl_pesel(rng: random.Random, dob: dt.date, male: bool) -> str:
    month = dob.month + (20 if dob.year >= 2000 else 0)
    serial = f"{rng.randint(0, 999):03d}"
    sex = rng.choice("13579" if male else "02468")
    body = f"{dob:%y}{month:02d}{dob:%d}{serial}{sex}"
    total = sum(int(d) * w for d, w in zip(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3], strict=True))
    return body + str((10 - total % 10) % 10)


def _pl_dowod(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(3))
    digits = f"{rng.randint(0, 99999):05d}"
    vals = [int(c, 36) for c in letters] + [int(d) for d in digits]
    check = sum(v * w for v, w in zip(vals, [7, 3, 1, 7, 3, 1, 7, 3], strict=True)) % 10
    out = f"{letters}{check}{digits}"
    return f"{letters} {check}{digits}" if rng.random() < 0.3 else out


def _pl_nrb(rng: random.Random) -> str:
    branch = f"{rng.choice(PL_BANKS)}{rng.randint(0, 999):03d}"
    sc = (10 - sum(int(d) * w for d, w in zip(branch, [3, 9, 7, 1, 3, 9, 7], strict=True)) % 10) % 10
    bban = f"{branch}{sc}{rng.randint(0, 10**16 - 1):016d}"
    iban = _iban("PL", bban)
    r = rng.random()
    if r < 0.45:
        return _group(iban[2:4]) + " " + _group(iban[4:])
    if r < 0.7:
        return iban[2:]
    return _group(iban) if r < 0.9 else iban


def _pl_phone(rng: random.Random) -> str:
    d = f"{rng.choice(['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'])}" \
        f"{rng.randint(0, 9999999):07d}"
    r = rng.random()
    if r < 0.4:
        return f"{d[:3]} {d[3:6]} {d[6:]}"
    if r < 0.6:
        return f"+48 {d[:3]} {d[3:6]} {d[6:]}"
    if r < 0.8:
        return f"{d[:3]}-{d[3:6]}-{d[6:]}"
    return d


def _table_pl(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("pl_PL", 9)
    domains = ["wp.pl", "onet.pl", "gmail.com", "interia.pl", "o2.pl", "op.pl", "poczta.fm", "tlen.pl"]
    handlers = sorted({f"{_slug(fk.first_name())[0]}.{_slug(fk.last_name())}" for _ in range(25)})
    rows = []
    for _i in range(n):
        male = rng.random() < 0.6
        first = fk.first_name_male() if male else fk.first_name_female()
        last = fk.last_name_male() if male else fk.last_name_female()
        dob = _dob(rng, 1945, 2005)
        city, lo, hi = rng.choice(PL_CITIES)
        code = rng.randint(lo, hi)
        kod = f"{code // 1000:02d}-{code % 1000:03d}"
        model, wmi = rng.choice(PL_CARS)
        start = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
        claim = rng.random() < 0.38
        ev = start + dt.timedelta(days=rng.randint(1, 364))
        ccity, _, _ = rng.choice(PL_CITIES)
        street = fk.street_name()
        rows.append({
            "Nr polisy": f"{rng.choice(['OC', 'AC', 'OCAC'])}/{start:%Y}/{rng.randint(1, 9999999):07d}",
            "Wariant": rng.choice(["OC", "OC + AC", "OC + AC + NNW", "OC + Assistance"]),
            "Data początku ochrony": start.isoformat(),
            "Składka roczna (PLN)": f"{rng.uniform(450, 4800):.2f}".replace(".", ","),
            "Imię": first,
            "Nazwisko": last,
            "PESEL": _pl_pesel(rng, dob, male) if rng.random() > 0.03 else "",
            "Data urodzenia": dob.isoformat() if rng.random() < 0.8 else dob.strftime("%d.%m.%Y"),
            "Seria i nr dowodu osobistego": _pl_dowod(rng) if rng.random() < 0.7 else "",
            "Ulica i nr domu": f"{rng.choice(['ul. ', 'ul. ', 'al. ', 'os. ', ''])}{street} {rng.randint(1, 150)}"
                               f"{rng.choice(['', '', f'/{rng.randint(1, 80)}', 'A'])}",
            "Kod pocztowy": kod,
            "Miejscowość": city,
            "Telefon kom.": _pl_phone(rng),
            "E-mail": _email(rng, first, last, domains) if rng.random() < 0.85 else "",
            "Nr rejestracyjny": f"{rng.choice(PL_PLATES)} {rng.randint(10000, 99999)}"
            if rng.random() < 0.8 else f"{rng.choice(PL_PLATES)} {rng.randint(100, 999)}{rng.choice('ACEHKLMNPRSTWXY')}",
            "VIN": wmi + "".join(rng.choice(PL_VIN_CHARS) for _ in range(14)),
            "Marka i model": model,
            "Rok prod.": rng.randint(2003, 2024),
            "Nr szkody": f"SZ/{ev:%Y}/{rng.randint(1, 999999):06d}" if claim else "",
            "Data zdarzenia": ev.isoformat() if claim else "",
            "Miejsce zdarzenia": (f"{ccity}, {rng.choice(['ul. ', 'al. ', ''])}{fk.street_name()}"
                                  if rng.random() < 0.7 else ccity) if claim else "",
            "Opis szkody": rng.choice(PL_OPIS) if claim else "",
            "Sprawca (imię i nazwisko)": f"{fk.first_name()} {fk.last_name()}" if claim and rng.random() < 0.55 else "",
            "Nr konta do wypłaty": _pl_nrb(rng) if claim and rng.random() < 0.85 else "",
            "Kwota odszkodowania": f"{rng.uniform(300, 45000):.2f}" if claim and rng.random() < 0.8 else "",
            "Likwidator (login)": rng.choice(handlers) if claim else "",
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------- (g) access log

LOG_ROUTES = [
    ("GET", "/"), ("GET", "/products/{id}"), ("GET", "/search"), ("GET", "/api/v2/cart"), ("POST", "/api/v2/cart/items"),
    ("GET", "/static/js/app.{hex}.js"), ("GET", "/static/css/main.{hex}.css"), ("POST", "/api/v2/auth/login"),
    ("POST", "/api/v2/auth/refresh"), ("GET", "/api/v2/orders/{id}"), ("GET", "/account/orders"),
    ("POST", "/api/v2/checkout"), ("GET", "/healthz"), ("PUT", "/api/v2/account/preferences"),
    ("DELETE", "/api/v2/cart/items/{id}"), ("GET", "/category/{cat}"), ("GET", "/favicon.ico"),
]
LOG_QUERIES = [
    "", "", "", "page={n}", "page={n}&sort=price_asc", "q={term}", "q={term}&page={n}",
    "utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale", "ref=home_banner", "v={hex}",
    "utm_source=google&utm_medium=cpc&gclid={hex}", "size=M&color=navy", "lang=en&currency=CAD",
]
LOG_TERMS = ["wireless+headphones", "running+shoes", "usb-c+cable", "rain+jacket", "coffee+grinder", "desk+lamp",
             "yoga+mat", "phone+case", "gift+card"]
LOG_CATS = ["outdoor", "electronics", "kitchen", "women", "men", "sale"]
LOG_REFS = ["-", "-", "https://www.google.com/", "https://shop.example-retail.com/", "https://www.bing.com/",
            "https://shop.example-retail.com/search?q=rain+jacket", "https://t.co/", "android-app://com.google.android.gm/",
            "https://duckduckgo.com/"]
LOG_CITIES = ["Toronto", "Vancouver", "Montreal", "Calgary", "London", "Manchester", "Dublin", "Seattle", "Chicago",
              "New York", "Austin", "Sydney", "Melbourne", "Auckland", "Ashburn", "Frankfurt am Main", "Amsterdam"]
LOG_COUNTRY = {"Toronto": "CA", "Vancouver": "CA", "Montreal": "CA", "Calgary": "CA", "London": "GB",
               "Manchester": "GB", "Dublin": "IE", "Seattle": "US", "Chicago": "US", "New York": "US", "Austin": "US",
               "Sydney": "AU", "Melbourne": "AU", "Auckland": "NZ", "Ashburn": "US", "Frankfurt am Main": "DE",
               "Amsterdam": "NL"}


def _table_log(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    net = _faker("en_US", 10)
    people = _faker("en_GB", 11)
    users = []
    for k in range(120):
        first, last = people.first_name(), people.last_name()
        handle = rng.choice([f"{_slug(first)}{_slug(last)[:1]}{rng.randint(1, 99)}", f"{_slug(first)}_{_slug(last)}",
                             f"{_slug(last)}{rng.randint(70, 99)}"])
        email = _email(rng, first, last, ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "proton.me"])
        users.append((100000 + k * 13, handle, email, net.ipv4_public() if rng.random() < 0.85 else net.ipv6()))
    agents = sorted({net.user_agent() for _ in range(40)})
    t = dt.datetime(2024, 5, 14, 0, 0, 3)
    rows = []
    for _ in range(n):
        t += dt.timedelta(milliseconds=rng.randint(5, 90000))
        method, path = rng.choice(LOG_ROUTES)
        path = path.format(id=rng.randint(1000, 999999), hex=_hex(rng, 8), cat=rng.choice(LOG_CATS))
        query = rng.choice(LOG_QUERIES).format(n=rng.randint(2, 40), term=rng.choice(LOG_TERMS), hex=_hex(rng, 12))
        logged = rng.random() < 0.45
        uid, handle, email, ip = rng.choice(users) if logged else (None, None, None, None)
        if ip is None or rng.random() < 0.2:
            ip = net.ipv4_public() if rng.random() < 0.85 else net.ipv6()
        xff = ""
        if rng.random() < 0.35:
            xff = f"{ip}, 10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            ip = f"172.31.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        status = rng.choice([200] * 20 + [301, 302, 304, 304, 400, 401, 403, 404, 404, 499, 500, 502])
        city = rng.choice(LOG_CITIES) if rng.random() < 0.9 else "-"
        rows.append({
            "timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z",
            "remote_addr": ip,
            "x_forwarded_for": xff,
            "method": method,
            "host": rng.choice(["shop.example-retail.com", "api.example-retail.com"]),
            "path": path,
            "query_string": query,
            "http_version": rng.choice(["HTTP/1.1", "HTTP/2.0", "HTTP/2.0"]),
            "status": status,
            "bytes_sent": rng.randint(0, 250000) if status != 304 else 0,
            "request_time_ms": round(rng.lognormvariate(3.5, 1.0), 3),
            "referer": rng.choice(LOG_REFS),
            "user_agent": rng.choice(agents),
            "user_id": float(uid) if uid is not None else float("nan"),
            "auth_username": handle if handle else "-",
            "jwt_email": email if email and rng.random() < 0.8 else "",
            "session_id": _hex(rng, 32) if rng.random() < 0.9 else "",
            "request_id": f"{_hex(rng, 8)}-{_hex(rng, 4)}-4{_hex(rng, 3)}-{rng.choice('89ab')}{_hex(rng, 3)}-{_hex(rng, 12)}",
            "geoip_city": city,
            "geoip_country": LOG_COUNTRY.get(city, "-"),
            "upstream_status": str(status) if rng.random() < 0.9 else "-",
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------- API

BUILDERS: dict[str, Callable[[int], pd.DataFrame]] = {
    "kyc_onboarding_ca": _table_ca,
    "interim_paie_fr": _table_fr,
    "ricoveri_it": _table_it,
    "nyhetsbrev_se": _table_se,
    "clientes_isp_pt": _table_pt,
    "polisy_szkody_pl": _table_pl,
    "access_log": _table_log,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory: {table: DataFrame}; each table gets a fixed share of ``rows``."""
    return {t: BUILDERS[t](max(1, int(rows * ROW_SHARE[t]))) for t in TABLES}


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


def _write_jsonl(df: pd.DataFrame, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for rec in df.to_dict(orient="records"):
            clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
            fh.write(json.dumps(clean, ensure_ascii=False, allow_nan=False) + "\n")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to ``out_dir`` in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    writers: dict[str, Callable[[pd.DataFrame, Path], None]] = {
        "kyc_onboarding_ca": lambda df, p: df.to_csv(p, index=False, encoding="utf-8-sig"),
        "interim_paie_fr": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="cp1252", lineterminator="\r\n"),
        "ricoveri_it": lambda df, p: df.to_excel(p, index=False, sheet_name="Ricoveri", engine="openpyxl"),
        "nyhetsbrev_se": _write_jsonl,
        "clientes_isp_pt": lambda df, p: df.to_parquet(p, index=False),
        "polisy_szkody_pl": lambda df, p: df.to_csv(p, index=False, sep="\t", encoding="utf-8"),
        "access_log": lambda df, p: df.to_parquet(p, index=False),
    }
    paths: dict[str, Path] = {}
    for t in TABLES:
        path = out_dir / FILES[t]
        _atomic_write(path, lambda p, t=t: writers[t](tables[t], p))
        paths[t] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for name, p in write_all(target).items():
        print(f"{name}: {p}")
