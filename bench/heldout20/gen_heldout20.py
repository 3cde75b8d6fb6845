"""Blind held-out set 20 for the PII scanner: seven exports from seven kinds of systems.

Written and labelled without looking at the scanner, its lexicons or the other sets; the labels in
``labels.yaml`` were written by hand from what each column holds, before any scanner run.

Tables (domain, format):

- ``vet_clients_pets``   US veterinary practice, clients and patients (CSV, UTF-8 with BOM, comma)
- ``actes_notaire``      French notaire office, property transactions (Excel .xlsx)
- ``parkeervergunningen`` Dutch municipality, parking permits (CSV, cp1252, semicolon)
- ``assinantes_telecom`` Portuguese telecom operator, subscribers (Parquet)
- ``reklamace``          Czech e-shop, returns and complaints (JSON Lines)
- ``medlemmer``          Danish sports club, members (CSV, UTF-8, tab)
- ``guest_folios``       hotel property-management system, guest folio export (Parquet)

Seeded and deterministic (seed 20200). Run ``python gen_heldout20.py OUT_DIR`` to write them.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 20200
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "vet_clients_pets",
    "actes_notaire",
    "parkeervergunningen",
    "assinantes_telecom",
    "reklamace",
    "medlemmer",
    "guest_folios",
)

_FILES = {
    "vet_clients_pets": "vet_clients_pets.csv",
    "actes_notaire": "actes_notaire.xlsx",
    "parkeervergunningen": "parkeervergunningen.csv",
    "assinantes_telecom": "assinantes_telecom.parquet",
    "reklamace": "reklamace.jsonl",
    "medlemmer": "medlemmer.csv",
    "guest_folios": "guest_folios.parquet",
}

# share of ``rows`` each table gets (rows=2000 gives 1,000..2,000 rows per table)
_SHARE = {
    "vet_clients_pets": 1.0,
    "actes_notaire": 0.55,
    "parkeervergunningen": 0.8,
    "assinantes_telecom": 1.0,
    "reklamace": 0.7,
    "medlemmer": 0.65,
    "guest_folios": 0.9,
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return ``{table: {column: entity or None}}`` from ``labels.yaml``."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {table: dict(spec["columns"]) for table, spec in data.items()}


# --------------------------------------------------------------------------- helpers


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _maybe(rng: random.Random, p: float, value, empties=("",)):
    """Return ``value`` with probability ``p``, else one of ``empties``."""
    return value if rng.random() < p else rng.choice(empties)


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _dob(rng: random.Random, lo: int = 18, hi: int = 85, ref: dt.date = dt.date(2024, 6, 30)) -> dt.date:
    return ref - dt.timedelta(days=rng.randint(lo * 365, hi * 365))


def _event_date(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, days))


def _bsn(rng: random.Random) -> str:
    """Dutch citizen service number passing the 11-proof."""
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        s = sum(w * x for w, x in zip(range(9, 1, -1), d, strict=True))
        last = s % 11
        if last < 10 and (d[0] or d[1]):
            return "".join(map(str, d)) + str(last)


def _nif_pt(rng: random.Random) -> str:
    """Portuguese personal tax number (NIF) with a valid check digit."""
    d = [rng.choice([1, 2, 2, 2])] + [rng.randint(0, 9) for _ in range(7)]
    r = sum(w * x for w, x in zip(range(9, 1, -1), d, strict=True)) % 11
    return "".join(map(str, d)) + str(0 if r < 2 else 11 - r)


def _cc_pt(rng: random.Random) -> str:
    """Portuguese Cartão de Cidadão number 'DDDDDDDD C AAT' with a valid final check character."""
    base = _digits(rng, 8) + str(rng.randint(0, 9)) + rng.choice(["ZZ", "ZX", "ZY", "XZ", "YZ"])
    for last in range(10):
        s = base + str(last)
        total = 0
        for i, ch in enumerate(reversed(s)):
            v = int(ch, 36)
            if i % 2 == 1:
                v *= 2
                if v > 9:
                    v -= 9
            total += v
        if total % 10 == 0:
            return f"{s[:8]} {s[8]} {s[9:]}"
    raise AssertionError("unreachable")


def _cz_account(rng: random.Random) -> str:
    """Czech domestic bank account 'prefix-number/bank' passing the mod-11 weights."""
    weights = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)
    while True:
        num = _digits(rng, rng.choice([9, 10, 10]))
        padded = num.zfill(10)
        if num[0] != "0" and sum(int(c) * w for c, w in zip(padded, weights, strict=True)) % 11 == 0:
            break
    bank = rng.choice(["0100", "0300", "0800", "2010", "0600", "5500", "3030", "6210"])
    prefix = ""
    if rng.random() < 0.15:
        prefix = rng.choice(["19", "35", "670100", "27"]) + "-"
    return f"{prefix}{num}/{bank}"


def _microchip(rng: random.Random) -> str:
    return rng.choice(["985", "981", "982", "900"]) + _digits(rng, 12)


def _iccid_pt(rng: random.Random) -> str:
    body = "89351" + rng.choice(["01", "03", "06"]) + _digits(rng, 11)
    return body + _luhn_digit(body)


def _imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "35"]) + _digits(rng, 12)
    return body + _luhn_digit(body)


def _passport(rng: random.Random, nat: str) -> str:
    letters = string.ascii_uppercase
    if nat in ("USA", "GBR", "IRL", "AUS"):
        return (rng.choice(["", "P"]) if nat == "IRL" else "") + _digits(rng, 9 if nat != "IRL" else 7)
    if nat == "DEU":
        return "".join(rng.choice("CFGHJKLMNPRTVWXYZ" + "0123456789") for _ in range(9))
    if nat == "FRA":
        return _digits(rng, 2) + "".join(rng.choice(letters) for _ in range(2)) + _digits(rng, 5)
    if nat == "ITA":
        return "Y" + rng.choice(letters) + _digits(rng, 7)
    if nat == "ESP":
        return "".join(rng.choice(letters) for _ in range(3)) + _digits(rng, 6)
    if nat == "NLD":
        return "".join(rng.choice(letters) for _ in range(2)) + "".join(rng.choice(letters + string.digits) for _ in range(6)) + _digits(rng, 1)
    return rng.choice(letters) + _digits(rng, 8)


def _free_text(rng: random.Random, parts: list[str], k: tuple[int, int] = (1, 3), sep: str = " ") -> str:
    return sep.join(rng.sample(parts, rng.randint(*k)))


# --------------------------------------------------------------------------- (a) US vet clinic


_OH_TOWNS = (
    ("Columbus", "432"), ("Dublin", "43016"), ("Westerville", "43081"), ("Worthington", "43085"), ("Hilliard", "43026"),
    ("Grove City", "43123"), ("Upper Arlington", "43221"), ("Gahanna", "43230"), ("Reynoldsburg", "43068"),
    ("Powell", "43065"), ("Delaware", "43015"), ("Lewis Center", "43035"), ("Grandview Heights", "43212"),
    ("Bexley", "43209"), ("Pickerington", "43147"), ("Canal Winchester", "43110"), ("Plain City", "43064"),
    ("Galena", "43021"), ("Sunbury", "43074"), ("New Albany", "43054"), ("Marysville", "43040"), ("Granville", "43023"),
)


def _vet(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_US", 1)
    dvms = [f"Dr. {fk.first_name()} {fk.last_name()}" for _ in range(9)]
    species_breeds = {
        "Canine": ["Labrador Retriever", "Golden Retriever", "Mixed", "German Shepherd", "Beagle", "Dachshund", "Pit Bull Mix", "Shih Tzu"],
        "Feline": ["DSH", "DLH", "Siamese", "Maine Coon", "DMH"],
        "Avian": ["Cockatiel", "Budgerigar"],
        "Lagomorph": ["Holland Lop", "Mini Rex"],
    }
    pet_names = ["Max", "Bella", "Luna", "Charlie", "Lucy", "Cooper", "Daisy", "Milo", "Bailey", "Sadie",
                 "Oliver", "Zoe", "Tucker", "Pepper", "Rocky", "Gizmo", "Biscuit", "Mochi", "Nala", "Oreo",
                 "Duke", "Ginger", "Shadow", "Smokey", "Penny", "Tiger", "Bear", "Rosie", "Ziggy", "Hazel"]
    notes = [
        "Annual wellness exam, all WNL.", "DHPP and rabies boosters given.", "Mild dental tartar, recommend dental cleaning.",
        "Otitis externa AD, dispensed otic drops BID x 10d.", "Weight up 2 lbs since last visit; discussed diet.",
        "FeLV/FIV negative.", "Heartworm test neg. Started monthly preventive.", "Limping RF, rads unremarkable, rest 2 wks.",
        "Vomiting x2 days, bland diet, recheck if not improved.", "Spay sx scheduled.", "Nail trim only.",
        "Grade II/VI heart murmur noted, monitor.", "Flea allergy dermatitis suspected.",
    ]
    today = dt.date(2024, 6, 30)
    rows = []
    client_id = 10000
    for _i in range(n):
        client_id += rng.randint(1, 7)
        first, last = fk.first_name(), fk.last_name()
        sp = rng.choices(list(species_breeds), weights=[55, 38, 4, 3])[0]
        town, zip5 = rng.choice(_OH_TOWNS)
        if len(zip5) == 3:
            zip5 += f"{rng.randint(1, 35):02d}"
        zip_val: object = float(zip5) if rng.random() < 0.7 else (f"{zip5}-{_digits(rng, 4)}" if rng.random() < 0.5 else zip5)
        if rng.random() < 0.03:
            zip_val = None
        home = fk.numerify(rng.choice(["(%##) %##-####", "%##-%##-####", "%##.%##.####"]))
        cell = rng.choice([fk.numerify("(%##) %##-####"), fk.numerify("%##-%##-####"), fk.numerify("+1 %## %## ####"), fk.numerify("%#########")])
        rows.append({
            "Client ID": client_id,
            "Client Last": last,
            "Client First": first,
            "Secondary Contact": _maybe(rng, 0.25, f"{fk.first_name()} {rng.choice([last, fk.last_name()])}"),
            "Address 1": fk.street_address(),
            "City": town if rng.random() < 0.9 else town.upper(),
            "State": "OH" if rng.random() < 0.96 else rng.choice(["Ohio", "KY", "IN", "WV"]),
            "Zip": zip_val,
            "Home Phone": _maybe(rng, 0.45, home),
            "Cell Phone": _maybe(rng, 0.85, cell),
            "Email": _maybe(rng, 0.8, rng.choice([fk.free_email(), fk.email(), f"{first.lower()}.{last.lower()}@{fk.free_email_domain()}"])),
            "SSN (Pmt Plan)": _maybe(rng, 0.12, fk.ssn()),
            "Patient ID": f"P{client_id}-{rng.randint(1, 3)}",
            "Patient Name": rng.choice(pet_names),
            "Species": sp,
            "Breed": rng.choice(species_breeds[sp]),
            "Sex": rng.choice(["MN", "FS", "M", "F", "MN", "FS", "U"]),
            "Pat. DOB": (today - dt.timedelta(days=rng.randint(60, 16 * 365))).strftime("%m/%d/%Y"),
            "Weight (lbs)": round(rng.uniform(0.2, 4) if sp in ("Avian",) else rng.uniform(4, 110 if sp == "Canine" else 22), 1),
            "Microchip #": _maybe(rng, 0.6, _microchip(rng)),
            "Rabies Tag #": _maybe(rng, 0.7, f"{rng.choice(['24', '23'])}-{rng.randint(1, 9999):04d}") if sp in ("Canine", "Feline") else "",
            "Last Visit": _event_date(rng, dt.date(2022, 1, 1), 900).strftime("%m/%d/%Y"),
            "Attending DVM": rng.choice(dvms),
            "Balance": f"${rng.choice([0, 0, 0, rng.uniform(5, 1800)]):,.2f}",
            "Card on File": _maybe(rng, 0.5, f"{rng.choice(['VISA', 'MC', 'AMEX', 'DISC'])} ****{_digits(rng, 4)}"),
            "Reminder Pref": rng.choice(["Email", "Text", "Postcard", "None", "Email/Text"]),
            "Medical Notes": _maybe(rng, 0.8, _free_text(rng, notes)),
            "Client Since": _event_date(rng, dt.date(2008, 1, 1), 5800).isoformat(),
            "Inactive": rng.choice(["N", "N", "N", "N", "Y"]),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (b) French notaire


_COMMUNES_FR = (
    ("Lyon", "69003"), ("Lyon", "69006"), ("Lyon", "69007"), ("Villeurbanne", "69100"), ("Vénissieux", "69200"),
    ("Caluire-et-Cuire", "69300"), ("Bron", "69500"), ("Vaulx-en-Velin", "69120"), ("Saint-Priest", "69800"),
    ("Rillieux-la-Pape", "69140"), ("Écully", "69130"), ("Tassin-la-Demi-Lune", "69160"), ("Oullins", "69600"),
    ("Sainte-Foy-lès-Lyon", "69110"), ("Décines-Charpieu", "69150"), ("Meyzieu", "69330"), ("Givors", "69700"),
    ("Limonest", "69760"), ("Dardilly", "69570"), ("Francheville", "69340"), ("Craponne", "69290"),
    ("Saint-Genis-Laval", "69230"), ("Villefranche-sur-Saône", "69400"), ("Miribel", "01700"), ("Montluel", "01120"),
    ("Trévoux", "01600"), ("Bourg-en-Bresse", "01000"), ("Vienne", "38200"), ("Bourgoin-Jallieu", "38300"),
    ("Saint-Étienne", "42000"), ("Annecy", "74000"), ("Grenoble", "38000"), ("Chambéry", "73000"),
)
_NAISSANCE_FR = (
    "Lyon", "Paris", "Marseille", "Saint-Étienne", "Grenoble", "Villeurbanne", "Clermont-Ferrand", "Mâcon",
    "Roanne", "Valence", "Dijon", "Besançon", "Toulouse", "Lille", "Nantes", "Bordeaux", "Strasbourg", "Metz",
    "Nice", "Montpellier", "Annemasse", "Oyonnax", "Vienne", "Bourg-en-Bresse", "Alger", "Casablanca", "Tunis",
    "Porto", "Lisbonne", "Bruxelles", "Genève",
)
_DEPT_FR = {"Lyon": "69", "Paris": "75", "Marseille": "13", "Saint-Étienne": "42", "Grenoble": "38", "Villeurbanne": "69",
            "Clermont-Ferrand": "63", "Mâcon": "71", "Roanne": "42", "Valence": "26", "Dijon": "21", "Besançon": "25",
            "Toulouse": "31", "Lille": "59", "Nantes": "44", "Bordeaux": "33", "Strasbourg": "67", "Metz": "57",
            "Nice": "06", "Montpellier": "34", "Annemasse": "74", "Oyonnax": "01", "Vienne": "38", "Bourg-en-Bresse": "01"}
_ABROAD_FR = {"Alger": "Algérie", "Casablanca": "Maroc", "Tunis": "Tunisie", "Porto": "Portugal", "Lisbonne": "Portugal",
              "Bruxelles": "Belgique", "Genève": "Suisse"}


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _notaire(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("fr_FR", 2)
    notaires = [f"Maître {fk.first_name()} {fk.last_name().upper()}" for _ in range(4)]
    clercs = [_ascii(f"{fk.first_name()[0]}{fk.last_name()}".lower().replace(" ", "")) for _ in range(7)]
    banques = ["Crédit Agricole", "BNP Paribas", "Société Générale", "Caisse d'Epargne", "LCL", "Banque Populaire", "Crédit Mutuel", "La Banque Postale"]
    natures = ["Vente", "Vente", "Vente", "VEFA", "Donation", "Donation-partage", "Attestation immobilière (succession)", "Échange"]
    regimes = ["Célibataire", "Marié(e) - communauté légale", "Marié(e) - séparation de biens", "Pacsé(e)", "Divorcé(e)", "Veuf/Veuve"]
    obs = [
        "Diagnostics techniques annexés.", "Servitude de passage à rappeler.", "Condition suspensive d'obtention de prêt levée.",
        "Purge du droit de préemption urbain effectuée.", "Plus-value exonérée (résidence principale).",
        "Pièces manquantes : état hypothécaire.", "Signature par procuration.", "Acte signé à distance (AAE).",
        "Copropriété : questionnaire syndic reçu.", "Délai SRU expiré.",
    ]
    rows = []
    for i in range(n):
        acte = _event_date(rng, dt.date(2021, 1, 4), 1270)
        v_nom, v_pre = fk.last_name(), fk.first_name()
        if rng.random() < 0.15:
            v_pre = f"{v_pre}, {fk.first_name()}"
        a1 = f"{fk.last_name().upper()} {fk.first_name()}"
        acq = a1 if rng.random() < 0.55 else f"{a1} et {fk.last_name().upper()} {fk.first_name()}"
        commune, cp = rng.choice(_COMMUNES_FR)
        cur_commune, cur_cp = rng.choice(_COMMUNES_FR)
        naiss = rng.choice(_NAISSANCE_FR)
        if naiss in _ABROAD_FR:
            lieu = rng.choice([f"{naiss} ({_ABROAD_FR[naiss]})", f"{naiss}, {_ABROAD_FR[naiss]}"])
        else:
            lieu = rng.choice([naiss, f"{naiss} ({_DEPT_FR[naiss]})", naiss.upper()])
        prix = round(rng.uniform(65000, 950000), -2)
        pret = rng.random() < 0.6
        rows.append({
            "N° dossier": f"{acte.year}/{i + 1:05d}",
            "Date acte": acte,
            "Nature de l'acte": rng.choice(natures),
            "Notaire instrumentaire": rng.choice(notaires),
            "Saisi par": rng.choice(clercs),
            "Vendeur Nom": v_nom.upper() if rng.random() < 0.8 else v_nom,
            "Vendeur Prénom(s)": v_pre,
            "Vendeur né(e) le": _dob(rng, 25, 90).strftime("%d/%m/%Y"),
            "Vendeur lieu de naissance": lieu,
            "Vendeur N° fiscal": _maybe(rng, 0.9, rng.choice("0123") + _digits(rng, 12)),
            "Acquéreur(s)": acq,
            "Acquéreur date naiss.": dt.datetime.combine(_dob(rng, 22, 80), dt.time()),
            "Acquéreur adresse actuelle": f"{fk.street_address()}\n{cur_cp} {cur_commune.upper()}",
            "Acquéreur tél.": _maybe(rng, 0.9, rng.choice([fk.phone_number(), "0" + rng.choice("67") + " ".join([""] + [_digits(rng, 2) for _ in range(4)])])),
            "Acquéreur e-mail": _maybe(rng, 0.85, fk.email()),
            "Adresse du bien": fk.street_address(),
            "CP": int(cp),
            "Commune": commune,
            "Réf. cadastrale": f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)} {rng.randint(1, 2500)}",
            "Lots copro": _maybe(rng, 0.4, ", ".join(str(x) for x in sorted(rng.sample(range(1, 300), rng.randint(1, 3))))),
            "Surface Carrez (m²)": _maybe(rng, 0.5, round(rng.uniform(14, 180), 2), (None,)),
            "Prix (€)": prix,
            "Émoluments TTC": round(prix * 0.0095 + 450, 2),
            "Droits de mutation": round(prix * 0.058, 2),
            "Prêt - Banque": rng.choice(banques) if pret else "",
            "Prêt - Montant": round(prix * rng.uniform(0.5, 1.0), -2) if pret else None,
            "RIB vendeur (IBAN)": _maybe(rng, 0.75, fk.iban() if rng.random() < 0.5 else " ".join(fk.iban()[i:i + 4] for i in range(0, 27, 4))),
            "Régime matrimonial": rng.choice(regimes),
            "Observations": _maybe(rng, 0.6, _free_text(rng, obs, (1, 2))),
            "Clôturé": rng.choice(["Oui", "Oui", "Non"]),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (c) Dutch parking permits


def _parkeren(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("nl_NL", 3)
    medewerkers = [f"GEM\\{fk.first_name()[0].lower()}{fk.last_name().lower().replace(' ', '')}" for _ in range(6)]
    soorten = ["Bewonersvergunning", "Bewonersvergunning", "Bedrijfsvergunning", "Mantelzorgvergunning", "Bezoekersvergunning", "Gehandicaptenparkeerkaart"]
    gebieden = ["A-Centrum", "B-Oost", "C-Noord", "D-Zuid", "E-West", "Stationsgebied"]
    opm = [
        "Tweede auto, tarief verhoogd.", "Kenteken gewijzigd per ingangsdatum.", "Aanvraag via DigiD.",
        "Op wachtlijst geplaatst.", "Machtiging automatische incasso ontvangen.", "Restitutie i.v.m. verhuizing.",
        "Leaseauto, verklaring werkgever bijgevoegd.", "Parkeerontheffing verlengd.",
    ]
    particles = ["van", "de", "van der", "van den", "de", "van de", "ter", "den", "in 't"]
    rows = []
    for _i in range(n):
        soort = rng.choice(soorten)
        start = _event_date(rng, dt.date(2022, 1, 1), 900)
        plate = rng.choice([
            f"{rng.choice(string.ascii_uppercase)}-{_digits(rng, 3)}-{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}",
            f"{_digits(rng, 2)}-{rng.choice('GHJKLNPRSTXZ')}{rng.choice('BDFGHJKLNPRSTXZ')}{rng.choice('BDFGHJKLNPRSTXZ')}-{_digits(rng, 1)}",
            f"{rng.choice('GHJKLNPRSTXZ')}{rng.choice('BDFGHJKLNPRSTXZ')}-{_digits(rng, 3)}-{rng.choice('BDFGHJKLNPRSTXZ')}",
        ])
        bsn = _bsn(rng)
        firsts = [fk.first_name() for _ in range(rng.choice([1, 1, 2, 2, 3]))]
        voorl = ".".join(f[0] for f in firsts) + "."
        pc = fk.postcode()
        rows.append({
            "Vergunningnr": f"PV{start.year}-{rng.randint(1, 99999):06d}",
            "Soort vergunning": soort,
            "Vergunninggebied": rng.choice(gebieden),
            "Kenteken": plate if rng.random() < 0.8 else plate.replace("-", ""),
            "BSN": int(bsn) if rng.random() < 0.85 else bsn,
            "Voorletters": voorl if rng.random() < 0.85 else voorl.replace(".", ""),
            "Tussenvoegsel": _maybe(rng, 0.3, rng.choice(particles)),
            "Achternaam": fk.last_name().split(" ")[-1].capitalize() if rng.random() < 0.3 else fk.last_name(),
            "Straat": fk.street_name(),
            "Huisnummer": rng.randint(1, 350),
            "Toevoeging": _maybe(rng, 0.2, rng.choice(["A", "B", "bis", "hs", "1", "2", "III", "-1"])),
            "Postcode": pc if rng.random() < 0.8 else pc.replace(" ", ""),
            "Woonplaats": fk.city() if rng.random() < 0.9 else fk.city().upper(),
            "Geboortedatum": _dob(rng, 18, 95).strftime(rng.choice(["%d-%m-%Y", "%d-%m-%Y", "%Y-%m-%d"])),
            "Telefoon": _maybe(rng, 0.75, rng.choice([fk.phone_number(), "06" + _digits(rng, 8), "06-" + _digits(rng, 8), "+31 6 " + _digits(rng, 8)])),
            "E-mail": _maybe(rng, 0.7, fk.email()),
            "IBAN": _maybe(rng, 0.8, fk.iban() if rng.random() < 0.7 else " ".join(fk.iban()[k:k + 4] for k in range(0, 18, 4))),
            "Ingangsdatum": start.strftime("%d-%m-%Y"),
            "Einddatum": (start + dt.timedelta(days=364)).strftime("%d-%m-%Y") if rng.random() < 0.9 else "",
            "Tarief per jaar (€)": f"{rng.choice([48.5, 97.0, 136.8, 210.0, 565.25, 0.0]):.2f}".replace(".", ","),
            "Betaalwijze": rng.choice(["Incasso", "iDEAL", "Acceptgiro", "Incasso"]),
            "Status": rng.choice(["Actief", "Actief", "Actief", "Verlopen", "Ingetrokken", "In behandeling"]),
            "Behandelaar": rng.choice(medewerkers),
            "Opmerkingen": _maybe(rng, 0.35, _free_text(rng, opm, (1, 2))),
            "Wachtlijstpositie": rng.randint(1, 800) if rng.random() < 0.1 else None,
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (d) Portuguese telecom


def _telecom(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("pt_PT", 4)
    tarifarios = ["M4O 500Mb+TV", "Fibra 1Gb", "Móvel 10GB", "Pré-pago Moche", "Empresas Voz+Dados", "UZO 5GB", "Fibra 200Mb + Fixo"]
    distritos = ["Lisboa", "Porto", "Braga", "Setúbal", "Aveiro", "Faro", "Coimbra", "Leiria", "Viseu", "Santarém", "Madeira", "Açores"]
    estados = ["Ativo", "Ativo", "Ativo", "Suspenso", "Cessado", "Em portabilidade"]
    rows = []
    cid = 4_100_000
    for _i in range(n):
        cid += rng.randint(1, 40)
        first, last = fk.first_name(), fk.last_name()
        nome = f"{first} {fk.last_name()} {last}" if rng.random() < 0.6 else f"{first} {last}"
        empresa = rng.random() < 0.15
        msisdn = "3519" + rng.choice("1236") + _digits(rng, 7)
        ativ = dt.datetime(2014, 1, 1) + dt.timedelta(days=rng.randint(0, 3800), seconds=rng.randint(0, 86399))
        user = rng.choice([f"{first.lower()}.{last.lower()}", f"{first.lower()}{rng.randint(1, 99)}", fk.user_name()])
        rows.append({
            "ID_Cliente": cid,
            "N.º Contrato": f"CT{cid % 1000000:06d}{rng.randint(10, 99)}",
            "Nome": nome,
            "NIF": int(_nif_pt(rng)),
            "N.º CC": _maybe(rng, 0.7, _cc_pt(rng), (None,)),
            "Data Nascimento": pd.Timestamp(_dob(rng, 18, 90)),
            "Morada": fk.street_address(),
            "Cód. Postal": fk.postcode(),
            "Localidade": fk.city(),
            "Distrito": rng.choice(distritos),
            "Telemóvel Contacto": _maybe(rng, 0.85, rng.choice([fk.phone_number(), "9" + rng.choice("1236") + _digits(rng, 7)]), (None,)),
            "MSISDN": msisdn,
            "ICCID": _iccid_pt(rng),
            "IMEI": _maybe(rng, 0.6, _imei(rng), (None,)),
            "Email": _maybe(rng, 0.8, fk.email(), (None,)),
            "Tarifário": rng.choice(tarifarios),
            "Data Ativação": pd.Timestamp(ativ),
            "Fim Fidelização": pd.Timestamp(ativ.date() + dt.timedelta(days=730)) if rng.random() < 0.6 else pd.NaT,
            "Mensalidade (€)": round(rng.choice([9.99, 14.99, 29.99, 44.99, 62.49, 79.99]), 2),
            "Consumo Dados (GB)": round(rng.expovariate(1 / 12), 3),
            "Estado": rng.choice(estados),
            "Portabilidade": rng.random() < 0.2,
            "IBAN DD": _maybe(rng, 0.55, fk.iban(), (None,)),
            "Último IP": _maybe(rng, 0.7, fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6(), (None,)),
            "Utilizador Área Cliente": _maybe(rng, 0.6, user, (None,)),
            "Pessoa de Contacto": f"{fk.first_name()} {fk.last_name()}" if empresa else None,
            "Segmento": "Empresarial" if empresa else "Residencial",
        })
    df = pd.DataFrame(rows)
    for col in ("N.º CC", "Telemóvel Contacto", "IMEI", "Email", "IBAN DD", "Último IP", "Utilizador Área Cliente", "Pessoa de Contacto"):
        df[col] = df[col].astype("string")
    return df


# --------------------------------------------------------------------------- (e) Czech e-shop complaints


def _reklamace(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("cs_CZ", 5)
    staff = [f"{fk.first_name().lower()}.{fk.last_name().lower()[0]}" for _ in range(5)]
    staff = [s.translate(str.maketrans("áčďéěíňóřšťúůýž", "acdeeinorstuuyz")) for s in staff]
    produkty = [
        ("SAM-GA55-128", "Samsung Galaxy A55 5G 128GB"), ("XIA-RN13", "Xiaomi Redmi Note 13"), ("LEN-IP5-15", "Lenovo IdeaPad Slim 5 15\""),
        ("BOS-GSR12", "Bosch GSR 12V-15 aku vrtačka"), ("PHI-AF3000", "Philips Airfryer 3000"), ("DYS-V8", "Dyson V8 Absolute"),
        ("JBL-FL6", "JBL Flip 6"), ("ETA-KAV", "ETA kávovar Nero"), ("LOG-MX3S", "Logitech MX Master 3S"), ("TEF-EX01", "Tefal Easy Fry"),
    ]
    duvody = ["Nefunkční zboží", "Mechanické poškození", "Vrácení do 14 dnů", "Neodpovídá popisu", "Chybějící příslušenství", "Poškozeno při přepravě"]
    popisy = [
        "Zařízení se nezapne.", "Po týdnu přestal fungovat displej.", "Baterie nevydrží ani hodinu.",
        "Krabice byla při doručení promáčknutá.", "Chybí nabíječka.", "Výrobek vydává hlasitý zvuk.",
        "Tlačítko drží jen občas.", "Barva neodpovídá fotografii v e-shopu.", "Zboží nechci, vracím v zákonné lhůtě.",
        "Prasklé sklo.", "Přístroj se přehřívá.",
    ]
    rows = []
    for i in range(n):
        prijato = dt.datetime(2023, 1, 2, 8) + dt.timedelta(minutes=rng.randint(0, 800 * 24 * 60))
        kod, nazev = rng.choice(produkty)
        firma = rng.random() < 0.12
        psc = fk.postcode()
        jmeno, prijmeni = fk.first_name(), fk.last_name()
        rows.append({
            "Číslo reklamace": f"RK{prijato.year}/{i + 1:05d}",
            "Číslo objednávky": 2300000000 + rng.randint(0, 99_999_999),
            "Datum přijetí": prijato.isoformat(timespec="seconds"),
            "Jméno": jmeno,
            "Příjmení": prijmeni,
            "E-mail": fk.email() if rng.random() < 0.97 else "",
            "Telefon": _maybe(rng, 0.9, rng.choice([fk.phone_number(), rng.choice("67") + _digits(rng, 8), "+420" + rng.choice("67") + _digits(rng, 8)]), (None,)),
            "Ulice a č.p.": fk.street_address(),
            "Město": fk.city(),
            "PSČ": psc if rng.random() < 0.7 else int(psc.replace(" ", "")),
            "Stát": rng.choice(["CZ", "CZ", "CZ", "CZ", "SK"]),
            "IČO": _digits(rng, 8) if firma else None,
            "Firma": fk.company() if firma else None,
            "Kód zboží": kod,
            "Název zboží": nazev,
            "Sériové číslo": _maybe(rng, 0.7, "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(12)), (None,)),
            "Množství": rng.choice([1, 1, 1, 1, 2]),
            "Cena s DPH (Kč)": rng.choice([499, 899, 1290, 2490, 3999, 7490, 12990, 18990]) + rng.choice([0, 0.9]),
            "Důvod": rng.choice(duvody),
            "Popis závady": _free_text(rng, popisy, (1, 2), sep="\n"),
            "Způsob vyřízení": rng.choice(["Oprava", "Výměna", "Vrácení peněz", "Zamítnuto", "Sleva", None]),
            "Stav": rng.choice(["Přijato", "V řešení", "Vyřízeno", "Vyřízeno", "Čeká na zákazníka"]),
            "Číslo účtu pro vrácení": _maybe(rng, 0.5, _cz_account(rng) if rng.random() < 0.8 else fk.iban(), (None,)),
            "Vyřizuje": rng.choice(staff),
            "IP adresa": _maybe(rng, 0.8, fk.ipv4_public(), (None,)),
            "Lhůta vyřízení": (prijato.date() + dt.timedelta(days=30)).isoformat(),
            "Dobropis vystaven": rng.random() < 0.3,
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (f) Danish sports club


def _klub(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fk = _faker("da_DK", 6)
    afdelinger = {"Fodbold": ["U8", "U10", "U13 piger", "U15 drenge", "Senior herrer", "Old boys", "Kvindeholdet"],
                  "Håndbold": ["U11", "U14 piger", "Serie 1 herrer", "Motion"],
                  "Badminton": ["Motion formiddag", "Ungdom", "Senior"],
                  "Svømning": ["Crawl 2", "Baby-svømning", "Masters"]}
    bem = ["Astma - har inhalator med.", "Betaler via MobilePay.", "Søskenderabat.", "Fritidspas fra kommunen.",
           "Skal have trøje str. 140.", "Holdleder.", "Træner, fri kontingent.", "Ønsker faktura på papir."]
    today = dt.date(2024, 6, 30)
    rows = []
    mnr = 1000
    for _i in range(n):
        mnr += rng.randint(1, 4)
        junior = rng.random() < 0.45
        dob = _dob(rng, 5, 17) if junior else _dob(rng, 18, 78)
        female = rng.random() < 0.45
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        seq = rng.randint(0, 999) * 10 + (rng.choice([0, 2, 4, 6, 8]) if female else rng.choice([1, 3, 5, 7, 9]))
        cpr = f"{dob:%d%m%y}-{seq:04d}"
        afd = rng.choice(list(afdelinger))
        indm = _event_date(rng, max(dob + dt.timedelta(days=4 * 365), dt.date(2005, 1, 1)), 3000)
        indm = min(indm, today)
        parent = f"{fk.first_name()} {last}" if junior else ""
        rows.append({
            "Medlemsnr.": mnr,
            "Fornavn": first,
            "Efternavn": last,
            "CPR-nr.": _maybe(rng, 0.55, cpr if rng.random() < 0.8 else cpr.replace("-", "")),
            "Fødselsdato": dob.strftime("%d-%m-%Y"),
            "Køn": "K" if female else "M",
            "Adresse": fk.street_address(),
            "Postnr.": fk.postcode(),
            "By": fk.city(),
            "Mobil": _maybe(rng, 0.4 if junior else 0.9, rng.choice([fk.phone_number(), _digits(rng, 8), "+45" + _digits(rng, 8)])),
            "E-mail": _maybe(rng, 0.5 if junior else 0.9, fk.free_email()),
            "Forælder 1 navn": parent,
            "Forælder 1 mobil": rng.choice([fk.phone_number(), _digits(rng, 8)]) if junior else "",
            "Forælder 1 e-mail": fk.free_email() if junior and rng.random() < 0.9 else "",
            "Afdeling": afd,
            "Hold": rng.choice(afdelinger[afd]),
            "Medlemstype": "Junior" if junior else rng.choice(["Senior", "Senior", "Passiv", "Motionist"]),
            "Kontingent (kr.)": rng.choice([450, 650, 850, 1200, 1450, 300]),
            "Betalt": rng.choice(["Ja", "Ja", "Ja", "Nej", "Delvist"]),
            "Indmeldt": indm.strftime("%d-%m-%Y"),
            "Udmeldt": _event_date(rng, indm, 700).strftime("%d-%m-%Y") if rng.random() < 0.1 else "",
            "Bankkonto (reg./konto)": _maybe(rng, 0.3, f"{_digits(rng, 4)}-{_digits(rng, 10)}" if rng.random() < 0.7 else f"{_digits(rng, 4)} {_digits(rng, 8)}"),
            "Brugernavn": _maybe(rng, 0.7, rng.choice([fk.user_name(), f"{first.lower()}{rng.randint(1, 99)}"])),
            "Billedtilladelse": rng.choice(["Ja", "Nej", "Ja", ""]),
            "Børneattest udløber": _event_date(rng, dt.date(2024, 1, 1), 1100).strftime("%d-%m-%Y") if rng.random() < 0.08 else "",
            "Bemærkninger": _maybe(rng, 0.2, rng.choice(bem)),
            "DIF ID": _maybe(rng, 0.4, f"DIF{_digits(rng, 7)}"),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- (g) hotel PMS folios


def _hotel(n: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    locs = {"en_GB": "GBR", "en_US": "USA", "en_IE": "IRL", "de_DE": "DEU", "fr_FR": "FRA", "it_IT": "ITA", "es_ES": "ESP", "nl_NL": "NLD"}
    fakers = {loc: _faker(loc, 70 + k) for k, loc in enumerate(sorted(locs))}
    countries = {"GBR": "United Kingdom", "USA": "United States", "IRL": "Ireland", "DEU": "Germany", "FRA": "France",
                 "ITA": "Italy", "ESP": "Spain", "NLD": "Netherlands"}
    staff_fk = fakers["en_GB"]
    users = [f"{staff_fk.first_name()[0]}{staff_fk.last_name()}".upper()[:8] for _ in range(8)] + ["IFC", "OWS"]
    room_types = ["STD", "DLX", "DLXK", "SUP", "JS", "EXEC", "ACC"]
    rate_codes = ["BAR", "BB", "RACK", "CORP1", "AAA", "PKGSPA", "OTA-EXP", "GRP24"]
    requests = ["Late check-in approx. 23:00", "High floor please", "Feather-free pillows", "Twin beds",
                "Cot required", "Quiet room away from lift", "Early check-in if possible", "Celebrating anniversary",
                "Parking space needed", "Gluten-free breakfast"]
    companies = ["Accenture", "Deloitte LLP", "Siemens AG", "Pfizer", "Google Ireland Ltd", "KPMG", "Intel", "Vodafone"]
    agents = ["Booking.com", "Expedia", "HRS", "Amex GBT", "CWT", "Hotelbeds", "Direct"]
    rows = []
    folio = 300000
    for _i in range(n):
        folio += rng.randint(1, 5)
        loc = rng.choices(sorted(locs), weights=[6, 30, 8, 10, 14, 5, 5, 6])[0]
        fk = fakers[loc]
        nat = locs[loc]
        title = rng.choice(["Mr", "Mrs", "Ms", "Dr", "", "Mr"])
        first, last = fk.first_name(), fk.last_name()
        guest = rng.choice([f"{last.upper()}, {first} {title}".strip(), f"{last}, {first}", f"{first} {last}"])
        arr = _event_date(rng, dt.date(2023, 1, 1), 540)
        nights = rng.choice([1, 1, 2, 2, 3, 4, 5, 7])
        adr = round(rng.uniform(89, 420), 2)
        total = round(adr * nights * rng.uniform(1.0, 1.35), 2)
        pay = rng.choice(["VA", "MC", "AX", "CA", "DB", "VA", "MC"])
        card = ""
        if pay in ("VA", "MC", "AX"):
            raw = staff_fk.credit_card_number(card_type={"VA": "visa16", "MC": "mastercard", "AX": "amex"}[pay])
            card = _maybe(rng, 0.85, rng.choice([raw, " ".join(raw[k:k + 4] for k in range(0, len(raw), 4)), raw]))
        addr = fk.street_address().replace("\n", ", ")
        web = rng.random() < 0.45
        rows.append({
            "Folio No.": folio,
            "Conf. No.": f"{rng.randint(10000000, 99999999)}",
            "Resv Status": rng.choice(["CHECKED OUT", "CHECKED OUT", "CHECKED OUT", "NO SHOW", "CANCELLED"]),
            "Guest Name": guest,
            "Title": title or None,
            "Arrival": pd.Timestamp(arr),
            "Departure": pd.Timestamp(arr + dt.timedelta(days=nights)),
            "Nights": nights,
            "Room": f"{rng.randint(1, 9)}{rng.randint(1, 40):02d}",
            "Room Type": rng.choice(room_types),
            "Rate Code": rng.choice(rate_codes),
            "ADR": adr,
            "Total Folio": total,
            "Balance": rng.choice([0.0, 0.0, 0.0, round(rng.uniform(-50, 300), 2)]),
            "Pymt Type": pay,
            "CC No.": card or None,
            "CC Exp": f"{rng.randint(1, 12):02d}/{rng.randint(24, 29)}" if card else None,
            "Nationality": nat,
            "Passport / ID No.": _maybe(rng, 0.6, _passport(rng, nat), (None,)),
            "Date of Birth": pd.Timestamp(_dob(rng, 18, 85)) if rng.random() < 0.5 else pd.NaT,
            "Address Line 1": _maybe(rng, 0.75, addr, (None,)),
            "City": _maybe(rng, 0.85, fk.city(), (None,)),
            "Postal Code": _maybe(rng, 0.75, str(fk.postcode()), (None,)),
            "Country": countries[nat],
            "Mobile": _maybe(rng, 0.8, fk.phone_number(), (None,)),
            "Email": _maybe(rng, 0.85, fk.email() if rng.random() < 0.85 else f"{_digits(rng, 10)}@guest.booking.com", (None,)),
            "Company": rng.choice(companies) if rng.random() < 0.2 else None,
            "Travel Agent": rng.choice(agents),
            "Membership No.": f"GR{_digits(rng, 9)}" if rng.random() < 0.3 else None,
            "Accompanying Guest": f"{fk.first_name()} {rng.choice([last, fk.last_name()])}" if rng.random() < 0.25 else None,
            "Special Requests": _maybe(rng, 0.3, "; ".join(rng.sample(requests, rng.randint(1, 2))), (None,)),
            "Market Seg.": rng.choice(["LEIS", "CORP", "GRP", "OTA", "WHL"]),
            "Created By": rng.choice(users),
            "Booking IP": (fk.ipv4_public() if rng.random() < 0.85 else fk.ipv6()) if web else None,
            "Last Modified": pd.Timestamp(dt.datetime.combine(arr, dt.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)))),
            "Guest Profile ID": _digits(rng, 7),
        })
    df = pd.DataFrame(rows)
    for col in df.columns:
        if df[col].dtype == object:
            df[col] = df[col].astype("string")
    return df


# --------------------------------------------------------------------------- public API

_MAKERS: dict[str, Callable[[int], pd.DataFrame]] = {
    "vet_clients_pets": _vet,
    "actes_notaire": _notaire,
    "parkeervergunningen": _parkeren,
    "assinantes_telecom": _telecom,
    "reklamace": _reklamace,
    "medlemmer": _klub,
    "guest_folios": _hotel,
}


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build every table in memory; ``rows`` is the size of the largest tables."""
    return {name: _MAKERS[name](max(1, round(rows * _SHARE[name]))) for name in TABLES}


def _write(name: str, df: pd.DataFrame, path: Path) -> None:
    if name == "vet_clients_pets":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif name == "parkeervergunningen":
        df.to_csv(path, index=False, sep=";", encoding="cp1252", errors="replace")
    elif name == "medlemmer":
        df.to_csv(path, index=False, sep="\t", encoding="utf-8")
    elif name == "actes_notaire":
        df.to_excel(path, index=False, sheet_name="Export actes", engine="openpyxl")
    elif name == "reklamace":
        df.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        df.to_parquet(path, index=False)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into ``out_dir`` (created if missing); return ``{table: path}``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in make_tables(rows).items():
        path = out_dir / _FILES[name]
        _write(name, df, path)
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout20.py OUT_DIR")
    for table, p in write_all(Path(sys.argv[1])).items():
        print(f"{table}: {p}")
