"""Validators, header tokens and column-level negative rules (no model needed)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from id_numbers import abn, es_nss, iban_check_digits, luhn_complete, nif, no_fnr, pesel, pt_cc

from privacy_audit.detect.columns import classify_values, value_features
from privacy_audit.detect.headers import header_hints, tokenize
from privacy_audit.detect.validators import (
    birth_date_plausible,
    iban_ok,
    ip_ok,
    luhn_ok,
    parse_date,
    ssn_ok,
)


def test_luhn_accepts_valid_and_grouped_rejects_one_digit_off():
    card = luhn_complete("411111111111111")
    assert luhn_ok(card)
    assert luhn_ok(" ".join(card[i : i + 4] for i in range(0, 16, 4)))
    bad = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert not luhn_ok(bad)
    assert not luhn_ok("0000000000000000")  # too few distinct digits


def test_iban_mod97():
    assert iban_ok("DE89370400440532013000")
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert not iban_ok("DE89370400440532013001")  # checksum
    assert not iban_ok("DE8937040044053201300")  # wrong length for DE
    # a newline left inside once the dash is removed: "$" matches before it; this raised ValueError (scan exit 3)
    assert not iban_ok("XX12ABCDEFGHIJKLM\n-")


@pytest.mark.parametrize("value,ok", [
    ("536-90-4399", True), ("536904399", True), ("000-12-3456", False), ("666-12-3456", False),
    ("912-12-3456", False), ("123-00-4567", False), ("123-45-0000", False), ("123-45-678", False),
])  # fmt: skip
def test_ssn_rules(value, ok):
    assert ssn_ok(value) is ok


def test_ssn_bare_can_be_refused():
    assert not ssn_ok("536904399", allow_bare=False)


@pytest.mark.parametrize("value,ok", [
    ("192.168.0.1", True), ("2001:db8::1", True), ("256.1.1.1", False), ("10.0.0.0/8", False), ("1.2.3", False),
])  # fmt: skip
def test_ip(value, ok):
    assert ip_ok(value) is ok


def test_parse_date_forms_and_birth_plausibility():
    assert parse_date("1958/04/21") == date(1958, 4, 21)
    assert parse_date("02.12.1972") == date(1972, 12, 2)
    assert parse_date("3/29/1982") == date(1982, 3, 29)
    assert parse_date("12. März 1980") == date(1980, 3, 12)
    assert parse_date("31/02/2000") is None
    today = date(2026, 1, 1)
    assert birth_date_plausible("1980-05-03", today=today)
    assert not birth_date_plausible("1980-05-03 10:00:00", today=today)  # a timestamp is an event
    assert not birth_date_plausible("1850-01-01", today=today)


def test_header_tokens_not_substrings():
    assert tokenize("EmailAddress") == ["email", "address"]
    assert tokenize("Straße") == ["strasse"]
    assert header_hints("E-Mail-Adresse").entities == {"EMAIL_ADDRESS": "e mail adresse"}
    assert "EMAIL_ADDRESS" in header_hints("courriel").entities
    assert "PHONE_NUMBER" in header_hints("Telefonnummer").entities
    assert "PERSON" in header_hints("nombre").entities
    assert "USERNAME" in header_hints("nombre_de_usuario").entities  # longest phrase wins
    assert header_hints("geburtsdatum").entities == {"DATE_OF_BIRTH": "geburtsdatum"}
    assert header_hints("mailbox_count").entities == {}  # 'mail' is not a substring match
    assert header_hints("product_name").entities == {}  # qualified 'name'
    assert header_hints("name_type").entities == {}
    assert header_hints("order_date").event


TODAY = date(2026, 1, 1)


def _verdict(header, values, **kw):
    return classify_values(header, [str(v) for v in values], today=TODAY, **kw)


def test_negative_sequential_ids():
    v = _verdict("n", range(1, 501), n_rows=500, n_nonnull=500)
    assert v.entity is None and "sequential ids" in v.evidence


def test_negative_uuids_hashes_tokens():
    import hashlib
    import uuid

    assert _verdict("ref", [uuid.UUID(int=i * 7919 + 1) for i in range(200)]).evidence.startswith("100% of 200 distinct values are UUIDs")
    hashes = [hashlib.sha1(str(i).encode()).hexdigest() for i in range(200)]
    assert "hex hashes" in _verdict("x", hashes).evidence
    tokens = [f"u_{hashlib.md5(str(i).encode()).hexdigest()[:16]}" for i in range(200)]
    v = _verdict("user_token", tokens)
    assert v.entity is None and "random tokens" in v.evidence


def test_negative_timestamps_epoch_amounts_versions():
    ts = [f"2024-0{1 + i % 9}-1{i % 9} 1{i % 9}:2{i % 9}:00" for i in range(100)]
    assert "event timestamps" in _verdict("created", ts).evidence
    assert "epoch seconds" in _verdict("t", [1_700_000_000 + 37 * i for i in range(100)]).evidence
    assert "amounts" in _verdict("total", [f"{i * 3.17:.2f}" for i in range(1, 100)]).evidence
    assert "version" in _verdict("app", [f"{i % 4}.{i % 13}.{i % 7}" for i in range(100)]).evidence


def test_event_dates_are_not_birth_dates_but_old_dates_are():
    recent = [f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}" for i in range(100)]
    assert _verdict("d", recent).entity is None
    born = [f"{1940 + i % 60}-{1 + i % 12:02d}-{1 + i % 27:02d}" for i in range(100)]
    assert _verdict("d", born).entity == "DATE_OF_BIRTH"
    assert _verdict("expiry", born).entity is None  # event header vetoes the age rule
    assert _verdict("birthday", recent).entity == "DATE_OF_BIRTH"  # the header says so


def test_numeric_phone_and_zip_examined_as_strings():
    assert _verdict("Telefonnummer", [3_012_345_600 + i * 13 for i in range(100)]).entity == "PHONE_NUMBER"
    assert _verdict("zip", [10_000 + i * 37 for i in range(100)]).entity == "POSTAL_CODE"


def test_share_not_any_hit():
    # one e-mail among many plain words does not make an e-mail column
    values = ["alpha", "beta", "gamma", "delta", "jane@example.com"] + [f"word{i}x" for i in range(50)]
    assert _verdict("misc", values).entity is None


def test_value_features_card_and_ssn():
    card = luhn_complete("545454545454545")
    assert {"card", "card_compat"} <= value_features(card)
    assert "ssn_sep" in value_features("536-90-4399")


# --------------------------------------------------------------- bank accounts and national numbers (4th/5th held-out sets)
def test_bank_account_accepts_iban_without_country_code_and_rejects_a_changed_digit():
    from privacy_audit.detect.validators import bank_account_ok

    bban = "109010140000071219812874"  # 24-digit Polish BBAN (bank, branch, account)
    nrb = iban_check_digits("PL", bban) + bban
    assert bank_account_ok(nrb)
    assert bank_account_ok(" ".join([nrb[:2]] + [nrb[i : i + 4] for i in range(2, 26, 4)]))  # grouped
    assert bank_account_ok("PL" + nrb)
    wrong = nrb[:-1] + str((int(nrb[-1]) + 1) % 10)
    assert not bank_account_ok(wrong)
    assert not bank_account_ok("12345")  # too short to be an account


def test_clabe_check_digit():
    from privacy_audit.detect.validators import clabe_ok

    body = "00218001234567890"  # bank 002, branch 180, account 01234567890
    weights = (3, 7, 1) * 6
    check = (10 - sum(int(d) * w % 10 for d, w in zip(body, weights, strict=False)) % 10) % 10
    assert clabe_ok(body + str(check))
    assert not clabe_ok(body + str((check + 1) % 10))
    assert not clabe_ok(body)  # 17 digits


def test_national_id_kind_uses_presidio_country_validators():
    from privacy_audit.detect.validators import national_id_kind

    pesel_no = pesel("8503121234")
    assert national_id_kind(pesel_no) == "PL_PESEL"
    assert national_id_kind(pesel_no[:-1] + str((int(pesel_no[-1]) + 1) % 10)) != "PL_PESEL"
    assert national_id_kind(nif(12345678)) == "ES_NIF"
    assert national_id_kind("12345678A") is None  # wrong control letter
    assert national_id_kind("hello world") is None


def test_cpf_ahv_cnp_check_digits():
    """Official/public specimen numbers pass; one changed digit fails (check digits computed by each spec)."""
    from privacy_audit.detect.validators import ahv_ok, cnp_ok, cpf_ok, national_id_kind

    assert cpf_ok("529.982.247-25") and cpf_ok("52998224725")
    assert not cpf_ok("529.982.247-26") and not cpf_ok("111.111.111-11")
    assert ahv_ok("756.9217.0769.85") and ahv_ok("7569217076985")
    assert not ahv_ok("756.9217.0769.86") and not ahv_ok("123.9217.0769.85")
    assert cnp_ok("1800101221144")  # 1 = man born 19xx, 1980-01-01, county 22
    assert not cnp_ok("1800101221145") and not cnp_ok("1801301221144")  # check digit; month 13
    assert national_id_kind("529.982.247-25") == "BR_CPF"


def test_ppsn_and_belgian_national_number():
    """Specimen numbers from the public format descriptions pass; a changed check character fails."""
    from privacy_audit.detect.validators import be_national_number_ok, national_id_kind, ppsn_ok

    assert ppsn_ok("1234567T") and ppsn_ok("1234567FA") and ppsn_ok("1234567 T")
    assert not ppsn_ok("1234567U") and not ppsn_ok("1234567")
    body = "850730033"  # born 1985-07-30, serial 033
    nn = f"{body}{97 - int(body) % 97:02d}"
    assert be_national_number_ok(nn) and be_national_number_ok(f"85.07.30-033.{nn[-2:]}")
    body2k = "050730033"  # born 2005: the check is computed over 2 + the nine digits
    assert be_national_number_ok(f"{body2k}{97 - int('2' + body2k) % 97:02d}")
    assert not be_national_number_ok(nn[:-1] + str((int(nn[-1]) + 1) % 10))
    assert national_id_kind("1234567T") == "IE_PPSN"


def test_canadian_sin_uk_nino_and_midnight_dates():
    from privacy_audit.detect.validators import ca_sin_ok, has_time_part, national_id_kind, uk_nino_ok

    sin = luhn_complete("13069254")  # a Luhn-valid 9-digit number starting 1-7
    assert ca_sin_ok(f"{sin[:3]} {sin[3:6]} {sin[6:]}") and ca_sin_ok(f"{sin[:3]}-{sin[3:6]}-{sin[6:]}")
    assert not ca_sin_ok(sin[:-1] + str((int(sin[-1]) + 1) % 10))
    assert not ca_sin_ok(luhn_complete("04645428"))  # 0 is never issued (specimen and fictitious numbers)
    assert uk_nino_ok("AB 12 34 56 C") and uk_nino_ok("JG103759A")
    assert not uk_nino_ok("QQ 12 34 56 C")  # the HMRC dummy prefix: Q is never a first letter
    assert not uk_nino_ok("GB123456A") and not uk_nino_ok("DA123456A") and not uk_nino_ok("AB123456E")
    assert national_id_kind(f"{sin[:3]} {sin[3:6]} {sin[6:]}") == "CA_SIN"
    assert not has_time_part("1980-05-03 00:00:00") and not has_time_part("1980-05-03T00:00:00Z")
    assert has_time_part("2024-05-03 14:30:00") and has_time_part("03.05.2024 00:15")


def test_card_numbers_need_an_issuer_prefix_not_just_luhn():
    """IMEIs and SIM ICCIDs pass Luhn too; a card number also starts with a scheme's prefix at its length."""
    from privacy_audit.detect.validators import card_issuer_ok

    visa, amex = luhn_complete("411111111111111"), luhn_complete("37828224631000")
    assert luhn_ok(visa) and card_issuer_ok(visa) and card_issuer_ok(amex)
    imei = luhn_complete("35780378579342")  # 15 digits, TAC 35...: no scheme issues 15-digit 35 cards
    iccid = luhn_complete("893027289070778454")  # 19 digits, 89 = telecom
    assert luhn_ok(imei) and not card_issuer_ok(imei)
    assert luhn_ok(iccid) and not card_issuer_ok(iccid)
    assert not card_issuer_ok(luhn_complete("41111111111"))  # Visa prefix, but 12 digits: Visa has 13, 16 or 19


