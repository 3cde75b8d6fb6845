"""Blind held-out tables for the PII scanner (heldout60): six exports from six kinds of systems.

Public API (same as the other held-out sets): ``TABLES``, ``labels()``, ``make_tables(rows)``,
``write_all(out_dir, rows=2000)``. Seeded and deterministic; no network.
Run: ``python bench/heldout60/gen_heldout60.py OUT_DIR [ROWS]``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 60600
HERE = Path(__file__).resolve().parent
LABELS_PATH = HERE / "labels.yaml"

TABLES: tuple[str, ...] = (
    "nz_tenancy_tenants",
    "fr_cabinet_patients",
    "be_school_leerlingen",
    "pl_spoldzielnia_czlonkowie",
    "se_bibliotek_lantagare",
    "wedding_planner_clients",
)

_FILES = {
    "nz_tenancy_tenants": "nz_tenancy_tenants.csv",
    "fr_cabinet_patients": "fr_cabinet_patients.xlsx",
    "be_school_leerlingen": "be_school_leerlingen.csv",
    "pl_spoldzielnia_czlonkowie": "pl_spoldzielnia_czlonkowie.parquet",
    "se_bibliotek_lantagare": "se_bibliotek_lantagare.jsonl",
    "wedding_planner_clients": "wedding_planner_clients.csv",
}

_SCALE = {
    "nz_tenancy_tenants": 1.0,
    "fr_cabinet_patients": 0.8,
    "be_school_leerlingen": 0.9,
    "pl_spoldzielnia_czlonkowie": 0.75,
    "se_bibliotek_lantagare": 1.0,
    "wedding_planner_clients": 0.6,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load(LABELS_PATH.read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, salt: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + salt)
    return f


def _blank(r: random.Random, value: object, p: float, blanks: tuple = ("",)) -> object:
    """Return value, or (with probability p) one of the blank spellings."""
    return r.choice(blanks) if r.random() < p else value


def _date_between(r: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=r.randrange((end - start).days + 1))


def _luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
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


def _group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def _free_text(r: random.Random, phrases: list[str], k: int = 2) -> str:
    return " ".join(r.sample(phrases, k))


# --------------------------------------------------------------------------- (a) NZ tenancy
def _nz_ird(r: random.Random) -> str:
    weights1 = (3, 2, 7, 6, 5, 4, 3, 2)
    weights2 = (7, 4, 3, 2, 5, 2, 7, 6)
    while True:
        base = f"{r.randrange(10_000_000, 99_999_999):08d}"
        s = sum(int(a) * b for a, b in zip(base, weights1, strict=True))
        rem = s % 11
        if rem == 0:
            chk = 0
        else:
            chk = 11 - rem
            if chk == 10:
                s = sum(int(a) * b for a, b in zip(base, weights2, strict=True))
                rem = s % 11
                chk = 0 if rem == 0 else 11 - rem
                if chk == 10:
                    continue
        num = base + str(chk)
        return r.choice([f"{num[:3]}-{num[3:6]}-{num[6:]}", num.lstrip("0"), f"{num[:3]} {num[3:6]} {num[6:]}"])


def _nz_mobile(r: random.Random) -> str:
    pre = r.choice(["021", "022", "027", "029", "020"])
    body = f"{r.randrange(1000000, 9999999)}"
    return r.choice([f"{pre} {body[:3]} {body[3:]}", f"+64 {pre[1:]} {body[:3]} {body[3:]}", f"{pre}{body}"])


def _nz_landline(r: random.Random) -> str:
    area = r.choice(["03", "04", "06", "07", "09"])
    body = f"{r.randrange(2000000, 9999999)}"
    return r.choice([f"({area}) {body[:3]} {body[3:]}", f"{area} {body}", f"+64 {area[1]} {body}"])


def _nz(rows: int) -> pd.DataFrame:
    r = random.Random(SEED + 1)
    f = _faker("en_NZ", 1)
    fm = _faker("en_NZ", 11)
    managers = sorted({fm.name() for _ in range(12)})
    notes = [
        "Smoke alarms checked.", "Heat pump serviced.", "Routine inspection OK.", "Garden needs attention.",
        "Rent increase notice sent.", "Insulation statement provided.", "Minor carpet stain lounge.",
        "Healthy homes compliant.", "Water meter read.", "Keys x2 returned.", "Gutter clean booked.",
    ]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        start = _date_between(r, dt.date(2018, 1, 1), dt.date(2025, 6, 30))
        rent = r.choice([420, 480, 525, 550, 600, 650, 700, 750, 820, 900]) + r.choice([0, 5, 10, 15, 25])
        bank = f"{r.choice(['01','02','03','06','12','38'])}-{r.randrange(1, 9999):04d}-{r.randrange(0, 9999999):07d}-{r.randrange(0, 99):02d}"
        out.append({
            "TenancyRef": f"TNC-{100000 + i * 7 + r.randrange(7)}",
            "Tenant First Name": first,
            "Tenant Surname": last,
            "Email": _blank(r, f.free_email() if r.random() < 0.5 else f"{first}.{last}@{f.free_email_domain()}".lower(), 0.05),
            "Mobile": _blank(r, _nz_mobile(r), 0.04),
            "Home Ph": _blank(r, _nz_landline(r), 0.7, ("", "n/a", "N/A")),
            "Property Address": f.street_address(),
            "Suburb": f.city(),
            "Postcode": _blank(r, float(f.postcode()) if r.random() < 0.3 else f.postcode(), 0.05),
            "DOB": _blank(r, _date_between(r, dt.date(1950, 1, 1), dt.date(2004, 12, 31)).strftime("%d/%m/%Y"), 0.1),
            "IRD No.": _blank(r, _nz_ird(r), 0.5),
            "Bank Acct (rent refunds)": _blank(r, bank, 0.3),
            "Weekly Rent (NZD)": float(rent),
            "Bond $": rent * 4,
            "Bond Lodgement #": _blank(r, f"{r.randrange(1000000, 9999999)}", 0.1),
            "Lease Start": start.isoformat(),
            "Lease End": _blank(r, (start + dt.timedelta(days=r.choice([182, 365, 730]))).isoformat(), 0.4, ("", "periodic")),
            "Pets Y/N": r.choice(["Y", "N", "N", "N"]),
            "Emergency Contact": _blank(r, f.name(), 0.25),
            "Emergency Contact Ph": _blank(r, _nz_mobile(r), 0.3),
            "Property Manager": r.choice(managers),
            "Tenant Portal Login": _blank(r, r.choice([f"{first[0]}{last}".lower(), f"{first.lower()}{r.randrange(10, 99)}", f"{last.lower()}_{first[:3].lower()}"]), 0.2),
            "Last Inspection": _blank(r, _date_between(r, dt.date(2024, 1, 1), dt.date(2025, 9, 30)).strftime("%d-%b-%Y"), 0.1),
            "In Arrears": r.random() < 0.08,
            "Inspection Notes": _blank(r, _free_text(r, notes), 0.3),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (b) FR cabinet médical
def _nir(r: random.Random, sex: int, born: dt.date) -> str:
    dept = r.choice([f"{d:02d}" for d in range(1, 96) if d != 20])
    body = f"{sex}{born.year % 100:02d}{born.month:02d}{dept}{r.randrange(1, 999):03d}{r.randrange(1, 999):03d}"
    key = 97 - int(body) % 97
    return r.choice([f"{body}{key:02d}", f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {key:02d}"])


def _fr(rows: int) -> pd.DataFrame:
    r = random.Random(SEED + 2)
    f = _faker("fr_FR", 2)
    fd = _faker("fr_FR", 22)
    doctors = sorted({f"Dr {fd.last_name()}" for _ in range(6)})
    mutuelles = ["MGEN", "Harmonie Mutuelle", "Malakoff Humanis", "AG2R La Mondiale", "MAAF Santé", "Aucune", "CSS"]
    motifs = [
        "Renouvellement ordonnance", "Toux persistante depuis 10 jours", "Certificat sport",
        "Suivi tension artérielle", "Vaccin grippe", "Douleurs lombaires", "Bilan sanguin à prévoir",
        "Contrôle post-opératoire", "Eczéma mains", "Céphalées récurrentes",
    ]
    ccam = ["GLQP012", "DEQP003", "ZZQP001", "QZFA004", "HBLD001", "—"]
    out = []
    for i in range(rows):
        sex = r.choice([1, 2])
        first = f.first_name_male() if sex == 1 else f.first_name_female()
        last = f.last_name()
        born = _date_between(r, dt.date(1935, 1, 1), dt.date(2023, 12, 31))
        bban = f"{r.randrange(10000, 99999)}{r.randrange(10000, 99999)}{r.randrange(10**10, 10**11)}{r.randrange(10, 99)}"
        out.append({
            "N° dossier": f"P{2015 + i % 10}-{i + 1:05d}",
            "NOM": last.upper(),
            "Prénom": first,
            "Nom de naissance": _blank(r, f.last_name().upper(), 0.8),
            "Sexe": "M" if sex == 1 else "F",
            "Date de naissance": born.strftime("%d/%m/%Y"),
            "Lieu de naissance": _blank(r, f.city(), 0.15),
            "N° Sécu (NIR)": _blank(r, _nir(r, sex, born), 0.05),
            "Adresse": f"{r.randrange(1, 120)} {f.street_name()}",
            "CP": f.postcode(),
            "Ville": f.city(),
            "Tél. portable": _blank(r, f"0{r.choice([6, 7])} " + " ".join(f"{r.randrange(100):02d}" for _ in range(4)), 0.1),
            "Tél. fixe": _blank(r, f.phone_number(), 0.6, ("", "-", "néant")),
            "Courriel": _blank(r, f.email(), 0.3),
            "Médecin traitant": r.choice(doctors),
            "Mutuelle": r.choice(mutuelles),
            "Tiers payant": r.choice(["Oui", "Non"]),
            "Date dernière consult.": _date_between(r, dt.date(2022, 1, 1), dt.date(2025, 10, 31)).strftime("%d/%m/%Y"),
            "Motif consultation": _free_text(r, motifs, 1),
            "Code acte CCAM": r.choice(ccam),
            "Honoraires (€)": r.choice([25.0, 26.5, 30.0, 50.0, 60.0]),
            "Personne à prévenir": _blank(r, f.name(), 0.4),
            "Tél. pers. à prévenir": _blank(r, f.phone_number(), 0.45),
            "IBAN remboursement": _blank(r, _group4(_iban("FR", bban)), 0.75),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (c) BE (Flemish) school
def _rrn(r: random.Random, born: dt.date) -> str:
    seq = r.randrange(1, 998)
    base = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{seq:03d}"
    num = int(base) if born.year < 2000 else int("2" + base)
    chk = 97 - num % 97
    return r.choice([f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:]}.{chk:02d}", f"{base}{chk:02d}"])


def _be_gsm(r: random.Random) -> str:
    body = f"4{r.choice([6, 7, 8, 9])}{r.randrange(0, 9)}{r.randrange(100000, 999999)}"
    return r.choice([f"0{body[:3]} {body[3:5]} {body[5:7]} {body[7:]}", f"+32 {body[:3]} {body[3:5]} {body[5:7]} {body[7:]}", f"0{body}"])


def _be(rows: int) -> pd.DataFrame:
    r = random.Random(SEED + 3)
    f = _faker("nl_BE", 3)
    richtingen = ["Latijn", "Economie-moderne talen", "Wetenschappen", "STEM", "Humane wetenschappen", "Bedrijfsorganisatie", "Elektromechanica"]
    opm = [
        "Zorgleerling, extra tijd bij toetsen.", "Attest dyslexie aanwezig.", "Vrijgesteld van LO (medisch).",
        "Neemt middagmaal op school.", "Inschrijving via CLB bevestigd.", "Studiereis betaald.", "Fiets in stalling B.",
    ]
    out = []
    for i in range(rows):
        born = _date_between(r, dt.date(2007, 9, 1), dt.date(2013, 8, 31))
        last = f.last_name()
        first = f.first_name()
        p1 = f"{f.first_name()} {last}"
        bban = f"{r.randrange(0, 999):03d}{r.randrange(0, 9999999):07d}"
        bban += f"{int(bban) % 97 or 97:02d}"
        gr = r.randrange(1, 7)
        out.append({
            "Stamboeknr": r.randrange(100000, 999999),
            "Leerling-ID": f"LL{20240000 + i}",
            "Voornaam": first,
            "Familienaam": last,
            "Geslacht": r.choice(["M", "V", "X"]),
            "Geboortedatum": born.strftime("%d/%m/%Y") if r.random() < 0.8 else born.isoformat(),
            "Geboorteplaats": _blank(r, f.city(), 0.1),
            "Rijksregisternr.": _blank(r, _rrn(r, born), 0.03),
            "Straat + nr": f.street_address(),
            "Postcode": int(f.postcode()),
            "Gemeente": f.city(),
            "Klas": f"{gr}{r.choice('ABCD')}",
            "Studierichting": r.choice(richtingen),
            "Schooljaar": "2025-2026",
            "Naam ouder 1": p1,
            "GSM ouder 1": _blank(r, _be_gsm(r), 0.05),
            "E-mail ouder 1": _blank(r, f.email(), 0.08),
            "Naam ouder 2": _blank(r, f.name(), 0.45),
            "GSM ouder 2": _blank(r, _be_gsm(r), 0.5),
            "Smartschool-gebruikersnaam": f"{first.lower()}.{last.lower().replace(' ', '')}",
            "Inschrijvingsdatum": _date_between(r, dt.date(2019, 3, 1), dt.date(2025, 9, 1)).strftime("%d/%m/%Y"),
            "Afwezig (halve dagen)": r.choice([0, 0, 0, 1, 2, 3, 4, 6, 8, 12]),
            "Saldo schoolrekening €": round(r.uniform(-120, 40), 2),
            "Rekeningnr. ouder (domiciliëring)": _blank(r, _group4(_iban("BE", bban)), 0.5),
            "Busvervoer": r.choice(["J", "N", "N"]),
            "Opmerkingen": _blank(r, _free_text(r, opm, 1), 0.6),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (d) PL spółdzielnia
def _pesel(r: random.Random, born: dt.date) -> str:
    mm = born.month + (20 if born.year >= 2000 else 0)
    base = f"{born.year % 100:02d}{mm:02d}{born.day:02d}{r.randrange(0, 9999):04d}"
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    chk = (10 - sum(int(a) * b for a, b in zip(base, w, strict=True)) % 10) % 10
    return base + str(chk)


def _pl_dowod(r: random.Random) -> str:
    letters = "".join(r.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(3))
    digits = [r.randrange(10) for _ in range(5)]
    vals = [ord(c) - 55 for c in letters]
    w = (7, 3, 1, 7, 3, 1, 7, 3)
    chk = sum(v * x for v, x in zip(vals + digits, w, strict=True)) % 10
    return f"{letters}{chk}{''.join(map(str, digits))}"


def _pl(rows: int) -> pd.DataFrame:
    r = random.Random(SEED + 4)
    f = _faker("pl_PL", 4)
    prawa = ["spółdzielcze własnościowe", "lokatorskie", "odrębna własność", "najem"]
    uwagi = [
        "Wymiana wodomierza 2024.", "Zgoda na e-fakturę.", "Lokal po remoncie.", "Zaległość rozłożona na raty.",
        "Zgłoszono przeciek w łazience.", "Odczyt podzielników ciepła OK.", "Brak uwag.",
    ]
    out = []
    for i in range(rows):
        born = _date_between(r, dt.date(1938, 1, 1), dt.date(2003, 12, 31))
        first, last = f.first_name(), f.last_name()
        nrb = f"{r.randrange(10**7, 10**8)}{r.randrange(10**15, 10**16)}"
        iban = _iban("PL", nrb)
        pesel = _pesel(r, born)
        out.append({
            "Nr członka": f"{r.randrange(1, 9)}/{i + 1:05d}",
            "Imię": first,
            "Nazwisko": last,
            "PESEL": _blank(r, pesel if r.random() < 0.85 else float(pesel), 0.03, (None, "")),
            "Seria i nr dowodu": _blank(r, _pl_dowod(r), 0.4),
            "Data urodzenia": born.isoformat(),
            "Adres lokalu": f"{f.street_name()} {r.randrange(1, 80)}/{r.randrange(1, 60)}",
            "Kod pocztowy": f.postcode(),
            "Miejscowość": f.city(),
            "Telefon": _blank(r, f.phone_number(), 0.1, (None, "", "brak")),
            "E-mail": _blank(r, f.email(), 0.35, (None, "")),
            "Nr rachunku": _blank(r, iban[2:] if r.random() < 0.6 else _group4(iban), 0.2, (None,)),
            "Adres do korespondencji": _blank(r, f"ul. {f.street_name()} {r.randrange(1, 200)}, {f.postcode()} {f.city()}", 0.85, (None,)),
            "Pełnomocnik": _blank(r, f.name(), 0.9, (None,)),
            "Data przyjęcia": _date_between(r, dt.date(1975, 1, 1), dt.date(2025, 6, 30)).isoformat(),
            "Tytuł prawny": r.choice(prawa),
            "Pow. użytkowa [m2]": round(r.uniform(24, 92), 2),
            "Liczba osób": r.choice([1, 1, 2, 2, 3, 4, 5]),
            "Udział członkowski (zł)": r.choice([100.0, 200.0, 500.0]),
            "Saldo opłat (zł)": round(r.uniform(-1500, 300), 2),
            "Login eBOK": _blank(r, f.user_name(), 0.45, (None,)),
            "Uwagi": _blank(r, _free_text(r, uwagi, 1), 0.5, (None,)),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (e) SE bibliotek
def _personnummer(r: random.Random, born: dt.date) -> str:
    base = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{r.randrange(0, 999):03d}"
    chk = _luhn_digit(base)
    full = base + chk
    return r.choice([f"{born.year}{full[2:6]}-{full[6:]}", f"{full[:6]}-{full[6:]}", f"{born.year}{full[2:]}"])


def _se(rows: int) -> pd.DataFrame:
    r = random.Random(SEED + 5)
    f = _faker("sv_SE", 5)
    filialer = ["Stadsbiblioteket", "Hässelby bibliotek", "Kvarnby filial", "Bokbussen", "Norrgårdens bibliotek"]
    kategorier = ["Vuxen", "Barn", "Ungdom", "Pensionär", "Institution"]
    anteck = ["Föredrar sms-avisering.", "Har ersatt förlorad bok.", "Storstilsböcker.", "Talbokslåntagare (Legimus).", "Spärr hävd."]
    out = []
    for i in range(rows):
        born = _date_between(r, dt.date(1935, 1, 1), dt.date(2019, 12, 31))
        first, last = f.first_name(), f.last_name()
        child = born.year >= 2010
        pnr = f.postcode()
        out.append({
            "lanekortsnr": f"2{r.randrange(10**12, 10**13)}",
            "fornamn": first,
            "efternamn": last,
            "personnr": _blank(r, _personnummer(r, born), 0.05, (None,)),
            "utdelningsadress": f.street_address(),
            "postnr": f"{pnr[:3]} {pnr[3:]}" if r.random() < 0.5 else int(pnr),
            "postort": f.city().upper() if r.random() < 0.3 else f.city(),
            "telefon": _blank(r, f.phone_number(), 0.2, (None,)),
            "epost": _blank(r, f.email(), 0.25, (None,)),
            "malsman": f.name() if child else None,
            "anvandarnamn": _blank(r, f.user_name(), 0.5, (None,)),
            "lantagarkategori": "Barn" if child else r.choice(kategorier),
            "hemfilial": r.choice(filialer),
            "antal_lan": r.choice([0, 0, 1, 2, 3, 5, 8]),
            "reservationer": r.choice([0, 0, 0, 1, 2]),
            "skuld_kr": r.choice([0.0, 0.0, 0.0, 10.0, 20.0, 55.0, 150.0]),
            "registrerad": f"{_date_between(r, dt.date(2005, 1, 1), dt.date(2025, 9, 1)).isoformat()}T{r.randrange(8, 20):02d}:{r.randrange(60):02d}:00",
            "senaste_besok": _blank(r, _date_between(r, dt.date(2024, 1, 1), dt.date(2025, 10, 31)).isoformat(), 0.1, (None,)),
            "giltig_tom": _date_between(r, dt.date(2025, 11, 1), dt.date(2028, 12, 31)).isoformat(),
            "pin_sha1": hashlib.sha1(f"{SEED}-{i}".encode()).hexdigest(),
            "sprak": r.choice(["sv", "sv", "sv", "en", "ar", "fi", "so"]),
            "avisering": r.choice(["e-post", "sms", "brev", "app"]),
            "anteckning": _blank(r, r.choice(anteck), 0.7, (None,)),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (f) wedding planner
def _card(r: random.Random) -> str:
    prefix, length = r.choice([("4", 16), ("51", 16), ("55", 16), ("37", 15), ("6011", 16)])
    body = prefix + "".join(str(r.randrange(10)) for _ in range(length - len(prefix) - 1))
    num = body + _luhn_digit(body)
    if length == 15:
        return f"{num[:4]} {num[4:10]} {num[10:]}"
    return r.choice([num, _group4(num), "-".join(num[i : i + 4] for i in range(0, 16, 4))])


def _wedding(rows: int) -> pd.DataFrame:
    r = random.Random(SEED + 6)
    f = _faker("en_US", 6)
    g = _faker("en_GB", 66)
    planners = sorted({g.name() for _ in range(5)})
    venues = ["The Grand Oak Barn", "Lakeside Pavilion", "Rosewood Estate", "St. Mary's Hall", "Harbor View Hotel", "Willow Creek Vineyard"]
    packages = ["Full Planning", "Partial Planning", "Day-of Coordination", "Elopement"]
    sources = ["Instagram", "Referral", "The Knot", "Google", "Wedding fair", "WeddingWire"]
    notes = [
        "Wants a rustic theme with lots of greenery.\nNo lilies.", "Vegan menu for 30% of guests.",
        "Ceremony outdoors, rain plan: tent.", "Live band, no DJ.", "Budget firm, prioritise photography.",
        "Needs shuttle between hotel and venue.", "Gluten-free cake tier.",
    ]
    out = []
    for i in range(rows):
        wdate = _date_between(r, dt.date(2025, 3, 1), dt.date(2027, 10, 31))
        card = _card(r)
        digits = card.replace(" ", "").replace("-", "")
        p1, p2 = f.name(), f.name()
        out.append({
            "Client #": 5000 + i,
            "Partner 1 Name": p1,
            "Partner 2 Name": _blank(r, p2, 0.03),
            "P1 Email": f.email(),
            "P2 Email": _blank(r, f.email(), 0.4),
            "P1 Cell": f.phone_number(),
            "P2 Cell": _blank(r, f.phone_number(), 0.45),
            "Mailing Address": f"{f.street_address()}, {f.city()}, {f.state_abbr()}",
            "ZIP": _blank(r, f.postcode() if r.random() < 0.7 else float(f.postcode()), 0.05),
            "Wedding Date": wdate.strftime("%m/%d/%Y"),
            "Venue": r.choice(venues),
            "Venue City": f.city(),
            "Guest Count (est.)": r.choice([40, 60, 80, 100, 120, 150, 200, 250]),
            "Budget (USD)": f"${r.randrange(15, 120) * 1000:,}",
            "Deposit Paid?": r.choice(["Yes", "No", "Yes"]),
            "Package": r.choice(packages),
            "Lead Planner": r.choice(planners),
            "Maid of Honor / Best Man": _blank(r, f.name(), 0.6),
            "Card on File": _blank(r, card, 0.35),
            "Card Last 4": f"**** {digits[-4:]}",
            "Instagram @": _blank(r, "@" + f.user_name(), 0.5),
            "Inquiry Form IP": _blank(r, f.ipv4_public() if r.random() < 0.85 else f.ipv6(), 0.1),
            "Lead Source": r.choice(sources),
            "Contract Signed": _blank(r, _date_between(r, dt.date(2024, 6, 1), dt.date(2025, 11, 1)).strftime("%Y-%m-%d"), 0.2),
            "Planner Notes": _blank(r, _free_text(r, notes), 0.3),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "nz_tenancy_tenants": _nz,
    "fr_cabinet_patients": _fr,
    "be_school_leerlingen": _be,
    "pl_spoldzielnia_czlonkowie": _pl,
    "se_bibliotek_lantagare": _se,
    "wedding_planner_clients": _wedding,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; each has about `rows` rows (scaled per table, at least 1)."""
    return {t: _BUILDERS[t](max(1, int(rows * _SCALE[t]))) for t in TABLES}


def _atomic_write(path: Path, writer) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    writer(tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    writers = {
        "nz_tenancy_tenants": lambda df, p: df.to_csv(p, index=False, encoding="utf-8"),
        "fr_cabinet_patients": lambda df, p: df.to_excel(p, index=False, sheet_name="Patients", engine="openpyxl"),
        "be_school_leerlingen": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="cp1252", decimal=","),
        "pl_spoldzielnia_czlonkowie": lambda df, p: df.astype({c: "string" for c in ("PESEL", "Nr rachunku")}).to_parquet(p, index=False),
        "se_bibliotek_lantagare": lambda df, p: df.to_json(p, orient="records", lines=True, force_ascii=False),
        "wedding_planner_clients": lambda df, p: df.to_csv(p, index=False, sep="\t", encoding="utf-8-sig"),
    }
    paths: dict[str, Path] = {}
    for t in TABLES:
        path = out_dir / _FILES[t]
        df = tables[t]
        _atomic_write(path, lambda p, df=df, t=t: writers[t](df, p))
        paths[t] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout60.py OUT_DIR [ROWS]")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    for name, p in write_all(Path(sys.argv[1]), n).items():
        print(name, p)
