"""Blind held-out set 13 for the PII scanner: seven exports from seven kinds of systems.

Tables (domain -> format):
  vet_patients        US veterinary clinic, owners and pets                -> CSV ",", UTF-8
  handwerk_auftraege  German facility-service / Handwerker work orders     -> Excel .xlsx
  creche_inscriptions French crèche enrolment                              -> CSV ";", cp1252
  gimnasio_socios     Spanish gym / sports-club members                    -> JSON Lines
  ebike_orders        Dutch e-bike web shop orders + warranty              -> Parquet
  apteekki_eresepti   Finnish pharmacy e-prescription dispensing           -> CSV TAB, UTF-8 with BOM
  sso_audit_export    English identity-provider (SSO) audit/account export -> JSON Lines

Labels live in labels.yaml next to this file and were written by hand before any scanner run.
Seeded and deterministic; no network.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 13130
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "vet_patients",
    "handwerk_auftraege",
    "creche_inscriptions",
    "gimnasio_socios",
    "ebike_orders",
    "apteekki_eresepti",
    "sso_audit_export",
)

FILES: dict[str, str] = {
    "vet_patients": "vet_patients.csv",
    "handwerk_auftraege": "Auftraege_Export_2024.xlsx",
    "creche_inscriptions": "inscriptions_creche.csv",
    "gimnasio_socios": "socios_export.jsonl",
    "ebike_orders": "ebike_orders_warranty.parquet",
    "apteekki_eresepti": "eresepti_toimitukset.tsv",
    "sso_audit_export": "idp_audit_export.jsonl",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


# --------------------------------------------------------------------------- helpers


def _faker(locale: str, k: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + k)
    return fk


def _rng(name: str) -> random.Random:
    return random.Random(f"{SEED}-{name}")


def _city(fk: Faker, rng: random.Random) -> str:
    """Pick a city from the locale's list in a process-independent order."""
    cities = getattr(fk, "_h13_cities", None)
    if cities is None:
        pool: list[str] = []
        for _ in range(400):
            pool.append(fk.city())
        cities = sorted(dict.fromkeys(pool))
        fk._h13_cities = cities
    return rng.choice(cities)


US_CITIES = ["Springfield", "Columbus", "Austin", "Portland", "Franklin", "Greenville", "Madison", "Bristol",
             "Fairview", "Salem", "Georgetown", "Clinton", "Arlington", "Ashland", "Burlington", "Manchester",
             "Milton", "Oxford", "Jackson", "Dayton", "Lexington", "Newport", "Riverside", "Bloomington",
             "Cedar Rapids", "Boise", "Tucson", "Raleigh", "Sacramento", "Albany", "Savannah", "Omaha",
             "Fort Collins", "Ann Arbor", "Spokane", "Chattanooga", "Santa Fe", "Kalamazoo", "Scottsdale",
             "Naperville", "Hoboken", "Flagstaff", "Duluth", "Asheville", "Bozeman", "Eugene", "Provo"]
FR_CITIES = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Montpellier", "Strasbourg", "Bordeaux", "Lille",
             "Rennes", "Reims", "Le Havre", "Saint-Étienne", "Toulon", "Grenoble", "Dijon", "Angers", "Nîmes",
             "Villeurbanne", "Clermont-Ferrand", "Aix-en-Provence", "Brest", "Tours", "Amiens", "Limoges",
             "Annecy", "Perpignan", "Boulogne-Billancourt", "Metz", "Besançon", "Orléans", "Saint-Denis",
             "Argenteuil", "Rouen", "Mulhouse", "Montreuil", "Caen", "Nancy", "Vitry-sur-Seine", "Créteil",
             "Pau", "Poitiers", "La Rochelle", "Colmar", "Quimper", "Vannes", "Chambéry", "Issy-les-Moulineaux",
             "Levallois-Perret", "Saint-Malo", "Bayonne", "Lorient", "Valence", "Troyes", "Niort", "Arles"]

UK_CITIES = ["London", "Manchester", "Leeds", "Bristol", "Sheffield", "Nottingham", "Reading", "Cambridge",
             "Oxford", "Edinburgh", "Glasgow", "Cardiff", "Brighton", "Milton Keynes", "York", "Bath"]


def _blank(rng: random.Random, value: object, p: float, blanks: tuple = ("",)) -> object:
    return rng.choice(blanks) if rng.random() < p else value


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _dt(rng: random.Random, start: dt.datetime, days: int) -> dt.datetime:
    return start + dt.timedelta(seconds=rng.randint(0, days * 86400))


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
    kind = rng.choice(["visa", "visa", "mc", "amex", "disc"])
    if kind == "visa":
        body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif kind == "mc":
        body = str(rng.randint(51, 55)) + "".join(rng.choice("0123456789") for _ in range(13))
    elif kind == "amex":
        body = rng.choice(["34", "37"]) + "".join(rng.choice("0123456789") for _ in range(12))
    else:
        body = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    num = body + _luhn_digit(body)
    style = rng.random()
    if len(num) == 15:
        return f"{num[:4]} {num[4:10]} {num[10:]}" if style < 0.5 else num
    if style < 0.4:
        return " ".join(num[i : i + 4] for i in range(0, 16, 4))
    if style < 0.6:
        return "-".join(num[i : i + 4] for i in range(0, 16, 4))
    return num


def _iban(country: str, bban: str) -> str:
    conv = "".join(str(int(c, 36)) for c in (bban + country + "00"))
    check = 98 - int(conv) % 97
    return f"{country}{check:02d}{bban}"


