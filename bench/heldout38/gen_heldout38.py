"""Blind held-out tables for the PII scanner (heldout38), written before any scanner run.

Domains: NZ tertiary enrolments, German dentist patients, French rail season tickets,
Italian notary deed parties, Finnish employer HR, and an English telehealth export
(patients and clinicians). Deterministic: seed 38380.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 38380
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "nz_enrolments",
    "zahnarzt_patienten",
    "abonnes_sncf",
    "notaio_parti",
    "henkilosto",
    "telehealth_patients",
    "telehealth_clinicians",
)

FILES: dict[str, str] = {
    "nz_enrolments": "nz_enrolments.csv",
    "zahnarzt_patienten": "zahnarzt_patienten.csv",
    "abonnes_sncf": "abonnes_sncf.parquet",
    "notaio_parti": "notaio_parti.jsonl",
    "henkilosto": "henkilosto.xlsx",
    "telehealth_patients": "telehealth_patients.tsv",
    "telehealth_clinicians": "telehealth_clinicians.parquet",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value, p: float = 0.05, fillers: tuple = ("", None)):
    """Replace value by a blank-like filler with probability p."""
    if rng.random() < p:
        return rng.choice(fillers)
    return value


def _dob(rng: random.Random, lo: int = 18, hi: int = 80) -> date:
    return date(2026, 1, 1) - timedelta(days=rng.randint(lo * 365, hi * 365))


def _event(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randint(0, days))


def _hex(rng: random.Random, n: int) -> str:
    return hashlib.sha1(str(rng.random()).encode()).hexdigest()[:n]


def _nz(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_NZ", 1)
    progs = [("BSC701", "Bachelor of Science"), ("BCOM702", "Bachelor of Commerce"),
             ("NZDE600", "NZ Diploma in Engineering (Civil)"), ("GDIPT", "Graduate Diploma in Teaching"),
             ("MNURS", "Master of Nursing Science"), ("CERT3AUTO", "NZ Certificate in Automotive (Level 3)")]
    out = []
    for i in range(rows):
        code, title = rng.choice(progs)
        first, last = f.first_name(), f.last_name()
        d = _dob(rng, 17, 60)
        ird = f"{rng.randint(10, 150):03d}-{rng.randint(0, 999):03d}-{rng.randint(0, 999):03d}"
        addr = f.street_address()
        out.append({
            "StudentID": 2200000 + i * 7 + rng.randint(0, 6),
            "Legal Surname": last.upper() if rng.random() < 0.3 else last,
            "Preferred Given Name": _blank(rng, first, 0.08),
            "DOB": d.strftime("%d/%m/%Y") if rng.random() < 0.8 else d.strftime("%-d-%b-%y"),
            "Email (personal)": _blank(rng, f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'xtra.co.nz', 'hotmail.co.nz', 'outlook.com'])}", 0.05),
            "Mobile Ph": _blank(rng, rng.choice([f"02{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}", f"+64 2{rng.randint(0, 9)} {rng.randint(1000000, 9999999)}"]), 0.07),
            "Home Addr Line1": addr,
            "Suburb/Town": f.city(),
            "PostCode": _blank(rng, f.postcode(), 0.04),
            "IRD No.": _blank(rng, ird if rng.random() < 0.6 else ird.replace("-", ""), 0.35, ("", "n/a", None)),
            "Prog Code": code,
            "Programme Title": title,
            "Enrol Status": rng.choice(["ENR", "ENR", "WDN", "DEF", "CMP"]),
            "EFTS": round(rng.choice([0.125, 0.25, 0.5, 0.875, 1.0, 1.0]), 3),
            "Fees Owing (NZD)": round(rng.uniform(0, 9000), 2) if rng.random() < 0.4 else 0.0,
            "Citizenship": rng.choice(["New Zealand", "New Zealand", "Australia", "China", "India", "Samoa", "Fiji"]),
            "Iwi Affiliation 1": rng.choice(["", "", "Ngāpuhi", "Ngāti Porou", "Waikato-Tainui", "Ngāi Tahu", "Not stated"]),
            "Emergency Contact Name": _blank(rng, f.name(), 0.15),
            "Emergency Contact Ph": _blank(rng, f"0{rng.randint(3, 9)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}", 0.18),
            "Student Login": f"{first[:3].lower()}{last[:4].lower()}{rng.randint(1, 999):03d}",
            "Last Login IP": _blank(rng, f.ipv4_public(), 0.2),
            "Enrolment Date": _event(rng, date(2024, 11, 1), 400).isoformat(),
            "StudyLink Approved": rng.choice(["Y", "N", ""]),
        })
    return pd.DataFrame(out)


def _zahnarzt(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("de_DE", 2)
    kassen = ["AOK Bayern", "TK", "Barmer", "DAK-Gesundheit", "IKK classic", "privat", "BKK Mobil Oil"]
    befunde = ["Kontrolle o.B.", "Füllung 36 mesial erneuert", "PZR durchgeführt, Blutung gering",
               "Wurzelbehandlung 46 begonnen", "KV für Brücke erstellt\nPatient überlegt noch",
               "Zahnstein entfernt", "Bissflügelaufnahme, keine Karies"]
    behandler = [f.name() for _ in range(6)]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        plz = f.postcode()
        out.append({
            "Pat-Nr.": f"{i + 1:06d}" if rng.random() < 0.5 else i + 1,
            "Nachname": last,
            "Vorname": first,
            "Geb.-Datum": _dob(rng, 2, 95).strftime("%d.%m.%Y"),
            "Straße/Hausnr.": f.street_address(),
            "PLZ": int(plz),
            "Ort": f.city(),
            "Tel. privat": _blank(rng, f"0{rng.randint(30, 9999)}/{rng.randint(100000, 9999999)}", 0.25),
            "Handy": _blank(rng, f"01{rng.choice(['51', '52', '60', '70', '76'])} {rng.randint(1000000, 99999999)}", 0.3),
            "E-Mail": _blank(rng, f.email(), 0.3),
            "Krankenkasse": rng.choice(kassen),
            "Vers.-Status": rng.choice(["1", "3", "5", "M", "F"]),
            "Lastschrift IBAN": _blank(rng, f.iban(), 0.6),
            "Kontoinhaber": _blank(rng, f.name(), 0.6),
            "Behandler": rng.choice(behandler),
            "letzte Beh.": _event(rng, date(2023, 1, 1), 1000).strftime("%d.%m.%Y"),
            "BEMA-Pos.": rng.choice(["01", "Ä1", "13a", "105", "107", "ÄN1"]),
            "Befund/Bemerkung": rng.choice(befunde),
            "Bonusheft": rng.choice(["ja", "nein", ""]),
            "Offene Posten (EUR)": f"{rng.uniform(0, 800):.2f}".replace(".", ","),
        })
    return pd.DataFrame(out)


def _sncf(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("fr_FR", 3)
    formules = ["Forfait Navigo Annuel", "Abonnement Fréquence 2e", "Forfait Liberté", "Abonnement Max Actif",
                "Carte Avantage Jeune", "Abonnement TER Hebdo"]
    comments = ["Carte perdue, duplicata envoyé", "Remboursement grève traité", "RAS",
                "Changement de formule au 01/09", "Réclamation retard TGV\nbon d'achat émis", ""]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        start = _event(rng, date(2024, 1, 1), 700)
        out.append({
            "N° client": f"C{rng.randint(10 ** 9, 10 ** 10 - 1)}",
            "Civilité": rng.choice(["M.", "Mme", "Mme", "M."]),
            "NOM": last.upper(),
            "Prénom": first,
            "Date de naissance": _dob(rng, 12, 85).strftime("%d/%m/%Y"),
            "Lieu de naissance": _blank(rng, f"{f.city()} ({rng.randint(1, 95):02d})", 0.2),
            "Adresse": f.street_address(),
            "Code postal": f.postcode(),
            "Commune": f.city(),
            "Tél. portable": _blank(rng, f"0{rng.choice([6, 7])} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}", 0.1),
            "Courriel": _blank(rng, f.free_email(), 0.1),
            "Identifiant espace client": f.user_name(),
            "N° carte": f"{rng.randint(10 ** 15, 10 ** 16 - 1)}"[:10],
            "Formule": rng.choice(formules),
            "Trajet (codes gares)": f"FR{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}-FR{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}",
            "Montant mensuel €": round(rng.choice([86.4, 75.2, 42.0, 210.5, 389.0]), 2),
            "Mode de paiement": rng.choice(["Prélèvement", "CB", "Prélèvement"]),
            "IBAN prélèvement": _blank(rng, f.iban(), 0.35),
            "Titulaire du compte": _blank(rng, f"{f.last_name().upper()} {f.first_name()}", 0.35),
            "Début validité": start.isoformat(),
            "Fin validité": (start + timedelta(days=365)).isoformat(),
            "Photo": f"photos/ab_{i:06d}.jpg",
            "Commentaire SAV": rng.choice(comments),
        })
    return pd.DataFrame(out)


def _notaio(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("it_IT", 4)
    notai = [f"Notaio {f.name()}" for _ in range(4)]
    atti = ["Compravendita", "Mutuo fondiario", "Donazione", "Costituzione S.r.l.", "Procura speciale", "Successione"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        out.append({
            "Repertorio n.": 41000 + i // 2,
            "Raccolta n.": 18000 + i // 2,
            "Data atto": _event(rng, date(2022, 1, 1), 1400).strftime("%d/%m/%Y"),
            "Tipo atto": rng.choice(atti),
            "Ruolo": rng.choice(["Venditore", "Acquirente", "Mutuatario", "Donante", "Donatario", "Procuratore"]),
            "Cognome": last,
            "Nome": first,
            "Codice Fiscale": f.ssn(),
            "Luogo di nascita": f.city(),
            "Data di nascita": _dob(rng, 18, 95).isoformat(),
            "Residenza - Indirizzo": f.street_address(),
            "CAP": f.postcode(),
            "Comune": f.city(),
            "Prov.": rng.choice(["MI", "RM", "TO", "NA", "FI", "BO", "PA"]),
            "Documento (C.I./Passaporto) n.": _blank(rng, rng.choice([f"CA{rng.randint(10000, 99999)}{rng.choice('ABCDEFGHJK')}{rng.choice('ABCDEFGHJK')}", f"Y{rng.randint(1000000, 9999999)}"]), 0.1),
            "Stato civile / regime": rng.choice(["coniugato - separazione dei beni", "celibe", "nubile", "coniugata - comunione legale", "vedovo"]),
            "PEC / e-mail": _blank(rng, rng.choice([f"{first.lower()}.{last.lower()}@pec.it", f.email()]), 0.3),
            "Telefono": _blank(rng, f.phone_number(), 0.2),
            "Valore dichiarato": rng.randint(20, 900) * 1000.0,
            "Imposta di registro": round(rng.uniform(200, 9000), 2),
            "Catasto (Fg./Part./Sub.)": f"Fg. {rng.randint(1, 90)} Part. {rng.randint(1, 999)} Sub. {rng.randint(1, 30)}",
            "Notaio rogante": rng.choice(notai),
        })
    return pd.DataFrame(out)


def _henkilosto(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("fi_FI", 5)
    managers = [f.name() for _ in range(25)]
    titles = ["Ohjelmistokehittäjä", "Myyntipäällikkö", "Varastotyöntekijä", "Kirjanpitäjä", "Asiakaspalvelija",
              "Projektipäällikkö", "HR-asiantuntija"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        hetu = f.ssn()
        dd, mm, yy = hetu[0:2], hetu[2:4], hetu[4:6]
        century = {"-": "19", "+": "18", "A": "20"}.get(hetu[6], "19")
        pn = f.postcode()
        out.append({
            "Henkilönro": 10000 + i,
            "Sukunimi": last,
            "Etunimet": first if rng.random() < 0.6 else f"{first} {f.first_name()}",
            "Henkilötunnus": hetu,
            "Syntymäaika": f"{int(dd)}.{int(mm)}.{century}{yy}",
            "Lähiosoite": f.street_address(),
            "Postinro": int(pn),
            "Postitoimipaikka": f.city().upper(),
            "Matkapuhelin": _blank(rng, f"04{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}", 0.05),
            "Sähköposti (työ)": f"{first.lower()}.{last.lower()}@yritys.fi".replace("ä", "a").replace("ö", "o"),
            "Tilinumero": f.iban(),
            "Käyttäjätunnus": f"{first[:1].lower()}{last.lower()[:7]}".replace("ä", "a").replace("ö", "o"),
            "Esimies": rng.choice(managers),
            "Tehtävänimike": rng.choice(titles),
            "Osasto": rng.choice(["Talous", "IT", "Myynti", "Logistiikka", "Henkilöstö"]),
            "Kustannuspaikka": rng.choice([4100, 4200, 5100, 6300, 7000]),
            "Työsuhde alkoi": _event(rng, date(2005, 1, 1), 7000),
            "Kk-palkka (€)": round(rng.uniform(2300, 7800), 2),
            "Lomapäiviä jäljellä": rng.randint(0, 38),
            "Veroprosentti": round(rng.uniform(8, 38), 1),
            "Lähiomainen": _blank(rng, f.name(), 0.3),
            "Lähiomaisen puh.": _blank(rng, f"+358 {rng.randint(40, 50)} {rng.randint(1000000, 9999999)}", 0.32),
        })
    return pd.DataFrame(out)


def _patients(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _faker("en_US", 6)
    reasons = ["Follow-up for blood pressure meds", "Rash on forearm, 3 days", "Refill request",
               "Anxiety, sleep issues", "Sore throat and fever", "Annual wellness check\nno concerns"]
    out = []
    for _ in range(rows):
        first, last = f.first_name(), f.last_name()
        cc = f.credit_card_number(card_type=rng.choice(["visa", "mastercard", "amex"]))
        out.append({
            "patient_uuid": f.uuid4(),
            "mrn": f"TH{rng.randint(1000000, 9999999)}",
            "firstName": first,
            "lastName": last,
            "dob": _dob(rng, 0, 90).strftime(rng.choice(["%m/%d/%Y", "%Y-%m-%d"])),
            "sex": rng.choice(["F", "M", "X", "U"]),
            "email": f.email(),
            "phone": _blank(rng, f.phone_number(), 0.05),
            "address_line1": f.street_address(),
            "city": f.city(),
            "state": f.state_abbr(),
            "zip": int(f.zipcode()),
            "ssn": _blank(rng, f.ssn(), 0.5),
            "payment_card_number": _blank(rng, cc, 0.4),
            "card_display": f"**** {cc[-4:]}",
            "insurance_plan": rng.choice(["Aetna PPO", "BCBS HMO", "Medicare", "Self-pay", "UnitedHealthcare"]),
            "visit_reason": rng.choice(reasons),
            "portal_username": f.user_name(),
            "last_login_ip": _blank(rng, f.ipv4() if rng.random() < 0.85 else f.ipv6(), 0.1),
            "created_at": (datetime(2023, 1, 1) + timedelta(seconds=rng.randint(0, 9 * 10 ** 7))).isoformat() + "Z",
            "user_agent": rng.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)", "okhttp/4.12.0",
                                      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0"]),
            "consent_telehealth": rng.choice([True, True, False]),
            "app_version": f"{rng.randint(3, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
        })
    return pd.DataFrame(out)


def _clinicians(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    f = _faker("en_US", 7)
    g = _faker("en_GB", 8)
    out = []
    for i in range(rows):
        ff = f if rng.random() < 0.7 else g
        first, last = ff.first_name(), ff.last_name()
        out.append({
            "Clinician ID": f"CLN-{i + 1:05d}",
            "Display Name": f"{rng.choice(['Dr. ', 'Dr ', '', 'NP '])}{first} {last}",
            "Specialty": rng.choice(["Family Medicine", "Dermatology", "Psychiatry", "Pediatrics", "Urgent Care"]),
            "License State": ff.state_abbr() if ff is f else "n/a",
            "Work Email": f"{first[0].lower()}{last.lower()}@carelinkhealth.com",
            "Direct Line": _blank(rng, ff.phone_number(), 0.15),
            "Practice Address": _blank(rng, ff.address().replace("\n", ", "), 0.25),
            "Home City": _blank(rng, ff.city(), 0.3),
            "Payout Account No.": _blank(rng, str(rng.randint(10 ** 9, 10 ** 12)) if ff is f else ff.iban(), 0.2),
            "Routing / Sort Code": rng.choice(["021000021", "026009593", "20-00-00", "40-47-84"]),
            "Handle": f"@{first.lower()}{last.lower()[:3]}_{rng.choice(['md', 'np', 'do'])}",
            "Avg Rating": round(rng.uniform(3.2, 5.0), 2),
            "Visits Completed": rng.randint(0, 6000),
            "Onboarded": _event(rng, date(2019, 1, 1), 2500).isoformat(),
            "Active": rng.choice([True, True, False]),
            "Bio": rng.choice(["Board-certified, 10+ years in primary care.",
                               "Special interest in adolescent mental health.",
                               "Experienced in teledermatology and acne management."]),
            "Profile Hash": _hex(rng, 40),
        })
    return pd.DataFrame(out)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table with `rows` rows (clinicians: half as many when rows >= 2000)."""
    return {
        "nz_enrolments": _nz(rows),
        "zahnarzt_patienten": _zahnarzt(rows),
        "abonnes_sncf": _sncf(rows),
        "notaio_parti": _notaio(rows),
        "henkilosto": _henkilosto(rows),
        "telehealth_patients": _patients(rows),
        "telehealth_clinicians": _clinicians(rows // 2 if rows >= 2000 else rows),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for name in TABLES:
        df = tables[name]
        p = out_dir / FILES[name]
        if name == "nz_enrolments":
            df.to_csv(p, index=False, encoding="utf-8")
        elif name == "zahnarzt_patienten":
            df.to_csv(p, index=False, sep=";", encoding="cp1252")
        elif name == "telehealth_patients":
            df.to_csv(p, index=False, sep="\t", encoding="utf-8-sig")
        elif name.endswith("clinicians") or name == "abonnes_sncf":
            df.to_parquet(p, index=False)
        elif name == "notaio_parti":
            with open(p, "w", encoding="utf-8") as fh:
                for rec in df.to_dict(orient="records"):
                    rec = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                    fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        elif name == "henkilosto":
            df.to_excel(p, index=False, sheet_name="Henkilöstö", engine="openpyxl")
        paths[name] = p
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for t, p in write_all(target).items():
        print(t, p)
