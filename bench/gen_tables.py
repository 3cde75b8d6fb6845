"""Generate the labeled benchmark tables (seeded, deterministic) and their label files.

Values come from Faker (en_US, de_DE, fr_FR, es_ES); headers, formats and column kinds are varied by
hand: multilingual headers, ids, uuids, hashes, amounts, versions, timestamps, epoch seconds,
product names, free text, cards with and without spaces, IBANs, SSNs, IPs, birth vs event dates,
numeric-dtype phone and zip columns, and headerless columns. Each column's true entity is declared
next to its generator and written to ``bench/labels/generated_<table>.yaml``.

    python bench/gen_tables.py OUT_DIR [--rows N]
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

__all__ = ["TABLES", "generate", "write_all"]

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"

# Product vocabulary for non-personal "name-like" columns (hand-written, not a detection lexicon).
_ADJ = ["Wireless", "Ergonomic", "Compact", "Deluxe", "Smart", "Classic", "Portable", "Ultra", "Eco", "Pro"]
_NOUN = ["Mouse", "Keyboard", "Lamp", "Chair", "Kettle", "Backpack", "Speaker", "Router", "Blender", "Monitor"]
_REVIEW = [
    "Great quality, arrived on time and works as described.",
    "The battery lasts longer than expected and the setup was easy.",
    "Packaging was damaged but the product itself is fine.",
    "Too expensive for what it does, would not buy again.",
    "Works well with the app, although the manual is confusing.",
    "Colour differs slightly from the photos but overall good value.",
    "Stopped working after two weeks, support replaced it quickly.",
]
_PLANS = ["basic", "pro", "enterprise", "trial"]


def _today() -> date:
    return date(2026, 1, 1)


def _epoch(rng: random.Random) -> int:
    return rng.randint(1_600_000_000, 1_760_000_000)


def _ts(rng: random.Random) -> str:
    base = datetime(2023, 1, 1) + timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
    return base.isoformat(sep=" ", timespec="seconds")


def _event_date(rng: random.Random, fmt: str) -> str:
    return (date(2022, 1, 1) + timedelta(days=rng.randint(0, 1400))).strftime(fmt)


def _dob(fake: Faker, fmt: str) -> str:
    return fake.date_of_birth(minimum_age=18, maximum_age=90).strftime(fmt)


def _token(rng: random.Random) -> str:
    return "u_" + "".join(rng.choice("0123456789abcdef") for _ in range(16))


def _product(rng: random.Random) -> str:
    return f"{rng.choice(_ADJ)} {rng.choice(_NOUN)} {rng.choice(['', 'X', '2', 'Mini', 'Max'])}".strip()


def _note(fake: Faker, rng: random.Random) -> str:
    name = fake.name()
    forms = [
        f"Called {name} about invoice {rng.randint(1000, 9999)}; follow up next week.",
        f"{name} asked to change the delivery address, confirmed by email to {fake.email()}.",
        f"Refund approved for {name} after the parcel was lost in transit.",
        f"Spoke with {name} regarding the upgrade; reach back on {fake.phone_number()}.",
    ]
    return rng.choice(forms)


def _card_spaced(fake: Faker) -> str:
    n = fake.credit_card_number(card_type="visa16")
    return " ".join(n[i : i + 4] for i in range(0, len(n), 4))


# table name -> (locale, [(column, label entity or None, generator(fake, rng, i))])
TABLES: dict[str, tuple[str, list]] = {
    "crm_en": ("en_US", [
        ("customer_id", None, lambda f, r, i: i + 1),
        ("user_token", None, lambda f, r, i: _token(r)),
        ("full_name", "PERSON", lambda f, r, i: f.name()),
        ("email", "EMAIL_ADDRESS", lambda f, r, i: f.email()),
        ("phone", "PHONE_NUMBER", lambda f, r, i: f.phone_number()),
        ("street_address", "LOCATION", lambda f, r, i: f.street_address()),
        ("city", "LOCATION", lambda f, r, i: f.city()),
        ("zip", "POSTAL_CODE", lambda f, r, i: int(f.zipcode())),
        ("country", None, lambda f, r, i: r.choice(["United States", "Canada", "Mexico"])),
        ("date_of_birth", "DATE_OF_BIRTH", lambda f, r, i: _dob(f, "%Y-%m-%d")),
        ("signup_ts", None, lambda f, r, i: _ts(r)),
        ("last_login_epoch", None, lambda f, r, i: _epoch(r)),
        ("lifetime_value", None, lambda f, r, i: round(r.uniform(0, 5000), 2)),
        ("ssn", "US_SSN", lambda f, r, i: f.ssn()),
        ("plan", None, lambda f, r, i: r.choice(_PLANS)),
        ("support_notes", "PERSON", lambda f, r, i: _note(f, r)),
    ]),
    "kunden_de": ("de_DE", [
        ("Kundennummer", None, lambda f, r, i: 10_000_000 + i * 7),
        ("Vorname", "PERSON", lambda f, r, i: f.first_name()),
        ("Nachname", "PERSON", lambda f, r, i: f.last_name()),
        ("E-Mail-Adresse", "EMAIL_ADDRESS", lambda f, r, i: f.email()),
        ("Telefonnummer", "PHONE_NUMBER", lambda f, r, i: r.randint(3_000_000_000, 3_099_999_999)),
        ("Straße", "LOCATION", lambda f, r, i: f.street_address()),
        ("PLZ", "POSTAL_CODE", lambda f, r, i: f.postcode()),
        ("Ort", "LOCATION", lambda f, r, i: f.city()),
        ("Geburtsdatum", "DATE_OF_BIRTH", lambda f, r, i: _dob(f, "%d.%m.%Y")),
        ("IBAN", "IBAN_CODE", lambda f, r, i: f.iban()),
        ("Bestelldatum", None, lambda f, r, i: _event_date(r, "%d.%m.%Y")),
        ("Betrag", None, lambda f, r, i: f"{r.uniform(1, 999):.2f}".replace(".", ",")),
        ("Produkt", None, lambda f, r, i: _product(r)),
        ("Bundesland", None, lambda f, r, i: r.choice(["Bayern", "Berlin", "Hessen", "Sachsen"])),
        ("Prüfsumme", None, lambda f, r, i: hashlib.sha256(str(i).encode()).hexdigest()),
    ]),
    "clients_fr": ("fr_FR", [
        ("id_client", None, lambda f, r, i: str(uuid.UUID(int=r.getrandbits(128), version=4))),
        ("prénom", "PERSON", lambda f, r, i: f.first_name()),
        ("nom", "PERSON", lambda f, r, i: f.last_name()),
        ("courriel", "EMAIL_ADDRESS", lambda f, r, i: f.email()),
        ("téléphone", "PHONE_NUMBER", lambda f, r, i: f.phone_number()),
        ("adresse", "LOCATION", lambda f, r, i: f.street_address()),
        ("ville", "LOCATION", lambda f, r, i: f.city()),
        ("code_postal", "POSTAL_CODE", lambda f, r, i: f.postcode()),
        ("date_de_naissance", "DATE_OF_BIRTH", lambda f, r, i: _dob(f, "%d/%m/%Y")),
        ("carte_bancaire", "CREDIT_CARD", lambda f, r, i: _card_spaced(f)),
        ("montant", None, lambda f, r, i: round(r.uniform(5, 800), 2)),
        ("version_app", None, lambda f, r, i: f"{r.randint(1, 5)}.{r.randint(0, 20)}.{r.randint(0, 9)}"),
        ("commentaire", None, lambda f, r, i: r.choice(_REVIEW)),
        ("pays", None, lambda f, r, i: r.choice(["France", "Belgique", "Suisse"])),
    ]),
    "clientes_es": ("es_ES", [
        ("nombre_completo", "PERSON", lambda f, r, i: f.name()),
        ("correo", "EMAIL_ADDRESS", lambda f, r, i: f.email()),
        ("móvil", "PHONE_NUMBER", lambda f, r, i: f.phone_number()),
        ("dirección", "LOCATION", lambda f, r, i: f.street_address()),
        ("ciudad", "LOCATION", lambda f, r, i: f.city()),
        ("código_postal", "POSTAL_CODE", lambda f, r, i: f.postcode()),
        ("fecha_de_nacimiento", "DATE_OF_BIRTH", lambda f, r, i: _dob(f, "%d/%m/%Y")),
        ("num_tarjeta", "CREDIT_CARD", lambda f, r, i: f.credit_card_number()),
        ("ip_cliente", "IP_ADDRESS", lambda f, r, i: f.ipv4()),
        ("pedido_id", None, lambda f, r, i: r.randint(10**8, 10**9)),
        ("fecha_pedido", None, lambda f, r, i: _event_date(r, "%Y-%m-%d")),
        ("importe", None, lambda f, r, i: f"{r.uniform(1, 300):.2f} €"),
        ("producto", None, lambda f, r, i: _product(r)),
        ("hash_sesion", None, lambda f, r, i: hashlib.md5(str(r.random()).encode()).hexdigest()),
    ]),
    # Headers that say nothing: only the values decide.
    "headerless": ("en_US", [
        ("col_a", "DATE_OF_BIRTH", lambda f, r, i: _dob(f, "%Y-%m-%d")),
        ("col_b", "IP_ADDRESS", lambda f, r, i: f.ipv6()),
        ("col_c", "US_SSN", lambda f, r, i: f.ssn()),
        ("col_d", None, lambda f, r, i: _event_date(r, "%Y-%m-%d")),
        ("col_e", "CREDIT_CARD", lambda f, r, i: f.credit_card_number(card_type="mastercard")),
        ("col_f", None, lambda f, r, i: f"v{r.randint(0, 3)}.{r.randint(0, 30)}.{r.randint(0, 99)}"),
        ("col_g", "PERSON", lambda f, r, i: f.name()),
        ("col_h", "LOCATION", lambda f, r, i: f.street_address()),
        ("col_i", None, lambda f, r, i: _product(r)),
        ("col_j", "EMAIL_ADDRESS", lambda f, r, i: f.free_email()),
        ("col_k", "PHONE_NUMBER", lambda f, r, i: f.phone_number()),
        ("col_l", None, lambda f, r, i: _epoch(r)),
        ("col_m", None, lambda f, r, i: r.choice(_REVIEW)),
        ("col_n", None, lambda f, r, i: _token(r)),
        ("col_o", "IBAN_CODE", lambda f, r, i: f.iban()),
    ]),
}  # fmt: skip


def generate(table: str, rows: int = 2000, seed: int = 7) -> tuple[pd.DataFrame, dict[str, str | None]]:
    """One labeled table: (DataFrame, {column: entity or None})."""
    locale, spec = TABLES[table]
    fake = Faker(locale)
    Faker.seed(seed)
    fake.seed_instance(seed)
    rng = random.Random(seed)
    data = {col: [gen(fake, rng, i) for i in range(rows)] for col, _, gen in spec}
    df = pd.DataFrame(data)
    # sprinkle null-likes so they are exercised (never in every row)
    for col in df.columns[::3]:
        idx = rng.sample(range(rows), k=max(1, rows // 50))
        df[col] = df[col].astype(object)
        df.loc[idx, col] = rng.choice(["", "n/a", None, "-"])
    return df, {col: label for col, label, _ in spec}


def write_all(out: Path, rows: int = 2000, *, write_labels: bool = True) -> dict[str, Path]:
    """Write every table (CSV, except one Parquet and one JSONL) and, unless ``write_labels`` is false,
    its label file in ``bench/labels``; return paths."""
    out.mkdir(parents=True, exist_ok=True)
    LABELS.mkdir(exist_ok=True)
    paths: dict[str, Path] = {}
    for k, table in enumerate(TABLES):
        df, labels = generate(table, rows)
        if table == "kunden_de":
            path = out / f"{table}.csv"
            df.to_csv(path, index=False, sep=";", encoding="utf-8-sig")  # German Excel style
        elif table == "clientes_es":
            path = out / f"{table}.parquet"
            df.astype({c: "string" for c in df.columns if df[c].dtype == object}).to_parquet(path, index=False)
        elif table == "clients_fr":
            path = out / f"{table}.jsonl"
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            path = out / f"{table}.csv"
            df.to_csv(path, index=False)
        paths[table] = path
        doc = {"table": table, "file": path.name, "generator": "bench/gen_tables.py", "rows": rows,
               "columns": labels}  # fmt: skip
        if write_labels:
            (LABELS / f"generated_{table}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
        _ = k
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=2000)
    args = ap.parse_args()
    for name, p in write_all(args.out, args.rows).items():
        print(name, p)
