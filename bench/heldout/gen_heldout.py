"""Held-out benchmark tables for the PII scanner, written blind (before reading the detection rules).

Five seeded tables with a header vocabulary, value formats and file layouts that the in-sample
generator (bench/gen_tables.py) does not use, in the shapes a real estate has:

* ``crm_export_de``  German CRM export: CSV, ``;`` separated, Windows-1252 encoded, German headers
  (``Kundenname``, ``Adresse``, ``Mobil``, ``Geburtstag``, ...), a numeric-dtype phone column,
  10-digit order numbers, amounts with currency, ISO timestamps, German free-text notes.
* ``personnel_fr``   French HR table: Excel workbook, ``nom_complet``, ``adresse_electronique``,
  ``date_naissance``, ``numero_secu`` (French NIR), ``rib`` (spaced IBAN), salaries, hire dates,
  job titles, departments, "ville, pays" residence.
* ``ventas_es``      Spanish sales export: JSON Lines, ``nombre_cliente``, ``correo_electronico``,
  ``telefono_movil``, ``domicilio``, SKUs, company names, totals with ``EUR``, epoch milliseconds.
* ``raw_export``     Headers that say nothing (``col1``, ``field_7``, ``value``, ...): only values
  decide. Tab-separated. UK phones, Amex cards with dashes, UK postcodes, ISO timestamps with a
  ``Z``, semver, SKUs, pound amounts, company names, city names.
* ``mixed_quality``  English app table in Parquet with numeric dtypes (int64 phones and ZIP codes
  that lost their leading zero) and 10-30 % junk in personal columns (``unknown``, ``test``,
  ``N/A``, ``0``, ...), phone-shaped order ids, epoch millis, semver, usernames, IPs.

Values come from Faker (de_DE, fr_FR, es_ES, en_GB, en_US); sentences, products, SKUs, departments
and junk tokens are hand-written here. The labels are NOT generated: they are written by hand in
``bench/heldout/labels.yaml`` from what each column holds (see the comments there); this script
only checks that every generated column has a label.

    python bench/heldout/gen_heldout.py OUT_DIR [--rows N]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "LABELS_FILE", "generate", "labels", "write_all"]

HERE = Path(__file__).resolve().parent
LABELS_FILE = HERE / "labels.yaml"

# ---- hand-written vocabularies (not detection lexicons; only to make non-personal columns) ------
_GOODS = ["Thermosflasche", "Werkzeugkoffer", "Gartenschlauch", "Espressomaschine", "Stehlampe",
          "Fahrradhelm", "Bürostuhl", "Akku-Bohrer"]  # fmt: skip
_GOODS_ES = ["Cafetera italiana", "Silla plegable", "Mochila urbana", "Lámpara LED", "Auriculares BT",
             "Tostadora doble", "Botella térmica", "Patinete eléctrico"]  # fmt: skip
_GOODS_EN = ["Trail Running Shoe", "Cast Iron Skillet", "Noise Cancelling Headset", "Standing Desk Frame",
             "Merino Base Layer", "Solar Power Bank", "Ceramic Pour-Over Set", "Yoga Mat Pro"]  # fmt: skip
_DEPTS = ["Comptabilité", "Ressources humaines", "Logistique", "Informatique", "Ventes", "Juridique"]
_STATUS_DE = ["offen", "in Bearbeitung", "abgeschlossen", "storniert"]
_CHANNELS = ["web", "tienda", "teléfono", "marketplace"]
_TICKETS = [
    "Printer on floor 3 jams when printing duplex.",
    "VPN drops every 20 minutes on the guest network.",
    "Requested a second monitor for the design team.",
    "Nightly backup job exceeded its window by 40 minutes.",
    "Invoice template shows the wrong VAT rate for Q3.",
    "Dashboard loads slowly after the last release.",
    "Warehouse scanner firmware needs an update.",
]
_JUNK = ["unknown", "test", "N/A", "0", "none", "xxx", "?", "TBD", "see notes", "-", "null", "asdf"]


def _sku(r: random.Random) -> str:
    return f"{r.choice(['SKU', 'ART', 'PRD'])}-{r.randint(10000, 99999)}-{r.choice(['BLK', 'WHT', 'RED', 'XL', 'M'])}"


def _iso_z(r: random.Random) -> str:
    t = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(seconds=r.randint(0, 2 * 365 * 86400))
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso_offset(r: random.Random) -> str:
    t = datetime(2023, 6, 1) + timedelta(seconds=r.randint(0, 900 * 86400), microseconds=r.randint(0, 999) * 1000)
    return t.isoformat(timespec="milliseconds") + "+01:00"


def _epoch_ms(r: random.Random) -> int:
    return r.randint(1_650_000_000_000, 1_780_000_000_000)


def _semver(r: random.Random) -> str:
    v = f"{r.randint(0, 4)}.{r.randint(0, 40)}.{r.randint(0, 30)}"
    return v + r.choice(["", "", "", "-beta.1", "-rc.2", "+build.7"])


def _order_no(r: random.Random) -> int:
    return r.randint(1_000_000_000, 9_999_999_999)  # 10 digits: phone-shaped but an order number


def _dob(f: Faker, fmt: str, lo: int = 18, hi: int = 85) -> str:
    return f.date_of_birth(minimum_age=lo, maximum_age=hi).strftime(fmt)


def _one_line(address: str) -> str:
    return ", ".join(part.strip() for part in address.splitlines())


def _spaced_iban(f: Faker) -> str:
    s = f.iban()
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def _amex_dashed(f: Faker) -> str:
    n = f.credit_card_number(card_type="amex")  # 15 digits, 4-6-5
    return f"{n[:4]}-{n[4:10]}-{n[10:]}"


def _de_mobile_int(r: random.Random) -> int:
    # German mobile in E.164 without "+", stored as a number by a spreadsheet: 49 15x/16x/17x ...
    return int(f"49{r.choice(['151', '152', '157', '160', '170', '171', '176', '178'])}{r.randint(1_000_000, 99_999_999)}")


def _us_phone_int(r: random.Random) -> int:
    return int(f"{r.randint(201, 989)}{r.randint(200, 999)}{r.randint(0, 9999):04d}")


def _note_de(f: Faker, r: random.Random) -> str:
    forms = [
        f"Rückruf von {f.name()} erbeten, erreichbar unter {f.phone_number()}.",
        f"{f.name()} hat die Lieferadresse geändert, Bestätigung an {f.email()} geschickt.",
        f"Reklamation: Frau {f.last_name()} meldet einen Transportschaden.",
        f"Herr {f.last_name()} wünscht keine Werbung mehr per Post.",
    ]
    return r.choice(forms)


def _note_fr(f: Faker, r: random.Random) -> str:
    forms = [
        f"Entretien annuel avec {f.name()} reporté à la semaine prochaine.",
        f"{f.first_name()} {f.last_name()} demande un passage à temps partiel.",
        f"Arrêt maladie transmis par {f.name()}, justificatif reçu.",
        f"Mutation interne validée pour {f.name()}.",
    ]
    return r.choice(forms)


def _junk(r: random.Random, value, share: float):
    return r.choice(_JUNK) if r.random() < share else value


# table -> (locale, file suffix, [(column, generator(fake, rng, i))]); labels live in labels.yaml
TABLES: dict[str, tuple[str, str, list]] = {
    "crm_export_de": ("de_DE", ".csv", [
        ("Kunden-ID", lambda f, r, i: f"K{100000 + i}"),
        ("Kundenname", lambda f, r, i: f.name()),
        ("Adresse", lambda f, r, i: _one_line(f.address())),
        ("Mobil", lambda f, r, i: _de_mobile_int(r)),
        ("Festnetz", lambda f, r, i: f.phone_number()),
        ("Mailadresse", lambda f, r, i: f.email()),
        ("Geburtstag", lambda f, r, i: _dob(f, "%d.%m.%Y")),
        ("Firma", lambda f, r, i: f.company()),
        ("Bestellnummer", lambda f, r, i: _order_no(r)),
        ("Umsatz", lambda f, r, i: f"{r.uniform(5, 9000):,.2f} EUR".replace(",", "X").replace(".", ",").replace("X", ".")),
        ("Letzte Änderung", lambda f, r, i: _iso_offset(r)),
        ("Artikel", lambda f, r, i: r.choice(_GOODS)),
        ("Status", lambda f, r, i: r.choice(_STATUS_DE)),
        ("Land", lambda f, r, i: r.choice(["Deutschland", "Österreich", "Schweiz"])),
        ("Notiz", lambda f, r, i: _note_de(f, r)),
    ]),
    "personnel_fr": ("fr_FR", ".xlsx", [
        ("matricule", lambda f, r, i: f"E{r.randint(10000, 99999)}"),
        ("nom_complet", lambda f, r, i: f.name()),
        ("adresse_electronique", lambda f, r, i: f.email()),
        ("tel_portable", lambda f, r, i: f.phone_number()),
        ("date_naissance", lambda f, r, i: _dob(f, "%Y-%m-%d", 18, 67)),
        ("numero_secu", lambda f, r, i: f.ssn()),
        ("rib", lambda f, r, i: _spaced_iban(f)),
        ("domicile", lambda f, r, i: f"{f.city()}, France"),
        ("cp", lambda f, r, i: f.postcode()),
        ("date_embauche", lambda f, r, i: (date(2005, 1, 1) + timedelta(days=r.randint(0, 7000))).strftime("%d/%m/%Y")),
        ("salaire_brut", lambda f, r, i: f"{r.randint(1900, 7800)} €"),
        ("poste", lambda f, r, i: f.job()),
        ("service", lambda f, r, i: r.choice(_DEPTS)),
        ("observations", lambda f, r, i: _note_fr(f, r)),
    ]),
    "ventas_es": ("es_ES", ".jsonl", [
        ("id_venta", lambda f, r, i: str(uuid.UUID(int=r.getrandbits(128), version=4))),
        ("nombre_cliente", lambda f, r, i: f.name()),
        ("correo_electronico", lambda f, r, i: f.email()),
        ("telefono_movil", lambda f, r, i: f.phone_number()),
        ("domicilio", lambda f, r, i: f.street_address()),
        ("localidad", lambda f, r, i: f.city()),
        ("cod_postal", lambda f, r, i: f.postcode()),
        ("empresa", lambda f, r, i: f.company()),
        ("articulo", lambda f, r, i: r.choice(_GOODS_ES)),
        ("sku", lambda f, r, i: _sku(r)),
        ("total", lambda f, r, i: f"{r.uniform(3, 1500):.2f} EUR"),
        ("canal", lambda f, r, i: r.choice(_CHANNELS)),
        ("creado_ms", lambda f, r, i: _epoch_ms(r)),
        ("fecha_nac", lambda f, r, i: _dob(f, "%d-%m-%Y")),
    ]),
    "raw_export": ("en_GB", ".tsv", [
        ("col1", lambda f, r, i: f.email()),
        ("col2", lambda f, r, i: f.phone_number()),
        ("field_7", lambda f, r, i: _amex_dashed(f)),
        ("value", lambda f, r, i: f.name()),
        ("attr", lambda f, r, i: _iso_z(r)),
        ("c6", lambda f, r, i: _epoch_ms(r)),
        ("c7", lambda f, r, i: _semver(r)),
        ("c8", lambda f, r, i: _sku(r)),
        ("c9", lambda f, r, i: f"£{r.uniform(1, 2500):,.2f}"),
        ("c10", lambda f, r, i: f.company()),
        ("c11", lambda f, r, i: f.postcode()),
        ("c12", lambda f, r, i: f.ipv4_public()),
        ("c13", lambda f, r, i: _order_no(r)),
        ("c14", lambda f, r, i: r.choice(_TICKETS)),
        ("c15", lambda f, r, i: f.city()),
        ("data", lambda f, r, i: hashlib.sha1(f"{i}".encode()).hexdigest()[:12]),
    ]),
    "mixed_quality": ("en_US", ".parquet", [
        ("account_no", lambda f, r, i: 5_000_000 + i),
        ("customer", lambda f, r, i: _junk(r, f.name(), 0.15)),
        ("email_addr", lambda f, r, i: _junk(r, f.email(), 0.25)),
        ("contact_phone", lambda f, r, i: _us_phone_int(r)),
        ("postal", lambda f, r, i: int(f.zipcode())),
        ("card", lambda f, r, i: _junk(r, f.credit_card_number(card_type="visa16"), 0.2)),
        ("login", lambda f, r, i: f.user_name()),
        ("last_ip", lambda f, r, i: _junk(r, f.ipv4_public(), 0.1)),
        ("dob", lambda f, r, i: _junk(r, _dob(f, "%m/%d/%Y"), 0.3)),
        ("order_ref", lambda f, r, i: _order_no(r)),
        ("created_ms", lambda f, r, i: _epoch_ms(r)),
        ("client_version", lambda f, r, i: _semver(r)),
        ("amount_usd", lambda f, r, i: f"${r.uniform(1, 4000):,.2f}"),
        ("employer", lambda f, r, i: f.company()),
        ("product", lambda f, r, i: r.choice(_GOODS_EN)),
        ("ticket_text", lambda f, r, i: r.choice(_TICKETS)),
        ("region", lambda f, r, i: f.state()),
    ]),
}  # fmt: skip

# columns that are stored with a numeric dtype (the rest are strings)
_NUMERIC = {"Mobil", "Bestellnummer", "c6", "c13", "account_no", "contact_phone", "postal", "order_ref",
            "created_ms", "creado_ms"}  # fmt: skip


def labels() -> dict[str, dict[str, str | None]]:
    """The hand-written labels: table -> {column: entity or None}."""
    doc = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
    return {t: spec["columns"] for t, spec in doc["tables"].items()}


def generate(table: str, rows: int = 2000, seed: int = 11) -> pd.DataFrame:
    """One held-out table as a DataFrame (seeded, deterministic)."""
    locale, _, spec = TABLES[table]
    fake = Faker(locale)
    fake.seed_instance(seed)
    rng = random.Random(seed)
    df = pd.DataFrame({col: [gen(fake, rng, i) for i in range(rows)] for col, gen in spec})
    # a few missing cells in some string columns (never in every row)
    for col in [c for c in df.columns if c not in _NUMERIC][1::4]:
        idx = rng.sample(range(rows), k=max(1, rows // 40))
        df.loc[idx, col] = rng.choice(["", None, "n/a"])
    return df


def write_all(out: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every held-out table in its own format; return {table: path}. Checks the labels cover it."""
    out.mkdir(parents=True, exist_ok=True)
    lab = labels()
    paths: dict[str, Path] = {}
    for table, (_, suffix, _) in TABLES.items():
        df = generate(table, rows)
        missing = set(df.columns) ^ set(lab.get(table, {}))
        if missing:
            raise SystemExit(f"labels.yaml and generator disagree on {table}: {sorted(missing)}")
        path = out / f"{table}{suffix}"
        if suffix == ".csv":
            df.to_csv(path, index=False, sep=";", encoding="cp1252")
        elif suffix == ".tsv":
            df.to_csv(path, index=False, sep="\t")
        elif suffix == ".xlsx":
            df.to_excel(path, index=False)
        elif suffix == ".jsonl":
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            strings = {c: "string" for c in df.columns if c not in _NUMERIC}
            df.astype(strings).to_parquet(path, index=False)
        paths[table] = path
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=2000)
    args = ap.parse_args()
    for name, p in write_all(args.out, args.rows).items():
        print(name, p)
