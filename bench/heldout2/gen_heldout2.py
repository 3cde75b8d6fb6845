"""Second blind held-out set for the PII scanner: four seeded tables of kinds not in the other sets.

Written without reading the detection rules, the first held-out set or bench/gen_tables.py; the
labels in ``labels.yaml`` were written by hand from what each column holds and committed before the
scanner was run on these tables. Tables (``rows`` = 2,000 by default):

- ``crm_eu.csv``: a customer master merged from Italian, Dutch and Portuguese branches, headers in
  the three languages (comma CSV, UTF-8), ``rows`` rows;
- ``appointments.parquet``: a clinic appointments export (patient, DOB, provider, MRN-like ids,
  notes with and without names), 3/4 x ``rows`` rows;
- ``web_analytics.jsonl``: page-view events (session ids, paths, referrers, user agents, IPv6 and
  some IPv4 addresses, geo city, screen sizes, a mostly empty login e-mail), ``rows`` rows;
- ``payroll.xlsx``: an HR/payroll sheet (names, IBANs of several countries, salaries, cost centres,
  hire dates, manager e-mail, multi-line home address), 3/5 x ``rows`` rows.

    python bench/heldout2/gen_heldout2.py OUT_DIR [--rows 2000]
"""

from __future__ import annotations

import argparse
import ipaddress
import random
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker
from faker.providers.address.it_IT import Provider as ItAddress

__all__ = ["labels", "write_all", "TABLES"]

HERE = Path(__file__).resolve().parent
TABLES = {
    "crm_eu": "crm_eu.csv",
    "appointments": "appointments.parquet",
    "web_analytics": "web_analytics.jsonl",
    "payroll": "payroll.xlsx",
}
SEED = 20261129


def labels() -> dict[str, dict[str, str | None]]:
    """table name -> {column: entity or None}, from the hand-written labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text())
    return {name: t["columns"] for name, t in doc["tables"].items()}


def _fakers(locales: list[str], seed: int) -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(locales):
        f = Faker(loc)
        f.seed_instance(seed + i)
        out[loc] = f
    return out


_IT_CITIES = sorted(ItAddress.cities)


def _city(f: Faker) -> str:
    """f.city(), but seed-stable: Faker's it_IT city list is built from a set (order varies per run)."""
    return f.random_element(_IT_CITIES) if f.locales == ["it_IT"] else f.city()


def _codice_fiscale_or_blank(f: Faker, loc: str) -> str:
    return f.ssn() if loc == "it_IT" else ""


def _nif(rng: random.Random) -> str:
    """A Portuguese NIF of a person (starts with 1 or 2) with its mod-11 check digit."""
    d = [rng.choice((1, 2))] + [rng.randrange(10) for _ in range(7)]
    s = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True))
    c = 11 - s % 11
    return "".join(map(str, d)) + str(0 if c >= 10 else c)


def _mobile(rng: random.Random, loc: str) -> str:
    if loc == "pt_PT":
        n = f"9{rng.choice('1236')}{rng.randrange(10**7):07d}"
        return rng.choice([f"+351 {n[:3]} {n[3:6]} {n[6:]}", n, f"00351{n}"])
    if loc == "it_IT":
        n = f"3{rng.randrange(20, 99)}{rng.randrange(10**7):07d}"
        return rng.choice([f"+39 {n[:3]} {n[3:]}", f"{n[:3]}-{n[3:]}", n])
    n = f"{rng.randrange(10**8):08d}"
    return rng.choice([f"06-{n}", f"+31 6 {n}", f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"])


def crm_eu(rows: int, seed: int = SEED) -> pd.DataFrame:
    """Customer master of Italian, Dutch and Portuguese branches (headers in the three languages)."""
    rng = random.Random(seed)
    fk = _fakers(["it_IT", "nl_NL", "pt_PT"], seed)
    recs = []
    for i in range(rows):
        loc = rng.choice(list(fk))
        f = fk[loc]
        city = _city(f)
        pc = f.postcode()
        dob = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 65))
        recs.append({
            "id_cliente": 100000 + i * 7 + rng.randrange(7),
            "nome": f.first_name(),
            "cognome": f.last_name(),
            "codice_fiscale": _codice_fiscale_or_blank(f, loc),
            "nif": _nif(rng) if loc == "pt_PT" else "",
            "geboortedatum": dob.strftime("%d-%m-%Y"),
            "telefono": f.phone_number() if rng.random() > 0.1 else "",
            "telemovel": _mobile(rng, loc),
            "morada": f"{f.street_address()}, {pc} {city}",
            "woonplaats": city,
            "cap": pc,
            "posta_elettronica": f.email(),
            "paese": {"it_IT": "IT", "nl_NL": "NL", "pt_PT": "PT"}[loc],
            "lingua": loc.replace("_", "-"),
            "data_registrazione": (datetime(2019, 1, 1) + timedelta(seconds=rng.randrange(0, 7 * 365 * 86400)))
            .isoformat(sep=" "),
            "punti_fedelta": rng.randrange(0, 25000),
            "consenso_marketing": rng.choice(["si", "no", "ja", "nee", "sim", "não"]),
            "saldo_eur": f"{rng.uniform(-500, 9000):.2f}".replace(".", ","),
        })
    return pd.DataFrame(recs)


