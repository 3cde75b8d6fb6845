"""Blind held-out set heldout29: six synthetic exports from real-world-like systems.

Tables: a UK charity donor / Gift Aid list, an Austrian Fitnessstudio member list, a French
auto-ecole customer file, a Spanish telecom operator customer export, a Dutch GP practice
patient list and an English-language smart-home app account export. Labels live in
labels.yaml next to this file, written by hand before any scanner run.
"""

from __future__ import annotations

import hashlib
import random
import string
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 29290
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "uk_charity_donors",
    "at_fitness_mitglieder",
    "fr_autoecole_eleves",
    "es_operadora_clientes",
    "nl_huisarts_patienten",
    "iot_smarthome_accounts",
)
FILES: dict[str, str] = {
    "uk_charity_donors": "uk_charity_donors.csv",
    "at_fitness_mitglieder": "at_fitness_mitglieder.xlsx",
    "fr_autoecole_eleves": "fr_autoecole_eleves.csv",
    "es_operadora_clientes": "es_operadora_clientes.parquet",
    "nl_huisarts_patienten": "nl_huisarts_patienten.jsonl",
    "iot_smarthome_accounts": "iot_smarthome_accounts.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _maybe(rng: random.Random, value: object, p_blank: float, blanks: tuple = ("",)) -> object:
    """Return value, or (with probability p_blank) one of the blank spellings."""
    if rng.random() < p_blank:
        return rng.choice(blanks)
    return value


def _dob(rng: random.Random, lo: int = 18, hi: int = 85) -> date:
    today = date(2024, 6, 30)
    return today - timedelta(days=rng.randint(lo * 365, hi * 365))


def _event_date(rng: random.Random, start: date = date(2016, 1, 1), span: int = 3000) -> date:
    return start + timedelta(days=rng.randint(0, span))


def _uk_donors(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("en_GB", 1)
    campaigns = ["XMAS23-DM", "SPRING24-EM", "LEGACY-01", "RAFFLE24", "WALK4LIFE", "APPEAL-EMG"]
    methods = ["Direct Debit", "Cheque", "CAF Voucher", "Card", "Cash", "Standing Order"]
    notes = [
        "Prefers post, no phone calls",
        "Gift Aid form returned signed",
        "Upgrade ask sent Mar",
        "Do not mail - deceased? check",
        "Attended gala dinner",
        "",
        "",
        "Thank-you letter sent\nfollow up in Q3",
    ]
    staff = [fk.name() for _ in range(14)]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 18, 95)
        dob_s = dob.strftime("%d/%m/%Y") if rng.random() < 0.8 else dob.strftime("%d-%b-%y")
        declared = rng.random() < 0.7
        rows.append({
            "Supporter Ref": f"SUP{100000 + i * 7}",
            "Title": rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Rev", "Mx", ""]),
            "Forename": first,
            "Surname": last.upper() if rng.random() < 0.1 else last,
            "Addr Line 1": fk.street_address().replace("\n", ", "),
            "Addr Line 2": _maybe(rng, fk.secondary_address() if hasattr(fk, "secondary_address")
                                   else f"Flat {rng.randint(1, 40)}", 0.75),
            "Town/City": fk.city(),
            "Post Code": fk.postcode().lower() if rng.random() < 0.05 else fk.postcode(),
            "E-mail": _maybe(rng, f"{first}.{last}{rng.randint(1, 99)}@{fk.free_email_domain()}".lower(),
                             0.2),
            "Home Tel": _maybe(rng, fk.phone_number(), 0.45, ("", "n/a")),
            "Mobile No.": _maybe(rng, f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}", 0.3),
            "D.O.B.": _maybe(rng, dob_s, 0.35),
            "Acct No": _maybe(rng, f"{rng.randint(0, 99999999):08d}", 0.55),
            # sort code identifies a bank branch, not a person
            "Sort Code": _maybe(rng, f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                                0.55),
            "Gift Aid?": "Y" if declared else "N",
            "GA Decl Date": _event_date(rng).strftime("%d/%m/%Y") if declared else "",
            "Last Gift (£)": round(rng.choice([5, 10, 15, 20, 25, 50, 100, 250]) * rng.choice([1, 1, 1.2]), 2),
            "Lifetime Total GBP": round(rng.uniform(5, 12000), 2),
            "Campaign Code": rng.choice(campaigns),
            "Pay Method": rng.choice(methods),
            "Fundraiser": _maybe(rng, rng.choice(staff), 0.4),
            "Comments": rng.choice(notes),
        })
    return pd.DataFrame(rows)


def _at_fitness(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("de_AT", 2)
    de = _faker("de_DE", 20)
    tarife = ["Basic 24", "Premium 12", "Flex monatlich", "Student", "Senior 60+", "Firmenfitness"]
    beitrag = {"Basic 24": 24.9, "Premium 12": 44.9, "Flex monatlich": 39.0, "Student": 19.9,
               "Senior 60+": 22.5, "Firmenfitness": 29.0}
    trainer = [fk.first_name() + " " + fk.last_name() for _ in range(9)]
    bemerk = ["", "", "", "Rückenprobleme, kein Kreuzheben", "Beitrag ruht (Auslandssemester)",
              "Schlüsselband verloren - Gebühr 10€", "Probetraining 2x", "Sauna-Upgrade gewünscht"]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        tarif = rng.choice(tarife)
        start = _event_date(rng, date(2015, 1, 1), 3300)
        holder_same = rng.random() < 0.85
        rows.append({
            "Mitgl.-Nr.": 40000 + i * 3,
            "Anrede": rng.choice(["Herr", "Frau", "Divers", ""]),
            "Vorname": first,
            "Nachname": last,
            "Straße/Nr.": fk.street_address(),
            "PLZ": fk.postcode(),
            "Ort": fk.city(),
            "Geburtsdatum": _dob(rng, 14, 80),  # real date cells
            "E-Mail-Adresse": _maybe(rng, fk.email(), 0.1),
            "Mobil": _maybe(rng, fk.phone_number(), 0.15),
            "IBAN": _maybe(rng, fk.iban() if rng.random() < 0.9 else de.iban(), 0.2),
            "Kontoinhaber": _maybe(rng, f"{first} {last}" if holder_same else fk.name(), 0.2),
            "Tarif": tarif,
            "Beitrag mtl. €": beitrag[tarif],
            "Vertragsbeginn": start.strftime("%d.%m.%Y"),
            "Kündigung zum": _maybe(rng, (start + timedelta(days=365 * rng.randint(1, 4))).strftime("%d.%m.%Y"),
                                    0.8),
            "Check-ins 2024": rng.randint(0, 220),
            "Chip-Nr": f"{rng.randint(0, 16**8 - 1):08X}",
            "Trainer": _maybe(rng, rng.choice(trainer), 0.5),
            "Notfall-Tel.": _maybe(rng, fk.phone_number(), 0.6),
            "Bemerkung": rng.choice(bemerk),
        })
    return pd.DataFrame(rows)


def _fr_autoecole(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("fr_FR", 3)
    formules = ["Permis B 20h", "Permis B accéléré", "Conduite accompagnée (AAC)", "Boîte auto 13h",
                "Permis A2", "Code seul"]
    moniteurs = [fk.first_name() + " " + fk.last_name() for _ in range(7)]
    obs = ["", "", "Paiement en 4x", "Financement CPF", "Échec code 1x", "Reprise de dossier",
           "Demande horaires le samedi\nuniquement", "RAS"]
    rows = []
    for i in range(n):
        cp = fk.postcode()
        cp_out = cp.lstrip("0") if rng.random() < 0.5 else cp
        cni = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))
        dob = _dob(rng, 15, 45)
        rows.append({
            "N° dossier": f"AE{2019 + i % 6}-{i:05d}",
            "Civilité": rng.choice(["M.", "Mme", "Mlle", "M", ""]),
            "NOM": fk.last_name().upper(),
            "Prénom": fk.first_name(),
            "Né(e) le": dob.strftime("%d/%m/%Y") if rng.random() < 0.9 else dob.isoformat(),
            "Lieu de naissance": _maybe(rng, f"{fk.city()} ({fk.department_number()})"
                                        if rng.random() < 0.6 else fk.city(), 0.1),
            "Adresse": fk.street_address(),
            "CP": cp_out,
            "Ville": fk.city().upper(),
            "Tél. portable": _maybe(rng, fk.phone_number(), 0.05),
            "Courriel": _maybe(rng, fk.email(), 0.15),
            "N° CNI / passeport": _maybe(rng, cni, 0.3),
            "Formule": rng.choice(formules),
            "Heures effectuées": rng.randint(0, 45),
            "Date examen code": _maybe(rng, _event_date(rng, date(2020, 1, 1), 1600).strftime("%d/%m/%Y"), 0.4),
            "Montant réglé (€)": f"{rng.uniform(50, 1900):.2f}".replace(".", ","),
            "Moniteur référent": rng.choice(moniteurs),
            "Immat. véhicule": f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}-"
                               f"{rng.randint(100, 999)}-{rng.choice(string.ascii_uppercase)}"
                               f"{rng.choice(string.ascii_uppercase)}",
            "Observations": rng.choice(obs),
        })
    return pd.DataFrame(rows)