# --- session 3: check digits and shapes behind the table-context round ------------------------------------


@pytest.mark.parametrize("body", ["824753556", "004085616", "123456789"])
def test_abn_check_and_abn_columns_are_not_phones(body):
    from privacy_audit.detect.validators import abn_ok

    good = abn(body)
    spaced = f"{good[:2]} {good[2:5]} {good[5:8]} {good[8:]}"
    assert abn_ok(good) and abn_ok(spaced)
    assert not abn_ok(good[:-1] + str((int(good[-1]) + 1) % 10))
    assert not abn_ok(good[:10])  # 10 digits


def test_abn_column_is_an_organisations_number():
    values = [abn(f"{i * 7919 % 10**9:09d}") for i in range(1, 301)]
    values = [f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}" for v in values]
    v = _verdict("Employer ABN", values)
    assert v.entity is None and "Australian Business Numbers" in v.evidence


def test_portuguese_citizen_card_and_spanish_social_security_numbers():
    from privacy_audit.detect.validators import es_nss_ok, national_id_kind, pt_cc_ok

    for civil, version in (("12345678", "ZZ"), ("04112259", "XZ"), ("99140018", "YZ")):
        good = pt_cc(civil, version)
        assert pt_cc_ok(good) and pt_cc_ok(good.replace(" ", "")) and national_id_kind(good) == "PT_CC"
        assert not pt_cc_ok(good[:-1] + str((int(good[-1]) + 1) % 10))
    for prov, num in ((28, 1234567), (8, 91234567), (46, 30000001)):
        good = es_nss(prov, num)
        assert es_nss_ok(good) and es_nss_ok(good.replace("/", "")) and national_id_kind(good) == "ES_NSS"
        assert not es_nss_ok(good[:-1] + str((int(good[-1]) + 1) % 10))
    assert not es_nss_ok("00/12345678/90")


