"""Blind held-out set 4 for the PII scanner: five seeded tables shaped like real exports.

Written and labeled blind (labels in ``labels.yaml``, by hand) before any scanner run.

* ``telko_kunden`` -- Austrian/German telecom & energy customer export (CSV, ``;``, cp1252)
* ``apotheek_afleveringen`` -- Dutch pharmacy dispensing records (Parquet)
* ``ticket_orders`` -- English event-ticketing attendee export (CSV, ``,``, UTF-8 with BOM)
* ``kommune_borgere`` -- Danish municipality benefits register (Excel .xlsx)
* ``auth_audit`` -- server-side security/audit log (JSON Lines)

Usage: ``python bench/heldout4/gen_heldout4.py OUT_DIR [ROWS]``.
"""

from __future__ import annotations

import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 4040
HERE = Path(__file__).resolve().parent
TABLES = ("telko_kunden", "apotheek_afleveringen", "ticket_orders", "kommune_borgere", "auth_audit")
_FILES = {
    "telko_kunden": "Kundenexport_2024-11.csv",
    "apotheek_afleveringen": "afleveringen_q3.parquet",
    "ticket_orders": "attendee_report_ORD-77812.csv",
    "kommune_borgere": "borgerregister_ydelser.xlsx",
    "auth_audit": "auth_audit_2024-10-14.jsonl",
}


def labels() -> dict[str, dict[str, str | None]]:
    """``{table: {column: entity or None}}`` from ``labels.yaml``."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {table: dict(doc[table]["columns"]) for table in TABLES}


def _faker(locale: str, k: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + k)
    return fk


def _maybe(rng: random.Random, p: float, value, blank=""):
    """``value`` with probability ``p``, else ``blank``."""
    return value if rng.random() < p else blank


def _ascii(text: str) -> str:
    """Umlauts and spaces as mail systems spell them."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), (" ", ""), ("é", "e")):
        text = text.replace(a, b)
    return text


def _dob(rng: random.Random, lo: int = 18, hi: int = 92) -> date:
    return date(2024, 6, 30) - timedelta(days=rng.randint(lo * 365, hi * 365))


# --------------------------------------------------------------------------- (a) telecom AT/DE

_TARIFE = ("Mobil S 5GB", "Mobil M 20GB", "Mobil L unlimitiert", "Internet Home 150", "Kombi Strom+Gas",
           "Ökostrom Fix 12", "Prepaid Plus", "Business Voice 500", "Glasfaser 500/100", "Strom Float")
_AUSWEIS = ("Reisepass", "Personalausweis", "Personalausweis", "Aufenthaltstitel")
_BEMERKUNG = ("Rechnung bitte per Post", "Kd. wünscht Rückruf wg. Tarifwechsel", "Zahlungserinnerung 1 versendet",
              "Rufnummernmitnahme beantragt", "Umzug gemeldet, Zählerstand folgt", "SIM getauscht (eSIM)",
              "Ratenplan vereinbart\n3 Raten à 40 EUR", "", "", "", "Kulanzgutschrift 10,00 EUR", "n/a")


def _ausweisnr(rng: random.Random, land: str, typ: str) -> str:
    if land == "AT":
        return f"P{rng.randint(1000000, 9999999)}" if typ == "Reisepass" else f"{rng.randint(10000000, 99999999)}"
    chars = "CFGHJKLMNPRTVWXYZ0123456789"
    return rng.choice("LMNPRT") + "".join(rng.choice(chars) for _ in range(8))


