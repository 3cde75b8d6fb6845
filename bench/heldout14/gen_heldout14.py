"""Blind held-out set 14 for the PII scanner: eight seeded exports from eight kinds of systems.

Tables (domain, format):
  uk_lettings_tenancies   UK estate-agent lettings / tenancy register      CSV, utf-8 with BOM, ","
  at_meldeschein_gaeste   Austrian hotel guest registration (Meldeschein)   Excel .xlsx
  it_banca_clienti_carte  Italian online bank: customers and cards          Parquet
  pl_energia_odbiorcy     Polish energy company: customers and meters      CSV, cp1250, ";"
  br_delivery_pedidos     Brazilian food-delivery app: orders               JSON Lines
  br_delivery_entregadores  Brazilian food-delivery app: couriers           CSV, utf-8, tab
  se_skola_elever         Swedish school: pupils and guardians              CSV, latin-1, ","
  game_players_moderation mobile game: players, purchases, chat moderation  Parquet

Labels are in labels.yaml next to this file, written by hand. Check digits (codice fiscale, PESEL, NIP,
CPF, RG, personnummer, IBANs, card numbers, Polish bank sort codes) are computed as real data has them.
"""

from __future__ import annotations

import hashlib
import json
import random
import string
import sys
import unicodedata
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

HERE = Path(__file__).resolve().parent
SEED = 14140

TABLES: tuple[str, ...] = (
    "uk_lettings_tenancies",
    "at_meldeschein_gaeste",
    "it_banca_clienti_carte",
    "pl_energia_odbiorcy",
    "br_delivery_pedidos",
    "br_delivery_entregadores",
    "se_skola_elever",
    "game_players_moderation",
)

FILES: dict[str, str] = {
    "uk_lettings_tenancies": "uk_lettings_tenancies.csv",
    "at_meldeschein_gaeste": "at_meldeschein_gaeste.xlsx",
    "it_banca_clienti_carte": "it_banca_clienti_carte.parquet",
    "pl_energia_odbiorcy": "pl_energia_odbiorcy.csv",
    "br_delivery_pedidos": "br_delivery_pedidos.jsonl",
    "br_delivery_entregadores": "br_delivery_entregadores.tsv",
    "se_skola_elever": "se_skola_elever.csv",
    "game_players_moderation": "game_players_moderation.parquet",
}


def labels() -> dict[str, dict[str, str | None]]:
    """The hand-written labels: {table: {column: entity or None}}."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(doc[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------------------- helpers


def _faker(locale: str, seed: int) -> Faker:
    """A seeded Faker whose list-valued provider attributes are sorted (some come from sets)."""
    fk = Faker(locale)
    fk.seed_instance(seed)
    for prov in fk.providers:
        for name in dir(prov):
            if name.startswith("__"):
                continue
            try:
                val = getattr(type(prov), name)
            except AttributeError:
                continue
            if isinstance(val, (list, tuple)) and val and all(isinstance(v, str) for v in val):
                setattr(prov, name, type(val)(sorted(val)))
    return fk


def _maybe(rng: random.Random, p: float, value: object, blank: object = "") -> object:
    """value with probability p, else blank."""
    return value if rng.random() < p else blank


def _dob(rng: random.Random, lo: int, hi: int) -> date:
    """A birth date between the years lo and hi."""
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _luhn_check(payload: str) -> str:
    """The Luhn check digit for a digit string payload."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _card(rng: random.Random) -> tuple[str, str]:
    """(scheme, Luhn-valid card number)."""
    scheme = rng.choices(["VISA", "MASTERCARD", "AMEX", "MAESTRO"], [50, 35, 8, 7])[0]
    if scheme == "VISA":
        body = "4" + _digits(rng, 14)
    elif scheme == "MASTERCARD":
        body = rng.choice(["51", "52", "53", "54", "55"]) + _digits(rng, 13)
    elif scheme == "AMEX":
        body = rng.choice(["34", "37"]) + _digits(rng, 12)
    else:
        body = rng.choice(["6759", "5018", "5020"]) + _digits(rng, 14)
    return scheme, body + _luhn_check(body)


def _iban(country: str, bban: str) -> str:
    """A full IBAN with correct mod-97 check digits."""
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _ip(rng: random.Random, v6_share: float = 0.0) -> str:
    if rng.random() < v6_share:
        return "2a02:" + ":".join(f"{rng.randrange(65536):x}" for _ in range(7))
    first = rng.choice([31, 37, 46, 62, 77, 79, 81, 86, 88, 91, 93, 151, 176, 185, 188, 193, 212, 217])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, la = _ascii(first).lower().replace(" ", ""), _ascii(last).lower().replace(" ", "").replace("'", "")
    pattern = rng.randrange(5)
    local = [f"{f}.{la}", f"{f[0]}{la}", f"{f}{la}{rng.randrange(1, 99)}", f"{la}.{f}", f"{f}_{la[:4]}"][pattern]
    return f"{local}@{rng.choice(domains)}"


def _text_messy(rng: random.Random, value: str, blanks: tuple[str, ...] = ("", "n/a")) -> str:
    return rng.choice(blanks) if rng.random() < 0.04 else value


# ----------------------------------------------------------------------------- (a) UK lettings

