"""Blind held-out tables for the PII scanner accuracy harness (set 56).

Six exports from six kinds of systems: a US county voter-registration extract, a Swiss
Gemeinde tax register, an Italian gym members table, a Dutch childcare families table, a
Polish accounting office's clients and an airline frequent-flyer export. Labels live in
``labels.yaml`` next to this file and were written by hand before any scanner run.
"""

from __future__ import annotations

import hashlib
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 56560
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "us_county_voters",
    "ch_gemeinde_steuerregister",
    "it_palestra_iscritti",
    "nl_kinderopvang_gezinnen",
    "pl_biuro_klienci",
    "ffp_members_export",
)

FILES: dict[str, str] = {
    "us_county_voters": "us_county_voters.csv",
    "ch_gemeinde_steuerregister": "ch_gemeinde_steuerregister.csv",
    "it_palestra_iscritti": "it_palestra_iscritti.xlsx",
    "nl_kinderopvang_gezinnen": "nl_kinderopvang_gezinnen.jsonl",
    "pl_biuro_klienci": "pl_biuro_klienci.tsv",
    "ffp_members_export": "ffp_members_export.parquet",
}

ROWS: dict[str, int] = {
    "us_county_voters": 2000,
    "ch_gemeinde_steuerregister": 1400,
    "it_palestra_iscritti": 1200,
    "nl_kinderopvang_gezinnen": 1100,
    "pl_biuro_klienci": 1300,
    "ffp_members_export": 1800,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, salt: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + salt)
    for prov in f.providers:  # some locales build their city list from a set: fix its order
        cities = getattr(prov, "cities", None)
        if isinstance(cities, list):
            prov.cities = sorted(cities)
    return f


def _blank(rng: random.Random, value: object, p: float, blanks: tuple = ("", None)) -> object:
    return rng.choice(blanks) if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 18, hi: int = 90) -> date:
    return date(2024, 1, 1) - timedelta(days=rng.randint(lo * 365, hi * 365))


