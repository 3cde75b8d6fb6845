"""Blind held-out set 33 for the PII scanner: seven exports from six domains.

Tables (domain, format):
- ``hvac_dispatch``: US plumbing/HVAC job dispatch board (CSV, comma, utf-8).
- ``energie_klanten``: Dutch energy-supplier customers (CSV, semicolon, utf-8 with BOM).
- ``camara_pedidos``: Portuguese town-hall requests (Excel .xlsx).
- ``rekrytering_kandidater``: Swedish recruitment-agency candidates (Parquet).
- ``pojistne_udalosti``: Czech insurance claims (CSV, semicolon, cp1250).
- ``elearn_instructors``: online-learning marketplace instructors (JSON Lines).
- ``elearn_learners``: online-learning marketplace learners/enrolments (CSV, tab, utf-8).

Labels live in ``labels.yaml`` next to this file and were written by hand before any scanner run.
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

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 33330
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "hvac_dispatch",
    "energie_klanten",
    "camara_pedidos",
    "rekrytering_kandidater",
    "pojistne_udalosti",
    "elearn_instructors",
    "elearn_learners",
)

_FILES = {
    "hvac_dispatch": "hvac_dispatch.csv",
    "energie_klanten": "energie_klanten.csv",
    "camara_pedidos": "camara_pedidos.xlsx",
    "rekrytering_kandidater": "rekrytering_kandidater.parquet",
    "pojistne_udalosti": "pojistne_udalosti.csv",
    "elearn_instructors": "elearn_instructors.jsonl",
    "elearn_learners": "elearn_learners.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return {t: dict(raw[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _blank(rng: random.Random, value, p: float, empties=("",)):
    """Return value, or (with probability p) one of the empty markers."""
    if rng.random() < p:
        return rng.choice(empties)
    return value


def _dt(rng: random.Random, start: date, days: int) -> datetime:
    return datetime(start.year, start.month, start.day) + timedelta(
        days=rng.randrange(days), seconds=rng.randrange(86400)
    )


def _dob(rng: random.Random, lo: int = 18, hi: int = 80) -> date:
    return date(2025, 6, 1) - timedelta(days=rng.randrange(lo * 365, hi * 365))


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _login(rng: random.Random, first: str, last: str) -> str:
    base = (first[:1] + last).lower()
    base = "".join(ch for ch in base if ch.isascii() and ch.isalnum())
    style = rng.random()
    if style < 0.4:
        return base + str(rng.randrange(1, 99))
    if style < 0.7:
        return f"{first.lower()}.{last.lower()}".encode("ascii", "ignore").decode()
    return f"{last.lower()[:5]}{rng.randrange(100, 999)}".encode("ascii", "ignore").decode()


# ----------------------------------------------------------------------------------------- (a) US
_JOB_TYPES = ["AC Repair", "Furnace Tune-Up", "Water Heater Install", "Drain Cleaning", "Leak Detection",
              "Heat Pump Maint.", "Sewer Line Camera", "Thermostat Install", "Garbage Disposal Replace",
              "Duct Cleaning", "Emergency - No Heat", "Emergency - No Cool", "Toilet Repair"]
_BU = ["HVAC Residential", "HVAC Service", "Plumbing Service", "Plumbing Install", "Drains"]
_EQUIP = ["Carrier 24ACC636A003", "Trane XR14", "Lennox ML180UH", "Rheem PROG50-38N", "A.O. Smith GCR-50",
          "Goodman GSX140361", "Navien NPE-240A2", "Bradford White RE250S6", "Honeywell T6 Pro", "n/a"]
_SUMMARIES = ["Unit short cycling, replaced capacitor, tested OK", "Customer reports no hot water. Pilot out.",
              "Kitchen sink slow drain - snaked 25ft", "Annual maintenance per agreement",
              "Recommend replacement - heat exchanger cracked\nQuote sent", "Water heater leaking at T&P valve",
              "Refrigerant low, added 2 lbs R-410A", "Replaced flapper and fill valve", ""]


def _hvac(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("en_US", 1)
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        tfirst, tlast = fk.first_name(), fk.last_name()
        dfirst, dlast = fk.first_name(), fk.last_name()
        start = _dt(rng, date(2024, 1, 1), 540).replace(minute=0, second=0)
        start = start.replace(hour=rng.choice([8, 10, 12, 14, 16]))
        zip_ = fk.postcode()
        out.append({
            "Job #": 100000 + i * 3 + rng.randrange(3),
            "Job Type": rng.choice(_JOB_TYPES),
            "Business Unit": rng.choice(_BU),
            "Customer Name": f"{last}, {first}" if rng.random() < 0.3 else f"{first} {last}",
            "Customer Phone": fk.numerify(rng.choice(["(###) ###-####", "###-###-####", "###.###.####",
                                                      "+1 ### ### ####", "##########"])),
            "Alt. Phone": _blank(rng, fk.numerify("(###) ###-####"), 0.7),
            "Email": _blank(rng, fk.free_email() if rng.random() < 0.7 else f"{first}.{last}@{fk.domain_name()}".lower(),
                            0.15),
            "Service Address": fk.street_address(),
            "City": fk.city(),
            "ST": fk.state_abbr(),
            "Zip": float(int(zip_)) if rng.random() > 0.05 else float("nan"),
            "Site Contact": _blank(rng, fk.name(), 0.6),
            "Technician": f"{tfirst} {tlast[0]}." if rng.random() < 0.5 else f"{tfirst} {tlast}",
            "Tech ID": f"T{rng.randrange(100, 400)}",
            "Dispatched By": (dfirst[0] + dlast).lower()[:10],
            "Sched. Start": start.strftime("%m/%d/%Y %I:%M %p"),
            "Arrival Window (hrs)": rng.choice([2, 2, 4, 4, 4]),
            "Job Total ($)": round(rng.uniform(89, 14500), 2) if rng.random() > 0.1 else 0.0,
            "Equipment": rng.choice(_EQUIP),
            "Serial No.": _blank(rng, fk.bothify("##?#?######").upper(), 0.3),
            "Summary": rng.choice(_SUMMARIES),
            "Card on File": _blank(rng, f"**** {rng.randrange(10000):04d}", 0.5),
            "Gate/Lockbox Code": _blank(rng, str(rng.randrange(1000, 9999)), 0.8),
            "Member?": rng.choice(["Y", "N", "N", ""]),
            "Lead Source": rng.choice(["Google LSA", "Yelp", "Repeat Customer", "Angi", "Truck Wrap", "Referral"]),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------------------- (b) NL
def _nl(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("nl_NL", 2)
    out = []
    for _i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        holder = f"{first[0]}. {last}" if rng.random() < 0.8 else fk.name()
        dob = _dob(rng)
        out.append({
            "Klantnummer": f"{rng.randrange(10**7, 10**8)}",
            "EAN-code aansluiting": "8716" + "".join(str(rng.randrange(10)) for _ in range(14)),
            "Aanhef": rng.choice(["Dhr.", "Mevr.", "Dhr./Mevr.", ""]),
            "Voornaam": first,
            "Achternaam": last,
            "Geboortedatum": rng.choice([dob.strftime("%d-%m-%Y"), dob.strftime("%d-%m-%Y"), dob.isoformat()]),
            "Straat + huisnr.": fk.street_address(),
            "Postcode": fk.postcode() if rng.random() < 0.7 else fk.postcode().replace(" ", "")[:4] + " "
            + fk.postcode()[-2:],
            "Woonplaats": fk.city().upper() if rng.random() < 0.2 else fk.city(),
            "E-mailadres": _blank(rng, fk.email(), 0.08),
            "Tel. mobiel": _blank(rng, rng.choice(["06-", "+316", "06 "]) + fk.numerify("########"), 0.1),
            "Tel. vast": _blank(rng, fk.phone_number(), 0.65),
            "IBAN": fk.iban() if rng.random() < 0.6 else " ".join(
                [fk.iban()[j:j + 4] for j in range(0, 18, 4)]),
            "Tenaamstelling rekening": holder,
            "Gebruikersnaam Mijn Omgeving": _blank(rng, _login(rng, first, last), 0.25),
            "Product": rng.choice(["Groene Stroom Vast 1 jaar", "Stroom + Gas Variabel", "Vast 3 jaar",
                                   "Dynamisch Contract", "Zon & Wind Vast 1 jr"]),
            "Contractduur (mnd)": rng.choice([12, 36, 0, 12, 24]),
            "Termijnbedrag €": f"{rng.uniform(45, 320):.2f}".replace(".", ","),
            "Verbruik kWh/jr": rng.randrange(900, 6500),
            "Verbruik gas m³/jr": _blank(rng, rng.randrange(300, 2400), 0.2),
            "Slimme meter": rng.choice(["J", "N", "J", "J"]),
            "Startdatum levering": _dt(rng, date(2021, 1, 1), 1400).strftime("%d-%m-%Y"),
            "Meternr": fk.bothify("E00##??#######").upper(),
            "Opmerkingen": rng.choice(["", "", "Overstap via vergelijker", "Betalingsregeling loopt",
                                       "Meterstand geschat", "Terugleveren zonnepanelen ja",
                                       "Klant wil papieren jaarafrekening"]),
            "Klant sinds": 2005 + rng.randrange(20),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------------------- (c) PT
def _nif(rng: random.Random) -> str:
    digits = [rng.choice([1, 2, 2, 2])] + [rng.randrange(10) for _ in range(7)]
    total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    check = 11 - total % 11
    digits.append(0 if check >= 10 else check)
    return "".join(map(str, digits))


def _cc(rng: random.Random) -> str:
    return (f"{rng.randrange(10**7, 10**8)} {rng.randrange(10)} "
            f"{rng.choice('ZYXWVT')}{rng.choice('ZYXWVT')}{rng.randrange(10)}")


def _pt(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("pt_PT", 3)
    tecnicos = sorted({fk.name() for _ in range(14)})
    out = []
    for _i in range(rows):
        dob = _dob(rng, 20, 85)
        entry = _dt(rng, date(2023, 1, 1), 700)
        out.append({
            "Nº Processo": f"{rng.choice(['OP', 'LU', 'RQ', 'OC'])}/{rng.randrange(1, 4000)}/{entry.year}",
            "Data Entrada": entry.date(),
            "Tipo de Pedido": rng.choice(["Licença de obras", "Comunicação prévia", "Ocupação da via pública",
                                          "Certidão de teor", "Autorização de utilização", "Reclamação",
                                          "Licença de ruído", "Pedido de informação prévia"]),
            "Assunto": rng.choice(["Ampliação de moradia unifamiliar", "Colocação de andaime",
                                   "Ruído em estabelecimento de restauração", "Muro de vedação",
                                   "Esplanada - época balnear", "Alteração de fachada",
                                   "Buracos na via - pedido de reparação"]),
            "Requerente": fk.name(),
            "NIF": _nif(rng) if rng.random() < 0.9 else f"PT{_nif(rng)}",
            "N.º CC/BI": _blank(rng, _cc(rng), 0.35),
            "Data Nasc.": _blank(rng, dob, 0.5, (None,)),
            "Morada": fk.street_address(),
            "Código Postal": fk.postcode(),
            "Localidade": fk.city(),
            "Telemóvel": _blank(rng, rng.choice(["9", "+351 9"]) + fk.numerify("## ### ###"), 0.15),
            "E-mail": _blank(rng, fk.email(), 0.3),
            "Local da Obra/Ocorrência": f"{fk.street_address()}, {fk.city()}",
            "Técnico Responsável": rng.choice(tecnicos),
            "Estado": rng.choice(["Em apreciação", "Deferido", "Indeferido", "Aguarda elementos", "Arquivado"]),
            "Taxa (€)": round(rng.choice([0, 12.5, 35.2, 150, rng.uniform(20, 900)]), 2),
            "Prazo (dias)": rng.choice([10, 20, 30, 45]),
            "Ref. MB": f"{rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}",
            "Observações": rng.choice(["", "", "Falta planta de localização", "Parecer favorável da DGPC",
                                       "Notificado por carta registada", "Vistoria agendada"]),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------------------- (d) SE
def _se(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("sv_SE", 4)
    recruiters = sorted({fk.name() for _ in range(9)})
    clients = ["Nordström Logistik AB", "Vattenfall", "Skanska Sverige AB", "Ericsson", "Region Stockholm",
               "IKEA of Sweden", "Klarna Bank AB", "Sandvik Coromant", "Lunds kommun"]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        pnr = fk.ssn()
        dob = date(int(("19" if int(pnr[:2]) > 7 else "20") + pnr[:2]), int(pnr[2:4]), int(pnr[4:6]))
        out.append({
            "KandidatID": 50000 + i,
            "Förnamn": first,
            "Efternamn": last,
            "Personnr": pnr if rng.random() < 0.6 else dob.strftime("%Y%m%d") + pnr[6:],
            "Födelsedatum": dob.isoformat(),
            "E-post": _blank(rng, fk.email(), 0.05),
            "Mobilnr": fk.phone_number() if rng.random() < 0.5 else "07" + fk.numerify("#-### ## ##"),
            "Gatuadress": _blank(rng, fk.street_address(), 0.2),
            "Postnr": _blank(rng, fk.postcode() if rng.random() < 0.5 else fk.postcode()[:3] + " " + fk.postcode()[3:],
                             0.2),
            "Ort": fk.city(),
            "Sökt tjänst": rng.choice(["Lagerarbetare", "Projektledare IT", "Undersköterska", "Ekonomiassistent",
                                       "Backend-utvecklare", "Säljare B2B", "Elektriker", "Lärare åk 4-6"]),
            "Uppdragsgivare": rng.choice(clients),
            "Rekryterare": rng.choice(recruiters),
            "Status": rng.choice(["Ny", "Telefonintervju", "Intervju 1", "Intervju 2", "Erbjudande",
                                  "Anställd", "Avböjd", "Ej aktuell"]),
            "Löneanspråk (SEK/mån)": float(rng.randrange(24, 75) * 1000) if rng.random() > 0.2 else None,
            "Tillträde": rng.choice(["Omgående", "1 mån", "3 mån uppsägning", "Enl. ök", ""]),
            "Körkort B": rng.random() < 0.7,
            "Språk": rng.choice(["svenska, engelska", "svenska", "engelska, arabiska", "svenska, finska",
                                 "engelska"]),
            "CV-fil": f"cv_{50000 + i}_{_hex(rng, 6)}.pdf",
            "Referensperson": _blank(rng, fk.name(), 0.5),
            "Referens tel": _blank(rng, fk.phone_number(), 0.55),
            "Clearing/Kontonr (utlägg)": _blank(
                rng, f"{rng.randrange(3000, 9999)}-{rng.randrange(10)}, {fk.numerify('### ### ###-#')}", 0.7),
            "Anteckningar": rng.choice(["", "", "Stark kandidat, god kommunikation", "Saknar B-körkort",
                                        "Ringde tillbaka, vill ha mer info om lön", "Passar bättre för annan roll",
                                        "Reftagning klar\nBåda positiva"]),
            "Senast ändrad": _dt(rng, date(2024, 3, 1), 400).isoformat(timespec="seconds"),
        })
    df = pd.DataFrame(out)
    df["Löneanspråk (SEK/mån)"] = df["Löneanspråk (SEK/mån)"].astype("float64")
    return df


# ----------------------------------------------------------------------------------------- (e) CZ
def _cz(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("cs_CZ", 5)
    adjusters = sorted({fk.name() for _ in range(11)})
    banks = ["0100", "0300", "0800", "2010", "0600", "5500", "3030", "0710"]
    out = []
    for _i in range(rows):
        dob = _dob(rng, 18, 85)
        rc = fk.birth_number()
        loss = _dt(rng, date(2023, 6, 1), 600)
        est = round(rng.uniform(2000, 450000), -2)
        acct = f"{rng.randrange(10**6, 10**10)}/{rng.choice(banks)}"
        if rng.random() < 0.2:
            acct = f"{rng.randrange(19, 670)}-" + acct
        if rng.random() < 0.1:
            acct = fk.iban()
        out.append({
            "Číslo PU": f"{loss.year}{rng.randrange(10**6):06d}",
            "Číslo smlouvy": f"{rng.randrange(10**9, 10**10)}",
            "Produkt": rng.choice(["Havarijní pojištění", "Povinné ručení", "Pojištění domácnosti",
                                   "Pojištění nemovitosti", "Úrazové pojištění", "Cestovní pojištění"]),
            "Datum vzniku škody": loss.strftime("%d.%m.%Y"),
            "Datum nahlášení": (loss + timedelta(days=rng.randrange(0, 30))).strftime("%d.%m.%Y %H:%M"),
            "Pojištěný (jméno a příjmení)": fk.name(),
            "Rodné číslo": rc if rng.random() < 0.8 else rc.replace("/", ""),
            "Datum narození": dob.strftime("%d.%m.%Y") if rng.random() < 0.8 else "",
            "Adresa trvalého bydliště": fk.street_address(),
            "PSČ": fk.postcode() if rng.random() < 0.7 else fk.postcode().replace(" ", ""),
            "Obec": fk.city(),
            "Telefon": _blank(rng, fk.phone_number(), 0.1),
            "E-mail": _blank(rng, fk.email(), 0.25),
            "Místo škody": _blank(rng, f"{fk.city()}, {fk.street_name()}" if rng.random() < 0.6 else fk.city(), 0.1),
            "Popis škody": rng.choice(["Střet se zvěří na silnici II. třídy", "Vytopení koupelny od souseda",
                                       "Krupobití - poškozená kapota a střecha vozu", "Krádež jízdního kola ze sklepa",
                                       "Zlomenina zápěstí při pádu na ledu", "Rozbité čelní sklo - odlétlý kamínek",
                                       "Požár v kuchyni\nzasahovali HZS"]),
            "Odhad škody (Kč)": est,
            "Vyplaceno Kč": f"{round(est * rng.uniform(0, 1)):,}".replace(",", " ") if rng.random() < 0.7 else "",
            "Spoluúčast %": rng.choice([5, 10, 10, 20]),
            "Číslo účtu pro výplatu": _blank(rng, acct, 0.15),
            "Likvidátor": rng.choice(adjusters),
            "Stav": rng.choice(["Nahlášeno", "V šetření", "Uzavřeno - plnění", "Uzavřeno - zamítnuto",
                                "Čeká na doklady"]),
            "Pobočka": rng.choice(["Praha 4", "Brno", "Ostrava", "Plzeň", "Olomouc", "Hradec Králové"]),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------------------- (f) EN
_LOCALES_INSTR = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "pl_PL", "nl_NL", "en_CA"]
_HEADLINES = ["Senior Data Engineer & Bestselling Instructor", "Excel MVP | 400,000+ students",
              "Full-stack developer, teaching since 2015", "Certified Yoga Teacher (RYT 500)",
              "Professional photographer and Lightroom trainer", "AWS Solutions Architect",
              "Music producer | Ableton Certified Trainer", "Digital marketing consultant"]
_COURSES = ["The Complete Python Bootcamp 2025", "Excel from Beginner to Advanced", "Docker & Kubernetes: The Guide",
            "Beginner Watercolor Landscapes", "SQL for Data Analysis", "Spanish A1-B1 in 30 Days",
            "Ultimate AWS Certified Cloud Practitioner", "Photoshop Masterclass", "React - The Complete Guide",
            "Personal Finance 101", "Guitar Fundamentals", "Machine Learning A-Z"]


_IT_TOWNS = ["Bologna", "Torino", "Bergamo", "Lecce", "Perugia", "Trento", "Monza", "Pescara", "Sassari",
             "Vicenza", "Cagliari", "Ravenna", "Treviso", "Parma", "Modena", "Rimini", "Salerno", "Udine"]


def _city(fk: Faker, loc: str, rng: random.Random) -> str:
    """City for a locale; Faker's it_IT city is not reproducible across runs, so use a fixed list there."""
    return rng.choice(_IT_TOWNS) if loc == "it_IT" else fk.city()


