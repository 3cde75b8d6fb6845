"""Blind held-out set 6 for the PII scanner: six seeded exports from real-world-looking systems.

Tables (domain, format):
  carsharing_buchungen   German car-sharing booking export        CSV, ";" , UTF-8 with BOM
  mitglieder_fahrten     Swiss car-sharing member trip log        CSV, tab, UTF-8
  marketplace_pedidos    Spanish marketplace orders (seller/buyer) Parquet
  gp_lab_results         UK GP practice lab-results download       Excel (.xlsx)
  facturation_energie    French energy utility billing extract     CSV, ";" , cp1252
  workspace_members      English SaaS workspace/member export      JSON Lines

Labels live in labels.yaml (written by hand, before any scanner run).
Usage: python bench/heldout6/gen_heldout6.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import unicodedata
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 6060
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "carsharing_buchungen",
    "mitglieder_fahrten",
    "marketplace_pedidos",
    "gp_lab_results",
    "facturation_energie",
    "workspace_members",
)
_FILES = {
    "carsharing_buchungen": "carsharing_buchungen.csv",
    "mitglieder_fahrten": "mitglieder_fahrten.csv",
    "marketplace_pedidos": "marketplace_pedidos.parquet",
    "gp_lab_results": "gp_lab_results.xlsx",
    "facturation_energie": "facturation_energie.csv",
    "workspace_members": "workspace_members.jsonl",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(spec["columns"]) for t, spec in data.items()}


def _faker(locale: str, rng: random.Random) -> Faker:
    """A Faker for one locale, seeded from rng (deterministic per process)."""
    fk = Faker(locale)
    fk.seed_instance(rng.randrange(1 << 30))
    return fk


def _blank(rng: random.Random, value: object, p: float, blanks: tuple = ("",)) -> object:
    """Replace value by a blank marker with probability p."""
    return rng.choice(blanks) if rng.random() < p else value


def _ts(rng: random.Random, start: datetime, days: int) -> datetime:
    """A random timestamp within days after start (minute resolution)."""
    return start + timedelta(minutes=rng.randrange(days * 24 * 60))


def _dob(rng: random.Random, lo: int = 1940, hi: int = 2004) -> date:
    """A random birth date between years lo and hi."""
    return date(lo, 1, 1) + timedelta(days=rng.randrange((hi - lo) * 365))


def _digits(rng: random.Random, n: int) -> str:
    """n random digits as a string."""
    return "".join(rng.choice("0123456789") for _ in range(n))


def _luhn_card(rng: random.Random) -> str:
    """A Luhn-valid 16-digit Visa/Mastercard number."""
    body = rng.choice(["4", "51", "52", "53", "54", "55"])
    body += _digits(rng, 15 - len(body))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _card_fmt(rng: random.Random, num: str) -> str:
    """A card number as people type it: grouped or not."""
    style = rng.random()
    if style < 0.5:
        return " ".join(num[i:i + 4] for i in range(0, 16, 4))
    if style < 0.7:
        return "-".join(num[i:i + 4] for i in range(0, 16, 4))
    return num


def _iban_fmt(rng: random.Random, iban: str, p_grouped: float) -> str:
    """An IBAN compact or, with probability p_grouped, in groups of four."""
    if rng.random() < p_grouped:
        return " ".join(iban[k:k + 4] for k in range(0, len(iban), 4))
    return iban


def _nhs_number(rng: random.Random) -> str:
    """A mod-11-valid NHS number formatted 3-3-4."""
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        d[0] = rng.choice([4, 6, 9])
        check = 11 - sum((10 - i) * x for i, x in enumerate(d)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, d)) + str(check)
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def _de_ausweis(rng: random.Random) -> str:
    """A German identity card serial number (9 chars, Personalausweis alphabet)."""
    alpha = "0123456789CFGHJKLMNPRTVWXYZ"
    return rng.choice("LMNPRT") + "".join(rng.choice(alpha) for _ in range(8))


def _de_fuehrerschein(rng: random.Random) -> str:
    """A German driving-licence number (11 chars: authority code, serial, check)."""
    alnum = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
    return (rng.choice("BFJKMNS") + _digits(rng, 3) + "".join(rng.choice(alnum) for _ in range(6))
            + rng.choice("0123456789X"))


def _es_dni(rng: random.Random) -> str:
    """A Spanish DNI with its check letter."""
    n = rng.randrange(1_000_000, 99_999_999)
    return f"{n:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]


def _es_cif(rng: random.Random) -> str:
    """A Spanish company tax id (CIF-like: letter + 7 digits + control)."""
    return rng.choice("ABBBBBEGH") + _digits(rng, 7) + rng.choice("0123456789ABCDEFGHIJ")


def _ip(rng: random.Random) -> str:
    """A public-looking IPv4 (sometimes IPv6) address."""
    if rng.random() < 0.12:
        return ":".join(f"{rng.randrange(65536):x}" for _ in range(8))
    return ".".join(str(x) for x in (rng.choice([31, 46, 77, 81, 82, 88, 92, 109, 176, 185, 212, 217]),
                                      rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)))


def _phone_de(rng: random.Random) -> str:
    """A German mobile number in one of several written formats."""
    pre = rng.choice(["151", "152", "157", "160", "170", "171", "172", "176", "178"])
    rest = _digits(rng, rng.choice([7, 8]))
    return rng.choice([f"+49 {pre} {rest}", f"0{pre} {rest}", f"0{pre}/{rest}", f"+49{pre}{rest}",
                       f"0{pre}-{rest[:3]} {rest[3:]}", f"0049 {pre} {rest}"])


def _phone_ch(rng: random.Random) -> str:
    """A Swiss phone number, mobile or fixed, in local or international style."""
    pre = rng.choice(["76", "77", "78", "79", "44", "31", "61", "41", "52"])
    r = _digits(rng, 7)
    return rng.choice([f"0{pre} {r[:3]} {r[3:5]} {r[5:]}", f"+41 {pre} {r[:3]} {r[3:5]} {r[5:]}",
                       f"+41{pre}{r}", f"0{pre}{r}"])


def _phone_fr(rng: random.Random, mobile: bool) -> str:
    """A French phone number (fixed 01-05 or mobile 06/07)."""
    first = rng.choice("67") if mobile else rng.choice("12345")
    d = first + _digits(rng, 8)
    pairs = [d[i:i + 2] for i in range(1, 9, 2)]
    return rng.choice([f"0{d[0]} " + " ".join(pairs), f"0{d[0]}." + ".".join(pairs), "0" + d,
                       f"+33 {d[0]} " + " ".join(pairs), f"+33{d}"])


def _phone_es(rng: random.Random) -> str:
    """A Spanish phone number (mobile 6/7 or fixed 9)."""
    d = rng.choice("679") + _digits(rng, 8)
    return rng.choice([d, f"+34 {d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:5]} {d[5:7]} {d[7:]}",
                       f"+34{d}", f"0034 {d}"])


def _phone_uk(rng: random.Random, mobile: bool) -> str:
    """A UK phone number in the styles GP systems hold."""
    if mobile:
        d = "7" + rng.choice("3456789") + _digits(rng, 8)
        return rng.choice([f"0{d[:4]} {d[4:]}", f"+44 {d[:4]} {d[4:]}", f"0{d}", f"(0{d[:4]}) {d[4:]}"])
    area = rng.choice(["113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161"])
    r = _digits(rng, 7)
    return rng.choice([f"0{area} {r[:3]} {r[3:]}", f"0{area} {r}", f"+44 {area} {r[:3]} {r[3:]}"])


# --------------------------------------------------------------------------- (a) German car sharing

_DE_CITIES = [("Berlin", "10"), ("Hamburg", "20"), ("München", "80"), ("Köln", "50"), ("Frankfurt am Main", "60"),
              ("Stuttgart", "70"), ("Düsseldorf", "40"), ("Leipzig", "04"), ("Dresden", "01"), ("Hannover", "30"),
              ("Nürnberg", "90"), ("Bremen", "28"), ("Freiburg im Breisgau", "79"), ("Mainz", "55"),
              ("Erfurt", "99"), ("Potsdam", "14"), ("Rostock", "18"), ("Bad Homburg v.d. Höhe", "61"),
              ("Halle (Saale)", "06"), ("Jena", "07"), ("Offenbach am Main", "63"), ("Münster", "48")]
_DE_STATIONS = ["BER-HBF-P2", "BER-TXL-01", "HAM-ALT-03", "MUC-OST-P1", "MUC-HBF-P4", "CGN-DTZ-02", "FRA-MES-05",
                "STR-HBF-01", "DUS-FLH-T1", "LEJ-HBF-02", "DRS-NEU-01", "HAJ-MES-03"]
_DE_REMARKS = ["", "", "", "", "Tank nicht voll zurückgegeben", "Kratzer Stoßstange hinten links (bereits dokumentiert)",
               "Rückgabe außerhalb Geschäftszeiten, Schlüssel in Box", "Kindersitz gebucht",
               "Verspätete Rückgabe +45 min", "Innenraum verschmutzt – Reinigungspauschale",
               "Winterreifen OK", "Kunde meldet Warnleuchte Reifendruck\nWerkstatt informiert", "n/a",
               "Upgrade auf Kompaktklasse (kostenlos)", "Parkticket 12,50 € nachberechnet"]


def _t_carsharing(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("de_DE", rng)
    rows = []
    start = datetime(2024, 1, 2, 6, 0)
    for i in range(n):
        first, last = fk.first_name(), fk.last_name()
        city, plz2 = rng.choice(_DE_CITIES)
        plz = plz2 + _digits(rng, 3)
        pay = rng.choices(["Kreditkarte", "SEPA-Lastschrift", "PayPal", "Firmenkonto"], [5, 3, 2, 1])[0]
        pick = _ts(rng, start, 360)
        ret = pick + timedelta(minutes=rng.randrange(30, 60 * 24 * 6))
        km0 = rng.randrange(1200, 98000)
        dob = _dob(rng, 1948, 2005)
        email = f"{first}.{last}".lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
        email = email.replace(" ", "") + rng.choice(["", str(rng.randrange(1, 99))]) + "@" + rng.choice(
            ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "outlook.de", "icloud.com"])
        rows.append({
            "Buchungsnr.": f"BK{pick:%y}-{700000 + i * 7 + rng.randrange(7):07d}",
            "Buchungsdatum": (pick - timedelta(hours=rng.randrange(1, 400))).strftime("%d.%m.%Y %H:%M"),
            "Kunden-Nr": str(rng.randrange(100000, 999999)),
            "Fahrer Vorname": first,
            "Fahrer Nachname": last,
            "Geb.-Datum": dob.strftime(rng.choice(["%d.%m.%Y", "%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"])),
            "Führerschein-Nr.": _blank(rng, _de_fuehrerschein(rng), 0.06),
            "FS-Klasse": rng.choice(["B", "B", "B", "BE", "B, BE", "B96", "AM, B"]),
            "FS ausgestellt am": (dob + timedelta(days=365 * 18 + rng.randrange(4000))).strftime("%d.%m.%Y"),
            "Personalausweis-Nr.": _blank(rng, _de_ausweis(rng), 0.35),
            "Straße / Hausnr.": fk.street_address(),
            "PLZ": plz,
            "Ort": city,
            "Land": rng.choices(["DE", "DE", "DE", "AT", "CH", "NL"], [20, 20, 20, 2, 2, 1])[0],
            "Mobil": _blank(rng, _phone_de(rng), 0.05),
            "E-Mail": email,
            "Zusatzfahrer": _blank(rng, fk.name(), 0.82),
            "Abholstation": rng.choice(_DE_STATIONS),
            "Abholung": pick.strftime("%d.%m.%Y %H:%M"),
            "Rückgabe": ret.strftime("%d.%m.%Y %H:%M"),
            "Fzg.-Gruppe": rng.choice(["MBMR", "ECMR", "CDMR", "CDAR", "IWMR", "SFAR", "PVMR"]),
            "Fahrzeug": rng.choice(["VW Polo 1.0 TSI", "VW Golf 8", "Opel Corsa-e", "BMW 118i", "Renault Zoe",
                                    "Tesla Model 3", "Skoda Octavia Combi", "Fiat 500e", "VW ID.3"]),
            "Kennzeichen": f"{rng.choice(['B', 'HH', 'M', 'K', 'F', 'S'])}-{rng.choice('ABCDEFGHKLMNPRSTVWXZ')}"
                           f"{rng.choice('ABCDEFGHKLMNPRSTVWXZ')} {rng.randrange(10, 9999)}{rng.choice(['', '', 'E'])}",
            "km Start": km0,
            "km Ende": km0 + rng.randrange(5, 1900),
            "Tarif": rng.choice(["Stundenpaket", "Tagespaket", "Wochenende", "Minutentarif", "Flex"]),
            "Betrag (EUR)": f"{rng.uniform(8, 690):.2f}".replace(".", ","),
            "Kaution EUR": rng.choice(["0,00", "300,00", "500,00", "1000,00"]),
            "Zahlart": pay,
            "Kartennummer": _card_fmt(rng, _luhn_card(rng)) if pay == "Kreditkarte" and rng.random() < 0.9 else "",
            "IBAN": _iban_fmt(rng, fk.iban(), 0.3) if pay == "SEPA-Lastschrift" else "",
            "Bemerkung": rng.choice(_DE_REMARKS),
            "storniert": rng.choices(["nein", "ja"], [12, 1])[0],
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (a') Swiss car sharing

_CH_PLACES = [("Zürich", "80"), ("Winterthur", "84"), ("Bern", "30"), ("Basel", "40"), ("Luzern", "60"),
              ("St. Gallen", "90"), ("Lausanne", "10"), ("Biel/Bienne", "25"), ("Thun", "36"), ("Zug", "63"),
              ("Aarau", "50"), ("Baden", "54"), ("Schaffhausen", "82"), ("Chur", "70"), ("Uster", "86"),
              ("Köniz", "30"), ("Wädenswil", "88"), ("Olten", "46")]
_CH_STREETS = ["Bahnhofstrasse", "Seestrasse", "Dorfstrasse", "Hauptstrasse", "Kirchweg", "Rosenweg",
               "Schulhausstrasse", "Industriestrasse", "Birkenweg", "Zürcherstrasse", "Bernstrasse", "Gartenstrasse",
               "Obere Gasse", "Rütistrasse", "Lindenhofweg"]
_CH_NOTES = ["", "", "", "", "", "Fahrzeug dreckig übernommen", "Reservation verlängert", "Tankkarte fehlte",
             "Schaden gemeldet, Foto im Ticket", "Vignette ok", "n/a", "Kindersitz vergessen zurückzugeben",
             "Rückgabe an anderem Standort\n(One-Way)"]


def _ascii(text: str) -> str:
    """Strip accents (as mail and login systems do)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _t_mitglieder(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("de_CH", rng)
    rows = []
    start = datetime(2023, 9, 1)
    for _i in range(n):
        first, last = fk.first_name(), fk.last_name()
        afirst, alast = _ascii(first).replace(" ", ""), _ascii(last).replace(" ", "")
        place, plz2 = rng.choice(_CH_PLACES)
        addr = f"{rng.choice(_CH_STREETS)} {rng.randrange(1, 140)}{rng.choice(['', '', '', 'a', 'b'])}"
        plz = plz2 + _digits(rng, 2)
        s = _ts(rng, start, 420)
        dur = rng.randrange(1, 60) / 2
        login = rng.choice([f"{afirst[0]}{alast}", f"{afirst}.{alast}", f"{alast}{rng.randrange(10, 99)}",
                            f"{afirst.lower()}_{rng.randrange(1960, 2004)}"]).lower()
        ahv = f"756.{_digits(rng, 4)}.{_digits(rng, 4)}.{_digits(rng, 2)}"
        rows.append({
            "Mitglied-Nr": f"{rng.randrange(10_000, 999_999):06d}",
            "Name, Vorname": f"{last}, {first}",
            "Geburtsdatum": _dob(rng, 1945, 2005).isoformat(),
            "AHV-Nr.": _blank(rng, ahv if rng.random() < 0.8 else ahv.replace(".", ""), 0.25),
            "Führerausweis-Nr.": _blank(rng, _digits(rng, 9) + rng.choice(["001", "002", "003"]), 0.1),
            "Ausweis gültig bis": (date(2025, 1, 1) + timedelta(days=rng.randrange(3000))).strftime("%d.%m.%Y"),
            "Adresse": f"{addr}, {plz} {place}",
            "Tel. P": _blank(rng, _phone_ch(rng), 0.1),
            "E-Mail": fk.free_email() if rng.random() < 0.6 else
                      f"{afirst}.{alast}@{rng.choice(['bluewin.ch', 'sunrise.ch', 'gmx.ch', 'hispeed.ch'])}".lower(),
            "Login": login,
            "Fahrt-ID": str(uuid.UUID(int=rng.getrandbits(128))),
            "Standort": rng.choice(["ZH Hardbrücke", "ZH Stadelhofen", "BE Bahnhof P+R", "BS SBB Süd",
                                    "LU Bahnhof Inseli", "SG Bahnhof Nord", "WIN Bahnhof", "ZG Metalli PP"]),
            "Start": s.strftime("%Y-%m-%d %H:%M"),
            "Ende": (s + timedelta(minutes=int(dur * 60))).strftime("%Y-%m-%d %H:%M"),
            "Dauer (h)": dur,
            "km": rng.randrange(0, 420),
            "Kategorie": rng.choice(["Budget", "Micro", "Economy", "Combi", "Transporter", "Emotion", "Electric"]),
            "Kennzeichen": f"{rng.choice(['ZH', 'BE', 'LU', 'BS', 'SG', 'ZG'])} {rng.randrange(100000, 999999)}",
            "Betrag CHF": round(rng.uniform(4, 380), 2),
            "Abo": rng.choice(["Jahresabo", "Jahresabo", "Jugendabo", "Businesskunde", "Testabo", ""]),
            "Rabattcode": rng.choice(["", "", "", "", "WINTER24", "SBBGA15", "STUDI10"]),
            "Schaden": rng.choices(["Nein", "Ja"], [25, 1])[0],
            "Notiz": rng.choice(_CH_NOTES),
            "Rechnungs-IBAN": _blank(rng, fk.iban(), 0.55),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (b) Spanish marketplace

_ES_TOWNS = [("Madrid", "28", "Madrid"), ("Barcelona", "08", "Barcelona"), ("Valencia", "46", "Valencia"),
             ("Sevilla", "41", "Sevilla"), ("Zaragoza", "50", "Zaragoza"), ("Málaga", "29", "Málaga"),
             ("Bilbao", "48", "Bizkaia"), ("Alicante", "03", "Alicante"), ("Córdoba", "14", "Córdoba"),
             ("Valladolid", "47", "Valladolid"), ("Vigo", "36", "Pontevedra"), ("Gijón", "33", "Asturias"),
             ("L'Hospitalet de Llobregat", "08", "Barcelona"), ("Almería", "04", "Almería"),
             ("Alcalá de Henares", "28", "Madrid"), ("Getafe", "28", "Madrid"), ("Ávila", "05", "Ávila"),
             ("Santiago de Compostela", "15", "A Coruña"), ("Granada", "18", "Granada")]
_ES_SHOPS = ["Electro Sur Outlet", "Moda Lúa", "Ferretería Online Pérez e Hijos SL", "TecnoCasa Express",
             "La Tienda del Ciclista", "Juguetes Arcoíris", "Cosmética Natural Bio", "Libros de Ocasión Alcalá",
             "Deportes Norte", "Hogar & Deco 24", "MóvilesReacondicionados.es", "Vinos de la Ribera"]
_ES_PRODUCTS = [("Auriculares inalámbricos BT 5.3", "Electrónica"), ("Funda silicona iPhone 14", "Accesorios"),
                ("Zapatillas running hombre T42", "Deporte"), ("Taladro percutor 750W", "Bricolaje"),
                ("Crema hidratante 50ml", "Belleza"), ("Lote 3 camisetas algodón", "Moda"),
                ("Puzzle 1000 piezas", "Juguetes"), ("Cafetera italiana 6 tazas", "Hogar"),
                ("Casco bici MTB talla M", "Deporte"), ("Novela de bolsillo (usado)", "Libros"),
                ("Samsung Galaxy A54 reacondicionado", "Electrónica"), ("Caja 6 botellas Crianza", "Alimentación")]
_ES_COMMENTS = ["", "", "", "Todo perfecto, llegó antes de lo previsto", "El paquete venía algo dañado",
                "Buena calidad/precio", "No corresponde con la foto", "Envío lento pero bien",
                "Repetiría sin duda!!", "La talla es pequeña, pedid una más", "Producto correcto.\nGracias",
                "sin comentarios", "-"]


def _t_marketplace(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("es_ES", rng)
    sellers = []
    for k in range(60):
        sellers.append((f"S{4100 + k * 13}", rng.choice(_ES_SHOPS) if k < 12 else fk.company(),
                        _es_cif(rng) if rng.random() < 0.6 else _es_dni(rng), fk.iban()))
    rows = []
    start = datetime(2024, 3, 1)
    for i in range(n):
        sid, shop, nif, siban = rng.choice(sellers)
        town, p2, prov = rng.choice(_ES_TOWNS)
        cp = int(p2 + _digits(rng, 3))
        first = fk.first_name()
        surn = f"{fk.last_name()} {fk.last_name()}"
        prod, cat = rng.choice(_ES_PRODUCTS)
        qty = rng.choices([1, 2, 3, 4], [20, 5, 2, 1])[0]
        price = round(rng.uniform(3, 420), 2)
        ship = rng.choice([0.0, 2.99, 3.95, 4.5, 5.9])
        pay = rng.choice(["tarjeta", "tarjeta", "Bizum", "PayPal", "contra reembolso", "transferencia"])
        ts = _ts(rng, start, 300)
        user = rng.choice([fk.user_name(), f"{first.lower()}_{rng.randrange(70, 99)}",
                           f"{first[:3].lower()}{surn.split()[0].lower()}{rng.randrange(1, 9)}"])
        user = user.translate(str.maketrans("áéíóúñü", "aeiounu"))
        rows.append({
            "id_pedido": 90_000_000 + i * 11 + rng.randrange(11),
            "fecha_pedido": ts.strftime("%d/%m/%Y %H:%M:%S"),
            "id_vendedor": sid,
            "nombre_tienda": shop,
            "nif_vendedor": nif,
            "iban_vendedor": siban,
            "usuario_comprador": user,
            "nombre_comprador": first,
            "apellidos_comprador": surn,
            "dni_nie": _blank(rng, _es_dni(rng) if rng.random() < 0.85 else fk.nie(), 0.7, ("", None)),
            "email": fk.free_email() if rng.random() < 0.7 else f"{user}@{fk.free_email_domain()}",
            "telefono": _blank(rng, _phone_es(rng), 0.08, (None,)),
            "direccion_envio": _blank(rng, fk.street_address() + rng.choice(["", "", ", 3º B", ", bajo", ", 2º izq."]),
                                      0.02, (None,)),
            "cp": cp,
            "poblacion": town,
            "provincia": prov,
            "pais": "ES",
            "sku": f"{cat[:3].upper()}-{rng.randrange(10000, 99999)}",
            "titulo_producto": prod,
            "categoria": cat,
            "unidades": qty,
            "precio_ud": price,
            "gastos_envio": ship,
            "total_eur": round(qty * price + ship, 2),
            "metodo_pago": pay,
            "tarjeta_ult4": f"**** {_digits(rng, 4)}" if pay == "tarjeta" else None,
            "estado": rng.choice(["entregado", "entregado", "entregado", "enviado", "cancelado", "devuelto",
                                  "pendiente de pago"]),
            "num_seguimiento": f"{rng.choice(['PK', 'ES', 'SE'])}{_digits(rng, 10)}{rng.choice(['ES', 'XX'])}",
            "valoracion": rng.choice([5, 5, 4, 3, 1, None, None]),
            "comentario": rng.choice(_ES_COMMENTS),
            "ip_compra": _ip(rng),
        })
    df = pd.DataFrame(rows)
    df["valoracion"] = df["valoracion"].astype("float64")
    return df


# --------------------------------------------------------------------------- (c) UK GP lab results

_UK_TOWNS = ["Leeds", "Sheffield", "Nottingham", "Leicester", "Bristol", "Reading", "Birmingham", "Edinburgh",
             "Glasgow", "Liverpool", "Manchester", "Harrogate", "Wakefield", "Rotherham", "Chesterfield",
             "Huddersfield", "Stoke-on-Trent", "Milton Keynes"]
_UK_TESTS = [("FBC", "Haemoglobin", "g/L", 115, 165), ("U&E", "Sodium", "mmol/L", 133, 146),
             ("U&E", "Potassium", "mmol/L", 3.5, 5.3), ("U&E", "Creatinine", "umol/L", 45, 90),
             ("HBA1C", "HbA1c (IFCC)", "mmol/mol", 20, 41), ("LFT", "ALT", "U/L", 0, 40),
             ("TFT", "TSH", "mU/L", 0.27, 4.2), ("LIP", "Cholesterol", "mmol/L", 0, 5),
             ("CRP", "C reactive protein", "mg/L", 0, 5), ("VITD", "25-OH Vitamin D", "nmol/L", 50, 175),
             ("FERR", "Ferritin", "ug/L", 13, 150), ("PSA", "Prostate specific antigen", "ug/L", 0, 4)]
_UK_COMMENTS = ["", "", "", "", "Haemolysed sample - please repeat", "Result telephoned to surgery",
                "Suggest repeat in 3 months", "Non-fasting sample", "Insufficient sample for all tests requested",
                "Clinically correlate.", "Please note new reference range from 01/04/2024",
                "Sample >24h old on receipt,\npotassium may be falsely raised", "Normal - no action"]
_UK_PRACTICES = [("B86012", "Park Lane Surgery"), ("C88034", "Riverside Medical Centre"),
                 ("B82005", "Harrogate Health Partnership"), ("C87603", "Oakwood Family Practice"),
                 ("M85063", "Moseley Road Group Practice")]


def _t_gp(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("en_GB", rng)
    gps = [f"Dr {fk.first_name()[0]}. {fk.last_name()}" if rng.random() < 0.5 else
           f"{fk.last_name().upper()}, {fk.first_name()} (Dr)" for _ in range(14)]
    staff = [rng.choice([f"{fk.first_name()[0]}{fk.last_name()}".lower()[:8],
                         f"{fk.first_name()}.{fk.last_name()}".lower(),
                         f"LABS\\{fk.last_name().lower()}{rng.randrange(1, 9)}"]) for _ in range(10)]
    rows = []
    start = datetime(2024, 4, 1, 8)
    for _i in range(n):
        sur, fore = fk.last_name(), fk.first_name()
        if rng.random() < 0.2:
            fore += " " + fk.first_name()
        code, name, unit, lo, hi = rng.choice(_UK_TESTS)
        val = round(rng.uniform(lo * 0.7, hi * 1.3 + 0.5), 1)
        flag = "H" if val > hi else ("L" if val < lo else "")
        req = _ts(rng, start, 200)
        coll = req + timedelta(hours=rng.randrange(1, 96))
        pc, pname = rng.choice(_UK_PRACTICES)
        rows.append({
            "Sample ID": f"{rng.choice(['L', 'H'])}{coll:%y}.{rng.randrange(1000000, 9999999)}.{rng.choice('ABCDKQ')}",
            "NHS Number": _blank(rng, _nhs_number(rng) if rng.random() < 0.8 else _nhs_number(rng).replace(" ", ""),
                                 0.03),
            "Surname": sur.upper() if rng.random() < 0.6 else sur,
            "Forename(s)": fore,
            "DOB": _dob(rng, 1930, 2020),
            "Sex": rng.choice(["M", "F", "F", "M", "U"]),
            "Address Line 1": fk.street_address().replace("\n", ", "),
            "Town": rng.choice(_UK_TOWNS),
            "Postcode": _blank(rng, fk.postcode(), 0.02),
            "Tel (Home)": _blank(rng, _phone_uk(rng, False), 0.45),
            "Mobile": _blank(rng, _phone_uk(rng, True), 0.15),
            "Email": _blank(rng, fk.free_email(), 0.6),
            "Usual GP": rng.choice(gps),
            "Practice Code": pc,
            "Practice": pname,
            "Requested": req,
            "Collected": coll,
            "Test Code": code,
            "Test": name,
            "Result": val if rng.random() > 0.02 else None,
            "Units": unit,
            "Ref. Range": f"{lo} - {hi}",
            "Flag": flag,
            "Lab Comment": rng.choice(_UK_COMMENTS),
            "Authorised By": rng.choice(staff),
            "Filed": rng.choice([True, True, False]),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (d) French energy billing

_FR_COMMUNES = [("Paris", "75"), ("Lyon", "69"), ("Marseille", "13"), ("Toulouse", "31"), ("Nantes", "44"),
                ("Strasbourg", "67"), ("Bourg-en-Bresse", "01"), ("Laon", "02"), ("Moulins", "03"), ("Gap", "05"),
                ("Nice", "06"), ("Annonay", "07"), ("Charleville-Mézières", "08"), ("Lille", "59"),
                ("Rennes", "35"), ("Saint-Étienne", "42"), ("Aix-en-Provence", "13"), ("Villeurbanne", "69"),
                ("Le Havre", "76"), ("Clermont-Ferrand", "63"), ("Montreuil", "93"), ("Pau", "64")]
_FR_COMPL = ["Bât. B", "Appt 12", "Résidence Les Tilleuls", "3e étage gauche", "Escalier C", "Lieu-dit Le Moulin",
             "BP 42", "Chez M. et Mme", "Porte 5"]


def _fr_num_fiscal(rng: random.Random) -> str:
    """A French 13-digit numéro fiscal (SPI) starting with 0-3."""
    n = rng.choice("0123") + _digits(rng, 12)
    return rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:7]} {n[7:10]} {n[10:]}"])


def _t_factu(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("fr_FR", rng)
    rows = []
    for _i in range(n):
        pro = rng.random() < 0.08
        commune, dep = rng.choice(_FR_COMMUNES)
        cp = dep + _digits(rng, 3) if dep not in ("75", "69", "13") or rng.random() < 0.5 else dep + "00" + str(
            rng.randrange(1, 10))
        p0 = date(2024, rng.randrange(1, 13), 1)
        p1 = (p0 + timedelta(days=62)).replace(day=1) - timedelta(days=1)
        conso = rng.randrange(80, 2400)
        ht = round(conso * rng.uniform(0.17, 0.26) + rng.uniform(10, 35), 2)
        tva = round(ht * 0.2, 2)
        mode = rng.choice(["Prélèvement", "Prélèvement", "Prélèvement", "TIP", "Chèque", "Carte bancaire",
                           "Mensualisation"])
        idx0 = rng.randrange(1000, 90000)
        rows.append({
            "N° contrat": f"{rng.randrange(10**9, 10**10)}",
            "Réf. PDL": _digits(rng, 14),
            "N° compteur": f"{rng.choice(['0', '5', '8'])}{_digits(rng, 11)}",
            "Civilité": rng.choice(["M.", "Mme", "Mme", "M.", "M. ou Mme", ""]),
            "Nom": fk.last_name().upper(),
            "Prénom": _blank(rng, fk.first_name(), 0.04),
            "Raison sociale": fk.company() if pro else "",
            "Adresse desserte": fk.street_address(),
            "Complément adresse": _blank(rng, rng.choice(_FR_COMPL), 0.8),
            "CP": cp,
            "Commune": commune.upper() if rng.random() < 0.5 else commune,
            "Tél. fixe": _blank(rng, _phone_fr(rng, False), 0.6),
            "Tél. portable": _blank(rng, _phone_fr(rng, True), 0.2),
            "Courriel": _blank(rng, fk.free_email(), 0.15),
            "Date naissance titulaire": _blank(rng, _dob(rng, 1935, 2003).strftime("%d/%m/%Y"), 0.3),
            "N° fiscal (chèque énergie)": _blank(rng, _fr_num_fiscal(rng), 0.85),
            "Énergie": rng.choice(["Électricité", "Électricité", "Gaz naturel"]),
            "Option tarifaire": rng.choice(["Base", "Heures Pleines / Heures Creuses", "Tempo", "EJP"]),
            "Puissance (kVA)": rng.choice([3, 6, 6, 9, 12, 15, 36]),
            "Période du": p0.strftime("%d/%m/%Y"),
            "Période au": p1.strftime("%d/%m/%Y"),
            "Index début": idx0,
            "Index fin": idx0 + conso,
            "Type relevé": rng.choice(["Réel", "Estimé", "Auto-relevé", "Télérelevé Linky"]),
            "Conso (kWh)": conso,
            "Montant HT (€)": f"{ht:.2f}".replace(".", ","),
            "TVA (€)": f"{tva:.2f}".replace(".", ","),
            "Montant TTC (€)": f"{ht + tva:.2f}".replace(".", ","),
            "Échéance": (p1 + timedelta(days=rng.randrange(14, 30))).strftime("%d/%m/%Y"),
            "Mode de paiement": mode,
            "IBAN": _iban_fmt(rng, fk.iban(), 0.4) if mode == "Prélèvement" else "",
            "BIC": rng.choice(["BNPAFRPPXXX", "CRLYFRPP", "AGRIFRPP882", "SOGEFRPP", "CCBPFRPPVER", "PSSTFRPPPAR"])
            if mode == "Prélèvement" else "",
            "RUM": f"++{_digits(rng, 6)}-{rng.randrange(1000, 9999)}" if mode == "Prélèvement" else "",
            "Statut": rng.choice(["Payée", "Payée", "Payée", "En attente", "Impayée - relance 1", "Avoir"]),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (e) SaaS workspace export

_WS_NAMES = ["Acme Analytics", "Northwind Ops", "Blue Harbor Labs", "Quartz Design Studio", "Fernway Logistics",
             "Pinecone Robotics", "Helios Energy Partners", "Marlow & Finch LLP", "Orbit Marketing", "Tidewater Health",
             "Kestrel Data", "Brightline Education", "Copperleaf Finance", "Sable Games", "Umbra Security"]
_UA = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
       "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
       "AcmeDesktop/3.12.1 (Electron 29.1.0; darwin arm64)", "okhttp/4.12.0", "AcmeMobile/5.4 (iOS 17.4.1)"]


def _t_workspace(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _faker("en_US", rng)
    fk_gb = _faker("en_GB", rng)
    spaces = []
    for _k, name in enumerate(_WS_NAMES):
        dom = name.lower().replace(" & ", "").replace(" ", "") + rng.choice([".com", ".io", ".co.uk", ".ai"])
        owner = fk.first_name().lower()
        spaces.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128))), "name": name, "domain": dom,
            "plan": rng.choice(["free", "team", "business", "enterprise"]),
            "sso": rng.choice([None, "okta", "azure_ad", "google_workspace", "onelogin"]),
            "billing_email": rng.choice([f"billing@{dom}", f"accounts-payable@{dom}", f"{owner}@{dom}",
                                         f"{owner}.{fk.last_name().lower()}@{dom}"]),
            "billing_address": (fk if rng.random() < 0.6 else fk_gb).address().replace("\n", ", "),
            "billing_phone": rng.choice([fk.phone_number(), None, fk_gb.phone_number()]),
            "cus": "cus_" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789")
                                    for _ in range(14)),
            "seats": rng.choice([5, 10, 25, 50, 120, 300]),
        })
    rows = []
    start = datetime(2022, 1, 1)
    for _i in range(n):
        ws = rng.choice(spaces)
        f = fk if rng.random() < 0.65 else fk_gb
        first, last = f.first_name(), f.last_name()
        email = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}"]).lower() + "@" + ws["domain"]
        if rng.random() < 0.1:
            email = f.free_email()
        created = _ts(rng, start, 800)
        last_login = created + timedelta(minutes=rng.randrange(10, 60 * 24 * 500)) if rng.random() < 0.9 else None
        handle = rng.choice([f"{first}{last[0]}", f"{first[0]}{last}", f"{first}_{last}", f"{first}.{last}",
                             f"{first}{rng.randrange(1, 999)}"]).lower().replace("'", "")
        inviter = rng.choices(["", f"{fk.first_name().lower()}@{ws['domain']}", "scim-provisioner"], [3, 6, 1])[0]
        rows.append({
            "workspaceId": ws["id"],
            "workspaceName": ws["name"],
            "plan": ws["plan"],
            "seatsPurchased": ws["seats"],
            "memberId": f"U{rng.getrandbits(40):010X}",
            "email": email,
            "displayName": rng.choice([f"{first} {last}", f"{first} {last}", first, f"{first} {last[0]}."]),
            "handle": "@" + handle if rng.random() < 0.5 else handle,
            "role": rng.choice(["member", "member", "member", "admin", "owner", "guest", "billing_admin"]),
            "status": rng.choice(["active", "active", "active", "invited", "deactivated"]),
            "ssoProvider": ws["sso"],
            "ssoSubject": ("00u" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(17)))
            if ws["sso"] else None,
            "mfaEnabled": rng.random() < 0.6,
            "createdAt": created.isoformat() + "Z",
            "lastLoginAt": last_login.isoformat() + "Z" if last_login else None,
            "lastLoginIp": _ip(rng) if last_login else None,
            "lastUserAgent": rng.choice(_UA) if last_login else None,
            "invitedBy": inviter or None,
            "timezone": rng.choice(["America/New_York", "Europe/London", "America/Los_Angeles", "Europe/Berlin",
                                    "Asia/Kolkata", "UTC"]),
            "locale": rng.choice(["en-US", "en-GB", "en-US", "de-DE", "fr-FR"]),
            "avatarUrl": "https://cdn.example-saas.com/avatars/"
                         + hashlib.sha1(str(rng.random()).encode()).hexdigest() + ".png" if rng.random() < 0.4 else None,
            "apiTokens": rng.choice([0, 0, 0, 1, 2, 5]),
            "storageUsedMB": round(rng.expovariate(1 / 800), 1),
            "billing.stripeCustomerId": ws["cus"],
            "billing.email": ws["billing_email"],
            "billing.phone": ws["billing_phone"],
            "billing.address": ws["billing_address"],
            "billing.cardLast4": _digits(rng, 4),
            "clientVersion": f"{rng.randrange(3, 6)}.{rng.randrange(0, 20)}.{rng.randrange(0, 9)}",
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- API

_BUILDERS = {
    "carsharing_buchungen": (_t_carsharing, 1.0),
    "mitglieder_fahrten": (_t_mitglieder, 0.6),
    "marketplace_pedidos": (_t_marketplace, 1.0),
    "gp_lab_results": (_t_gp, 0.75),
    "facturation_energie": (_t_factu, 1.0),
    "workspace_members": (_t_workspace, 0.8),
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table (seeded, deterministic); row counts scale with rows (some tables are smaller)."""
    out = {}
    for k, name in enumerate(TABLES):
        fn, share = _BUILDERS[name]
        rng = random.Random(SEED * 100 + k)
        out[name] = fn(rng, max(1, int(rows * share)))
    return out


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in make_tables(rows).items():
        path = out_dir / _FILES[name]
        if name == "carsharing_buchungen":
            df.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
        elif name == "mitglieder_fahrten":
            df.to_csv(path, sep="\t", index=False, encoding="utf-8")
        elif name == "facturation_energie":
            df.to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace")
        elif name == "marketplace_pedidos":
            df.to_parquet(path, index=False)
        elif name == "gp_lab_results":
            df.to_excel(path, index=False, sheet_name="Results", engine="openpyxl")
        else:
            clean = df.astype(object).where(df.notna(), None)
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                for rec in clean.to_dict(orient="records"):
                    fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout6.py OUT_DIR [ROWS]")
    for t, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(f"{t}: {p}")
