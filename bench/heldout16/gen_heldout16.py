"""Blind held-out set 16 for the PII scanner: seven exports from seven kinds of systems.

Tables (written blind, labels in labels.yaml were written by hand before any scanner run):
  us_k12_enrolment      US K-12 school district enrolment + guardians   CSV, comma, UTF-8 with BOM
  de_stb_mandanten      German Steuerberater client master data          Excel (.xlsx)
  pl_przeniesienia      Polish telecom number-porting requests           CSV, semicolon, cp1250
  se_vardcentral_besok  Swedish vårdcentral visit log                    Parquet
  br_sellers_kyc        Brazilian marketplace seller onboarding (KYC)    JSON Lines
  fr_rencontre_users    French dating-app user export                    CSV, tab, UTF-8
  payout_recon          English payments / payout reconciliation         Excel (.xlsx)

Public API: TABLES, labels(), make_tables(rows), write_all(out_dir, rows=2000).
Usage: python gen_heldout16.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import string
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 16160
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "us_k12_enrolment",
    "de_stb_mandanten",
    "pl_przeniesienia",
    "se_vardcentral_besok",
    "br_sellers_kyc",
    "fr_rencontre_users",
    "payout_recon",
)

FILES: dict[str, str] = {
    "us_k12_enrolment": "us_k12_enrolment.csv",
    "de_stb_mandanten": "de_stb_mandanten.xlsx",
    "pl_przeniesienia": "pl_przeniesienia.csv",
    "se_vardcentral_besok": "se_vardcentral_besok.parquet",
    "br_sellers_kyc": "br_sellers_kyc.jsonl",
    "fr_rencontre_users": "fr_rencontre_users.tsv",
    "payout_recon": "payout_recon.xlsx",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ---------------------------------------------------------------- helpers


def _faker(locale: str, salt: int) -> Faker:
    """A Faker for one locale, seeded per table; provider lists sorted for process-stable output."""
    fk = Faker(locale)
    fk.seed_instance(SEED + salt)
    for prov in fk.get_providers():
        for attr in ("cities", "city_names", "cities_list", "states", "municipalities"):
            val = getattr(prov, attr, None)
            if isinstance(val, (list, tuple)) and val and all(isinstance(v, str) for v in val):
                setattr(prov, attr, tuple(sorted(val)))
    return fk


def _rng(salt: int) -> random.Random:
    return random.Random(SEED * 100 + salt)


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _ts(rng: random.Random, start: dt.date, end: dt.date) -> dt.datetime:
    d = _date(rng, start, end)
    return dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))


def _maybe(rng: random.Random, p_blank: float, value: object, blanks: tuple = ("",)) -> object:
    return rng.choice(blanks) if rng.random() < p_blank else value


def _luhn_digit(body: str) -> str:
    """Luhn check digit for a digit string (the digit to append)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _hexid(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _ascii(s: str) -> str:
    """Lower-case ASCII form of a name, as logins and handles spell it."""
    s = s.lower().replace("ß", "ss").replace("ł", "l").replace("ø", "o").replace("æ", "ae")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in s if ch.isalnum())


# ---------------------------------------------------------------- (a) US K-12