def test_two_digit_years_and_dashed_month_names_are_dates():
    assert parse_date("26.11.79") == date(1979, 11, 26)
    assert parse_date("03/08/96") == date(1996, 3, 8)  # month first is tried first when both are <= 12
    assert parse_date("22.04.06") == date(2006, 4, 22)
    assert parse_date("29-Jul-1984") == date(1984, 7, 29)
    assert parse_date("1.2.3") is None and parse_date("10.4.12") is None  # versions stay versions
    assert "version" not in value_features("26.11.79") and "version" in value_features("1.2.3")
    mixed = [f"{d:02d}.{m:02d}.{y % 100:02d}" if i % 2 else f"{d:02d}.{m:02d}.{y}"
             for i, (d, m, y) in enumerate((1 + i % 28, 1 + i % 12, 1940 + i % 60) for i in range(300))]  # fmt: skip
    assert _verdict("Geb.-Datum", mixed).entity == "DATE_OF_BIRTH"


def test_birthday_without_year_bank_accounts_under_bank_headers_and_document_numbers():
    assert _verdict("Birthday", [f"{1 + i % 12:02d}/{1 + i % 28:02d}" for i in range(200)]).entity == "DATE_OF_BIRTH"
    six = [str(100000 + i * 7717 % 899999) for i in range(300)]
    assert _verdict("Bank Account No", six, n_rows=300, n_nonnull=300).entity == "IBAN_CODE"
    assert _verdict("Account No", six, n_rows=300, n_nonnull=300).entity is None  # no bank word: a customer account
    assert _verdict("Bank A/C No", [f"{i * 7919 % 10**8:08d}" for i in range(300)]).entity == "IBAN_CODE"
    cz = [f"{'19-' if i % 3 == 0 else ''}{10**8 + i * 7919}/{('0100', '0800', '6210')[i % 3]}" for i in range(300)]
    assert _verdict("Číslo účtu", cz).entity == "IBAN_CODE"
    docs = [f"{chr(65 + i % 26)}{chr(65 + i * 7 % 26)}{i * 7919 % 10**7:07d}" for i in range(300)]
    assert _verdict("N. documento", docs).entity == "NATIONAL_ID"
    assert _verdict("N. documento", [f"FT{2024}/{i:05d}" for i in range(300)]).entity is None  # an invoice number