def _fmt_iban(iban: str, rng: random.Random, p_grouped: float = 0.6) -> str:
    if rng.random() < p_grouped:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _iban_de(rng: random.Random) -> str:
    blz = rng.choice(["10010010", "20050550", "37040044", "50010517", "60050101", "70150000", "76026000"])
    return _iban("DE", blz + _digits(rng, 10))


def _es_dc(digits: str) -> str:
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(a) * b for a, b in zip(digits, w, strict=True)) % 11
    return {10: "1", 11: "0"}.get(d, str(d))


def _iban_es(rng: random.Random) -> str:
    bank = rng.choice(["2100", "0049", "0182", "0081", "2085", "0128", "1465"])
    branch = _digits(rng, 4)
    acct = _digits(rng, 10)
    dc = _es_dc("00" + bank + branch) + _es_dc(acct)
    return _iban("ES", bank + branch + dc + acct)


def _iban_fr(rng: random.Random) -> str:
    bank = rng.choice(["30003", "30004", "20041", "10278", "30002", "16606", "11315"])
    guichet = _digits(rng, 5)
    acct = _digits(rng, 11)
    key = 97 - (89 * int(bank) + 15 * int(guichet) + 3 * int(acct)) % 97
    return _iban("FR", f"{bank}{guichet}{acct}{key:02d}")


def _iban_nl(rng: random.Random) -> str:
    bank = rng.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"])
    while True:
        acct = _digits(rng, 10)
        if acct[0] != "0" or acct[1] != "0":
            if sum(int(d) * (10 - i) for i, d in enumerate(acct)) % 11 == 0:
                break
    return _iban("NL", bank + acct)


def _dni(rng: random.Random) -> str:
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.15:
        pre = rng.choice("XYZ")
        num = _digits(rng, 7)
        val = int(str("XYZ".index(pre)) + num)
        return f"{pre}{num}{letters[val % 23]}"
    num = rng.randint(1_000_000, 79_999_999)
    s = f"{num:08d}{letters[num % 23]}"
    r = rng.random()
    if r < 0.1:
        return s.lower()
    if r < 0.2:
        return f"{s[:8]}-{s[8]}"
    return s


def _hetu(rng: random.Random, born: dt.date) -> str:
    sep = "-" if born.year < 2000 else "A"
    ind = rng.randint(2, 899)
    base = f"{born:%d%m}{born.year % 100:02d}"
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(base + f"{ind:03d}") % 31]
    return f"{base}{sep}{ind:03d}{check}"


def _nir(rng: random.Random, sex: int, born: dt.date) -> str:
    dept = rng.choice(["75", "69", "13", "33", "59", "92", "93", "94", "31", "44", "67", "06", "35"])
    commune = rng.randint(1, 399)
    order = rng.randint(1, 999)
    body = f"{sex}{born.year % 100:02d}{born.month:02d}{dept}{commune:03d}{order:03d}"
    key = 97 - int(body) % 97
    if rng.random() < 0.5:
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"
    return f"{body}{key:02d}"


def _de_mobile(rng: random.Random) -> str:
    pre = rng.choice(["151", "152", "157", "160", "162", "170", "171", "172", "175", "176", "177", "179"])
    num = _digits(rng, rng.choice([7, 8]))
    style = rng.randint(0, 3)
    if style == 0:
        return f"0{pre} {num}"
    if style == 1:
        return f"+49 {pre} {num}"
    if style == 2:
        return f"0{pre}/{num}"
    return f"0{pre}{num}"


def _username(rng: random.Random, first: str, last: str) -> str:
    f = first.lower().replace(" ", "")
    lname = last.lower().replace(" ", "").replace("'", "")
    for a, b in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("é", "e"), ("è", "e"), ("ñ", "n"), ("á", "a"),
                 ("í", "i"), ("ó", "o"), ("ú", "u"), ("ç", "c"), ("ß", "ss"), ("-", "")):
        f, lname = f.replace(a, b), lname.replace(a, b)
    style = rng.randint(0, 5)
    if style == 0:
        return f"{f[0]}{lname}"
    if style == 1:
        return f"{f}.{lname}"
    if style == 2:
        return f"{f}{rng.randint(1, 99)}"
    if style == 3:
        return f"{f}_{lname[:3]}{rng.randint(70, 99)}"
    if style == 4:
        return f"{lname}{f[0]}"
    return f"{f[:3]}{lname[:4]}"


# --------------------------------------------------------------------------- tables


