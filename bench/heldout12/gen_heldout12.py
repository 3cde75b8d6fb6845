"""Blind held-out set 12 for the PII scanner: seven exports from seven systems.

Tables (domain, format):
  zorg_declaraties      Dutch health-insurer claims/declarations   CSV ';' UTF-8 with BOM
  urgencia_episodios    Portuguese hospital emergency visits       Parquet
  studenci              Polish university student register         Excel (.xlsx)
  tannklinikk_timer     Norwegian dental clinic appointments       JSON Lines
  wireless_subscribers  Canadian wireless-carrier subscribers      CSV ',' cp1252
  objednavky            Czech e-shop order export                  CSV ';' cp1250
  crm_contacts_leads    English B2B CRM contacts and leads         Excel (.xlsx)

Labels live in labels.yaml next to this file, written by hand before any scanner run.
Seeded and deterministic (seed 12120). Check digits (BSN, NIF, Cartão de Cidadão, PESEL,
Polish ID card, NRB, fødselsnummer, Norwegian account numbers, SIN, IMEI, ICCID, Czech
account numbers, IČ, IBAN) are computed as real data has them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import yaml
from faker import Faker

__all__ = ["SEED", "TABLES", "labels", "make_tables", "write_all"]

SEED = 12120
HERE = Path(__file__).resolve().parent
TABLES: tuple[str, ...] = (
    "zorg_declaraties",
    "urgencia_episodios",
    "studenci",
    "tannklinikk_timer",
    "wireless_subscribers",
    "objednavky",
    "crm_contacts_leads",
)
FILES: dict[str, str] = {
    "zorg_declaraties": "zorg_declaraties.csv",
    "urgencia_episodios": "urgencia_episodios.parquet",
    "studenci": "studenci.xlsx",
    "tannklinikk_timer": "tannklinikk_timer.jsonl",
    "wireless_subscribers": "wireless_subscribers.csv",
    "objednavky": "objednavky.csv",
    "crm_contacts_leads": "crm_contacts_leads.xlsx",
}


def labels() -> dict[str, dict[str, str | None]]:
    """Return {table: {column: entity or None}} from labels.yaml."""
    data = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    return {t: dict(data[t]["columns"]) for t in TABLES}


# ----------------------------------------------------------------- helpers
_FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d"}


def _ascii(s: str) -> str:
    """Lower-case ASCII fold for e-mail local parts and logins."""
    s = "".join(_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s.lower() if c.isalnum() or c in ".-_")


def _faker(locale: str, offset: int) -> Faker:
    f = Faker(locale)
    f.seed_instance(SEED + offset)
    return f


def _blank(rng: random.Random, value: object, p: float, empties: tuple = ("",)) -> object:
    """Replace value by an empty marker with probability p."""
    return rng.choice(empties) if rng.random() < p else value


def _dob(rng: random.Random, lo: int = 1935, hi: int = 2006) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _ts(rng: random.Random, year: int = 2024) -> dt.datetime:
    base = dt.datetime(year, 1, 1)
    return base + dt.timedelta(seconds=rng.randint(0, 365 * 86400 - 1))


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


def _iban(country: str, bban: str) -> str:
    conv = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(conv) % 97
    return f"{country}{check:02d}{bban}"


def _group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _sha1(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    f, la = _ascii(first), _ascii(last.replace(" ", ""))
    style = rng.randrange(5)
    local = [f"{f}.{la}", f"{f[:1]}{la}", f"{la}.{f}", f"{f}{rng.randint(1, 99)}", f"{f}_{la}{rng.randint(60, 99)}"][style]
    return f"{local}@{rng.choice(domains)}"


# ----------------------------------------------------- national identifiers
def _bsn(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if d[0] == 0 and d[1] == 0:
            continue
        s = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=False))
        c = s % 11
        if c < 10:
            return "".join(map(str, d)) + str(c)


def _nl_iban(rng: random.Random) -> str:
    bank = rng.choice(["INGB", "RABO", "ABNA", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ", "RBRB"])
    while True:
        acct = [rng.randint(0, 9) for _ in range(10)]
        if bank == "INGB":
            acct[:3] = [0, 0, 0]
        if bank == "INGB" or sum(x * w for x, w in zip(acct, range(10, 0, -1), strict=False)) % 11 == 0:
            return _iban("NL", bank + "".join(map(str, acct)))


def _pt_nif(rng: random.Random) -> str:
    d = [rng.choice([1, 2, 2, 2, 3])] + [rng.randint(0, 9) for _ in range(7)]
    r = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=False)) % 11
    return "".join(map(str, d)) + str(0 if r < 2 else 11 - r)


def _pt_cc(rng: random.Random) -> str:
    """Cartão de Cidadão document number 'DDDDDDDD C AAT'."""
    d = [rng.randint(0, 9) for _ in range(8)]
    r = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=False)) % 11
    c1 = 0 if r < 2 else 11 - r
    ver = rng.choice(["ZZ", "ZY", "ZX", "ZW"])
    body = "".join(map(str, d)) + str(c1) + ver
    for last in range(10):
        chars = body + str(last)
        total = 0
        for i, ch in enumerate(reversed(chars)):
            v = int(ch, 36)
            if i % 2 == 1:
                v *= 2
                if v > 9:
                    v -= 9
            total += v
        if total % 10 == 0:
            return f"{chars[:8]} {chars[8]} {chars[9:]}"
    raise AssertionError("unreachable")


def _pl_id_card(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHIJKLMNPRSTUVWXYZ") for _ in range(3))
    digits = [rng.randint(0, 9) for _ in range(5)]
    vals = [int(c, 36) for c in letters] + digits
    c = sum(v * w for v, w in zip(vals, [7, 3, 1, 7, 3, 1, 7, 3], strict=False)) % 10
    return letters + str(c) + "".join(map(str, digits))


def _pl_passport(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHIJKLMNPRSTUVWXYZ") for _ in range(2))
    digits = [rng.randint(0, 9) for _ in range(6)]
    vals = [int(c, 36) for c in letters] + digits
    c = sum(v * w for v, w in zip(vals, [7, 3, 1, 7, 3, 1, 7, 3], strict=False)) % 10
    return letters + str(c) + "".join(map(str, digits))


def _pl_nrb(rng: random.Random) -> str:
    bank = rng.choice(["102", "105", "109", "114", "116", "124", "175", "249", "203"])
    branch = "".join(str(rng.randint(0, 9)) for _ in range(4))
    seven = bank + branch
    c = (10 - sum(int(x) * w for x, w in zip(seven, [3, 9, 7, 1, 3, 9, 7], strict=False)) % 10) % 10
    bban = seven + str(c) + "".join(str(rng.randint(0, 9)) for _ in range(16))
    return _iban("PL", bban)[2:]


def _no_fnr(rng: random.Random, born: dt.date) -> str:
    while True:
        if born.year < 2000:
            ind = rng.randint(0, 499)
        else:
            ind = rng.randint(500, 999)
        base = [int(x) for x in born.strftime("%d%m%y") + f"{ind:03d}"]
        k1 = 11 - sum(x * w for x, w in zip(base, [3, 7, 6, 1, 8, 9, 4, 5, 2], strict=False)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        base.append(k1)
        k2 = 11 - sum(x * w for x, w in zip(base, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=False)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, base)) + str(k2)


def _no_account(rng: random.Random) -> str:
    while True:
        d = [int(x) for x in rng.choice(["1503", "1506", "1207", "9710", "3000", "1822", "2801", "6201", "3201"])]
        d += [rng.randint(0, 9) for _ in range(6)]
        c = 11 - sum(x * w for x, w in zip(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=False)) % 11
        c = 0 if c == 11 else c
        if c != 10:
            return "".join(map(str, d)) + str(c)


def _ca_sin(rng: random.Random) -> str:
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 7, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return body + _luhn_digit(body)


def _cz_account(rng: random.Random) -> tuple[str, str, str]:
    """(prefix, number, bank code) with valid mod-11 checks."""
    def part(n: int, weights: list[int]) -> str:
        w = weights[-n:]
        while True:
            d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(n - 2)]
            c = (-sum(x * y for x, y in zip(d, w, strict=False))) % 11
            if c < 10:
                return "".join(map(str, d)) + str(c)
    number = part(rng.choice([9, 10, 10]), [6, 3, 7, 9, 10, 5, 8, 4, 2, 1])
    prefix = ""
    if rng.random() < 0.2:
        pw = [10, 5, 8, 4, 2, 1]
        while True:
            p = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(1, 4)))
            if sum(int(x) * y for x, y in zip(p, pw[-len(p):], strict=False)) % 11 == 0:
                prefix = p
                break
    bank = rng.choice(["0100", "0300", "0800", "0800", "2010", "3030", "0600", "5500", "6210", "2700", "0710"])
    return prefix, number, bank


def _cz_ico(rng: random.Random) -> str:
    d = [rng.randint(0, 9) for _ in range(7)]
    r = sum(x * w for x, w in zip(d, range(8, 1, -1), strict=False)) % 11
    c = 1 if r == 0 else 0 if r == 1 else 11 - r
    return "".join(map(str, d)) + str(c % 10)


# ------------------------------------------------------------------ tables
def _zorg(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 1)
    fk = _faker("nl_NL", 1)
    products = ["Basis Budget", "Basis Restitutie", "AV Top", "AV Compleet", "Tand Extra", "Fysio Plus", "Buitenland Dekking"]
    prest = ["13000", "190001", "F511", "A10", "C11", "M01", "V21", "188", "13003", "29500"]
    aanbieders = ["Huisartsenpraktijk De Linde", "Fysiotherapie Centrum Oost", "Apotheek Zonnehof", "Tandartspraktijk Smile",
                  "Ziekenhuis Rivierenland", "Mondzorg Noord B.V.", "Diëtistenpraktijk Vitaal", "Ergotherapie Maasland"]
    opm = ["Nota ontvangen via app, leesbaar.", "Kopie factuur ontbreekt; opgevraagd bij zorgaanbieder.",
           "Buiten dekking AV, afgewezen.", "Eigen risico verrekend.\nBetaling volgt binnen 10 werkdagen.",
           "Machtiging aanwezig.", "", "", "Dubbele declaratie, tweede regel vervallen."]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        born = _dob(rng, 1930, 2020)
        amount = round(rng.uniform(8, 2400), 2)
        vergoed = round(amount * rng.choice([1, 1, 0.8, 0.75, 0, 0.5]), 2)
        pc = fk.postcode().replace(" ", "")
        pc = pc[:4] + " " + pc[4:] if rng.random() < 0.6 else pc
        tel = rng.choice([f"06-{rng.randint(10000000, 99999999)}", f"+31 6 {rng.randint(10000000, 99999999)}",
                          f"06{rng.randint(10000000, 99999999)}", fk.phone_number()])
        bsn = _bsn(rng)
        if rng.random() < 0.08:
            bsn = bsn.lstrip("0")
        out.append({
            "DeclaratieNr": f"D{2024_000000 + i * 7 + rng.randint(0, 6)}",
            "Relatienummer": str(rng.randint(10_000_000, 99_999_999)),
            "BSN": bsn,
            "Voornaam": first,
            "Achternaam": last,
            "Geboortedatum": born.strftime("%d-%m-%Y"),
            "Straat + huisnr": fk.street_address(),
            "Postcode": pc,
            "Woonplaats": fk.city(),
            "Telefoon mobiel": _blank(rng, tel, 0.15),
            "E-mailadres": _blank(rng, _email(rng, first, last, ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.com", "outlook.com", "xs4all.nl"]), 0.1),
            "IBAN uitbetaling": _blank(rng, rng.choice([(i_ := _nl_iban(rng)), _group4(i_)]), 0.05),
            "Polisnummer": f"{rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}",
            "Productcode": rng.choice(products),
            "AGB-code zorgverlener": f"{rng.choice(['01', '04', '05', '12', '06'])}{rng.randint(0, 999999):06d}",
            "Zorgaanbieder": rng.choice(aanbieders),
            "Behandeldatum": _ts(rng).strftime("%d-%m-%Y"),
            "Prestatiecode": rng.choice(prest),
            "Declaratiebedrag (€)": f"{amount:.2f}".replace(".", ","),
            "Vergoed bedrag": f"{vergoed:.2f}".replace(".", ","),
            "Eigen risico ingehouden": f"{min(amount - vergoed, 385):.2f}".replace(".", ","),
            "Status": rng.choice(["Uitbetaald", "In behandeling", "Afgewezen", "Uitbetaald", "Deels vergoed"]),
            "Opmerking": rng.choice(opm),
            "Ingediend via": rng.choice(["App", "Mijn omgeving", "Post", "Zorgaanbieder (Vecozo)"]),
            "Gebruikersnaam MijnOmgeving": _blank(rng, rng.choice([f"{_ascii(first)}{_ascii(last)[:3]}{rng.randint(1, 99)}", f"{_ascii(first)[0]}.{_ascii(last)}", f"{_ascii(last)}{born.year}"]), 0.3),
            "Verwerkt op": _ts(rng).strftime("%Y-%m-%d %H:%M:%S"),
            "Bestandshash": _sha1("zorg", i)[:32],
        })
    return pd.DataFrame(out)


def _urgencia(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 2)
    fk = _faker("pt_PT", 2)
    queixas = ["Dor torácica", "Dispneia", "Febre há 3 dias", "Traumatismo do membro inferior", "Dor abdominal",
               "Cefaleia intensa", "Vómitos e diarreia", "Lipotimia", "Ferida incisa na mão", "Tosse persistente"]
    obs = ["Doente orientado, colaborante. ECG sem alterações agudas.",
           "Analgesia com paracetamol EV.\nReavaliar às 2h.",
           "RX tórax: sem consolidações.", "Pedido parecer de Ortopedia.", "",
           "Alta com indicação para médico assistente.", "Sutura com 4 pontos; retirar em 10 dias."]
    icd = ["R07.4", "R06.0", "R50.9", "S82.6", "R10.4", "R51", "A09", "R55", "S61.4", "R05"]
    out = []
    for i in range(rows):
        sex = rng.choice("MF")
        first = fk.first_name_male() if sex == "M" else fk.first_name_female()
        name = f"{first} {fk.last_name()} {fk.last_name()}"
        born = _dob(rng, 1925, 2023)
        adm = _ts(rng)
        fam = f"{fk.first_name()} {fk.last_name()}"
        med = f"{rng.choice(['Dr.', 'Dra.'])} {fk.first_name()} {fk.last_name()}"
        out.append({
            "N.º Episódio": 24_000_000 + i * 3 + rng.randint(0, 2),
            "Nº Processo": rng.randint(100_000, 2_999_999),
            "Nome do Utente": name,
            "Data Nasc.": born,
            "Sexo": sex,
            "N.º Utente SNS": rng.randint(100_000_000, 399_999_999) if rng.random() > 0.04 else None,
            "NIF": _blank(rng, _pt_nif(rng), 0.2, (None,)),
            "Cartão Cidadão": _blank(rng, _pt_cc(rng), 0.35, (None,)),
            "Morada": fk.street_address(),
            "Código Postal": fk.postcode(),
            "Localidade": fk.city(),
            "Telemóvel": _blank(rng, rng.choice([f"9{rng.choice('1236')}{rng.randint(0, 9999999):07d}", f"+351 9{rng.choice('1236')}{rng.randint(0, 9):d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"]), 0.1, (None,)),
            "Contacto familiar": _blank(rng, f"{fam} ({rng.choice(['mãe', 'pai', 'filho', 'filha', 'cônjuge', 'irmã'])})", 0.45, (None,)),
            "Tel. contacto familiar": _blank(rng, f"9{rng.choice('1236')}{rng.randint(0, 9999999):07d}", 0.5, (None,)),
            "Data/Hora Admissão": adm,
            "Cor Triagem Manchester": rng.choice(["Vermelho", "Laranja", "Amarelo", "Amarelo", "Verde", "Verde", "Azul"]),
            "Queixa Principal": rng.choice(queixas),
            "Médico Responsável": med,
            "Diagnóstico (CID-10)": rng.choice(icd),
            "Destino": rng.choice(["Alta", "Alta", "Internamento", "Transferência", "Consulta externa", "Abandono"]),
            "Tempo Espera (min)": rng.randint(3, 540),
            "Subsistema": rng.choice(["SNS", "SNS", "SNS", "ADSE", "Médis", "Multicare", "SAMS"]),
            "Observações clínicas": rng.choice(obs),
        })
    df = pd.DataFrame(out)
    df["N.º Utente SNS"] = df["N.º Utente SNS"].astype("Int64")
    return df


def _studenci(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 3)
    fk = _faker("pl_PL", 3)
    wydzialy = {
        "Wydział Matematyki i Informatyki": ["Informatyka", "Matematyka stosowana"],
        "Wydział Prawa i Administracji": ["Prawo", "Administracja"],
        "Wydział Chemii": ["Chemia", "Chemia medyczna"],
        "Wydział Filologiczny": ["Filologia angielska", "Filologia polska"],
        "Wydział Ekonomiczny": ["Ekonomia", "Finanse i rachunkowość"],
    }
    tematy = ["Analiza algorytmów grafowych w sieciach transportowych", "Odpowiedzialność odszkodowawcza Skarbu Państwa",
              "Synteza nowych pochodnych kumaryny", "Metafora w prozie współczesnej", "Wpływ stóp procentowych na inflację",
              "", "", "Zastosowanie uczenia maszynowego w diagnostyce obrazowej"]
    tytuly = ["dr", "dr hab.", "prof. dr hab.", "dr inż.", "dr hab. inż."]
    out = []
    promotorzy = []
    for _ in range(40):
        pf, pl = fk.first_name(), fk.last_name()
        promotorzy.append((f"{rng.choice(tytuly)} {pf} {pl}", f"{_ascii(pf)}.{_ascii(pl)}@uni.lodz.pl"))
    promotorzy.sort()
    wkeys = sorted(wydzialy)
    for _ in range(rows):
        sex = rng.choice("MF")
        first = fk.first_name_male() if sex == "M" else fk.first_name_female()
        second = (fk.first_name_male() if sex == "M" else fk.first_name_female()) if rng.random() < 0.45 else ""
        last = fk.last_name_male() if sex == "M" else fk.last_name_female()
        born = _dob(rng, 1975, 2006)
        pesel = fk.pesel(dt.datetime(born.year, born.month, born.day), sex)
        foreign = rng.random() < 0.06
        w = rng.choice(wkeys)
        rok = rng.randint(1, 5)
        prom = rng.choice(promotorzy) if rok >= 3 else ("", "")
        login = f"{rng.randint(300000, 459999)}" if rng.random() < 0.3 else f"{_ascii(first)[0]}{_ascii(last)}"[:12]
        out.append({
            "Nr albumu": str(rng.randint(300000, 459999)),
            "Imię": first,
            "Drugie imię": second,
            "Nazwisko": last,
            "PESEL": "" if foreign else (int(pesel) if rng.random() < 0.1 else pesel),
            "Data urodzenia": born.strftime("%Y-%m-%d") if rng.random() < 0.7 else born.strftime("%d.%m.%Y"),
            "Miejsce urodzenia": fk.city(),
            "Obywatelstwo": "ukraińskie" if foreign else "polskie",
            "Nr dowodu osobistego/paszportu": _pl_passport(rng) if foreign or rng.random() < 0.1 else _pl_id_card(rng),
            "Adres zamieszkania": fk.street_address(),
            "Kod pocztowy": fk.postcode(),
            "Miejscowość": fk.city(),
            "Telefon": _blank(rng, rng.choice([fk.phone_number(), f"+48{rng.randint(500000000, 799999999)}", str(rng.randint(500000000, 799999999))]), 0.1),
            "E-mail uczelniany": f"{_ascii(first)}.{_ascii(last)}@edu.uni.lodz.pl",
            "E-mail prywatny": _blank(rng, _email(rng, first, last, ["gmail.com", "wp.pl", "onet.pl", "o2.pl", "interia.pl"]), 0.35),
            "Login USOS": login,
            "Wydział": w,
            "Kierunek": rng.choice(wydzialy[w]),
            "Rok studiów": rok,
            "Semestr": rok * 2 - rng.randint(0, 1),
            "Tryb": rng.choice(["stacjonarne", "stacjonarne", "niestacjonarne"]),
            "Średnia ocen": round(rng.uniform(3.0, 5.0), 2),
            "Status": rng.choice(["aktywny", "aktywny", "aktywny", "urlop dziekański", "skreślony", "absolwent"]),
            "Promotor": prom[0],
            "E-mail promotora": prom[1],
            "Temat pracy dyplomowej": rng.choice(tematy) if rok >= 3 else "",
            "Nr konta do stypendium": _blank(rng, rng.choice([(n_ := _pl_nrb(rng)), "PL" + n_, n_[:2] + " " + _group4(n_[2:])]), 0.5),
            "Stypendium (zł/mies.)": rng.choice([0, 0, 0, 800, 1100, 1450]),
            "Data immatrykulacji": dt.date(2024 - rok + 1, 10, 1).isoformat(),
        })
    return pd.DataFrame(out)


_NO_STEDER = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Fredrikstad", "Kristiansand", "Tromsø",
              "Sandnes", "Bodø", "Ålesund", "Hamar", "Lillehammer", "Molde", "Haugesund", "Gjøvik", "Larvik",
              "Tønsberg", "Arendal", "Harstad", "Kongsberg", "Steinkjer", "Narvik", "Alta", "Førde", "Sandvika",
              "Jessheim", "Ski", "Moss", "Halden", "Elverum", "Levanger", "Namsos", "Kristiansund", "Os"]


def _tannklinikk(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 4)
    fk = _faker("no_NO", 4)
    typer = ["Undersøkelse", "Fylling", "Rotfylling", "Tannrens", "Krone", "Akutt time", "Ekstraksjon", "Kontroll barn"]
    takster = ["101", "201", "203", "304", "401", "501", "701", "802"]
    notater = ["Pasient ønsker time tidlig på dagen.", "Bedøvelse tolereres dårlig, bruk lite.",
               "Røntgen tatt, ingen karies.\nNy kontroll om 12 mnd.", "", "", "Avbestilt via SMS.", "Kom ikke til timen."]
    behandlere = sorted({f"{fk.first_name()} {fk.last_name()}" for _ in range(12)})
    out = []
    for i in range(rows):
        born = _dob(rng, 1935, 2021)
        first, last = fk.first_name(), fk.last_name()
        age = 2024 - born.year
        start = _ts(rng).replace(minute=rng.choice([0, 15, 30, 45]), second=0)
        honorar = rng.choice([650, 890, 1250, 2100, 4800, 7900, 450])
        pc = fk.postcode()
        out.append({
            "timeId": f"T{900000 + i}",
            "pasientNr": 10000 + rng.randint(0, 89999),
            "fodselsnummer": _no_fnr(rng, born),
            "fornavn": first,
            "etternavn": last,
            "fodselsdato": born.strftime("%d.%m.%Y"),
            "adresse": fk.street_address(),
            "postnr": int(pc) if rng.random() < 0.5 else pc,
            "poststed": rng.choice(_NO_STEDER),
            "mobil": _blank(rng, rng.choice([f"+47 {rng.choice('49')}{rng.randint(0, 9999999):07d}", f"{rng.choice('49')}{rng.randint(0, 99):02d} {rng.randint(0, 99):02d} {rng.randint(0, 999):03d}", fk.phone_number()]), 0.08, (None,)),
            "epost": _blank(rng, _email(rng, first, last, ["gmail.com", "online.no", "hotmail.no", "live.no", "icloud.com"]), 0.25, (None,)),
            "foresatt": f"{fk.first_name()} {last}" if age < 18 else None,
            "fastlege": _blank(rng, f"{fk.first_name()} {fk.last_name()}", 0.3, (None,)),
            "behandler": rng.choice([f"Tannlege {rng.choice(behandlere)}", f"Tannpleier {rng.choice(behandlere)}"]),
            "timeStart": start.isoformat(timespec="minutes"),
            "varighetMin": rng.choice([15, 30, 45, 60, 90]),
            "behandlingstype": rng.choice(typer),
            "takstkoder": ", ".join(sorted(rng.sample(takster, rng.randint(1, 3)))),
            "honorar_kr": float(honorar),
            "egenandel_kr": float(honorar if age >= 20 else 0),
            "helfoRefusjon": rng.random() < 0.12,
            "smsPaaminnelseSendt": rng.random() < 0.85,
            "notat": rng.choice(notater),
            "status": rng.choice(["fullført", "fullført", "booket", "avbestilt", "ikke møtt"]),
            "kontonrRefusjon": _blank(rng, rng.choice([(k_ := _no_account(rng)), f"{k_[:4]}.{k_[4:6]}.{k_[6:]}", f"{k_[:4]} {k_[4:6]} {k_[6:]}"]), 0.7, (None,)),
            "journalRevisjon": f"{rng.randint(1, 4)}.{rng.randint(0, 12)}.{rng.randint(0, 40)}",
        })
    return pd.DataFrame(out)


_CA_CITIES = sorted([("Toronto", "ON", "M"), ("Mississauga", "ON", "L"), ("Ottawa", "ON", "K"), ("Hamilton", "ON", "L"),
                     ("Montréal", "QC", "H"), ("Laval", "QC", "H"), ("Québec", "QC", "G"), ("Gatineau", "QC", "J"),
                     ("Vancouver", "BC", "V"), ("Surrey", "BC", "V"), ("Victoria", "BC", "V"), ("Calgary", "AB", "T"),
                     ("Edmonton", "AB", "T"), ("Red Deer", "AB", "T"), ("Winnipeg", "MB", "R"), ("Brandon", "MB", "R"),
                     ("Saskatoon", "SK", "S"), ("Regina", "SK", "S"), ("Halifax", "NS", "B"), ("Moncton", "NB", "E"),
                     ("Fredericton", "NB", "E"), ("St. John's", "NL", "A"), ("Charlottetown", "PE", "C"), ("Kelowna", "BC", "V"),
                     ("Sherbrooke", "QC", "J"), ("London", "ON", "N"), ("Kitchener", "ON", "N"), ("Sudbury", "ON", "P")])


def _ca_postal(rng: random.Random, first: str) -> str:
    letters = "ABCEGHJKLMNPRSTVWXYZ"
    s = f"{first}{rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
    return rng.choice([s[:3] + " " + s[3:], s[:3] + " " + s[3:], s, s.lower()[:3] + " " + s.lower()[3:]])


def _ca_street(rng: random.Random, fk: Faker, prov: str) -> str:
    num = str(rng.randint(1, 9999))
    name = fk.last_name()
    if prov == "QC" and rng.random() < 0.7:
        street = f"{num} {rng.choice(['rue', 'Rue', 'boul.', 'av.', 'ch.'])} {name}"
    else:
        street = f"{num} {name} {rng.choice(['St', 'Ave', 'Rd', 'Blvd', 'Cres', 'Dr', 'Street', 'Avenue'])}"
    apt = rng.random()
    if apt < 0.15:
        street = f"{rng.randint(101, 2405)}-{street}"
    elif apt < 0.3:
        street += rng.choice([f" Unit {rng.randint(1, 40)}", f" Apt {rng.randint(1, 30)}", f", Suite {rng.randint(100, 900)}"])
    return street


def _wireless(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 5)
    fe, ff = _faker("en_CA", 5), _faker("fr_CA", 6)
    plans = [("Essential 20GB", 45.0), ("Unlimited 60GB", 65.0), ("Unlimited 100GB Canada-US", 85.0), ("Talk & Text", 25.0), ("Prepaid 10GB", 34.0)]
    devices = ["iPhone 15 128GB", "iPhone 13", "Galaxy S24", "Galaxy A54 5G", "Pixel 8", "Moto G Power", "BYOD"]
    area = {"ON": ["416", "647", "905", "613", "519"], "QC": ["514", "438", "418", "819", "450"], "BC": ["604", "778", "250"],
            "AB": ["403", "587", "780"], "MB": ["204"], "SK": ["306"], "NS": ["902"], "NB": ["506"], "NL": ["709"], "PE": ["902"]}
    out = []
    for _ in range(rows):
        city, prov, pfx = rng.choice(_CA_CITIES)
        fk = ff if prov == "QC" and rng.random() < 0.8 else fe
        first, last = fk.first_name(), fk.last_name()
        msisdn = f"1{rng.choice(area[prov])}{rng.randint(2000000, 9999999)}"
        imei_body = rng.choice(["35", "86", "49", "01"]) + "".join(str(rng.randint(0, 9)) for _ in range(12))
        iccid_body = "89302" + rng.choice(["61", "72", "22"]) + "".join(str(rng.randint(0, 9)) for _ in range(11))
        plan, price = rng.choice(plans)
        act = _ts(rng, rng.choice([2021, 2022, 2023, 2024]))
        card = fe.credit_card_number(card_type=rng.choice(["visa", "mastercard", "amex"])) if rng.random() < 0.55 else ""
        if card and rng.random() < 0.4 and len(card) == 16:
            card = _group4(card)
        sin = _ca_sin(rng)
        born = _dob(rng, 1940, 2008)
        out.append({
            "Account No.": f"{rng.randint(100000000, 999999999)}",
            "BAN": rng.randint(30000000, 89999999),
            "Subscriber Name": f"{last.upper()}, {first.upper()}" if rng.random() < 0.6 else f"{first} {last}",
            "MSISDN": f"{float(msisdn):.1f}" if rng.random() < 0.1 else msisdn,
            "Alt. Contact #": _blank(rng, f"({rng.choice(area[prov])}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}", 0.55),
            "Email": _blank(rng, _email(rng, first, last, ["gmail.com", "hotmail.com", "videotron.ca", "shaw.ca", "sympatico.ca", "yahoo.ca"]), 0.12),
            "Service Address": _ca_street(rng, fe, prov),
            "City": city,
            "Prov": prov,
            "Postal Code": _ca_postal(rng, pfx),
            "DOB": born.strftime("%Y/%m/%d"),
            "SIN": _blank(rng, rng.choice([sin, f"{sin[:3]} {sin[3:6]} {sin[6:]}", f"{sin[:3]}-{sin[3:6]}-{sin[6:]}"]), 0.6),
            "IMEI": imei_body + _luhn_digit(imei_body),
            "ICCID": iccid_body + _luhn_digit(iccid_body),
            "Rate Plan": plan,
            "Plan $/mo": price,
            "Data Used (GB)": round(rng.uniform(0, 120), 2),
            "Activation Date": act.strftime("%Y-%m-%d"),
            "Contract End": (act + dt.timedelta(days=730)).strftime("%Y-%m-%d") if rng.random() < 0.6 else "",
            "Device Model": rng.choice(devices),
            "PAD Card #": card,
            "Card Exp": f"{rng.randint(1, 12):02d}/{rng.randint(25, 30)}" if card else "",
            "Port-In Carrier": rng.choice(["", "", "Rogers", "Bell", "TELUS", "Freedom", "Videotron", "Fido", "Koodo"]),
            "Lang Pref": "FR" if fk is ff else rng.choice(["EN", "EN", "EN", "FR"]),
            "Online ID": _blank(rng, rng.choice([f"{_ascii(first)}{_ascii(last)[:1]}{rng.randint(1, 999)}", f"{_ascii(first)}.{_ascii(last)}", f"{_ascii(last)}_{born.year % 100:02d}"]), 0.35),
            "Last Login IP": _blank(rng, rng.choice([fe.ipv4_public(), fe.ipv4_public(), fe.ipv6()]), 0.35),
            "Auth. User": _blank(rng, f"{fk.first_name()} {rng.choice([last, fk.last_name()])}", 0.8),
            "Autopay": rng.choice(["Y", "N"]),
        })
    return pd.DataFrame(out)


def _objednavky(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 7)
    fk = _faker("cs_CZ", 7)
    produkty = [("KV-001", "Kávovar DeLonghi Magnifica S", 8990.0), ("SL-220", "Sluchátka Sony WH-1000XM5", 7490.0),
                ("TR-015", "Tričko bavlněné, vel. L", 349.0), ("KN-778", "Kniha: Pražské legendy", 299.0),
                ("HR-400", "Stavebnice LEGO Technic 42151", 1290.0), ("KS-031", "Kosmetická sada Manufaktura", 689.0),
                ("OB-512", "Obal na mobil, průhledný", 149.0), ("ZA-900", "Zahradní hadice 25 m", 459.0)]
    poznamky = ["Prosím doručit odpoledne.", "Zboží zabalit jako dárek.", "", "", "", "Nezvonit, malé dítě spí.",
                "Faktura na firmu.\nDěkuji.", "Volejte před doručením."]
    out = []
    for i in range(rows):
        first, last = fk.first_name(), fk.last_name()
        code, item, price = rng.choice(produkty)
        qty = rng.choice([1, 1, 1, 2, 3])
        total = price * qty + rng.choice([0, 79, 89, 129])
        other = rng.random() < 0.2
        d_first, d_last = (fk.first_name(), fk.last_name()) if other else (first, last)
        ulice, mesto, psc = fk.street_address(), fk.city(), fk.postcode()
        d_ulice, d_mesto, d_psc = (fk.street_address(), fk.city(), fk.postcode()) if other or rng.random() < 0.1 else (ulice, mesto, psc)
        pref, num, bank = _cz_account(rng)
        acct = rng.choice([f"{pref + '-' if pref else ''}{num}/{bank}", _group4(_iban("CZ", bank + pref.zfill(6) + num.zfill(10)))])
        firm = rng.random() < 0.12
        out.append({
            "Kód objednávky": f"2024{i + 1:06d}",
            "Datum": _ts(rng).strftime("%d.%m.%Y %H:%M"),
            "Stav": rng.choice(["Vyřízena", "Vyřízena", "Odeslána", "Nová", "Stornována", "Čeká na platbu"]),
            "Jméno a příjmení": f"{first} {last}",
            "E-mail": _email(rng, first, last, ["seznam.cz", "email.cz", "gmail.com", "centrum.cz", "post.cz"]),
            "Telefon": rng.choice([f"+420 {rng.randint(601, 799)} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}", f"{rng.randint(601, 799)}{rng.randint(0, 999999):06d}", fk.phone_number()]),
            "Fakturační ulice": ulice,
            "Fakturační město": mesto,
            "Fakturační PSČ": psc if rng.random() < 0.7 else psc.replace(" ", ""),
            "Fakturační země": rng.choice(["CZ", "CZ", "CZ", "Česká republika"]),
            "Firma": rng.choice(["Stavby Novotný s.r.o.", "AGRO Vysočina a.s.", "Kancelář Plus s.r.o."]) if firm else "",
            "IČ": _cz_ico(rng) if firm else "",
            "Dodací jméno": f"{d_first} {d_last}",
            "Dodací ulice": d_ulice,
            "Dodací město": d_mesto,
            "Dodací PSČ": d_psc,
            "Způsob dopravy": rng.choice(["Zásilkovna", "PPL", "Česká pošta - Balík Do ruky", "Osobní odběr", "DPD"]),
            "Číslo zásilky": f"Z{rng.randint(1000000000, 9999999999)}" if rng.random() < 0.7 else "",
            "Způsob platby": rng.choice(["Kartou online", "Bankovním převodem", "Dobírka", "GoPay", "Apple Pay"]),
            "Variabilní symbol": f"{2024000000 + i}",
            "Kód produktu": code,
            "Název položky": item,
            "Množství": qty,
            "Celkem s DPH": f"{total:,.2f}".replace(",", " ").replace(".", ","),
            "Měna": "CZK",
            "Slevový kód": rng.choice(["", "", "", "JARO10", "VIP2024", "DOPRAVAZDARMA"]),
            "Poznámka zákazníka": rng.choice(poznamky),
            "Číslo účtu pro vrácení": acct if rng.random() < 0.25 else "",
            "IP adresa": fk.ipv4_public() if rng.random() < 0.9 else "",
            "Datum narození (ověření věku)": _dob(rng, 1950, 2005).strftime("%d.%m.%Y") if rng.random() < 0.15 else "",
        })
    return pd.DataFrame(out)


def _crm(rows: int) -> pd.DataFrame:
    rng = random.Random(SEED + 8)
    locs = [("en_US", 8), ("en_GB", 9), ("en_CA", 10)]
    fakers = {loc: _faker(loc, off) for loc, off in locs}
    titles = ["VP Sales", "Head of Procurement", "IT Manager", "CFO", "Operations Director", "Software Engineer",
              "Marketing Coordinator", "Chief Technology Officer", "Office Manager", "Purchasing Agent"]
    industries = ["Manufacturing", "Logistics", "Healthcare", "Financial Services", "Retail", "Construction", "SaaS"]
    notes = ["Requested pricing for 50 seats; follow up after Q3 budget review.", "Met at trade show booth #214.",
             "Not a fit - already on a 3-year contract with competitor.", "", "", "",
             "Demo scheduled.\nNeeds SSO and audit log export.", "Downloaded whitepaper: Warehouse Automation 2024."]
    owners = sorted({fakers["en_US"].name() for _ in range(9)})
    companies = sorted({fakers["en_US"].company() for _ in range(300)})
    out = []
    for _ in range(rows):
        loc = rng.choice(["en_US", "en_US", "en_GB", "en_CA"])
        fk = fakers[loc]
        first, last = fk.first_name(), fk.last_name()
        comp = rng.choice(companies)
        dom = _ascii(comp.split(" ")[0].replace(",", "")) + rng.choice([".com", ".io", ".co.uk", ".net"])
        created = _ts(rng, rng.choice([2022, 2023, 2024]))
        country = {"en_US": "United States", "en_GB": "United Kingdom", "en_CA": "Canada"}[loc]
        out.append({
            "Record ID": str(rng.randint(10**9, 10**10)),
            "First Name": first,
            "Last Name": last,
            "Job Title": rng.choice(titles),
            "Company Name": comp,
            "Email": f"{_ascii(first)}.{_ascii(last)}@{dom}" if rng.random() < 0.8 else f"{_ascii(first)[0]}{_ascii(last)}@{dom}",
            "Phone Number": _blank(rng, fk.phone_number(), 0.3),
            "Mobile Phone Number": _blank(rng, fk.phone_number(), 0.7),
            "Street Address": _blank(rng, fk.street_address(), 0.4),
            "City": _blank(rng, fk.city(), 0.2),
            "State/Region": fk.state_abbr() if loc == "en_US" else (fk.province_abbr() if loc == "en_CA" else ""),
            "Postal Code": _blank(rng, fk.postcode(), 0.3),
            "Country/Region": country,
            "Twitter Username": _blank(rng, "@" + rng.choice([f"{_ascii(first)}{_ascii(last)}", f"{_ascii(first)}_{rng.randint(1, 999)}", f"{_ascii(last)}{_ascii(first)[:1]}"]), 0.75),
            "Contact owner": rng.choice(owners),
            "Lead Status": rng.choice(["New", "Open", "In Progress", "Open Deal", "Unqualified", "Attempted to Contact", "Connected"]),
            "Lifecycle Stage": rng.choice(["Subscriber", "Lead", "Marketing Qualified Lead", "Sales Qualified Lead", "Opportunity", "Customer"]),
            "Original Source": rng.choice(["Organic Search", "Paid Search", "Referrals", "Offline Sources", "Social Media", "Direct Traffic"]),
            "Annual Revenue": float(rng.choice([500000, 2500000, 12000000, 48000000, 250000000])) if rng.random() < 0.6 else None,
            "Number of Employees": rng.choice([5, 25, 80, 250, 1200, 5000]),
            "Industry": rng.choice(industries),
            "Create Date": created.strftime("%Y-%m-%d %H:%M"),
            "Last Activity Date": (created + dt.timedelta(days=rng.randint(0, 400))).strftime("%Y-%m-%d %H:%M"),
            "Amount (USD)": round(rng.uniform(1000, 150000), 2) if rng.random() < 0.35 else None,
            "Notes": rng.choice(notes),
            "Unsubscribed from all email": rng.choice([True, False, False, False]),
            "IP Address": _blank(rng, fk.ipv4_public(), 0.6),
            "Website URL": f"https://www.{dom}",
            "Associated Deal IDs": ";".join(str(rng.randint(10**9, 10**10)) for _ in range(rng.randint(0, 2))),
            "HubSpot Score": rng.randint(0, 100),
        })
    return pd.DataFrame(out)


_BUILDERS: dict[str, Callable[[int], pd.DataFrame]] = {
    "zorg_declaraties": _zorg,
    "urgencia_episodios": _urgencia,
    "studenci": _studenci,
    "tannklinikk_timer": _tannklinikk,
    "wireless_subscribers": _wireless,
    "objednavky": _objednavky,
    "crm_contacts_leads": _crm,
}


def make_tables(rows: int) -> dict[str, pd.DataFrame]:
    """Build every table with `rows` rows (deterministic for a given rows)."""
    return {t: _BUILDERS[t](rows) for t in TABLES}


# ------------------------------------------------------------------ writing
def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(table: str, df: pd.DataFrame, path: Path) -> None:
    if table == "zorg_declaraties":
        _atomic(path, lambda p: df.to_csv(p, sep=";", index=False, encoding="utf-8-sig"))
    elif table == "wireless_subscribers":
        _atomic(path, lambda p: df.to_csv(p, sep=",", index=False, encoding="cp1252"))
    elif table == "objednavky":
        _atomic(path, lambda p: df.to_csv(p, sep=";", index=False, encoding="cp1250"))
    elif table == "urgencia_episodios":
        _atomic(path, lambda p: df.to_parquet(p, index=False))
    elif table in ("studenci", "crm_contacts_leads"):
        sheet = {"studenci": "Studenci", "crm_contacts_leads": "Contacts"}[table]
        _atomic(path, lambda p: df.to_excel(p, index=False, sheet_name=sheet, engine="openpyxl"))
    elif table == "tannklinikk_timer":
        def jl(p: Path) -> None:
            with open(p, "w", encoding="utf-8") as fh:
                for rec in df.to_dict(orient="records"):
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        _atomic(path, jl)
    else:
        raise KeyError(table)


def write_all(out_dir: Path, rows: int = 2000) -> dict[str, Path]:
    """Write every table into out_dir; return {table: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = make_tables(rows)
    paths: dict[str, Path] = {}
    for t in TABLES:
        path = out_dir / FILES[t]
        _write(t, tables[t], path)
        paths[t] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: gen_heldout12.py OUT_DIR [ROWS]", file=sys.stderr)
        sys.exit(2)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    for name, p in write_all(Path(sys.argv[1]), n).items():
        print(f"{name}: {p}")
