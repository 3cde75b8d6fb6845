"""Blind held-out tables for the PII scanner accuracy harness (set heldout55).

Six synthetic exports from systems in different countries and languages, written
without looking at the scanner. Labels live in ``labels.yaml`` next to this file.
Usage: ``python bench/heldout55/gen_heldout55.py OUT_DIR [ROWS]``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 55550
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "uk_letting_tenancies",
    "vhs_kursanmeldungen",
    "auto_ecole_eleves",
    "clinica_vet_propietarios",
    "boligforening_lejere",
    "game_support_export",
)
_FILES = {
    "uk_letting_tenancies": "uk_letting_tenancies.csv",
    "vhs_kursanmeldungen": "vhs_kursanmeldungen.csv",
    "auto_ecole_eleves": "auto_ecole_eleves.parquet",
    "clinica_vet_propietarios": "clinica_vet_propietarios.xlsx",
    "boligforening_lejere": "boligforening_lejere.jsonl",
    "game_support_export": "game_support_export.tsv",
}
_ROW_FACTOR = {
    "uk_letting_tenancies": 0.75,
    "vhs_kursanmeldungen": 0.9,
    "auto_ecole_eleves": 0.6,
    "clinica_vet_propietarios": 0.5,
    "boligforening_lejere": 0.7,
    "game_support_export": 1.0,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _maybe(rng: random.Random, p: float, fn: Callable[[], object], blank: object = "") -> object:
    return fn() if rng.random() < p else blank


def _dob(rng: random.Random, lo: int = 18, hi: int = 85) -> dt.date:
    today = dt.date(2025, 3, 1)
    return today - dt.timedelta(days=rng.randint(lo * 365, hi * 365))


def _event_date(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, days))


def _one_line(addr: str) -> str:
    return ", ".join(part.strip() for part in addr.splitlines())


# ---------------------------------------------------------------- (a) UK letting agency
def _nino(rng: random.Random) -> str:
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        pre = rng.choice(first) + rng.choice(second)
        if pre not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    suf = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{pre}{digits}{suf}"
    return f"{pre} {digits[:2]} {digits[2:4]} {digits[4:]} {suf}"


def _uk_mobile(rng: random.Random) -> str:
    n = "7" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    style = rng.random()
    if style < 0.4:
        return f"0{n[:4]} {n[4:]}"
    if style < 0.7:
        return f"+44 {n[:4]} {n[4:]}"
    return f"0{n}"


def _uk(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_GB", 1)
    negotiators = sorted({f.name() for _ in range(9)})
    notes = [
        "Boiler serviced, no issues.",
        "Inventory check-in completed; minor scuffs on hallway wall noted.",
        "Smoke alarms tested on move-in day.",
        "Landlord approved a small dog.",
        "Damp reported in bathroom, contractor booked.",
        "Rent review due at renewal.",
        "Keys x3 issued, fob x1.",
        "",
        "",
        "Periodic tenancy after fixed term.\nSection 21 not served.",
    ]
    out = []
    for i in range(rows):
        start = _event_date(rng, dt.date(2019, 1, 1), 2200)
        rent = rng.choice([650, 725, 795, 850, 925, 1050, 1200, 1395, 1650, 2100])
        joint = rng.random() < 0.35
        town = f.city()
        out.append(
            {
                "Tenancy Ref": f"TEN-{20000 + i * 3:06d}",
                "PropertyID": str(rng.randint(1000, 9999)),
                "Lead Tenant": f.name(),
                "Joint Tenant(s)": f.name() if joint else "",
                "Tenant E-mail": f.email(),
                "Mobile No.": _uk_mobile(rng),
                "Property Address": _one_line(f.street_address()),
                "Town/City": town,
                "Post Code": f.postcode(),
                "Prev. Address": _maybe(rng, 0.4, lambda: f"{_one_line(f.street_address())}, {f.city()}, {f.postcode()}"),
                "D.O.B": _dob(rng).strftime(rng.choice(["%d/%m/%Y", "%d/%m/%Y", "%d-%m-%y"])),
                "NI No": _nino(rng) if rng.random() < 0.85 else "n/a",
                "Rent (£ pcm)": f"{rent:,.2f}",
                "Deposit £": round(rent * 12 / 52 * 5, 2),
                "Deposit Scheme": rng.choice(["DPS", "TDS", "mydeposits", "DPS Insured"]),
                "Tenancy Start": start.strftime("%d/%m/%Y"),
                "Fixed Term End": (start + dt.timedelta(days=rng.choice([182, 365, 730]))).strftime("%d/%m/%Y"),
                "Tenant Bank A/C No": _maybe(rng, 0.7, lambda: f"{rng.randint(0, 99999999):08d}"),
                "Guarantor": f.name() if rng.random() < 0.2 else "",
                "Negotiator": rng.choice(negotiators),
                "Gas Safety Exp.": _event_date(rng, dt.date(2025, 1, 1), 400).isoformat(),
                "EPC": rng.choice("BCCCDDDE"),
                "Right to Rent chk": rng.choice(["Y", "Y", "Y", "N", ""]),
                "Notes": rng.choice(notes),
            }
        )
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (b) Volkshochschule
def _vhs(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("de_DE", 2)
    courses = [
        ("Spanisch A1 - Einstieg", 89.0),
        ("Englisch B1 Konversation", 112.5),
        ("Yoga für Anfänger*innen", 64.0),
        ("Aquarellmalen am Wochenende", 48.0),
        ("Excel Grundlagen", 135.0),
        ("Deutsch als Fremdsprache B2", 210.0),
        ("Rückenfit", 55.0),
        ("Fotografie mit dem Smartphone", 39.0),
        ("Italienisch kochen", 42.0),
        ("Buchführung kompakt", 160.0),
    ]
    lecturers = sorted({f.name() for _ in range(14)})
    rooms = ["R 1.04", "R 2.11", "Aula", "EDV-Raum 3", "Küche UG", "Gymnastikraum"]
    remarks = [
        "",
        "",
        "",
        "Warteliste",
        "Ermäßigung Nachweis liegt vor",
        "Bildungsurlaub beantragt",
        "Rechnung an Arbeitgeber",
        "Storniert, Gebühr erstattet",
        "Kurs verlegt auf Mittwoch;\nTN informiert",
    ]
    out = []
    for i in range(rows):
        title, fee = rng.choice(courses)
        start = _event_date(rng, dt.date(2024, 2, 1), 500)
        first, last = f.first_name(), f.last_name()
        plz = f.postcode()
        sepa = rng.random() < 0.6
        phone = f.phone_number() if rng.random() < 0.8 else ""
        out.append(
            {
                "Anmelde-Nr.": 700000 + i * 7,
                "Kurs-Nr.": f"{rng.choice(['241', '242', '251'])}-{rng.randint(1000, 5999)}",
                "Kurstitel": title,
                "Kursbeginn": start.strftime("%d.%m.%Y"),
                "Entgelt (EUR)": f"{fee:.2f}".replace(".", ","),
                "Ermäßigt": rng.choice(["ja", "nein", "nein", "nein"]),
                "Anrede": rng.choice(["Frau", "Herr", "Frau", "divers", ""]),
                "Vorname": first,
                "Nachname": last,
                "Geb.-Datum": _dob(rng, 16, 88).strftime("%d.%m.%Y"),
                "Straße/Hausnr.": f.street_address(),
                "PLZ": plz.lstrip("0") if rng.random() < 0.5 else plz,
                "Ort": f.city(),
                "Tel. privat": phone,
                "E-Mail-Adresse": _maybe(rng, 0.9, f.email),
                "IBAN (SEPA)": f.iban() if sepa else "",
                "Kontoinhaber/in": (f.name() if rng.random() < 0.3 else f"{first} {last}") if sepa else "",
                "Mandatsref.": f"VHS{start.year}{i:06d}" if sepa else "",
                "Kursleitung": rng.choice(lecturers),
                "Raum": rng.choice(rooms),
                "Bemerkung": rng.choice(remarks),
                "angemeldet am": (dt.datetime(2024, 1, 5, 8) + dt.timedelta(minutes=rng.randint(0, 700000))).strftime("%d.%m.%Y %H:%M"),
            }
        )
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (c) auto-école
def _auto_ecole(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("fr_FR", 3)
    moniteurs = sorted({f"{f.first_name()} {f.last_name()}" for _ in range(8)})
    formules = ["Permis B 20h", "Permis B boîte auto 13h", "AAC conduite accompagnée", "Permis A2", "Code seul", "Passerelle BEA-BVM"]
    obs = [
        "",
        "",
        "Bon niveau en circulation urbaine.",
        "Reprendre les créneaux et manoeuvres.",
        "Paiement en 4 fois accepté.",
        "Dossier ANTS incomplet - relancer.",
        "Financement CPF.",
        "Examen reporté (météo).\nNouvelle date à fixer.",
    ]
    out = []
    for i in range(rows):
        dob = _dob(rng, 15, 45)
        minor = (dt.date(2025, 3, 1) - dob).days < 18 * 365
        cp = f.postcode()
        heures = round(rng.uniform(0, 35) * 2) / 2
        exam = _event_date(rng, dt.date(2024, 1, 1), 450)
        out.append(
            {
                "N° dossier": f"AE{2023 + i % 3}-{i + 1:05d}",
                "Civilité": rng.choice(["M.", "Mme", "Mlle", "M."]),
                "Nom": f.last_name().upper(),
                "Prénom": f.first_name(),
                "Date de naissance": dob.strftime("%d/%m/%Y"),
                "Lieu de naissance": f.city() if rng.random() < 0.9 else "",
                "Adresse": f.street_address(),
                "Code postal": int(cp) if rng.random() < 0.7 else cp,
                "Ville": f.city(),
                "Tél. portable": f.phone_number(),
                "Courriel": f.email(),
                "N° Sécurité sociale": _maybe(rng, 0.55, f.ssn),
                "Formule": rng.choice(formules),
                "Heures effectuées": heures,
                "Solde dû (€)": round(rng.choice([0, 0, 0, 45, 90, 180, 320.5, 640]), 2),
                "Moniteur référent": rng.choice(moniteurs),
                "Date examen code": exam.isoformat(),
                "Résultat ETG": rng.choice(["Favorable", "Défavorable", "Absent", None]),
                "Représentant légal": f.name() if minor else None,
                "Observations": rng.choice(obs),
            }
        )
    df = pd.DataFrame(out)
    df["Code postal"] = df["Code postal"].astype(str)
    return df


# ---------------------------------------------------------------- (d) clínica veterinaria
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _dni(rng: random.Random) -> str:
    if rng.random() < 0.15:
        pre = rng.choice("XYZ")
        num = rng.randint(0, 9999999)
        letter = _DNI_LETTERS[int(str("XYZ".index(pre)) + f"{num:07d}") % 23]
        return f"{pre}{num:07d}{letter}"
    num = rng.randint(1000000, 99999999)
    sep = rng.choice(["", "", "-"])
    return f"{num:08d}{sep}{_DNI_LETTERS[num % 23]}"


def _es_phone(rng: random.Random, mobile: bool) -> str:
    n = rng.choice("67") if mobile else "9"
    n += "".join(str(rng.randint(0, 9)) for _ in range(8))
    return rng.choice([n, f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"+34 {n}"])


def _clinica(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("es_ES", 4)
    vets = sorted({f"Dr/a. {f.first_name()} {f.last_name()}" for _ in range(6)})
    pets = ["Luna", "Toby", "Coco", "Rocky", "Nala", "Simba", "Kira", "Lola", "Bruno", "Milo", "Chispa", "Canela"]
    especies = {"Perro": ["Mestizo", "Labrador", "Yorkshire", "Pastor alemán", "Galgo español"],
                "Gato": ["Europeo común", "Siamés", "Persa"],
                "Conejo": ["Belier", "Enano"],
                "Hurón": ["-"]}
    pueblos = ["Alcalá de Henares", "Getafe", "Sabadell", "Terrassa", "Gandia", "Dos Hermanas", "Marbella",
               "Barakaldo", "Calatayud", "Móstoles", "Badalona", "Torrent", "Utrera", "Fuengirola", "Getxo",
               "Ejea de los Caballeros", "Leganés", "Mataró", "Sagunto", "Écija", "Vélez-Málaga", "Durango"]
    provincias = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Vizcaya", "Zaragoza"]
    obs = [
        "",
        "Vacuna antirrábica al día.",
        "Alergia a la amoxicilina.",
        "Castrado 2022.",
        "Control de peso cada 3 meses.",
        "Dieta renal.\nRevisar analítica en junio.",
        "Muy nervioso en consulta, usar bozal.",
    ]
    out = []
    for i in range(rows):
        especie = rng.choice(sorted(especies))
        out.append(
            {
                "Nº Cliente": 1000 + i,
                "Nombre y apellidos": f"{f.first_name()} {f.last_name()} {f.last_name()}",
                "DNI/NIE": _dni(rng) if rng.random() < 0.9 else "",
                "Teléfono": _es_phone(rng, True),
                "Tel. 2": _es_phone(rng, False) if rng.random() < 0.25 else "",
                "Email": _maybe(rng, 0.8, f.email),
                "Dirección": f.street_address(),
                "C.P.": f.postcode(),
                "Población": rng.choice(pueblos),
                "Provincia": rng.choice(provincias),
                "Mascota": rng.choice(pets),
                "Especie": especie,
                "Raza": rng.choice(especies[especie]),
                "Nº microchip": f"9410000{rng.randint(10000000, 99999999)}",
                "F. nac. mascota": _event_date(rng, dt.date(2008, 1, 1), 6000),
                "Última visita": _event_date(rng, dt.date(2023, 6, 1), 600),
                "Veterinario/a": rng.choice(vets),
                "Saldo pendiente €": round(rng.choice([0.0, 0.0, 0.0, 35.5, 62.0, 118.9]), 2),
                "IBAN domiciliación": f.iban() if rng.random() < 0.3 else "",
                "Acepta comunicaciones": rng.choice(["Sí", "No"]),
                "Observaciones": rng.choice(obs),
            }
        )
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (e) Danish boligforening
def _cpr(rng: random.Random, dob: dt.date) -> str:
    seq = rng.randint(0, 9999)
    sep = rng.choice(["-", "-", ""])
    return f"{dob:%d%m%y}{sep}{seq:04d}"


def _dk_phone(rng: random.Random) -> str:
    n = str(rng.randint(20000000, 99999999))
    return rng.choice([f"+45 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"])


def _bolig(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("da_DK", 5)
    afd = ["Afd. 3 Solhaven", "Afd. 7 Engparken", "Afd. 12 Lærkegården", "Afd. 21 Havebyen", "Afd. 30 Kildeparken"]
    floors = ["st. tv.", "st. th.", "1. tv.", "1. th.", "2. mf.", "3. tv."]
    notes = [
        "",
        "",
        "Fraflytningssyn aftalt.",
        "Husdyr godkendt (kat).",
        "Restance afviklet via aftale.",
        "Ønsker bytte til større bolig.\nStår på intern venteliste.",
        "Nøgle nr. 14 udleveret.",
    ]
    out = []
    for _i in range(rows):
        dob = _dob(rng, 18, 90)
        name = f.name()
        rooms = rng.choice([1, 2, 2, 3, 3, 4, 5])
        out.append(
            {
                "lejemaalsnr": f"{rng.choice([3, 7, 12, 21, 30]):02d}-{rng.randint(1, 480):04d}",
                "afdeling": rng.choice(afd),
                "lejer_navn": name,
                "medlejer_navn": f.name() if rng.random() < 0.3 else None,
                "cpr_nr": _cpr(rng, dob),
                "foedselsdato": dob.isoformat(),
                "adresse": f"{f.street_name()} {rng.randint(1, 140)}, {rng.choice(floors)}",
                "postnr": int(f.postcode()),
                "bynavn": f.city(),
                "telefon": _dk_phone(rng),
                "email": f.email() if rng.random() < 0.85 else None,
                "reg_og_kontonr": f"{rng.randint(1000, 9899)} {rng.randint(0, 9999999999):010d}" if rng.random() < 0.6 else None,
                "husleje_kr": round(rng.uniform(3800, 11500), 2),
                "depositum_kr": rng.choice([10000, 15000, 20000, 24500]),
                "indflytningsdato": _event_date(rng, dt.date(1998, 1, 1), 9500).isoformat(),
                "ventelistenr": rng.randint(1, 60000) if rng.random() < 0.5 else None,
                "antal_vaerelser": rooms,
                "boligareal_m2": round(rooms * rng.uniform(22, 34), 1),
                "beboerlogin": f.user_name() if rng.random() < 0.7 else None,
                "husdyr": rng.random() < 0.2,
                "bemaerkning": rng.choice(notes),
            }
        )
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (f) mobile game support
def _gamertag(rng: random.Random, f: Faker) -> str:
    words = ["Wolf", "Ninja", "Pixel", "Shadow", "Dragon", "Frost", "Blaze", "Viper", "Nova", "Raven"]
    style = rng.random()
    if style < 0.35:
        return f"{rng.choice(['xX', 'Dark', 'Mr', 'Lil', ''])}{rng.choice(words)}{rng.randint(1, 9999)}"
    if style < 0.7:
        return f.user_name()
    return f"{f.first_name().lower()}_{rng.choice(words).lower()}{rng.randint(0, 99)}"


def _game(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _faker("en_US", 6)
    agents = sorted({f.name() for _ in range(12)})
    devices = ["iPhone 13", "iPhone 15 Pro", "SM-G991B", "Pixel 7", "Redmi Note 12", "iPad (9th gen)", "SM-A546E"]
    cats = ["Purchase not received", "Account recovery", "Bug report", "Ban appeal", "Refund request", "Gameplay question"]
    msgs = [
        "I bought the gem pack but never got the gems.",
        "Game crashes when I open the guild screen after the update.",
        "Lost progress after switching phones, please help.",
        "Why was I banned? I did not cheat.",
        "The daily reward did not reset.",
        "Can I transfer my account to iOS?",
        "Event leaderboard shows wrong score.\nScreenshot attached.",
        "",
    ]
    res = ["", "Granted 500 gems as compensation.", "Escalated to T2.", "Duplicate of earlier ticket.", "Refund via store policy.", "Ban upheld."]
    countries = ["US", "GB", "CA", "AU", "DE", "BR", "PH", "IN"]
    out = []
    for i in range(rows):
        created = dt.datetime(2024, 9, 1) + dt.timedelta(seconds=rng.randint(0, 15_000_000))
        cat = rng.choice(cats)
        paid = cat in {"Purchase not received", "Refund request"}
        out.append(
            {
                "ticket_id": 5_000_000 + i * 13,
                "Created At (UTC)": created.strftime("%Y-%m-%d %H:%M:%S"),
                "Player ID": str(rng.randint(10**11, 10**12 - 1)),
                "IGN": _gamertag(rng, f),
                "Account Email": f.email(),
                "PayPal email": f.free_email() if paid and rng.random() < 0.4 else "",
                "Player Name (billing)": f.name() if paid and rng.random() < 0.6 else "",
                "Birthday (age gate)": f.date_of_birth(minimum_age=13, maximum_age=60).isoformat() if rng.random() < 0.5 else "",
                "SMS 2FA phone": f.phone_number() if rng.random() < 0.3 else "",
                "Linked login": rng.choice(["google:", "apple:", "fb:", "gc:"]) + f.user_name() if rng.random() < 0.8 else "",
                "Device IP": f.ipv4_public() if rng.random() < 0.9 else "-",
                "Last login IP": f.ipv6() if rng.random() < 0.3 else f.ipv4_public(),
                "Device": rng.choice(devices),
                "OS ver": rng.choice(["iOS 17.4", "iOS 18.1", "Android 13", "Android 14", "iPadOS 17.5"]),
                "App Version": f"3.{rng.randint(10, 24)}.{rng.randint(0, 9)}",
                "Country": rng.choice(countries),
                "Category": cat,
                "Receipt / Order ID": (f"GPA.{rng.randint(3300, 3399)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(10000, 99999)}" if paid else ""),
                "Amount (USD)": round(rng.choice([0.99, 4.99, 9.99, 19.99, 49.99, 99.99]), 2) if paid else None,
                "Session hash": hashlib.sha1(f"{SEED}-{i}".encode()).hexdigest(),
                "Assigned Agent": rng.choice(agents),
                "Player message": rng.choice(msgs),
                "Resolution notes": rng.choice(res),
                "CSAT (1-5)": float(rng.randint(1, 5)) if rng.random() < 0.4 else None,
            }
        )
    return pd.DataFrame(out)


_BUILDERS: dict[str, Callable[[int], pd.DataFrame]] = {
    "uk_letting_tenancies": _uk,
    "vhs_kursanmeldungen": _vhs,
    "auto_ecole_eleves": _auto_ecole,
    "clinica_vet_propietarios": _clinica,
    "boligforening_lejere": _bolig,
    "game_support_export": _game,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; each gets between 1,000 and ``rows`` rows (scaled per table)."""
    return {t: _BUILDERS[t](max(min(rows, 1000), int(rows * _ROW_FACTOR[t]))) for t in TABLES}


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    tmp = path.with_name(f".{path.stem}.tmp{path.suffix}")
    write(tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to ``out_dir`` in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    paths: dict[str, Path] = {}
    for name, df in frames.items():
        path = out_dir / _FILES[name]
        if name == "uk_letting_tenancies":
            _atomic(path, lambda p, d=df: d.to_csv(p, index=False, encoding="utf-8-sig"))
        elif name == "vhs_kursanmeldungen":
            _atomic(path, lambda p, d=df: d.to_csv(p, index=False, sep=";", encoding="cp1252"))
        elif name == "auto_ecole_eleves":
            _atomic(path, lambda p, d=df: d.to_parquet(p, index=False))
        elif name == "clinica_vet_propietarios":
            _atomic(path, lambda p, d=df: d.to_excel(p, index=False, engine="openpyxl", sheet_name="Clientes"))
        elif name == "boligforening_lejere":
            _atomic(path, lambda p, d=df: d.to_json(p, orient="records", lines=True, force_ascii=False, date_format="iso"))
        else:
            _atomic(path, lambda p, d=df: d.to_csv(p, index=False, sep="\t", encoding="utf-8"))
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout55.py OUT_DIR [ROWS]")
    for table, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(f"{table}: {p}")
