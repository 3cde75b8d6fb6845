"""Blind held-out set heldout25: seven exports from European member, patient and customer systems.

Written and labeled by hand (``labels.yaml``) before any scanner run. Seeded and deterministic.

Tables: an Irish credit-union member list (CSV, UTF-8 with BOM), a German Kita parents list
(Excel), a French sports-club adherents list with fees (CSV, cp1252, semicolons), a Spanish
hospital outpatient appointments extract (Parquet), an Italian car-workshop job list (JSON Lines),
a Swedish municipality building-permit register (CSV, tab-separated) and a Moodle user and grade
export (CSV).

Run ``python bench/heldout25/gen_heldout25.py OUT_DIR [ROWS]`` to write the files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import string
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker
from faker.providers.address.it_IT import Provider as ItAddress

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 25250
HERE = Path(__file__).resolve().parent
LABELS_FILE = HERE / "labels.yaml"

TABLES: tuple[str, ...] = (
    "cu_members",
    "kita_eltern",
    "club_adherents",
    "hosp_citas",
    "officina_commesse",
    "bygglov_sokande",
    "moodle_users_grades",
)

# rows of each table relative to the requested row count (all within 1,000-2,000 at rows=2000)
_ROW_SHARE = {
    "cu_members": 1.0,
    "kita_eltern": 0.6,
    "club_adherents": 0.85,
    "hosp_citas": 1.0,
    "officina_commesse": 0.8,
    "bygglov_sokande": 0.55,
    "moodle_users_grades": 0.95,
}

_FILES = {
    "cu_members": "cu_members_export.csv",
    "kita_eltern": "Elternliste_Kita_Sonnenblume.xlsx",
    "club_adherents": "adherents_saison_2024.csv",
    "hosp_citas": "citas_consultas_externas.parquet",
    "officina_commesse": "officina_commesse.jsonl",
    "bygglov_sokande": "bygglov_sokande_2024.csv",
    "moodle_users_grades": "moodle_users_grades.csv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Hand-written labels: {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------------------------- helpers
def _fk(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _maybe(rng: random.Random, value: object, p_blank: float, blanks: tuple = ("",)) -> object:
    """The value, or (with probability p_blank) one of the blank spellings."""
    if rng.random() < p_blank:
        return rng.choice(blanks)
    return value


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _dob(rng: random.Random, min_age: int, max_age: int, today: dt.date = dt.date(2024, 10, 1)) -> dt.date:
    return _date(rng, today.replace(year=today.year - max_age), today.replace(year=today.year - min_age))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _ppsn(rng: random.Random) -> str:
    """Irish PPS number: 7 digits + check letter (+ optional W/A), mod-23 check."""
    digits = _digits(rng, 7)
    second = rng.choice(["", "", "", "W", "A"])
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    if second:
        total += (ord(second) - 64) * 9
    r = total % 23
    check = "W" if r == 0 else chr(64 + r)
    return digits + check + second


def _steuer_id(rng: random.Random) -> str:
    """German Steuer-Identifikationsnummer: 11 digits, ISO 7064 MOD 11,10 check digit."""
    body = str(rng.randint(1, 9)) + _digits(rng, 9)
    product = 10
    for ch in body:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    return body + str(check)


def _nass(rng: random.Random) -> str:
    """Spanish social-security affiliation number: province(2) + 8 digits + mod-97 control."""
    prov = rng.randint(1, 52)
    num = rng.randint(1_000_000, 99_999_999)
    base = prov * 10**8 + num if num >= 10**7 else int(f"{prov}{num}")
    return f"{prov:02d}{num:08d}{base % 97:02d}"


def _iban_de(rng: random.Random) -> str:
    blz = str(rng.randint(10000000, 89999999))
    kto = _digits(rng, 10)
    bban = blz + kto
    check = 98 - int(bban + "131400") % 97
    return f"DE{check:02d}{bban}"


def _iban_generic(country: str, bban: str) -> str:
    conv = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(conv) % 97
    return f"{country}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


# Irish towns and their counties (a hand-made gazetteer for the credit-union table).
_IE_TOWNS = (
    ("Ballina", "Mayo"), ("Castlebar", "Mayo"), ("Westport", "Mayo"), ("Tuam", "Galway"),
    ("Loughrea", "Galway"), ("Galway", "Galway"), ("Ennis", "Clare"), ("Kilrush", "Clare"),
    ("Nenagh", "Tipperary"), ("Thurles", "Tipperary"), ("Clonmel", "Tipperary"),
    ("Mallow", "Cork"), ("Bandon", "Cork"), ("Cobh", "Cork"), ("Midleton", "Cork"), ("Cork", "Cork"),
    ("Tralee", "Kerry"), ("Killarney", "Kerry"), ("Listowel", "Kerry"), ("Dungarvan", "Waterford"),
    ("Tramore", "Waterford"), ("Carlow", "Carlow"), ("Tullow", "Carlow"), ("Naas", "Kildare"),
    ("Newbridge", "Kildare"), ("Athy", "Kildare"), ("Navan", "Meath"), ("Trim", "Meath"),
    ("Drogheda", "Louth"), ("Dundalk", "Louth"), ("Mullingar", "Westmeath"), ("Athlone", "Westmeath"),
    ("Longford", "Longford"), ("Cavan", "Cavan"), ("Monaghan", "Monaghan"), ("Letterkenny", "Donegal"),
    ("Buncrana", "Donegal"), ("Sligo", "Sligo"), ("Carrick-on-Shannon", "Leitrim"),
    ("Roscommon", "Roscommon"), ("Tullamore", "Offaly"), ("Birr", "Offaly"), ("Portlaoise", "Laois"),
    ("Kilkenny", "Kilkenny"), ("Wexford", "Wexford"), ("Enniscorthy", "Wexford"), ("Gorey", "Wexford"),
    ("Arklow", "Wicklow"), ("Bray", "Wicklow"), ("Swords", "Dublin"), ("Tallaght", "Dublin"),
    ("Clondalkin", "Dublin"), ("Limerick", "Limerick"), ("Newcastle West", "Limerick"),
)
_IE_STREET_KINDS = ("Street", "Road", "Avenue", "Park", "Drive", "Close", "Lawn", "Grove", "Heights", "Crescent")
_IE_AREAS = ("Ballyboy", "Knockmore", "Rathmore", "Gortnahoe", "Cloonfad", "Lisheen", "Carrowmore",
             "Drumcliff", "Kilbeg", "Ardnagh", "Moyne", "Cahermore")


_FR_TOWNS = (
    "Angers", "Saumur", "Cholet", "Rennes", "Vitré", "Fougères", "Nantes", "Saint-Nazaire", "Rezé", "Lorient",
    "Vannes", "Quimper", "Brest", "Morlaix", "Laval", "Le Mans", "Alençon", "Tours", "Blois", "Orléans",
    "Poitiers", "Niort", "La Rochelle", "Limoges", "Brive-la-Gaillarde", "Périgueux", "Bergerac", "Agen",
    "Montauban", "Albi", "Castres", "Rodez", "Millau", "Nîmes", "Alès", "Béziers", "Sète", "Perpignan",
    "Carcassonne", "Narbonne", "Pau", "Bayonne", "Dax", "Mont-de-Marsan", "Auch", "Tarbes", "Lourdes",
    "Grenoble", "Voiron", "Annecy", "Chambéry", "Valence", "Montélimar", "Roanne", "Saint-Étienne",
    "Villeurbanne", "Vénissieux", "Mâcon", "Dijon", "Beaune", "Besançon", "Dole", "Belfort", "Colmar",
    "Mulhouse", "Épinal", "Nancy", "Metz", "Thionville", "Reims", "Troyes", "Amiens", "Abbeville", "Arras",
    "Lens", "Douai", "Roubaix", "Tourcoing", "Évreux", "Rouen", "Le Havre", "Caen", "Bayeux", "Cherbourg",
    "Montreuil", "Créteil", "Argenteuil", "Saint-Denis", "Versailles", "Meaux", "Melun", "Aubagne", "Toulon",
    "Fréjus", "Antibes", "Grasse", "Ajaccio", "Bastia",
)
_EN_TOWNS = {
    "en_GB": ("Leeds", "Sheffield", "Bradford", "York", "Hull", "Derby", "Nottingham", "Leicester", "Coventry",
              "Wolverhampton", "Stoke-on-Trent", "Preston", "Blackburn", "Bolton", "Wigan", "Stockport", "Chester",
              "Carlisle", "Durham", "Sunderland", "Gateshead", "Reading", "Slough", "Swindon", "Bath", "Exeter",
              "Plymouth", "Norwich", "Ipswich", "Colchester", "Luton", "Watford", "Brighton", "Hastings",
              "Canterbury", "Cardiff", "Swansea", "Newport", "Wrexham", "Glasgow", "Dundee", "Aberdeen", "Inverness",
              "Belfast", "Derry", "London", "Manchester", "Birmingham", "Liverpool", "Bristol"),
    "en_US": ("Columbus", "Dayton", "Akron", "Toledo", "Madison", "Milwaukee", "Omaha", "Tulsa", "Boise",
              "Spokane", "Tacoma", "Fresno", "Sacramento", "Reno", "Tucson", "Albuquerque", "El Paso", "Austin",
              "Raleigh", "Durham", "Richmond", "Baltimore", "Newark", "Hartford", "Providence", "Worcester",
              "Syracuse", "Rochester", "Buffalo", "Pittsburgh"),
    "en_IE": ("Dublin", "Cork", "Galway", "Limerick", "Waterford", "Athlone", "Sligo", "Dundalk", "Drogheda",
              "Kilkenny", "Ennis", "Tralee", "Letterkenny", "Navan", "Naas", "Bray", "Wexford", "Carlow"),
    "en_IN": ("Pune", "Nagpur", "Indore", "Bhopal", "Lucknow", "Kanpur", "Jaipur", "Surat", "Vadodara", "Kochi",
              "Coimbatore", "Madurai", "Mysuru", "Mangaluru", "Chandigarh", "Ludhiana", "Dehradun", "Guwahati"),
}


def _ascii_login(s: str) -> str:
    """A login name as systems store it: lower case, ASCII only, no spaces or apostrophes."""
    norm = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return norm.lower().replace(" ", "").replace("'", "")


def _ie_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        pre = rng.choice(["083", "085", "086", "087", "089"])
        num = _digits(rng, 7)
        style = rng.random()
        if style < 0.45:
            return f"{pre} {num[:3]} {num[3:]}"
        if style < 0.7:
            return f"{pre}{num}"
        if style < 0.9:
            return f"+353 {pre[1:]} {num}"
        return f"00353{pre[1:]}{num}"
    area = rng.choice(["01", "021", "091", "061", "094", "096", "071", "051", "066", "057", "090"])
    num = _digits(rng, 7 if area == "01" else rng.choice([6, 7]))
    return rng.choice([f"({area}) {num[:3]} {num[3:]}", f"{area}-{num}", f"{area} {num}"])


# ----------------------------------------------------------------------------------- tables
def _cu_members(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _fk("en_IE", 1)
    rows = []
    member_no = 10412
    for _ in range(n):
        member_no += rng.randint(1, 4)
        first, last = f.first_name(), f.last_name()
        town, county = rng.choice(_IE_TOWNS)
        has_joint = rng.random() < 0.18
        joint = f"{f.first_name()} {last if rng.random() < 0.7 else f.last_name()}" if has_joint else ""
        nominee = f"{f.first_name()} {last}" if rng.random() < 0.55 else ""
        rel = rng.choice(["Spouse", "Son", "Daughter", "Partner", "Brother", "Sister"]) if nominee else ""
        online = rng.random() < 0.7
        shares = round(rng.lognormvariate(7.5, 1.2), 2)
        loan = round(rng.lognormvariate(8.5, 0.9), 2) if rng.random() < 0.35 else 0.0
        card = _luhn_complete("4" + _digits(rng, 14)) if rng.random() < 0.4 else ""
        joined = _date(rng, dt.date(1978, 1, 1), dt.date(2024, 9, 30))
        last_login = (dt.datetime(2024, 6, 1) + dt.timedelta(seconds=rng.randrange(120 * 86400))) if online else None
        bban = rng.choice(["AIBK9", "BOFI9", "PTSB9", "IPBS9"]) + _digits(rng, 13)
        notes = rng.choice([
            "", "", "", "", "Address verified - utility bill on file",
            "Loan top-up approved by credit committee", "Arrears letter 2 issued\nSpoke to member, arrangement agreed",
            "Dormant account reactivated", "AML review complete", "Standing order cancelled by member",
            "Requested paper statements", "Share transfer from junior account",
        ])
        rows.append({
            "Member No": str(member_no),
            "Title": rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "", "Mr.", "MS"]),
            "Forename": first if rng.random() > 0.1 else first.upper(),
            "Surname": last if rng.random() > 0.1 else last.upper(),
            "D.O.B.": _maybe(rng, _dob(rng, 16, 92).strftime(rng.choice(["%d/%m/%Y", "%d/%m/%Y", "%d-%b-%Y"])),
                             0.04),
            "PPSN": _maybe(rng, _ppsn(rng), 0.06),
            "Addr Line 1": f"{rng.randint(1, 240)} {f.last_name()} {rng.choice(_IE_STREET_KINDS)}"
            if rng.random() < 0.8 else f"{rng.choice(['Apt', 'No.'])} {rng.randint(1, 60)} {f.last_name()} Court",
            "Addr Line 2": rng.choice(_IE_AREAS) if rng.random() < 0.3 else "",
            "Town": town if rng.random() > 0.05 else town.upper(),
            "County": _maybe(rng, rng.choice([f"Co. {county}", county, county.upper()]), 0.03),
            "Eircode": _maybe(rng, f.postcode(), 0.15),
            "Home Phone": _ie_phone(rng, False) if rng.random() < 0.4 else "",
            "Mobile No": _maybe(rng, _ie_phone(rng, True), 0.08),
            "E-mail": _maybe(rng, _ascii_login(f"{first}.{last}{rng.randint(1, 99)}@") + rng.choice(
                ["gmail.com", "eircom.net", "hotmail.com", "yahoo.ie", "outlook.ie"]), 0.2),
            "Joint Member Name": joint,
            "Nominee": nominee,
            "Nominee Relationship": rel,
            "Share Bal (€)": f"{shares:.2f}",
            "Loan Bal (€)": f"{loan:.2f}",
            "Deposit Bal (€)": f"{round(rng.lognormvariate(6, 1.5), 2):.2f}" if rng.random() < 0.3 else "0.00",
            "Date Joined": joined.strftime("%d/%m/%Y"),
            "Common Bond": rng.choice(["Residential", "Residential", "Residential", "Employment", "Associational"]),
            "Employer": _maybe(rng, f.company(), 0.4),
            "Occupation": _maybe(rng, f.job(), 0.3),
            "IBAN (Salary Lodgement)": _iban_generic("IE", bban) if rng.random() < 0.45 else "",
            "BIC": rng.choice(["AIBKIE2D", "BOFIIE2D", "IPBSIE2D", "ULSBIE2D"]),
            "Debit Card No": card,
            "Card Status": ("Active" if rng.random() < 0.9 else "Blocked") if card else "",
            "Online User ID": (_ascii_login(f"{first[0]}{last}{rng.randint(1, 999)}") if rng.random() < 0.6
                               else _ascii_login(f"{last}_{first}")) if online else "",
            "Last Login IP": f.ipv4_public() if online and rng.random() < 0.9 else "",
            "Last Login": last_login.strftime("%d/%m/%Y %H:%M") if last_login else "",
            "KYC Verified": rng.choice(["Y", "Y", "Y", "N"]),
            "Risk Rating": rng.choice(["Low", "Low", "Low", "Medium", "High"]),
            "Branch": rng.choice(["Main Office", "Sub-office 1", "Sub-office 2", "Online"]),
            "Notes": notes,
        })
    return pd.DataFrame(rows)


def _kita_eltern(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _fk("de_DE", 2)
    rows = []
    groups = ["Sonnenkäfer", "Igel", "Füchse", "Bären", "Krippe Mäuse", "Krippe Spatzen", "Hort"]
    for i in range(n):
        last = f.last_name()
        parent1 = f"{f.first_name()} {last}"
        parent2 = (f"{f.first_name()} {last if rng.random() < 0.6 else f.last_name()}"
                   if rng.random() < 0.75 else "")
        plz = f.postcode()
        pickup = ", ".join(f"{f.first_name()} {f.last_name()}" for _ in range(rng.choice([0, 0, 1, 1, 2])))
        fee = rng.choice([0, 96, 128, 164, 192, 231.5, 275])
        rows.append({
            "lfd. Nr.": i + 1,
            "Gruppe": rng.choice(groups),
            "Kind Vorname": f.first_name(),
            "Kind Nachname": last,
            "Geb.-Datum Kind": _dob(rng, 1, 10) if rng.random() < 0.8
            else _dob(rng, 1, 10).strftime("%d.%m.%Y"),
            "Eintritt": _date(rng, dt.date(2016, 8, 1), dt.date(2024, 9, 1)),
            "Betreuungszeit (Std./Wo.)": rng.choice([25, 35, 35, 45, 45, 50]),
            "Erziehungsber. 1": parent1,
            "Erziehungsber. 2": parent2,
            "Straße, Hausnr.": f"{f.street_name()} {f.building_number()}",
            "PLZ": int(plz) if rng.random() < 0.85 else plz,
            "Wohnort": f.city(),
            "Tel. privat": _maybe(rng, f.phone_number(), 0.45),
            "Handy": _maybe(rng, rng.choice(["0151", "0160", "0170", "0176", "+49 172 "]) + _digits(rng, 7), 0.1),
            "E-Mail-Adresse": _maybe(rng, f.free_email(), 0.07),
            "Abholberechtigt (außer Eltern)": pickup,
            "Allergien / Unverträglichkeiten": rng.choice(
                ["", "", "", "", "keine", "Laktoseintoleranz", "Erdnüsse!", "Glutenfrei", "vegetarisch",
                 "Neurodermitis, Creme im Fach", "Bienenstich-Allergie\nNotfallset im Büro"]),
            "Elternbeitrag mtl. €": fee,
            "Essensgeld €": rng.choice([55.0, 62.5, 62.5, 70.0]),
            "Geschwisterkind": rng.choice(["ja", "nein", "nein", "nein"]),
            "Kontoinhaber/in": _maybe(rng, rng.choice([parent1, parent2 or parent1]), 0.08),
            "IBAN": _maybe(rng, _iban_de(rng) if rng.random() < 0.5 else _group4(_iban_de(rng)), 0.08),
            "Mandatsref.": f"KITA-SB-{rng.randint(1, 99999):05d}",
            "Steuer-ID (für Bescheinigung)": _steuer_id(rng) if rng.random() < 0.35 else "",
            "Elternbeirat Funktion": rng.choice(["", "", "", "", "", "", "Vorsitz", "Stellv.", "Kasse",
                                                 "Schriftführung", "Beisitz"]),
            "Fotoerlaubnis": rng.choice(["ja", "ja", "nein", "nur intern"]),
            "Kinderarzt": _maybe(rng, f"Dr. {f.first_name()} {f.last_name()}", 0.2),
            "Notfallkontakt": _maybe(rng, f"{f.first_name()} {f.last_name()}", 0.25),
            "Notfall-Tel.": _maybe(rng, f.phone_number(), 0.3),
            "Bemerkungen": rng.choice(["", "", "", "", "Eingewöhnung ab 01.09.", "Wechsel in Gruppe Bären geplant",
                                       "Beitrag übernimmt Jugendamt", "Mittagsschlaf bis 14 Uhr",
                                       "Vertrag gekündigt zum 31.07.", "Platz ab Januar erhöht auf 45 Std."]),
        })
    return pd.DataFrame(rows)


def _club_adherents(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _fk("fr_FR", 3)
    rows = []
    for i in range(n):
        civ = rng.choice(["M.", "Mme", "Mme", "M.", "Mlle", ""])
        last, first = f.last_name(), f.first_name()
        dob = _dob(rng, 5, 84)
        paid = rng.random() < 0.88
        ville = rng.choice(_FR_TOWNS)
        mode = rng.choice(["Chèque", "Chèque", "Virement", "Espèces", "Prélèvement", "CB", "Chèques vacances"])
        rows.append({
            "N° adhérent": f"{rng.choice(['24', '23', '22'])}-{i + 1:04d}",
            "Civilité": civ,
            "NOM": last.upper(),
            "Prénom": first,
            "Né(e) le": _maybe(rng, dob.strftime(rng.choice(["%d/%m/%Y", "%d/%m/%Y", "%d/%m/%y"])), 0.05),
            "Lieu de naissance": _maybe(rng, rng.choice(_FR_TOWNS) if rng.random() < 0.85
                                        else f"{rng.choice(_FR_TOWNS)} ({rng.randint(1, 95):02d})",
                                        0.3),
            "Adresse": f.street_address(),
            "Complément d'adresse": rng.choice([f"Bât. {rng.choice('ABCD')}, appt {rng.randint(1, 60)}",
                                                f"Résidence les {rng.choice(['Tilleuls', 'Pins', 'Glycines', 'Érables'])}",
                                                f"Lieu-dit {f.last_name()}", "BP 12"]) if rng.random() < 0.2 else "",
            "CP": f.postcode(),
            "Ville": ville.upper() if rng.random() < 0.3 else ville,
            "Tél. fixe": _maybe(rng, "0" + rng.choice("12345") + "".join(f" {_digits(rng, 2)}" for _ in range(4)), 0.6),
            "Portable": _maybe(rng, rng.choice(["06", "07", "+33 6", "+33 7"]) + " " + " ".join(_digits(rng, 2) for _ in range(4)),
                               0.1, ("", "néant")),
            "Courriel": _maybe(rng, f.free_email(), 0.12),
            "N° licence": f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJK')}",
            "Catégorie": "Adulte" if dob.year < 2006 else rng.choice(["U11", "U13", "U15", "U17", "Junior"]),
            "Section": rng.choice(["Tennis", "Tennis de table", "Badminton", "Gym douce", "Randonnée"]),
            "Cotisation 2024 (€)": rng.choice(["85,00", "120,00", "120,00", "150,00", "60,00", "45,00"]),
            "Licence (€)": rng.choice(["22,50", "31,00", "31,00", "0,00"]),
            "Mode de règlement": mode if paid else "",
            "Date de règlement": _date(rng, dt.date(2023, 9, 1), dt.date(2024, 6, 30)).strftime("%d/%m/%Y") if paid else "",
            "N° chèque": str(rng.randint(1000000, 9999999)) if paid and mode == "Chèque" else "",
            "Banque": rng.choice(["Crédit Agricole", "BNP Paribas", "Caisse d'Epargne", "La Banque Postale",
                                  "Crédit Mutuel", "Société Générale"]) if paid and mode == "Chèque" else "",
            "Réglé": "O" if paid else "N",
            "IBAN (prélèvement)": _group4(f.iban()) if mode == "Prélèvement" and paid else "",
            "Titulaire du compte": f"{civ} {last.upper()} {first}".strip() if mode == "Prélèvement" and paid else "",
            "Personne à prévenir": _maybe(rng, f"{f.first_name()} {f.last_name()}", 0.35),
            "Tél. urgence": _maybe(rng, f.phone_number(), 0.35),
            "Certificat médical (date)": _maybe(rng, _date(rng, dt.date(2021, 6, 1), dt.date(2024, 6, 1)).strftime("%d/%m/%Y"),
                                                0.2),
            "Droit à l'image": rng.choice(["oui", "oui", "non", ""]),
            "Identifiant espace membre": _maybe(rng, f.user_name(), 0.4),
            "Commentaires": rng.choice(["", "", "", "", "Paiement en 3 fois", "Réduction famille -10%",
                                        "Certificat à fournir", "Ancien membre du bureau", "Coupon sport ANCV",
                                        "Passage en compétition\nà valider par l'entraîneur"]),
            "Date d'inscription": _date(rng, dt.date(2023, 8, 25), dt.date(2024, 3, 31)).strftime("%d/%m/%Y"),
            "Pass'Sport": "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(10))
            if rng.random() < 0.12 else "",
        })
    return pd.DataFrame(rows)


def _es_phone(rng: random.Random, mobile: bool) -> str:
    first = rng.choice("67") if mobile else "9"
    num = first + _digits(rng, 8)
    return rng.choice([num, f"{num[:3]} {num[3:5]} {num[5:7]} {num[7:]}", f"{num[:3]} {num[3:6]} {num[6:]}", f"+34{num}"])


def _hosp_citas(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _fk("es_ES", 4)
    doctors = sorted({f"{f.last_name().upper()} {f.last_name().upper()}, {f.first_name().upper()}" for _ in range(40)})
    staff = sorted({_ascii_login(f"{f.first_name()[0]}{f.last_name()}") for _ in range(25)})
    services = ["CARDIOLOGIA", "TRAUMATOLOGIA", "DERMATOLOGIA", "OFTALMOLOGIA", "ENDOCRINOLOGIA", "UROLOGIA",
                "DIGESTIVO", "NEUMOLOGIA", "REHABILITACION", "GINECOLOGIA"]
    rows = []
    cita = 4_500_000
    for _ in range(n):
        cita += rng.randint(1, 30)
        dob = _dob(rng, 0, 97)
        when = dt.datetime(2024, 1, 8, 8, 0) + dt.timedelta(days=rng.randrange(280), minutes=10 * rng.randrange(40))
        svc = rng.choice(services)
        cp = f.postcode()
        nass = _nass(rng)
        dni = f.nie() if rng.random() < 0.12 else f.nif()
        rows.append({
            "ID_CITA": cita,
            "NHC": rng.randint(100000, 2999999),
            "NOMBRE": f.first_name().upper(),
            "APELLIDO1": f.last_name().upper(),
            "APELLIDO2": f.last_name().upper() if rng.random() < 0.93 else None,
            "DNI_NIE": dni if rng.random() < 0.92 else None,
            "NUM_SS": (nass if rng.random() < 0.7 else f"{nass[:2]}/{nass[2:10]}/{nass[10:]}")
            if rng.random() < 0.8 else None,
            "FECHA_NAC": dob,
            "SEXO": rng.choice(["H", "M"]),
            "EDAD": (dt.date(2024, 10, 1) - dob).days // 365,
            "DOMICILIO": f.street_address().upper(),
            "COD_POSTAL": int(cp),
            "MUNICIPIO": f.city().upper(),
            "PROVINCIA": f.state().upper() if hasattr(f, "state") else f.region().upper(),
            "TELEFONO1": _es_phone(rng, rng.random() < 0.6),
            "TELEFONO2": _es_phone(rng, True) if rng.random() < 0.3 else None,
            "EMAIL": f.free_email() if rng.random() < 0.55 else None,
            "FECHA_CITA": when.date(),
            "HORA_CITA": when.strftime("%H:%M"),
            "SERVICIO": svc,
            "AGENDA": f"{svc[:3]}-{rng.randint(1, 6):02d}-{rng.choice(['MAN', 'TAR'])}",
            "FACULTATIVO": rng.choice(doctors),
            "CONSULTA": f"CEX-{rng.randint(1, 4)}{rng.randint(1, 40):02d}",
            "TIPO_CITA": rng.choice(["PRIMERA", "SUCESIVA", "SUCESIVA", "ALTA RESOLUCION", "TELEFONICA"]),
            "ESTADO": rng.choice(["CITADA", "REALIZADA", "REALIZADA", "ANULADA", "NO PRESENTADO"]),
            "PRIORIDAD": rng.choice(["NORMAL", "NORMAL", "PREFERENTE", "URGENTE"]),
            "FINANCIADOR": rng.choice(["SNS", "SNS", "SNS", "MUFACE", "SANITAS", "ADESLAS", "MAPFRE"]),
            "NUM_POLIZA": float(rng.randint(10_000_000, 99_999_999)) if rng.random() < 0.25 else None,
            "OBSERVACIONES": rng.choice([None, None, None, "TRAER PRUEBAS PREVIAS", "ACUDIR EN AYUNAS",
                                         "PACIENTE EN SILLA DE RUEDAS", "CITA REPROGRAMADA POR AGENDA",
                                         "INTERCONSULTA DESDE AP", "NECESITA INTERPRETE"]),
            "USUARIO_CREA": rng.choice(staff),
            "F_CREACION": when - dt.timedelta(days=rng.randint(1, 90), minutes=rng.randint(0, 600)),
            "SMS_ENVIADO": rng.random() < 0.7,
            "IDIOMA": rng.choice(["ES", "ES", "ES", "CA", "EN", "FR"]),
        })
    return pd.DataFrame(rows)


def _it_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        num = "3" + rng.choice("234679") + _digits(rng, 8)
        return rng.choice([num, f"{num[:3]} {num[3:]}", f"+39 {num[:3]} {num[3:6]} {num[6:]}", f"{num[:3]}/{num[3:]}"])
    num = "0" + rng.choice(["2", "6", "11", "51", "55", "81", "45", "30"]) + _digits(rng, 6)
    return rng.choice([num, f"{num[:3]} {num[3:]}", f"{num[:3]}-{num[3:]}"])


def _officina(n: int) -> list[dict]:
    rng = random.Random(SEED + 5)
    f = _fk("it_IT", 5)
    # Faker's it_IT city() draws from a list built from a set (order varies per process): sort it.
    comuni = sorted(set(ItAddress.cities))
    mechanics = sorted({f"{f.first_name()} {f.last_name()}" for _ in range(8)})
    clerks = sorted({_ascii_login(f"{f.first_name()[0]}.{f.last_name()}") for _ in range(4)})
    cars = [("Fiat", "Panda"), ("Fiat", "500"), ("Fiat", "Tipo"), ("Lancia", "Ypsilon"), ("Volkswagen", "Golf"),
            ("Renault", "Clio"), ("Peugeot", "208"), ("Toyota", "Yaris"), ("Ford", "Fiesta"), ("Alfa Romeo", "Giulietta"),
            ("Dacia", "Duster"), ("Jeep", "Renegade")]
    jobs = ["Tagliando completo", "Cambio olio e filtri", "Sostituzione pastiglie freni ant.", "Revisione ministeriale",
            "Cambio gomme invernali", "Sostituzione cinghia distribuzione", "Ricarica clima",
            "Diagnosi spia motore accesa", "Sostituzione frizione", "Controllo pre-viaggio",
            "Rumore sospensione post.\nverificare ammortizzatori"]
    out = []
    for i in range(n):
        last, first = f.last_name(), f.first_name()
        acc = dt.datetime(2023, 1, 9, 8) + dt.timedelta(days=rng.randrange(640), minutes=rng.randrange(600))
        brand, model = rng.choice(cars)
        ore = round(rng.choice([0.5, 1, 1.5, 2, 3, 4.5, 6]), 1)
        ricambi = round(rng.lognormvariate(4.5, 0.9), 2)
        done = rng.random() < 0.9
        pay = rng.choice(["contanti", "bancomat", "carta", "carta", "bonifico"]) if done else None
        cap = f.postcode()
        rec = {
            "id_commessa": f"C{acc.year}/{i + 1:05d}",
            "data_accettazione": acc.strftime("%Y-%m-%d %H:%M"),
            "cliente": rng.choice([f"{last.upper()} {first.upper()}", f"{last} {first}", f"{first} {last}"]),
            "cod_fiscale": f.ssn() if rng.random() < 0.85 else "",
            "data_nascita": _dob(rng, 18, 88).strftime("%d/%m/%Y") if rng.random() < 0.6 else None,
            "luogo_nascita": rng.choice(comuni) if rng.random() < 0.55 else None,
            "indirizzo": f.street_address(),
            "cap": int(cap) if rng.random() < 0.5 else cap,
            "comune": rng.choice(comuni),
            "prov": f.state_abbr() if hasattr(f, "state_abbr") else "MI",
            "tel": _it_phone(rng, False) if rng.random() < 0.35 else "",
            "cellulare": _it_phone(rng, True) if rng.random() < 0.9 else "",
            "email": f.free_email() if rng.random() < 0.6 else "",
            "pec": _ascii_login(f"{first}.{last}@pec.it") if rng.random() < 0.12 else None,
            "targa": f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{_digits(rng, 3)}"
                     f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}",
            "telaio": "ZFA" + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(14)),
            "marca": brand,
            "modello": model,
            "km": rng.randint(3000, 290000),
            "anno_imm": rng.randint(2003, 2024),
            "lavori_richiesti": rng.choice(jobs),
            "ore_manodopera": ore,
            "ricambi_eur": ricambi,
            "totale_ivato": round((ore * 48 + ricambi) * 1.22, 2),
            "meccanico": rng.choice(mechanics),
            "accettatore": rng.choice(clerks),
            "stato": "consegnata" if done else rng.choice(["aperta", "in lavorazione", "attesa ricambi"]),
            "data_consegna": (acc + dt.timedelta(days=rng.randint(0, 9))).strftime("%d/%m/%Y") if done else None,
            "pagato": done and rng.random() < 0.97,
            "pagamento": pay,
            "carta": f"**** **** **** {_digits(rng, 4)}" if pay == "carta" else None,
            "note_cliente": rng.choice(["", "", "", "cliente richiede preventivo prima",
                                        "ritira la moglie", "lasciare chiavi in cassetta", "richiede ricambi originali",
                                        "auto sostitutiva fino a venerdì"]),
            "privacy_marketing": rng.random() < 0.4,
            "veicolo_sostitutivo": rng.random() < 0.15,
        }
        out.append(rec)
    return out


def _se_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        num = "07" + rng.choice("02369") + _digits(rng, 7)
        return rng.choice([f"{num[:3]}-{num[3:6]} {num[6:8]} {num[8:]}", num, f"+46 {num[1:3]} {num[3:6]} {num[6:]}",
                           f"{num[:3]}-{num[3:]}"])
    area = rng.choice(["08", "031", "040", "018", "013", "090", "063"])
    num = _digits(rng, 6 if area != "08" else 7)
    return rng.choice([f"{area}-{num[:3]} {num[3:]}", f"{area}-{num}", f"{area} {num}"])


def _bygglov(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _fk("sv_SE", 6)
    officers = sorted({f"{f.first_name()} {f.last_name()}" for _ in range(9)})
    kas = sorted({f"{f.first_name()} {f.last_name()}" for _ in range(30)})
    blocks = ["Björken", "Eken", "Lärkan", "Svalan", "Tallen", "Granen", "Hägern", "Rönnen", "Vipan", "Ugglan"]
    munic = "Sundbyholm"
    kinds = ["Bygglov", "Bygglov", "Anmälan", "Marklov", "Rivningslov", "Förhandsbesked", "Strandskyddsdispens"]
    actions = ["Nybyggnad enbostadshus", "Tillbyggnad enbostadshus", "Nybyggnad garage/carport", "Fasadändring",
               "Nybyggnad komplementbyggnad", "Installation eldstad", "Rivning förråd", "Inglasning altan",
               "Nybyggnad attefallshus", "Ändrad användning"]
    rows = []
    for i in range(n):
        inkom = _date(rng, dt.date(2024, 1, 2), dt.date(2024, 11, 29))
        company = rng.random() < 0.1
        name = (f"{f.last_name()} Bygg AB" if rng.random() < 0.5 else f"Brf {rng.choice(blocks)} {rng.randint(1, 9)}") \
            if company else f"{f.first_name()} {f.last_name()}"
        if company:
            pnr = f"55{_digits(rng, 4)}-{_digits(rng, 4)}"
        else:
            pnr = f.ssn()
            if rng.random() < 0.3:
                pnr = ("19" if int(pnr[:2]) > 24 else "20") + pnr
            if rng.random() < 0.15:
                pnr = pnr.replace("-", "")
        kind = rng.choice(kinds)
        decided = rng.random() < 0.75
        bya = round(rng.uniform(8, 240), 1)
        ka_needed = kind == "Bygglov" and rng.random() < 0.8
        street = f.street_address()
        same = rng.random() < 0.8
        officer = rng.choice(officers)
        rows.append({
            "Diarienummer": f"BN {inkom.year}-{i + 1:06d}",
            "Ärendetyp": kind,
            "Inkom": inkom.isoformat(),
            "Sökande": name,
            "Person-/orgnr": _maybe(rng, pnr, 0.04),
            "c/o": f"c/o {f.last_name()}" if rng.random() < 0.05 else "",
            "Utdelningsadress": street,
            "Postnr": f.postcode() if rng.random() < 0.6 else f"{f.postcode()[:3]} {f.postcode()[3:]}",
            "Postort": f.city().upper() if rng.random() < 0.5 else f.city(),
            "Telefon": _se_phone(rng, False) if rng.random() < 0.3 else "",
            "Mobiltelefon": _maybe(rng, _se_phone(rng, True), 0.15),
            "E-post": _maybe(rng, f.free_email(), 0.1),
            "Medsökande": f"{f.first_name()} {f.last_name()}" if not company and rng.random() < 0.35 else "",
            "Fastighetsbeteckning": f"{munic} {rng.choice(blocks)} {rng.randint(1, 30)}:{rng.randint(1, 300)}",
            "Fastighetsadress": street if same else f.street_address(),
            "Åtgärd": rng.choice(actions),
            "BYA (m²)": str(bya).replace(".", ","),
            "BTA (m²)": str(round(bya * rng.uniform(1, 2), 1)).replace(".", ",") if rng.random() < 0.7 else "",
            "Avgift (kr)": rng.choice([4520, 9840, 12650, 18375, 24600, 31200, 2980]),
            "Fakturanr": str(rng.randint(700000000, 799999999)) if decided else "",
            "Handläggare": officer,
            "Handläggare e-post": _ascii_login(officer.replace(" ", ".")) + "@sundbyholm.se",
            "Kontrollansvarig": rng.choice(kas) if ka_needed else "",
            "KA certnr": f"SC{rng.randint(1000, 9999)}-{rng.randint(10, 24)}" if ka_needed else "",
            "Ombud": f"{f.first_name()} {f.last_name()}" if rng.random() < 0.2 else "",
            "Ombud tfn": _se_phone(rng, True) if rng.random() < 0.15 else "",
            "Beslut": rng.choice(["Beviljas", "Beviljas", "Beviljas", "Avslås", "Avvisas", "Avskrivs"]) if decided else "",
            "Beslutsdatum": (inkom + dt.timedelta(days=rng.randint(5, 70))).isoformat() if decided else "",
            "Delegationsbeslut": rng.choice(["Ja", "Ja", "Ja", "Nej"]) if decided else "",
            "Startbesked": (inkom + dt.timedelta(days=rng.randint(20, 120))).isoformat()
            if decided and rng.random() < 0.6 else "",
            "Kungörelse PoIT": (inkom + dt.timedelta(days=rng.randint(30, 90))).isoformat()
            if decided and rng.random() < 0.5 else "",
            "Grannehörande": rng.choice(["Ja", "Nej", "Nej", "Ej aktuellt"]),
            "Anteckning": rng.choice(["", "", "", "Komplettering begärd", "Ritningar saknas",
                                      "Avgift reducerad p.g.a. överskriden handläggningstid",
                                      "Tekniskt samråd hålls på plats", "Strandskydd berörs\nYttrande från länsstyrelsen"]),
        })
    return pd.DataFrame(rows)


def _moodle(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    locales = ["en_GB", "en_US", "en_IE", "en_IN"]
    fakers = {loc: _fk(loc, 7 + k) for k, loc in enumerate(locales)}
    countries = {"en_GB": "GB", "en_US": "US", "en_IE": "IE", "en_IN": "IN"}
    zones = {"en_GB": "Europe/London", "en_US": "America/New_York", "en_IE": "Europe/Dublin", "en_IN": "Asia/Kolkata"}
    rows = []
    base = 1_700_000_000
    for i in range(n):
        loc = rng.choices(locales, weights=[5, 2, 2, 1])[0]
        f = fakers[loc]
        first, last = f.first_name(), f.last_name()
        first_access = base + rng.randrange(20_000_000)
        last_access = first_access + rng.randrange(10_000_000) if rng.random() < 0.93 else 0
        essay = round(rng.uniform(35, 100), 2) if rng.random() < 0.85 else "-"
        quiz = round(rng.uniform(2, 10), 2) if rng.random() < 0.9 else "-"
        final = f"{rng.uniform(30, 100):.2f} %" if rng.random() < 0.8 else "-"
        rows.append({
            "id": 1200 + i * rng.choice([1, 1, 2]),
            "username": (_ascii_login(f"{first[0]}{last}") + (str(rng.randint(1, 99))
                         if rng.random() < 0.4 else "")) if rng.random() < 0.7 else f.user_name(),
            "firstname": first,
            "lastname": last,
            "alternatename": f.first_name() if rng.random() < 0.06 else "",
            "email": f.free_email(),
            "idnumber": f"S{rng.randint(2019, 2024)}{rng.randint(0, 99999):05d}" if rng.random() < 0.9 else "",
            "institution": rng.choice(["Northgate College", "Northgate College", "Partner: Lakeside Academy", ""]),
            "department": rng.choice(["Computing", "Business", "Health & Social Care", "Engineering", "Languages", ""]),
            "phone1": f.phone_number() if rng.random() < 0.25 else "",
            "phone2": f.phone_number() if rng.random() < 0.08 else "",
            "address": f.street_address().replace("\n", ", ") if rng.random() < 0.15 else "",
            "city": rng.choice(_EN_TOWNS[loc]) if rng.random() < 0.8 else "",
            "country": countries[loc] if rng.random() < 0.95 else "",
            "lang": rng.choice(["en", "en", "en", "en_us", "fr", "es"]),
            "timezone": rng.choice(["99", "99", zones[loc]]),
            "auth": rng.choice(["manual", "ldap", "ldap", "oauth2", "saml2"]),
            "suspended": rng.choice([0, 0, 0, 0, 0, 1]),
            "firstaccess": first_access,
            "lastaccess": last_access,
            "lastip": (f.ipv4() if rng.random() < 0.9 else f.ipv6()) if last_access else "",
            "profile_field_dateofbirth": _dob(rng, 16, 60).strftime(rng.choice(["%Y-%m-%d", "%d/%m/%Y"]))
            if rng.random() < 0.5 else "",
            "profile_field_parentemail": f.free_email() if rng.random() < 0.1 else "",
            "Assignment: Essay 1 (Real)": essay,
            "Quiz: Week 3 quiz (Real)": quiz,
            "Quiz: Final exam (Percentage)": final,
            "Forum: Discussion (Letter)": rng.choice(["A", "B", "B", "C", "D", "-"]),
            "Course total (Real)": round(rng.uniform(20, 100), 2),
            "Feedback: Essay 1": rng.choice(["", "", "Good structure, cite more sources.",
                                             "<p>Well argued.</p><p>Check referencing style.</p>",
                                             "Late submission - penalty applied", "Resubmission accepted"]),
            "Last downloaded from this course": 1_730_000_000 + rng.randrange(86400),
            "description": rng.choice(["", "", "", "", "<p>Part-time learner.</p>",
                                       "<p>Interested in data analytics and cloud.</p>", "Studying for a career change."]),
        })
    return pd.DataFrame(rows)


_BUILDERS: dict[str, Callable[[int], object]] = {
    "cu_members": _cu_members,
    "kita_eltern": _kita_eltern,
    "club_adherents": _club_adherents,
    "hosp_citas": _hosp_citas,
    "officina_commesse": _officina,
    "bygglov_sokande": _bygglov,
    "moodle_users_grades": _moodle,
}


def _n(table: str, rows: int) -> int:
    return max(1, round(rows * _ROW_SHARE[table]))


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table as a DataFrame (as written, before any file round trip)."""
    out: dict[str, pd.DataFrame] = {}
    for t in TABLES:
        built = _BUILDERS[t](_n(t, rows))
        out[t] = built if isinstance(built, pd.DataFrame) else pd.DataFrame(built)
    return out


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; returns {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for t in TABLES:
        p = out_dir / _FILES[t]
        n = _n(t, rows)
        if t == "cu_members":
            _cu_members(n).to_csv(p, index=False, encoding="utf-8-sig")
        elif t == "kita_eltern":
            _kita_eltern(n).to_excel(p, index=False, sheet_name="Elternliste", engine="openpyxl")
        elif t == "club_adherents":
            _club_adherents(n).to_csv(p, index=False, sep=";", encoding="cp1252", errors="replace")
        elif t == "hosp_citas":
            _hosp_citas(n).to_parquet(p, index=False)
        elif t == "officina_commesse":
            with p.open("w", encoding="utf-8") as fh:
                for rec in _officina(n):
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif t == "bygglov_sokande":
            _bygglov(n).to_csv(p, index=False, sep="\t", encoding="utf-8")
        elif t == "moodle_users_grades":
            _moodle(n).to_csv(p, index=False, encoding="utf-8")
        paths[t] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout25.py OUT_DIR [ROWS]")
    for name, path in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(f"{name}: {path}")
