"""Blind held-out tables for the PII scanner (set heldout28), written before any scanner run.

Seven synthetic exports from systems in seven domains: US dental-insurance claims, a Belgian
youth-sports club, a Polish internet provider, a Portuguese municipal water utility, Finnish
student housing, a German veterinary clinic and a web-analytics / ad-platform export.
Labels live in labels.yaml next to this file. Usage: ``python gen_heldout28.py OUT_DIR``.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "FILES", "labels", "make_tables", "write_all"]

SEED = 28280
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "dental_claims",
    "jeugdclub_leden",
    "isp_abonenci",
    "agua_clientes",
    "opiskelija_asunnot",
    "tierarzt_patienten",
    "adplatform_events",
)

FILES: dict[str, str] = {
    "dental_claims": "dental_claims_2024Q1.csv",
    "jeugdclub_leden": "ledenlijst_jeugd_2024.csv",
    "isp_abonenci": "abonenci_export.parquet",
    "agua_clientes": "clientes_agua_SMAS.xlsx",
    "opiskelija_asunnot": "asukkaat_export.jsonl",
    "tierarzt_patienten": "praxis_patienten.tsv",
    "adplatform_events": "ad_events_user_level.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return {t: dict(raw[t]["columns"]) for t in TABLES}


# ---------------------------------------------------------------- helpers


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _sparse(rng: random.Random, value: object, keep: float, blank: object = "") -> object:
    """Return value with probability keep, else a blank-like filler."""
    return value if rng.random() < keep else blank


def _dob(rng: random.Random, lo_age: int, hi_age: int, ref: date = date(2024, 3, 1)) -> date:
    days = rng.randint(lo_age * 365, hi_age * 365 + 364)
    return ref - timedelta(days=days)


def _event_date(rng: random.Random, start: date, span_days: int) -> date:
    return start + timedelta(days=rng.randint(0, span_days))


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _pt_nif(rng: random.Random) -> str:
    first = rng.choice("12")
    body = first + "".join(str(rng.randint(0, 9)) for _ in range(7))
    s = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True))
    check = 11 - s % 11
    return body + str(0 if check >= 10 else check)


def _pt_cc(rng: random.Random) -> str:
    num = f"{rng.randint(10000000, 39999999)}"
    return f"{num} {rng.randint(0, 9)} {rng.choice('ZZ')}{rng.choice('XYZ')}{rng.randint(0, 9)}"


def _be_rrn(rng: random.Random, dob: date, sex: str) -> str:
    seq = rng.randrange(1, 998)
    if (seq % 2 == 1) != (sex == "M"):
        seq += 1
    base = f"{dob:%y%m%d}{seq:03d}"
    num = int(base) if dob.year < 2000 else int("2" + base)
    check = 97 - num % 97
    return f"{dob:%y.%m.%d}-{seq:03d}.{check:02d}"


def _fi_hetu(rng: random.Random, dob: date) -> str:
    sep = "-" if dob.year < 2000 else "A"
    ind = rng.randint(2, 899)
    n = int(f"{dob:%d%m%y}{ind:03d}")
    chars = "0123456789ABCDEFHJKLMNPRSTUVWXY"
    return f"{dob:%d%m%y}{sep}{ind:03d}{chars[n % 31]}"


def _us_ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _fmt_date(d: date, rng: random.Random, styles: tuple[str, ...]) -> str:
    return d.strftime(rng.choice(styles))


# ---------------------------------------------------------------- (a) US dental claims


def _dental(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_US", 1)
    cdt = [("D0120", "Periodic oral evaluation"), ("D1110", "Prophylaxis - adult"),
           ("D0274", "Bitewings - four films"), ("D2392", "Resin composite, 2 surfaces, posterior"),
           ("D2740", "Crown - porcelain/ceramic"), ("D3330", "Endodontic therapy, molar"),
           ("D7140", "Extraction, erupted tooth"), ("D4341", "Perio scaling and root planing")]
    statuses = ["PAID", "DENIED", "PENDED", "ADJUSTED", "PAID"]
    notes = ["Frequency limitation applies - 2 per benefit year.", "Missing tooth clause.",
             "Pre-authorization on file.", "Alternate benefit applied (amalgam).",
             "Downcoded per plan provisions.\nResubmit with radiographs.", "", "", ""]
    practices = ["Bright Smile Dental Group LLC", "Lakeside Family Dentistry", "Aspen Dental #3321",
                 "Pacific Dental Services", "Main St. Orthodontics PC", "Gentle Care Dental Assoc."]
    dentists = [f"{fk.first_name()} {fk.last_name()}, {rng.choice(['DDS', 'DMD'])}" for _ in range(60)]
    out = []
    for i in range(rows):
        sub_first, sub_last = fk.first_name(), fk.last_name()
        rel = rng.choice(["Self", "Self", "Spouse", "Child", "Child"])
        pat_first = sub_first if rel == "Self" else fk.first_name()
        pat_last = sub_last if rel != "Spouse" or rng.random() < 0.7 else fk.last_name()
        dob = _dob(rng, 2, 12) if rel == "Child" else _dob(rng, 22, 80)
        code, desc = rng.choice(cdt)
        billed = round(rng.uniform(45, 1450), 2)
        allowed = round(billed * rng.uniform(0.5, 0.95), 2)
        status = rng.choice(statuses)
        ssn = _us_ssn(rng)
        if rng.random() < 0.3:
            ssn = ssn.replace("-", "")
        zipc = fk.zipcode()
        out.append({
            "ClaimID": f"CLM{2024}{i + 100000:07d}",
            "Member ID": f"W{rng.randint(100000000, 999999999)}",
            "Group No.": f"{rng.randint(10000, 99999):06d}",
            "Subscriber Name": f"{sub_last.upper()}, {sub_first.upper()}" if rng.random() < 0.5
            else f"{sub_first} {sub_last}",
            "Subscriber SSN": _sparse(rng, ssn, 0.9),
            "Rel. to Sub": rel,
            "Pat First Name": pat_first,
            "Pat Last Name": pat_last,
            "Pat DOB": _fmt_date(dob, rng, ("%m/%d/%Y", "%m/%d/%Y", "%Y-%m-%d")),
            "Pat Address 1": fk.street_address(),
            "Pat City": fk.city(),
            "ST": fk.state_abbr(),
            "ZIP": int(zipc) if rng.random() < 0.6 else zipc,
            "Home Phone": _sparse(rng, fk.phone_number(), 0.85),
            "Email Addr": _sparse(rng, fk.email(), 0.45),
            "Rendering Dentist": rng.choice(dentists),
            "Billing Practice": rng.choice(practices),
            "DOS": _fmt_date(_event_date(rng, date(2024, 1, 2), 88), rng, ("%m/%d/%Y",)),
            "Proc Code": code,
            "Proc Description": desc,
            "Tooth #": float(rng.randint(1, 32)) if code not in ("D0120", "D1110", "D0274") else None,
            "Surface": rng.choice(["MOD", "O", "DO", "MO", "B", ""]) if code == "D2392" else "",
            "Billed Amt ($)": billed,
            "Allowed Amt": allowed,
            "Plan Paid": 0.0 if status == "DENIED" else round(allowed * rng.choice([0.5, 0.8, 1.0]), 2),
            "Pt Resp": round(billed - allowed * 0.8, 2),
            "Claim Status": status,
            "Pt Pay Card No": _sparse(rng, _luhn_complete(rng.choice(["4", "51", "37"]),
                                                          rng.choice([16, 16, 15]), rng), 0.25),
            "EOB Remarks": rng.choice(notes),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (b) Belgian youth-sports club


def _jeugdclub(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("nl_BE", 2)
    teams = ["U7", "U8", "U9", "U10", "U11", "U12", "U13", "U15", "U17", "U19"]
    trainers = [f"{fk.first_name()} {fk.last_name()[0]}." for _ in range(25)]
    remarks = ["", "", "", "Speelt ook futsal op woensdag.", "Wil volgend seizoen naar doel.",
               "Uitrusting nog niet afgehaald", "Broer/zus ook lid -> korting 10%",
               "Komt met de fiets naar training;\nniet meerijden met carpool."]
    out = []
    for _i in range(rows):
        sex = rng.choice("MV")
        first = fk.first_name_male() if sex == "M" else fk.first_name_female()
        last = fk.last_name()
        dob = _dob(rng, 5, 18)
        team = teams[min(len(teams) - 1, max(0, (2024 - dob.year) - 6))]
        fee = rng.choice([210.0, 235.0, 260.0, 285.0])
        paid = rng.random() < 0.8
        parent = f"{fk.first_name()} {last if rng.random() < 0.7 else fk.last_name()}"
        out.append({
            "Lidnr": f"{rng.randint(1, 99999):05d}",
            "Voornaam": first,
            "Familienaam": last,
            "Geslacht": sex,
            "Geboortedatum": _fmt_date(dob, rng, ("%d/%m/%Y", "%d/%m/%Y", "%d-%m-%Y")),
            "Rijksregisternr.": _sparse(rng, _be_rrn(rng, dob, sex), 0.8),
            "Straat + nr": fk.street_address(),
            "Postcode": fk.postcode(),
            "Gemeente": fk.city(),
            "Ploeg": f"{team} {rng.choice('ABC')}",
            "Trainer": rng.choice(trainers),
            "Naam ouder/voogd": parent,
            "GSM ouder": fk.phone_number(),
            "E-mail ouder": fk.free_email() if rng.random() < 0.92 else "n/a",
            "Rekeningnr (domiciliëring)": _sparse(rng, fk.iban(), 0.55),
            "Lidgeld (EUR)": f"{fee:.2f}".replace(".", ","),
            "Betaald": "Ja" if paid else "Nee",
            "Datum inschrijving": _fmt_date(_event_date(rng, date(2023, 5, 1), 200), rng, ("%d/%m/%Y",)),
            "Shirtnr": rng.randint(1, 99),
            "Toestemming foto's": rng.choice(["J", "N", "J", "J"]),
            "Aansluitingsnr KBVB": f"{rng.randint(1000000, 9999999)}",
            "Opmerkingen": rng.choice(remarks),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (c) Polish ISP subscribers


def _isp(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("pl_PL", 3)
    packages = [("Światłowód 300", 300, 59.99), ("Światłowód 600", 600, 69.99),
                ("Światłowód 1 Gb/s", 1000, 89.99), ("Radio 50", 50, 49.0), ("LTE Dom 150", 150, 55.0)]
    regions = ["mazowieckie", "małopolskie", "śląskie", "wielkopolskie", "pomorskie", "łódzkie"]
    out = []
    for i in range(rows):
        pkg, speed, price = rng.choice(packages)
        business = rng.random() < 0.15
        pesel = fk.pesel()
        act = _event_date(rng, date(2016, 1, 1), 2900)
        out.append({
            "id_abonenta": 100000 + i * 3 + rng.randint(0, 2),
            "Nr umowy": f"UM/{act:%Y}/{act:%m}/{i + 1:05d}",
            "Imię": fk.first_name(),
            "Nazwisko": fk.last_name(),
            "PESEL": int(pesel) if rng.random() < 0.5 else pesel,
            "Nr dowodu": _sparse(rng, fk.identity_card_number(), 0.6, None),
            "NIP": fk.nip() if business else None,
            "Data urodzenia": _sparse(rng, _fmt_date(_dob(rng, 18, 85), rng, ("%Y-%m-%d", "%d.%m.%Y")), 0.7, None),
            "Ulica i nr": fk.street_address(),
            "Kod pocztowy": fk.postcode(),
            "Miejscowość": fk.city(),
            "Województwo": rng.choice(regions),
            "Telefon kom.": fk.phone_number(),
            "E-mail": _sparse(rng, fk.email(), 0.8, None),
            "Login PPPoE": f"{fk.user_name()}{rng.randint(1, 99)}" if rng.random() < 0.5 else fk.user_name(),
            "Adres IP (publiczny)": fk.ipv4_public() if rng.random() < 0.7 else None,
            "Pakiet": pkg,
            "Prędkość [Mb/s]": speed,
            "Abonament brutto [zł]": price,
            "Saldo": round(rng.choice([0.0, 0.0, -price, -2 * price, rng.uniform(-300, 50)]), 2),
            "Data aktywacji": act.isoformat(),
            "Status": rng.choice(["aktywny", "aktywny", "zawieszony", "rozwiązany", "windykacja"]),
            "Zgoda marketingowa": rng.random() < 0.4,
            "Nr konta do zwrotu": _sparse(rng, fk.iban()[2:] if rng.random() < 0.5 else fk.iban(), 0.35, None),
            "Nr seryjny ONT": f"HWTC{rng.getrandbits(32):08X}",
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (d) Portuguese water utility


def _agua(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("pt_PT", 4)
    districts = ["Lisboa", "Setúbal", "Porto", "Braga", "Aveiro", "Faro", "Coimbra"]
    obs = ["", "", "", "Contador de difícil acesso", "Leitura estimada",
           "Fuga reportada pelo cliente; piquete enviado.", "Pedido de 2.ª via de fatura",
           "Aguarda substituição do contador\n(calibre 15 mm)"]
    out = []
    for i in range(rows):
        prev = rng.randint(100, 9000)
        cons = rng.randint(0, 40)
        tariff = rng.choice(["Doméstico", "Doméstico", "Doméstico", "Tarifa Social", "Não Doméstico"])
        phone = fk.phone_number()
        mobile = f"9{rng.choice('1236')}{rng.randint(0, 9999999):07d}"
        out.append({
            "N.º Cliente": 200000 + i,
            "CIL": f"PT{rng.randint(10**14, 10**15 - 1)}",
            "N.º Contador": f"{rng.choice(['SEN', 'ITR', 'ELS'])}{rng.randint(1000000, 9999999)}",
            "Nome do Titular": fk.name(),
            "NIF": int(_pt_nif(rng)) if rng.random() < 0.7 else _pt_nif(rng),
            "N.º Doc. Identificação (CC)": _sparse(rng, _pt_cc(rng), 0.5),
            "Data Nasc.": _sparse(rng, _dob(rng, 20, 90).strftime("%d-%m-%Y"), 0.3),
            "Morada": fk.street_address() + rng.choice(["", ", 1.º Esq.", ", R/C Dto", ", 3.º"]),
            "Código Postal": fk.postcode(),
            "Localidade": fk.city(),
            "Distrito": rng.choice(districts),
            "Telefone": _sparse(rng, phone, 0.4),
            "Telemóvel": _sparse(rng, mobile if rng.random() < 0.6 else "+351 " + mobile, 0.85),
            "Email": _sparse(rng, fk.free_email(), 0.5),
            "IBAN (Débito Direto)": _sparse(rng, fk.iban(), 0.6),
            "Tarifário": tariff,
            "Calibre (mm)": rng.choice([15, 15, 15, 20, 25]),
            "Leitura Anterior": prev,
            "Leitura Atual": prev + cons,
            "Consumo (m3)": cons,
            "Data Leitura": _event_date(rng, date(2024, 1, 5), 25),
            "Valor Fatura (€)": round(3.5 + cons * rng.uniform(0.6, 1.9), 2),
            "Fatura Eletrónica": rng.choice(["S", "N"]),
            "Observações": rng.choice(obs),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (e) Finnish student housing


def _asunnot(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("fi_FI", 5)
    schools = ["Helsingin yliopisto", "Aalto-yliopisto", "Metropolia AMK", "Haaga-Helia",
               "Tampereen yliopisto", "Laurea", "Hanken"]
    sites = ["KOH-014", "KOH-027", "KOH-101", "KOH-115", "KOH-230"]
    notes = [None, None, None, "Avain luovutettu 2 kpl", "Pysäköintipaikka B12",
             "Vuokravakuus palautettu osittain", "Sauna-vuoro ke klo 19", "Lemmikki (kissa) ilmoitettu"]
    out = []
    for i in range(rows):
        dob = _dob(rng, 19, 34)
        start = _event_date(rng, date(2019, 8, 1), 1700)
        pc = fk.postcode()
        out.append({
            "asukas_id": f"A{i + 50000}",
            "etunimi": fk.first_name(),
            "sukunimi": fk.last_name(),
            "henkilotunnus": _fi_hetu(rng, dob) if rng.random() < 0.85 else None,
            "syntymaaika": dob.isoformat(),
            "oppilaitos": rng.choice(schools),
            "opiskelijanumero": f"{rng.randint(10000000, 19999999):09d}",
            "kohde": rng.choice(sites),
            "asunnon_osoite": f"{fk.street_address()} {rng.choice('ABCDE')} {rng.randint(1, 60)}",
            "postinumero": int(pc) if rng.random() < 0.5 else pc,
            "postitoimipaikka": fk.city(),
            "puhelin": fk.phone_number(),
            "sahkoposti": fk.email(),
            "tilinumero": _sparse(rng, fk.iban(), 0.7, None),
            "edellinen_osoite": _sparse(rng, f"{fk.street_address()}, {fk.postcode()} {fk.city()}", 0.3, None),
            "hatayhteyshenkilo": _sparse(rng, fk.name(), 0.6, None),
            "hatayhteys_puh": _sparse(rng, fk.phone_number(), 0.55, None),
            "vuokra_eur": round(rng.uniform(310, 780), 2),
            "vakuus_maksettu": rng.random() < 0.9,
            "huoneita": rng.choice([1, 1, 2, 3]),
            "pinta_ala_m2": round(rng.uniform(18, 75), 1),
            "sopimus_alkaa": start.isoformat(),
            "sopimus_paattyy": (start + timedelta(days=rng.choice([365, 730, 1095]))).isoformat()
            if rng.random() < 0.6 else None,
            "kieli": rng.choice(["fi", "fi", "sv", "en"]),
            "lisatiedot": rng.choice(notes),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (f) German veterinary clinic


def _tierarzt(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("de_DE", 6)
    pets = ["Bello", "Luna", "Mia", "Balu", "Kira", "Sammy", "Felix", "Minka", "Rocky", "Nala",
            "Lucky", "Paul", "Susi", "Tiger", "Krümel", "Flocke", "Max", "Emma"]
    species = {"Hund": ["Labrador Retriever", "Mischling", "Dackel", "Golden Retriever", "Border Collie"],
               "Katze": ["EKH", "Maine Coon", "Britisch Kurzhaar", "Perser"],
               "Kaninchen": ["Zwergwidder", "Löwenkopf"], "Meerschweinchen": ["Glatthaar"]}
    diag = ["Impfung SHPPi+L4", "Zahnsteinentfernung unter Narkose", "Otitis externa bds.",
            "Kastration", "Gastroenteritis, Diät verordnet", "Krallen gekürzt",
            "Lahmheit HL re.\nRöntgen o.B., Schonung 2 Wo.", "Entwurmung, Flohbehandlung"]
    vets = [f"Dr. {fk.first_name()} {fk.last_name()}" for _ in range(6)] + [f"TÄ {fk.last_name()}" for _ in range(3)]
    out = []
    for i in range(rows):
        sp = rng.choice(list(species))
        plz = fk.postcode()
        net = round(rng.uniform(18, 420), 2)
        out.append({
            "Patienten-Nr.": 10000 + i,
            "Tiername": rng.choice(pets),
            "Tierart": sp,
            "Rasse": rng.choice(species[sp]),
            "Geb.-Datum Tier": _dob(rng, 0, 16).strftime("%d.%m.%Y"),
            "Chip-Nr.": f"276{rng.randint(10**11, 10**12 - 1)}" if sp in ("Hund", "Katze") else "",
            "Gewicht (kg)": round(rng.uniform(0.8, 42), 1),
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Familie"]),
            "Besitzer Vorname": fk.first_name(),
            "Besitzer Nachname": fk.last_name(),
            "Geburtsdatum Halter": _sparse(rng, _dob(rng, 18, 88).strftime("%d.%m.%Y"), 0.25),
            "Straße / Hausnr.": fk.street_address(),
            "PLZ": int(plz) if rng.random() < 0.4 else plz,
            "Ort": fk.city(),
            "Tel. privat": _sparse(rng, fk.phone_number(), 0.6),
            "Mobil": _sparse(rng, f"01{rng.choice(['51', '52', '60', '70', '76'])} {rng.randint(1000000, 99999999)}", 0.7),
            "E-Mail": _sparse(rng, fk.free_email(), 0.55),
            "IBAN (Lastschrift)": _sparse(rng, fk.iban(), 0.2),
            "Behandelnde/r TA": rng.choice(vets),
            "Behandlungsdatum": _event_date(rng, date(2023, 1, 2), 420).strftime("%d.%m.%Y"),
            "Diagnose / Befund": rng.choice(diag),
            "GOT-Ziffer": rng.choice(["1", "4", "13", "30", "237", "300", "401"]),
            "Betrag netto (EUR)": f"{net:.2f}".replace(".", ","),
            "MwSt. %": 19,
            "Rechnung bezahlt": rng.choice(["ja", "nein", "ja", "ja"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (g) web analytics / ad platform


def _adplatform(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    fk = _faker("en_US", 7)
    fk_gb = _faker("en_GB", 8)
    pages = ["https://shop.example.com/", "https://shop.example.com/cart", "https://shop.example.com/checkout/step-2",
             "https://shop.example.com/c/running-shoes?sort=price", "https://shop.example.com/p/sku-10422",
             "https://blog.example.com/2024/01/how-to-choose-a-tent"]
    refs = ["https://www.google.com/", "https://www.facebook.com/", "", "https://t.co/", "android-app://com.google.android.gm"]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 Version/17.2 Safari/605.1.15"]
    campaigns = ["spring_sale_2024", "brand_search_us", "retarget_cart_7d", "yt_awareness_q1", "(not set)"]
    creatives = ["Hero Banner 300x250 v3", "Carousel - Tents", "Video 15s Cutdown", "RSA Generic"]
    users = []
    for _ in range(rows // 3):
        loc = fk if rng.random() < 0.7 else fk_gb
        known = rng.random() < 0.45
        users.append({
            "pid": f"{rng.randint(10**8, 10**10 - 1)}.{rng.randint(1690000000, 1710000000)}",
            "email": loc.email() if known else "",
            "login": loc.user_name() if known or rng.random() < 0.2 else "",
            "name": loc.name() if known and rng.random() < 0.6 else "",
            "phone": loc.phone_number() if known and rng.random() < 0.35 else "",
            "city": loc.city(), "zip": loc.postcode(),
            "country": "US" if loc is fk else "GB",
            "region": fk.state() if loc is fk else rng.choice(["England", "Scotland", "Wales"]),
        })
    out = []
    base = datetime(2024, 2, 1)
    for _i in range(rows):
        u = rng.choice(users)
        ts = base + timedelta(seconds=rng.randint(0, 28 * 86400))
        imps = rng.randint(0, 40)
        clicks = rng.randint(0, min(imps, 5))
        ip = fk.ipv4_public() if rng.random() < 0.8 else fk.ipv6()
        out.append({
            "event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "event_ts_utc": ts.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "event_name": rng.choice(["page_view", "page_view", "add_to_cart", "purchase", "ad_click"]),
            "session_id": f"{rng.getrandbits(64):016x}",
            "user_pseudo_id": u["pid"],
            "user_id_login": u["login"],
            "user_email": u["email"],
            "sha256_email": hashlib.sha256(u["email"].encode()).hexdigest() if u["email"] else "",
            "customer_name": u["name"],
            "phone_e164": u["phone"],
            "client_ip": ip,
            "user_agent": rng.choice(uas),
            "page_location": rng.choice(pages),
            "page_referrer": rng.choice(refs),
            "utm_source": rng.choice(["google", "facebook", "newsletter", "(direct)"]),
            "utm_medium": rng.choice(["cpc", "email", "social", "(none)"]),
            "utm_campaign": rng.choice(campaigns),
            "gclid": "Cj0KCQiA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
                                          for _ in range(40)) if rng.random() < 0.4 else "",
            "geo.city": u["city"] if rng.random() < 0.9 else "(not set)",
            "geo.region": u["region"],
            "geo.country": u["country"],
            "geo.postal_code": u["zip"] if rng.random() < 0.7 else "",
            "device.category": rng.choice(["desktop", "mobile", "tablet"]),
            "app_version": f"{rng.randint(3, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
            "ad_group_id": rng.randint(10**10, 10**11 - 1),
            "creative_name": rng.choice(creatives),
            "impressions": imps,
            "clicks": clicks,
            "cost_micros": clicks * rng.randint(150000, 2400000),
            "conversion_value_usd": round(rng.uniform(12, 400), 2) if rng.random() < 0.1 else 0.0,
            "is_new_user": rng.random() < 0.3,
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- public API

_BUILDERS = {
    "dental_claims": _dental,
    "jeugdclub_leden": _jeugdclub,
    "isp_abonenci": _isp,
    "agua_clientes": _agua,
    "opiskelija_asunnot": _asunnot,
    "tierarzt_patienten": _tierarzt,
    "adplatform_events": _adplatform,
}

_ROW_FACTOR = {
    "dental_claims": 0.9,
    "jeugdclub_leden": 0.6,
    "isp_abonenci": 1.0,
    "agua_clientes": 0.75,
    "opiskelija_asunnot": 0.6,
    "tierarzt_patienten": 0.8,
    "adplatform_events": 1.0,
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table; row counts are rows scaled per table (at least 1)."""
    return {t: _BUILDERS[t](max(1, int(rows * _ROW_FACTOR[t]))) for t in TABLES}