def _telko(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    at, de = _faker("de_AT", 1), _faker("de_DE", 2)
    out = []
    for _i in range(rows):
        land = "AT" if rng.random() < 0.7 else "DE"
        fk = at if land == "AT" else de
        first, last = fk.first_name(), fk.last_name()
        plz = fk.postcode()
        if land == "DE" and plz.startswith("0") and rng.random() < 0.5:
            plz = plz.lstrip("0")  # leading zero lost in an earlier Excel round trip
        mobil = (f"+43 6{rng.choice('5678')}{rng.randint(0, 9)} {rng.randint(100000, 9999999)}" if land == "AT"
                 else f"01{rng.choice(['51', '52', '60', '70', '76'])}/{rng.randint(1000000, 99999999)}")
        if rng.random() < 0.3:
            mobil = mobil.replace(" ", "").replace("/", "").replace("+", "00")
        typ = rng.choice(_AUSWEIS)
        start = date(2012, 1, 1) + timedelta(days=rng.randint(0, 4500))
        iccid = f"89{43 if land == 'AT' else 49}{rng.randint(10**14, 10**15 - 1)}{rng.randint(0, 9)}"
        zp = (f"AT00{rng.choice(['1000', '2000', '3000', '8000'])}000000000000000000{rng.randint(1000000, 9999999)}"
              if land == "AT" else f"DE000{rng.randint(10**9, 10**10 - 1)}{rng.randint(10**17, 10**18 - 1)}")
        inhaber_diff = rng.random() < 0.12
        iban = fk.iban()
        out.append({
            "KdNr": f"{rng.randint(1000000, 9999999)}",
            "Vertragsnr.": f"V-{start.year}-{rng.randint(100000, 999999)}",
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Herr", "Divers", ""]),
            "Titel": rng.choice(["", "", "", "", "Dr.", "Mag.", "DI", "Ing.", "MSc"]),
            "Vorname": first,
            "Nachname": last,
            "Geb.-Datum": _maybe(rng, 0.93, _dob(rng).strftime(rng.choice(["%d.%m.%Y", "%d.%m.%Y", "%Y-%m-%d"]))),
            "Straße u. Hausnr.": fk.street_address(),
            "PLZ": plz,
            "Ort": fk.city(),
            "Land": land,
            "Tel. Festnetz": _maybe(rng, 0.35, fk.phone_number()),
            "Mobilnummer (MSISDN)": mobil,
            "E-Mail": _maybe(rng, 0.88, fk.free_email() if rng.random() < 0.6 else
                             _ascii(f"{first}.{last}@{fk.free_email_domain()}".lower()), "n/a"),
            "ICCID": iccid,
            "Tarif": rng.choice(_TARIFE),
            "Grundgebühr mtl. (EUR)": f"{rng.choice([9.9, 14.9, 19.9, 24.9, 29.9, 39.9, 54.9]):.2f}".replace(".", ","),
            "Vertragsbeginn": start.strftime("%d.%m.%Y"),
            "MVD (Mon.)": rng.choice([0, 12, 24, 24, 36]),
            "Zählpunkt": _maybe(rng, 0.3, zp),
            "IBAN": _maybe(rng, 0.8, iban if rng.random() < 0.7 else " ".join(
                iban[j:j + 4] for j in range(0, len(iban), 4))),
            "BIC": rng.choice(["BKAUATWW", "GIBAATWWXXX", "RZOOAT2L", "OBKLAT2L", "COBADEFFXXX", "DEUTDEFF",
                               "INGDDEFFXXX", "SPKHDE2H", ""]),
            "Kontoinhaber (falls abweichend)": fk.name() if inhaber_diff else "",
            "SEPA-Mandatsref.": f"MRF{rng.randint(10**9, 10**10 - 1)}",
            "Zahlungsart": rng.choice(["SEPA-Lastschrift", "Überweisung", "Kreditkarte", "SEPA-Lastschrift"]),
            "Ausweistyp": typ,
            "Ausweis-Nr.": _ausweisnr(rng, land, typ),
            "Bemerkung": rng.choice(_BEMERKUNG),
            "Newsletter J/N": rng.choice(["J", "N", "N", ""]),
            "Kündigung zum": _maybe(rng, 0.08, (start + timedelta(days=rng.randint(400, 3000))).strftime("%d.%m.%Y")),
            "letzte Änderung": (datetime(2024, 11, 1) - timedelta(minutes=rng.randint(0, 500000))
                                ).strftime("%d.%m.%Y %H:%M"),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (b) Dutch pharmacy

_MIDDELEN = (("Omeprazol 20mg maagsapresistente capsule", "A02BC01"), ("Metformine 500mg tablet", "A10BA02"),
             ("Simvastatine 40mg tablet", "C10AA01"), ("Amoxicilline 500mg capsule", "J01CA04"),
             ("Paracetamol 500mg tablet", "N02BE01"), ("Salbutamol 100mcg/dosis aerosol", "R03AC02"),
             ("Levothyroxine 50mcg tablet", "H03AA01"), ("Metoprolol 50mg retard", "C07AB02"),
             ("Diclofenac 50mg tablet", "M01AB05"), ("Oxazepam 10mg tablet", "N05BA04"))
_DOSERING = ("1dd1", "2dd1", "3dd1 na het eten", "zo nodig 1 tablet, max 3 per dag", "1 x daags 1 capsule",
             "2 x per dag 2 puffs", "volgens schema")
_BEWAKING = ("", "", "", "Interactie gecontroleerd, geen actie nodig", "Dubbelmedicatie besproken met voorschrijver",
             "Nierfunctie onbekend - opgevraagd", "Contra-indicatie astma: akkoord arts",
             "Eerste uitgifte, gesprek gevoerd", "n.v.t.")
_VERZEKERAARS = (("Zilveren Kruis", "3311"), ("CZ", "9664"), ("VGZ", "7095"), ("Menzis", "3332"),
                 ("ONVZ", "3358"), ("DSW", "7029"))


def _bsn(rng: random.Random) -> int:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        s = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = s % 11
        if last <= 9 and any(digits):
            return int("".join(map(str, digits + [last])))


def _apotheek(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    nl = _faker("nl_NL", 3)
    artsen = [f"{rng.choice(['Dr. ', '', 'drs. '])}{nl.first_name()[0]}. {nl.last_name()}" for _ in range(40)]
    medewerkers = sorted({f"{rng.choice(['apo.', 'ass.', 'apo', ''])}"
                          f"{nl.first_name()[0].lower()}{nl.last_name().lower().replace(' ', '')}"
                          for _ in range(25)})
    out = []
    for i in range(rows):
        middel, atc = rng.choice(_MIDDELEN)
        verz, uzovi = rng.choice(_VERZEKERAARS)
        last, first = nl.last_name(), nl.first_name()
        pc = nl.postcode()
        if rng.random() < 0.5:
            pc = f"{pc[:4]} {pc[4:]}"
        tel = rng.choice([f"06-{rng.randint(10000000, 99999999)}", f"+31 6 {rng.randint(10000000, 99999999)}",
                          nl.phone_number(), ""])
        out.append({
            "afleverID": 5_000_000 + i * 3 + rng.randint(0, 2),
            "patientnr": f"P{rng.randint(100000, 999999)}",
            "BSN": _bsn(rng) if rng.random() < 0.95 else None,
            "naam_patient": rng.choice([f"{last}, {first}", f"{first} {last}", f"{last}, {first[0]}."]),
            "geboortedatum": pd.Timestamp(_dob(rng, 0, 95)),
            "geslacht": rng.choice(["M", "V", "O", "V", "M"]),
            "adres": nl.street_address(),
            "postcode": pc,
            "woonplaats": nl.city(),
            "telefoon": tel,
            "email": _maybe(rng, 0.3, nl.free_email(), None),
            "huisarts": rng.choice(artsen),
            "AGB_voorschrijver": f"01{rng.randint(100000, 999999)}",
            "zorgverzekeraar": verz,
            "UZOVI": uzovi,
            "polisnummer": str(rng.randint(10**8, 10**9 - 1)),
            "ZI_nummer": rng.randint(10**7, 10**8 - 1),
            "geneesmiddel": middel,
            "ATC": atc,
            "dosering": rng.choice(_DOSERING),
            "aantal": float(rng.choice([10, 20, 30, 30, 60, 90, 100, 1])),
            "afleverdatum": pd.Timestamp(datetime(2024, 7, 1) + timedelta(minutes=rng.randint(0, 130000))),
            "eigen_bijdrage_eur": round(rng.choice([0.0, 0.0, 0.0, 2.35, 4.7, 12.5, rng.uniform(0, 30)]), 2),
            "herhaalrecept": rng.random() < 0.45,
            "bewaking_opmerking": rng.choice(_BEWAKING),
            "allergie_ci": rng.choice(["", "", "", "penicilline", "NSAID's", "lactose", "geen bekend"]),
            "uitgegeven_door": rng.choice(medewerkers),
            "versie": rng.choice(["7.4.2", "7.4.3", "7.5.0"]),
        })
    df = pd.DataFrame(out)
    df["BSN"] = df["BSN"].astype("Int64")  # leading zeros of the BSN are lost as in real exports
    return df


# --------------------------------------------------------------------------- (c) ticketing

_TICKETS = ("General Admission", "VIP Package", "Early Bird GA", "Student", "Balcony Reserved", "Child (under 12)",
            "Meet & Greet Upgrade")
_REQUESTS = ("", "", "", "", "Wheelchair accessible seating please", "Vegetarian meal option",
             "Need an aisle seat - bad knee", "Is parking included?", "Gluten free, nut allergy",
             "Please seat our group together.\nThanks!", "Arriving late, after the first act", "N/A",
             "Hearing loop required", "Will bring a service dog")
_STATES = ("CA", "NY", "TX", "MA", "IL", "WA", "NJ", "CT", "OR", "GA", "FL", "CO")


def _tickets(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    us = _faker("en_US", 4)
    out = []
    order = 1_412_000_000
    buyer: dict = {}
    for i in range(rows):
        if not buyer or rng.random() < 0.55:  # a new order; otherwise another attendee of the same order
            order += rng.randint(1, 40)
            bf, bl = us.first_name(), us.last_name()
            buyer = {"first": bf, "last": bl,
                     "email": f"{bf[0]}{bl}{rng.randint(1, 99)}@{us.free_email_domain()}".lower()
                     if rng.random() < 0.5 else us.free_email(),
                     "date": datetime(2024, 3, 1) + timedelta(minutes=rng.randint(0, 200000)),
                     "total": 0.0}
            same = True
        else:
            same = False
        af, al = (buyer["first"], buyer["last"]) if same else (us.first_name(), us.last_name())
        zipc = us.zipcode() if rng.random() < 0.8 else us.zipcode_plus4()
        if zipc.startswith("0") and rng.random() < 0.6:
            zipc = zipc.lstrip("0")
        price = rng.choice([35.0, 49.5, 65.0, 89.0, 120.0, 250.0, 0.0])
        sec = rng.choice(["ORCH", "MEZZ", "BALC", "GA", "GA"])
        out.append({
            "Order #": order,
            "Order Date": buyer["date"].strftime("%m/%d/%Y %I:%M %p"),
            "First Name": af,
            "Last Name": al,
            "Email": buyer["email"] if same else _maybe(rng, 0.8, us.free_email()),
            "Quantity": 1,
            "Ticket Type": rng.choice(_TICKETS),
            "Attendee #": 2_000_000_000 + i * 7,
            "Barcode #": f"{order}{rng.randint(10**9, 10**10 - 1)}001",
            "Buyer First Name": buyer["first"],
            "Buyer Last Name": buyer["last"],
            "Buyer Email": buyer["email"],
            "Date Attending": rng.choice(["Oct 12, 2024 7:30 PM", "Oct 13, 2024 2:00 PM", "Oct 13, 2024 7:30 PM"]),
            "Section": sec,
            "Row": "" if sec == "GA" else rng.choice("ABCDEFGHJKLMN"),
            "Seat": "" if sec == "GA" else str(rng.randint(1, 40)),
            "Discount": rng.choice(["", "", "", "EARLYBIRD24", "STAFF", "FRIENDS10"]),
            "Order Type": rng.choice(["Eventbrite Completed", "Eventbrite Completed", "Free Order", "PayPal Completed",
                                      "Complimentary"]),
            "Currency": "USD",
            "Total Paid": price,
            "Fees Paid": round(price * 0.037 + 1.79, 2) if price else 0.0,
            "Payment Method": rng.choice(["Visa •••• ", "Mastercard •••• ", "Amex •••• "]) + f"{rng.randint(0, 9999):04d}"
            if price else "",
            "Attendee Status": rng.choice(["Attending", "Attending", "Attending", "Checked In", "Refunded",
                                           "Transferred"]),
            "Check-In Date": _maybe(rng, 0.3, "10/12/2024 " + f"{rng.randint(6, 8)}:{rng.randint(0, 59):02d} PM"),
            "Home Address 1": _maybe(rng, 0.7, us.street_address()),
            "Home Address 2": _maybe(rng, 0.15, us.secondary_address()),
            "Home City": _maybe(rng, 0.7, us.city()),
            "Home State": _maybe(rng, 0.7, rng.choice(_STATES)),
            "Home Zip": _maybe(rng, 0.7, zipc),
            "Home Country": _maybe(rng, 0.7, "United States"),
            "Cell Phone": _maybe(rng, 0.6, rng.choice([us.phone_number(), f"({rng.randint(201, 989)}) "
                                                       f"{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"])),
            "Date of Birth (21+ events)": _maybe(rng, 0.5, _dob(rng, 21, 70).strftime("%m/%d/%Y")),
            "Job Title": _maybe(rng, 0.4, us.job()),
            "Company": _maybe(rng, 0.4, us.company()),
            "Instagram/Twitter handle": _maybe(rng, 0.12, "@" + us.user_name()),
            "Special Requests": rng.choice(_REQUESTS),
            "How did you hear about us?": rng.choice(["Facebook", "Friend", "Radio", "Email newsletter", "Other", ""]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (d) Danish municipality

_YDELSER = ("Boligstøtte", "Kontanthjælp", "Børne- og ungeydelse", "Førtidspension", "Sygedagpenge",
            "Enkeltydelse (§ 81)", "Ressourceforløbsydelse", "Tilskud til tandpleje")
_BEMAERK = ("", "", "", "Afventer dokumentation for husleje", "Partshøring sendt via Digital Post",
            "Genberegning efter årsopgørelse", "Klage modtaget - sendt til Ankestyrelsen", "Bevilling forlænget",
            "Ingen bemærkninger")


def _cpr(rng: random.Random, dob: date) -> str:
    return f"{dob:%d%m%y}-{rng.randint(0, 9999):04d}"


def _kommune(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    dk = _faker("da_DK", 5)
    behandlere = [(dk.name(), f"{''.join(rng.choice('ABDEFGHJKLMNPRST') for _ in range(3))}") for _ in range(30)]
    out = []
    for _i in range(rows):
        dob = _dob(rng, 18, 90)
        navn, initialer = rng.choice(behandlere)
        kommune = rng.choice([(101, "1"), (751, "7"), (461, "5"), (851, "8")])
        out.append({
            "Sagsnr.": f"{rng.randint(2019, 2024)}-{rng.randint(1, 99999):05d}",
            "Journalnr.": f"{rng.choice(['27.24.00', '32.18.06', '27.12.04'])}-G01-{rng.randint(1, 300)}-"
                          f"{rng.randint(19, 24)}",
            "CPR-nr.": _cpr(rng, dob) if rng.random() < 0.8 else _cpr(rng, dob).replace("-", ""),
            "Fødselsdato": datetime(dob.year, dob.month, dob.day),
            "Fornavn(e)": dk.first_name() + (" " + dk.first_name() if rng.random() < 0.3 else ""),
            "Efternavn": dk.last_name(),
            "Adresse": dk.street_address() + rng.choice(["", "", ", 2. th.", ", st. tv.", ", 1."]),
            "Postnr.": int(dk.postcode()),
            "By": dk.city(),
            "Kommunekode": kommune[0],
            "Civilstand": rng.choice(["Gift", "Ugift", "Skilt", "Enke/enkemand", "Registreret partnerskab"]),
            "Statsborgerskab": rng.choice(["Danmark"] * 8 + ["Sverige", "Polen", "Tyrkiet", "Syrien"]),
            "Tlf.": _maybe(rng, 0.8, rng.choice([dk.phone_number(), f"+45{rng.randint(20000000, 99999999)}",
                                                 f"{rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                                                 f"{rng.randint(10, 99)}"])),
            "E-mail": _maybe(rng, 0.55, dk.free_email()),
            "NemKonto (reg.nr. + kontonr.)": _maybe(rng, 0.85, f"{rng.randint(1000, 9999)}"
                                                    f"{rng.choice(['-', ' ', ''])}{rng.randint(10**9, 10**10 - 1)}"),
            "Ydelse": rng.choice(_YDELSER),
            "Beløb pr. md. (kr.)": round(rng.uniform(300, 19000), 2),
            "Bevilget d.": datetime(2024, 1, 1) + timedelta(days=rng.randint(0, 280)),
            "Status": rng.choice(["Bevilget", "Afslået", "Under behandling", "Ophørt"]),
            "Antal børn": rng.choice([0, 0, 0, 1, 2, 3, 4]),
            "Værge": _maybe(rng, 0.05, dk.name()),
            "Sagsbehandler": navn,
            "Oprettet af": f"{kommune[1]}{initialer.lower()}" if rng.random() < 0.5 else f"KMD\\{initialer}",
            "Digital Post": rng.choice(["Ja", "Ja", "Ja", "Nej (fritaget)"]),
            "Bemærkning": rng.choice(_BEMAERK),
            "Sidst ændret": datetime(2024, 10, 1) + timedelta(minutes=rng.randint(0, 40000)),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- (e) security audit log

_EVENTS = (("user.login", "success"), ("user.login", "failure"), ("user.logout", "success"),
           ("mfa.challenge", "success"), ("mfa.challenge", "failure"), ("password.reset", "success"),
           ("admin.user.disable", "success"), ("admin.role.grant", "success"), ("api.token.create", "success"),
           ("file.download", "success"), ("session.expired", "info"))
_MESSAGES = {"success": ("Authentication succeeded", "Operation completed", "OK"),
             "failure": ("Invalid credentials", "MFA code rejected", "Account locked after 5 attempts",
                         "Password expired"),
             "info": ("Session idle timeout reached", "Token refreshed")}


def _audit(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("en_GB", 6)
    us = _faker("en_US", 7)
    users = []
    for _ in range(120):
        first, last = fk.first_name(), fk.last_name()
        login = rng.choice([f"{first[0]}{last}".lower(), f"{first}.{last}".lower(), us.user_name(),
                            f"svc-{us.word()}-{rng.randint(1, 9)}"])
        users.append((login, f"{first} {last}", f"{first}.{last}@northwind-logistics.co.uk".lower()))
    cities = [f"{fk.city()}, United Kingdom" for _ in range(10)] + [us.city() for _ in range(10)] + \
             ["Frankfurt am Main", "Amsterdam", "Dublin", "Warsaw"]
    servers = [f"10.20.{rng.randint(0, 9)}.{rng.randint(2, 250)}" for _ in range(6)]
    out = []
    t0 = datetime(2024, 10, 14)
    for _i in range(rows):
        login, display, email = rng.choice(users)
        ev, result = rng.choice(_EVENTS)
        src = fk.ipv4_public() if rng.random() < 0.8 else fk.ipv6()
        admin = ev.startswith("admin.")
        out.append({
            "event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "@timestamp": (t0 + timedelta(milliseconds=rng.randint(0, 86_400_000))).isoformat(timespec="milliseconds")
            + "Z",
            "eventType": ev,
            "outcome": result,
            "actor.login": login,
            "actorDisplayName": display if not login.startswith("svc-") else None,
            "actor_email": email if not login.startswith("svc-") else None,
            "src_ip": src,
            "src_port": rng.randint(1024, 65535),
            "x_forwarded_for": f"{src}, {rng.choice(['172.16.0.4', '172.16.0.5'])}" if rng.random() < 0.4 else None,
            "dest_ip": rng.choice(servers),
            "geo_city": rng.choice(cities) if rng.random() < 0.9 else None,
            "geo_country_iso": rng.choice(["GB", "GB", "GB", "US", "IE", "DE", "NL", "PL"]),
            "user_agent": fk.user_agent(),
            "device_id": f"DEV-{rng.randint(0, 16**8):08X}",
            "mfa_method": rng.choice(["totp", "push", "sms", "webauthn", None]),
            "session_id": f"{rng.getrandbits(128):032x}",
            "target_user": rng.choice(users)[0] if admin else None,
            "resource": rng.choice(["/api/v2/orders", "/admin/users", "/login", "/api/v2/reports/export",
                                    "/sso/saml/acs", "/files/Q3-forecast.xlsx"]),
            "http_status": {"success": 200, "failure": 401, "info": 200}[result] if rng.random() < 0.95 else 500,
            "latency_ms": round(rng.lognormvariate(4, 0.8), 1),
            "risk_score": round(rng.random(), 3) if rng.random() < 0.7 else None,
            "msg": rng.choice(_MESSAGES[result]),
            "payload_sha256": f"{rng.getrandbits(256):064x}",
            "app_version": rng.choice(["3.14.2", "3.14.3", "3.15.0-rc1"]),
            "tenant_id": rng.choice([17, 17, 17, 42]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- assembly

def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Every table of this set as a DataFrame (row counts vary around ``rows``)."""
    return {
        "telko_kunden": _telko(rows),
        "apotheek_afleveringen": _apotheek(max(1, rows * 3 // 4)),
        "ticket_orders": _tickets(rows),
        "kommune_borgere": _kommune(max(1, rows * 3 // 5)),
        "auth_audit": _audit(rows),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table of this set into ``out_dir`` (created); return ``{table: path}``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table, df in make_tables(rows).items():
        path = out_dir / _FILES[table]
        if table == "telko_kunden":
            df.to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace")
        elif table == "apotheek_afleveringen":
            df.to_parquet(path, index=False)
        elif table == "ticket_orders":
            df.to_csv(path, sep=",", index=False, encoding="utf-8-sig")
        elif table == "kommune_borgere":
            df.to_excel(path, index=False, sheet_name="Udtræk", engine="openpyxl")
        else:
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout4.py OUT_DIR [ROWS]")
    for name, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(f"{name}: {p}")