def _ni_number(rng: random.Random) -> str:
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        pre = rng.choice(first) + rng.choice(second)
        if pre not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    d = _digits(rng, 6)
    suf = rng.choice("ABCD")
    return rng.choice([f"{pre}{d}{suf}", f"{pre} {d[:2]} {d[2:4]} {d[4:]} {suf}", f"{pre.lower()}{d}{suf.lower()}"])


def _uk_mobile(rng: random.Random) -> str:
    n = "7" + rng.choice("1234579") + _digits(rng, 8)
    return rng.choice([f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"0{n}", f"+44{n}", f"(0{n[:4]}) {n[4:7]} {n[7:]}"])


def _make_uk(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("en_GB", SEED + 1)
    rows = []
    towns = ["Leeds", "Bristol", "Manchester", "Nottingham", "Reading", "Brighton", "Sheffield", "Oxford",
             "Cambridge", "Milton Keynes", "Harrogate", "Bath", "Cheltenham", "Exeter", "Norwich", "York",
             "Leicester", "Guildford", "St Albans", "Stockport", "Salford", "Croydon", "Kingston upon Thames",
             "Didsbury, Manchester", "Headingley, Leeds", "Clifton, Bristol", "Hove"]
    negotiators = [fk.name() for _ in range(9)]
    notes = ["Boiler service booked", "Check-in completed, inventory signed", "Awaiting references",
             "Renewal offered at same rent", "Section 21 not served", "Smoke alarms tested at check-in",
             "Gas safety cert expires next month", "Pets allowed - one cat", "Periodic tenancy since renewal",
             "Inventory clerk: Acorn Inventories Ltd", "", "", ""]
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(1900))
        rent = rng.randrange(575, 3200, 25)
        has_2 = rng.random() < 0.45
        has_g = rng.random() < 0.3
        dob = _dob(rng, 1955, 2004)
        ll_company = rng.random() < 0.12
        sort = f"{rng.randrange(10, 99)}-{_digits(rng, 2)}-{_digits(rng, 2)}"
        rows.append({
            "Tenancy Ref": f"TEN-{10000 + i * 7 + rng.randrange(7):06d}",
            "Property Address": _text_messy(rng, (rng.choice(["Flat ", "Apartment "]) + f"{rng.randrange(1, 30)}, "
                                                  if rng.random() < 0.35 else "") + fk.street_address().replace("\n", ", ")),
            "Town": rng.choice(towns),
            "Postcode": rng.choice([fk.postcode(), fk.postcode(), fk.postcode().replace(" ", "").lower()]),
            "Lead Tenant": rng.choice([f"{first} {last}", f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'])} {first} {last}",
                                       f"{last.upper()}, {first}"]),
            "Tenant 2": _maybe(rng, 1.0, fk.name()) if has_2 else "",
            "Tenant Email": _text_messy(rng, _email(rng, first, last, ["gmail.com", "hotmail.co.uk", "outlook.com",
                                                                        "yahoo.co.uk", "btinternet.com", "icloud.com"])),
            "Tenant Mobile": _text_messy(rng, _uk_mobile(rng)),
            "Tenant DOB": rng.choice([dob.strftime("%d/%m/%Y"), dob.strftime("%d/%m/%Y"), dob.strftime("%d-%b-%Y")]),
            "NI No.": _text_messy(rng, _ni_number(rng), ("", "n/a", "TBC")),
            "Guarantor Name": fk.name() if has_g else "",
            "Guarantor Tel": (rng.choice([_uk_mobile(rng), fk.phone_number()]) if has_g and rng.random() < 0.9 else ""),
            "Rent PCM (£)": f"{rent:,}.00" if rng.random() < 0.5 else str(rent),
            "Deposit £": round(rent * 12 / 52 * 5, 2),
            "Deposit Scheme": rng.choice(["DPS", "TDS", "mydeposits", "DPS Custodial", "TDS Insured"]),
            "DPS Cert No": f"{rng.choice(['DPS', 'TDS', 'MYD'])}{_digits(rng, 8)}",
            "Start Date": start.strftime("%d/%m/%Y"),
            "Term (months)": rng.choice([6, 12, 12, 12, 18, 24]),
            "Landlord": (f"{fk.last_name()} Property Holdings Ltd" if ll_company else
                         rng.choice([fk.name(), f"{rng.choice(['Mr', 'Mrs', 'Mr & Mrs'])} {fk.first_name()[0]}. {fk.last_name()}"])),
            "Landlord Sort Code / Acc No": rng.choice([f"{sort} / {_digits(rng, 8)}", f"{sort.replace('-', '')} {_digits(rng, 8)}",
                                                       _iban("GB", rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"])
                                                             + sort.replace("-", "") + _digits(rng, 8))]),
            "EPC Rating": rng.choice("BCCCDDDEEF"),
            "Right to Rent chk": rng.choice(["Y", "Y", "Y", "N", ""]),
            "Negotiator": rng.choice(negotiators),
            "Notes": rng.choice(notes),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (b) Austrian Meldeschein

_DE_ID_ALPHA = "0123456789CFGHJKLMNPRTVWXYZ"


def _de_id_number(rng: random.Random) -> str:
    """German identity-card serial (9 chars) with its 7-3-1 check digit."""
    serial = rng.choice("CFGHJKLMNPRTVWXYZ") + "".join(rng.choice(_DE_ID_ALPHA) for _ in range(8))
    total = sum(int(c, 36) * (7, 3, 1)[i % 3] for i, c in enumerate(serial))
    return serial + str(total % 10)


def _make_at(rng: random.Random, n: int) -> pd.DataFrame:
    fks = {"AT": _faker("de_AT", SEED + 2), "DE": _faker("de_DE", SEED + 3), "CH": _faker("de_CH", SEED + 4),
           "IT": _faker("it_IT", SEED + 5), "NL": _faker("nl_NL", SEED + 6), "GB": _faker("en_GB", SEED + 7)}
    nat = {"AT": "Österreich", "DE": "Deutschland", "CH": "Schweiz", "IT": "Italien", "NL": "Niederlande",
           "GB": "Vereinigtes Königreich"}
    docs = {"AT": "Reisepass", "DE": "Personalausweis", "CH": "Identitätskarte", "IT": "Carta d'identità",
            "NL": "Paspoort", "GB": "Passport"}
    behoerden = ["BH Innsbruck-Land", "Magistrat Wien", "BH Kitzbühel", "Stadt München", "Passbüro Zürich",
                 "Comune di Bolzano", "Gemeente Utrecht", "HM Passport Office", "LPD Salzburg", ""]
    rows = []
    for i in range(n):
        cc = rng.choices(list(fks), [40, 30, 10, 8, 6, 6])[0]
        fk = fks[cc]
        first, last = fk.first_name(), fk.last_name()
        arr = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
        nights = rng.choice([1, 2, 3, 3, 4, 5, 7, 7, 10, 14])
        dob = _dob(rng, 1940, 2006)
        companions = rng.choices([0, 1, 2, 3], [30, 45, 15, 10])[0]
        if cc == "DE":
            docno = _de_id_number(rng)
        elif cc == "AT":
            docno = rng.choice("PU") + _digits(rng, 7)
        elif cc == "CH":
            docno = rng.choice("CEFSX") + _digits(rng, 7)
        elif cc == "IT":
            docno = "CA" + _digits(rng, 5) + rng.choice("ABCDEFGHJKLMNP") + rng.choice("ABCDEFGHJKLMNP")
        elif cc == "NL":
            docno = "".join(rng.choice("ABCDEFGHJKLNPRSTUVWXYZ") for _ in range(2)) + "".join(
                rng.choice("ABCDEFGHJKLNPRSTUVWXYZ0123456789") for _ in range(6)) + _digits(rng, 1)
        else:
            docno = _digits(rng, 9)
        street = fk.street_address().replace("\n", ", ")
        rows.append({
            "Meldeschein-Nr.": f"{arr.year}/{i + 1:05d}",
            "Zimmer": rng.choice([101, 102, 104, 112, 203, 204, 215, 301, 302, 310, "Suite 1", "App. 4"]),
            "Anreise": arr,
            "Abreise": arr + timedelta(days=nights),
            "Familienname": last,
            "Vorname": first,
            "Geburtsdatum": rng.choice([dob.strftime("%d.%m.%Y"), dob.strftime("%d.%m.%Y"), dob.strftime("%Y-%m-%d")]),
            "Staatsangehörigkeit": nat[cc] if rng.random() < 0.7 else cc,
            "Straße/Hausnr.": street,
            "PLZ": fk.postcode(),
            "Wohnort": fk.city(),
            "Land": cc if rng.random() < 0.5 else nat[cc],
            "Reisedokument": docs[cc],
            "Dokument-Nr.": docno if cc not in {"AT", "DE"} or rng.random() < 0.8 else "",
            "Ausstellende Behörde": rng.choice(behoerden),
            "Anzahl Mitreisende": companions,
            "Mitreisende (Namen)": "; ".join(f"{fk.first_name()} {last if rng.random() < 0.7 else fk.last_name()}"
                                             for _ in range(companions)),
            "E-Mail": _maybe(rng, 0.75, _email(rng, first, last, ["gmx.at", "gmx.de", "aon.at", "a1.net", "web.de",
                                                                   "bluewin.ch", "libero.it", "gmail.com"])),
            "Telefon": _maybe(rng, 0.7, fk.phone_number()),
            "Ortstaxe EUR": round(nights * (1 + companions) * 2.6, 2),
            "Buchungskanal": rng.choice(["Booking.com", "direkt", "Telefon", "Expedia", "HRS", "Website"]),
            "Unterschrift vorhanden": rng.choice(["ja", "ja", "ja", "nein"]),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (c) Italian bank

_CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                    12, 14, 16, 10, 22, 25, 24, 23], strict=True))
_CF_EVEN = {**{str(d): d for d in range(10)}, **{c: i for i, c in enumerate(string.ascii_uppercase)}}
_BELFIORE = {"Roma": "H501", "Milano": "F205", "Napoli": "F839", "Torino": "L219", "Palermo": "G273",
             "Genova": "D969", "Bologna": "A944", "Firenze": "D612", "Bari": "A662", "Catania": "C351",
             "Venezia": "L736", "Verona": "L781"}


def _cf_check(s: str) -> str:
    """Check letter shared by the codice fiscale and the IBAN CIN (odd/even tables)."""
    total = sum(_CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c] for i, c in enumerate(s))
    return string.ascii_uppercase[total % 26]