def _us_k12(n: int) -> pd.DataFrame:
    rng, fk = _rng(1), _faker("en_US", 1)
    schools = [("Lincoln Elementary", "104"), ("Roosevelt Middle", "210"), ("Cedar Ridge Elementary", "107"),
               ("Washington High School", "301"), ("Maple Grove Elementary", "112"), ("Eastview Middle", "215"),
               ("North Valley High", "305")]
    grades = ["PK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]
    notes = ["", "", "", "", "Peanut allergy - EpiPen in nurse office", "Asthma; inhaler on file",
             "Wears glasses", "Lactose intolerant", "No known allergies", "Seasonal allergies",
             "504 plan on file\nreview in spring", "Type 1 diabetes - see health plan"]
    rows = []
    used_logins: set[str] = set()
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        g_idx = rng.randrange(len(grades))
        age = 4 + g_idx
        dob = _date(rng, dt.date(2024 - age - 1, 9, 1), dt.date(2024 - age, 8, 31))
        level = [0, 2, 4] if g_idx <= 6 else ([1, 5] if g_idx <= 9 else [3, 6])
        school, sch_no = schools[rng.choice(level)]
        login = f"{first[0].lower()}{_ascii(last)[:7]}{dob.year % 100:02d}"
        while login in used_logins:
            login += str(rng.randint(0, 9))
        used_logins.add(login)
        g1_first = fk.first_name()
        g1_last = last if rng.random() < 0.8 else fk.last_name()
        two = rng.random() < 0.55
        zipc = fk.zipcode() if rng.random() < 0.85 else fk.zipcode_plus4()
        rows.append({
            "Student Number": 200000 + i * 7 + rng.randint(0, 6),
            "State ID (SSID)": str(rng.randint(1000000000, 9999999999)),
            "Last Name": last,
            "First Name": first,
            "Middle Name": _maybe(rng, 0.35, fk.first_name()),
            "Preferred Name": _maybe(rng, 0.85, fk.first_name_nonbinary()),
            "Birthdate": dob.strftime("%m/%d/%Y") if rng.random() < 0.9 else dob.isoformat(),
            "Gender": rng.choice(["M", "F", "F", "M", "X"]),
            "Grade": grades[g_idx],
            "School": school,
            "Sch #": sch_no,
            "Entry Date": _date(rng, dt.date(2015, 8, 15), dt.date(2024, 9, 30)).strftime("%m/%d/%Y"),
            "Home Street": fk.street_address(),
            "Home City": fk.city(),
            "ST": fk.state_abbr(),
            "Zip": zipc.lstrip("0") if rng.random() < 0.1 else zipc,
            "Student SSN": _maybe(rng, 0.7, fk.ssn()),
            "Student Email": f"{login}@students.cedarvalleyschools.org",
            "Network Login": login,
            "Birth Place": _maybe(rng, 0.3, f"{fk.city()}, {fk.state_abbr()}"),
            "Guardian 1 Name": f"{g1_last}, {g1_first}",
            "Guardian 1 Relationship": rng.choice(["Mother", "Father", "Mother", "Grandparent", "Guardian", "Stepfather"]),
            "Guardian 1 Cell": fk.phone_number(),
            "Guardian 1 Email": _maybe(rng, 0.1, fk.free_email()),
            "Guardian 2 Name": f"{fk.first_name()} {last}" if two else "",
            "Guardian 2 Work Phone": fk.phone_number() if two and rng.random() < 0.8 else "",
            "Emergency Contact": fk.name(),
            "Emerg. Phone": fk.numerify("(###) ###-####") if rng.random() < 0.5 else fk.numerify("###.###.####"),
            "Lunch Status": rng.choice(["F", "R", "P", "P", "P"]),
            "IEP": rng.choice(["Y", "N", "N", "N", "N"]),
            "ELL": rng.choice(["Y", "N", "N", "N", ""]),
            "Homeroom Teacher": f"{rng.choice(['Mr.', 'Mrs.', 'Ms.'])} {fk.last_name()}",
            "Bus Route": _maybe(rng, 0.3, f"RT-{rng.randint(1, 48):02d}", ("", "WALKER")),
            "Attendance %": round(rng.uniform(78, 100), 1),
            "Last Modified": _ts(rng, dt.date(2024, 8, 1), dt.date(2024, 12, 20)).strftime("%m/%d/%Y %I:%M %p"),
            "Allergies/Medical Notes": rng.choice(notes),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (b) DE Steuerberater


def _steuer_id(rng: random.Random) -> str:
    """German Steuer-IdNr.: 10 digits (one digit twice, first not 0) + ISO 7064 MOD 11,10 check digit."""
    while True:
        digits = rng.sample(range(10), 9)
        dup = rng.choice(digits)
        body = digits + [dup]
        rng.shuffle(body)
        if body[0] != 0:
            break
    product = 10
    for d in body:
        s = (d + product) % 10 or 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    return "".join(map(str, body)) + str(check)


def _rvnr(rng: random.Random, dob: dt.date, surname: str, female: bool) -> str:
    """German Rentenversicherungsnummer with its check digit."""
    area = rng.choice(["12", "13", "15", "18", "23", "24", "25", "28", "38", "39", "40", "53", "65", "66"])
    letter = (_ascii(surname)[:1] or "a").upper()
    if letter not in string.ascii_uppercase:
        letter = "A"
    serial = rng.randint(50, 99) if female else rng.randint(0, 49)
    digits = f"{area}{dob:%d%m%y}{ord(letter) - 64:02d}{serial:02d}"
    weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    total = sum(sum(map(int, str(int(c) * w))) for c, w in zip(digits, weights, strict=True))
    return f"{area}{dob:%d%m%y}{letter}{serial:02d}{total % 10}"


def _de_stb(n: int) -> pd.DataFrame:
    rng, fk = _rng(2), _faker("de_DE", 2)
    fa = ["München-Abt. III", "Köln-Altstadt", "Hamburg-Nord", "Stuttgart II", "Frankfurt/M. V-Höchst",
          "Düsseldorf-Süd", "Leipzig I", "Nürnberg-Zentral", "Bonn-Innenstadt", "Essen-NordOst"]
    notizen = ["", "", "", "Unterlagen vollständig", "Belege fehlen noch (Handwerkerrechnungen)",
               "Fristverlängerung beantragt", "Vorauszahlungen anpassen", "Rückfrage Finanzamt offen",
               "Anlage V für 2 Objekte", "Kapitalerträge prüfen\nAnlage KAP ausfüllen", "Mandant zahlt per SEPA"]
    rows = []
    for i in range(n):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _date(rng, dt.date(1940, 1, 1), dt.date(2003, 12, 31))
        married = rng.random() < 0.45
        sid = _steuer_id(rng)
        plz = fk.postcode()
        rows.append({
            "Mandanten-Nr.": 10000 + i * 3 + rng.randint(0, 2),
            "Anrede": "Frau" if female else "Herr",
            "Titel": _maybe(rng, 0.9, rng.choice(["Dr.", "Prof. Dr.", "Dipl.-Ing."])),
            "Vorname": first,
            "Nachname": last,
            "Geburtsdatum": dob if rng.random() < 0.7 else dob.strftime("%d.%m.%Y"),
            "Straße u. Hausnr.": fk.street_address(),
            "PLZ": int(plz) if rng.random() < 0.6 else plz,
            "Ort": fk.city(),
            "Tel. privat": _maybe(rng, 0.2, fk.phone_number()),
            "Mobil": _maybe(rng, 0.4, fk.numerify(rng.choice(["0151 ########", "+49 170 #######", "0176-########"]))),
            "E-Mail": _maybe(rng, 0.15, fk.free_email()),
            "Steuer-IdNr.": sid if rng.random() < 0.6 else f"{sid[:2]} {sid[2:5]} {sid[5:8]} {sid[8:]}",
            "St.-Nr.": fk.numerify(rng.choice(["###/###/#####", "##/###/#####", "### ### #####"])),
            "Finanzamt": rng.choice(fa),
            "SV-Nummer": _maybe(rng, 0.5, _rvnr(rng, dob, last, female)),
            "Familienstand": "verh." if married else rng.choice(["ledig", "ledig", "gesch.", "verw."]),
            "Ehegatte Vorname": (fk.first_name_male() if female else fk.first_name_female()) if married else "",
            "Ehegatte Geb.-Datum": _date(rng, dt.date(1940, 1, 1), dt.date(2003, 12, 31)).strftime("%d.%m.%Y") if married else "",
            "Konfession": rng.choice(["rk", "ev", "--", "--", "vd", "ak"]),
            "IBAN": _maybe(rng, 0.1, fk.iban() if rng.random() < 0.5 else " ".join(fk.iban()[j:j + 4] for j in range(0, 22, 4))),
            "BIC": fk.swift(),
            "Kontoinhaber": f"{first} {last}" if rng.random() < 0.8 else f"{last}, {first}",
            "Mandat seit": _date(rng, dt.date(1998, 1, 1), dt.date(2024, 6, 30)),
            "Veranlagungsjahr": rng.choice([2021, 2022, 2023, 2023]),
            "Gewinnermittlung": rng.choice(["EÜR", "Bilanz", "—", "—", "—"]),
            "Honorar netto €": round(rng.uniform(180, 4800), 2),
            "Sachbearbeiter": f"SB{rng.randint(1, 14):02d}",
            "ELSTER-Status": rng.choice(["übermittelt", "in Bearbeitung", "Bescheid geprüft", "Einspruch", "offen"]),
            "Notiz": rng.choice(notizen),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (c) PL number porting


def _pl_idcard(rng: random.Random) -> str:
    """Polish ID card series+number (AAA999999) with its check digit in position 4."""
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    rest = [rng.randint(0, 9) for _ in range(5)]
    vals = [ord(c) - 55 for c in letters]
    weights = [7, 3, 1, 7, 3, 1, 7, 3]
    check = sum(v * w for v, w in zip(vals + rest, weights, strict=True)) % 10
    return letters + str(check) + "".join(map(str, rest))


def _pl_port(n: int) -> pd.DataFrame:
    rng, fk = _rng(3), _faker("pl_PL", 3)
    ops = ["Orange Polska", "T-Mobile Polska", "Polkomtel (Plus)", "P4 (Play)", "Vectra", "Premium Mobile"]
    uwagi = ["", "", "", "Klient prosi o kontakt SMS", "Brak zgody na przeniesienie – zaległość", "Wniosek ponowiony",
             "Dokument nieczytelny", "Przeniesienie w trybie 1 dnia", "Odrzucone przez dawcę\nponowić po 7 dniach"]
    rows = []
    for i in range(n):
        firm = rng.random() < 0.18
        sole = rng.random() < 0.15
        first, last = fk.first_name(), fk.last_name()
        donor, recip = rng.sample(ops, 2)
        filed = _date(rng, dt.date(2024, 7, 1), dt.date(2024, 9, 30))
        status = rng.choice(["ZAKOŃCZONE", "ZAKOŃCZONE", "ZAKOŃCZONE", "ODRZUCONE", "W TOKU", "ANULOWANE"])
        msisdn = "48" + fk.numerify(rng.choice(["5########", "6########", "7########", "88#######"]))
        iban = fk.iban()
        iccid_body = "8948" + fk.numerify("##############")
        rows.append({
            "ID zlecenia": f"NP/{filed:%Y/%m}/{i + 1:06d}",
            "Nr przenoszony (MSISDN)": float(msisdn) if rng.random() < 0.3 else msisdn,
            "Operator dawca": donor,
            "Operator biorca": recip,
            "Typ abonenta": "firma" if firm else "osoba fizyczna",
            "Imię": first,
            "Nazwisko": last,
            "Nazwa firmy": fk.company() if firm else "",
            "PESEL": "" if firm else fk.pesel(),
            "Seria i nr dokumentu": _maybe(rng, 0.05, _pl_idcard(rng) if rng.random() < 0.85 else fk.passport_number()),
            "NIP": fk.nip() if (firm or sole) else "",
            "Ulica": f"ul. {fk.street_name()} {rng.randint(1, 180)}" + (f"/{rng.randint(1, 90)}" if rng.random() < 0.6 else ""),
            "Kod pocztowy": fk.postcode(),
            "Miejscowość": fk.city(),
            "Tel. kontaktowy": _maybe(rng, 0.25, fk.phone_number()),
            "E-mail": _maybe(rng, 0.2, fk.free_email()),
            "Data złożenia wniosku": filed.strftime("%d.%m.%Y"),
            "Data przeniesienia": "" if status != "ZAKOŃCZONE" else (filed + dt.timedelta(days=rng.randint(1, 30))).strftime("%d.%m.%Y"),
            "Status": status,
            "Kod odrzucenia": rng.choice(["E01", "E07", "E12", "E21"]) if status == "ODRZUCONE" else "",
            "Nr konta do zwrotu środków": _maybe(rng, 0.6, iban if rng.random() < 0.4 else " ".join([iban[2:4]] + [iban[j:j + 4] for j in range(4, 28, 4)])),
            "ICCID nowej karty": iccid_body + _luhn_digit(iccid_body),
            "Pełnomocnik": fk.name() if rng.random() < 0.08 else "",
            "Kwota kary umownej [zł]": _maybe(rng, 0.7, f"{rng.uniform(50, 900):.2f}".replace(".", ","), ("", "0,00")),
            "Login konsultanta": rng.choice(["a.nowak", "kwisniewska", "m.zielinski", "pkowalczyk2", "j.wojcik",
                                             "e.lewandowska", "t.kaminski", "bsikora", "k.mazur", "dpiotrowski"]),
            "Uwagi": rng.choice(uwagi),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (d) SE vårdcentral


def _se_pnr(rng: random.Random, dob: dt.date, female: bool) -> str:
    """Swedish personnummer YYYYMMDD-NNNC with the Luhn check digit."""
    serial = rng.randint(0, 99) * 10 + rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9])
    body = f"{dob:%y%m%d}{serial:03d}"
    return f"{dob:%Y%m%d}-{serial:03d}{_luhn_digit(body)}"


def _se_visits(n: int) -> pd.DataFrame:
    rng, fk = _rng(4), _faker("sv_SE", 4)
    units = [("Vårdcentralen Gripen", "SE2321000149-1001"), ("Capio Vårdcentral Kista", "SE2321000016-3K7Q"),
             ("Hälsocentralen Norr", "SE2321000222-00A1"), ("Närhälsan Majorna", "SE2321000131-E44X"),
             ("Vårdcentral Tensta", "SE2321000016-8R1P")]
    staff = [fk.name() for _ in range(25)]
    icd = ["J06.9", "I10", "E11.9", "M54.5", "F41.1", "J45.9", "N39.0", "Z00.0", "R51", "L30.9", "K21.9", ""]
    kva = ["AU120", "AU124", "XS100", "DT026", "AV100", "QX001", ""]
    anteckn = ["", "Kontroll av blodtryck, oförändrat.", "Förkylningssymtom sedan 5 dagar. Egenvårdsråd.",
               "Recept förnyat.", "Återbesök om 3 mån.", "Provtagning: Hb, CRP.\nSvar via 1177.",
               "Ryggsmärta, remiss sjukgymnast.", "Vaccination influensa given."]
    rows = []
    for i in range(n):
        female = rng.random() < 0.52
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _date(rng, dt.date(1930, 1, 1), dt.date(2023, 12, 31))
        visit = _ts(rng, dt.date(2024, 1, 2), dt.date(2024, 11, 29))
        unit, hsa = units[rng.randrange(len(units))]
        pc = fk.postcode()
        fee = rng.choice([0, 0, 150, 200, 250, 300, 400])
        rows.append({
            "BesöksID": f"B{2024000000 + i * 11 + rng.randint(0, 10)}",
            "Personnr": _se_pnr(rng, dob, female),
            "Förnamn": first,
            "Efternamn": last,
            "Födelsedatum": dob.isoformat(),
            "Kön": "K" if female else "M",
            "Ålder": float(visit.year - dob.year - ((visit.month, visit.day) < (dob.month, dob.day))),
            "Gatuadress": fk.street_address(),
            "Postnr": f"{pc[:3]} {pc[3:]}" if rng.random() < 0.6 else pc,
            "Ort": fk.city(),
            "Mobilnummer": _maybe(rng, 0.15, fk.phone_number() if rng.random() < 0.5 else fk.numerify("07#-### ## ##"), ("", None)),
            "E-post": _maybe(rng, 0.45, fk.free_email(), ("", None)),
            "Närstående": _maybe(rng, 0.6, fk.name(), ("", None)),
            "Närstående tel": _maybe(rng, 0.65, fk.numerify("07########"), ("", None)),
            "Vårdenhet": unit,
            "HSA-id enhet": hsa,
            "Besöksdatum": visit.date().isoformat(),
            "Tid": visit.strftime("%H:%M"),
            "Besökstyp": rng.choice(["Mottagningsbesök", "Telefonkontakt", "Digitalt vårdmöte", "Hembesök", "Akutbesök"]),
            "Yrkeskategori": rng.choice(["Läkare", "Sjuksköterska", "Distriktssköterska", "Fysioterapeut", "Psykolog"]),
            "Vårdgivare": rng.choice(staff),
            "Diagnoskod (ICD-10-SE)": rng.choice(icd),
            "KVÅ": rng.choice(kva),
            "Patientavgift kr": float(fee),
            "Frikort": rng.random() < 0.08,
            "Tolk behövs": rng.choice(["Nej"] * 8 + ["Arabiska", "Somaliska", "Tigrinja", "Persiska"]),
            "Journalanteckning": rng.choice(anteckn),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (e) BR seller KYC


def _br_seller(n: int) -> list[dict]:
    rng, fk = _rng(5), _faker("pt_BR", 5)
    cats = ["Moda e Acessórios", "Eletrônicos", "Casa e Decoração", "Beleza e Perfumaria", "Esporte e Lazer",
            "Brinquedos", "Automotivo", "Pet Shop"]
    bancos = ["001", "033", "104", "237", "260", "341", "077", "336"]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
           "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile Safari/537.36"]
    recs = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        full = f"{first} {fk.last_name()} {last}" if rng.random() < 0.6 else f"{first} {last}"
        dob = _date(rng, dt.date(1955, 1, 1), dt.date(2005, 12, 31))
        sid = f"SLR{300000 + i * 13 + rng.randint(0, 12)}"
        rg = fk.rg()
        conta = f"{rng.randint(1000, 9999999)}"
        conta_dv = str(sum(int(c) * w for c, w in zip(reversed(conta), range(2, 20), strict=False)) % 11 % 10)
        created = _ts(rng, dt.date(2023, 1, 1), dt.date(2024, 10, 31))
        user = f"{_ascii(first)}{rng.choice(['.', '_', ''])}{_ascii(last)}{rng.randint(1, 99) if rng.random() < 0.6 else ''}"
        recs.append({
            "seller_id": sid,
            "nome_completo": full if rng.random() < 0.9 else full.upper(),
            "nome_fantasia": rng.choice([f"{last} Store", f"Empório {first}", f"{fk.word().title()} Shop",
                                         f"Ateliê {fk.color_name()}", f"Loja {fk.word().title()}"]),
            "cpf": fk.cpf() if rng.random() < 0.8 else fk.cpf().replace(".", "").replace("-", ""),
            "rg": _maybe(rng, 0.25, f"{rg[:2]}.{rg[2:5]}.{rg[5:8]}-{rg[8:]}", (None,)),
            "orgao_emissor": rng.choice(["SSP/SP", "SSP/RJ", "SSP/MG", "DETRAN/RJ", "SESP/PR", None]),
            "dataNascimento": dob.isoformat() if rng.random() < 0.7 else dob.strftime("%d/%m/%Y"),
            "nomeMae": _maybe(rng, 0.2, f"{fk.first_name_female()} {fk.last_name()} {last}", (None, "")),
            "email": fk.free_email(),
            "celular": fk.cellphone_number(),
            "telefoneFixo": _maybe(rng, 0.7, fk.numerify(rng.choice(["(11) 3###-####", "(21) 2###-####", "+55 31 3###-####"])), (None,)),
            "cep": fk.postcode() if rng.random() < 0.8 else fk.postcode().replace("-", ""),
            "endereco": f"{fk.street_name()}, {fk.building_number()} - {fk.bairro()}",
            "cidade": fk.city(),
            "uf": fk.estado_sigla(),
            "banco": rng.choice(bancos),
            "agencia": f"{rng.randint(1, 9999):04d}",
            "conta": f"{conta}-{conta_dv}",
            "tipoConta": rng.choice(["corrente", "corrente", "poupanca", "pagamento"]),
            "usuario": user,
            "categoriaPrincipal": rng.choice(cats),
            "faturamentoMensalEstimado": round(rng.lognormvariate(9, 1.1), 2),
            "statusKyc": rng.choice(["APROVADO", "APROVADO", "PENDENTE_DOCUMENTOS", "EM_ANALISE", "REPROVADO"]),
            "scoreRisco": rng.randint(0, 1000),
            "ipCadastro": fk.ipv4_public(),
            "userAgent": rng.choice(uas),
            "documentoFrenteUrl": f"https://kyc-docs.mercadao.com.br/{sid}/doc_frente_{_hexid(rng, 12)}.jpg",
            "criadoEm": created.strftime("%Y-%m-%dT%H:%M:%S-03:00"),
            "termosAceitos": rng.random() < 0.97,
        })
    return recs


# ---------------------------------------------------------------- (f) FR dating app


def _fr_dating(n: int) -> pd.DataFrame:
    rng, fk = _rng(6), _faker("fr_FR", 6)
    bios = ["Amoureux de la montagne et des bons vins 🍷", "Ici pour de vraies rencontres.", "",
            "Cinéphile, un peu geek, beaucoup gourmand.", "Pas de prise de tête svp", "Voyages, rando, photo 📷",
            "Nouvelle en ville, je cherche des gens sympas pour sortir", "Chat > chien. Désolé.",
            "Sportif le matin,\nsérie le soir", ""]
    interets = ["cuisine;voyage", "sport;musique", "cinéma;lecture", "randonnée", "jeux vidéo;manga", "danse;yoga", ""]
    appareils = ["iPhone14,5 / iOS 17.4", "SM-S911B / Android 14", "Pixel 7 / Android 14", "iPhone12,1 / iOS 16.7",
                 "Web / Firefox 125", "Web / Chrome 124"]
    pseudos: list[str] = []
    rows = []
    for i in range(n):
        female = rng.random() < 0.45
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _date(rng, dt.date(1965, 1, 1), dt.date(2006, 6, 30))
        pseudo = rng.choice([f"{_ascii(first)}{rng.randint(1, 99)}", f"{_ascii(first)}_{fk.word()}",
                             f"{fk.word()}{rng.randint(70, 2006)}", f"{_ascii(first)[:4]}.{_ascii(last)[:3]}"])
        pseudos.append(pseudo)
        signup = _ts(rng, dt.date(2019, 1, 1), dt.date(2024, 10, 1))
        cp = fk.postcode()
        rows.append({
            "id_utilisateur": 1000000 + i * 17 + rng.randint(0, 16),
            "pseudo": pseudo,
            "prénom": first,
            "nom": _maybe(rng, 0.5, last),
            "date_naissance": dob.strftime("%d/%m/%Y"),
            "âge": 2024 - dob.year,
            "genre": "F" if female else "H",
            "recherche": rng.choice(["H", "F", "H+F"]),
            "ville": fk.city(),
            "code_postal": int(cp) if rng.random() < 0.5 else cp,
            "pays": rng.choice(["France", "France", "France", "Belgique", "Suisse"]),
            "email": fk.free_email(),
            "téléphone": _maybe(rng, 0.4, fk.phone_number()),
            "bio": rng.choice(bios),
            "centres d'intérêt": rng.choice(interets),
            "taille (cm)": _maybe(rng, 0.3, rng.randint(152, 198)),
            "abonnement": rng.choice(["Gratuit", "Gratuit", "Gratuit", "Premium", "Gold", "Platinum"]),
            "date_inscription": signup.strftime("%Y-%m-%d %H:%M:%S"),
            "dernière_connexion": (signup + dt.timedelta(days=rng.randint(0, 300))).strftime("%Y-%m-%d %H:%M:%S"),
            "adresse_ip": fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6(),
            "appareil": rng.choice(appareils),
            "nb_likes_reçus": rng.randint(0, 2500),
            "nb_matchs": rng.randint(0, 300),
            "profil_vérifié": rng.choice(["oui", "non", "non"]),
            "instagram": _maybe(rng, 0.7, "@" + fk.user_name()),
            "signalé_par": rng.choice(pseudos) if rng.random() < 0.06 else "",
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (g) payouts


def _payouts(n: int) -> pd.DataFrame:
    rng, fk = _rng(7), _faker("en_US", 7)
    fk_gb, fk_nl = _faker("en_GB", 17), _faker("nl_NL", 27)
    merchants = []
    for m in range(40):
        eu = m % 3 == 0
        f = fk_nl if eu and m % 2 else (fk_gb if eu else fk)
        merchants.append({
            "id": f"MID{7700000 + m * 37}",
            "name": fk.company(),
            "contact": f.name(),
            "email": f.free_email(),
            "iban": f.iban() if eu else "",
            "routing": "" if eu else fk.aba(),
            "acct": "" if eu else fk.numerify("#" * rng.choice([9, 10, 12])),
            "benef": f.name(),
            "mcc": rng.choice(["5411", "5812", "5999", "7399", "5732", "5651", "8999"]),
            "ccy": "EUR" if f is fk_nl else ("GBP" if eu else "USD"),
        })
    brands = ["visa16", "mastercard", "amex", "discover"]
    rows = []
    for _ in range(n):
        mer = merchants[rng.randrange(len(merchants))]
        brand = brands[rng.choice([0, 0, 0, 1, 1, 2, 3])]
        pan = fk.credit_card_number(card_type=brand)
        gross = round(rng.lognormvariate(3.8, 1.0), 2)
        typ = rng.choice(["charge"] * 8 + ["refund", "chargeback"])
        fee = round(gross * 0.029 + 0.30, 2)
        ts = _ts(rng, dt.date(2024, 9, 1), dt.date(2024, 9, 30))
        payout_day = ts.date() + dt.timedelta(days=2)
        rows.append({
            "payout_id": "po_" + hashlib.sha1((mer["id"] + str(payout_day)).encode()).hexdigest()[:20],
            "Payout Date": payout_day.isoformat(),
            "Merchant ID": mer["id"],
            "Merchant Name": mer["name"],
            "Merchant Contact": mer["contact"],
            "Merchant Contact Email": mer["email"],
            "Txn ID": f"ch_{_hexid(rng, 24)}",
            "Txn Timestamp (UTC)": ts.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Type": typ,
            "Gross Amount": -gross if typ != "charge" else gross,
            "Fee": fee,
            "Net": round((-gross if typ != "charge" else gross) - fee, 2),
            "Currency": mer["ccy"],
            "Card Number": pan if rng.random() < 0.7 else " ".join(pan[j:j + 4] for j in range(0, len(pan), 4)),
            "Card Holder Name": fk.name().upper() if rng.random() < 0.5 else fk.name(),
            "Card Brand": brand.removesuffix("16").upper(),
            "Last4": pan[-4:],
            "BIN": int(pan[:6]),
            "Exp (MM/YY)": f"{rng.randint(1, 12):02d}/{rng.randint(25, 30)}",
            "Auth Code": "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6)),
            "ARN": "7" + "".join(str(rng.randint(0, 9)) for _ in range(22)),
            "Billing Address": _maybe(rng, 0.3, fk.street_address()),
            "Billing ZIP": _maybe(rng, 0.1, fk.zipcode()),
            "Customer Email": _maybe(rng, 0.1, fk.free_email()),
            "Customer Phone": _maybe(rng, 0.5, fk.phone_number()),
            "Customer IP": fk.ipv4_public(),
            "Payout IBAN": mer["iban"],
            "Routing #": mer["routing"],
            "Acct No.": mer["acct"],
            "Beneficiary": mer["benef"],
            "Statement Descriptor": mer["name"][:22].upper(),
            "MCC": mer["mcc"],
            "Risk Score": rng.randint(0, 99),
            "3DS": rng.choice(["Y", "N", "A", "U", ""]),
            "Dispute Reason": rng.choice(["fraudulent", "product_not_received", "duplicate"]) if typ == "chargeback" else "",
            "Batch #": f"B{payout_day:%Y%m%d}-{int(mer['id'][3:]) % 97:02d}",
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- API


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table as a DataFrame (the JSON Lines table as its records frame)."""
    return {
        "us_k12_enrolment": _us_k12(rows),
        "de_stb_mandanten": _de_stb(rows),
        "pl_przeniesienia": _pl_port(rows),
        "se_vardcentral_besok": _se_visits(rows),
        "br_sellers_kyc": pd.DataFrame(_br_seller(rows)),
        "fr_rencontre_users": _fr_dating(rows),
        "payout_recon": _payouts(rows),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths = {t: out_dir / FILES[t] for t in TABLES}
    tables["us_k12_enrolment"].to_csv(paths["us_k12_enrolment"], index=False, encoding="utf-8-sig")
    with pd.ExcelWriter(paths["de_stb_mandanten"], engine="openpyxl") as xw:
        tables["de_stb_mandanten"].to_excel(xw, sheet_name="Mandanten", index=False)
    tables["pl_przeniesienia"].to_csv(paths["pl_przeniesienia"], index=False, sep=";", encoding="cp1250")
    tables["se_vardcentral_besok"].to_parquet(paths["se_vardcentral_besok"], index=False)
    tables["br_sellers_kyc"].to_json(paths["br_sellers_kyc"], orient="records", lines=True, force_ascii=False)
    tables["fr_rencontre_users"].to_csv(paths["fr_rencontre_users"], index=False, sep="\t", encoding="utf-8")
    with pd.ExcelWriter(paths["payout_recon"], engine="openpyxl") as xw:
        tables["payout_recon"].to_excel(xw, sheet_name="Payouts Sep 2024", index=False)
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout16.py OUT_DIR [ROWS]")
    n_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    for name, path in write_all(Path(sys.argv[1]), n_rows).items():
        print(f"{name}: {path}")