def _vet(rows: int) -> pd.DataFrame:
    fk = _faker("en_US", 1)
    rng = _rng("vet")
    pets = ["Bella", "Max", "Luna", "Charlie", "Lucy", "Cooper", "Daisy", "Milo", "Bailey", "Sadie",
            "Rocky", "Oliver", "Leo", "Nala", "Tucker", "Zoe", "Bear", "Pepper", "Ginger", "Oreo",
            "Shadow", "Biscuit", "Maple", "Mochi", "Kiwi", "Peanut", "Ziggy", "Duke", "Penny", "Rosie"]
    species_breeds = {
        "Canine": ["Labrador Retriever", "Golden Retriever", "German Shepherd", "Beagle", "Mixed", "Dachshund",
                   "Pit Bull Terrier", "Shih Tzu", "Boxer", "Goldendoodle"],
        "Feline": ["DSH", "DLH", "Maine Coon", "Siamese", "Ragdoll", "Bengal"],
        "Avian": ["Cockatiel", "Budgerigar", "African Grey"],
        "Exotic": ["Rabbit - Holland Lop", "Guinea Pig", "Bearded Dragon", "Ferret"],
    }
    vets = [f"Dr. {fk.first_name()} {fk.last_name()}" for _ in range(9)]
    reasons = ["Annual wellness exam", "Vaccines - DHPP/Rabies", "Limping R hind leg", "Dental cleaning",
               "Vomiting x2 days", "Ear infection recheck", "Spay", "Neuter", "Skin allergy flare-up",
               "Weight check", "Nail trim", "Euthanasia consult", "Post-op suture removal"]
    notes = ["BAR, T 101.5F. Heart/lungs WNL. Continue current diet.",
             "Mild tartar grade 1.\nRecommend dental in 6 mo.",
             "Otitis externa AU, cytology: cocci ++.\nDispensed Otomax, recheck 14d.",
             "Pt fractious - muzzle used. Gabapentin pre-visit next time.",
             "Wt down 1.2 lb since last visit; owner switched food.",
             "", "", "Declined FeLV test.", "Rx refill carprofen 75mg #30.",
             "Vaccines given SQ R shoulder, no reaction observed in clinic."]
    out = []
    start = dt.date(2015, 1, 1)
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        species = rng.choice(["Canine"] * 5 + ["Feline"] * 4 + ["Avian", "Exotic"])
        zipc = fk.zipcode()
        zr = rng.random()
        zip_out: object = zipc
        if zr < 0.25:
            zip_out = str(int(zipc))  # leading zero lost by a spreadsheet round-trip
        elif zr < 0.35:
            zip_out = f"{zipc}-{rng.randint(1000, 9999)}"
        dob = fk.date_of_birth(minimum_age=19, maximum_age=88)
        last_visit = _date(rng, dt.date(2022, 1, 1), dt.date(2024, 11, 30))
        email = fk.free_email() if rng.random() < 0.6 else f"{first.lower()}.{last.lower()}@{fk.free_email_domain()}"
        out.append({
            "Patient ID": f"P{100000 + i * 7 + rng.randint(0, 6)}",
            "Pet Name": rng.choice(pets),
            "Species": species,
            "Breed": rng.choice(species_breeds[species]),
            "Pet DOB": _date(rng, dt.date(2008, 1, 1), dt.date(2024, 6, 1)).strftime("%m/%d/%Y"),
            "Wt (lbs)": round(rng.uniform(0.2, 110.0), 1),
            "Microchip #": _blank(rng, "9851" + _digits(rng, 11), 0.3),
            "Owner First": first,
            "Owner Last": last,
            "Owner E-mail": _blank(rng, email, 0.12),
            "Home Phone": _blank(rng, fk.phone_number(), 0.45),
            "Cell Phone": _blank(rng, fk.basic_phone_number() if rng.random() < 0.5 else fk.phone_number(), 0.1),
            "Address 1": fk.street_address(),
            "City": rng.choice(US_CITIES),
            "ST": fk.state_abbr(include_territories=False),
            "Zip": zip_out,
            "Owner DOB": _blank(rng, dob.strftime("%m/%d/%Y") if rng.random() < 0.7 else dob.isoformat(), 0.75),
            "Card on File": _blank(rng, _card(rng), 0.8),
            "CC Last4": _blank(rng, f"**** {_digits(rng, 4)}", 0.5),
            "Last Visit": last_visit.strftime("%m/%d/%Y"),
            "Next Vacc Due": _blank(rng, (last_visit + dt.timedelta(days=365)).strftime("%m/%d/%Y"), 0.3),
            "Balance ($)": round(rng.choice([0, 0, 0, rng.uniform(15, 2400)]), 2),
            "DVM": rng.choice(vets),
            "Rabies Tag #": _blank(rng, f"{rng.choice(['24', '23'])}-{rng.randint(1, 9999):04d}", 0.4),
            "Visit Reason": rng.choice(reasons),
            "Clinical Notes": rng.choice(notes),
            "Client Portal Login": _blank(rng, _username(rng, first, last), 0.35),
            "Reminder Pref": rng.choice(["Email", "SMS", "Text", "None", "Postcard", ""]),
            "Referring Hospital": _blank(rng, rng.choice(["BluePearl Specialty", "VCA Animal Hospital",
                                                          "Banfield Pet Hospital", "MedVet"]), 0.85),
        })
    del start
    return pd.DataFrame(out)