def test_abbreviated_phrase_ends_need_the_dot_and_four_letters():
    assert header_hints("Kod poczt.").entities == {"POSTAL_CODE": "kod pocztowy"}
    assert header_hints("Data urodz.").hints("DATE_OF_BIRTH")
    assert header_hints("Kod poczt").entities == {}  # no dot: not an abbreviation
    assert header_hints("Kod pocz.").hints("POSTAL_CODE")  # four letters are enough
    assert header_hints("Kod poc.").entities == {}  # three are not
    assert header_hints("kod pocztowy").hints("POSTAL_CODE")


def test_plates_are_not_postcodes_and_care_of_is_a_name():
    plates = [f"{chr(65 + i % 26)}{chr(66 + i * 3 % 24)}{100 + i % 900}{chr(67 + i % 23)}{chr(65 + i * 5 % 26)}" for i in range(300)]
    assert _verdict("targa", plates).entity is None
    assert _verdict("TARGA_MEZZO", plates).entity is None
    assert _verdict("c/o", [f"c/o {w}" for w in ("Eriksson", "Lund", "Berg", "Nilsson", "Holm", "Ek") * 5]).entity == "PERSON"


def test_norwegian_birth_numbers_grouped_ids_and_nr_abbreviations():
    from privacy_audit.detect.validators import national_id_kind, no_fnr_ok

    made = []
    for i in range(400):  # individual numbers 000-499 are people born 1900-1999, so any two-digit year is valid
        try:
            made.append(no_fnr(f"{1 + i % 28:02d}{1 + i % 12:02d}{40 + i % 60:02d}", f"{i * 7 % 500:03d}"))
        except AssertionError:  # check digit 10: never issued
            continue
    assert len(made) > 300 and all(no_fnr_ok(v) for v in made)
    # some also pass another country's 11-digit check (NG NIN, DE tax id) that Presidio tries first: still national ids
    assert all(national_id_kind(v) is not None for v in made)
    assert not no_fnr_ok(made[0][:-1] + str((int(made[0][-1]) + 1) % 10))
    assert not no_fnr_ok("32130012345")  # no such day and month
    assert _verdict("Fødselsnr", made).entity == "NATIONAL_ID"
    # "-nr" reads as "-nummer" when that word is in the vocabulary, nothing else changes
    assert header_hints("Steuernr.").hints("NATIONAL_ID") and header_hints("Kontonr").hints("IBAN_CODE")
    assert header_hints("Kundennr").entities == {}