def _write_one(table: str, df: pd.DataFrame, path: Path) -> None:
    if table == "dental_claims":
        df.to_csv(path, index=False, encoding="utf-8")
    elif table == "jeugdclub_leden":
        df.to_csv(path, index=False, sep=";", encoding="cp1252")
    elif table == "isp_abonenci":
        df = df.copy()
        df["PESEL"] = df["PESEL"].astype(str)  # mixed int/str -> text column with lost leading zeros kept
        df.to_parquet(path, index=False)
    elif table == "agua_clientes":
        df.to_excel(path, index=False, sheet_name="Clientes", engine="openpyxl")
    elif table == "opiskelija_asunnot":
        with open(path, "w", encoding="utf-8") as fh:
            for rec in df.to_dict(orient="records"):
                clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                fh.write(json.dumps(clean, ensure_ascii=False) + "\n")
    elif table == "tierarzt_patienten":
        df.to_csv(path, index=False, sep="\t", encoding="utf-8-sig")
    elif table == "adplatform_events":
        df.to_csv(path, index=False, sep="|", encoding="utf-8")
    else:  # pragma: no cover
        raise KeyError(table)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created if needed); return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table, df in make_tables(rows).items():
        path = out_dir / FILES[table]
        _write_one(table, df, path)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python gen_heldout28.py OUT_DIR")
    for t, p in write_all(Path(sys.argv[1])).items():
        print(f"{t}: {p}")