def _cf_part(word: str, is_name: bool) -> str:
    w = "".join(c for c in _ascii(word).upper() if c.isalpha())
    cons = [c for c in w if c not in "AEIOU"]
    vows = [c for c in w if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def _codice_fiscale(last: str, first: str, dob: date, female: bool, town: str) -> str:
    day = dob.day + (40 if female else 0)
    body = (_cf_part(last, False) + _cf_part(first, True) + f"{dob.year % 100:02d}" + "ABCDEHLMPRST"[dob.month - 1]
            + f"{day:02d}" + _BELFIORE[town])
    return body + _cf_check(body)


def _it_iban(rng: random.Random) -> str:
    abi = rng.choice(["03069", "02008", "03062", "05034", "03015", "36772"])
    bban_rest = abi + _digits(rng, 5) + _digits(rng, 12)
    return _iban("IT", _cf_check(bban_rest) + bban_rest)


def _make_it(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("it_IT", SEED + 8)
    rows = []
    towns = sorted(_BELFIORE)
    for i in range(n):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _dob(rng, 1945, 2005)
        birth = rng.choice(towns)
        scheme, pan = _card(rng)
        has_card = rng.random() < 0.85
        pan_out = pan if rng.random() < 0.7 else _group4(pan)
        exp = date(2025, 1, 1) + timedelta(days=rng.randrange(1500))
        cap = int(fk.postcode())
        rows.append({
            "id_cliente": 700000 + i * 3 + rng.randrange(3),
            "NDG": f"{rng.randrange(10**7, 10**8)}",
            "cognome": last,
            "nome": first,
            "codice_fiscale": _codice_fiscale(last, first, dob, female, birth),
            "data_nascita": dob.isoformat(),
            "luogo_nascita": birth if rng.random() < 0.7 else f"{birth.upper()} ({birth[:2].upper()})",
            "indirizzo_residenza": fk.street_address(),
            "cap": cap,  # read as integer upstream: leading zeros lost
            "email": _email(rng, first, last, ["libero.it", "gmail.com", "virgilio.it", "hotmail.it", "tiscali.it",
                                               "alice.it"]),
            "cellulare": rng.choice([f"+39 3{_digits(rng, 2)} {_digits(rng, 7)}", f"3{_digits(rng, 9)}",
                                     f"0039 3{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 4)}"]),
            "IBAN": (lambda x: x if rng.random() < 0.6 else _group4(x))(_it_iban(rng)),
            "numero_carta": pan_out if has_card else None,
            "circuito": scheme if has_card else None,
            "scadenza_carta": exp.strftime("%m/%y") if has_card else None,
            "pan_mascherato": f"**** **** **** {pan[-4:]}" if has_card else None,
            "saldo_disponibile": round(rng.lognormvariate(7.5, 1.2), 2),
            "fido_accordato": float(rng.choice([0, 0, 0, 500, 1000, 1500, 3000])),
            "stato_kyc": rng.choice(["VERIFICATO", "VERIFICATO", "IN_ATTESA", "DA_AGGIORNARE"]),
            "ultimo_accesso_ip": _ip(rng, 0.1),
            "user_id_homebanking": rng.choice([f"{_ascii(first).lower()}.{_ascii(last).lower().replace(' ', '')}",
                                               f"{_ascii(first)[0].lower()}{_ascii(last).lower().replace(' ', '')}{dob.year % 100:02d}",
                                               f"{_ascii(last).lower().replace(' ', '')[:6]}{rng.randrange(100, 999)}"]),
            "data_apertura": (date(2012, 1, 1) + timedelta(days=rng.randrange(4500))).isoformat(),
            "filiale": f"FIL{rng.randrange(1, 240):03d}",
            "consenso_marketing": rng.random() < 0.4,
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (d) Polish energy

def _pesel(rng: random.Random, dob: date, female: bool) -> str:
    month = dob.month + (20 if dob.year >= 2000 else 0)
    serial = _digits(rng, 3) + str(rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
    body = f"{dob.year % 100:02d}{month:02d}{dob.day:02d}{serial}"
    total = sum(int(c) * w for c, w in zip(body, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3), strict=True))
    return body + str((10 - total % 10) % 10)


def _nip(rng: random.Random) -> str:
    while True:
        body = str(rng.randrange(1, 10)) + _digits(rng, 8)
        c = sum(int(d) * w for d, w in zip(body, (6, 5, 7, 2, 3, 4, 5, 6, 7), strict=True)) % 11
        if c != 10:
            return body + str(c)


def _pl_nrb(rng: random.Random) -> str:
    bank = rng.choice(["1020", "1050", "1140", "1240", "1090", "1160", "2490"]) + _digits(rng, 3)
    bank += str((10 - sum(int(d) * w for d, w in zip(bank, (3, 9, 7, 1, 3, 9, 7), strict=True)) % 10) % 10)
    return _iban("PL", bank + _digits(rng, 16))[2:]


def _make_pl(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("pl_PL", SEED + 9)
    rows = []
    for i in range(n):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name_female() if female else fk.last_name_male()
        dob = _dob(rng, 1940, 2003)
        nrb = _pl_nrb(rng)
        reading = rng.uniform(1000, 90000)
        tariff = rng.choice(["G11", "G11", "G12", "G12w", "G12r", "C11"])
        street = fk.street_address()
        rows.append({
            "Nr klienta": f"{rng.randrange(10**8, 10**9)}",
            "Nr umowy": f"UM/{rng.randrange(2015, 2025)}/{i + 1:06d}",
            "Imię i nazwisko": f"{first} {last}" if rng.random() < 0.8 else f"{last.upper()} {first}",
            "PESEL": _pesel(rng, dob, female) if rng.random() < 0.93 else "",
            "NIP": (rng.choice(["{}", "{0[0]}{0[1]}{0[2]}-{0[3]}{0[4]}{0[5]}-{0[6]}{0[7]}-{0[8]}{0[9]}"]).format(_nip(rng))
                    if tariff == "C11" or rng.random() < 0.08 else ""),
            "Ulica": street if street.startswith("ul.") or rng.random() < 0.5 else f"ul. {street}",
            "Kod pocztowy": fk.postcode(),
            "Miejscowość": fk.city(),
            "Telefon kontaktowy": _maybe(rng, 0.85, rng.choice([f"+48 {_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)}",
                                                                 f"{rng.choice('5678')}{_digits(rng, 8)}",
                                                                 f"{rng.choice('5678')}{_digits(rng, 2)}-{_digits(rng, 3)}-{_digits(rng, 3)}"])),
            "Adres e-mail": _maybe(rng, 0.7, _email(rng, first, last, ["wp.pl", "onet.pl", "o2.pl", "interia.pl",
                                                                        "gmail.com", "poczta.fm"])),
            "Nr rachunku bankowego": _maybe(rng, 0.6, rng.choice([nrb, f"PL{nrb}", f"{nrb[:2]} {_group4(nrb[2:])}"])),
            "Kod PPE": "590543" + _digits(rng, 12),
            "Nr licznika": f"{rng.randrange(10**7, 10**8)}",
            "Taryfa": tariff,
            "Odczyt [kWh]": f"{reading:.1f}".replace(".", ","),
            "Data odczytu": (date(2024, 1, 1) + timedelta(days=rng.randrange(365))).strftime("%d.%m.%Y"),
            "Zużycie roczne (kWh)": rng.randrange(600, 9000),
            "Saldo [zł]": f"{rng.uniform(-400, 900):.2f}".replace(".", ","),
            "Moc umowna kW": rng.choice(["4", "7", "12,5", "14", "16", "40"]),
            "Zgoda na e-fakturę": rng.choice(["TAK", "NIE", "TAK"]),
            "Osoba upoważniona": (f"{fk.first_name()} {fk.last_name()}" if rng.random() < 0.15 else ""),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (e) Brazilian delivery

def _cpf(rng: random.Random, formatted: bool = True) -> str:
    d = [rng.randrange(10) for _ in range(9)]
    for n in (10, 11):
        r = sum(x * w for x, w in zip(d, range(n, 1, -1), strict=True)) * 10 % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}" if formatted else s


def _rg_sp(rng: random.Random) -> str:
    d = _digits(rng, 8)
    r = 11 - sum(int(c) * w for c, w in zip(d, range(2, 10), strict=True)) % 11
    dv = "X" if r == 10 else "0" if r == 11 else str(r)
    return rng.choice([f"{d[:2]}.{d[2:5]}.{d[5:]}-{dv}", f"{d}{dv}", f"{d}-{dv}"])


def _br_cell(rng: random.Random) -> str:
    ddd = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85", "19"])
    n = "9" + _digits(rng, 8)
    return rng.choice([f"({ddd}) {n[:5]}-{n[5:]}", f"+55 {ddd} {n}", f"{ddd}{n}", f"+55{ddd}{n}"])


_BR_CITIES = ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre", "Brasília",
              "Salvador", "Recife", "Fortaleza", "Campinas", "Goiânia", "Florianópolis"]
_BR_UF = {"São Paulo": "SP", "Rio de Janeiro": "RJ", "Belo Horizonte": "MG", "Curitiba": "PR", "Porto Alegre": "RS",
          "Brasília": "DF", "Salvador": "BA", "Recife": "PE", "Fortaleza": "CE", "Campinas": "SP", "Goiânia": "GO",
          "Florianópolis": "SC"}


def _make_br_orders(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("pt_BR", SEED + 10)
    restaurantes = sorted({fk.company() for _ in range(80)}) + ["Burger King", "McDonald's", "Habib's", "Outback",
                                                              "Pizzaria Bráz", "China in Box", "Spoleto"]
    itens = ["X-Burguer", "X-Salada", "Coca-Cola 350ml", "Guaraná Antarctica 2L", "Pizza Calabresa G", "Açaí 500ml",
             "Yakisoba M", "Temaki Salmão", "Pastel de Carne", "Coxinha (6 un.)", "Marmitex Frango", "Batata Frita M"]
    obs = ["", "", "", "sem cebola", "tocar o interfone", "deixar na portaria", "troco para 50",
           "caprichar no molho", "não tocar a campainha, bebê dormindo", "mandar talheres", "entregar no portão 2"]
    rows = []
    for _ in range(n):
        first, last = fk.first_name(), fk.last_name()
        city = rng.choice(_BR_CITIES)
        ts = datetime(2024, 3, 1, 10) + timedelta(minutes=rng.randrange(60 * 24 * 300))
        k = rng.choices([1, 2, 3, 4], [40, 35, 15, 10])[0]
        chosen = rng.sample(itens, k)
        total = round(sum(rng.uniform(6, 60) for _ in chosen), 2)
        rows.append({
            "pedido_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "criado_em": ts.isoformat(timespec="seconds") + "-03:00",
            "restaurante": rng.choice(restaurantes),
            "cliente_nome": f"{first} {last}" if rng.random() < 0.85 else first,
            "cliente_telefone": _br_cell(rng),
            "cliente_email": _maybe(rng, 0.8, _email(rng, first, last, ["gmail.com", "hotmail.com", "yahoo.com.br",
                                                                         "uol.com.br", "bol.com.br", "outlook.com"]),
                                    None),
            "cpf_na_nota": _cpf(rng, rng.random() < 0.7) if rng.random() < 0.3 else None,
            "endereco_entrega": f"{fk.street_name()}, {rng.randrange(1, 3000)}"
                                + rng.choice(["", "", f" - apto {rng.randrange(11, 240)}", f" - bloco {rng.choice('ABCD')}",
                                              " - casa 2", f" - {fk.bairro()}"]),
            "cidade": city,
            "cep": fk.postcode() if rng.random() < 0.8 else fk.postcode().replace("-", ""),
            "itens": "; ".join(f"{rng.randrange(1, 4)}x {it}" for it in chosen),
            "valor_total": total,
            "taxa_entrega": rng.choice([0.0, 3.99, 5.99, 6.9, 7.99, 9.9]),
            "forma_pagamento": rng.choice(["PIX", "cartao_credito", "cartao_debito", "dinheiro", "vale_refeicao"]),
            "observacoes": rng.choice(obs),
            "entregador_id": f"ENT{rng.randrange(1, 1500):05d}",
            "avaliacao": rng.choice([None, 5, 5, 5, 4, 4, 3, 2, 1]),
            "ip_cliente": _ip(rng, 0.25),
            "status": rng.choice(["ENTREGUE", "ENTREGUE", "ENTREGUE", "CANCELADO", "EM_ROTA"]),
            "cupom": rng.choice([None, None, None, "PRIMEIRACOMPRA", "FRETEGRATIS", "VOLTA10"]),
        })
    return pd.DataFrame(rows)


def _make_br_couriers(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("pt_BR", SEED + 11)
    bancos = ["001 - Banco do Brasil", "237 - Bradesco", "341 - Itaú", "104 - Caixa", "260 - Nu Pagamentos",
              "077 - Banco Inter", "033 - Santander"]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        city = rng.choice(_BR_CITIES)
        dob = _dob(rng, 1965, 2005)
        conta = _digits(rng, rng.choice([5, 6, 7, 8]))
        conta_dv = str(sum(int(c) * (i + 2) for i, c in enumerate(reversed(conta))) % 11 % 10)
        veic = rng.choice(["Moto", "Moto", "Bicicleta", "Carro", "Patinete"])
        placa = (f"{''.join(rng.choice(string.ascii_uppercase) for _ in range(3))}{rng.randrange(10)}"
                 f"{rng.choice(string.ascii_uppercase)}{_digits(rng, 2)}") if veic in {"Moto", "Carro"} else ""
        rows.append({
            "ID Entregador": f"ENT{i + 1:05d}",
            "Nome completo": f"{first} {last} {fk.last_name()}" if rng.random() < 0.5 else f"{first} {last}",
            "Login": rng.choice([f"{_ascii(first).lower().replace(' ', '')}.{_ascii(last).lower().replace(' ', '')}",
                                 f"{_ascii(first).lower().replace(' ', '')}{rng.randrange(10, 999)}",
                                 f"{_ascii(first)[0].lower()}{_ascii(last).lower().replace(' ', '')}_entregas"]),
            "CPF": _cpf(rng, rng.random() < 0.8),
            "RG": _maybe(rng, 0.7, _rg_sp(rng)),
            "Data de Nascimento": rng.choice([dob.strftime("%d/%m/%Y"), dob.strftime("%d/%m/%Y"), dob.isoformat()]),
            "Celular": _br_cell(rng),
            "E-mail": _email(rng, first, last, ["gmail.com", "hotmail.com", "outlook.com", "icloud.com"]),
            "Endereço": f"{fk.street_name()}, {rng.randrange(1, 3000)}" + rng.choice(["", f" - {fk.bairro()}"]),
            "CEP": fk.postcode(),
            "Cidade/UF": f"{city}/{_BR_UF[city]}",
            "Banco": rng.choice(bancos),
            "Agência": f"{rng.randrange(1, 9999):04d}",
            "Conta": f"{conta}-{conta_dv}",
            "Veículo": veic,
            "Placa": placa,
            "Nota média": round(rng.uniform(3.8, 5.0), 2),
            "Entregas concluídas": rng.randrange(0, 6000),
            "Status cadastro": rng.choice(["ATIVO", "ATIVO", "ATIVO", "BLOQUEADO", "PENDENTE_DOCS"]),
            "Data cadastro": (date(2019, 6, 1) + timedelta(days=rng.randrange(1900))).strftime("%d/%m/%Y"),
            "Contato de emergência": (f"{fk.first_name()} {fk.last_name()} ({rng.choice(['mãe', 'pai', 'esposa', 'irmão', 'marido'])})"
                                      if rng.random() < 0.35 else ""),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (f) Swedish school

def _personnummer(rng: random.Random, dob: date, female: bool) -> str:
    serial = _digits(rng, 2) + str(rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
    body = dob.strftime("%y%m%d") + serial
    return rng.choice([f"{dob.year}{body[2:6]}-{serial}", f"{body[:6]}-{serial}"]) + _luhn_check(body)


def _se_phone(rng: random.Random) -> str:
    n = "7" + rng.choice("02369") + _digits(rng, 7)
    return rng.choice([f"0{n[:2]}-{n[2:5]} {n[5:7]} {n[7:]}", f"+46 {n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"0{n[:2]}-{n[2:]}"])


def _make_se(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("sv_SE", SEED + 12)
    skolor = ["Västerskolan", "Ekbackens skola", "Rosendalsgymnasiet", "Björkskolan F-9", "Kunskapsskolan Kista",
              "Lindeskolan", "Backaskolan"]
    mentorer = sorted({fk.name() for _ in range(40)})
    rows = []
    for _ in range(n):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        dob = _dob(rng, 2008, 2018)
        grade = max(0, min(9, 2024 - dob.year - 7))
        vh2 = rng.random() < 0.6
        postnr = fk.postcode().replace(" ", "")
        postnr = f"{postnr[:3]} {postnr[3:]}" if rng.random() < 0.7 else postnr
        rows.append({
            "Elev-ID": f"E{rng.randrange(10**6, 10**7)}",
            "Förnamn": first,
            "Efternamn": last,
            "Personnummer": _personnummer(rng, dob, female) if rng.random() < 0.97 else "",
            "Födelsedatum": dob.isoformat(),
            "Klass": "F" + rng.choice("AB") if grade == 0 else f"{grade}{rng.choice('ABC')}",
            "Skola": rng.choice(skolor),
            "Mentor": rng.choice(mentorer),
            "Folkbokföringsadress": fk.street_address(),
            "Postnr": postnr,
            "Postort": fk.city().upper() if rng.random() < 0.5 else fk.city(),
            "Vårdnadshavare 1": f"{fk.first_name()} {last}",
            "VH1 telefon": _se_phone(rng),
            "VH1 e-post": _maybe(rng, 0.9, _email(rng, fk.first_name(), last, ["gmail.com", "hotmail.com", "telia.com",
                                                                               "outlook.com", "live.se", "bredband.net"])),
            "Vårdnadshavare 2": f"{fk.first_name()} {last if rng.random() < 0.6 else fk.last_name()}" if vh2 else "",
            "VH2 telefon": _se_phone(rng) if vh2 and rng.random() < 0.85 else "",
            "Modersmål": rng.choice(["svenska", "svenska", "svenska", "arabiska", "finska", "somaliska", "engelska",
                                     "persiska", "polska"]),
            "Specialkost": rng.choice(["", "", "", "", "laktosfri", "glutenfri", "vegetarisk", "ej fläskkött",
                                       "nötallergi"]),
            "Frånvaro %": round(rng.betavariate(1.2, 14) * 100, 1),
            "Fritids": rng.choice(["Ja", "Nej", "Nej"]) if grade < 4 else "Nej",
            "Skolskjuts": rng.choice(["Nej", "Nej", "Nej", "Ja"]),
            "Elevens användarnamn": rng.choice([f"{_ascii(first).lower()[:3]}{_ascii(last).lower()[:3]}{dob.strftime('%y%m')}",
                                                f"{_ascii(first).lower()}.{_ascii(last).lower()}{rng.randrange(1, 99)}"]),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (g) mobile game

_TAG_A = ["Shadow", "Dark", "Pixel", "Night", "Ice", "Blaze", "Toxic", "Silent", "Crazy", "Lucky", "Iron", "Neon",
          "Frost", "Turbo", "Mystic", "Savage", "Sneaky", "Cosmic"]
_TAG_B = ["Wolf", "Ninja", "Sniper", "Dragon", "Gamer", "Knight", "Fox", "Reaper", "Panda", "Hunter", "Viper",
          "Storm", "Goblin", "Raven", "Titan", "Potato"]


def _gamertag(rng: random.Random, fk: Faker) -> str:
    a, b = rng.choice(_TAG_A), rng.choice(_TAG_B)
    return rng.choice([f"{a}{b}{rng.randrange(1, 999)}", f"xX{a}{b}Xx", f"{a.lower()}_{b.lower()}",
                       f"{_ascii(fk.first_name()).lower()}{rng.randrange(1990, 2012)}", f"{b}Of{a}", f"The{b}_{rng.randrange(10, 99)}"])


def _make_game(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("en_US", SEED + 13)
    mods = ["mod_kate", "Mod_Jonas", "SupportBot", "mod-ravi", "CM_Elena", "mod_tobi77"]
    chat = ["", "", "", "", "gg ez noob", "stop camping u trash", "uninstall the game lol", "report this hacker pls",
            "ur team is so bad", "free gems click my link", "spamming emotes", "why u kick me", "l2p", "afk again??",
            "sell acc cheap dm me"]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1975, 2011)
        spend = round(rng.choice([0, 0, 0, 0.99, 4.99, 9.99]) + rng.paretovariate(1.6) * rng.choice([0, 1, 5]), 2)
        flagged = rng.random() < 0.25
        buyer = spend > 0
        tag = _gamertag(rng, fk)
        rows.append({
            "player_id": 10_000_000 + i * 13 + rng.randrange(13),
            "gamertag": tag,
            "account_email": rng.choice([_email(rng, first, last, ["gmail.com", "yahoo.com", "outlook.com", "icloud.com",
                                                                    "aol.com", "proton.me"]),
                                         f"{tag.lower()}@gmail.com"]),
            "real_name": f"{first} {last}" if buyer and rng.random() < 0.6 else None,
            "dob": dob.isoformat() if rng.random() < 0.9 else None,
            "country": rng.choice(["US", "US", "GB", "CA", "AU", "DE", "BR", "PH", "IN", "SE"]),
            "signup_ip": _ip(rng, 0.2),
            "last_login_ip": _ip(rng, 0.3),
            "device_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(),
            "platform": rng.choice(["ios", "android", "android", "ios_tablet"]),
            "app_version": f"{rng.choice([3, 4])}.{rng.randrange(20)}.{rng.randrange(10)}",
            "level": rng.randrange(1, 400),
            "gems_balance": rng.randrange(0, 50000),
            "lifetime_spend_usd": spend,
            "last_purchase_sku": rng.choice(["com.stormclash.gems_500", "com.stormclash.gems_1200", "com.stormclash.battlepass_s14",
                                             "com.stormclash.starter_pack", "com.stormclash.skin_neon_wolf"]) if buyer else None,
            "last_purchase_ts": (datetime(2024, 1, 1) + timedelta(seconds=rng.randrange(3 * 10**7))).strftime("%Y-%m-%dT%H:%M:%SZ")
            if buyer else None,
            "receipt_hash": hashlib.sha256(f"r{i}-{rng.random()}".encode()).hexdigest() if buyer else None,
            "payment_method": rng.choice(["apple_pay", "google_play", f"VISA ****{_digits(rng, 4)}",
                                          f"MC ****{_digits(rng, 4)}", "paypal"]) if buyer else None,
            "phone_2fa": rng.choice([f"+1 ({rng.randrange(201, 989)}) {_digits(rng, 3)}-{_digits(rng, 4)}",
                                     f"+44 7{_digits(rng, 3)} {_digits(rng, 6)}", f"+1{rng.randrange(201, 989)}{_digits(rng, 7)}"])
            if rng.random() < 0.3 else None,
            "chat_flag_count": rng.randrange(1, 30) if flagged else 0,
            "last_flagged_msg": rng.choice(chat[4:]) if flagged else None,
            "reported_by": _gamertag(rng, fk) if flagged else None,
            "moderator": rng.choice(mods) if flagged else None,
            "ban_status": rng.choice(["none", "chat_mute_24h", "temp_ban_7d", "perma"]) if flagged else "none",
            "ban_reason": rng.choice(["toxicity", "spam", "cheating", "scam_links"]) if flagged else None,
            "referral_code": "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(8)),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- public API

_MAKERS = {
    "uk_lettings_tenancies": (_make_uk, 1.0),
    "at_meldeschein_gaeste": (_make_at, 0.6),
    "it_banca_clienti_carte": (_make_it, 1.0),
    "pl_energia_odbiorcy": (_make_pl, 0.8),
    "br_delivery_pedidos": (_make_br_orders, 1.0),
    "br_delivery_entregadores": (_make_br_couriers, 0.6),
    "se_skola_elever": (_make_se, 0.75),
    "game_players_moderation": (_make_game, 1.0),
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """The eight tables, seeded; row counts are rows scaled per table (1,000-2,000 at the default)."""
    out: dict[str, pd.DataFrame] = {}
    for k, table in enumerate(TABLES):
        maker, share = _MAKERS[table]
        out[table] = maker(random.Random(SEED * 100 + k), max(1, int(rows * share)))
    return out


def _write(table: str, df: pd.DataFrame, path: Path) -> None:
    if table == "uk_lettings_tenancies":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif table == "at_meldeschein_gaeste":
        df.to_excel(path, index=False, sheet_name="Meldescheine", engine="openpyxl")
    elif table == "pl_energia_odbiorcy":
        df.to_csv(path, index=False, sep=";", encoding="cp1250")
    elif table == "br_delivery_pedidos":
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for rec in df.to_dict(orient="records"):
                fh.write(json.dumps({k: (None if pd.isna(v) else v) if not isinstance(v, str) else v
                                     for k, v in rec.items()}, ensure_ascii=False) + "\n")
    elif table == "br_delivery_entregadores":
        df.to_csv(path, index=False, sep="\t", encoding="utf-8")
    elif table == "se_skola_elever":
        df.to_csv(path, index=False, encoding="latin-1")
    else:
        df.to_parquet(path, index=False)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created); returns {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table, df in make_tables(rows).items():
        path = out_dir / FILES[table]
        _write(table, df, path)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout14.py OUT_DIR [ROWS]")
    for t, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(f"{t}: {p}")
