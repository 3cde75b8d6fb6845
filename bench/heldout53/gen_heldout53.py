"""Blind held-out set 53: six exports (AU GP clinic, FR crèche, ES padrón, SE bilverkstad,
PT clínica dentária, car-rental bookings) with hand-written labels in labels.yaml.

Seeded and deterministic; no network. Run: python gen_heldout53.py OUT_DIR [ROWS]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 53530
HERE = Path(__file__).resolve().parent

TABLES: tuple[str, ...] = (
    "au_gp_patients",
    "fr_creche_familles",
    "es_padron_extracto",
    "se_bilverkstad_kunder",
    "pt_clinica_dentaria_pacientes",
    "car_rental_bookings",
)

FILES: dict[str, str] = {
    "au_gp_patients": "au_gp_patients.csv",
    "fr_creche_familles": "fr_creche_familles.csv",
    "es_padron_extracto": "es_padron_extracto.parquet",
    "se_bilverkstad_kunder": "se_bilverkstad_kunder.xlsx",
    "pt_clinica_dentaria_pacientes": "pt_clinica_dentaria_pacientes.jsonl",
    "car_rental_bookings": "car_rental_bookings.tsv",
}

NULLISH = ("", "n/a", "N/A", "-", None)


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} read from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


def _fakers(locale: str, seed: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(seed)
    return f


def _blank(rng: random.Random, value: object, p: float) -> object:
    """Replace value by a blank-like marker with probability p."""
    if rng.random() < p:
        return rng.choice(("", "", "n/a", None))
    return value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2006) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _event_date(rng: random.Random, lo: int = 2019, hi: int = 2024) -> dt.date:
    return _dob(rng, lo, hi)


def _medicare(rng: random.Random) -> str:
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    w = (1, 3, 7, 9, 1, 3, 7, 9)
    check = sum(a * b for a, b in zip(d, w, strict=True)) % 10
    digits = "".join(map(str, d)) + str(check) + str(rng.randint(0, 9))
    return f"{digits[:4]} {digits[4:9]} {digits[9]}"


def _au_mobile(rng: random.Random) -> str:
    n = "04" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return rng.choice((f"{n[:4]} {n[4:7]} {n[7:]}", n, "+61 " + n[1:4] + " " + n[4:7] + " " + n[7:]))


def _nir(rng: random.Random, sex: int, dob: dt.date) -> str:
    dep = rng.randint(1, 95)
    body = f"{sex}{dob.year % 100:02d}{dob.month:02d}{dep:02d}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    return rng.choice((f"{body}{key:02d}", f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {key:02d}"))


def _fr_iban(rng: random.Random) -> str:
    bban = "".join(str(rng.randint(0, 9)) for _ in range(23))
    num = int(bban + "152700")
    chk = 98 - num % 97
    raw = f"FR{chk:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)) if rng.random() < 0.6 else raw


def _dni(rng: random.Random) -> str:
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.85:
        n = rng.randint(1_000_000, 79_999_999)
        return f"{n:08d}{letters[n % 23]}"
    p = rng.randint(0, 2)
    n = rng.randint(0, 9_999_999)
    return f"{'XYZ'[p]}{n:07d}{letters[int(str(p) + f'{n:07d}') % 23]}"


def _passport(rng: random.Random) -> str:
    al = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice(al) + rng.choice(al) + "".join(str(rng.randint(0, 9)) for _ in range(7))


def _se_pnr(rng: random.Random, dob: dt.date) -> str:
    tail = f"{rng.randint(0, 999):03d}"
    base = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{tail}"
    tot = 0
    for i, ch in enumerate(base):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        tot += v // 10 + v % 10
    chk = (10 - tot % 10) % 10
    if rng.random() < 0.3:
        return f"{dob.year}{dob.month:02d}{dob.day:02d}-{tail}{chk}"
    return f"{base[:6]}-{tail}{chk}"


def _se_account(rng: random.Random) -> str:
    clearing = rng.choice(("8327-9", "6123", "5001", "3300", "8105-9", "9960"))
    acct = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice((7, 9, 10))))
    return f"{clearing}, {acct}" if rng.random() < 0.5 else f"{clearing} {acct}"


def _se_mobile(rng: random.Random) -> str:
    n = "07" + str(rng.choice((0, 2, 3, 6))) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return rng.choice((f"{n[:3]}-{n[3:6]} {n[6:8]} {n[8:]}", n, f"+46 {n[1:3]} {n[3:6]} {n[6:]}"))


def _pt_nif(rng: random.Random) -> str:
    d = [rng.choice((1, 2, 2, 2))] + [rng.randint(0, 9) for _ in range(7)]
    s = sum(v * (9 - i) for i, v in enumerate(d))
    c = 11 - s % 11
    c = 0 if c >= 10 else c
    return "".join(map(str, d)) + str(c)


def _pt_cc(rng: random.Random) -> str:
    al = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return f"{rng.randint(10_000_000, 39_999_999)} {rng.randint(0, 9)} {rng.choice(al)}{rng.choice(al)}{rng.randint(0, 9)}"


def _pt_iban(rng: random.Random) -> str:
    bban = rng.choice(("0035", "0033", "0007", "0018", "0010")) + "".join(str(rng.randint(0, 9)) for _ in range(17))
    chk = 98 - int(bban + "252900") % 97
    raw = f"PT{chk:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)) if rng.random() < 0.5 else raw


def _pt_mobile(rng: random.Random) -> str:
    n = "9" + str(rng.choice((1, 2, 3, 6))) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return rng.choice((f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+351 {n}"))


def _luhn_card(rng: random.Random) -> str:
    prefix, length = rng.choice((("4", 16), ("51", 16), ("55", 16), ("37", 15), ("2221", 16)))
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    tot = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            v = v - 9 if v > 9 else v
        tot += v
    num = body + str((10 - tot % 10) % 10)
    if rng.random() < 0.4 and length == 16:
        return " ".join(num[i : i + 4] for i in range(0, 16, 4))
    return num


def _username(rng: random.Random, first: str, last: str) -> str:
    f = first.lower().split()[0]
    lo = last.lower().replace(" ", "").replace("'", "")
    return rng.choice((f"{f}.{lo}", f"{f[0]}{lo}{rng.randint(1, 99)}", f"{f}_{rng.randint(70, 2005)}", f"{lo}{f[:2]}"))


def _au(rng: random.Random, rows: int) -> pd.DataFrame:
    f = _fakers("en_AU", SEED + 1)
    doctors = [f"Dr {f.first_name()} {f.last_name()}" for _ in range(9)]
    notes = (
        "Script renewal - BP meds", "Flu vaccine given", "Review bloods in 3/12", "",
        "Skin check NAD", "Referred to physio\nReview 2 wks", "Care plan updated", "", "Repeat Rx",
    )
    out = []
    for i in range(rows):
        first, last = f.first_name(), f.last_name()
        dob = _dob(rng, 1932, 2023)
        out.append({
            "PatientID": 100000 + i * 3 + rng.randint(0, 2),
            "Title": rng.choice(("Mr", "Mrs", "Ms", "Miss", "Master", "Dr", "")),
            "Given Name": first,
            "Surname": last.upper() if rng.random() < 0.2 else last,
            "Preferred Name": _blank(rng, rng.choice((first, first[:3], f.first_name())), 0.7),
            "DOB": dob.strftime(rng.choice(("%d/%m/%Y", "%d/%m/%Y", "%-d/%m/%y"))),
            "Sex": rng.choice(("M", "F", "F", "M", "X")),
            "Address Line 1": f.street_address(),
            "Suburb": f.city(),
            "State": f.state_abbr(),
            "Postcode": str(rng.randint(800, 7999)).zfill(4) if rng.random() < 0.7 else rng.randint(800, 7999),
            "Home Ph": _blank(rng, f"(0{rng.randint(2, 8)}) {rng.randint(4000, 9999)} {rng.randint(1000, 9999)}", 0.45),
            "Mobile": _blank(rng, _au_mobile(rng), 0.1),
            "Email": _blank(rng, f.email(), 0.25),
            "Medicare No": _blank(rng, _medicare(rng), 0.05),
            "Medicare Exp": f"{rng.randint(1, 12):02d}/{rng.randint(2024, 2030)}",
            "Usual Dr": rng.choice(doctors),
            "Last Visit": _event_date(rng, 2022, 2024).isoformat(),
            "Billing": rng.choice(("Bulk Bill", "Private", "Bulk Bill", "DVA", "WorkCover")),
            "Gap Fee ($)": rng.choice((0.0, 0.0, 39.5, 42.0, 55.75, 80.0)),
            "NOK Name": _blank(rng, f.name(), 0.3),
            "NOK Ph": _blank(rng, _au_mobile(rng), 0.35),
            "Clinical Alert": rng.choice(notes),
            "Record Created": f"{_event_date(rng, 2010, 2024).isoformat()} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
        })
    return pd.DataFrame(out)


def _fr(rng: random.Random, rows: int) -> pd.DataFrame:
    f = _fakers("fr_FR", SEED + 2)
    medecins = [f"Dr {f.last_name()}" for _ in range(25)]
    allergies = ("Aucune", "", "Arachide", "Lait de vache (APLV)", "Oeuf", "aucune connue", "Gluten - PAI en cours")
    out = []
    for i in range(rows):
        nom = f.last_name()
        enfant_dob = _dob(rng, 2020, 2024)
        p1_dob = _dob(rng, 1978, 2002)
        sex1 = rng.choice((1, 2))
        p1_prenom = f.first_name_female() if sex1 == 2 else f.first_name_male()
        out.append({
            "N° dossier": f"CR-{2021 + i % 4}-{i + 1:04d}",
            "NOM ENFANT": nom.upper(),
            "Prénom enfant": f.first_name(),
            "Né(e) le": enfant_dob.strftime("%d/%m/%Y"),
            "Section": rng.choice(("Bébés", "Moyens", "Grands", "Moyens-Grands")),
            "Date d'entrée": _event_date(rng, 2021, 2024).strftime("%d/%m/%Y"),
            "Contrat (h/sem)": rng.choice((20, 25, 32, 40, 45, 27.5)),
            "Nom Parent 1": nom if rng.random() < 0.7 else f.last_name(),
            "Prénom Parent 1": p1_prenom,
            "NIR Parent 1": _blank(rng, _nir(rng, sex1, p1_dob), 0.1),
            "Tél. portable P1": f"0{rng.choice((6, 7))} " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4)),
            "Courriel P1": _blank(rng, f.email(), 0.08),
            "Parent 2 (Nom Prénom)": _blank(rng, f"{f.last_name().upper()} {f.first_name()}", 0.3),
            "Tél. P2": _blank(rng, f.phone_number(), 0.35),
            "Adresse": f.street_address(),
            "CP": f.postcode() if rng.random() < 0.8 else int(f.postcode()),
            "Ville": f.city(),
            "QF": rng.randint(300, 4500),
            "Tarif horaire (€)": round(rng.uniform(0.3, 4.2), 2),
            "Personne autorisée à récupérer": _blank(rng, f.name(), 0.4),
            "Médecin traitant": rng.choice(medecins),
            "Allergies / régime": rng.choice(allergies),
            "IBAN prélèvement": _blank(rng, _fr_iban(rng), 0.2),
            "RUM mandat SEPA": f"++CRECHE{rng.randint(100000, 999999)}",
            "Droit à l'image": rng.choice(("Oui", "Non", "oui")),
        })
    return pd.DataFrame(out)


def _es(rng: random.Random, rows: int) -> pd.DataFrame:
    f = _fakers("es_ES", SEED + 3)
    foreign = [_fakers(loc, SEED + 30 + k) for k, loc in enumerate(("es_MX", "es_CO", "pt_BR", "it_IT", "fr_FR"))]
    provincias = ("Madrid", "Sevilla", "Valencia", "Barcelona", "A Coruña", "Asturias", "Badajoz", "Murcia", "Álava")
    causas = ("Nacimiento", "Cambio de residencia", "Omisión", "Procedente del extranjero", "Cambio de domicilio")
    estudios = ("10", "21", "22", "31", "32", "41", "44", "45", "46", "47", "48")
    out = []
    for i in range(rows):
        ext = rng.random() < 0.12
        fk = rng.choice(foreign) if ext else f
        dob = _dob(rng, 1930, 2024)
        cp = rng.choice((f"0{rng.randint(1000, 9999)}", str(rng.randint(10000, 52999))))
        out.append({
            "NUM_INSCRIPCION": 5_000_000 + i * 7 + rng.randint(0, 6),
            "DNI_NIE": _dni(rng) if not ext or rng.random() < 0.6 else "",
            "NOMBRE": fk.first_name().upper(),
            "APELLIDO1": fk.last_name().upper(),
            "APELLIDO2": "" if ext else f.last_name().upper(),
            "FECHA_NACIMIENTO": dob.strftime("%Y%m%d"),
            "SEXO": rng.choice(("1", "6")),
            "MUNICIPIO_NACIMIENTO": fk.city().upper(),
            "PROVINCIA_NACIMIENTO": "" if ext else rng.choice(provincias).upper(),
            "PAIS_NACIONALIDAD": rng.choice(("108", "108", "108", "484", "170", "300", "110")),
            "DOMICILIO": f"{f.street_name().upper()} {rng.randint(1, 180)}, {rng.choice(('', 'BJ', '1º', '2º', '3º', '4º'))} {rng.choice(('A', 'B', 'C', 'DCHA', 'IZDA', ''))}".strip(),
            "COD_POSTAL": int(cp) if rng.random() < 0.5 else cp,
            "DISTRITO": f"{rng.randint(1, 9):02d}",
            "SECCION": f"{rng.randint(1, 120):03d}",
            "HOJA_PADRONAL": rng.randint(1000, 99999),
            "FECHA_ALTA": _event_date(rng, 1996, 2024).strftime("%d/%m/%Y"),
            "CAUSA_ALTA": rng.choice(causas),
            "NIVEL_ESTUDIOS": rng.choice(estudios),
            "TELEFONO": _blank(rng, rng.choice((f"6{rng.randint(10000000, 99999999)}", f"9{rng.randint(10000000, 99999999)}", f"+34 6{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}")), 0.4),
            "EMAIL": _blank(rng, f.free_email(), 0.6),
            "PASAPORTE": _passport(rng) if ext else "",
            "REPRESENTANTE_LEGAL": f.name().upper() if dob.year >= 2007 and rng.random() < 0.8 else "",
        })
    df = pd.DataFrame(out)
    df["COD_POSTAL"] = df["COD_POSTAL"].astype(str)
    df.loc[df.index % 3 == 0, "COD_POSTAL"] = df.loc[df.index % 3 == 0, "COD_POSTAL"].str.lstrip("0")
    return df


def _se(rng: random.Random, rows: int) -> pd.DataFrame:
    f = _fakers("sv_SE", SEED + 4)
    brands = {"Volvo": ("V70", "XC60", "V90", "S60"), "Saab": ("9-3", "9-5"), "VW": ("Golf", "Passat", "ID.4"),
              "Toyota": ("Corolla", "RAV4", "Yaris"), "Kia": ("Ceed", "Niro"), "Tesla": ("Model 3", "Model Y")}
    jobs = ("Byte av bromsbelägg fram", "Service 60 000 mil", "Däckbyte + förvaring", "Felsökning motorlampa",
            "Byte kamrem", "AC-service", "Besiktningsåtgärder", "", "Hjulinställning\nKund hämtar själv")
    companies = [f.company() for _ in range(30)]
    out = []
    for i in range(rows):
        dob = _dob(rng, 1940, 2004)
        brand = rng.choice(sorted(brands))
        first, last = f.first_name(), f.last_name()
        is_company = rng.random() < 0.15
        out.append({
            "Kundnr": 20000 + i,
            "Personnr": "" if is_company else _se_pnr(rng, dob),
            "Förnamn": "" if is_company else first,
            "Efternamn": "" if is_company else last,
            "Företag": rng.choice(companies) if is_company else "",
            "Org.nr": f"55{rng.randint(6000, 9999)}-{rng.randint(1000, 9999)}" if is_company else "",
            "Kontaktperson": f.name() if is_company else "",
            "Gatuadress": f.street_address(),
            "Postnr": f"{rng.randint(100, 985)} {rng.randint(0, 99):02d}",
            "Ort": f.city(),
            "Mobil": _blank(rng, _se_mobile(rng), 0.08),
            "E-post": _blank(rng, f.email(), 0.3),
            "RegNr": "".join(rng.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(3)) + f"{rng.randint(10, 99)}" + rng.choice("0123456789ABCDEFGHJKLMNPRSTUWXYZ"),
            "Märke": brand,
            "Modell": rng.choice(brands[brand]),
            "Årsmodell": rng.randint(2003, 2024),
            "Mätarst. (mil)": float(rng.randint(500, 42000)),
            "Senaste besök": _event_date(rng, 2021, 2024),
            "AO-nr": f"AO{rng.randint(100000, 999999)}",
            "Utfört arbete": rng.choice(jobs),
            "Belopp inkl moms (kr)": round(rng.uniform(450, 38000), 2),
            "Betalsätt": rng.choice(("Kort", "Swish", "Faktura", "Autogiro")),
            "Bankkonto (autogiro)": _blank(rng, _se_account(rng), 0.75),
            "Nyhetsbrev": rng.choice((True, False)),
        })
    return pd.DataFrame(out)


def _pt(rng: random.Random, rows: int) -> list[dict[str, object]]:
    f = _fakers("pt_PT", SEED + 5)
    dentistas = [f"Dra. {f.first_name_female()} {f.last_name()}" for _ in range(4)] + [f"Dr. {f.first_name_male()} {f.last_name()}" for _ in range(4)]
    seguradoras = ("Médis", "Multicare", "AdvanceCare", "Particular", "SAMS", "Allianz Saúde")
    tratamentos = ("Destartarização", "Restauração", "Endodontia", "Ortodontia - manutenção", "Extração", "Implante", "Branqueamento", "Consulta de rotina")
    obs = ("", "Paciente ansioso", "Sensibilidade ao frio no 36", "Alergia à penicilina", "Faltou à última consulta",
           "Orçamento aceite\nIniciar em setembro", "Sem observações")
    distritos = ("Lisboa", "Porto", "Braga", "Setúbal", "Coimbra", "Faro", "Aveiro")
    out: list[dict[str, object]] = []
    for i in range(rows):
        dob = _dob(rng, 1935, 2020)
        nxt = _event_date(rng, 2024, 2025)
        rec: dict[str, object] = {
            "id_paciente": f"P{i + 1:06d}",
            "nome_completo": f"{f.first_name()} {f.last_name()} {f.last_name()}",
            "nif": _pt_nif(rng) if rng.random() < 0.9 else None,
            "n_utente_sns": str(rng.randint(100_000_000, 399_999_999)) if rng.random() < 0.8 else "",
            "cc_numero": _pt_cc(rng) if rng.random() < 0.6 else None,
            "data_nascimento": dob.strftime(rng.choice(("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"))),
            "morada": f.street_address(),
            "codigo_postal": f"{rng.randint(1000, 9999)}-{rng.randint(0, 999):03d}",
            "localidade": f.city(),
            "distrito": rng.choice(distritos),
            "telemovel": _pt_mobile(rng) if rng.random() < 0.92 else None,
            "telefone_fixo": f"2{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}" if rng.random() < 0.25 else None,
            "email": f.email() if rng.random() < 0.7 else "",
            "medico_dentista": rng.choice(dentistas),
            "seguradora": rng.choice(seguradoras),
            "n_apolice": str(rng.randint(10**9, 10**10 - 1)) if rng.random() < 0.6 else None,
            "ultima_consulta": _event_date(rng, 2022, 2024).isoformat(),
            "proxima_consulta": f"{nxt.isoformat()}T{rng.randint(9, 19):02d}:{rng.choice(('00', '30')) }:00",
            "tratamento": rng.choice(tratamentos),
            "valor_eur": round(rng.choice((35, 45, 60, 80, 120, 650, 1200)) * rng.uniform(0.9, 1.1), 2),
            "observacoes": rng.choice(obs),
            "consentimento_rgpd": rng.random() < 0.93,
            "iban_reembolso": _pt_iban(rng) if rng.random() < 0.15 else None,
        }
        out.append(rec)
    return out


def _rental(rng: random.Random, rows: int) -> pd.DataFrame:
    locs = ("en_GB", "en_US", "en_IE", "de_DE", "nl_NL", "fr_FR", "en_AU")
    fk = {loc: _fakers(loc, SEED + 60 + k) for k, loc in enumerate(locs)}
    branches = ("LHR T5", "MAN Airport", "Dublin Airport", "Edinburgh Waverley", "Bristol Temple Meads", "LGW North")
    classes = ("ECMN", "CDMR", "IDAR", "SFAR", "PVAR", "FDAR")
    agents = [f"{fk['en_GB'].first_name().lower()}.{fk['en_GB'].last_name().lower()}" for _ in range(12)] + ["web", "api-partner"]
    reasons = ("", "", "", "Flight cancelled", "Customer no-show", "Found cheaper rate", "Duplicate booking", "Change of plans")
    out = []
    for _ in range(rows):
        loc = rng.choice(locs)
        f = fk[loc]
        first, last = f.first_name(), f.last_name()
        booked = dt.datetime(2023, 1, 1) + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 600))
        pick = booked + dt.timedelta(days=rng.randint(1, 90), hours=rng.randint(0, 10))
        ret = pick + dt.timedelta(days=rng.randint(1, 21))
        addr = f.address()
        card = _luhn_card(rng)
        out.append({
            "Booking Ref": f"RA{rng.randint(10**7, 10**8 - 1)}",
            "Booked At (UTC)": booked.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Pickup Date/Time": pick.strftime("%d/%m/%Y %H:%M"),
            "Return Date/Time": ret.strftime("%d/%m/%Y %H:%M"),
            "Pickup Branch": rng.choice(branches),
            "Car Group (ACRISS)": rng.choice(classes),
            "Vehicle Reg": f"{rng.choice(('LR', 'MA', 'YX', 'BD'))}{rng.randint(19, 24)} {''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}",
            "Driver First Name": first,
            "Driver Last Name": last,
            "Driver DOB": _dob(rng, 1945, 2002).strftime(rng.choice(("%Y-%m-%d", "%d/%m/%Y"))),
            "Passport #": _blank(rng, _passport(rng), 0.6),
            "Email": f.email(),
            "Contact Phone": f.phone_number(),
            "Billing Address": addr if rng.random() < 0.85 else "",
            "Billing Postcode/ZIP": f.postcode(),
            "Card Number": card if rng.random() < 0.9 else "",
            "Card Expiry": f"{rng.randint(1, 12):02d}/{rng.randint(25, 30)}",
            "Cardholder Name": f"{first} {last}".upper() if rng.random() < 0.85 else fk["en_GB"].name().upper(),
            "Card (masked)": f"**** **** **** {card[-4:]}",
            "Loyalty No": _blank(rng, f"{rng.randint(10**9, 10**10 - 1)}", 0.5),
            "Web Login": _blank(rng, _username(rng, first, last), 0.3),
            "Last Login IP": _blank(rng, f.ipv4_public() if rng.random() < 0.85 else f.ipv6(), 0.3),
            "User-Agent": fk["en_GB"].user_agent(),
            "Total (GBP)": round(rng.uniform(45, 2400), 2),
            "Deposit Held": rng.choice((0.0, 250.0, 500.0, 1000.0)),
            "Extras": rng.choice(("", "GPS", "Child seat", "GPS;Child seat", "Additional driver", "SCDW")),
            "Additional Driver": _blank(rng, f.name(), 0.8),
            "Cancellation Reason": rng.choice(reasons),
            "Promo Code": rng.choice(("", "", "SUMMER24", "EARLYBIRD", "CORP-ACME", "WINTER10")),
            "Created By": rng.choice(agents),
            "Status": rng.choice(("Confirmed", "Completed", "Cancelled", "No-show", "On rent")),
        })
    return pd.DataFrame(out)


def make_tables(rows: int = 2000) -> dict[str, pd.DataFrame]:
    """Build all tables with the given row count (deterministic for a given rows)."""
    rng = random.Random(SEED)
    return {
        "au_gp_patients": _au(rng, rows),
        "fr_creche_familles": _fr(rng, rows),
        "es_padron_extracto": _es(rng, rows),
        "se_bilverkstad_kunder": _se(rng, rows),
        "pt_clinica_dentaria_pacientes": pd.DataFrame(_pt(rng, rows)),
        "car_rental_bookings": _rental(rng, rows),
    }


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Create out_dir, write every table in its export format, return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for name in TABLES:
        df = tables[name]
        p = out_dir / FILES[name]
        if name == "au_gp_patients":
            df.to_csv(p, index=False, encoding="utf-8")
        elif name == "fr_creche_familles":
            df.to_csv(p, index=False, sep=";", encoding="cp1252", decimal=",")
        elif name == "es_padron_extracto":
            df.to_parquet(p, index=False)
        elif name == "se_bilverkstad_kunder":
            df.to_excel(p, index=False, sheet_name="Kunder", engine="openpyxl")
        elif name == "pt_clinica_dentaria_pacientes":
            df.to_json(p, orient="records", lines=True, force_ascii=False)
        else:
            df.to_csv(p, index=False, sep="\t", encoding="utf-8-sig")
        paths[name] = p
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: gen_heldout53.py OUT_DIR [ROWS]")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    for t, path in write_all(Path(sys.argv[1]), n).items():
        print(t, path)