def _handwerk(rows: int) -> pd.DataFrame:
    fk = _faker("de_DE", 2)
    rng = _rng("handwerk")
    techs = [f"{fk.last_name()}, {fk.first_name_male()}" for _ in range(14)]
    kuerzel = {t: (t.split(", ")[1][0] + t.split(", ")[0][:2]).upper() for t in techs}
    arten = ["Wartung Gasheizung", "Rohrbruch Notdienst", "E-Check DGUV V3", "Thermenwartung",
             "Verstopfung Abfluss", "Fensterreinigung", "Treppenhausreinigung", "Legionellenprüfung",
             "Rauchmelder Wartung", "Heizkörper entlüften", "Austausch Warmwasserspeicher", "Winterdienst"]
    bemerk = ["Ersatzteil bestellt, 2. Termin nötig.", "Kunde nicht angetroffen", "Arbeiten abgeschlossen.",
              "Druck 1,4 bar, Abgaswerte i.O.", "Dichtung am Siphon getauscht.\nAbfluss gespült.", "",
              "Zugang über Hof, Schlüssel beim Hausmeister", "Anfahrt 2x berechnet", "Material vom Kunden"]
    firmen = ["Hausverwaltung Nordstadt GmbH", "WEG Lindenallee 12", "Immobilien Krause KG",
              "Wohnbau eG", "Praxis am Markt GbR"]
    out = []
    for i in range(rows):
        first = fk.first_name()
        last = fk.last_name()
        street = fk.street_address()
        plz = fk.postcode()
        ort = _city(fk, rng)
        d = _date(rng, dt.date(2023, 1, 2), dt.date(2024, 12, 20))
        start = dt.datetime.combine(d, dt.time(rng.randint(7, 16), rng.choice([0, 15, 30, 45])))
        std = round(rng.choice([0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8]) * 1.0, 2)
        mat = round(rng.choice([0, 0, rng.uniform(3, 900)]), 2)
        netto = round(std * 68.5 + mat + 39.0, 2)
        tech = rng.choice(techs)
        same_bill = rng.random() < 0.7
        if same_bill:
            bill = f"{street}\n{plz} {ort}"
        else:
            bill = f"{fk.street_address()}\n{fk.postcode()} {_city(fk, rng)}"
        out.append({
            "Auftrags-Nr.": f"AU-{d.year}-{i + 1:05d}",
            "Auftragsdatum": d.strftime("%d.%m.%Y"),
            "Auftragsart": rng.choice(arten),
            "Kd.-Nr.": 10000 + rng.randint(0, 8999),
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Herr", "Firma", ""]),
            "Kunde Vorname": first,
            "Kunde Name": last,
            "Firma": _blank(rng, rng.choice(firmen), 0.8),
            "Objekt Straße": street,
            "Objekt PLZ": int(plz) if rng.random() < 0.5 else plz,
            "Objekt Ort": ort,
            "Objekt-Nr.": f"OBJ-{rng.randint(1, 2400):04d}",
            "Ansprechpartner vor Ort": _blank(rng, f"{rng.choice(['Hr.', 'Fr.', ''])} {fk.last_name()}".strip(), 0.4),
            "Tel. vor Ort": _blank(rng, fk.phone_number(), 0.4),
            "Mobil Kunde": _blank(rng, _de_mobile(rng), 0.25),
            "E-Mail": _blank(rng, fk.email(), 0.2),
            "Rechnungsanschrift": bill,
            "Techniker": tech,
            "Techn.-Kürzel": kuerzel[tech],
            "Termin von": start.strftime("%d.%m.%Y %H:%M"),
            "Termin bis": (start + dt.timedelta(hours=std)).strftime("%d.%m.%Y %H:%M"),
            "Arbeitszeit (Std.)": std,
            "Material €": mat,
            "Netto €": netto,
            "MwSt 19 %": round(netto * 0.19, 2),
            "Status": rng.choice(["offen", "erledigt", "erledigt", "abgerechnet", "storniert", "in Arbeit"]),
            "Bemerkung Techniker": rng.choice(bemerk),
            "IBAN (Lastschrift)": _blank(rng, _fmt_iban(_iban_de(rng), rng), 0.65),
            "Zählernummer": _blank(rng, f"1ESY{_digits(rng, 8)}", 0.7),
            "Schlüssel bei": _blank(rng, f"Nachbar {fk.last_name()}" if rng.random() < 0.5
                                    else f"{fk.first_name()} {fk.last_name()} (Hausmeister)", 0.85),
        })
    return pd.DataFrame(out)


