"""Third blind held-out set for the scanner accuracy bench (group "heldout3").

Four seeded tables from domains and languages absent from the other groups, written without reading
the detection rules and labeled by hand (``labels.yaml``) before the scanner was ever run on them:

- ``se_shop_orders``   Swedish web-shop order export, CSV with ``;`` and latin-1 (sv_SE values)
- ``us_claims``        US insurance claims, Parquet (en_US values, free-text notes with and without PII)
- ``app_crashes``      mobile-app crash/telemetry export, JSON Lines
- ``de_immatrikulation`` German university enrolment sheet, Excel (de_DE values)

    python bench/heldout3/gen_heldout3.py OUT_DIR [--rows 2000]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

HERE = Path(__file__).resolve().parent
SEED = 20261129
TABLES = ("se_shop_orders", "us_claims", "app_crashes", "de_immatrikulation")


def labels() -> dict[str, dict[str, str | None]]:
    """Hand-written labels: table -> column -> entity (None when the column holds no personal data)."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {table: dict(doc[table]["columns"]) for table in TABLES}


def _faker(locale: str, seed: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(seed)
    return f


def _blank(rng: random.Random, value, share: float):
    """The value, or an empty/null-like marker with probability ``share``."""
    if rng.random() < share:
        return rng.choice(["", None, "-"])
    return value


def _luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _personnummer(rng: random.Random) -> str:
    """A Swedish personal identity number YYMMDD-SSSC with a Luhn check digit (born 1950-2006)."""
    born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 20800))
    body = f"{born:%y%m%d}{rng.randint(0, 999):03d}"
    return f"{body[:6]}-{body[6:]}{_luhn_digit(body)}"


def _birth_date(rng: random.Random, youngest: int, oldest: int) -> date:
    """A birth date for an age between ``youngest`` and ``oldest`` on 2026-09-01 (fixed, not today)."""
    ref = date(2026, 9, 1)
    return ref - timedelta(days=rng.randint(youngest * 365 + 1, oldest * 365 + 300))


def _se_shop_orders(n: int) -> pd.DataFrame:
    f = _faker("sv_SE", SEED + 1)
    rng = random.Random(SEED + 1)
    products = [
        ("Ullfilt Grå 130x170", 899.0),
        ("Kaffekopp Stengods 4-pack", 249.0),
        ("Regnjacka Dam Marin", 1299.0),
        ("Ryggsäck 28 L", 749.0),
        ("Doftljus Tall & Mossa", 179.0),
        ("Linnehandduk 2-pack", 329.0),
        ("Skärbräda Ek", 459.0),
        ("Termos 0,75 L", 299.0),
        ("Barnstövlar Gul", 399.0),
        ("Bordslampa Mässing", 1495.0),
    ]
    notes = [
        "Lämna paketet vid dörren",
        "Ring innan leverans",
        "Presentinslagning önskas",
        "Leverera efter kl 17",
        "Portkod finns i appen",
        "Paketet får ställas i förrådet",
        "Ingen reklam tack",
        "Snabb leverans önskas",
        "",
        "",
        "",
        "",
    ]
    payments = ["Swish", "Kort", "Klarna faktura", "Klarna delbetalning", "Presentkort"]
    start = datetime(2026, 1, 2, 8, 0, 0)
    rows = []
    for i in range(n):
        pay = rng.choice(payments)
        qty = rng.choice([1, 1, 1, 2, 2, 3, 4])
        prod, price = rng.choice(products)
        first, last = f.first_name(), f.last_name()
        pc = f.postcode()
        rows.append(
            {
                "Ordernummer": f"SE{260000 + i * 7 + rng.randint(0, 6):07d}",
                "Orderdatum": (start + timedelta(minutes=37 * i + rng.randint(0, 36))).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "Kundnamn": f"{first} {last}",
                "Leveransadress": f.street_address(),
                "Postnummer": f"{pc[:3]} {pc[3:]}",
                "Ort": f.city(),
                "Land": rng.choice(["Sverige"] * 9 + ["Norge", "Finland"]),
                "Telefon": f.phone_number(),
                "E-post": f.email(),
                "Personnummer": _personnummer(rng) if pay.startswith("Klarna") else "",
                "Artikelnummer": f"ART-{rng.randint(10000, 99999)}-{rng.choice('ABCDEFGH')}",
                "Produkt": prod,
                "Antal": qty,
                "Belopp (SEK)": f"{price * qty:.2f}".replace(".", ","),
                "Frakt (SEK)": rng.choice(["0,00", "49,00", "79,00", "129,00"]),
                "Betalsätt": pay,
                "Kort": f"**** **** **** {rng.randint(0, 9999):04d}" if pay == "Kort" else "",
                "Sändningsnummer": f"00370{rng.randint(10**12, 10**13 - 1)}",
                "Meddelande": rng.choice(notes),
            }
        )
    return pd.DataFrame(rows)