def _instructors(rows: int, rng: random.Random) -> pd.DataFrame:
    fakers = {loc: _faker(loc, 10 + k) for k, loc in enumerate(_LOCALES_INSTR)}
    us = fakers["en_US"]
    out = []
    for i in range(rows):
        loc = rng.choice(_LOCALES_INSTR)
        fk = fakers[loc]
        first, last = fk.first_name(), fk.last_name()
        is_us = loc == "en_US"
        out.append({
            "instructor_id": 2_000_000 + i * 7,
            "display_name": rng.choice([f"{first} {last}", f"Dr. {first} {last}", f"{first} {last[0]}."]),
            "first_name": first,
            "last_name": last,
            "email": fk.email(),
            "username": _login(rng, first, last),
            "country": fk.current_country_code(),
            "city": _blank(rng, _city(fk, loc, rng), 0.3, (None,)),
            "headline": rng.choice(_HEADLINES),
            "bio": rng.choice(["I have spent 12 years building data pipelines for fintech companies.",
                               "My courses are project-based: you build real apps from day one.",
                               "Former high-school teacher, now full-time online educator.", None]),
            "courses_published": rng.randrange(1, 40),
            "avg_rating": round(rng.uniform(3.4, 4.9), 1),
            "total_students": rng.randrange(12, 900000),
            "revenue_share_pct": rng.choice([37, 50, 97]),
            "payout_method": rng.choice(["paypal", "payoneer", "bank_transfer"]),
            "payout_paypal_email": _blank(rng, fk.free_email(), 0.6, (None,)),
            "payout_iban": None if is_us or rng.random() < 0.5 else fk.iban(),
            "w9_ssn": us.ssn() if is_us and rng.random() < 0.7 else None,
            "w8ben_foreign_tin": None if is_us or rng.random() < 0.4 else fk.ssn(),
            "last_login_ip": fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6(),
            "joined_at": _dt(rng, date(2012, 1, 1), 4800).isoformat() + "Z",
            "is_premium_instructor": rng.random() < 0.3,
        })
    return pd.DataFrame(out)


