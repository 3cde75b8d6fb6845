"""Blind held-out tables for the PII scanner (heldout42): six exports from six domains.

US dermatology patients, Dutch housing-association repairs, Italian CAF clients, Polish gym
members, Finnish taxi rides and an English marketplace disputes export. Seeded and deterministic.
Labels live in labels.yaml next to this file and were written by hand before any scanner run.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 42420
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "derm_patients",
    "reparatieverzoeken",
    "caf_clienti",
    "silownia_czlonkowie",
    "taksi_kyydit",
    "marketplace_disputes",
)
_FILES = {
    "derm_patients": "derm_patients.csv",
    "reparatieverzoeken": "reparatieverzoeken.csv",
    "caf_clienti": "caf_clienti.xlsx",
    "silownia_czlonkowie": "silownia_czlonkowie.parquet",
    "taksi_kyydit": "taksi_kyydit.jsonl",
    "marketplace_disputes": "marketplace_disputes.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _fk(locale: str, salt: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + salt)
    return f


def _sp(rng: random.Random, value, p_blank: float, blanks=("",)):
    """Return value, or (with probability p_blank) one of the blank spellings."""
    if rng.random() < p_blank:
        return rng.choice(blanks)
    return value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2006) -> date:
    start = date(lo, 1, 1).toordinal()
    end = date(hi, 12, 28).toordinal()
    return date.fromordinal(rng.randint(start, end))


def _event(rng: random.Random, year: int = 2024) -> datetime:
    return datetime(year, 1, 1) + timedelta(minutes=rng.randint(0, 365 * 24 * 60))


def _derm(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    f = _fk("en_US", 1)
    dx = ["L70.0", "L40.0", "C44.311", "L57.0", "D22.5", "L20.9", "L82.1", "B07.9", "L71.9", "C43.59"]
    cpt = ["11102", "17000", "17003", "11305", "96910", "99213", "99214", "11642", "17110"]
    notes = [
        "Pt reports itching x2 wks; topical steroid rx'd.",
        "Biopsy of L forearm lesion, path pending.",
        "Cryotherapy AK x4, scalp. Tolerated well.",
        "Follow-up 3 mo. Sunscreen counselling given.",
        "Mole check, no changes vs prior photos.\nRTC 12 months.",
        "Acne improving on doxycycline 100mg.",
        "",
    ]
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        ph = f.numerify("(###) ###-####") if rng.random() < 0.6 else f.numerify("###-###-####")
        zipc = f.zipcode()
        out.append({
            "MRN": f"MRN{rng.randint(100000, 999999):07d}",
            "Pt Last Name": last.upper() if rng.random() < 0.2 else last,
            "Pt First Name": first,
            "DOB": _dob(rng).strftime("%m/%d/%Y"),
            "SSN": _sp(rng, f.ssn(), 0.35, ("", "n/a", "")),
            "Home Phone": _sp(rng, ph, 0.3),
            "Cell #": _sp(rng, f.numerify("+1 ###-###-####") if rng.random() < 0.3 else f.numerify("##########"), 0.1),
            "E-mail": _sp(rng, f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{f.free_email_domain()}", 0.15),
            "Addr Line 1": f.street_address(),
            "City": f.city(),
            "State": f.state_abbr(),
            "ZIP": str(int(zipc)) if rng.random() < 0.5 else zipc,
            "Referring Provider": _sp(rng, f"{f.first_name()} {f.last_name()}, MD", 0.4, ("", "SELF")),
            "Payer": rng.choice(["Aetna", "BCBS PPO", "Cigna", "UnitedHealthcare", "Medicare Part B", "Self-pay"]),
            "Copay ($)": rng.choice([0, 20, 25, 30, 40, 50.0]),
            "Last Visit": _event(rng).strftime("%Y-%m-%d %H:%M"),
            "Dx Code (ICD-10)": rng.choice(dx),
            "CPT": rng.choice(cpt),
            "Visit Note": rng.choice(notes),
            "Emergency Contact": _sp(rng, f.name(), 0.3),
            "Emerg. Contact Ph": _sp(rng, f.numerify("###.###.####"), 0.35),
            "Portal Username": _sp(rng, f.user_name(), 0.45),
            "CC on File": _sp(rng, f.credit_card_number(), 0.75),
            "Photo Consent Y/N": rng.choice(["Y", "N", "Y", ""]),
        })
        if i % 97 == 0:
            out[-1]["DOB"] = _dob(rng).strftime("%Y-%m-%d")
    return pd.DataFrame(out)


def _repairs(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    f = _fk("nl_NL", 2)
    cats = ["Loodgieterswerk", "Elektra", "CV-ketel", "Dak/goot", "Hang- en sluitwerk", "Schimmel/vocht", "Kozijnen"]
    omschr = [
        "Kraan in keuken lekt, druppelt continu.",
        "CV-ketel geeft storing F28, geen warm water.",
        "Voordeur sluit niet goed af, slot klemt.",
        "Schimmel in badkamer boven douche.\nHuurder heeft al ventilatie aangepast.",
        "Dakgoot verstopt, water loopt langs gevel.",
        "Stopcontact woonkamer werkt niet meer.",
    ]
    aannemers = ["Van Wijk Installatietechniek B.V.", "Bouwbedrijf De Groot", "Feenstra", "Kuijpers Onderhoud",
                 "Dura Vermeer Renovatie"]
    out = []
    for _ in range(rows):
        init = f.first_name()[0]
        last = f.last_name()
        naam = rng.choice([f"{last}, {init}.", f"{init}. {last}", f"{f.first_name()} {last}"])
        out.append({
            "Verzoeknummer": f"RV-2024-{rng.randint(1, 99999):05d}",
            "Huurdernummer": str(rng.randint(100000, 999999)),
            "Naam huurder": naam,
            "Straat + huisnr": f.street_address(),
            "Postcode": f.postcode() if rng.random() < 0.7 else f.postcode().replace(" ", ""),
            "Woonplaats": f.city(),
            "Tel. nr. huurder": _sp(rng, f.phone_number(), 0.25),
            "Mobiel": _sp(rng, f.numerify("06-########") if rng.random() < 0.5 else f.numerify("+31 6 ########"), 0.2),
            "E-mailadres": _sp(rng, f.email(), 0.2, ("", "geen")),
            "Geboortedatum huurder": _sp(rng, _dob(rng).strftime("%d-%m-%Y"), 0.1),
            "BSN": _sp(rng, f.ssn(), 0.7),
            "IBAN (automatische incasso)": _sp(rng, f.iban() if rng.random() < 0.7 else " ".join(
                f.iban()[k:k + 4] for k in range(0, 18, 4)), 0.3),
            "Complexnr": f"C{rng.randint(100, 999)}",
            "Categorie": rng.choice(cats),
            "Omschrijving melding": rng.choice(omschr),
            "Datum melding": _event(rng).strftime("%d-%m-%Y"),
            "Aannemer": rng.choice(aannemers),
            "Monteur": f"{f.first_name()} {f.last_name()}",
            "Kosten excl. BTW": f"{rng.uniform(35, 2400):.2f}".replace(".", ","),
            "Verhaalbaar J/N": rng.choice(["J", "N", "N", "N"]),
            "Contactpersoon (indien niet huurder)": _sp(rng, f.name(), 0.85),
        })
    return pd.DataFrame(out)


def _caf(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    f = _fk("it_IT", 3)
    modelli = ["730/2025", "Redditi PF", "ISEE", "RED", "IMU", "Successione", "730 precompilato"]
    stati = ["Aperta", "In lavorazione", "Inviata", "Chiusa", "Sospesa - manca doc."]
    note = ["Manca CU 2024", "Spese mediche da verificare", "Cliente richiama lunedì", "",
            "Detrazioni figli a carico: 2", "Documentazione completa\nInviare ricevuta"]
    ops = sorted({_fk("it_IT", 30 + k).first_name()[0].lower() + "." + _fk("it_IT", 60 + k).last_name().lower()
                  for k in range(12)})
    out = []
    for i in range(rows):
        cap = f.postcode()
        out.append({
            "ID Pratica": f"{2025}{i + 1:06d}",
            "Cognome": f.last_name(),
            "Nome": f.first_name(),
            "Codice Fiscale": f.ssn(),
            "Data di nascita": _dob(rng).strftime("%d/%m/%Y"),
            "Luogo di nascita": f.city(),
            "Indirizzo residenza": f.street_address(),
            "CAP": int(cap) if rng.random() < 0.4 else cap,
            "Comune": f.city(),
            "Prov.": f.state_abbr(),
            "Cellulare": _sp(rng, f.numerify("3## #######") if rng.random() < 0.6 else f.numerify("+39 3#########"), 0.1),
            "Tel. fisso": _sp(rng, f.numerify("0## ######"), 0.6),
            "PEC / e-mail": _sp(rng, f.email(), 0.2),
            "IBAN rimborso": _sp(rng, f.iban(), 0.4),
            "Modello": rng.choice(modelli),
            "Stato pratica": rng.choice(stati),
            "Reddito complessivo (€)": round(rng.uniform(4000, 90000), 2),
            "Operatore": rng.choice(ops),
            "N. protocollo": f"PROT/{rng.randint(1, 9999):04d}/25",
            "Note": rng.choice(note),
            "CF coniuge": _sp(rng, f.ssn(), 0.65),
        })
    return pd.DataFrame(out)


def _gym(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    f = _fk("pl_PL", 4)
    karnety = ["OPEN", "Student", "Senior 60+", "Poranny", "Multisport", "FitProfit"]
    uwagi = ["", "Zamrożenie karnetu 1 mies.", "Kontuzja kolana - bez przysiadów", "Płatność zaległa",
             "", "Prosi o kontakt ws. treningu personalnego"]
    trenerzy = sorted({_fk("pl_PL", 40 + k).name() for k in range(10)})
    out = []
    for i in range(rows):
        pesel = f.pesel()
        out.append({
            "ID członka": i + 10001,
            "Imię i nazwisko": f.name(),
            "PESEL": pesel.lstrip("0") if rng.random() < 0.3 else pesel,
            "Data ur.": _dob(rng, 1950, 2008).strftime("%d.%m.%Y"),
            "Nr dowodu": _sp(rng, f.identity_card_number(), 0.5),
            "Telefon kom.": _sp(rng, f.phone_number(), 0.08),
            "Email": _sp(rng, f.email(), 0.1),
            "Ulica i nr": f.street_address(),
            "Kod pocztowy": f.postcode(),
            "Miejscowość": f.city(),
            "Nr rachunku": _sp(rng, f.iban()[2:], 0.55),
            "Karnet": rng.choice(karnety),
            "Nr karty klubowej": f"{rng.randint(0, 9999999999):010d}",
            "Data rozpoczęcia": _event(rng, 2023).strftime("%Y-%m-%d"),
            "Opłata mies. [zł]": rng.choice([99.0, 129.0, 149.0, 79.0, 0.0]),
            "Trener personalny": _sp(rng, rng.choice(trenerzy), 0.6),
            "Login aplikacji": _sp(rng, f.user_name(), 0.3),
            "Zgoda RODO": rng.random() < 0.9,
            "Wejścia (30 dni)": rng.randint(0, 30),
            "Uwagi": rng.choice(uwagi),
            "Kontakt awaryjny - tel.": _sp(rng, f.phone_number(), 0.7),
        })
    return pd.DataFrame(out)


def _taxi(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    f = _fk("fi_FI", 5)
    kuljettajat = sorted({_fk("fi_FI", 70 + k).name() for k in range(25)})
    lisat = ["", "Pyörätuoli, avustettava", "Iso matkalaukku", "Lastenistuin", "Soita ovelta", "Kela-kyyti"]
    ytunnus = [f"{rng.randint(1000000, 9999999)}-{rng.randint(0, 9)}" for _ in range(30)]
    out = []
    for i in range(rows):
        kela = rng.random() < 0.25
        pay = rng.choice(["kortti", "käteinen", "sovellus", "lasku", "Kela"]) if not kela else "Kela"
        out.append({
            "kyyti_id": 500000 + i,
            "tilausaika": _event(rng).strftime("%d.%m.%Y %H.%M"),
            "asiakkaan nimi": _sp(rng, f.name(), 0.2),
            "puhelin": _sp(rng, f.phone_number(), 0.1),
            "sähköposti": _sp(rng, f.email(), 0.55),
            "nouto-osoite": f"{f.street_address()}, {f.city()}",
            "määränpää": rng.choice([f.street_address(), f"{f.street_address()}, {f.city()}"]),
            "postinro (nouto)": f.postcode(),
            "kuljettaja": rng.choice(kuljettajat),
            "auto": f"T-{rng.randint(1, 480)}",
            "matka (km)": round(rng.uniform(0.8, 60), 1),
            "hinta €": round(rng.uniform(9, 160), 2),
            "maksutapa": pay,
            "kortin numero": f.credit_card_number() if pay == "kortti" and rng.random() < 0.6 else None,
            "asiakkaan hetu (Kela)": f.ssn() if kela else None,
            "IP (mobiilitilaus)": f.ipv4_public() if pay == "sovellus" else None,
            "käyttäjätunnus": f.user_name() if pay == "sovellus" else None,
            "lisätiedot": rng.choice(lisat),
            "y-tunnus": rng.choice(ytunnus) if pay == "lasku" else None,
            "alv %": 10 if rng.random() < 0.95 else 14,
        })
    return pd.DataFrame(out)


def _disputes(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    f = _fk("en_GB", 6)
    g = _fk("en_US", 16)
    reasons = ["INR", "SNAD", "DAMAGED", "UNAUTH", "DUPLICATE", "RETURN_NOT_REFUNDED"]
    items = ["Vintage Levi's 501 W32 L34", "Apple AirPods Pro (2nd gen)", "LEGO 75192 Millennium Falcon",
             "Nintendo Switch OLED - White", "Dyson V11 battery pack", "Kids wooden train set 40pc"]
    msgs = ["Item never arrived, tracking stuck for 2 weeks.", "Box was crushed and screen is cracked.",
            "Not as described - colour is different.\nPlease refund.", "I returned it already, where is my refund?",
            "Charged twice for the same order."]
    uas = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15",
           "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
           "MarketApp/5.12.1 (Android 14; SM-S911B)"]
    agents = sorted({_fk("en_GB", 80 + k).name() for k in range(15)})
    out = []
    for _ in range(rows):
        uk = rng.random() < 0.6
        src = f if uk else g
        addr = src.address()
        out.append({
            "dispute_id": f"DSP-{rng.randint(10**8, 10**9 - 1)}",
            "order_no": f"{rng.randint(10, 99)}-{rng.randint(10**5, 10**6 - 1)}-{rng.randint(10**4, 10**5 - 1)}",
            "buyer_username": src.user_name() + (str(rng.randint(1, 999)) if rng.random() < 0.4 else ""),
            "buyerName": src.name(),
            "buyer_email": src.email(),
            "Buyer Phone": _sp(rng, src.phone_number(), 0.3),
            "ship_to_address": addr,
            "ship_to_postcode": src.postcode(),
            "seller_handle": f.user_name() + rng.choice(["_store", "_uk", "", "1"]),
            "seller_payout_iban": _sp(rng, f.iban(), 0.5),
            "buyer_ip": _sp(rng, src.ipv4_public() if rng.random() < 0.85 else src.ipv6(), 0.1),
            "reason_code": rng.choice(reasons),
            "item_title": rng.choice(items),
            "amount_gbp": round(rng.uniform(3, 900), 2),
            "opened_at": _event(rng).isoformat(timespec="seconds") + "Z",
            "status": rng.choice(["OPEN", "ESCALATED", "RESOLVED_BUYER", "RESOLVED_SELLER", "CLOSED"]),
            "msg_from_buyer": rng.choice(msgs),
            "assigned_agent": _sp(rng, rng.choice(agents), 0.25),
            "tracking_no": f"{rng.choice(['RM', 'JD', '1Z'])}{rng.randint(10**9, 10**10 - 1)}GB",
            "user_agent": rng.choice(uas),
            "evidence_sha256": f"{rng.getrandbits(256):064x}",
            "card_last4": f"**** {rng.randint(0, 9999):04d}",
            "buyer_dob (age check)": _sp(rng, _dob(rng, 1950, 2007).isoformat(), 0.8),
            "app_version": f"5.{rng.randint(0, 14)}.{rng.randint(0, 9)}",
        })
    return pd.DataFrame(out)


_MAKERS = {
    "derm_patients": (_derm, 1500),
    "reparatieverzoeken": (_repairs, 1800),
    "caf_clienti": (_caf, 1200),
    "silownia_czlonkowie": (_gym, 1600),
    "taksi_kyydit": (_taxi, 2000),
    "marketplace_disputes": (_disputes, 1400),
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table with `rows` rows (the default sizes differ per table in write_all)."""
    return {t: _MAKERS[t][0](rows) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write each table in its own format under out_dir; rows caps each table's default size."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for t in TABLES:
        maker, n = _MAKERS[t]
        df = maker(min(rows, n))
        p = out_dir / _FILES[t]
        if t == "derm_patients":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        elif t == "reparatieverzoeken":
            df.to_csv(p, index=False, sep=";", encoding="cp1252", errors="replace")
        elif t == "caf_clienti":
            df.to_excel(p, index=False, sheet_name="Pratiche", engine="openpyxl")
        elif t == "silownia_czlonkowie":
            df.to_parquet(p, index=False)
        elif t == "taksi_kyydit":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        else:
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        paths[t] = p
    return paths


if __name__ == "__main__":
    for name, path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out/heldout42")).items():
        print(name, path)
