"""Blind held-out tables #7 for the PII scanner accuracy benchmark.

Five exports from five kinds of systems, written without looking at the scanner:

* ``br_fidelidade_clientes``  -- Brazilian (pt-BR) retail loyalty / CRM export, CSV ``;`` cp1252
* ``fi_kirjasto_asiakkaat``   -- Finnish public-library patron register, Excel (.xlsx)
* ``us_tenant_lease_roll``    -- US property-management tenant / lease roll, Parquet
* ``ro_rezervari_zbor``       -- Romanian airline booking export, JSON Lines
* ``cc_interaction_log``      -- English call-centre interaction log, CSV (UTF-8 with BOM)

Labels live in ``labels.yaml`` next to this file (written by hand). Seeded (7070) and deterministic.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 7070
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "br_fidelidade_clientes",
    "fi_kirjasto_asiakkaat",
    "us_tenant_lease_roll",
    "ro_rezervari_zbor",
    "cc_interaction_log",
)

_FILES = {
    "br_fidelidade_clientes": "br_fidelidade_clientes.csv",
    "fi_kirjasto_asiakkaat": "fi_kirjasto_asiakkaat.xlsx",
    "us_tenant_lease_roll": "us_tenant_lease_roll.parquet",
    "ro_rezervari_zbor": "ro_rezervari_zbor.jsonl",
    "cc_interaction_log": "cc_interaction_log.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    return {table: dict(doc[table]["columns"]) for table in TABLES}


# ----------------------------------------------------------------------------- helpers


def _ascii(text: str) -> str:
    """Strip accents for e-mail local parts."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    fi = _ascii(first).replace(" ", "")
    la = _ascii(last).split()[-1].replace("'", "")
    style = rng.random()
    if style < 0.35:
        local = f"{fi}.{la}"
    elif style < 0.55:
        local = f"{fi[0]}{la}"
    elif style < 0.75:
        local = f"{fi}{la}{rng.randint(1, 99)}"
    elif style < 0.9:
        local = f"{fi}_{la[:4]}{rng.randint(60, 99)}"
    else:
        local = f"{la}.{fi}"
    return f"{local}@{rng.choice(domains)}"


def _blank(rng: random.Random, value, p: float, fillers=("",)):
    """Return value, or (with probability p) one of fillers."""
    return rng.choice(fillers) if rng.random() < p else value


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


# ----------------------------------------------------------------------------- (a) Brazil

_BR_CITIES = sorted(
    [
        ("São Paulo", "SP", "0"), ("Campinas", "SP", "1"), ("Santos", "SP", "1"), ("Sorocaba", "SP", "1"),
        ("Ribeirão Preto", "SP", "1"), ("São José dos Campos", "SP", "1"), ("Rio de Janeiro", "RJ", "2"),
        ("Niterói", "RJ", "2"), ("Petrópolis", "RJ", "2"), ("Vitória", "ES", "2"), ("Belo Horizonte", "MG", "3"),
        ("Uberlândia", "MG", "3"), ("Juiz de Fora", "MG", "3"), ("Salvador", "BA", "4"), ("Feira de Santana", "BA", "4"),
        ("Aracaju", "SE", "4"), ("Recife", "PE", "5"), ("Maceió", "AL", "5"), ("João Pessoa", "PB", "5"),
        ("Natal", "RN", "5"), ("Fortaleza", "CE", "6"), ("Teresina", "PI", "6"), ("Belém", "PA", "6"),
        ("Manaus", "AM", "6"), ("Goiânia", "GO", "7"), ("Brasília", "DF", "7"), ("Cuiabá", "MT", "7"),
        ("Curitiba", "PR", "8"), ("Londrina", "PR", "8"), ("Joinville", "SC", "8"), ("Florianópolis", "SC", "8"),
        ("Porto Alegre", "RS", "9"), ("Caxias do Sul", "RS", "9"), ("Pelotas", "RS", "9"),
        ("Campo Grande", "MS", "7"),
    ]
)
_BR_DDD = {"SP": ["11", "19", "13", "15", "16", "12"], "RJ": ["21", "24"], "ES": ["27"], "MG": ["31", "34", "32"],
           "BA": ["71", "75"], "SE": ["79"], "PE": ["81"], "AL": ["82"], "PB": ["83"], "RN": ["84"], "CE": ["85"],
           "PI": ["86"], "PA": ["91"], "AM": ["92"], "GO": ["62"], "DF": ["61"], "MT": ["65"], "PR": ["41", "43"],
           "SC": ["47", "48"], "RS": ["51", "54", "53"], "MS": ["67"]}
