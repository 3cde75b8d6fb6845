"""Blind held-out set heldout31: six synthetic exports from real-world-like systems.

Tables: a Scottish council-tax accounts export (CSV, BOM), a German Handwerkskammer apprentices
list (CSV, ';', cp1252), a French EHPAD residents register (Excel), a Spanish academia pupils and
parents export (JSON Lines), a Norwegian dentist recall list (CSV, tab) and an English fintech
KYC / card-issuing export (Parquet). Labels live in labels.yaml, written by hand.
Seeded and deterministic; no network.
"""

from __future__ import annotations

import hashlib
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 31310
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "council_tax_accounts",
    "hwk_azubis",
    "ehpad_residents",
    "academia_alumnos",
    "tannlege_innkalling",
    "kyc_card_export",
)
FILES: dict[str, str] = {
    "council_tax_accounts": "council_tax_accounts.csv",
    "hwk_azubis": "hwk_azubis.csv",
    "ehpad_residents": "ehpad_residents.xlsx",
    "academia_alumnos": "academia_alumnos.jsonl",
    "tannlege_innkalling": "tannlege_innkalling.csv",
    "kyc_card_export": "kyc_card_export.parquet",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _sparse(rng: random.Random, value: object, p_blank: float, blanks: tuple = ("", None)) -> object:
    if rng.random() < p_blank:
        return rng.choice(blanks)
    return value


def _dob(rng: random.Random, lo: int, hi: int) -> date:
    today = date(2026, 6, 1)
    return today - timedelta(days=rng.randint(lo * 365, hi * 365))


def _event(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randint(0, days))


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    digits = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def _nino(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    d = f"{rng.randint(0, 999999):06d}"
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{first}{second}{d}{suffix}"
    return f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {suffix}"


def _scot_postcode(rng: random.Random) -> str:
    area = rng.choice(["DD", "PH", "DD", "KY"])
    unit = "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    pc = f"{area}{rng.randint(1, 11)} {rng.randint(0, 9)}{unit}"
    return pc if rng.random() < 0.9 else pc.replace(" ", "").lower()


def _council_tax(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("en_GB", 1)
    towns = ["Dundee", "Perth", "Arbroath", "Forfar", "Montrose", "Blairgowrie", "Crieff", "Pitlochry",
             "Kirriemuir", "Carnoustie", "Brechin", "Auchterarder"]
    recs = []
    for _i in range(rows):
        lead = f"{f.first_name()} {f.last_name()}"
        joint = f"{f.first_name()} {f.last_name()}" if rng.random() < 0.35 else ""
        town = rng.choice(towns)
        pc = _scot_postcode(rng)
        addr = f"{f.building_number()} {f.street_name()}\n{town}"
        if rng.random() < 0.3:
            addr = f"Flat {rng.randint(1, 12)}/{rng.randint(1, 4)}, " + addr
        fwd = "" if rng.random() < 0.88 else f"{f.street_address().replace(chr(10), ', ')}, {f.city()}"
        band = rng.choice("ABCDEFGH")
        charge = {"A": 1014.09, "B": 1183.11, "C": 1352.12, "D": 1521.14, "E": 1998.61,
                  "F": 2471.85, "G": 2978.90, "H": 3726.79}[band]
        spd = rng.random() < 0.38
        annual = round(charge * (0.75 if spd else 1.0), 2)
        phone = rng.choice([f.phone_number(), f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                            f"01382 {rng.randint(100000, 999999)}"])
        recs.append({
            "Account Ref": f"{rng.randint(10000000, 99999999)}",
            "UPRN": float(rng.randint(10000000000, 99999999999)) if rng.random() < 0.5 else
            rng.randint(10000000000, 99999999999),
            "Council Tax Band": band,
            "Lead Liable Person": lead.upper() if rng.random() < 0.4 else lead,
            "Joint Liable Person": joint,
            "Property Address": addr,
            "Post Code": pc,
            "Forwarding Address": fwd,
            "Tel. No.": _sparse(rng, phone, 0.2, ("", "n/a")),
            "Email": _sparse(rng, f.free_email() if rng.random() < 0.6 else f.email(), 0.25),
            "D.O.B": _sparse(rng, _dob(rng, 18, 92).strftime("%d/%m/%Y"), 0.3),
            "NI Number": _sparse(rng, _nino(rng), 0.4),
            "DD Bank A/C No": _sparse(rng, f"{rng.randint(0, 99999999):08d}", 0.45),
            "SPD 25%": "Y" if spd else "N",
            "Annual Charge (£)": annual,
            "Balance O/S £": round(rng.choice([0.0, 0.0, annual * rng.random(), -rng.random() * 200]), 2),
            "No. Instalments": rng.choice([10, 12, 10, 1]),
            "Liability Start": _event(rng, date(1998, 4, 1), 10000).strftime("%d/%m/%Y"),
            "Last Pymt Date": _event(rng, date(2025, 4, 1), 420).isoformat(),
            "Recovery Stage": rng.choice(["", "", "Reminder", "Final Notice", "Summary Warrant", "Arrestment"]),
            "MyAccount User": _sparse(rng, f.user_name() + (str(rng.randint(1, 99)) if rng.random() < 0.5 else ""),
                                      0.5),
            "Last Updated By": rng.choice(["batch_ctax", "REVSUP", "ctax_overnight", "BENPROC"]),
        })
    return pd.DataFrame(recs)


def _steuer_id(rng: random.Random) -> str:
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(10)]
    s = "".join(map(str, digits))
    return s if rng.random() < 0.7 else f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"


def _rv_nummer(rng: random.Random, dob: date, surname: str) -> str:
    letter = (surname[:1] or "M").upper()
    if not letter.isascii() or not letter.isalpha():
        letter = "M"
    area = rng.choice(["12", "13", "15", "24", "28", "40", "65"])
    return f"{area} {dob:%d%m%y} {letter} {rng.randint(0, 49):02d} {rng.randint(0, 9)}"


def _azubis(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("de_DE", 2)
    berufe = ["Elektroniker/-in", "Kfz-Mechatroniker/-in", "Tischler/-in", "Friseur/-in", "Bäcker/-in",
              "Anlagenmechaniker/-in SHK", "Maler/-in und Lackierer/-in", "Zahntechniker/-in", "Dachdecker/-in"]
    notes = ["", "", "", "Verkürzung um 6 Monate beantragt", "Berufsschule Blockunterricht",
             "Vertrag geändert: Ausbildungszeit verlängert", "Zwischenprüfung bestanden",
             "Teilzeitausbildung 30 Std./Woche", "ÜLU Kurs ELT1 noch offen"]
    recs = []
    for i in range(rows):
        nach = f.last_name()
        dob = _dob(rng, 16, 27)
        plz = f.postcode()
        beginn = date(rng.choice([2023, 2024, 2025]), rng.choice([8, 9]), 1)
        dauer = rng.choice([36, 42, 36, 24])
        recs.append({
            "Lfd. Nr.": i + 1,
            "Vertrags-Nr.": f"{beginn.year}-{rng.randint(1, 99999):05d}",
            "Name Azubi": nach,
            "Vorname Azubi": f.first_name(),
            "Geb.-Datum": dob.strftime("%d.%m.%Y"),
            "Geburtsort": _sparse(rng, f.city(), 0.15),
            "Staatsangeh.": rng.choice(["deutsch"] * 8 + ["türkisch", "polnisch", "syrisch", "italienisch"]),
            "Straße, Hausnr.": f.street_address(),
            "PLZ": int(plz) if rng.random() < 0.7 else plz,
            "Wohnort": f.city(),
            "Tel. (mobil)": _sparse(rng, rng.choice([f.phone_number(), f"01{rng.choice([5, 6, 7])}"
                                                     f"{rng.randint(0, 9)} {rng.randint(1000000, 9999999)}"]), 0.1),
            "E-Mail Azubi": _sparse(rng, f.email(), 0.2),
            "Steuer-IdNr.": _sparse(rng, _steuer_id(rng), 0.3),
            "RV-Nummer": _sparse(rng, _rv_nummer(rng, dob, nach), 0.35),
            "Ausbildungsberuf": rng.choice(berufe),
            "Ausbildungsbetrieb": f.company(),
            "Betriebs-Nr.": f"{rng.randint(10000000, 99999999)}",
            "Ausbilder/-in": f"{f.first_name()} {f.last_name()}",
            "Ausbildungsbeginn": beginn.strftime("%d.%m.%Y"),
            "Ausbildungsende": (beginn + timedelta(days=dauer * 30)).strftime("%d.%m.%Y"),
            "Probezeit (Monate)": rng.choice([1, 2, 3, 4]),
            "Vergütung 1. AJ (EUR)": rng.choice([682, 700, 750, 820, 900, 1005]),
            "Bemerkung": rng.choice(notes),
        })
    return pd.DataFrame(recs)


def _nir(rng: random.Random, dob: date, male: bool) -> str:
    dept = f"{rng.randint(1, 95):02d}"
    base = f"{1 if male else 2}{dob:%y%m}{dept}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(base) % 97
    full = f"{base}{key:02d}"
    if rng.random() < 0.5:
        return f"{full[0]} {full[1:3]} {full[3:5]} {full[5:7]} {full[7:10]} {full[10:13]} {full[13:]}"
    return full


def _ehpad(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("fr_FR", 3)
    obs = ["", "", "Régime sans sel", "Chute le 12/03, surveillance renforcée", "Appareil auditif droit",
           "Refuse la douche le matin", "Troubles cognitifs modérés\nAccompagnement aux repas",
           "Kiné 2x/semaine", "Allergie pénicilline"]
    mutuelles = ["MGEN", "Harmonie Mutuelle", "AG2R La Mondiale", "Malakoff Humanis", "MAAF Santé", "Aucune"]
    recs = []
    for i in range(rows):
        male = rng.random() < 0.3
        dob = _dob(rng, 68, 101)
        nom = f.last_name()
        cp = f.postcode()
        recs.append({
            "N° dossier": f"R{rng.randint(2015, 2026)}-{i + 1:04d}",
            "NOM": nom.upper(),
            "Nom de naissance": "" if male or rng.random() < 0.45 else f.last_name().upper(),
            "Prénom": f.first_name_male() if male else f.first_name_female(),
            "Né(e) le": dob.strftime("%d/%m/%Y"),
            "Lieu de naissance": _sparse(rng, f.city(), 0.1),
            "N° Sécurité sociale": _sparse(rng, _nir(rng, dob, male), 0.05),
            "Chambre": f"{rng.choice('ABC')}{rng.randint(1, 3)}{rng.randint(1, 30):02d}",
            "GIR": rng.randint(1, 6),
            "Date d'entrée": _event(rng, date(2016, 1, 1), 3700),
            "Caisse": rng.choice(["CPAM", "MSA", "CPAM", "RSI", "CNMSS"]),
            "Mutuelle": rng.choice(mutuelles),
            "Médecin traitant": f"Dr {f.last_name()}" if rng.random() < 0.7 else f"{f.first_name()} {f.last_name()}",
            "Personne de confiance": _sparse(rng, f"{f.first_name()} {f.last_name()}", 0.15),
            "Lien de parenté": rng.choice(["Fils", "Fille", "Neveu", "Nièce", "Époux", "Épouse", "Ami(e)", ""]),
            "Tél. pers. confiance": _sparse(rng, f.phone_number(), 0.15),
            "Courriel famille": _sparse(rng, f.email(), 0.4),
            "Adresse antérieure": f.street_address(),
            "CP": int(cp) if rng.random() < 0.5 else cp,
            "Ville": f.city(),
            "Tarif hébergement €/j": round(rng.uniform(62, 118), 2),
            "Bénéficiaire APA": rng.choice(["oui", "non"]),
            "Aide sociale": rng.choice(["O", "N", "N", "N"]),
            "Observations": rng.choice(obs),
            "IBAN (prélèvement)": _sparse(rng, f.iban(), 0.3),
        })
    return pd.DataFrame(recs)


def _dni(rng: random.Random) -> str:
    n = rng.randint(0, 99999999)
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]
    return f"{n:08d}{letter}" if rng.random() < 0.7 else f"{n:08d}-{letter}"


def _academia(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("es_ES", 4)
    cursos = ["5º Primaria", "6º Primaria", "1º ESO", "2º ESO", "3º ESO", "4º ESO", "1º Bach", "2º Bach"]
    asign = ["Matemáticas", "Inglés", "Física y Química", "Lengua", "Biología", "Historia", "Francés"]
    obs = ["", "", "Dificultades con fracciones", "Prepara EBAU", "Cambia a grupo de tarde en enero",
           "Necesita refuerzo en comprensión lectora", "Beca parcial 20%"]
    provincias = ["Madrid", "Valencia", "Sevilla", "Málaga", "Zaragoza", "Murcia", "Barcelona"]
    recs = []
    for i in range(rows):
        tutor = f"{f.first_name()} {f.last_name()} {f.last_name()}"
        alta = _event(rng, date(2022, 9, 1), 1300)
        recs.append({
            "idAlumno": 4000 + i,
            "nombre": f.first_name(),
            "apellidos": f"{f.last_name()} {f.last_name()}",
            "fechaNacimiento": _dob(rng, 9, 18).isoformat() if rng.random() < 0.8 else
            _dob(rng, 9, 18).strftime("%d/%m/%Y"),
            "curso": rng.choice(cursos),
            "colegioProcedencia": rng.choice(["IES ", "Colegio ", "CEIP "]) + f.last_name(),
            "asignaturas": ", ".join(sorted(rng.sample(asign, rng.randint(1, 3)))),
            "horasSemana": rng.choice([1.5, 2, 3, 4.5]),
            "tutorLegal": tutor,
            "dniNieTutor": _dni(rng) if rng.random() < 0.85 else f.nie(),
            "movilTutor": rng.choice([f.phone_number(), f"6{rng.randint(10000000, 99999999)}"]),
            "emailTutor": _sparse(rng, f.email(), 0.1),
            "direccion": f.street_address(),
            "codPostal": f.postcode(),
            "localidad": f.city(),
            "provincia": rng.choice(provincias),
            "ibanDomiciliacion": _sparse(rng, f.iban(), 0.35),
            "cuotaMensual": rng.choice([65.0, 80.0, 95.0, 120.0, 145.5]),
            "matriculaPagada": rng.random() < 0.9,
            "fechaAlta": alta.isoformat(),
            "observaciones": rng.choice(obs),
            "usuarioAulaVirtual": _sparse(rng, f.user_name(), 0.3),
        })
    return pd.DataFrame(recs)


def _tannlege(rows: int, rng: random.Random) -> pd.DataFrame:
    f = _faker("no_NO", 5)
    dentists = [f"{f.first_name()} {f.last_name()}" for _ in range(6)]
    koder = ["101", "102", "701", "501", "C", "E"]
    notes = ["", "", "", "Ønsker time etter kl. 15", "Tannlegeskrekk, sett av god tid", "Husk røntgen",
             "Trenger tolk", "Flyttet, sjekk adresse"]
    recs = []
    for _i in range(rows):
        fnr = f.ssn()
        dob = datetime.strptime(fnr[:6], "%d%m%y").date()
        if dob.year > 2008:
            dob = dob.replace(year=dob.year - 100)
        siste = _event(rng, date(2024, 1, 1), 800)
        intervall = rng.choice([6, 12, 12, 18, 24])
        recs.append({
            "Pasientnr": rng.randint(1000, 99999),
            "Fødselsnr": fnr,
            "Etternavn": f.last_name(),
            "Fornavn": f.first_name(),
            "Fødselsdato": dob.strftime("%d.%m.%Y"),
            "Adresse": f.street_address(),
            "Postnr": int(f.postcode()),
            "Poststed": f.city().upper(),
            "Mobil": _sparse(rng, f.phone_number(), 0.08),
            "E-post": _sparse(rng, f.email(), 0.3),
            "Behandler": rng.choice(dentists),
            "Sist undersøkt": siste.strftime("%d.%m.%Y"),
            "Innkalles": (siste + timedelta(days=intervall * 30)).strftime("%m.%Y"),
            "Intervall mnd": intervall,
            "SMS-varsel": rng.choice(["Ja", "Nei", "Ja"]),
            "Frikort": rng.choice(["", "", "X"]),
            "Takstkode": rng.choice(koder),
            "Merknad": rng.choice(notes),
            "Foresatt": _sparse(rng, f"{f.first_name()} {f.last_name()}", 0.8),
        })
    return pd.DataFrame(recs)


def _kyc(rows: int, rng: random.Random) -> pd.DataFrame:
    fakers = {"GB": _faker("en_GB", 6), "US": _faker("en_US", 7), "IE": _faker("en_IE", 8)}
    uas = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
           "okhttp/4.12.0", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/124.0 Mobile",
           "NeoBankApp/5.3.1 (iOS 17.5)"]
    notes = ["", "", "", "Address proof re-requested", "Selfie mismatch, manual pass", "Doc expired, resubmitted",
             "Sanctions hit cleared (false positive)", "Source of funds: salary"]
    recs = []
    for i in range(rows):
        cc = rng.choice(["GB", "GB", "US", "IE"])
        f = fakers[cc]
        pan = _luhn_complete(rng.choice(["4", "51", "53", "2221"]), 16, rng)
        created = datetime(2024, 1, 1) + timedelta(seconds=rng.randint(0, 70_000_000))
        doc_type = rng.choice(["PASSPORT", "DRIVING_LICENCE", "NATIONAL_ID"]) if cc != "US" else "PASSPORT"
        recs.append({
            "customer_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "kyc_status": rng.choice(["APPROVED", "APPROVED", "PENDING", "REJECTED", "REFER"]),
            "first_name": f.first_name(),
            "last_name": f.last_name(),
            "date_of_birth": _dob(rng, 18, 80).isoformat(),
            "nationality": rng.choice(["GBR", "USA", "IRL", "POL", "IND", "NGA"]),
            "address_line1": f.street_address().replace("\n", ", "),
            "address_city": f.city(),
            "address_postcode": f.postcode(),
            "address_country": cc,
            "email": f.email(),
            "phone_e164": f"+44 7{rng.randint(100000000, 999999999)}" if cc == "GB" else
            (f"+1{rng.randint(2012000000, 9899999999)}" if cc == "US" else f"+3538{rng.randint(10000000, 99999999)}"),
            "id_doc_type": doc_type,
            "id_doc_number": fakers["US"].passport_number() if doc_type == "PASSPORT" else
            f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(1000000, 9999999)}",
            "ssn": fakers["US"].ssn() if cc == "US" else None,
            "card_pan": pan if rng.random() < 0.9 else None,
            "card_pan_masked": f"**** **** **** {pan[-4:]}",
            "card_token": "tok_" + hashlib.sha1(pan.encode()).hexdigest()[:24],
            "card_bin": int(pan[:6]),
            "card_expiry": f"{rng.randint(1, 12):02d}/{rng.randint(27, 31)}",
            "spend_limit_minor": rng.choice([50000, 100000, 250000, 500000]),
            "risk_score": round(rng.random(), 4),
            "signup_ip": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
            "last_login_ua": rng.choice(uas),
            "device_fingerprint": hashlib.sha256(f"dev{i}".encode()).hexdigest(),
            "app_handle": f"@{f.user_name()}" if rng.random() < 0.5 else f.user_name(),
            "created_at": created.isoformat(timespec="seconds") + "Z",
            "pep_flag": rng.random() < 0.02,
            "reviewer_notes": rng.choice(notes),
            "payout_iban": _sparse(rng, fakers["GB"].iban() if cc != "IE" else fakers["IE"].iban(), 0.4),
            "sdk_version": rng.choice(["5.3.1", "5.2.0", "5.4.0-beta.2"]),
        })
    return pd.DataFrame(recs)


_BUILDERS = {
    "council_tax_accounts": _council_tax,
    "hwk_azubis": _azubis,
    "ehpad_residents": _ehpad,
    "academia_alumnos": _academia,
    "tannlege_innkalling": _tannlege,
    "kyc_card_export": _kyc,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table with `rows` rows (deterministic for a given rows)."""
    out = {}
    for k, name in enumerate(TABLES):
        rng = random.Random(SEED * 100 + k)
        out[name] = _BUILDERS[name](rows, rng)
    return out


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for name, df in tables.items():
        p = out_dir / FILES[name]
        if name == "council_tax_accounts":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        elif name == "hwk_azubis":
            df.to_csv(p, index=False, sep=";", encoding="cp1252", errors="replace")
        elif name == "tannlege_innkalling":
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        elif name == "ehpad_residents":
            df.to_excel(p, index=False, sheet_name="Résidents", engine="openpyxl")
        elif name == "academia_alumnos":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        else:
            df.to_parquet(p, index=False)
        paths[name] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: gen_heldout31.py OUT_DIR")
    for t, p in write_all(Path(sys.argv[1])).items():
        print(t, p)