def _creche(rows: int) -> pd.DataFrame:
    fk = _faker("fr_FR", 3)
    rng = _rng("creche")
    meds = [f"Dr {fk.last_name()}" for _ in range(25)]
    allergies = ["", "", "", "Aucune", "Arachide (PAI)", "Lait de vache - APLV", "Œuf", "Asthme, Ventoline si besoin",
                 "Eczéma, crème fournie par les parents", "Gluten"]
    professions = ["Infirmière", "Ingénieur", "Enseignant", "Comptable", "Sans emploi", "Commercial",
                   "Aide-soignante", "Développeur", "Artisan", "Fonctionnaire", ""]
    employeurs = ["AP-HP", "SNCF", "Éducation nationale", "Airbus", "Carrefour", "Orange", "Mairie", "", ""]
    out = []
    for i in range(rows):
        last = fk.last_name()
        sex = rng.choice([1, 2])
        child_first = fk.first_name_male() if sex == 1 else fk.first_name_female()
        born = _date(rng, dt.date(2020, 9, 1), dt.date(2024, 8, 31))
        parent_sex = rng.choice([1, 2])
        p1_first = fk.first_name_male() if parent_sex == 1 else fk.first_name_female()
        p1_born = _date(rng, dt.date(1978, 1, 1), dt.date(2002, 12, 31))
        p2 = f"{fk.last_name().upper() if rng.random() < 0.4 else last.upper()} {fk.first_name()}"
        auth = []
        for _ in range(rng.randint(0, 3)):
            auth.append(f"{rng.choice(['Mme', 'M.'])} {fk.first_name()} {fk.last_name()} "
                        f"({rng.choice(['grand-mère', 'grand-père', 'tante', 'oncle', 'voisine', 'nounou'])})")
        out.append({
            "N° dossier": f"{2021 + i % 4}-{i + 1:04d}",
            "Date inscription": _date(rng, dt.date(2021, 1, 4), dt.date(2024, 9, 30)).strftime("%d/%m/%Y"),
            "Nom enfant": last.upper(),
            "Prénom enfant": child_first,
            "Né(e) le": born.strftime("%d/%m/%Y"),
            "Lieu de naissance": _blank(rng, rng.choice(FR_CITIES), 0.3),
            "Sexe": "M" if sex == 1 else "F",
            "Section": rng.choice(["Bébés", "Moyens", "Grands", "Passerelle"]),
            "Date d'entrée prévue": _date(rng, dt.date(2021, 9, 1), dt.date(2025, 1, 6)).strftime("%d/%m/%Y"),
            "Contrat (h/sem)": rng.choice([20, 25, 30, 32, 35, 40, 45, 50]),
            "Responsable légal 1": f"{last.upper()} {p1_first}",
            "Tél. domicile": _blank(rng, fk.phone_number(), 0.6),
            "Tél. portable R1": fk.phone_number(),
            "E-mail R1": _blank(rng, fk.email(), 0.1),
            "Profession R1": rng.choice(professions),
            "Employeur R1": rng.choice(employeurs),
            "Responsable légal 2": _blank(rng, p2, 0.25),
            "Tél. portable R2": _blank(rng, fk.phone_number(), 0.35),
            "Adresse": fk.street_address(),
            "CP": fk.postcode(),
            "Ville": rng.choice(FR_CITIES) if rng.random() < 0.8 else rng.choice(FR_CITIES).upper(),
            "N° sécurité sociale R1": _nir(rng, parent_sex, p1_born),
            "Quotient familial": _blank(rng, rng.randint(250, 3200), 0.15, ("", "n/c")),
            "Tarif horaire (€)": str(round(rng.uniform(0.26, 4.5), 2)).replace(".", ","),
            "Médecin traitant": _blank(rng, rng.choice(meds), 0.3),
            "Allergies / PAI": rng.choice(allergies),
            "Personnes autorisées à récupérer l'enfant": " ; ".join(auth),
            "Droit à l'image": rng.choice(["Oui", "Non", "oui", ""]),
            "IBAN prélèvement": _blank(rng, _fmt_iban(_iban_fr(rng), rng), 0.3),
        })
    return pd.DataFrame(out)


def _gimnasio(rows: int) -> pd.DataFrame:
    fk = _faker("es_ES", 4)
    rng = _rng("gimnasio")
    monitores = [f"{fk.first_name()} {fk.last_name()[0]}." for _ in range(12)]
    cuotas = {"Mensual Total": 44.9, "Mañanas": 29.9, "Fin de semana": 19.9, "Joven (<25)": 32.0,
              "Trimestral": 119.0, "Familiar": 74.5, "Senior +65": 24.9}
    actividades = ["Spinning", "Body Pump", "Pilates", "Yoga", "Crossfit", "Zumba", "Natación", "Pádel", "HIIT"]
    obs = ["", "", "", "Lesión rodilla izq. evitar impacto", "Baja temporal por viaje", "Pago en efectivo",
           "Recibo devuelto 03/2024", "Quiere plan nutricional", "Hipertensión controlada"]
    provincias = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Bizkaia", "Zaragoza", "A Coruña"]
    out = []
    for i in range(rows):
        first = fk.first_name()
        apell = f"{fk.last_name()} {fk.last_name()}"
        born = fk.date_of_birth(minimum_age=14, maximum_age=82)
        cuota = rng.choice(sorted(cuotas))
        last_acc = _dt(rng, dt.datetime(2024, 6, 1), 180)
        act = rng.sample(actividades, rng.randint(0, 3))
        row = {
            "Nº Socio": 20000 + i,
            "Fecha Alta": _date(rng, dt.date(2016, 1, 1), dt.date(2024, 11, 30)).strftime("%d/%m/%Y"),
            "Nombre": first,
            "Apellidos": apell,
            "DNI/NIE": _blank(rng, _dni(rng), 0.05),
            "F. Nacimiento": born.strftime("%d/%m/%Y") if rng.random() < 0.8 else born.isoformat(),
            "Sexo": rng.choice(["H", "M", "M", "H", "-"]),
            "Móvil": fk.phone_number(),
            "Email": _blank(rng, fk.email(), 0.08),
            "Dirección": fk.street_address(),
            "C.P.": fk.postcode(),
            "Población": _city(fk, rng),
            "Provincia": rng.choice(provincias),
            "Tipo Cuota": cuota,
            "Cuota (€)": cuotas[cuota],
            "IBAN Domiciliación": _blank(rng, _fmt_iban(_iban_es(rng), rng, 0.4), 0.12),
            "Estado": rng.choice(["Activo", "Activo", "Activo", "Baja", "Impago", "Congelado"]),
            "Último acceso": last_acc.strftime("%Y-%m-%d %H:%M:%S"),
            "Accesos últ. mes": rng.randint(0, 28),
            "Monitor/a": _blank(rng, rng.choice(monitores), 0.5),
            "Contacto emergencia": _blank(rng, f"{fk.first_name()} {fk.last_name()}", 0.4),
            "Tlf. emergencia": _blank(rng, fk.phone_number(), 0.45),
            "Nº Tarjeta": _digits(rng, 10),
            "Observaciones": rng.choice(obs),
            "RGPD": rng.choice([True, True, False]),
            "Usuario App": _blank(rng, _username(rng, first, apell.split()[0]), 0.3),
            "Actividades": ", ".join(sorted(act)),
            "Código promo": _blank(rng, rng.choice(["VERANO24", "AMIGO50", "BLACKFRIDAY", "UNI2024"]), 0.8),
        }
        out.append(row)
    return pd.DataFrame(out)


