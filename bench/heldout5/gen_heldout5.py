"""Blind held-out set 5 for the PII scanner: five exports from five domains and languages.

Tables (written blind, labels in labels.yaml written by hand before any scanner run):
- ``pms_clients_fr``: a French hotel property-management-system guest export (CSV, ``;``, cp1252).
- ``solicitudes_credito_mx``: a Mexican micro-loan application table (Parquet).
- ``przesylki_pl``: a Polish parcel-delivery export (JSON Lines).
- ``ats_candidates_en``: an English applicant-tracking export (Excel .xlsx).
- ``soci_palestra_it``: an Italian gym membership register (CSV, ``,``, UTF-8 with BOM).

Run ``python bench/heldout5/gen_heldout5.py OUT_DIR [ROWS]`` to write the files.
"""

from __future__ import annotations

import hashlib
import random
import sys
import unicodedata
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 5050
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "pms_clients_fr",
    "solicitudes_credito_mx",
    "przesylki_pl",
    "ats_candidates_en",
    "soci_palestra_it",
)
_FILES = {
    "pms_clients_fr": "export_clients_PMS_2024.csv",
    "solicitudes_credito_mx": "solicitudes_credito.parquet",
    "przesylki_pl": "przesylki_eksport.jsonl",
    "ats_candidates_en": "candidates_export.xlsx",
    "soci_palestra_it": "registro_soci.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------------------- helpers
def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    for provider in f.get_providers():
        cities = getattr(provider, "cities", None)
        if isinstance(cities, list):
            provider.cities = sorted(cities)  # it_IT builds this list from a set: fix its order across runs
    return f


def _ascii(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _blank(rng: random.Random, value, p: float, blanks=("",)):
    """Return value, or (with probability p) one of the blank spellings."""
    return rng.choice(blanks) if rng.random() < p else value


def _dob(rng: random.Random, min_age: int = 18, max_age: int = 80) -> date:
    today = date(2024, 6, 30)
    return today - timedelta(days=rng.randint(min_age * 365, max_age * 365))


def _event(rng: random.Random, start: datetime, days: int) -> datetime:
    return start + timedelta(seconds=rng.randint(0, days * 86400))


# ----------------------------------------------------------------------------- (a) French PMS
_FR_ROOMS = ["SGL Standard", "DBL Standard", "DBL Supérieure", "TWIN Confort", "Suite Junior", "Familiale 4p"]
_FR_PAY = ["CB", "Visa", "Mastercard", "AMEX", "Espèces", "Virement", "Chèque vacances", "Booking.com VCC"]
_FR_CHANNEL = ["Direct", "Booking.com", "Expedia", "Site web", "Téléphone", "Agence", "Comité d'entreprise"]
_FR_COMMENTS = [
    "Arrivée tardive prévue (après 23h)",
    "Lit bébé demandé",
    "Chambre calme SVP, côté cour",
    "Allergie aux plumes - oreillers synthétiques",
    "Client fidèle, surclassement si possible",
    "Petit-déjeuner inclus\nParking réservé",
    "Facture au nom de la société",
    "Anniversaire de mariage : prévoir champagne",
    "Animal de compagnie (chien < 10kg)",
    "Non fumeur",
]


def _fr_id_doc(rng: random.Random) -> tuple[str, str]:
    kind = rng.choices(["CNI", "Passeport", "Titre de séjour", "Permis"], [5, 4, 1, 1])[0]
    if kind == "Passeport":
        num = f"{rng.randint(0, 99):02d}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(0, 99999):05d}"
    elif kind == "CNI":
        if rng.random() < 0.5:
            num = f"{rng.randint(0, 999999999999):012d}"
        else:
            num = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(9))
    elif kind == "Titre de séjour":
        num = f"{rng.randint(0, 9999999999):010d}"
    else:
        num = (
            f"{rng.randint(10, 99)}{rng.choice('ABCDEFGH')}{rng.randint(10000, 99999)}{rng.randint(100, 999)}"
        )
    return kind, num


def _fr_phone(rng: random.Random, f: Faker) -> str:
    style = rng.random()
    digits = f"0{rng.choice('67')}{rng.randint(0, 99999999):08d}"
    if style < 0.35:
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    if style < 0.55:
        return digits
    if style < 0.7:
        return "+33 " + digits[1] + " " + " ".join(digits[i : i + 2] for i in range(2, 10, 2))
    if style < 0.8:
        return ".".join(digits[i : i + 2] for i in range(0, 10, 2))
    return f.phone_number()


def _make_pms(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("fr_FR", 1)
    foreign = {
        "de_DE": _faker("de_DE", 11),
        "en_GB": _faker("en_GB", 12),
        "it_IT": _faker("it_IT", 13),
        "es_ES": _faker("es_ES", 14),
    }
    nat_of = {"de_DE": "Allemande", "en_GB": "Britannique", "it_IT": "Italienne", "es_ES": "Espagnole"}
    pays_of = {"de_DE": "Allemagne", "en_GB": "Royaume-Uni", "it_IT": "Italie", "es_ES": "Espagne"}
    hotels = ["PAR03", "PAR11", "LYO01", "NCE02", "BOD01", "ANN04"]
    recs = []
    for i in range(rows):
        loc = "fr_FR" if rng.random() < 0.75 else rng.choice(sorted(foreign))
        g = f if loc == "fr_FR" else foreign[loc]
        female = rng.random() < 0.5
        first = g.first_name_female() if female else g.first_name_male()
        last = g.last_name()
        arr = _event(rng, datetime(2023, 1, 1), 540).date()
        nights = rng.choices([1, 2, 3, 4, 5, 7, 10], [30, 25, 15, 10, 8, 8, 4])[0]
        doc_kind, doc_num = _fr_id_doc(rng)
        if loc == "fr_FR":
            cp = f.postcode()
            cp_out = (
                str(int(cp)) if rng.random() < 0.3 else cp
            )  # leading zero lost by a spreadsheet round-trip
            addr, ville, pays, nat = f.street_address(), f.city(), "France", "Française"
        else:
            cp_out, addr, ville = g.postcode(), g.street_address(), g.city()
            pays, nat = pays_of[loc], nat_of[loc]
        rate = round(rng.uniform(69, 420), 2)
        status = rng.choices(
            ["Confirmée", "Check-out", "Annulée", "No-show", "En cours"], [10, 60, 12, 3, 5]
        )[0]
        recs.append(
            {
                "N° Réservation": f"RES{arr.year}-{100000 + i * 7 + rng.randint(0, 6)}",
                "Hôtel": rng.choice(hotels),
                "Canal": rng.choice(_FR_CHANNEL),
                "Civilité": _blank(rng, "Mme" if female else rng.choice(["M.", "Mr"]), 0.05),
                "NOM": last.upper() if rng.random() < 0.7 else last,
                "Prénom": first,
                "Date naiss.": _blank(rng, _dob(rng).strftime("%d/%m/%Y"), 0.35),
                "Lieu de naissance": _blank(rng, f.city() if loc == "fr_FR" else g.city(), 0.45),
                "Nationalité": nat,
                "Type pièce": doc_kind,
                "N° pièce identité": _blank(rng, doc_num, 0.3),
                "Adresse": _blank(rng, addr.replace("\n", ", "), 0.1),
                "CP": _blank(rng, cp_out, 0.1),
                "Ville": _blank(rng, ville, 0.1),
                "Pays": pays,
                "Tél. mobile": _blank(rng, _fr_phone(rng, f) if loc == "fr_FR" else g.phone_number(), 0.15),
                "E-mail": _blank(
                    rng, g.free_email() if rng.random() < 0.7 else g.email(), 0.12, ("", "n/a", "-")
                ),
                "Arrivée": arr.strftime("%d/%m/%Y"),
                "Départ": (arr + timedelta(days=nights)).strftime("%d/%m/%Y"),
                "Nb nuits": nights,
                "Chambre": rng.randint(1, 6) * 100 + rng.randint(1, 32),
                "Type chambre": rng.choice(_FR_ROOMS),
                "Adultes": rng.choice([1, 2, 2, 2, 3]),
                "Enfants": rng.choices([0, 1, 2], [80, 12, 8])[0],
                "Tarif nuit (€)": f"{rate:.2f}".replace(".", ","),
                "Total TTC": f"{rate * nights + 2.5 * nights:.2f}".replace(".", ","),
                "Règlement": rng.choice(_FR_PAY),
                "Carte": _blank(rng, f"**** **** **** {rng.randint(0, 9999):04d}", 0.3),
                "Société": _blank(rng, f.company(), 0.75),
                "Commentaires": _blank(rng, rng.choice(_FR_COMMENTS), 0.6),
                "Statut": status,
            }
        )
    return pd.DataFrame.from_records(recs)


# ----------------------------------------------------------------------------- (b) Mexican micro-loans
_MX_BANKS = {
    "002": "Banamex",
    "012": "BBVA México",
    "014": "Santander",
    "021": "HSBC",
    "072": "Banorte",
    "127": "Azteca",
    "137": "BanCoppel",
    "646": "STP",
    "638": "Nu México",
}
_MX_JOBS = [
    "Comerciante",
    "Empleado",
    "Estudiante",
    "Ama de casa",
    "Independiente",
    "Chofer",
    "Docente",
    "Enfermera",
    "Obrero",
    "Jubilado",
]
_MX_REJECT = [
    "Capacidad de pago insuficiente",
    "Historial crediticio negativo",
    "Documentación incompleta",
    "No se pudo validar identidad",
    "Ingreso no comprobable",
    "Solicitud duplicada",
]
_MX_UA = [
    "Mozilla/5.0 (Linux; Android 13; SM-A145M) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
    "okhttp/4.11.0",
    "PrestaYaApp/3.4.1 (Android 12; Motorola moto g22)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
]
_MX_LADA = ["55", "33", "81", "222", "442", "477", "664", "998", "999", "618", "871"]


def _clabe(rng: random.Random) -> str:
    bank = rng.choice(sorted(_MX_BANKS))
    body = bank + f"{rng.randint(0, 999):03d}" + f"{rng.randint(0, 99999999999):011d}"
    weights = [3, 7, 1] * 6
    s = sum((int(d) * weights[k]) % 10 for k, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _mx_phone(rng: random.Random) -> str:
    lada = rng.choice(_MX_LADA)
    rest = f"{rng.randint(0, 10 ** (10 - len(lada)) - 1):0{10 - len(lada)}d}"
    style = rng.random()
    if style < 0.4:
        return lada + rest
    if style < 0.7:
        return f"+52 {lada} {rest[:-4]} {rest[-4:]}"
    if style < 0.85:
        return f"+521{lada}{rest}"
    return f"({lada}) {rest[:-4]}-{rest[-4:]}"


def _make_loans(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("es_MX", 2)
    recs = []
    for i in range(rows):
        female = rng.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        name = f"{first} {f.last_name()} {f.last_name()}"
        if rng.random() < 0.25:
            name = name.upper()
        status = rng.choices(
            ["APROBADA", "RECHAZADA", "EN_REVISION", "DESEMBOLSADA", "LIQUIDADA", "VENCIDA"],
            [10, 25, 8, 30, 20, 7],
        )[0]
        clabe = _clabe(rng)
        ts = _event(rng, datetime(2023, 3, 1), 450)
        monto = rng.choice([1000, 1500, 2000, 2500, 3000, 5000, 7500, 10000, 15000])
        has_ref = rng.random() < 0.4
        recs.append(
            {
                "id_solicitud": 7_300_000_000 + i * 13 + rng.randint(0, 12),
                "fecha_solicitud": ts,
                "canal": rng.choice(["app_android", "app_ios", "web", "whatsapp"]),
                "nombre_completo": name,
                "curp": f.curp(),
                "rfc": _blank(rng, f.rfc(), 0.3, (None,)),
                "fecha_nacimiento": _dob(rng, 18, 70),
                "celular": _mx_phone(rng),
                "correo": _blank(rng, f.free_email(), 0.08, (None, "")),
                "calle_y_numero": f"{f.street_name()} {rng.randint(1, 3500)}"
                + (f" Int. {rng.randint(1, 20)}" if rng.random() < 0.2 else ""),
                "colonia": f"Col. {f.last_name()}" if rng.random() < 0.5 else f"Fracc. {f.city()}",
                "cp": f"{rng.randint(1000, 99999):05d}",
                "municipio": f.city(),
                "estado": f.state(),
                "monto_solicitado": float(monto),
                "plazo_dias": rng.choice([7, 14, 15, 30, 60, 90]),
                "tasa_anual_pct": round(rng.uniform(90, 450), 2),
                "ingreso_mensual_mxn": round(rng.lognormvariate(9.3, 0.5), 2),
                "ocupacion": rng.choice(_MX_JOBS),
                "clabe_deposito": clabe,
                "banco": _MX_BANKS[clabe[:3]],
                "score_buro": _blank(rng, rng.randint(420, 780), 0.2, (None,)),
                "estatus": status,
                "motivo_rechazo": rng.choice(_MX_REJECT) if status == "RECHAZADA" else None,
                "ip_origen": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
                "device_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "user_agent": rng.choice(_MX_UA),
                "ref1_nombre": f"{f.first_name()} {f.last_name()}" if has_ref else None,
                "ref1_parentesco": rng.choice(["Madre", "Padre", "Hermano(a)", "Amigo(a)", "Cónyuge"])
                if has_ref
                else None,
                "ref1_telefono": _mx_phone(rng) if has_ref else None,
                "app_version": f"3.{rng.randint(0, 6)}.{rng.randint(0, 12)}",
                "cliente_recurrente": rng.random() < 0.35,
                "sha256_ine_frente": hashlib.sha256(f"{SEED}-{i}-ine".encode()).hexdigest(),
            }
        )
    df = pd.DataFrame.from_records(recs)
    df["fecha_solicitud"] = pd.to_datetime(df["fecha_solicitud"])
    df["score_buro"] = df["score_buro"].astype("Float64").astype("float64")  # ints with gaps become floats
    return df


# ----------------------------------------------------------------------------- (c) Polish parcels
_PL_STATUS = [
    "Nadana",
    "W drodze",
    "W sortowni",
    "Wydana do doręczenia",
    "Doręczona",
    "Awizo",
    "Zwrot do nadawcy",
    "Gotowa do odbioru w paczkomacie",
]
_PL_NOTES = [
    "Proszę dzwonić przed doręczeniem",
    "Domofon nie działa",
    "Zostawić w recepcji",
    "Brama od podwórza",
    "Doręczenie po 16:00",
    "Uwaga: pies",
    "Paczka delikatna - szkło",
    "Klatka B, 3 piętro",
    "Nie zostawiać pod drzwiami",
]
_PL_SHOPS = [
    "Sklep Elektro24",
    "ModaPL Sp. z o.o.",
    "KsiegarniaOnline.pl",
    "Zoo-Market",
    "Apteka Zdrowie",
    "MegaSport S.A.",
    "Meble Kowal",
    "Kosmetyki Natura",
]


def _pl_phone(rng: random.Random) -> str | int:
    num = f"{rng.choice('5678')}{rng.randint(0, 99999999):08d}"
    style = rng.random()
    if style < 0.35:
        return f"+48 {num[:3]} {num[3:6]} {num[6:]}"
    if style < 0.6:
        return num
    if style < 0.75:
        return int("48" + num)  # exported as a number
    if style < 0.9:
        return f"{num[:3]}-{num[3:6]}-{num[6:]}"
    return f"0048{num}"


def _pl_nrb(rng: random.Random, f: Faker) -> str:
    iban = f.iban()
    style = rng.random()
    if style < 0.4:
        return iban
    digits = iban[2:]
    if style < 0.75:
        return digits[:2] + " " + " ".join(digits[k : k + 4] for k in range(2, 26, 4))
    return digits


def _make_parcels(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("pl_PL", 3)
    couriers = []
    for _ in range(40):
        fn, ln = f.first_name(), f.last_name()
        couriers.append((rng.randint(1000, 9999), _ascii(f"{fn[0]}{ln}").lower()))
    depots = ["WAW-01", "WAW-03", "KRK-02", "POZ-01", "GDA-01", "WRO-02", "LDZ-01"]
    recs = []
    for _ in range(rows):
        fn, ln = f.first_name(), f.last_name()
        locker = rng.random() < 0.35
        status = rng.choices(_PL_STATUS, [6, 10, 6, 8, 45, 6, 4, 15])[0]
        nadano = _event(rng, datetime(2024, 1, 1), 170)
        kid, klogin = rng.choice(couriers)
        cod = rng.random() < 0.25
        registered = rng.random() < 0.3
        delivered = status == "Doręczona"
        recs.append(
            {
                "nr_przesylki": f"6{rng.randint(0, 10**23 - 1):023d}",
                "nr_ref_nadawcy": f"ZAM/{nadano.year}/{rng.randint(1, 99999):05d}",
                "data_nadania": nadano.strftime("%Y-%m-%d %H:%M:%S"),
                "nadawca_firma": rng.choice(_PL_SHOPS),
                "odbiorca_imie_nazwisko": f"{fn} {ln}",
                "odbiorca_tel": _pl_phone(rng),
                "odbiorca_email": _blank(rng, f.free_email(), 0.1, (None,)),
                "odbiorca_ulica": None if locker else f.street_address(),
                "odbiorca_kod": None if locker else f.postcode(),
                "odbiorca_miasto": None if locker else f.city(),
                "paczkomat": f"{rng.choice(['WAW', 'KRA', 'POZ', 'GDA', 'WRO', 'LOD'])}{rng.randint(1, 999):02d}{rng.choice('MNA')}"
                if locker
                else None,
                "gabaryt": rng.choice(["A", "B", "C"]) if locker else None,
                "waga_kg": round(rng.uniform(0.1, 31.5), 2),
                "wymiary_cm": f"{rng.randint(10, 64)}x{rng.randint(8, 41)}x{rng.randint(2, 38)}",
                "pobranie_pln": round(rng.uniform(19, 1500), 2) if cod else 0.0,
                "ubezpieczenie": rng.random() < 0.3,
                "rachunek_zwrotu_pobrania": _pl_nrb(rng, f) if cod and rng.random() < 0.5 else None,
                "status": status,
                "ostatnia_zmiana": (nadano + timedelta(hours=rng.randint(2, 120))).isoformat(
                    timespec="seconds"
                ),
                "oddzial": rng.choice(depots),
                "kurier_id": kid,
                "kurier_login": klogin,
                "uwagi": _blank(rng, rng.choice(_PL_NOTES), 0.7, (None,)),
                "nr_dowodu_odbiorcy": (f.identity_card_number() if rng.random() < 0.7 else f.pesel())
                if registered and delivered
                else None,
                "podpis_odbiorcy": (f"{fn[0]}. {ln}" if rng.random() < 0.5 else f"{fn} {ln}")
                if delivered and not locker
                else None,
            }
        )
    return pd.DataFrame.from_records(recs)


# ----------------------------------------------------------------------------- (d) English ATS
_EN_JOBS = [
    ("Senior Software Engineer", "Engineering"),
    ("Data Analyst", "Analytics"),
    ("Product Manager", "Product"),
    ("Account Executive", "Sales"),
    ("Customer Success Manager", "Customer Success"),
    ("DevOps Engineer", "Engineering"),
    ("UX Designer", "Design"),
    ("Financial Analyst", "Finance"),
    ("HR Business Partner", "People"),
]
_EN_SOURCES = [
    "LinkedIn",
    "Indeed",
    "Referral",
    "Company Website",
    "Agency",
    "Glassdoor",
    "AngelList",
    "Career Fair",
]
_EN_STAGES = [
    "Application Review",
    "Phone Screen",
    "Technical Interview",
    "Onsite",
    "Offer",
    "Hired",
    "Rejected",
    "Withdrawn",
]
_EN_SKILLS = [
    "Python",
    "SQL",
    "AWS",
    "Kubernetes",
    "React",
    "Salesforce",
    "Excel",
    "Tableau",
    "Go",
    "Figma",
    "Terraform",
    "Java",
    "stakeholder management",
    "B2B SaaS sales",
    "financial modeling",
]
_EN_NOTE = [
    "Phone screen with {r}: strong communicator, wants remote.",
    "{r} - good culture fit, move to tech round",
    "Spoke to {r}. Salary expectations above band.",
    "Feedback from {r}: solid fundamentals, weak on system design.",
    "{r} recommends offer; references checked.",
    "Intro call w/ {r}, candidate relocating in Q3",
]


def _resume(rng: random.Random, f: Faker) -> str:
    years = rng.randint(1, 20)
    skills = ", ".join(sorted(rng.sample(_EN_SKILLS, 4)))
    lines = [
        f"SUMMARY\n{years}+ years of experience in {rng.choice(['fintech', 'e-commerce', 'healthcare IT', 'logistics', 'SaaS'])}.",
        f"SKILLS\n{skills}",
        f"EXPERIENCE\n{f.job()} at {f.company()} ({2024 - years}-{2024 - rng.randint(0, years)})",
        f"EDUCATION\n{rng.choice(['B.Sc.', 'M.Sc.', 'BA', 'MBA', 'Ph.D.'])} {rng.choice(['Computer Science', 'Economics', 'Mathematics', 'Business', 'Psychology'])}",
    ]
    return "\n\n".join(lines)


def _make_ats(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("en_US", 4)
    gb = _faker("en_GB", 41)
    staff = [f"{f.first_name()} {f.last_name()}" for _ in range(14)]
    recruiters, managers = staff[:5], staff[5:]
    recs = []
    for i in range(rows):
        uk = rng.random() < 0.25
        g = gb if uk else f
        first, last = g.first_name(), g.last_name()
        job, dept = rng.choice(_EN_JOBS)
        stage = rng.choices(_EN_STAGES, [25, 15, 10, 7, 4, 5, 28, 6])[0]
        applied = _event(rng, datetime(2023, 9, 1), 300)
        late = stage in ("Offer", "Hired")
        interviewed = stage not in ("Application Review",) and rng.random() < 0.8
        recruiter = rng.choice(recruiters)
        source = rng.choice(_EN_SOURCES)
        city = f"{g.city()}, {'United Kingdom' if uk else f.state_abbr()}"
        zip_code = None
        if late:
            zip_code = g.postcode() if uk else (float(f.zipcode()) if rng.random() < 0.6 else f.zipcode())
        recs.append(
            {
                "Candidate ID": 4_100_000 + i * 3 + rng.randint(0, 2),
                "First Name": first,
                "Last Name": last,
                "Email Address": g.email() if rng.random() < 0.5 else g.free_email(),
                "Phone": _blank(rng, g.phone_number(), 0.1),
                "Location": _blank(rng, city, 0.15),
                "GitHub": _blank(rng, f.user_name(), 0.7) if dept == "Engineering" else "",
                "Job": job,
                "Req #": f"REQ-{rng.randint(100, 480):04d}",
                "Department": dept,
                "Source": source,
                "Referred by": f"{f.first_name()} {f.last_name()}" if source == "Referral" else "",
                "Recruiter": recruiter,
                "Hiring Manager": rng.choice(managers),
                "Stage": stage,
                "Applied At": applied,
                "Last Activity (UTC)": applied + timedelta(hours=rng.randint(1, 900)),
                "Interview Date": (applied + timedelta(days=rng.randint(3, 30))).date()
                if interviewed
                else None,
                "Scorecard Avg (1-5)": round(rng.uniform(1, 5), 1) if interviewed else None,
                "Current Salary": _blank(rng, rng.randrange(40000, 210000, 500), 0.5, (None,)),
                "Desired Salary (USD)": _blank(rng, f"${rng.randrange(50000, 240000, 5000):,}", 0.3),
                "Notice Period (wks)": rng.choice([0, 2, 2, 4, 4, 8, 12]),
                "Yrs Exp.": rng.randint(0, 25),
                "Work Authorization": rng.choice(
                    ["US Citizen", "Green Card", "H-1B", "Requires Sponsorship", "UK Right to Work", "n/a"]
                ),
                "Resume Text": _blank(rng, _resume(rng, f), 0.1),
                "Recruiter Notes": rng.choice(_EN_NOTE).format(
                    r=recruiter if rng.random() < 0.5 else recruiter.split()[0]
                )
                if interviewed
                else "",
                "Home Address": (g.street_address().replace("\n", ", ")) if late else "",
                "Zip/Postcode": zip_code,
                "SSN (background check)": (f.ssn() if rng.random() < 0.7 else f.ssn().replace("-", ""))
                if stage == "Hired" and not uk
                else "",
                "Offer Accepted?": ("Yes" if stage == "Hired" else rng.choice(["Pending", "No"]))
                if late
                else "",
                "EEO Gender": rng.choice(["Female", "Male", "Non-binary", "Decline to self-identify"]),
                "Profile URL": f"https://acme.ats-hire.com/candidates/{4_100_000 + i}",
            }
        )
    return pd.DataFrame.from_records(recs)


# ----------------------------------------------------------------------------- (e) Italian gym register
_IT_PLANS = [
    "Mensile Open",
    "Trimestrale",
    "Annuale Open",
    "Annuale Corsi",
    "Carnet 10 ingressi",
    "Under 18",
    "Over 65",
]
_IT_COURSES = ["Pilates", "Spinning", "Yoga", "Crossfit", "Nuoto", "Zumba", "Functional", "Sala pesi"]
_IT_NOTES = [
    "Certificato medico in scadenza",
    "Solo corsi serali",
    "Sospensione per infortunio",
    "Rinnovo con sconto 10%",
    "Richiede fattura",
    "Armadietto n. 42",
    "Convenzione aziendale",
]


def _it_phone(rng: random.Random) -> str | float:
    num = f"3{rng.randint(20, 93)}{rng.randint(0, 9999999):07d}"
    style = rng.random()
    if style < 0.35:
        return f"{num[:3]} {num[3:]}"
    if style < 0.6:
        return num
    if style < 0.8:
        return f"+39 {num[:3]} {num[3:6]} {num[6:]}"
    return f"+39{num}"


def _make_gym(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("it_IT", 5)
    instructors = [f.first_name() for _ in range(9)]
    recs = []
    for i in range(rows):
        female = rng.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name()
        minor = rng.random() < 0.12
        dob = _dob(rng, 8, 17) if minor else _dob(rng, 18, 80)
        iscr = _event(rng, datetime(2019, 1, 1), 2000).date()
        dob_s = dob.strftime("%d/%m/%Y") if rng.random() < 0.8 else dob.isoformat()
        cap = f.postcode()
        sepa = rng.random() < 0.3
        recs.append(
            {
                "Cod. Socio": f"S{i + 1:06d}",
                "N. Tessera": rng.randint(100000, 999999),
                "Cognome": last.upper() if rng.random() < 0.5 else last,
                "Nome": first,
                "Sesso": "F" if female else "M",
                "Data di nascita": dob_s,
                "Luogo di nascita": _blank(rng, f.city(), 0.2),
                "Codice Fiscale": _blank(rng, f.ssn(), 0.1),
                "Indirizzo": f.street_address(),
                "CAP": cap if rng.random() < 0.75 else str(int(cap)),
                "Comune": f.city(),
                "Prov.": f.state_abbr(),
                "Cellulare": _blank(rng, _it_phone(rng), 0.08),
                "E-mail": _blank(rng, f.free_email(), 0.15, ("", "nd")),
                "Tipo abbonamento": "Under 18" if minor else rng.choice(_IT_PLANS),
                "Corso": rng.choice(_IT_COURSES),
                "Istruttore": rng.choice(instructors),
                "Data iscrizione": iscr.strftime("%d/%m/%Y"),
                "Scad. certificato medico": (iscr + timedelta(days=rng.randint(200, 900))).strftime(
                    "%d/%m/%Y"
                ),
                "Quota €": f"{rng.choice([39, 45, 120, 330, 450, 60]):.2f}".replace(".", ","),
                "Pagato": rng.choice(["SI", "NO", "SI", "SI", "parziale"]),
                "IBAN addebito SEPA": f.iban() if sepa else "",
                "Genitore/Tutore": f"{f.first_name()} {last}" if minor else "",
                "Consenso privacy": rng.choice(["SI", "SI", "SI", "NO"]),
                "Note": _blank(rng, rng.choice(_IT_NOTES), 0.75),
                "Badge RFID": f"{rng.getrandbits(32):08X}",
            }
        )
    return pd.DataFrame.from_records(recs)


# ----------------------------------------------------------------------------- public API
def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table; most tables get ``rows`` rows, two get three quarters of that."""
    small = max(1, int(rows * 0.75))
    return {
        "pms_clients_fr": _make_pms(rows),
        "solicitudes_credito_mx": _make_loans(small),
        "przesylki_pl": _make_parcels(rows),
        "ats_candidates_en": _make_ats(small),
        "soci_palestra_it": _make_gym(rows),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for name, df in tables.items():
        path = out_dir / _FILES[name]
        if name == "pms_clients_fr":
            df.to_csv(path, sep=";", index=False, encoding="cp1252", lineterminator="\r\n")
        elif name == "soci_palestra_it":
            df.to_csv(path, sep=",", index=False, encoding="utf-8-sig")
        elif name == "solicitudes_credito_mx":
            df.to_parquet(path, index=False)
        elif name == "przesylki_pl":
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            df.to_excel(path, index=False, sheet_name="Candidates", engine="openpyxl")
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout5.py OUT_DIR [ROWS]")
    written = write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
    for table, p in written.items():
        print(f"{table}: {p}")
