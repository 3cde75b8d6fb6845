"""Blind held-out tables for the PII scanner (set heldout49), seeded and deterministic.

Six exports from different systems: a UK GP surgery appointment list (CSV with BOM), a German
Hausverwaltung tenant list (semicolon CSV, cp1252), a French mutuelle member file (Parquet), a
Portuguese gym member export (JSON Lines), a Swedish preschool children-and-guardians sheet (Excel)
and an online-marketplace seller KYC export (tab-separated CSV). Labels live in labels.yaml, written
by hand before any scanner run.

Usage: python bench/heldout49/gen_heldout49.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import hashlib
import random
import string
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker
from faker.providers.address.it_IT import Provider as _ItAddress

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 49490
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "uk_gp_appointments",
    "de_hv_mieter",
    "fr_mutuelle_adherents",
    "pt_ginasio_socios",
    "se_forskola_barn",
    "marketplace_seller_kyc",
)
FILES = {
    "uk_gp_appointments": "uk_gp_appointments.csv",
    "de_hv_mieter": "de_hv_mieter.csv",
    "fr_mutuelle_adherents": "fr_mutuelle_adherents.parquet",
    "pt_ginasio_socios": "pt_ginasio_socios.jsonl",
    "se_forskola_barn": "se_forskola_barn.xlsx",
    "marketplace_seller_kyc": "marketplace_seller_kyc.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(doc[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value, p: float, empties=("", None)):
    """Return value, or an empty marker with probability p."""
    return rng.choice(empties) if rng.random() < p else value


def _dob(rng: random.Random, lo: int, hi: int) -> date:
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


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


def _nhs_number(rng: random.Random) -> str:
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        chk = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        if chk == 11:
            chk = 0
        if chk != 10:
            s = "".join(map(str, d)) + str(chk)
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def _nino(rng: random.Random) -> str:
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    digits = "".join(str(rng.randrange(10)) for _ in range(6))
    return f"{rng.choice(first)}{rng.choice(second)}{digits}{rng.choice('ABCD')}"


def _de_ausweis(rng: random.Random) -> str:
    alpha = "CFGHJKLMNPRTVWXYZ0123456789"
    body = rng.choice("LMNPRTVWXY") + "".join(rng.choice(alpha) for _ in range(8))
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    chk = sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(vals)) % 10
    return body + str(chk)


def _de_steuer_id(rng: random.Random) -> str:
    while True:
        d = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(9)]
        if len(set(d)) == 9:  # exactly one digit repeated
            break
    product = 10
    for x in d:
        s = (x + product) % 10 or 10
        product = (2 * s) % 11
    chk = (11 - product) % 10
    return "".join(map(str, d)) + str(chk)


def _fr_nir(rng: random.Random, sex: int, born: date) -> str:
    dept = rng.choice(["75", "69", "13", "33", "59", "31", "44", "67", "06", "35", "2A", "974"])
    if len(dept) == 3:
        commune = f"{rng.randrange(1, 99):02d}"
    else:
        commune = f"{rng.randrange(1, 400):03d}"
    order = f"{rng.randrange(1, 999):03d}"
    base = f"{sex}{born.year % 100:02d}{born.month:02d}{dept}{commune}{order}"
    num = int(base.replace("2A", "19").replace("2B", "18"))
    key = 97 - num % 97
    return f"{base}{key:02d}"


def _pt_nif(rng: random.Random) -> str:
    d = [rng.choice([1, 2])] + [rng.randrange(10) for _ in range(7)]
    chk = 11 - sum(x * (9 - i) for i, x in enumerate(d)) % 11
    return "".join(map(str, d)) + str(0 if chk >= 10 else chk)


def _pt_niss(rng: random.Random) -> str:
    d = [rng.choice([1, 2])] + [rng.randrange(10) for _ in range(9)]
    w = (29, 23, 19, 17, 13, 11, 7, 5, 3, 2)
    return "".join(map(str, d)) + str(9 - sum(a * b for a, b in zip(w, d, strict=True)) % 10)


def _se_pnr(rng: random.Random, born: date) -> str:
    body = f"{born:%y%m%d}{rng.randrange(1000):03d}"
    return f"{born:%Y%m%d}-{body[6:]}{_luhn_digit(body)}"


def _slug(text: str) -> str:
    table = str.maketrans("áàâäãåçéèêëíìîïñóòôöõøúùûüýÿæœß", "aaaaaaceeeeiiiinooooouuuuyyaesb")
    out = text.lower().translate(table)
    return "".join(c for c in out if c in string.ascii_lowercase + string.digits)


# --------------------------------------------------------------------------- UK GP
def _uk_gp(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_GB", 1)
    clinicians = sorted({f"Dr {fk.first_name()} {fk.last_name()}" for _ in range(9)})
    clinicians += sorted({f"{fk.first_name()} {fk.last_name()} (ANP)" for _ in range(3)})
    staff = sorted({f"{fk.first_name()[0].lower()}{fk.last_name().lower()}" for _ in range(8)})
    reasons = [
        "Medication review", "BP check", "Asthma review", "Smear test", "Repeat prescription query",
        "Chest infection?", "Follow up bloods", "Childhood imms 12m", "Flu vaccine", "Back pain",
        "Fit note request", "Diabetic foot check", "Contraception review", "Rash on arm",
        "Telephone triage - cough 2/52", "Post-op wound check\nremove sutures", "Ear syringing",
        "Annual review - COPD", "Mental health review", "Results discussion",
    ]
    slot_types = ["F2F", "Telephone", "Video", "Home visit", "eConsult"]
    start = datetime(2026, 9, 1, 8, 0)
    out = []
    for i in range(rows):
        born = _dob(rng, 1931, 2025)
        when = start + timedelta(days=rng.randrange(90), minutes=10 * rng.randrange(60))
        first = fk.first_name()
        if rng.random() < 0.15:
            first = f"{first} {fk.first_name()}"
        surname = fk.last_name()
        dob = born.strftime("%d/%m/%Y") if rng.random() < 0.85 else born.strftime("%d-%b-%Y")
        mob = fk.numerify("07### ######") if rng.random() < 0.7 else fk.numerify("+44 7### ######")
        email = f"{_slug(first.split()[0])}.{_slug(surname)}{rng.randrange(100)}@{fk.free_email_domain()}"
        nok = rng.random() < 0.25
        out.append({
            "Appt ID": 3400000 + i * 3 + rng.randrange(3),
            "Appt Date": when.strftime("%d/%m/%Y"),
            "Appt Time": when.strftime("%H:%M"),
            "Slot Type": rng.choice(slot_types),
            "Clinician": rng.choice(clinicians),
            "NHS No.": _nhs_number(rng) if rng.random() < 0.95 else "",
            "Patient Surname": surname.upper() if rng.random() < 0.3 else surname,
            "Forename(s)": first,
            "DOB": dob,
            "Address Line 1": _blank(rng, fk.street_address().replace("\n", ", "), 0.03),
            "Town": fk.city(),
            "Postcode": fk.postcode(),
            "Mobile Tel": _blank(rng, mob, 0.12, ("", "n/a")),
            "Email": _blank(rng, email, 0.35),
            "Reason for appt": _blank(rng, rng.choice(reasons), 0.1),
            "Booked By": rng.choice(staff + ["online", "NHSApp"]) if rng.random() < 0.2 else rng.choice(staff),
            "DNA": rng.choice(["N"] * 9 + ["Y"]),
            "Duration (mins)": rng.choice([10, 10, 10, 15, 20, 30]),
            "Practice Code": "F84" + rng.choice(["021", "021", "021", "647"]),
            "SNOMED code": rng.choice(["185317003", "390906007", "308335008", "170837001", "401191002"]),
            "NoK Name": f"{fk.first_name()} {fk.last_name()}" if nok else "",
            "NoK Tel": (fk.numerify("07### ######") if rng.random() < 0.8 else fk.numerify("01### ######"))
            if nok else "",
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- DE Hausverwaltung
def _de_mieter(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("de_DE", 2)
    staff = sorted({f"hv_{fk.first_name()[0].lower()}{_slug(fk.last_name())}" for _ in range(5)})
    notes = [
        "Rauchwarnmelder geprüft", "Zählerstand Wasser abgelesen", "Schlüssel 2x übergeben",
        "Mieterhöhung nach §558 BGB zugestellt", "Lastschrift zurückgegeben", "Balkon undicht, Handwerker beauftragt",
        "Kellerabteil Nr. 7", "Haustier genehmigt (Katze)", "Stellplatz TG separat", "Kündigung zum Quartalsende",
        "", "", "",
    ]
    out = []
    for i in range(rows):
        sex = rng.choice("MF")
        first = fk.first_name_male() if sex == "M" else fk.first_name_female()
        last = fk.last_name()
        born = _dob(rng, 1940, 2004)
        plz = fk.postcode()
        if rng.random() < 0.2:
            plz = plz.lstrip("0")
        holder = f"{first} {last}" if rng.random() < 0.8 else f"{fk.first_name()} {last}"
        if rng.random() < 0.3:
            holder = f"{last}, {first}"
        kalt = round(rng.uniform(320, 1650), 2)
        out.append({
            "Mieter-Nr.": f"{rng.randrange(1, 40):03d}-{i + 1:05d}",
            "Objekt": f"WE {rng.randrange(1, 60)} / Haus {rng.choice('ABCD')}",
            "Anrede": "Herr" if sex == "M" else "Frau",
            "Vorname": first,
            "Nachname": last,
            "Geb.-Datum": born.strftime("%d.%m.%Y") if rng.random() < 0.9 else born.strftime("%d.%m.%y"),
            "Straße u. Hausnr.": fk.street_address(),
            "PLZ": plz,
            "Ort": fk.city(),
            "Tel. privat": _blank(rng, fk.phone_number(), 0.4),
            "Handy": _blank(rng, fk.numerify("01## #######") if rng.random() < 0.6 else fk.numerify("+49 15# ########"),
                            0.2),
            "E-Mail": _blank(rng, fk.email(), 0.25),
            "IBAN": fk.iban() if rng.random() < 0.6 else " ".join(fk.iban()[j:j + 4] for j in range(0, 22, 4)),
            "Kontoinhaber": holder,
            "Personalausweis-Nr.": _blank(rng, _de_ausweis(rng), 0.3),
            "Kaltmiete (EUR)": f"{kalt:.2f}".replace(".", ","),
            "NK-Vorauszahlung": f"{round(kalt * rng.uniform(0.18, 0.3), 2):.2f}".replace(".", ","),
            "Kaution": f"{round(kalt * 3, 2):.2f}".replace(".", ","),
            "Mietbeginn": (date(1995, 1, 1) + timedelta(days=rng.randrange(11000))).replace(day=1).strftime("%d.%m.%Y"),
            "Wohnfläche m²": f"{rng.uniform(28, 140):.1f}".replace(".", ","),
            "Zimmer": rng.choice(["1", "1,5", "2", "2", "3", "3", "4", "5"]),
            "Bemerkung": rng.choice(notes),
            "Sachbearbeiter": rng.choice(staff),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- FR mutuelle
def _fr_mutuelle(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("fr_FR", 3)
    formules = ["Essentiel", "Confort 1", "Confort 2", "Sérénité", "Sérénité+", "Jeunes"]
    comments = [
        "Changement de RIB demandé", "Attestation tiers payant envoyée", "Résiliation loi Chatel",
        "Devis optique en cours", "Carte TP 2026 éditée", "Adhésion via courtier", "Relance cotisation impayée",
        None, None, None, None,
    ]
    out = []
    for _ in range(rows):
        sex = rng.choice([1, 2])
        first = fk.first_name_male() if sex == 1 else fk.first_name_female()
        last = fk.last_name()
        born = _dob(rng, 1938, 2006)
        cp = fk.postcode()
        out.append({
            "N° adhérent": f"ADH{rng.randrange(10**7):07d}",
            "Civilité": "M." if sex == 1 else rng.choice(["Mme", "Mme", "Mlle"]),
            "NOM": last.upper(),
            "Prénom": first,
            "Nom de naissance": fk.last_name().upper() if sex == 2 and rng.random() < 0.4 else None,
            "Date de naissance": born.strftime("%d/%m/%Y"),
            "Lieu de naissance": _blank(rng, fk.city(), 0.1, (None,)),
            "N° Sécurité sociale": _fr_nir(rng, sex, born),
            "Adresse": fk.street_address(),
            "Code postal": int(cp),
            "Ville": fk.city().upper() if rng.random() < 0.5 else fk.city(),
            "Tél. portable": _blank(rng, fk.numerify("06 ## ## ## ##") if rng.random() < 0.5
                                    else fk.numerify("07########"), 0.15, (None,)),
            "Courriel": _blank(rng, fk.email(), 0.2, (None,)),
            "IBAN prélèvement": fk.iban(),
            "Formule": rng.choice(formules),
            "Cotisation mensuelle €": round(rng.uniform(18, 190), 2),
            "Date d'effet": date(2015 + rng.randrange(12), rng.randrange(1, 13), 1).isoformat(),
            "Régime": rng.choice(["Régime général", "Régime général", "MSA", "Alsace-Moselle", "TNS"]),
            "Nb bénéficiaires": rng.choice([1, 1, 2, 2, 3, 4, 5]),
            "Télétransmission": rng.random() < 0.8,
            "Code centre": f"{rng.choice(['01', '13', '31', '59', '69', '75'])}{rng.randrange(1, 9)}",
            "Commentaire": rng.choice(comments),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- PT ginásio
def _pt_ginasio(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("pt_PT", 4)
    planos = ["Mensal Livre", "Mensal Livre", "Fora de horas", "Estudante", "Sénior", "Anual", "Família"]
    obs = [
        "Avaliação física marcada", "Pagamento por MB Way", "Suspensão temporária - lesão",
        "Quer aulas de grupo", "Cartão extraviado, emitido novo", "Sem observações", "", "", "",
    ]
    out = []
    for i in range(rows):
        name = fk.name()
        born = _dob(rng, 1950, 2010)
        ins = date(2018, 1, 1) + timedelta(days=rng.randrange(3000))
        last = datetime(2026, 11, 1) + timedelta(minutes=rng.randrange(40000))
        tel: object = fk.numerify("9########")
        r = rng.random()
        if r < 0.3:
            tel = int(tel)
        elif r < 0.6:
            tel = f"+351 {tel[:3]} {tel[3:6]} {tel[6:]}"
        emerg = rng.random() < 0.5
        user = _slug(name.split()[0]) + rng.choice(["_", ".", ""]) + _slug(name.split()[-1])[:rng.randrange(3, 8)]
        if rng.random() < 0.4:
            user += str(rng.randrange(1, 99))
        out.append({
            "n_socio": 10000 + i,
            "nome_completo": name,
            "data_nascimento": born.isoformat(),
            "nif": _pt_nif(rng) if rng.random() < 0.85 else None,
            "niss": _pt_niss(rng) if rng.random() < 0.4 else None,
            "morada": fk.street_address(),
            "codigo_postal": fk.postcode(),
            "localidade": fk.city(),
            "telemovel": tel,
            "email": _blank(rng, fk.email(), 0.1, (None, "")),
            "iban": fk.iban() if rng.random() < 0.55 else None,
            "plano": rng.choice(planos),
            "mensalidade_eur": rng.choice([19.9, 24.9, 29.9, 34.9, 39.9, 299.0]),
            "data_inscricao": ins.isoformat(),
            "ultimo_checkin": last.strftime("%Y-%m-%dT%H:%M:%S"),
            "num_checkins": rng.randrange(0, 900),
            "contacto_emergencia": fk.name() if emerg else None,
            "tel_emergencia": fk.numerify("9## ### ###") if emerg and rng.random() < 0.9 else None,
            "app_user": user if rng.random() < 0.7 else None,
            "id_dispositivo": str(uuid.UUID(int=rng.getrandbits(128), version=4)) if rng.random() < 0.6 else None,
            "consentimento_rgpd": rng.random() < 0.9,
            "observacoes": rng.choice(obs),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- SE förskola
def _se_forskola(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("sv_SE", 5)
    avd = ["Blåklockan", "Smörblomman", "Ekorren", "Myran", "Solrosen", "Igelkotten"]
    kost = ["Ingen", "Laktosfri", "Glutenfri", "Nötallergi", "Vegetarisk", "Ej fläskkött", "", "", ""]
    staff = sorted({f"{_slug(fk.first_name())[:3]}{_slug(fk.last_name())[:3]}{rng.randrange(10, 99)}"
                    for _ in range(6)})
    relations = ["Mormor", "Morfar", "Farmor", "Farfar", "Moster", "Faster", "Granne", "Storebror"]
    out = []
    for i in range(rows):
        born = _dob(rng, 2020, 2025)
        last = fk.last_name()
        g1 = f"{fk.first_name()} {last}"
        two = rng.random() < 0.6
        g2 = f"{fk.first_name()} {last if rng.random() < 0.6 else fk.last_name()}" if two else ""
        pickup = ""
        if rng.random() < 0.5:
            pickup = f"{rng.choice(relations)} {fk.first_name()} {fk.last_name()}"
            if rng.random() < 0.3:
                pickup += f", {fk.first_name()} {fk.last_name()}"
        pn = fk.postcode()
        out.append({
            "Barn-ID": 50000 + i,
            "Barnets förnamn": fk.first_name(),
            "Barnets efternamn": last,
            "Personnummer": _se_pnr(rng, born),
            "Födelsedatum": born.isoformat(),
            "Avdelning": rng.choice(avd),
            "Placeringsdatum": (born + timedelta(days=365 + rng.randrange(500))).isoformat(),
            "Omsorgstid (tim/v)": rng.choice([15, 25, 30, 35, 40, 45]),
            "Allergier/kost": rng.choice(kost),
            "Vårdnadshavare 1": g1,
            "VH1 mobil": fk.numerify("07#-### ## ##") if rng.random() < 0.7 else fk.numerify("+467########"),
            "VH1 e-post": _blank(rng, fk.email(), 0.1),
            "Vårdnadshavare 2": g2,
            "VH2 mobil": fk.numerify("07#-### ## ##") if two and rng.random() < 0.9 else "",
            "Gatuadress": fk.street_address(),
            "Postnr": f"{pn[:3]} {pn[3:]}" if rng.random() < 0.7 else pn,
            "Postort": fk.city(),
            "Fotograferingstillstånd": rng.choice(["Ja", "Ja", "Nej"]),
            "Taxa (kr/mån)": rng.choice([0, 566, 849, 1131, 1416, 1688]),
            "Hämtas av": pickup,
            "Skapad av": rng.choice(staff),
        })
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- marketplace KYC
_KYC_LOCALES = ("en_US", "en_GB", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "fr_FR")


def _kyc_tax_id(loc: str, fk: Faker, rng: random.Random, born: date) -> str:
    if loc == "en_US":
        return ""  # US sellers give an SSN in its own column
    if loc == "en_GB":
        return _nino(rng)
    if loc == "de_DE":
        return _de_steuer_id(rng)
    if loc == "es_ES":
        return fk.nif()
    if loc == "fr_FR":
        return _fr_nir(rng, rng.choice([1, 2]), born)
    return fk.ssn()


_IT_CITIES = tuple(sorted(_ItAddress.cities))


def _city(fk: Faker, loc: str) -> str:
    # Faker's it_IT city list is built from a set (order varies with the hash seed): sort it.
    if loc == "it_IT":
        return fk.random_element(_IT_CITIES)
    return fk.city()


def _marketplace(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fakers = {loc: _faker(loc, 60 + k) for k, loc in enumerate(_KYC_LOCALES)}
    country = {"en_US": "US", "en_GB": "GB", "de_DE": "DE", "es_ES": "ES", "it_IT": "IT",
               "nl_NL": "NL", "pl_PL": "PL", "fr_FR": "FR"}
    nationality = {"en_US": "American", "en_GB": "British", "de_DE": "German", "es_ES": "Spanish",
                   "it_IT": "Italian", "nl_NL": "Dutch", "pl_PL": "Polish", "fr_FR": "French"}
    notes = [
        "Document image blurry, requested re-upload", "Selfie match OK", "Proof of address older than 3 months",
        "Auto-approved by rules v12", "Escalated to L2 - name mismatch on bank statement",
        "Manual review passed", "Sanctions screening: no hit", "", "", "",
    ]
    statuses = ["APPROVED", "APPROVED", "APPROVED", "PENDING", "REJECTED", "NEEDS_INFO"]
    doc_types = ["passport", "national_id", "driving_licence", "residence_permit"]
    out = []
    for i in range(rows):
        loc = rng.choice(_KYC_LOCALES)
        fk = fakers[loc]
        first, last = fk.first_name(), fk.last_name()
        born = _dob(rng, 1950, 2006)
        company = fk.company()
        dob = born.isoformat() if rng.random() < 0.6 else born.strftime("%m/%d/%Y" if loc == "en_US" else "%d/%m/%Y")
        login = f"{_slug(first)[:rng.randrange(1, 6)]}{_slug(last)}{rng.choice(['', '_shop', str(rng.randrange(99))])}"
        verified = datetime(2025, 1, 1) + timedelta(seconds=rng.randrange(60_000_000))
        card = fk.credit_card_number() if rng.random() < 0.7 else ""
        addr = fk.street_address().replace("\n", ", ")
        out.append({
            "seller_id": f"S-{rng.randrange(10**9):09d}",
            "shop_name": company,
            "storeUrl": f"https://market.example.com/shop/{_slug(company)[:24]}",
            "legal_first_name": first,
            "legal_last_name": last,
            "date_of_birth": dob,
            "nationality": nationality[loc],
            "id_doc_type": rng.choice(doc_types),
            "id_doc_number": fk.bothify(rng.choice(["??#######", "#########", "?#######"])).upper(),
            "tax_id": _kyc_tax_id(loc, fk, rng, born),
            "ssn": fakers["en_US"].ssn() if loc == "en_US" and rng.random() < 0.9 else "",
            "address_line1": addr,
            "city": _city(fk, loc),
            "postal_code": fk.postcode(),
            "country_code": country[loc],
            "phone": _blank(rng, fk.phone_number(), 0.05),
            "contact_email": fk.email(),
            "payout_iban": fk.iban() if loc != "en_US" else "",
            "card_number": card,
            "card_last4": f"**** {card[-4:]}" if card else "",
            "login": login,
            "last_login_ip": fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6(),
            "kyc_status": rng.choice(statuses),
            "risk_score": round(rng.random(), 3),
            "verified_at": verified.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "doc_sha256": hashlib.sha256(f"{SEED}-{i}".encode()).hexdigest(),
            "gmv_30d_usd": round(rng.lognormvariate(7, 1.5), 2),
            "reviewer_notes": rng.choice(notes),
            "app_version": f"{rng.choice([3, 4])}.{rng.randrange(20)}.{rng.randrange(10)}",
        })
    return pd.DataFrame(out)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Return {table: DataFrame} with ``rows`` rows each, deterministic for the fixed seed."""
    return {
        "uk_gp_appointments": _uk_gp(rows),
        "de_hv_mieter": _de_mieter(rows),
        "fr_mutuelle_adherents": _fr_mutuelle(rows),
        "pt_ginasio_socios": _pt_ginasio(rows),
        "se_forskola_barn": _se_forskola(rows),
        "marketplace_seller_kyc": _marketplace(rows),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into ``out_dir`` (created) in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, df in make_tables(rows).items():
        path = out_dir / FILES[name]
        if name == "uk_gp_appointments":
            df.to_csv(path, index=False, encoding="utf-8-sig")
        elif name == "de_hv_mieter":
            df.to_csv(path, index=False, sep=";", encoding="cp1252")
        elif name == "fr_mutuelle_adherents":
            df.to_parquet(path, index=False)
        elif name == "pt_ginasio_socios":
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        elif name == "se_forskola_barn":
            df.to_excel(path, index=False, sheet_name="Barnlista", engine="openpyxl")
        else:
            df.to_csv(path, index=False, sep="\t", encoding="utf-8")
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout49.py OUT_DIR [ROWS]")
    for t, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(t, p)