def _ebike(rows: int) -> pd.DataFrame:
    fk = _faker("nl_NL", 5)
    rng = _rng("ebike")
    bikes = [("Gazelle Ultimate C380 HMB", 3499.0), ("Stella Livorno FMN", 1899.0), ("VanMoof S5", 2998.0),
             ("Cortina E-Common Pro", 2249.0), ("Batavus Finez E-go Power", 3299.0), ("Sparta M7b", 2899.0),
             ("QWIC Premium MN7+", 2599.0), ("Accu 500Wh Bosch PowerPack", 849.0), ("Fietstas dubbel Basil", 79.95)]
    claims = ["", "", "", "", "Accu laadt niet meer volledig op", "Display geeft foutcode 503",
              "Kettingspanner gebroken na 2 maanden", "Motor maakt tikkend geluid bij trapondersteuning",
              "Lakschade bij levering", "Achterlicht werkt niet"]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        bike, price = rng.choice(bikes)
        d = _dt(rng, dt.datetime(2022, 3, 1), 900)
        qty = 1 if price > 500 else rng.randint(1, 2)
        pay = rng.choice(["iDEAL", "iDEAL", "Creditcard", "Klarna achteraf", "Fietsfinanciering", "PayPal"])
        claim = rng.choice(claims)
        ipv = fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6()
        out.append({
            "Ordernummer": f"EB{d:%y}{i + 100000}",
            "Besteldatum": d.strftime("%d-%m-%Y %H:%M"),
            "Klantnummer": rng.randint(100000, 999999),
            "Voornaam": first,
            "Achternaam": last,
            "E-mailadres": fk.email(),
            "Telefoonnummer": _blank(rng, fk.phone_number(), 0.1),
            "Straat en huisnummer": fk.street_address(),
            "Postcode": fk.postcode(),
            "Woonplaats": _city(fk, rng),
            "Land": rng.choice(["NL", "NL", "NL", "Nederland", "BE"]),
            "Afleveradres (indien anders)": _blank(rng, f"{fk.street_address()}, {fk.postcode()} {_city(fk, rng)}", 0.8),
            "Geboortedatum": fk.date_of_birth(minimum_age=18, maximum_age=80).strftime("%d-%m-%Y")
            if pay in ("Klarna achteraf", "Fietsfinanciering") else "",
            "Artikelomschrijving": bike,
            "SKU": f"{bike[:3].upper()}-{rng.randint(100, 999)}-{rng.choice(['49', '53', '57', 'M', 'L'])}",
            "Framemaat (cm)": rng.choice([46, 49, 53, 57, 61, None]),
            "Framenummer": _blank(rng, f"{rng.choice(['GZ', 'ST', 'VM', 'BT', 'SP'])}{_digits(rng, 7)}", 0.1),
            "Accu serienummer": _blank(rng, f"0275007{_digits(rng, 3)}-{_digits(rng, 9)}", 0.3),
            "Aantal": qty,
            "Prijs incl. btw": price * qty,
            "Betaalmethode": pay,
            "Kaart (laatste 4)": f"**** **** **** {_digits(rng, 4)}" if pay == "Creditcard" else "",
            "IBAN retour": _fmt_iban(_iban_nl(rng), rng, 0.5) if claim or rng.random() < 0.05 else "",
            "IP-adres": ipv,
            "Garantie t/m": (d.date() + dt.timedelta(days=rng.choice([730, 1095, 1826]))).strftime("%d-%m-%Y"),
            "Garantieclaim": "Ja" if claim else "Nee",
            "Claim omschrijving": claim,
            "Kortingscode": _blank(rng, rng.choice(["WELKOM10", "VOORJAAR", "ACCU50"]), 0.85),
            "Bezorgmoment": rng.choice(["ochtend", "middag", "avond", "afhalen in winkel"]),
        })
    return pd.DataFrame(out)