_CLINICS = ["Harbor View Family Practice", "Eastside Cardiology Center", "North Ridge Pediatrics",
            "Lakeshore Orthopedic Group", "Central Dermatology Associates", "Pine Hill Women's Health",
            "Valley Sleep Lab", "Riverside Urgent Care"]
_SPECIALTIES = ["Family Medicine", "Cardiology", "Pediatrics", "Orthopedics", "Dermatology",
                "Obstetrics", "Sleep Medicine", "Urgent Care"]
_REASONS = ["Annual physical", "Follow-up: hypertension", "Knee pain", "Rash on forearm",
            "Prenatal visit, week 20", "Sleep study intake", "Flu-like symptoms", "Medication review",
            "Post-op check", "Vaccination", "Lab results review", "Chest pain, non-acute"]
_PLAIN_NOTES = ["Patient reports improvement since last visit. Continue current dosage.",
                "BP 132/85. Recheck in 3 months.", "No-show, second in 6 months; policy letter sent.",
                "Labs ordered: CBC, lipid panel, HbA1c.", "Referred to physical therapy, 6 sessions.",
                "Allergic to penicillin; noted in chart.", "Prescription renewed for 90 days.",
                "Patient requested morning appointments only.", ""]


def appointments(rows: int, seed: int = SEED + 1) -> pd.DataFrame:
    """A clinic's appointments export: patient identity, times, provider, free-text notes."""
    rng = random.Random(seed)
    fk = _fakers(["en_US", "en_GB", "es_MX"], seed)
    us = fk["en_US"]
    recs = []
    start0 = datetime(2026, 1, 5, 8, 0)
    for _ in range(rows):
        f = fk[rng.choice(["en_US", "en_US", "en_GB", "es_MX"])]
        k = rng.randrange(len(_CLINICS))
        if rng.random() < 0.35:
            other = f"{f.first_name()} {f.last_name()}"
            note = rng.choice([
                f"Accompanied by daughter {other}, who will drive patient home.",
                f"Referred by Dr. {other} for second opinion.",
                f"Spoke with spouse {other} about discharge plan.",
                f"Emergency contact updated to {other}.",
                f"Interpreter {other} present for the visit.",
            ])
        else:
            note = rng.choice(_PLAIN_NOTES)
        start = start0 + timedelta(minutes=15 * rng.randrange(0, 4 * 10 * 300))
        recs.append({
            "appointment_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "mrn": rng.randrange(1_000_000, 9_999_999),
            "patient_name": f"{f.first_name()} {f.last_name()}",
            "patient_dob": date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 95)),
            "sex": rng.choice("MFX"),
            "appointment_start": start,
            "duration_min": rng.choice([15, 20, 30, 45, 60]),
            "clinic": _CLINICS[k],
            "specialty": _SPECIALTIES[k],
            "provider": f"Dr. {us.first_name()} {us.last_name()}",
            "visit_reason": rng.choice(_REASONS),
            "notes": note,
            "callback_phone": us.phone_number() if rng.random() > 0.1 else None,
            "insurance_member_id": f"{''.join(rng.choices('ABCDEFGHJKLMNPRSTUVWXYZ', k=3))}{rng.randrange(10**9):09d}",
            "copay_usd": rng.choice([0.0, 10.0, 20.0, 25.0, 35.0, 50.0]),
            "room": f"{rng.choice('ABC')}-{rng.randrange(100, 400)}",
            "status": rng.choice(["scheduled", "completed", "completed", "cancelled", "no-show"]),
        })
    df = pd.DataFrame(recs)
    df["appointment_start"] = pd.to_datetime(df["appointment_start"])
    return df


_SCREENS = ["1920x1080", "1366x768", "1536x864", "390x844", "414x896", "2560x1440", "1280x720", "360x800"]
_PAGES = ["/", "/pricing", "/blog", "/docs/getting-started", "/cart", "/checkout", "/account/settings",
          "/search", "/products", "/about", "/contact"]
_REFERRERS = ["https://www.google.com/", "https://duckduckgo.com/", "https://www.bing.com/",
              "https://t.co/", "https://news.ycombinator.com/", "https://www.reddit.com/r/webdev/", "", ""]


