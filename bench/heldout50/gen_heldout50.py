"""Blind held-out set 50: six exports from Irish, Ticino, Spanish, Dutch, Finnish and HR systems.

Public API (same as the other held-out sets): ``TABLES``, ``labels()``, ``make_tables(rows)``,
``write_all(out_dir, rows)``; ``python gen_heldout50.py OUT_DIR`` writes every table.
Seeded and deterministic; no network.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 50500
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "ie_cu_loans",
    "ti_residenti",
    "es_academia_alumnos",
    "nl_huisarts_patienten",
    "fi_taloyhtio_asukkaat",
    "hr_ats_candidates",
)

FILES: dict[str, str] = {
    "ie_cu_loans": "ie_cu_loans.csv",
    "ti_residenti": "ti_residenti.xlsx",
    "es_academia_alumnos": "es_academia_alumnos.csv",
    "nl_huisarts_patienten": "nl_huisarts_patienten.parquet",
    "fi_taloyhtio_asukkaat": "fi_taloyhtio_asukkaat.jsonl",
    "hr_ats_candidates": "hr_ats_candidates.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value: object, p: float, blanks: tuple = ("",)) -> object:
    return rng.choice(blanks) if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 18, hi: int = 90) -> dt.date:
    today = dt.date(2025, 6, 30)
    return today - dt.timedelta(days=rng.randint(lo * 365, hi * 365))


def _event(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


# --------------------------------------------------------------------------- Ireland
_IE_TOWNS = [
    "Ennis", "Kilrush", "Shannon", "Limerick", "Newcastle West", "Tralee", "Listowel", "Killarney",
    "Nenagh", "Thurles", "Galway", "Athenry", "Loughrea", "Tuam", "Castlebar", "Westport",
    "Ballina", "Sligo", "Carrick-on-Shannon", "Longford", "Mullingar", "Athlone", "Tullamore",
    "Portlaoise", "Kilkenny", "Carlow", "Wexford", "Enniscorthy", "Gorey", "Waterford",
    "Dungarvan", "Clonmel", "Mallow", "Cork", "Cobh", "Midleton", "Bandon", "Skibbereen",
    "Navan", "Drogheda", "Dundalk", "Cavan", "Monaghan", "Letterkenny", "Donegal Town",
]
_IE_COUNTIES = [
    "Co. Clare", "Co Limerick", "Kerry", "Co. Tipperary", "Galway", "Co. Mayo", "Sligo",
    "Co Leitrim", "Westmeath", "Offaly", "Laois", "Co. Kilkenny", "Wexford", "Co. Waterford",
    "Co. Cork", "Meath", "Louth", "Cavan", "Co. Donegal",
]
_IE_STREETS = [
    "Main Street", "Church Road", "O'Connell Street", "Bridge Street", "Abbey Road", "Mill Lane",
    "Castle View", "The Green", "Parnell Square", "Station Road", "Ard na Greine", "Cois Abhainn",
    "Sli na Mara", "Convent Hill", "Fairgreen", "Mary Street", "Barrack Street", "Oakwood Drive",
]
_EIR_KEYS = ["V95", "V15", "V14", "V94", "V92", "V93", "E45", "E41", "H91", "H65", "F23",
             "F28", "F91", "N37", "N91", "R32", "R93", "R95", "X35", "X91", "T12", "P43",
             "C15", "A92", "A91", "H12", "F92", "D02", "D6W", "D15"]
_EIR_CHARS = "0123456789ACDEFHKNPRTVWXY"


def _ppsn(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(7)]
    total = sum(d * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    check = "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]
    s = "".join(map(str, digits)) + check
    return s + "A" if rng.random() < 0.15 else s


def _eircode(rng: random.Random) -> str:
    key = rng.choice(_EIR_KEYS)
    uid = rng.choice("ACDEFHKNPRTVWXY") + "".join(rng.choice(_EIR_CHARS) for _ in range(3))
    return f"{key} {uid}" if rng.random() < 0.8 else f"{key}{uid}".lower() if rng.random() < 0.3 else f"{key}{uid}"


def _ie_mobile(rng: random.Random) -> str:
    pre = rng.choice(["083", "085", "086", "087", "089"])
    n = f"{rng.randint(0, 9999999):07d}"
    style = rng.random()
    if style < 0.4:
        return f"{pre} {n[:3]} {n[3:]}"
    if style < 0.7:
        return f"+353 {pre[1:]} {n[:3]} {n[3:]}"
    if style < 0.9:
        return f"{pre}{n}"
    return f"00353{pre[1:]}{n}"


def _username(rng: random.Random, first: str, last: str) -> str:
    first = first.lower().replace(" ", "").replace("'", "")
    last = last.lower().replace(" ", "").replace("'", "")
    style = rng.random()
    if style < 0.3:
        return f"{first[0]}{last}{rng.randint(1, 99)}"
    if style < 0.55:
        return f"{first}.{last}"
    if style < 0.8:
        return f"{first}_{last[:3]}{rng.randint(10, 999)}"
    return f"{last}{first[:2]}"


def _ascii(s: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def _ie_loans(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_IE", 1)
    out = []
    start_member = 10450
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        name = f"{first} {last}" if rng.random() < 0.7 else f"{last.upper()}, {first}"
        town = rng.choice(_IE_TOWNS)
        amount = rng.choice([1500, 2000, 3000, 5000, 7500, 10000, 12000, 15000, 20000, 25000])
        amount += rng.choice([0, 0, 250, 500])
        dob = _dob(rng, 19, 82)
        email = f"{_ascii(first).lower()}.{_ascii(last).lower().replace(chr(39), '')}{rng.randint(1, 99)}@" + rng.choice(
            ["gmail.com", "eircom.net", "hotmail.com", "yahoo.ie", "outlook.ie", "icloud.com"])
        g_first, g_last = fk.first_name(), fk.last_name()
        has_g = rng.random() < 0.3
        out.append({
            "Member No": start_member + i * 3 + rng.randint(0, 2),
            "Loan A/C": f"L{rng.randint(1, 4)}{rng.randint(0, 99999):05d}",
            "Member Name": name,
            "Addr Line 1": f"{rng.randint(1, 140)} {rng.choice(_IE_STREETS)}",
            "Addr Line 2 / Town": town if rng.random() < 0.85 else f"{rng.choice(['Knockmore', 'Ballyglass', 'Gortnahoe', 'Cloonfad'])}, {town}",
            "County": rng.choice(_IE_COUNTIES),
            "Eircode": _blank(rng, _eircode(rng), 0.08),
            "D.O.B.": dob.strftime("%d/%m/%Y") if rng.random() < 0.85 else dob.strftime("%d-%b-%y"),
            "PPSN": _ppsn(rng),
            "Mobile": _ie_mobile(rng),
            "Email": _blank(rng, email, 0.15, ("", "n/a", "none")),
            "IBAN (repayments)": _blank(rng, fk.iban() if rng.random() < 0.5 else " ".join(
                (lambda s: [s[j:j + 4] for j in range(0, len(s), 4)])(fk.iban())), 0.05),
            "Loan Purpose": rng.choice(["Car", "Home Improvements", "Education", "Holiday", "Debt Consolidation",
                                        "Wedding", "Medical", "Christmas", "Solar Panels / Retrofit"]),
            "Amount Approved (EUR)": float(amount),
            "Term (mths)": rng.choice([12, 24, 36, 48, 60, 84, 120]),
            "APR %": round(rng.uniform(5.5, 12.68), 2),
            "Drawdown Date": _event(rng, dt.date(2019, 1, 1), dt.date(2025, 5, 31)).isoformat(),
            "Arrears?": rng.choice(["Y", "N", "N", "N", "N"]),
            "Guarantor Name": f"{g_first} {g_last}" if has_g else "",
            "Guarantor Tel": _ie_mobile(rng) if has_g else "",
            "Online Banking User": _blank(rng, _username(rng, _ascii(first), _ascii(last)), 0.25),
            "Officer": f"LO{rng.randint(1, 14):02d}",
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- Ticino
_TI_COMUNI = [
    ("6900", "Lugano"), ("6500", "Bellinzona"), ("6600", "Locarno"), ("6850", "Mendrisio"),
    ("6830", "Chiasso"), ("6612", "Ascona"), ("6616", "Losone"), ("6648", "Minusio"),
    ("6512", "Giubiasco"), ("6710", "Biasca"), ("6780", "Airolo"), ("6760", "Faido"),
    ("6943", "Vezia"), ("6952", "Canobbio"), ("6928", "Manno"), ("6982", "Agno"),
    ("6987", "Caslano"), ("6926", "Montagnola"), ("6815", "Melide"), ("6828", "Balerna"),
    ("6874", "Castel San Pietro"), ("6598", "Tenero"), ("6532", "Castione"), ("6528", "Camorino"),
]
_TI_VIE = [
    "Via Cantonale", "Via San Gottardo", "Via Nassa", "Via Lucino", "Via alla Chiesa", "Via ai Ronchi",
    "Via Stazione", "Via Vela", "Via Motta", "Piazza Grande", "Via dei Faggi", "Via Pedemonte",
    "Strada di Gandria", "Via al Lago", "Via Vallemaggia", "Via Monte Ceneri", "Salita dei Frati",
]
_ORIGINI = ["Milano", "Como", "Varese", "Zürich", "Bern", "Porto", "Lisboa", "Pristina", "Napoli",
            "Torino", "Basel", "Genève", "Luzern", "Bergamo", "Palermo", "Chur", "Skopje", "Braga"]


def _ahv(rng: random.Random) -> str:
    digits = [7, 5, 6] + [rng.randint(0, 9) for _ in range(9)]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return f"{s[:3]}.{s[3:7]}.{s[7:11]}.{s[11:]}" if rng.random() < 0.9 else s


def _ch_phone(rng: random.Random, mobile: bool) -> str:
    pre = rng.choice(["076", "077", "078", "079"]) if mobile else "091"
    n = f"{rng.randint(0, 9999999):07d}"
    if rng.random() < 0.6:
        return f"{pre} {n[:3]} {n[3:5]} {n[5:]}"
    return f"+41 {pre[1:]} {n[:3]} {n[3:5]} {n[5:]}"


def _ti_residenti(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("it_IT", 2)
    fd = _faker("de_CH", 22)
    out = []
    for i in range(rows):
        f = fk if rng.random() < 0.8 else fd
        sex = rng.choice(["M", "F"])
        first = f.first_name_male() if sex == "M" else f.first_name_female()
        last = f.last_name()
        npa, loc = rng.choice(_TI_COMUNI)
        dob = _dob(rng, 0, 98)
        naz = rng.choice(["CH"] * 6 + ["I", "P", "D", "KOS", "E", "SRB"])
        moved = rng.random() < 0.35
        email = f"{_ascii(first).lower()}.{_ascii(last).lower().replace(' ', '')}@" + rng.choice(
            ["bluewin.ch", "gmail.com", "ticino.com", "hispeed.ch", "sunrise.ch"])
        out.append({
            "ID persona": 300000 + i * 7 + rng.randint(0, 6),
            "Cognome": last,
            "Nome": first,
            "Sesso": sex,
            "Data di nascita": pd.Timestamp(dob),
            "Luogo di nascita": rng.choice([loc, loc, rng.choice(_TI_COMUNI)[1], rng.choice(_ORIGINI)]),
            "Stato civile": rng.choice(["celibe/nubile", "coniugato/a", "divorziato/a", "vedovo/a", "unione domestica reg."]),
            "Nazionalità": naz,
            "Permesso": "" if naz == "CH" else rng.choice(["B", "C", "L", "G", "F"]),
            "Confessione": rng.choice(["RC", "EVR", "altra", "nessuna", ""]),
            "Via e n.": f"{rng.choice(_TI_VIE)} {rng.randint(1, 120)}{rng.choice(['', '', '', 'a', 'b'])}",
            "NPA": int(npa),
            "Località": loc,
            "Comune di provenienza": rng.choice(_ORIGINI + [c for _, c in _TI_COMUNI]) if moved else None,
            "Data arrivo": pd.Timestamp(_event(rng, dt.date(1990, 1, 1), dt.date(2025, 5, 31))) if moved else None,
            "N. AVS": _ahv(rng) if rng.random() < 0.97 else None,
            "Telefono": _ch_phone(rng, False) if rng.random() < 0.45 else None,
            "Cellulare": _ch_phone(rng, True) if rng.random() < 0.8 else None,
            "E-mail": email if rng.random() < 0.6 else None,
            "Economia dom. n°": f"ED-{rng.randint(1, 9000):05d}",
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- Spain
_ES_CURSOS = ["Inglés General", "Inglés Intensivo", "Preparación Cambridge B2 First", "Francés",
              "Alemán", "Italiano", "Conversación Inglés", "Business English", "Chino Mandarín"]
_ES_OBS = [
    "Pago trimestral", "Solicita cambio de grupo a horario de tarde", "Beca 20%",
    "Matrícula renovada", "Prueba de nivel pendiente", "Libro entregado", "Baja temporal por verano",
    "Descuento familia numerosa", "Necesita factura", "", "", "", "n/a",
    "Prefiere clases online\nRevisar en septiembre",
]


def _dni(rng: random.Random) -> str:
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.85:
        n = rng.randint(1000000, 99999999)
        s = f"{n:08d}{letters[n % 23]}"
        return s if rng.random() < 0.8 else f"{s[:8]}-{s[8]}"
    p = rng.choice("XYZ")
    n = rng.randint(0, 9999999)
    full = int(f"{'XYZ'.index(p)}{n:07d}")
    return f"{p}{n:07d}{letters[full % 23]}"


def _es_mobile(rng: random.Random) -> str:
    n = f"{rng.choice('67')}{rng.randint(0, 99999999):08d}"
    style = rng.random()
    if style < 0.5:
        return f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"
    if style < 0.8:
        return n
    return f"+34 {n[:3]} {n[3:6]} {n[6:]}"


def _es_academia(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("es_ES", 3)
    out = []
    for i in range(rows):
        first = fk.first_name()
        last = f"{fk.last_name()} {fk.last_name()}"
        dob = _dob(rng, 8, 70)
        minor = (dt.date(2025, 6, 30) - dob).days < 18 * 365
        cp = fk.postcode()
        out.append({
            "Nº Alumno": f"{2024000 + i}",
            "Nombre": first,
            "Apellidos": last,
            "DNI/NIE": _blank(rng, _dni(rng), 0.1 if minor else 0.02),
            "F. Nacimiento": dob.strftime("%d/%m/%Y"),
            "Teléfono móvil": _es_mobile(rng),
            "Correo electrónico": _blank(rng, fk.free_email(), 0.05),
            "Domicilio": fk.street_address(),
            "C.P.": str(int(cp)) if rng.random() < 0.4 else cp,
            "Localidad": fk.city(),
            "Provincia": fk.state(),
            "Nombre tutor legal": f"{fk.first_name()} {last.split()[0]} {fk.last_name()}" if minor else "",
            "Tlf. tutor": _es_mobile(rng) if minor else "",
            "IBAN domiciliación": _blank(rng, fk.iban(), 0.12),
            "Curso": rng.choice(_ES_CURSOS),
            "Nivel MCER": rng.choice(["A1", "A2", "B1", "B2", "C1", "C2"]),
            "Grupo": f"{rng.choice(['M', 'T', 'S'])}{rng.randint(1, 12):02d}",
            "Cuota mensual (€)": f"{rng.choice([59, 65, 75, 89, 95, 120])},{rng.choice(['00', '50', '90'])}",
            "Fecha alta": _event(rng, dt.date(2018, 9, 1), dt.date(2025, 3, 1)).strftime("%d/%m/%Y"),
            "Observaciones": rng.choice(_ES_OBS),
            "Usuario campus": _username(rng, _ascii(first), _ascii(last.split()[0])),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- Netherlands
_NL_VERZEKERAARS = [("Zilveren Kruis", "3311"), ("VGZ", "7095"), ("CZ", "9664"), ("Menzis", "3332"),
                    ("DSW", "3343"), ("ONVZ", "3313"), ("a.s.r.", "3341"), ("Zorg en Zekerheid", "3336")]
_ICPC = ["A03", "R05", "R74", "K86", "T90", "L03", "S88", "P76", "D01", "N01", "F70", "H71"]


def _bsn(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        total = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True))
        last = total % 11
        if last <= 9 and d[0] + d[1] > 0:
            return "".join(map(str, d)) + str(last)


def _nl_huisarts(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("nl_NL", 4)
    out = []
    for i in range(rows):
        last = fk.last_name()
        first = fk.first_name()
        ins, uzovi = rng.choice(_NL_VERZEKERAARS)
        bsn = _bsn(rng)
        pc = fk.postcode()
        mob = f"06{rng.randint(10000000, 99999999)}"
        out.append({
            "Patiëntnr": 100000 + i,
            "BSN": int(bsn) if rng.random() < 0.5 else bsn,
            "Achternaam": last,
            "Roepnaam": first,
            "Geslacht": rng.choice(["M", "V", "M", "V", "X"]),
            "Geboortedatum": pd.Timestamp(_dob(rng, 0, 99)),
            "Straat + huisnr": fk.street_address(),
            "Postcode": pc if rng.random() < 0.7 else f"{pc[:4]} {pc[4:]}",
            "Woonplaats": fk.city(),
            "Telefoonnummer": fk.phone_number() if rng.random() < 0.5 else None,
            "Mobiel": (mob if rng.random() < 0.5 else f"06-{mob[2:]}") if rng.random() < 0.85 else None,
            "E-mailadres": fk.free_email() if rng.random() < 0.7 else None,
            "Zorgverzekeraar": ins,
            "UZOVI": uzovi,
            "Polisnummer": f"{rng.randint(10000000, 999999999)}",
            "Inschrijfdatum": pd.Timestamp(_event(rng, dt.date(1995, 1, 1), dt.date(2025, 5, 1))),
            "Laatste consult": pd.Timestamp(_event(rng, dt.date(2023, 1, 1), dt.date(2025, 6, 27))),
            "ICPC": rng.choice(_ICPC),
            "Naam noodcontact": f"{fk.first_name()} {fk.last_name()}" if rng.random() < 0.6 else None,
            "MGN gebruikersnaam": _username(rng, _ascii(first), _ascii(last)) if rng.random() < 0.45 else None,
            "Herhaalrecept?": rng.random() < 0.3,
        })
    df = pd.DataFrame(out)
    df["BSN"] = df["BSN"].astype(str)
    return df


# --------------------------------------------------------------------------- Finland
_TALOYHTIOT = ["As Oy Tampereen Pyynikinrinne", "As Oy Helsingin Kalliontupa", "Asunto Oy Espoon Tapiolan Helmi",
               "As Oy Turun Aurajoenranta", "As Oy Oulun Toppilansaari", "Kiinteistö Oy Jyväskylän Harju"]
_FI_POSTI = [("33200", "Tampere"), ("00530", "Helsinki"), ("02100", "Espoo"), ("20100", "Turku"),
             ("90520", "Oulu"), ("40100", "Jyväskylä"), ("00500", "Helsinki"), ("33100", "Tampere"),
             ("15100", "Lahti"), ("70100", "Kuopio"), ("65100", "Vaasa"), ("28100", "Pori")]


def _fi_taloyhtio(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("fi_FI", 5)
    out = []
    for _ in range(rows):
        last, first = fk.last_name(), fk.first_name()
        hetu = fk.ssn(min_age=18, max_age=95)
        yy = int(hetu[4:6])
        century = {"+": 1800, "-": 1900, "A": 2000}.get(hetu[6], 1900)
        dob = f"{hetu[0:2]}.{hetu[2:4]}.{century + yy}"
        pno, city = rng.choice(_FI_POSTI)
        owner = rng.random() < 0.55
        out.append({
            "taloyhtio": rng.choice(_TALOYHTIOT),
            "huoneisto": f"{rng.choice('ABC')} {rng.randint(1, 48)}",
            "asukas": f"{last} {first}",
            "henkilotunnus": hetu if rng.random() < 0.9 else "",
            "syntymaaika": dob,
            "puhelin": fk.phone_number(),
            "sahkoposti": fk.free_email() if rng.random() < 0.8 else None,
            "laskutusosoite": fk.street_address() if rng.random() < 0.3 else None,
            "postinro": pno if rng.random() < 0.9 else int(pno),
            "postitoimipaikka": city.upper() if rng.random() < 0.3 else city,
            "tilinumero": fk.iban() if owner else None,
            "omistaja_vuokralainen": "omistaja" if owner else "vuokralainen",
            "muuttopaiva": _event(rng, dt.date(2000, 1, 1), dt.date(2025, 6, 1)).isoformat(),
            "asukasmaara": rng.randint(1, 6),
            "vastike_eur_kk": round(rng.uniform(120, 780), 2),
            "pinta_ala_m2": round(rng.uniform(24, 120), 1),
            "saunavuoro": rng.choice([None, "ti 18-19", "ke 19-20", "to 20-21", "pe 17-18", "la 18-19"]),
            "autopaikka": rng.choice([None, f"P{rng.randint(1, 40)}", "lämpötolppa", "halli"]),
            "isannoitsija": rng.choice(["Isännöinti Kiinteistötahkola Oy", "REIM Tampere Oy", "Ovenia Oy",
                                        "Kiinteistöpalvelu Kupari"]),
            "kayttajatunnus": _username(rng, _ascii(first), _ascii(last)) if rng.random() < 0.6 else None,
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- HR ATS
_JOBS = ["Senior Backend Engineer", "Data Analyst", "Product Designer", "Account Executive",
         "Customer Success Manager", "DevOps Engineer", "Finance Controller", "Marketing Coordinator"]
_NOTES = [
    "Strong portfolio, move to tech screen", "Salary expectations above band", "No-show for phone screen",
    "Great culture add; needs visa sponsorship", "Declined offer - accepted counter-offer",
    "Good SQL, weak on system design", "Schedule onsite next week", "", "", "",
    "Reached out via campus event.\nFollow up after exams.", "Duplicate application - merged",
]
_CITIES = ["Austin, TX", "Denver, Colorado", "Dublin, Ireland", "Toronto, ON", "Berlin, Germany",
           "Seattle, WA", "Chicago", "London, UK", "Boston, MA", "Lisbon, Portugal", "Raleigh, NC",
           "Amsterdam, Netherlands", "Remote - Portland, OR", "New York, NY"]


def _hr_ats(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("en_US", 6)
    recruiters = sorted({fk.name() for _ in range(12)})
    managers = sorted({fk.name() for _ in range(25)})
    out = []
    for _ in range(rows):
        first, last = fk.first_name(), fk.last_name()
        applied = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randint(0, 700000))
        ip = fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6()
        out.append({
            "Candidate ID": f"{rng.randint(10**7, 10**8 - 1)}",
            "Full Name": f"{first} {last}",
            "Preferred Name": first if rng.random() < 0.2 else (first[:3] if rng.random() < 0.3 else ""),
            "Email Address": f"{_ascii(first).lower()}{rng.choice(['.', '_', ''])}{_ascii(last).lower()}{rng.choice(['', str(rng.randint(1, 99))])}@{fk.free_email_domain()}",
            "Phone": fk.phone_number(),
            "Current Location": rng.choice(_CITIES),
            "Zip": _blank(rng, fk.zipcode(), 0.35),
            "GitHub Username": _username(rng, _ascii(first), _ascii(last)) if rng.random() < 0.4 else "",
            "Current Company": fk.company() if rng.random() < 0.8 else "",
            "Current Title": fk.job() if rng.random() < 0.8 else "",
            "Job Req #": f"REQ-{rng.randint(1000, 1400)}",
            "Job Title": rng.choice(_JOBS),
            "Stage": rng.choice(["Applied", "Phone Screen", "Tech Screen", "Onsite", "Offer", "Hired", "Rejected"]),
            "Source": rng.choice(["LinkedIn", "Referral", "Careers Page", "Indeed", "Agency", "Glassdoor"]),
            "Applied On (UTC)": applied.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Last Activity": (applied + dt.timedelta(days=rng.randint(0, 60))).strftime("%m/%d/%Y %I:%M %p"),
            "Recruiter": rng.choice(recruiters),
            "Hiring Manager": rng.choice(managers),
            "Referred By": rng.choice(managers + [fk.name()]) if rng.random() < 0.12 else "",
            "Expected Salary (USD)": rng.choice([None, 65000, 80000, 95000.0, 120000, 140000, 165000.0]),
            "Yrs Exp": rng.choice([0, 1, 2, 3, 5, 7, 10, 12, 15, 20]),
            "Application IP": ip,
            "Rating (1-5)": rng.choice([None, 1, 2, 3, 3, 4, 4, 5]),
            "Recruiter Notes": rng.choice(_NOTES),
            "Work Auth": rng.choice(["US Citizen", "Green Card", "H-1B", "Needs Sponsorship", "TN", ""]),
            "SSN (bg check)": fk.ssn() if rng.random() < 0.15 else "",
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- API
def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table; row counts vary per table between about 0.6 and 1.0 times ``rows``."""
    return {
        "ie_cu_loans": _ie_loans(rows),
        "ti_residenti": _ti_residenti(max(1, int(rows * 0.75))),
        "es_academia_alumnos": _es_academia(max(1, int(rows * 0.9))),
        "nl_huisarts_patienten": _nl_huisarts(rows),
        "fi_taloyhtio_asukkaat": _fi_taloyhtio(max(1, int(rows * 0.6))),
        "hr_ats_candidates": _hr_ats(max(1, int(rows * 0.85))),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into ``out_dir`` (created) in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for name, df in tables.items():
        path = out_dir / FILES[name]
        if name == "ie_cu_loans":
            df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        elif name == "ti_residenti":
            df.to_excel(path, index=False, sheet_name="Residenti", engine="openpyxl")
        elif name == "es_academia_alumnos":
            df.to_csv(path, index=False, sep=";", encoding="cp1252", errors="replace")
        elif name == "nl_huisarts_patienten":
            df.to_parquet(path, index=False)
        elif name == "fi_taloyhtio_asukkaat":
            with path.open("w", encoding="utf-8") as fh:
                for rec in df.to_dict(orient="records"):
                    clean = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in rec.items()}
                    fh.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")
        elif name == "hr_ats_candidates":
            df.to_csv(path, index=False, sep="\t", encoding="utf-8")
        paths[name] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for table, p in write_all(target).items():
        print(table, p)
