"""Blind held-out set 15: eight exports from UK, German, Belgian, Mexican, Dutch, Italian and CDP systems.

Written and labelled without running the scanner. Public API as the other held-out sets:
``TABLES``, ``labels()``, ``make_tables(rows)``, ``write_all(out_dir, rows)``.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "FILES", "labels", "make_tables", "write_all"]

SEED = 15150
HERE = Path(__file__).resolve().parent

FILES: dict[str, str] = {
    "recall_list_uk": "recall_list_uk.csv",
    "kfz_schaeden": "kfz_schaeden.csv",
    "mandats_domiciliation_be": "mandats_domiciliation_be.xlsx",
    "conductores_mx": "conductores_mx.tsv",
    "viajes_mx": "viajes_mx.parquet",
    "huurders_nl": "huurders_nl.csv",
    "iscrizioni_evento_it": "iscrizioni_evento_it.xlsx",
    "cdp_profiles": "cdp_profiles.jsonl",
}
TABLES: tuple[str, ...] = tuple(FILES)


def labels() -> dict[str, dict[str, str | None]]:
    """The hand-written labels: {table: {column: entity or None}}."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ---------------------------------------------------------------- helpers
def _fakers(rng: random.Random, *locales: str) -> dict[str, Faker]:
    out = {}
    for loc in locales:
        f = Faker(loc)
        f.seed_instance(rng.randrange(1 << 30))
        out[loc] = f
    return out