def _apteekki(rows: int) -> pd.DataFrame:
    fk = _faker("fi_FI", 6)
    rng = _rng("apteekki")
    drugs = [("Burana", "400 mg", "tabletti", "30 fol", "M01AE01"), ("Panadol", "500 mg", "tabletti", "100 fol", "N02BE01"),
             ("Amoxin", "500 mg", "kapseli", "21 kpl", "J01CA04"), ("Thyroxin", "100 mikrog", "tabletti", "100 kpl", "H03AA01"),
             ("Metformin Teva", "500 mg", "tabletti", "100 fol", "A10BA02"), ("Atorvastatin Krka", "20 mg", "tabletti", "98 fol", "C10AA05"),
             ("Ventoline Evohaler", "0,1 mg/annos", "inhalaatiosumute", "200 annosta", "R03AC02"),
             ("Sertralin Orion", "50 mg", "tabletti", "98 fol", "N06AB06"), ("Ramipril Actavis", "5 mg", "tabletti", "100 kpl", "C09AA05")]
    annostus = ["1 tabletti 1 kertaa päivässä aamulla", "1x3 ruoan kanssa 7 vrk ajan",
                "1-2 tablettia tarvittaessa kipuun, enintään 6 vrk:ssa", "2 suihketta tarvittaessa",
                "1 tabletti illalla", "Annostus lääkärin ohjeen mukaan"]
    doctors = [f"{fk.last_name()} {fk.first_name()}" for _ in range(30)]
    pharmacists = [f"{fk.first_name()} {fk.last_name()}" for _ in range(10)]
    apteekit = ["Helsingin Yliopiston Apteekki", "Tampereen Keskusapteekki", "Oulun Rotuaarin apteekki",
                "Turun Kupittaan apteekki", "Espoon Leppävaaran apteekki"]
    lisat = ["", "", "", "Vaihdettu edullisempaan valmisteeseen", "Ei vaihtoa (lääkärin kielto)",
             "Asiakas kieltäytyi vaihdosta", "Annosjakelu", "Lääke tilattu, nouto huomenna"]
    out = []
    for _i in range(rows):
        born = fk.date_of_birth(minimum_age=0, maximum_age=95)
        first, last = fk.first_name(), fk.last_name()
        drug = rng.choice(drugs)
        d = _date(rng, dt.date(2023, 1, 1), dt.date(2024, 12, 15))
        pc = fk.postcode()
        delivered = rng.random() < 0.85
        kela = rng.choice([0, 40, 65, 100])
        minor = (d - born).days < 18 * 365
        out.append({
            "Reseptitunnus": f"{_digits(rng, 4)}{rng.choice('ABCDEFGHJK')}{_digits(rng, 9)}",
            "Määräyspäivä": d.strftime("%d.%m.%Y"),
            "Potilas": f"{last} {first}",
            "Henkilötunnus": _hetu(rng, born),
            "Syntymäaika": born.strftime("%d.%m.%Y") if rng.random() < 0.85 else born.strftime("%-d.%-m.%Y"),
            "Lähiosoite": fk.street_address(),
            "Postinro": int(pc) if rng.random() < 0.3 else pc,
            "Postitoimipaikka": _city(fk, rng).upper() if rng.random() < 0.5 else _city(fk, rng),
            "Puhelin": _blank(rng, fk.phone_number(), 0.2),
            "Sähköposti": _blank(rng, fk.email(), 0.8),
            "Lääkevalmiste": drug[0],
            "Vahvuus": drug[1],
            "Lääkemuoto": drug[2],
            "Pakkauskoko": drug[3],
            "ATC": drug[4],
            "Vnr": f"{rng.randint(1, 599999):06d}",
            "Annostusohje": rng.choice(annostus),
            "Määrääjä": rng.choice(doctors),
            "Määrääjän rekisteröintinro": f"{rng.randint(10000000000, 10099999999)}",
            "Toimituspvm": (d + dt.timedelta(days=rng.randint(0, 40))).strftime("%d.%m.%Y") if delivered else "",
            "Toimitettu määrä": drug[3] if delivered else "",
            "Kela-korvaus %": kela,
            "Asiakkaan maksu €": str(round(rng.uniform(1.5, 60.0) * (1 - kela / 100), 2)).replace(".", ","),
            "Farmaseutti": rng.choice(pharmacists) if delivered else "",
            "Apteekki": rng.choice(apteekit),
            "Puolesta-asioija": f"{fk.first_name()} {last}" if minor or rng.random() < 0.05 else "",
            "Lisätiedot": rng.choice(lisat),
            "Kela-kortti": rng.choice(["K", "E", "K"]),
        })
    return pd.DataFrame(out)