def test_payment_cards_loyalty_cards_and_bank_accounts_with_bad_check_digits():
    loyalty = [f"6{i * 7919 % 10**12:012d}" for i in range(300)]
    assert _verdict("loyaltyCardNo", loyalty).entity is None
    cards = [luhn_complete(f"4{i * 7919 % 10**14:014d}") for i in range(300)]
    assert _verdict("cardOnFile", cards).entity == "CREDIT_CARD"
    ibans = [f"BE{(i * 37) % 90 + 10:02d}{i * 7919 % 10**12:012d}" for i in range(300)]  # check digits not computed
    assert _verdict("Compte bancaire", ibans).entity == "IBAN_CODE"
    pt = [f"{i * 7919 % 10**8:08d} {i % 10} {'ZYXWVT'[i % 6]}{'ZYXWVT'[i * 5 % 6]}{i * 3 % 10}" for i in range(300)]
    assert _verdict("N.º CC/BI", pt).entity == "NATIONAL_ID"


def test_more_national_numbers_checked_by_python_stdnum():
    from id_numbers import at_svnr, cz_rc, nz_ird

    from privacy_audit.detect.validators import national_id_kind

    made = []
    for i in range(300):
        try:
            made.append(at_svnr(f"{100 + i * 7 % 900:03d}", f"{1 + i % 28:02d}{1 + i % 12:02d}{40 + i % 60:02d}"))
        except AssertionError:  # check digit 10: never issued
            continue
    kinds = Counter(national_id_kind(v) for v in made)  # a few also pass a check tried before (UK NHS, CZ RC)
    assert len(made) > 200 and None not in kinds and kinds["AT_SVNR"] >= 0.8 * len(made)
    assert _verdict("SV-Nummer", made).entity == "NATIONAL_ID"
    assert national_id_kind(made[0][:3] + str((int(made[0][3]) + 1) % 10) + made[0][4:]) != "AT_SVNR"
    ird = []
    for i in range(300):
        try:
            ird.append(nz_ird(f"{10_000_000 + i * 7919 % 90_000_000:08d}"))
        except AssertionError:  # no valid check digit under either weighting: never issued
            continue
    assert len(ird) > 250
    assert all(national_id_kind(v) is not None for v in ird)  # 9 digits: some also pass AU TFN or the Dutch BSN
    women = [cz_rc(f"{50 + i % 50:02d}{51 + i % 12:02d}{1 + i % 28:02d}", f"{i * 37 % 1000:03d}") for i in range(300)]
    kinds = Counter(national_id_kind(v) for v in women)
    assert None not in kinds and kinds["CZ_RC"] >= 0.8 * len(women)
    # the 9-digit birth numbers of people born before 1954 carry no check: they do not count
    assert national_id_kind("450101123") != "CZ_RC"
    # python-stdnum reads separators away: a school year or a Luhn-valid IMEI is not a BSN or a citizen card
    assert national_id_kind("2024-2025") is None
    assert national_id_kind(luhn_complete("35209900176148")) is None


