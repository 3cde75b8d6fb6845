"""Blind held-out set 21 for the PII scanner: seven exports from seven made-up systems.

Tables (domain, format):
  ca_tax_clients        Canadian tax-preparation client list        CSV, comma, UTF-8 with BOM
  at_rechnungen         Austrian tradesman (Installateur) invoices  Excel .xlsx
  be_eleves_parents     Belgian (French) school pupils and parents  CSV, semicolon, cp1252
  es_monedero_movs      Spanish mobile-wallet transactions          Parquet
  no_jakt_fiske         Norwegian hunting / fishing licences        JSON Lines
  fi_taloyhtio_asukkaat Finnish housing-cooperative residents       CSV, tab, UTF-8
  mc_campaign_events    Mailchimp-style campaign events export      CSV, comma, all quoted

Labels live in labels.yaml, written by hand from what each column holds (not from any scanner run).
Deterministic: every table has its own random.Random and Faker instances seeded from SEED.
"""

from __future__ import annotations

import csv
import random
import sys
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "FILES", "labels", "make_tables", "write_all"]

SEED = 21210
HERE = Path(__file__).resolve().parent

FILES: dict[str, str] = {
    "ca_tax_clients": "ca_tax_clients.csv",
    "at_rechnungen": "at_rechnungen_2024.xlsx",
    "be_eleves_parents": "be_eleves_parents.csv",
    "es_monedero_movs": "es_monedero_movs.parquet",
    "no_jakt_fiske": "no_jakt_fiske_lisenser.jsonl",
    "fi_taloyhtio_asukkaat": "fi_taloyhtio_asukkaat.csv",
    "mc_campaign_events": "mc_campaign_events.csv",
}
TABLES: tuple[str, ...] = tuple(FILES)

# share of `rows` each table gets (at the default 2000 rows: 1000..2000 each)
_ROW_SHARE = {
    "ca_tax_clients": 1.0,
    "at_rechnungen": 0.8,
    "be_eleves_parents": 0.7,
    "es_monedero_movs": 1.0,
    "no_jakt_fiske": 0.6,
    "fi_taloyhtio_asukkaat": 0.5,
    "mc_campaign_events": 1.0,
}


