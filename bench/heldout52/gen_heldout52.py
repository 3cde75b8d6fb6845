"""Blind held-out tables for the PII scanner accuracy benchmark (set 52).

Six exports from systems of different countries and languages: a Québec clinic's patient list,
an Austrian insurer's customer list, an Italian real-estate agency's leads, a Czech health
insurer's members, a Norwegian housing co-op's residents and an English crowdfunding backers
export. Labels live in ``labels.yaml`` next to this file and were written by hand before any
scanner run. Everything is seeded and deterministic; no network.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "FILES", "labels", "make_tables", "write_all"]

SEED = 52520
HERE = Path(__file__).resolve().parent

FILES: dict[str, str] = {
    "qc_clinique_patients": "qc_clinique_patients.csv",
    "at_versicherung_kunden": "at_versicherung_kunden.xlsx",
    "it_immobiliare_leads": "it_immobiliare_leads.jsonl",
    "cz_pojistovna_pojistenci": "cz_pojistovna_pojistenci.csv",
    "no_borettslag_beboere": "no_borettslag_beboere.parquet",
    "crowdfunding_backers": "crowdfunding_backers.csv",
}
TABLES: tuple[str, ...] = tuple(FILES)

_ROWS = {
    "qc_clinique_patients": 1500,
    "at_versicherung_kunden": 1200,
    "it_immobiliare_leads": 1800,
    "cz_pojistovna_pojistenci": 1600,
    "no_borettslag_beboere": 1000,
    "crowdfunding_backers": 2000,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(spec["columns"]) for t, spec in data.items()}


def _fakers(*locales: str) -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(locales):
        f = Faker(loc)
        f.seed_instance(SEED + i)
        out[loc] = f
    return out


def _date(rng: random.Random, start: int, end: int) -> dt.date:
    """A date between 1 Jan of year start and 31 Dec of year end."""
    a = dt.date(start, 1, 1).toordinal()
    b = dt.date(end, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(a, b))


def _ts(rng: random.Random, start: int, end: int) -> dt.datetime:
    d = _date(rng, start, end)
    return dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))


def _blank(rng: random.Random, value, p: float, blanks=("",)):
    return rng.choice(blanks) if rng.random() < p else value


def _oneline(text: str) -> str:
    return text.replace("\n", ", ")


# ---------------------------------------------------------------- (a) Québec clinic
def _ramq(rng: random.Random, last: str, first: str, dob: dt.date, female: bool) -> str:
    letters = "".join(c for c in last.upper() if c.isalpha())[:3].ljust(3, "X") + (first[:1].upper() or "X")
    letters = letters.translate(str.maketrans("ÉÈÊËÀÂÎÏÔÛÙÇ", "EEEEAAIIOUUC"))
    mm = dob.month + (50 if female else 0)
    return f"{letters} {dob.year % 100:02d}{mm:02d} {dob.day:02d}{rng.randint(10, 99)}"


def _qc(rng: random.Random, n: int) -> pd.DataFrame:
    f = _fakers("fr_CA")["fr_CA"]
    motifs = ["Suivi diabète", "Renouvellement d'ordonnance", "Toux persistante", "Vaccin grippe",
              "Douleur lombaire", "Examen annuel", "Suivi tension artérielle", "Otite",
              "Consultation sans rendez-vous", "Résultats de laboratoire"]
    codes = ["J06.9", "E11.9", "I10", "M54.5", "Z00.0", "H66.9", "R05", "Z23"]
    villes = ["Montréal", "Québec", "Laval", "Gatineau", "Longueuil", "Sherbrooke", "Trois-Rivières",
              "Saguenay", "Lévis", "Terrebonne", "Rimouski", "Saint-Jérôme", "Granby", "Drummondville"]
    rows = []
    for i in range(n):
        female = rng.random() < 0.52
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name()
        dob = _date(rng, 1930, 2022)
        dob_s = dob.strftime("%Y-%m-%d") if rng.random() < 0.7 else dob.strftime("%d/%m/%Y")
        cp = f"{rng.choice('GHJ')}{rng.randint(0, 9)}{rng.choice('ABCEGHJKLMNPRSTVXY')} " \
             f"{rng.randint(0, 9)}{rng.choice('ABCEGHJKLMNPRSTVXY')}{rng.randint(0, 9)}"
        if rng.random() < 0.15:
            cp = cp.replace(" ", "")
        area = rng.choice(["514", "438", "450", "418", "819", "581"])
        tel = f"({area}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
        if rng.random() < 0.3:
            tel = f"{area}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
        cell = f"{rng.choice(['514', '438', '581', '873'])} {rng.randint(200, 999)} {rng.randint(0, 9999):04d}"
        doc = f"Dr{rng.choice(['', '.', 'e'])} {f.first_name()} {f.last_name()}"
        rows.append({
            "No dossier": f"D-{100000 + i * 7 + rng.randint(0, 6):07d}",
            "Nom": last,
            "Prénom": first,
            "Date de naissance": dob_s,
            "Sexe": "F" if female else rng.choice(["M", "M", "X"]),
            "NAM (RAMQ)": _blank(rng, _ramq(rng, last, first, dob, female), 0.05),
            "Exp. carte": f"{rng.randint(2024, 2031)}-{rng.randint(1, 12):02d}",
            "Adresse": _blank(rng, _oneline(f.street_address()), 0.03),
            "Ville": rng.choice(villes) if rng.random() < 0.8 else f.city(),
            "Province": rng.choice(["QC", "QC", "QC", "Québec", "ON"]),
            "Code postal": cp,
            "Tél. domicile": _blank(rng, tel, 0.2, ("", "n/d")),
            "Cellulaire": _blank(rng, cell, 0.55),
            "Courriel": _blank(rng, f.email(), 0.35),
            "Médecin traitant": _blank(rng, doc, 0.1, ("", "Aucun")),
            "Personne à contacter": _blank(rng, f"{f.first_name()} {f.last_name()}", 0.4),
            "Date dernière visite": _date(rng, 2019, 2024).strftime("%Y-%m-%d"),
            "Motif de consultation": rng.choice(motifs),
            "Code diag.": rng.choice(codes),
            "Solde ($)": round(rng.choice([0.0, 0.0, 0.0, 25.0, 40.5, 75.0, rng.uniform(0, 300)]), 2),
            "Consentement courriel": rng.choice(["Oui", "Non", "Oui", ""]),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (b) Austrian insurer
def _at(rng: random.Random, n: int) -> pd.DataFrame:
    f = _fakers("de_AT")["de_AT"]
    laender = ["Wien", "Niederösterreich", "Oberösterreich", "Steiermark", "Tirol", "Kärnten",
               "Salzburg", "Vorarlberg", "Burgenland"]
    sparten = ["KFZ", "Haushalt", "Eigenheim", "Leben", "Unfall", "Rechtsschutz"]
    gruende = ["", "", "", "Prämie zu hoch", "Fahrzeug verkauft", "Wechsel zu Mitbewerber",
               "Vertrag läuft aus", "Umzug ins Ausland"]
    betreuer = [f"{f.first_name()} {f.last_name()}" for _ in range(40)]
    rows = []
    for i in range(n):
        female = rng.random() < 0.5
        svnr = f.ssn()
        if rng.random() < 0.25:
            svnr = f"{svnr[:4]} {svnr[4:]}"
        tel = f.phone_number()
        rows.append({
            "KundenNr": 400000 + i * 3 + rng.randint(0, 2),
            "Anrede": "Frau" if female else "Herr",
            "Titel": rng.choice(["", "", "", "", "Dr.", "Mag.", "DI", "Ing.", "MSc"]),
            "Vorname": f.first_name_female() if female else f.first_name_male(),
            "Nachname": f.last_name(),
            "Geb.Datum": dt.datetime.combine(_date(rng, 1935, 2005), dt.time()),
            "SV-Nummer": _blank(rng, svnr, 0.08),
            "Straße/Hausnr.": f.street_address(),
            "PLZ": int(f.postcode()),
            "Ort": f.city(),
            "Bundesland": rng.choice(laender),
            "Tel.": _blank(rng, tel, 0.15),
            "E-Mail": _blank(rng, f.email(), 0.3),
            "IBAN": _blank(rng, f.iban() if rng.random() < 0.7 else " ".join(
                f.iban()[j:j + 4] for j in range(0, 20, 4)), 0.2),
            "Polizzennr.": f"{rng.choice(['KFZ', 'HH', 'LV', 'UV'])}-{rng.randint(2015, 2024)}-{rng.randint(0, 999999):06d}",
            "Sparte": rng.choice(sparten),
            "Prämie mtl. (EUR)": round(rng.uniform(8, 260), 2),
            "Vertragsbeginn": dt.datetime.combine(_date(rng, 2010, 2024), dt.time()),
            "Bonus-Malus-Stufe": rng.choice(["00", "01", "03", "05", "07", "09", "11"]),
            "Betreuer": rng.choice(betreuer),
            "Kündigungsgrund": rng.choice(gruende),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (c) Italian real-estate leads
def _it(rng: random.Random, n: int) -> pd.DataFrame:
    f = _fakers("it_IT")["it_IT"]
    canali = ["Immobiliare.it", "Idealista", "Casa.it", "Sito web", "Passaparola", "Cartello vetrina"]
    tipologie = ["Bilocale", "Trilocale", "Quadrilocale", "Villa", "Attico", "Monolocale", "Loft"]
    agenti = sorted({f"{f.first_name()[0].lower()}.{f.last_name().lower().replace(' ', '')}" for _ in range(25)})
    no_pii = ["Cerca zona tranquilla con giardino", "Interessato solo con box auto",
              "Mutuo già approvato", "Visita fissata, non si è presentato", "Valuta anche affitto"]
    rows = []
    for _ in range(n):
        cell = f"3{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if rng.random() < 0.3:
            cell = "+39 " + cell.replace(" ", "")
        if rng.random() < 0.75:
            alt = f"3{rng.randint(20, 99)}{rng.randint(1000000, 9999999)}"
            note = rng.choice([f"Richiamare al {alt} dopo le 18",
                               f"Numero alternativo moglie: {alt}",
                               f"Contattare su WhatsApp {alt}\nPreferisce il pomeriggio",
                               f"Tel. ufficio {alt}"])
        else:
            note = rng.choice(no_pii)
        cap = f.postcode()
        rows.append({
            "id_lead": str(f.uuid4()),
            "data_contatto": _ts(rng, 2022, 2024).strftime("%Y-%m-%dT%H:%M:%S"),
            "canale": rng.choice(canali),
            "nominativo": f"{f.last_name()} {f.first_name()}".upper() if rng.random() < 0.3
            else f"{f.first_name()} {f.last_name()}",
            "cellulare": cell,
            "email": _blank(rng, f.email(), 0.2),
            "codiceFiscale": _blank(rng, f.ssn(), 0.7),
            "indirizzo_residenza": _blank(rng, f.street_address(), 0.45),
            "comune_residenza": _blank(rng, f.city(), 0.3),
            "cap": int(cap) if rng.random() < 0.6 else cap,
            "agente_assegnato": rng.choice(agenti),
            "tipologia": rng.choice(tipologie),
            "budget_max_eur": rng.choice([None, rng.randint(8, 90) * 10000]),
            "mq_min": rng.choice([None, 40, 50, 60, 70, 80, 90, 100, 120]),
            "locali": rng.randint(1, 6),
            "rif_annuncio": f"{rng.choice(['MI', 'RM', 'TO', 'BO', 'NA'])}-{rng.randint(1000, 9999)}-{rng.choice('ABCD')}",
            "note": _blank(rng, note, 0.3),
            "privacy_marketing": rng.random() < 0.6,
            "ip_modulo": _blank(rng, f.ipv4_public(), 0.35, (None,)),
            "punteggio_lead": rng.randint(0, 100),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (d) Czech health insurer
def _cz_account(rng: random.Random) -> str:
    num = str(rng.randint(10 ** 5, 10 ** 10 - 1))
    bank = rng.choice(["0100", "0300", "0800", "2010", "0600", "5500", "3030", "0710"])
    if rng.random() < 0.3:
        return f"{rng.randint(19, 670100)}-{num}/{bank}"
    return f"{num}/{bank}"


def _cz(rng: random.Random, n: int) -> pd.DataFrame:
    f = _fakers("cs_CZ")["cs_CZ"]
    kraje = ["Hlavní město Praha", "Středočeský", "Jihomoravský", "Moravskoslezský", "Ústecký",
             "Plzeňský", "Olomoucký", "Zlínský", "Liberecký", "Vysočina"]
    firmy = [f.company() for _ in range(60)]
    lekari = [f"MUDr. {f.first_name()} {f.last_name()}" for _ in range(50)]
    rows = []
    for _ in range(n):
        female = rng.random() < 0.5
        rc = f.birth_number()
        if rng.random() < 0.5:
            rc = rc.replace("/", "")
        dob = _date(rng, 1940, 2023)
        psc = f.postcode()
        rows.append({
            "Číslo pojištěnce": rc,
            "Příjmení": f.last_name_female() if female else f.last_name_male(),
            "Jméno": f.first_name_female() if female else f.first_name_male(),
            "Titul": rng.choice(["", "", "", "", "Ing.", "Mgr.", "Bc.", "PhDr.", "MUDr."]),
            "Datum narození": f"{dob.day}.{dob.month}.{dob.year}",
            "Pohlaví": "Ž" if female else "M",
            "Ulice a č.p.": f.street_address(),
            "Obec": f.city(),
            "PSČ": psc if rng.random() < 0.6 else psc.replace(" ", ""),
            "Kraj": rng.choice(kraje),
            "Telefon": _blank(rng, f.phone_number(), 0.25),
            "E-mail": _blank(rng, f.email(), 0.4),
            "Číslo účtu": _blank(rng, _cz_account(rng), 0.5),
            "Zaměstnavatel": _blank(rng, rng.choice(firmy), 0.35),
            "IČO zaměstnavatele": _blank(rng, f"{rng.randint(10000000, 99999999)}", 0.35),
            "Kategorie": rng.choice(["Z", "S", "D", "P", "X"]),
            "Datum registrace": _date(rng, 1993, 2024).strftime("%d.%m.%Y"),
            "Registrující lékař": _blank(rng, rng.choice(lekari), 0.15),
            "Přeplatek (Kč)": rng.choice([0, 0, 0, rng.randint(50, 5000)]),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- (e) Norwegian housing co-op
def _no_account(rng: random.Random) -> str:
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [rng.randint(0, 9) for _ in range(10)]
        digits[0] = rng.choice([1, 3, 6, 9])
        r = 11 - sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        if r == 10:
            continue
        s = "".join(map(str, digits)) + str(0 if r == 11 else r)
        return f"{s[:4]}.{s[4:6]}.{s[6:]}" if rng.random() < 0.6 else s


def _no(rng: random.Random, n: int) -> pd.DataFrame:
    f = _fakers("no_NO")["no_NO"]
    verv = [None] * 20 + ["Styreleder", "Nestleder", "Styremedlem", "Varamedlem"]
    merknader = [None, None, None, "Har hund", "Nøkkel til bod nr. 4", "Ønsker papirfaktura",
                 "Fremleie godkjent av styret", "Dugnad fritak 2023"]
    rows = []
    for i in range(n):
        first = f.first_name()
        last = f.last_name()
        dob = _date(rng, 1935, 2003)
        postnr = f.postcode()
        user = f"{first.lower()}.{last.lower()}{rng.choice(['', '', str(rng.randint(1, 99))])}"
        user = user.translate(str.maketrans("æøå", "aoa")).replace(" ", "")
        rows.append({
            "Leil.nr": f"H{rng.randint(1, 6):02d}{rng.randint(1, 12):02d}",
            "Andelsnr": float(i + 1),
            "Fornavn": first,
            "Etternavn": last,
            "Fødselsnummer": _blank(rng, f.ssn(), 0.4, (None,)),
            "Fødselsdato": dob.strftime("%d.%m.%Y"),
            "Adresse": f.street_address(),
            "Postnr": float(postnr) if rng.random() < 0.7 else postnr,
            "Poststed": f.city(),
            "Mobil": _blank(rng, f"{rng.choice(['4', '9'])}{rng.randint(0, 9)}{rng.randint(0, 9)} "
                                  f"{rng.randint(10, 99)} {rng.randint(100, 999)}", 0.1, (None,)),
            "E-post": _blank(rng, f.email(), 0.2, (None,)),
            "Kontonummer": _blank(rng, _no_account(rng), 0.3, (None,)),
            "Innflyttet": _date(rng, 1995, 2024).isoformat(),
            "Felleskostnader kr/mnd": float(rng.randint(2500, 9800)),
            "Parkering": rng.random() < 0.4,
            "Styreverv": rng.choice(verv),
            "Medeier": _blank(rng, f"{f.first_name()} {f.last_name()}", 0.65, (None,)),
            "Brukernavn (beboerportal)": _blank(rng, user, 0.25, (None,)),
            "Merknad": rng.choice(merknader),
            "Sist endret": _ts(rng, 2023, 2024).isoformat(sep=" "),
        })
    df = pd.DataFrame(rows)
    df["Postnr"] = df["Postnr"].astype(str)
    return df


# ---------------------------------------------------------------- (f) crowdfunding backers
def _cf(rng: random.Random, n: int) -> pd.DataFrame:
    fk = _fakers("en_US", "en_GB", "en_CA", "en_AU", "de_DE")
    country = {"en_US": ("US", "United States"), "en_GB": ("GB", "United Kingdom"),
               "en_CA": ("CA", "Canada"), "en_AU": ("AU", "Australia"), "de_DE": ("DE", "Germany")}
    rewards = [("Early Bird - 1 Deck", 25), ("Standard Deck", 30), ("Collector Box", 79),
               ("Two Decks + Stickers", 55), ("Retailer Pack (6)", 150), ("Digital Rulebook", 5)]
    notes = ["", "", "", "", "Upgraded from Early Bird", "Asked about add-ons",
             "Duplicate pledge refunded", "Wants to combine shipping", "Address confirmed"]
    delivery = ["", "", "", "", "Leave at back door", "Ring bell twice", "Office hours only", "Do not bend"]
    rows = []
    for i in range(n):
        loc = rng.choice(["en_US"] * 5 + ["en_GB"] * 2 + ["en_CA", "en_AU", "de_DE"])
        f = fk[loc]
        name = f.name()
        reward, minimum = rng.choice(rewards)
        pledge = minimum + rng.choice([0, 0, 0, 5, 10, 20])
        status = rng.choice(["collected", "collected", "collected", "dropped", "errored"])
        ship_name = name if rng.random() < 0.85 else f.name()
        addr = f.street_address().split("\n")
        dob = _date(rng, 1950, 2004)
        rows.append({
            "Backer Number": i + 1,
            "Backer UID": rng.randint(10 ** 8, 10 ** 10),
            "Backer Name": name,
            "Email": f.email(),
            "Shipping Country": country[loc][0],
            "Shipping Amount": f"${rng.choice([0, 6, 8, 12, 15, 22])}.00",
            "Reward Title": reward,
            "Backing Minimum": f"${minimum}.00",
            "Reward ID": 8800000 + rewards.index((reward, minimum)),
            "Pledge Amount": f"${pledge}.00",
            "Pledged At": _ts(rng, 2023, 2023).strftime("%Y/%m/%d, %H:%M"),
            "Rewards Sent?": rng.choice(["", "Sent"]),
            "Pledged Status": status,
            "Notes": rng.choice(notes),
            "Shipping Name": ship_name,
            "Shipping Address 1": addr[0],
            "Shipping Address 2": addr[1] if len(addr) > 1 else rng.choice(
                [""] * 6 + [f"Apt {rng.randint(1, 40)}{rng.choice('ABCD')}", f"Unit {rng.randint(1, 300)}"]),
            "Shipping City": f.city(),
            "Shipping State": f.state() if loc in ("en_US", "en_AU") else "",
            "Shipping Postal Code": f.postcode(),
            "Shipping Country Name": country[loc][1],
            "Shipping Phone Number": _blank(rng, f.phone_number(), 0.3),
            "Shipping Delivery Notes": rng.choice(delivery),
            "Profile Handle": _blank(rng, f.user_name(), 0.1),
            "Last IP": f.ipv4_public() if rng.random() < 0.8 else f.ipv6(),
            "Card (last 4)": f"**** {rng.randint(0, 9999):04d}",
            "Survey: Date of Birth": _blank(rng, dob.strftime("%m/%d/%Y"), 0.6),
        })
    return pd.DataFrame(rows)


_BUILDERS = {
    "qc_clinique_patients": _qc,
    "at_versicherung_kunden": _at,
    "it_immobiliare_leads": _it,
    "cz_pojistovna_pojistenci": _cz,
    "no_borettslag_beboere": _no,
    "crowdfunding_backers": _cf,
}


def make_tables(rows: int | None = None) -> dict[str, pd.DataFrame]:
    """Build every table; rows caps each table's row count (default: each table's own size)."""
    out = {}
    for k, name in enumerate(TABLES):
        n = _ROWS[name] if rows is None else min(rows, _ROWS[name])
        out[name] = _BUILDERS[name](random.Random(SEED * 10 + k), n)
    return out


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.stem}-", suffix=path.suffix)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table to out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = make_tables(rows)
    writers = {
        "qc_clinique_patients": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="utf-8-sig"),
        "at_versicherung_kunden": lambda df, p: df.to_excel(p, index=False, sheet_name="Kunden",
                                                            engine="openpyxl"),
        "it_immobiliare_leads": lambda df, p: df.to_json(p, orient="records", lines=True,
                                                         force_ascii=False),
        "cz_pojistovna_pojistenci": lambda df, p: df.to_csv(p, index=False, sep=";", encoding="cp1250"),
        "no_borettslag_beboere": lambda df, p: df.to_parquet(p, index=False),
        "crowdfunding_backers": lambda df, p: df.to_csv(p, index=False, sep=",", encoding="utf-8"),
    }
    paths = {}
    for name in TABLES:
        path = out_dir / FILES[name]
        _atomic(path, lambda tmp, n=name: writers[n](frames[n], tmp))
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout52.py OUT_DIR")
    for table, p in write_all(Path(sys.argv[1])).items():
        print(f"{table}: {p}")