def _us_claims(n: int) -> pd.DataFrame:
    f = _faker("en_US", SEED + 2)
    rng = random.Random(SEED + 2)
    adjusters = sorted({(f.first_name(), f.last_name()) for _ in range(40)})
    causes = [
        "Rear-end collision",
        "Hail damage",
        "Water damage - burst pipe",
        "Theft of vehicle",
        "Kitchen fire",
        "Windshield crack",
        "Slip and fall on premises",
        "Wind damage to roof",
        "Vandalism",
        "Animal collision",
    ]
    statuses = ["OPEN", "UNDER_REVIEW", "APPROVED", "DENIED", "PAID", "CLOSED"]
    plain_notes = [
        "Photos received, estimate pending.",
        "Awaiting police report.",
        "Repair shop estimate within guidelines.",
        "Deductible applied per policy terms.",
        "Subrogation opportunity flagged.",
        "Total loss evaluation requested.",
        "Coverage confirmed, no exclusions apply.",
        "Reserve increased after supplemental estimate.",
        "Rental coverage authorized for 10 days.",
        "File transferred to special investigations unit.",
    ]
    rows = []
    for i in range(n):
        first, last = f.first_name(), f.last_name()
        adj_first, adj_last = adjusters[rng.randrange(len(adjusters))]
        incident = date(2025, 1, 1) + timedelta(days=rng.randint(0, 540))
        reported = datetime.combine(incident, datetime.min.time()) + timedelta(
            days=rng.randint(0, 20), seconds=rng.randint(0, 86399)
        )
        witness = f.name()
        statement = rng.choice(
            [
                f"Claimant {first} {last} states the other driver ran the light; witness {witness} confirms.",
                f"Spoke with {first} {last} by phone, damage limited to the rear bumper.",
                f"{first} {last} reports the pipe burst overnight while the family was away.",
                f"Insured {first} {last} was not home; neighbor {witness} called the fire department.",
                f"Left voicemail for {first} {last}; second attempt scheduled.",
                "Claimant declined to give a recorded statement.",
                "No statement on file.",
            ]
        )
        rows.append(
            {
                "claim_id": f"CLM-{2025000000 + i * 13 + rng.randint(0, 12)}",
                "policy_number": f"{rng.choice(['AU', 'HO', 'RN', 'UM'])}{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}",
                "claimant_first_name": first,
                "claimant_last_name": last,
                "claimant_ssn": _blank(rng, f.ssn(), 0.03),
                "claimant_dob": _birth_date(rng, 18, 88),
                "claimant_phone": _blank(rng, f.phone_number(), 0.05),
                "refund_card_number": f.credit_card_number() if rng.random() < 0.6 else None,
                "loss_zip": f.zipcode(),
                "loss_state": f.state_abbr(),
                "incident_date": incident,
                "reported_at": reported,
                "cause_of_loss": rng.choice(causes),
                "claim_amount": round(rng.lognormvariate(8.2, 1.1), 2),
                "deductible": rng.choice([250, 500, 1000, 2500]),
                "status": rng.choice(statuses),
                "adjuster_id": f"ADJ-{adjusters.index((adj_first, adj_last)) + 101:04d}",
                "adjuster_email": f"{adj_first.lower()}.{adj_last.lower()}@acmemutual-claims.com",
                "claimant_statement": statement,
                "adjuster_notes": rng.choice(plain_notes),
            }
        )
    df = pd.DataFrame(rows)
    df["claimant_dob"] = pd.to_datetime(df["claimant_dob"])
    df["incident_date"] = pd.to_datetime(df["incident_date"])
    return df