_BR_MAIL = ["gmail.com", "hotmail.com", "yahoo.com.br", "uol.com.br", "bol.com.br", "outlook.com", "terra.com.br"]
_BR_OBS = [
    "", "", "", "Cliente pediu 2a via do cartão", "Migrado do sistema antigo", "Reclamou do prazo de entrega",
    "Troca de produto aprovada pela gerência", "Não deseja receber ligações", "Cadastro atualizado no PDV",
    "Pontos expirados estornados\nconforme chamado interno", "Bonificação aniversário loja",
]


def _br_phone(rng: random.Random, uf: str, mobile: bool) -> str:
    ddd = rng.choice(_BR_DDD[uf])
    if mobile:
        a, b = f"9{rng.randint(6000, 9999)}", f"{rng.randint(0, 9999):04d}"
    else:
        a, b = f"{rng.randint(2, 5)}{rng.randint(0, 999):03d}", f"{rng.randint(0, 9999):04d}"
    style = rng.random()
    if style < 0.5:
        return f"({ddd}) {a}-{b}"
    if style < 0.7:
        return f"+55 {ddd} {a}-{b}"
    if style < 0.9:
        return f"{ddd}{a}{b}"
    return f"0{ddd} {a}{b}"


def _make_br(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("pt_BR", 1)
    out = []
    for i in range(rows):
        first, last = f.first_name(), f"{f.last_name()} {f.last_name()}" if rng.random() < 0.6 else f.last_name()
        full = f"{first} {last}"
        if rng.random() < 0.2:
            full = full.upper()
        city, uf, cep0 = rng.choice(_BR_CITIES)
        cep_digits = f"{cep0}{rng.randint(0, 9999999):07d}"
        cep_style = rng.random()
        if cep_style < 0.6:
            cep = f"{cep_digits[:5]}-{cep_digits[5:]}"
        elif cep_style < 0.85:
            cep = cep_digits.lstrip("0")  # leading zero lost in a spreadsheet round-trip
        else:
            cep = cep_digits
        cpf = f.cpf()
        cpf_style = rng.random()
        if cpf_style < 0.3:
            cpf = cpf.replace(".", "").replace("-", "")
        elif cpf_style < 0.38:
            cpf = cpf.replace(".", "").replace("-", "").lstrip("0")
        elif cpf_style < 0.45:
            cpf = ""
        rg = f.rg()
        rg = f"{rg[:2]}.{rg[2:5]}.{rg[5:8]}-{rg[8:]}" if rng.random() < 0.5 else rg
        rg = _blank(rng, rg, 0.45)
        dob = _date_between(rng, dt.date(1945, 1, 1), dt.date(2006, 12, 31))
        dob_s = dob.strftime("%d/%m/%Y") if rng.random() < 0.8 else dob.isoformat()
        street = f.street_name()
        num = rng.randint(1, 4200)
        compl = rng.choice(["", "", "", f" - Apto {rng.randint(11, 1804)}", f" - Bloco {rng.choice('ABCD')}",
                            " - Casa 2", " - Fundos"])
        endereco = f"{street}, {num}{compl}" if rng.random() < 0.8 else f"{street} {num}{compl}".upper()
        cadastro = _date_between(rng, dt.date(2014, 1, 1), dt.date(2024, 6, 30))
        ult = dt.datetime.combine(_date_between(rng, cadastro, dt.date(2024, 9, 30)),
                                  dt.time(rng.randint(8, 21), rng.randint(0, 59)))
        compras = round(rng.lognormvariate(6.5, 1.1), 2)
        out.append({
            "ID_CLIENTE": 100000 + i * 7 + rng.randint(0, 6),
            "Nome Completo": full,
            "CPF": cpf,
            "RG": rg,
            "Dt. Nasc.": _blank(rng, dob_s, 0.08),
            "Sexo": rng.choice(["F", "M", "F", "M", "", "N/I"]),
            "E-mail": _blank(rng, _email(rng, first, last, _BR_MAIL), 0.15, ("", "", "nao possui")),
            "Celular": _blank(rng, _br_phone(rng, uf, True), 0.05),
            "Tel. Residencial": _blank(rng, _br_phone(rng, uf, False), 0.65),
            "Endereço": endereco,
            "Bairro": _blank(rng, f.bairro(), 0.05),
            "Cidade": city if rng.random() < 0.8 else _ascii(city).upper(),
            "UF": uf,
            "CEP": cep,
            "Cod. Loja": f"L{rng.randint(1, 148):03d}",
            "Cartão Fidelidade": f"2900{rng.randint(0, 999999999):09d}",
            "Nível": rng.choice(["Bronze", "Bronze", "Bronze", "Prata", "Prata", "Ouro", "Diamante"]),
            "Saldo Pontos": rng.randint(0, 48000),
            "Total Compras (R$)": f"{compras:,.2f}".replace(",", "X").replace(".", ",").replace("X", "."),
            "Data Cadastro": cadastro.strftime("%d/%m/%Y"),
            "Ult. Compra": ult.strftime("%d/%m/%Y %H:%M") if rng.random() < 0.5 else ult.strftime("%d/%m/%Y"),
            "Canal Cadastro": rng.choice(["LOJA", "APP", "SITE", "TOTEM", "CALL CENTER"]),
            "Aceita SMS": rng.choice(["S", "N", "S", "S", ""]),
            "Aceita E-mail Mkt": rng.choice(["Sim", "Não", "Sim"]),
            "Obs": rng.choice(_BR_OBS),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- (b) Finland

_FI_BRANCHES = sorted(["Pääkirjasto", "Itäkeskuksen kirjasto", "Kallion kirjasto", "Tikkurilan kirjasto",
                       "Lippulaivan kirjasto", "Sellon kirjasto", "Oodi", "Kirjastoauto Helmi",
                       "Pasilan kirjasto", "Myyrmäen kirjasto"])
_FI_MAIL = ["gmail.com", "outlook.com", "hotmail.fi", "luukku.com", "suomi24.fi", "elisanet.fi", "kolumbus.fi"]
_FI_NOTES = ["", "", "", "", "Kortti kadonnut, uusi kortti annettu", "Laskutus perintään 2023",
             "Kotipalveluasiakas", "Lainauskielto poistettu", "Ei saa lainata DVD-levyjä (K18)",
             "Siirretty Helmet-kimppaan\nvanhasta järjestelmästä", "Varaukset noudetaan lähikirjastosta"]


def _fi_phone(rng: random.Random) -> str:
    pre = rng.choice(["040", "041", "044", "045", "046", "050", "09"])
    n = f"{rng.randint(0, 9999999):07d}"
    style = rng.random()
    if style < 0.4:
        return f"{pre} {n}"
    if style < 0.65:
        return f"{pre} {n[:3]} {n[3:]}"
    if style < 0.85:
        return f"+358 {pre[1:]} {n[:3]} {n[3:]}"
    return f"{pre}-{n}"


def _hetu_to_date(hetu: str) -> dt.date:
    century = {"+": 1800, "-": 1900, "A": 2000}.get(hetu[6], 1900 if hetu[6] in "YXWVU" else 2000)
    return dt.date(century + int(hetu[4:6]), int(hetu[2:4]), int(hetu[0:2]))


def _make_fi(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("fi_FI", 2)
    cities = sorted(set(f.provider("faker.providers.address").cities))
    out = []
    for _i in range(rows):
        group = rng.choice(["Aikuinen"] * 6 + ["Lapsi", "Lapsi", "Opiskelija", "Eläkeläinen", "Laitos"])
        if group == "Lapsi":
            hetu = f.ssn(min_age=4, max_age=14)
        elif group == "Opiskelija":
            hetu = f.ssn(min_age=16, max_age=29)
        elif group == "Eläkeläinen":
            hetu = f.ssn(min_age=64, max_age=92)
        else:
            hetu = f.ssn(min_age=18, max_age=80)
        dob = _hetu_to_date(hetu)
        first = f.first_name() if rng.random() < 0.6 else f"{f.first_name()} {f.first_name()}"
        last = f.last_name()
        pc = f.postcode()
        if rng.random() < 0.35:
            pc = f"00{rng.randint(10, 99)}0"
        pc_val: object = int(pc) if rng.random() < 0.55 else pc  # Excel ate the leading zeros on some rows
        city = "Helsinki" if pc.startswith("00") else rng.choice(cities)
        if rng.random() < 0.15:
            city = city.upper()
        last_loan = _date_between(rng, dt.date(2019, 1, 1), dt.date(2024, 10, 15))
        guardian = ""
        if group == "Lapsi":
            guardian = f"{f.first_name()} {last}" if rng.random() < 0.85 else f"{last} {f.first_name()}"
        web_user = ""
        if rng.random() < 0.4:
            a, b = _ascii(first.split()[0]), _ascii(last)
            web_user = rng.choice([f"{a}{b[0]}", f"{a[:1]}{b}{rng.randint(1, 99)}", f"{a}.{b}", f"{b}{a[:2]}"])
        out.append({
            "Asiakasnumero": f"2{rng.randint(0, 99999999999999):014d}",
            "Sukunimi": last,
            "Etunimet": first,
            "Henkilötunnus": _blank(rng, hetu, 0.1),
            "Syntymäaika": _blank(rng, f"{dob.day}.{dob.month}.{dob.year}", 0.05),
            "Lähiosoite": f.street_address() if rng.random() < 0.9 else f"{f.street_address()} B {rng.randint(1, 40)}",
            "Postinumero": pc_val,
            "Postitoimipaikka": city,
            "Puhelin": _blank(rng, _fi_phone(rng), 0.2),
            "Sähköposti": _blank(rng, _email(rng, first.split()[0], last, _FI_MAIL), 0.25),
            "Verkkotunnus": web_user,
            "Huoltaja": guardian,
            "Asiakasryhmä": group,
            "Kotikirjasto": rng.choice(_FI_BRANCHES),
            "Asiointikieli": rng.choice(["suomi"] * 7 + ["svenska", "English", "русский"]),
            "Lainat (kpl)": rng.randint(0, 30) if rng.random() < 0.9 else 0,
            "Varaukset": rng.randint(0, 12),
            "Maksut €": f"{rng.choice([0, 0, 0, 0.4, 1.2, 2.4, 5.0, 12.8, 20.0]):.2f}".replace(".", ","),
            "Viimeisin lainaus": last_loan.strftime("%d.%m.%Y"),
            "Kortti voimassa": (last_loan + dt.timedelta(days=rng.choice([365, 730, 1095]))).strftime("%d.%m.%Y"),
            "PIN asetettu": rng.choice(["K", "E", "K"]),
            "Huomautukset": rng.choice(_FI_NOTES),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- (c) US property management

_US_PROPS = [
    ("Oakwood Commons", "1420 Maple Ridge Dr", "Columbus", "OH", "43215"),
    ("The Residences at Harbor Point", "88 Seaport Blvd", "Boston", "MA", "02210"),
    ("Pinecrest Villas", "3301 W Camelback Rd", "Phoenix", "AZ", "85017"),
    ("Riverbend Apartments", "500 River Rd", "Edgewater", "NJ", "07020"),
    ("Lakeshore Towers", "4800 N Marine Dr", "Chicago", "IL", "60640"),
    ("Magnolia Park", "2210 Peachtree Rd NW", "Atlanta", "GA", "30309"),
    ("Cedar Hollow Townhomes", "17 Cedar Hollow Ln", "Hartford", "CT", "06105"),
    ("Sunset Gardens", "9125 Sunset Blvd", "Los Angeles", "CA", "90069"),
    ("Bluebonnet Flats", "1200 E 6th St", "Austin", "TX", "78702"),
    ("Summit View", "7455 E Hampden Ave", "Denver", "CO", "80231"),
]
_US_NOTES = ["", "", "", "Renewal offer sent", "Late fee waived per PM", "Pet addendum on file",
             "Notice to vacate received", "Parking spot #14 assigned", "Maintenance: HVAC filter replaced",
             "Payment plan agreed,\n3 installments", "Roommate swap pending approval", "Lease signed via DocuSign"]


def _us_phone(rng: random.Random) -> str:
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    style = rng.random()
    if style < 0.45:
        return f"({a}) {b}-{c:04d}"
    if style < 0.7:
        return f"{a}-{b}-{c:04d}"
    if style < 0.85:
        return f"{a}.{b}.{c:04d}"
    return f"+1{a}{b}{c:04d}"


def _aba(rng: random.Random) -> str:
    d = [rng.randint(0, 9) for _ in range(8)]
    d[0] = rng.choice([0, 1, 2, 3])
    s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
    return "".join(map(str, d)) + str((10 - s % 10) % 10)


def _make_us(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("en_US", 3)
    out = []
    for _i in range(rows):
        prop, street, city, st, zip_ = rng.choice(_US_PROPS)
        unit = f"{rng.randint(1, 12)}{rng.randint(1, 24):02d}"
        first, last = f.first_name(), f.last_name()
        status = rng.choice(["Current"] * 6 + ["Notice", "Past", "Future", "Eviction"])
        lease_from = _date_between(rng, dt.date(2019, 1, 1), dt.date(2024, 9, 1))
        term = rng.choice([6, 12, 12, 12, 13, 18, 24])
        lease_to = lease_from + dt.timedelta(days=30 * term)
        rent = float(rng.randrange(950, 4200, 5))
        ssn = f.ssn()
        ssn_style = rng.random()
        if ssn_style < 0.25:
            ssn = ssn.replace("-", "")
        elif ssn_style < 0.35:
            ssn = ""
        dob = _date_between(rng, dt.date(1942, 1, 1), dt.date(2005, 6, 30))
        autopay = rng.random() < 0.35
        co = f"{f.first_name()} {last if rng.random() < 0.5 else f.last_name()}" if rng.random() < 0.3 else None
        fwd = None
        if status == "Past" or (status == "Notice" and rng.random() < 0.5):
            fwd = f.address().replace("\n", ", ")
        out.append({
            "Property": prop,
            "Unit": unit,
            "Tenant Code": f"t{rng.randint(0, 9999999):07d}",
            "Tenant Name": f"{last}, {first}" if rng.random() < 0.7 else f"{first} {last}",
            "Co-Applicant": co,
            "Unit Address": f"{street} Apt {unit}, {city}, {st} {zip_}",
            "Forwarding Address": fwd,
            "Zip": float(zip_),  # read back from a spreadsheet: leading zeros gone, ".0" added
            "Phone (Cell)": _blank(rng, _us_phone(rng), 0.05, (None,)),
            "Phone (Work)": _blank(rng, _us_phone(rng), 0.7, (None,)),
            "Email": _blank(rng, _email(rng, first, last, ["gmail.com", "yahoo.com", "icloud.com", "aol.com",
                                                           "comcast.net", "outlook.com"]), 0.08, (None,)),
            "SSN": ssn,
            "DOB": dob.strftime("%m/%d/%Y") if rng.random() < 0.85 else dob.isoformat(),
            "Status": status,
            "Lease From": lease_from.isoformat(),
            "Lease To": lease_to.isoformat(),
            "Move In": (lease_from - dt.timedelta(days=rng.randint(0, 5))).strftime("%m/%d/%Y"),
            "Move Out": lease_to.strftime("%m/%d/%Y") if status == "Past" else None,
            "Rent": rent,
            "Deposit": float(rng.choice([0, 500, rent, rent * 1.5])),
            "Balance Due": round(rng.choice([0.0] * 6 + [rng.uniform(-200, 3000)]), 2),
            "Late Fees YTD": float(rng.choice([0, 0, 0, 50, 75, 100, 150])),
            "Pets": rng.choice([True, False, False, False]),
            "Card on File": rng.choice(["VISA", "MC", "AMEX", "DISC"]) + f" **** {rng.randint(0, 9999):04d}"
            if rng.random() < 0.5 else None,
            "ACH Routing #": _aba(rng) if autopay else None,
            "ACH Account #": str(rng.randint(10**7, 10**12)) if autopay else None,
            "Emergency Contact": _blank(rng, f"{f.first_name()} {f.last_name()}", 0.3, (None,)),
            "Emergency Phone": _blank(rng, _us_phone(rng), 0.35, (None,)),
            "Employer": _blank(rng, f.company(), 0.2, (None,)),
            "Annual Income": float(rng.randrange(28000, 260000, 500)),
            "Notes": rng.choice(_US_NOTES),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- (d) Romania

_RO_ROUTES = sorted(["OTP-LHR", "OTP-CDG", "OTP-FCO", "OTP-MAD", "CLJ-MUC", "IAS-BGY", "TSR-VIE", "OTP-IST",
                     "SBZ-STR", "OTP-TLV", "CND-OTP", "OTP-AMS", "CLJ-LTN", "OTP-BRU", "OTP-ATH"])
_RO_MAIL = ["yahoo.com", "gmail.com", "yahoo.ro", "hotmail.com", "outlook.com"]
_RO_AGENCIES = sorted(["Paralela 45", "Christian Tour", "Eximtur", "Dertour Romania", "direct web", "Aerotravel",
                       "Perfect Tour", "TUI TravelCenter"])
_RO_OBS = ["", "", "", "", "", "Asistenta speciala WCHR", "Meniu vegetarian", "Schimbare data zbor, fara penalitate",
           "Bagaj suplimentar achitat la aeroport", "Rezervare de grup", "Refund partial aprobat\nticket #RF-2231",
           "Infant pe genunchi"]


def _ro_phone(rng: random.Random) -> str:
    n = f"7{rng.choice(['2', '3', '4', '5', '6', '7', '8'])}{rng.randint(0, 9999999):07d}"
    style = rng.random()
    if style < 0.45:
        return f"0{n[:3]} {n[3:6]} {n[6:]}"
    if style < 0.7:
        return f"+40 {n[:3]} {n[3:6]} {n[6:]}"
    if style < 0.9:
        return f"0{n}"
    return f"0040{n}"


def _cnp(rng: random.Random, dob: dt.date, male: bool) -> str:
    """A Romanian CNP with a valid control digit (S YYMMDD JJ NNN C)."""
    sex = (1 if male else 2) if dob.year < 2000 else (5 if male else 6)
    body = f"{sex}{dob:%y%m%d}{rng.randint(1, 46):02d}{rng.randint(1, 999):03d}"
    total = sum(int(d) * w for d, w in zip(body, map(int, "279146358279"), strict=True))
    ctrl = total % 11
    return body + str(1 if ctrl == 10 else ctrl)


def _make_ro(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("ro_RO", 4)
    cities = sorted(set(f.provider("faker.providers.address").cities))
    out = []
    for i in range(rows):
        male = rng.random() < 0.5
        last = f.last_name()
        first = f.first_name_male() if male else f.first_name_female()
        dob = _date_between(rng, dt.date(1938, 1, 1), dt.date(2022, 12, 31))
        cnp = _cnp(rng, dob, male)
        child = dob.year >= 2012
        title = ("MSTR" if male else "MISS") if child else ("MR" if male else rng.choice(["MRS", "MS"]))
        flight_day = _date_between(rng, dt.date(2024, 1, 1), dt.date(2025, 3, 31))
        booked = dt.datetime.combine(flight_day, dt.time(0, 0)) - dt.timedelta(
            days=rng.randint(1, 200), minutes=rng.randint(0, 1439))
        fare = round(rng.uniform(39, 890), 2)
        doc_type = rng.random()
        if doc_type < 0.55:
            doc = f"{rng.choice(['RX', 'RT', 'XB', 'KX', 'IF', 'TZ', 'CJ', 'MZ'])}{rng.randint(0, 999999):06d}"
            doc = f"CI {doc}" if rng.random() < 0.5 else doc
        elif doc_type < 0.85:
            doc = f"PAS {rng.randint(0, 99999999):09d}" if rng.random() < 0.5 else f"0{rng.randint(50000000, 59999999)}"
        else:
            doc = None
        street = f.street_name()
        adresa = f"{street} nr. {rng.randint(1, 220)}"
        if rng.random() < 0.4:
            adresa += f", bl. {rng.choice(['A', 'B', 'C', 'M', 'P'])}{rng.randint(1, 30)}, sc. {rng.randint(1, 4)}, " \
                      f"ap. {rng.randint(1, 90)}"
        pay_card = rng.random() < 0.45
        pan = f.credit_card_number(card_type=rng.choice(["visa16", "mastercard"])) if pay_card else None
        if pan and rng.random() < 0.4:
            pan = " ".join(pan[k:k + 4] for k in range(0, len(pan), 4))
        route = rng.choice(_RO_ROUTES)
        out.append({
            "PNR": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
            "NrRezervare": 24000000 + i * 3 + rng.randint(0, 2),
            "NUME": last.upper(),
            "PRENUME": first.upper() if rng.random() < 0.6 else first,
            "Titlu": title if rng.random() < 0.93 else None,
            "CNP": cnp if rng.random() < 0.7 else None,
            "SerieNrActIdentitate": doc,
            "DataNasterii": dob.isoformat() if rng.random() < 0.9 else None,
            "Cetatenie": rng.choice(["ROU"] * 8 + ["MDA", "ITA", "DEU"]),
            "Tel_contact": _ro_phone(rng) if rng.random() < 0.9 else None,
            "Email_contact": _email(rng, first, last, _RO_MAIL) if rng.random() < 0.88 else None,
            "AdresaFacturare": adresa if rng.random() < 0.6 else None,
            "Localitate": rng.choice(cities) if rng.random() < 0.7 else None,
            "Judet": rng.choice(["Bucuresti", "Cluj", "Iasi", "Timis", "Constanta", "Brasov", "Sibiu", "Ilfov"]),
            "CodPostal": f.postcode() if rng.random() < 0.55 else None,
            "Zbor": f"{rng.choice(['RO', 'W6', 'FR', '0B', 'H4'])}{rng.randint(100, 9999)}",
            "Ruta": route,
            "DataZbor": flight_day.isoformat(),
            "OraPlecare": f"{rng.randint(5, 23):02d}:{rng.choice(['00', '05', '15', '30', '40', '50'])}",
            "DataRezervare": booked.strftime("%d.%m.%Y %H:%M"),
            "Clasa": rng.choice(["Y", "Y", "Y", "M", "B", "C", "J"]),
            "Loc": f"{rng.randint(1, 32)}{rng.choice('ABCDEF')}" if rng.random() < 0.8 else None,
            "Bagaj (kg)": float(rng.choice([0, 8, 10, 20, 23, 32])),
            "Tarif RON": fare,
            "Taxe RON": round(fare * rng.uniform(0.15, 0.45), 2),
            "NrBilet": f"281{rng.randint(0, 9999999999):010d}",
            "NrCard": pan,
            "CardMascat": (f"{pan.replace(' ', '')[:6]}******{pan.replace(' ', '')[-4:]}" if pan else None),
            "IP_client": (f.ipv4_public() if rng.random() < 0.85 else f.ipv6()) if rng.random() < 0.75 else None,
            "Utilizator": (f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}" if rng.random() < 0.5
                           else f"{_ascii(first)[:1]}{_ascii(last)}") if rng.random() < 0.55 else None,
            "Agentie": rng.choice(_RO_AGENCIES),
            "StatusRezervare": rng.choice(["CONFIRMATA", "CONFIRMATA", "EMISA", "ANULATA", "IN ASTEPTARE"]),
            "Observatii": rng.choice(_RO_OBS),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- (e) call centre

_CC_QUEUES = sorted(["Billing", "Tech Support T1", "Tech Support T2", "Retention", "Sales Inbound", "Claims",
                     "General Inquiry", "Spanish Line"])
_CC_DISPO = sorted(["Resolved", "Escalated", "Callback Scheduled", "Transferred", "Abandoned", "Voicemail",
                    "No Resolution"])
_CC_NOTES = ["", "", "pwd reset done, cust confirmed login", "billing dispute opened, ref in ticket",
             "explained late fee policy", "escalated to T2 - router firmware", "cust wants refund, sent to Retention",
             "dropped call, no callback #", "upsold premium plan", "RMA created, label emailed",
             "outage in area, ETA 4h given", "verified acct, updated plan\nneeds follow-up next cycle"]
_CC_ISSUES = ["my internet keeps dropping", "I was charged twice this month", "I want to cancel my plan",
              "the router light is blinking orange", "I never got my refund", "I need to update my payment method",
              "my bill went up without notice", "I can't log into the app"]


def _cc_transcript(rng: random.Random, agent_first: str, caller: str, phone: str) -> str:
    issue = rng.choice(_CC_ISSUES)
    lines = [
        f"AGENT: Thank you for calling, my name is {agent_first}. Who am I speaking with?",
        f"CALLER: Hi {agent_first}, this is {caller}.",
        f"AGENT: Thanks {caller.split()[0]}. How can I help today?",
        f"CALLER: Yeah, {issue}.",
    ]
    if rng.random() < 0.3:
        lines.append(f"AGENT: Is {phone} still the best number to reach you?")
        lines.append("CALLER: Yes it is.")
    lines.append(f"AGENT: Okay {caller.split()[0]}, I've made a note of that. Anything else?")
    lines.append("CALLER: No, that's all, thanks.")
    if rng.random() < 0.3:
        return " ".join(lines)
    return "\n".join(lines)


def _make_cc(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("en_US", 5)
    agents = []
    for _ in range(40):
        a_first, a_last = f.first_name(), f.last_name()
        agents.append((f"AG{rng.randint(1000, 9999)}", a_first, a_last,
                       rng.choice([f"{a_first[0]}{a_last}".lower(), f"{a_first}.{a_last}".lower(),
                                   f"{a_last[:5]}{a_first[0]}{rng.randint(1, 9)}".lower()])))
    supervisors = [f"{f.first_name()} {f.last_name()}" for _ in range(6)]
    out = []
    t = dt.datetime(2024, 8, 5, 7, 0, 0)
    for _i in range(rows):
        t += dt.timedelta(seconds=rng.randint(5, 420))
        ag_id, a_first, a_last, login = rng.choice(agents)
        c_first, c_last = f.first_name(), f.last_name()
        caller = f"{c_first} {c_last}"
        ani = _us_phone(rng)
        dur = int(rng.lognormvariate(5.6, 0.7))
        hold = rng.choice([0, 0, 0, rng.randint(5, 600)])
        dispo = rng.choice(_CC_DISPO)
        abandoned = dispo == "Abandoned"
        dob = _date_between(rng, dt.date(1940, 1, 1), dt.date(2004, 12, 31))
        out.append({
            "Interaction ID": f"{rng.randint(10**11, 10**12 - 1)}",
            "Start Time": t.strftime("%Y-%m-%d %H:%M:%S"),
            "End Time": (t + dt.timedelta(seconds=dur)).strftime("%Y-%m-%d %H:%M:%S"),
            "Duration (sec)": dur,
            "Hold (sec)": hold,
            "Queue": rng.choice(_CC_QUEUES),
            "Site": rng.choice(["TPA-2", "PHX-1", "MNL-3", "RMT"]),
            "Agent ID": ag_id,
            "Agent Name": f"{a_first} {a_last}" if rng.random() < 0.7 else f"{a_last}, {a_first}",
            "Agent Login": login,
            "Supervisor": rng.choice(supervisors),
            "Caller Name": "" if abandoned else (caller if rng.random() < 0.85 else "UNKNOWN"),
            "ANI": ani if rng.random() < 0.92 else "Anonymous",
            "DNIS": rng.choice(["18005550142", "18885550199", "8665550123"]),
            "Callback #": _us_phone(rng) if dispo == "Callback Scheduled" or rng.random() < 0.1 else "",
            "Cust Email": _email(rng, c_first, c_last, ["gmail.com", "yahoo.com", "hotmail.com", "att.net"])
            if rng.random() < 0.6 else "",
            "Caller DOB (verified)": dob.strftime("%m/%d/%Y") if rng.random() < 0.45 else "",
            "Caller ZIP": f"{rng.randint(1001, 99950):05d}" if rng.random() < 0.6 else "",
            "Account #": f"{rng.randint(10**8, 10**9 - 1)}" if rng.random() < 0.8 else "n/a",
            "Disposition": dispo,
            "Wrap Code": f"WC-{rng.randint(10, 99)}",
            "Transfer To": rng.choice(_CC_QUEUES) if dispo == "Transferred" else "",
            "CSAT (1-5)": float(rng.randint(1, 5)) if rng.random() < 0.35 else None,
            "Sentiment": round(rng.uniform(-1, 1), 3),
            "Recording Consent": rng.choice(["Y", "Y", "Y", "N"]),
            "Recording URL": f"https://rec.contactcenter.local/calls/2024/08/{rng.randint(10**11, 10**12 - 1)}.wav",
            "Agent Notes": rng.choice(_CC_NOTES),
            "Transcript (auto)": "" if abandoned else _cc_transcript(rng, a_first, caller, ani),
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- public API

_MAKERS = {
    "br_fidelidade_clientes": _make_br,
    "fi_kirjasto_asiakkaat": _make_fi,
    "us_tenant_lease_roll": _make_us,
    "ro_rezervari_zbor": _make_ro,
    "cc_interaction_log": _make_cc,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory (deterministic for a given row count)."""
    return {name: _MAKERS[name](rows) for name in TABLES}


def _write_xlsx(df: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Asiakkaat"
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append([None if (isinstance(v, str) and v == "") else v for v in row])
    fixed = dt.datetime(2024, 10, 16, 8, 30, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "Sierra export"
    buf = io.BytesIO()
    wb.save(buf)
    # re-pack with fixed member timestamps so the file is byte-for-byte reproducible
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed_info = zipfile.ZipInfo(info.filename, date_time=(2024, 10, 16, 8, 30, 0))
            fixed_info.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the wall clock on save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-10-16T08:30:00Z", data)
            dst.writestr(fixed_info, data)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for name in TABLES:
        df = tables[name]
        path = out_dir / _FILES[name]
        if name == "br_fidelidade_clientes":
            df.to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace", lineterminator="\r\n")
        elif name == "fi_kirjasto_asiakkaat":
            _write_xlsx(df, path)
        elif name == "us_tenant_lease_roll":
            df.to_parquet(path, index=False)
        elif name == "ro_rezervari_zbor":
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        elif name == "cc_interaction_log":
            df.to_csv(path, sep=",", index=False, encoding="utf-8-sig")
        paths[name] = path
    return paths


def _check_labels(rows: int = 200) -> None:
    """Every generated column has exactly one label and every label names a generated column."""
    lab = labels()
    for name, df in make_tables(rows).items():
        cols, labelled = list(df.columns), set(lab[name])
        assert len(cols) == len(set(cols)), name
        assert set(cols) == labelled, (name, sorted(set(cols) ^ labelled))


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--check":
        _check_labels()
        sys.exit(0)
    if len(sys.argv) != 2:
        sys.exit("usage: python gen_heldout7.py OUT_DIR | --check")
    for table, p in write_all(Path(sys.argv[1])).items():
        print(f"{table}: {p}")
