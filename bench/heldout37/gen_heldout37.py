"""Blind held-out tables for the PII scanner (heldout37): six realistic exports.

Tables: an Irish energy supplier's customers (CSV with BOM), an Austrian
social-insurance insured persons list (Parquet), a Flemish municipality's
residents register (Excel), a Portuguese hospital's appointments (JSON Lines),
a Danish car workshop's customers (semicolon CSV, cp1252) and an airline
loyalty/PNR export (tab-separated CSV).  Labels live in labels.yaml and were
written by hand before any scanner run.  Seeded and deterministic.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 37370
HERE = Path(__file__).resolve().parent
TABLES = (
    "ie_energy_customers",
    "at_sv_versicherte",
    "be_gemeente_inwoners",
    "pt_hospital_consultas",
    "dk_vaerksted_kunder",
    "airline_pnr_loyalty",
)
FILES = {
    "ie_energy_customers": "ie_energy_customers.csv",
    "at_sv_versicherte": "at_sv_versicherte.parquet",
    "be_gemeente_inwoners": "be_gemeente_inwoners.xlsx",
    "pt_hospital_consultas": "pt_hospital_consultas.jsonl",
    "dk_vaerksted_kunder": "dk_vaerksted_kunder.csv",
    "airline_pnr_loyalty": "airline_pnr_loyalty.tsv",
}
SCALE = {
    "ie_energy_customers": 1.0,
    "at_sv_versicherte": 0.8,
    "be_gemeente_inwoners": 0.65,
    "pt_hospital_consultas": 0.9,
    "dk_vaerksted_kunder": 0.55,
    "airline_pnr_loyalty": 1.0,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _fk(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value, p: float, blanks=("",)):
    """Return value, or with probability p one of the blank markers."""
    if rng.random() < p:
        return rng.choice(blanks)
    return value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2006) -> date:
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


def _event(rng: random.Random, lo: int = 2019, hi: int = 2025) -> date:
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


def _iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in (bban + country + "00"))
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


IE_TOWNS = ["Dublin 8", "Cork", "Galway", "Limerick", "Waterford", "Drogheda", "Dundalk", "Swords",
            "Bray", "Navan", "Kilkenny", "Ennis", "Carlow", "Tralee", "Newbridge", "Naas", "Athlone",
            "Portlaoise", "Mullingar", "Wexford", "Letterkenny", "Sligo", "Clonmel", "Castlebar",
            "Ballina", "Tullamore", "Killarney", "Greystones", "Maynooth", "Dún Laoghaire"]
IE_COUNTIES = ["Co. Dublin", "Co. Cork", "Co. Galway", "Co. Limerick", "Co. Waterford", "Co. Louth",
               "Co. Wicklow", "Co. Meath", "Co. Kilkenny", "Co. Clare", "Co. Kerry", "Co. Kildare",
               "Co. Westmeath", "Co. Wexford", "Co. Donegal", "Co. Sligo", "Co. Mayo", "Co. Offaly"]
IE_STREETS = ["Main Street", "Church Road", "Ashgrove Park", "The Crescent", "Oakwood Drive",
              "Bridge Street", "Castle View", "Millbrook Lawn", "Seafield Avenue", "Fairgreen Road"]


def _eircode(rng: random.Random) -> str:
    keys = ["D02", "D08", "D6W", "T12", "H91", "V94", "X91", "A92", "A91", "K67", "A98", "C15",
            "R95", "V95", "V92", "W91", "N37", "R32", "N91", "Y35", "F92", "F91", "E91", "F23"]
    tail = "".join(rng.choice("ACDEFHKNPRTVWXY0123456789") for _ in range(4))
    return rng.choice([f"{rng.choice(keys)} {tail}", f"{rng.choice(keys)}{tail}",
                       f"{rng.choice(keys).lower()} {tail.lower()}"])


def _ie_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        p, n = rng.choice(["083", "085", "086", "087", "089"]), _digits(rng, 7)
        return rng.choice([f"{p} {n[:3]} {n[3:]}", f"+353 {p[1:]} {n[:3]} {n[3:]}", f"{p}{n}",
                           f"00353{p[1:]}{n}"])
    p, n = rng.choice(["01", "021", "091", "061", "051", "041", "045"]), _digits(rng, 7)
    return rng.choice([f"({p}) {n[:3]} {n[3:]}", f"{p} {n}", f"+353 {p[1:]} {n}"])


def _ppsn(rng: random.Random) -> str:
    d = _digits(rng, 7)
    weights = [8, 7, 6, 5, 4, 3, 2]
    suffix = rng.choice(["", "", "A", "W", "H"])
    total = sum(int(c) * w for c, w in zip(d, weights, strict=True)) + (9 * (ord(suffix) - 64) if suffix else 0)
    letter = "W" if total % 23 == 0 else chr(64 + total % 23)
    return d + letter + suffix


def _ie_table(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _fk("en_IE", 1)
    fk_gb = _fk("en_GB", 2)
    rows = []
    for _i in range(n):
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1930, 2004)
        tariff = rng.choice(["Standard 24hr", "Smart Day/Night", "EV Smart", "Home Dual Fuel", "Green 24hr"])
        kwh = round(rng.uniform(120, 2400), 1)
        note = rng.choice(["", "", "", "Meter read estimated - customer to submit actual read",
                           "Moved to monthly billing\nDD mandate received",
                           "Vulnerable customer register - medical equipment", "Complaint re estimated bill closed",
                           "Smart meter install booked via ESB Networks", "Arrears plan agreed 6 months"])
        rows.append({
            "Account No": rng.randint(1000000, 9999999),
            "MPRN": _blank(rng, f"10{_digits(rng, 9)}", 0.05),
            "GPRN": _blank(rng, _digits(rng, 7), 0.55),
            "Title": rng.choice(["Mr", "Mrs", "Ms", "Dr", "", "Miss"]),
            "Forename": first,
            "Surname": last if rng.random() > 0.03 else last.upper(),
            "Addr Line 1": f"{rng.randint(1, 240)} {rng.choice(IE_STREETS)}"
            if rng.random() > 0.3 else f"{rng.randint(1, 80)} {fk_gb.street_name()}",
            "Town": rng.choice(IE_TOWNS),
            "County": rng.choice(IE_COUNTIES),
            "Eircode": _blank(rng, _eircode(rng), 0.12),
            "Contact Tel": _blank(rng, _ie_phone(rng, False), 0.45, ("", "n/a", "N/A")),
            "Mobile": _blank(rng, _ie_phone(rng, True), 0.1),
            "E-mail": _blank(rng, f"{first.lower()}.{last.lower().replace(' ', '').replace(chr(39), '')}"
                              f"{rng.choice(['', str(rng.randint(1, 99))])}@"
                              f"{rng.choice(['gmail.com', 'eircom.net', 'hotmail.com', 'yahoo.ie', 'outlook.ie'])}",
                              0.15),
            "PPSN": _blank(rng, _ppsn(rng), 0.35),
            "DOB": _blank(rng, rng.choice([dob.strftime("%d/%m/%Y"), dob.strftime("%d-%b-%Y")]), 0.2),
            "IBAN (DD)": _blank(rng, _group4(_iban("IE", rng.choice(["AIBK", "BOFI", "IPBS", "ULSB"])
                                                   + _digits(rng, 14))), 0.3),
            "Tariff": tariff,
            "kWh Last Bill": kwh,
            "Balance EUR": round(rng.uniform(-150, 620), 2),
            "Smart Meter Y/N": rng.choice(["Y", "N", "Y"]),
            "Online Login": _blank(rng, rng.choice([f"{first.lower()}{last.lower()[:1]}{rng.randint(1, 99)}",
                                                   f"{last.lower()}_{first.lower()[:3]}",
                                                   f"{first[0].lower()}{last.lower()}"]).replace("'", ""), 0.4),
            "Last Read Date": _event(rng, 2024, 2025).strftime("%d/%m/%Y"),
            "Notes": note,
        })
    return pd.DataFrame(rows)


def _svnr(rng: random.Random, dob: date) -> str:
    weights = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]
    while True:
        serial = f"{rng.randint(1, 9)}{rng.randint(0, 99):02d}"
        body = serial + "0" + dob.strftime("%d%m%y")
        check = sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11
        if check < 10:
            return f"{serial}{check}{dob.strftime('%d%m%y')}"


def _at_table(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _fk("de_AT", 3)
    rows = []
    laender = ["Wien", "Niederösterreich", "Oberösterreich", "Steiermark", "Tirol", "Kärnten", "Salzburg",
               "Vorarlberg", "Burgenland"]
    dgs = ["Spar Österreichische Warenhandels-AG", "Magna Steyr", "voestalpine Stahl GmbH", "Rewe International AG",
           "Porr Bau GmbH", "Bäckerei Ströck", "Wiener Linien GmbH & Co KG", "KTM AG", "Swarovski KG"]
    for i in range(n):
        dob = _dob(rng, 1945, 2007)
        svnr = _svnr(rng, dob)
        first, last = fk.first_name(), fk.last_name()
        rows.append({
            "Lfd.Nr.": i + 1,
            "SV-Nummer": svnr if rng.random() < 0.6 else f"{svnr[:4]} {svnr[4:]}",
            "Familienname": last,
            "Vorname": first,
            "Akad. Grad": rng.choice([None, None, None, None, "Mag.", "Dr.", "DI", "BSc"]),
            "Geb.Datum": rng.choice([dob.strftime("%d.%m.%Y"), dob.isoformat()]),
            "Geschl.": rng.choice(["M", "W", "W", "M", "X"]),
            "Staatsbürgerschaft": rng.choice(["AUT", "AUT", "AUT", "DEU", "HRV", "TUR", "ROU", "SRB"]),
            "Geburtsort": rng.choice([fk.city(), fk.city(), None]),
            "Straße/Hausnr.": fk.street_address(),
            "PLZ": fk.postcode(),
            "Ort": fk.city(),
            "Bundesland": rng.choice(laender),
            "Telefon": rng.choice([fk.phone_number(), f"+43 664 {_digits(rng, 7)}", f"0676/{_digits(rng, 7)}",
                                   None]),
            "E-Mail": _blank(rng, fk.free_email(), 0.35, (None,)),
            "Dienstgeber": rng.choice(dgs),
            "DG-Kontonr.": f"{rng.randint(100000, 999999)}",
            "Beitragsgruppe": rng.choice(["A1", "A2", "D1", "N14", "B1", "A1"]),
            "Vers.-Beginn": _event(rng, 1995, 2025).strftime("%d.%m.%Y"),
            "Beitragsgrundlage €": round(rng.uniform(518.44, 6060.0), 2),
            "Mitversicherte Angeh.": rng.randint(0, 4),
            "IBAN": _blank(rng, _iban("AT", f"{rng.choice(['12000', '20111', '32000', '14000', '60000'])}"
                                      f"{_digits(rng, 11)}"), 0.25, (None,)),
        })
    return pd.DataFrame(rows)


def _rrn(rng: random.Random, dob: date) -> str:
    serial = rng.randint(1, 997)
    base = int(dob.strftime("%y%m%d") + f"{serial:03d}")
    if dob.year >= 2000:
        base += 2_000_000_000
    check = 97 - base % 97
    return f"{dob.strftime('%y.%m.%d')}-{serial:03d}.{check:02d}"


def _be_table(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _fk("nl_BE", 4)
    rows = []
    for _i in range(n):
        dob = _dob(rng, 1930, 2024)
        rrn = _rrn(rng, dob)
        gem = fk.city()
        rows.append({
            "Dossiernr": f"INW-{rng.randint(10000, 99999)}",
            "Rijksregisternr.": rrn if rng.random() < 0.7 else rrn.replace(".", "").replace("-", ""),
            "Naam": fk.last_name(),
            "Voornamen": " ".join(fk.first_name() for _ in range(rng.choice([1, 1, 2, 3]))),
            "Geslacht": rng.choice(["M", "V"]),
            "Geboortedatum": dob.strftime("%d/%m/%Y") if rng.random() < 0.8 else dob,
            "Geboorteplaats": rng.choice([fk.city(), fk.city(), "Antwerpen", "Gent", "Rabat", "Kraków"]),
            "Nationaliteit": rng.choice(["Belg", "Belg", "Belg", "Nederlander", "Marokkaan", "Pool", "Roemeen"]),
            "Burgerlijke staat": rng.choice(["ongehuwd", "gehuwd", "wettelijk samenwonend", "gescheiden",
                                             "weduwe(naar)"]),
            "Straat + huisnr": fk.street_address(),
            "Bus": rng.choice([None, None, None, "bus 1", "b2", "0101"]),
            "Postcode": int(fk.postcode()),
            "Deelgemeente": gem,
            "Wijk": f"W{rng.randint(1, 24):02d}",
            "Gezinshoofd": rng.choice(["J", "N", "N"]),
            "Aantal gezinsleden": rng.randint(1, 7),
            "Datum inschrijving": _event(rng, 1990, 2025),
            "Tel.": _blank(rng, rng.choice([fk.phone_number(), f"+32 9 {_digits(rng, 3)} {_digits(rng, 2)} "
                                            f"{_digits(rng, 2)}"]), 0.5, (None,)),
            "GSM": _blank(rng, f"04{rng.choice(['70', '75', '77', '85', '95', '96'])} {_digits(rng, 2)} "
                          f"{_digits(rng, 2)} {_digits(rng, 2)}", 0.25, (None,)),
            "E-mailadres": _blank(rng, fk.email(), 0.4, (None,)),
        })
    return pd.DataFrame(rows)


def _nif(rng: random.Random) -> str:
    d = str(rng.choice([1, 2, 2, 2])) + _digits(rng, 7)
    c = 11 - sum(int(x) * w for x, w in zip(d, range(9, 1, -1), strict=True)) % 11
    return d + str(0 if c >= 10 else c)


def _pt_table(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _fk("pt_PT", 5)
    esp = ["Cardiologia", "Ortopedia", "Oftalmologia", "Medicina Geral e Familiar", "Dermatologia",
           "Ginecologia/Obstetrícia", "Pediatria", "Neurologia", "Otorrinolaringologia"]
    medicos = [fk.name() for _ in range(40)]
    obs = ["", "", "Trazer exames anteriores", "Jejum de 8h", "Primeira consulta",
           "Reagendada a pedido do serviço", "Consulta de seguimento - pós-operatório",
           "Isento de taxa moderadora", "Telemedicina"]
    rows = []
    for _i in range(n):
        dob = _dob(rng, 1928, 2023)
        first, last = fk.first_name(), fk.last_name()
        cons = _event(rng, 2024, 2026)
        hora = f"{rng.randint(8, 18):02d}:{rng.choice(['00', '15', '30', '45'])}"
        cont_nome = fk.name() if rng.random() < 0.45 else None
        rows.append({
            "n_processo": int(f"{rng.randint(100000, 999999)}"),
            "episodio": f"C{cons.year}{rng.randint(1, 999999):06d}",
            "nome_utente": f"{first} {fk.last_name()} {last}" if rng.random() < 0.6 else f"{first} {last}",
            "nº utente SNS": _blank(rng, _digits(rng, 9), 0.08, (None,)),
            "NIF": _blank(rng, _nif(rng), 0.3, (None,)),
            "dt_nasc": dob.strftime("%d-%m-%Y") if rng.random() < 0.7 else dob.isoformat(),
            "morada": fk.street_address(),
            "cod_postal": fk.postcode(),
            "localidade": fk.city(),
            "telemóvel": _blank(rng, rng.choice([f"9{rng.choice('1236')}{_digits(rng, 7)}",
                                                 f"+351 9{rng.choice('1236')}{_digits(rng, 1)} {_digits(rng, 3)} "
                                                 f"{_digits(rng, 3)}"]), 0.1, (None,)),
            "email": _blank(rng, fk.free_email(), 0.45, (None,)),
            "pessoa_contacto": cont_nome,
            "tel_contacto": f"2{_digits(rng, 8)}" if cont_nome else None,
            "especialidade": rng.choice(esp),
            "médico": rng.choice(medicos),
            "data_consulta": cons.isoformat(),
            "hora": hora,
            "sala": f"Gab. {rng.randint(1, 30)}",
            "estado": rng.choice(["Agendada", "Realizada", "Falta", "Desmarcada", "Realizada"]),
            "taxa_moderadora_eur": rng.choice([0.0, 0.0, 7.0, 4.5]),
            "observacoes": rng.choice(obs),
        })
    return pd.DataFrame(rows)


def _cpr(rng: random.Random, dob: date) -> str:
    return f"{dob.strftime('%d%m%y')}-{_digits(rng, 4)}"


def _dk_table(n: int, rng: random.Random) -> pd.DataFrame:
    fk = _fk("da_DK", 6)
    mek = [fk.first_name() for _ in range(8)]
    cars = [("VW", "Golf"), ("Toyota", "Yaris"), ("Skoda", "Octavia"), ("Peugeot", "208"), ("Tesla", "Model 3"),
            ("Ford", "Focus"), ("Volvo", "V60"), ("Citroën", "C3"), ("Kia", "Niro")]
    bem = ["", "", "Skiftet bremseklodser for", "Syn bestået", "Kunden venter på bilen", "Olieskift + filter",
           "Dæk opbevaret - hylde 14", "Fejlkode P0420 - katalysator tjekkes", "Aircon service"]
    rows = []
    for i in range(n):
        brand, model = rng.choice(cars)
        dob = _dob(rng, 1940, 2005)
        rows.append({
            "Kundenr.": 20000 + i,
            "Navn": fk.name(),
            "Adresse": fk.street_address(),
            "Postnr.": fk.postcode(),
            "By": fk.city(),
            "Tlf.": _blank(rng, fk.phone_number(), 0.4, ("", "-", "")),
            "Mobil": _blank(rng, rng.choice([f"{_digits(rng, 8)}", f"+45 {_digits(rng, 2)} {_digits(rng, 2)} "
                                             f"{_digits(rng, 2)} {_digits(rng, 2)}"]), 0.1),
            "E-mail": _blank(rng, fk.free_email(), 0.3),
            "CPR-nr.": _blank(rng, _cpr(rng, dob), 0.8),
            "Reg.nr.": f"{rng.choice('ABCDEFGHJKLMNPRSTUVXYZ')}{rng.choice('ABCDEFGHJKLMNPRSTUVXYZ')} "
                       f"{rng.randint(10, 99)} {rng.randint(100, 999)}",
            "Stelnr.": "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)),
            "Mærke": brand,
            "Model": model,
            "Årgang": rng.randint(2005, 2025),
            "Km-stand": rng.randint(3000, 310000),
            "Sidste service": _event(rng, 2022, 2025).strftime("%d-%m-%Y"),
            "Faktura beløb kr.": f"{rng.uniform(450, 28000):.2f}".replace(".", ","),
            "Mekaniker": rng.choice(mek),
            "Bankkonto (reg./konto)": _blank(rng, f"{_digits(rng, 4)} {_digits(rng, 10)}", 0.7),
            "Bemærkninger": rng.choice(bem),
        })
    return pd.DataFrame(rows)


def _ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _air_table(n: int, rng: random.Random) -> pd.DataFrame:
    fks = [_fk(loc, 10 + k) for k, loc in enumerate(["en_US", "en_GB", "en_IE", "de_DE", "fr_FR", "es_ES"])]
    airports = ["DUB", "LHR", "JFK", "BOS", "ORD", "CDG", "FRA", "MAD", "AMS", "LAX", "SFO", "BCN"]
    rows = []
    for _i in range(n):
        fk = rng.choice(fks)
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1940, 2020)
        o, d = rng.sample(airports, 2)
        dep = _event(rng, 2025, 2026)
        us = fk is fks[0]
        card = fk.credit_card_number(rng.choice(["visa16", "mastercard", "amex"])) if rng.random() < 0.35 else ""
        rows.append({
            "PNR": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
            "TKT_NBR": f"{rng.choice(['053', '001', '125', '220'])}{_digits(rng, 10)}",
            "PAX_NM_LAST": last.upper(),
            "PAX_NM_FIRST": f"{first.upper()} {rng.choice(['MR', 'MRS', 'MS', 'MSTR', ''])}".strip(),
            "PTC": rng.choice(["ADT", "ADT", "ADT", "CHD", "INF"]),
            "FF_NBR": f"{rng.randint(10000000, 99999999)}",
            "FF_TIER": rng.choice(["BLUE", "SILVER", "GOLD", "PLATINUM", ""]),
            "DOB": rng.choice([dob.strftime("%d%b%y").upper(), dob.isoformat()]),
            "DOCS_PPT_NBR": _blank(rng, rng.choice(["P", "C", "X", ""]) + _digits(rng, 8), 0.25),
            "DOCS_ISSUE_CTRY": rng.choice(["USA", "GBR", "IRL", "DEU", "FRA", "ESP"]),
            "DOCS_EXP": _event(rng, 2026, 2035).strftime("%d%b%y").upper(),
            "CTC_EMAIL": _blank(rng, f"{first.lower()}.{last.lower()}@{fk.free_email_domain()}".replace(" ", ""),
                                0.1),
            "CTC_PHONE": _blank(rng, fk.phone_number(), 0.15),
            "HOME_ADDR": _blank(rng, fk.street_address().replace("\n", ", "), 0.5),
            "HOME_CITY": _blank(rng, fk.city(), 0.5),
            "HOME_ZIP": _blank(rng, fk.postcode(), 0.5),
            "MBR_TAX_ID_US": _ssn(rng) if us and rng.random() < 0.5 else "",
            "SEG_ORIG": o,
            "SEG_DEST": d,
            "FLT_NBR": f"{rng.choice(['EI', 'AA', 'BA', 'IB'])}{rng.randint(10, 999)}",
            "DEP_DT_UTC": f"{dep.isoformat()}T{rng.randint(0, 23):02d}:{rng.choice(['05', '20', '35', '50'])}:00Z",
            "RBD": rng.choice("YBMHKLQVJCD"),
            "FARE_USD": round(rng.uniform(49, 4800), 2),
            "FOP_CC_NBR": card.replace(" ", ""),
            "FOP_CC_MASK": f"XXXXXXXXXXXX{card[-4:]}" if card else "",
            "WEB_USERID": _blank(rng, f"{first.lower()[:4]}{last.lower()[:4]}{rng.randint(1, 999)}", 0.45),
            "BKG_IP": rng.choice([fk.ipv4_public(), fk.ipv4_public(), fk.ipv6(), ""]),
            "SSR_REMARKS": rng.choice(["", "", "WCHR", "VGML", "AVIH PETC", "DOCS OK", "UMNR", "BLND"]),
            "REC_HASH": _hex(rng, 40),
        })
    return pd.DataFrame(rows)


BUILDERS = {
    "ie_energy_customers": _ie_table,
    "at_sv_versicherte": _at_table,
    "be_gemeente_inwoners": _be_table,
    "pt_hospital_consultas": _pt_table,
    "dk_vaerksted_kunder": _dk_table,
    "airline_pnr_loyalty": _air_table,
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table deterministically; table t gets max(1000, rows * scale) rows (rows <= 2000)."""
    out = {}
    for k, t in enumerate(TABLES):
        rng = random.Random(SEED * 100 + k)
        n = max(min(rows, 1000), int(rows * SCALE[t]))
        out[t] = BUILDERS[t](n, rng)
    return out


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for t, df in make_tables(rows).items():
        p = out_dir / FILES[t]
        if t == "ie_energy_customers":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        elif t == "at_sv_versicherte":
            df.to_parquet(p, index=False)
        elif t == "be_gemeente_inwoners":
            df.to_excel(p, index=False, sheet_name="Inwoners", engine="openpyxl")
        elif t == "pt_hospital_consultas":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        elif t == "dk_vaerksted_kunder":
            df.to_csv(p, index=False, sep=";", encoding="cp1252", errors="replace")
        else:
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        paths[t] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout37.py OUT_DIR")
    for name, path in write_all(Path(sys.argv[1])).items():
        print(name, path)