def _app_crashes(n: int) -> pd.DataFrame:
    f = _faker("en_US", SEED + 3)
    rng = random.Random(SEED + 3)
    devices = [
        ("Android", "14", "Pixel 8"),
        ("Android", "13", "SM-S918B"),
        ("Android", "12", "moto g(30)"),
        ("Android", "14", "CPH2581"),
        ("iOS", "17.4.1", "iPhone15,2"),
        ("iOS", "16.7.5", "iPhone12,1"),
        ("iOS", "17.5", "iPad13,4"),
        ("Android", "11", "Redmi Note 9 Pro"),
    ]
    exceptions = [
        (
            "java.lang.NullPointerException",
            "at com.tripnote.app.feed.FeedAdapter.onBindViewHolder(FeedAdapter.kt:{l})\n"
            "\tat androidx.recyclerview.widget.RecyclerView$Adapter.bindViewHolder(RecyclerView.java:7254)",
        ),
        (
            "java.lang.IllegalStateException",
            "Fragment SettingsFragment not attached to a context.\n"
            "\tat androidx.fragment.app.Fragment.requireContext(Fragment.java:{l})",
        ),
        (
            "kotlinx.coroutines.JobCancellationException",
            "Job was cancelled\n\tat kotlinx.coroutines.JobSupport.cancel(JobSupport.kt:{l})",
        ),
        (
            "EXC_BAD_ACCESS",
            "0 TripNote 0x0000000100a4c2f8 MapViewController.render() + {l}\n"
            "1 UIKitCore 0x00000001a2b3c4d0 -[UIView layoutSubviews] + 212",
        ),
        (
            "NSInvalidArgumentException",
            "-[__NSCFString objectForKey:]: unrecognized selector sent to instance\n"
            "0 CoreFoundation 0x0000000180d2a8c0 __exceptionPreprocess + {l}",
        ),
        (
            "java.net.SocketTimeoutException",
            "timeout\n\tat okhttp3.internal.http2.Http2Stream$StreamTimeout"
            ".newTimeoutException(Http2Stream.kt:{l})",
        ),
    ]
    versions = ["5.11.0", "5.11.2", "5.12.0", "5.12.3", "6.0.0-beta.2"]
    countries = ["SE", "DE", "US", "GB", "PL", "ES", "BR", "IN", "JP", "NL"]
    locales = ["sv_SE", "de_DE", "en_US", "en_GB", "pl_PL", "es_ES", "pt_BR", "hi_IN", "ja_JP", "nl_NL"]
    users = sorted({f.user_name() for _ in range(n // 3)})
    t0 = 1767225600000  # 2026-01-01T00:00:00Z in ms
    rows = []
    for i in range(n):
        os_name, os_ver, model = rng.choice(devices)
        exc, trace = rng.choice(exceptions)
        ci = rng.randrange(len(countries))
        ver = rng.choice(versions)
        rows.append(
            {
                "event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "install_id": hashlib.sha1(f"install-{rng.randint(0, n // 2)}".encode()).hexdigest()[:16],
                "ts_ms": t0 + i * 41_117 + rng.randint(0, 40_000),
                "os": os_name,
                "os_version": os_ver,
                "device_model": model,
                "app_version": ver,
                "build": 51100 + versions.index(ver) * 37 + rng.randint(0, 3),
                "client_ip": f.ipv4_public() if rng.random() < 0.8 else f.ipv6(),
                "country": countries[ci],
                "locale": locales[ci],
                "user_agent": f"TripNote/{ver} ({os_name} {os_ver}; {model}) okhttp/4.12.0"
                if os_name == "Android"
                else f"TripNote/{ver} CFNetwork/1494.0.7 Darwin/23.4.0 ({model})",
                "account_username": rng.choice(users) if rng.random() < 0.85 else None,
                "exception_type": exc,
                "stack_trace": trace.format(l=rng.randint(40, 900)),
                "crash_group": hashlib.md5(f"{exc}{model}".encode()).hexdigest(),
                "free_mem_mb": rng.randint(48, 3900),
                "battery_pct": rng.randint(1, 100),
                "session_s": round(rng.expovariate(1 / 240), 1),
                "foreground": rng.random() < 0.9,
            }
        )
    return pd.DataFrame(rows)


def _de_immatrikulation(n: int) -> pd.DataFrame:
    f = _faker("de_DE", SEED + 4)
    rng = random.Random(SEED + 4)
    programmes = [
        "B.Sc. Informatik",
        "B.A. Germanistik",
        "M.Sc. Physik",
        "B.Sc. Maschinenbau",
        "M.A. Geschichte",
        "B.Sc. Wirtschaftsinformatik",
        "Staatsexamen Medizin",
        "B.Eng. Elektrotechnik",
        "M.Ed. Lehramt",
    ]
    courses = ["INF-101", "GER-110", "PHY-301", "MB-120", "GES-410", "WI-230", "MED-100", "ET-150", "EDU-200"]
    remarks = [
        "BAföG beantragt",
        "Attest liegt vor",
        "Beurlaubt im Sommersemester",
        "Zweitstudium",
        "Auslandssemester geplant",
        "Nachweis Krankenversicherung fehlt",
        "",
        "",
        "",
        "",
    ]
    nationalities = ["deutsch"] * 8 + ["österreichisch", "italienisch", "polnisch", "türkisch"]
    rows = []
    for i in range(n):
        first, last = f.first_name(), f.last_name()
        dob = _birth_date(rng, 18, 32)
        p = rng.randrange(len(programmes))
        uni_mail = f"{first.lower()}.{last.lower()}@stud.uni-musterstadt.de"
        rows.append(
            {
                "Matrikelnummer": 3100000 + i * 11 + rng.randint(0, 10),
                "Vorname": first,
                "Nachname": last,
                "Geburtsdatum": dob.strftime("%d.%m.%Y"),
                "Geburtsort": f.city(),
                "Staatsangehörigkeit": rng.choice(nationalities),
                "Straße und Hausnummer": f.street_address(),
                "PLZ": f.postcode(),
                "Wohnort": f.city(),
                "Erziehungsberechtigte/r": f.name() if rng.random() < 0.7 else "",
                "Telefon Erziehungsberechtigte": f.phone_number() if rng.random() < 0.7 else "",
                "E-Mail": uni_mail.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})),
                "Benutzerkennung": f"{first[:1].lower()}{last[:2].lower()}{rng.randint(1000, 9999)}".translate(
                    str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})
                ),
                "IBAN Rückerstattung": f.iban() if rng.random() < 0.5 else "",
                "Studiengang": programmes[p],
                "Kurs": courses[p],
                "Fachsemester": rng.randint(1, 12),
                "Note": rng.choice(
                    ["1,0", "1,3", "1,7", "2,0", "2,3", "2,7", "3,0", "3,3", "3,7", "4,0", "5,0"]
                ),
                "Einschreibedatum": (date(2019, 10, 1) + timedelta(days=rng.randint(0, 2200))).strftime(
                    "%d.%m.%Y"
                ),
                "Bemerkung": rng.choice(remarks),
            }
        )
    return pd.DataFrame(rows)


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """The four frames; sizes scale with ``rows`` (2000 -> 2000/1500/2000/1200)."""
    return {
        "se_shop_orders": _se_shop_orders(rows),
        "us_claims": _us_claims(rows * 3 // 4),
        "app_crashes": _app_crashes(rows),
        "de_immatrikulation": _de_immatrikulation(rows * 3 // 5),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write the four tables into ``out_dir``; table -> file path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    paths = {
        "se_shop_orders": out_dir / "se_shop_orders.csv",
        "us_claims": out_dir / "us_claims.parquet",
        "app_crashes": out_dir / "app_crashes.jsonl",
        "de_immatrikulation": out_dir / "de_immatrikulation.xlsx",
    }
    frames["se_shop_orders"].to_csv(paths["se_shop_orders"], sep=";", index=False, encoding="latin-1")
    frames["us_claims"].to_parquet(paths["us_claims"], index=False)
    frames["app_crashes"].to_json(paths["app_crashes"], orient="records", lines=True, force_ascii=False)
    frames["de_immatrikulation"].to_excel(
        paths["de_immatrikulation"], index=False, sheet_name="Immatrikulation"
    )
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--rows", type=int, default=2000)
    a = ap.parse_args()
    for table, path in write_all(a.out_dir, a.rows).items():
        print(table, path)
