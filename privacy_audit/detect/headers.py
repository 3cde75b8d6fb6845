"""Header evidence: a multilingual (EN/DE/FR/ES) lexicon of column-name phrases, matched as tokens.

Column names are split into lower-case ASCII tokens (``EmailAddress`` -> ``email address``,
``geburts_datum`` -> ``geburts datum``, ``Téléphone`` -> ``telephone``); lexicon phrases match whole
token runs, longest first, so ``email`` never matches inside ``emailed_at``'s sibling ``mailbox_count``
and ``nombre de usuario`` wins over ``nombre``. Written by hand from general vocabulary; it is not
derived from any test-data generator's word lists.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["HeaderHint", "tokenize", "header_hints", "LEXICON", "EVENT_TOKENS", "COARSE_GEO_TOKENS"]

# entity -> phrases (space-separated tokens after tokenize()).
LEXICON: dict[str, tuple[str, ...]] = {
    "EMAIL_ADDRESS": (
        "email", "e mail", "emailaddress", "email address", "mail", "mail address", "mailaddress",
        "courriel", "adresse mail", "adresse email", "mel", "correo", "correo electronico",
        "emailadresse", "mailadresse", "e mail adresse",
    ),
    "PHONE_NUMBER": (
        "phone", "phonenumber", "telephone", "telephonenumber", "tel", "telno", "mobile", "mobil", "cell",
        "cellphone", "fax", "telefon", "telefonnummer", "handy", "handynummer", "mobilnummer",
        "rufnummer", "portable", "telefono", "movil", "celular", "numero de telephone",
        "numero de telefono", "msisdn", "festnetz", "festnetznummer", "mobiltelefon", "mobilfunknummer",
        "landline", "fixe", "fijo", "gsm", "natel",
    ),
    "PERSON": (
        "name", "fullname", "full name", "first name", "firstname", "fname", "given name", "givenname",
        "forename", "last name", "lastname", "lname", "surname", "family name", "familyname",
        "middle name", "middlename", "maiden", "maiden name", "maidenname", "cardholder",
        "card holder", "contact person", "vorname", "nachname", "familienname", "geburtsname",
        "nom", "prenom", "nom de famille", "nom complet", "nombre", "nombres", "apellido", "apellidos",
        "nombre completo", "kunde name", "kundenname", "ansprechpartner", "person", "recipient",
    ),
    "LOCATION": (
        "address", "street", "street address", "streetaddress", "addr", "address line", "address1",
        "address2", "addressline1", "addressline2", "home address", "billing address",
        "shipping address", "postal address", "city", "town", "adresse", "strasse", "anschrift",
        "wohnort", "ort", "stadt", "hausnummer", "rue", "ville", "commune", "direccion", "calle",
        "ciudad", "domicilio", "localidad", "municipio", "poblacion", "domicile", "residence",
        "lieu de residence", "wohnsitz", "wohnanschrift", "residencia", "hometown", "home town",
        "localite", "postanschrift",
    ),
    "POSTAL_CODE": (
        "zip", "zipcode", "zip code", "postcode", "post code", "postal code", "postalcode", "plz",
        "postleitzahl", "code postal", "codepostal", "cp", "codigo postal", "cod postal", "postal",
        "zip5", "postcode area", "eircode",
    ),
    "CREDIT_CARD": (
        "credit card", "creditcard", "card number", "cardnumber", "card no", "cc number", "ccnumber",
        "cc num", "cc no", "pan", "kreditkarte", "kreditkartennummer", "kartennummer",
        "carte bancaire", "numero de carte", "carte de credit", "tarjeta", "numero de tarjeta",
        "tarjeta de credito",
    ),
    "IBAN_CODE": (
        "iban", "bank account", "account number", "kontonummer", "bankverbindung", "compte bancaire",
        "rib", "cuenta bancaria", "numero de cuenta",
    ),
    "US_SSN": (
        "ssn", "social security", "social security number", "sozialversicherungsnummer",
        "securite sociale", "numero de securite sociale", "seguridad social", "numero de seguro social",
    ),
    "IP_ADDRESS": (
        "ip", "ip address", "ipaddress", "ip addr", "ipaddr", "client ip", "remote addr", "remote ip",
        "ipv4", "ipv6", "adresse ip", "direccion ip", "ip adresse",
    ),
    "DATE_OF_BIRTH": (
        "dob", "birth", "birthday", "birthdate", "date of birth", "birth date", "born", "geburtsdatum",
        "geburtstag", "geboren", "date de naissance", "naissance", "fecha de nacimiento", "nacimiento",
        "cumpleanos",
    ),
    "NATIONAL_ID": (
        "national id", "nationalid", "national identifier", "passport", "passport number",
        "passport no", "id card", "personalausweis", "ausweisnummer", "dni", "nif", "nie", "curp",
        "numero national", "tax id", "taxid", "steuer id", "steuernummer", "national insurance",
        "nino", "identity number", "secu", "numero secu", "nir", "insee", "numero insee", "bsn",
        "personnummer", "codice fiscale", "nss", "citizen id",
    ),
    "USERNAME": (
        "username", "user name", "login", "login name", "screen name", "screenname", "handle",
        "benutzername", "nom d utilisateur", "pseudo", "nombre de usuario", "nickname",
    ),
}  # fmt: skip

# A "name" token preceded by one of these is not a person's name (product name, file name...).
_NOT_PERSON_QUALIFIERS = {
    "product", "company", "file", "host", "domain", "item", "brand", "app", "store", "shop", "event",
    "table", "column", "field", "project", "team", "category", "city", "street", "bank", "service",
    "plan", "campaign", "device", "browser", "firm", "firma", "produkt", "produit", "producto",
    "empresa", "entreprise", "societe", "artikel", "article", "display", "job", "role", "org",
    "organisation", "organization", "tag", "package", "model", "variant", "sku", "region", "country",
    "state", "key", "cookie", "os", "server", "queue", "db", "schema", "path", "dataset", "merchant",
    "vendor", "supplier", "partner", "course", "class", "type", "group", "list", "source", "segment",
}  # fmt: skip

# A "name" token followed by one of these is about names, not a name (name_id, name_type...).
_NOT_PERSON_TAILS = {
    "id", "ids", "key", "hash", "set", "type", "format", "length", "len", "count", "style", "origin",
    "language", "lang", "source", "status", "flag", "code", "space", "server", "pattern", "template",
}  # fmt: skip

# Tokens that mark an event/validity date rather than a birth date.
EVENT_TOKENS = {
    "created", "updated", "modified", "deleted", "order", "ordered", "purchase", "purchased", "signup",
    "registered", "registration", "login", "logout", "event", "expiry", "expires", "expire", "expiration",
    "expiredate", "exp", "valid", "shipped", "delivered", "paid", "due", "at", "on", "last", "first",
    "start", "end", "since", "until", "seen", "visit", "timestamp", "ts", "erstellt", "bestellt",
    "bestelldatum", "creation", "fecha de pedido", "commande", "issued", "issue",
}  # fmt: skip

# Tokens of coarse geography (not a location of a person at column level).
COARSE_GEO_TOKENS = {
    "country", "countries", "state", "statefull", "province", "region", "land", "bundesland", "pays",
    "pais", "provincia", "estado", "continent", "county", "nation", "nationality",
    "kanton", "departement", "timezone", "tz", "locale", "language", "currency",
}  # fmt: skip

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^0-9a-zA-Z]+")
_PHRASES: list[tuple[tuple[str, ...], str]] = sorted(
    ((tuple(p.split()), entity) for entity, phrases in LEXICON.items() for p in phrases),
    key=lambda item: -len(item[0]),
)


def _ascii_fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("ẞ", "SS")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def tokenize(header: object) -> list[str]:
    """Lower-case ASCII tokens of a column name (camelCase, snake_case, kebab-case, spaces, accents)."""
    text = _ascii_fold(str(header))
    text = _CAMEL.sub(" ", text)
    text = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", text)
    return [t.lower() for t in _NON_ALNUM.split(text) if t]


@dataclass(frozen=True)
class HeaderHint:
    """What a column name says: entities hinted (with the phrase), and kind tokens."""

    header: str
    tokens: tuple[str, ...]
    entities: dict[str, str]  # entity -> matched phrase
    event: bool  # an event/validity date word (created, order, expiry...)
    coarse_geo: bool  # country/state/region...
    id_like: bool  # id, key, uuid, token, hash...

    def hints(self, entity: str) -> bool:
        return entity in self.entities


_ID_TOKENS = {"id", "ids", "uuid", "guid", "key", "pk", "fk", "token", "hash", "sha", "sha1", "sha256", "md5",
              "checksum", "digest", "nr", "no", "num", "number", "ref", "reference", "code", "session", "cookie"}  # fmt: skip


def header_hints(header: object) -> HeaderHint:
    """Match the lexicon against the tokens of ``header`` (longest phrase first, tokens consumed)."""
    tokens = tokenize(header)
    used = [False] * len(tokens)
    entities: dict[str, str] = {}
    for phrase, entity in _PHRASES:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if any(used[i : i + n]) or tuple(tokens[i : i + n]) != phrase:
                continue
            if entity == "PERSON" and phrase[0] in {"name", "nom", "nombre"} and i > 0:
                if tokens[i - 1] in _NOT_PERSON_QUALIFIERS:
                    continue
            if entity == "PERSON" and phrase[-1] in {"name", "nom", "nombre"} and i + n < len(tokens):
                if tokens[i + n] in _NOT_PERSON_TAILS:
                    continue
            for j in range(i, i + n):
                used[j] = True
            entities.setdefault(entity, " ".join(phrase))
    rest = {t for t, u in zip(tokens, used, strict=True) if not u}
    return HeaderHint(
        header=str(header),
        tokens=tuple(tokens),
        entities=entities,
        event=bool(rest & EVENT_TOKENS),
        coarse_geo=bool(set(tokens) & COARSE_GEO_TOKENS),
        id_like=bool(rest & _ID_TOKENS),
    )
