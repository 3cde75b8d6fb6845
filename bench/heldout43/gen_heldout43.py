"""Blind held-out tables for the PII scanner (set heldout43).

Six exports from different systems: a Canadian property-tax roll, an Austrian vet practice's
owner list, a Portuguese school's pupils-and-guardians table, a Swedish housing co-operative's
member register, a Czech payroll export and an identity-verification vendor export. Labels live
in labels.yaml next to this file and were written by hand before any scanner run.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 43430
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "ca_tax_roll",
    "at_tierarzt_besitzer",
    "pt_escola_alunos",
    "se_brf_medlemmar",
    "cz_mzdy",
    "idv_verifications",
)

_FILES = {
    "ca_tax_roll": "ca_tax_roll_2026.csv",
    "at_tierarzt_besitzer": "tierarzt_besitzer.xlsx",
    "pt_escola_alunos": "escola_alunos.jsonl",
    "se_brf_medlemmar": "brf_medlemsforteckning.csv",
    "cz_mzdy": "mzdy_2026_10.parquet",
    "idv_verifications": "idv_export.tsv",
}

_ROWS = {
    "ca_tax_roll": 1.0,
    "at_tierarzt_besitzer": 0.75,
    "pt_escola_alunos": 0.6,
    "se_brf_medlemmar": 0.5,
    "cz_mzdy": 0.7,
    "idv_verifications": 1.0,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _fk(locale: str, salt: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + salt)
    return f


def _blank(rng: random.Random, value, p_empty: float, tokens=("",)):
    """Return value, or (with probability p_empty) one of the empty tokens."""
    if rng.random() < p_empty:
        return rng.choice(tokens)
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


def _dob(rng: random.Random, lo: int, hi: int) -> date:
    start = date(2026, 11, 1) - timedelta(days=365 * hi)
    return start + timedelta(days=rng.randint(0, 365 * (hi - lo)))


# ---------------------------------------------------------------- (a) Canada
def _ca_tax_roll(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _fk("en_CA", 1)
    cities = ["Kitchener", "Waterloo", "Guelph", "Cambridge", "Barrie", "Oshawa", "London", "Peterborough"]
    rows = []
    for _i in range(n):
        last, first = f.last_name().upper(), f.first_name().upper()
        mid = rng.choice(["", "", " " + rng.choice("ABCDEJKLMR")])
        own1 = f"{last}, {first}{mid}"
        own2 = f"{last}, {f.first_name().upper()}" if rng.random() < 0.45 else ""
        prop_city = rng.choice(cities)
        prop = f"{f.building_number()} {f.street_name().upper()} {f.street_suffix().upper()}"
        same = rng.random() < 0.7
        mail = prop if same else f.street_address()
        mcity = f"{prop_city} ON" if same else f"{f.city()} {f.province_abbr()}"
        pc = f.postalcode()
        pc = pc if rng.random() < 0.5 else f"{pc[:3]} {pc[3:]}"
        senior = rng.random() < 0.12
        sin_body = str(rng.choice([1, 2, 3, 4, 5, 6, 7])) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        sin = sin_body + _luhn_digit(sin_body)
        sin = f"{sin[:3]} {sin[3:6]} {sin[6:]}" if rng.random() < 0.7 else sin
        pad = rng.random() < 0.35
        assessed = rng.randrange(180_000, 1_900_000, 1000)
        rate = rng.choice([0.01093, 0.01152, 0.02471])
        sale_year = rng.randint(1978, 2026)
        rows.append(
            {
                "Roll Number": f"3012-{rng.randint(10, 99):02d}0-{rng.randint(100, 999)}-"
                f"{rng.randint(10000, 99999)}-0000",
                "Owner 1 Name": own1,
                "Owner 2 Name": own2,
                "Property Location": prop,
                "Ward": f"Ward {rng.randint(1, 10)}",
                "Mailing Address": mail,
                "Mailing City Prov": mcity,
                "Mail Postal Cd": pc,
                "Owner Tel": _blank(rng, f.phone_number(), 0.3, ("", "n/a", "UNLISTED")),
                "Owner E-mail": _blank(rng, f.email(), 0.6),
                "Prop Class": rng.choice(["RT", "RT", "RT", "CT", "MT", "RH", "IT"]),
                "Prop Code": rng.choice([301, 301, 301, 311, 340, 370, 410, 520]),
                "Zoning": rng.choice(["R1", "R2", "R4", "RM3", "C2", "MU-1"]),
                "Frontage (ft)": round(rng.uniform(25, 120), 2),
                "Depth (ft)": round(rng.uniform(80, 220), 2),
                "CVA 2016 Base ($)": assessed,
                "2026 Final Levy": round(assessed * rate, 2),
                "Arrears Bal.": _blank(rng, round(rng.uniform(0, 8000), 2), 0.7, ("0.00", "")),
                "Last Sale Dt": f"{sale_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "Sale Price": rng.randrange(45_000, 1_600_000, 500) if sale_year > 1990 else "",
                "PAP Bank Acct (transit-inst-acct)": (
                    f"{rng.randint(10000, 99999)}-{rng.choice(['001', '002', '003', '004', '006', '815'])}-"
                    f"{rng.randint(1000000, 9999999)}"
                    if pad
                    else ""
                ),
                "PAP Plan": rng.choice(["11-Instalment", "Due Date", "Monthly"]) if pad else "",
                "Deferral Applicant SIN": sin if senior else "",
                "Deferral Applicant DOB": _dob(rng, 65, 95).strftime("%d/%m/%Y") if senior else "",
                "Roll Comments": _blank(
                    rng,
                    rng.choice(
                        [
                            "Supplementary assessment 2025 - new garage",
                            "Section 357 appeal granted; write-off posted",
                            "Tax cert issued to solicitor",
                            "Vacant land\nsevered 2019",
                            "Penalty waived per council resolution 24-113",
                        ]
                    ),
                    0.75,
                ),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (b) Austria
def _sv_check(serial: str, dob: date) -> str | None:
    digits = serial + dob.strftime("%d%m%y")
    w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
    c = sum(int(d) * k for d, k in zip(digits, w, strict=True)) % 11
    return None if c == 10 else str(c)


def _at_svnr(rng: random.Random, dob: date) -> str:
    while True:
        serial = str(rng.randint(100, 999))
        c = _sv_check(serial, dob)
        if c is not None:
            raw = serial + c + dob.strftime("%d%m%y")
            return raw if rng.random() < 0.5 else f"{raw[:4]} {raw[4:]}"


def _at_tierarzt(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _fk("de_AT", 2)
    arten = {
        "Hund": ["Labrador", "Mischling", "Dackel", "Golden Retriever", "Border Collie", "Malteser"],
        "Katze": ["EKH", "Maine Coon", "Perser", "BKH"],
        "Kaninchen": ["Zwergkaninchen", "Widder"],
        "Pferd": ["Haflinger", "Noriker"],
    }
    pets = ["Bello", "Luna", "Max", "Minka", "Rocky", "Filou", "Sammy", "Nala", "Emma", "Balu", "Mucki"]
    rows = []
    for i in range(n):
        dob = _dob(rng, 19, 88)
        art = rng.choice(sorted(arten))
        rows.append(
            {
                "KdNr": 20000 + i * 3 + rng.randint(0, 2),
                "Anrede": rng.choice(["Herr", "Frau", "Frau", "Herr", "Fam."]),
                "Titel": rng.choice(["", "", "", "", "Dr.", "Mag.", "DI", "Ing."]),
                "Vorname": f.first_name(),
                "Nachname": f.last_name(),
                "Straße / Hausnr.": f.street_address(),
                "PLZ": int(f.postcode()),
                "Ort": f.city(),
                "Tel. privat": _blank(rng, f.phone_number(), 0.4),
                "Handy": _blank(rng, f"+43 6{rng.choice(['50', '60', '64', '76', '99'])} "
                                f"{rng.randint(1000000, 9999999)}", 0.2),
                "E-Mail": _blank(rng, f.email(), 0.35),
                "Geb.-Datum": _blank(rng, dob.strftime("%d.%m.%Y"), 0.5),
                "SV-Nr. (Versicherter)": _blank(rng, _at_svnr(rng, dob), 0.8),
                "IBAN Bankeinzug": _blank(rng, f.iban(), 0.7),
                "Patient": rng.choice(pets),
                "Tierart": art,
                "Rasse": rng.choice(arten[art]),
                "Chip-Nr.": f"040{rng.randint(10**11, 10**12 - 1)}" if art != "Kaninchen" else "",
                "letzter Besuch": (date(2026, 11, 20) - timedelta(days=rng.randint(0, 900))).strftime("%d.%m.%Y"),
                "Impfung fällig": (date(2026, 11, 20) + timedelta(days=rng.randint(-60, 365))).isoformat(),
                "Saldo offen (€)": round(rng.choice([0, 0, 0, rng.uniform(10, 480)]), 2),
                "Bemerkung": _blank(
                    rng,
                    rng.choice(
                        [
                            "beißt - Maulkorb!",
                            "Futtermittelallergie (Huhn)",
                            "zahlt bar",
                            "Kastration 03/2024",
                            "Mahnstufe 1",
                            "Insulin 2x tgl.\nKontrolle BZ",
                        ]
                    ),
                    0.6,
                ),
                "Newsletter": rng.choice(["ja", "nein", "nein"]),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (c) Portugal
def _pt_nif(rng: random.Random) -> str:
    body = str(rng.choice([1, 2, 2, 3])) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    s = sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True))
    c = 11 - s % 11
    return body + str(0 if c >= 10 else c)


def _pt_cc(rng: random.Random) -> str:
    num = f"{rng.randint(10000000, 39999999)}"
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2))
    return f"{num} {rng.randint(0, 9)} {letters}{rng.randint(0, 9)}"


def _pt_escola(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _fk("pt_PT", 3)
    rows = []
    for i in range(n):
        first, last = f.first_name(), f.last_name()
        ano = rng.randint(5, 12)
        dob = date(2026 - ano - 6, 1, 1) + timedelta(days=rng.randint(0, 364))
        ee_last = last if rng.random() < 0.8 else f.last_name()
        ee = f"{f.first_name()} {f.last_name()} {ee_last}"
        user = f"{first.lower()}.{last.lower()}{dob.year % 100:02d}"
        user = user.translate(str.maketrans("áàâãéêíóôõúç", "aaaaeeiooouc"))
        rows.append(
            {
                "nProcesso": 40000 + i,
                "NomeAluno": f"{first} {f.last_name()} {last}",
                "DataNasc": dob.strftime("%d/%m/%Y") if rng.random() < 0.8 else dob.isoformat(),
                "CC_Aluno": _blank(rng, _pt_cc(rng), 0.15),
                "NIF_Aluno": _blank(rng, _pt_nif(rng), 0.3),
                "Naturalidade": _blank(rng, f.city(), 0.2),
                "Nacionalidade": rng.choice(["Portuguesa"] * 8 + ["Brasileira", "Cabo-verdiana", "Ucraniana"]),
                "AnoTurma": f"{ano}º{rng.choice('ABCDE')}",
                "Escalao_ASE": rng.choice(["", "", "A", "B", "C"]),
                "NEE": rng.choice([False, False, False, True]),
                "UtilizadorMoodle": user,
                "NomeEE": ee,
                "ParentescoEE": rng.choice(["Mãe", "Mãe", "Pai", "Avó", "Tio", "Outro"]),
                "TelemovelEE": rng.choice(
                    [f"9{rng.choice('1236')}{rng.randint(1000000, 9999999)}",
                     f"+351 9{rng.choice('1236')}{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(100, 999)}"]
                ),
                "EmailEE": _blank(rng, f.free_email(), 0.25, ("", "n/d")),
                "Morada": f.street_address(),
                "CodPostal": f.postcode(),
                "Localidade": f.city(),
                "IBAN_EE (Ação Social)": _blank(rng, f.iban(), 0.75),
                "MediaFinal": round(rng.uniform(8.5, 19.8), 1) if ano >= 10 else rng.randint(2, 5),
                "FaltasInjust": rng.choice([0, 0, 0, 1, 2, 3, 7, 12]),
                "DataMatricula": f"2026-09-{rng.randint(1, 12):02d}",
                "Observacoes": _blank(
                    rng,
                    rng.choice(
                        [
                            "Transferido de outro agrupamento",
                            "Almoça na cantina; dieta sem lactose",
                            "Apoio tutorial específico",
                            "Autorização de saída sozinho assinada",
                        ]
                    ),
                    0.7,
                ),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (d) Sweden
def _se_pnr(rng: random.Random, dob: date) -> str:
    body = dob.strftime("%y%m%d") + f"{rng.randint(0, 999):03d}"
    full = body + _luhn_digit(body)
    return rng.choice([f"{dob.year // 100}{full[:6]}-{full[6:]}", f"{full[:6]}-{full[6:]}",
                       f"{dob.year // 100}{full}"])


def _se_brf(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _fk("sv_SE", 4)
    streets = [f.street_name() for _ in range(4)]
    rows = []
    for i in range(n):
        street = streets[i % 4]
        nr = 2 + (i // 4) % 30
        dob = _dob(rng, 22, 90)
        two = rng.random() < 0.4
        last = f.last_name()
        dob2 = _dob(rng, 22, 90)
        pc = f.postcode()
        rows.append(
            {
                "Lgh nr": 1001 + i,
                "Skatteverkets lgh nr": f"{1000 + (i // 10 + 1) * 100 + i % 10 + 1}",
                "Medlem 1": f"{last}, {f.first_name()}",
                "Personnr 1": _se_pnr(rng, dob),
                "Medlem 2": f"{last if rng.random() < 0.6 else f.last_name()}, {f.first_name()}" if two else "",
                "Personnr 2": _se_pnr(rng, dob2) if two else "",
                "Andel %": "50,00" if two else "100,00",
                "Utdelningsadress": f"{street} {nr}",
                "Postnr": pc if " " in pc else f"{pc[:3]} {pc[3:]}",
                "Postort": f.city(),
                "Tel": _blank(rng, f.phone_number(), 0.45),
                "Mobil": _blank(rng, f"07{rng.choice('0236')}-{rng.randint(100, 999)} "
                                f"{rng.randint(10, 99)} {rng.randint(10, 99)}", 0.15),
                "E-post": _blank(rng, f.email(), 0.3),
                "Tillträdesdag": (date(1995, 1, 1) + timedelta(days=rng.randint(0, 11600))).isoformat(),
                "Insats (kr)": rng.randrange(40_000, 400_000, 1000),
                "Andelstal": round(rng.uniform(0.4, 1.6), 4),
                "Månadsavgift": f"{rng.randint(2800, 7400)},00",
                "Återbetalningskonto (clnr-kontonr)": _blank(
                    rng, f"{rng.randint(3000, 9999)}-{rng.randint(0, 9)}, {rng.randint(100, 999)} "
                    f"{rng.randint(100, 999)} {rng.randint(100, 999)}-{rng.randint(0, 9)}"
                    if rng.random() < 0.5 else f"{rng.randint(6000, 6999)}-{rng.randint(100000000, 999999999)}",
                    0.75,
                ),
                "Förråd": f"F{rng.randint(1, 140)}" if rng.random() < 0.8 else "",
                "P-plats": rng.choice(["Ja", "Nej", "Nej", "Kö"]),
                "Styrelseuppdrag": rng.choice([""] * 20 + ["Ordförande", "Kassör", "Sekreterare", "Ledamot",
                                                           "Suppleant"]),
                "Anteckning": _blank(
                    rng,
                    rng.choice(
                        [
                            "Andrahandsuthyrning godkänd t.o.m. 2027-06-30",
                            "Påminnelse avgift okt",
                            "Stambyte klart",
                            "Inre reparationsfond 12 400 kr",
                        ]
                    ),
                    0.8,
                ),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (e) Czechia
def _cz_rc(rng: random.Random, dob: date, female: bool) -> str:
    while True:
        month = dob.month + (50 if female else 0)
        head = f"{dob.year % 100:02d}{month:02d}{dob.day:02d}{rng.randint(0, 999):03d}"
        c = int(head) % 11
        if c == 10:
            continue
        return f"{head[:6]}/{head[6:]}{c}"


def _cz_mzdy(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _fk("cs_CZ", 5)
    pozice = ["Skladník", "Účetní", "Obchodní zástupce", "Programátor", "Operátor výroby", "Řidič",
              "Mzdová účetní", "Vedoucí směny"]
    rows = []
    for i in range(n):
        female = rng.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name_female() if female else f.last_name_male()
        dob = _dob(rng, 18, 66)
        gross = rng.randrange(24_000, 120_000, 100)
        ins = round(gross * 0.071, 0)
        soc = round(gross * 0.065, 0)
        pc = f.postcode()
        bank = rng.choice(["0100", "0300", "0800", "2010", "3030", "5500", "6100"])
        acct = f"{rng.randint(10**8, 10**10 - 1)}/{bank}"
        if rng.random() < 0.25:
            acct = f"{rng.randint(19, 999):d}-{acct}"
        rows.append(
            {
                "Os.č.": float(1000 + i),
                "Příjmení": last,
                "Jméno": first,
                "Titul": rng.choice(["", "", "", "", "Ing.", "Mgr.", "Bc."]),
                "Rodné číslo": _cz_rc(rng, dob, female),
                "Datum nar.": dob.strftime("%-d.%-m.%Y"),
                "Místo narození": _blank(rng, f.city(), 0.3, ("", "-")),
                "Č. OP": _blank(rng, f"{rng.randint(100000000, 999999999)}", 0.5),
                "Trvalé bydliště": f"{f.street_address()}, {pc} {f.city()}",
                "PSČ": pc.replace(" ", "") if rng.random() < 0.5 else pc,
                "Telefon": _blank(rng, rng.choice([f.phone_number(), float(f"{rng.choice([6, 7])}"
                                                     f"{rng.randint(10**7, 10**8 - 1)}")]), 0.4),
                "E-mail soukr.": _blank(rng, f.free_email(), 0.35),
                "Číslo účtu": acct,
                "ZP": rng.choice([111, 111, 111, 201, 205, 207, 209, 211, 213]),
                "Středisko": rng.choice(["S100", "S110", "S200", "V300", "A010"]),
                "Pracovní pozice": rng.choice(pozice),
                "Úvazek": rng.choice([1.0, 1.0, 1.0, 0.5, 0.75, 0.2]),
                "Datum nástupu": (date(2008, 1, 1) + timedelta(days=rng.randint(0, 6800))).isoformat(),
                "Období": "10/2026",
                "Hrubá mzda": float(gross),
                "ZP zaměstnanec": ins,
                "SP zaměstnanec": soc,
                "Záloha na daň": round(max(0.0, gross * 0.15 - 2570), 0),
                "Čistá mzda": round(gross - ins - soc - max(0.0, gross * 0.15 - 2570), 0),
                "Srážky (exekuce)": rng.choice([0.0] * 12 + [round(rng.uniform(500, 9000), 0)]),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (f) IDV vendor
def _idv(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = {loc: _fk(loc, 60 + k) for k, loc in enumerate(["en_US", "en_GB", "en_CA", "en_IE", "en_AU"])}
    country = {"en_US": "US", "en_GB": "GB", "en_CA": "CA", "en_IE": "IE", "en_AU": "AU"}
    reviewers = [f"ops_{x}" for x in ("kmartin", "tnguyen", "rpatel", "jsilva", "abrown", "mlee", "dkim")]
    reasons = ["DOC_EXPIRED", "FACE_MISMATCH", "GLARE", "BLURRY", "NAME_MISMATCH", "DOB_MISMATCH",
               "SCREEN_CAPTURE", "UNDERAGE"]
    t0 = datetime(2026, 10, 1)
    rows = []
    for i in range(n):
        loc = rng.choice(["en_US", "en_US", "en_GB", "en_CA", "en_IE", "en_AU"])
        f = fk[loc]
        dob = _dob(rng, 18, 80)
        status = rng.choice(["approved"] * 6 + ["declined", "declined", "review", "abandoned"])
        first, last = f.first_name(), f.last_name()
        doc_type = rng.choice(["PASSPORT", "PASSPORT", "ID_CARD"])
        if doc_type == "PASSPORT":
            docno = f.passport_number() if loc == "en_US" else (
                f"{rng.choice('PNRL')}{rng.choice('ABCDEFGHJK')}{rng.randint(1000000, 9999999)}"
                if loc != "en_GB" else f"{rng.randint(100000000, 999999999)}")
        else:
            docno = f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(10**7, 10**8 - 1)}"
        created = t0 + timedelta(seconds=rng.randint(0, 60 * 86400))
        reviewed = status in ("declined", "review") and rng.random() < 0.85
        note = ""
        if reviewed and rng.random() < 0.6:
            other = f"{f.first_name()} {last}"
            note = rng.choice([
                f"Name on document reads {other}, applicant entered {first} {last}",
                f"Spoke to {first} {last}; resubmission requested",
                f"Document belongs to {other} (family member?)",
            ])
        rows.append(
            {
                "verificationId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "externalUserId": f"usr_{rng.getrandbits(48):012x}",
                "createdAt": created.isoformat(timespec="seconds") + "Z",
                "completedAt": (created + timedelta(seconds=rng.randint(20, 4000))).isoformat(
                    timespec="milliseconds") + "Z",
                "status": status,
                "riskScore": round(rng.random(), 3),
                "document.type": doc_type,
                "document.country": country[loc],
                "document.number": docno,
                "document.expiry": (date(2027, 1, 1) + timedelta(days=rng.randint(-400, 3500))).isoformat(),
                "applicant.firstName": first,
                "applicant.lastName": last,
                "applicant.dob": dob.isoformat(),
                "applicant.address.line1": f.street_address(),
                "applicant.address.city": f.city(),
                "applicant.address.postcode": f.postcode(),
                "applicant.phone": _blank(rng, f.phone_number(), 0.3, ("", "N/A")),
                "applicant.email": f.email(),
                "applicant.ssn": f.ssn() if loc == "en_US" and rng.random() < 0.5 else "",
                "clientIp": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
                "userAgent": rng.choice([
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
                    "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
                ]),
                "sdkVersion": rng.choice(["web-4.12.1", "ios-3.8.0", "android-3.7.2"]),
                "faceMatchScore": round(rng.uniform(0.2, 0.999), 4),
                "livenessPassed": rng.random() < 0.9,
                "reasonCodes": ";".join(sorted(rng.sample(reasons, rng.randint(1, 2)))) if status != "approved" else "",
                "selfieSha256": hashlib.sha256(f"{SEED}-{i}".encode()).hexdigest(),
                "reviewedBy": rng.choice(reviewers) if reviewed else "",
                "reviewNote": note,
                "workflowId": rng.choice(["kyc_basic_v3", "kyc_plus_v2", "age_check_v1"]),
            }
        )
    return pd.DataFrame(rows)


_BUILDERS = {
    "ca_tax_roll": _ca_tax_roll,
    "at_tierarzt_besitzer": _at_tierarzt,
    "pt_escola_alunos": _pt_escola,
    "se_brf_medlemmar": _se_brf,
    "cz_mzdy": _cz_mzdy,
    "idv_verifications": _idv,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; sizes are fixed fractions of rows (at least 1,000 each at rows=2000)."""
    return {t: _BUILDERS[t](max(1, int(rows * _ROWS[t]))) for t in TABLES}


def _write(table: str, df: pd.DataFrame, path: Path) -> None:
    if table == "ca_tax_roll":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif table == "at_tierarzt_besitzer":
        df.to_excel(path, index=False, sheet_name="Besitzer", engine="openpyxl")
    elif table == "pt_escola_alunos":
        with path.open("w", encoding="utf-8") as fh:
            for rec in df.to_dict(orient="records"):
                fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    elif table == "se_brf_medlemmar":
        df.to_csv(path, index=False, sep=";", encoding="cp1252")
    elif table == "cz_mzdy":
        df.astype({"Telefon": str}).to_parquet(path, index=False)
    else:
        df.to_csv(path, index=False, sep="\t", encoding="utf-8")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created if needed); return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table, df in make_tables(rows).items():
        path = out_dir / _FILES[table]
        _write(table, df, path)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout43.py OUT_DIR")
    for name, p in write_all(Path(sys.argv[1])).items():
        print(name, p)