def test_messy_exports_float_phones_dashed_years_dotted_times_and_house_number_suffixes():
    import pandas as pd

    from privacy_audit.detect.columns import column_values, value_features
    from privacy_audit.detect.validators import card_issuer_ok, has_time_part, parse_date

    # a phone or id that went through a float keeps its digits; a real decimal stays as it is
    values, _, _ = column_values(pd.Series(["694305528.0", "+420 604 579 282", "12.0", "1234567.5"], dtype=object))
    assert values == ["694305528", "+420 604 579 282", "12.0", "1234567.5"]
    phones = [f"{600_000_000 + i * 7919:d}.0" if i % 2 else f"+420 {600 + i % 99} {i * 37 % 1000:03d} {i % 1000:03d}"
              for i in range(300)]  # fmt: skip
    s = pd.Series(phones, dtype=object)
    assert _verdict("Telefon", column_values(s)[0]).entity == "PHONE_NUMBER"
    assert parse_date("19-07-91") == date(1991, 7, 19) and parse_date("28-06-05") == date(2005, 6, 28)
    assert parse_date("12-34-56") is None
    # Nordic and Finnish clocks write a dot: an order time is an event, not a phone number or a birth date
    assert has_time_part("14.03.2024 10.44") and has_time_part("3.5.2024 klo 8.05")
    assert parse_date("14.03.2024 10.44") == date(2024, 3, 14) and not has_time_part("14.03.2024")
    times = [f"{1 + i % 28:02d}.{1 + i % 12:02d}.2025 {i % 24:02d}.{i * 7 % 60:02d}" for i in range(300)]
    assert _verdict("tilausaika", times).entity is None
    for street in ("Route Cantonale 3bis", "Avenue de la Gare 58a", "Ch. du Crêt 40", "Yrjönkuja 826", "Rue du Lac 12 ter"):
        assert "address_full" in value_features(street), street
    assert card_issuer_ok(luhn_complete("18000000123456")) and card_issuer_ok(luhn_complete("21311234567890"))
    assert not card_issuer_ok(luhn_complete("1900000012345"))
    assert _verdict("Médico de cabecera", [f"Dr/a. {g} {s}" for g in ("Ana", "Luis", "Eva", "Raúl", "Inés")
                                           for s in ("Rosales", "Pastor", "Ortega", "Gil", "Mora")]).entity == "PERSON"  # fmt: skip
    assert header_hints("NPA").hints("POSTAL_CODE")


