"""Blind held-out set 34: six exports from pharmacy, job-centre, syndic, vet-clinic, pension and loyalty systems.

Written and labeled by hand before any scanner run. Seeded and deterministic.
"""

from __future__ import annotations

import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 34340
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "ca_pharmacy_patients",
    "de_arbeitsuchende",
    "fr_syndic_coproprietaires",
    "es_clinica_vet_propietarios",
    "no_pensjon_medlemmer",
    "loyalty_app_members",
)
FILES: dict[str, str] = {
    "ca_pharmacy_patients": "ca_pharmacy_patients.csv",
    "de_arbeitsuchende": "de_arbeitsuchende.csv",
    "fr_syndic_coproprietaires": "fr_syndic_coproprietaires.xlsx",
    "es_clinica_vet_propietarios": "es_clinica_vet_propietarios.jsonl",
    "no_pensjon_medlemmer": "no_pensjon_medlemmer.parquet",
    "loyalty_app_members": "loyalty_app_members.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _fk(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value: object, p: float, fillers: tuple[str, ...] = ("",)) -> object:
    """Return value, or (with probability p) one of the blank fillers."""
    return rng.choice(fillers) if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2005) -> date:
    return date(rng.randint(lo, hi), 1, 1) + timedelta(days=rng.randint(0, 364))


def _event(rng: random.Random, lo: int = 2019, hi: int = 2025) -> datetime:
    return datetime(lo, 1, 1) + timedelta(seconds=rng.randint(0, (hi - lo + 1) * 365 * 86400))


def _pharmacy(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _fk("en_CA", 1)
    plans = ("Sun Life", "Manulife", "Green Shield Canada", "Canada Life", "ODB", "Blue Cross", "Cash", "Desjardins")
    allergies = ("NKDA", "Penicillin", "Sulfa", "Codeine", "ASA", "Latex", "NKA", "Penicillin; Sulfa", "")
    notes = (
        "Blister pack weekly", "Prefers generic", "Auto-refill enrolled", "Call when ready",
        "Child-resistant caps waived", "Compliance packaging - Tues pickup", "", "", "Med review due",
        "Do not substitute\nper prescriber", "Delivery Thursdays",
    )
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        d = _dob(rng)
        dob = rng.choice([d.strftime("%Y/%m/%d"), d.strftime("%Y-%m-%d"), d.strftime("%d-%b-%Y")])
        hc = f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}-{f.random_uppercase_letter()}{f.random_uppercase_letter()}"
        if rng.random() < 0.3:
            hc = hc.replace("-", " ") if rng.random() < 0.5 else hc.replace("-", "")
        out.append({
            "PatientID": f"P{100000 + i * 7:07d}",
            "Last Name": last.upper() if rng.random() < 0.2 else last,
            "First Name": first,
            "DOB": dob,
            "Sex": rng.choice("MFFMU"),
            "Health Card #": _blank(rng, hc, 0.05),
            "Street Address": f.street_address(),
            "City": f.city(),
            "Prov": f.province_abbr(),
            "Postal Code": _blank(rng, f.postalcode() if rng.random() < 0.7 else f.postalcode().replace(" ", ""), 0.03),
            "Home Phone": _blank(rng, f.phone_number(), 0.25),
            "Cell": _blank(rng, f.phone_number(), 0.55),
            "Email": _blank(rng, f.email(), 0.4, ("", "n/a", "none")),
            "Allergies": rng.choice(allergies),
            "Primary Prescriber": f"Dr. {f.first_name()} {f.last_name()}" if rng.random() < 0.6 else f"{f.last_name()}, {f.first_name()}",
            "Rx Count": rng.randint(0, 40),
            "Last Fill Date": _event(rng).strftime("%Y-%m-%d"),
            "Insurance Plan": rng.choice(plans),
            "Plan Member ID": f"{rng.randint(10000000, 99999999)}" if rng.random() < 0.8 else "",
            "Balance Owing ($)": round(rng.choice([0, 0, 0, rng.uniform(1, 400)]), 2),
            "Notes": rng.choice(notes),
        })
    return pd.DataFrame(out)


def _steuer_id(rng: random.Random) -> str:
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(10)]
    return "".join(map(str, digits))


