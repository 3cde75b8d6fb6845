"""Blind held-out set heldout19: seven seeded tables shaped like real exports, labels in labels.yaml.

Tables (domain, format):
  uk_energy_billing   UK energy-supplier billing accounts        CSV, ",", cp1252
  de_praxis_termine   German Arztpraxis appointment list         Excel (.xlsx)
  es_alumni_donativos Spanish university alumni / donations      CSV, ";", UTF-8 with BOM
  it_condominio       Italian condominium owners register        Parquet
  se_bilpool_hyror    Swedish car-sharing rentals                JSON Lines
  pl_kandydaci_cv     Polish job-portal applicants               CSV, tab, UTF-8
  okta_system_log     Okta-style identity-provider audit log     CSV, ",", UTF-8

Labels were written by hand before any scanner run. Usage:
    python bench/heldout19/gen_heldout19.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import string
import sys
import tempfile
import uuid
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "FILES", "labels", "make_tables", "write_all"]

SEED = 19190
HERE = Path(__file__).resolve().parent
TABLES = (
    "uk_energy_billing",
    "de_praxis_termine",
    "es_alumni_donativos",
    "it_condominio",
    "se_bilpool_hyror",
    "pl_kandydaci_cv",
    "okta_system_log",
)
FILES = {
    "uk_energy_billing": "EnergyBilling_AccountExtract.csv",
    "de_praxis_termine": "Terminliste_Praxis_2025.xlsx",
    "es_alumni_donativos": "egresados_donativos.csv",
    "it_condominio": "anagrafica_condomini.parquet",
    "se_bilpool_hyror": "bilpool_hyror.jsonl",
    "pl_kandydaci_cv": "kandydaci_export.csv",
    "okta_system_log": "okta_syslog_export.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """{table: {column: entity or None}} as written by hand in labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {table: dict(doc[table]["columns"]) for table in TABLES}


# ---------------------------------------------------------------- helpers


def _fakers() -> dict[str, Faker]:
    out = {}
    for loc in ("en_GB", "de_DE", "es_ES", "it_IT", "sv_SE", "pl_PL", "en_US"):
        f = Faker(loc)
        f.seed_instance(SEED)
        for prov in f.get_providers():
            # it_IT builds its city list from a set: sort it so runs are reproducible across processes
            if isinstance(getattr(prov, "cities", None), list):
                prov.cities = sorted(prov.cities)
        out[loc] = f
    return out


def _sparse(rng: random.Random, value, fill: float, empty=""):
    """``value`` with probability ``fill``, else an empty marker."""
    return value if rng.random() < fill else empty