def _es_operadora(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("es_ES", 4)
    tarifas = ["Fibra 600Mb + Móvil 25GB", "Solo Móvil 10GB", "Fibra 1Gb", "Prepago", "Fusión Total",
               "Fibra 300Mb"]
    rows = []
    for i in range(n):
        cp = fk.postcode()
        rows.append({
            "id_cliente": 7000000 + i * 11,
            "nombre": fk.first_name(),
            "apellido1": fk.last_name(),
            "apellido2": _maybe(rng, fk.last_name(), 0.1),
            "dni_nie": fk.nif() if rng.random() < 0.85 else fk.nie(),
            "fecha_nacimiento": _dob(rng, 18, 90).isoformat(),
            "direccion": fk.street_address(),
            "cod_postal": float(cp) if rng.random() > 0.03 else float("nan"),
            "poblacion": fk.city(),
            "provincia": fk.state(),
            "tlf_fijo": _maybe(rng, f"9{rng.randint(10000000, 99999999)}", 0.55),
            "msisdn": f"34{rng.choice('67')}{rng.randint(10000000, 99999999)}",
            "email": _maybe(rng, fk.email(), 0.2),
            "iban_domiciliacion": fk.iban() if rng.random() < 0.7
            else " ".join(fk.iban()[j:j + 4] for j in range(0, 24, 4)),
            "iccid_sim": f"893401{rng.randint(10**12, 10**13 - 1)}",
            "imei": f"35{rng.randint(10**12, 10**13 - 1)}",
            "tarifa": rng.choice(tarifas),
            "permanencia_hasta": _maybe(rng, _event_date(rng, date(2024, 1, 1), 900).isoformat(), 0.4),
            "importe_ult_factura": round(rng.uniform(5, 140), 2),
            "usuario_mi_area": _maybe(rng, fk.user_name(), 0.35),
            "ip_ultimo_acceso": _maybe(rng, fk.ipv4_public(), 0.35),
            "portabilidad": rng.random() < 0.3,
        })
    return pd.DataFrame(rows)


def _bsn(rng: random.Random) -> str:
    """A BSN-shaped number that passes the 11-proof."""
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        s = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True))
        last = s % 11
        if last < 10 and (d[0] or d[1]):
            return "".join(map(str, d)) + str(last)