def labels() -> dict[str, dict[str, str | None]]:
    """The hand-written column labels: {table: {column: entity or None}}."""
    raw = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(raw[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------------------- helpers


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _maybe(rng: random.Random, p_blank: float, value: object, blanks: tuple = ("",)) -> object:
    """Return value, or (with probability p_blank) one of the blank spellings."""
    if rng.random() < p_blank:
        return rng.choice(blanks)
    return value


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _iban(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def _grouped(s: str, n: int = 4) -> str:
    return " ".join(s[i : i + n] for i in range(0, len(s), n))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _dob(rng: random.Random, lo: int, hi: int, today: date = date(2024, 6, 1)) -> date:
    return today - timedelta(days=rng.randint(lo * 365, hi * 365))


def _sin(rng: random.Random) -> str:
    body = rng.choice("1234567") + _digits(rng, 7)
    return body + _luhn_digit(body)


def _be_nn(rng: random.Random, born: date) -> str:
    serial = rng.randint(1, 997)
    base = born.strftime("%y%m%d") + f"{serial:03d}"
    num = int(("2" + base) if born.year >= 2000 else base)
    check = 97 - num % 97
    return base + f"{check:02d}"


def _be_iban(rng: random.Random) -> str:
    core = _digits(rng, 10)
    chk = int(core) % 97 or 97
    return _iban("BE", core + f"{chk:02d}")


def _es_dc(ten: str) -> str:
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * k for c, k in zip(ten, w, strict=True)) % 11
    return str({11: 0, 10: 1}.get(d, d))


def _es_iban(rng: random.Random) -> str:
    bank_branch = rng.choice(["2100", "0049", "0182", "0081", "2085", "1465", "0128"]) + _digits(rng, 4)
    acct = _digits(rng, 10)
    bban = bank_branch + _es_dc("00" + bank_branch) + _es_dc(acct) + acct
    return _iban("ES", bban)


def _at_iban(rng: random.Random) -> str:
    bban = rng.choice(["20111", "12000", "32000", "14000", "38000", "60000"]) + _digits(rng, 11)
    return _iban("AT", bban)


def _fi_iban(rng: random.Random) -> str:
    body = rng.choice(["1", "4", "5", "8"]) + _digits(rng, 12)
    return _iban("FI", body + _luhn_digit(body))


def _no_konto(rng: random.Random) -> str:
    while True:
        body = _digits(rng, 10)
        w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        r = 11 - sum(int(c) * k for c, k in zip(body, w, strict=True)) % 11
        if r == 10:
            continue
        return body + str(0 if r == 11 else r)


def _dni(rng: random.Random) -> str:
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.15:
        pre = rng.choice("XYZ")
        num = _digits(rng, 7)
        return pre + num + letters[int(str("XYZ".index(pre)) + num) % 23]
    num = f"{rng.randint(1_000_000, 99_999_999):08d}"
    return num + letters[int(num) % 23]


def _fnr(rng: random.Random, born: date) -> str:
    while True:
        if born.year >= 2000:
            ind = rng.randint(500, 999)
        else:
            ind = rng.randint(0, 499)
        d = [int(c) for c in born.strftime("%d%m%y") + f"{ind:03d}"]
        k1 = 11 - sum(a * b for a, b in zip(d, [3, 7, 6, 1, 8, 9, 4, 5, 2], strict=True)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - sum(a * b for a, b in zip(d + [k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=True)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, d)) + f"{k1}{k2}"


def _hetu(rng: random.Random, born: date) -> str:
    sep = "A" if born.year >= 2000 else rng.choice("----Y")  # Y = 1900s since 2023
    ind = rng.randint(2, 899)
    base = born.strftime("%d%m%y") + f"{ind:03d}"
    return born.strftime("%d%m%y") + sep + f"{ind:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(base) % 31]


def _phone_variants(rng: random.Random, raw: str) -> str:
    r = rng.random()
    if r < 0.15:
        return raw.replace(" ", "")
    if r < 0.25:
        return raw.replace(" ", "-")
    return raw


# ----------------------------------------------------------------------------- (a) Canada


def _ca_tax(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_CA", 1)
    preparers = [fk.name() for _ in range(9)]
    notes = [
        "Missing T5 slip, client to drop off by Mar 15",
        "Medical expenses claimed for 2023, receipts in file",
        "Carry forward unused tuition credits",
        "Moved provinces mid-year; check residency on Dec 31",
        "Rental income - T776 prepared\nCCA not claimed this year",
        "Disability tax credit approved (T2201 on file)",
        "Self-employed, T2125; home office 12% of area",
        "Returning client, no changes",
        "Reassessment received, see letter dated Oct 2",
        "",
        "",
        "",
    ]
    rows = []
    for i in range(n):
        married = rng.random() < 0.45
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 19, 88)
        sin = _sin(rng)
        sin_fmt = rng.choice([f"{sin[:3]} {sin[3:6]} {sin[6:]}", f"{sin[:3]}-{sin[3:6]}-{sin[6:]}", sin])
        pc = fk.postcode()
        if rng.random() < 0.2:
            pc = pc.replace(" ", "")
        if rng.random() < 0.05:
            pc = pc.lower()
        t4 = round(rng.lognormvariate(10.8, 0.6), 2) if rng.random() < 0.8 else None
        refund = round(rng.gauss(600, 1800), 2)
        rows.append(
            {
                "Client ID": f"CL-{1000 + i * 3 + rng.randint(0, 2):06d}",
                "File No.": f"{rng.choice(['2023', '2024'])}/{i + 1:05d}",
                "Last Name": last.upper() if rng.random() < 0.1 else last,
                "First Name": first,
                "SIN": sin_fmt,
                "DOB": dob.isoformat() if rng.random() < 0.8 else dob.strftime("%d/%m/%Y"),
                "Marital Status": rng.choice(
                    ["Single", "Married", "Common-law", "Divorced", "Widowed", "Separated"]
                )
                if not married
                else rng.choice(["Married", "Common-law"]),
                "Spouse Name": fk.name() if married else "",
                "Spouse SIN": (_sin(rng) if married and rng.random() < 0.85 else ""),
                "Spouse DOB": _dob(rng, 19, 88).isoformat() if married else "",
                "Street Address": fk.street_address(),
                "City": fk.city(),
                "Prov": fk.province_abbr(),
                "Postal Code": pc,
                "Home Phone": _maybe(rng, 0.35, _phone_variants(rng, fk.phone_number())),
                "Cell": _maybe(rng, 0.15, _phone_variants(rng, fk.phone_number())),
                "E-mail": _maybe(rng, 0.1, fk.email(), ("", "n/a", "none")),
                "CRA UserID": _maybe(rng, 0.6, fk.user_name() + str(rng.randint(1, 99))),
                "Tax Year": rng.choice([2022, 2023, 2023, 2023]),
                "Language": rng.choice(["E", "E", "E", "F"]),
                "T4 Income ($)": t4,
                "RRSP Contrib.": round(rng.uniform(0, 18000), 2) if rng.random() < 0.4 else None,
                "# Dependants": rng.choice([0, 0, 0, 1, 2, 3]),
                "Slips Rec'd (Y/N)": rng.choice(["Y", "N", "Y"]),
                "Refund/(Balance Owing)": f"({abs(refund):,.2f})" if refund < 0 else f"{refund:,.2f}",
                "NETFILE Conf #": _maybe(
                    rng, 0.1, "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
                ),
                "Direct Deposit (Transit-Inst-Acct)": _maybe(
                    rng,
                    0.3,
                    f"{_digits(rng, 5)}-{rng.choice(['001', '002', '003', '004', '006', '815'])}-{_digits(rng, 7)}",
                ),
                "Return Status": rng.choice(
                    ["Filed", "Assessed", "In progress", "Waiting on client", "Assessed"]
                ),
                "Filed Date": (date(2024, 2, 20) + timedelta(days=rng.randint(0, 70))).isoformat(),
                "Preparer": rng.choice(preparers),
                "Fee": rng.choice([89.0, 129.0, 149.0, 199.0, 249.0, 349.0]),
                "Notes": rng.choice(notes),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (b) Austria


def _at_rechnungen(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("de_AT", 2)
    monteure = [fk.name() for _ in range(7)]
    leistungen = [
        "Thermenwartung inkl. Abgasmessung",
        "Austausch Heizkörperventil, 2 Std. Arbeitszeit",
        "Rohrbruch behoben, Notdienst Wochenende",
        "Montage Waschtisch und Armatur\nAltgerät entsorgt",
        "Boiler entkalkt",
        "Lieferung und Montage Wärmepumpe lt. Angebot",
        "Abfluss gespült (Küche)",
        "Fehlersuche FI-Schalter, Steckdosen erneuert",
        "Dachrinne gereinigt und abgedichtet",
        "Fliesen verfugt, Silikonfugen Bad erneuert",
    ]
    rows = []
    for i in range(n):
        company = rng.random() < 0.25
        inv_date = date(2024, 1, 2) + timedelta(days=rng.randint(0, 360))
        hours = rng.choice([0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8])
        material = round(rng.uniform(0, 1200), 2) if rng.random() < 0.7 else 0.0
        netto = round(hours * 68 + material + 35, 2)
        plz = int(fk.postcode())
        ort = fk.city()
        street = fk.street_address()
        same_site = rng.random() < 0.7
        paid = rng.random() < 0.8
        rows.append(
            {
                "Rechnungsnr.": f"RE-2024-{i + 1:05d}",
                "Rechnungsdatum": datetime(inv_date.year, inv_date.month, inv_date.day),
                "Auftragsnr": f"A{rng.randint(24000, 24999)}",
                "Kundennr.": rng.randint(10000, 19999),
                "Anrede": rng.choice(["Herr", "Frau", "Fam.", "Firma" if company else "Herr"]),
                "Titel": rng.choice(["", "", "", "", "Dr.", "Mag.", "Ing.", "DI"]),
                "Vorname": fk.first_name(),
                "Nachname": fk.last_name(),
                "Firma": fk.company() if company else None,
                "Straße u. Hausnr.": street,
                "PLZ": plz,
                "Ort": ort,
                "Tel.": _maybe(rng, 0.4, _phone_variants(rng, fk.phone_number()), ("", None)),
                "Mobil": _maybe(rng, 0.2, _phone_variants(rng, fk.phone_number()), ("", None)),
                "E-Mail": _maybe(rng, 0.25, fk.email(), ("", None)),
                "Leistungsort": "wie Rechnungsadresse"
                if same_site and rng.random() < 0.3
                else (
                    f"{street}, {plz} {ort}"
                    if same_site
                    else f"{fk.street_address()}, {fk.postcode()} {fk.city()}"
                ),
                "Ansprechpartner vor Ort": _maybe(rng, 0.55, fk.name(), ("", None)),
                "Gewerk": rng.choice(
                    ["Installateur", "Elektro", "Heizung", "Sanitär", "Dachdecker", "Fliesenleger"]
                ),
                "Leistung": rng.choice(leistungen),
                "Monteur": rng.choice(monteure),
                "Arbeitsstd.": hours,
                "Material (EUR)": material,
                "Netto": netto,
                "USt 20%": round(netto * 0.2, 2),
                "Brutto": round(netto * 1.2, 2),
                "Zahlungsart": rng.choice(["Überweisung", "Überweisung", "Bar", "Bankomat", "Kreditkarte"]),
                "IBAN Kunde": _maybe(
                    rng, 0.5, _grouped(_at_iban(rng)) if rng.random() < 0.5 else _at_iban(rng), ("", None)
                ),
                "bezahlt am": (inv_date + timedelta(days=rng.randint(3, 40))).strftime("%d.%m.%Y")
                if paid
                else "",
                "Mahnstufe": 0 if paid else rng.choice([0, 1, 1, 2, 3]),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (c) Belgium (fr)

_BE_LOCALITES = [
    ("1000", "Bruxelles"), ("1030", "Schaerbeek"), ("1040", "Etterbeek"), ("1050", "Ixelles"),
    ("1180", "Uccle"), ("1200", "Woluwe-Saint-Lambert"), ("1300", "Wavre"), ("1340", "Ottignies"),
    ("1348", "Louvain-la-Neuve"), ("1400", "Nivelles"), ("1410", "Waterloo"), ("4000", "Liège"),
    ("4020", "Liège"), ("4500", "Huy"), ("4800", "Verviers"), ("5000", "Namur"), ("5030", "Gembloux"),
    ("5500", "Dinant"), ("6000", "Charleroi"), ("6700", "Arlon"), ("7000", "Mons"), ("7100", "La Louvière"),
    ("7500", "Tournai"), ("6900", "Marche-en-Famenne"), ("4280", "Hannut"), ("1330", "Rixensart"),
]  # fmt: skip


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _be_gsm(rng: random.Random) -> str:
    n = rng.choice(
        ["470", "471", "472", "473", "474", "475", "476", "477", "478", "479", "484", "485", "486", "496"]
    )
    rest = _digits(rng, 6)
    return rng.choice(
        [
            f"0{n} {rest[:2]} {rest[2:4]} {rest[4:]}",
            f"0{n}/{rest[:2]}.{rest[2:4]}.{rest[4:]}",
            f"+32 {n} {rest[:2]} {rest[2:4]} {rest[4:]}",
            f"0{n}{rest}",
        ]
    )


def _be_eleves(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("fr_FR", 3)
    medecins = [f"Dr {fk.last_name()}" for _ in range(40)]
    remarques = [
        "Allergie aux arachides",
        "Suivi logopède le mardi",
        "Retour seul autorisé après 15h30",
        "Doit porter ses lunettes en classe",
        "PAI asthme - inhalateur au secrétariat",
        "Garde alternée, voir jugement au dossier",
        "",
        "",
        "",
        "",
    ]
    rows = []
    for i in range(n):
        last = fk.last_name()
        born = date(2011, 1, 1) + timedelta(days=rng.randint(0, 365 * 9))
        cp, loc = rng.choice(_BE_LOCALITES)
        two = rng.random() < 0.6
        p1_first = fk.first_name()
        nn = _be_nn(rng, born)
        rows.append(
            {
                "N° matricule": f"{24000 + i}",
                "Nom de l'élève": last.upper(),
                "Prénom": fk.first_name(),
                "Sexe": rng.choice(["M", "F"]),
                "Date de naissance": born.strftime("%d/%m/%Y"),
                "Lieu de naissance": rng.choice(_BE_LOCALITES)[1] if rng.random() < 0.85 else fk.city(),
                "N° registre national": f"{nn[:2]}.{nn[2:4]}.{nn[4:6]}-{nn[6:9]}.{nn[9:]}"
                if rng.random() < 0.7
                else nn,
                "Implantation": rng.choice(["Site Centre", "Site des Tilleuls", "Annexe Bois-Joli"]),
                "Classe": f"{rng.randint(1, 6)}{rng.choice('ABC')}"
                if born.year < 2018
                else f"M{rng.randint(1, 3)}",
                "Année scolaire": "2024-2025",
                "Resp. 1 - Nom complet": f"{last.upper()} {p1_first}",
                "Resp. 1 - Lien": rng.choice(["Mère", "Père", "Mère", "Tuteur", "Grand-mère"]),
                "Resp. 1 - GSM": _be_gsm(rng),
                "Resp. 1 - E-mail": _maybe(rng, 0.08, fk.email()),
                "Resp. 2 - Nom complet": fk.name().upper()
                if two and rng.random() < 0.2
                else (fk.name() if two else ""),
                "Resp. 2 - GSM": _be_gsm(rng) if two and rng.random() < 0.8 else "",
                "Resp. 2 - E-mail": fk.email() if two and rng.random() < 0.6 else "",
                "Adresse": f"{_cap(fk.street_name())} {rng.randint(1, 220)}{rng.choice(['', '', '', '/3', ' bte 2', 'A'])}",
                "Code postal": cp,
                "Localité": loc,
                "Repas chauds": rng.choice(["oui", "non", "non"]),
                "Garderie (matin/soir)": rng.choice(["", "matin", "soir", "matin+soir"]),
                "Régime alimentaire": rng.choice(["", "", "", "végétarien", "sans porc", "sans gluten"]),
                "Médecin traitant": _maybe(rng, 0.3, rng.choice(medecins)),
                "Tél. médecin": _maybe(
                    rng,
                    0.4,
                    f"0{rng.choice(['2', '4', '10', '65', '71', '81'])} {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}",
                ),
                "Remarques": rng.choice(remarques),
                "Date d'inscription": (date(2024, 3, 1) + timedelta(days=rng.randint(0, 180))).strftime(
                    "%d/%m/%Y"
                ),
                "Frais scolaires payés (€)": f"{rng.choice([0, 45, 60, 85, 120, 150])},00",
                "Compte bancaire (IBAN)": _maybe(rng, 0.35, _grouped(_be_iban(rng))),
                "Autorisation photo": rng.choice(["Oui", "Non", "Oui"]),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (d) Spain


def _es_monedero(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("es_ES", 4)
    cc = _faker("en_US", 44)
    people = []
    for _ in range(max(50, n // 4)):
        people.append(
            {
                "nombre": fk.name(),
                "tel": rng.choice(["+34 ", "", "0034"]) + rng.choice("67") + _digits(rng, 8),
                "dni": _dni(rng),
                "alias": "@" + fk.user_name(),
                "email": fk.free_email(),
                "pan4": _digits(rng, 4),
            }
        )
    comercios = [fk.company() for _ in range(30)] + [
        "Mercadona",
        "Carrefour Express",
        "Renfe",
        "Repsol",
        "Glovo",
    ]
    conceptos = [
        "cena viernes", "alquiler marzo", "regalo cumple", "Bizum pádel", "gasolina viaje",
        "entradas concierto", "lotería navidad", "cuota gimnasio", "💸", "la compra", "", "",
        "parte del piso\nluz y agua", "devolución",
    ]  # fmt: skip
    t0 = datetime(2024, 4, 1)
    rows = []
    for _ in range(n):
        a, b = rng.sample(people, 2)
        tipo = rng.choices(
            ["P2P_ENVIO", "PAGO_COMERCIO", "RECARGA_TARJETA", "RETIRADA_BANCO"], [50, 30, 12, 8]
        )[0]
        p2p = tipo == "P2P_ENVIO"
        importe = round(rng.lognormvariate(3, 1), 2)
        rows.append(
            {
                "id_transaccion": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "fecha_hora": t0 + timedelta(seconds=rng.randint(0, 90 * 86400)),
                "tipo_operacion": tipo,
                "estado": rng.choices(["COMPLETADA", "PENDIENTE", "RECHAZADA", "REVERTIDA"], [85, 5, 8, 2])[
                    0
                ],
                "importe": importe,
                "moneda": "EUR",
                "comision": 0.0 if p2p else round(importe * 0.005, 2),
                "saldo_tras_op": round(rng.uniform(0, 2500), 2),
                "nombre_ordenante": a["nombre"],
                "dni_ordenante": a["dni"] if rng.random() < 0.9 else a["dni"].lower(),
                "tel_ordenante": a["tel"],
                "email_ordenante": a["email"],
                "nombre_beneficiario": b["nombre"] if p2p else None,
                "tel_beneficiario": b["tel"] if p2p else None,
                "alias_beneficiario": b["alias"] if p2p and rng.random() < 0.6 else None,
                "comercio": rng.choice(comercios) if tipo == "PAGO_COMERCIO" else None,
                "mcc": rng.choice(["5411", "5812", "5541", "4111", "5999"])
                if tipo == "PAGO_COMERCIO"
                else None,
                "concepto": rng.choice(conceptos) if p2p else None,
                "tarjeta_enmascarada": f"**** **** **** {a['pan4']}",
                "pan_recarga": cc.credit_card_number(card_type=rng.choice(["visa16", "mastercard"]))
                if tipo == "RECARGA_TARJETA"
                else None,
                "iban_retirada": _grouped(_es_iban(rng)) if tipo == "RETIRADA_BANCO" else None,
                "ref_bizum": str(rng.randint(10**11, 10**12 - 1)),
                "ip_cliente": cc.ipv4_public() if rng.random() < 0.9 else cc.ipv6(),
                "id_dispositivo": f"{rng.getrandbits(64):016x}",
                "so_dispositivo": rng.choice(
                    ["iOS 17.4", "iOS 16.7", "Android 14", "Android 13", "Android 12"]
                ),
                "version_app": f"5.{rng.randint(0, 9)}.{rng.randint(0, 30)}",
                "es_fraude": rng.random() < 0.01,
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (e) Norway


_NO_POSTSTEDER = [
    ("0150", "OSLO"), ("0560", "OSLO"), ("0661", "OSLO"), ("5003", "BERGEN"), ("7010", "TRONDHEIM"),
    ("4006", "STAVANGER"), ("9008", "TROMSØ"), ("2317", "HAMAR"), ("3015", "DRAMMEN"), ("1606", "FREDRIKSTAD"),
    ("8006", "BODØ"), ("6002", "ÅLESUND"), ("4608", "KRISTIANSAND S"), ("2609", "LILLEHAMMER"),
    ("3117", "TØNSBERG"), ("1532", "MOSS"), ("9510", "ALTA"), ("8300", "SVOLVÆR"), ("6800", "FØRDE"),
    ("3510", "HØNEFOSS"), ("2815", "GJØVIK"), ("7600", "LEVANGER"), ("1337", "SANDVIKA"), ("5501", "HAUGESUND"),
    ("3925", "PORSGRUNN"), ("9900", "KIRKENES"), ("2407", "ELVERUM"), ("1440", "DRØBAK"), ("0370", "OSLO"),
    ("8800", "SANDNESSJØEN"), ("6390", "VESTNES"), ("2670", "OTTA"), ("3580", "GEILO"), ("9600", "HAMMERFEST"),
]  # fmt: skip


def _no_lisenser(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("no_NO", 5)
    merknader = [
        "", "", "", "", "Betalt etter purring", "Refusjon innvilget, feil lisens kjøpt",
        "Fellingstillatelse elg 1 dyr", "Jegerprøve avlagt 2019", "Duplikat sendt på e-post",
    ]  # fmt: skip
    rows = []
    for i in range(n):
        born = _dob(rng, 16, 82)
        first, last = fk.first_name(), fk.last_name()
        postnr, poststed = rng.choice(_NO_POSTSTEDER)
        jakt = rng.random() < 0.55
        fra = date(2024, 4, 1) + timedelta(days=rng.randint(0, 150))
        rows.append(
            {
                "lisensnr": f"NO-{2024}{i + 1:06d}",
                "lisenstype": rng.choice(["Jegeravgift", "Jegeravgift", "Storviltjakt"])
                if jakt
                else rng.choice(["Fiskeravgift laks/sjøørret", "Fiskekort innlandsfiske", "Fiskekort døgn"]),
                "gyldig_fra": fra.isoformat(),
                "gyldig_til": (fra + timedelta(days=rng.choice([1, 7, 365]))).isoformat(),
                "fornavn": first,
                "etternavn": last,
                "fødselsnummer": _fnr(rng, born) if rng.random() < 0.92 else None,
                "fødselsdato": born.strftime("%d.%m.%Y"),
                "adresse": fk.street_address(),
                "postnr": int(postnr) if rng.random() < 0.3 else postnr,
                "poststed": poststed if rng.random() < 0.6 else poststed.title(),
                "mobil": _maybe(rng, 0.05, _phone_variants(rng, fk.phone_number()), (None,)),
                "epost": _maybe(rng, 0.1, fk.email(), (None,)),
                "brukernavn": _maybe(
                    rng, 0.4, f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}", (None,)
                ),
                "jegernummer": str(rng.randint(10_000_000, 19_999_999)) if jakt else None,
                "vald": rng.choice(["Sørli vald", "Nordmarka", "Fjellstyre Vest", "Austmarka"])
                if jakt
                else None,
                "art": rng.choice(["Elg", "Hjort", "Rype", "Rådyr"])
                if jakt
                else rng.choice(["Laks", "Ørret", "Røye"]),
                "jaktlagsleder": fk.name() if jakt and rng.random() < 0.5 else None,
                "beløp_kr": rng.choice([390.0, 390.0, 275.0, 150.0, 60.0]),
                "betalt": rng.random() < 0.93,
                "kid": _digits(rng, 11) if rng.random() < 0.8 else None,
                "kontonr_refusjon": (lambda k: f"{k[:4]}.{k[4:6]}.{k[6:]}" if rng.random() < 0.6 else k)(
                    _no_konto(rng)
                )
                if rng.random() < 0.12
                else None,
                "kanal": rng.choice(["web", "app", "Vipps", "skranke"]),
                "reg_ip": _faker_ip(rng) if rng.random() < 0.85 else None,
                "opprettet": (
                    datetime(2024, 3, 1) + timedelta(seconds=rng.randint(0, 200 * 86400))
                ).isoformat(timespec="seconds"),
                "merknad": rng.choice(merknader),
            }
        )
    return pd.DataFrame(rows)


def _faker_ip(rng: random.Random) -> str:
    first = rng.choice([46, 77, 84, 88, 109, 129, 158, 178, 193, 195, 212, 217])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


# ----------------------------------------------------------------------------- (f) Finland


def _fi_asukkaat(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("fi_FI", 6)
    isannoitsijat = [fk.name() for _ in range(4)]
    huom = [
        "", "", "", "", "Remontti-ilmoitus jätetty 3/2024", "Lemmikki: koira", "Vuokralla, omistaja asuu muualla",
        "Vesivahinko 2022, korjattu", "Avaimia 3 kpl\nlisäavain tilattu",
    ]  # fmt: skip
    rows = []
    for i in range(n):
        born = _dob(rng, 20, 92)
        first, last = fk.first_name(), fk.last_name()
        owner_away = rng.random() < 0.2
        area = round(rng.uniform(28, 110), 1)
        persons = rng.choice([1, 1, 2, 2, 3, 4])
        others = (
            ", ".join(f"{fk.first_name()} {last}" for _ in range(persons - 1))
            if not owner_away
            else f"{fk.first_name()} {fk.last_name()}"
        )
        rows.append(
            {
                "Huoneisto": f"{rng.choice('ABC')} {i % 40 + 1}",
                "Porras": rng.choice("ABC"),
                "Osakkeet nro": f"{i * 50 + 1}-{i * 50 + 50}",
                "Pinta-ala m2": str(area).replace(".", ","),
                "Tyyppi": rng.choice(["1h+kk", "2h+k", "3h+k+s", "4h+k+s", "2h+kt"]),
                "Osakas": f"{last} {first}",
                "Henkilötunnus": _maybe(rng, 0.1, _hetu(rng, born)),
                "Syntymäaika": _maybe(rng, 0.5, born.strftime("%-d.%-m.%Y")),
                "Muut asukkaat": others if persons > 1 or owner_away else "",
                "Puhelin": _phone_variants(rng, fk.phone_number()),
                "Sähköposti": _maybe(rng, 0.15, fk.email()),
                "Postiosoite (jos muu)": fk.street_address() if owner_away else "",
                "Postinumero": fk.postcode() if owner_away else "",
                "Postitoimipaikka": fk.city().upper() if owner_away else "",
                "Muuttopäivä": (date(1995, 1, 1) + timedelta(days=rng.randint(0, 10500))).strftime(
                    "%d.%m.%Y"
                ),
                "Henkilömäärä": persons,
                "Vastike €/kk": f"{area * 4.2:.2f}".replace(".", ","),
                "Rahoitusvastike €": f"{area * rng.choice([0, 0, 1.9, 3.4]):.2f}".replace(".", ","),
                "Vesiennakko €": f"{persons * 22:.2f}".replace(".", ","),
                "Saunavuoro": rng.choice(["", "", "ti 18-19", "ke 19-20", "to 20-21", "pe 17-18"]),
                "Autopaikka": rng.choice(["", "", f"AP-{rng.randint(1, 60):02d}", f"LP{rng.randint(1, 40)}"]),
                "Tilinumero (palautukset)": _maybe(rng, 0.6, _grouped(_fi_iban(rng))),
                "Isännöitsijä": rng.choice(isannoitsijat),
                "Huomautukset": rng.choice(huom),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (g) Mailchimp-style


def _mc_events(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    fk = _faker("en_US", 7)
    members = []
    for _ in range(max(60, n // 3)):
        first, last = fk.first_name(), fk.last_name()
        opt = datetime(2021, 1, 1) + timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
        bday = _dob(rng, 18, 80)
        members.append(
            {
                "Email Address": fk.email()
                if rng.random() < 0.6
                else f"{first.lower()}.{last.lower()}@{fk.free_email_domain()}",
                "First Name": first if rng.random() < 0.9 else "",
                "Last Name": last if rng.random() < 0.85 else "",
                "Address": (
                    f"{fk.street_address()}  {fk.city()}  {fk.state_abbr()}  {fk.zipcode()}  US"
                    if rng.random() < 0.45
                    else ""
                ),
                "Phone Number": fk.phone_number() if rng.random() < 0.35 else "",
                "Birthday": bday.strftime("%m/%d") if rng.random() < 0.3 else "",
                "Company": fk.company() if rng.random() < 0.3 else "",
                "MEMBER_RATING": rng.choice([1, 2, 2, 3, 4, 5]),
                "OPTIN_TIME": opt.strftime("%Y-%m-%d %H:%M:%S"),
                "OPTIN_IP": fk.ipv4_public() if rng.random() < 0.5 else "",
                "CONFIRM_TIME": (opt + timedelta(minutes=rng.randint(1, 600))).strftime("%Y-%m-%d %H:%M:%S"),
                "CONFIRM_IP": fk.ipv4_public(),
                "GMTOFF": rng.choice([-5, -6, -7, -8, -4, ""]),
                "DSTOFF": rng.choice([-4, -5, -6, -7, -3, ""]),
                "TIMEZONE": rng.choice(
                    ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", ""]
                ),
                "CC": rng.choice(["US", "US", "US", "CA", ""]),
                "REGION": fk.state_abbr() if rng.random() < 0.7 else "",
                "LEID": str(rng.randint(100_000_000, 999_999_999)),
                "EUID": f"{rng.getrandbits(40):010x}",
                "NOTES": rng.choice(
                    ["", "", "", "", "", "Imported from webinar list", "Asked for fewer emails"]
                ),
                "TAGS": rng.choice(['"Newsletter"', '"Customer","VIP"', '"Webinar 2023"', "", '"Lead"']),
            }
        )
    campaigns = [
        ("Spring Sale 2024 - Email 1", "a1b2c3d4e5"),
        ("Product Update: April", "f6e5d4c3b2"),
        ("Webinar Reminder", "0c9b8a7f6e"),
        ("Black Friday Early Access", "9f8e7d6c5b"),
        ("Monthly Digest #42", "5a4b3c2d1e"),
    ]
    links = [
        "https://shop.example-brand.com/collections/spring?utm_source=mailchimp&utm_campaign=spring24",
        "https://example-brand.com/blog/whats-new-april",
        "https://example-brand.com/webinar/register",
        "https://example-brand.com/pages/black-friday",
        "https://example-brand.com/unsubscribe-preferences",
    ]
    t0 = datetime(2024, 3, 1)
    rows = []
    for _ in range(n):
        m = rng.choice(members)
        title, cid = rng.choice(campaigns)
        action = rng.choices(["open", "click", "bounce", "unsubscribe", "sent"], [45, 20, 4, 2, 29])[0]
        row = {"Campaign Title": title, "Campaign ID": cid}
        row.update(m)
        row["LAST_CHANGED"] = (t0 + timedelta(seconds=rng.randint(0, 80 * 86400))).strftime(
            "%Y-%m-%d %H:%M:%S"
        )
        row["Action"] = action
        row["Timestamp"] = (t0 + timedelta(seconds=rng.randint(0, 90 * 86400))).strftime("%Y-%m-%d %H:%M:%S")
        row["URL"] = rng.choice(links) if action == "click" else ""
        row["IP"] = fk.ipv4_public() if action in ("open", "click") else ""
        row["User Agent"] = fk.user_agent() if action in ("open", "click") else ""
        rows.append(row)
    return pd.DataFrame(rows)


_BUILDERS: dict[str, Callable[[int], pd.DataFrame]] = {
    "ca_tax_clients": _ca_tax,
    "at_rechnungen": _at_rechnungen,
    "be_eleves_parents": _be_eleves,
    "es_monedero_movs": _es_monedero,
    "no_jakt_fiske": _no_lisenser,
    "fi_taloyhtio_asukkaat": _fi_asukkaat,
    "mc_campaign_events": _mc_events,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory: {table: DataFrame}."""
    return {t: _BUILDERS[t](max(1, int(rows * _ROW_SHARE[t]))) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    paths: dict[str, Path] = {}
    for t, df in frames.items():
        p = out_dir / FILES[t]
        if t == "ca_tax_clients":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        elif t == "at_rechnungen":
            df.to_excel(p, index=False, sheet_name="Rechnungen 2024", engine="openpyxl")
        elif t == "be_eleves_parents":
            df.to_csv(p, index=False, sep=";", encoding="cp1252", errors="replace", lineterminator="\r\n")
        elif t == "es_monedero_movs":
            df.to_parquet(p, index=False)
        elif t == "no_jakt_fiske":
            df.to_json(p, orient="records", lines=True, force_ascii=False, date_format="iso")
        elif t == "fi_taloyhtio_asukkaat":
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        else:
            df.to_csv(p, index=False, quoting=csv.QUOTE_ALL, encoding="utf-8")
        paths[t] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout21.py OUT_DIR")
    for name, path in write_all(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
