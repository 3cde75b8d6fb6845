"""Blind held-out set heldout40: six exports from UK, DE, FR, IT, PL and SaaS systems.

Public API (same as the other held-out sets): ``TABLES``, ``labels()``, ``make_tables(rows)``,
``write_all(out_dir, rows)``; run as ``python gen_heldout40.py OUT_DIR`` to write the files.
Seeded and deterministic; values come from Faker and local code, no network.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 40400
HERE = Path(__file__).resolve().parent
TABLES = (
    "uk_estate_contacts",
    "autohaus_kunden",
    "mairie_etat_civil",
    "banca_conti",
    "kurier_przesylki",
    "saas_billing_customers",
)
FILES = {
    "uk_estate_contacts": "uk_estate_contacts.csv",
    "autohaus_kunden": "autohaus_kunden.csv",
    "mairie_etat_civil": "mairie_etat_civil.xlsx",
    "banca_conti": "banca_conti.parquet",
    "kurier_przesylki": "kurier_przesylki.jsonl",
    "saas_billing_customers": "saas_billing_customers.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _maybe(rng: random.Random, value, p_blank: float, blanks=("",)):
    """Return value, or a blank token with probability p_blank."""
    if rng.random() < p_blank:
        return rng.choice(blanks)
    return value


def _dob(rng: random.Random, lo: int = 1938, hi: int = 2004) -> date:
    return date(rng.randint(lo, hi), 1, 1) + timedelta(days=rng.randint(0, 364))


def _event(rng: random.Random, start: date, days: int) -> datetime:
    return datetime(start.year, start.month, start.day) + timedelta(
        days=rng.randint(0, days), seconds=rng.randint(0, 86399)
    )


def _uk(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_GB", 1)
    firms = [f.company() + " Solicitors" for _ in range(40)]
    notes = [
        "Viewed twice, liked the garden but kitchen needs work.",
        "Chain free. Mortgage AIP seen.",
        "Wants off-road parking, flexible on completion.",
        "Needs to sell own property first.\nSTC elsewhere, keep informed.",
        "Cash buyer - proof of funds on file.",
        "Valuation booked, awaiting instruction.",
        "",
        "n/a",
    ]
    out = []
    for i in range(rows):
        title = rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"])
        first, last = f.first_name(), f.last_name()
        kind = rng.choice(["Vendor", "Buyer", "Buyer", "Landlord", "Applicant"])
        addr = f"{f.street_address()}\n{f.city()}"
        if rng.random() < 0.5:
            addr = addr.replace("\n", ", ")
        out.append({
            "Contact ID": f"CN-{100000 + i * 7:06d}",
            "Contact Type": kind,
            "Title": title,
            "Forename": first,
            "Surname": _maybe(rng, last.upper() if rng.random() < 0.1 else last, 0.01),
            "Salutation": f"Dear {title} {last}" if rng.random() < 0.7 else f"Dear {first}",
            "Email": _maybe(rng, f.email(), 0.08),
            "Tel (Home)": _maybe(rng, f.phone_number(), 0.55),
            "Mobile": _maybe(rng, f.cellphone_number(), 0.12),
            "Correspondence Address": addr,
            "Postcode": _maybe(rng, f.postcode(), 0.03),
            "Property Ref": f"{rng.choice(['HAR', 'KEN', 'WIM', 'BAL'])}{rng.randint(1000, 9999)}",
            "Asking Price (£)": _maybe(rng, float(rng.randrange(150000, 1500000, 5000)), 0.4),
            "Max Budget": _maybe(rng, f"£{rng.randrange(150, 1200, 5)}k", 0.4),
            "Min Beds": rng.choice([1, 2, 2, 3, 3, 4, 5]),
            "Buying Position": rng.choice(["FTB", "Chain free", "Property to sell", "Under offer", "Cash", ""]),
            "Solicitor Firm": _maybe(rng, rng.choice(firms), 0.5),
            "AML Passport No": _maybe(rng, f"{rng.randint(100000000, 999999999)}", 0.6),
            "DOB": _maybe(rng, _dob(rng).strftime("%d/%m/%Y"), 0.6),
            "Registered": _event(rng, date(2021, 1, 1), 1200).strftime("%d/%m/%Y %H:%M"),
            "Rightmove Lead ID": _maybe(rng, rng.randint(10**8, 10**9), 0.5),
            "Viewing Notes": rng.choice(notes),
            "Mktg Opt-In": rng.choice(["Y", "N", "N"]),
        })
    return pd.DataFrame(out)


def _ausweis(rng: random.Random) -> str:
    alphabet = "CFGHJKLMNPRTVWXYZ0123456789"
    return "".join(rng.choice(alphabet) for _ in range(9))


def _de(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("de_DE", 2)
    seller = [f.name() for _ in range(12)]
    models = ["VW Golf 8 1.5 eTSI", "VW T-Roc Style", "Audi A4 Avant 40 TDI", "Skoda Octavia Combi",
              "VW ID.4 Pro", "Seat Leon FR", "VW Polo Life", "Audi Q3 Sportback"]
    remarks = ["Inspektion fällig", "Reifenwechsel eingelagert (8 Winterräder)", "Leasingrückläufer",
               "Garantieverlängerung angeboten", "", "", "Probefahrt vereinbart\nRückruf erwünscht"]
    out = []
    for i in range(rows):
        plz = f.postcode()
        out.append({
            "KdNr": 200000 + i * 3,
            "Anrede": rng.choice(["Herr", "Frau", "Firma", ""]),
            "Vorname": f.first_name(),
            "Nachname": f.last_name(),
            "Firma": _maybe(rng, f.company(), 0.85),
            "Straße u. Hausnr.": f.street_address(),
            "PLZ": int(plz) if rng.random() < 0.4 else plz,
            "Ort": f.city(),
            "Tel. privat": _maybe(rng, f.phone_number(), 0.45),
            "Handy": _maybe(rng, f"01{rng.choice(['51', '52', '60', '70', '76'])} {rng.randint(1000000, 99999999)}", 0.2),
            "E-Mail": _maybe(rng, f.free_email(), 0.15),
            "Geb.-Datum": _maybe(rng, _dob(rng).strftime("%d.%m.%Y"), 0.3),
            "Personalausweis-Nr.": _maybe(rng, _ausweis(rng), 0.7),
            "IBAN (Lastschrift)": _maybe(rng, f.iban(), 0.5),
            "FIN": "W" + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(16)),
            "amtl. Kennzeichen": f.license_plate(),
            "Modell": rng.choice(models),
            "EZ": _event(rng, date(2012, 1, 1), 4000).strftime("%m/%Y"),
            "km-Stand": float(rng.randint(500, 220000)),
            "letzter WS-Termin": _maybe(rng, _event(rng, date(2023, 1, 1), 700).strftime("%d.%m.%Y"), 0.2),
            "Verkäufer": rng.choice(seller),
            "Bemerkung": rng.choice(remarks),
            "Newsletter (j/n)": rng.choice(["j", "n", "n"]),
        })
    return pd.DataFrame(out)


def _nir(rng: random.Random, born: date) -> str:
    base = f"{rng.choice([1, 2])}{born.year % 100:02d}{born.month:02d}{rng.randint(1, 95):02d}" \
           f"{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(base) % 97
    return f"{base[0]} {base[1:3]} {base[3:5]} {base[5:7]} {base[7:10]} {base[10:13]} {key:02d}"


def _fr(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("fr_FR", 3)
    obs = ["Pièce d'identité vérifiée", "Demande incomplète, relance envoyée", "", "",
           "Transmis au service central\nRéponse sous 10 jours", "Acte non détenu par la commune"]
    out = []
    for i in range(rows):
        born = _dob(rng, 1925, 2023)
        interested_last = f.last_name()
        usage = f.last_name() if rng.random() < 0.25 else ""
        out.append({
            "N° demande": f"EC-{2023 + i % 2}-{i + 1:06d}",
            "Date de la demande": _event(rng, date(2023, 1, 1), 700).strftime("%d/%m/%Y"),
            "Type d'acte": rng.choice(["Naissance", "Mariage", "Décès", "Naissance"]),
            "Nature de la copie": rng.choice(["Copie intégrale", "Extrait avec filiation",
                                              "Extrait sans filiation", "Extrait plurilingue"]),
            "Nom du demandeur": f.last_name().upper(),
            "Prénom(s) demandeur": f.first_name() + (f" {f.first_name()}" if rng.random() < 0.3 else ""),
            "Qualité du demandeur": rng.choice(["Intéressé(e)", "Père/Mère", "Conjoint(e)", "Notaire",
                                                "Descendant(e)", "Avocat"]),
            "Adresse postale": f.street_address(),
            "CP": int(f.postcode()) if rng.random() < 0.3 else f.postcode(),
            "Commune": f.city(),
            "Courriel": _maybe(rng, f.email(), 0.2),
            "Tél.": _maybe(rng, f.phone_number(), 0.35),
            "NOM de l'intéressé(e)": interested_last.upper(),
            "Nom d'usage": usage,
            "Né(e) le": born.strftime("%d/%m/%Y") if rng.random() < 0.8 else born,
            "Lieu de naissance": f"{f.city()} ({rng.randint(1, 95):02d})",
            "Nom et prénom du père": _maybe(rng, f"{f.last_name().upper()} {f.first_name_male()}", 0.15),
            "Nom et prénom de la mère": _maybe(rng, f"{f.last_name().upper()} {f.first_name_female()}", 0.1),
            "NIR": _maybe(rng, _nir(rng, born), 0.75),
            "Mode de délivrance": rng.choice(["Courrier", "Guichet", "COMEDEC", "Service-Public.fr"]),
            "Statut": rng.choice(["Traitée", "En cours", "Rejetée", "Traitée"]),
            "Délai (j)": rng.randint(0, 30),
            "Observations": rng.choice(obs),
            "Pays": rng.choice(["France", "France", "France", "Belgique", "Maroc"]),
        })
    return pd.DataFrame(out)


def _it(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("it_IT", 4)
    out = []
    for i in range(rows):
        last, first = f.last_name(), f.first_name()
        street, rest = f.street_address(), f.postcode()
        out.append({
            "NDG": 4000000 + i * 11,
            "Cod. Filiale": f"{rng.randint(1, 450):05d}",
            "Nr. Conto": f"{rng.randint(1, 99999999):012d}" if rng.random() < 0.6 else str(rng.randint(1, 99999999)),
            "Tipo rapporto": rng.choice(["C/C ordinario", "Conto Giovani", "C/C online", "Conto deposito"]),
            "Intestatario": f"{last.upper()} {first.upper()}",
            "Cointestatario": _maybe(rng, f"{f.last_name().upper()} {f.first_name().upper()}", 0.8),
            "Codice Fiscale": f.ssn(),
            "Data Nascita": _dob(rng),
            "Luogo di nascita": f.city(),
            "Indirizzo residenza": street,
            "CAP": rest,
            "Comune": f.city(),
            "Prov.": f.state_abbr(),
            "Cellulare": _maybe(rng, f"+39 3{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}", 0.15),
            "E-mail": _maybe(rng, f.email(), 0.2),
            "IBAN": f.iban(),
            "Saldo contabile (EUR)": round(rng.uniform(-2500, 80000), 2),
            "Fido accordato": _maybe(rng, float(rng.choice([500, 1000, 2500, 5000])), 0.7, (None,)),
            "Data apertura": _event(rng, date(2005, 1, 1), 6500).date(),
            "Stato": rng.choice(["ATTIVO", "ATTIVO", "ESTINTO", "BLOCCATO"]),
            "Codice utente HB": _maybe(rng, f.user_name(), 0.3, (None,)),
            "Profilo MiFID": rng.choice(["Prudente", "Moderato", "Dinamico", None]),
            "Carta di debito": f"**** **** **** {rng.randint(0, 9999):04d}",
            "Flag PEP": rng.choice([False, False, False, True]),
        })
    return pd.DataFrame(out)


def _pl(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("pl_PL", 5)
    shops = [f.company() for _ in range(30)]
    couriers = [f.name() for _ in range(25)]
    notes = ["Zostawić u sąsiada", "Dzwonić przed doręczeniem", "", "", "brak",
             "Uszkodzone opakowanie\nProtokół szkody", "Domofon nie działa"]
    out = []
    for _i in range(rows):
        cod = rng.random() < 0.3
        out.append({
            "nr_przesylki": f"6{rng.randint(10**22, 10**23 - 1)}",
            "data_nadania": _event(rng, date(2024, 1, 1), 300).strftime("%Y-%m-%d %H:%M:%S"),
            "nadawca": rng.choice(shops),
            "odbiorca_imie_nazwisko": f.name(),
            "odbiorca_ulica": f.street_address(),
            "odbiorca_kod_pocztowy": f.postcode(),
            "odbiorca_miejscowosc": f.city(),
            "odbiorca_tel": _maybe(rng, f.phone_number(), 0.05),
            "odbiorca_email": _maybe(rng, f.email(), 0.25, (None, "")),
            "odbiorca_login": _maybe(rng, f.user_name(), 0.6, (None,)),
            "paczkomat": _maybe(rng, f"{rng.choice(['WAW', 'KRA', 'GDA', 'POZ', 'WRO'])}{rng.randint(1, 399):02d}M", 0.5, (None,)),
            "gabaryt": rng.choice(["A", "B", "C"]),
            "waga_kg": round(rng.uniform(0.1, 25), 2),
            "pobranie_kwota": round(rng.uniform(20, 900), 2) if cod else None,
            "nr_rachunku_pobrania": f.bban() if cod else None,
            "pesel_odbiorcy": f.pesel() if rng.random() < 0.12 else None,
            "kurier": rng.choice(couriers),
            "status": rng.choice(["doręczona", "w drodze", "awizo", "zwrot do nadawcy", "doręczona"]),
            "uwagi": rng.choice(notes),
            "ostatnia_aktualizacja": _event(rng, date(2024, 10, 1), 60).isoformat(),
        })
    return pd.DataFrame(out)


def _saas(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    locales = ["en_US", "en_GB", "en_CA", "en_AU"]
    fakers = {loc: _faker(loc, 60 + k) for k, loc in enumerate(locales)}
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    out = []
    for _ in range(rows):
        loc = rng.choice(locales)
        f = fakers[loc]
        name = f.name()
        ship = rng.random() < 0.2
        brand = rng.choice(["Visa", "MasterCard", "American Express", ""])
        out.append({
            "id": "cus_" + "".join(rng.choice(alnum) for _ in range(14)),
            "Description": rng.choice(["Pro plan (annual)", "Team trial", "migrated from v1", "", ""]),
            "Email": f.email(),
            "Name": _maybe(rng, name, 0.1),
            "Created (UTC)": _event(rng, date(2020, 6, 1), 1600).strftime("%Y-%m-%d %H:%M"),
            "Delinquent": rng.choice(["false", "false", "true"]),
            "Balance": rng.choice([0, 0, 0, -500, 1200]),
            "Currency": {"en_US": "usd", "en_GB": "gbp", "en_CA": "cad", "en_AU": "aud"}[loc],
            "Card ID": ("card_" + "".join(rng.choice(alnum) for _ in range(24))) if brand else "",
            "Card Brand": brand,
            "Card Last4": f"{rng.randint(0, 9999):04d}" if brand else "",
            "Card Exp Month": rng.randint(1, 12) if brand else None,
            "Card Exp Year": rng.randint(2025, 2031) if brand else None,
            "Card Address Line1": _maybe(rng, f.street_address(), 0.3),
            "Card Address City": _maybe(rng, f.city(), 0.3),
            "Card Address Zip": _maybe(rng, f.postcode(), 0.25),
            "Card Address Country": {"en_US": "US", "en_GB": "GB", "en_CA": "CA", "en_AU": "AU"}[loc],
            "Phone": _maybe(rng, f.phone_number(), 0.6),
            "Plan": rng.choice(["starter_monthly", "pro_monthly", "pro_annual", "enterprise"]),
            "Total Spend": round(rng.uniform(0, 25000), 2),
            "Payment Count": rng.randint(0, 60),
            "metadata.user_id": f.uuid4(),
            "metadata.username": f.user_name(),
            "metadata.signup_ip": _maybe(rng, f.ipv4_public() if rng.random() < 0.85 else f.ipv6(), 0.1),
            "Shipping Name": name if ship else "",
            "Shipping Address Line1": f.street_address() if ship else "",
        })
    return pd.DataFrame(out)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table; row counts scale with rows (1,200-2,000 at the default)."""
    return {
        "uk_estate_contacts": _uk(rows),
        "autohaus_kunden": _de(rows * 3 // 4),
        "mairie_etat_civil": _fr(rows * 3 // 5),
        "banca_conti": _it(rows),
        "kurier_przesylki": _pl(rows),
        "saas_billing_customers": _saas(rows * 4 // 5),
    }


def _write(name: str, df: pd.DataFrame, path: Path) -> None:
    if name == "uk_estate_contacts":
        df.to_csv(path, index=False, encoding="utf-8")
    elif name == "autohaus_kunden":
        df.to_csv(path, index=False, sep=";", encoding="cp1252", errors="replace")
    elif name == "mairie_etat_civil":
        df.to_excel(path, index=False, engine="openpyxl")
    elif name == "banca_conti":
        df.to_parquet(path, index=False)
    elif name == "kurier_przesylki":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        df.to_csv(path, index=False, encoding="utf-8-sig")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir and return {table: path}."""
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
        sys.exit("usage: gen_heldout40.py OUT_DIR")
    for table, p in write_all(Path(sys.argv[1])).items():
        print(table, p)
