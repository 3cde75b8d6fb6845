"""Blind held-out tables for the PII scanner (group "heldout26").

Eight seeded tables that look like exports of real systems: a US small-business payroll (W-2),
a Dutch webshop, a Polish notary office, a Portuguese insurer, a Norwegian physiotherapy clinic,
a Czech car rental and an English-language courier app (couriers and drop-offs). The labels in
``labels.yaml`` were written by hand, column by column, before any scanner run.

    python bench/heldout26/gen_heldout26.py OUT_DIR [--rows 2000]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 26260
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "us_payroll_w2",
    "nl_webshop_bestellingen",
    "pl_kancelaria_klienci",
    "pt_seguros_tomadores",
    "no_fysio_pasienter",
    "cz_pujcovna_smlouvy",
    "courier_drivers",
    "courier_dropoffs",
)

# file name and share of ``rows`` for each table
_FILES: dict[str, tuple[str, float]] = {
    "us_payroll_w2": ("W2_export_2024.csv", 0.6),
    "nl_webshop_bestellingen": ("bestellingen_export.csv", 1.0),
    "pl_kancelaria_klienci": ("rejestr_klientow_2024.xlsx", 0.5),
    "pt_seguros_tomadores": ("tomadores_apolices.parquet", 0.9),
    "no_fysio_pasienter": ("pasientliste.jsonl", 0.75),
    "cz_pujcovna_smlouvy": ("smlouvy_pujcovna.csv", 0.8),
    "courier_drivers": ("couriers_2024-06.parquet", 0.55),
    "courier_dropoffs": ("dropoffs_week23.tsv", 1.0),
}


def labels() -> dict[str, dict[str, str | None]]:
    """Hand-written labels: {table: {column: entity or None}} from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(doc[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------------------- helpers

def _blank(rng: random.Random, value, p: float, empty=""):
    """value, or an empty marker with probability p."""
    return empty if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 1945, hi: int = 2004) -> date:
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


def _event(rng: random.Random, lo: date = date(2022, 1, 1), days: int = 900) -> datetime:
    return datetime(lo.year, lo.month, lo.day) + timedelta(seconds=rng.randrange(days * 86400))


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


def _aba_routing(rng: random.Random) -> str:
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        d[0] = rng.choice([0, 1, 2, 3])
        s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        c = (10 - s % 10) % 10
        return "".join(map(str, d)) + str(c)


def _pt_nif(rng: random.Random) -> str:
    d = [rng.choice([1, 2, 2, 2, 3])] + [rng.randrange(10) for _ in range(7)]
    s = sum(x * (9 - i) for i, x in enumerate(d))
    c = 11 - s % 11
    return "".join(map(str, d)) + str(0 if c >= 10 else c)


def _pt_cc(rng: random.Random) -> str:
    """Cartão de Cidadão document number, e.g. '12345678 9 ZZ4' (check digits computed)."""
    civil = [rng.randrange(10) for _ in range(8)]
    s = sum(x * (9 - i) for i, x in enumerate(civil))
    c1 = (11 - s % 11) % 11 % 10
    ver = rng.choice(["ZZ", "ZY", "ZX", "ZW"])
    body = "".join(map(str, civil)) + str(c1) + ver

    def val(ch: str) -> int:
        return int(ch) if ch.isdigit() else ord(ch) - 55

    for last in range(10):
        full = body + str(last)
        total = 0
        for i, ch in enumerate(reversed(full)):
            v = val(ch)
            if i % 2 == 1:
                v *= 2
                if v > 9:
                    v -= 9
            total += v
        if total % 10 == 0:
            break
    return f"{body[:8]} {body[8]} {ver}{last}"


def _sha(rng: random.Random, n: int = 64) -> str:
    return hashlib.sha256(str(rng.random()).encode()).hexdigest()[:n]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# ----------------------------------------------------------------------------- (a) US payroll

def _us_payroll(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = Faker("en_US")
    fk.seed_instance(SEED + 1)
    depts = ["Kitchen", "Front of House", "Admin", "Delivery", "Warehouse", "Sales"]
    codes = ["D", "DD", "W", "E", "", "", "AA"]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        mid = rng.choice(["", "", f" {fk.random_uppercase_letter()}."])
        wages = round(rng.uniform(14000, 98000), 2)
        ss = min(wages, 168600.0)
        dob = _dob(rng, 1950, 2005)
        zip_ = fk.postcode()
        digits = fk.ssn().replace("-", "")
        ssn = rng.choice([f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"] * 4 + [digits])
        phone = fk.numerify(rng.choice(["(###) ###-####", "###-###-####", "###.###.####", "+1 ### ### ####"]))
        acct = fk.numerify("#" * rng.choice([8, 9, 10, 12]))
        has_dd = rng.random() < 0.8
        rows.append({
            "Emp #": 1001 + i,
            "Employee (Last, First)": f"{last}, {first}{mid}",
            "SSN": ssn,
            "Street Address": fk.street_address(),
            "City": fk.city(),
            "ST": fk.state_abbr(),
            "Zip": int(zip_) if rng.random() < 0.9 else "",
            "DOB": dob.strftime("%m/%d/%Y") if rng.random() < 0.9 else dob.isoformat(),
            "Hire Date": _event(rng, date(2012, 1, 1), 4500).strftime("%m/%d/%Y"),
            "Dept": rng.choice(depts),
            "Pay Freq": rng.choice(["Weekly", "Biweekly", "Biweekly", "Semimonthly"]),
            "W-4 Status": rng.choice(["S", "MFJ", "HOH", "S", "MFJ"]),
            "Box 1 Wages, tips": wages,
            "Box 2 Fed Inc Tax W/H": round(wages * rng.uniform(0.05, 0.18), 2),
            "Box 3 SS Wages": ss,
            "Box 4 SS Tax W/H": round(ss * 0.062, 2),
            "Box 5 Medicare Wages": wages,
            "Box 6 Medicare Tax W/H": round(wages * 0.0145, 2),
            "Box 12a Code": rng.choice(codes),
            "Box 12a Amt": round(rng.uniform(200, 9000), 2) if rng.random() < 0.6 else "",
            "Box 13 Ret. Plan": rng.choice(["X", "", ""]),
            "DD Routing #": _aba_routing(rng) if has_dd else "",
            "DD Account #": acct if has_dd else "",
            "Personal Email": _blank(rng, fk.free_email() if rng.random() < 0.7 else f"{first}.{last}@{fk.free_email_domain()}".lower(), 0.15),
            "Cell Phone": _blank(rng, phone, 0.1),
            "Payroll Notes": rng.choice(["", "", "", "", "moved to salaried eff. 7/1",
                                         "garnishment ended 03/2024", "rehire - see prior file",
                                         "W-2c issued for box 12 correction", "seasonal, inactive Nov-Feb"]),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (b) NL webshop

def _nl_webshop(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = Faker("nl_NL")
    fk.seed_instance(SEED + 2)
    products = ["Bamboe handdoek set (4 st.)", "Koffiebonen Espresso 1kg", "Yogamat Pro 6mm",
                "LED bureaulamp dimbaar", "Linnen dekbedovertrek 240x220", "Kinderfiets 16 inch",
                "Tuinslang 25 m", "Thermosfles RVS 750 ml", "Hondenmand XL grijs", "Puzzel 1000 st."]
    notes = ["", "", "", "", "", "Graag bij de buren afgeven", "Niet aanbellen, baby slaapt",
             "Cadeauverpakking aub", "Levering na 17:00", "Pakket mag in de schuur",
             "Doos was beschadigd bij vorige bestelling\nGraag extra inpakken"]
    rows = []
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1950, 2006)
        mob = fk.numerify("6########")
        phone = rng.choice([f"0{mob[:1]}-{mob[1:]}", f"+31 {mob[0]} {mob[1:5]} {mob[5:]}",
                            f"0{mob}", f"0031{mob}", fk.phone_number()])
        total = round(rng.uniform(9.95, 420), 2)
        pc = fk.postcode()
        rows.append({
            "Bestelnummer": 2024000001 + i * rng.randint(1, 3),
            "Besteldatum": _event(rng, date(2024, 1, 1), 360).strftime("%d-%m-%Y %H:%M"),
            "Klantnr.": f"K{rng.randint(10000, 99999)}",
            "Voornaam": first,
            "Achternaam": last,
            "E-mailadres": fk.email() if rng.random() < 0.8 else f"{first[0]}.{last.replace(' ', '')}@{rng.choice(['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.com'])}".lower(),
            "Telefoonnummer": _blank(rng, phone, 0.12),
            "Straat + huisnr.": fk.street_address(),
            "Postcode": pc if rng.random() < 0.6 else f"{pc[:4]} {pc[4:]}",
            "Woonplaats": fk.city(),
            "Land": rng.choice(["NL"] * 9 + ["BE"]),
            "Geboortedatum": _blank(rng, dob.strftime("%d-%m-%Y"), 0.7),
            "IBAN (retour)": _blank(rng, fk.iban(), 0.82),
            "Betaalmethode": rng.choice(["iDEAL", "iDEAL", "Klarna achteraf", "Creditcard", "PayPal", "Bancontact"]),
            "Productnaam": rng.choice(products),
            "SKU": f"{rng.choice(['HT', 'KB', 'YG', 'LD', 'TX'])}-{rng.randint(1000, 9999)}",
            "Aantal art.": rng.choice([1, 1, 1, 2, 2, 3, 4]),
            "Totaal incl. BTW": f"{total:.2f}".replace(".", ","),
            "Verzendkosten": rng.choice(["0,00", "4,95", "6,95", "0,00"]),
            "Kortingscode": rng.choice(["", "", "", "WELKOM10", "ZOMER24", "BLACKFRIDAY"]),
            "Track & Trace": f"3S{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(4))}{rng.randint(10**8, 10**9 - 1)}",
            "Status": rng.choice(["Verzonden", "Afgeleverd", "Afgeleverd", "Retour", "In behandeling"]),
            "Gewicht (kg)": round(rng.uniform(0.2, 14), 1),
            "Nieuwsbrief": rng.choice(["ja", "nee", "nee"]),
            "Opmerking": rng.choice(notes),
            "IP adres klant": fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6(),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (c) PL notary

def _pl_notary(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = Faker("pl_PL")
    fk.seed_instance(SEED + 3)
    acts = ["umowa sprzedaży nieruchomości", "pełnomocnictwo", "testament", "umowa darowizny",
            "akt poświadczenia dziedziczenia", "umowa spółki z o.o.", "intercyza", "poświadczenie podpisu"]
    staff = ["Gabinet 1", "Gabinet 2", "Kancelaria - Oddział Mokotów"]
    courts = ["WA1M", "KR1P", "PO1P", "GD1G", "WR1K", "LD1M"]
    rows = []
    for i in range(n):
        female = rng.random() < 0.5
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name_female() if female else fk.last_name_male()
        dob = _dob(rng, 1940, 2005)
        pesel = fk.pesel(date_of_birth=datetime(dob.year, dob.month, dob.day), sex="F" if female else "M")
        city = fk.city()
        pc = fk.postcode()
        value = round(rng.uniform(5000, 1_800_000), 2) if rng.random() < 0.7 else None
        fee = round(rng.uniform(100, 10000), 2)
        iban = fk.iban()[2:]
        acct = f"{iban[:2]} {' '.join(iban[j:j + 4] for j in range(2, 26, 4))}"
        rows.append({
            "Lp.": i + 1,
            "Nr repertorium": f"Rep. A nr {rng.randint(1, 9999)}/2024",
            "Data czynności": _event(rng, date(2024, 1, 2), 350).date(),
            "Rodzaj czynności": rng.choice(acts),
            "Imię": first,
            "Nazwisko": last,
            "Imiona rodziców": f"{fk.first_name_male()}, {fk.first_name_female()}",
            "PESEL": int(pesel) if rng.random() < 0.7 else pesel,
            "Seria i nr dowodu os.": fk.identity_card_number() if rng.random() < 0.85 else "",
            "NIP": _blank(rng, fk.nip() if rng.random() < 0.5 else "-".join([(x := fk.nip())[:3], x[3:6], x[6:8], x[8:]]), 0.75),
            "Data ur.": dob.strftime("%d.%m.%Y"),
            "Miejsce ur.": fk.city(),
            "Adres zamieszkania": f"{fk.street_address()}, {pc} {city}",
            "Kod poczt.": pc,
            "Tel.": _blank(rng, fk.phone_number(), 0.1),
            "E-mail": _blank(rng, fk.email(), 0.3),
            "Stan cywilny": rng.choice(["kawaler/panna", "żonaty/zamężna", "rozwiedziony/a", "wdowiec/wdowa"]),
            "Wartość przedmiotu (PLN)": value,
            "Taksa not. netto": fee,
            "VAT 23%": round(fee * 0.23, 2),
            "Nr KW": f"{rng.choice(courts)}/{rng.randint(1, 99999999):08d}/{rng.randint(0, 9)}" if rng.random() < 0.4 else "",
            "Pełnomocnik": _blank(rng, f"{fk.first_name()} {fk.last_name()}", 0.8),
            "Nr rachunku do zwrotu": _blank(rng, acct, 0.6),
            "Sala": rng.choice(staff),
            "Uwagi": rng.choice(["", "", "", "wypis x3", "klient prosi o kontakt mailowy",
                                 "brak odpisu KRS - uzupełnić", "tłumacz przysięgły obecny",
                                 "termin przełożony\nna wniosek stron"]),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (d) PT insurance

def _pt_insurance(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = Faker("pt_PT")
    fk.seed_instance(SEED + 4)
    districts = ["Lisboa", "Porto", "Braga", "Setúbal", "Aveiro", "Faro", "Coimbra", "Leiria", "Viseu", "Santarém"]
    branches = ["Automóvel", "Multirriscos Habitação", "Vida Risco", "Saúde", "Acidentes Pessoais"]
    rows = []
    for _ in range(n):
        start = _event(rng, date(2021, 1, 1), 1200).date()
        premium = round(rng.uniform(80, 2400), 2)
        ramo = rng.choice(branches)
        mob = fk.numerify(rng.choice(["91#######", "92#######", "93#######", "96#######"]))
        phone = rng.choice([mob, f"+351 {mob[:3]} {mob[3:6]} {mob[6:]}", f"{mob[:3]} {mob[3:6]} {mob[6:]}", f"00351{mob}"])
        rows.append({
            "N.º Apólice": f"{rng.choice(['AU', 'MR', 'VR', 'SA', 'AP'])}{rng.randint(10**7, 10**8 - 1)}",
            "Ramo": ramo,
            "Nome do Tomador": fk.name(),
            "NIF": int(_pt_nif(rng)),
            "N.º CC": _blank(rng, _pt_cc(rng), 0.15, None),
            "Data de Nascimento": pd.Timestamp(_dob(rng, 1940, 2004)),
            "Morada": fk.street_address(),
            "Código Postal": fk.postcode(),
            "Localidade": fk.city(),
            "Distrito": rng.choice(districts),
            "Telemóvel": _blank(rng, phone, 0.08, None),
            "Email": _blank(rng, fk.email(), 0.2, None),
            "IBAN Débito Direto": _blank(rng, fk.iban(), 0.35, None),
            "Prémio Anual (€)": premium,
            "Capital Seguro": float(rng.choice([25000, 50000, 100000, 150000, 250000])),
            "Franquia": rng.choice([0.0, 150.0, 250.0, 500.0]),
            "Fracionamento": rng.choice(["Anual", "Semestral", "Trimestral", "Mensal"]),
            "Data Início": pd.Timestamp(start),
            "Data Vencimento": pd.Timestamp(start + timedelta(days=365)),
            "Cód. Mediador": f"M{rng.randint(100, 999):04d}",
            "Beneficiário(s)": _blank(rng, fk.name(), 0.1, None) if ramo == "Vida Risco" else None,
            "N.º Sinistros": rng.choice([0, 0, 0, 0, 1, 1, 2, 3]),
            "Estado": rng.choice(["Em vigor", "Em vigor", "Anulada", "Suspensa"]),
            "Bónus/Malus (%)": rng.choice([-30, -20, -10, 0, 0, 10, 25]),
        })
    df = pd.DataFrame(rows)
    df["N.º Sinistros"] = df["N.º Sinistros"].astype("int16")
    return df


# ----------------------------------------------------------------------------- (e) NO physio

_NO_TOWNS = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Fredrikstad", "Kristiansand",
             "Sandnes", "Tromsø", "Sarpsborg", "Skien", "Ålesund", "Sandefjord", "Haugesund",
             "Tønsberg", "Moss", "Porsgrunn", "Bodø", "Arendal", "Hamar", "Lillehammer", "Molde",
             "Harstad", "Gjøvik", "Kongsberg", "Horten", "Halden", "Larvik", "Askøy", "Lørenskog"]


def _no_physio(n: int) -> list[dict]:
    rng = random.Random(SEED + 5)
    fk = Faker("no_NO")
    fk.seed_instance(SEED + 5)
    therapists = [f"{fk.first_name()} {fk.last_name()}" for _ in range(7)]
    notes = ["", "Smerter i korsrygg, bedring etter 3 beh.", "Øvelsesprogram gjennomgått.",
             "Skulderimpingement h. side. Fortsetter 2x/uke.", "Avbestilt < 24t", "Ikke møtt",
             "Kneoperasjon (ACL) 6 uker postop.\nGår uten krykker.", "Nakkesmerter etter PC-arbeid"]
    rows = []
    for i in range(n):
        dob = _dob(rng, 1938, 2012)
        fnr = fk.ssn(dob=dob.strftime("%Y%m%d"))
        mob = fk.numerify(rng.choice(["4#######", "9#######"]))
        appt = _event(rng, date(2024, 1, 2), 300)
        nok = rng.random() < 0.25
        rows.append({
            "pasient_id": 50000 + i,
            "fornavn": fk.first_name(),
            "etternavn": fk.last_name(),
            "fodselsnummer": fnr if rng.random() < 0.9 else None,
            "fodt": dob.strftime("%d.%m.%Y"),
            "adresse": fk.street_address(),
            "postnr": int(fk.postcode()),
            "poststed": rng.choice(_NO_TOWNS).upper() if rng.random() < 0.5 else rng.choice(_NO_TOWNS),
            "mobil": int(mob) if rng.random() < 0.5 else rng.choice([f"+47 {mob[:3]} {mob[3:5]} {mob[5:]}", f"{mob[:3]} {mob[3:5]} {mob[5:]}"]),
            "epost": fk.email() if rng.random() < 0.75 else None,
            "fastlege": f"{rng.choice(['Dr. ', 'Lege ', ''])}{fk.first_name()} {fk.last_name()}" if rng.random() < 0.8 else None,
            "henvist_fra": rng.choice(["fastlege", "selvhenvist", "NAV", "sykehus", "bedriftshelsetjeneste"]),
            "timedato": appt.strftime("%Y-%m-%dT%H:%M:00"),
            "behandler": rng.choice(therapists),
            "behandlingstype": rng.choice(["Fysioterapi", "Manuellterapi", "Trening i gruppe", "Akupunktur", "Psykomotorisk"]),
            "takst": rng.choice(["A2a", "A2b", "A2c", "B1", "C34", "A8"]),
            "egenandel_kr": rng.choice([0, 258, 332, 400, 492]),
            "frikort": rng.random() < 0.15,
            "journalnotat": rng.choice(notes),
            "parorende_navn": f"{fk.first_name()} {fk.last_name()}" if nok else None,
            "parorende_tlf": fk.numerify("9#######") if nok and rng.random() < 0.9 else None,
            "kontonr_refusjon": (lambda b: f"{b[:4]}.{b[4:6]}.{b[6:]}")(fk.bban()) if rng.random() < 0.3 else None,
            "sms_varsel": rng.choice([True, True, False]),
            "sist_endret": int(appt.timestamp()) + rng.randint(0, 86400),
            "skjema_versjon": rng.choice(["3.2", "3.2", "3.3.1"]),
        })
    return rows


# ----------------------------------------------------------------------------- (f) CZ car rental

def _cz_rental(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = Faker("cs_CZ")
    fk.seed_instance(SEED + 6)
    cars = ["Škoda Octavia Combi", "Škoda Fabia", "VW Golf", "Hyundai i30", "Škoda Kodiaq", "Ford Transit", "Toyota Yaris"]
    branches = ["Praha - Letiště VH", "Praha 4 - Pankrác", "Brno - Hlavní nádraží", "Ostrava", "Plzeň"]
    notes = ["", "", "", "Škrábanec na zadním nárazníku", "Vráceno s neplnou nádrží",
             "Dětská sedačka", "Pozdní vrácení (2 h)", "Poškozené disky\nfoceno při převzetí"]
    rows = []
    for i in range(n):
        female = rng.random() < 0.45
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name_female() if female else fk.last_name_male()
        dob = _dob(rng, 1950, 2003)
        rc = fk.birth_number()
        start = _event(rng, date(2024, 3, 1), 200)
        days = rng.randint(1, 14)
        km0 = rng.randint(5000, 180000)
        price = rng.choice([690, 890, 1190, 1590, 2190])
        cc = fk.credit_card_number(card_type=rng.choice(["visa16", "mastercard"]))
        foreign = rng.random() < 0.12
        rows.append({
            "Č. smlouvy": f"PJ-{2024}-{i + 1:05d}",
            "Jméno": first,
            "Příjmení": last,
            "Rodné číslo": "" if foreign else (rc if rng.random() < 0.7 else rc.replace("/", "")),
            "Číslo OP": "" if foreign else f"{rng.randint(10**8, 10**9 - 1)}",
            "Číslo pasu": fk.passport_number() if foreign else "",
            "Datum narození": dob.strftime("%d.%m.%Y") if rng.random() < 0.8 else f"{dob.day}. {dob.month}. {dob.year}",
            "Ulice a č.p.": fk.street_address(),
            "Město": fk.city(),
            "PSČ": fk.postcode(),
            "Stát": rng.choice(["CZ"] * 8 + ["SK", "DE"]),
            "Telefon": _blank(rng, fk.phone_number(), 0.05),
            "E-mail": _blank(rng, fk.email(), 0.1),
            "SPZ": f"{rng.randint(1, 9)}{rng.choice('ABCEHJKLMPSTUZ')}{rng.randint(1, 9)} {rng.randint(1000, 9999)}",
            "Vůz": rng.choice(cars),
            "Převzetí": start.strftime("%d.%m.%Y %H:%M"),
            "Vrácení": (start + timedelta(days=days, minutes=rng.randint(-120, 240))).strftime("%d.%m.%Y %H:%M"),
            "Km převzetí": km0,
            "Km vrácení": km0 + days * rng.randint(20, 400),
            "Cena/den (Kč)": price,
            "Kauce Kč": rng.choice([5000, 10000, 15000]),
            "Celkem s DPH": f"{price * days * 1.21:.2f}".replace(".", ","),
            "Číslo karty (kauce)": cc if rng.random() < 0.6 else " ".join(cc[j:j + 4] for j in range(0, len(cc), 4)),
            "Číslo účtu": _blank(rng, f"{rng.choice(['', '19-', '35-'])}{rng.randint(10**8, 10**10 - 1)}/{rng.choice(['0800', '0100', '0300', '2010', '5500', '0600', '3030'])}", 0.55),
            "Pobočka": rng.choice(branches),
            "Další řidič": _blank(rng, f"{fk.first_name()} {fk.last_name()}", 0.78),
            "Poznámka": rng.choice(notes),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- (g) courier app

def _courier_drivers(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    fk = Faker("en_US")
    fk.seed_instance(SEED + 7)
    rows = []
    for _ in range(n):
        first, last = fk.first_name(), fk.last_name()
        onboard = _event(rng, date(2021, 5, 1), 1100)
        rows.append({
            "courierId": _uuid(rng),
            "displayName": f"{first} {last[0]}.",
            "legalName": f"{first} {last}",
            "username": rng.choice([fk.user_name(), f"{first.lower()}{rng.randint(1, 999)}",
                                    f"{first[0].lower()}{last.lower()}_{rng.choice(['rides', 'go', 'dlv'])}"]),
            "email": fk.email(),
            "phone": fk.numerify("+1##########"),
            "dateOfBirth": _dob(rng, 1960, 2005).isoformat(),
            "homeAddress": f"{fk.street_address()}, {fk.city()}, {fk.state_abbr()}",
            "zip": fk.postcode(),
            "vehicleType": rng.choice(["bike", "ebike", "car", "car", "scooter"]),
            "vehicleMake": rng.choice(["Toyota", "Honda", "Trek", "Rad Power", "Nissan", None]),
            "rating": round(rng.uniform(3.9, 5.0), 2),
            "acceptanceRate": round(rng.uniform(0.4, 1.0), 3),
            "onboardedAt": pd.Timestamp(onboard, tz="UTC"),
            "lastActiveEpoch": int(onboard.timestamp()) + rng.randint(0, 90 * 86400),
            "payoutBankAcct": fk.numerify("#" * rng.choice([9, 10, 11, 12])) if rng.random() < 0.7 else None,
            "bgCheckStatus": rng.choice(["clear", "clear", "consider", "pending"]),
            "appVersion": f"5.{rng.randint(0, 14)}.{rng.randint(0, 9)}",
            "deviceOs": rng.choice(["iOS 17.4", "iOS 17.5", "Android 14", "Android 13"]),
            "referralCode": f"{fk.lexify('????').upper()}{rng.randint(10, 99)}",
            "isActive": rng.random() < 0.7,
            "lastLoginIp": fk.ipv4_public(),
            "pushToken": _sha(rng, 64),
        })
    return pd.DataFrame(rows)


def _courier_dropoffs(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 8)
    fk = Faker("en_US")
    fk.seed_instance(SEED + 8)
    handles = [rng.choice([fk.user_name(), f"{fk.first_name().lower()}{rng.randint(1, 99)}"]) for _ in range(120)]
    kinds = ["Pizza", "Thai Kitchen", "Burrito Co.", "Sushi Bar", "Deli", "Pharmacy", "Grocery", "Wings"]
    merchants = [f"{fk.last_name()}'s {rng.choice(kinds)}" if rng.random() < 0.5 else f"{fk.company()} {rng.choice(kinds)}" for _ in range(60)]
    merchant_addr = {m: f"{fk.street_address()}, {fk.city()}" for m in merchants}
    rows = []
    for _ in range(n):
        created = _event(rng, date(2024, 6, 3), 7)
        m = rng.choice(merchants)
        who = fk.name()
        note_who = fk.first_name() + " " + fk.last_name()
        note = rng.choice([f"Leave with {note_who} at front desk", f"Give to {note_who}, back door",
                           f"Hand to {note_who} (neighbor)", f"For {note_who} - ring bell twice",
                           "Leave at door", f"Ask for {note_who} at reception"])
        rows.append({
            "delivery_id": f"DLV{rng.randint(10**9, 10**10 - 1)}",
            "order_ref": f"#{rng.randint(100000, 999999)}",
            "courier_id": _uuid(rng),
            "courier_handle": rng.choice(handles),
            "merchant_name": m,
            "pickup_address": merchant_addr[m],
            "customer_name": who,
            "customer_phone": fk.numerify(rng.choice(["(###) ###-####", "###-###-####", "+1##########"])),
            "customer_email": _blank(rng, fk.email(), 0.6),
            "dropoff_address": f"{fk.street_address()}, {fk.city()}, {fk.state_abbr()} {fk.postcode()}",
            "dropoff_zip": int(fk.postcode()),
            "dropoff_note": note,
            "created_at": created.strftime("%Y-%m-%d %H:%M:%S"),
            "delivered_at": (created + timedelta(minutes=rng.randint(12, 75))).strftime("%Y-%m-%d %H:%M:%S") if rng.random() < 0.93 else "",
            "distance_mi": round(rng.uniform(0.3, 9.5), 2),
            "eta_min": rng.randint(10, 60),
            "subtotal_usd": round(rng.uniform(8, 120), 2),
            "tip_usd": round(rng.choice([0, 0, 2, 3, 5, rng.uniform(1, 15)]), 2),
            "status": rng.choice(["DELIVERED", "DELIVERED", "DELIVERED", "CANCELED", "RETURNED"]),
            "proof_photo_url": f"https://cdn.example-courier.com/pod/{_uuid(rng)}.jpg",
            "signed_by": _blank(rng, who if rng.random() < 0.7 else fk.name(), 0.75),
            "customer_ip": fk.ipv4_public() if rng.random() < 0.9 else fk.ipv6(),
            "promo": rng.choice(["", "", "FREEDEL", "SUMMER5"]),
            "cust_rating": rng.choice([5, 5, 4, 3, ""]),
        })
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- public API

def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory; table sizes are fixed shares of ``rows``."""
    size = {t: max(1, int(rows * share)) for t, (_, share) in _FILES.items()}
    return {
        "us_payroll_w2": _us_payroll(size["us_payroll_w2"]),
        "nl_webshop_bestellingen": _nl_webshop(size["nl_webshop_bestellingen"]),
        "pl_kancelaria_klienci": _pl_notary(size["pl_kancelaria_klienci"]),
        "pt_seguros_tomadores": _pt_insurance(size["pt_seguros_tomadores"]),
        "no_fysio_pasienter": pd.DataFrame(_no_physio(size["no_fysio_pasienter"])),
        "cz_pujcovna_smlouvy": _cz_rental(size["cz_pujcovna_smlouvy"]),
        "courier_drivers": _courier_drivers(size["courier_drivers"]),
        "courier_dropoffs": _courier_dropoffs(size["courier_dropoffs"]),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to ``out_dir`` in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    paths: dict[str, Path] = {}
    for table, df in frames.items():
        path = out_dir / _FILES[table][0]
        if table == "us_payroll_w2":
            df.to_csv(path, index=False, encoding="utf-8")
        elif table == "nl_webshop_bestellingen":
            df.to_csv(path, index=False, sep=";", encoding="utf-8-sig")
        elif table == "pl_kancelaria_klienci":
            df.to_excel(path, index=False, sheet_name="Klienci", engine="openpyxl")
        elif table == "cz_pujcovna_smlouvy":
            df.to_csv(path, index=False, sep=",", encoding="cp1250", lineterminator="\r\n")
        elif table == "courier_dropoffs":
            df.to_csv(path, index=False, sep="\t", encoding="utf-8")
        elif table == "no_fysio_pasienter":
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            df.to_parquet(path, index=False)
        paths[table] = path
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--rows", type=int, default=2000)
    args = ap.parse_args()
    for name, p in write_all(args.out_dir, args.rows).items():
        print(f"{name}\t{p}")