def _nl_huisarts(n: int, rng: random.Random) -> list[dict]:
    fk = _faker("nl_NL", 5)
    verzekeraars = ["Zilveren Kruis", "CZ", "VGZ", "Menzis", "DSW", "ONVZ", "a.s.r."]
    apotheken = ["Apotheek De Linde", "Service Apotheek Centrum", "BENU Apotheek", "Apotheek Noord"]
    artsen = [f"dr. {fk.first_name()[0]}. {fk.last_name()}" for _ in range(4)]
    icpc = ["K86", "T90", "R74", "L03", "P76", "A97", "S88", "D12"]
    opm = ["", "", "", "Herhaalrecept aangevraagd", "Doorverwezen naar fysio",
           "Telefonisch spreekuur\nterugbellen na 13:00", "Griepprik 2023 gehad", "Geen bijzonderheden"]
    rows = []
    for i in range(n):
        postcode = fk.postcode()
        if rng.random() < 0.5:
            postcode = postcode[:4] + " " + postcode[4:]
        rows.append({
            "Patiëntnr": f"{i + 1:06d}",
            "Roepnaam": fk.first_name(),
            "Achternaam": fk.last_name(),
            "Geb.datum": _dob(rng, 0, 98).strftime("%d-%m-%Y"),
            "Geslacht": rng.choice(["M", "V", "X", "O"]),
            "BSN": _maybe(rng, _bsn(rng), 0.05),
            "Adres": fk.street_address(),
            "Postcode": postcode,
            "Woonplaats": fk.city(),
            "Telefoonnummer": _maybe(rng, fk.phone_number(), 0.1),
            "E-mail": _maybe(rng, fk.email(), 0.3, ("", None)),
            "Zorgverzekeraar": rng.choice(verzekeraars),
            "Polisnr": f"{rng.randint(10**8, 10**9 - 1)}",
            "Ingeschreven per": _event_date(rng, date(2000, 1, 1), 8700).isoformat(),
            "Laatste consult": _maybe(rng, _event_date(rng, date(2022, 1, 1), 900).isoformat(), 0.1, (None,)),
            "ICPC": _maybe(rng, rng.choice(icpc), 0.4, (None,)),
            "Apotheek": rng.choice(apotheken),
            "Eigen huisarts": rng.choice(artsen),
            "Contactpersoon nood": _maybe(rng, fk.name(), 0.7, (None,)),
            "Opmerking": rng.choice(opm),
        })
    return rows


