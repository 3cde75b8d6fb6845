"""Blind held-out tables for the PII scanner (set 45): six seeded exports from six kinds of system.

Tables: a US dental-practice patient ledger (CSV, comma, UTF-8), an Austrian Meldeamt residents table
(CSV, semicolon, cp1252), an Italian condominio owners register (Excel), a Polish przychodnia patients
table (JSON Lines), a Finnish autokoulu students table (Parquet) and a B2B SaaS CRM contacts export
(CSV with a byte-order mark). Labels are in labels.yaml, written by hand before any scanner run.

Usage: python bench/heldout45/gen_heldout45.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 45450
HERE = Path(__file__).resolve().parent
TABLES = (
    "dental_ledger",
    "meldeamt_einwohner",
    "condominio_condomini",
    "przychodnia_pacjenci",
    "autokoulu_oppilaat",
    "crm_contacts",
)
FILES = {
    "dental_ledger": "dental_ledger.csv",
    "meldeamt_einwohner": "meldeamt_einwohner.csv",
    "condominio_condomini": "condominio_condomini.xlsx",
    "przychodnia_pacjenci": "przychodnia_pacjenci.jsonl",
    "autokoulu_oppilaat": "autokoulu_oppilaat.parquet",
    "crm_contacts": "crm_contacts_export.csv",
}
# share of `rows` each table gets (all stay within 1,000-2,000 rows at the default 2,000)
SHARE = {
    "dental_ledger": 1.0,
    "meldeamt_einwohner": 0.8,
    "condominio_condomini": 0.55,
    "przychodnia_pacjenci": 0.9,
    "autokoulu_oppilaat": 0.6,
    "crm_contacts": 0.95,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Hand-written labels: {table: {column: entity or None}} from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {table: dict(doc[table]["columns"]) for table in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _sparse(rng: random.Random, value, p_blank: float, blanks=("",)):
    """The value, or (with probability p_blank) one of the blank spellings."""
    return rng.choice(blanks) if rng.random() < p_blank else value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2012) -> date:
    return date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def _event(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randint(0, days))


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- (a) US dental ledger
def _dental(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_US", 1)
    providers = sorted({f"Dr. {fk.last_name()} DDS" for _ in range(6)})
    carriers = ["Delta Dental PPO", "MetLife Dental", "Cigna DPPO", "Aetna DMO", "Guardian", "Self Pay", "Humana"]
    cdt = [("D0120", 62.0), ("D0150", 95.0), ("D1110", 118.0), ("D0274", 78.0), ("D2391", 185.0),
           ("D2740", 1250.0), ("D7140", 210.0), ("D3330", 1100.0), ("D4341", 265.0)]
    notes = ["Pt tolerated well", "Recall 6 mo", "Needs perio re-eval", "Sensitivity #14, advised fluoride",
             "Pre-auth submitted", "", "", "Rx amoxicillin 500mg", "Bal transferred to guarantor",
             "Cancelled - rescheduled", "Crown seat next visit\nTemp placed"]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1938, 2020)
        svc = _event(rng, date(2022, 1, 3), 900)
        code, fee = rng.choice(cdt)
        paid = round(fee * rng.choice([0, 0.5, 0.8, 1.0]), 2)
        ssn = fk.ssn()
        ssn = rng.choice([ssn, ssn, ssn.replace("-", ""), ""])
        guar = f"{first} {last}" if dob.year < 2005 else f"{fk.first_name()} {last}"
        card = ""
        if rng.random() < 0.3:
            c = _luhn_complete(rng.choice(["4", "51", "6011"]), 16, rng)
            card = rng.choice([c, " ".join(c[j:j + 4] for j in range(0, 16, 4))])
        rows.append({
            "Acct #": 10000 + rng.randint(1, 8999) if rng.random() < 0.5 else 20000 + i,
            "Patient Last": last.upper() if rng.random() < 0.2 else last,
            "Patient First": first,
            "DOB": dob.strftime(rng.choice(["%m/%d/%Y", "%m/%d/%Y", "%m/%d/%y"])),
            "SSN": ssn,
            "Home Phone": _sparse(rng, fk.phone_number(), 0.35),
            "Cell": _sparse(rng, rng.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s"]) % (
                rng.randint(201, 989), rng.randint(200, 999), f"{rng.randint(0, 9999):04d}"), 0.15),
            "E-mail": _sparse(rng, fk.free_email(), 0.3),
            "Address 1": fk.street_address(),
            "City": fk.city(),
            "ST": fk.state_abbr(),
            "Zip": int(fk.zipcode()),
            "Guarantor": guar,
            "Ins Carrier": rng.choice(carriers),
            "Group #": _sparse(rng, f"{rng.randint(100000, 999999)}-{rng.randint(1, 99):02d}", 0.25),
            "Rendering Provider": rng.choice(providers),
            "Svc Date": svc.strftime("%m/%d/%Y"),
            "CDT Code": code,
            "Tooth #": _sparse(rng, str(rng.randint(1, 32)), 0.4),
            "Surf": _sparse(rng, rng.choice(["O", "MO", "DO", "MOD", "B", "L", "F"]), 0.5),
            "Fee ($)": fee,
            "Ins Pd": paid,
            "Pt Bal": round(fee - paid, 2),
            "Card on File": card,
            "Notes": rng.choice(notes),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (b) Austrian Meldeamt
def _meldeamt(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("de_AT", 2)
    clerks = sorted({f"{fk.last_name().lower()[:6]}{rng.randint(1, 9)}" for _ in range(5)} | {"gem_meldeamt01"})
    gkz = ["30101", "30617", "31235", "50101", "70101", "40101", "60101"]
    rows = []
    for i in range(n):
        sex = rng.choice("MW")
        first = fk.first_name_male() if sex == "M" else fk.first_name_female()
        last = fk.last_name()
        dob = _dob(rng, 1930, 2023)
        sv = f"{rng.randint(1000, 9999)}{dob.strftime('%d%m%y')}"
        meld = _event(rng, date(2001, 1, 1), 8500)
        nat = rng.choices(["Österreich", "Deutschland", "Ungarn", "Serbien", "Türkei", "Rumänien"],
                          [70, 8, 5, 6, 5, 6])[0]
        rows.append({
            "Lfd.Nr.": i + 1,
            "ZMR-Zahl": f"{rng.randint(0, 999999999999):012d}",
            "Familienname": last,
            "Vorname(n)": first if rng.random() < 0.8 else f"{first} {fk.first_name()}",
            "Geburtsname": _sparse(rng, fk.last_name(), 0.75),
            "Akad. Grad": rng.choices(["", "Mag.", "Dr.", "DI", "Ing.", "BSc", "MA"], [70, 8, 6, 5, 5, 3, 3])[0],
            "Geschlecht": sex,
            "Geb.Datum": dob.strftime("%d.%m.%Y"),
            "Geburtsort": fk.city(),
            "Staatsangehörigkeit": nat,
            "Straße / Hausnr.": fk.street_address(),
            "PLZ": fk.postcode(),
            "Ort": fk.city(),
            "GKZ": rng.choice(gkz),
            "Wohnsitzqualität": rng.choices(["Hauptwohnsitz", "Nebenwohnsitz"], [85, 15])[0],
            "Anmeldedatum": meld.strftime("%d.%m.%Y"),
            "Abmeldedatum": _sparse(rng, _event(rng, meld, 3000).strftime("%d.%m.%Y"), 0.8),
            "Unterkunftgeber": _sparse(rng, f"{fk.last_name()} {fk.first_name()}", 0.4),
            "SV-Nummer": rng.choice([sv, f"{sv[:4]} {sv[4:]}"]),
            "Reisepass-Nr.": _sparse(rng, fk.bothify("?#######").upper(), 0.55),
            "Tel.": _sparse(rng, fk.phone_number(), 0.6),
            "Bearbeiter": rng.choice(clerks),
            "Bemerkung": rng.choice(["", "", "", "Meldezettel nachgereicht", "Auskunftssperre beantragt",
                                      "Zuzug aus dem Ausland", "Ummeldung innerhalb der Gemeinde",
                                      "Amtswegige Abmeldung\nnach Erhebung"]),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (c) Italian condominio
def _condominio(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("it_IT", 3)
    delegates = sorted({f"{fk.first_name()} {fk.last_name()}" for _ in range(40)})
    rows = []
    for i in range(n):
        cap = fk.postcode()
        mill = round(rng.uniform(4, 60), 3)
        rate = round(mill * 1.85, 2)
        rows.append({
            "ID Unità": f"U{(i // 40) + 1:02d}-{i % 40 + 1:03d}",
            "Scala": rng.choice("ABCD"),
            "Interno": rng.randint(1, 40),
            "Millesimi prop.": mill,
            "Cognome": fk.last_name(),
            "Nome": fk.first_name(),
            "Codice Fiscale": fk.ssn() if rng.random() < 0.92 else "",
            "Data di nascita": _dob(rng, 1932, 2000),
            "Luogo di nascita": fk.city(),
            "Indirizzo residenza": _sparse(rng, fk.street_address(), 0.1),
            "CAP": int(cap) if rng.random() < 0.7 else cap,
            "Comune": fk.city(),
            "Prov.": fk.state_abbr(),
            "Telefono": _sparse(rng, fk.phone_number(), 0.5, ("", "-")),
            "Cellulare": _sparse(rng, f"3{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                                 0.2, ("", "-")),
            "E-mail": _sparse(rng, fk.free_email(), 0.3),
            "PEC": _sparse(rng, f"{fk.user_name()}@pec.it", 0.7),
            "IBAN addebito RID": _sparse(rng, fk.iban(), 0.45),
            "Quota ord. €": rate,
            "Saldo al 31/12": round(rng.uniform(-900, 300), 2),
            "Ruolo": rng.choices(["Proprietario", "Comproprietario", "Usufruttuario", "Inquilino"],
                                 [60, 20, 5, 15])[0],
            "Delegato assemblea": _sparse(rng, rng.choice(delegates), 0.85),
            "Note": rng.choice(["", "", "Moroso 2 rate", "Lavori facciata approvati",
                                "Invio avvisi solo via PEC", "Box auto n. 12 incluso"]),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (d) Polish przychodnia
def _przychodnia(n: int) -> list[dict]:
    rng = random.Random(SEED + 4)
    fk = _faker("pl_PL", 4)
    doctors = sorted({f"lek. {fk.first_name()} {fk.last_name()}" for _ in range(8)})
    icd = ["J06.9", "I10", "E11.9", "M54.5", "K21.0", "J20.9", "Z00.0", "E78.0", "F41.1"]
    nfz = ["07 - Mazowiecki", "12 - Śląski", "06 - Małopolski", "15 - Wielkopolski", "01 - Dolnośląski"]
    recs = []
    for i in range(n):
        dob = fk.date_of_birth(minimum_age=0, maximum_age=95)
        pesel = fk.pesel(date_of_birth=datetime(dob.year, dob.month, dob.day))
        minor = dob.year > 2007
        recs.append({
            "id_pacjenta": 500000 + i * 3 + rng.randint(0, 2),
            "nr_karty": f"KP/{rng.randint(1, 9999):04d}/{rng.randint(2015, 2024)}",
            "imie": fk.first_name(),
            "nazwisko": fk.last_name(),
            "PESEL": pesel,
            "data_urodzenia": dob.isoformat(),
            "plec": rng.choice(["K", "M"]),
            "ulica": fk.street_address(),
            "kod_pocztowy": fk.postcode(),
            "miejscowosc": fk.city(),
            "telefon": _sparse(rng, fk.phone_number(), 0.2, (None, "brak")),
            "email": _sparse(rng, fk.free_email(), 0.45, (None,)),
            "nr_dowodu": None if minor else _sparse(rng, fk.identity_card_number(), 0.3, (None,)),
            "lekarz_prowadzacy": rng.choice(doctors),
            "oddzial_NFZ": rng.choice(nfz),
            "data_ost_wizyty": _event(rng, date(2021, 1, 1), 1400).isoformat() + "T"
            + f"{rng.randint(7, 19):02d}:{rng.choice(['00', '15', '30', '45'])}:00",
            "rozpoznanie_ICD10": rng.choice(icd),
            "deklaracja_POZ": rng.choice(["aktywna", "aktywna", "wygasła", "przeniesiona"]),
            "opiekun_prawny": f"{fk.first_name()} {fk.last_name()}" if minor else None,
            "login_portal": _sparse(rng, fk.user_name(), 0.5, (None,)),
            "zgoda_sms": rng.random() < 0.6,
            "uwagi": rng.choice([None, None, "Kontrola za 3 mies.", "Skierowanie do kardiologa",
                                 "Szczepienie przeciw grypie wykonane", "Nie stawił się na wizytę"]),
        })
    return recs


# ---------------------------------------------------------------- (e) Finnish autokoulu
def _hetu(d: date, rng: random.Random) -> str:
    sep = {18: "+", 19: "-", 20: "A"}[d.year // 100]
    ind = rng.randint(2, 899)
    num = int(f"{d:%d%m%y}{ind:03d}")
    return f"{d:%d%m%y}{sep}{ind:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[num % 31]


def _autokoulu(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("fi_FI", 5)
    teachers = sorted({f"{fk.first_name()} {fk.last_name()}" for _ in range(7)})
    rows = []
    for i in range(n):
        dob = _dob(rng, 1975, 2008)
        minor = dob.year >= 2006
        start = _event(rng, date(2022, 8, 1), 700)
        cls = rng.choices(["B", "A2", "A1", "BE", "AM120", "C"], [70, 8, 6, 6, 6, 4])[0]
        price = {"B": 1890.0, "A2": 1450.0, "A1": 1190.0, "BE": 490.0, "AM120": 690.0, "C": 3200.0}[cls]
        pno = fk.postcode()
        rows.append({
            "oppilasnro": f"{rng.randint(1, 4)}{i:05d}",
            "etunimet": fk.first_name() if rng.random() < 0.6 else f"{fk.first_name()} {fk.first_name()}",
            "sukunimi": fk.last_name(),
            "henkilötunnus": _hetu(dob, rng),
            "syntymäaika": dob.strftime("%-d.%-m.%Y"),
            "lähiosoite": fk.street_address(),
            "postinumero": float(pno) if rng.random() < 0.5 else pno,
            "postitoimipaikka": fk.city().upper() if rng.random() < 0.3 else fk.city(),
            "puhelin": _sparse(rng, f"04{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}", 0.05),
            "sähköposti": _sparse(rng, fk.free_email(), 0.1),
            "ajokorttiluokka": cls,
            "opettaja": rng.choice(teachers),
            "aloituspvm": start.isoformat(),
            "teoriakoe_pvm": _sparse(rng, _event(rng, start, 60).isoformat(), 0.3),
            "ajokoe_pvm": _sparse(rng, _event(rng, start, 150).isoformat(), 0.45),
            "ajotunnit_kpl": rng.randint(0, 30),
            "hinta €": price,
            "maksettu": rng.random() < 0.8,
            "tilinumero (palautus)": _sparse(rng, fk.iban(), 0.8),
            "huoltaja": f"{fk.first_name()} {fk.last_name()}" if minor else "",
            "huoltajan puh.": _sparse(rng, f"+358 50 {rng.randint(100, 999)} {rng.randint(1000, 9999)}", 0.3)
            if minor else "",
            "kurssikoodi": f"{cls}-{start:%y}{rng.randint(1, 12):02d}-{rng.choice(['HKI', 'TRE', 'OUL', 'TKU'])}",
            "lisätiedot": rng.choice(["", "", "", "Pimeäajo suoritettu", "Liukkaan kelin harjoittelu puuttuu",
                                      "Vaihtoi automaattiin", "Teoriakoe uusittava"]),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (f) B2B SaaS CRM contacts
def _crm(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("en_US", 6)
    fk_gb = _faker("en_GB", 7)
    owners = sorted({f"{fk.first_name()} {fk.last_name()}" for _ in range(9)})
    companies = sorted({fk.company() for _ in range(300)})
    rows = []
    for _ in range(n):
        first, last = fk.first_name(), fk.last_name()
        comp = rng.choice(companies)
        dom = "".join(ch for ch in comp.lower().split(",")[0].split(" ")[0] if ch.isalnum()) + rng.choice(
            [".com", ".io", ".co"])
        uk = rng.random() < 0.2
        created = datetime(2019, 1, 1) + timedelta(seconds=rng.randint(0, 5 * 365 * 86400))
        rows.append({
            "Record ID": 51000000000 + rng.randint(0, 999999999),
            "First Name": first,
            "Last Name": last,
            "Email": f"{first.lower()}.{last.lower()}@{dom}" if rng.random() < 0.8 else fk.company_email(),
            "Phone Number": _sparse(rng, (fk_gb if uk else fk).phone_number(), 0.3),
            "Mobile Phone Number": _sparse(rng, f"+1 {rng.randint(201, 989)} {rng.randint(200, 999)} "
                                                f"{rng.randint(0, 9999):04d}", 0.6),
            "Job Title": fk.job(),
            "Company Name": comp,
            "Website URL": f"https://www.{dom}",
            "Lifecycle Stage": rng.choice(["lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity",
                                           "customer", "subscriber"]),
            "Lead Status": rng.choice(["NEW", "OPEN", "IN_PROGRESS", "UNQUALIFIED", "CONNECTED", ""]),
            "Contact owner": rng.choice(owners),
            "Street Address": _sparse(rng, (fk_gb if uk else fk).street_address(), 0.5),
            "City": (fk_gb if uk else fk).city(),
            "State/Region": "" if uk else fk.state(),
            "Postal Code": (fk_gb if uk else fk).postcode(),
            "Country/Region": "United Kingdom" if uk else "United States",
            "Create Date": created.strftime("%Y-%m-%d %H:%M"),
            "Last Activity Date": _sparse(rng, (created + timedelta(days=rng.randint(0, 400))).strftime(
                "%Y-%m-%d %H:%M"), 0.2),
            "Number of Employees": _sparse(rng, rng.choice([12, 45, 120, 250, 800, 2500, 10000]), 0.3, (None,)),
            "Annual Revenue": _sparse(rng, float(rng.randint(5, 5000) * 100000), 0.4, (None,)),
            "Twitter Username": _sparse(rng, "@" + fk.user_name(), 0.8),
            "IP Address": _sparse(rng, fk.ipv4_public() if rng.random() < 0.9 else fk.ipv6(), 0.35),
            "Associated Deal IDs": ";".join(str(rng.randint(9000000000, 9999999999))
                                            for _ in range(rng.randint(0, 3))),
            "Original Source": rng.choice(["ORGANIC_SEARCH", "PAID_SEARCH", "EMAIL_MARKETING", "OFFLINE",
                                           "DIRECT_TRAFFIC", "REFERRALS"]),
            "Marketing contact status": rng.choice(["true", "false"]),
            "HubSpot Score": rng.randint(0, 100),
            "Form Submission Hash": _hex(rng, 32),
        })
    return pd.DataFrame(rows)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """All six tables as DataFrames, seeded and deterministic."""
    size = {t: max(1, int(rows * SHARE[t])) for t in TABLES}
    return {
        "dental_ledger": _dental(size["dental_ledger"]),
        "meldeamt_einwohner": _meldeamt(size["meldeamt_einwohner"]),
        "condominio_condomini": _condominio(size["condominio_condomini"]),
        "przychodnia_pacjenci": pd.DataFrame(_przychodnia(size["przychodnia_pacjenci"])),
        "autokoulu_oppilaat": _autokoulu(size["autokoulu_oppilaat"]),
        "crm_contacts": _crm(size["crm_contacts"]),
    }


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    writers = {
        "dental_ledger": lambda df, p: df.to_csv(p, index=False, encoding="utf-8"),
        "meldeamt_einwohner": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="cp1252"),
        "condominio_condomini": lambda df, p: df.to_excel(p, index=False, sheet_name="Anagrafica",
                                                          engine="openpyxl"),
        "przychodnia_pacjenci": lambda df, p: p.write_text(
            "".join(json.dumps({k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()},
                               ensure_ascii=False) + "\n" for r in df.to_dict(orient="records")),
            encoding="utf-8"),
        "autokoulu_oppilaat": lambda df, p: df.astype({"postinumero": str}).to_parquet(p, index=False),
        "crm_contacts": lambda df, p: df.to_csv(p, index=False, encoding="utf-8-sig"),
    }
    paths = {}
    for table in TABLES:
        path = out_dir / FILES[table]
        _atomic(path, lambda p, t=table: writers[t](frames[t], p))
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout45.py OUT_DIR [ROWS]")
    for name, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(name, p)
