"""Blind held-out tables for the PII scanner (group heldout59), written before any scanner run.

Six seeded exports in the style of real systems: an Australian superannuation fund, a German
pharmacy loyalty card, an Italian school register, a Danish municipal citizen-service case list,
a Portuguese parish residents register and an English e-commerce returns export.
Labels live in labels.yaml next to this file.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 59590
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "super_members",
    "apotheke_kundenkarte",
    "scuola_alunni",
    "borgerservice_sager",
    "freguesia_residentes",
    "ecommerce_returns",
)

FILES: dict[str, str] = {
    "super_members": "super_members.csv",
    "apotheke_kundenkarte": "apotheke_kundenkarte.csv",
    "scuola_alunni": "scuola_alunni.xlsx",
    "borgerservice_sager": "borgerservice_sager.parquet",
    "freguesia_residentes": "freguesia_residentes.jsonl",
    "ecommerce_returns": "ecommerce_returns.tsv",
}

ROW_COUNTS: dict[str, int] = {
    "super_members": 1500,
    "apotheke_kundenkarte": 1200,
    "scuola_alunni": 1000,
    "borgerservice_sager": 1300,
    "freguesia_residentes": 1100,
    "ecommerce_returns": 2000,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    doc = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(doc[t]["columns"]) for t in TABLES}


def _faker(locale: str, salt: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + salt)
    return f


def _blank(rng: random.Random, value: object, p: float, fillers: tuple = ("",)) -> object:
    """Replace value by a null-like filler with probability p."""
    if rng.random() < p:
        return rng.choice(fillers)
    return value


def _dob(rng: random.Random, lo: int = 18, hi: int = 85, ref: date = date(2024, 6, 30)) -> date:
    return ref - timedelta(days=rng.randint(lo * 365, hi * 365))


def _event(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _tfn(rng: random.Random) -> str:
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10)
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.randint(1, 9)
        for last in range(10):
            digits = d + [last]
            if sum(a * b for a, b in zip(digits, weights, strict=True)) % 11 == 0:
                s = "".join(map(str, digits))
                return f"{s[:3]} {s[3:6]} {s[6:]}" if rng.random() < 0.7 else s


def _nif_pt(rng: random.Random) -> str:
    d = [rng.choice((1, 2, 2, 2, 3))] + [rng.randint(0, 9) for _ in range(7)]
    s = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True)) % 11
    check = 0 if s < 2 else 11 - s
    return "".join(map(str, d + [check]))


def _cc_pt(rng: random.Random) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return (f"{rng.randint(10000000, 39999999)} {rng.randint(0, 9)} "
            f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(0, 9)}")


def _cpr(rng: random.Random, born: date) -> str:
    return f"{born:%d%m%y}-{rng.randint(0, 9999):04d}"


def _kvnr(rng: random.Random) -> str:
    return rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") + f"{rng.randint(0, 999999999):09d}"


def _au_mobile(rng: random.Random) -> str:
    n = f"4{rng.randint(0, 99999999):08d}"
    style = rng.random()
    if style < 0.5:
        return f"0{n[:3]} {n[3:6]} {n[6:]}"
    if style < 0.8:
        return f"+61 {n[:3]} {n[3:6]} {n[6:]}"
    return f"0{n}"


def _login(f: Faker, rng: random.Random, first: str, last: str) -> str:
    base = f"{first[0]}{last}".lower().replace(" ", "").replace("'", "")
    choice = rng.random()
    if choice < 0.4:
        return f"{base}{rng.randint(1, 99)}"
    if choice < 0.7:
        return f"{first.lower()}.{last.lower()}".replace(" ", "")
    return f.user_name()


def _super(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _faker("en_AU", 1)
    options = ["Balanced", "High Growth", "Conservative", "Indexed Diversified", "Cash", "Sustainable Growth"]
    states = ["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"]
    out = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        state = rng.choice(states)
        pc = int(f.postcode())
        if state == "NT":
            pc = rng.randint(800, 899)  # NT postcodes start with 0; read back as integers
        out.append({
            "Member No": f"{rng.randint(10000000, 99999999)}",
            "Title": rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", ""]),
            "Given Name(s)": first if rng.random() > 0.2 else f"{first} {f.first_name()}",
            "Surname": last.upper() if rng.random() < 0.15 else last,
            "DOB": _dob(rng, 18, 74).strftime("%d/%m/%Y"),
            "TFN": _blank(rng, _tfn(rng), 0.12, ("", "Not Provided")),
            "Residential Address Line 1": f.street_address(),
            "Suburb": f.city(),
            "State": state,
            "Postcode": pc,
            "Mobile": _blank(rng, _au_mobile(rng), 0.08),
            "Email": _blank(rng, f.email(), 0.06),
            "Member Online Login": _blank(rng, _login(f, rng, first, last), 0.3),
            "Employer Name": f.company(),
            "Employer ABN": f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
                            f"{rng.randint(100, 999)}",
            "Join Date": _event(rng, date(1995, 1, 1), date(2024, 5, 1)).strftime("%d/%m/%Y"),
            "Account Balance ($)": round(rng.lognormvariate(11, 1.0), 2),
            "Investment Option": rng.choice(options),
            "Insurance Cover Death/TPD ($)": rng.choice([0, 50000, 100000, 150000, 250000, 500000]),
            "SG Contribution Rate %": rng.choice([11.0, 11.5, 12.0]),
            "Nominated Beneficiary": _blank(rng, f.name(), 0.7),
            "Rollover BSB / Acct No": _blank(
                rng, f"{rng.randint(10, 99):03d}-{rng.randint(0, 999):03d} {rng.randint(10000000, 999999999)}",
                0.75),
            "Last Login IP": _blank(rng, f.ipv4_public(), 0.35),
            "Preferred Contact": rng.choice(["Email", "SMS", "Post", "Email", ""]),
        })
    return pd.DataFrame(out)


def _apotheke(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _faker("de_DE", 2)
    kassen = ["AOK Bayern", "TK", "BARMER", "DAK-Gesundheit", "IKK classic", "KKH", "privat", "HEK"]
    filialen = ["Löwen-Apotheke Marktplatz", "Stern-Apotheke am Bahnhof", "Rathaus-Apotheke",
                "Einhorn-Apotheke Süd"]
    hinweise = ["", "", "", "Wechselwirkung Marcumar beachten", "Generika bevorzugt",
                "Blisterung wöchentlich", "Lieferung über Botendienst", "Allergie: Penicillin",
                "Dauermedikation Metformin 1000 mg", "Rezept wird gefaxt"]
    staff = [f"apo.{f.first_name()[0].lower()}{f.last_name().lower()}".replace(" ", "") for _ in range(9)]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        sepa = rng.random() < 0.35
        umsatz = round(rng.lognormvariate(4.5, 1.0), 2)
        out.append({
            "Kunden-Nr.": 100000 + i * 3 + rng.randint(0, 2),
            "Kartennummer": f"2{rng.randint(0, 10 ** 12 - 1):012d}",
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Divers", ""]),
            "Vorname": first,
            "Nachname": last,
            "Geb.-Datum": _dob(rng, 16, 95).strftime("%d.%m.%Y"),
            "Straße u. Hausnr.": f.street_address(),
            "PLZ": f.postcode(),
            "Ort": f.city(),
            "Tel. privat": _blank(rng, f.phone_number(), 0.2),
            "E-Mail": _blank(rng, f.free_email(), 0.3),
            "Krankenkasse": rng.choice(kassen),
            "Versichertennr.": _blank(rng, _kvnr(rng), 0.15),
            "Stammapotheke": rng.choice(filialen),
            "Bonuspunkte": rng.randint(0, 4000),
            "Umsatz lfd. Jahr (EUR)": f"{umsatz:,.2f}".replace(",", "X").replace(".", ",").replace("X", "."),
            "Letzter Einkauf": _event(rng, date(2023, 1, 1), date(2024, 6, 30)).strftime("%d.%m.%Y"),
            "Zuzahlungsbefreit": rng.choice(["ja", "nein", "nein", "nein"]),
            "Hinweis Medikation": rng.choice(hinweise),
            "Newsletter": rng.choice(["1", "0", "0"]),
            "Kontoinhaber (SEPA)": f"{first} {last}" if sepa and rng.random() < 0.8 else (f.name() if sepa else ""),
            "IBAN": f.iban() if sepa else "",
            "Angelegt von": rng.choice(staff),
        })
    return pd.DataFrame(out)


def _scuola(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _faker("it_IT", 3)
    indirizzi = ["Liceo Scientifico", "Liceo Classico", "Tecnico Informatico", "Liceo Linguistico",
                 "Tecnico Economico AFM"]
    note = ["", "", "", "", "Ritardo ripetuto all'ingresso", "Uso del cellulare durante la verifica",
            "Compiti non svolti", "Comportamento scorretto in laboratorio\nConvocazione famiglia",
            "Nessuna"]
    out = []
    for _i in range(rows):
        nome, cognome = f.first_name(), f.last_name()
        two_parents = rng.random() < 0.45
        out.append({
            "Matricola": f"{rng.randint(1, 9999):05d}",
            "Cognome alunno": cognome.upper(),
            "Nome alunno": nome.upper() if rng.random() < 0.5 else nome,
            "Codice Fiscale": f.ssn(),
            "Data di nascita": datetime.combine(_dob(rng, 13, 19), datetime.min.time()),
            "Luogo di nascita": f.city() if rng.random() > 0.05 else "ESTERO",
            "Classe": f"{rng.randint(1, 5)}{rng.choice('ABCDEF')}",
            "Indirizzo di studio": rng.choice(indirizzi),
            "Residenza (via e n. civico)": f.street_address(),
            "CAP": int(f.postcode()),
            "Comune residenza": f.city(),
            "Prov.": f.state_abbr(),
            "Genitore 1 (cognome e nome)": f"{cognome} {f.first_name()}".upper(),
            "Cell. genitore 1": f.phone_number(),
            "Email famiglia": _blank(rng, f.email(), 0.1),
            "Genitore 2 (cognome e nome)": f"{f.last_name()} {f.first_name()}" if two_parents else "",
            "Tel. genitore 2": f.phone_number() if two_parents and rng.random() < 0.8 else "",
            "Username registro elettronico": f"{nome[0]}{cognome}{rng.randint(1, 99)}".lower().replace(" ", ""),
            "Media voti": round(rng.uniform(4.5, 9.8), 2),
            "Assenze (ore)": rng.randint(0, 180),
            "Esonero IRC": rng.choice(["SI", "NO", "NO", "NO"]),
            "Note disciplinari": rng.choice(note),
            "Data iscrizione": datetime.combine(_event(rng, date(2019, 9, 1), date(2023, 9, 15)),
                                                datetime.min.time()),
        })
    return pd.DataFrame(out)


def _borger(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _faker("da_DK", 4)
    typer = ["Pas", "Kørekort", "Flytning", "Sundhedskort", "NemID/MitID", "Boligstøtte", "Folkepension",
             "Navne- og adressebeskyttelse", "Vielse"]
    status = ["Modtaget", "Under behandling", "Afventer borger", "Afsluttet", "Afsluttet"]
    kanal = ["Borger.dk", "Telefon", "Personligt fremmøde", "Digital Post"]
    behandlere = [f.name() for _ in range(14)]
    out = []
    for _i in range(rows):
        born = _dob(rng, 0, 95)
        created = datetime(2024, 1, 2, 8) + timedelta(minutes=rng.randint(0, 60 * 24 * 170))
        typ = rng.choice(typer)
        out.append({
            "Sagsnr.": f"24-{rng.randint(1, 99999):05d}",
            "Oprettet": created,
            "CPR-nr.": _cpr(rng, born),
            "Fulde navn": f.name(),
            "Adresse": f.street_address(),
            "Postnr.": int(f.postcode()),
            "By": f.city(),
            "Telefon": _blank(rng, f.phone_number(), 0.2, ("", None)),
            "E-mail": _blank(rng, f.email(), 0.35, ("", None)),
            "Fødselsdato": born,
            "Sagstype": typ,
            "Status": rng.choice(status),
            "Sagsbehandler": rng.choice(behandlere),
            "Kanal": rng.choice(kanal),
            "Ventetid (min)": float(rng.randint(0, 95)) if rng.random() > 0.1 else None,
            "Gebyr kr.": {"Pas": 652.0, "Kørekort": 280.0}.get(typ, 0.0),
            "NemKonto (reg.nr./kontonr.)": (f"{rng.randint(1000, 9999)} {rng.randint(0, 9999999999):010d}"
                                            if typ in ("Boligstøtte", "Folkepension") else None),
            "Pasnummer": f"{rng.randint(200000000, 209999999)}" if typ == "Pas" and rng.random() < 0.8 else None,
            "MitID bruger-ID": _blank(rng, f.user_name(), 0.5, (None,)),
        })
    return pd.DataFrame(out)


def _freguesia(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _faker("pt_PT", 5)
    distritos = ["Lisboa", "Porto", "Braga", "Setúbal", "Aveiro", "Faro", "Coimbra", "Leiria"]
    estados = ["Solteiro(a)", "Casado(a)", "Divorciado(a)", "Viúvo(a)", "União de facto"]
    profs = ["Professor(a)", "Enfermeiro(a)", "Reformado(a)", "Estudante", "Empregado(a) de escritório",
             "Engenheiro(a)", "Desempregado(a)", "Comerciante"]
    obs = [None, None, None, "Atestado para efeitos de IRS", "Pedido de 2.ª via",
           "Atestado de agregado familiar", "Confirmação de morada pelo PSP", "Isento de taxa"]
    out = []
    for i in range(rows):
        out.append({
            "id_registo": i + 1,
            "nome_completo": f.name(),
            "data_nascimento": _dob(rng, 0, 98).isoformat(),
            "naturalidade": f.city(),
            "nif": _nif_pt(rng),
            "n_cc": _blank(rng, _cc_pt(rng), 0.1, (None,)),
            "niss": _blank(rng, f"1{rng.randint(0, 9999999999):010d}", 0.3, (None,)),
            "morada": f.street_address(),
            "codigo_postal": f.postcode(),
            "localidade": f.city(),
            "distrito": rng.choice(distritos),
            "telemovel": _blank(rng, f"9{rng.choice('1236')}{rng.randint(0, 9999999):07d}", 0.15, (None, "")),
            "email": _blank(rng, f.free_email(), 0.4, (None,)),
            "estado_civil": rng.choice(estados),
            "profissao": rng.choice(profs),
            "recenseado_eleitor": rng.random() < 0.8,
            "atestado_emitido_em": _blank(
                rng, _event(rng, date(2022, 1, 1), date(2024, 6, 30)).strftime("%d/%m/%Y"), 0.3, (None,)),
            "taxa_paga_eur": rng.choice([0.0, 2.5, 5.0, 7.5]),
            "observacoes": rng.choice(obs),
        })
    return pd.DataFrame(out)


def _returns(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _faker("en_US", 6)
    g = _faker("en_GB", 7)
    products = ["Aurora Wireless Earbuds", "TrailMax 40L Backpack", "Nimbus Stainless Bottle 750ml",
                "Kestrel Running Shoe M10", "Lumen LED Desk Lamp", "Halcyon Cotton Duvet Cover King",
                "Vortex Blender Pro 1200W", "Pixel Kids Tablet Case"]
    reasons = ["Wrong size", "Damaged in transit", "Not as described", "Changed mind", "Arrived late",
               "Defective", "Received wrong item"]
    comments = ["", "", "", "Box was crushed on arrival", "Too small, need a size up",
                "Colour looks different from the photos", "Stopped charging after two days",
                "Ordered two by mistake", "Zipper broke on first use.\nPlease refund to original payment."]
    agents = [g.first_name() for _ in range(10)]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        ordered = datetime(2024, 1, 1) + timedelta(minutes=rng.randint(0, 60 * 24 * 150))
        qty = rng.choice([1, 1, 1, 2, 3])
        zip_ = f.postcode()
        card_full = f.credit_card_number()
        out.append({
            "RMA #": f"RMA-{240000 + i}",
            "Order ID": 1000000 + rng.randint(0, 8999999),
            "Order Date": ordered.strftime("%Y-%m-%d"),
            "Return Requested At": (ordered + timedelta(hours=rng.randint(24, 900))).strftime(
                "%Y-%m-%dT%H:%M:%SZ"),
            "SKU": f"{rng.choice(['AE', 'TM', 'NB', 'KS', 'LM'])}-{rng.randint(1000, 9999)}-"
                   f"{rng.choice(['S', 'M', 'L', 'XL', 'OS'])}",
            "Product Name": rng.choice(products),
            "Qty": qty,
            "Refund Amount (USD)": round(qty * rng.uniform(9.99, 249.0), 2),
            "Return Reason": rng.choice(reasons),
            "Item Condition": rng.choice(["New", "Opened", "Used", "Damaged"]),
            "Customer Name": f"{first} {last}",
            "Customer Email": f.email(),
            "Phone": _blank(rng, f.phone_number(), 0.25),
            "Ship From Address": f"{f.street_address()}\n{f.city()}, {f.state_abbr()} {zip_}",
            "Zip": float(int(zip_)) if rng.random() < 0.5 else zip_,
            "Card Used": f"**** {card_full[-4:]}",
            "Refund Card Number": card_full if rng.random() < 0.4 else "",
            "Account Username": _blank(rng, f.user_name(), 0.2, ("", "guest")),
            "Customer IP": f.ipv4_public() if rng.random() < 0.85 else f.ipv6(),
            "Carrier": rng.choice(["UPS", "USPS", "FedEx", "DHL"]),
            "Tracking No.": f"1Z{rng.randint(0, 16 ** 16 - 1):016X}",
            "Customer Comments": rng.choice(comments),
            "Restocked?": rng.choice(["TRUE", "FALSE"]),
            "Handled By": rng.choice(agents),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "super_members": _super,
    "apotheke_kundenkarte": _apotheke,
    "scuola_alunni": _scuola,
    "borgerservice_sager": _borger,
    "freguesia_residentes": _freguesia,
    "ecommerce_returns": _returns,
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table with `rows` rows (row counts above are the defaults used by __main__)."""
    return {t: _BUILDERS[t](rows) for t in TABLES}


def _write(table: str, df: pd.DataFrame, path: Path) -> None:
    if table == "super_members":
        df.to_csv(path, index=False, encoding="utf-8")
    elif table == "apotheke_kundenkarte":
        df.to_csv(path, index=False, sep=";", encoding="cp1252")
    elif table == "scuola_alunni":
        df.to_excel(path, index=False, sheet_name="Alunni", engine="openpyxl")
    elif table == "borgerservice_sager":
        df.to_parquet(path, index=False)
    elif table == "freguesia_residentes":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        df.to_csv(path, index=False, sep="\t", encoding="utf-8-sig")


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir (created) and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table, df in make_tables(rows).items():
        path = out_dir / FILES[table]
        _write(table, df, path)
        paths[table] = path
    return paths


def _write_default(out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table in TABLES:
        path = out_dir / FILES[table]
        _write(table, _BUILDERS[table](ROW_COUNTS[table]), path)
        paths[table] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout59.py OUT_DIR")
    for name, p in _write_default(Path(sys.argv[1])).items():
        print(name, p)
