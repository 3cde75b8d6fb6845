"""Blind held-out set 18 for the PII scanner: seven synthetic exports from real-looking systems.

Tables (domain, file format):
- ``dealer_deals``: US auto dealership deal / financing export (CSV, comma, UTF-8).
- ``sportclub_leden``: Dutch gym / sports-club member administration (Excel .xlsx).
- ``bank_klienci_przelewy``: Polish online bank customers with their transfers (CSV, semicolon, cp1250).
- ``farmacia_cartao_saude``: Portuguese pharmacy loyalty card holders and purchases (Parquet).
- ``palkka_toukokuu``: Finnish employer payroll run (CSV, tab, UTF-8).
- ``mediatheque_prets``: French municipal media library loans (CSV, semicolon, UTF-8 with BOM).
- ``user_activity_events``: Kafka-style user-activity topic dump with JSON-ish fields (JSON Lines).

All values are synthetic (Faker plus own code, seeded); national numbers, IBANs, card numbers and VINs
carry correct check digits. Labels live in ``labels.yaml`` next to this file and were written by hand.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 18180
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "dealer_deals",
    "sportclub_leden",
    "bank_klienci_przelewy",
    "farmacia_cartao_saude",
    "palkka_toukokuu",
    "mediatheque_prets",
    "user_activity_events",
)

FILES: dict[str, str] = {
    "dealer_deals": "dealer_deals.csv",
    "sportclub_leden": "sportclub_leden.xlsx",
    "bank_klienci_przelewy": "bank_klienci_przelewy.csv",
    "farmacia_cartao_saude": "farmacia_cartao_saude.parquet",
    "palkka_toukokuu": "palkka_toukokuu.tsv",
    "mediatheque_prets": "mediatheque_prets.csv",
    "user_activity_events": "user_activity_events.jsonl",
}

# share of `rows` each table gets (all stay within 1,000-2,000 rows at the default rows=2000)
_FRACTION: dict[str, float] = {
    "dealer_deals": 0.7,
    "sportclub_leden": 0.9,
    "bank_klienci_przelewy": 1.0,
    "farmacia_cartao_saude": 0.75,
    "palkka_toukokuu": 0.55,
    "mediatheque_prets": 1.0,
    "user_activity_events": 1.0,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} as written by hand in labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {table: dict(spec["columns"]) for table, spec in data.items()}


# ----------------------------------------------------------------------------------------------
# helpers: check digits and formats
# ----------------------------------------------------------------------------------------------


def _faker(locale: str, offset: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(SEED + offset)
    return fake


def _ascii(text: str) -> str:
    """Lower-case ASCII form of a name, for building e-mail addresses and logins."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("ß", "ss")
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if c.isascii() and (c.isalnum() or c in ".-_")).lower()


def _blank(rng: random.Random, value: object, p: float, fill: object = "") -> object:
    return fill if rng.random() < p else value


