"""Blind held-out set heldout32: six exports from sports, property, health-insurance, school,
clinic and ticketing systems (AU, AT, BE-fr, IT, PL, EN), written before any scanner run.

Run ``python bench/heldout32/gen_heldout32.py OUT_DIR`` to write the tables.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "labels", "make_tables", "write_all"]

SEED = 32320
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "au_club_registrations",
    "at_hv_eigentuemer",
    "be_mutualite_membres",
    "it_scuola_registro",
    "pl_przychodnia_pacjenci",
    "ticketing_attendees",
)

FILES = {
    "au_club_registrations": "au_club_registrations.csv",
    "at_hv_eigentuemer": "at_hv_eigentuemer.xlsx",
    "be_mutualite_membres": "be_mutualite_membres.csv",
    "it_scuola_registro": "it_scuola_registro.parquet",
    "pl_przychodnia_pacjenci": "pl_przychodnia_pacjenci.csv",
    "ticketing_attendees": "ticketing_attendees.jsonl",
}

# Hand-written small lists (not Faker word lists).
BE_TOWNS = [
    ("1000", "Bruxelles"), ("1030", "Schaerbeek"), ("1060", "Saint-Gilles"), ("1070", "Anderlecht"),
    ("1080", "Molenbeek-Saint-Jean"), ("1180", "Uccle"), ("1300", "Wavre"), ("1340", "Ottignies"),
    ("1400", "Nivelles"), ("4000", "Liège"), ("4020", "Liège"), ("4100", "Seraing"), ("4500", "Huy"),
    ("4800", "Verviers"), ("5000", "Namur"), ("5100", "Jambes"), ("5500", "Dinant"), ("6000", "Charleroi"),
    ("6040", "Jumet"), ("6700", "Arlon"), ("6900", "Marche-en-Famenne"), ("7000", "Mons"),
    ("7100", "La Louvière"), ("7500", "Tournai"), ("7700", "Mouscron"), ("6800", "Libramont-Chevigny"),
    ("5300", "Andenne"), ("4900", "Spa"), ("1420", "Braine-l'Alleud"), ("7800", "Ath"),
]
BE_STREET_TYPES = ["Rue", "Avenue", "Chaussée de", "Boulevard", "Place", "Clos", "Allée", "Rue de"]
BE_STREET_WORDS = ["la Station", "Namur", "l'Église", "Mons", "Louvain", "Fleurus", "des Alliés", "du Moulin",
                   "Wavre", "la Gare", "Bruxelles", "des Combattants", "Saint-Lambert", "Haute", "Neuve",
                   "de Fer", "des Écoles", "du Parc", "Albert Ier", "Léopold"]
AU_TEAMS = ["U8 Mixed", "U10 Girls", "U12 Boys", "U14 Girls", "U16 Boys", "U18 Colts", "Senior Men Div 2",
            "Senior Women Div 1", "Masters 35+", "Over 45s Social"]
AU_MEDICAL = ["", "", "", "", "Asthma - carries Ventolin", "Nut allergy (EpiPen in bag)", "Nil",
              "nil known", "Type 1 diabetes, monitor at training", "Recovering from broken wrist",
              "Hay fever", "Bee sting allergy", "N/A"]
IT_NOTE = ["", "", "", "", "Ritardo ingresso ore 8:20", "Compiti non svolti (matematica)",
           "Disturbo durante la lezione di scienze", "Uscita anticipata autorizzata",
           "Dimenticato il materiale di educazione fisica", "Ottimo impegno nel progetto lettura"]
PL_ICD = ["J06.9", "I10", "E11.9", "M54.5", "J45.0", "K21.9", "F41.1", "E03.9", "N39.0", "Z00.0", ""]
PL_UWAGI = ["", "", "", "Pacjent przewlekle chory", "Skierowanie do poradni kardiologicznej",
            "Szczepienie przeciw grypie 2025", "Nie stawił się na wizytę", "Prośba o e-receptę",
            "Wyniki badań do odbioru", "Alergia na penicylinę"]
NFZ = ["01 - Dolnośląski", "02 - Kujawsko-Pomorski", "06 - Małopolski", "07 - Mazowiecki",
       "10 - Łódzki", "12 - Śląski", "15 - Wielkopolski", "11 - Pomorski"]
EVENTS = [("Data Engineering Summit 2026", 702114558231), ("Sydney Jazz Night", 689901233457),
          ("Intro to Pottery Workshop", 715530021198), ("Founders Breakfast Q3", 698812240076),
          ("Charity Fun Run 5K", 720045517782)]
TICKETS = ["General Admission", "Early Bird", "VIP", "Student", "Group (4)", "Complimentary"]
DIET = ["", "", "", "Vegetarian", "Vegan", "Gluten free", "No pork please", "Halal", "none", "Lactose intolerant"]


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(spec["columns"]) for t, spec in data.items()}


def _fakers() -> dict[str, Faker]:
    out = {}
    for i, loc in enumerate(["en_AU", "de_AT", "fr_FR", "it_IT", "pl_PL", "en_US", "en_GB"]):
        f = Faker(loc)
        f.seed_instance(SEED + i)
        out[loc] = f
    return out


def _dob(rng: random.Random, lo: int, hi: int) -> dt.date:
    start = dt.date(2026, 6, 1) - dt.timedelta(days=365 * hi)
    return start + dt.timedelta(days=rng.randint(0, 365 * (hi - lo)))


def _blank(rng: random.Random, value, p: float, fill=""):
    return fill if rng.random() < p else value


def _slug(s: str) -> str:
    table = str.maketrans("äöüßéèêëàâçîïôûùñłśżźćńóąę ", "aouseeeeaaciiouunlszzcnoae.")
    return "".join(ch for ch in s.lower().translate(table) if ch.isalnum() or ch in "._-")


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    pat = rng.choice(["{f}.{l}", "{f}{l}", "{f0}{l}", "{l}.{f}", "{f}_{l}{n}", "{f}{n}"])
    local = pat.format(f=_slug(first), l=_slug(last), f0=_slug(first)[:1], n=rng.randint(1, 99))
    return f"{local}@{rng.choice(domains)}"


def _au(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["en_AU"]
    recs = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 6, 55)
        minor = dob > dt.date(2008, 6, 1)
        mob = "04" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        mob_fmt = rng.choice([f"{mob[:4]} {mob[4:7]} {mob[7:]}", mob, f"+61 {mob[1:4]} {mob[4:7]} {mob[7:]}",
                              str(float(int(mob)))])
        pc = f.postcode()
        pcv = rng.choice([pc, pc, str(int(pc))])
        gname = f"{f.first_name()} {last if rng.random() < 0.8 else f.last_name()}" if minor else ""
        gmob = ("04" + "".join(str(rng.randint(0, 9)) for _ in range(8))) if minor else ""
        ec_first = f.first_name()
        recs.append({
            "Rego ID": f"RG-{2026}{i + 104331:07d}",
            "Season": rng.choice(["2026 Winter", "2026 Winter", "2025/26 Summer"]),
            "Member First Name": first,
            "Member Last Name": last.upper() if rng.random() < 0.05 else last,
            "DOB": rng.choice([dob.strftime("%d/%m/%Y"), dob.strftime("%d/%m/%Y"), dob.strftime("%-d/%-m/%y")]),
            "Gender": rng.choice(["Male", "Female", "M", "F", "Non-binary", "Prefer not to say"]),
            "Email Address": rng.choice(["", "n/a", "N/A"]) if rng.random() < 0.05 else _email(
                rng, first, last, ["gmail.com", "bigpond.com", "outlook.com", "hotmail.com", "optusnet.com.au"]),
            "Mobile": mob_fmt,
            "Street Address": _blank(rng, f.street_address(), 0.03),
            "Suburb": f.city(),
            "State": f.state_abbr(),
            "Postcode": pcv,
            "Parent/Guardian Name": gname,
            "Parent/Guardian Mobile": gmob,
            "Emergency Contact": _blank(rng, f"{ec_first} {f.last_name()}", 0.1),
            "Emergency Ph": _blank(rng, f.phone_number(), 0.1),
            "Team / Age Group": rng.choice(AU_TEAMS),
            "Fee Paid ($)": rng.choice([185.0, 220.0, 95.5, 310.0, 0.0, 150.0]),
            "Paid?": rng.choice(["Y", "Y", "Y", "N"]),
            "PlayHQ Username": _blank(rng, f.user_name() + rng.choice(["", str(rng.randint(1, 99))]), 0.2),
            "Medical Conditions / Notes": rng.choice(AU_MEDICAL),
            "Jersey #": rng.choice([str(rng.randint(1, 30)), "", "TBC"]),
            "Registered At": (dt.datetime(2026, 1, 15) + dt.timedelta(minutes=rng.randint(0, 200000))
                              ).strftime("%Y-%m-%d %H:%M:%S"),
            "WWCC Required": rng.choice(["TRUE", "FALSE"]),
        })
    return pd.DataFrame(recs)


def _at(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["de_AT"]
    recs = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 25, 90)
        pc = f.postcode()
        recs.append({
            "Objekt-Nr.": f"{rng.randint(100, 460):04d}",
            "Top": rng.choice([f"Top {rng.randint(1, 24)}", f"{rng.randint(1, 9)}/{rng.randint(1, 12)}",
                               "Geschäftslokal", "TG-Platz " + str(rng.randint(1, 40))]),
            "Nutzwert": round(rng.uniform(8, 140), 2),
            "Anteile (BNR)": f"{rng.randint(20, 900)}/{rng.choice([10000, 8430, 12650])}",
            "Anrede": rng.choice(["Herr", "Frau", "Frau", "Herr", "Firma", ""]),
            "Titel": rng.choice(["", "", "", "", "Dr.", "Mag.", "DI", "Ing.", "MMag.", "Prof. Dr."]),
            "Vorname": first,
            "Zuname": last,
            "Geb.Datum": _blank(rng, rng.choice([dob.strftime("%d.%m.%Y"), dob]), 0.25, None),
            "Zustelladresse": f.street_address(),
            "PLZ": int(pc),
            "Ort": f.city(),
            "Land": rng.choice(["Österreich", "AT", "A", "Deutschland", ""]),
            "Tel. privat": _blank(rng, f.phone_number(), 0.4),
            "Mobil": _blank(rng, rng.choice(["0664", "0676", "0699", "0650", "+43 660 "]) + " "
                            + "".join(str(rng.randint(0, 9)) for _ in range(7)), 0.15),
            "E-Mail": _blank(rng, _email(rng, first, last, ["gmx.at", "aon.at", "chello.at", "gmail.com",
                                                            "a1.net"]), 0.2),
            "IBAN": _blank(rng, rng.choice([f.iban(), " ".join(f.iban()[k:k + 4] for k in range(0, 20, 4))]), 0.2),
            "BIC": rng.choice(["BKAUATWW", "RZOOAT2L", "GIBAATWWXXX", "OBKLAT2L", "SPSBAT21", ""]),
            "SEPA Mandat-Ref.": f"HV{rng.randint(100, 460)}-{i + 1:05d}",
            "Steuernr.": _blank(rng, f"{rng.randint(1, 98):02d} {rng.randint(100, 999)}/{rng.randint(1000, 9999)}",
                                0.7),
            "Rückstand EUR": round(rng.choice([0, 0, 0, rng.uniform(10, 4000)]), 2),
            "Akonto mtl.": round(rng.uniform(80, 650), 2),
            "TZ Grundbuch": f"{rng.randint(100, 9999)}/{rng.randint(1990, 2025)}",
            "Zustellung E-Mail J/N": rng.choice(["J", "N", "J"]),
            "Bemerkung": rng.choice(["", "", "", "Schlüssel Waschküche ausgegeben", "Vermietet",
                                     "Eigennutzung", "Wohnungseigentumsvertrag vom 12.03.1998", "Mahnstufe 2",
                                     "Vermietet\nVorauszahlung angepasst ab 01/2026"]),
        })
    return pd.DataFrame(recs)


def _niss(rng: random.Random, dob: dt.date) -> str:
    seq = rng.randint(1, 998)
    base = int(f"{dob:%y%m%d}{seq:03d}")
    if dob.year >= 2000:
        base += 2_000_000_000
    chk = 97 - base % 97
    return f"{dob:%y.%m.%d}-{seq:03d}.{chk:02d}"


def _be_iban(rng: random.Random) -> str:
    acct = rng.randint(0, 10**10 - 1)
    bban = f"{acct:010d}{acct % 97 or 97:02d}"
    num = int(bban + "111400")
    ck = 98 - num % 98
    raw = f"BE{ck:02d}{bban}"
    return rng.choice([raw, " ".join(raw[k:k + 4] for k in range(0, 16, 4))])


def _be(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["fr_FR"]
    recs = []
    for _i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 0, 95)
        pc, town = rng.choice(BE_TOWNS)
        titular = _blank(rng, f"{last.upper()} {f.first_name()}", 0.7)
        street = f"{rng.choice(BE_STREET_TYPES)} {rng.choice(BE_STREET_WORDS)} {rng.randint(1, 240)}"
        if rng.random() < 0.15:
            street += f" bte {rng.randint(1, 12)}"
        gsm = f"04{rng.choice(['70', '75', '77', '78', '85', '86', '95', '96'])}" + "".join(
            str(rng.randint(0, 9)) for _ in range(6))
        gsm_fmt = rng.choice([f"{gsm[:4]}/{gsm[4:6]}.{gsm[6:8]}.{gsm[8:]}", f"+32 {gsm[1:4]} {gsm[4:6]} {gsm[6:8]} "
                              f"{gsm[8:]}", gsm])
        recs.append({
            "N° affilié": f"{rng.randint(100, 399)}-{rng.randint(1000000, 9999999)}",
            "NISS": rng.choice([_niss(rng, dob), _niss(rng, dob).replace(".", "").replace("-", "")]),
            "Nom": last,
            "Prénom": first,
            "Date de naissance": dob.strftime("%d/%m/%Y"),
            "Lieu de naissance": _blank(rng, rng.choice(BE_TOWNS)[1], 0.3),
            "Sexe": rng.choice(["M", "F"]),
            "Adresse": street,
            "Code postal": pc,
            "Localité": town,
            "Téléphone": _blank(rng, f"0{rng.choice(['2', '4', '71', '81', '65', '10'])} "
                                     f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}", 0.6),
            "GSM": _blank(rng, gsm_fmt, 0.15),
            "Courriel": _blank(rng, _email(rng, first, last, ["skynet.be", "gmail.com", "hotmail.com", "proximus.be",
                                                               "voo.be", "outlook.be"]), 0.3),
            "Compte bancaire": _blank(rng, _be_iban(rng), 0.25),
            "Titulaire (si personne à charge)": titular,
            "Médecin traitant": _blank(rng, f"Dr {f.last_name()}", 0.2),
            "Catégorie": rng.choice(["Titulaire", "Personne à charge", "Pensionné", "Invalide", "Étudiant"]),
            "BIM": rng.choice(["Oui", "Non", "Non", "Non"]),
            "Date d'affiliation": (dt.date(1995, 1, 1) + dt.timedelta(days=rng.randint(0, 11000))).isoformat(),
            "Cotisation annuelle (€)": rng.choice(["118,20", "118,20", "59,10", "0,00", "136,80"]),
            "Assurance complémentaire": rng.choice(["Oui", "Non", "Hospi Plus", "Dento+"]),
            "Remarques": rng.choice(["", "", "", "Changement d'adresse demandé", "Attestation envoyée",
                                     "Remboursement kiné en attente", "Carte EHIC délivrée",
                                     "Attestation envoyée\nRappel cotisation 2026"]),
        })
    return pd.DataFrame(recs)


def _it(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["it_IT"]
    # Faker's it_IT city list is built from a set (order varies by hash seed): sort it for determinism.
    cities = sorted(set(f.provider("faker.providers.address").cities))
    recs = []
    for _i in range(rows):
        last, first = f.last_name(), f.first_name()
        dob = _dob(rng, 6, 14)
        g1l, g1f = (last if rng.random() < 0.7 else f.last_name()), f.first_name()
        g2l, g2f = f.last_name(), f.first_name()
        has_g2 = rng.random() < 0.7
        cell = lambda: "3" + "".join(str(rng.randint(0, 9)) for _ in range(9))  # noqa: E731
        deleg = ", ".join(f"{f.first_name()} {f.last_name()}" for _ in range(rng.randint(1, 2))) \
            if rng.random() < 0.35 else None
        recs.append({
            "Matricola": f"{rng.randint(1000, 9999)}",
            "Anno scol.": "2025/2026",
            "Classe": f"{rng.randint(1, 5)}{rng.choice('ABCDE')}",
            "Plesso": rng.choice(["Primaria G. Pascoli", "Sec. I grado A. Manzoni", "Primaria Don Milani"]),
            "Cognome": last,
            "Nome": first,
            "Codice Fiscale": f.ssn(),
            "Data nascita": dob.strftime("%d/%m/%Y"),
            "Luogo nascita": rng.choice([rng.choice(cities), f"{rng.choice(cities)} ({f.state_abbr()})",
                                         rng.choice(cities).upper()]),
            "Cittadinanza": rng.choice(["ITALIANA", "ITALIANA", "ITALIANA", "ROMENA", "ALBANESE", "MAROCCHINA"]),
            "Indirizzo residenza": f.street_address(),
            "CAP": int(f.postcode()),
            "Comune residenza": rng.choice(cities),
            "Prov.": f.state_abbr(),
            "Genitore1 Cognome Nome": f"{g1l.upper()} {g1f.upper()}",
            "CF Genitore1": f.ssn(),
            "Cell. Genitore1": rng.choice([cell(), "+39 " + cell()]),
            "Email Genitore1": _blank(rng, _email(rng, g1f, g1l, ["libero.it", "gmail.com", "virgilio.it",
                                                                  "alice.it", "tiscali.it"]), 0.15),
            "Genitore2 Cognome Nome": f"{g2l.upper()} {g2f.upper()}" if has_g2 else None,
            "Cell. Genitore2": cell() if has_g2 else None,
            "Email Genitore2": _email(rng, g2f, g2l, ["libero.it", "gmail.com", "hotmail.it"])
            if has_g2 and rng.random() < 0.6 else None,
            "Tel. abitazione": _blank(rng, f"0{rng.randint(2, 99)} {rng.randint(100000, 9999999)}", 0.6, None),
            "Delegati ritiro": deleg,
            "Utente RE": f"{_slug(first)[:1]}{_slug(last)}.{rng.randint(1, 999)}" if rng.random() < 0.9 else None,
            "IRC (S/N)": rng.choice(["S", "S", "N"]),
            "Mensa": rng.choice([True, False]),
            "Media voti": round(rng.uniform(5.0, 9.8), 2),
            "Ore assenza": float(rng.randint(0, 120)),
            "Note disciplinari": rng.choice(IT_NOTE),
        })
    return pd.DataFrame(recs)


def _pl(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    f = fk["pl_PL"]
    recs = []
    for i in range(rows):
        sex = rng.choice("MK")
        first = f.first_name_male() if sex == "M" else f.first_name_female()
        last = f.last_name_male() if sex == "M" else f.last_name_female()
        second = (f.first_name_male() if sex == "M" else f.first_name_female()) if rng.random() < 0.4 else ""
        dob = _dob(rng, 0, 95)
        pesel = f.pesel(date_of_birth=dt.datetime(dob.year, dob.month, dob.day), sex=sex)
        tel = "".join(str(rng.randint(0, 9)) for _ in range(9))
        tel = rng.choice(["5", "6", "7", "8"]) + tel[1:]
        recs.append({
            "ID pacjenta": i + 20031,
            "Nr kartoteki": f"K/{rng.randint(1, 9999)}/{rng.randint(2005, 2026)}",
            "PESEL": rng.choice([pesel, pesel, str(int(pesel))]),
            "Imię": first,
            "Drugie imię": second,
            "Nazwisko": last,
            "Data urodzenia": rng.choice([dob.strftime("%Y-%m-%d"), dob.strftime("%d.%m.%Y")]),
            "Płeć": sex,
            "Ulica, nr domu/lokalu": f.street_address(),
            "Kod pocztowy": f.postcode(),
            "Miejscowość": f.city(),
            "Województwo": rng.choice(["mazowieckie", "małopolskie", "śląskie", "pomorskie", "łódzkie"]),
            "Telefon": _blank(rng, rng.choice([f"{tel[:3]} {tel[3:6]} {tel[6:]}", f"+48{tel}", tel]), 0.1),
            "E-mail": _blank(rng, _email(rng, first, last, ["wp.pl", "onet.pl", "interia.pl", "gmail.com",
                                                            "o2.pl"]), 0.45),
            "Seria i nr dowodu": _blank(rng, f.identity_card_number(), 0.5),
            "Oddział NFZ": rng.choice(NFZ),
            "Lekarz POZ": f"lek. {f.first_name()} {f.last_name()}",
            "Osoba upoważniona": _blank(rng, f"{f.first_name()} {f.last_name()}", 0.55),
            "Tel. os. upoważnionej": _blank(rng, f.phone_number(), 0.65),
            "Login IKP": _blank(rng, f"{_slug(first)}.{_slug(last)}{rng.randint(1, 99)}", 0.5),
            "Deklaracja POZ": rng.choice(["T", "T", "N"]),
            "Ostatnia wizyta": (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 880))).strftime("%d.%m.%Y"),
            "Rozpoznanie (ICD-10)": rng.choice(PL_ICD),
            "Uwagi": rng.choice(PL_UWAGI),
        })
    return pd.DataFrame(recs)


def _tk(rng: random.Random, fk: dict[str, Faker], rows: int) -> pd.DataFrame:
    recs = []
    order = 11872330401
    for i in range(rows):
        f = fk[rng.choice(["en_US", "en_US", "en_GB", "en_AU"])]
        ev, ev_id = rng.choice(EVENTS)
        first, last = f.first_name(), f.last_name()
        same_buyer = rng.random() < 0.6
        bf, bl = (first, last) if same_buyer else (f.first_name(), f.last_name())
        if rng.random() < 0.7:
            order += rng.randint(1, 900)
        price = rng.choice([0.0, 25.0, 49.0, 120.0, 15.5])
        recs.append({
            "Order #": str(order),
            "Order Date": (dt.datetime(2026, 3, 1) + dt.timedelta(seconds=rng.randint(0, 9_000_000))
                           ).strftime("%m/%d/%y %I:%M %p"),
            "Event Name": ev,
            "Event ID": ev_id,
            "Attendee #": 3_300_000_000 + i * 7,
            "Ticket Type": rng.choice(TICKETS),
            "First Name": first,
            "Last Name": last,
            "Email": _email(rng, first, last, ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"]),
            "Buyer First Name": bf,
            "Buyer Last Name": bl,
            "Buyer Email": _email(rng, bf, bl, ["gmail.com", "yahoo.com", "hotmail.co.uk", "me.com"]),
            "Cell Phone": _blank(rng, f.phone_number(), 0.3),
            "Home Address 1": _blank(rng, f.street_address(), 0.6),
            "Home City": None if rng.random() < 0.6 else f.city(),
            "Home Zip": None if rng.random() < 0.6 else f.postcode(),
            "Home Country": rng.choice(["US", "United States", "GB", "AU", ""]),
            "Job Title": _blank(rng, f.job(), 0.5),
            "Company": _blank(rng, f.company(), 0.5),
            "Date of Birth": _blank(rng, _dob(rng, 18, 70).strftime("%m/%d/%Y"), 0.7),
            "Twitter Handle": _blank(rng, "@" + f.user_name(), 0.75),
            "Order IP": rng.choice([f.ipv4_public(), f.ipv4_public(), f.ipv6()]),
            "Ticket Price": price,
            "Eventbrite Fees": round(price * 0.037 + (0.79 if price else 0), 2),
            "Currency": "USD",
            "Payment Type": rng.choice(["Visa", "MasterCard", "PayPal", "Free", "Apple Pay"]),
            "Card": rng.choice([f"**** {rng.randint(1000, 9999)}", ""]),
            "Attendee Status": rng.choice(["Attending", "Attending", "Checked In", "Refunded", "Transferred"]),
            "Checked In": rng.choice([True, False]),
            "Barcode #": f"{order}{i:04d}001",
            "Dietary Requirements": rng.choice(DIET),
            "How did you hear about us?": rng.choice(["Friend", "Instagram", "Newsletter", "Other", ""]),
        })
    return pd.DataFrame(recs)


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table with ``rows`` rows, deterministically."""
    fk = _fakers()
    out = {}
    builders = [_au, _at, _be, _it, _pl, _tk]
    for k, (name, build) in enumerate(zip(TABLES, builders, strict=True)):
        out[name] = build(random.Random(SEED * 10 + k), fk, rows)
    return out


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into ``out_dir`` (created) and return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in make_tables(rows).items():
        p = out_dir / FILES[name]
        if name == "au_club_registrations":
            df.to_csv(p, index=False, encoding="utf-8")
        elif name == "at_hv_eigentuemer":
            df.to_excel(p, index=False, sheet_name="Eigentümer", engine="openpyxl")
        elif name == "be_mutualite_membres":
            df.to_csv(p, index=False, sep=";", encoding="utf-8-sig")
        elif name == "it_scuola_registro":
            df.to_parquet(p, index=False)
        elif name == "pl_przychodnia_pacjenci":
            df.to_csv(p, index=False, sep="\t", encoding="cp1250")
        else:
            df.to_json(p, orient="records", lines=True, force_ascii=False, date_format="iso")
        paths[name] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_heldout32.py OUT_DIR")
    for t, p in write_all(Path(sys.argv[1])).items():
        print(t, p)
