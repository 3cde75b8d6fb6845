"""Blind held-out tables for the PII scanner accuracy benchmark (set heldout22).

Eight exports from systems of seven domains, written without looking at the
scanner or at any other benchmark set; the labels in ``labels.yaml`` were written
by hand before any scanner run.

Run ``python bench/heldout22/gen_heldout22.py OUT_DIR [ROWS]`` to write the files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import tempfile
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 22220
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "trial_participants",
    "kyc_onboarding",
    "facturen",
    "rezerwacje_sali",
    "patienter",
    "leads_imobiliaria",
    "git_commits",
    "jira_issues",
)

# file name, share of `rows` the table gets (1,000-2,000 rows at the default 2,000)
_FILES: dict[str, tuple[str, float]] = {
    "trial_participants": ("trial_participants_export.tsv", 0.9),
    "kyc_onboarding": ("KYC_onboarding_2024.xlsx", 0.75),
    "facturen": ("facturen_2023-2024.csv", 0.6),
    "rezerwacje_sali": ("rezerwacje_sali.jsonl", 0.7),
    "patienter": ("patienter_tandvard.parquet", 0.8),
    "leads_imobiliaria": ("leads_imobiliaria.csv", 0.65),
    "git_commits": ("git_commits.parquet", 1.0),
    "jira_issues": ("jira_issues_export.csv", 0.55),
}


def labels() -> dict[str, dict[str, str | None]]:
    """The hand-written labels: {table: {column: entity or None}}."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------- helpers
def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value, p: float, blanks=("",)):
    """Return value, or (with probability p) one of the blank spellings."""
    if rng.random() < p:
        return rng.choice(blanks)
    return value


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _dob(rng: random.Random, today: dt.date, min_age: int, max_age: int) -> dt.date:
    return _date(rng, today - dt.timedelta(days=365 * max_age), today - dt.timedelta(days=365 * min_age + 1))


def _n(rows: int, table: str) -> int:
    return max(1, int(round(rows * _FILES[table][1])))


def _ascii(s: str) -> str:
    repl = str.maketrans("àáâãäåçèéêëìíîïñòóôõöøùúûüýÿąćęłńóśźżÅÄÖåäöæøÆØ", "aaaaaaceeeeiiiinoooooouuuuyyacelnoszzAAOaaoaoAO")
    return "".join(ch for ch in s.translate(repl).lower() if ch.isalnum() or ch in "._-")


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


def _personnummer(rng: random.Random, dob: dt.date) -> str:
    serial = f"{rng.randrange(1000):03d}"
    body = dob.strftime("%y%m%d") + serial
    return f"{dob:%Y%m%d}-{serial}{_luhn_digit(body)}"


def _nif_pt(rng: random.Random) -> str:
    base = str(rng.choice([1, 2, 2, 3])) + "".join(str(rng.randrange(10)) for _ in range(7))
    total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
    check = 11 - total % 11
    return base + str(0 if check >= 10 else check)