def _dob(rng: random.Random, lo: int = 1938, hi: int = 2005) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _event_date(rng: random.Random, year: int = 2025) -> dt.date:
    start = dt.date(year, 1, 1).toordinal()
    return dt.date.fromordinal(start + rng.randint(0, 330))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _luhn_digit(digits: str) -> str:
    """Check digit that makes ``digits`` + it pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _uk_nino(rng: random.Random) -> str:
    first = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
    second = [c for c in string.ascii_uppercase if c not in "DFIOQUV"]
    while True:
        prefix = rng.choice(first) + rng.choice(second)
        if prefix not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
            break
    digits = f"{rng.randint(0, 999999):06d}"
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{prefix}{digits}{suffix}"


def _kvnr(rng: random.Random) -> str:
    """German Krankenversichertennummer: letter + 8 digits + check digit."""
    letter = rng.choice(string.ascii_uppercase)
    body = f"{rng.randint(0, 99999999):08d}"
    seq = f"{ord(letter) - 64:02d}" + body
    total = 0
    for i, ch in enumerate(seq):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return f"{letter}{body}{total % 10}"


def _personnummer(rng: random.Random, dob: dt.date) -> str:
    serial = f"{rng.randint(0, 999):03d}"
    core = dob.strftime("%y%m%d") + serial
    check = _luhn_digit(core)
    if rng.random() < 0.35:
        return dob.strftime("%Y%m%d") + "-" + serial + check
    if rng.random() < 0.15:
        return core + check
    return dob.strftime("%y%m%d") + "-" + serial + check


def _card(rng: random.Random) -> str:
    prefix = rng.choice(["4", "4", "51", "52", "53", "55", "2221"])
    body = prefix + "".join(rng.choice(string.digits) for _ in range(15 - len(prefix)))
    num = body + _luhn_digit(body)
    if rng.random() < 0.4:
        return " ".join(num[i : i + 4] for i in range(0, 16, 4))
    return num


def _group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------- tables


def _uk_energy(n: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["en_GB"]
    tariffs = [
        "Standard Variable",
        "Fixed Saver Apr26 v2",
        "Fix'd 12M Jan25",
        "EV Night Saver",
        "Economy 7 Standard",
        "Green Tracker (Elec)",
        "PAYG Standard",
        "Flex Octo-Alt v3",
    ]
    pay = ["Monthly Direct Debit", "Quarterly DD", "PAYG Smart", "Cash/Cheque", "Payment Card"]
    notes = [
        "Customer disputes estimated read, photo of meter requested.",
        "Smart meter install booked - engineer to call ahead.",
        "Moved to monthly DD after arrears plan agreed.",
        "Warm Home Discount applied for 2025/26 scheme year.",
        "Final bill issued, COT pending.\nAwaiting new occupier details.",
        "Meter exchange complete; opening read 004512.",
        "Complaint logged (billing), ref escalated to Tier 2.",
        "",
        "",
        "",
        "",
        "n/a",
    ]
    rows = []
    acct = 1000230000
    for _ in range(n):
        acct += rng.randint(1, 37)
        dob = _dob(rng)
        first, last = f.first_name(), f.last_name()
        pc = f.postcode()
        if rng.random() < 0.15:
            pc = pc.replace(" ", "")
        if rng.random() < 0.05:
            pc = pc.lower()
        addr = f.street_address()
        if rng.random() < 0.2:
            addr = f"Flat {rng.randint(1, 24)}, {addr}"
        mob = rng.choice(["07{0} {1}", "+44 7{0} {1}", "07{0}{1}"]).format(
            rng.randint(100, 999), rng.randint(100000, 999999)
        )
        rows.append(
            {
                "Account No": acct,
                "MPAN Core": f"{rng.randint(10, 23)}{rng.randint(0, 10**11 - 1):011d}",
                "Meter Serial": f"{rng.randint(10, 24)}{rng.choice('EKLPJ')}{rng.randint(0, 999999):06d}",
                "Title": rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", ""]),
                "First Name": first,
                "Surname": last.upper() if rng.random() < 0.1 else last,
                "Supply Address Line 1": addr,
                "Town/City": f.city(),
                "Postcode": pc,
                "Contact Tel": _sparse(rng, f.phone_number(), 0.8),
                "Mobile": _sparse(rng, mob, 0.45),
                "E-mail": _sparse(rng, f.email(), 0.85),
                "DOB": _sparse(rng, dob.strftime("%d/%m/%Y"), 0.7),
                "NI Number": _sparse(rng, _uk_nino(rng), 0.3),
                "Bank A/C No": _sparse(rng, f"{rng.randint(0, 99999999):08d}", 0.6),
                "MyAccount Username": _sparse(
                    rng, f.user_name() + rng.choice(["", "", str(rng.randint(1, 99))]), 0.55
                ),
                "Joint Account Holder": _sparse(rng, f"{f.first_name()} {f.last_name()}", 0.18),
                "Tariff Name": rng.choice(tariffs),
                "Payment Method": rng.choice(pay),
                "Balance (£)": round(rng.uniform(-450, 220), 2),
                "Est. Annual Cons. (kWh)": rng.choice(
                    [rng.randint(900, 7200), float(rng.randint(900, 7200))]
                ),
                "Last Bill Date": _event_date(rng).strftime("%d/%m/%Y"),
                "PSR Flag": rng.choice(["Y", "N", "N", "N"]),
                "Smart Meter": rng.choice(["TRUE", "FALSE"]),
                "Agent Notes": rng.choice(notes),
            }
        )
    return pd.DataFrame(rows)


def _de_termine(n: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["de_DE"]
    doctors = [
        f"{t} {f.first_name()} {f.last_name()}"
        for t in ("Dr. med.", "Dr. med.", "Dr.", "Dr. med.", "", "Dipl.-Med.")
    ]
    doctors = [d.strip() for d in doctors]
    kassen = [
        ("AOK Bayern", "108310400"),
        ("Techniker Krankenkasse", "101575519"),
        ("BARMER", "104940005"),
        ("DAK-Gesundheit", "105830016"),
        ("IKK classic", "107202793"),
        ("BKK firmus", "103121137"),
        ("KKH", "102171012"),
        ("privat", ""),
    ]
    arten = [
        "Sprechstunde",
        "Vorsorge (Check-up 35)",
        "Impfung",
        "Labor/Blutabnahme",
        "Videosprechstunde",
        "Akut",
        "DMP Diabetes",
        "Hautkrebs-Screening",
    ]
    bem = [
        "nüchtern kommen",
        "Befundbesprechung",
        "Rezept abholen",
        "Überweisung HNO mitgeben",
        "AU-Bescheinigung",
        "Impfpass mitbringen",
        "Dolmetscher benötigt",
        "",
        "",
        "",
        "",
        "",
    ]
    rows = []
    tnr = 250000
    for _ in range(n):
        tnr += rng.randint(1, 5)
        kasse, ik = rng.choice(kassen)
        d = _event_date(rng)
        dob = _dob(rng, 1930, 2024)
        plz = f.postcode()
        rows.append(
            {
                "Termin-Nr.": tnr,
                "Datum": d.strftime("%d.%m.%Y"),
                "Uhrzeit": f"{rng.randint(7, 18):02d}:{rng.choice(['00', '10', '15', '20', '30', '40', '45', '50'])}",
                "Dauer (Min.)": rng.choice([5, 10, 15, 15, 20, 30]),
                "Terminart": rng.choice(arten),
                "Behandler": rng.choice(doctors),
                "Pat.-Nr.": rng.randint(1, 9800),
                "Name": f.last_name(),
                "Vorname": f.first_name(),
                "Geb.-Datum": dob if rng.random() < 0.95 else None,
                "Straße": f.street_address(),
                "PLZ": int(plz) if rng.random() < 0.9 else None,
                "Ort": f.city(),
                "Telefon": _sparse(rng, f.phone_number(), 0.75, None),
                "Mobil": _sparse(
                    rng,
                    rng.choice(["01{0} {1}", "+49 1{0} {1}", "01{0}/{1}"]).format(
                        rng.choice([51, 52, 57, 60, 62, 70, 71, 73, 76, 77]), rng.randint(1000000, 99999999)
                    ),
                    0.5,
                    None,
                ),
                "E-Mail": _sparse(rng, f.email(), 0.55, None),
                "Krankenkasse": kasse,
                "IK-Nr.": int(ik) if ik else None,
                "Vers.-Nr.": _kvnr(rng) if ik else None,
                "Vers.-Status": rng.choice([1000000, 3000000, 5000000]) if ik else None,
                "Überweiser": _sparse(rng, f"Dr. {f.first_name()} {f.last_name()}", 0.22, None),
                "Bemerkung": rng.choice(bem) or None,
                "SMS-Erinnerung": rng.choice(["ja", "nein"]),
                "Status": rng.choice(
                    ["erschienen", "erschienen", "erschienen", "abgesagt", "nicht erschienen"]
                ),
            }
        )
    return pd.DataFrame(rows)


def _es_alumni(n: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["es_ES"]
    grados = [
        "Grado en Derecho",
        "Grado en Administración y Dirección de Empresas",
        "Grado en Medicina",
        "Grado en Ingeniería Informática",
        "Máster Universitario en Finanzas",
        "Grado en Psicología",
        "Doctorado en Química",
        "Grado en Filología Hispánica",
        "Grado en Arquitectura",
    ]
    facultades = [
        "Fac. Derecho",
        "Fac. CC. Económicas",
        "Fac. Medicina",
        "ETSI Informática",
        "Fac. Psicología",
        "Fac. Filosofía y Letras",
        "ETS Arquitectura",
    ]
    campanas = ["Becas 2024", "Fondo Biblioteca", "Giving Day 2025", "Cátedra Empresa", "Reunión 25 aniv."]
    provincias = [
        "Madrid",
        "Barcelona",
        "Valencia",
        "Sevilla",
        "Málaga",
        "Asturias",
        "Navarra",
        "A Coruña",
        "Illes Balears",
        "Zaragoza",
        "Girona",
        "Ourense",
    ]
    obs = [
        "Prefiere contacto por email",
        "Carta de agradecimiento enviada",
        "Devolución recibo 03/2025",
        "No desea aparecer en memoria anual",
        "",
        "",
        "",
        "",
        "",
    ]
    rows = []
    for i in range(n):
        dob = _dob(rng, 1945, 2002)
        dni = f.nif() if rng.random() < 0.88 else f.nie()
        if rng.random() < 0.1:
            dni = dni[:-1] + "-" + dni[-1]
        cp = f.postcode()
        periodic = rng.choice(["Única", "Única", "Mensual", "Anual"])
        iban = f.iban()
        if rng.random() < 0.5:
            iban = _group4(iban)
        ded_name = f"{f.first_name()} {f.last_name()}"
        rows.append(
            {
                "ID_Egresado": f"EG-{rng.randint(1990, 2024)}-{i + 1:06d}",
                "Nombre": f.first_name(),
                "Apellidos": f"{f.last_name()} {f.last_name()}",
                "DNI/NIE": dni,
                "Fecha Nac.": _sparse(rng, dob.strftime("%d/%m/%Y"), 0.8),
                "Sexo": rng.choice(["H", "M", "M", ""]),
                "Correo electrónico": f.email(),
                "Correo alternativo": _sparse(rng, f.free_email(), 0.3),
                "Teléfono móvil": _sparse(
                    rng,
                    rng.choice(["6{0} {1} {2}", "+34 6{0}{1}{2}", "6{0}{1}{2}"]).format(
                        rng.randint(10, 99), rng.randint(100, 999), rng.randint(100, 999)
                    ),
                    0.85,
                ),
                "Dirección": f.street_address().strip(),
                "C.P.": str(int(cp)),
                "Municipio": f.city(),
                "Provincia": rng.choice(provincias),
                "Titulación": rng.choice(grados),
                "Facultad": rng.choice(facultades),
                "Año promoción": rng.randint(1968, 2024),
                "Importe (€)": f"{rng.choice([10, 20, 25, 50, 100, 150, 300, 1000])},00",
                "Fecha donación": _event_date(rng, rng.choice([2024, 2025])).strftime("%d/%m/%Y"),
                "Campaña": rng.choice(campanas),
                "Periodicidad": periodic,
                "IBAN domiciliación": iban if periodic != "Única" or rng.random() < 0.1 else "",
                "Desgravación fiscal": rng.choice(["Sí", "No", "Sí"]),
                "Empresa": _sparse(rng, f.company(), 0.6),
                "Cargo": _sparse(
                    rng,
                    rng.choice(
                        [
                            "Abogado/a",
                            "Director/a Financiero",
                            "Médico adjunto",
                            "Ingeniera de software",
                            "Profesor titular",
                            "Consultor",
                        ]
                    ),
                    0.6,
                ),
                "Dedicatoria": _sparse(
                    rng, rng.choice(["En memoria de ", "En honor a ", "In memoriam "]) + ded_name, 0.12
                ),
                "Observaciones": rng.choice(obs),
            }
        )
    return pd.DataFrame(rows)


def _it_condominio(n: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["it_IT"]
    condomini = [
        "Condominio Aurora",
        "Residenza I Platani",
        "Supercondominio Parco Verde",
        "Condominio Le Magnolie",
        "Residence San Marco",
        "Condominio Il Girasole",
    ]
    prov = ["MI", "TO", "RM", "BO", "NA", "FI", "BS", "VR", "PD", "GE"]
    rows = []
    for i in range(n):
        dob = _dob(rng, 1932, 2000)
        resident_elsewhere = rng.random() < 0.65
        pec_user = f.user_name()
        rows.append(
            {
                "id_anagrafica": 5000 + i,
                "Condominio": rng.choice(condomini),
                "Scala": rng.choice(["A", "B", "C", "D"]),
                "Interno": rng.randint(1, 40),
                "Piano": rng.choice(["T", "1", "2", "3", "4", "5", "6", "S1"]),
                "Millesimi": round(rng.uniform(5, 65), 3),
                "Titolo": rng.choice(
                    [
                        "Proprietario",
                        "Proprietario",
                        "Comproprietario",
                        "Inquilino",
                        "Usufruttuario",
                        "Nudo proprietario",
                    ]
                ),
                "Cognome": f.last_name(),
                "Nome": f.first_name(),
                "Codice Fiscale": f.ssn() if rng.random() < 0.95 else None,
                "Data nascita": pd.Timestamp(dob) if rng.random() < 0.85 else pd.NaT,
                "Luogo nascita": _sparse(rng, f.city(), 0.8, None),
                "Indirizzo residenza": f.street_address() if resident_elsewhere else None,
                "CAP": f.postcode() if resident_elsewhere else None,
                "Comune": f.city() if resident_elsewhere else None,
                "Prov.": rng.choice(prov),
                "Tel.": _sparse(rng, f.phone_number(), 0.5, None),
                "Cellulare": _sparse(
                    rng,
                    rng.choice(["3{0} {1}", "+39 3{0} {1}", "3{0}{1}"]).format(
                        rng.randint(20, 93), rng.randint(1000000, 9999999)
                    ),
                    0.8,
                    None,
                ),
                "E-mail": _sparse(rng, f.email(), 0.75, None),
                "PEC": _sparse(
                    rng,
                    f"{pec_user}@{rng.choice(['pec.it', 'legalmail.it', 'pec.aruba.it', 'postacert.it'])}",
                    0.25,
                    None,
                ),
                "IBAN addebito": _sparse(rng, f.iban(), 0.5, None),
                "Rata mensile €": round(rng.uniform(40, 380), 2),
                "Saldo esercizio": round(rng.uniform(-2500, 600), 2),
                "Moroso": rng.random() < 0.12,
                "Data subentro": pd.Timestamp(_event_date(rng, rng.randint(1995, 2025))),
                "Delegato assemblea": _sparse(rng, f"{f.last_name()} {f.first_name()}", 0.2, None),
            }
        )
    return pd.DataFrame(rows)


def _se_bilpool(n: int, rng: random.Random, fk: dict[str, Faker]) -> list[dict]:
    f = fk["sv_SE"]
    stations = [
        "Stockholm, Hornstull",
        "Stockholm, Odenplan",
        "Göteborg, Järntorget",
        "Malmö, Möllevången",
        "Uppsala, Centralstationen",
        "Lund, Clemenstorget",
        "Västerås, Centrum",
        "Örebro, Väster",
        "Linköping, Ryd",
        "Umeå, Haga",
    ]
    models = [
        "VW ID.3",
        "Volvo XC40 Recharge",
        "Kia e-Niro",
        "Tesla Model 3",
        "Renault Zoe",
        "Toyota Yaris Hybrid",
    ]
    notes = [
        "Repa på vänster bakdörr",
        "Bilen lämnades med låg laddning",
        "Skräp i baksätet",
        "Laddkabel saknades vid start",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    rows = []
    booking = 880000
    for _ in range(n):
        booking += rng.randint(1, 9)
        dob = _dob(rng, 1950, 2006)
        start = dt.datetime(2025, 1, 1) + dt.timedelta(minutes=rng.randint(0, 480000))
        end = start + dt.timedelta(minutes=rng.randint(30, 4000))
        pn = f"{rng.randint(100, 999)}{rng.randint(10, 99)}"
        km = round(rng.uniform(2, 450), 1)
        amount = round(km * 2.9 + rng.randint(49, 400), 2)
        card = _card(rng)
        digits = card.replace(" ", "")
        row = {
            "hyr_id": _uuid(rng),
            "bokningsnr": booking,
            "medlemsnr": rng.randint(10000, 99999),
            "förnamn": f.first_name(),
            "efternamn": f.last_name(),
            "personnr": _personnummer(rng, dob),
            "epost": f.email(),
            "mobil": rng.choice(["07{0}-{1} {2} {3}", "+467{0}{1}{2}{3}", "07{0} {1} {2} {3}"]).format(
                rng.choice([0, 2, 3, 6]), rng.randint(100, 999), rng.randint(10, 99), rng.randint(10, 99)
            ),
            "gatuadress": f.street_address(),
            "postnr": rng.choice([f"{pn[:3]} {pn[3:]}", pn, int(pn)]),
            "ort": f.city(),
            "anvandarnamn": f.user_name() + rng.choice(["", "", "_" + str(rng.randint(1, 99))]),
            "regnr": f"{''.join(rng.choice('ABCDEFGHJKLMNOPRSTUWXYZ') for _ in range(3))} "
            f"{rng.randint(10, 99)}{rng.choice('0123456789ABCDEFGHJKLMNPRSTUWXYZ')}",
            "bilmodell": rng.choice(models),
            "upphamtningsplats": rng.choice(stations),
            "starttid": start.isoformat(timespec="seconds") + "+01:00",
            "sluttid": end.isoformat(timespec="seconds") + "+01:00",
            "korstracka_km": km,
            "belopp_sek": amount,
            "moms_sek": round(amount * 0.2, 2),
            "kortnummer": card,
            "kort": f"{'Visa' if digits[0] == '4' else 'Mastercard'} **** {digits[-4:]}",
            "betald": rng.random() < 0.93,
            "anteckning": rng.choice(notes),
            "app_version": f"{rng.choice([4, 5])}.{rng.randint(0, 14)}.{rng.randint(0, 9)}",
            "ip": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
        }
        if rng.random() < 0.1:
            del row["kortnummer"]  # paid by invoice: field absent, as in real event exports
        if not row["anteckning"]:
            row["anteckning"] = None
        rows.append(row)
    return rows


def _pl_kandydaci(n: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    f = fk["pl_PL"]
    woj = ["mazowieckie", "małopolskie", "śląskie", "wielkopolskie", "pomorskie", "dolnośląskie", "łódzkie"]
    stanowiska = [
        "Specjalista ds. księgowości",
        "Junior Java Developer",
        "Kierownik magazynu",
        "Przedstawiciel handlowy",
        "Analityk danych",
        "Kasjer-sprzedawca",
        "Pielęgniarka",
        "Inżynier utrzymania ruchu",
    ]
    jez = ["angielski B2", "angielski C1; niemiecki A2", "angielski B1", "niemiecki B2", "brak", ""]
    etap = ["Nowa aplikacja", "Odrzucony", "Rozmowa telefoniczna", "Rozmowa z HR", "Oferta", "Zatrudniony"]
    wyk = ["wyższe magisterskie", "wyższe licencjackie", "średnie", "zawodowe", "wyższe inżynierskie"]
    rows = []
    for i in range(n):
        dob = _dob(rng, 1962, 2006)
        pesel = f.pesel(date_of_birth=dt.datetime(dob.year, dob.month, dob.day))
        if rng.random() < 0.5:
            pesel = str(int(pesel))  # spreadsheet round trip drops leading zeros
        street = f.street_address()
        if rng.random() < 0.3:
            street += f"/{rng.randint(1, 80)}"
        rows.append(
            {
                "ID kandydata": 310000 + i * 3 + rng.randint(0, 2),
                "Imię": f.first_name(),
                "Nazwisko": f.last_name(),
                "PESEL": pesel if rng.random() < 0.8 else "",
                "Nr dowodu osobistego": _sparse(rng, f.identity_card_number(), 0.25),
                "Data urodzenia": _sparse(rng, dob.isoformat(), 0.75),
                "E-mail": f.email(),
                "Telefon": rng.choice(["+48 {0} {1} {2}", "{0}{1}{2}", "{0}-{1}-{2}", "{0} {1} {2}"]).format(
                    rng.choice([50, 51, 53, 57, 60, 66, 69, 72, 78, 79, 88]) * 10 + rng.randint(0, 9),
                    rng.randint(100, 999),
                    rng.randint(100, 999),
                ),
                "Ulica": street,
                "Kod pocztowy": f.postcode(),
                "Miejscowość": f.city(),
                "Województwo": rng.choice(woj),
                "Stanowisko": rng.choice(stanowiska),
                "Pracodawca (ogłoszenie)": f.company(),
                "Wynagrodzenie oczekiwane [PLN brutto]": rng.choice(
                    [rng.randint(42, 180) * 100, "do negocjacji", ""]
                ),
                "Doświadczenie [lata]": round(rng.choice([0, 0.5, 1, 2, 3, 5, 7, 10, 15]) + 0.0, 1),
                "Wykształcenie": rng.choice(wyk),
                "Języki": rng.choice(jez),
                "Data aplikacji": f"{_event_date(rng).isoformat()} {rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}",
                "Etap": rng.choice(etap),
                "Plik CV": f"cv/{rng.choice([2024, 2025])}/{_hex(rng, 12)}.pdf",
                "Zgoda RODO": rng.choice(["TAK", "TAK", "TAK", "NIE"]),
                "Zgoda na przyszłe rekrutacje": rng.choice(["1", "0"]),
                "Login GitHub": _sparse(
                    rng, f.user_name() + rng.choice(["", "-dev", str(rng.randint(1, 99))]), 0.2
                ),
                "Polecający": _sparse(rng, f"{f.first_name()} {f.last_name()}", 0.1),
            }
        )
    return pd.DataFrame(rows)


def _okta_log(n: int, rng: random.Random, fk: dict[str, Faker]) -> pd.DataFrame:
    us, gb, de = fk["en_US"], fk["en_GB"], fk["de_DE"]
    events = [
        ("user.session.start", "User login to Okta", "INFO"),
        ("user.authentication.sso", "User single sign on to app", "INFO"),
        ("user.authentication.auth_via_mfa", "Authentication of user via MFA", "INFO"),
        ("user.account.lock", "Max sign in attempts exceeded", "WARN"),
        ("application.user_membership.add", "Add user to application membership", "INFO"),
        ("user.mfa.factor.activate", "Activate factor for user", "INFO"),
        ("policy.evaluate_sign_on", "Evaluation of sign-on policy", "INFO"),
        ("user.session.end", "User logout from Okta", "INFO"),
    ]
    apps = ["Salesforce", "Slack", "Workday", "GitHub Enterprise", "AWS IAM Identity Center", "Zoom"]
    # a fixed workforce: people log in many times each
    people = []
    for _ in range(max(50, n // 6)):
        fn, ln = us.first_name(), us.last_name()
        people.append(
            (
                f"{us.pystr_format('00u????????????????', letters=string.ascii_letters + string.digits)}",
                fn,
                ln,
                f"{fn.lower()}.{ln.lower()}@northwind-labs.com",
                f"{fn[0].lower()}{ln.lower()}{rng.choice(['', '', '2', '01'])}",
            )
        )
    uas = [us.user_agent() for _ in range(40)]
    geo = []
    for _ in range(120):
        src = rng.choice([us, us, us, gb, de])
        if src is us:
            geo.append((src.city(), src.state(), "United States", src.zipcode()))
        elif src is gb:
            geo.append((src.city(), "England", "United Kingdom", src.postcode().split(" ")[0]))
        else:
            geo.append((src.city(), src.state(), "Germany", src.postcode()))
    ips = [us.ipv4_public() for _ in range(n // 3 + 10)]
    rows = []
    t = dt.datetime(2025, 10, 1, 0, 0, 0)
    for _ in range(n):
        t += dt.timedelta(seconds=rng.randint(1, 900), milliseconds=rng.randint(0, 999))
        ev, msg, sev = rng.choice(events)
        actor = rng.choice(people)
        target = actor if rng.random() < 0.6 else rng.choice(people)
        city, state, country, postal = rng.choice(geo)
        ok = rng.random() < 0.9
        ip = rng.choice(ips)
        rows.append(
            {
                "uuid": _uuid(rng),
                "published": t.isoformat(timespec="milliseconds") + "Z",
                "eventType": ev,
                "displayMessage": msg,
                "severity": sev,
                "actor.id": actor[0],
                "actor.type": "User",
                "actor.alternateId": actor[3],
                "actor.displayName": f"{actor[1]} {actor[2]}",
                "client.userAgent.rawUserAgent": rng.choice(uas),
                "client.userAgent.os": rng.choice(["Mac OS X", "Windows 10", "iOS", "Android", "Linux"]),
                "client.userAgent.browser": rng.choice(["CHROME", "SAFARI", "EDGE", "FIREFOX", "UNKNOWN"]),
                "client.device": rng.choice(["Computer", "Mobile", "Unknown"]),
                "client.zone": rng.choice(["null", "LegacyIpZone", "BlockedIpZone"]),
                "client.ipAddress": ip,
                "client.geographicalContext.city": city,
                "client.geographicalContext.state": state,
                "client.geographicalContext.country": country,
                "client.geographicalContext.postalCode": postal,
                "outcome.result": "SUCCESS" if ok else rng.choice(["FAILURE", "DENY", "CHALLENGE"]),
                "outcome.reason": ""
                if ok
                else rng.choice(["INVALID_CREDENTIALS", "VERIFICATION_ERROR", "LOCKED_OUT"]),
                "target.0.type": "AppUser",
                "target.0.alternateId": target[4],
                "target.0.displayName": f"{target[1]} {target[2]}",
                "target.1.displayName": rng.choice(apps),
                "transaction.id": "".join(
                    rng.choice(string.ascii_letters + string.digits) for _ in range(27)
                ),
                "authenticationContext.externalSessionId": "102"
                + "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(22)),
                "debugContext.debugData.requestUri": rng.choice(
                    [
                        "/api/v1/authn",
                        "/idp/idx/identify",
                        "/app/salesforce/exk1a2b3c4/sso/saml",
                        "/login/sessionCookieRedirect",
                        "/oauth2/v1/authorize",
                    ]
                ),
                "debugContext.debugData.phoneNumber": (
                    rng.choice(["+1 {0}-{1}-{2}", "+1{0}{1}{2}"]).format(
                        rng.randint(201, 989), rng.randint(200, 999), rng.randint(1000, 9999)
                    )
                    if ev == "user.mfa.factor.activate" or rng.random() < 0.04
                    else ""
                ),
                "securityContext.isp": rng.choice(
                    [
                        "comcast cable communications llc",
                        "verizon business",
                        "amazon.com inc.",
                        "deutsche telekom ag",
                        "bt public internet service",
                    ]
                ),
                "securityContext.isProxy": rng.choice(["false", "false", "false", "true"]),
                "request.ipChain.0.ip": ip,
                "debugContext.debugData.threatSuspected": rng.choice(["false", "false", "true"]),
            }
        )
    return pd.DataFrame(rows)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """{table: DataFrame} for every table, ``rows`` rows each, deterministic for a given ``rows``."""
    rng = random.Random(SEED)
    fk = _fakers()
    return {
        "uk_energy_billing": _uk_energy(rows, rng, fk),
        "de_praxis_termine": _de_termine(rows, rng, fk),
        "es_alumni_donativos": _es_alumni(rows, rng, fk),
        "it_condominio": _it_condominio(rows, rng, fk),
        "se_bilpool_hyror": pd.DataFrame(_se_bilpool(rows, rng, fk)),
        "pl_kandydaci_cv": _pl_kandydaci(rows, rng, fk),
        "okta_system_log": _okta_log(rows, rng, fk),
    }


# ---------------------------------------------------------------- writing


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_jsonl(df: pd.DataFrame, path: Path) -> None:
    """One JSON object per line; a missing value is an absent key, as event exports do."""
    with open(path, "w", encoding="utf-8") as fh:
        for rec in df.to_dict(orient="records"):
            clean = {k: v for k, v in rec.items() if not (isinstance(v, float) and v != v)}
            fh.write(json.dumps(clean, ensure_ascii=False) + "\n")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into ``out_dir`` (created) in its own format; {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    paths = {t: out_dir / FILES[t] for t in TABLES}
    writers = {
        "uk_energy_billing": lambda df, p: df.to_csv(
            p, index=False, sep=",", encoding="cp1252", lineterminator="\r\n"
        ),
        "de_praxis_termine": lambda df, p: df.to_excel(
            p, index=False, sheet_name="Termine", engine="openpyxl"
        ),
        "es_alumni_donativos": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="utf-8-sig"),
        "it_condominio": lambda df, p: df.to_parquet(p, index=False),
        "se_bilpool_hyror": _write_jsonl,
        "pl_kandydaci_cv": lambda df, p: df.to_csv(p, index=False, sep="\t", encoding="utf-8"),
        "okta_system_log": lambda df, p: df.to_csv(p, index=False, encoding="utf-8"),
    }
    for table in TABLES:
        _atomic(paths[table], lambda p, t=table: writers[t](frames[t], p))
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout19.py OUT_DIR [ROWS]")
    for name, path in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(f"{name}\t{path}")