def _event(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _hexhash(rng: random.Random, n: int = 40) -> str:
    return hashlib.sha1(str(rng.random()).encode()).hexdigest()[:n]


def _us_phone(rng: random.Random) -> str:
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    return rng.choice([f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"{a}{b}{c:04d}"])


def _voters(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_US", 1)
    parties = ["DEM", "REP", "UNA", "LIB", "GRE", "NPA"]
    rows = []
    for i in range(n):
        first, last = f.first_name(), f.last_name()
        street = f.street_address()
        city = f.city()
        zipc = f.zipcode()
        dob = _dob(rng)
        reg = _event(rng, date(1978, 1, 1), date(2024, 6, 30))
        rows.append({
            "VOTER_ID": 400000000 + i * 7 + rng.randint(0, 6),
            "LAST_NAME": last.upper(),
            "FIRST_NAME": first.upper(),
            "MIDDLE_NAME": _blank(rng, f.first_name().upper(), 0.35),
            "NAME_SUFFIX": rng.choice(["", "", "", "", "JR", "SR", "III"]),
            "RES_ADDRESS_1": street.upper(),
            "RES_CITY": city.upper(),
            "RES_STATE": f.state_abbr(),
            "RES_ZIP5": int(zipc) if rng.random() < 0.7 else zipc,
            "MAIL_ADDR1": _blank(rng, f.street_address() + ", " + f.city() + ", " + f.state_abbr(), 0.6),
            "BIRTH_DATE": dob.strftime("%m/%d/%Y"),
            "BIRTHPLACE": _blank(rng, f.city().upper() + ", " + f.state_abbr(), 0.3),
            "GENDER": rng.choice(["M", "F", "U"]),
            "PARTY_CD": rng.choice(parties),
            "STATUS_CD": rng.choice(["A", "A", "A", "I", "R"]),
            "REGISTRATION_DATE": reg.isoformat(),
            "LAST_VOTED_DATE": _blank(rng, _event(rng, max(reg, date(2016, 1, 1)), date(2024, 11, 5)).isoformat(), 0.2),
            "PRECINCT": f"{rng.randint(1, 99):03d}-{rng.choice('ABCD')}",
            "CONG_DIST": rng.randint(1, 14),
            "STATE_HOUSE_DIST": rng.randint(1, 120),
            "BALLOT_STYLE": f"BS{rng.randint(1, 480)}",
            "PHONE_NUM": _blank(rng, _us_phone(rng), 0.55),
            "EMAIL_ADDR": _blank(rng, f.free_email(), 0.7),
            "ID_REQUIRED": rng.choice(["Y", "N"]),
            "SSN_LAST4_PROVIDED": rng.choice(["TRUE", "FALSE"]),
        })
    return pd.DataFrame(rows)


def _steuer(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("de_CH", 2)
    zivil = ["ledig", "verheiratet", "geschieden", "verwitwet", "eingetr. Partnerschaft"]
    rows = []
    for _ in range(n):
        verh = rng.random() < 0.5
        ahv = f.ssn()
        rows.append({
            "Steuerpfl. Nr.": f"{rng.randint(1, 9)}.{rng.randint(100, 999)}.{rng.randint(1000, 9999)}",
            "Steuerjahr": rng.choice([2021, 2022, 2023]),
            "Name": f.last_name(),
            "Vorname": f.first_name(),
            "Vorname/Name Ehepartner": f.first_name() + " " + f.last_name() if verh else "",
            "AHV-Nr.": ahv if rng.random() > 0.05 else "",
            "Geb.-Datum": _dob(rng).strftime("%d.%m.%Y"),
            "Zivilstand": "verheiratet" if verh else rng.choice(zivil),
            "Konfession": rng.choice(["ref.", "röm.-kath.", "christkath.", "konfessionslos", "andere"]),
            "Strasse/Nr.": f.street_address(),
            "PLZ": int(f.postcode()),
            "Wohnort": f.city(),
            "Kanton": f.canton_code(),
            "BFS-Nr.": rng.randint(1, 6810),
            "Tel. Privat": _blank(rng, f.phone_number(), 0.4),
            "E-Mail": _blank(rng, f.email(), 0.55),
            "Rückerstattungskonto IBAN": _blank(rng, f.iban(), 0.5),
            "steuerb. Einkommen (CHF)": round(rng.uniform(0, 380000), -2),
            "steuerb. Vermögen (CHF)": round(rng.lognormvariate(11, 1.3), -3),
            "Tarif": rng.choice(["A", "B", "C", "H"]),
            "Quellensteuer": rng.choice(["ja", "nein", "nein", "nein"]),
            "Veranlagungsdatum": _blank(rng, _event(rng, date(2022, 3, 1), date(2024, 12, 20)).strftime("%d.%m.%Y"), 0.25),
            "Kinder (Anz.)": rng.choice([0, 0, 1, 2, 2, 3, 4]),
            "Bemerkung Steueramt": rng.choice([
                "", "", "Fristerstreckung bis 30.09. gewährt", "Mahnung versandt",
                "Ermessensveranlagung", "Belege nachgefordert (Säule 3a)", "ok",
                "Liegenschaftsunterhalt pauschal",
            ]),
        })
    return pd.DataFrame(rows)


def _palestra(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("it_IT", 3)
    corsi = ["Sala pesi", "Spinning", "Pilates", "Crossfit", "Yoga", "Zumba", "Nuoto libero", "Functional"]
    rows = []
    for _ in range(n):
        first, last = f.first_name(), f.last_name()
        start = _event(rng, date(2019, 1, 1), date(2024, 9, 1))
        dur = rng.choice([1, 3, 6, 12])
        rows.append({
            "N° Tessera": f"{rng.randint(0, 99999):05d}",
            "Cognome": last,
            "Nome": first,
            "Codice Fiscale": f.ssn() if rng.random() > 0.04 else "n/d",
            "Data di Nascita": _dob(rng, 14, 80).strftime(rng.choice(["%d/%m/%Y", "%d/%m/%Y", "%d-%m-%Y"])),
            "Luogo di nascita": f.city() + " (" + f.state_abbr() + ")",
            "Indirizzo": f.street_address(),
            "CAP": int(f.postcode()) if rng.random() < 0.6 else f.postcode(),
            "Comune": f.city(),
            "Prov.": f.state_abbr(),
            "Cellulare": _blank(rng, f.phone_number(), 0.1),
            "E-mail": _blank(rng, f.free_email(), 0.2),
            "Username App": _blank(rng, f.user_name() + rng.choice(["", str(rng.randint(1, 99))]), 0.45),
            "Tipo abbonamento": f"{dur} mesi" if dur > 1 else "Mensile",
            "Data iscrizione": start.strftime("%d/%m/%Y"),
            "Scadenza abbonamento": (start + timedelta(days=30 * dur)).strftime("%d/%m/%Y"),
            "Scad. certificato medico": _blank(rng, _event(rng, date(2023, 1, 1), date(2025, 12, 31)).strftime("%d/%m/%Y"), 0.15),
            "Importo (€)": rng.choice([45.0, 120.0, 220.0, 390.0, 39.9, 59.9]),
            "Metodo pagamento": rng.choice(["SDD", "Contanti", "POS", "Bonifico", "Satispay"]),
            "IBAN addebito": f.iban() if rng.random() < 0.4 else "",
            "Corsi": ", ".join(sorted(rng.sample(corsi, rng.randint(1, 3)))),
            "Badge RFID": _hexhash(rng, 8).upper(),
            "Attivo": rng.choice([True, True, False]),
            "Privacy marketing": rng.choice(["SI", "NO"]),
            "Contatto emergenza": _blank(rng, f.first_name() + " " + f.last_name(), 0.3),
            "Tel. emergenza": _blank(rng, f.phone_number(), 0.3),
            "Note": rng.choice([
                "", "", "", "Infortunio al ginocchio, evitare squat pesanti",
                "Richiede fattura", "Sospensione estiva luglio-agosto", "Pagamento in due rate",
                "Ha portato il certificato agonistico",
            ]),
        })
    return pd.DataFrame(rows)


def _kinderopvang(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("nl_NL", 4)
    locaties = ["KDV De Boomhut", "BSO Het Kraaiennest", "KDV Dikkertje Dap", "Peuteropvang Pluk", "BSO De Vlinder"]
    groepen = ["Babygroep", "Dreumesgroep", "Peutergroep", "BSO 4-7", "BSO 8-12", "Verticale groep"]
    rows = []
    for i in range(n):
        last = f.last_name()
        p1, p2 = f.first_name() + " " + last, f.first_name() + " " + f.last_name()
        kid = f.first_name()
        opa = f.first_name() + " " + f.last_name()
        note = rng.choice([
            f"Wordt op woensdag opgehaald door {opa}",
            f"Ophalen ook toegestaan door {opa} (oma/opa)",
            f"Machtiging ophalen: {opa}",
            f"{kid} mag alleen met {opa} mee naar huis",
        ]) if rng.random() < 0.65 else rng.choice(["", "geen bijzonderheden"])
        rows.append({
            "contractnummer": f"KO-{2020 + rng.randint(0, 4)}-{i + 1:05d}",
            "locatie": rng.choice(locaties),
            "LRK nummer": rng.randint(100000000, 999999999),
            "groep": rng.choice(groepen),
            "kind_voornaam": kid,
            "kind_achternaam": last,
            "kind_geboortedatum": (date(2024, 9, 1) - timedelta(days=rng.randint(60, 12 * 365))).isoformat(),
            "kind_bsn": f.ssn() if rng.random() > 0.03 else None,
            "ouder1_naam": p1,
            "ouder1_bsn": f.ssn(),
            "ouder1_email": f.email(),
            "ouder1_mobiel": f.phone_number(),
            "ouder2_naam": p2 if rng.random() < 0.7 else None,
            "ouder2_mobiel": f.phone_number() if rng.random() < 0.6 else None,
            "adres": f.street_address(),
            "postcode": f.postcode(),
            "woonplaats": f.city(),
            "iban_incasso": f.iban(),
            "tenaamstelling_rekening": p1 if rng.random() < 0.8 else p2,
            "huisarts": "dr. " + f.last_name() if rng.random() < 0.7 else None,
            "startdatum": _event(rng, date(2020, 1, 1), date(2024, 9, 1)).isoformat(),
            "dagen": ",".join(sorted(rng.sample(["ma", "di", "wo", "do", "vr"], rng.randint(1, 4)))),
            "uren_per_maand": round(rng.uniform(20, 210), 2),
            "uurprijs_eur": rng.choice([9.27, 9.85, 10.25, 11.10, 8.40]),
            "kot_aangevraagd": rng.choice([True, False]),
            "allergieen": rng.choice([None, None, "pinda", "lactose", "geen", "ei"]),
            "toestemming_foto": rng.choice(["ja", "nee", "alleen intern"]),
            "opmerkingen": note,
            "gewijzigd_op": datetime(2024, 1, 1) .__add__(timedelta(seconds=rng.randint(0, 30_000_000))).isoformat(timespec="seconds"),
        })
    return pd.DataFrame(rows)


def _pl_rachunek(f: Faker) -> str:
    digits = f.iban()[2:]
    return f"{digits[:2]} {digits[2:6]} {digits[6:10]} {digits[10:14]} {digits[14:18]} {digits[18:22]} {digits[22:26]}"


def _biuro(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("pl_PL", 5)
    formy = ["skala podatkowa", "podatek liniowy", "ryczałt ewidencjonowany", "karta podatkowa"]
    rows = []
    for i in range(n):
        first, last = f.first_name(), f.last_name()
        rows.append({
            "Lp.": i + 1,
            "Nr umowy": f"UM/{rng.randint(1, 999):03d}/{rng.randint(2018, 2024)}",
            "Nazwa firmy": f"{rng.choice(['F.H.U.', 'P.H.U.', 'Usługi', 'Biuro', 'Studio'])} {f.company().split()[0]}",
            "Imię": first,
            "Nazwisko": last,
            "PESEL": f.pesel() if rng.random() < 0.85 else "",
            "NIP": f.nip() if rng.random() < 0.5 else f"{f.nip()[:3]}-{f.nip()[3:6]}-{f.nip()[6:8]}-{f.nip()[8:]}",
            "REGON": f.regon(),
            "Ulica i nr": f.street_address(),
            "Kod pocztowy": f.postcode(),
            "Miejscowość": f.city(),
            "Województwo": rng.choice(["mazowieckie", "małopolskie", "śląskie", "pomorskie", "wielkopolskie", "łódzkie"]),
            "Telefon": f.phone_number(),
            "E-mail": _blank(rng, f.email(), 0.1),
            "Nr rachunku bankowego": _pl_rachunek(f),
            "Data urodzenia": _blank(rng, _dob(rng, 20, 75).isoformat(), 0.35),
            "Osoba do kontaktu": _blank(rng, f.name(), 0.4),
            "Login e-Deklaracje": _blank(rng, f.user_name(), 0.5),
            "Forma opodatkowania": rng.choice(formy),
            "Płatnik VAT": rng.choice(["TAK", "NIE"]),
            "VAT kwartalnie": rng.choice(["TAK", "NIE", "NIE"]),
            "Kod PKD": f"{rng.randint(1, 99):02d}.{rng.randint(10, 99)}.{rng.choice('ZABC')}",
            "Wynagrodzenie netto [zł]": f"{rng.randint(250, 2400)},00",
            "Początek współpracy": _event(rng, date(2012, 1, 1), date(2024, 6, 1)).strftime("%d.%m.%Y"),
            "Token KSeF (skrót)": _hexhash(rng, 64),
            "Uwagi": rng.choice(["", "", "dokumenty do 5. dnia m-ca", "JPK_V7M", "ZUS mały plus", "Ulga na start", "zaległość za 03/2024"]),
        })
    return pd.DataFrame(rows)


def _ffp(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    locales = ["en_GB", "en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "sv_SE"]
    fakers = {loc: _faker(loc, 60 + k) for k, loc in enumerate(locales)}
    fen = fakers["en_US"]
    tiers = ["Blue", "Silver", "Gold", "Platinum"]
    airports = ["LHR", "JFK", "FRA", "CDG", "MAD", "FCO", "AMS", "ARN", "ORD", "DXB"]
    rows = []
    for _ in range(n):
        loc = rng.choice(locales)
        f = fakers[loc]
        card = fen.credit_card_number(card_type=rng.choice(["visa16", "mastercard", "amex"]))
        rows.append({
            "MemberNo": f"{rng.randint(10**9, 10**10 - 1)}",
            "Title": rng.choice(["MR", "MRS", "MS", "DR", "MSTR", ""]),
            "GivenName": f.first_name().upper(),
            "Surname": f.last_name().upper(),
            "DOB": _dob(rng, 2, 88).strftime("%d%b%Y").upper(),
            "Nationality": f.current_country_code(),
            "PassportNo": _blank(rng, f.passport_number(), 0.35),
            "PassportExpiry": _blank(rng, _event(rng, date(2024, 1, 1), date(2034, 12, 31)).isoformat(), 0.35),
            "Email": f.email(),
            "MobilePhone": _blank(rng, f.phone_number(), 0.15),
            "AddressLine1": f.street_address(),
            "City": f.city(),
            "PostCode": f.postcode(),
            "CountryOfResidence": f.current_country(),
            "TierLevel": rng.choice(tiers),
            "AwardMilesBalance": rng.randint(0, 900000),
            "TierPointsYTD": float(rng.randint(0, 3000)),
            "EnrolDate": _event(rng, date(2001, 1, 1), date(2024, 6, 1)).isoformat(),
            "LastFlightDate": _blank(rng, _event(rng, date(2022, 1, 1), date(2024, 10, 1)).isoformat(), 0.1),
            "HomeAirport": rng.choice(airports),
            "SeatPref": rng.choice(["A", "W", "N", ""]),
            "MealPref": rng.choice(["", "VGML", "KSML", "MOML", "GFML", "AVML"]),
            "CardOnFile": card if rng.random() < 0.45 else "",
            "CardMasked": f"**** {card[-4:]}",
            "LoginName": f.user_name(),
            "LastLoginIP": fen.ipv4_public() if rng.random() < 0.8 else fen.ipv6(),
            "LastLoginUTC": datetime(2024, 1, 1).__add__(timedelta(seconds=rng.randint(0, 25_000_000))).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "NomineeName": _blank(rng, f.name(), 0.6),
            "MarketingOptIn": rng.choice([True, False]),
            "LastPNR": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
            "DeviceId": str(uuid.UUID(int=rng.getrandbits(128))),
            "ProfileVersion": f"{rng.randint(1, 4)}.{rng.randint(0, 20)}",
        })
    return pd.DataFrame(rows)


_BUILDERS = {
    "us_county_voters": _voters,
    "ch_gemeinde_steuerregister": _steuer,
    "it_palestra_iscritti": _palestra,
    "nl_kinderopvang_gezinnen": _kinderopvang,
    "pl_biuro_klienci": _biuro,
    "ffp_members_export": _ffp,
}


def make_tables(rows: int | None = None) -> dict[str, pd.DataFrame]:
    """Build every table; rows=None uses each table's own size, else that many rows each."""
    return {t: _BUILDERS[t](rows if rows is not None else ROWS[t]) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for t in TABLES:
        df = _BUILDERS[t](max(1, min(rows, ROWS[t])))
        p = out_dir / FILES[t]
        if t == "us_county_voters":
            df.to_csv(p, index=False, encoding="utf-8")
        elif t == "ch_gemeinde_steuerregister":
            df.to_csv(p, index=False, sep=";", encoding="cp1252")
        elif t == "pl_biuro_klienci":
            df.to_csv(p, index=False, sep="\t", encoding="utf-8-sig")
        elif t == "it_palestra_iscritti":
            df.to_excel(p, index=False, sheet_name="Iscritti", engine="openpyxl")
        elif t == "nl_kinderopvang_gezinnen":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        else:
            df.to_parquet(p, index=False)
        paths[t] = p
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    for name, path in write_all(target, n).items():
        print(name, path)
