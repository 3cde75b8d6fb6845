"""Blind held-out tables for the PII scanner (set heldout41).

Six synthetic exports from systems of different domains and languages, generated deterministically
(seed 41410) with Faker and hand-written code. Labels live in ``labels.yaml`` next to this file and
were written by hand before any scanner run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sys
import uuid
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 41410
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "uk_repairs_jobs",
    "musikschule_schueler",
    "cabinet_clients",
    "residencia_residentes",
    "kommune_sager",
    "dating_profiles",
)
FILES = {
    "uk_repairs_jobs": "uk_repairs_jobs.csv",
    "musikschule_schueler": "musikschule_schueler.csv",
    "cabinet_clients": "cabinet_clients.xlsx",
    "residencia_residentes": "residencia_residentes.parquet",
    "kommune_sager": "kommune_sager.jsonl",
    "dating_profiles": "dating_profiles.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _fk(locale: str, salt: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + salt)
    return f


def _blank(rng: random.Random, value, p: float, blanks=("", "n/a", None)):
    """Return value, or (with probability p) one of the blank spellings."""
    if rng.random() < p:
        return rng.choice(blanks)
    return value


def _dob(rng: random.Random, lo: int, hi: int) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 28).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _event(rng: random.Random, year_lo: int = 2019, year_hi: int = 2024) -> dt.datetime:
    d = _dob(rng, year_lo, year_hi)
    return dt.datetime(d.year, d.month, d.day, rng.randint(7, 19), rng.randint(0, 59), rng.randint(0, 59))


def _uk_repairs(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _fk("en_GB", 1)
    trades = ["Plumbing", "Electrical", "Carpentry", "Roofing", "Gas Servicing", "Damp & Mould", "Glazing", "Plastering"]
    prio = ["P1 - Emergency (24h)", "P2 - Urgent (5 days)", "P3 - Routine (28 days)", "P4 - Planned"]
    descs = [
        "Leak under kitchen sink, cupboard base swollen",
        "No hot water, boiler showing fault F28",
        "Bathroom extractor fan not working",
        "Front door lock stiff, tenant struggling to lock",
        "Black mould on bedroom 2 ceiling - treat and repaint",
        "Cracked pane to rear window\nboard up then reglaze",
        "Socket in living room sparking - make safe",
        "Guttering blocked, overflowing onto path",
        "Loose stair handrail",
    ]
    access = [
        "Key safe at rear, code held by office",
        "Dog on premises - call ahead",
        "Tenant works nights, am appointments only",
        "",
        "Parking permit required",
        "Interpreter needed (Polish)",
    ]
    operatives = [f.name() for _ in range(40)]
    rows = []
    for i in range(n):
        first, last = f.first_name(), f.last_name()
        tenant = f"{first} {last}" if rng.random() < 0.7 else f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Miss'])} {first[0]}. {last}"
        raised = _event(rng)
        dob = _dob(rng, 1938, 2003)
        email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'outlook.com'])}"
        reporter = tenant if rng.random() < 0.6 else f.name()
        op = rng.choice(operatives)
        rows.append(
            {
                "Job No": f"RJ{400000 + i * 7 + rng.randint(0, 6)}",
                "Raised Date": raised.strftime("%d/%m/%Y %H:%M"),
                "Tenancy Ref": f"TEN/{rng.randint(1, 9999):06d}",
                "Tenant Name": tenant,
                "Property Address": f.street_address().replace("\n", ", ") + ", " + f.city(),
                "Post Code": _blank(rng, f.postcode(), 0.03),
                "Contact Tel": _blank(rng, f.phone_number(), 0.08),
                "Alt. Contact Mobile": f.cellphone_number() if rng.random() < 0.35 else "",
                "Tenant Email": _blank(rng, email, 0.25),
                "NI No": f.ssn() if rng.random() < 0.3 else "",
                "Tenant DOB": _blank(rng, dob.strftime("%d/%m/%Y") if rng.random() < 0.8 else dob.isoformat(), 0.1),
                "Reported By": reporter,
                "Trade": rng.choice(trades),
                "Priority": rng.choice(prio),
                "SOR Code": f"{rng.choice(['PL', 'EL', 'CP', 'RF', 'GS'])}{rng.randint(100, 999)}{rng.choice(['A', 'B', ''])}",
                "Job Description": rng.choice(descs),
                "Access Notes": rng.choice(access),
                "Operative": op,
                "Logged By (user)": f"{op.split()[0][0].lower()}{op.split()[-1].lower()}.hsg",
                "Est. Cost (£)": round(rng.uniform(35, 2400), 2),
                "Vulnerable Occupant Y/N": rng.choice(["Y", "N", "N", "N", ""]),
                "Target Completion": (raised + dt.timedelta(days=rng.choice([1, 5, 28, 90]))).strftime("%d/%m/%Y"),
                "Completed?": rng.choice(["TRUE", "FALSE"]),
                "Patch": f"{rng.choice(['North', 'South', 'East', 'West', 'Central'])} {rng.randint(1, 6)}",
            }
        )
    return pd.DataFrame(rows)


def _steuer_id(rng: random.Random) -> str:
    digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))
    if rng.random() < 0.4:
        return f"{digits[:2]} {digits[2:5]} {digits[5:8]} {digits[8:]}"
    return digits


def _musikschule(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _fk("de_DE", 2)
    instruments = ["Klavier", "Violine", "Gitarre", "Querflöte", "Schlagzeug", "Cello", "Blockflöte", "Trompete", "Gesang"]
    arten = ["Einzel 30 Min.", "Einzel 45 Min.", "Partner 45 Min.", "Gruppe (3-5)", "MFE"]
    ensembles = ["Jugendorchester", "Big Band", "Gitarrenensemble", "Kinderchor", "-", "", "Kammermusik"]
    bemerk = [
        "Probestunde am Montag erfolgt",
        "Leihinstrument Nr. 14 ausgegeben",
        "Wechsel zu 45 Min. ab Sept.",
        "",
        "Geschwisterermäßigung beantragt",
        "Kündigung zum Halbjahr",
        "Vorspiel im Mai angemeldet",
    ]
    teachers = [f.name() for _ in range(30)]
    rows = []
    for i in range(n):
        last = f.last_name()
        child = f.first_name()
        parent = f"{f.first_name()} {last}" if rng.random() < 0.85 else f.name()
        plz = f.postcode()
        plz_out: object = float(int(plz)) if rng.random() < 0.3 else plz
        fee = rng.choice([38.5, 52.0, 61.0, 74.5, 29.0])
        owner = parent if rng.random() < 0.8 else f.name()
        rows.append(
            {
                "Schüler-Nr.": f"{rng.randint(10000, 99999)}",
                "Nachname Schüler": last,
                "Vorname Schüler": child,
                "Geb.-Datum": _dob(rng, 2005, 2020).strftime("%d.%m.%Y"),
                "Instrument": rng.choice(instruments),
                "Unterrichtsart": rng.choice(arten),
                "Lehrkraft": rng.choice(teachers),
                "Erziehungsberechtigte/r": parent,
                "Straße u. Hausnr.": f.street_address(),
                "PLZ": plz_out,
                "Ort": f.city(),
                "Tel. privat": _blank(rng, f.phone_number(), 0.3),
                "Handy Elternteil": _blank(rng, f"01{rng.choice(['51', '52', '60', '70', '76'])} {rng.randint(1000000, 99999999)}", 0.15),
                "E-Mail Eltern": _blank(rng, f.free_email(), 0.1),
                "IBAN (SEPA-Lastschrift)": _blank(rng, f.iban() if rng.random() < 0.5 else " ".join(f.iban()[j : j + 4] for j in range(0, 22, 4)), 0.05),
                "Kontoinhaber": owner,
                "Mandatsreferenz": f"MS-{rng.randint(2015, 2024)}-{i + 1:05d}",
                "Monatsgebühr EUR": f"{fee:.2f}".replace(".", ","),
                "Ermäßigung %": rng.choice([0, 0, 0, 10, 20, 50]),
                "Eintritt": _event(rng, 2016, 2024).strftime("%d.%m.%Y"),
                "Ensemble": rng.choice(ensembles),
                "Bemerkung": rng.choice(bemerk),
                "Steuer-ID Zahler": _steuer_id(rng) if rng.random() < 0.2 else "",
            }
        )
    return pd.DataFrame(rows)


def _cabinet(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _fk("fr_FR", 3)
    matieres = ["Droit de la famille", "Droit du travail", "Pénal", "Droit immobilier", "Successions", "Droit commercial"]
    juridictions = ["TJ", "CPH", "CA", "TC", "JAF", "Tribunal de proximité"]
    notes = [
        "Pièces reçues, attente conclusions adverses",
        "RDV fixé, provision réglée",
        "Audience renvoyée",
        "",
        "Médiation proposée\nrefus de la partie adverse",
        "Dossier clos - archivé",
    ]
    avocats = [f"Me {f.first_name()} {f.last_name()}" for _ in range(12)]
    rows = []
    for _ in range(n):
        last, first = f.last_name().upper(), f.first_name()
        dob = _dob(rng, 1940, 2004)
        cp = f.postcode()
        nir = f.ssn()
        if rng.random() < 0.4:
            nir = f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
        adverse = f.name() if rng.random() < 0.8 else ""
        rows.append(
            {
                "N° dossier": f"{rng.randint(2018, 2024)}/{rng.randint(1, 999):04d}",
                "Civilité": rng.choice(["M.", "Mme", "Mme", "M."]),
                "Client (Nom, Prénom)": f"{last}, {first}",
                "Date de naissance": dob.strftime("%d/%m/%Y"),
                "Lieu de naissance": _blank(rng, f.city() + (f" ({rng.randint(1, 95):02d})" if rng.random() < 0.5 else ""), 0.2),
                "Adresse": f.street_address(),
                "CP": int(cp) if rng.random() < 0.5 else cp,
                "Ville": f.city(),
                "Tél. portable": _blank(rng, f.phone_number(), 0.1),
                "Courriel": _blank(rng, f.email(), 0.15),
                "N° Sécurité sociale": nir if rng.random() < 0.6 else "",
                "Partie adverse": adverse,
                "Avocat responsable": rng.choice(avocats),
                "Matière": rng.choice(matieres),
                "Juridiction": rng.choice(juridictions),
                "Honoraires HT (€)": round(rng.uniform(500, 15000), 2),
                "Date d'ouverture": _event(rng).date(),
                "Aide juridictionnelle": rng.choice(["Oui", "Non", "Non"]),
                "RIB / IBAN": f.iban() if rng.random() < 0.4 else None,
                "Conflit d'intérêts vérifié": rng.choice([True, True, False]),
                "Notes": rng.choice(notes),
                "SIREN société": f"{rng.randint(100000000, 999999999)}" if rng.random() < 0.2 else None,
            }
        )
    df = pd.DataFrame(rows)
    df["CP"] = df["CP"].astype(str)
    return df


def _dni(rng: random.Random) -> str:
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.85:
        num = rng.randint(1000000, 99999999)
        s = f"{num:08d}{letters[num % 23]}"
        return s if rng.random() < 0.7 else f"{s[:8]}-{s[8]}"
    pre = rng.choice("XYZ")
    num = rng.randint(0, 9999999)
    return f"{pre}{num:07d}{letters[int(str('XYZ'.index(pre)) + f'{num:07d}') % 23]}"


_ES_TOWNS = (
    "Alcalá de Henares", "Getafe", "Móstoles", "Leganés", "Talavera de la Reina", "Ponferrada", "Vigo",
    "Gijón", "Avilés", "Jerez de la Frontera", "Algeciras", "Marbella", "Elche", "Torrevieja", "Sabadell",
    "Terrassa", "Reus", "Lorca", "Cartagena", "Mérida", "Plasencia", "Linares", "Úbeda", "Calatayud",
    "Tudela", "Irún", "Barakaldo", "Santiago de Compostela", "Ferrol", "Écija", "Aranda de Duero",
    "Zaragoza", "Salamanca", "Valladolid", "Burgos", "León", "Toledo", "Cuenca", "Albacete", "Alcoy",
)


def _residencia(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _fk("es_ES", 4)
    grados = ["Grado I", "Grado II", "Grado III", "Sin valorar"]
    parentesco = ["Hijo/a", "Sobrino/a", "Cónyuge", "Nieto/a", "Tutor legal"]
    dietas = ["Basal", "Diabética", "Triturada", "Hiposódica", "Sin gluten"]
    alergias = ["Ninguna conocida", "Penicilina", "AINEs", "Lactosa", "", "Marisco"]
    obs = [
        "Deambula con andador",
        "Requiere ayuda en aseo",
        "Buena adaptación al centro",
        "",
        "Caída leve en pasillo, sin lesiones\nse avisa a familia",
        "Participa en taller de memoria",
    ]
    medicos = [f"Dr/a. {f.first_name()} {f.last_name()}" for _ in range(25)]
    users = [f"{f.first_name()[0].lower()}{f.last_name().lower()}".replace(" ", "") for _ in range(15)]
    rows = []
    for i in range(n):
        nombre = f"{f.first_name()} {f.last_name()} {f.last_name()}"
        fam = f"{f.first_name()} {f.last_name()}"
        nss = f"{rng.randint(1, 52):02d}{rng.randint(0, 99999999):08d}{rng.randint(0, 99):02d}"
        if rng.random() < 0.5:
            nss = f"{nss[:2]}/{nss[2:10]}/{nss[10:]}"
        cp = f.postcode()
        rows.append(
            {
                "ID Residente": f"R{1000 + i}",
                "Nombre y apellidos": nombre,
                "DNI/NIE": _blank(rng, _dni(rng), 0.03),
                "Nº Seguridad Social": _blank(rng, nss, 0.05),
                "Fecha nac.": _dob(rng, 1920, 1955).strftime("%d/%m/%Y"),
                "Lugar de nacimiento": _blank(rng, rng.choice(_ES_TOWNS), 0.15),
                "Habitación": f"{rng.randint(1, 3)}{rng.randint(1, 40):02d}-{rng.choice('AB')}",
                "Grado dependencia": rng.choice(grados),
                "Fecha ingreso": _event(rng, 2012, 2024).strftime("%Y-%m-%d"),
                "Familiar de contacto": fam,
                "Parentesco": rng.choice(parentesco),
                "Teléfono familiar": _blank(rng, f.phone_number(), 0.05),
                "Email familiar": _blank(rng, f.free_email(), 0.3),
                "Domicilio familiar": f.street_address() + ", " + rng.choice(_ES_TOWNS),
                "C.P.": float(int(cp)) if rng.random() < 0.5 else None,
                "Médico de cabecera": rng.choice(medicos),
                "Cuenta domiciliación": _blank(rng, f.iban(), 0.1),
                "Cuota mensual €": round(rng.uniform(1400, 3200), 2),
                "Dieta": rng.choice(dietas),
                "Alergias": rng.choice(alergias),
                "Observaciones": rng.choice(obs),
                "Usuario registro": rng.choice(users),
            }
        )
    return pd.DataFrame(rows)


def _kommune(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _fk("da_DK", 5)
    typer = ["Boligstøtte", "Førtidspension", "Kontanthjælp", "Handicapparkering", "Hjemmehjælp", "Flyttesag", "Pas"]
    status = ["Oprettet", "Under behandling", "Afventer borger", "Afgjort", "Lukket"]
    afd = ["Borgerservice", "Jobcenter", "Ældre og Sundhed", "Familieafdelingen"]
    notat = [
        "Borger ringet op, mangler lønsedler",
        "Ansøgning modtaget via borger.dk",
        "Partshøring sendt",
        "",
        "Afgørelse sendt med Digital Post\nklagefrist 4 uger",
        "Møde afholdt på rådhuset",
    ]
    staff = [(f.name(), f"{rng.choice('abcdefghijklmnopqrstuvwxyz')}{rng.choice('abcdefghijklmnopqrstuvwxyz')}{rng.randint(1000, 9999)}") for _ in range(20)]
    rows = []
    for _ in range(n):
        dob = _dob(rng, 1935, 2005)
        cpr = f"{dob:%d%m%y}{rng.randint(0, 9999):04d}"
        if rng.random() < 0.7:
            cpr = f"{cpr[:6]}-{cpr[6:]}"
        sb, uid = rng.choice(staff)
        created = _event(rng, 2021, 2024)
        rows.append(
            {
                "sagsnr": f"{rng.choice(['27.12.08', '32.24.04', '05.01.10'])}-P{rng.randint(19, 24)}-{rng.randint(1, 9999)}-{created:%y}",
                "oprettet": created.isoformat(),
                "CPR-nr.": cpr,
                "Borgers navn": f.name(),
                "Fødselsdato": dob.strftime("%d-%m-%Y"),
                "Adresse": f.street_address(),
                "Postnr.": int(f.postcode()),
                "By": f.city(),
                "Telefon": _blank(rng, f.phone_number(), 0.2, blanks=(None,)),
                "E-mail": _blank(rng, f.free_email(), 0.4, blanks=(None,)),
                "Sagsbehandler": sb,
                "BrugerID sagsbehandler": uid,
                "Sagstype": rng.choice(typer),
                "Status": rng.choice(status),
                "Frist": (created + dt.timedelta(days=rng.randint(7, 60))).date().isoformat(),
                "Ydelse kr.": round(rng.uniform(0, 25000), 2) if rng.random() < 0.6 else None,
                "Udbetalingskonto (reg.nr./kontonr.)": f"{rng.randint(1000, 9999)}-{rng.randint(0, 9999999999):010d}" if rng.random() < 0.5 else None,
                "Journalnotat": rng.choice(notat),
                "Digital Post": rng.choice([True, True, True, False]),
                "Afdeling": rng.choice(afd),
                "Bisidder": f.name() if rng.random() < 0.15 else None,
            }
        )
    return pd.DataFrame(rows)


def _dating(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _fk("en_US", 6)
    g = _fk("en_GB", 7)
    bios = [
        "Coffee snob, dog person, weekend hiker.",
        "Looking for someone to try every taco place with",
        "Software by day, climbing by night",
        "",
        "Not here for pen pals :)",
        "Ask me about my sourdough starter\nalso: terrible at karaoke",
        "Travel > things",
    ]
    tiers = ["free", "plus", "gold", "platinum"]
    uas = [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile",
        "okhttp/4.12.0",
        "DatingApp/6.3.1 (iOS 16.7)",
    ]
    rows = []
    for i in range(n):
        fk = f if rng.random() < 0.7 else g
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1970, 2005)
        tier = rng.choice(tiers)
        paying = tier != "free"
        card = fk.credit_card_number() if paying and rng.random() < 0.6 else ""
        last4 = f"**** {card[-4:]}" if card else (f"**** {rng.randint(0, 9999):04d}" if paying else "")
        handle = f"@{first.lower()}{rng.choice(['_', '.', ''])}{rng.choice([last.lower(), str(rng.randint(1, 999))])}"
        display = first if rng.random() < 0.6 else f"{first} {last[0]}."
        rows.append(
            {
                "user_id": 7000000 + i * 13 + rng.randint(0, 12),
                "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "username": fk.user_name() + (str(rng.randint(1, 99)) if rng.random() < 0.4 else ""),
                "display_name": display,
                "email": fk.email(),
                "phone_verified_number": _blank(rng, fk.phone_number(), 0.2, blanks=("",)),
                "dob": dob.isoformat(),
                "age": 2024 - dob.year,
                "gender": rng.choice(["M", "F", "NB", "F", "M"]),
                "seeking": rng.choice(["M", "F", "ANY"]),
                "city": fk.city(),
                "last_login_ip": fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6(),
                "signup_ip": fk.ipv4_public(),
                "bio": rng.choice(bios),
                "height_cm": rng.choice([None, float(rng.randint(150, 200))]),
                "subscription_tier": tier,
                "card_number": card,
                "card_last4": last4,
                "instagram_handle": handle if rng.random() < 0.3 else "",
                "match_count": rng.randint(0, 900),
                "is_verified": rng.choice(["true", "false"]),
                "app_version": f"6.{rng.randint(0, 4)}.{rng.randint(0, 12)}",
                "device_ua": rng.choice(uas),
                "photo_sha1": hashlib.sha1(f"{SEED}-{i}".encode()).hexdigest(),
                "created_at": _event(rng, 2018, 2024).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        )
    return pd.DataFrame(rows)


_MAKERS = {
    "uk_repairs_jobs": (_uk_repairs, 1.0),
    "musikschule_schueler": (_musikschule, 0.6),
    "cabinet_clients": (_cabinet, 0.75),
    "residencia_residentes": (_residencia, 0.55),
    "kommune_sager": (_kommune, 1.0),
    "dating_profiles": (_dating, 0.9),
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; ``rows`` is the size of the largest, the others are fixed fractions of it."""
    return {t: _MAKERS[t][0](max(1, int(rows * _MAKERS[t][1]))) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        p = out_dir / FILES[name]
        if name == "uk_repairs_jobs":
            df.to_csv(p, index=False, encoding="cp1252")
        elif name == "musikschule_schueler":
            df.to_csv(p, index=False, sep=";", encoding="utf-8-sig")
        elif name == "cabinet_clients":
            df.to_excel(p, index=False, sheet_name="Clients", engine="openpyxl")
        elif name == "residencia_residentes":
            df.to_parquet(p, index=False)
        elif name == "kommune_sager":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        else:
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        paths[name] = p
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for t, p in write_all(target).items():
        print(t, p)