def _sso(rows: int) -> pd.DataFrame:
    fk = _faker("en_US", 7)
    fk_gb = _faker("en_GB", 8)
    rng = _rng("sso")
    n_users = max(rows // 4, 50)
    depts = ["Engineering", "Finance", "Sales", "Customer Success", "HR", "Legal", "IT", "Marketing"]
    titles = ["Software Engineer", "Account Executive", "Controller", "Support Specialist", "Recruiter",
              "Counsel", "Sysadmin", "Product Marketing Manager", "Staff Engineer"]
    users = []
    for _u in range(n_users):
        src = fk if rng.random() < 0.75 else fk_gb
        first, last = src.first_name(), src.last_name()
        login = f"{first.lower()}.{last.lower().replace(' ', '').replace(chr(39), '')}"
        users.append({
            "id": "00u" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(17)),
            "first": first, "last": last, "login": login,
            "email": f"{login}@northwind-analytics.com",
            "second": src.free_email() if rng.random() < 0.4 else "",
            "mobile": src.phone_number() if rng.random() < 0.7 else "",
            "emp": f"E{rng.randint(1000, 99999):05d}",
            "dept": rng.choice(depts), "title": rng.choice(titles),
            "city": rng.choice(US_CITIES if src is fk else UK_CITIES), "zip": src.postcode(),
            "cc": "US" if src is fk else "GB",
            "mfa": rng.choice(["push", "token:software:totp", "sms", "webauthn", "sms"]),
        })
    for uu in users:
        boss = rng.choice(users)
        uu["manager"] = f"{boss['first']} {boss['last']}" if boss is not uu and rng.random() < 0.85 else ""
        uu["mfa_phone"] = fk.phone_number() if uu["mfa"] == "sms" else ""
    events = [("user.session.start", "User login to Okta", "INFO"),
              ("user.authentication.auth_via_mfa", "Authentication of user via MFA", "INFO"),
              ("user.authentication.sso", "User single sign on to app", "INFO"),
              ("user.mfa.factor.activate", "User activate MFA factor", "INFO"),
              ("user.account.lock", "Max sign in attempts exceeded", "WARN"),
              ("user.session.end", "User logout from Okta", "INFO"),
              ("policy.evaluate_sign_on", "Evaluation of sign-on policy", "INFO"),
              ("user.account.update_password", "User update password for Okta", "INFO")]
    apps = ["Salesforce", "Slack", "Google Workspace", "GitHub Enterprise", "Workday", "Zoom", "AWS SSO", ""]
    agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
              "Okta Verify/9.4.1 (iPhone; iOS 17.2)", "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"]
    geo = [("Seattle", "Washington"), ("Austin", "Texas"), ("Chicago", "Illinois"), ("London", "England"),
           ("Manchester", "England"), ("Denver", "Colorado"), ("Boston", "Massachusetts"), ("Ashburn", "Virginia")]
    out = []
    t0 = dt.datetime(2024, 10, 1)
    for _i in range(rows):
        u = rng.choice(users)
        et, msg, sev = rng.choice(events)
        ts = _dt(rng, t0, 60)
        ip = fk.ipv4_public() if rng.random() < 0.9 else fk.ipv6()
        result = rng.choice(["SUCCESS", "SUCCESS", "SUCCESS", "FAILURE", "CHALLENGE", "DENY"])
        city, state = rng.choice(geo)
        chain = ip if rng.random() < 0.5 else f"{ip}, {fk.ipv4_public()}"
        out.append({
            "uuid": fk.uuid4(),
            "published": ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}Z",
            "eventType": et,
            "displayMessage": msg,
            "severity": sev,
            "actor.id": u["id"],
            "actor.alternateId": u["email"] if rng.random() < 0.95 else u["email"].upper(),
            "actor.displayName": f"{u['first']} {u['last']}",
            "user.login": u["login"] if rng.random() < 0.7 else f"{u['first'][0].lower()}{u['last'].lower()}",
            "user.firstName": u["first"],
            "user.lastName": u["last"],
            "user.secondEmail": u["second"],
            "user.mobilePhone": u["mobile"],
            "user.employeeNumber": u["emp"],
            "user.department": u["dept"],
            "user.title": u["title"],
            "user.manager": u["manager"],
            "user.city": u["city"],
            "user.zipCode": u["zip"],
            "user.countryCode": u["cc"],
            "user.status": rng.choice(["ACTIVE", "ACTIVE", "ACTIVE", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED"]),
            "user.lastLogin": _dt(rng, t0, 60).isoformat() + "Z",
            "client.ipAddress": ip,
            "client.userAgent.rawUserAgent": rng.choice(agents),
            "client.geographicalContext.city": city,
            "client.geographicalContext.state": state,
            "client.device": rng.choice(["Computer", "Mobile", "Unknown"]),
            "authenticationContext.externalSessionId": "102" + "".join(
                rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(22)),
            "mfa.factorType": u["mfa"],
            "mfa.phoneNumber": u["mfa_phone"],
            "mfa.deviceModel": rng.choice(["iPhone15,2", "SM-S911B", "Pixel 8", "YubiKey 5 NFC", ""]),
            "outcome.result": result,
            "outcome.reason": "" if result == "SUCCESS" else rng.choice(["INVALID_CREDENTIALS", "VERIFICATION_ERROR",
                                                                        "Sign-on policy evaluation resulted in CHALLENGE"]),
            "request.ipChain": chain,
            "debugContext.riskLevel": rng.choice(["LOW", "LOW", "MEDIUM", "HIGH", None]),
            "target.app": rng.choice(apps),
        })
    return pd.DataFrame(out)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table in memory (some tables get 3/4 of `rows`)."""
    three_q = max(rows * 3 // 4, 1)
    return {
        "vet_patients": _vet(rows),
        "handwerk_auftraege": _handwerk(three_q),
        "creche_inscriptions": _creche(three_q),
        "gimnasio_socios": _gimnasio(rows),
        "ebike_orders": _ebike(rows),
        "apteekki_eresepti": _apteekki(rows),
        "sso_audit_export": _sso(rows),
    }


def _write_jsonl(df: pd.DataFrame, path: Path, drop_empty: bool) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for rec in df.to_dict(orient="records"):
            if drop_empty:
                rec = {k: v for k, v in rec.items() if v not in ("", None)}
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for name, df in tables.items():
        path = out_dir / FILES[name]
        if name == "vet_patients":
            df.to_csv(path, index=False, encoding="utf-8")
        elif name == "handwerk_auftraege":
            with pd.ExcelWriter(path, engine="openpyxl") as xw:
                df.to_excel(xw, index=False, sheet_name="Aufträge")
                xw.book.properties.created = dt.datetime(2024, 12, 20, 16, 5)
                xw.book.properties.modified = dt.datetime(2024, 12, 20, 16, 5)
        elif name == "creche_inscriptions":
            df.to_csv(path, index=False, sep=";", encoding="cp1252", errors="replace")
        elif name == "gimnasio_socios":
            _write_jsonl(df, path, drop_empty=False)
        elif name == "ebike_orders":
            df.to_parquet(path, index=False)
        elif name == "apteekki_eresepti":
            df.to_csv(path, index=False, sep="\t", encoding="utf-8-sig")
        elif name == "sso_audit_export":
            _write_jsonl(df, path, drop_empty=True)
        paths[name] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for t, p in write_all(target).items():
        print(t, p)