def web_analytics(rows: int, seed: int = SEED + 2) -> pd.DataFrame:
    """Page-view events as a web analytics tool exports them."""
    rng = random.Random(seed)
    fk = _fakers(["en_US", "de_DE", "fr_FR", "it_IT", "en_GB", "es_ES"], seed)
    en = fk["en_US"]
    sessions = [en.hexify("^" * 32) for _ in range(max(1, rows // 4))]
    t0 = datetime(2026, 11, 1)
    recs = []
    for _ in range(rows):
        loc = rng.choice(list(fk))
        f = fk[loc]
        if rng.random() < 0.85:
            ip = ipaddress.IPv6Address(en.ipv6())
            ip_s = str(ip) if rng.random() < 0.5 else ip.exploded
        else:
            ip_s = en.ipv4_public()
        path = rng.choice(_PAGES)
        if path == "/search":
            path += f"?q={rng.choice(['pricing', 'api+limits', 'export', 'sso'])}"
        elif path == "/products":
            path += f"/{en.slug()}"
        recs.append({
            "session_id": rng.choice(sessions),
            "visitor_id": f"GA1.2.{rng.randrange(10**9, 10**10)}.{rng.randrange(1_700_000_000, 1_770_000_000)}",
            "event_ts": (t0 + timedelta(seconds=rng.randrange(0, 30 * 86400), milliseconds=rng.randrange(1000)))
            .isoformat(timespec="milliseconds") + "Z",
            "event": rng.choice(["page_view", "page_view", "click", "scroll", "form_submit"]),
            "page_path": path,
            "referrer": rng.choice(_REFERRERS),
            "user_agent": en.user_agent(),
            "client_ip": ip_s,
            "country": {"en_US": "US", "de_DE": "DE", "fr_FR": "FR", "it_IT": "IT", "en_GB": "GB",
                        "es_ES": "ES"}[loc],
            "geo_city": _city(f),
            "screen": rng.choice(_SCREENS),
            "viewport_width": rng.choice([360, 390, 414, 768, 1024, 1280, 1440, 1920]),
            "lang": rng.choice(["en-US", "de-DE", "fr-FR", "it-IT", "en-GB", "es-ES"]),
            "time_on_page_ms": rng.randrange(200, 600_000),
            "utm_source": rng.choice(["newsletter", "google", "linkedin", "", ""]),
            "utm_campaign": rng.choice(["spring_sale", "black_friday_26", "webinar-q4", "", ""]),
            "user_email": f.email() if rng.random() < 0.25 else None,
        })
    return pd.DataFrame(recs)


def payroll(rows: int, seed: int = SEED + 3) -> pd.DataFrame:
    """An HR/payroll sheet of a company with staff in several European countries."""
    rng = random.Random(seed)
    locs = ["de_DE", "fr_FR", "nl_NL", "es_ES", "en_GB", "it_IT", "pl_PL", "nl_BE"]
    fk = _fakers(locs, seed)
    managers = [fk["en_GB"].company_email() for _ in range(max(1, rows // 15))]
    recs = []
    for i in range(rows):
        loc = rng.choice(locs)
        f = fk[loc]
        iban = f.iban()
        if rng.random() < 0.5:
            iban = " ".join(iban[j:j + 4] for j in range(0, len(iban), 4))
        recs.append({
            "Employee No": f"EMP-{i + 1:05d}",
            "Employee": f"{f.first_name()} {f.last_name()}",
            "Department": rng.choice(["Finance", "Engineering", "Sales", "Operations", "People", "Legal"]),
            "Job Title": f.job(),
            "Cost Centre": f"CC-{rng.randrange(1000, 9999)}",
            "Hire Date": date(2005, 1, 1) + timedelta(days=rng.randrange(0, 365 * 21)),
            "Gross Monthly Salary": round(rng.uniform(2200, 14000), 2),
            "Currency": "GBP" if loc == "en_GB" else ("PLN" if loc == "pl_PL" else "EUR"),
            "IBAN": iban,
            "BIC": f.swift(),
            "Manager Email": rng.choice(managers),
            "Home Address": f.address(),
            "Pay Grade": f"G{rng.randrange(3, 12)}",
            "FTE": rng.choice([1.0, 1.0, 0.8, 0.6, 0.5]),
            "Bonus %": rng.choice([0, 5, 7.5, 10, 15]),
            "Emergency Phone": f.phone_number(),
        })
    return pd.DataFrame(recs)


def write_all(out: Path, rows: int = 2000) -> dict[str, Path]:
    """Write the four tables into ``out``; table name -> path."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / fn for name, fn in TABLES.items()}
    crm_eu(rows).to_csv(paths["crm_eu"], index=False, encoding="utf-8")
    appointments(max(1, rows * 3 // 4)).to_parquet(paths["appointments"], index=False)
    web_analytics(rows).to_json(paths["web_analytics"], orient="records", lines=True, force_ascii=False)
    payroll(max(1, rows * 3 // 5)).to_excel(paths["payroll"], index=False, sheet_name="Payroll Nov 2026")
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=2000)
    a = ap.parse_args()
    for name, p in write_all(a.out, a.rows).items():
        print(name, p)