def _luhn_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _card(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        body = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    elif kind < 0.85:
        body = str(rng.randint(51, 55)) + "".join(str(rng.randint(0, 9)) for _ in range(13))
    else:
        body = rng.choice(["34", "37"]) + "".join(str(rng.randint(0, 9)) for _ in range(12))
        return body + _luhn_digit(body)
    return body + _luhn_digit(body)


def _group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def _iban(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def _nl_iban(rng: random.Random) -> str:
    bank = rng.choice(["ABNA", "INGB", "RABO", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "INGB"])
    while True:  # classic Dutch account numbers pass the 11-test
        acct = "".join(str(rng.randint(0, 9)) for _ in range(10))
        if acct[0] == "0" and acct[1] == "0":
            continue
        if sum(int(d) * w for d, w in zip(acct, range(10, 0, -1), strict=True)) % 11 == 0:
            break
    return _iban("NL", bank + acct)


def _pl_nrb(rng: random.Random) -> str:
    """Polish IBAN (PL + 26 digits): 8-digit sort code with its own check digit, 16-digit account."""
    bank = rng.choice(["102", "105", "114", "124", "109", "116", "175", "249", "188", "160"])
    branch = bank + "0" + "".join(str(rng.randint(0, 9)) for _ in range(3))
    weights = (3, 9, 7, 1, 3, 9, 7)
    s = sum(int(d) * w for d, w in zip(branch, weights, strict=True))
    sort_code = branch + str((10 - s % 10) % 10)
    acct = "".join(str(rng.randint(0, 9)) for _ in range(16))
    return _iban("PL", sort_code + acct)


def _fi_iban(rng: random.Random) -> str:
    prefix = rng.choice(["1", "5", "8", "3", "4", "6", "7"])
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(12))
    return _iban("FI", body + _luhn_digit(body))


def _pesel(rng: random.Random, dob: date) -> str:
    month = dob.month + (20 if dob.year >= 2000 else 0)
    sex = rng.randint(0, 9)
    base = f"{dob.year % 100:02d}{month:02d}{dob.day:02d}{rng.randint(0, 999):03d}{sex}"
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    s = sum(int(d) * w for d, w in zip(base, weights, strict=True))
    return base + str((10 - s % 10) % 10)


def _pl_id_card(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
    digits = [rng.randint(0, 9) for _ in range(5)]
    values = [int(c, 36) for c in letters] + digits
    weights = (7, 3, 1, 7, 3, 1, 7, 3)
    check = sum(v * w for v, w in zip(values, weights, strict=True)) % 10
    return letters + str(check) + "".join(map(str, digits))


def _pt_nif(rng: random.Random) -> str:
    base = str(rng.choice([1, 2, 2, 2, 3])) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    s = sum(int(d) * (9 - i) for i, d in enumerate(base))
    check = 11 - s % 11
    return base + str(0 if check >= 10 else check)


def _hetu(rng: random.Random, dob: date) -> str:
    sep = "A" if dob.year >= 2000 else "-"
    ind = rng.randint(2, 899)
    num = int(f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}{ind:03d}")
    chars = "0123456789ABCDEFHJKLMNPRSTUVWXY"
    return f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}{sep}{ind:03d}{chars[num % 31]}"


_VIN_TRANS = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_YEAR = {2015: "F", 2016: "G", 2017: "H", 2018: "J", 2019: "K", 2020: "L", 2021: "M",
             2022: "N", 2023: "P", 2024: "R", 2025: "S"}


def _vin(rng: random.Random, wmi: str, year: int) -> str:
    vds = "".join(rng.choice(_VIN_CHARS) for _ in range(5))
    plant = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    serial = "".join(str(rng.randint(0, 9)) for _ in range(6))
    vin = wmi + vds + "0" + _VIN_YEAR[year] + plant + serial
    s = sum(_VIN_TRANS[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True)) % 11
    return vin[:8] + ("X" if s == 10 else str(s)) + vin[9:]


def _dob(rng: random.Random, min_age: int, max_age: int, ref: date = date(2024, 6, 1)) -> date:
    days = rng.randint(min_age * 365, max_age * 365)
    return ref - timedelta(days=days)


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, s = _ascii(first).replace(" ", ""), _ascii(last).replace(" ", "")
    pattern = rng.randint(0, 5)
    local = [f"{f}.{s}", f"{f[0]}{s}", f"{f}{s}{rng.randint(1, 99)}", f"{s}.{f}",
             f"{f}_{s[:3]}{rng.randint(70, 99)}", f"{f}{rng.randint(1960, 2005)}"][pattern]
    return f"{local}@{rng.choice(domains)}"


def _handle(rng: random.Random, first: str, last: str) -> str:
    f, s = _ascii(first).replace(" ", ""), _ascii(last).replace(" ", "")
    pattern = rng.randint(0, 4)
    return [f"{f}{s[:1]}{rng.randint(1, 999)}", f"{f[:1]}{s}", f"{s}_{f}", f"{f}.{s}{rng.randint(1, 9)}",
            f"{f}{rng.randint(80, 2010)}"][pattern]


def _city_picker(fake: Faker, rng: random.Random):
    """City chooser: the locale's own city list sorted (process-independent order), else Faker's city()."""
    for provider in fake.get_providers():
        if hasattr(provider, "cities"):
            cities = sorted(set(provider.cities))
            return lambda: rng.choice(cities)
    return fake.city


_FR_CITIES = ["Rennes", "Nantes", "Brest", "Quimper", "Lorient", "Vannes", "Saint-Brieuc", "Lannion",
              "Morlaix", "Concarneau", "Cesson-Sévigné", "Saint-Malo", "Fougères", "Vitré", "Dinan",
              "Lamballe", "Ploërmel", "Pontivy", "Guingamp", "Landerneau", "Bruz", "Chantepie",
              "Saint-Jacques-de-la-Lande", "Pacé", "Betton", "Thorigné-Fouillard", "Le Rheu", "Mordelles",
              "Montfort-sur-Meu", "Châteaugiron", "La Mézière", "Melesse", "L'Hermitage", "Vern-sur-Seiche"]


# ----------------------------------------------------------------------------------------------
# (a) US auto dealership
# ----------------------------------------------------------------------------------------------

_MAKES = [
    ("1FT", "Ford", ["F-150", "Escape", "Explorer", "Bronco Sport"]),
    ("1G1", "Chevrolet", ["Equinox", "Malibu", "Silverado 1500", "Traverse"]),
    ("5YJ", "Tesla", ["Model 3", "Model Y"]),
    ("JTD", "Toyota", ["Corolla", "Camry", "RAV4", "Tacoma"]),
    ("1HG", "Honda", ["Civic", "Accord", "CR-V", "Pilot"]),
    ("KNA", "Kia", ["Sorento", "Telluride", "Forte"]),
    ("1C4", "Jeep", ["Grand Cherokee", "Wrangler", "Compass"]),
    ("3N1", "Nissan", ["Sentra", "Altima", "Rogue"]),
]
_LENDERS = ["Ally Financial", "Capital One Auto Finance", "Chase Auto", "Westlake Financial",
            "Credit Acceptance", "Santander Consumer USA", "Navy Federal CU", "Toyota Financial Services",
            "CASH", "Wells Fargo Dealer Svcs"]
_DEAL_NOTES = ["", "", "", "spot delivery - stips: POI, POR", "cust wants tint + all-weather mats",
               "we owe: 2nd key fob", "trade has hail damage, ACV adjusted", "GAP + 72mo VSC sold",
               "funded 3 days", "waiting on payoff letter from lienholder", "title in transit",
               "due bill - detail & full tank", "rebate 1,500 applied", "declined by 1st lender, re-sent",
               "NO GAP - declined", "dealer trade w/ sister store",
               "cust to bring:\n- 2 pay stubs\n- proof of insurance", "n/a"]


def _dealer(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fake = _faker("en_US", 1)
    staff = [f"{fake.first_name()} {fake.last_name()}" for _ in range(14)]
    fi_mgrs = staff[:4]
    sales = staff[4:]
    states = ["CA", "TX", "FL", "NJ", "MA", "OH", "GA", "AZ", "NY", "IL"]
    rows = []
    for i in range(n):
        wmi, make, models = rng.choice(_MAKES)
        year = rng.randint(2016, 2025)
        new = year >= 2024 and rng.random() < 0.7
        first, last = fake.first_name(), fake.last_name()
        dob = _dob(rng, 19, 82)
        deal_day = date(2024, 1, 2) + timedelta(days=rng.randint(0, 330))
        price = round(rng.uniform(9000, 72000) / 50) * 50
        down = round(price * rng.choice([0, 0.05, 0.1, 0.15, 0.2]), -1)
        lender = rng.choice(_LENDERS)
        financed = 0.0 if lender == "CASH" else round(price - down + rng.choice([0, 895, 1995, 2490]), 2)
        zip5 = fake.postcode()
        if rng.random() < 0.15:
            zip5 = "0" + zip5[1:]  # New England zips, whose leading zero the spreadsheet drops
        ssn = fake.ssn()
        ssn = ssn.replace("-", "") if rng.random() < 0.2 else ssn
        cell = f"{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        cell_fmt = rng.choice([f"({cell[:3]}) {cell[3:6]}-{cell[6:]}", f"{cell[:3]}-{cell[3:6]}-{cell[6:]}",
                               cell, f"+1 {cell[:3]} {cell[3:6]} {cell[6:]}"])
        home = f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
        co_buyer = ""
        if rng.random() < 0.22:
            co_buyer = f"{rng.choice([last, fake.last_name()]).upper()}, {fake.first_name().upper()}"
        rows.append({
            "Deal #": 41200 + i,
            "Deal Date": deal_day.strftime("%m/%d/%Y"),
            "Stock No.": f"{'N' if new else 'P'}{rng.randint(10000, 99999)}{rng.choice(['', '', 'A', 'B'])}",
            "N/U": "N" if new else "U",
            "VIN": _vin(rng, wmi, year),
            "Year": year,
            "Make": make,
            "Model": rng.choice(models),
            "Odometer (mi)": rng.randint(3, 30) if new else rng.randint(6000, 128000),
            "Buyer First Name": first.upper() if rng.random() < 0.3 else first,
            "Buyer Last Name": last.upper() if rng.random() < 0.3 else last,
            "Co-Buyer Name": co_buyer,
            "Buyer DOB": dob.strftime("%m/%d/%Y") if rng.random() < 0.8 else dob.isoformat(),
            "SSN": _blank(rng, ssn, 0.06),
            "Home Phone": _blank(rng, home, 0.65, rng.choice(["", "", "", "n/a", "NONE"])),
            "Cell Phone": _blank(rng, cell_fmt, 0.04),
            "E-Mail": _blank(rng, _email(rng, first, last, ["gmail.com", "yahoo.com", "outlook.com",
                                                            "icloud.com", "aol.com", "comcast.net"]), 0.1,
                             rng.choice(["", "", "n/a"])),
            "Address 1": fake.street_address(),
            "City": fake.city(),
            "ST": rng.choice(states),
            "Zip": float("nan") if rng.random() < 0.03 else float(int(zip5)),
            "Sale Price": f"${price:,.2f}",
            "Trade ACV": _blank(rng, f"${rng.randint(5, 240) * 100:,.2f}", 0.55),
            "Down Pmt": down,
            "Amt Financed": financed,
            "APR %": "" if lender == "CASH" else round(rng.uniform(1.9, 21.9), 2),
            "Term (mo)": "" if lender == "CASH" else rng.choice([36, 48, 60, 66, 72, 75, 84]),
            "Lender": lender,
            "Beacon": rng.randint(480, 845),
            "Salesperson": rng.choice(sales),
            "F&I Mgr": rng.choice(fi_mgrs),
            "Dep. Card #": _blank(rng, _card(rng), 0.7),
            "Deal Notes": rng.choice(_DEAL_NOTES),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# (b) Dutch sports club / gym
# ----------------------------------------------------------------------------------------------

_NL_PREFIX = ["", "", "", "", "van", "de", "van der", "van den", "van de", "den", "ter", "in 't"]
_NL_NOTES = ["", "", "", "", "Opgezegd via balie", "Betaalachterstand 1 mnd", "Gratis intake PT gedaan",
             "Pas kwijt, nieuwe pas uitgegeven", "Bevroren i.v.m. vakantie", "Overgestapt van Basis naar All-in",
             "Storno ontvangen, herinnering verstuurd", "Student - collegekaart gezien"]


def _nl_phone(rng: random.Random) -> str:
    num = f"6{rng.randint(10000000, 99999999)}"
    return rng.choice([f"06-{num[1:]}", f"06 {num[1:3]} {num[3:5]} {num[5:7]} {num[7:]}", f"+31{num}",
                       f"+31 6 {num[1:]}", f"0{num}"])


def _leden(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fake = _faker("nl_NL", 2)
    city = _city_picker(fake, rng)
    rows = []
    for i in range(n):
        first, last = fake.first_name(), fake.last_name()
        prefix = rng.choice(_NL_PREFIX)
        if " " in last:  # Faker writes "van Mook"; member systems keep the tussenvoegsel apart
            prefix, last = last.rsplit(" ", 1)
            prefix = prefix.lower()
        dob = _dob(rng, 14, 78)
        start = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3000))
        plan, fee = rng.choice([("Basis", 24.99), ("All-in", 39.95), ("Student", 21.5), ("55+", 22.5),
                                ("Jeugd", 17.5), ("Off-peak", 19.95)])
        holder = f"{first[0]}. {(prefix + ' ') if prefix else ''}{last}"
        if dob > date(2006, 6, 1):
            holder = f"{fake.first_name()[0]}. {last}"  # minors: a parent pays
        stopped = rng.random() < 0.18
        last_visit = datetime(2024, 5, 31, 21, 0) - timedelta(minutes=rng.randint(0, 60 * 24 * 200))
        rows.append({
            "Lidnr.": 100000 + i * 3 + rng.randint(0, 2),
            "Voornaam": first,
            "Tussenv.": prefix,
            "Achternaam": last,
            "Geslacht": rng.choice(["M", "V", "V", "M", "X"]),
            "Geb.datum": datetime(dob.year, dob.month, dob.day),
            "Adres": fake.street_address(),
            "Postcode": fake.postcode() if rng.random() < 0.85 else fake.postcode().replace(" ", ""),
            "Woonplaats": city(),
            "Mobiel": _blank(rng, _nl_phone(rng), 0.05),
            "E-mail": _blank(rng, _email(rng, first, last, ["gmail.com", "hotmail.com", "ziggo.nl",
                                                            "kpnmail.nl", "live.nl", "outlook.com"]), 0.04),
            "IBAN": _nl_iban(rng) if rng.random() < 0.8 else _group4(_nl_iban(rng)),
            "Naam rekeninghouder": holder,
            "Noodcontact": _blank(rng, f"{fake.first_name()} {fake.last_name()}", 0.35),
            "Tel. noodcontact": _blank(rng, _nl_phone(rng), 0.38),
            "Lidmaatschap": plan,
            "Ingangsdatum": datetime(start.year, start.month, start.day),
            "Opzegdatum": datetime(2024, rng.randint(1, 6), rng.randint(1, 28)) if stopped else None,
            "Contributie p/m (€)": fee,
            "Incasso": "Nee" if rng.random() < 0.07 else "Ja",
            "Pasnr": f"04{rng.getrandbits(48):012X}",
            "Laatste bezoek": last_visit.replace(second=0, microsecond=0),
            "Bezoeken 2024": rng.randint(0, 140),
            "Gebruikersnaam app": _blank(rng, _handle(rng, first, last), 0.3),
            "Opmerking": rng.choice(_NL_NOTES),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# (c) Polish online bank
# ----------------------------------------------------------------------------------------------

_PL_TITLES = ["Zwrot za obiad", "Czynsz {m}/2024", "Przelew środków", "Za bilety", "Opłata za przedszkole",
              "Faktura FV/{n}/2024", "Prezent", "Zwrot pożyczki", "Składka na wyjazd", "Rachunek za prąd",
              "Wynagrodzenie {m}/2024", "Kieszonkowe", "Darowizna", "Zakupy wspólne"]
_PL_COMPANIES = ["PGE Obrót S.A.", "Orange Polska S.A.", "Allegro.pl sp. z o.o.", "Tauron Sprzedaż",
                 "Urząd Skarbowy Warszawa-Mokotów", "Spółdzielnia Mieszkaniowa Ursynów", "ZUS"]


def _pl_phone(rng: random.Random) -> str:
    num = f"{rng.choice([5, 6, 7, 8])}{rng.randint(10000000, 99999999)}"
    return rng.choice([f"+48 {num[:3]} {num[3:6]} {num[6:]}", f"{num[:3]}-{num[3:6]}-{num[6:]}", num,
                       f"0048{num}", f"{num[:3]} {num[3:6]} {num[6:]}"])


def _bank(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fake = _faker("pl_PL", 3)
    city = _city_picker(fake, rng)
    n_clients = max(1, n // 3)
    clients = []
    for k in range(n_clients):
        first, last = fake.first_name(), fake.last_name()
        dob = _dob(rng, 18, 85)
        clients.append({
            "ID_KLIENTA": f"{7300000 + k * 17}",
            "Imię": first,
            "Nazwisko": last,
            "PESEL": _pesel(rng, dob),
            "Seria i nr dowodu": _pl_id_card(rng),
            "Data urodzenia": dob.isoformat(),
            "Ulica i nr": fake.street_address(),
            "Kod pocztowy": fake.postcode(),
            "Miejscowość": city(),
            "Telefon kom.": _pl_phone(rng),
            "E-mail": _email(rng, first, last, ["wp.pl", "o2.pl", "onet.pl", "interia.pl", "gmail.com"]),
            "Login": _handle(rng, first, last) if rng.random() < 0.6 else f"{rng.randint(10000000, 99999999)}",
            "Nr rachunku": _pl_nrb(rng),
            "Nr karty": _card(rng),
        })
    rows = []
    t0 = datetime(2024, 4, 1, 6, 0)
    for _i in range(n):
        c = clients[rng.randrange(n_clients)]
        when = t0 + timedelta(minutes=rng.randint(0, 60 * 24 * 60))
        kind = rng.choice(["Przelew wychodzący", "Przelew wychodzący", "Przelew przychodzący", "Przelew BLIK",
                           "Przelew na telefon BLIK", "Zlecenie stałe"])
        amount = round(rng.uniform(5, 4500), 2) * (1 if kind == "Przelew przychodzący" else -1)
        is_company = rng.random() < 0.2
        counterparty = rng.choice(_PL_COMPANIES) if is_company else f"{fake.first_name()} {fake.last_name()}"
        if not is_company and rng.random() < 0.3:
            counterparty = counterparty.upper()
        cp_acct = _pl_nrb(rng)
        cp_acct = rng.choice([cp_acct, cp_acct[2:], _group4(cp_acct[2:]) if len(cp_acct) > 2 else cp_acct])
        nrb = c["Nr rachunku"]
        row = dict(c)
        row["Nr rachunku"] = f"{nrb[2:4]} {_group4(nrb[4:])}"
        row["Nr karty"] = _group4(c["Nr karty"]) if rng.random() < 0.7 else c["Nr karty"]
        row.update({
            "ID transakcji": f"TRX{when:%Y%m%d}{rng.randint(0, 99999999):08d}",
            "Data operacji": when.strftime("%Y-%m-%d %H:%M:%S"),
            "Data księgowania": (when + timedelta(days=rng.choice([0, 0, 1, 3]))).strftime("%d.%m.%Y"),
            "Typ operacji": kind,
            "Kwota": f"{amount:,.2f}".replace(",", " ").replace(".", ","),
            "Waluta": "PLN" if rng.random() < 0.96 else rng.choice(["EUR", "USD"]),
            "Saldo po operacji": f"{rng.uniform(-500, 60000):.2f}".replace(".", ","),
            "Rachunek kontrahenta": "" if "telefon" in kind else cp_acct,
            "Nazwa kontrahenta": counterparty,
            "Tytuł": rng.choice(_PL_TITLES).format(m=f"{rng.randint(1, 6):02d}", n=rng.randint(1, 999)),
            "Adres IP": fake.ipv4_public() if rng.random() < 0.9 else fake.ipv6(),
            "Kanał": rng.choice(["WWW", "APP", "APP", "APP", "API"]),
            "Status": rng.choice(["Zaksięgowana"] * 9 + ["Odrzucona"]),
        })
        rows.append(row)
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# (d) Portuguese pharmacy loyalty
# ----------------------------------------------------------------------------------------------

_PT_PRODUCTS = [("5440987", "Ben-u-ron 500 mg 20 comp."), ("5681614", "Brufen 400 mg 20 comp."),
                ("2463185", "Aspirina C 10 comp. eferv."), ("6009836", "Bepanthene Plus creme 30 g"),
                ("5324316", "Strepsils Mel e Limão 24 past."), ("4976892", "Centrum Homem 30 comp."),
                ("3095289", "Vigantol 100 mg/ml gotas"), ("5020427", "Atorvastatina Generis 20 mg 56 comp."),
                ("6167220", "La Roche-Posay Anthelios SPF50"), ("2732480", "Omeprazol Mylan 20 mg 56 cáps."),
                ("7329115", "Termómetro digital Microlife"), ("5117439", "Metformina Aurovitas 850 mg 60 comp.")]
_PT_PHARMACIES = ["Farmácia Central Braga", "Farmácia Estácio - Lisboa", "Farmácia Sá da Bandeira",
                  "Farmácia Moderna Coimbra", "Farmácia do Mercado Faro", "Farmácia Avenida Aveiro"]
_PT_OBS = ["", "", "", "", "Prefere contacto por SMS", "Cartão reemitido", "Aderiu na campanha de verão",
           "Pediu fatura com NIF", "Reclamação resolvida", "Entrega ao domicílio"]


def _farmacia(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fake = _faker("pt_PT", 4)
    city = _city_picker(fake, rng)
    rows = []
    for _i in range(n):
        first, last = fake.first_name(), fake.last_name()
        full = f"{first} {fake.last_name()} {last}" if rng.random() < 0.6 else f"{first} {last}"
        dob = _dob(rng, 18, 94)
        cnp, product = rng.choice(_PT_PRODUCTS)
        prescribed = rng.random() < 0.45
        phone = f"9{rng.choice([1, 2, 3, 6])}{rng.randint(1000000, 9999999)}"
        rows.append({
            "NumCartao": f"2{rng.randint(0, 99999999999):011d}",
            "NomeCliente": full,
            "NIF": _blank(rng, _pt_nif(rng), 0.12, None),
            "NumUtenteSNS": _blank(rng, str(rng.randint(100000000, 399999999)), 0.5, None),
            "DataNascimento": dob.strftime("%d/%m/%Y") if rng.random() < 0.9 else None,
            "Morada": fake.street_address(),
            "CodPostal": fake.postcode(),
            "Localidade": city(),
            "Telemovel": rng.choice([phone, f"+351 {phone[:3]} {phone[3:6]} {phone[6:]}", f"+351{phone}"]),
            "Email": _blank(rng, _email(rng, first, last, ["sapo.pt", "gmail.com", "hotmail.com", "iol.pt",
                                                           "outlook.pt"]), 0.3, None),
            "ConsentimentoMarketing": rng.random() < 0.62,
            "PontosSaldo": rng.randint(0, 4200),
            "DataAdesao": (date(2015, 1, 1) + timedelta(days=rng.randint(0, 3400))).isoformat(),
            "FarmaciaAdesao": rng.choice(_PT_PHARMACIES),
            "UltimaVenda": (datetime(2024, 5, 1, 9) + timedelta(minutes=rng.randint(0, 43000))).isoformat(" "),
            "CNP": cnp,
            "DesignacaoProduto": product,
            "Qtd": rng.choice([1, 1, 1, 2, 3]),
            "PVP": round(rng.uniform(1.5, 38), 2),
            "Comparticipacao": rng.choice([0.0, 15.0, 37.0, 69.0, 90.0]) if prescribed else 0.0,
            "NumReceita": f"{rng.randint(10**18, 10**19 - 1)}" if prescribed else None,
            "MedicoPrescritor": f"Dr{'a' if rng.random() < 0.5 else ''}. {fake.first_name()} {fake.last_name()}"
            if prescribed else None,
            "Obs": rng.choice(_PT_OBS),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# (e) Finnish payroll
# ----------------------------------------------------------------------------------------------

_FI_TITLES = ["Varastotyöntekijä", "Myyjä", "Asiakaspalvelija", "Kirjanpitäjä", "Ohjelmistokehittäjä",
              "Huoltoasentaja", "Projektipäällikkö", "Trukinkuljettaja", "Palkkasihteeri", "Siivooja"]
_FI_BIC = {"1": "NDEAFIHH", "5": "OKOYFIHH", "8": "DABAFIHH", "3": "HANDFIHH", "4": "HELSFIHH",
           "6": "AABAFI22", "7": "POPFFI22"}


def _fi_money(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _palkka(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fake = _faker("fi_FI", 5)
    city = _city_picker(fake, rng)
    bosses = [f"{fake.first_name()} {fake.last_name()}" for _ in range(9)]
    rows = []
    for i in range(n):
        first = fake.first_name() + (f" {fake.first_name()}" if rng.random() < 0.7 else "")
        last = fake.last_name()
        dob = _dob(rng, 17, 66)
        iban = _fi_iban(rng)
        monthly = round(rng.uniform(2100, 6800), 2)
        extras = round(rng.choice([0, 0, 0, rng.uniform(40, 900)]), 2)
        gross = monthly + extras
        tax_pct = round(rng.uniform(6, 38), 1)
        tyel = 7.15 if 17 <= (2024 - dob.year) <= 52 or (2024 - dob.year) > 62 else 8.65
        unemp = round(gross * 0.0079, 2)
        net = gross - gross * tax_pct / 100 - gross * tyel / 100 - unemp
        phone = f"04{rng.choice([0, 1, 4, 5, 6])}{rng.randint(1000000, 9999999)}"
        post = fake.postcode()
        rows.append({
            "Hlönro": 1000 + i,
            "Sukunimi": last,
            "Etunimet": first,
            "Henkilötunnus": _hetu(rng, dob),
            "Syntymäaika": f"{dob.day}.{dob.month}.{dob.year}",
            "Lähiosoite": fake.street_address(),
            "Postinro": int(post),
            "Postitoimipaikka": city().upper(),
            "Puhelin": _blank(rng, rng.choice([phone, f"+358 {phone[1:3]} {phone[3:6]} {phone[6:]}",
                                              f"{phone[:3]} {phone[3:]}"]), 0.08),
            "Sähköposti": _blank(rng, _email(rng, first.split()[0], last, ["gmail.com", "hotmail.com",
                                                                           "kolumbus.fi", "suomi24.fi",
                                                                           "outlook.com"]), 0.2),
            "Pankkitili (IBAN)": _group4(iban) if rng.random() < 0.75 else iban,
            "BIC": _FI_BIC[iban[4]],
            "Palkkajakso": "1.5.2024-31.5.2024",
            "Maksupäivä": "31.5.2024",
            "Kuukausipalkka €": _fi_money(monthly),
            "Lisät €": _fi_money(extras),
            "Bruttopalkka": _fi_money(gross),
            "Ennakonpidätys %": _fi_money(tax_pct),
            "Ennakonpidätys €": _fi_money(gross * tax_pct / 100),
            "TyEL %": _fi_money(tyel),
            "Työttömyysvak. €": _fi_money(unemp),
            "Nettopalkka": _fi_money(net),
            "Kustannuspaikka": f"KP-{rng.choice([4100, 4200, 5100, 6300, 7000])}",
            "Tehtävänimike": rng.choice(_FI_TITLES),
            "Esihenkilö": rng.choice(bosses),
            "Lomapäiviä jäljellä": rng.choice([0, 2.5, 5, 7.5, 10, 12.5, 15, 18, 24, 30]),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# (f) French municipal media library
# ----------------------------------------------------------------------------------------------

_FR_ITEMS = [("L'Étranger", "Camus, Albert", "Livre", "R CAM"), ("Les Misérables T.1", "Hugo, Victor", "Livre",
             "R HUG"), ("Les Années", "Ernaux, Annie", "Livre", "R ERN"), ("L'Arabe du futur", "Sattouf, Riad",
             "BD", "BD SAT"), ("Pars vite et reviens tard", "Vargas, Fred", "Livre", "RP VAR"),
             ("Astérix le Gaulois", "Goscinny, René", "BD", "BD GOS"), ("Le Petit Prince",
             "Saint-Exupéry, Antoine de", "Livre", "J SAI"), ("Chanson douce", "Slimani, Leïla", "Livre",
             "R SLI"), ("Harry Potter à l'école des sorciers", "Rowling, J. K.", "Livre", "J ROW"),
             ("Amélie Poulain", "Jeunet, Jean-Pierre", "DVD", "791.43 JEU"), ("Intouchables", "Nakache, Olivier",
             "DVD", "791.43 NAK"), ("Racine carrée", "Stromae", "CD", "099 STR"), ("Sapiens", "Harari, Yuval Noah",
             "Livre", "909 HAR"), ("Le Comte de Monte-Cristo", "Dumas, Alexandre", "Livre", "R DUM"),
             ("Vernon Subutex 1", "Despentes, Virginie", "Livre", "R DES"), ("La Horde du Contrevent",
             "Damasio, Alain", "Livre", "SF DAM"), ("Guide du routard Bretagne", "Gloaguen, Philippe", "Livre",
             "914.41 GUI"), ("Le Monde de Nemo", "Stanton, Andrew", "DVD", "J 791.43 STA")]
_FR_SITES = ["Médiathèque centrale", "Bibliothèque de quartier Nord", "Bibliobus", "Médiathèque des Capucins"]


def _fr_phone(rng: random.Random) -> str:
    num = f"0{rng.choice([1, 2, 3, 4, 5, 6, 6, 6, 7, 9])}{rng.randint(10000000, 99999999)}"
    return rng.choice([" ".join(num[j : j + 2] for j in range(0, 10, 2)), num, ".".join(num[j : j + 2] for j
                       in range(0, 10, 2)), f"+33 {num[1]} {num[2:4]} {num[4:6]} {num[6:8]} {num[8:]}"])


def _mediatheque(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fake = _faker("fr_FR", 6)
    n_readers = max(1, n // 2)
    readers = []
    for _k in range(n_readers):
        male = rng.random() < 0.48
        first = fake.first_name_male() if male else fake.first_name_female()
        last = fake.last_name()
        dob = _dob(rng, 4, 90)
        minor = dob > date(2006, 6, 1)
        start = date(2012, 9, 1) + timedelta(days=rng.randint(0, 4300))
        readers.append({
            "N° carte": f"29{rng.randint(0, 9999999999):010d}",
            "Civilité": "" if minor else ("M." if male else rng.choice(["Mme", "Mme", "Mlle"])),
            "Nom": last.upper(),
            "Prénom": first,
            "Né(e) le": dob.strftime("%d/%m/%Y"),
            "Adresse": fake.street_address(),
            "Code postal": f"{rng.choice([35, 35, 35, 29, 22, 56])}{rng.randint(0, 999):03d}",
            "Ville": rng.choice(_FR_CITIES).upper() if rng.random() < 0.3 else rng.choice(_FR_CITIES),
            "Téléphone": _blank(rng, _fr_phone(rng), 0.15),
            "Courriel": _blank(rng, _email(rng, first, last, ["orange.fr", "free.fr", "laposte.net", "gmail.com",
                                                              "sfr.fr", "wanadoo.fr"]), 0.2),
            "Identifiant portail": _blank(rng, _handle(rng, first, last), 0.45),
            "Catégorie": "Jeune -18" if minor else rng.choice(["Adulte", "Adulte", "Étudiant", "Senior",
                                                               "Demandeur d'emploi"]),
            "Date inscription": start.strftime("%d/%m/%Y"),
            "Fin d'abonnement": (start + timedelta(days=365 * rng.randint(1, 12))).strftime("%d/%m/%Y"),
            "Représentant légal": f"{fake.first_name()} {last.upper()}" if minor else "",
        })
    rows = []
    for _ in range(n):
        r = dict(readers[rng.randrange(n_readers)])
        title, author, support, cote = rng.choice(_FR_ITEMS)
        loan = date(2024, 3, 1) + timedelta(days=rng.randint(0, 90))
        due = loan + timedelta(days=21 if support != "DVD" else 14)
        late = max(0, rng.choice([0, 0, 0, 0, 3, 8, 15, 40]))
        r.update({
            "Code-barres": f"0{rng.randint(100000000, 999999999)}",
            "Titre": title,
            "Auteur": author,
            "Support": support,
            "Cote": cote,
            "Date du prêt": loan.strftime("%d/%m/%Y"),
            "Retour prévu": due.strftime("%d/%m/%Y"),
            "Jours de retard": late,
            "Pénalité (€)": f"{late * 0.15:.2f}".replace(".", ","),
            "Site": rng.choice(_FR_SITES),
        })
        rows.append(r)
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# (g) Kafka-style user-activity export
# ----------------------------------------------------------------------------------------------

_EVENTS = ["page_view", "page_view", "page_view", "add_to_cart", "search", "login", "logout", "checkout_started",
           "order_completed", "profile_updated", "signup"]
_UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari",
        "okhttp/4.12.0", "ShopApp/5.2.1 (Android 14; Pixel 7)"]
_PAGES = ["/", "/c/shoes", "/c/outdoor/jackets", "/p/SKU-{sku}", "/cart", "/checkout/shipping", "/account/orders",
          "/search"]
_GB_CITIES = ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Edinburgh", "Cardiff", "Sheffield",
              "Nottingham", "Brighton", "Reading", "Oxford", "Cambridge", "York", "Norwich", "Exeter"]
_US_CITIES = ["Austin", "Denver", "Portland", "Seattle", "Chicago", "Boston", "Minneapolis", "Raleigh",
              "Salt Lake City", "San Diego", "Columbus", "Pittsburgh", "Boise", "Madison", "Tucson"]
_QUERIES = ["rain jacket", "trail running shoes", "tent 2 person", "merino socks", "headlamp", "gift card"]


def _events(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    fake = _faker("en_US", 7)
    locales = [_faker(loc, 70 + j) for j, loc in enumerate(["en_GB", "en_US", "de_DE", "nl_NL"])]
    pickers = [_city_picker(lf, rng) for lf in locales]
    pickers[0] = lambda: rng.choice(_GB_CITIES)
    pickers[1] = lambda: rng.choice(_US_CITIES)
    n_users = max(1, n // 5)
    users = []
    for _k in range(n_users):
        j = rng.randrange(len(locales))
        lf = locales[j]
        first, last = lf.first_name(), lf.last_name()
        users.append({
            "id": f"usr_{rng.getrandbits(40):010x}",
            "username": _handle(rng, first, last),
            "email": _email(rng, first, last, ["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk", "web.de"]),
            "name": rng.choice([f"{first} {last}", f"{first} {last[0]}.", f"{first} {last}"]),
            "city": pickers[j](),
            "country": lf.current_country_code(),
            "ip": fake.ipv4_public() if rng.random() < 0.85 else fake.ipv6(),
            "phone": lf.phone_number(),
            "street": lf.street_address(),
            "zip": lf.postcode(),
            "session": str(uuid.UUID(int=rng.getrandbits(128))),
        })
    ts = 1714521600000  # 2024-05-01T00:00:00Z
    rows = []
    for i in range(n):
        u = users[rng.randrange(n_users)]
        ev = rng.choice(_EVENTS)
        ts += rng.randint(50, 4000)
        sku = rng.randint(10000, 99999)
        props: dict[str, object] = {}
        if ev == "add_to_cart":
            props = {"sku": f"SKU-{sku}", "qty": rng.randint(1, 3), "price": round(rng.uniform(9, 299), 2)}
        elif ev == "search":
            props = {"query": rng.choice(_QUERIES), "results": rng.randint(0, 240)}
        elif ev == "order_completed":
            props = {"order_id": f"ORD-{rng.randint(1000000, 9999999)}", "total": round(rng.uniform(20, 900), 2),
                     "currency": "EUR", "items": rng.randint(1, 6)}
        elif ev == "page_view":
            props = {"scroll_depth": rng.choice([25, 50, 75, 100]), "load_ms": rng.randint(120, 4800)}
        profile = ev in ("profile_updated", "signup", "checkout_started")
        anonymous = ev in ("page_view", "search") and rng.random() < 0.25
        rows.append({
            "topic": "web.user-activity.v3",
            "partition": rng.randint(0, 11),
            "offset": 88_400_000 + i * 12 + rng.randint(0, 11),
            "key": u["id"] if not anonymous else None,
            "timestamp": ts,
            "headers": json.dumps({"traceparent": f"00-{rng.getrandbits(128):032x}-{rng.getrandbits(64):016x}-01",
                                   "producer": rng.choice(["web-bff", "mobile-gw"])}),
            "event.type": ev,
            "event.id": str(uuid.UUID(int=rng.getrandbits(128))),
            "user.id": u["id"] if not anonymous else None,
            "user.username": u["username"] if not anonymous else None,
            "user.email": u["email"] if (profile or ev == "login") else None,
            "user.name": u["name"] if not anonymous else None,
            "context.ip": u["ip"],
            "context.userAgent": rng.choice(_UAS),
            "context.geo.city": u["city"],
            "context.geo.country": u["country"],
            "context.sessionId": u["session"],
            "context.app.version": rng.choice(["5.2.1", "5.2.0", "5.1.9", "web-2024.05.2"]),
            "page.path": rng.choice(_PAGES).format(sku=sku),
            "page.referrer": rng.choice(["", "https://www.google.com/", "https://t.co/", "android-app://com.google"]),
            "properties": json.dumps(props, ensure_ascii=False),
            "traits.phone": u["phone"] if profile else None,
            "traits.address.street": u["street"] if profile else None,
            "traits.address.postalCode": u["zip"] if profile else None,
            "schemaVersion": 3,
        })
    return pd.DataFrame(rows)


_BUILDERS = {
    "dealer_deals": _dealer,
    "sportclub_leden": _leden,
    "bank_klienci_przelewy": _bank,
    "farmacia_cartao_saude": _farmacia,
    "palkka_toukokuu": _palkka,
    "mediatheque_prets": _mediatheque,
    "user_activity_events": _events,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table (deterministic for a given `rows`); each gets a fixed share of `rows`."""
    return {name: _BUILDERS[name](max(1, int(rows * _FRACTION[name]))) for name in TABLES}


def _write(name: str, df: pd.DataFrame, path: Path) -> None:
    if name == "dealer_deals":
        df.to_csv(path, index=False, encoding="utf-8")
    elif name == "sportclub_leden":
        df.to_excel(path, index=False, sheet_name="Leden", engine="openpyxl")
    elif name == "bank_klienci_przelewy":
        df.to_csv(path, index=False, sep=";", encoding="cp1250")
    elif name == "farmacia_cartao_saude":
        df.to_parquet(path, index=False)
    elif name == "palkka_toukokuu":
        df.to_csv(path, index=False, sep="\t", encoding="utf-8")
    elif name == "mediatheque_prets":
        df.to_csv(path, index=False, sep=";", encoding="utf-8-sig")
    elif name == "user_activity_events":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:  # pragma: no cover
        raise KeyError(name)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into `out_dir` (created if missing); return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        path = out_dir / FILES[name]
        _write(name, df, path)
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout18.py OUT_DIR [ROWS]")
    for table, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(f"{table}: {p}")