def _iban(country: str, bban: str) -> str:
    """An IBAN with correct ISO 13616 mod-97 check digits."""
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _luhn_ok(num: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _nhs(rng: random.Random) -> str:
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        d[0] = rng.randrange(4, 7)
        c = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        if c == 11:
            c = 0
        if c != 10:
            s = "".join(map(str, d)) + str(c)
            return s


def _steuer_id(rng: random.Random) -> str:
    """German Steuer-IdNr: one digit twice among the first ten, ISO 7064 MOD 11,10 check digit."""
    while True:
        pool = rng.sample(range(10), 9)
        pool.append(rng.choice(pool))
        rng.shuffle(pool)
        if pool[0] != 0:
            break
    product = 10
    for d in pool:
        s = (d + product) % 10 or 10
        product = (s * 2) % 11
    check = 11 - product
    return "".join(map(str, pool)) + str(0 if check == 10 else check)


def _be_nrn(rng: random.Random, dob: date) -> str:
    serial = rng.randrange(1, 998)
    base = f"{dob:%y%m%d}{serial:03d}"
    n = int(("2" if dob.year >= 2000 else "") + base)
    return base + f"{97 - n % 97:02d}"


def _be_bban(rng: random.Random) -> str:
    first = f"{rng.choice([1, 63, 68, 73, 79, 83, 88, 96, 310, 363, 523, 651, 732, 751]):03d}" + "".join(
        str(rng.randrange(10)) for _ in range(7))
    chk = int(first) % 97 or 97
    return first + f"{chk:02d}"


def _clabe(rng: random.Random) -> str:
    body = rng.choice(["002", "012", "014", "021", "030", "036", "044", "072", "127", "137", "638"])
    body += rng.choice(["180", "320", "580", "650", "680", "720", "744"])
    body += "".join(str(rng.randrange(10)) for _ in range(11))
    w = [3, 7, 1] * 6
    s = sum(int(c) * w[i] % 10 for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _dob(rng: random.Random, lo: int = 1938, hi: int = 2006) -> date:
    return date(lo, 1, 1) + timedelta(days=rng.randrange((date(hi, 12, 31) - date(lo, 1, 1)).days))


def _event(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randrange(days))


def _maybe(rng: random.Random, p: float, value, blank=None):
    return value if rng.random() < p else blank


def _ascii(s: str) -> str:
    table = str.maketrans("äöüßéèêëáàâíìîóòôúùûñçøåæ ", "aouseeeeaaaiiiooouuuncoaa.")
    return "".join(ch for ch in s.lower().translate(table) if ch.isalnum() or ch in "._-").strip(".")


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, la = _ascii(first), _ascii(last)
    pat = rng.randrange(5)
    local = [f"{f}.{la}", f"{f[:1]}{la}", f"{f}{la}{rng.randrange(1, 99)}", f"{la}.{f}", f"{f}_{la}"][pat]
    return f"{local}@{rng.choice(domains)}"


def _text(rng: random.Random, phrases: list[str], p_blank: float = 0.55) -> str | None:
    if rng.random() < p_blank:
        return None
    k = rng.choice([1, 1, 1, 2])
    sep = rng.choice([" ", "\n"])
    return sep.join(rng.sample(phrases, k))


# ---------------------------------------------------------------- (a) UK dental recall list
UK_TOWNS = [("Leeds", "LS", "West Yorkshire"), ("Horsforth", "LS18", "West Yorkshire"),
            ("Otley", "LS21", "West Yorkshire"), ("Pudsey", "LS28", "West Yorkshire"),
            ("Morley", "LS27", "West Yorkshire"), ("Wetherby", "LS22", "West Yorkshire"),
            ("Guiseley", "LS20", "West Yorkshire"), ("Yeadon", "LS19", "West Yorkshire"),
            ("Garforth", "LS25", "West Yorkshire"), ("Rothwell", "LS26", "West Yorkshire"),
            ("Harrogate", "HG1", "North Yorkshire"), ("Ilkley", "LS29", "West Yorkshire"),
            ("Bradford", "BD", "West Yorkshire"), ("Shipley", "BD18", "West Yorkshire"),
            ("Wakefield", "WF", "West Yorkshire"), ("Knaresborough", "HG5", "North Yorkshire")]
DENTISTS = ["Dr A. Patel", "Dr S. O'Neill", "Dr R. Whitaker", "Miss K. Brennan (Hyg)", "Dr M. Kowalczyk",
            "Mr J. Fairburn", "Dr H. Osei", "Ms L. Pryce (Therapist)"]


def _uk_postcode(rng: random.Random, area: str) -> str:
    if not area[-1].isdigit():
        area += str(rng.randrange(1, 17))
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{area} {rng.randrange(1, 10)}{rng.choice(letters)}{rng.choice(letters)}"


def _uk_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        n = f"07{rng.randrange(100, 999)}{rng.randrange(100000, 999999)}"
        return rng.choice([f"{n[:5]} {n[5:]}", n, f"+44 {n[1:5]} {n[5:]}", f"{n[:5]} {n[5:8]} {n[8:]}"])
    code = rng.choice(["0113", "01943", "01937", "01423", "01274", "01924"])
    rest = f"{rng.randrange(200000, 999999)}"
    return rng.choice([f"{code} {rest}", f"({code}) {rest[:3]} {rest[3:]}", f"{code}{rest}"])


def _recall(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["en_GB"]
    notes = ["Prefers morning appts", "Nervous patient - allow extra time", "Needs wheelchair access",
             "Reminder by letter only", "Check medical history update", "Refer to hygienist",
             "Bridge review due", "Do not book Fridays", "Sensitive teeth, use numbing gel",
             "Ortho review at 6 months", "Moved to Denplan Essentials"]
    out = []
    for i in range(rows):
        male = rng.random() < 0.48
        first = f.first_name_male() if male else f.first_name_female()
        last = f.last_name()
        town, area, county = rng.choice(UK_TOWNS)
        dob = _dob(rng, 1935, 2019)
        plan = rng.choice(["NHS", "NHS", "NHS", "Private", "Denplan", "Denplan Care", "NHS Exempt"])
        nhs = _nhs(rng)
        nhs_fmt = rng.choice([f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}", nhs, f"{nhs[:3]}-{nhs[3:6]}-{nhs[6:]}"])
        due = _event(rng, date(2024, 1, 1), 540)
        out.append({
            "Patient ID": 10000 + i * 3 + rng.randrange(3),
            "Title": ("Mr" if male else rng.choice(["Mrs", "Ms", "Miss"])) if dob.year < 2008 else "",
            "Forename": first,
            "Surname": last,
            "Preferred Name": _maybe(rng, 0.12, rng.choice([first[:3], first, f.first_name()]), ""),
            "DOB": dob.strftime("%d/%m/%Y"),
            "Age": (date(2024, 6, 1) - dob).days // 365,
            "NHS No.": nhs_fmt if plan.startswith("NHS") or rng.random() < 0.5 else "",
            "Address Line 1": f.street_address().replace("\n", ", "),
            "Address Line 2": _maybe(rng, 0.25, rng.choice(["Meanwood", "Headingley", "Chapel Allerton",
                                                            "Roundhay", "Adel", "Kirkstall", "Rawdon",
                                                            "Burley-in-Wharfedale", "Menston"]), ""),
            "Town": town if rng.random() > 0.03 else town.upper(),
            "County": _maybe(rng, 0.7, county, ""),
            "Postcode": _uk_postcode(rng, area),
            "Home Tel": _maybe(rng, 0.45, _uk_phone(rng, False), ""),
            "Mobile": _maybe(rng, 0.85, _uk_phone(rng, True), ""),
            "Email": _maybe(rng, 0.7, _email(rng, first, last, ["gmail.com", "hotmail.co.uk", "btinternet.com",
                                                               "yahoo.co.uk", "outlook.com", "sky.com"]), ""),
            "Recall Type": rng.choice(["Exam", "Exam", "Hygiene", "Exam + Hyg", "Ortho Review"]),
            "Recall Due": due.strftime("%d/%m/%Y"),
            "Last Visit": (due - timedelta(days=rng.choice([180, 270, 365, 540]))).strftime("%d/%m/%Y"),
            "Dentist": rng.choice(DENTISTS),
            "Payment Plan": plan,
            "Balance (£)": rng.choice([0.0, 0.0, 0.0, round(rng.uniform(-50, 320), 2), 26.8, 73.5]),
            "SMS Consent": rng.choice(["Y", "Y", "N", ""]),
            "Reminders Sent": rng.choice([0, 0, 1, 2, 3]),
            "Notes": _text(rng, notes, 0.6) or "",
            "Emergency Contact": _maybe(rng, 0.3, f"{f.first_name()} {rng.choice([last, f.last_name()])} ("
                                        f"{rng.choice(['wife', 'husband', 'mother', 'father', 'partner', 'son', 'daughter'])})", ""),
            "Exemption Cat": rng.choice(["", "", "", "A", "D", "E", "F", "H", "K"]),
            "Practice Code": rng.choice(["V018452", "V018452", "V021977"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (b) German motor claims
def _de_phone(rng: random.Random) -> str:
    if rng.random() < 0.55:
        n = f"01{rng.choice(['51', '52', '57', '60', '62', '70', '71', '72', '76'])}{rng.randrange(1000000, 99999999)}"
        return rng.choice([n, f"{n[:4]} {n[4:]}", f"+49 {n[1:4]} {n[4:]}", f"{n[:4]}/{n[4:]}"])
    pre = rng.choice(["030", "040", "089", "0221", "0511", "0711", "069", "0351", "0341", "05121"])
    rest = str(rng.randrange(100000, 9999999))
    return rng.choice([f"{pre} {rest}", f"{pre}/{rest}", f"{pre}-{rest}", f"+49 {pre[1:]} {rest}"])


def _kfz(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["de_DE"]
    arten = ["Haftpflicht", "Vollkasko", "Teilkasko", "Glasbruch", "Wildschaden", "Marderbiss", "Hagel",
             "Parkschaden", "Diebstahl"]
    story = ["Beim Ausparken Poller touchiert.", "Auffahrunfall an Ampel, Gegner bremste abrupt.",
             "Steinschlag Frontscheibe auf BAB.", "Reh auf Fahrbahn, Frontschaden.",
             "Marder hat Zündkabel durchgebissen.", "Hagelschaden am Dach, Fahrzeug stand im Freien.",
             "Spurwechsel, seitliche Kollision.", "Fahrzeug über Nacht entwendet, Anzeige erstattet.",
             "Kratzer an Fahrertür, Verursacher unbekannt.", "Rückwärts gegen Laterne gefahren."]
    handlers = ["kfz_mbauer", "kfz_tschulze", "s.yilmaz", "ahoffmann2", "kfz_jkrueger", "n.wagner", "pkoch"]
    models = ["VW Golf VIII", "VW Passat Variant", "BMW 320d", "Mercedes-Benz C 200", "Opel Corsa F",
              "Skoda Octavia Combi", "Audi A4 Avant", "Ford Focus", "Toyota Yaris Hybrid", "Tesla Model 3",
              "Seat Leon", "Hyundai i30", "Fiat 500", "Renault Clio"]
    out = []
    for i in range(rows):
        vn_first, vn_last = f.first_name(), f.last_name()
        same_driver = rng.random() < 0.7
        dr_first, dr_last = (vn_first, vn_last) if same_driver else (f.first_name(), rng.choice([vn_last, f.last_name()]))
        plz = f.postcode()
        art = rng.choice(arten)
        tag = _event(rng, date(2022, 1, 1), 900)
        amount = round(rng.lognormvariate(7.3, 1.0), 2)
        third = art in ("Haftpflicht", "Vollkasko") and rng.random() < 0.6
        city = f.city()
        kz = f.license_plate()
        out.append({
            "Schaden-Nr.": f"KS-{tag.year}-{i + 1:06d}",
            "VS-Nr": f"{rng.randrange(10, 99)}.{rng.randrange(100000, 999999)}-K",
            "Schadentag": tag.strftime("%d.%m.%Y"),
            "Meldedatum": (tag + timedelta(days=rng.randrange(0, 30))).strftime("%d.%m.%Y"),
            "Schadenart": art,
            "VN Name": rng.choice([f"{vn_last}, {vn_first}", f"{vn_first} {vn_last}", f"{vn_last.upper()}, {vn_first}"]),
            "VN Geb.-Datum": _dob(rng, 1940, 2005).strftime("%d.%m.%Y"),
            "VN Straße / Hausnr.": f.street_address(),
            "VN PLZ": int(plz) if rng.random() < 0.35 else plz,
            "VN Ort": f.city(),
            "Tel. (privat)": _maybe(rng, 0.8, _de_phone(rng), ""),
            "E-Mail VN": _maybe(rng, 0.65, _email(rng, vn_first, vn_last, ["web.de", "gmx.de", "t-online.de",
                                                                          "gmail.com", "gmx.net", "posteo.de"]), ""),
            "Steuer-ID": _maybe(rng, 0.25, _steuer_id(rng), ""),
            "Fahrer Vorname": dr_first,
            "Fahrer Nachname": dr_last,
            "Führerschein seit": rng.randrange(1965, 2023),
            "amtl. Kennzeichen": kz,
            "FIN": "W" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16)),
            "Hersteller/Modell": rng.choice(models),
            "Schadenort": rng.choice([city, f"{city}, {f.street_name()}", f"A{rng.randrange(1, 99)} bei {city}",
                                      f"{f.postcode()} {city}"]),
            "Unfallgegner": f"{f.first_name()} {f.last_name()}" if third else "",
            "Gegner Kennzeichen": f.license_plate() if third else "",
            "Gutachter": rng.choice(["DEKRA", "TÜV SÜD", "GTÜ", "KÜS", "", "", "Sachverständigenbüro Lange GmbH"]),
            "Schadenhöhe (EUR)": f"{amount:.2f}".replace(".", ","),
            "Reserve EUR": f"{round(amount * rng.uniform(1.0, 1.5), -1):.2f}".replace(".", ","),
            "SB": rng.choice([0, 150, 300, 500, 1000]),
            "IBAN Auszahlung": _maybe(rng, 0.75, rng.choice([lambda s: s, _group4])(
                _iban("DE", f"{rng.randrange(10000000, 89999999)}{rng.randrange(10 ** 9, 10 ** 10)}")), ""),
            "Kontoinhaber": _maybe(rng, 0.75, rng.choice([f"{vn_first} {vn_last}", f"{vn_last}, {vn_first}",
                                                          f"{f.first_name()} {vn_last}"]), ""),
            "Sachbearbeiter": rng.choice(handlers),
            "Status": rng.choice(["offen", "in Prüfung", "reguliert", "abgelehnt", "Regress", "geschlossen"]),
            "Schilderung": _text(rng, story, 0.2) or "",
            "Polizei AZ": _maybe(rng, 0.3, f"{rng.randrange(100, 999)}/{tag:%y}/{rng.randrange(10000, 99999)}", ""),
            "Regress J/N": rng.choice(["J", "N", "N", "N"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (c) Belgian SEPA mandates (French)
BE_TOWNS = [("Bruxelles", 1000), ("Schaerbeek", 1030), ("Etterbeek", 1040), ("Ixelles", 1050),
            ("Anderlecht", 1070), ("Uccle", 1180), ("Wavre", 1300), ("Ottignies", 1340),
            ("Louvain-la-Neuve", 1348), ("Nivelles", 1400), ("Waterloo", 1410), ("Liège", 4000),
            ("Herstal", 4040), ("Seraing", 4100), ("Huy", 4500), ("Verviers", 4800), ("Spa", 4900),
            ("Namur", 5000), ("Gembloux", 5030), ("Dinant", 5500), ("Charleroi", 6000),
            ("Bastogne", 6600), ("Arlon", 6700), ("Marche-en-Famenne", 6900), ("Mons", 7000),
            ("La Louvière", 7100), ("Tournai", 7500), ("Mouscron", 7700), ("Ath", 7800)]
BE_STREETS = ["Rue de la Station", "Avenue Louise", "Chaussée de Waterloo", "Rue du Moulin", "Rue de l'Église",
              "Boulevard d'Avroy", "Rue Haute", "Place Saint-Lambert", "Avenue des Tilleuls", "Rue de Namur",
              "Chaussée de Bruxelles", "Rue des Écoles", "Rue du Château", "Avenue de la Gare",
              "Rue Grande", "Rue de Fer", "Quai de la Meuse", "Rue Saint-Gilles", "Clos des Lilas"]


def _mandats(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["fr_FR"]
    revoc = ["Demande du client", "Compte clôturé", "Changement de banque", "Décès du débiteur",
             "Contrat résilié", "Double mandat"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        town, cp = rng.choice(BE_TOWNS)
        dob = _dob(rng, 1940, 2004)
        nrn = _be_nrn(rng, dob)
        bban = _be_bban(rng)
        iban = _iban("BE", bban)
        sign = datetime(2019, 1, 1) + timedelta(minutes=rng.randrange(60 * 24 * 1900))
        status = rng.choice(["Actif", "Actif", "Actif", "Révoqué", "Suspendu", "Expiré"])
        esign = rng.random() < 0.6
        other = rng.random() < 0.12
        out.append({
            "Référence mandat (RUM)": f"MND{sign:%Y}{i + 1:07d}",
            "Identifiant créancier": rng.choice(["BE69ZZZ0456789123", "BE69ZZZ0456789123", "BE11ZZZ0876543210"]),
            "Type": rng.choice(["CORE", "CORE", "CORE", "B2B"]),
            "Séquence": rng.choice(["FRST", "RCUR", "RCUR", "OOFF"]),
            "Date de signature": sign.date(),
            "Lieu de signature": _maybe(rng, 0.7, rng.choice([town, rng.choice(BE_TOWNS)[0]]), None),
            "Nom du débiteur": rng.choice([f"{last.upper()} {first}", f"{first} {last}", f"{last} {first}"]),
            "Rue et n°": f"{rng.choice(BE_STREETS)} {rng.randrange(1, 240)}{rng.choice(['', '', '', ' bte 3', '/B', ' A'])}",
            "Code postal": cp,
            "Localité": town,
            "Pays": rng.choice(["BE", "BE", "BE", "Belgique"]),
            "IBAN débiteur": rng.choice([iban, _group4(iban)]),
            "BIC": rng.choice(["GEBABEBB", "BBRUBEBB", "KREDBEBB", "GKCCBEBB", "NICABEBB", "ARSPBE22"]),
            "N° registre national": _maybe(rng, 0.55, rng.choice(
                [nrn, f"{nrn[:2]}.{nrn[2:4]}.{nrn[4:6]}-{nrn[6:9]}.{nrn[9:]}"]), None),
            "Date naiss.": _maybe(rng, 0.6, dob, None),
            "Courriel": _maybe(rng, 0.75, _email(rng, first, last, ["skynet.be", "gmail.com", "hotmail.com",
                                                                     "proximus.be", "voo.be", "outlook.be"]), None),
            "GSM": _maybe(rng, 0.7, rng.choice(["+32 4{}{} {} {} {}", "04{}{}/{}.{}.{}", "04{}{} {} {} {}"]).format(
                rng.choice("6789"), rng.randrange(10), rng.randrange(10, 99), rng.randrange(10, 99),
                rng.randrange(10, 99)), None),
            "Montant (€)": round(rng.choice([12.5, 19.99, 25.0, 45.0, 60.0, rng.uniform(5, 400)]), 2),
            "Fréquence": rng.choice(["Mensuelle", "Trimestrielle", "Annuelle", "Ponctuelle"]),
            "Statut": status,
            "Motif révocation": rng.choice(revoc) if status == "Révoqué" else None,
            "Réf. client": f"C-{rng.randrange(100000, 999999)}",
            "Signé électroniquement": "Oui" if esign else "Non",
            "Adresse IP signature": fk["en_US"].ipv4_public() if esign and rng.random() < 0.9 else None,
            "Titulaire du compte (si différent)": f"{f.first_name()} {last}" if other else None,
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (d) Mexican ride-hailing drivers + trips
MX_CITIES = [("Ciudad de México", "CDMX", "55", "0"), ("Guadalajara", "Jalisco", "33", "44"),
             ("Zapopan", "Jalisco", "33", "45"), ("Monterrey", "Nuevo León", "81", "64"),
             ("San Pedro Garza García", "Nuevo León", "81", "66"), ("Puebla", "Puebla", "222", "72"),
             ("Querétaro", "Querétaro", "442", "76"), ("Tijuana", "Baja California", "664", "22"),
             ("León", "Guanajuato", "477", "37"), ("Mérida", "Yucatán", "999", "97"),
             ("Toluca", "Estado de México", "722", "50"), ("Cancún", "Quintana Roo", "998", "77")]
COLONIAS = ["Roma Norte", "Condesa", "Del Valle", "Narvarte Poniente", "Polanco", "Coyoacán Centro",
            "Providencia", "Chapalita", "Obispado", "Cumbres", "Lomas de Chapultepec", "Santa Fe", "Centro",
            "Juárez", "Escandón", "Jardines del Moral", "García Ginerés", "Zona Hotelera", "Anzures"]
MX_STREETS = ["Av. Insurgentes Sur", "Calz. de Tlalpan", "Av. Reforma", "Calle Durango", "Av. Vallarta",
              "Av. Constitución", "Calle Hidalgo", "Av. Juárez", "Calle Morelos", "Av. Universidad",
              "Calle 60", "Blvd. Kukulcán", "Av. Chapultepec", "Calle Zacatecas", "Av. López Mateos"]


def _mx_phone(rng: random.Random, lada: str) -> str:
    n = lada + "".join(str(rng.randrange(10)) for _ in range(10 - len(lada)))
    return rng.choice([n, f"+52 {n[:len(lada)]} {n[len(lada):]}", f"+52{n}", f"({n[:len(lada)]}) {n[len(lada):]}",
                       f"{n[:2]}-{n[2:6]}-{n[6:]}"])


def _mx_addr(rng: random.Random) -> str:
    s = f"{rng.choice(MX_STREETS)} {rng.randrange(1, 3200)}"
    if rng.random() < 0.35:
        s += rng.choice([f" Int. {rng.randrange(1, 40)}", f" Depto {rng.randrange(101, 905)}", " Loc. B"])
    return s


def _conductores(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["es_MX"]
    out = []
    for i in range(rows):
        first = f.first_name()
        ap, am = f.last_name(), f.last_name()
        city, state, lada, cp0 = rng.choice(MX_CITIES)
        cp = f"{cp0}{rng.randrange(0, 10 ** (5 - len(cp0))):0{5 - len(cp0)}d}"
        alta = _event(rng, date(2018, 3, 1), 2200)
        out.append({
            "id_conductor": f"DRV{70000 + i}",
            "nombre": first,
            "apellido_paterno": ap,
            "apellido_materno": _maybe(rng, 0.93, am, ""),
            "CURP": f.curp(),
            "RFC": _maybe(rng, 0.8, f.rfc(), ""),
            "NSS": _maybe(rng, 0.6, f.ssn(), ""),
            "fecha_nacimiento": _dob(rng, 1955, 2003).isoformat(),
            "telefono_celular": _mx_phone(rng, lada),
            "correo": _email(rng, first, ap, ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx",
                                              "live.com.mx", "icloud.com"]),
            "domicilio": _mx_addr(rng),
            "colonia": rng.choice(COLONIAS),
            "CP": int(cp) if rng.random() < 0.4 else cp,
            "ciudad": city,
            "estado": state,
            "CLABE_interbancaria": _maybe(rng, 0.9, _clabe(rng), ""),
            "banco": rng.choice(["BBVA México", "Banorte", "Santander", "Citibanamex", "HSBC", "Banco Azteca",
                                 "BanCoppel", "Nu México", "Scotiabank"]),
            "placas": f"{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}-{rng.randrange(100, 999)}-"
                      f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}",
            "vehiculo_modelo": rng.choice(["Nissan Versa", "Chevrolet Aveo", "Kia Rio", "Toyota Yaris",
                                           "VW Vento", "Nissan March", "Hyundai Grand i10", "MG 5"]),
            "anio_vehiculo": rng.randrange(2014, 2025),
            "calificacion_prom": round(rng.uniform(4.2, 5.0), 2),
            "viajes_completados": int(rng.lognormvariate(6.5, 1.1)),
            "fecha_alta": alta.strftime("%d/%m/%Y"),
            "activo": rng.choice(["SI", "SI", "SI", "NO"]),
            "nivel": rng.choice(["Bronce", "Plata", "Oro", "Diamante"]),
            "usuario_app": rng.choice([f"{_ascii(first)}.{_ascii(ap)}{rng.randrange(10, 99)}",
                                       f"{_ascii(first)[:1]}{_ascii(ap)}_{rng.randrange(1, 999)}",
                                       f"{_ascii(ap)}{_ascii(first)[:3]}", f"driver_{_ascii(first)}{rng.randrange(100)}"]),
        })
    return pd.DataFrame(out)


def _viajes(rng: random.Random, fk: dict[str, Faker], rows: int, n_drivers: int) -> pd.DataFrame:
    f = fk["es_MX"]
    comments = ["Muy amable el conductor", "Llegó tarde", "Auto limpio", "Buena ruta", "Tomó una ruta más larga",
                "Excelente servicio", "El aire acondicionado no servía", "Música muy alta", "Todo bien, gracias"]
    out = []
    for _ in range(rows):
        city, _state, lada, _cp = rng.choice(MX_CITIES)
        ts = datetime(2024, 1, 1) + timedelta(seconds=rng.randrange(86400 * 300))
        km = round(rng.uniform(0.8, 35), 1)
        fare = round(35 + km * rng.uniform(6, 11), 2)
        pay = rng.choice(["tarjeta", "tarjeta", "efectivo", "monedero"])
        status = rng.choice(["completado"] * 8 + ["cancelado_pasajero", "cancelado_conductor"])
        out.append({
            "viaje_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "conductor_id": f"DRV{70000 + rng.randrange(n_drivers)}",
            "pasajero_nombre": rng.choice([f"{f.first_name()} {f.last_name()}", f.first_name(),
                                           f"{f.first_name()} {f.last_name()[:1]}."]),
            "pasajero_tel": _mx_phone(rng, lada),
            "pasajero_email": _maybe(rng, 0.3, _email(rng, f.first_name(), f.last_name(),
                                                      ["gmail.com", "hotmail.com", "outlook.com"])),
            "origen_direccion": f"{_mx_addr(rng)}, {rng.choice(COLONIAS)}, {city}",
            "destino_direccion": rng.choice([f"{_mx_addr(rng)}, {rng.choice(COLONIAS)}, {city}",
                                             f"{_mx_addr(rng)}, {city}"]),
            "origen_lat": round(19.0 + rng.uniform(-2, 7), 6),
            "origen_lng": round(-99.1 + rng.uniform(-17, 12), 6),
            "solicitado_en": ts.isoformat() + "Z",
            "distancia_km": km,
            "duracion_min": round(km * rng.uniform(2, 4.5), 1),
            "tarifa_MXN": fare,
            "propina": rng.choice([0.0, 0.0, 10.0, 20.0, round(fare * 0.1, 2)]),
            "metodo_pago": pay,
            "tarjeta": f"**** {rng.randrange(10000):04d}" if pay == "tarjeta" else None,
            "estado_viaje": status,
            "calif_pasajero": rng.choice([5, 5, 5, 4, 3, None]),
            "comentario": _text(rng, comments, 0.75),
            "ip_solicitud": fk["en_US"].ipv4_public() if rng.random() < 0.8 else fk["en_US"].ipv6(),
            "codigo_promo": rng.choice([None, None, None, "BIENVENIDA50", "VIAJA20", "NOCHE15"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (e) Dutch housing association tenants
NL_PARTICLES = ["", "", "", "", "van", "de", "van der", "van den", "ter", "de", "van 't"]


def _nl_iban(rng: random.Random) -> str:
    bank = rng.choice(["ABNA", "RABO", "INGB", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ", "RBRB"])
    return _iban("NL", bank + f"{rng.randrange(10 ** 9, 10 ** 10):010d}")


def _huurders(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["nl_NL"]
    remarks = ["Betalingsregeling lopend", "Overlast gemeld door buren", "Reparatieverzoek keuken",
               "Huurverhoging bezwaar ingediend", "Wil woningruil", "Schimmel badkamer, inspectie gepland",
               "Sleutel kwijt, nieuwe cilinder", "Opzegging ontvangen", "Rookmelder vervangen"]
    towns = sorted({f.city() for _ in range(60)})
    out = []
    for i in range(rows):
        first, part, last = f.first_name(), rng.choice(NL_PARTICLES), f.last_name().split()[-1]
        start = _event(rng, date(1995, 1, 1), 10500)
        rent = round(rng.uniform(420, 880), 2)
        pc = f"{rng.randrange(1000, 9999)}{rng.choice(['', ' '])}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLNPRSTVWXZ')}"
        out.append({
            "Huurdernummer": 200000 + i,
            "Contractnr.": f"HC{start:%Y}-{rng.randrange(1000, 9999)}",
            "Complex": rng.choice(["C012 Bloemenbuurt", "C044 De Hoven", "C107 Spoorzicht", "C131 Oude Haven",
                                   "C209 Parkflat"]),
            "VHE-nummer": f"{rng.randrange(1, 999):03d}{rng.randrange(1, 9999):04d}",
            "Aanhef": rng.choice(["Dhr.", "Mevr.", "Dhr./Mevr.", "Fam."]),
            "Voornaam": first,
            "Tussenvoegsel": part,
            "Achternaam": last,
            "Geboortedatum": _dob(rng, 1932, 2004).strftime("%d-%m-%Y"),
            "BSN": _maybe(rng, 0.85, f.ssn(), ""),
            "Adres": f"{f.street_name()} {rng.randrange(1, 300)}{rng.choice(['', '', '', ' A', '-2', ' bis', 'III'])}",
            "Postcode": pc,
            "Woonplaats": rng.choice(towns),
            "Telefoon": _maybe(rng, 0.4, f"0{rng.choice(['10', '20', '30', '40', '50', '70', '71', '73', '76'])}-"
                                        f"{rng.randrange(1000000, 9999999)}", ""),
            "Mobiel": _maybe(rng, 0.8, rng.choice(["06-{}", "06{}", "+31 6 {}", "06 {}"]).format(
                rng.randrange(10000000, 99999999)), ""),
            "E-mailadres": _maybe(rng, 0.7, _email(rng, first, last, ["ziggo.nl", "kpnmail.nl", "gmail.com",
                                                                       "hotmail.com", "outlook.com", "planet.nl"]), ""),
            "IBAN": _maybe(rng, 0.9, _nl_iban(rng), ""),
            "Medehuurder": _maybe(rng, 0.22, f"{f.first_name()} {rng.choice([last, f.last_name()])}", ""),
            "Ingangsdatum": start.strftime("%d-%m-%Y"),
            "Kale huur": f"€ {rent:.2f}".replace(".", ","),
            "Servicekosten": f"{rng.choice([0, 12.5, 18.75, 31.2, 44.0]):.2f}".replace(".", ","),
            "Huurtoeslag": rng.choice(["J", "N", "N"]),
            "Energielabel": rng.choice(["A+", "A", "B", "C", "D", "E", "F", "G", ""]),
            "Aantal kamers": rng.choice([1, 2, 3, 3, 4, 5]),
            "Woonoppervlak m2": rng.randrange(32, 130),
            "Achterstand (EUR)": rng.choice([0, 0, 0, 0, round(rng.uniform(10, 2500), 2)]),
            "Opmerkingen": _text(rng, remarks, 0.7) or "",
            "Inkomenscategorie": rng.choice(["laag", "midden", "hoog", "onbekend"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (f) Italian conference registrations
IT_CITIES = [("Roma", "RM", "001"), ("Milano", "MI", "201"), ("Torino", "TO", "101"), ("Napoli", "NA", "801"),
             ("Bologna", "BO", "401"), ("Firenze", "FI", "501"), ("Genova", "GE", "161"), ("Bari", "BA", "701"),
             ("Padova", "PD", "351"), ("Verona", "VR", "371"), ("Brescia", "BS", "251"), ("Bergamo", "BG", "241"),
             ("Trento", "TN", "381"), ("Pisa", "PI", "561"), ("Perugia", "PG", "061"), ("Lecce", "LE", "731"),
             ("Cagliari", "CA", "091"), ("Palermo", "PA", "901"), ("Catania", "CT", "951"), ("Modena", "MO", "411")]
IT_STREETS = ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Mazzini", "Viale dei Mille",
              "Piazza Cavour", "Via Dante Alighieri", "Via XX Settembre", "Via Nazionale", "Corso Italia"]


def _partita_iva(rng: random.Random) -> str:
    """Italian VAT number: 7-digit serial, 3-digit office code, Luhn check digit."""
    body = f"{rng.randrange(10 ** 7):07d}{rng.choice([1, 15, 21, 37, 48, 58, 63, 72, 82, 96, 120]):03d}"
    return next(body + str(c) for c in range(10) if _luhn_ok(body + str(c)))


def _iscrizioni(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["it_IT"]
    companies = ["Enel S.p.A.", "Politecnico di Milano", "Università di Bologna", "Reply S.p.A.",
                 "Studio Rossi & Associati", "Comune di Torino", "Intesa Sanpaolo", "Libero professionista",
                 "Engineering Ingegneria Informatica", "ASL Roma 1", "Leonardo S.p.A.", ""]
    roles = ["Sviluppatore", "Project Manager", "Data Scientist", "Ricercatore", "CTO", "Studente",
             "Consulente", "Responsabile IT", "DPO", "Avvocato", ""]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        city, prov, cap0 = rng.choice(IT_CITIES)
        bcity, bprov, _ = rng.choice(IT_CITIES)
        tipo = rng.choice(["Early Bird", "Standard", "Studente", "Speaker", "Sponsor", "Workshop + Conferenza"])
        price = {"Early Bird": 149.0, "Standard": 249.0, "Studente": 49.0, "Speaker": 0.0, "Sponsor": 0.0,
                 "Workshop + Conferenza": 399.0}[tipo]
        card = price > 0 and rng.random() < 0.5
        company = rng.choice(companies)
        out.append({
            "ID Iscrizione": f"REG-{24000 + i}",
            "Data iscrizione": (datetime(2024, 2, 1) + timedelta(minutes=rng.randrange(200000))).strftime("%d/%m/%Y %H:%M"),
            "Evento": rng.choice(["Codemotion Day 2024", "DataConf Italia 2024", "PrivacyDays 2024"]),
            "Tipo biglietto": tipo,
            "Prezzo (€)": price,
            "Codice sconto": rng.choice(["", "", "", "PYTHON10", "COMMUNITY20", "EARLY"]),
            "Nome": first,
            "Cognome": last,
            "Nome sul badge": rng.choice([f"{first} {last}", first, f"{first} {last[:1]}.", f"{first[:1]}. {last}"]),
            "E-mail": _email(rng, first, last, ["gmail.com", "libero.it", "virgilio.it", "outlook.it",
                                                "hotmail.it", "tiscali.it", "alice.it"]),
            "Cellulare": _maybe(rng, 0.75, rng.choice(["+39 3{}{} {}", "3{}{} {}", "3{}{}{}", "+393{}{}{}"]).format(
                rng.randrange(10), rng.randrange(10), rng.randrange(1000000, 9999999)), ""),
            "Azienda/Ente": company,
            "Qualifica": rng.choice(roles),
            "Codice Fiscale": _maybe(rng, 0.7, f.ssn(), ""),
            "Partita IVA": _maybe(rng, 0.3, _partita_iva(rng), ""),
            "Data di nascita": _maybe(rng, 0.5, _dob(rng, 1955, 2004).strftime("%d/%m/%Y"), ""),
            "Luogo di nascita": _maybe(rng, 0.5, rng.choice([bcity, f"{bcity} ({bprov})", bcity.upper()]), ""),
            "Indirizzo fatturazione": _maybe(rng, 0.8, f"{rng.choice(IT_STREETS)}, {rng.randrange(1, 200)}", ""),
            "CAP": _maybe(rng, 0.8, f"{cap0}{rng.randrange(0, 100):02d}", ""),
            "Città": city,
            "Provincia": prov,
            "Codice SDI": _maybe(rng, 0.3, "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(7)), ""),
            "PEC": _maybe(rng, 0.15, f"{_ascii(first)}.{_ascii(last)}@{rng.choice(['pec.it', 'legalmail.it', 'pec.libero.it'])}", ""),
            "Numero carta": f.credit_card_number(card_type=rng.choice(["visa16", "mastercard", "amex"])) if card else "",
            "Scadenza carta": f"{rng.randrange(1, 13):02d}/{rng.randrange(25, 30)}" if card else "",
            "Esigenze alimentari": rng.choice(["", "", "", "Vegetariano", "Vegano", "Senza glutine", "Senza lattosio"]),
            "Check-in": rng.choice(["Sì", "No", "Sì"]),
            "Sessioni scelte": rng.choice(["Keynote; AI Track", "Workshop Python", "Security Track", "Keynote",
                                           "Data Track; Workshop Rust"]),
            "Consenso foto": rng.choice(["Sì", "No"]),
            "Account Twitter/X": _maybe(rng, 0.25, "@" + rng.choice([f"{_ascii(first)}{_ascii(last)}",
                                                                      f"{_ascii(first)}_{rng.randrange(1, 99)}",
                                                                      f"the{_ascii(last)}"]), ""),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- (g) CDP profile export
CDP_PLACES = [("us", "Austin", "787{:02d}", "+1512"), ("us", "Denver", "802{:02d}", "+1303"),
              ("us", "Chicago", "606{:02d}", "+1312"), ("us", "Seattle", "981{:02d}", "+1206"),
              ("gb", "Manchester", "M{} 4AB", "+447"), ("gb", "Bristol", "BS{} 2QT", "+447"),
              ("ie", "Dublin", "D{:02d} X2F4", "+35387"), ("ie", "Cork", "T12 K{}8P", "+35386"),
              ("ca", "Toronto", "M5V 2T{}", "+1416")]


def _cdp(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["en_US"]
    segs = ["high_value", "cart_abandoner", "newsletter", "lapsed_90d", "vip", "mobile_first", "discount_seeker"]
    out = []
    for _ in range(rows):
        first, last = f.first_name(), f.last_name()
        country, city, pc_fmt, ph = rng.choice(CDP_PLACES)
        email = _email(rng, first, last, ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "proton.me"])
        has_email = rng.random() < 0.85
        first_seen = datetime(2020, 1, 1) + timedelta(seconds=rng.randrange(86400 * 1400))
        out.append({
            "profile_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "anonymousId": f"anon_{rng.getrandbits(64):016x}",
            "externalIds.crm_id": f"CRM-{rng.randrange(10 ** 7, 10 ** 8)}",
            "email": email if has_email else None,
            "email_sha256": hashlib.sha256(email.encode()).hexdigest() if has_email else None,
            "phone_e164": _maybe(rng, 0.55, ph + "".join(
                str(rng.randrange(10)) for _ in range((11 if ph.startswith("+1") else 12) - len(ph) + 1))),
            "firstName": _maybe(rng, 0.9, first),
            "lastName": _maybe(rng, 0.85, last),
            "displayName": _maybe(rng, 0.5, rng.choice([f"{first} {last}", f"{first} {last[:1]}.", first])),
            "username": _maybe(rng, 0.45, rng.choice([f"{_ascii(first)}{_ascii(last)}{rng.randrange(100)}",
                                                      f"{_ascii(first)[:1]}_{_ascii(last)}",
                                                      f"{_ascii(last)}.{rng.randrange(1970, 2005)}"])),
            "birthdate": _maybe(rng, 0.4, _dob(rng, 1950, 2006).isoformat()),
            "gender": rng.choice(["female", "male", "unknown", None, "non_binary"]),
            "address.street": _maybe(rng, 0.5, f.street_address()),
            "address.city": _maybe(rng, 0.75, city),
            "address.postalCode": _maybe(rng, 0.7, pc_fmt.format(rng.randrange(1, 24))),
            "address.country": country.upper(),
            "last_ip": f.ipv4_public() if rng.random() < 0.8 else f.ipv6(),
            "user_agent": f.user_agent(),
            "first_seen": first_seen.isoformat(timespec="seconds") + "Z",
            "last_seen": (first_seen + timedelta(seconds=rng.randrange(86400 * 300))).isoformat(timespec="seconds") + "Z",
            "lifetime_value_usd": round(rng.lognormvariate(4.5, 1.2), 2),
            "orders_count": rng.choice([0, 1, 1, 2, 3, 5, 8, 13]),
            "predicted_churn": round(rng.random(), 4),
            "segments": ",".join(sorted(rng.sample(segs, rng.randrange(0, 4)))),
            "email_opt_in": rng.choice([True, False, None]),
            "sms_opt_in": rng.choice([True, False, False]),
            "preferred_channel": rng.choice(["email", "sms", "push", "none"]),
            "loyalty_tier": rng.choice(["bronze", "silver", "gold", "platinum", None]),
            "card_last4": _maybe(rng, 0.4, f"{rng.randrange(10000):04d}"),
            "device_id": _maybe(rng, 0.6, str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()),
            "utm_source": rng.choice(["google", "facebook", "newsletter", "direct", "tiktok", None]),
            "app_version": rng.choice(["5.12.0", "5.12.1", "5.13.0", "6.0.0-beta.2", None]),
            "timezone": rng.choice(["America/Chicago", "Europe/London", "Europe/Dublin", "America/Denver",
                                    "America/Toronto"]),
            "locale": rng.choice(["en-US", "en-GB", "en-IE", "en-CA"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------------------- public API
def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """All tables, deterministic for the fixed SEED. ``rows`` is clamped per table into 1,000-2,000."""
    rng = random.Random(SEED)
    fk = _fakers(rng, "en_GB", "de_DE", "fr_FR", "es_MX", "nl_NL", "it_IT", "en_US")
    n = {t: max(min(rows, 2000), 1) for t in TABLES}
    scale = {"recall_list_uk": 0.7, "kfz_schaeden": 0.8, "mandats_domiciliation_be": 0.6, "conductores_mx": 0.5,
             "viajes_mx": 1.0, "huurders_nl": 0.75, "iscrizioni_evento_it": 0.65, "cdp_profiles": 1.0}
    n = {t: max(int(n[t] * scale[t]), min(rows, 1000)) for t in TABLES}
    return {
        "recall_list_uk": _recall(rng, fk, n["recall_list_uk"]),
        "kfz_schaeden": _kfz(rng, fk, n["kfz_schaeden"]),
        "mandats_domiciliation_be": _mandats(rng, fk, n["mandats_domiciliation_be"]),
        "conductores_mx": _conductores(rng, fk, n["conductores_mx"]),
        "viajes_mx": _viajes(rng, fk, n["viajes_mx"], n["conductores_mx"]),
        "huurders_nl": _huurders(rng, fk, n["huurders_nl"]),
        "iscrizioni_evento_it": _iscrizioni(rng, fk, n["iscrizioni_evento_it"]),
        "cdp_profiles": _cdp(rng, fk, n["cdp_profiles"]),
    }


def _atomic(path: Path, write) -> None:
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to ``out_dir`` in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    writers = {
        "recall_list_uk": lambda df, p: df.to_csv(p, index=False, encoding="utf-8-sig"),
        "kfz_schaeden": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="cp1252"),
        "mandats_domiciliation_be": lambda df, p: df.to_excel(p, index=False, sheet_name="Mandats",
                                                              engine="openpyxl"),
        "conductores_mx": lambda df, p: df.to_csv(p, index=False, sep="\t", encoding="utf-8"),
        "viajes_mx": lambda df, p: df.to_parquet(p, index=False),
        "huurders_nl": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="utf-8"),
        "iscrizioni_evento_it": lambda df, p: df.to_excel(p, index=False, sheet_name="Iscritti", engine="openpyxl"),
        "cdp_profiles": lambda df, p: p.write_text(
            "".join(json.dumps({k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()},
                               ensure_ascii=False) + "\n" for r in df.to_dict(orient="records")),
            encoding="utf-8"),
    }
    paths = {}
    for t in TABLES:
        path = out_dir / FILES[t]
        suffix = path.suffix

        def _w(tmp: Path, t=t, suffix=suffix) -> None:
            if suffix == ".xlsx":
                real = tmp.with_suffix(".tmp.xlsx")
                writers[t](tables[t], real)
                os.replace(real, tmp)
            else:
                writers[t](tables[t], tmp)

        _atomic(path, _w)
        paths[t] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for name, p in write_all(target).items():
        print(f"{name}: {p}")
