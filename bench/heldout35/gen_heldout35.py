"""Blind held-out set heldout35: six realistic exports (UK GP bookings, DE Steuerberater,
FR agence immobilière, IT ASL vaccinations, SE benefit claimants, mobile-game players).

Labels live in labels.yaml next to this file and were written by hand before any scanner run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sys
import uuid
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["TABLES", "SEED", "labels", "make_tables", "write_all"]

SEED = 35350
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "gp_online_bookings",
    "stb_mandanten",
    "agence_locataires",
    "asl_anagrafe_vaccinale",
    "fk_sokande",
    "game_player_accounts",
)

FILES = {
    "gp_online_bookings": "gp_online_bookings.csv",
    "stb_mandanten": "stb_mandanten.csv",
    "agence_locataires": "agence_locataires.xlsx",
    "asl_anagrafe_vaccinale": "asl_anagrafe_vaccinale.parquet",
    "fk_sokande": "fk_sokande.jsonl",
    "game_player_accounts": "game_player_accounts.tsv",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _faker(locale: str, offset: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(SEED + offset)
    return fk


def _blank(rng: random.Random, value, p: float, fill=""):
    return fill if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2008) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _event(rng: random.Random, lo: int = 2021, hi: int = 2025) -> dt.datetime:
    d = _dob(rng, lo, hi)
    return dt.datetime(d.year, d.month, d.day, rng.randint(7, 19), rng.choice([0, 10, 15, 20, 30, 40, 45, 50]))


def _nhs(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        digits[0] = rng.randint(4, 7)
        total = sum(d * (10 - i) for i, d in enumerate(digits))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, digits)) + str(check)
            return s


def _nino(rng: random.Random) -> str:
    letters = "ABCEGHJKLMNPRSTWXYZ"
    return (rng.choice(letters) + rng.choice(letters) + "".join(str(rng.randint(0, 9)) for _ in range(6))
            + rng.choice("ABCD"))


def _ip(rng: random.Random) -> str:
    return ".".join(str(x) for x in (rng.randint(2, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))


def _ipv6(rng: random.Random) -> str:
    return "2a02:" + ":".join(f"{rng.randint(0, 65535):x}" for _ in range(7))


def _gp(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("en_GB", 1)
    clinicians = [f"Dr {fk.first_name()} {fk.last_name()}" for _ in range(9)] + [
        f"{fk.first_name()} {fk.last_name()} (Practice Nurse)" for _ in range(4)]
    reasons = ["Medication review", "Follow up blood test results", "Asthma review", "Repeat prescription query",
               "Back pain for 2 weeks", "Contraception", "Skin rash on arm", "Travel vaccinations",
               "Chest infection not clearing", "Fit note renewal", "", "", "Ear syringing\nboth ears",
               "Diabetic foot check", "Smear test", "BP check - home readings attached"]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        booked = _event(rng, 2024, 2025)
        slot = booked + dt.timedelta(days=rng.randint(0, 21), hours=rng.randint(0, 3))
        dob = _dob(rng, 1930, 2022)
        nhs = _nhs(rng)
        nhs_fmt = rng.choice([f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}", nhs, nhs])
        mobile = rng.choice(["07" + "".join(str(rng.randint(0, 9)) for _ in range(9)),
                             "+44 7" + "".join(str(rng.randint(0, 9)) for _ in range(3)) + " "
                             + "".join(str(rng.randint(0, 9)) for _ in range(6)),
                             fk.phone_number()])
        out.append({
            "Appointment ID": 880000 + i * 7 + rng.randint(0, 6),
            "Booked Date/Time": booked.strftime("%d/%m/%Y %H:%M"),
            "Slot Start": slot.strftime("%d-%b-%Y %H:%M"),
            "Duration (mins)": rng.choice([10, 10, 10, 15, 20, 30]),
            "Session Type": rng.choice(["Routine GP", "Nurse Clinic", "Telephone Consult", "Online Consult",
                                        "Same Day"]),
            "Clinician": rng.choice(clinicians),
            "NHS Number": nhs_fmt,
            "Title": rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", ""]),
            "Forename": first,
            "Surname": last.upper() if rng.random() < 0.3 else last,
            "DOB": dob.strftime("%d/%m/%Y"),
            "Address Line 1": _blank(rng, fk.street_address().replace("\n", ", "), 0.03),
            "Town": _blank(rng, fk.city(), 0.05),
            "Postcode": _blank(rng, fk.postcode(), 0.02),
            "Mobile No.": _blank(rng, mobile, 0.1),
            "Email": _blank(rng, fk.free_email() if rng.random() < 0.7 else
                            f"{first.lower()}.{last.lower()}@{fk.free_email_domain()}", 0.25),
            "NHS App / Patient Access Login": _blank(rng, rng.choice([
                f"{first.lower()}{last.lower()[:3]}{rng.randint(1, 99)}", fk.user_name(),
                f"{first[0].lower()}{last.lower()}"]), 0.35),
            "Booking IP": _blank(rng, _ip(rng), 0.4),
            "Booked Via": rng.choice(["NHS App", "Patient Access", "Reception", "Telephone", "eConsult"]),
            "Reason (patient entered)": rng.choice(reasons),
            "Status": rng.choice(["Booked", "Arrived", "Finished", "DNA", "Cancelled by patient",
                                  "Cancelled by practice"]),
            "DNA?": rng.choice(["Y", "N", "N", "N", "N"]),
            "SMS Reminder Sent": rng.choice(["TRUE", "FALSE"]),
            "Practice ODS Code": rng.choice(["F84017", "F84017", "M85063"]),
            "NI No (if supplied)": _blank(rng, _nino(rng), 0.85),
        })
    return pd.DataFrame(out)


def _steuer_id(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))


def _stb(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("de_DE", 2)
    finanzaemter = ["FA München-Abt. II/III", "FA Köln-Mitte", "FA Hamburg-Nord", "FA Stuttgart II",
                    "FA Frankfurt am Main V-Höchst", "FA Düsseldorf-Süd", "FA Leipzig I"]
    notes = ["Belege kommen quartalsweise", "Vollmacht liegt vor", "", "", "", "Mahnung Honorar 2023 offen",
             "ELSTER-Zertifikat läuft ab", "Anlage V für 2 Objekte", "Umzug geplant, neue Anschrift folgt",
             "Kindergeld prüfen", "Rückfragen nur per Post"]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        dob = _dob(rng, 1940, 2003)
        stnr = f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"
        iban = fk.iban()
        if rng.random() < 0.5:
            iban = " ".join(iban[k:k + 4] for k in range(0, len(iban), 4))
        married = rng.random() < 0.45
        out.append({
            "Mandanten-Nr.": 10000 + i * 3,
            "Anrede": rng.choice(["Herr", "Frau", "Herr", "Frau", "Divers"]),
            "Titel": rng.choice(["", "", "", "", "Dr.", "Dipl.-Ing."]),
            "Vorname": first,
            "Nachname": last,
            "Geb.-Datum": dob.strftime("%d.%m.%Y"),
            "Straße / Hausnr.": fk.street_address(),
            "PLZ": fk.postcode(),
            "Ort": fk.city(),
            "Steuer-IdNr.": _blank(rng, _steuer_id(rng), 0.05),
            "StNr.": stnr,
            "Finanzamt": rng.choice(finanzaemter),
            "Veranlagungsjahr": rng.choice([2022, 2023, 2024]),
            "IBAN (Erstattung)": _blank(rng, iban, 0.1),
            "BIC": _blank(rng, fk.swift(length=11), 0.1),
            "Tel. privat": _blank(rng, fk.phone_number(), 0.2),
            "E-Mail": _blank(rng, fk.email(), 0.15),
            "Fam.-Stand": rng.choice(["ledig", "verheiratet", "geschieden", "verwitwet", "eingetr. Lebenspartnerschaft"]),
            "Ehegatte Name": f"{fk.first_name()} {last}" if married else "",
            "Konfession": rng.choice(["rk", "ev", "--", "ak", ""]),
            "Honorar p.a. (EUR)": f"{rng.uniform(250, 9500):.2f}".replace(".", ","),
            "Mandat seit": _dob(rng, 1995, 2024).strftime("%m/%Y"),
            "Sachb.": rng.choice(["KMü", "TSc", "ABr", "JWe"]),
            "DATEV Berater-Nr.": rng.choice([29098, 29098, 31544]),
            "Bemerkung": rng.choice(notes),
        })
    return pd.DataFrame(out)


def _loc(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("fr_FR", 3)
    employers = ["SNCF", "Carrefour Market", "Mairie de Lyon", "Capgemini", "Indépendant", "Retraité(e)", "AP-HP",
                 "Decathlon", "Étudiant(e)", ""]
    obs = ["", "", "Retard loyer mars", "Préavis reçu le 12/02", "Clés remises x2", "Sinistre dégât des eaux en cours",
           "APL versée directement", "Demande de travaux salle de bain", "Garant à relancer"]
    out = []
    for i in range(rows):
        last, first = fk.last_name(), fk.first_name()
        dob = _dob(rng, 1940, 2005)
        nss = fk.ssn()
        if rng.random() < 0.5:
            nss = f"{nss[0]} {nss[1:3]} {nss[3:5]} {nss[5:7]} {nss[7:10]} {nss[10:13]} {nss[13:]}"
        tel = rng.choice([fk.phone_number(), "06" + "".join(str(rng.randint(0, 9)) for _ in range(8))])
        cp = fk.postcode()
        out.append({
            "Réf. bail": f"B{rng.randint(2015, 2025)}-{i:05d}",
            "N° lot": rng.randint(1, 240),
            "Civilité": rng.choice(["M.", "Mme", "Mlle", "M. et Mme"]),
            "NOM": last.upper(),
            "Prénom": first,
            "Date de naissance": dob if rng.random() < 0.7 else dob.strftime("%d/%m/%Y"),
            "Lieu de naissance": rng.choice([fk.city(), f"{fk.city()} ({rng.randint(1, 95):02d})"]),
            "Adresse du bien": fk.street_address(),
            "CP": int(cp) if rng.random() < 0.6 else cp,
            "Ville": fk.city(),
            "Tél. portable": _blank(rng, tel, 0.08),
            "Courriel": _blank(rng, fk.email(), 0.12),
            "N° Sécu": _blank(rng, nss, 0.3),
            "IBAN prélèvement": _blank(rng, fk.iban(), 0.2),
            "Type de bien": rng.choice(["T1", "T2", "T3", "T4", "Studio", "Maison T5"]),
            "Surface (m²)": round(rng.uniform(14, 140), 1),
            "DPE": rng.choice("ABCDEFG"),
            "Loyer HC (€)": round(rng.uniform(380, 2400), 2),
            "Charges (€)": rng.choice([40, 60, 85, 120, 150.5]),
            "Dépôt de garantie": round(rng.uniform(380, 2400), 0),
            "Date d'entrée": _dob(rng, 2012, 2025),
            "Employeur": rng.choice(employers),
            "Revenus mensuels nets": rng.choice([1450, 1800, 2100, 2600, 3200, 4100, None]),
            "Garant (nom prénom)": _blank(rng, f"{fk.last_name().upper()} {fk.first_name()}", 0.6),
            "Observations": rng.choice(obs),
        })
    return pd.DataFrame(out)


def _tessera(rng: random.Random) -> str:
    return "80380" + "".join(str(rng.randint(0, 9)) for _ in range(15))


def _asl(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("it_IT", 4)
    medici = [f"{fk.last_name()} {fk.first_name()}" for _ in range(12)]
    vaccini = [("Comirnaty JN.1", "FX"), ("Vaxigrip Tetra", "W3"), ("Prevenar 20", "LT"), ("Shingrix", "AS"),
               ("Boostrix Polio", "AC"), ("Priorix Tetra", "A7"), ("Gardasil 9", "U0")]
    reazioni = ["", "", "", "", "dolore in sede di iniezione", "febbre < 38 nelle 24h", "nessuna",
                "cefalea lieve", "eritema locale"]
    out = []
    for i in range(rows):
        vacc, lotto_pref = rng.choice(vaccini)
        dob = _dob(rng, 1930, 2023)
        cap = fk.postcode()
        out.append({
            "ID_SOMMINISTRAZIONE": f"{2024000000 + i * 13}",
            "COD_FISCALE": fk.ssn(),
            "COGNOME": fk.last_name().upper(),
            "NOME": fk.first_name().upper(),
            "SESSO": rng.choice(["M", "F"]),
            "DATA_NASCITA": dob,
            "COMUNE_NASCITA": fk.city().upper(),
            "INDIRIZZO_RESIDENZA": fk.street_address(),
            "CAP_RES": float(cap) if rng.random() < 0.5 else int(cap),
            "COMUNE_RES": fk.city(),
            "PROV_RES": fk.state_abbr(),
            "TELEFONO": _blank(rng, fk.phone_number(), 0.3, None),
            "EMAIL": _blank(rng, fk.email(), 0.5, None),
            "NUM_TESSERA_TEAM": _blank(rng, _tessera(rng), 0.15, None),
            "COD_ASL": rng.choice(["120201", "120202", "030316", "150106"]),
            "VACCINO": vacc,
            "LOTTO": f"{lotto_pref}{rng.randint(1000, 9999)}",
            "DOSE_N": rng.choice([1, 1, 2, 3]),
            "DATA_SOMM": _event(rng, 2023, 2025),
            "SITO_INOCULAZIONE": rng.choice(["deltoide sx", "deltoide dx", "coscia sx", "coscia dx"]),
            "MEDICO_VACCINATORE": rng.choice(medici),
            "REAZIONI_AVVERSE": rng.choice(reazioni),
            "FLG_CONSENSO": rng.choice([True, True, True, False]),
        })
    df = pd.DataFrame(out)
    df["DATA_NASCITA"] = pd.to_datetime(df["DATA_NASCITA"])
    return df


def _sv_bankkonto(rng: random.Random) -> str:
    clearing = rng.choice(["8327-9", "6000", "5000", "3300", "8105-9", "9960"])
    konto = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([9, 10])))
    return rng.choice([f"{clearing} {konto}", f"{clearing}, {konto[:3]} {konto[3:6]} {konto[6:]}"])


def _fk(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fk = _faker("sv_SE", 5)
    formaner = ["Sjukpenning", "Föräldrapenning", "Tillfällig föräldrapenning", "Bostadsbidrag",
                "Aktivitetsersättning", "Assistansersättning", "Bilstöd"]
    anteckningar = ["", "", "Komplettering begärd", "Läkarintyg inkommit", "Avslag, överklagat",
                    "Väntar på uppgift från arbetsgivare", "Omprövning beviljad", "Ärendet\nvilande"]
    out = []
    for _i in range(rows):
        pnr = fk.ssn()
        yy, mm, dd = int(pnr[:2]), int(pnr[2:4]), int(pnr[4:6])
        year = 1900 + yy if yy > 8 else 2000 + yy
        try:
            born = dt.date(year, mm, dd)
        except ValueError:
            born = dt.date(year, mm, 28)
        pnr_fmt = rng.choice([pnr, f"{year}{pnr[2:]}", f"{year}{pnr[2:6]}{pnr[7:]}"])
        has_child = rng.random() < 0.35
        child = ""
        if has_child:
            c = fk.ssn(min_age=0, max_age=16)
            child = c
        out.append({
            "arendenummer": f"FK{rng.randint(100, 999)}-{rng.randint(100000, 999999)}-{rng.randint(10, 99)}",
            "personnummer": pnr_fmt,
            "fornamn": fk.first_name(),
            "efternamn": fk.last_name(),
            "fodelsedatum": born.isoformat(),
            "utdelningsadress": fk.street_address(),
            "postnr": rng.choice([fk.postcode(), fk.postcode().replace(" ", "")]),
            "postort": fk.city().upper(),
            "telefon": _blank(rng, fk.phone_number(), 0.2, None),
            "epost": _blank(rng, fk.email(), 0.3, None),
            "bankkonto_utbetalning": _blank(rng, _sv_bankkonto(rng), 0.1, None),
            "formanstyp": rng.choice(formaner),
            "ansokningsdatum": _event(rng, 2023, 2025).strftime("%Y-%m-%d"),
            "beslutsdatum": _blank(rng, _event(rng, 2024, 2025).strftime("%Y-%m-%d"), 0.3, None),
            "beslut": rng.choice(["Beviljad", "Avslag", "Delvis beviljad", "Under utredning"]),
            "belopp_kr_per_manad": rng.choice([None, round(rng.uniform(900, 32000), 0)]),
            "omfattning_procent": rng.choice([25, 50, 75, 100]),
            "handlaggarenhet": rng.choice(["LKS Göteborg", "LKS Stockholm", "Sjuk 3 Malmö", "FP Umeå"]),
            "barn_personnummer": child or None,
            "medsokande_namn": _blank(rng, fk.name(), 0.75, None),
            "ombud_epost": _blank(rng, fk.company_email(), 0.9, None),
            "anteckning": rng.choice(anteckningar),
            "digital_brevlada": rng.choice([True, False]),
        })
    return pd.DataFrame(out)


def _game(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 6)
    fks = [_faker(loc, 6 + k) for k, loc in enumerate(["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "pt_BR"])]
    countries = ["US", "GB", "DE", "FR", "ES", "BR"]
    devices = ["iPhone14,5", "iPhone15,2", "SM-G991B", "Pixel 7", "SM-A536B", "Redmi Note 12", "iPad13,1"]
    tickets = ["", "", "", "purchase didnt arrive!!", "lost my progress after update", "game crashes on level 42",
               "how do i join a guild", "refund please wrong pack", "bug: gems not credited"]
    guilds = ["Iron Wolves", "NoobSlayers", "Les Dragons", "Team Rocket", "", "", "Sunday Chill"]
    out = []
    for i in range(rows):
        k = rng.randrange(len(fks))
        fk = fks[k]
        first, last = fk.first_name(), fk.last_name()
        user = rng.choice([fk.user_name(), f"{first.lower()}_{rng.randint(1, 9999)}", f"xX{last}Xx",
                           f"{first[:3].lower()}{last[:3].lower()}{rng.randint(80, 2010)}"])
        pay = rng.random() < 0.2
        card = fk.credit_card_number() if pay and rng.random() < 0.4 else ""
        created = _event(rng, 2019, 2024)
        out.append({
            "player_id": 7_000_000_000 + rng.randint(0, 999_999_999),
            "account_uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "username": user,
            "display_name": rng.choice([f"{first} {last}", f"{first} {last[0]}.", f"{first} {last}"]),
            "email": _blank(rng, fk.email(), 0.15),
            "phone": _blank(rng, fk.phone_number(), 0.8),
            "birthdate": _blank(rng, _dob(rng, 1960, 2012).isoformat(), 0.3),
            "country": countries[k],
            "geo_city": _blank(rng, fk.city(), 0.2),
            "registration_ip": _ip(rng),
            "last_login_ip": rng.choice([_ip(rng), _ip(rng), _ipv6(rng)]),
            "device_model": rng.choice(devices),
            "os_version": rng.choice(["iOS 17.4.1", "iOS 16.7", "Android 14", "Android 13", "Android 12"]),
            "app_version": f"3.{rng.randint(0, 14)}.{rng.randint(0, 9)}",
            "player_level": rng.randint(1, 180),
            "xp_total": rng.randint(0, 9_000_000),
            "gems_balance": rng.randint(0, 25000),
            "lifetime_spend_usd": round(rng.uniform(0.99, 1200), 2) if pay else 0.0,
            "is_payer": pay,
            "payment_card_number": card,
            "card_last4": f"**** {rng.randint(0, 9999):04d}" if pay else "",
            "created_at": created.isoformat() + "Z",
            "last_login_at": (created + dt.timedelta(days=rng.randint(0, 900))).isoformat() + "Z",
            "push_token": hashlib.sha256(f"{SEED}-{i}".encode()).hexdigest(),
            "ad_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(),
            "guild_name": rng.choice(guilds),
            "referral_code": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8)),
            "gamecenter_alias": _blank(rng, rng.choice([fk.user_name(), f"{last}{rng.randint(1, 99)}"]), 0.6),
            "last_support_msg": rng.choice(tickets),
        })
    return pd.DataFrame(out)


_BUILDERS = {
    "gp_online_bookings": _gp,
    "stb_mandanten": _stb,
    "agence_locataires": _loc,
    "asl_anagrafe_vaccinale": _asl,
    "fk_sokande": _fk,
    "game_player_accounts": _game,
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table with `rows` rows, deterministically."""
    return {t: _BUILDERS[t](rows) for t in TABLES}


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir in its own format; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for t in TABLES:
        df = tables[t]
        p = out_dir / FILES[t]
        if t == "gp_online_bookings":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        elif t == "stb_mandanten":
            with open(p, "w", encoding="cp1252", errors="replace", newline="") as fh:
                df.to_csv(fh, index=False, sep=";")
        elif t == "agence_locataires":
            df.to_excel(p, index=False, sheet_name="Locataires", engine="openpyxl")
        elif t == "asl_anagrafe_vaccinale":
            df.to_parquet(p, index=False)
        elif t == "fk_sokande":
            df.to_json(p, orient="records", lines=True, force_ascii=False, date_format="iso")
        else:
            df.to_csv(p, index=False, sep="\t", encoding="utf-8")
        paths[t] = p
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    for name, path in write_all(target).items():
        print(name, path)
