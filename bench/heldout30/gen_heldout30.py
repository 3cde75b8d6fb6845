"""Blind held-out tables for the PII scanner (set heldout30), seeded and deterministic.

Six exports from six systems: US alumni relations, Italian hotel guest register,
Polish marketplace sellers, Portuguese gym members, Swedish library borrowers and an
English ATS export. Labels live in labels.yaml next to this file.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker
from faker.providers.address.it_IT import Provider as ItAddress

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 30300
HERE = Path(__file__).resolve().parent
TABLES = (
    "alumni_relations",
    "schedine_alloggiati",
    "sprzedawcy_marketplace",
    "socios_ginasio",
    "lantagare_bibliotek",
    "ats_candidates",
)
FILES = {
    "alumni_relations": "alumni_relations.csv",
    "schedine_alloggiati": "schedine_alloggiati.xlsx",
    "sprzedawcy_marketplace": "sprzedawcy_marketplace.csv",
    "socios_ginasio": "socios_ginasio.parquet",
    "lantagare_bibliotek": "lantagare_bibliotek.jsonl",
    "ats_candidates": "ats_candidates.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value, p: float = 0.08, fill=""):
    return fill if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 18, hi: int = 80) -> date:
    return date(2026, 1, 1) - timedelta(days=rng.randint(lo * 365, hi * 365))


def _when(rng: random.Random, start: date, days: int) -> datetime:
    return datetime(start.year, start.month, start.day) + timedelta(seconds=rng.randint(0, days * 86400))


def _alumni(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_US", 1)
    degrees = ["BA", "BS", "MBA", "MS", "PhD", "JD", "MD", "BFA"]
    majors = ["Economics", "Biology", "History", "Mechanical Eng.", "Computer Science", "Nursing", "Music", "Psychology"]
    notes = [
        "Attended reunion weekend; interested in class gift committee.",
        "Requested no phone calls during tax season.",
        "Pledge reminder sent.\nFollow up after Q3 board meeting.",
        "Event RSVP: Homecoming tailgate (2 guests).",
        "Updated via online giving form",
        "",
        "Matching gift eligible - verify with employer portal.",
    ]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        married = rng.random() < 0.35
        zip5 = f.zipcode()
        phone_fmt = rng.choice(["({}) {}-{}", "{}-{}-{}", "{}.{}.{}", "+1 {} {} {}"])
        ph = f"{rng.randint(201, 989)}", f"{rng.randint(200, 999)}", f"{rng.randint(0, 9999):04d}"
        out.append({
            "Constituent ID": f"{8000000 + i * 7 + rng.randint(0, 6)}",
            "Prefix": rng.choice(["Mr.", "Ms.", "Dr.", "Mrs.", "", "Mx."]),
            "First Name": first,
            "Last Name": last,
            "Maiden Name": f.last_name() if married and rng.random() < 0.6 else "",
            "Pref. Email": _blank(rng, f"{first.lower()}.{last.lower()}{rng.randint(0, 99)}@{f.free_email_domain()}", 0.1),
            "Home Phone": _blank(rng, phone_fmt.format(*ph), 0.3),
            "Cell": _blank(rng, f.numerify("###-###-####"), 0.15, rng.choice(["", "n/a", "NONE"])),
            "Address Line 1": f.street_address(),
            "City": f.city(),
            "State": f.state_abbr(),
            # leading zeros lost: Excel-touched export
            "ZIP": str(int(zip5)) if rng.random() < 0.5 else zip5,
            "DOB": _blank(rng, _dob(rng, 22, 90).strftime(rng.choice(["%m/%d/%Y", "%Y-%m-%d"])), 0.2),
            "SSN": _blank(rng, f.ssn(), 0.7),
            "Class Year": rng.randint(1958, 2025),
            "Degree": rng.choice(degrees),
            "Major": rng.choice(majors),
            "Lifetime Giving ($)": round(rng.choice([0, 0, 25, 100, 250]) + rng.random() * rng.choice([10, 1000, 50000]), 2),
            "Last Gift Date": _blank(rng, _when(rng, date(2015, 1, 1), 3900).strftime("%m/%d/%Y"), 0.25),
            "Employer": _blank(rng, f.company(), 0.2),
            "Spouse Name": f.name() if married else "",
            "LinkedIn ID": _blank(rng, f"{first.lower()}-{last.lower()}-{rng.randint(10, 9999)}", 0.5),
            "Do Not Solicit": rng.choice(["Y", "N", "N", "N"]),
            "Notes": rng.choice(notes),
        })
    return pd.DataFrame(out)


def _schedine(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fi = _faker("it_IT", 2)
    fo = {loc: _faker(loc, 20 + k) for k, loc in enumerate(["de_DE", "fr_FR", "en_GB", "es_ES"])}
    stati = {"it_IT": "ITALIA", "de_DE": "GERMANIA", "fr_FR": "FRANCIA", "en_GB": "REGNO UNITO", "es_ES": "SPAGNA"}
    # Faker's it_IT city list is built from a set (hash-seed dependent order): sort it
    it_cities = sorted(ItAddress.cities)
    province = ["MI", "RM", "TO", "NA", "FI", "BO", "VE", "PA", "BA", "GE"]
    note = ["", "", "Arrivo tardivo", "Richiesta culla", "Colazione inclusa", "Pagato con bonifico", "Check-in online\nverificato"]
    out = []
    for i in range(rows):
        loc = "it_IT" if rng.random() < 0.6 else rng.choice(sorted(fo))
        f = fi if loc == "it_IT" else fo[loc]
        arr = _when(rng, date(2025, 3, 1), 300)
        tipo_doc = rng.choice(["IDENT", "PASOR", "IDELE"])
        if tipo_doc == "PASOR":
            num = fi.bothify("??#######").upper()
        elif tipo_doc == "IDELE":
            num = fi.bothify("CA#####??").upper()
        else:
            num = fi.bothify("A?#######").upper()
        out.append({
            "N. Schedina": f"{arr.year}/{i + 1:05d}",
            "Tipo Alloggiato": rng.choice(["16 - Ospite Singolo", "17 - Capofamiglia", "18 - Capogruppo", "19 - Familiare"]),
            "Data Arrivo": arr.strftime("%d/%m/%Y"),
            "Gg Permanenza": rng.randint(1, 14),
            "Cognome": f.last_name().upper(),
            "Nome": f.first_name().upper(),
            "Sesso": rng.choice(["M", "F"]),
            "Data Nascita": _dob(rng, 1, 88).strftime("%d/%m/%Y"),
            "Comune Nascita": (rng.choice(it_cities) if f is fi else f.city()).upper(),
            "Prov. Nascita": rng.choice(province) if loc == "it_IT" else "EE",
            "Stato Nascita": stati[loc],
            "Cittadinanza": stati[loc],
            "Tipo Documento": tipo_doc,
            "Numero Documento": num,
            "Luogo Rilascio": rng.choice(it_cities) if loc == "it_IT" else f.city(),
            "Codice Fiscale": fi.ssn() if loc == "it_IT" else "",
            "Camera": f"{rng.randint(1, 4)}{rng.randint(1, 30):02d}",
            "Tel. Cellulare": _blank(rng, f.phone_number(), 0.2),
            "E-mail ospite": _blank(rng, f.email(), 0.25),
            "Indirizzo Residenza": f.street_address(),
            "CAP": f.postcode(),
            "Tariffa €": float(rng.choice([79, 95, 110, 135, 180])) + rng.choice([0, 0.5]),
            "Note": rng.choice(note),
        })
    return pd.DataFrame(out)


def _sellers(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("pl_PL", 3)
    kat = ["Elektronika", "Dom i ogród", "Moda", "Motoryzacja", "Zdrowie", "Dziecko", "Sport i turystyka"]
    woj = ["mazowieckie", "małopolskie", "śląskie", "wielkopolskie", "pomorskie", "dolnośląskie", "łódzkie"]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        sole = rng.random() < 0.55
        nrb = f.iban()[2:]
        nrb = " ".join([nrb[:2]] + [nrb[k:k + 4] for k in range(2, len(nrb), 4)])
        out.append({
            "id_sprzedawcy": 100000 + i,
            "login": f.user_name() + (str(rng.randint(1, 99)) if rng.random() < 0.4 else ""),
            "nazwa_sklepu": f.company() if not sole else f"{rng.choice(['Sklep', 'Hurtownia', 'Outlet'])} {f.word().capitalize()}",
            "imię i nazwisko właściciela": f"{first} {last}",
            "e-mail kontaktowy": f.email(),
            "telefon": _blank(rng, rng.choice([f.phone_number(), f.numerify("+48#########")]), 0.1),
            "NIP": rng.choice([f.nip(), "-".join([(n := f.nip())[:3], n[3:6], n[6:8], n[8:]])]),
            "PESEL": f.pesel() if sole else "",
            "ulica": f.street_address(),
            "kod pocztowy": f.postcode(),
            "miejscowość": f.city(),
            "województwo": rng.choice(woj),
            "nr rachunku bankowego": nrb,
            "data rejestracji": _when(rng, date(2016, 1, 1), 3600).strftime("%Y-%m-%d %H:%M"),
            "ocena": round(rng.uniform(3.2, 5.0), 2),
            "liczba ofert": rng.randint(0, 4000),
            "status konta": rng.choice(["AKTYWNE", "ZAWIESZONE", "W_WERYFIKACJI", "AKTYWNE"]),
            "kategoria główna": rng.choice(kat),
            "ostatnie logowanie IP": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
            "super_sprzedawca": rng.choice(["tak", "nie"]),
        })
    return pd.DataFrame(out)


def _gym(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("pt_PT", 4)
    planos = ["Mensal Livre", "Anual", "Estudante", "Sénior", "Off-Peak", "Família"]
    obs = ["", "", "Lesão no joelho — evitar impacto", "Pediu pausa de 1 mês", "Aulas de grupo: pilates, cycling", "Pagamento em atraso\nenviado lembrete", "n/a"]
    out = []
    for i in range(rows):
        nif = f.vat_id()[2:]
        cc = f"{rng.randint(10000000, 39999999)} {rng.randint(0, 9)} {f.bothify('??#').upper()}"
        out.append({
            "N.º Sócio": f"{i + 1:06d}",
            "Nome Completo": f.name(),
            "Data de Nascimento": _dob(rng, 14, 85),
            "NIF": nif,
            "N.º CC": _blank(rng, cc, 0.3),
            "Telemóvel": _blank(rng, f.phone_number(), 0.05),
            "Email": _blank(rng, f.email(), 0.1, rng.choice(["", "n/a", "-"])),
            "Morada": f.street_address(),
            "Código Postal": f.postcode(),
            "Localidade": f.city(),
            "IBAN (Débito Direto)": _blank(rng, f.iban(), 0.35),
            "Plano": rng.choice(planos),
            "Mensalidade (€)": rng.choice([24.9, 29.9, 34.9, 39.9, 19.9]),
            "Data Inscrição": _when(rng, date(2018, 1, 1), 2900).date(),
            "Última Entrada": pd.Timestamp(_when(rng, date(2025, 9, 1), 120)),
            "Altura (cm)": float(rng.randint(150, 200)) if rng.random() < 0.7 else None,
            "Peso (kg)": round(rng.uniform(48, 120), 1) if rng.random() < 0.7 else None,
            "Contacto Emergência": _blank(rng, f.name(), 0.4),
            "Tel. Emergência": _blank(rng, f.phone_number(), 0.45),
            "Ativo": rng.random() < 0.8,
            "Observações": rng.choice(obs),
        })
    df = pd.DataFrame(out)
    df["Data de Nascimento"] = pd.to_datetime(df["Data de Nascimento"])
    df["Data Inscrição"] = pd.to_datetime(df["Data Inscrição"])
    return df


def _library(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("sv_SE", 5)
    kat = ["Vuxen", "Barn", "Ungdom", "Institution", "Fjärrlån", "Personal"]
    filial = ["Huvudbiblioteket", "Filial Norr", "Filial Söder", "Bokbussen", "Campusbiblioteket"]
    out = []
    for _ in range(rows):
        pnr = f.ssn()
        born = datetime.strptime(pnr[:6], "%y%m%d")
        if born.year > 2025:
            born = born.replace(year=born.year - 100)
        child = rng.random() < 0.2
        first, last = f.first_name(), f.last_name()
        out.append({
            "lanekortsnummer": f"2{rng.randint(10**12, 10**13 - 1)}",
            "personnummer": pnr if rng.random() < 0.5 else born.strftime("%Y") + pnr[2:],
            "förnamn": first,
            "efternamn": last,
            "födelsedatum": born.strftime("%Y-%m-%d"),
            "gatuadress": f.street_address(),
            "postnummer": f.postcode(),
            "postort": f.city().upper() if rng.random() < 0.3 else f.city(),
            "e-post": _blank(rng, f.email(), 0.2, None),
            "mobilnr": _blank(rng, f.phone_number(), 0.15, None),
            "låntagarkategori": "Barn" if child else rng.choice(kat),
            "hembibliotek": rng.choice(filial),
            "antal_lån": rng.randint(0, 25),
            "skuld_kr": round(rng.choice([0, 0, 0, 10, 20, 45.5, 120]) * 1.0, 2),
            "senaste_besök": _when(rng, date(2024, 1, 1), 700).isoformat(timespec="seconds"),
            "spärrad": rng.random() < 0.05,
            "målsman": f"{f.first_name()} {last}" if child else None,
            "användarnamn": _blank(rng, f"{first[:3].lower()}{last[:3].lower()}{rng.randint(1, 99)}", 0.4, None),
            "pin_hash": f.sha256()[:40],
        })
    return pd.DataFrame(out)


def _ats(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _faker("en_US", 6)
    fg = _faker("en_GB", 7)
    recruiters = sorted({f.name() for _ in range(12)})
    managers = sorted({f.name() for _ in range(30)})
    jobs = ["Senior Data Engineer", "Account Executive", "Product Designer", "Warehouse Associate", "Staff SRE", "HR Business Partner", "Nurse (RN)"]
    notes = [
        "Strong system design round; weak on SQL window functions.",
        "Phone screen: salary expectations above band.\nRevisit in Q2.",
        "No-show for onsite.",
        "",
        "Culture add. Moves to final panel.",
        "Relocation required - check visa sponsorship policy.",
    ]
    out = []
    for i in range(rows):
        g = f if rng.random() < 0.75 else fg
        us = g is f
        name = g.name()
        out.append({
            "Candidate ID": f"C-{400000 + i * 3}",
            "Requisition #": f"REQ-{rng.randint(1000, 1999)}",
            "Job Title": rng.choice(jobs),
            "Candidate Name": name,
            "Email Address": g.email(),
            "Phone": _blank(rng, g.phone_number(), 0.1),
            "Current Location": f"{f.city()}, {f.state_abbr()}" if us else f"{fg.city()}, UK",
            "Postal/Zip": f.zipcode() if us else fg.postcode(),
            "GitHub": _blank(rng, g.user_name(), 0.6),
            "Source": rng.choice(["LinkedIn", "Referral", "Indeed", "Careers Site", "Agency"]),
            "Stage": rng.choice(["Applied", "Phone Screen", "Onsite", "Offer", "Hired", "Rejected"]),
            "Applied On": _when(rng, date(2025, 1, 1), 330).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Recruiter": rng.choice(recruiters),
            "Hiring Manager": rng.choice(managers),
            "Expected Salary (USD)": _blank(rng, float(rng.randrange(45000, 220000, 500)), 0.3, None),
            "Resume File": f"attachments/resumes/{i + 1:06d}_{rng.choice(['cv', 'resume'])}.{rng.choice(['pdf', 'docx'])}",
            "Referred By": f.name() if rng.random() < 0.15 else "",
            "Interview Notes": rng.choice(notes),
            "Rating (1-5)": _blank(rng, rng.randint(1, 5), 0.4, None),
            "Consent (GDPR)": rng.choice([True, False, None]),
            "Applicant IP": f.ipv4_public(),
            "Offer Letter Sent": rng.choice(["Yes", "No", ""]),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "alumni_relations": (_alumni, 1.0),
    "schedine_alloggiati": (_schedine, 0.6),
    "sprzedawcy_marketplace": (_sellers, 0.7),
    "socios_ginasio": (_gym, 0.65),
    "lantagare_bibliotek": (_library, 0.55),
    "ats_candidates": (_ats, 0.8),
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table; row counts scale with rows (at least 1,000 each at the default 2,000)."""
    return {t: fn(max(1, int(rows * share))) for t, (fn, share) in _BUILDERS.items()}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for t, df in tables.items():
        p = out_dir / FILES[t]
        if t == "alumni_relations":
            df.to_csv(p, index=False, encoding="utf-8")
        elif t == "sprzedawcy_marketplace":
            df.to_csv(p, index=False, sep=";", encoding="cp1250")
        elif t == "ats_candidates":
            df.to_csv(p, index=False, sep="\t", encoding="utf-8-sig")
        elif t == "schedine_alloggiati":
            with pd.ExcelWriter(p, engine="openpyxl") as xw:
                df.to_excel(xw, index=False, sheet_name="Schedine")
                xw.book.properties.created = datetime(2025, 12, 31, 8, 0, 0)
                xw.book.properties.modified = datetime(2025, 12, 31, 8, 0, 0)
        elif t == "socios_ginasio":
            df.to_parquet(p, index=False)
        else:
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        paths[t] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout30.py OUT_DIR [ROWS]")
    for name, path in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000).items():
        print(name, path)