def test_check_digit_rates_far_above_chance_bank_words_and_streets_named_without_numbers():
    # half the IBANs mistyped: a wrong IBAN passes mod-97 one time in 97, so half passing is a column of IBANs
    good = [f"BE{iban_check_digits('BE', f'{i * 7919 % 10**12:012d}')}{i * 7919 % 10**12:012d}" for i in range(200)]
    typos = [f"BE{(int(g[2:4]) + 1) % 100:02d}{g[4:]}" for g in good[:180]]
    mixed = good[:100] + typos[:100]
    assert _verdict("Compte", mixed).entity == "IBAN_CODE" and _verdict("Référence", mixed).entity == "IBAN_CODE"
    # 16-digit ids pass Luhn one time in 10: those stay null; cards with 40% typos are cards
    ids = [f"{4 * 10**15 + i * 7_919_019:016d}" for i in range(300)]
    assert _verdict("Ref", ids).entity is None
    cards = [luhn_complete(f"5{i * 7919 % 10**14:014d}") for i in range(300)]
    cards = [c if i % 5 < 3 else c[:-1] + str((int(c[-1]) + 1) % 10) for i, c in enumerate(cards)]
    assert _verdict("CC on File", cards).entity == "CREDIT_CARD"
    assert _verdict("Member card", cards).entity is None  # a loyalty card needs every number to be a real card
    # an account word next to a bank word names a bank account; alone it may be a customer's account
    assert header_hints("Bank BSB / Acc No").hints("IBAN_CODE") and header_hints("PAD Acct (transit)").hints("IBAN_CODE")
    assert header_hints("Acc No").entities == {} and header_hints("Account manager").entities == {}
    bsb = [f"{i % 90 + 10:03d}-{i * 7 % 1000:03d} {i * 7919 % 10**9:09d}" for i in range(300)]
    assert _verdict("Bank BSB / Acc No", bsb).entity == "IBAN_CODE"
    # a place of an incident: streets named without a house number, some with the town
    streets = [f"{w} {s}" + (f", {t}" if i % 3 else "")
               for i, (w, s, t) in enumerate((w, s, t) for w in ("Rua", "Travessa", "Avenida", "Largo", "Praça")
                                             for s in ("Marques", "de Cima", "Sá", "Lopes", "Nogueira", "do Carmo")
                                             for t in ("Elvas", "Trofa", "Pinhel"))]  # fmt: skip
    v = _verdict("Local", streets)
    assert v.entity == "LOCATION" and "street word" in v.evidence
    doctors = [f"Dr {s}" for s in ("Ekman", "Holm", "Berg", "Dahl", "Wallin", "Lund") * 5]
    assert _verdict("Ansvarig", doctors).entity != "LOCATION"
    # postcodes that went through a float, leading zero lost
    import pandas as pd

    from privacy_audit.detect.columns import column_values

    pcs = [f"{1000 + i * 37 % 98000}.0" if i % 2 else f"{1000 + i * 37 % 98000:05d}" for i in range(400)]
    assert _verdict("postinumero", column_values(pd.Series(pcs, dtype=object))[0]).entity == "POSTAL_CODE"


def test_ids_with_dashes_under_id_headers_spaced_dates_and_passport_words():
    # under an id header only a phone's own form counts; ids are written with dashes too
    tenant_nos = [f"{i % 40:03d}-{i * 37 % 99999:05d}" for i in range(300)]
    assert _verdict("Mieter-Nr.", tenant_nos).entity is None
    eid = [f"{590 + i % 10}-{i * 7919 % 10**7:07d}-{i % 97:02d}" for i in range(300)]
    assert _verdict("Ref.", eid).entity is None
    nanp = [f"{200 + i % 700}-{200 + i * 7 % 700}-{i * 37 % 10000:04d}" for i in range(300)]
    assert _verdict("Callback #", nanp).entity == "PHONE_NUMBER"
    assert parse_date("2. 12. 1960") == date(1960, 12, 2) and parse_date("22. 8. 1997") == date(1997, 8, 22)
    for header in ("PASAPORTE", "N° passeport", "Passaporte", "NAM (RAMQ)", "Číslo pojištěnce", "eid_kaartnr"):
        assert header_hints(header).hints("NATIONAL_ID"), header
    # "pasnummer": a Danish passport, or a Dutch bank/library/gym card: only letter-and-digit numbers count
    assert _verdict("Pasnummer", [f"0{i * 7919 % 10**8:08d}" for i in range(300)]).entity is None
    assert _verdict("Pasnummer", [f"NX{i * 7919 % 10**7:07d}" for i in range(300)]).entity == "NATIONAL_ID"
