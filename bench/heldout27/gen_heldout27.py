"""Blind held-out tables for the PII scanner accuracy benchmark (set 27).

Seven exports from seven kinds of systems (UK lettings, Swiss Einwohnerkontrolle, French creche,
Spanish autoescuela, Italian farmacia, Danish harbour, SaaS CRM), seeded and deterministic.
Labels live in labels.yaml next to this file and were written by hand before any scanner run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker
from faker.providers.address import it_IT as _it_address

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 27270
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "uk_lettings_tenancies",
    "ch_einwohnerkontrolle",
    "fr_creche_familles",
    "es_autoescuela_alumnos",
    "it_farmacia_ricette",
    "dk_havn_pladshavere",
    "crm_contacts_export",
)
_FILES = {
    "uk_lettings_tenancies": "uk_lettings_tenancies.csv",
    "ch_einwohnerkontrolle": "ch_einwohnerkontrolle.csv",
    "fr_creche_familles": "fr_creche_familles.csv",
    "es_autoescuela_alumnos": "es_autoescuela_alumnos.xlsx",
    "it_farmacia_ricette": "it_farmacia_ricette.parquet",
    "dk_havn_pladshavere": "dk_havn_pladshavere.jsonl",
    "crm_contacts_export": "crm_contacts_export.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


# Faker's it_IT city list is built from a set: sort it so the output does not depend on hashing.
_IT_CITIES: tuple[str, ...] = tuple(sorted(_it_address.Provider.cities))


def _city(f: Faker) -> str:
    """A city name from f's locale, deterministic for the it_IT locale too."""
    if "it_IT" in f.locales:
        return f.random_element(_IT_CITIES)
    return f.city()


def _maybe(rng: random.Random, p_blank: float, value, blank=""):
    return blank if rng.random() < p_blank else value


def _dob(rng: random.Random, lo: int, hi: int) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _event(rng: random.Random, lo: int = 2019, hi: int = 2025) -> dt.datetime:
    base = dt.datetime(lo, 1, 1)
    span = (dt.datetime(hi, 12, 31) - base).total_seconds()
    return base + dt.timedelta(seconds=int(rng.random() * span))


def _hex(rng: random.Random, n: int) -> str:
    return hashlib.sha1(str(rng.random()).encode()).hexdigest()[:n]


# --------------------------------------------------------------------------- UK lettings
_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def _nino(rng: random.Random) -> str:
    d = "".join(str(rng.randint(0, 9)) for _ in range(6))
    s = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
    tail = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{s} {d[:2]} {d[2:4]} {d[4:]} {tail}"
    return f"{s}{d}{tail}"


def _uk_address(f: Faker, rng: random.Random, multiline: bool) -> str:
    parts = [f.street_address(), f.city()]
    if rng.random() < 0.4:
        parts.insert(0, f"Flat {rng.randint(1, 24)}")
    sep = "\n" if multiline else ", "
    return sep.join(parts)


def _ie_phone(rng: random.Random) -> str:
    pre = rng.choice(["083", "085", "086", "087", "089", "01", "021", "091"])
    num = f"{rng.randint(0, 9999999):07d}"
    if rng.random() < 0.4:
        return f"+353 {pre[1:]} {num[:3]} {num[3:]}"
    return f"{pre} {num}" if rng.random() < 0.5 else f"{pre}-{num[:3]} {num[3:]}"