def _rvnr(rng: random.Random, d: date, last: str) -> str:
    letter = (last[:1] or "X").upper().replace("Ä", "A").replace("Ö", "O").replace("Ü", "U")
    return f"{rng.choice([12, 13, 15, 18, 23, 24, 28, 42, 53, 65])}{d:%d%m%y}{letter}{rng.randint(0, 999):03d}"


def _arbeitsagentur(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _fk("de_DE", 2)
    status = ("arbeitsuchend", "arbeitslos", "in Maßnahme", "abgemeldet", "arbeitsuchend", "arbeitslos")
    nat = ("deutsch", "deutsch", "deutsch", "türkisch", "polnisch", "syrisch", "italienisch", "ukrainisch", "rumänisch")
    bem = (
        "Profiling abgeschlossen", "Eingliederungsvereinbarung unterschrieben", "", "", "Bewerbungstraining angeboten",
        "Termin verschoben", "VV Gabelstaplerschein", "Rückruf erbeten", "Maßnahme AVGS bewilligt\nBeginn folgt",
    )
    advisers = [f"{_fk('de_DE', 200 + k).last_name()}, {_fk('de_DE', 300 + k).first_name()}" for k in range(40)]
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        d = _dob(rng, 1960, 2006)
        plz = f.postcode()
        out.append({
            "Kundennummer": f"{rng.randint(100, 999)}D{rng.randint(100000, 999999)}",
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Herr", "divers"]),
            "Vorname": first,
            "Nachname": last,
            "Geburtsdatum": d.strftime("%d.%m.%Y"),
            "Geburtsort": _blank(rng, f.city(), 0.1),
            "Staatsangehörigkeit": rng.choice(nat),
            "Straße + Hausnr.": f.street_address(),
            "PLZ": int(plz) if rng.random() < 0.5 else plz,
            "Wohnort": f.city(),
            "Telefon": _blank(rng, f.phone_number(), 0.15),
            "E-Mail": _blank(rng, f.free_email(), 0.3),
            "Steuer-ID": _blank(rng, _steuer_id(rng), 0.2),
            "RV-Nummer": _blank(rng, _rvnr(rng, d, last), 0.1),
            "IBAN Leistungszahlung": _blank(rng, f.iban() if rng.random() < 0.6 else " ".join(f.iban()[k:k + 4] for k in range(0, 22, 4)), 0.25),
            "Zielberuf": f.job(),
            "Berufserfahrung (Jahre)": float(rng.randint(0, 35)),
            "arbeitslos seit": _event(rng, 2021, 2025).strftime("%d.%m.%Y"),
            "Vermittler/in": rng.choice(advisers),
            "Status": rng.choice(status),
            "Letzter Termin": _event(rng, 2024, 2025).strftime("%d.%m.%Y %H:%M"),
            "Bemerkung": rng.choice(bem),
        })
    return pd.DataFrame(out)


def _syndic(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _fk("fr_FR", 3)
    notaires = [f"Me {_fk('fr_FR', 400 + k).first_name()} {_fk('fr_FR', 500 + k).last_name()}" for k in range(25)]
    obs = ("", "", "Relance envoyée", "Mise en demeure AR", "Échéancier accepté", "Vente en cours",
           "RAS", "Dégât des eaux signalé\nlot voisin", "Bailleur - locataire en place")
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        login = (first[0] + last).lower().replace(" ", "").replace("'", "") + str(rng.randint(1, 99))
        out.append({
            "N° lot": rng.randint(1, 320),
            "Bât.": rng.choice("ABCDE"),
            "Tantièmes": rng.randint(12, 480),
            "Civilité": rng.choice(["M.", "Mme", "Mme", "M.", "M. et Mme", "SCI"]),
            "NOM": last.upper(),
            "Prénom": first,
            "Adresse postale": f.street_address(),
            "CP": f.postcode(),
            "Ville": f.city(),
            "Tél. portable": _blank(rng, f.phone_number(), 0.2),
            "Tél. fixe": _blank(rng, f.phone_number(), 0.65),
            "Courriel": _blank(rng, f.email(), 0.15),
            "IBAN (prélèvement)": _blank(rng, f.iban(), 0.45),
            "Réf. mandat SEPA": f"RUM-{rng.randint(2012, 2025)}-{i + 1:06d}",
            "Notaire": _blank(rng, rng.choice(notaires), 0.5),
            "Identifiant extranet": _blank(rng, login, 0.3),
            "Date d'acquisition": _event(rng, 1995, 2025).strftime("%d/%m/%Y"),
            "Solde (€)": round(rng.uniform(-2500, 800), 2),
            "Appel T1 2025": round(rng.uniform(150, 1800), 2),
            "Conseil syndical": rng.choice(["Oui", "Non", "Non", "Non"]),
            "Observations": rng.choice(obs),
        })
    return pd.DataFrame(out)


def _vet(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _fk("es_ES", 4)
    vets = [f"{rng.choice(['Dr.', 'Dra.'])} {_fk('es_ES', 600 + k).first_name()} {_fk('es_ES', 700 + k).last_name()}" for k in range(12)]
    species = {"Perro": ("Mestizo", "Labrador", "Yorkshire", "Galgo", "Pastor alemán", "Bulldog francés"),
               "Gato": ("Común europeo", "Siamés", "Persa"), "Conejo": ("Enano",), "Hurón": ("",)}
    pets = ("Luna", "Toby", "Coco", "Kira", "Rocky", "Nala", "Simba", "Lola", "Max", "Bimba", "Thor", "Chispa")
    obs = ("Vacuna rabia al día", "", "Desparasitado", "Alergia a pollo", "Castrado", "",
           "Control de peso\nrevisar en 3 meses", "Muerde - usar bozal", "Pendiente analítica")
    out = []
    for i in range(rows):
        sp = rng.choice(sorted(species))
        d = _dob(rng, 1940, 2004)
        out.append({
            "id_cliente": 20000 + i,
            "nombre": f.first_name(),
            "apellidos": f"{f.last_name()} {f.last_name()}",
            "dni_nie": _blank(rng, f.nif() if rng.random() < 0.85 else f.nie(), 0.08),
            "fecha_nacimiento": _blank(rng, rng.choice([d.strftime("%d/%m/%Y"), d.isoformat()]), 0.6),
            "direccion": f.street_address(),
            "cp": f.postcode(),
            "localidad": f.city(),
            "provincia": f.state(),
            "telefono_movil": _blank(rng, f.phone_number(), 0.05),
            "email": _blank(rng, f.email(), 0.3, ("", None)),
            "iban_domiciliacion": _blank(rng, f.iban(), 0.7, (None,)),
            "nombre_mascota": rng.choice(pets),
            "especie": sp,
            "raza": rng.choice(species[sp]),
            "n_microchip": f"{rng.choice(['941', '724', '977'])}{rng.randint(0, 10**12 - 1):012d}",
            "ultima_visita": _event(rng, 2022, 2025).isoformat(timespec="minutes"),
            "veterinario": rng.choice(vets),
            "importe_pendiente": round(rng.choice([0.0, 0.0, rng.uniform(10, 350)]), 2),
            "consentimiento_rgpd": rng.random() < 0.9,
            "observaciones": rng.choice(obs),
        })
    return pd.DataFrame(out)


def _kontonr(rng: random.Random) -> str:
    s = f"{rng.randint(1200, 9999)}{rng.randint(10, 99)}{rng.randint(10000, 99999)}"
    return f"{s[:4]}.{s[4:6]}.{s[6:]}" if rng.random() < 0.6 else s


def _pensjon(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _fk("no_NO", 5)
    lev = ("Storebrand", "KLP", "DNB Livsforsikring", "Gjensidige Pensjon", "SpareBank 1 Forsikring", "Nordea Liv")
    avd = ("Lager", "Økonomi", "Salg", "IT", "Produksjon", "HR", "Kundeservice")
    out = []
    for i in range(rows):
        d = _dob(rng, 1958, 2004)
        out.append({
            "Ansattnr": 1000 + i,
            "Fødselsnummer": f"{d:%d%m%y}{rng.randint(0, 99999):05d}",
            "Fornavn": f.first_name(),
            "Etternavn": f.last_name(),
            "Fødselsdato": d.strftime("%d.%m.%Y"),
            "Adresse": f.street_address(),
            "Postnr": f.postcode(),
            "Poststed": f.city().upper() if rng.random() < 0.5 else f.city(),
            "Mobil": _blank(rng, f.phone_number(), 0.1),
            "E-post": _blank(rng, f.email(), 0.2),
            "Kontonummer": _blank(rng, _kontonr(rng), 0.05),
            "Stillingsprosent": rng.choice([100.0, 100.0, 80.0, 50.0, 60.0, 20.0]),
            "Årslønn (NOK)": rng.randint(380, 1100) * 1000,
            "Innskuddssats %": rng.choice([2.0, 3.0, 4.0, 5.0, 7.0]),
            "Avtalenummer": f"TJP-{rng.randint(100000, 999999)}",
            "Pensjonsleverandør": rng.choice(lev),
            "Ansatt dato": _event(rng, 2000, 2025).date(),
            "Begunstiget": _blank(rng, f.name(), 0.75, (None,)),
            "Avdeling": rng.choice(avd),
        })
    return pd.DataFrame(out)


def _loyalty(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _fk("en_US", 6)
    g = _fk("en_GB", 7)
    tiers = ("Bronze", "Silver", "Gold", "Platinum")
    out = []
    for _i in range(rows):
        src = f if rng.random() < 0.7 else g
        first, last = src.first_name(), src.last_name()
        handle = rng.choice([f.user_name(), f"{first.lower()}{rng.randint(1, 999)}", f"{first[0].lower()}_{last.lower()}"])
        card = f.credit_card_number() if rng.random() < 0.35 else ""
        last4 = card[-4:] if card else f"{rng.randint(0, 9999):04d}"
        out.append({
            "memberId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "loyaltyCardNo": f"6{rng.randint(10**11, 10**12 - 1)}",
            "firstName": first,
            "lastName": last,
            "displayName": rng.choice([f"{first} {last[0]}.", f"{first} {last}", first]),
            "username": handle,
            "emailAddress": _blank(rng, src.email(), 0.05),
            "mobile": _blank(rng, src.phone_number(), 0.3),
            "birthday": _blank(rng, _dob(rng, 1950, 2007).strftime(rng.choice(["%m/%d/%Y", "%Y-%m-%d"])), 0.45),
            "zip": _blank(rng, src.postcode(), 0.1),
            "city": src.city(),
            "homeStore": f"Store #{rng.randint(1, 650):04d}",
            "pointsBalance": rng.randint(0, 60000),
            "tier": rng.choice(tiers),
            "lastLoginIp": _blank(rng, f.ipv4_public() if rng.random() < 0.85 else f.ipv6(), 0.1),
            "deviceOs": rng.choice(["iOS 17.4", "iOS 18.1", "Android 14", "Android 13", "web"]),
            "appVersion": f"{rng.randint(3, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
            "pushToken": f.sha256()[:40] if rng.random() < 0.7 else "",
            "signupTs": _event(rng, 2017, 2025).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "marketingOptIn": rng.choice(["true", "false"]),
            "savedCardMasked": f"**** {last4}" if rng.random() < 0.6 else "",
            "cardOnFile": card,
            "referralCode": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8)),
        })
    return pd.DataFrame(out)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table; table sizes scale with rows (at least 1,000 rows each at the default 2,000)."""
    sizes = {
        "ca_pharmacy_patients": rows,
        "de_arbeitsuchende": int(rows * 0.8),
        "fr_syndic_coproprietaires": int(rows * 0.6),
        "es_clinica_vet_propietarios": int(rows * 0.75),
        "no_pensjon_medlemmer": int(rows * 0.55),
        "loyalty_app_members": rows,
    }
    builders = {
        "ca_pharmacy_patients": _pharmacy,
        "de_arbeitsuchende": _arbeitsagentur,
        "fr_syndic_coproprietaires": _syndic,
        "es_clinica_vet_propietarios": _vet,
        "no_pensjon_medlemmer": _pensjon,
        "loyalty_app_members": _loyalty,
    }
    return {t: builders[t](sizes[t]) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        p = out_dir / FILES[name]
        if name == "ca_pharmacy_patients":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        elif name == "de_arbeitsuchende":
            df.to_csv(p, index=False, sep=";", encoding="cp1252", decimal=",", errors="replace")
        elif name == "fr_syndic_coproprietaires":
            df.to_excel(p, index=False, sheet_name="Copropriétaires", engine="openpyxl")
        elif name == "es_clinica_vet_propietarios":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        elif name == "no_pensjon_medlemmer":
            df.to_parquet(p, index=False)
        else:
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        paths[name] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout34.py OUT_DIR")
    for t, p in write_all(Path(sys.argv[1])).items():
        print(t, p)