def _iot_accounts(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _faker("en_US", 6)
    uk = _faker("en_GB", 7)
    plans = ["free", "plus_monthly", "plus_annual", "pro"]
    tzs = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "America/Denver"]
    homes = ["Home", "My Home", "Main house", "Cabin", "Apartment", "Office", "Beach House", "Garage"]
    uas = ["HomeHub/5.12.0 (iPhone; iOS 17.4)", "HomeHub/5.11.3 (Android 14; Pixel 7)",
           "okhttp/4.12.0", "HomeHub/5.12.1 (iPad; iOS 16.7)"]
    rows = []
    for i in range(n):
        gb = rng.random() < 0.25
        f = uk if gb else fk
        first, last = f.first_name(), f.last_name()
        shared = sorted({fk.email() for _ in range(rng.randint(1, 3))}) if rng.random() < 0.3 else []
        created = datetime(2019, 1, 1) + timedelta(seconds=rng.randint(0, 160_000_000))
        rows.append({
            "accountId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "userName": f.user_name() if rng.random() < 0.8 else f"{first.lower()}_{rng.randint(1, 999)}",
            "displayName": rng.choice([f"{first} {last}", first, f"{first} {last[0]}."]),
            "email": f.email(),
            "phone": _maybe(rng, f.phone_number(), 0.4),
            "phoneVerified": rng.random() < 0.5,
            "homeName": rng.choice(homes),
            "homeAddress": _maybe(rng, f.street_address().replace("\n", ", "), 0.3),
            "homeCity": _maybe(rng, f.city(), 0.3),
            "zip": _maybe(rng, f.postcode(), 0.3),
            "timezone": rng.choice(tzs),
            "lastLoginIp": fk.ipv4() if rng.random() < 0.8 else fk.ipv6(),
            "lastLoginAt": (created + timedelta(days=rng.randint(0, 400))).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "createdAt": int(created.timestamp() * 1000),
            "deviceCount": rng.randint(0, 37),
            "hubSerial": f"HH{rng.randint(2, 5)}-{rng.randint(10**7, 10**8 - 1)}",
            # MAC of the hub: a device identifier, not one of the labeled entities
            "hubMac": ":".join(f"{rng.randint(0, 255):02x}" for _ in range(6)),
            "firmwareVer": f"{rng.randint(1, 4)}.{rng.randint(0, 20)}.{rng.randint(0, 99)}",
            "apiKeySha256": hashlib.sha256(f"k{i}-{SEED}".encode()).hexdigest(),
            "sharedWith": ";".join(shared),
            "plan": rng.choice(plans),
            "marketingOptIn": rng.choice(["true", "false"]),
            "appVersion": f"5.{rng.randint(8, 12)}.{rng.randint(0, 4)}",
            "userAgent": rng.choice(uas),
        })
    return pd.DataFrame(rows)


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory; row counts vary per table (rows, or about 0.55-0.9 of it)."""
    rng = random.Random(SEED)
    sizes = {
        "uk_charity_donors": rows,
        "at_fitness_mitglieder": max(1, int(rows * 0.7)),
        "fr_autoecole_eleves": max(1, int(rows * 0.6)),
        "es_operadora_clientes": rows,
        "nl_huisarts_patienten": max(1, int(rows * 0.9)),
        "iot_smarthome_accounts": max(1, int(rows * 0.8)),
    }
    builders = {
        "uk_charity_donors": _uk_donors,
        "at_fitness_mitglieder": _at_fitness,
        "fr_autoecole_eleves": _fr_autoecole,
        "es_operadora_clientes": _es_operadora,
        "nl_huisarts_patienten": lambda n, r: pd.DataFrame(_nl_huisarts(n, r)),
        "iot_smarthome_accounts": _iot_accounts,
    }
    return {t: builders[t](sizes[t], random.Random(rng.randint(0, 2**31))) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for t in TABLES:
        df = tables[t]
        p = out_dir / FILES[t]
        if t == "uk_charity_donors":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        elif t == "at_fitness_mitglieder":
            df.to_excel(p, index=False, sheet_name="Mitglieder", engine="openpyxl")
        elif t == "fr_autoecole_eleves":
            df.to_csv(p, index=False, sep=";", encoding="cp1252", errors="replace")
        elif t == "es_operadora_clientes":
            df.to_parquet(p, index=False)
        elif t == "nl_huisarts_patienten":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        else:
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        paths[t] = p
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for name, path in write_all(target).items():
        print(f"{name}: {path}")
