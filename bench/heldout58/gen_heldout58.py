"""Blind held-out tables for the PII scanner accuracy bench (set 58).

Six synthetic exports: an Irish hospital outpatients list, a Belgian mutualité
members table, a Spanish letting agency tenants table, a Norwegian sports club
members table, a Finnish library borrowers table and a ride-hailing trips export.
Seeded and deterministic; values come from Faker and local helper code, no network.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 58580
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "ie_outpatients",
    "be_mutualite_affilies",
    "es_inquilinos",
    "no_idrettslag_medlemmer",
    "fi_kirjasto_asiakkaat",
    "ride_trips",
)
FILES = {
    "ie_outpatients": "ie_outpatients.csv",
    "be_mutualite_affilies": "be_mutualite_affilies.xlsx",
    "es_inquilinos": "es_inquilinos.csv",
    "no_idrettslag_medlemmer": "no_idrettslag_medlemmer.parquet",
    "fi_kirjasto_asiakkaat": "fi_kirjasto_asiakkaat.jsonl",
    "ride_trips": "ride_trips.tsv",
}

IE_TOWNS = ["Athlone", "Tullamore", "Mullingar", "Portlaoise", "Birr", "Longford", "Navan",
            "Kells", "Tralee", "Ennis", "Nenagh", "Thurles", "Carlow", "Kilkenny", "Naas",
            "Dundalk", "Drogheda", "Sligo", "Castlebar", "Ballina", "Letterkenny", "Cavan"]
IE_COUNTIES = ["Co. Westmeath", "Co. Offaly", "Co. Laois", "Co. Meath", "Co. Kerry", "Co. Clare",
               "Co. Tipperary", "Co. Kildare", "Co. Louth", "Co. Mayo", "Co. Donegal", "Co. Cavan"]
BE_TOWNS = [("4000", "Liège"), ("5000", "Namur"), ("6000", "Charleroi"), ("7000", "Mons"),
            ("1300", "Wavre"), ("1400", "Nivelles"), ("4800", "Verviers"), ("6700", "Arlon"),
            ("7500", "Tournai"), ("1348", "Louvain-la-Neuve"), ("4500", "Huy"), ("5500", "Dinant"),
            ("1070", "Anderlecht"), ("1180", "Uccle"), ("6900", "Marche-en-Famenne")]
BE_STREET = ["Rue de la Station", "Rue du Moulin", "Avenue des Tilleuls", "Chaussée de Bruxelles",
             "Rue Saint-Laurent", "Place du Marché", "Rue des Écoles", "Avenue Reine Astrid",
             "Rue de l'Église", "Clos des Aubépines", "Boulevard d'Avroy", "Rue Haute"]
NO_PLACES = [("0563", "Oslo"), ("5003", "Bergen"), ("7010", "Trondheim"), ("4006", "Stavanger"),
             ("9008", "Tromsø"), ("3015", "Drammen"), ("1606", "Fredrikstad"), ("2317", "Hamar"),
             ("0470", "Oslo"), ("3210", "Sandefjord"), ("8006", "Bodø"), ("6002", "Ålesund")]
FI_PLACES = [("00100", "Helsinki"), ("02100", "Espoo"), ("33100", "Tampere"), ("20100", "Turku"),
             ("90100", "Oulu"), ("40100", "Jyväskylä"), ("15110", "Lahti"), ("70100", "Kuopio"),
             ("01300", "Vantaa"), ("65100", "Vaasa"), ("80100", "Joensuu"), ("53100", "Lappeenranta")]
ES_PROV = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Alicante", "Vizcaya",
           "Zaragoza", "Murcia", "Asturias", "Cantabria", "Navarra"]


def _blank(rng: random.Random, value, p: float, blanks=("", "", "n/a", None)):
    """Return value, or a blank-like marker with probability p."""
    return rng.choice(blanks) if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2006) -> date:
    return date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def _ppsn(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(7)]
    suffix = rng.choice(["", "", "", "A", "W"])
    total = sum(d * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    total += 9 * (1 if suffix == "A" else 0)
    letter = "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]
    return "".join(map(str, digits)) + letter + suffix


def _niss(rng: random.Random, born: date) -> str:
    seq = rng.randint(1, 997)
    base = int(f"{born:%y%m%d}{seq:03d}")
    if born.year >= 2000:
        base += 2_000_000_000
    check = 97 - base % 97
    return f"{born:%y.%m.%d}-{seq:03d}.{check:02d}"


def _eircode(rng: random.Random) -> str:
    key = rng.choice(["N37", "R35", "N91", "R32", "C15", "A82", "V92", "V95", "E45", "E41", "R93", "R95", "W91", "A91", "F91", "F23", "F92", "H12"])
    tail = "".join(rng.choice("0123456789ACDEFHKNPRTVWXY") for _ in range(4))
    return f"{key} {tail}" if rng.random() < 0.85 else f"{key}{tail}"


def _ie_phone(rng: random.Random) -> str:
    p = f"08{rng.choice('35679')}{rng.randint(1000000, 9999999)}"
    style = rng.random()
    if style < 0.35:
        return f"{p[:3]} {p[3:6]} {p[6:]}"
    if style < 0.6:
        return f"+353 {p[1:3]} {p[3:6]} {p[6:]}"
    if style < 0.8:
        return p
    return f"({p[:3]}) {p[3:]}"


def _be_gsm(rng: random.Random) -> str:
    n = f"04{rng.choice(['70', '71', '72', '75', '76', '77', '78', '79', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93', '94', '95', '96', '97', '98', '99'])}{rng.randint(0, 999999):06d}"
    style = rng.random()
    if style < 0.45:
        return f"{n[:4]}/{n[4:6]}.{n[6:8]}.{n[8:]}"
    if style < 0.75:
        return f"+32 {n[1:4]} {n[4:6]} {n[6:8]} {n[8:]}"
    return n


def _slug(s: str) -> str:
    table = str.maketrans("áàâäãåéèêëíìîïóòôöõøúùûüñçæ", "aaaaaaeeeeiiiioooooouuuunca")
    return "".join(ch for ch in s.lower().translate(table) if ch.isalnum())


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, ln = _slug(first), _slug(last)
    pat = rng.choice([f"{f}.{ln}", f"{f[0]}{ln}", f"{f}{rng.randint(1, 99)}", f"{ln}.{f}", f"{f}_{ln}{rng.randint(60, 99)}"])
    return f"{pat}@{rng.choice(domains)}"


def _ie_outpatients(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = Faker("en_IE")
    fk.seed_instance(SEED + 1)
    clinics = ["ORTH-OPD", "CARD2", "DERM", "ENT-A", "GYN-OPD", "RESP1", "DIAB", "UROL", "NEURO-R"]
    consultants = [f"Dr {fk.first_name()} {fk.last_name()}" for _ in range(30)]
    gps = [f"Dr. {fk.last_name()}" if rng.random() < 0.5 else f"Dr {fk.first_name()[0]}. {fk.last_name()}" for _ in range(200)]
    notes_pool = ["Review in 6/12 with bloods", "DNA x2 - discharge to GP", "Bring previous imaging",
                  "Fasting from midnight", "Interpreter required", "Wheelchair access", "",
                  "Pt rang to confirm\nwill attend", "Post-op wound check", "Repeat ECG on arrival"]
    out = []
    start = datetime(2024, 1, 8, 8, 30)
    for _ in range(rows):
        first, last = fk.first_name(), fk.last_name()
        born = _dob(rng)
        appt = start + timedelta(days=rng.randint(0, 400), minutes=15 * rng.randint(0, 32))
        town = rng.choice(IE_TOWNS)
        out.append({
            "MRN": f"{rng.randint(100000, 999999):07d}",
            "Patient Surname": last.upper() if rng.random() < 0.5 else last,
            "Patient Forename": first,
            "DOB": born.strftime("%d/%m/%Y") if rng.random() < 0.85 else born.strftime("%d-%b-%y"),
            "PPSN": _blank(rng, _ppsn(rng), 0.12),
            "Address Line 1": fk.street_address(),
            "Town/City": town,
            "County": rng.choice(IE_COUNTIES),
            "Eircode": _blank(rng, _eircode(rng), 0.1),
            "Mobile No.": _ie_phone(rng),
            "Email Address": _blank(rng, _email(rng, first, last, ["gmail.com", "eircom.net", "hotmail.com", "yahoo.ie", "icloud.com"]), 0.55),
            "Registered GP": rng.choice(gps),
            "NOK Name": _blank(rng, f"{fk.first_name()} {last}", 0.3),
            "NOK Contact": _blank(rng, _ie_phone(rng), 0.35),
            "Consultant": rng.choice(consultants),
            "Clinic Code": rng.choice(clinics),
            "Appt Date/Time": appt.strftime("%d/%m/%Y %H:%M"),
            "Referral Source": rng.choice(["GP", "ED", "Consultant", "Self", "Other Hosp."]),
            "Attendance": rng.choice(["Attended", "Attended", "Attended", "DNA", "Cancelled by Pt", "Cancelled by Hosp"]),
            "Wait (wks)": float(rng.randint(1, 120)) if rng.random() < 0.9 else None,
            "Priority": rng.choice(["Routine", "Urgent", "Soon"]),
            "Clinical Notes": rng.choice(notes_pool),
        })
    return pd.DataFrame(out)


def _be_affilies(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = Faker("fr_FR")
    fk.seed_instance(SEED + 2)
    bank = Faker("nl_BE")
    bank.seed_instance(SEED + 22)
    doctors = [f"Dr {fk.last_name()} {fk.first_name()[0]}." for _ in range(120)]
    remarks = ["Changement de mutualité au 01/01", "Dossier complet", "Attestation envoyée",
               "Rappel cotisation", "", "", "Carte DMG renouvelée", "Document manquant : composition de ménage"]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        born = _dob(rng, 1930, 2010)
        cp, town = rng.choice(BE_TOWNS)
        out.append({
            "N° affilié": 300000000 + i * 7 + rng.randint(0, 6),
            "Nom": last.upper(),
            "Prénom": first,
            "Date de naissance": born.strftime("%d/%m/%Y"),
            "NISS": _niss(rng, born) if rng.random() < 0.9 else _niss(rng, born).replace(".", "").replace("-", ""),
            "Rue et n°": f"{rng.choice(BE_STREET)} {rng.randint(1, 240)}{rng.choice(['', '', '', ' bte 2', '/A'])}",
            "Code postal": int(cp),
            "Localité": town,
            "GSM": _blank(rng, _be_gsm(rng), 0.15),
            "Courriel": _blank(rng, _email(rng, first, last, ["skynet.be", "gmail.com", "hotmail.com", "proximus.be", "outlook.be"]), 0.4),
            "Compte bancaire (IBAN)": _blank(rng, " ".join(bank.iban()[j:j + 4] for j in range(0, 16, 4)), 0.2),
            "Titulaire/PAC": rng.choice(["Titulaire", "Titulaire", "PAC"]),
            "Code CT1/CT2": rng.choice(["110/110", "111/111", "121/121", "130/130", "140/140"]),
            "Statut BIM": rng.choice(["Oui", "Non", "Non", "Non"]),
            "Date d'affiliation": (date(1990, 1, 1) + timedelta(days=rng.randint(0, 12000))).strftime("%d/%m/%Y"),
            "Cotisation annuelle (€)": round(rng.choice([90.0, 112.8, 138.6, 0.0]) + rng.random(), 2),
            "Médecin traitant (DMG)": _blank(rng, rng.choice(doctors), 0.3),
            "Remarques": rng.choice(remarks),
        })
    return pd.DataFrame(out)


def _es_inquilinos(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = Faker("es_ES")
    fk.seed_instance(SEED + 3)
    obs = ["Pago puntual", "Retraso en recibo de marzo", "Solicita reparación caldera", "",
           "Entrega de llaves pendiente", "Mascota autorizada (perro pequeño)", "Renovación tácita"]
    out = []
    for i in range(rows):
        first = fk.first_name()
        last = f"{fk.last_name()} {fk.last_name()}"
        has_aval = rng.random() < 0.3
        rent = rng.randint(45, 180) * 10
        out.append({
            "Id Inquilino": f"INQ-{i + 1:05d}",
            "Nombre": first,
            "Apellidos": last,
            "DNI/NIE": fk.nif() if rng.random() < 0.8 else fk.nie(),
            "Fecha Nac.": _dob(rng, 1945, 2004).strftime("%d/%m/%Y"),
            "Teléfono": _blank(rng, fk.phone_number(), 0.1),
            "Móvil 2": _blank(rng, f"6{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}", 0.7),
            "E-mail": _blank(rng, _email(rng, first, last.split()[0], ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"]), 0.15),
            "Domicilio anterior": _blank(rng, f"{fk.street_address()}, {fk.postcode()}", 0.25),
            "Municipio": fk.city(),
            "Provincia": rng.choice(ES_PROV),
            "Ref. Inmueble": f"{rng.choice(['PIS', 'LOC', 'APT', 'CHA'])}{rng.randint(100, 999)}",
            "Renta mensual": f"{rent:,.2f}".replace(",", "X").replace(".", ",").replace("X", "."),
            "Fianza (€)": rent * rng.choice([1, 2]),
            "Fecha inicio contrato": (date(2016, 1, 1) + timedelta(days=rng.randint(0, 3200))).isoformat(),
            "IBAN domiciliación": fk.iban(),
            "Avalista": fk.name() if has_aval else "",
            "NIF avalista": fk.nif() if has_aval else "",
            "Empresa": fk.company() if rng.random() < 0.7 else "",
            "Observaciones": rng.choice(obs),
        })
    return pd.DataFrame(out)


def _no_medlemmer(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = Faker("no_NO")
    fk.seed_instance(SEED + 4)
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        born = _dob(rng, 1950, 2017)
        minor = born.year >= 2006
        postnr, sted = rng.choice(NO_PLACES)
        bban = fk.iban()[4:]
        out.append({
            "MedlemsNr": 1000 + i,
            "Fornavn": first,
            "Etternavn": last,
            "Fødselsdato": born.strftime("%d.%m.%Y"),
            "Fødselsnummer": fk.ssn() if rng.random() < 0.35 else None,
            "Kjønn": rng.choice(["M", "K"]),
            "Adresse": fk.street_address(),
            "Postnr": int(postnr),
            "Poststed": sted,
            "Mobil": _blank(rng, f"{rng.choice('49')}{rng.randint(0, 9999999):07d}", 0.2 if not minor else 0.6),
            "E-post": _blank(rng, _email(rng, first, last, ["gmail.com", "online.no", "hotmail.no", "live.no"]), 0.2),
            "Foresatt navn": f"{fk.first_name()} {last}" if minor else None,
            "Foresatt mobil": f"+47 {rng.randint(40, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}" if minor else None,
            "Gren": rng.choice(["Fotball", "Håndball", "Ski", "Friidrett", "Turn", "Bandy"]),
            "Lag/Gruppe": rng.choice(["G12", "J14", "Senior A", "Old Boys", "J10", "G16", "Trim"]),
            "Kontingent betalt": rng.random() < 0.85,
            "Kontingent (kr)": float(rng.choice([600, 900, 1200, 1750, 400])),
            "Innmeldt": pd.Timestamp(date(2005, 1, 1) + timedelta(days=rng.randint(0, 7000))),
            "Kontonr refusjon": _blank(rng, f"{bban[:4]}.{bban[4:6]}.{bban[6:]}", 0.5, (None,)),
            "Draktnr": float(rng.randint(1, 99)) if rng.random() < 0.6 else None,
        })
    return pd.DataFrame(out)


def _fi_asiakkaat(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = Faker("fi_FI")
    fk.seed_instance(SEED + 5)
    branches = ["Pääkirjasto", "Sivukirjasto Itä", "Kirjastoauto 1", "Lastenkirjasto", "Sivukirjasto Länsi"]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        hetu = fk.ssn()
        cc = {"-": 1900, "+": 1800, "A": 2000}.get(hetu[6], 1900)
        born = date(cc + int(hetu[4:6]), int(hetu[2:4]), int(hetu[0:2]))
        minor = born.year >= 2008
        pnr, place = rng.choice(FI_PLACES)
        out.append({
            "asiakasnumero": f"2{rng.randint(0, 10**12 - 1):012d}",
            "etunimi": first,
            "sukunimi": last,
            "syntymäaika": born.strftime("%-d.%-m.%Y"),
            "henkilötunnus": _blank(rng, hetu, 0.25, ("", None)),
            "katuosoite": fk.street_address(),
            "postinumero": pnr,
            "postitoimipaikka": place.upper() if rng.random() < 0.4 else place,
            "puhelin": _blank(rng, fk.phone_number(), 0.2),
            "sähköposti": _blank(rng, _email(rng, first, last, ["gmail.com", "luukku.com", "outlook.com", "kolumbus.fi"]), 0.3),
            "kirjautumistunnus": _blank(rng, f"{_slug(first)[:6]}{_slug(last)[:3]}{rng.randint(1, 99)}", 0.4, ("",)),
            "kotikirjasto": rng.choice(branches),
            "asiakasryhmä": "Lapsi" if minor else rng.choice(["Aikuinen", "Aikuinen", "Eläkeläinen", "Opiskelija"]),
            "lainoja": rng.randint(0, 40),
            "maksut_eur": round(rng.choice([0, 0, 0, 0.5, 1.2, 3.0, 6.5]) * rng.randint(1, 3), 2),
            "viim_käynti": (datetime(2024, 1, 1) + timedelta(minutes=rng.randint(0, 600000))).isoformat(timespec="seconds"),
            "huoltaja": f"{fk.first_name()} {last}" if minor else None,
            "pin_hash": hashlib.sha256(f"{SEED}-{i}".encode()).hexdigest(),
            "asiointikieli": rng.choice(["fi", "fi", "fi", "sv", "en"]),
        })
    return pd.DataFrame(out)


def _rides(rows: int, rng: random.Random) -> pd.DataFrame:
    fk = Faker("en_US")
    fk.seed_instance(SEED + 6)
    gb = Faker("en_GB")
    gb.seed_instance(SEED + 66)
    riders = []
    for _ in range(max(rows // 3, 1)):
        first, last = fk.first_name(), fk.last_name()
        riders.append((f"{first} {last}", _email(rng, first, last, ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"]),
                       fk.phone_number(), fk.user_name(), fk.credit_card_number(), fk.ipv4_public()))
    drivers = [f"{fk.first_name()} {fk.last_name()[0]}." for _ in range(150)]
    vehicles = ["Toyota Prius", "Honda Accord", "Tesla Model 3", "Kia Niro", "Hyundai Ioniq", "Ford Escape", "Toyota Camry"]
    feedback = ["Great ride", "Driver was friendly", "Car smelled of smoke", "", "", "Took a longer route",
                "AC not working", "Smooth trip, thanks!", "Late pickup\nbut polite"]
    out = []
    t0 = datetime(2024, 3, 1)
    for _ in range(rows):
        name, email, phone, user, card, ip = rng.choice(riders)
        req = t0 + timedelta(seconds=rng.randint(0, 20_000_000))
        dist = round(rng.uniform(0.4, 28.0), 2)
        out.append({
            "trip_uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "Rider Name": name,
            "rider_email": email,
            "Rider Phone": phone,
            "rider_username": user,
            "Pickup Address": fk.address().replace("\n", ", ") if rng.random() < 0.8 else gb.address().replace("\n", ", "),
            "Dropoff Address": fk.address().replace("\n", ", "),
            "Request Time (UTC)": req.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Driver": rng.choice(drivers),
            "Vehicle Make/Model": rng.choice(vehicles),
            "Distance (mi)": dist,
            "Duration (min)": round(dist * rng.uniform(2.0, 4.5), 1),
            "Fare (USD)": round(2.5 + dist * 1.7 + rng.random() * 4, 2),
            "Payment": f"{rng.choice(['Visa', 'Mastercard', 'Amex'])} ****{card[-4:]}" if rng.random() < 0.8 else "Cash",
            "Card Number (legacy)": card if rng.random() < 0.25 else "",
            "Promo Code": rng.choice(["", "", "", "SPRING10", "RIDE5OFF", "WELCOME25"]),
            "Rating": rng.choice([5, 5, 5, 4, 3, None]),
            "Device IP": ip,
            "App Version": f"{rng.randint(3, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
            "Trip Status": rng.choice(["completed", "completed", "completed", "rider_canceled", "driver_canceled"]),
            "Rider Feedback": rng.choice(feedback),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "ie_outpatients": (_ie_outpatients, 1500),
    "be_mutualite_affilies": (_be_affilies, 1200),
    "es_inquilinos": (_es_inquilinos, 1400),
    "no_idrettslag_medlemmer": (_no_medlemmer, 1100),
    "fi_kirjasto_asiakkaat": (_fi_asiakkaat, 1300),
    "ride_trips": (_rides, 2000),
}


def labels() -> dict[str, dict[str, str | None]]:
    """Hand-written column labels from labels.yaml: {table: {column: entity or None}}."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def make_tables(rows: int | None = None) -> dict[str, pd.DataFrame]:
    """Build every table; rows=None uses each table's own size (1,000-2,000)."""
    out = {}
    for k, name in enumerate(TABLES):
        build, default = _BUILDERS[name]
        rng = random.Random(SEED * 10 + k)
        out[name] = build(rows or default, rng)
    return out


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write(name: str, df: pd.DataFrame, path: Path) -> None:
    if name == "ie_outpatients":
        _atomic(path, lambda p: df.to_csv(p, index=False, encoding="utf-8-sig"))
    elif name == "be_mutualite_affilies":
        _atomic(path, lambda p: df.to_excel(p, index=False, sheet_name="Affiliés", engine="openpyxl"))
    elif name == "es_inquilinos":
        _atomic(path, lambda p: df.to_csv(p, index=False, sep=";", encoding="cp1252"))
    elif name == "no_idrettslag_medlemmer":
        _atomic(path, lambda p: df.to_parquet(p, index=False))
    elif name == "fi_kirjasto_asiakkaat":
        def jl(p: Path) -> None:
            clean = df.astype(object).where(df.notna(), None)
            with open(p, "w", encoding="utf-8") as fh:
                for rec in clean.to_dict(orient="records"):
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        _atomic(path, jl)
    else:
        _atomic(path, lambda p: df.to_csv(p, index=False, sep="\t", encoding="utf-8"))


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created); rows caps each table's size."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(None)
    paths = {}
    for name in TABLES:
        df = tables[name]
        if rows < len(df):
            df = df.iloc[:rows].reset_index(drop=True)
        path = out_dir / FILES[name]
        _write(name, df, path)
        paths[name] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for t, p in write_all(target).items():
        print(t, p)