def _uk_lettings(rows: int, rng: random.Random) -> pd.DataFrame:
    gb = _faker("en_GB", 1)
    ie = _faker("en_IE", 2)
    negotiators = [gb.name() for _ in range(9)]
    out = []
    for i in range(rows):
        f = ie if rng.random() < 0.25 else gb
        start = _event(rng, 2018, 2025).date()
        rent = rng.choice([650, 725, 800, 875, 950, 1100, 1250, 1400, 1650, 1800, 2250])
        t2 = _maybe(rng, 0.55, f.name())
        irish = f is ie
        phone = _ie_phone(rng) if irish else f.phone_number()
        if not irish and rng.random() < 0.2:
            phone = "+44 " + phone.lstrip("0")
        out.append({
            "Tenancy Ref": f"TEN/{start.year % 100:02d}/{10000 + i}",
            "Prop ID": 3000 + rng.randint(1, 900),
            "Landlord Name": _maybe(rng, 0.03, f.name()),
            "Landlord Email": _maybe(rng, 0.08, f.email()),
            "Landlord Tel": _maybe(rng, 0.05, _ie_phone(rng) if irish else f.phone_number()),
            "Landlord Correspondence Addr": _maybe(rng, 0.04, _uk_address(f, rng, True)),
            "LL NI Number": _maybe(rng, 0.35, _nino(rng)),
            "LL Bank A/C": _maybe(rng, 0.1, f"{rng.randint(0, 99999999):08d}"),
            "LL Sort Code": _maybe(rng, 0.1, f"{rng.randint(10, 99)}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"),
            "Tenant 1 Name": f.name(),
            "Tenant 2 Name": t2,
            "Tenant Mobile": _maybe(rng, 0.04, phone),
            "Tenant E-mail": _maybe(rng, 0.05, f.free_email()),
            "Tenant DOB": _maybe(rng, 0.1, _dob(rng, 1950, 2004).strftime("%d/%m/%Y")),
            "Property Address": _uk_address(f, rng, False),
            "Postcode": f.postcode(),
            "Rent PCM (£)": float(rent),
            "Deposit Held £": round(rent * 12 / 52 * 5, 2),
            "Deposit Scheme": rng.choice(["DPS", "TDS", "mydeposits", "TDS Insured", "n/a"]),
            "DPS Cert No.": f"{rng.choice(['DPS', 'TDS'])}-{rng.randint(1000000, 9999999)}",
            "Start Date": start.strftime("%d/%m/%Y"),
            "Term (months)": rng.choice([6, 12, 12, 12, 24]),
            "Gas Safety Exp": _maybe(rng, 0.1, (start + dt.timedelta(days=rng.randint(30, 365))).isoformat()),
            "EPC": rng.choice("BCCDDDEF"),
            "Right to Rent chk": rng.choice(["Y", "Y", "Y", "N", ""]),
            "Guarantor": _maybe(rng, 0.8, f.name()),
            "Negotiator": rng.choice(negotiators),
            "Mgmt Type": rng.choice(["Fully Managed", "Let Only", "Rent Collect"]),
            "Notes": rng.choice([
                "", "", "Boiler serviced, cert on file", "Inventory signed at check-in",
                "Damp reported in bathroom - contractor booked",
                "Rent review due at renewal\nLandlord agreed to 3% increase", "Pets allowed (1 cat)",
                "Smoke alarms tested", "n/a",
            ]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- CH Einwohnerkontrolle
def _ch_einwohner(rows: int, rng: random.Random) -> pd.DataFrame:
    ch = _faker("de_CH", 3)
    it = _faker("it_IT", 4)
    pt = _faker("pt_PT", 5)
    clerks = ["ek.mueller", "ek_brunner", "sbaumann", "r.keller", "einw03", "lgerber"]
    out = []
    for i in range(rows):
        foreign = rng.random() < 0.25
        nf = rng.choice([it, pt]) if foreign else ch
        sex = rng.choice("MW")
        first = nf.first_name_male() if sex == "M" else nf.first_name_female()
        last = nf.last_name()
        married_w = sex == "W" and rng.random() < 0.4
        zuzug = _event(rng, 1995, 2025).date()
        out.append({
            "Pers.-Nr.": 100000 + i * 7 + rng.randint(0, 6),
            "AHV-Nr.": _maybe(rng, 0.03, ch.ssn()),
            "Name": last,
            "Vorname": first,
            "Ledigname": ch.last_name() if married_w else "",
            "Geburtsdatum": _dob(rng, 1930, 2024).strftime("%d.%m.%Y"),
            "Geschlecht": sex,
            "Zivilstand": rng.choice(["ledig", "verheiratet", "geschieden", "verwitwet", "eingetr. Partnerschaft"]),
            "Konfession": rng.choice(["röm.-kath.", "ev.-ref.", "andere", "keine", "christkath."]),
            "Heimatort": "" if foreign else f"{ch.city()} {rng.choice(['ZH', 'BE', 'LU', 'AG', 'SG', 'TG'])}",
            "Nationalität": nf.current_country() if foreign else "Schweiz",
            "Aufenthaltsart": rng.choice(["B", "C", "L", "F"]) if foreign else "",
            "Strasse": ch.street_address(),
            "PLZ": ch.postcode(),
            "Ort": ch.city(),
            "Zuzug am": zuzug.strftime("%d.%m.%Y"),
            "Zuzug von": _maybe(rng, 0.2, ch.city() if rng.random() < 0.8 else f"{_city(nf)} ({nf.current_country_code()})"),
            "Haushalt-Nr.": f"HH{rng.randint(1, 6000):05d}",
            "Stimmrecht": "ja" if not foreign and rng.random() < 0.9 else "nein",
            "Telefon": _maybe(rng, 0.6, ch.phone_number()),
            "E-Mail": _maybe(rng, 0.7, ch.free_email()),
            "Mutiert am": _event(rng, 2022, 2025).strftime("%Y-%m-%d %H:%M:%S"),
            "Mutiert durch": rng.choice(clerks),
            "Bemerkung": rng.choice(["", "", "", "Wochenaufenthalter", "Meldebestätigung versandt",
                                     "Ausweis abgelaufen", "Steuerpflicht geprüft"]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- FR creche
def _fr_nir(rng: random.Random, sex: int, born: dt.date) -> str:
    dept = rng.choice(["75", "69", "13", "33", "59", "31", "2A", "44", "67", "92"])
    body = f"{sex}{born.year % 100:02d}{born.month:02d}{dept}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    num = int(body.replace("2A", "19").replace("2B", "18"))
    key = 97 - num % 97
    return f"{body} {key:02d}" if rng.random() < 0.5 else f"{body}{key:02d}"


def _fr_creche(rows: int, rng: random.Random) -> pd.DataFrame:
    fr = _faker("fr_FR", 6)
    doctors = [f"Dr {fr.last_name()}" for _ in range(25)]
    out = []
    for i in range(rows):
        nom = fr.last_name()
        born = _dob(rng, 2020, 2025)
        p1 = f"{fr.first_name()} {nom}" if rng.random() < 0.8 else f"{fr.first_name()} {fr.last_name()}"
        has_p2 = rng.random() < 0.7
        p1b = _dob(rng, 1975, 2002)
        cp = fr.postcode()
        autor = ", ".join(
            f"{fr.first_name()} {fr.last_name()} ({rng.choice(['grand-mère', 'grand-père', 'tante', 'oncle', 'voisine', 'nounou'])})"
            for _ in range(rng.randint(1, 2))
        )
        out.append({
            "N° dossier": f"{2020 + i % 6}-{i:04d}",
            "NOM ENFANT": nom.upper(),
            "Prénom enfant": fr.first_name(),
            "Né(e) le": born.strftime("%d/%m/%Y"),
            "Section": rng.choice(["Bébés", "Moyens", "Grands", "Passerelle"]),
            "Responsable légal 1": p1,
            "Tél. portable resp. 1": fr.phone_number(),
            "Courriel resp. 1": _maybe(rng, 0.05, fr.email()),
            "N° Sécu resp. 1": _maybe(rng, 0.3, _fr_nir(rng, rng.choice([1, 2]), p1b)),
            "Employeur resp. 1": _maybe(rng, 0.2, fr.company()),
            "Responsable légal 2": f"{fr.first_name()} {fr.last_name()}" if has_p2 else "",
            "Tél resp. 2": _maybe(rng, 0.1, fr.phone_number()) if has_p2 else "",
            "Adresse": fr.street_address(),
            "CP": int(cp) if rng.random() < 0.5 else cp,
            "Ville": fr.city(),
            "Quotient familial": rng.randint(300, 3500),
            "Tarif horaire (€)": round(rng.uniform(0.3, 4.2), 2),
            "Contrat (h/sem)": rng.choice([20, 24, 30, 32, 36, 40, 45]),
            "Date d'entrée": _event(rng, 2021, 2025).strftime("%d/%m/%Y"),
            "Allergies / PAI": rng.choice(["", "", "", "RAS", "Arachide - PAI signé", "Lait de vache (APLV)",
                                           "Œuf", "Asthme : Ventoline si besoin"]),
            "Médecin traitant": _maybe(rng, 0.15, rng.choice(doctors)),
            "Personnes autorisées à récupérer l'enfant": _maybe(rng, 0.2, autor),
            "Vaccins à jour": rng.choice(["Oui", "Oui", "Oui", "Non", ""]),
            "Droit à l'image": rng.choice(["OUI", "NON"]),
            "IBAN (prélèvement)": _maybe(rng, 0.25, fr.iban()),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- ES autoescuela
def _es_autoescuela(rows: int, rng: random.Random) -> pd.DataFrame:
    es = _faker("es_ES", 7)
    profes = [f"{es.first_name()} {es.last_name()}" for _ in range(8)]
    provincias = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Zaragoza", "Murcia", "Asturias"]
    out = []
    for i in range(rows):
        matricula = _event(rng, 2022, 2025)
        cp = es.postcode()
        doc = es.nie() if rng.random() < 0.15 else es.nif()
        tel = es.phone_number()
        if rng.random() < 0.4:
            tel = tel.replace("+34 ", "").replace(" ", "")
        out.append({
            "Nº Exp.": 24000 + i,
            "DNI/NIE": doc,
            "Nombre": es.first_name(),
            "Apellido 1": es.last_name(),
            "Apellido 2": _maybe(rng, 0.08, es.last_name()),
            "F. Nacimiento": dt.datetime.combine(_dob(rng, 1960, 2008), dt.time()),
            "Teléfono": tel,
            "Email": _maybe(rng, 0.06, es.free_email()),
            "Domicilio": es.street_address().strip(),
            "C.P.": int(cp),
            "Localidad": es.city(),
            "Provincia": rng.choice(provincias),
            "Permiso": rng.choice(["B", "B", "B", "A2", "A", "C", "AM", "B+E"]),
            "Fecha matrícula": matricula,
            "Clases prácticas": rng.randint(0, 40),
            "Teórico": rng.choice(["APTO", "NO APTO", "PENDIENTE", ""]),
            "Fecha examen DGT": _maybe(rng, 0.4, (matricula + dt.timedelta(days=rng.randint(20, 200))).date(), None),
            "Profesor": rng.choice(profes),
            "Vehículo": rng.choice(["1234 LKM", "5521 MNB", "8870 KJH", "Moto 0921 HGT"]),
            "Pendiente €": round(rng.choice([0, 0, 0, 35.5, 120, 245.9, 480]), 2),
            "Forma pago": rng.choice(["Tarjeta", "Efectivo", "Bizum", "Domiciliación"]),
            "IBAN domiciliación": _maybe(rng, 0.7, es.iban()),
            "Observaciones": rng.choice(["", "", "Necesita clases extra de rotondas", "Aprobado a la 2ª",
                                         "Cambio de turno a tardes", "Reconocimiento médico OK"]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- IT farmacia
_DRUGS = [
    ("TACHIPIRINA 500MG 20 CPR", "012745093"), ("MOMENT 200MG 12 CPR", "024830015"),
    ("CARDIOASPIRIN 100MG 30 CPR", "024840066"), ("EUTIROX 50MCG 50 CPR", "036379075"),
    ("LASIX 25MG 30 CPR", "008998029"), ("AUGMENTIN 875MG 12 CPR", "026089019"),
    ("PANTORC 20MG 14 CPR", "031981061"), ("TRIATEC 5MG 28 CPR", "027052059"),
    ("METFORMINA DOC 500MG 50 CPR", "037531056"), ("TORVAST 20MG 30 CPR", "033007034"),
]


def _it_farmacia(rows: int, rng: random.Random) -> pd.DataFrame:
    it = _faker("it_IT", 8)
    medici = [f"Dott. {it.first_name()} {it.last_name()}" for _ in range(20)]
    operatori = ["farm01", "farm02", "g.bianchi", "l.ferri", "cassa3"]
    out = []
    for i in range(rows):
        drug, aic = rng.choice(_DRUGS)
        qty = rng.choice([1, 1, 1, 2, 3])
        prezzo = round(rng.uniform(2.5, 38.0), 2)
        out.append({
            "ID_Ricetta": 700000 + i,
            "NRE": f"{rng.randint(10, 19)}0{rng.choice('ABCD')}{rng.randint(10**10, 10**11 - 1)}",
            "CF_Assistito": it.ssn(),
            "Cognome": it.last_name(),
            "Nome": it.first_name(),
            "Data_Nascita": _dob(rng, 1930, 2020).isoformat(),
            "Comune_Nascita": _city(it),
            "Indirizzo_Residenza": _maybe(rng, 0.1, it.street_address()),
            "CAP": it.postcode(),
            "Tel": _maybe(rng, 0.5, it.phone_number()),
            "Medico_Prescrittore": rng.choice(medici),
            "Cod_AIC": aic,
            "Descrizione_Farmaco": drug,
            "Qta": qty,
            "Prezzo_Unit": prezzo,
            "Ticket_Euro": rng.choice([0.0, 0.0, 2.0, 4.0]),
            "Esenzione": rng.choice(["", "", "E01", "E02", "048", "013", "N01"]),
            "Data_Dispensazione": _event(rng, 2024, 2025).isoformat(timespec="seconds"),
            "Lotto": f"{rng.choice('ABCDEFKLM')}{rng.randint(1000, 99999)}",
            "Scadenza_Lotto": f"{rng.randint(1, 12):02d}/{rng.randint(2025, 2029)}",
            "Operatore": rng.choice(operatori),
            "Note": rng.choice(["", "", "Ricetta dematerializzata", "Farmaco equivalente accettato",
                                "Paziente avvisato per ritiro", "Mancante, ordinato al grossista"]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- DK harbour
def _cpr(rng: random.Random, born: dt.date) -> str:
    return f"{born:%d%m%y}-{rng.randint(0, 9999):04d}"


def _dk_havn(rows: int, rng: random.Random) -> pd.DataFrame:
    dk = _faker("da_DK", 9)
    no = _faker("no_NO", 10)
    forsikring = ["Tryg", "Topdanmark", "Alm. Brand", "Pantaenius", "Codan", "GF Forsikring"]
    typer = ["Motorbåd", "Sejlbåd", "Jolle", "Kajak", "Motorsejler", "Speedbåd"]
    baadnavne = ["Havfruen", "Maagen", "Lille Ven", "Bølgen", "Freja", "Svanen", "Solskin", "Nordstjernen"]
    out = []
    for i in range(rows):
        f = no if rng.random() < 0.1 else dk
        born = _dob(rng, 1940, 2000)
        length = round(rng.uniform(3.5, 14.0), 1)
        out.append({
            "medlemsnr": 1000 + i,
            "navn": f.name(),
            "adresse": f.street_address(),
            "postnr": f.postcode(),
            "by": f.city(),
            "cpr_nr": _maybe(rng, 0.5, _cpr(rng, born), None),
            "foedselsdato": born.isoformat(),
            "telefon": _maybe(rng, 0.15, f.phone_number(), None),
            "mobil": _maybe(rng, 0.5, f.phone_number(), None),
            "email": _maybe(rng, 0.1, f.free_email(), None),
            "plads_nr": f"{rng.choice('ABCDE')}-{rng.randint(1, 60):02d}",
            "bro": rng.choice(["Nordmolen", "Sydbroen", "Bro 3", "Bro 4", "Vinterpladsen"]),
            "baadnavn": _maybe(rng, 0.2, rng.choice(baadnavne), None),
            "baadtype": rng.choice(typer),
            "laengde_m": length,
            "bredde_m": round(length / rng.uniform(2.8, 3.6), 2),
            "forsikring": rng.choice(forsikring),
            "police_nr": str(rng.randint(10**7, 10**9)),
            "pladsleje_kr": int(length * rng.choice([650, 700, 725])),
            "betalt": rng.random() < 0.85,
            "venteliste_dato": _maybe(rng, 0.6, _event(rng, 2008, 2024).date().isoformat(), None),
            "reg_konto": _maybe(rng, 0.4, f"{rng.randint(1000, 9999)} {rng.randint(0, 10**10 - 1):010d}", None),
            "bemaerkning": rng.choice([None, None, "Vinteropbevaring på land", "Strøm tilsluttet",
                                       "Skifter til større plads 2026", "Mangler forsikringsbevis"]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- CRM export
def _crm(rows: int, rng: random.Random) -> pd.DataFrame:
    us = _faker("en_US", 11)
    gb = _faker("en_GB", 12)
    de = _faker("de_DE", 13)
    owners = [us.name() for _ in range(7)]
    stages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"]
    out = []
    for _ in range(rows):
        f = rng.choices([us, gb, de], weights=[6, 2, 2])[0]
        first, last = f.first_name(), f.last_name()
        company = f.company()
        domain = company.lower().replace(" ", "").replace(",", "").replace("&", "")[:16] + rng.choice([".com", ".io", ".co.uk", ".de"])
        created = _event(rng, 2020, 2025)
        country = {id(us): "United States", id(gb): "United Kingdom", id(de): "Germany"}[id(f)]
        out.append({
            "Record ID": 51000000000 + rng.randint(0, 10**9),
            "First Name": first,
            "Last Name": last,
            "Email": f"{first.lower()}.{last.lower()}@{domain}".replace(" ", ""),
            "Phone Number": _maybe(rng, 0.3, f.phone_number()),
            "Mobile Phone Number": _maybe(rng, 0.7, f.phone_number()),
            "Job Title": _maybe(rng, 0.2, f.job()),
            "Company Name": company,
            "Company Domain Name": domain,
            "Street Address": _maybe(rng, 0.5, f.street_address()),
            "City": _maybe(rng, 0.3, f.city()),
            "State/Region": _maybe(rng, 0.4, us.state() if f is us else ""),
            "Postal Code": _maybe(rng, 0.45, f.postcode()),
            "Country/Region": country,
            "Contact owner": rng.choice(owners),
            "Lifecycle Stage": rng.choice(stages),
            "Lead Status": rng.choice(["NEW", "OPEN", "IN_PROGRESS", "CONNECTED", "UNQUALIFIED", ""]),
            "Create Date": created.strftime("%Y-%m-%d %H:%M"),
            "Last Activity Date": (created + dt.timedelta(days=rng.randint(0, 400))).strftime("%Y-%m-%d %H:%M"),
            "Number of Sales Activities": float(rng.randint(0, 60)),
            "Original Source": rng.choice(["Organic Search", "Direct Traffic", "Paid Search", "Offline Sources",
                                           "Social Media", "Referrals"]),
            "Original Source Drill-Down 1": rng.choice(["API", "IMPORT", "CRM_UI", "google", "linkedin", "INTEGRATION"]),
            "Twitter Username": _maybe(rng, 0.8, f.user_name()),
            "IP Address": _maybe(rng, 0.5, us.ipv4_public()),
            "IP City": _maybe(rng, 0.5, f.city()),
            "IP Country": _maybe(rng, 0.5, country),
            "Recent Deal Amount": _maybe(rng, 0.7, round(rng.uniform(500, 90000), 2), None),
            "Marketing contact status": rng.choice(["Marketing contact", "Non-marketing contact"]),
            "Unsubscribed from all email": rng.choice(["false", "false", "false", "true"]),
            "HubSpot Score": rng.randint(0, 100),
            "Associated Company IDs": f"{rng.randint(10**9, 10**10)};{rng.randint(10**9, 10**10)}" if rng.random() < 0.1 else str(rng.randint(10**9, 10**10)),
            "Date of birth": _maybe(rng, 0.85, _dob(rng, 1955, 2000).isoformat()),
            "Hashed email (SHA256)": _hex(rng, 40),
            "Persona": rng.choice(["Persona 1", "Persona 2", "Persona 3", ""]),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "uk_lettings_tenancies": _uk_lettings,
    "ch_einwohnerkontrolle": _ch_einwohner,
    "fr_creche_familles": _fr_creche,
    "es_autoescuela_alumnos": _es_autoescuela,
    "it_farmacia_ricette": _it_farmacia,
    "dk_havn_pladshavere": _dk_havn,
    "crm_contacts_export": _crm,
}
_ROW_SHARE = {
    "uk_lettings_tenancies": 1.0, "ch_einwohnerkontrolle": 0.9, "fr_creche_familles": 0.6,
    "es_autoescuela_alumnos": 0.75, "it_farmacia_ricette": 1.0, "dk_havn_pladshavere": 0.55,
    "crm_contacts_export": 1.0,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table (row counts scaled from rows, at least 1,000 each when rows=2000)."""
    out = {}
    for n, name in enumerate(TABLES):
        rng = random.Random(SEED * 100 + n)
        count = max(1, int(rows * _ROW_SHARE[name]))
        out[name] = _BUILDERS[name](count, rng)
    return out


def _atomic_write(path: Path, writer) -> None:
    tmp = path.with_name(path.name + ".tmp")
    writer(tmp)
    with open(tmp, "rb+") as fh:
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its export format and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    paths: dict[str, Path] = {}
    for name in TABLES:
        df = frames[name]
        path = out_dir / _FILES[name]
        if name == "uk_lettings_tenancies":
            _atomic_write(path, lambda p, df=df: df.to_csv(p, index=False, encoding="utf-8"))
        elif name == "ch_einwohnerkontrolle":
            _atomic_write(path, lambda p, df=df: df.to_csv(p, index=False, sep=";", encoding="cp1252"))
        elif name == "fr_creche_familles":
            _atomic_write(path, lambda p, df=df: df.to_csv(p, index=False, sep=";", encoding="utf-8-sig"))
        elif name == "es_autoescuela_alumnos":
            _atomic_write(path, lambda p, df=df: df.to_excel(p, index=False, sheet_name="Alumnos", engine="openpyxl"))
        elif name == "it_farmacia_ricette":
            _atomic_write(path, lambda p, df=df: df.to_parquet(p, index=False))
        elif name == "dk_havn_pladshavere":
            def _jsonl(p: Path, df=df) -> None:
                with open(p, "w", encoding="utf-8") as fh:
                    for rec in df.to_dict(orient="records"):
                        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            _atomic_write(path, _jsonl)
        else:
            _atomic_write(path, lambda p, df=df: df.to_csv(p, index=False, sep=",", encoding="utf-8"))
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout27.py OUT_DIR")
    for table, p in write_all(Path(sys.argv[1])).items():
        print(table, p)
