"""Blind held-out set 24 for the PII scanner: seven exports from seven kinds of systems.

Written and labeled by hand before any scanner run (see labels.yaml). Tables:

- ``tenant_ledger``   US property-management tenant ledger (CSV, comma, UTF-8)
- ``rijschool``       Dutch driving-school pupils (Excel .xlsx)
- ``banque_clients``  Swiss (French) private-bank clients (CSV, semicolon, cp1252)
- ``candidaturas``    Portuguese university admissions (Parquet)
- ``nettkunder``      Norwegian grid-connection customers (JSON Lines)
- ``zlecenia_lab``    Polish medical-laboratory test orders (CSV, tab, UTF-8 with BOM)
- ``connect_sellers`` marketplace seller onboarding, Stripe-Connect style (CSV, comma, UTF-8)

Run ``python bench/heldout24/gen_heldout24.py OUT_DIR`` to write the files.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 24240
TABLES: tuple[str, ...] = (
    "tenant_ledger",
    "rijschool",
    "banque_clients",
    "candidaturas",
    "nettkunder",
    "zlecenia_lab",
    "connect_sellers",
)
_HERE = Path(__file__).resolve().parent
_FILES = {
    "tenant_ledger": "tenant_ledger.csv",
    "rijschool": "rijschool_leerlingen.xlsx",
    "banque_clients": "banque_clients.csv",
    "candidaturas": "candidaturas_2024.parquet",
    "nettkunder": "nettkunder.jsonl",
    "zlecenia_lab": "zlecenia_lab.tsv",
    "connect_sellers": "connect_sellers.csv",
}
# share of `rows` each table gets (so the default 2000 gives 1,000-2,000 rows per table)
_SHARE = {
    "tenant_ledger": 0.75,
    "rijschool": 0.6,
    "banque_clients": 0.5,
    "candidaturas": 0.9,
    "nettkunder": 1.0,
    "zlecenia_lab": 0.8,
    "connect_sellers": 0.55,
}


def labels() -> dict[str, dict[str, str | None]]:
    """The hand-written label of every column of every table: {table: {column: entity or None}}."""
    data = yaml.safe_load((_HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------------------- helpers


def _fakers() -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(
        ("en_US", "nl_NL", "nl_BE", "fr_CH", "pt_PT", "no_NO", "pl_PL", "en_GB", "en_CA")
    ):
        f = Faker(loc)
        f.seed_instance(SEED + i)
        out[loc] = f
    return out


def _dob(r: random.Random, lo: int, hi: int, ref: dt.date = dt.date(2024, 9, 1)) -> dt.date:
    """A birth date giving an age between lo and hi years at ref."""
    return ref - dt.timedelta(days=r.randint(lo * 365, hi * 365))


def _maybe(r: random.Random, p: float, value, empty=""):
    """value with probability p, else empty."""
    return value if r.random() < p else empty


def _event(r: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=r.randint(0, (end - start).days))


def _nif_pt(r: random.Random) -> str:
    digits = [r.choice((1, 2, 2, 2, 3))] + [r.randint(0, 9) for _ in range(7)]
    s = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    c = 11 - s % 11
    return "".join(map(str, digits)) + str(0 if c >= 10 else c)


def _cc_pt(r: random.Random) -> str:
    civ = [r.randint(0, 9) for _ in range(8)]
    s = sum(d * w for d, w in zip(civ, range(9, 1, -1), strict=True))
    c = (11 - s % 11) % 11 % 10
    ver = "ZZ" if r.random() < 0.7 else r.choice(["ZY", "ZX", "ZW"])
    base = "".join(map(str, civ)) + str(c) + ver
    for last in range(10):
        cand = base + str(last)
        total, second = 0, False
        for ch in reversed(cand):
            v = int(ch, 36)
            if second:
                v *= 2
                if v > 9:
                    v -= 9
            total += v
            second = not second
        if total % 10 == 0:
            return f"{cand[:8]} {cand[8]} {cand[9:]}"
    raise AssertionError("unreachable")


def _pesel(r: random.Random, dob: dt.date, female: bool) -> str:
    mm = dob.month + (20 if dob.year >= 2000 else 0)
    serial = r.randint(0, 999) * 10 + (r.choice((0, 2, 4, 6, 8)) if female else r.choice((1, 3, 5, 7, 9)))
    body = f"{dob.year % 100:02d}{mm:02d}{dob.day:02d}{serial:04d}"
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return body + str((10 - sum(int(d) * x for d, x in zip(body, w, strict=True)) % 10) % 10)


def _no_account(r: random.Random) -> str:
    while True:
        d = [r.randint(0, 9) for _ in range(10)]
        d[0] = r.choice((1, 3, 6, 7, 9))
        c = 11 - sum(a * b for a, b in zip(d, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if c == 10:
            continue
        s = "".join(map(str, d)) + str(0 if c == 11 else c)
        return s


def _nino(r: random.Random) -> str:
    first = r.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = r.choice("ABCEGHJKLMNPRSTWXYZ")
    num = f"{r.randint(0, 999999):06d}"
    sfx = r.choice("ABCD")
    if r.random() < 0.5:
        return f"{first}{second} {num[:2]} {num[2:4]} {num[4:]} {sfx}"
    return f"{first}{second}{num}{sfx}"


def _hexid(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def _alnum(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.ascii_letters + string.digits) for _ in range(n))


# ----------------------------------------------------------------------------- (a) US tenant ledger


def _tenant_ledger(n: int, r: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["en_US"]
    props = [
        ("Maple Court Apartments", "1420 Maple Ct"),
        ("Riverside Lofts", "88 Water St"),
        ("Oak Hollow Townhomes", "2301 Oak Hollow Dr"),
        ("The Brixton", "500 S Broadway"),
        ("Cedar Ridge Villas", "17 Cedar Ridge Rd"),
        ("Harbor View Residences", "9 Harbor Blvd"),
    ]
    notes = [
        "Late fee waived per mgr approval",
        "Pet deposit collected - 1 cat",
        "Renewal offer sent, awaiting signature",
        "Work order #{} closed (HVAC filter)",
        "NSF returned payment, $35 fee applied",
        "Moved to month-to-month",
        "Parking spot B{} assigned",
        "",
        "",
        "Paid by money order\nreceipt in file",
    ]
    rows = []
    for _i in range(n):
        p_name, p_street = r.choice(props)
        unit = r.choice(["", "#", "Apt "]) + f"{r.randint(1, 24)}{r.choice('ABCD')}"
        start = _event(r, dt.date(2019, 1, 1), dt.date(2024, 6, 30))
        rent = r.choice([1195, 1250, 1375, 1480, 1625, 1790, 2100, 2450]) + r.choice([0, 0, 25, 50])
        ssn = f.ssn()
        ssn = ssn if r.random() < 0.7 else ssn.replace("-", "")
        ph = f.numerify(r.choice(["(###) ###-####", "###-###-####", "###.###.####", "+1 ### ### ####"]))
        ph = ph.replace("(0", "(2").replace("(1", "(3")
        home = f.numerify("(###) ###-####").replace("(0", "(5").replace("(1", "(6")
        zip5 = f.postcode()
        rows.append(
            {
                "Tenant ID": f"t{r.randint(1000, 99999):07d}",
                "Property": p_name,
                "Unit": unit,
                "Tenant Name": f"{f.last_name()}, {f.first_name()}" if r.random() < 0.6 else f.name(),
                "Co-Tenant": _maybe(r, 0.3, f.name()),
                "Email": _maybe(r, 0.93, f.email()),
                "Phone (Mobile)": ph,
                "Home Phone": _maybe(r, 0.2, home),
                "Property Address": f"{p_street} {unit.replace('#', 'Unit ')}".strip(),
                "Forwarding Address": _maybe(
                    r, 0.12, f"{f.street_address()}, {f.city()}, {f.state_abbr()} {f.postcode()}"
                ),
                "ZIP": int(zip5) if r.random() < 0.5 else zip5,
                "SSN": _maybe(r, 0.85, ssn),
                "DOB": _dob(r, 19, 80).strftime(r.choice(["%m/%d/%Y", "%m/%d/%Y", "%Y-%m-%d"])),
                "Lease Start": start.strftime("%m/%d/%Y"),
                "Lease End": (start + dt.timedelta(days=r.choice([364, 365, 180, 729]))).strftime("%m/%d/%Y"),
                "Monthly Rent": f"${rent:,.2f}",
                "Security Deposit": float(r.choice([rent, 500, 750, 1000])),
                "Balance Due": round(r.choice([0, 0, 0, 0, r.uniform(-200, 3000)]), 2),
                "Last Pmt Date": _event(r, dt.date(2024, 1, 1), dt.date(2024, 9, 5)).strftime("%m/%d/%Y"),
                "Pmt Method": r.choice(["ACH", "ACH", "Credit Card", "Check", "Money Order", "Cash"]),
                "Card on File": _maybe(
                    r, 0.35, f"{r.choice(['Visa', 'MC', 'Amex', 'Disc'])} **** {r.randint(0, 9999):04d}"
                ),
                "Autopay": r.choice(["Y", "N", "N"]),
                "ACH Routing #": _maybe(r, 0.45, f.aba()),
                "ACH Account #": _maybe(
                    r,
                    0.45,
                    f.bban()[-r.randint(8, 12) :].translate(
                        str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678901234567890123456")
                    ),
                ),
                "Portal Username": _maybe(r, 0.8, f.user_name()),
                "Emergency Contact": _maybe(r, 0.7, f.name()),
                "Emergency Contact Phone": _maybe(r, 0.65, f.numerify("###-###-####").replace("0", "7", 1)),
                "Notes": r.choice(notes).format(r.randint(10000, 99999)),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (b) Dutch driving school


def _rijschool(n: int, r: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    rows = []
    instructeurs = sorted({fk["nl_NL"].name() for _ in range(14)})
    pakketten = [
        "Pakket Basis (20 lessen)",
        "Pakket Plus (30 lessen)",
        "Spoedcursus 10 dagen",
        "Losse lessen",
        "Opfriscursus",
    ]
    opm = [
        "",
        "",
        "Faalangst, rustig opbouwen",
        "Tussentijdse toets gehaald",
        "Les 12 verzet ivm ziekte",
        "Wil automaat i.p.v. schakel",
        "Heeft al theorie-certificaat",
        "Examen aangevraagd via Mijn CBR",
    ]
    for i in range(n):
        f = fk["nl_BE"] if r.random() < 0.15 else fk["nl_NL"]
        dob = _dob(r, 16, 42)
        bsn = fk["nl_NL"].ssn()
        pc = fk["nl_NL"].postcode()
        pc = pc if r.random() < 0.6 else f"{pc[:4]} {pc[4:]}"
        young = (dt.date(2024, 9, 1) - dob).days < 19 * 365
        theorie = r.random() < 0.7
        mob = f"06{r.randint(10000000, 99999999)}"
        mob = r.choice([mob, f"06-{mob[2:]}", f"+31 6 {mob[2:4]} {mob[4:6]} {mob[6:8]} {mob[8:]}"])
        rows.append(
            {
                "Leerlingnr": 24000 + i * 3 + r.randint(0, 2),
                "Voornaam": f.first_name(),
                "Achternaam": fk["nl_NL"].last_name(),
                "Geb. datum": dob,
                "BSN": int(bsn) if r.random() < 0.5 else bsn,
                "Straat + huisnr": fk["nl_NL"].street_address(),
                "Postcode": pc,
                "Woonplaats": fk["nl_NL"].city(),
                "Mobiel": mob,
                "E-mail": _maybe(r, 0.95, f.free_email()),
                "Naam ouder/verzorger": _maybe(r, 0.9 if young else 0.05, fk["nl_NL"].name()),
                "Tel. ouder": _maybe(r, 0.85 if young else 0.04, fk["nl_NL"].phone_number()),
                "IBAN (incasso)": _maybe(r, 0.75, fk["nl_NL"].iban()),
                "Instructeur": r.choice(instructeurs),
                "Pakket": r.choice(pakketten),
                "Lessen gevolgd": r.randint(0, 45),
                "Tarief p/les (€)": r.choice([52.5, 55.0, 57.5, 59.95, 62.0]),
                "Theorie gehaald": "Ja" if theorie else "Nee",
                "Datum theorie-examen": _maybe(
                    r, 0.8, _event(r, dt.date(2023, 6, 1), dt.date(2024, 8, 30)), None
                ),
                "Praktijkexamen CBR": _maybe(
                    r,
                    0.5,
                    f"{_event(r, dt.date(2024, 1, 1), dt.date(2024, 12, 20)):%d-%m-%Y} {r.choice(['08:30', '10:10', '13:25', '15:05'])}",
                ),
                "Reserveringsnr CBR": _maybe(r, 0.5, f"{r.randint(1000000, 9999999)}-{r.randint(10, 99)}"),
                "Rijbewijs cat.": r.choice(["B", "B", "B", "B", "A", "AM", "BE"]),
                "Opmerkingen": r.choice(opm),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (c) Swiss private bank


def _banque(n: int, r: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["fr_CH"]
    conseillers = sorted({f.name() for _ in range(9)})
    remarques = [
        "",
        "Client prefere contact par courrier",
        "Mandat de gestion discretionnaire signe",
        "Revue annuelle effectuee",
        "Documents KYC a renouveler",
        "Transfert de titres en cours",
        "Banque restante",
    ]
    rows = []
    for _i in range(n):
        female = r.random() < 0.45
        first = f.first_name_female() if female else f.first_name_male()
        dom = r.choices(["CH", "CH", "CH", "FR", "GB", "AE", "MC"], k=1)[0]
        pep = r.random() < 0.04
        rows.append(
            {
                "N° client": f"{r.randint(100000, 999999)}.{r.randint(1, 9):02d}",
                "Civilité": "Mme" if female else "M.",
                "Nom": f.last_name().upper(),
                "Prénom": first,
                "Date de naissance": _dob(r, 25, 92).strftime("%d.%m.%Y"),
                "Lieu de naissance": _maybe(r, 0.9, f.city(), "n/a"),
                "Nationalité": r.choice(
                    ["Suisse", "Suisse", "Française", "Italienne", "Britannique", "Libanaise"]
                ),
                "N° AVS": _maybe(r, 0.8 if dom == "CH" else 0.2, f.ssn()),
                "N° passeport": _maybe(r, 0.6, f"{r.choice('XSFC')}{r.randint(0, 9999999):07d}"),
                "Adresse": f.street_address(),
                "NPA": f.postcode(),
                "Localité": f.city(),
                "Pays de domicile": dom,
                "Tél. privé": _maybe(r, 0.85, f.phone_number()),
                "Courriel": _maybe(r, 0.7, f.email()),
                "IBAN": f.iban()
                if r.random() < 0.5
                else " ".join(f.iban()[k : k + 4] for k in range(0, 21, 4)),
                "N° carte de débit": _maybe(
                    r, 0.4, f.credit_card_number(card_type=r.choice(["mastercard", "visa16"]))
                ),
                "Identifiant e-banking": _maybe(r, 0.6, f.user_name()),
                "Conseiller": r.choice(conseillers),
                "Profil de risque": r.choice(
                    ["Conservateur", "Revenu", "Equilibre", "Croissance", "Dynamique"]
                ),
                "AuM (CHF)": round(r.lognormvariate(14, 1.1), 2),
                "Devise réf.": r.choice(["CHF", "CHF", "EUR", "USD"]),
                "Date d'ouverture": _event(r, dt.date(1995, 1, 1), dt.date(2024, 6, 30)).strftime("%d.%m.%Y"),
                "Statut KYC": r.choice(["Valide", "Valide", "A revoir", "En cours"]),
                "Dernière revue": _event(r, dt.date(2022, 1, 1), dt.date(2024, 8, 31)).strftime("%d.%m.%Y"),
                "PEP": "Oui" if pep else "Non",
                "BIC": r.choice(["PICTCHGGXXX", "LOMBCHGGXXX", "BPGECHGGXXX", "MIRACHGGXXX"]),
                "Portefeuille": f"P-{r.randint(1, 99999):06d}.{r.randint(1, 3):03d}",
                "Remarques": r.choice(remarques),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (d) Portuguese admissions


def _candidaturas(n: int, r: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["pt_PT"]
    cursos = [
        ("9119", "Engenharia Informática"),
        ("9500", "Medicina"),
        ("9209", "Direito"),
        ("9147", "Gestão"),
        ("9254", "Arquitetura"),
        ("9853", "Enfermagem"),
        ("9012", "Ciências da Comunicação"),
    ]
    inst = [
        "Universidade do Porto",
        "Universidade de Lisboa",
        "Universidade de Coimbra",
        "Universidade do Minho",
        "ISCTE",
    ]
    distritos = ["Lisboa", "Porto", "Braga", "Setúbal", "Aveiro", "Coimbra", "Faro", "Viseu", "Leiria"]
    rows = []
    for i in range(n):
        cod, curso = r.choice(cursos)
        nota = round(r.uniform(95, 195), 1)
        colocado = r.random() < 0.7
        dob = _dob(r, 17, 26)
        rows.append(
            {
                "NumCandidatura": f"2024{r.randint(1, 3)}{i + 1:06d}",
                "Nome Completo": f"{f.first_name()} {f.last_name()} {f.last_name()}",
                "Data Nascimento": pd.Timestamp(dob),
                "Sexo": r.choice(["M", "F"]),
                "NIF": int(_nif_pt(r)),
                "Nº Cartão Cidadão": _maybe(r, 0.93, _cc_pt(r), None),
                "Naturalidade": _maybe(r, 0.85, f.city(), None),
                "Morada": f.street_address(),
                "Código Postal": f.postcode(),
                "Localidade": f.city(),
                "Distrito": r.choice(distritos),
                "Telemóvel": r.choice(["", "+351 ", "00351"])
                + f"9{r.choice('1236')}{r.randint(0, 9999999):07d}",
                "Email": f.free_email(),
                "Nome Enc. Educação": _maybe(r, 0.75, f.name(), None),
                "Contacto EE": _maybe(r, 0.7, f.phone_number(), None),
                "Utilizador": _maybe(
                    r,
                    0.7 if colocado else 0.0,
                    f"up2024{r.randint(10000, 99999)}" if r.random() < 0.5 else f.user_name(),
                    None,
                ),
                "Curso 1ª opção": curso,
                "Código Curso": cod,
                "Instituição": r.choice(inst),
                "Nota Candidatura": nota,
                "Média Secundário": round(min(200.0, nota + r.uniform(-15, 15)), 1),
                "Contingente": r.choice(
                    ["Geral", "Geral", "Geral", "Açores", "Madeira", "Emigrantes", "Militares"]
                ),
                "Fase": r.choice([1, 1, 1, 2, 3]),
                "Colocado": colocado,
                "Data Matrícula": pd.Timestamp(_event(r, dt.date(2024, 9, 9), dt.date(2024, 10, 15)))
                if colocado
                else pd.NaT,
                "Bolsa SAS": r.random() < 0.25,
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (e) Norwegian grid customers


def _nettkunder(n: int, r: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["no_NO"]
    tariffer = [
        "Nettleie privat",
        "Nettleie privat - effekttrinn",
        "Nettleie fritidsbolig",
        "Næring lavspent",
    ]
    rows = []
    for i in range(n):
        bedrift = r.random() < 0.12
        dob = _dob(r, 19, 90)
        postnr = f.postcode()
        adr = f.street_address()
        rows.append(
            {
                "kundenr": 5_000_000 + i * 7 + r.randint(0, 6),
                "målepunktId": f"70705750{r.randint(0, 9999999999):010d}",
                "kundetype": "bedrift" if bedrift else "privat",
                "fornavn": f.first_name(),
                "etternavn": f.last_name(),
                "fødselsnummer": None if bedrift else _maybe(r, 0.9, f.ssn(dob=dob.strftime("%Y%m%d")), None),
                "fødselsdato": None if bedrift else dob.isoformat(),
                "orgnr": f"{r.choice('89')}{r.randint(10000000, 99999999)}" if bedrift else None,
                "kontaktperson": f.name() if bedrift else None,
                "anleggsadresse": adr,
                "postnr": int(postnr) if r.random() < 0.6 else postnr,
                "poststed": f.city().upper() if r.random() < 0.5 else f.city(),
                "fakturaadresse": _maybe(r, 0.15, f"{f.street_address()}, {f.postcode()} {f.city()}", None),
                "mobil": r.choice(["+47", "0047", "", ""]) + f"{r.choice('49')}{r.randint(0, 9999999):07d}",
                "epost": _maybe(r, 0.9, f.email(), None),
                "kontonummer": _maybe(
                    r,
                    0.5,
                    (lambda a: f"{a[:4]}.{a[4:6]}.{a[6:]}" if r.random() < 0.6 else a)(_no_account(r)),
                    None,
                ),
                "minside_bruker": _maybe(r, 0.55, f.user_name(), None),
                "siste_innlogging_ip": _maybe(
                    r, 0.55, f.ipv4_public() if r.random() < 0.85 else f.ipv6(), None
                ),
                "nettområde": r.choice(["NO1", "NO1", "NO2", "NO3", "NO5"]),
                "tariff": r.choice(tariffer),
                "sikring_A": r.choice([25, 32, 40, 50, 63, 125]),
                "årsforbruk_kWh": round(r.uniform(2500, 32000), 1),
                "målernr": f"{r.choice(['AIDON', 'KAIFA', 'KAM'])}-{r.randint(10**7, 10**8 - 1)}",
                "tilknyttet_dato": _event(r, dt.date(1985, 1, 1), dt.date(2024, 8, 1)).isoformat(),
                "ams_installert": r.random() < 0.97,
                "eFaktura": r.choice([True, False, None]),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (f) Polish lab orders


def _zlecenia(n: int, r: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["pl_PL"]
    lekarze = sorted({f"lek. {f.first_name()} {f.last_name()}" for _ in range(25)})
    badania = [
        ("C55", "Morfologia krwi z rozmazem", "krew EDTA"),
        ("L43", "Glukoza na czczo", "surowica"),
        ("O59", "Lipidogram", "surowica"),
        ("L55", "TSH", "surowica"),
        ("A01", "Badanie ogólne moczu", "mocz"),
        ("I81", "CRP", "surowica"),
        ("N45", "Witamina D3 (25-OH)", "surowica"),
    ]
    uwagi = [
        "",
        "",
        "",
        "Pacjent na czczo",
        "Hemoliza - powtórzyć pobranie",
        "Pobranie w domu pacjenta",
        "Wynik krytyczny zgłoszony telefonicznie",
    ]
    rows = []
    for i in range(n):
        female = r.random() < 0.55
        dob = _dob(r, 0, 95)
        kod, nazwa, mat = r.choice(badania)
        zl = dt.datetime(2024, 3, 1) + dt.timedelta(minutes=r.randint(0, 60 * 24 * 180))
        foreigner = r.random() < 0.04
        rows.append(
            {
                "Nr zlecenia": f"ZL/{zl:%Y/%m}/{i + 1:06d}",
                "Data zlecenia": f"{zl:%Y-%m-%d %H:%M}",
                "Imię": f.first_name_female() if female else f.first_name_male(),
                "Nazwisko": f.last_name_female() if female else f.last_name_male(),
                "PESEL": "" if foreigner else _pesel(r, dob, female),
                "Data ur.": dob.strftime("%d.%m.%Y"),
                "Płeć": "K" if female else "M",
                "Nr dokumentu": f.passport_number()
                if foreigner
                else _maybe(r, 0.15, f.identity_card_number()),
                "Adres zamieszkania": _maybe(r, 0.85, f.street_address()),
                "Kod pocztowy": _maybe(r, 0.85, f.postcode()),
                "Miejscowość": _maybe(r, 0.85, f.city()),
                "Telefon": _maybe(r, 0.8, f.phone_number()),
                "E-mail": _maybe(r, 0.45, f.free_email()),
                "Lekarz zlecający": _maybe(r, 0.8, r.choice(lekarze), "brak (pacjent komercyjny)"),
                "Login e-wyniki": _maybe(r, 0.3, f.user_name()),
                "Kod ICD-9": kod,
                "Nazwa badania": nazwa,
                "Materiał": mat,
                "Cito": r.choice(["T", "N", "N", "N", "N"]),
                "Cena [zł]": f"{r.choice([9, 12, 18, 25, 35, 49, 59])},{r.choice(['00', '50', '99'])}",
                "Płatnik": r.choice(["NFZ", "NFZ", "Prywatnie", "Medicover", "LUX MED"]),
                "Nr próbki": f"{r.randint(10**11, 10**12 - 1)}",
                "Status": r.choice(
                    ["Zarejestrowane", "Pobrane", "W realizacji", "Zatwierdzone", "Zatwierdzone"]
                ),
                "Data wyniku": _maybe(r, 0.8, f"{zl + dt.timedelta(hours=r.randint(3, 96)):%Y-%m-%d %H:%M}"),
                "Wynik": _maybe(r, 0.75, str(round(r.uniform(0.1, 250), 2)).replace(".", ",")),
                "Uwagi": r.choice(uwagi),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (g) seller onboarding


def _sellers(n: int, r: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    mccs = [
        ("5734", "Computer Software Stores"),
        ("5699", "Apparel"),
        ("5945", "Hobby, Toy & Game Shops"),
        ("5977", "Cosmetic Stores"),
        ("5192", "Books & Periodicals"),
    ]
    descs = [
        "Handmade ceramic mugs and planters",
        "Vintage clothing, curated weekly",
        "Printable planners and digital stickers",
        "Refurbished phones & accessories",
        "Small-batch soy candles.\nShips in 2-3 days.",
        "Board games, card sleeves and dice sets",
        "Natural skincare, cruelty free",
    ]
    uas = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    ]
    rows = []
    for _i in range(n):
        country = r.choices(["US", "GB", "CA"], weights=[75, 15, 10])[0]
        f = {"US": fk["en_US"], "GB": fk["en_GB"], "CA": fk["en_CA"]}[country]
        btype = r.choices(["individual", "company", "non_profit"], weights=[70, 27, 3])[0]
        company = fk["en_US"].company()
        mcc, _ = r.choice(mccs)
        created = dt.datetime(2023, 1, 1) + dt.timedelta(seconds=r.randint(0, 86400 * 600))
        due = r.choice(
            [
                "",
                "",
                "",
                "individual.verification.document",
                "external_account",
                "individual.id_number|individual.dob.day",
            ]
        )
        ph = f.phone_number()
        rows.append(
            {
                "id": "acct_1" + _alnum(r, 15),
                "Created (UTC)": f"{created:%Y-%m-%d %H:%M:%S}",
                "Business Type": btype,
                "Business Name": "" if btype == "individual" and r.random() < 0.6 else company,
                "Statement Descriptor": (company.split()[0].split(",")[0] + " SHOP").upper()[:22],
                "MCC": mcc,
                "Product Description": r.choice(descs),
                "Business URL": f"https://www.{company.split()[0].split(',')[0].lower()}{r.choice(['shop', 'store', 'co'])}.com",
                "Representative First Name": f.first_name(),
                "Representative Last Name": f.last_name(),
                "Representative DOB": _dob(r, 18, 75).isoformat(),
                "Representative Email": f.email(),
                "Representative Phone": ph,
                "Representative SSN": _maybe(r, 0.8, f.ssn()) if country == "US" else "",
                "Representative ID Number": ""
                if country == "US"
                else (_nino(r) if country == "GB" else f.ssn()),
                "Address Line1": f.street_address(),
                "Address City": f.city(),
                "Address State": f.state_abbr()
                if country == "US"
                else (f.province_abbr() if country == "CA" else ""),
                "Address Postal Code": f.postcode(),
                "Address Country": country,
                "External Account IBAN": f.iban() if country == "GB" else "",
                "Bank Routing Number": fk["en_US"].aba()
                if country == "US"
                else (
                    ""
                    if country == "GB"
                    else f"{r.randint(0, 99999):05d}-{r.choice(['001', '002', '003', '004', '006'])}"
                ),
                "Bank Last4": f"{r.randint(0, 9999):04d}",
                "Seller Username": fk["en_US"].user_name(),
                "TOS Acceptance IP": f.ipv4_public() if r.random() < 0.9 else f.ipv6(),
                "TOS Acceptance Date": f"{created + dt.timedelta(minutes=r.randint(1, 90)):%Y-%m-%dT%H:%M:%SZ}",
                "TOS User Agent": r.choice(uas),
                "Charges Enabled": r.random() < 0.85,
                "Payouts Enabled": r.random() < 0.8,
                "Requirements Currently Due": due,
                "Verification Status": r.choice(
                    ["verified", "verified", "verified", "pending", "unverified"]
                ),
                "Volume 30d (USD)": round(r.choice([0.0, r.uniform(10, 45000)]), 2),
            }
        )
    return pd.DataFrame(rows)


_BUILDERS = {
    "tenant_ledger": _tenant_ledger,
    "rijschool": _rijschool,
    "banque_clients": _banque,
    "candidaturas": _candidaturas,
    "nettkunder": _nettkunder,
    "zlecenia_lab": _zlecenia,
    "connect_sellers": _sellers,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory; table t gets round(rows * share[t]) rows. Deterministic."""
    fk = _fakers()
    out = {}
    for k, t in enumerate(TABLES):
        r = random.Random(SEED * 10 + k)
        out[t] = _BUILDERS[t](max(1, round(rows * _SHARE[t])), r, fk)
    return out


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; returns {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    paths = {t: out_dir / _FILES[t] for t in TABLES}
    frames["tenant_ledger"].to_csv(paths["tenant_ledger"], index=False, encoding="utf-8")
    frames["rijschool"].to_excel(paths["rijschool"], index=False, sheet_name="Leerlingen", engine="openpyxl")
    frames["banque_clients"].to_csv(paths["banque_clients"], index=False, sep=";", encoding="cp1252")
    frames["candidaturas"].to_parquet(paths["candidaturas"], index=False)
    frames["nettkunder"].to_json(paths["nettkunder"], orient="records", lines=True, force_ascii=False)
    frames["zlecenia_lab"].to_csv(paths["zlecenia_lab"], index=False, sep="\t", encoding="utf-8-sig")
    frames["connect_sellers"].to_csv(paths["connect_sellers"], index=False, encoding="utf-8")
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout24.py OUT_DIR")
    for name, path in write_all(Path(sys.argv[1])).items():
        print(name, path)
