"""Blind held-out tables (set 48): six exports from NZ, Swiss, Italian, Danish, Polish and telehealth systems.

Seeded and deterministic; labels live in labels.yaml next to this file and were written by hand.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 48480
HERE = Path(__file__).resolve().parent
TABLES = (
    "nz_vet_owners",
    "ch_kk_mitglieder",
    "it_studio_clienti",
    "dk_fitness_medlemmer",
    "pl_hotel_meldunek",
    "telehealth_appointments",
)
FILES = {
    "nz_vet_owners": "nz_vet_owners.csv",
    "ch_kk_mitglieder": "ch_kk_mitglieder.csv",
    "it_studio_clienti": "it_studio_clienti.xlsx",
    "dk_fitness_medlemmer": "dk_fitness_medlemmer.parquet",
    "pl_hotel_meldunek": "pl_hotel_meldunek.jsonl",
    "telehealth_appointments": "telehealth_appointments.tsv",
}
ROWS = {
    "nz_vet_owners": 1.0,
    "ch_kk_mitglieder": 0.9,
    "it_studio_clienti": 0.6,
    "dk_fitness_medlemmer": 1.0,
    "pl_hotel_meldunek": 0.75,
    "telehealth_appointments": 0.95,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, seed: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(seed)
    return f


def _blank(rng: random.Random, value, p: float, blanks=("", None, "", "n/a")):
    """Replace value by a blank-like token with probability p."""
    if rng.random() < p:
        return rng.choice(blanks)
    return value


def _dob(rng: random.Random, lo: int = 18, hi: int = 90) -> date:
    return date(2025, 6, 30) - timedelta(days=rng.randint(lo * 365, hi * 365))


def _event(rng: random.Random, start: date, days: int) -> datetime:
    return datetime(start.year, start.month, start.day) + timedelta(seconds=rng.randint(0, days * 86400))


def _nz(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("en_NZ", SEED + 1)
    species = {"Canine": ["Labrador Retriever", "Huntaway", "Border Collie", "Jack Russell Terrier", "Heading Dog"],
               "Feline": ["DSH", "DLH", "Burmese", "Ragdoll"], "Rabbit": ["Lop", "Netherland Dwarf"],
               "Equine": ["Thoroughbred", "Clydesdale"]}
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        sp = rng.choice(sorted(species))
        dob = _dob(rng, 18, 85)
        user = rng.choice([f"{first.lower()}.{last.lower()}", f"{first[0].lower()}{last.lower()}{rng.randint(1, 99)}",
                           f.user_name()])
        out.append({
            "ClientID": 100200 + i * 3 + rng.randint(0, 2),
            "Title": rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", ""]),
            "Owner First Name": first,
            "Owner Surname": last.upper() if rng.random() < 0.1 else last,
            "Email Addr": _blank(rng, f"{first.lower()}.{last.lower()}@{f.free_email_domain()}", 0.12),
            "Mobile Ph": _blank(rng, "02" + str(rng.randint(1, 9)) + " " + str(rng.randint(100, 999)) + " "
                                + str(rng.randint(1000, 9999)), 0.08),
            "Home Ph": _blank(rng, "(0" + str(rng.choice([3, 4, 6, 7, 9])) + ") " + f.numerify("### ####"), 0.6),
            "Street Address": f.street_address(),
            "Town/City": f.city(),
            "Post Code": int(f.postcode()),
            "Owner DOB": _blank(rng, dob.strftime("%d/%m/%Y"), 0.25),
            "Species": sp,
            "Breed": rng.choice(species[sp]),
            "Microchip #": _blank(rng, "982" + f.numerify("############"), 0.3),
            "Last Visit": _event(rng, date(2023, 1, 1), 900).strftime("%d/%m/%Y"),
            "Balance Owing ($)": round(rng.choice([0, 0, 0, rng.uniform(15, 1800)]), 2),
            "Reminder Opt-In": rng.choice(["Y", "N"]),
            "VetPortal Login": _blank(rng, user, 0.4),
        })
    return pd.DataFrame(out)


def _ahv(rng: random.Random) -> str:
    digits = "756" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    total = sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(digits))
    check = (10 - total % 10) % 10
    full = digits + str(check)
    return f"{full[:3]}.{full[3:7]}.{full[7:11]}.{full[11:]}"


def _ch(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("de_CH", SEED + 2)
    doctors = _faker("de_CH", SEED + 22)
    models = ["Standard", "Hausarzt", "HMO", "Telmed"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 0, 95)
        iban = f.iban()
        out.append({
            "Mitglied-Nr.": f"{rng.randint(1, 9)}{i + 204113:07d}",
            "Anrede": rng.choice(["Herr", "Frau", ""]),
            "Vorname": first,
            "Nachname": last,
            "Geburtsdatum": dob.strftime("%d.%m.%Y"),
            "AHV-Nr.": _blank(rng, _ahv(rng), 0.05),
            "Strasse / Nr.": f.street_address(),
            "PLZ": f.postcode(),
            "Ort": f.city(),
            "Kanton": f.canton_code(),
            "Tel. privat": _blank(rng, f.phone_number(), 0.2),
            "E-Mail": _blank(rng, f.email(), 0.3),
            "IBAN Rückerstattung": _blank(rng, " ".join(iban[k:k + 4] for k in range(0, len(iban), 4))
                                          if rng.random() < 0.5 else iban, 0.35),
            "Versicherungsmodell": rng.choice(models),
            "Franchise CHF": rng.choice([300, 500, 1000, 1500, 2000, 2500]),
            "Prämie/Monat": f"{rng.uniform(180, 720):.2f}",
            "Eintritt": _event(rng, date(2001, 1, 1), 8500).strftime("%d.%m.%Y"),
            "Zusatzvers. (J/N)": rng.choice(["J", "N"]),
            "Hausarzt": _blank(rng, f"Dr. med. {doctors.first_name()} {doctors.last_name()}", 0.45),
            "Letzte Änderung": _event(rng, date(2024, 1, 1), 600).strftime("%Y-%m-%d %H:%M:%S"),
        })
    return pd.DataFrame(out)


def _it(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("it_IT", SEED + 3)
    regimi = ["Forfettario", "Ordinario", "Semplificato"]
    ateco = ["62.01.00", "69.20.11", "47.11.40", "86.21.00", "43.21.01", "56.10.11", "74.10.21"]
    notes = ["Sollecitare invio fatture del trimestre.", "Dichiarazione precompilata da verificare.",
             "Cliente passato al regime forfettario dal 2024.", "", "", "Inviare F24 entro il 16 del mese.",
             "Documenti consegnati in studio,\nmanca estratto conto di dicembre.", "Contratto rinnovato."]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 22, 80)
        out.append({
            "Cod. Cliente": f"C{i + 311:05d}",
            "Nominativo": f"{last.upper()} {first.upper()}" if rng.random() < 0.6 else f"{last} {first}",
            "Codice Fiscale": f.ssn(),
            "P.IVA": _blank(rng, f.company_vat().removeprefix("IT"), 0.45),
            "Data di nascita": _blank(rng, dob.strftime("%d/%m/%Y"), 0.1),
            "Luogo di nascita": f.city(),
            "Indirizzo": f.street_address(),
            "CAP": int(f.postcode()),
            "Comune": f.city(),
            "Prov.": f.state_abbr(),
            "Tel.": _blank(rng, f.phone_number(), 0.5),
            "Cellulare": _blank(rng, "3" + f.numerify("## ### ####"), 0.15),
            "E-mail": _blank(rng, f.email(), 0.2),
            "PEC": _blank(rng, f"{first.lower()}.{last.lower()}@pec.it".replace(" ", ""), 0.55),
            "IBAN": _blank(rng, f.iban(), 0.4),
            "Regime fiscale": rng.choice(regimi),
            "Cod. ATECO": rng.choice(ateco),
            "Onorario annuo (€)": float(rng.choice([600, 900, 1200, 1800, 2400, 3600])),
            "Data incarico": _event(rng, date(2010, 1, 1), 5400).date(),
            "Note": rng.choice(notes),
        })
    return pd.DataFrame(out)


def _cpr(dob: date, rng: random.Random) -> str:
    return dob.strftime("%d%m%y") + "-" + f"{rng.randint(0, 9999):04d}"


def _dk(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("da_DK", SEED + 4)
    cards = _faker("en_US", SEED + 44)
    types = ["Basis", "Fri træning", "Hold+", "Off-peak", "Student"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 16, 75)
        created = _event(rng, date(2018, 1, 1), 2500)
        out.append({
            "Medlemsnr": 500000 + i,
            "Fornavn": first,
            "Efternavn": last,
            "CPR-nr.": _blank(rng, _cpr(dob, rng), 0.2),
            "Fødselsdato": dob.isoformat(),
            "Adresse": f.street_address(),
            "Postnr.": int(f.postcode()),
            "By": f.city(),
            "Mobil": _blank(rng, f.phone_number(), 0.05),
            "E-mail": _blank(rng, f.email(), 0.05),
            "Brugernavn (app)": _blank(rng, f.user_name(), 0.3),
            "Kortnummer": _blank(rng, cards.credit_card_number(card_type=rng.choice(["visa", "mastercard"])), 0.5),
            "Reg.nr./Kontonr.": _blank(rng, f"{rng.randint(1000, 9899)} {rng.randint(0, 9999999999):010d}", 0.5),
            "Medlemskabstype": rng.choice(types),
            "Månedspris kr.": float(rng.choice([199, 249, 299, 349, 129])),
            "Oprettet": created,
            "Sidste check-in": created + timedelta(seconds=rng.randint(0, 60_000_000)),
            "Nøglebrik ID": f"{rng.getrandbits(32):08X}",
            "Aktiv": rng.random() < 0.8,
            "Antal besøg": rng.randint(0, 600),
        })
    return pd.DataFrame(out)


def _pl(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("pl_PL", SEED + 5)
    remarks = ["", "", "Późne zameldowanie", "Łóżeczko dla dziecka", "Faktura na firmę", "Śniadanie w cenie",
               "Pokój z widokiem na morze", "Parking podziemny"]
    countries = ["Polska", "Polska", "Polska", "Niemcy", "Ukraina", "Czechy", "Litwa"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        arr = _event(rng, date(2024, 3, 1), 500).date()
        doc = f.identity_card_number() if rng.random() < 0.7 else f.passport_number()
        out.append({
            "nr_rezerwacji": f"RZ/{arr.year}/{i + 1017:05d}",
            "imie": first,
            "nazwisko": last,
            "PESEL": _blank(rng, f.pesel(), 0.15),
            "nr_dokumentu": doc,
            "data_urodzenia": _blank(rng, _dob(rng, 18, 85).strftime("%d.%m.%Y"), 0.1),
            "obywatelstwo": rng.choice(countries),
            "adres_zamieszkania": f.street_address(),
            "kod_pocztowy": f.postcode(),
            "miejscowosc": f.city(),
            "telefon": _blank(rng, f.phone_number(), 0.1),
            "email": _blank(rng, f.email(), 0.15),
            "data_przyjazdu": arr.isoformat(),
            "data_wyjazdu": (arr + timedelta(days=rng.randint(1, 14))).isoformat(),
            "pokoj": rng.choice([101, 102, 103, 204, 205, 310, 311, 412]),
            "liczba_osob": rng.randint(1, 4),
            "kwota_PLN": round(rng.uniform(180, 4200), 2),
            "karta_gwarancyjna": f"**** **** **** {rng.randint(0, 9999):04d}",
            "IP_rezerwacji": _blank(rng, f.ipv4_public(), 0.35),
            "uwagi": rng.choice(remarks),
        })
    return pd.DataFrame(out)


def _th(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("en_US", SEED + 6)
    prov = _faker("en_GB", SEED + 66)
    providers = sorted({f"Dr. {prov.first_name()} {prov.last_name()}" for _ in range(40)})
    complaints = ["Follow-up on blood pressure medication", "Sore throat and mild fever for 3 days",
                  "Medication refill", "Rash on forearm, itching", "Anxiety, trouble sleeping",
                  "Lower back pain after lifting", "Review lab results", "Seasonal allergies",
                  "Headache, light sensitivity\nstarted yesterday"]
    agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
              "TeleVisit/3.8.1 (Android 14; SM-S911B)"]
    out = []
    for _ in range(rows):
        first, last = f.first_name(), f.last_name()
        start = _event(rng, date(2024, 9, 1), 300)
        zip5 = f.zipcode()
        out.append({
            "appointment_id": f.uuid4(),
            "patientFirstName": first,
            "patientLastName": last,
            "patient_dob": _dob(rng, 1, 90).strftime("%m/%d/%Y"),
            "SSN": _blank(rng, f.ssn(), 0.55),
            "Patient Email": f.email(),
            "Patient Phone": f.phone_number(),
            "Home Address": f"{f.street_address()}\n{f.city()}, {f.state_abbr()} {zip5}",
            "ZIP": float(zip5),
            "Provider Name": rng.choice(providers),
            "Provider NPI": int("1" + f.numerify("#########")),
            "Appt Start (UTC)": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Duration (min)": rng.choice([15, 20, 30, 45]),
            "Visit Type": rng.choice(["Video", "Phone", "Chat"]),
            "Platform": rng.choice(["web", "ios", "android"]),
            "Client IP": _blank(rng, f.ipv4_public() if rng.random() < 0.85 else f.ipv6(), 0.1),
            "User Agent": rng.choice(agents),
            "Patient Portal Login": f.user_name(),
            "Chief Complaint": rng.choice(complaints),
            "Copay ($)": rng.choice([0.0, 10.0, 20.0, 25.0, 40.0]),
            "Card on File": _blank(rng, f.credit_card_number(), 0.6),
            "Session Token": f.sha1(raw_output=False)[:32],
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "nz_vet_owners": _nz,
    "ch_kk_mitglieder": _ch,
    "it_studio_clienti": _it,
    "dk_fitness_medlemmer": _dk,
    "pl_hotel_meldunek": _pl,
    "telehealth_appointments": _th,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; row counts scale from `rows` (each table gets at least 1,000 rows)."""
    out = {}
    for k, name in enumerate(TABLES):
        rng = random.Random(SEED * 10 + k)
        n = max(1000, int(rows * ROWS[name])) if rows >= 1000 else rows
        out[name] = _BUILDERS[name](n, rng)
    return out


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in make_tables(rows).items():
        path = out_dir / FILES[name]
        if name == "nz_vet_owners":
            df.to_csv(path, index=False, encoding="cp1252", errors="replace")
        elif name == "ch_kk_mitglieder":
            df.to_csv(path, index=False, sep=";", encoding="utf-8-sig")
        elif name == "it_studio_clienti":
            df.to_excel(path, index=False, sheet_name="Clienti", engine="openpyxl")
        elif name == "dk_fitness_medlemmer":
            df.to_parquet(path, index=False)
        elif name == "pl_hotel_meldunek":
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            df.to_csv(path, index=False, sep="\t", encoding="utf-8")
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout48.py OUT_DIR [ROWS]")
    for table, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(table, p)