def _learners(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("en_US", 30)
    fk_gb = _faker("en_GB", 31)
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
           "ElearnApp/8.12.0 (Android 14; Pixel 7)",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15"]
    out = []
    for i in range(rows):
        f = fk if rng.random() < 0.75 else fk_gb
        first, last = f.first_name(), f.last_name()
        price = rng.choice([0.0, 9.99, 11.99, 12.99, 14.99, 19.99, 84.99, 129.99])
        dob = _dob(rng, 16, 70)
        out.append({
            "learner_id": 90_000_000 + rng.randrange(10**7),
            "username": _login(rng, first, last),
            "full_name": f"{first} {last}",
            "email": f.email(),
            "enrollment_id": str(uuid.UUID(int=rng.getrandbits(128))),
            "course_id": rng.randrange(100000, 5000000),
            "course_title": rng.choice(_COURSES),
            "enrolled_at": _dt(rng, date(2023, 1, 1), 800).strftime("%Y-%m-%d %H:%M:%S"),
            "price_paid_usd": price,
            "coupon_code": _blank(rng, rng.choice(["NEWYEAR25", "ST-MAY-11", "FREE4U", "KEEPLEARNING"]), 0.6),
            "progress_pct": round(rng.uniform(0, 100), 1),
            "completed": rng.choice(["true", "false", "false"]),
            "certificate_no": _blank(rng, f"UC-{uuid.UUID(int=rng.getrandbits(128))}", 0.7),
            "billing_name": "" if price == 0 else (f"{first} {last}" if rng.random() < 0.8 else f.name()),
            "billing_postal_code": "" if price == 0 else f.postcode(),
            "card_last4": "" if price == 0 else f"**** {rng.randrange(10000):04d}",
            "signup_ip": f.ipv4_public(),
            "date_of_birth": dob.isoformat() if rng.random() < 0.2 else "",
            "phone": f.phone_number() if rng.random() < 0.15 else "",
            "review_text": rng.choice(["", "", "Great course, clear explanations.", "Too slow in the beginning.",
                                       "Audio quality could be better\nbut content is solid", "5 stars!"]),
            "user_agent": rng.choice(uas),
            "referrer": rng.choice(["https://www.google.com/", "https://www.youtube.com/", "direct",
                                    "https://elearn.example.com/courses/search/?q=python", ""]),
            "session_hash": hashlib.sha1(f"{i}-{rng.random()}".encode()).hexdigest(),
            "app_version": rng.choice(["8.12.0", "8.11.3", "web", "8.10.1"]),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "hvac_dispatch": (_hvac, 1.0),
    "energie_klanten": (_nl, 0.8),
    "camara_pedidos": (_pt, 0.6),
    "rekrytering_kandidater": (_se, 0.9),
    "pojistne_udalosti": (_cz, 0.75),
    "elearn_instructors": (_instructors, 0.55),
    "elearn_learners": (_learners, 1.0),
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table; table sizes are fixed fractions of rows (at least 1,000 when rows >= 1,000)."""
    result: dict[str, pd.DataFrame] = {}
    for k, name in enumerate(TABLES):
        builder, frac = _BUILDERS[name]
        n = max(min(rows, 1000), int(rows * frac))
        result[name] = builder(n, random.Random(SEED + 100 * k))
    return result


def _write(name: str, df: pd.DataFrame, path: Path) -> None:
    if name == "hvac_dispatch":
        df.to_csv(path, index=False, encoding="utf-8")
    elif name == "energie_klanten":
        df.to_csv(path, index=False, sep=";", encoding="utf-8-sig")
    elif name == "camara_pedidos":
        df.to_excel(path, index=False, sheet_name="Pedidos", engine="openpyxl")
    elif name == "rekrytering_kandidater":
        df.to_parquet(path, index=False)
    elif name == "pojistne_udalosti":
        df.to_csv(path, index=False, sep=";", encoding="cp1250")
    elif name == "elearn_instructors":
        df.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    elif name == "elearn_learners":
        df.to_csv(path, index=False, sep="\t", encoding="utf-8")
    else:  # pragma: no cover
        raise KeyError(name)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        path = out_dir / _FILES[name]
        _write(name, df, path)
        paths[name] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench/out/heldout33")
    for table, p in write_all(target).items():
        print(table, p)
