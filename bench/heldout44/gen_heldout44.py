"""Blind held-out set heldout44: six synthetic exports from European and US systems.

Tables: an Irish GAA club members list (CSV, BOM), a Swiss French commune residents
register (xlsx), a Spanish freelancer invoice book (CSV, ';', cp1252), a Norwegian arts
school pupil list (Parquet), a Flemish health-insurance fund members export (JSON Lines)
and a ride-sharing driver onboarding export (TSV). Seeded and deterministic; no network.
Labels live in labels.yaml next to this file and were written by hand before any scanner run.
"""

from __future__ import annotations

import hashlib
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 44440
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "gaa_club_members",
    "commune_habitants",
    "autonomos_facturas",
    "kulturskole_elever",
    "ziekenfonds_leden",
    "driver_onboarding",
)

FILES: dict[str, str] = {
    "gaa_club_members": "gaa_club_members.csv",
    "commune_habitants": "commune_habitants.xlsx",
    "autonomos_facturas": "autonomos_facturas.csv",
    "kulturskole_elever": "kulturskole_elever.parquet",
    "ziekenfonds_leden": "ziekenfonds_leden.jsonl",
    "driver_onboarding": "driver_onboarding.tsv",
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


def _dob(rng: random.Random, lo: int, hi: int) -> date:
    """A birth date for someone aged lo..hi years in 2025."""
    start = date(2025 - hi, 1, 1)
    span = (date(2025 - lo, 12, 31) - start).days
    return start + timedelta(days=rng.randrange(span))


def _sparse(rng: random.Random, value, p_blank: float, blanks=("",)):
    return rng.choice(blanks) if rng.random() < p_blank else value


def _ie_mobile(rng: random.Random) -> str:
    pre = rng.choice(["083", "085", "086", "087", "089"])
    n = f"{rng.randrange(10**7):07d}"
    style = rng.random()
    if style < 0.4:
        return f"{pre} {n[:3]} {n[3:]}"
    if style < 0.7:
        return f"+353 {pre[1:]} {n[:3]} {n[3:]}"
    if style < 0.9:
        return pre + n
    return f"({pre}) {n}"


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    a = _ascii(first) or "x"
    b = _ascii(last) or "y"
    pat = rng.random()
    if pat < 0.35:
        local = f"{a}.{b}"
    elif pat < 0.6:
        local = f"{a[0]}{b}"
    elif pat < 0.8:
        local = f"{a}{b}{rng.randrange(1, 99)}"
    else:
        local = f"{b}.{a[0]}{rng.randrange(60, 99)}"
    addr = f"{local}@{rng.choice(domains)}"
    return addr.upper() if rng.random() < 0.03 else addr


def _ascii(s: str) -> str:
    table = str.maketrans("áàâäãåéèêëíìîïóòôöõøúùûüñçæ", "aaaaaaeeeeiiiiooooouuuuncae")
    return "".join(c for c in s.lower().translate(table) if c.isalnum())


# ---------------------------------------------------------------- (a) Irish GAA club
def _gaa(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_IE", 1)
    towns = ["Ballinasloe", "Loughrea", "Tuam", "Athenry", "Gort", "Portumna", "Oranmore", "Clifden",
             "Headford", "Mountbellew", "Ennis", "Nenagh", "Thurles", "Birr"]
    counties = ["Galway", "Co. Galway", "Clare", "Tipperary", "Offaly", "GALWAY"]
    streets = ["Main Street", "Church Road", "Bridge St.", "Dublin Road", "Castle Park", "Ard Caoin",
               "Cois Abhann", "Bóthar na Trá", "Fairgreen", "Sean Mulvoy Rd", "Clonmore Heights"]
    teams = ["U8 Go Games", "U10 Hurling", "U12 Football", "U14 Hurling", "Minor Hurling",
             "Senior Hurling", "Junior B Football", "Camogie U16", "Ladies Senior", "Masters"]
    notes = ["", "", "", "Transferred from neighbouring club", "Needs new helmet size M",
             "Fee waived - committee", "Bag packing volunteer", "Lotto seller",
             "Paid by bank transfer\nreceipt emailed", "Injured (hamstring) - back in Aug"]
    out = []
    for _i in range(rows):
        dob = _dob(rng, 5, 70)
        juvenile = dob.year >= 2007
        first = f.first_name()
        last = rng.choice([f.last_name(), "O'" + f.last_name(), "Mac " + f.last_name(), f.last_name()])
        parent = f"{f.first_name()} {last}" if juvenile else ""
        addr = f"{rng.randrange(1, 120)} {rng.choice(streets)}" if rng.random() < 0.7 else \
            f"{rng.choice(['Cloonkeen', 'Knockbrack', 'Gortnahorna', 'Lisheenkyle'])}"
        paid = date(2025, 1, 1) + timedelta(days=rng.randrange(200))
        out.append({
            "Membership No.": f"{rng.choice(['GA', 'CL'])}-{rng.randrange(2000, 99999):06d}",
            "First Name": first,
            "Surname": last,
            "DOB": dob.strftime(rng.choice(["%d/%m/%Y", "%d/%m/%Y", "%d-%m-%y"])),
            "Address Line 1": addr,
            "Town": rng.choice(towns),
            "County": rng.choice(counties),
            "Eircode": _sparse(rng, f.postcode() if rng.random() < 0.5 else f.postcode().replace(" ", ""),
                               0.2, ("", "n/a", "")),
            "Mobile": _sparse(rng, _ie_mobile(rng), 0.1),
            "Email": _sparse(rng, _email(rng, first, last, ["gmail.com", "eircom.net", "hotmail.com", "yahoo.ie"]), 0.15),
            "Parent/Guardian": parent,
            "Parent Mobile": _ie_mobile(rng) if juvenile and rng.random() < 0.9 else "",
            "Foireann Username": _sparse(rng, f"{_ascii(first)}{_ascii(last)[:4]}{rng.randrange(10, 999)}", 0.3),
            "Membership Type": "Juvenile" if juvenile else rng.choice(["Adult Player", "Social", "Family", "Student", "OAP"]),
            "Fee Paid (€)": rng.choice([20, 40, 60, 100, 120, 150]) if rng.random() < 0.9 else "",
            "Date Paid": paid.strftime("%d/%m/%Y"),
            "Garda Vetted": rng.choice(["Y", "N", "", "Yes", "N/A"]),
            "Team(s)": ", ".join(sorted(set(rng.sample(teams, rng.randrange(1, 3))))),
            "Notes": rng.choice(notes),
            "Registered On": (datetime(2024, 11, 1) + timedelta(minutes=rng.randrange(400000))).strftime("%Y-%m-%d %H:%M"),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (b) Swiss commune
def _commune(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("fr_CH", 2)
    fde = _faker("de_CH", 22)
    origins = ["Vevey", "Lutry", "Moudon", "Bulle", "Sion", "Neuchâtel", "Yverdon-les-Bains", "Payerne",
               "Lausanne", "Château-d'Oex", "Bern", "Fribourg", "Delémont", "Montreux"]
    birthplaces = origins + ["Porto (Portugal)", "Lyon", "Pristina", "Milano", "Annecy", "Genève", "Tirana"]
    nats = ["Suisse", "Suisse", "Suisse", "Portugal", "France", "Italie", "Kosovo", "Espagne", "Erythrée"]
    etat = ["célibataire", "marié(e)", "divorcé(e)", "veuf/veuve", "partenariat enregistré"]
    rues = ["Rue du Village", "Chemin des Vignes", "Route de Lausanne", "Avenue de la Gare",
            "Ch. du Crêt", "Rue de l'Eglise", "Impasse des Tilleuls", "Route Cantonale"]
    remarques = ["", "", "", "Départ annoncé pour fin du mois", "Courrier retourné - adresse à vérifier",
                 "Attestation de domicile délivrée", "Chien enregistré (taxe payée)", "Séjour hebdomadaire"]
    out = []
    for i in range(rows):
        swiss = rng.random() < 0.65
        fk = f if rng.random() < 0.8 else fde
        first = fk.first_name()
        last = fk.last_name()
        married = rng.random() < 0.35
        dob = _dob(rng, 0, 95)
        nat = "Suisse" if swiss else rng.choice(nats[3:])
        arrive = date(1995, 1, 1) + timedelta(days=rng.randrange(11000))
        out.append({
            "N° personne": 100000 + i * 7 + rng.randrange(7),
            "Nom": last.upper() if rng.random() < 0.4 else last,
            "Prénom(s)": first if rng.random() < 0.75 else f"{first} {fk.first_name()}",
            "Nom de célibataire": fk.last_name() if married else "",
            "Date de naissance": dob.strftime("%d.%m.%Y") if rng.random() < 0.8 else pd.Timestamp(dob),
            "Lieu d'origine": rng.choice(origins) if swiss else "",
            "Lieu de naissance": _sparse(rng, rng.choice(birthplaces), 0.25),
            "Nationalité": nat,
            "Etat civil": rng.choice(etat),
            "Adresse": f"{rng.choice(rues)} {rng.randrange(1, 60)}{rng.choice(['', '', 'a', 'bis'])}",
            "NPA": int(f.postcode()) if rng.random() < 0.9 else "",
            "Localité": rng.choice(["Corsier-sur-Vevey", "Chardonne", "Jongny", "Corseaux", "Saint-Légier"]),
            "No AVS": _sparse(rng, f.ssn() if rng.random() < 0.85 else f.ssn().replace(".", ""), 0.1),
            "Tél. privé": _sparse(rng, f.phone_number(), 0.35),
            "E-mail": _sparse(rng, _email(rng, first, last, ["bluewin.ch", "gmail.com", "sunrise.ch", "hispeed.ch"]), 0.5),
            "Permis": "" if swiss else rng.choice(["B", "C", "L", "G", "F"]),
            "Date d'arrivée": arrive.strftime("%d.%m.%Y"),
            "N° ménage": rng.randrange(1, 4000),
            "EGID": rng.randrange(190000000, 191000000),
            "EWID": rng.choice([1, 1, 2, 3, 11, 12, 101]),
            "Remarques": rng.choice(remarques),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (c) Spanish autonomos
def _nuss(rng: random.Random) -> str:
    prov = rng.randrange(1, 53)
    num = rng.randrange(10**7, 10**8)
    dc = (prov * 10**8 + num) % 97
    return rng.choice([f"{prov:02d}/{num}/{dc:02d}", f"{prov:02d}{num}{dc:02d}", f"{prov:02d} {num} {dc:02d}"])


def _cif(rng: random.Random) -> str:
    return rng.choice("ABGB") + f"{rng.randrange(10**6, 10**7)}" + rng.choice("0123456789")


def _facturas(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("es_ES", 3)
    n_auto = 90
    autos = []
    for _k in range(n_auto):
        first = f.first_name()
        last = f"{f.last_name()} {f.last_name()}"
        autos.append({
            "nif": f.nif() if rng.random() < 0.85 else f.nie(),
            "name": f"{first} {last}",
            "first": first, "last": last,
            "brand": rng.choice(["", "", f"Estudio {f.last_name()}", f"{f.word().capitalize()} Diseño",
                                 "Reformas Integrales", "Fisio&Salud", "Traducciones Lumen"]),
            "addr": f.street_address(),
            "cp": f.postcode(),
            "city": f.city(),
            "prov": f.state(),
            "tel": f.phone_number(),
            "iban": f.iban(),
            "nuss": _nuss(rng),
            "iae": rng.choice(["721", "751", "774", "843.9", "899", "505.2", "944"]),
        })
    clients = [f.company() for _ in range(60)]
    concepts = ["Servicios de diseño gráfico - mes de marzo", "Traducción de documentos técnicos",
                "Sesiones de fisioterapia (10)", "Reparación de fontanería en local",
                "Consultoría informática\nhoras según parte adjunto", "Clases particulares de inglés",
                "Reportaje fotográfico evento", "Mantenimiento web anual"]
    out = []
    for i in range(rows):
        a = autos[rng.randrange(n_auto)]
        d = date(2024, 1, 1) + timedelta(days=rng.randrange(540))
        base = round(rng.uniform(40, 4500), 2)
        iva = rng.choice([21, 21, 21, 10, 0])
        irpf = rng.choice([15, 15, 7, 0])
        total = base * (1 + iva / 100 - irpf / 100)
        eur = lambda x: f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")  # noqa: E731
        out.append({
            "Nº Factura": f"{d.year}/{i + 1:04d}" if rng.random() < 0.6 else f"F{d.year % 100}-{rng.randrange(1, 900):03d}",
            "Fecha expedición": d.strftime("%d/%m/%Y"),
            "Fecha vto.": (d + timedelta(days=rng.choice([0, 15, 30, 60]))).strftime("%d/%m/%Y"),
            "NIF/NIE emisor": a["nif"],
            "Nombre y apellidos": a["name"] if rng.random() < 0.8 else f"{a['last'].upper()}, {a['first']}",
            "Nombre comercial": a["brand"],
            "Nº afiliación SS": _sparse(rng, a["nuss"], 0.3),
            "Domicilio fiscal": a["addr"],
            "C.P.": a["cp"] if rng.random() < 0.85 else int(a["cp"]),
            "Municipio": a["city"],
            "Provincia": a["prov"],
            "Teléfono": _sparse(rng, a["tel"], 0.2),
            "e-mail": _sparse(rng, _email(rng, a["first"], a["last"].split()[0], ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"]), 0.25),
            "Cliente": rng.choice(clients),
            "CIF cliente": _cif(rng),
            "Base imponible": eur(base),
            "% IVA": iva,
            "Cuota IVA": eur(base * iva / 100),
            "Ret. IRPF": eur(base * irpf / 100),
            "Total factura": eur(total),
            "Forma de pago": rng.choice(["Transferencia", "Bizum", "Domiciliación", "Efectivo"]),
            "IBAN cobro": a["iban"] if rng.random() < 0.7 else " ".join(a["iban"][j:j + 4] for j in range(0, len(a["iban"]), 4)),
            "Concepto": rng.choice(concepts),
            "Epígrafe IAE": a["iae"],
            "Cobrada": rng.choice(["Sí", "No", "Parcial"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (d) Norwegian kulturskole
def _kulturskole(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("no_NO", 4)
    fags = ["Piano", "Fiolin", "Gitar", "Trommer", "Sang", "Visuell kunst", "Dans - hiphop", "Teater",
            "Kulturskoletimen", "Korps (messing)"]
    teachers = [f"{f.first_name()} {f.last_name()}" for _ in range(35)]
    schools = ["Nordby skole", "Sjøskogen skole", "Kirkeby skole", "Vestby ungdomsskole", "Hølen skole"]
    merk = ["", "", "", "Ønsker lærerbytte", "Venteliste fra høst", "Fritak avgift (NAV)",
            "Søsken på samme tid", "Allergi: nøtter\nhar med egen mat"]
    out = []
    for _i in range(rows):
        dob = _dob(rng, 5, 19)
        last = f.last_name()
        first = f.first_name()
        p1 = f"{f.first_name()} {last if rng.random() < 0.7 else f.last_name()}"
        two = rng.random() < 0.6
        p2 = f"{f.first_name()} {f.last_name()}" if two else ""
        mob = lambda: rng.choice(["4", "9"]) + f"{rng.randrange(10**7):07d}"  # noqa: E731
        fmt = lambda m: rng.choice([m, f"{m[:3]} {m[3:5]} {m[5:]}", f"+47 {m}", f"+47{m}"])  # noqa: E731
        pc = f.postcode()
        acct = f.bban()
        out.append({
            "Elevnr": f"{rng.randrange(1, 99999):05d}",
            "Fornavn": first,
            "Etternavn": last,
            "Fødselsdato": pd.Timestamp(dob),
            "Fødselsnr": _sparse(rng, f.ssn(dob=dob.strftime("%Y%m%d")), 0.6, (None,)),
            "Adresse": f.street_address(),
            "Postnr": int(pc),
            "Poststed": f.city(),
            "Foresatt1 navn": p1,
            "Foresatt1 mobil": fmt(mob()),
            "Foresatt1 e-post": _email(rng, p1.split()[0], p1.split()[-1], ["gmail.com", "online.no", "hotmail.com", "live.no"]),
            "Foresatt2 navn": p2,
            "Foresatt2 mobil": fmt(mob()) if two and rng.random() < 0.85 else None,
            "Fag/tilbud": rng.choice(fags),
            "Lærer": rng.choice(teachers),
            "Skole/trinn": f"{rng.choice(schools)} {rng.randrange(1, 11)}. trinn",
            "Semesteravgift (kr)": float(rng.choice([1850, 2100, 2450, 975, 0])),
            "Søskenmoderasjon": rng.random() < 0.2,
            "Kontonr. fakturamottaker": _sparse(rng, f"{acct[:4]}.{acct[4:6]}.{acct[6:]}" if rng.random() < 0.6 else acct, 0.5, (None,)),
            "Innmeldt": pd.Timestamp(date(2019, 8, 1) + timedelta(days=rng.randrange(2200))),
            "Bildesamtykke": rng.choice(["Ja", "Nei", "Ja", None]),
            "Merknad": rng.choice(merk),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (e) Flemish ziekenfonds
def _rrn(rng: random.Random, dob: date) -> str:
    serial = rng.randrange(1, 998)
    base = int(f"{dob:%y%m%d}{serial:03d}")
    check = 97 - ((2_000_000_000 + base) % 97 if dob.year >= 2000 else base % 97)
    raw = f"{dob:%y%m%d}{serial:03d}{check:02d}"
    style = rng.random()
    if style < 0.5:
        return f"{raw[:2]}.{raw[2:4]}.{raw[4:6]}-{raw[6:9]}.{raw[9:]}"
    if style < 0.8:
        return raw
    return f"{raw[:6]} {raw[6:9]} {raw[9:]}"


def _ziekenfonds(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("nl_BE", 5)
    gps = [f"Dr. {f.last_name()}" for _ in range(25)] + [f"{f.first_name()} {f.last_name()}" for _ in range(15)]
    opm = ["", "", "", "Attest GMD ontvangen", "Adreswijziging via Mijn Ziekenfonds",
           "Terugbetaling bril aangevraagd", "Bijdrage aanvullende verzekering achterstallig",
           "Hospitalisatie 2024 - dossier afgesloten"]
    out = []
    holder_rrn: str | None = None
    holder_last = ""
    for _i in range(rows):
        dependent = holder_rrn is not None and rng.random() < 0.3
        dob = _dob(rng, 0, 25) if dependent else _dob(rng, 18, 95)
        last = holder_last if dependent and rng.random() < 0.7 else f.last_name()
        first = f.first_name()
        rrn = _rrn(rng, dob)
        row = {
            "lidnummer": f"{rng.randrange(10**9, 10**10)}",
            "rijksregisternummer": rrn,
            "naam": last,
            "voornaam": first,
            "geboortedatum": dob.isoformat(),
            "geslacht": rng.choice(["M", "V", "X"]),
            "straat_nr": f.street_address(),
            "postcode": f.postcode(),
            "gemeente": f.city(),
            "telefoon": _sparse(rng, f.phone_number(), 0.6, (None,)),
            "gsm": _sparse(rng, rng.choice(["04", "+32 4", "0032 4"]) + f"{rng.randrange(70, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}", 0.2, (None,)),
            "e-mailadres": _sparse(rng, _email(rng, first, last, ["telenet.be", "skynet.be", "gmail.com", "proximus.be"]), 0.3, (None,)),
            "rekeningnummer": None if dependent else _sparse(rng, f.iban(), 0.1, (None,)),
            "hoedanigheid": "PTL" if dependent else "titularis",
            "rijksregisternr_titularis": holder_rrn if dependent else None,
            "CG1_CG2": rng.choice(["110/110", "130/130", "111/111", "121/121", "140/140", "170/170"]),
            "verhoogde_tegemoetkoming": rng.random() < 0.18,
            "aansluitingsdatum": (date(1990, 1, 1) + timedelta(days=rng.randrange(12000))).isoformat(),
            "huisarts": _sparse(rng, rng.choice(gps), 0.3, (None,)),
            "mijnziekenfonds_login": _sparse(rng, f"{_ascii(first)[:6]}{_ascii(last)[:3]}{rng.randrange(1, 99)}", 0.45, (None,)),
            "laatste_login": _sparse(rng, (datetime(2024, 1, 1) + timedelta(seconds=rng.randrange(40_000_000))).isoformat(), 0.45, (None,)),
            "hospitalisatieverzekering": rng.choice(["Hospitaal Plus", "Hospitaal Continu", "geen", "Hospi Comfort"]),
            "opmerking": rng.choice(opm),
        }
        out.append(row)
        if not dependent:
            holder_rrn, holder_last = rrn, last
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (f) ride-sharing onboarding
def _drivers(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _faker("en_US", 6)
    makes = ["Toyota Camry", "Honda Civic", "Toyota Prius", "Hyundai Elantra", "Nissan Altima",
             "Tesla Model 3", "Kia Niro", "Chevrolet Malibu", "Ford Fusion Hybrid"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 21, 70)
        city, state, zipc = f.city(), f.state_abbr(), f.zipcode()
        street = f.street_address()
        ssn = f.ssn()
        card = f.credit_card_number(card_type=rng.choice(["visa16", "mastercard"]))
        started = datetime(2025, 2, 1) + timedelta(seconds=rng.randrange(15_000_000))
        status = rng.choice(["clear", "clear", "clear", "consider", "pending", "suspended"])
        out.append({
            "driver_uuid": str(f.uuid4()),
            "Application ID": f"APP-{rng.randrange(10**6, 10**7)}",
            "First Name": first,
            "Last Name": last,
            "Date of Birth": dob.strftime(rng.choice(["%m/%d/%Y", "%Y-%m-%d"])),
            "SSN": ssn if rng.random() < 0.7 else ssn.replace("-", ""),
            "Mobile Phone": f.phone_number(),
            "Email": _email(rng, first, last, ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"]),
            "Home Address": f"{street}, {city}, {state} {zipc}",
            "City": city,
            "State": state,
            "ZIP": int(zipc) if rng.random() < 0.5 else zipc,
            "Vehicle": rng.choice(makes),
            "Vehicle Year": rng.randrange(2012, 2025),
            "VIN": "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)),
            "Background Check": status,
            "Checkr Report ID": hashlib.sha1(f"{SEED}-{i}".encode()).hexdigest()[:24],
            "Instant Pay Debit Card": _sparse(rng, card if rng.random() < 0.6 else " ".join(card[j:j + 4] for j in range(0, len(card), 4)), 0.4),
            "Bank Routing #": f"{rng.choice(['0', '1', '2', '3'])}{rng.randrange(10**7, 10**8)}",
            "Bank Account #": str(rng.randrange(10**7, 10**12)),
            "Emergency Contact Name": _sparse(rng, f"{f.first_name()} {rng.choice([last, f.last_name()])}", 0.25),
            "Emergency Contact Phone": _sparse(rng, f.phone_number(), 0.25),
            "Referred By": _sparse(rng, f.user_name(), 0.7),
            "Signup IP": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
            "App Version": f"{rng.randrange(4, 6)}.{rng.randrange(0, 40)}.{rng.randrange(0, 10)}",
            "Device OS": rng.choice(["iOS 17.4", "iOS 18.1", "Android 14", "Android 13", "Android 15"]),
            "Docs Uploaded": rng.randrange(0, 6),
            "Onboarded At (UTC)": started.strftime("%Y-%m-%dT%H:%M:%SZ") if status == "clear" else "",
            "Acceptance Rate %": round(rng.uniform(40, 100), 1),
        })
    return pd.DataFrame(out)


_ROW_CAPS = {
    "gaa_club_members": 1500,
    "commune_habitants": 1200,
    "autonomos_facturas": 1800,
    "kulturskole_elever": 1400,
    "ziekenfonds_leden": 1600,
    "driver_onboarding": 1300,
}

_BUILDERS = {
    "gaa_club_members": _gaa,
    "commune_habitants": _commune,
    "autonomos_facturas": _facturas,
    "kulturskole_elever": _kulturskole,
    "ziekenfonds_leden": _ziekenfonds,
    "driver_onboarding": _drivers,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; each gets min(rows, its own size) rows (1,200-1,800 at the default)."""
    return {t: _BUILDERS[t](min(rows, _ROW_CAPS[t])) for t in TABLES}


def _write(name: str, df: pd.DataFrame, path: Path) -> None:
    if name == "gaa_club_members":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif name == "commune_habitants":
        df.to_excel(path, index=False, sheet_name="Habitants", engine="openpyxl")
    elif name == "autonomos_facturas":
        df.to_csv(path, index=False, sep=";", encoding="cp1252", errors="replace")
    elif name == "kulturskole_elever":
        df.to_parquet(path, index=False)
    elif name == "ziekenfonds_leden":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        df.to_csv(path, index=False, sep="\t", encoding="utf-8")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created if missing); return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        path = out_dir / FILES[name]
        _write(name, df, path)
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout44.py OUT_DIR")
    for t, p in write_all(Path(sys.argv[1])).items():
        print(t, p)
