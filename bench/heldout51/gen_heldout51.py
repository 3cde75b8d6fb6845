"""Blind held-out tables for the PII scanner (set heldout51): six seeded exports from six domains.

Written and labeled (labels.yaml, by hand) before any scanner run. Run:
    python bench/heldout51/gen_heldout51.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 51510
HERE = Path(__file__).resolve().parent
TABLES = (
    "us_pharmacy_rx",
    "de_sportverein",
    "be_bevolkingsregister",
    "pl_szkola_uczniowie",
    "dk_tandlaege_patienter",
    "hotel_loyalty",
)
FILES = {
    "us_pharmacy_rx": "rx_fill_history.csv",
    "de_sportverein": "Mitgliederliste_TSV.csv",
    "be_bevolkingsregister": "bevolkingsregister_extract.parquet",
    "pl_szkola_uczniowie": "uczniowie_rodzice.xlsx",
    "dk_tandlaege_patienter": "patienter_export.jsonl",
    "hotel_loyalty": "loyalty_members_export.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Hand-written labels: {table: {column: entity or None}} from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(doc[t]["columns"]) for t in TABLES}


def _fakers(seed: int) -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(("en_US", "de_DE", "nl_BE", "pl_PL", "da_DK", "en_GB")):
        f = Faker(loc)
        f.seed_instance(seed + i)
        out[loc] = f
    return out


def _blank(r: random.Random, value, p: float, fill=None):
    """Value, or a blank/null-like marker with probability p."""
    if r.random() < p:
        return fill if fill is not None else r.choice(["", None, None])
    return value


def _dob(r: random.Random, lo: int, hi: int) -> dt.date:
    return dt.date(2025, 6, 1) - dt.timedelta(days=r.randint(lo * 365, hi * 365))


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)


def _us_pharmacy(r: random.Random, f: Faker, n: int) -> pd.DataFrame:
    drugs = [("Lisinopril 10 MG Oral Tablet", "68180-0514-01"), ("Atorvastatin 20mg Tab", "00093-5057-98"),
             ("Metformin HCl ER 500mg", "00378-7185-01"), ("Amoxicillin 500 MG Cap", "65862-0017-05"),
             ("Sertraline 50mg TAB", "16729-0213-01"), ("Levothyroxine 75 mcg", "00378-1805-10"),
             ("Albuterol HFA 90mcg INH", "00173-0682-20"), ("Omeprazole DR 20 MG", "62175-0136-37")]
    notes = ["Counseled pt on side effects", "Prior auth approved", "Refill too soon - rejected 79",
             "Generic substitution OK", "", "", "Pt requested easy-open cap", "Awaiting MD callback\nre: dose"]
    rows = []
    for i in range(n):
        dob = _dob(r, 2, 92)
        drug, ndc = r.choice(drugs)
        zipc = f.zipcode()
        card = f.credit_card_number(card_type=r.choice(["visa16", "mastercard", "amex", "discover"]))
        fill = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=r.randint(0, 520000))
        pfmt = r.choice(["({0}) {1}-{2}", "{0}-{1}-{2}", "{0}.{1}.{2}", "{0}{1}{2}"])
        phone = pfmt.format(r.randint(201, 989), r.randint(200, 999), f"{r.randint(0, 9999):04d}")
        rows.append({
            "Rx #": f"{r.choice('67')}{r.randint(100000, 999999)}",
            "Fill Date": fill.strftime("%m/%d/%Y %I:%M %p"),
            "Patient Last Name": f.last_name().upper(),
            "Patient First Name": f.first_name(),
            "DOB": dob.strftime(r.choice(["%m/%d/%Y", "%m/%d/%Y", "%Y-%m-%d"])),
            "Pt Address 1": f.street_address(),
            "City": f.city(),
            "ST": f.state_abbr(),
            "ZIP": int(zipc) if r.random() < 0.6 else zipc,
            "Phone (Home)": _blank(r, phone, 0.1),
            "Patient SSN": _blank(r, f.ssn(), 0.75),
            "Email": _blank(r, f.email(), 0.45),
            "NDC": ndc,
            "Drug Name": drug,
            "Qty": float(r.choice([30, 60, 90, 14, 21, 8.5, 18])),
            "Days Supply": r.choice([30, 90, 7, 10, 14]),
            "Refills Left": r.randint(0, 11),
            "DAW": r.choice([0, 0, 0, 1, 2]),
            "Prescriber": f"Dr. {f.first_name()} {f.last_name()}" if r.random() < 0.5
            else f"{f.last_name().upper()}, {f.first_name().upper()} MD",
            "Plan BIN": r.choice(["610014", "004336", "610502", "003858", "015581"]),
            "Copay $": round(r.choice([0, 5, 10, 15, 47.99]) + r.random() * (r.random() < 0.2), 2),
            "Card on File": _blank(r, card, 0.7),
            "Verified By": r.choice(["rph.", "", "tech_"]) + f.user_name(),
            "Claim Ref": hashlib.sha1(f"rx{i}".encode()).hexdigest()[:20].upper(),
            "Notes": r.choice(notes),
        })
    return pd.DataFrame(rows)


def _de_idnr(r: random.Random) -> str:
    """A German tax id (Steuer-IdNr) with a valid ISO 7064 check digit and one repeated digit."""
    while True:
        digits = r.sample("0123456789", 9)
        if digits[0] == "0":
            continue
        digits.insert(r.randint(1, 9), r.choice(digits))
        body = "".join(digits)
        product = 10
        for ch in body:
            total = (int(ch) + product) % 10 or 10
            product = (total * 2) % 11
        return body + str((11 - product) % 10)


def _de_verein(r: random.Random, f: Faker, n: int) -> pd.DataFrame:
    abteilungen = ["Fußball", "Turnen", "Leichtathletik", "Tischtennis", "Handball", "Kinderturnen", "Volleyball"]
    rows = []
    for i in range(n):
        dob = _dob(r, 5, 85)
        minor = (dt.date(2025, 6, 1) - dob).days < 18 * 365
        first, last = f.first_name(), f.last_name()
        plz = f.postcode()
        guardian = f"{f.first_name()} {last}" if minor else ""
        holder = guardian if minor else f"{first} {last}"
        if r.random() < 0.15:
            holder = f"{last}, {first}" if not minor else holder
        iban = f.iban()
        steuer = _de_idnr(r)
        rows.append({
            "Mitgl.-Nr.": f"{i + 1001:05d}",
            "Anrede": r.choice(["Herr", "Frau", "", "Divers"]),
            "Vorname": first,
            "Nachname": last,
            "Geb.-Datum": dob.strftime(r.choice(["%d.%m.%Y", "%d.%m.%Y", "%d.%m.%y"])),
            "Straße / Hausnr.": f.street_address(),
            "PLZ": int(plz) if r.random() < 0.5 else plz,
            "Ort": f.city(),
            "Telefon privat": _blank(r, f.phone_number(), 0.4),
            "Mobil": _blank(r, f"01{r.choice(['51', '52', '60', '70', '76'])}{r.choice([' ', '/', '-', ''])}"
                        f"{r.randint(1000000, 99999999)}", 0.3),
            "E-Mail": _blank(r, f.free_email(), 0.25),
            "Abteilung": r.choice(abteilungen),
            "Eintritt": (dt.date(1990, 1, 1) + dt.timedelta(days=r.randint(0, 12800))).strftime("%d.%m.%Y"),
            "Austritt": _blank(r, (dt.date(2020, 1, 1) + dt.timedelta(days=r.randint(0, 1900))).strftime(
                "%d.%m.%Y"), 0.85, ""),
            "Beitrag €/Jahr": r.choice(["120,00", "60,00", "180,00", "36,00", "0,00"]),
            "Kontoinhaber": holder,
            "IBAN": _blank(r, iban if r.random() < 0.5 else " ".join(
                iban[k:k + 4] for k in range(0, len(iban), 4)), 0.1),
            "BIC": r.choice(["COBADEFFXXX", "DEUTDEDBXXX", "GENODEF1S02", "BYLADEM1001", "HELADEF1RRS"]),
            "Mandatsreferenz": f"TSV-{i + 1001:06d}-SEPA",
            "Ehrenamt": r.choice(["ja", "nein", "nein", "nein"]),
            "Erziehungsberechtigte(r)": guardian,
            "Steuer-IdNr (ÜL)": _blank(r, steuer, 0.93, ""),
            "Bemerkung": r.choice(["", "", "Beitrag ermäßigt (Schüler)", "Familienbeitrag",
                                   "Lastschrift zurückgegeben 03/24", "Passiv", "Übungsleiterlizenz C"]),
        })
    return pd.DataFrame(rows)


def _be_rrn(r: random.Random, dob: dt.date) -> str:
    seq = r.randint(1, 997)
    base = f"{dob:%y%m%d}{seq:03d}"
    num = int(base) if dob.year < 2000 else int("2" + base)
    chk = 97 - num % 97
    return f"{base}{chk:02d}"


def _be_register(r: random.Random, f: Faker, n: int) -> pd.DataFrame:
    gemeenten = [("2000", "Antwerpen", "Berchem"), ("9000", "Gent", "Ledeberg"), ("3000", "Leuven", "Heverlee"),
                 ("8000", "Brugge", "Sint-Kruis"), ("2800", "Mechelen", "Walem"), ("3500", "Hasselt", "Kiewit"),
                 ("9300", "Aalst", "Erembodegem"), ("8500", "Kortrijk", "Heule"), ("2300", "Turnhout", ""),
                 ("1800", "Vilvoorde", "Peutie"), ("3600", "Genk", ""), ("2440", "Geel", "")]
    nis = {"Antwerpen": "11002", "Gent": "44021", "Leuven": "24062", "Brugge": "31005", "Mechelen": "12025",
           "Hasselt": "71022", "Aalst": "41002", "Kortrijk": "34022", "Turnhout": "13040", "Vilvoorde": "23088",
           "Genk": "71016", "Geel": "13008"}
    redenen = ["verhuis binnen gemeente", "inschrijving uit andere gemeente", "geboorte", "huwelijk",
               "ambtshalve afvoering", "wijziging gezinssamenstelling"]
    rows = []
    for _i in range(n):
        dob = _dob(r, 0, 95)
        rrn = _be_rrn(r, dob)
        if r.random() < 0.5:
            rrn = f"{rrn[:2]}.{rrn[2:4]}.{rrn[4:6]}-{rrn[6:9]}.{rrn[9:]}"
        pc, gem, deel = r.choice(gemeenten)
        head = r.random() < 0.4
        ref_rrn = _be_rrn(r, _dob(r, 19, 90))
        rows.append({
            "rijksregisternummer": rrn,
            "naam": f.last_name(),
            "voornamen": " ".join(f.first_name() for _ in range(r.choice([1, 1, 2, 3]))),
            "geslacht": r.choice(["M", "V"]),
            "geboortedatum": pd.Timestamp(dob),
            "geboorteplaats": r.choice([f.city(), gem, "Kinshasa", "Rabat", "Eindhoven", "Lille (F)"]),
            "nationaliteit": r.choice(["Belg", "Belg", "Belg", "Nederlander", "Marokkaan", "Pool", "Roemeen"]),
            "burgerlijke_staat": r.choice(["ongehuwd", "gehuwd", "wettelijk samenwonend", "gescheiden", "weduwe"]),
            "adres": f"{f.street_name()} {r.randint(1, 240)}" + (f" bus {r.randint(1, 12)}" if r.random() < 0.2
                                                                else ""),
            "postcode": int(pc),
            "gemeente": gem.upper() if r.random() < 0.3 else gem,
            "deelgemeente": deel or None,
            "nis_code": nis[gem],
            "referentiepersoon": "" if head else f"{f.last_name()}, {f.first_name()}",
            "rrn_referentiepersoon": "" if head else ref_rrn,
            "eid_kaartnr": _blank(r, f"{r.randint(590, 599)}-{r.randint(0, 9999999):07d}-{r.randint(0, 99):02d}",
                                  0.15, ""),
            "telefoon": _blank(r, f.phone_number(), 0.6, ""),
            "e_mail": _blank(r, f.email(), 0.7, ""),
            "vorige_gemeente": _blank(r, f.city(), 0.75, ""),
            "datum_inschrijving": (dt.date(1995, 1, 1) + dt.timedelta(days=r.randint(0, 11000))).isoformat(),
            "reden_mutatie": r.choice(redenen),
            "dossiernr": f"BR/{r.randint(2010, 2025)}/{r.randint(1, 99999):05d}",
            "gewijzigd_door": r.choice(["ambt.", "", "bz_"]) + f.user_name(),
            "laatst_gewijzigd": pd.Timestamp("2024-01-01") + pd.Timedelta(seconds=r.randint(0, 40_000_000)),
        })
    return pd.DataFrame(rows)


def _pl_school(r: random.Random, f: Faker, n: int) -> pd.DataFrame:
    uwagi = ["", "", "", "alergia na orzechy", "dowożony przez gminę", "zwolniony z WF do 30.06",
             "opinia PPP", "religia: nie uczęszcza"]
    teachers = sorted({f"{f.first_name()} {f.last_name()}" for _ in range(30)})
    rows = []
    for i in range(n):
        dob = _dob(r, 7, 15)
        pesel = f.pesel(date_of_birth=dt.datetime(dob.year, dob.month, dob.day))
        last = f.last_name()
        city = f.city()
        mom = f"{f.first_name_female()} {f.last_name_female()}"
        dad = f"{f.first_name_male()} {f.last_name_male()}"
        rows.append({
            "Lp.": i + 1,
            "Klasa": f"{r.randint(1, 8)}{r.choice('abcd')}",
            "Nazwisko ucznia": last,
            "Imię ucznia": f.first_name(),
            "Drugie imię": _blank(r, f.first_name(), 0.5, ""),
            "PESEL": pesel if r.random() < 0.85 else int(pesel),
            "Data urodzenia": dob.strftime(r.choice(["%d.%m.%Y", "%Y-%m-%d"])),
            "Miejsce urodzenia": r.choice([city, f.city()]),
            "Adres zamieszkania": f.street_address(),
            "Kod pocztowy": f.postcode(),
            "Miejscowość": city,
            "Matka - imię i nazwisko": _blank(r, mom, 0.05, ""),
            "Tel. matki": _blank(r, f.phone_number(), 0.1, ""),
            "Ojciec - imię i nazwisko": _blank(r, dad, 0.15, ""),
            "Tel. ojca": _blank(r, f.phone_number(), 0.25, ""),
            "E-mail rodzica": _blank(r, f.free_email(), 0.1, ""),
            "Login (dziennik)": f.user_name() + r.choice(["", "_r", str(r.randint(1, 99))]),
            "Nr legitymacji": f"{r.randint(1, 999)}/{r.randint(2017, 2025)}",
            "Świetlica (T/N)": r.choice(["T", "N", "N"]),
            "Obiady zł/mies.": r.choice([0, 120.5, 132, 145.2]),
            "Data przyjęcia": (dt.date(2017, 9, 1) + dt.timedelta(days=r.randint(0, 2900))).strftime("%d.%m.%Y"),
            "Wychowawca": r.choice(teachers),
            "Uwagi": r.choice(uwagi),
        })
    return pd.DataFrame(rows)


def _dk_cpr(r: random.Random, dob: dt.date) -> str:
    return f"{dob:%d%m%y}{r.choice(['-', '', '-'])}{r.randint(0, 9999):04d}"


def _dk_dentist(r: random.Random, f: Faker, n: int) -> pd.DataFrame:
    tandlaeger = sorted({f"{f.first_name()} {f.last_name()}" for _ in range(9)})
    notater = ["Caries 36 distal, fyldning lagt (komposit).", "Tandrensning + fluor.", "Rtg. bitewing x2, ua.",
               "Akut: smerter 47, pulpitis. Trepanation.", "Kontrol, ingen behandling.", "",
               "Skinne udleveret.\nKontrol om 3 mdr.", "Aflyst - ikke mødt"]
    rows = []
    for i in range(n):
        dob = _dob(r, 2, 95)
        last = f.last_name()
        rows.append({
            "patientId": 100000 + i * 7 + r.randint(0, 6),
            "cprNr": _dk_cpr(r, dob),
            "fornavn": f.first_name(),
            "efternavn": last,
            "foedselsdato": dob.isoformat(),
            "adresse": f.street_address() + (f", {r.randint(1, 5)}. {r.choice(['th', 'tv', 'mf'])}"
                                             if r.random() < 0.3 else ""),
            "postnr": f.postcode(),
            "by": f.city(),
            "mobil": _blank(r, f.phone_number(), 0.1),
            "email": _blank(r, f.email(), 0.3),
            "sygesikringsgruppe": r.choice(["1", "1", "1", "2"]),
            "danmarkMedlem": r.choice([True, False, None]),
            "behandler": r.choice(tandlaeger),
            "sidsteBesoeg": (dt.datetime(2023, 1, 1) + dt.timedelta(minutes=15 * r.randint(0, 70000))).isoformat(),
            "naesteIndkaldelse": _blank(r, (dt.date(2025, 6, 1) + dt.timedelta(days=r.randint(0, 500))).isoformat(),
                                        0.2),
            "journalnotat": r.choice(notater),
            "prisKr": round(r.choice([395.0, 612.5, 1250.0, 180.75, 0.0]), 2),
            "refusionKonto": _blank(r, f"{r.randint(1000, 9899)}{r.choice([' ', '-'])}{r.randint(0, 9999999999):010d}",
                                    0.55),
            "paaroerende": _blank(r, f"{f.first_name()} {r.choice([last, f.last_name()])}", 0.7),
            "paaroerendeTlf": _blank(r, f.phone_number(), 0.72),
            "samtykkeSms": r.choice(["ja", "nej"]),
            "oprettetAf": r.choice(["klinik\\", "", ""]) + f.user_name(),
            "schemaVersion": r.choice(["2.3.1", "2.4.0"]),
        })
    return pd.DataFrame(rows)


def _hotel(r: random.Random, f: Faker, fus: Faker, n: int) -> pd.DataFrame:
    props = ["Harbourside Grand Leeds", "The Meridian Quay", "Oakridge Suites Heathrow", "Castlegate Hotel & Spa",
             "Northbank Inn Glasgow", "Riverview Lodge Bath"]
    comments = ["", "", "", "Prefers high floor", "Feather allergy - hypoallergenic pillows",
                "Late checkout requested\nfor anniversary", "Complained about noise, goodwill 500 pts"]
    rows = []
    for i in range(n):
        enrol = dt.datetime(2015, 1, 1) + dt.timedelta(seconds=r.randint(0, 300_000_000))
        ip = f.ipv4_public() if r.random() < 0.8 else fus.ipv6()
        rows.append({
            "MemberNo": f"LY{r.randint(10**9, 10**10 - 1)}",
            "Tier": r.choice(["Blue", "Silver", "Gold", "Platinum"]),
            "Title": r.choice(["Mr", "Mrs", "Ms", "Dr", "", "Mx"]),
            "FirstName": f.first_name(),
            "LastName": f.last_name(),
            "Email Address": f.email(),
            "Mobile": _blank(r, f.phone_number(), 0.15),
            "Date of Birth": _blank(r, _dob(r, 18, 88).strftime(r.choice(["%d/%m/%Y", "%d-%b-%Y"])), 0.3),
            "Address Line 1": f.street_address().replace("\n", ", "),
            "Town/City": f.city(),
            "Postcode": f.postcode(),
            "Country": r.choice(["United Kingdom", "UK", "GB", "Ireland", "United States"]),
            "Passport No.": _blank(r, f"{r.randint(100000000, 999999999)}", 0.8, ""),
            "Spouse/Partner Name": _blank(r, f.name(), 0.75, ""),
            "Points Balance": r.randint(0, 480000),
            "Lifetime Nights": float(r.randint(0, 400)),
            "Last Stay (Property)": r.choice(props),
            "Last Stay Date": (dt.date(2022, 1, 1) + dt.timedelta(days=r.randint(0, 1200))).strftime("%d/%m/%Y"),
            "Preferred Room": r.choice(["King Non-Smoking", "Twin", "Suite", "Accessible Double", "n/a"]),
            "Pay Token": hashlib.sha256(f"tok{i}".encode()).hexdigest()[:32],
            "Card Last 4": f"**** {r.randint(0, 9999):04d}",
            "Online Username": f.user_name() + r.choice(["", "", str(r.randint(1, 999))]),
            "Last Login IP": _blank(r, ip, 0.1),
            "Enrolled On": enrol.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Marketing Opt-In": r.choice(["Y", "N"]),
            "Employer (Corp Rate)": r.choice(["", "", f.company()]),
            "Guest Comments": r.choice(comments),
        })
    return pd.DataFrame(rows)


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table with ``rows`` rows, deterministically from SEED."""
    r = random.Random(SEED)
    fk = _fakers(SEED)
    # each table gets its own child RNG so tables stay stable if one changes
    seeds = [r.randint(0, 2**31) for _ in TABLES]
    return {
        "us_pharmacy_rx": _us_pharmacy(random.Random(seeds[0]), fk["en_US"], rows),
        "de_sportverein": _de_verein(random.Random(seeds[1]), fk["de_DE"], rows),
        "be_bevolkingsregister": _be_register(random.Random(seeds[2]), fk["nl_BE"], rows),
        "pl_szkola_uczniowie": _pl_school(random.Random(seeds[3]), fk["pl_PL"], rows),
        "dk_tandlaege_patienter": _dk_dentist(random.Random(seeds[4]), fk["da_DK"], rows),
        "hotel_loyalty": _hotel(random.Random(seeds[5]), fk["en_GB"], fk["en_US"], rows),
    }


def _write(df: pd.DataFrame, path: Path, table: str) -> None:
    if table == "us_pharmacy_rx":
        df.to_csv(path, index=False, encoding="utf-8")
    elif table == "de_sportverein":
        df.to_csv(path, index=False, sep=";", encoding="cp1252")
    elif table == "hotel_loyalty":
        df.to_csv(path, index=False, sep="\t", encoding="utf-8-sig")
    elif path.suffix == ".parquet":
        df.to_parquet(path, index=False)
    elif path.suffix == ".xlsx":
        df.to_excel(path, index=False, sheet_name="Uczniowie", engine="openpyxl")
    elif path.suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for rec in df.to_dict(orient="records"):
                rec = {k: v for k, v in rec.items() if not (v is None or (isinstance(v, float) and v != v))}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to ``out_dir`` (created) and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table, df in make_tables(rows).items():
        path = out_dir / FILES[table]
        _write(df, path, table)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout51.py OUT_DIR [ROWS]")
    for t, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(t, p)