# ------------------------------------------------------- (a) US clinical trial
def _trial(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_US", 1)
    today = dt.date(2024, 10, 1)
    pis = [f"Dr. {f.first_name()} {f.last_name()}" for _ in range(6)]
    coords = sorted({(f.first_name()[0] + f.last_name()).lower()[:8] + str(rng.randrange(1, 9)) for _ in range(9)})
    arms = ["Arm A (10 mg)", "Arm B (20 mg)", "Placebo", "Open-label ext."]
    ae = [
        "none reported", "mild headache day 3, resolved", "nausea after dose 2; no action taken",
        "Grade 1 fatigue", "injection site erythema, self-limiting", "", "dizziness reported at V2\nfollow-up call scheduled",
        "elevated ALT at week 4 - repeat labs ordered", "no AEs", "insomnia, mild; continued study drug",
    ]
    out = []
    for i in range(rows):
        dob = _dob(rng, today, 18, 80)
        fmt = rng.choice(["%m/%d/%Y", "%m/%d/%Y", "%Y-%m-%d", "%-m/%-d/%y"])
        phone = f.phone_number() if rng.random() < 0.7 else f"{rng.randrange(201, 990)}-{rng.randrange(200, 999)}-{rng.randrange(10000):04d}"
        zip5 = f.zipcode()
        consent = _date(rng, dt.date(2022, 3, 1), dt.date(2024, 9, 1))
        weight = round(rng.uniform(48, 140), 1)
        height = rng.uniform(1.5, 1.95)
        out.append({
            "Subject ID": f"PX-204-{rng.randrange(10, 40):02d}-{i + 1:04d}",
            "Site No.": rng.choice([101, 102, 105, 110, 118, 121]),
            "Screening #": f"S{rng.randrange(100000, 999999)}",
            "Participant Name (Last, First)": f"{f.last_name()}, {f.first_name()}",
            "DOB": dob.strftime(fmt),
            "Sex": rng.choice(["M", "F", "F", "M", "U"]),
            "Age (yrs)": (consent - dob).days // 365,
            "SSN": _blank(rng, f.ssn(), 0.45, ("", "", "declined", "N/A")),
            "Home Address": f.street_address(),
            "City": f.city(),
            "State": f.state_abbr(),
            "ZIP": float(int(zip5)) if rng.random() < 0.5 else zip5,  # read back as float, leading zeros lost
            "Primary Phone": phone,
            "Alt. Phone": _blank(rng, f.phone_number(), 0.7),
            "E-mail": _blank(rng, f.email(), 0.12, ("", "none", "n/a")),
            "Emergency Contact": _blank(rng, f.name(), 0.2),
            "Emerg. Contact Ph": _blank(rng, f.phone_number(), 0.22),
            "Consent Date": consent.strftime("%m/%d/%Y"),
            "Randomization Arm": rng.choice(arms),
            "Visit 1 Date": (consent + dt.timedelta(days=rng.randrange(7, 30))).isoformat(),
            "Weight (kg)": weight,
            "BMI": round(weight / height**2, 1),
            "AE Notes": rng.choice(ae),
            "Principal Investigator": rng.choice(pis),
            "Entered By": rng.choice(coords),
            "Stipend Paid ($)": rng.choice([0, 50, 75, 150, 225, 300]),
            "Withdrawn (Y/N)": rng.choice(["N"] * 9 + ["Y"]),
        })
    return pd.DataFrame(out)


# ------------------------------------------------------- (b) Italian bank KYC
def _kyc(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("it_IT", 2)
    today = dt.date(2024, 11, 15)
    ops = sorted({f"{f.first_name()[0]}.{f.last_name()}".lower().replace(" ", "").replace("'", "") for _ in range(12)})
    jobs = ["Impiegato", "Libero professionista", "Pensionato", "Studente", "Commerciante", "Medico", "Artigiano", "Casalinga", "Insegnante"]
    notes = [
        "Documento verificato in filiale", "Verifica a distanza via video-selfie", "", "Richiesta documentazione integrativa",
        "Origine fondi: stipendio", "Origine fondi: vendita immobile\nallegato rogito", "Adeguata verifica semplificata",
        "KO verifica sanzioni - falso positivo chiuso", "nessuna nota",
    ]
    out = []
    for i in range(rows):
        dob = _dob(rng, today, 18, 88)
        doc_type = rng.choice(["Carta d'identità", "Carta d'identità", "Passaporto"])
        if doc_type == "Passaporto":
            doc_no = f.bothify("??#######").upper()
        elif rng.random() < 0.6:
            doc_no = f.bothify("CA#####??").upper()
        else:
            doc_no = f.bothify("??#######").upper()
        opened = _date(rng, dt.date(2023, 1, 2), today)
        iban = f.iban()
        if rng.random() < 0.4:
            iban = " ".join(iban[k:k + 4] for k in range(0, len(iban), 4))
        out.append({
            "ID Pratica": f"KYC{opened:%Y}{i + 1:06d}",
            "Data apertura": opened,
            "Cod. Filiale": f"{rng.randrange(1, 400):05d}",
            "Cognome": f.last_name(),
            "Nome": f.first_name(),
            "Data di nascita": dob.strftime("%d/%m/%Y"),
            "Luogo di nascita": f.city() if rng.random() < 0.9 else f"{f.city()} ({f.state_abbr()})",
            "Codice Fiscale": f.ssn(),
            "Tipo documento": doc_type,
            "N. documento": doc_no,
            "Scadenza doc.": _date(rng, today, today + dt.timedelta(days=3650)),
            "Indirizzo di residenza": f.street_address(),
            "CAP": f.postcode(),
            "Comune": f.city(),
            "Prov.": f.state_abbr(),
            "Nazionalità": rng.choice(["IT"] * 8 + ["CH", "RO", "AL"]),
            "Cellulare": f.phone_number(),
            "Email": _blank(rng, f.free_email(), 0.08),
            "IBAN": iban,
            "Professione": rng.choice(jobs),
            "Reddito annuo (€)": rng.choice([None, 18000, 24500, 31000, 42000, 58000, 95000]),
            "PEP": rng.choice(["No"] * 19 + ["Sì"]),
            "Livello rischio AML": rng.choice(["Basso", "Basso", "Medio", "Alto"]),
            "Operatore": rng.choice(ops),
            "Note verifica": rng.choice(notes),
            "Esito": rng.choice(["Approvata", "Approvata", "In attesa", "Respinta"]),
        })
    return pd.DataFrame(out)


# --------------------------------------------------- (c) Dutch freelancer invoices
def _facturen(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("nl_NL", 3)
    clients = []
    for _ in range(90):
        clients.append({
            "Klant": f"{f.company()} {rng.choice(['B.V.', 'B.V.', 'N.V.', 'V.O.F.', ''])}".strip(),
            "Contactpersoon": f.name(),
            "KvK": f"{rng.randrange(10000000, 99999999)}",
            "Adres": f.street_address(),
            "Postcode": f.postcode(),
            "Plaats": f.city(),
            "Tel": f.phone_number(),
            "Mob": f"06-{rng.randrange(10000000, 99999999)}",
            "IBAN": f.iban(),
        })
    for c in clients:
        local = _ascii(c["Contactpersoon"].split()[0])
        c["Email"] = f"{local}@{_ascii(c['Klant'].split()[0])}.nl"
    work = ["Ontwikkeling webapplicatie", "UX-onderzoek en wireframes", "Advies datamigratie", "Fotografie productlancering",
            "Vertaalwerk NL-EN, 12 pagina's", "Onderhoud WordPress-site (maart)", "Workshop agile werken\nincl. voorbereiding",
            "Copywriting nieuwsbrief", "Hosting en beheer Q2", "Reiskosten (km-vergoeding)"]
    out = []
    for i in range(rows):
        c = rng.choice(clients)
        d = _date(rng, dt.date(2023, 1, 2), dt.date(2024, 12, 20))
        hours = rng.choice([2, 4, 6.5, 8, 12, 16, 24, 32, 40])
        rate = rng.choice([65, 75, 85, 95, 110])
        excl = round(hours * rate, 2)
        vat = rng.choice([21, 21, 21, 9, 0])
        paid = rng.random() < 0.8
        out.append({
            "Factuurnummer": f"{d:%Y}-{i + 1:04d}",
            "Factuurdatum": d.strftime("%d-%m-%Y"),
            "Vervaldatum": (d + dt.timedelta(days=30)).strftime("%d-%m-%Y"),
            "Klantnaam": c["Klant"],
            "KvK-nummer": c["KvK"],
            "Contactpersoon": _blank(rng, c["Contactpersoon"], 0.1),
            "E-mailadres": c["Email"],
            "Telefoon": _blank(rng, c["Tel"], 0.25),
            "Mobiel": _blank(rng, c["Mob"], 0.6),
            "Factuuradres": c["Adres"],
            "Postcode": c["Postcode"],
            "Plaats": c["Plaats"],
            "Omschrijving": rng.choice(work),
            "Uren": hours,
            "Uurtarief": f"€ {rate},00",
            "Bedrag excl. btw": f"{excl:.2f}".replace(".", ","),
            "Btw %": vat,
            "Totaal incl. btw": f"{excl * (1 + vat / 100):.2f}".replace(".", ","),
            "IBAN debiteur": _blank(rng, c["IBAN"], 0.3),
            "Betaald": "ja" if paid else "nee",
            "Betaaldatum": (d + dt.timedelta(days=rng.randrange(1, 45))).strftime("%d-%m-%Y") if paid else "",
        })
    return pd.DataFrame(out)


# ------------------------------------------------ (d) Polish event-venue bookings
def _rezerwacje(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("pl_PL", 4)
    staff = [f"{f.first_name()} {f.last_name()}" for _ in range(7)]
    rooms = ["Sala Kryształowa", "Sala Bursztynowa", "Ogród Zimowy", "Sala Kominkowa", "Namiot"]
    kinds = ["wesele", "wesele", "wesele", "komunia", "chrzciny", "18-stka", "impreza firmowa", "stypa"]
    menus = ["Menu Srebrne", "Menu Złote", "Menu Platynowe", "Menu dziecięce", "bufet"]
    notes = ["", "", "tort własny", "DJ od 17:00, dekoracje we własnym zakresie", "dieta wegetariańska x6, bezglutenowa x2",
             "prośba o dodatkowy stół dla dzieci", "poprawiny w niedzielę\nsala do 22:00", "nocleg dla 10 osób", "brak uwag"]
    out = []
    for i in range(rows):
        kind = rng.choice(kinds)
        created = dt.datetime(2023, 1, 1) + dt.timedelta(seconds=rng.randrange(60 * 60 * 24 * 600))
        event = created.date() + dt.timedelta(days=rng.randrange(30, 540))
        sex = rng.choice(["F", "M"])
        client = f"{f.first_name_female() if sex == 'F' else f.first_name_male()} {f.last_name_female() if sex == 'F' else f.last_name_male()}"
        acct = f.iban()
        if rng.random() < 0.6:
            digits = acct[2:]
            acct = digits[:2] + " " + " ".join(digits[k:k + 4] for k in range(2, len(digits), 4))
        guests = rng.randrange(20, 220)
        total = guests * rng.choice([180, 220, 260, 310])
        out.append({
            "id_rezerwacji": 5000 + i,
            "data_utworzenia": created.isoformat(timespec="seconds"),
            "data_imprezy": event.isoformat(),
            "rodzaj_imprezy": kind,
            "sala": rng.choice(rooms),
            "liczba_gosci": guests,
            "klient_imie_nazwisko": client,
            "panna_mloda": f"{f.first_name_female()} {f.last_name_female()}" if kind == "wesele" else None,
            "pan_mlody": f"{f.first_name_male()} {f.last_name_male()}" if kind == "wesele" else None,
            "telefon": f.phone_number(),
            "telefon_2": f.phone_number() if rng.random() < 0.3 else None,
            "email": f.free_email(),
            "pesel": _blank(rng, f.pesel(), 0.35, (None,)),
            "adres": f.street_address(),
            "kod_pocztowy": f.postcode(),
            "miejscowosc": f.city(),
            "menu": rng.choice(menus),
            "zadatek_pln": rng.choice([1000, 2000, 3000, 5000]),
            "kwota_calkowita": float(total),
            "nr_konta_zwrot_zadatku": _blank(rng, acct, 0.5, (None,)),
            "opiekun_imprezy": rng.choice(staff),
            "zgoda_marketing": rng.random() < 0.4,
            "uwagi": rng.choice(notes),
            "status": rng.choice(["potwierdzona", "potwierdzona", "wstępna", "anulowana", "zrealizowana"]),
        })
    return pd.DataFrame(out)


# ---------------------------------------------------- (e) Swedish dental patients
def _mobil_se(rng: random.Random) -> str:
    pre = rng.choice(["70", "72", "73", "76", "79"])
    n = f"{rng.randrange(10000000):07d}"
    if rng.random() < 0.3:
        return f"+46 {pre} {n[:3]} {n[3:5]} {n[5:]}"
    return f"0{pre}-{n[:3]} {n[3:5]} {n[5:]}" if rng.random() < 0.7 else f"0{pre}{n}"


def _patienter(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("sv_SE", 5)
    today = dt.date(2024, 9, 30)
    dentists = [f"{f.first_name()} {f.last_name()}" for _ in range(5)] + [f"Tandhyg. {f.first_name()} {f.last_name()}" for _ in range(2)]
    users = sorted({(f.first_name()[:3] + f.last_name()[:3]).lower() + f"{rng.randrange(1, 20):02d}" for _ in range(8)})
    status = ["Frisk", "Kariesrisk låg", "Kariesrisk hög", "Parodontit lindrig", "Tandlös överkäke", "Implantat 36"]
    notes = ["Undersökning utan anmärkning.", "Fyllning 26 ocklusalt, komposit.", "Tandstensborttagning, instruerad i munhygien.",
             "Akutbesök: värk 46, rotbehandling påbörjad.\nÅterbesök om 2 v.", "", "Bettskena utlämnad.", "Röntgen bw x2, inga nya angrepp."]
    out = []
    for _ in range(rows):
        dob = _dob(rng, today, 3, 92)
        age = (today - dob).days // 365
        last = _date(rng, dt.date(2021, 1, 1), today)
        pc = f.postcode()
        out.append({
            "PatientID": 100000 + rng.randrange(900000),
            "Personnummer": _personnummer(rng, dob),
            "Förnamn": f.first_name(),
            "Efternamn": f.last_name(),
            "Födelsedatum": pd.Timestamp(dob),
            "Kön": rng.choice(["K", "M"]),
            "Gatuadress": f.street_address(),
            "Postnr": f"{pc[:3]} {pc[3:]}" if rng.random() < 0.7 else pc,
            "Ort": f.city(),
            "Mobilnr": _blank(rng, _mobil_se(rng), 0.1),
            "E-post": _blank(rng, f.free_email(), 0.35),
            "Vårdnadshavare": f"{f.first_name()} {f.last_name()}" if age < 18 else "",
            "Senaste besök": pd.Timestamp(last),
            "Nästa kallelse": pd.Timestamp(last + dt.timedelta(days=rng.choice([180, 365, 540, 730]))),
            "Behandlare": rng.choice(dentists),
            "Åtgärdskod": rng.choice(["101", "103", "301", "311", "341", "401", "501", "701"]),
            "Tandstatus": rng.choice(status),
            "Högkostnadsskydd": rng.random() < 0.15,
            "Patientavgift (kr)": float(rng.choice([0, 250, 560, 1120, 1890, 3400])),
            "Journalanteckning": rng.choice(notes),
            "Registrerad av": rng.choice(users),
        })
    return pd.DataFrame(out)


# ---------------------------------------------- (f) Portuguese real-estate leads
def _leads(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _faker("pt_PT", 6)
    agents = [f"{f.first_name()} {f.last_name()}" for _ in range(8)]
    types = ["T0", "T1", "T2", "T3", "T4", "Moradia V3", "Moradia V4", "Terreno", "Loja"]
    msgs = ["Gostaria de agendar uma visita.", "Ainda está disponível?", "Qual o valor do condomínio?", "",
            "Tenho interesse, aceitam permuta?", "Pretendo financiamento bancário de 90%.\nObrigado.", "Pode enviar mais fotos?",
            "Procuro algo com garagem e perto de escolas"]
    out = []
    for i in range(rows):
        price = rng.randrange(90, 900) * 1000
        mobile = f"9{rng.choice('1236')}{rng.randrange(1000000, 9999999)}"
        if rng.random() < 0.5:
            mobile = f"{mobile[:3]} {mobile[3:6]} {mobile[6:]}"
        if rng.random() < 0.2:
            mobile = "+351 " + mobile
        out.append({
            "ID Lead": f"L-{24000 + i}",
            "Data Entrada": f"{_date(rng, dt.date(2024, 1, 1), dt.date(2024, 12, 31)):%d/%m/%Y} {rng.randrange(8, 23):02d}:{rng.randrange(60):02d}",
            "Origem": rng.choice(["Idealista", "Imovirtual", "Casa Sapo", "Site", "Referência", "Montra"]),
            "Nome Completo": f.name(),
            "Telemóvel": mobile,
            "Telefone Fixo": _blank(rng, f"2{rng.randrange(10000000, 99999999)}", 0.75),
            "E-mail": _blank(rng, f.free_email(), 0.1),
            "NIF": _blank(rng, _nif_pt(rng), 0.55),
            "Data Nascimento": _blank(rng, _dob(rng, dt.date(2024, 12, 31), 22, 80).strftime("%d-%m-%Y"), 0.7),
            "Morada": _blank(rng, f.street_address(), 0.3),
            "Código Postal": _blank(rng, f.postcode(), 0.3),
            "Localidade": f.city(),
            "Distrito": f.distrito(),
            "Tipo Imóvel": rng.choice(types),
            "Ref. Imóvel": f"IMO-{rng.randrange(1000, 9999)}-{rng.choice('ABCD')}",
            "Preço Pedido (€)": price,
            "Orçamento Máx.": _blank(rng, price + rng.randrange(-30, 50) * 1000, 0.4, (None,)),
            "Financiamento": rng.choice(["Sim", "Não", "Sim", ""]),
            "Consultor": rng.choice(agents),
            "Mensagem": rng.choice(msgs),
            "Estado": rng.choice(["Novo", "Contactado", "Visita marcada", "Proposta", "Perdido", "Fechado"]),
        })
    return pd.DataFrame(out)


# ------------------------------------------------------- (g) developer platform
def _people(f: Faker, rng: random.Random, n: int) -> list[dict[str, str]]:
    people = []
    for _ in range(n):
        first, last = f.first_name(), f.last_name()
        login = rng.choice([f"{first[0]}{last}", f"{first}{last}", f"{first}-{last}", f"{first}{rng.randrange(1, 99)}",
                            f"{last}{first[0]}"]).lower().replace(" ", "").replace("'", "")
        people.append({
            "name": f"{first} {last}",
            "login": login,
            "email": rng.choice([f"{first}.{last}@acme-labs.io".lower(), f"{login}@users.noreply.github.com", f.free_email()]),
        })
    return people


def _git(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    f = _faker("en_US", 7)
    people = _people(f, rng, 60)
    repos = ["acme/payments-api", "acme/web-frontend", "acme/infra-terraform", "acme/mobile-app", "acme/data-pipeline"]
    verbs = ["fix", "feat", "chore", "refactor", "docs", "test", "perf", "ci"]
    things = ["retry logic for webhook delivery", "null check in invoice parser", "bump lodash to 4.17.21", "pagination on /v2/orders",
              "flaky test in checkout spec", "migrate to terraform 1.6", "dark mode toggle", "cache warmup on deploy",
              "README install steps", "lint errors after upgrade"]
    out = []
    t0 = dt.datetime(2023, 6, 1, tzinfo=dt.UTC)
    for _ in range(rows):
        a = rng.choice(people)
        c = a if rng.random() < 0.75 else rng.choice(people)
        authored = t0 + dt.timedelta(seconds=rng.randrange(60 * 60 * 24 * 500))
        msg = f"{rng.choice(verbs)}: {rng.choice(things)}"
        if rng.random() < 0.3:
            msg += f"\n\nCloses #{rng.randrange(100, 4000)}"
        reviewer = rng.choice(people)["login"] if rng.random() < 0.6 else ""
        out.append({
            "sha": f.sha1(),
            "parent_sha": f.sha1(),
            "repository": rng.choice(repos),
            "branch": rng.choice(["main", "main", "develop", f"feature/{rng.choice(['PAY', 'WEB', 'OPS'])}-{rng.randrange(100, 999)}"]),
            "author_name": a["name"],
            "author_email": a["email"],
            "author_login": a["login"],
            "committer_name": c["name"],
            "committer_email": c["email"],
            "authored_at": authored.isoformat(),
            "committed_at_epoch": int(authored.timestamp()) + rng.randrange(0, 86400),
            "author_tz": rng.choice(["+0000", "+0100", "+0200", "-0500", "-0800", "+0530"]),
            "message": msg,
            "files_changed": rng.randrange(1, 40),
            "additions": rng.randrange(0, 1200),
            "deletions": rng.randrange(0, 600),
            "gpg_verified": rng.random() < 0.4,
            "pr_number": float(rng.randrange(10, 3000)) if rng.random() < 0.7 else None,
            "reviewed_by": reviewer,
            "pusher_ip": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
            "ci_status": rng.choice(["success", "success", "failure", "cancelled", "skipped"]),
        })
    return pd.DataFrame(out)


def _jira(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 8)
    f = _faker("en_GB", 8)
    people = _people(f, rng, 40)
    ids = {p["login"]: f"{rng.choice(['5b', '5c', '60', '62'])}{f.hexify('^' * 22)}" for p in people}
    projects = [("PAY", "Payments"), ("WEB", "Web Platform"), ("OPS", "Operations"), ("SD", "Service Desk")]
    summaries = ["Checkout fails with 502 on large carts", "Add CSV export to reports page", "Upgrade Postgres to 15",
                 "Login page slow on mobile", "Refund webhook not retried", "Typo on pricing page", "Alert noise from disk monitor",
                 "Customer cannot reset password", "Support SEPA direct debit", "Investigate memory leak in worker"]
    descs = ["Steps to reproduce:\n1. Add 40 items\n2. Click pay\nExpected: order placed\nActual: 502",
             "As a finance user I want to export the report so that I can reconcile.", "", "See attached logs.",
             "h3. Acceptance criteria\n* export works\n* totals match", "Happens since release 4.2.1"]
    out = []
    for i in range(rows):
        key, pname = rng.choice(projects)
        assignee = rng.choice(people) if rng.random() < 0.8 else None
        reporter = rng.choice(people)
        created = dt.datetime(2023, 3, 1) + dt.timedelta(minutes=rng.randrange(60 * 24 * 600))
        resolved = created + dt.timedelta(hours=rng.randrange(1, 2000)) if rng.random() < 0.6 else None
        watchers = sorted({rng.choice(people)["login"] for _ in range(rng.randrange(0, 4))})
        sd = key == "SD"
        out.append({
            "Summary": rng.choice(summaries),
            "Issue key": f"{key}-{rng.randrange(1, 5000)}",
            "Issue id": 10000 + i * 3 + rng.randrange(3),
            "Issue Type": rng.choice(["Bug", "Story", "Task", "Sub-task", "Epic"]) if not sd else "Service Request",
            "Status": rng.choice(["To Do", "In Progress", "In Review", "Done", "Won't Do"]),
            "Project key": key,
            "Project name": pname,
            "Priority": rng.choice(["Highest", "High", "Medium", "Medium", "Low"]),
            "Resolution": "Done" if resolved else "",
            "Assignee": assignee["name"] if assignee else "",
            "Assignee Id": ids[assignee["login"]] if assignee else "",
            "Reporter": reporter["name"],
            "Reporter Id": ids[reporter["login"]],
            "Creator": reporter["name"] if rng.random() < 0.85 else rng.choice(people)["name"],
            "Created": created.strftime("%d/%b/%y %I:%M %p"),
            "Updated": (created + dt.timedelta(hours=rng.randrange(1, 3000))).strftime("%d/%b/%y %I:%M %p"),
            "Resolved": resolved.strftime("%d/%b/%y %I:%M %p") if resolved else "",
            "Fix Version/s": rng.choice(["", "4.2.0", "4.2.1", "4.3.0", "5.0.0-rc1"]),
            "Component/s": rng.choice(["api", "frontend", "billing", "infra", ""]),
            "Labels": rng.choice(["", "regression", "customer-reported tech-debt", "security"]),
            "Description": rng.choice(descs),
            "Watchers": ", ".join(watchers),
            "Custom field (Story Points)": rng.choice([None, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0]),
            "Custom field (Sprint)": rng.choice(["", f"PAY Sprint {rng.randrange(20, 60)}", f"WEB Sprint {rng.randrange(5, 40)}"]),
            "Custom field (Customer Email)": f.email() if sd else "",
            "Custom field (Customer Phone)": f.phone_number() if sd and rng.random() < 0.6 else "",
            "Σ Time Spent": rng.choice([None, 3600, 7200, 14400, 28800, 900]),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "trial_participants": _trial,
    "kyc_onboarding": _kyc,
    "facturen": _facturen,
    "rezerwacje_sali": _rezerwacje,
    "patienter": _patienter,
    "leads_imobiliaria": _leads,
    "git_commits": _git,
    "jira_issues": _jira,
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table in memory; each gets between half and all of `rows` rows."""
    return {t: _BUILDERS[t](_n(rows, t)) for t in TABLES}


# ------------------------------------------------------------------ writing
def _write(table: str, df: pd.DataFrame, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(fd)
    try:
        if table == "trial_participants":  # tab-separated, utf-8
            df.to_csv(tmp, sep="\t", index=False, encoding="utf-8")
        elif table == "kyc_onboarding":
            df.to_excel(tmp, index=False, sheet_name="Pratiche", engine="openpyxl")
        elif table == "facturen":  # Dutch Excel style: semicolon, BOM
            df.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig")
        elif table == "rezerwacje_sali":
            with open(tmp, "w", encoding="utf-8") as fh:
                for rec in df.to_dict(orient="records"):
                    clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                    fh.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")
        elif table in ("patienter", "git_commits"):
            df.to_parquet(tmp, index=False)
        elif table == "leads_imobiliaria":  # Windows-1252, semicolon
            df.to_csv(tmp, sep=";", index=False, encoding="cp1252")
        elif table == "jira_issues":
            df.to_csv(tmp, index=False, encoding="utf-8")
        else:
            raise ValueError(table)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created if needed); return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table, df in make_tables(rows).items():
        path = out_dir / _FILES[table][0]
        _write(table, df, path)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gen_heldout22.py OUT_DIR [ROWS]")
    for name, p in write_all(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) == 3 else 2000).items():
        print(f"{name}: {p}")
