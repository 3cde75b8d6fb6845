"""Blind held-out tables (heldout46): six seeded exports from Canadian, Belgian, Portuguese,
Swedish, Czech and English-language systems, labeled by hand in labels.yaml.

Public API: TABLES, labels(), make_tables(rows), write_all(out_dir, rows); run as
``python bench/heldout46/gen_heldout46.py OUT_DIR [ROWS]``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 46460
HERE = Path(__file__).resolve().parent

# table name -> (file name, share of `rows`)
_FILES: dict[str, tuple[str, float]] = {
    "ca_tenants": ("ca_tenants.csv", 1.0),
    "be_ecole_parents": ("be_ecole_parents.csv", 0.8),
    "pt_sinistros": ("pt_sinistros.parquet", 0.9),
    "se_tandvard_patienter": ("se_tandvard_patienter.jsonl", 0.7),
    "cz_autoservis_zakaznici": ("cz_autoservis_zakaznici.xlsx", 0.6),
    "courier_payouts": ("courier_payouts.tsv", 1.0),
}
TABLES: tuple[str, ...] = tuple(_FILES)


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(doc[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _n(rows: int, table: str) -> int:
    return max(1000, min(2000, round(rows * _FILES[table][1])))


def _gap(rng: random.Random, value, p: float, tokens=("", None, "n/a")):
    """Return value, or with probability p one of the null-like tokens."""
    return rng.choice(tokens) if rng.random() < p else value


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


def _dob(rng: random.Random, lo: int, hi: int) -> dt.date:
    today = dt.date(2024, 6, 30)
    return today - dt.timedelta(days=rng.randint(lo * 365, hi * 365))


def _phone_ca(rng: random.Random) -> str:
    area = rng.choice(["416", "647", "905", "613", "604", "778", "403", "514", "902", "204"])
    a, b = rng.randint(200, 999), rng.randint(1000, 9999)
    return rng.choice([f"({area}) {a}-{b}", f"{area}-{a}-{b}", f"+1 {area} {a} {b}", f"{area}{a}{b}"])


def _sin(rng: random.Random) -> str:
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    s = body + _luhn_digit(body)
    return rng.choice([f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}", s])


def make_ca_tenants(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_CA", 1)
    props = ["Maple Court Apartments", "Lakeshore Towers", "Riverside Commons", "Birchwood Terrace",
             "The Laurier", "Harbourview Lofts", "Queen St. Flats", "Cedar Ridge Townhomes"]
    notes = ["Dishwasher replaced 2023-11; warranty on file.", "Parking stall P2-114 assigned.",
             "Smoke detector battery changed during annual inspection.",
             "Leak under kitchen sink reported.\nPlumber booked, part on order.",
             "Rent increase notice (N1) served on time.", "", "Balcony storage to be cleared before painting.",
             "Key fob #2 deactivated - lost.", "NSF fee waived once per policy."]
    out = []
    for i in range(n):
        name = f.name()
        dob = _dob(rng, 19, 85)
        start = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 2300))
        rent = round(rng.uniform(1150, 3400), 2)
        out.append({
            "Tenant ID": f"T-{100000 + i * 7}",
            "Unit #": str(rng.choice([rng.randint(101, 2412), f"{rng.randint(1, 40)}{rng.choice('ABCD')}"])),
            "Property": rng.choice(props),
            "Primary Tenant Name": name if rng.random() > 0.3 else f"{name.split()[-1]}, {name.split()[0]}",
            "Co-Tenant": _gap(rng, f.name(), 0.6, ("", "")),
            "Email": _gap(rng, f.email(), 0.05),
            "Cell Phone": _phone_ca(rng),
            "Home Phone": _gap(rng, _phone_ca(rng), 0.55, ("", "n/a", "N/A", "-")),
            "Mailing Address (if different)": _gap(
                rng, f"{f.building_number()} {f.street_name()}, {f.city()}, {f.province_abbr()}", 0.5, ("",)),
            "Postal Code": f.postalcode() if rng.random() > 0.4 else f.postalcode().replace(" ", ""),
            "DOB": rng.choice([dob.isoformat(), dob.strftime("%m/%d/%Y"), dob.strftime("%d-%b-%Y")]),
            "SIN (credit check)": _gap(rng, _sin(rng), 0.35, ("", "declined")),
            "Emergency Contact": _gap(rng, f.name(), 0.15, ("",)),
            "Emerg. Contact Ph": _gap(rng, _phone_ca(rng), 0.15, ("",)),
            "Portal Login": _gap(rng, f.user_name() + rng.choice(["", str(rng.randint(1, 99))]), 0.2, ("",)),
            "Lease Start": start.isoformat(),
            "Lease End": (start + dt.timedelta(days=365 * rng.choice([1, 1, 2]))).isoformat(),
            "Monthly Rent ($)": rent,
            "Security Deposit": float(rng.choice([0, rent, round(rent / 2, 2)])),
            "PAD Acct (transit-inst-acct)": _gap(
                rng, f"{rng.randint(10000, 99999)}-{rng.choice(['001', '002', '003', '004', '006', '010', '815'])}-"
                     f"{rng.randint(1000000, 9999999)}", 0.3, ("", "cheques")),
            "Pets Y/N": rng.choice(["Y", "N", "N", "n", ""]),
            "Notes": rng.choice(notes),
            "Last Pmt Ref": f"PMT{rng.randint(10**8, 10**9 - 1)}",
        })
    return pd.DataFrame(out)


def _niss(rng: random.Random, dob: dt.date) -> str:
    base = f"{dob:%y%m%d}{rng.randint(1, 997):03d}"
    num = int(("2" if dob.year >= 2000 else "") + base)
    cc = 97 - num % 97
    return f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:9]}.{cc:02d}"


def _phone_be(rng: random.Random, mobile: bool = True) -> str:
    if mobile:
        p = rng.choice(["470", "471", "472", "475", "476", "477", "478", "479", "485", "486", "496", "498"])
        d = [rng.randint(10, 99) for _ in range(3)]
        return rng.choice([f"0{p}/{d[0]}.{d[1]}.{d[2]}", f"+32 {p} {d[0]} {d[1]} {d[2]}", f"0{p} {d[0]} {d[1]} {d[2]}"])
    z = rng.choice(["02", "04", "081", "071", "065", "010"])
    return f"{z}/{rng.randint(100, 999)}.{rng.randint(10, 99)}.{rng.randint(10, 99)}"


def make_be_ecole_parents(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("fr_FR", 2)
    fb = _faker("nl_BE", 22)
    towns = [("Liège", 4000), ("Namur", 5000), ("Charleroi", 6000), ("Mons", 7000), ("Wavre", 1300),
             ("Tournai", 7500), ("Verviers", 4800), ("Ottignies", 1340), ("Nivelles", 1400), ("Arlon", 6700),
             ("Huy", 4500), ("Gembloux", 5030), ("Waterloo", 1410), ("Ixelles", 1050), ("Uccle", 1180),
             ("Jambes", 5100), ("Herstal", 4040), ("Seraing", 4100), ("Dinant", 5500), ("Spa", 4900)]
    remarks = ["Allergie aux arachides - voir fiche médicale.", "Autorisé à rentrer seul.", "",
               "Sortie scolaire: autorisation signée.", "Cours de néerlandais renforcé.\nSuivi logopédie le jeudi.",
               "Végétarien.", "Régime sans porc.", "Photo de classe: pas de diffusion."]
    out = []
    for i in range(n):
        last = f.last_name()
        dob = dt.date(2010, 9, 1) + dt.timedelta(days=rng.randint(0, 365 * 9))
        town, cp = rng.choice(towns)
        two = rng.random() < 0.55
        out.append({
            "N° élève": f"{2024}{i + 1:05d}",
            "Classe": f"{rng.randint(1, 6)}{rng.choice(['P', 'P', 'S'])}-{rng.choice('ABC')}",
            "NOM élève": last.upper(),
            "Prénom élève": f.first_name(),
            "Date de naissance": dob.strftime("%d/%m/%Y"),
            "N° registre national": _gap(rng, _niss(rng, dob), 0.1, ("",)),
            "Responsable 1 - nom/prénom": f"{last.upper()} {f.first_name()}",
            "GSM resp. 1": _phone_be(rng),
            "E-mail resp. 1": f.email(),
            "Responsable 2": f"{f.last_name().upper()} {f.first_name()}" if two else "",
            "Tél. resp. 2": _phone_be(rng, rng.random() < 0.7) if two else "",
            "Adresse": f"{f.street_name()} {rng.randint(1, 240)}" + rng.choice(["", "", f" bte {rng.randint(1, 12)}"]),
            "Code postal": cp + rng.choice([0, 0, 0, 1, 2]) if cp % 1000 else cp,
            "Localité": town,
            "Compte domiciliation": _gap(rng, fb.iban() if rng.random() < 0.5 else
                                         " ".join(fb.iban()[k:k + 4] for k in range(0, 16, 4)), 0.4, ("",)),
            "Repas chauds": rng.choice(["oui", "non"]),
            "Garderie": rng.choice(["matin", "soir", "matin+soir", "non"]),
            "Montant dû (€)": f"{rng.randint(0, 180)},{rng.choice(['00', '50', '25'])}",
            "Remarques": rng.choice(remarks),
            "Date inscription": (dt.date(2023, 5, 1) + dt.timedelta(days=rng.randint(0, 400))).strftime("%d/%m/%Y"),
        })
    return pd.DataFrame(out)


def _nif(rng: random.Random) -> str:
    body = str(rng.choice([1, 2, 3])) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    s = sum(int(c) * (9 - k) for k, c in enumerate(body))
    chk = 11 - s % 11
    return body + str(0 if chk >= 10 else chk)


def make_pt_sinistros(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("pt_PT", 3)
    ramos = ["Automóvel", "Habitação", "Acidentes de Trabalho", "Responsabilidade Civil", "Saúde"]
    estados = ["Aberto", "Em peritagem", "Pago", "Recusado", "Encerrado"]
    descr = ["Colisão traseira em semáforo.", "Infiltração de água no teto da cozinha.",
             "Quebra de vidro frontal por projeção de pedra.", "Furto de bicicleta na garagem do prédio.",
             "Queda em obra, entorse do tornozelo.\nBaixa médica de 15 dias.", "Danos elétricos após trovoada.",
             "Embate em poste durante manobra de estacionamento.", ""]
    letters = "ABCDEFGHIJKLMNOPRSTUVXZ"
    out = []
    for i in range(n):
        dob = _dob(rng, 18, 88)
        ramo = rng.choice(ramos)
        occ = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1250))
        nif = _nif(rng)
        plate = (f"{rng.choice(letters)}{rng.choice(letters)}-{rng.randint(10, 99)}-{rng.choice(letters)}"
                 f"{rng.choice(letters)}" if rng.random() < 0.5 else
                 f"{rng.randint(10, 99)}-{rng.choice(letters)}{rng.choice(letters)}-{rng.randint(10, 99)}")
        out.append({
            "N.º Sinistro": f"SN{occ.year}/{i + 1:06d}",
            "N.º Apólice": f"{rng.randint(10, 99)}.{rng.randint(100000, 999999)}",
            "Ramo": ramo,
            "Tomador do Seguro": f.name(),
            "NIF Tomador": nif if rng.random() > 0.2 else f"PT{nif}",
            "Data Nasc.": dob.strftime("%d-%m-%Y"),
            "Morada": f.street_address(),
            "Cód. Postal": f.postcode(),
            "Localidade": f.city(),
            "Telemóvel": rng.choice([f.phone_number(), f"9{rng.randint(1, 6)}{rng.randint(1000000, 9999999)}"]),
            "Email": _gap(rng, f.email(), 0.15, (None, "")),
            "Lesado / Terceiro": _gap(rng, f.name(), 0.65, (None,)),
            "Matrícula": plate if ramo == "Automóvel" else None,
            "Data Ocorrência": occ.isoformat(),
            "Local Ocorrência": f"{f.street_name()}, {f.city()}" if rng.random() < 0.6 else f.city(),
            "Descrição": rng.choice(descr),
            "Valor Reclamado (€)": round(rng.uniform(80, 25000), 2),
            "Franquia": rng.choice(["0", "150", "250", "500", "2%"]),
            "Estado": rng.choice(estados),
            "IBAN p/ Indemnização": _gap(rng, f.iban(), 0.3, (None,)),
            "Perito Responsável": f"{f.first_name()} {f.last_name()}",
            "Nº Cartão Cidadão": _gap(rng, f"{rng.randint(10000000, 39999999)} {rng.randint(0, 9)} "
                                            f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(0, 9)}", 0.4, (None,)),
        })
    return pd.DataFrame(out).astype("string")


def _pnr(rng: random.Random, dob: dt.date) -> str:
    body = f"{dob:%y%m%d}{rng.randint(0, 999):03d}"
    chk = _luhn_digit_se(body)
    full = f"{dob:%Y%m%d}-{body[6:]}{chk}"
    return full if rng.random() < 0.6 else f"{dob:%y%m%d}-{body[6:]}{chk}"


def _luhn_digit_se(digits: str) -> str:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _phone_se(rng: random.Random) -> str:
    p = rng.choice(["70", "72", "73", "76", "79"])
    a, b, c = rng.randint(100, 999), rng.randint(10, 99), rng.randint(10, 99)
    return rng.choice([f"0{p}-{a} {b} {c}", f"+46 {p} {a} {b} {c}", f"0{p}{a}{b}{c}"])


def make_se_tandvard(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("sv_SE", 4)
    journal = ["Kontroll utan anmärkning. Rek. fluorskölj.", "Karies 16 d, fyllning komposit.",
               "Tandsten avlägsnad.\nInstruktion mellanrumsborste.", "Rotbehandling 36 påbörjad, kallas åter.",
               "Bettskena utlämnad.", "Röntgen bitewing x2.", "", "Akut besök - värk 46, trepanering."]
    dentists = [f"{f.first_name()} {f.last_name()}" for _ in range(14)]
    out = []
    for i in range(n):
        dob = _dob(rng, 3, 92)
        last = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
        has_rel = dob > dt.date(2006, 6, 30) or rng.random() < 0.2
        out.append({
            "patient_id": 5000000 + i * 3,
            "Personnummer": _pnr(rng, dob),
            "Förnamn": f.first_name(),
            "Efternamn": f.last_name(),
            "Födelsedatum": dob.isoformat(),
            "Gatuadress": f.street_address(),
            "Postnr": f.postcode() if rng.random() < 0.5 else f"{f.postcode()[:3]} {f.postcode()[3:]}",
            "Postort": f.city().upper() if rng.random() < 0.4 else f.city(),
            "Mobilnr": _gap(rng, _phone_se(rng), 0.08, ("", None)),
            "E-post": _gap(rng, f.email(), 0.25, ("", None)),
            "Anhörig namn": f.name() if has_rel else None,
            "Anhörig tel": _phone_se(rng) if has_rel else None,
            "Behandlare": rng.choice(dentists),
            "Senaste besök": last.isoformat(),
            "Nästa kallelse": (last + dt.timedelta(days=rng.choice([180, 365, 540, 730]))).isoformat(),
            "Åtgärdskod": rng.choice([101, 103, 107, 111, 113, 301, 302, 311, 501, 522]),
            "Arvode (kr)": float(rng.choice([550, 895, 1175, 1450, 2390, 4120])),
            "Högkostnadsskydd": rng.choice([True, False]),
            "Journalanteckning": rng.choice(journal),
            "Frikort": rng.choice(["", "", "nej", "ja"]),
            "1177 inloggad": rng.choice([True, False, None]),
        })
    return pd.DataFrame(out)


def _rodne_cislo(rng: random.Random, dob: dt.date, female: bool) -> str:
    mm = dob.month + (50 if female else 0)
    base = int(f"{dob:%y}{mm:02d}{dob:%d}{rng.randint(0, 999):03d}")
    chk = base % 11 % 10
    s = f"{base:09d}{chk}"
    return f"{s[:6]}/{s[6:]}" if rng.random() < 0.8 else s


def make_cz_autoservis(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("cs_CZ", 5)
    brands = ["Škoda Octavia", "Škoda Fabia", "VW Golf", "Hyundai i30", "Toyota Corolla", "Dacia Duster",
              "Ford Focus", "Kia Ceed", "Škoda Superb", "Peugeot 308"]
    notes = ["Výměna oleje a filtrů.", "STK + emise.", "Výměna brzdových destiček vpředu.",
             "Zákazník čeká na opravu.\nNáhradní vůz zapůjčen.", "", "Pneuservis - přezutí na zimní.",
             "Diagnostika, chyba P0420."]
    techs = [f"{f.first_name_male()} {f.last_name_male()}" for _ in range(9)]
    banks = ["0100", "0300", "0800", "2010", "0600", "5500", "3030"]
    out = []
    for i in range(n):
        female = rng.random() < 0.4
        name = (f"{f.first_name_female()} {f.last_name_female()}" if female
                else f"{f.first_name_male()} {f.last_name_male()}")
        dob = _dob(rng, 18, 85)
        psc = f.postcode()
        price = round(rng.uniform(450, 38000), 2)
        acct = f"{rng.randint(100000, 9999999999)}/{rng.choice(banks)}"
        out.append({
            "Č. zakázky": f"Z{2024}-{i + 1:05d}",
            "Zákazník": name,
            "Rodné číslo": _gap(rng, _rodne_cislo(rng, dob, female), 0.3, ("", None)),
            "Datum narození": dob.strftime("%d.%m.%Y"),
            "Ulice a č.p.": f.street_address(),
            "PSČ": int(psc.replace(" ", "")) if rng.random() < 0.5 else psc,
            "Obec": f.city(),
            "Telefon": rng.choice([f"+420 {rng.randint(601, 799)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                                   f"{rng.randint(601, 799)}{rng.randint(100000, 999999)}"]),
            "E-mail": _gap(rng, f.email(), 0.2, ("", None)),
            "Číslo účtu": _gap(rng, acct if rng.random() < 0.8 else f"{rng.randint(19, 99)}-{acct}", 0.5, ("", None)),
            "Číslo OP": _gap(rng, f"{rng.randint(100000000, 299999999)}", 0.7, ("", None)),
            "SPZ": f"{rng.randint(1, 9)}{rng.choice('ABCEHJKLMPSTUZ')}{rng.randint(0, 9)} {rng.randint(1000, 9999)}",
            "VIN": "TMB" + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(14)),
            "Značka / model": rng.choice(brands),
            "Stav tachometru (km)": rng.randint(3000, 390000),
            "Datum přijetí": (dt.datetime(2024, 1, 2, 7, 30) + dt.timedelta(minutes=rng.randint(0, 260000))),
            "Cena bez DPH": price,
            "DPH 21%": round(price * 0.21, 2),
            "Technik": rng.choice(techs),
            "Poznámka": rng.choice(notes),
            "Věrnostní karta": _gap(rng, f"VK{rng.randint(100000, 999999)}", 0.5, ("", None)),
        })
    return pd.DataFrame(out)


def _ni(rng: random.Random) -> str:
    pre = rng.choice(["AB", "CE", "JG", "KL", "NP", "SW", "TN", "WL", "PR", "HT"])
    d = f"{rng.randint(0, 999999):06d}"
    return rng.choice([f"{pre}{d}{rng.choice('ABCD')}", f"{pre} {d[:2]} {d[2:4]} {d[4:]} {rng.choice('ABCD')}"])


def make_courier_payouts(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _faker("en_GB", 6)
    fi = _faker("en_IE", 66)
    vehicles = ["bicycle", "e-bike", "scooter", "motorbike", "car"]
    out = []
    for i in range(n):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 18, 64)
        ps = dt.date(2024, 1, 1) + dt.timedelta(days=7 * rng.randint(0, 25))
        deliveries = rng.randint(0, 160)
        base = round(deliveries * rng.uniform(3.1, 4.6), 2)
        tips = round(rng.uniform(0, 90), 2)
        adj = rng.choice([0.0, 0.0, -5.0, 12.5, -20.0])
        card = f.credit_card_number(card_type=rng.choice(["visa16", "mastercard"]))
        out.append({
            "payout_id": f"po_{rng.getrandbits(48):012x}",
            "Courier ID": 700000 + i,
            "Courier Name": f"{first} {last}",
            "Rider Handle": rng.choice([f"{first.lower()}{last[0].lower()}{rng.randint(1, 99)}",
                                        f"{first[0].lower()}.{last.lower()}", f"{last.lower()}_rides",
                                        f.user_name()]),
            "Email Address": f.email(),
            "Mobile": rng.choice([f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                                  f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}"]),
            "Date of Birth": dob.strftime("%d/%m/%Y"),
            "NI Number": _gap(rng, _ni(rng), 0.1, ("", "pending")),
            "UTR": float(rng.randint(10**9, 10**10 - 1)) if rng.random() < 0.6 else None,
            "Sort Code / Acct No": _gap(rng, f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)} "
                                             f"{rng.randint(10**7, 10**8 - 1)}", 0.25, ("",)),
            "IBAN (non-UK)": fi.iban() if rng.random() < 0.15 else "",
            "Home Address": f.street_address().replace("\n", ", ") + f", {f.city()}",
            "Postcode": f.postcode(),
            "Zone": f"ZN-{rng.choice(['LDN', 'MAN', 'BHM', 'LDS', 'GLA', 'BRS'])}-{rng.randint(1, 24):02d}",
            "Vehicle": rng.choice(vehicles),
            "Period Start": ps.isoformat(),
            "Period End": (ps + dt.timedelta(days=6)).isoformat(),
            "Deliveries": deliveries,
            "Distance (km)": round(deliveries * rng.uniform(2.0, 5.5), 1),
            "Base Pay (GBP)": base,
            "Tips": tips,
            "Adjustments": adj,
            "Total Payout": round(base + tips + adj, 2),
            "Instant Payout Card": card if rng.random() < 0.35 else "",
            "Card (masked)": f"**** {rng.randint(0, 9999):04d}",
            "Device IP": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
            "App Version": f"{rng.randint(4, 6)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
            "Last Login (UTC)": (dt.datetime(2024, 6, 1) + dt.timedelta(seconds=rng.randint(0, 2_500_000)))
            .strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Active": rng.choice(["TRUE", "FALSE", "TRUE"]),
        })
    return pd.DataFrame(out)


_MAKERS = {
    "ca_tenants": make_ca_tenants,
    "be_ecole_parents": make_be_ecole_parents,
    "pt_sinistros": make_pt_sinistros,
    "se_tandvard_patienter": make_se_tandvard,
    "cz_autoservis_zakaznici": make_cz_autoservis,
    "courier_payouts": make_courier_payouts,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; each has between 1,000 and 2,000 rows (a share of `rows`)."""
    return {t: _MAKERS[t](_n(rows, t)) for t in TABLES}


def _write(table: str, df: pd.DataFrame, path: Path) -> None:
    if table == "ca_tenants":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif table == "be_ecole_parents":
        df.to_csv(path, index=False, sep=";", encoding="cp1252")
    elif table == "pt_sinistros":
        df.to_parquet(path, index=False)
    elif table == "se_tandvard_patienter":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    elif table == "cz_autoservis_zakaznici":
        df.to_excel(path, index=False, sheet_name="Zákazníci", engine="openpyxl")
    else:
        df.to_csv(path, index=False, sep="\t", encoding="utf-8")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created); return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table, df in make_tables(rows).items():
        path = out_dir / _FILES[table][0]
        _write(table, df, path)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout46.py OUT_DIR [ROWS]")
    for t, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(t, p)
