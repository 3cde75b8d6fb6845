"""Header evidence: a multilingual (EN/DE/FR/ES/IT/PT/NL/PL/SV/DA/NO/FI/CS) lexicon of column-name phrases, matched as tokens.

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

__all__ = ["HeaderHint", "tokenize", "header_hints", "LEXICON", "EVENT_TOKENS", "COARSE_GEO_TOKENS", "ACTOR_TAILS",
           "ROLE_WORDS", "BANK_CONTEXT"]

# entity -> phrases (space-separated tokens after tokenize()).
LEXICON: dict[str, tuple[str, ...]] = {
    "EMAIL_ADDRESS": (
        "email", "e mail", "emailaddress", "email address", "mail", "mail address", "mailaddress",
        "courriel", "adresse mail", "adresse email", "mel", "correo", "correo electronico",
        "emailadresse", "mailadresse", "e mail adresse",
        # IT / PT / NL / PL / SV / DA / NO / FI / CS
        "posta elettronica", "indirizzo email", "indirizzo e mail", "indirizzo di posta elettronica",
        "correio eletronico", "correio electronico", "endereco de email", "endereco email",
        "endereco de e mail", "endereco eletronico", "emailadres", "e mailadres", "mailadres",
        "adres email", "adres e mail", "poczta", "poczta elektroniczna", "e post", "epost",
        "e postadress", "epostadress", "e postadresse", "epostadresse", "e mailadresse",
        "sahkoposti", "sahkopostiosoite", "emailova adresa", "e mailova adresa",
    ),
    "PHONE_NUMBER": (
        "phone", "phonenumber", "telephone", "telephonenumber", "tel", "telno", "mobile", "mobil", "cell",
        "cellphone", "fax", "telefon", "telefonnummer", "handy", "handynummer", "mobilnummer",
        "rufnummer", "portable", "telefono", "movil", "celular", "numero de telephone",
        "numero de telefono", "msisdn", "festnetz", "festnetznummer", "mobiltelefon", "mobilfunknummer",
        "landline", "fixe", "fijo", "gsm", "natel",
        "cellulare", "numero di telefono", "numero telefono", "recapito telefonico", "telefono cellulare",
        "telefone", "telemovel", "numero de telefone", "numero de telemovel", "contacto telefonico",
        "telefoon", "telefoonnummer", "mobiel", "mobielnummer", "mobiel nummer", "mobiele nummer",
        "numer telefonu", "nr telefonu", "komorka", "telefon komorkowy", "komorkowy", "mobilnr",
        "tlf", "tlf nr", "tlfnr", "tfn", "ph", "ph no", "ph number", "puhelin", "puhelinnumero", "matkapuhelin", "puh",
        "telefonni cislo", "cislo telefonu", "mobilni telefon",
    ),
    "PERSON": (
        "name", "fullname", "full name", "first name", "firstname", "fname", "given name", "givenname",
        "forename", "last name", "lastname", "lname", "surname", "family name", "familyname",
        "middle name", "middlename", "maiden", "maiden name", "maidenname", "cardholder",
        "card holder", "contact person", "vorname", "nachname", "familienname", "geburtsname", "zuname", "roepnaam",
        "nm last", "nm first", "name last", "name first", "name middle", "nm middle",
        "nom", "prenom", "nom de famille", "nom complet", "nombre", "nombres", "apellido", "apellidos",
        "nombre completo", "kunde name", "kundenname", "ansprechpartner", "person", "recipient",
        "nome", "cognome", "nome completo", "nominativo", "nome e cognome", "primo nome",
        "apelido", "apelidos", "sobrenome", "primeiro nome", "ultimo nome", "nome proprio",
        "naam", "voornaam", "voornamen", "achternaam", "familienaam", "volledige naam",
        "imie", "nazwisko", "imie i nazwisko", "imiona", "namn", "fornamn", "efternamn",
        "fullstandigt namn", "navn", "fornavn", "efternavn", "etternavn", "mellemnavn", "mellomnavn",
        "fulde navn", "fullt navn", "nimi", "etunimi", "sukunimi", "koko nimi", "jmeno", "prijmeni",
        "cele jmeno", "jmeno a prijmeni",
        "initials", "voorletters", "initialen", "iniciales", "iniziali", "initiales",
        "etunimet", "sukunimet", "voornamen", "fornamn", "prenomes", "nume", "prenume", "nume complet",
        "last nm", "first nm", "mid nm", "middle nm", "full nm", "lst nm", "frst nm", "namen", "names", "noms",
        "nomes", "nomi",
        "account holder", "accountholder", "kontoinhaber", "karteninhaber", "rekeninghouder", "titulaire",
        "titular", "titular de la cuenta", "intestatario", "kontoinnehavare", "kontohaver", "kontohaver navn",
    ),
    "LOCATION": (
        "address", "street", "street address", "streetaddress", "addr", "address line", "address1",
        "address2", "addressline1", "addressline2", "home address", "billing address",
        "shipping address", "postal address", "city", "town", "adresse", "strasse", "anschrift",
        "wohnort", "ort", "stadt", "hausnummer", "rue", "ville", "commune", "direccion", "calle",
        "ciudad", "domicilio", "localidad", "municipio", "poblacion", "domicile", "residence",
        "lieu de residence", "wohnsitz", "wohnanschrift", "residencia", "hometown", "home town",
        "localite", "postanschrift",
        "indirizzo", "indirizzo di residenza", "strada", "numero civico", "civico", "citta", "comune",
        "localita", "residenza", "luogo di residenza", "morada", "endereco", "endereco postal", "rua",
        "numero da porta", "cidade", "localidade", "concelho", "freguesia", "adres", "woonadres",
        "postadres", "straat", "straatnaam", "huisnummer", "huisnr", "woonplaats", "plaats", "stad",
        "gemeente", "ulica", "numer domu", "nr domu", "miasto", "miejscowosc", "miejsce zamieszkania",
        "adres zamieszkania", "adress", "gatuadress", "hemadress", "gata", "husnummer", "postort",
        "bostadsort", "hemort", "vej", "vejnavn", "husnr", "bynavn", "postdistrikt", "bopael",
        "gateadresse", "gatenavn", "poststed", "bosted", "hjemsted", "osoite", "katuosoite", "katu",
        "talon numero", "kaupunki", "postitoimipaikka", "kotikunta", "asuinpaikka", "paikkakunta",
        "adresa", "ulice", "cislo popisne", "mesto", "obec", "bydliste", "trvale bydliste",
        "misto bydliste",
        "localitate", "oras", "adresa domiciliu",
        "location", "locatie", "lokalizacja", "lieu", "lugar", "luogo", "miejsce", "miejsce zdarzenia",
        "house name", "house number", "house no", "building name",
        # the neighbourhood part of an address
        "neighborhood", "neighbourhood", "suburb", "colonia", "barrio", "bairro", "quartier", "stadtteil",
        "ortsteil", "wijk", "buurt", "dzielnica", "osiedle", "kvarter", "bydel", "kaupunginosa", "quartiere",
        "frazione",
        # a person's place of birth (longer than the birth-date words they contain, so they win)
        "birthplace", "place of birth", "birth place", "city of birth", "town of birth", "lieu de naissance",
        "ville de naissance", "lugar de nacimiento", "ciudad de nacimiento", "luogo di nascita",
        "comune di nascita", "local de nascimento", "naturalidade", "geburtsort", "geboorteplaats",
        "fodelseort", "fodested", "fodselssted", "syntymapaikka", "miejsce urodzenia", "misto narozeni",
    ),
    "POSTAL_CODE": (
        "zip", "zipcode", "zip code", "postcode", "post code", "postal code", "postalcode", "plz",
        "postleitzahl", "code postal", "codepostal", "cp", "codigo postal", "cod postal", "postal",
        "zip5", "postcode area", "eircode",
        "cap", "codice postale", "codice di avviamento postale", "cep", "kod pocztowy", "postnummer",
        "postnr", "postinumero", "postinro", "psc", "postovni smerovaci cislo",
        "npa", "numero postal",  # Swiss French: numéro postal d'acheminement
    ),
    "CREDIT_CARD": (
        "credit card", "creditcard", "card number", "cardnumber", "card no", "cc number", "ccnumber", "card on file",
        "cc num", "cc no", "pan", "kreditkarte", "kreditkartennummer", "kartennummer",
        "carte bancaire", "numero de carte", "carte de credit", "tarjeta", "numero de tarjeta",
        "tarjeta de credito",
        "carta di credito", "numero carta", "numero della carta", "cartao de credito", "numero do cartao",
        "kaartnummer", "creditcardnummer", "karta kredytowa", "numer karty", "kortnummer", "kreditkort",
        "luottokortti", "kortin numero", "cislo karty", "platebni karta",
    ),
    "IBAN_CODE": (
        "iban", "bank account", "account number", "kontonummer", "bankverbindung", "compte bancaire",
        "rib", "cuenta bancaria", "numero de cuenta",
        "conto corrente", "numero conto", "numero di conto", "coordinate bancarie", "nib",
        "conta bancaria", "numero de conta", "rekeningnummer", "bankrekening", "bankrekeningnummer",
        "numer konta", "nr konta", "konto bankowe", "rachunek bankowy", "numer rachunku", "bankkonto",
        "kontonr", "tilinumero", "pankkitili", "cislo uctu", "bankovni ucet",
        "account no", "acct number", "acct no", "bank acct", "bank a c", "a c number", "a c no", "nr conto",
        "n conto", "no conto", "nr rachunku", "numer rachunku bankowego",
        "funding account", "numero de compte", "konto",
        "conta", "conta corrente", "numero da conta",
        "n de compte", "numero di conto corrente",
    ),
    "US_SSN": (
        "ssn", "social security", "social security number", "sozialversicherungsnummer",
        "securite sociale", "numero de securite sociale", "seguridad social", "numero de seguro social",
    ),
    "IP_ADDRESS": (
        "ip", "ip address", "ipaddress", "ip addr", "ipaddr", "client ip", "remote addr", "remote ip",
        "ipv4", "ipv6", "adresse ip", "direccion ip", "ip adresse",
        "indirizzo ip", "endereco ip", "ip adres", "adres ip", "ip adress", "ip osoite", "ip adresa",
        "forwarded for", "x forwarded for", "xff", "x real ip", "true client ip",
    ),
    "DATE_OF_BIRTH": (
        "dob", "birth", "birthday", "birthdate", "date of birth", "birth date", "born", "geburtsdatum",
        "geburtstag", "geboren", "date de naissance", "naissance", "fecha de nacimiento", "nacimiento",
        "cumpleanos",
        "data di nascita", "data nascita", "nascita", "compleanno", "data de nascimento",
        "data nascimento", "nascimento", "aniversario", "geboortedatum", "geboortedag", "geboren op",
        "verjaardag", "data urodzenia", "urodziny", "fodelsedatum", "fodelsedag", "fodd", "fodselsdato",
        "fodselsdag", "fodt", "syntymaaika", "syntymapaiva", "datum narozeni", "narozeni",
        "geb datum", "geb dat", "gebdat", "geburtsdat", "fecha nac", "fec nac", "f nac", "fecha nacim", "date naiss",
        "dt naiss", "data nasc", "dt nasc", "dt nascimento", "data di nasc", "geb datum", "fod dato", "f dato",
        "data nasterii", "data nastere", "ne le", "ne e le", "nee le", "nacido el", "nata il", "nato il",
        "geboren am",
    ),
    "NATIONAL_ID": (
        "national id", "nationalid", "national identifier", "passport", "passport number",
        "passport no", "id card", "personalausweis", "ausweisnummer", "dni", "nif", "nie", "curp",
        "numero national", "tax id", "taxid", "steuer id", "steuernummer", "national insurance",
        "nino", "identity number", "secu", "numero secu", "nir", "insee", "numero insee", "bsn",
        "personnummer", "codice fiscale", "nss", "citizen id",
        "carta d identita", "carta di identita", "numero documento", "passaporto", "numero passaporto",
        "numero de identificacao fiscal", "cartao de cidadao", "cartao cidadao", "niss",
        "burgerservicenummer", "paspoort", "paspoortnummer", "sofinummer", "pesel", "dowod osobisty",
        "numer dowodu", "paszport", "samordningsnummer", "passnummer", "cpr", "cpr nummer",
        "cpr nr", "pasnummer", "fodselsnummer", "henkilotunnus", "hetu", "sotu", "passinumero",
        "rodne cislo", "obcansky prukaz", "cislo op", "cislo pasu",
        "zmr", "zmr zahl", "zmr nummer",  # Austria: Zentrales Melderegister number
        "pasaporte", "numero de pasaporte", "passeport", "numero de passeport", "passaporte", "numero do passaporte",
        "numero de passaporte", "passi", "cestovni pas",
        "ramq", "assurance maladie", "numero d assurance maladie", "carte d assurance maladie",  # Québec health card
        "cislo pojistence", "cislo pojistnika", "eid kaartnummer", "eid kaart", "eid nummer",
        "utr", "unique taxpayer reference",  # UK self-assessment taxpayer reference
        "documento", "document number", "document no", "nr dokumentu", "numer dokumentu", "dokumentnummer",
        "documentnummer", "cislo dokladu", "numero de documento", "numero du document", "num ss", "numero ss",
        "steueridentifikationsnummer", "steuer identifikationsnummer", "versichertennummer",
        "id doc", "id doc number", "id document", "id document number", "identity document", "identity document number",
        "tin", "foreign tin", "taxpayer id", "tax identification number", "rv nummer", "rentenversicherungsnummer",
        "health card", "health card number", "health insurance number", "carte vitale", "tarjeta sanitaria",
        "tessera sanitaria", "cartao de utente", "numero de utente", "tessera team", "ehic", "stnr", "st nr",
        "ird", "ird no", "ird number", "ird nr", "ppt no", "ppt nbr", "ppt number", "passport nbr", "passport nr",
        "rentenversicherungsnummer", "svnr", "sv nummer",
        "ausweis", "ausweis nr", "ausweisnr", "ausweis nummer", "reisepass", "reisepassnummer", "pass nr", "passnr",
        "identity card", "identity document", "id document", "piece identite", "piece d identite",
        "numero de piece", "carte d identite", "carte nationale d identite", "cni", "titre de sejour",
        "documento de identidad", "documento identidad", "numero de documento", "rfc", "dowod", "dowodu",
        "nr dowodu", "numer dowodu", "seria dowodu", "id kaart", "identiteitskaart", "identiteitsbewijs",
        "legitimation", "id kort", "legitimasjon",
        "fuhrerschein", "fuehrerschein", "fuhrerscheinnummer", "fuhrerausweis", "driving licence", "driver license",
        "drivers license", "driving license", "licence number", "license number", "permis de conduire",
        "carnet de conducir", "licencia de conducir", "patente di guida", "carta de conducao", "rijbewijs",
        "rijbewijsnummer", "korkort", "korekort", "forerkort", "ajokortti", "ridicsky prukaz", "prawo jazdy",
        "numero fiscal", "identifiant fiscal", "numero fiscal de reference", "spi", "cpf", "ahv", "ahv nr",
        "ahv nummer", "avs", "no avs", "numero avs", "sozialversicherung", "cnp",
        "ppsn", "pps number", "pps no", "personal public service number", "rijksregisternummer", "rijksregister",
        "registre national", "numero de registre national", "insz", "insz nummer",
        "social insurance number", "social insurance no", "sin number", "sin no", "ni number", "ni no",
        "national insurance no", "afiliacion", "numero de afiliacion", "afiliacion ss", "documento identificacao",
        "documento de identificacao", "numero de identificacao", "num documento", "nro documento",
        "no documento", "num doc", "nro doc", "utente sns", "numero de utente", "numero utente sns", "nhs number",
        "nhs no", "nip", "numer nip", "regon pesel",
    ),
    "USERNAME": (
        "username", "user name", "login", "login name", "screen name", "screenname", "handle",
        "benutzername", "nom d utilisateur", "pseudo", "nombre de usuario", "nickname",
        "nome utente", "nome de usuario", "nome de utilizador", "utilizador", "gebruikersnaam",
        "nazwa uzytkownika", "login uzytkownika", "anvandarnamn", "brugernavn", "brukernavn",
        "kayttajatunnus", "kayttajanimi", "uzivatelske jmeno",
        "nutzername", "benutzerkennung", "nutzerkennung", "anmeldename", "loginname", "inlognaam",
        "gebruikersnaam", "inloggningsnamn", "brukerident", "spitzname", "bijnaam", "smeknamn", "kaelenavn",
        "kallenavn", "surnom", "apodo", "soprannome", "alcunha", "alias", "gamertag",
        "login id", "loginid",
        "git hub", "git lab", "bitbucket", "twitter", "instagram", "tik tok", "telegram", "skype", "slack",
        "discord", "mastodon", "reddit", "social handle", "verkkotunnus", "kayttajatunnus", "netid", "net id",
        "login id", "logon id", "online id", "online banking id", "sign in name", "signin name", "account login",
        "gamertag", "gamer tag", "player name", "in game name",
    ),
}  # fmt: skip

# Words for "name" (a person's name unless qualified: product name, nome prodotto, name_id...).
_NAME_WORDS = {"name", "nom", "nombre", "nome", "naam", "namn", "navn", "nimi", "jmeno"}

# A "name" token preceded by one of these is not a person's name (product name, file name...).
_NOT_PERSON_QUALIFIERS = {
    "product", "company", "file", "host", "domain", "item", "brand", "app", "store", "shop", "event",
    "table", "column", "field", "project", "team", "category", "city", "street", "bank", "service",
    "plan", "campaign", "device", "browser", "firm", "firma", "produkt", "produit", "producto",
    "empresa", "entreprise", "societe", "artikel", "article", "display", "job", "role", "org",
    "organisation", "organization", "tag", "package", "model", "variant", "sku", "region", "country",
    "state", "key", "cookie", "os", "server", "queue", "db", "schema", "path", "dataset", "merchant",
    "vendor", "supplier", "partner", "course", "class", "type", "group", "list", "source", "segment",
    "bedrijf", "bestand", "fil", "tiedosto", "tuote", "yritys",
    # stems that lead glued compounds (Produktname, Dateiname, bedrijfsnaam, foretagsnamn) and technical
    # English ones (hostname, basename, pathname)
    "datei", "projekt", "marke", "geraet", "kategorie", "spalte", "tabelle", "rechner", "konto", "kurs",
    "klasse", "gruppe", "abteilung", "schule", "schul", "hochschule", "unternehmen", "firmen", "kampagne",
    "dienst", "ware", "lieferant", "haendler", "hersteller", "anbieter", "anzeige", "modell", "typ", "verein",
    "filiale", "veranstaltung", "merk", "foretag", "vara", "virksomhed", "selskab", "selskap",
    "base", "dir", "node", "col", "row", "code", "font", "var", "param", "attr", "attribute", "object",
    "instance", "resource", "bucket", "container", "image", "volume", "cluster", "zone", "env", "site",
    "page", "form", "label", "module", "function", "method", "topic", "index", "sheet", "tab",
    "pet", "animal", "dog", "cat", "horse", "haustier", "hund", "katze", "huisdier", "hond", "kat", "mascota",
    "perro", "gato", "animale", "cane", "gatto", "cachorro", "husdjur", "kjaeledyr", "kaeledyr", "lemmikki",
    "zwierze", "zvire",
    "workspace", "channel", "room", "board", "repo", "repository", "folder", "portal", "stage", "pipeline",
    "task", "workflow", "report", "dashboard", "venue", "hotel", "airline", "school", "university", "club",
    "league", "tier", "level", "station", "building", "office", "branch", "warehouse",
    "employer", "arbeitgeber", "werkgever", "arbetsgivare", "arbejdsgiver", "arbeidsgiver", "tyonantaja",
    "employeur", "empleador", "empregador", "pracodawca", "zamestnavatel", "insurer", "carrier", "agency",
}  # fmt: skip

# A "name" token followed by one of these is about names, not a name (name_id, name_type...).
_NOT_PERSON_TAILS = {
    "id", "ids", "key", "hash", "set", "type", "format", "length", "len", "count", "style", "origin",
    "language", "lang", "source", "status", "flag", "code", "space", "server", "pattern", "template",
    # Romance word order puts the qualifier after the name word: nome prodotto, nom du fichier...
    "prodotto", "produto", "producto", "produit", "product", "azienda", "empresa", "entreprise",
    "societa", "societe", "ditta", "file", "fichier", "ficheiro", "arquivo", "archivo", "campagna",
    "campanha", "campana", "campagne", "evento", "categoria", "categorie", "citta", "cidade", "ciudad",
    "ville", "via", "strada", "rua", "calle", "rue", "banca", "banco", "banque", "servizio", "servico",
    "servicio", "service", "negozio", "loja", "tienda", "magasin", "articolo", "artigo", "articulo",
    "marca", "marque", "progetto", "projeto", "proyecto", "projet", "gruppo", "grupo", "groupe",
    "squadra", "equipa", "equipo", "equipe", "dispositivo", "appareil", "tabella", "tabela", "tabla",
    "colonna", "coluna", "columna", "colonne", "host", "dominio", "domaine", "paese", "pais", "pays",
}  # fmt: skip

# Prepositions skipped when looking at the word after a name word (nome do produto, nom de la ville).
_PREPOSITIONS = {"do", "da", "dos", "das", "de", "del", "della", "dello", "dei", "di", "du", "des", "of", "la", "le"}

# Short tokens that mean personal data in one language and something else in another ("cap" is the
# Italian postcode and a limit in English): ignored when the header also has one of these words.
_AMBIGUOUS_SHORT = {"cap", "cp", "cep", "psc", "tlf", "puh", "nib", "cpr", "nome", "naam", "navn", "namn", "nimi", "ph",
                    "tin"}  # fmt: skip
_AMBIGUITY_CONTEXT = {
    "market", "rate", "limit", "max", "min", "maximum", "minimum", "amount", "size", "value", "spend",
    "spending", "budget", "credit", "hard", "soft", "upper", "lower", "price", "cost", "fee", "total",
    "count", "ratio", "pct", "percent", "bottle", "hat", "table", "file", "level", "threshold",
}  # fmt: skip

# Words that mean personal data only as the whole header ("By" is the Danish/Norwegian town; "created_by"
# is not a town).
_WHOLE_HEADER_ONLY = {"by": "LOCATION", "rg": "NATIONAL_ID", "sin": "NATIONAL_ID"}  # SIN: Canada; "sin" is Spanish "without"  # Brazilian identity card (Registro Geral)
# "<action> by" in several languages: who did it, as a login or a name (created_by, Oprettet af,
# uitgegeven door, erstellt von, créé par); the values decide which.
ACTOR_TAILS = {"by", "von", "af", "av", "door", "par", "por", "przez"}
# Words that make a role header about something else (customer segment, patient count, member since).
_NOT_ROLE = {"segment", "category", "class", "group", "tier", "level", "since", "count", "number", "total",
             "age", "gender", "sex", "language", "country", "city", "portal", "account", "satisfaction",
             "score", "rating", "flag", "consent", "email", "phone", "address", "mail", "note", "notes", "nota",
             "comment", "comments", "commento", "remark", "remarks", "bemerkung", "notiz", "opmerking", "anteckning",
             "merknad", "bemaerkning", "description", "message", "text", "reason", "feedback", "observation",
             "observations", "observaciones", "osservazioni", "uwagi", "poznamka"}  # fmt: skip
_NOT_ACTORS = {"group", "grouped", "sort", "sorted", "order", "ordered", "partition", "partitioned", "split",
               "filter", "filtered", "divided", "multiplied", "followed", "caused", "powered", "driven"}  # fmt: skip
# A person acting on a record, as the last word of a header (target_user, end_user, user).
_USER_HEADS = {"user", "benutzer", "nutzer", "utilisateur", "usuario", "utente", "gebruiker", "anvandare",
               "bruger", "bruker", "kayttaja", "uzytkownik", "actor", "utilizator"}  # fmt: skip
# Romance word order puts the head first: usuario_comprador, utente acquirente
_USER_HEADS_FIRST = {"usuario", "utilisateur", "utente", "utilizador", "utilizator"}

# Nouns for a person in a role (patient, applicant, GP, contact person...): a header made of one says the
# values are people, which the values must then show (full names, not categories).
ROLE_WORDS = {
    "patient", "paciente", "patiente", "paziente", "patienten", "pacjent", "pacient", "potilas",
    "applicant", "aanvrager", "antragsteller", "demandeur", "solicitante", "richiedente", "requerente",
    "wnioskodawca", "sokande", "ansoger", "soker", "hakija", "zadatel", "contact", "contactpersoon",
    "kontaktperson", "contatto", "contacto", "persona", "personne", "osoba", "henkilo", "doctor", "physician",
    "gp", "medico", "medecin", "arzt", "hausarzt", "huisarts", "lekarz", "lakare", "laege", "lege", "laakari",
    "lekar", "nurse", "teacher", "instructor", "trainer", "coach", "tutor", "advisor", "adviser", "mentor",
    "recruiter", "reviewer", "approver", "assignee", "reporter", "supervisor", "caseworker", "guardian",
    "beneficiary", "dependent", "dependant", "spouse", "partner", "witness", "driver", "passenger", "traveller",
    "traveler", "guest", "tenant", "landlord", "donor", "sponsor", "signatory", "insured", "claimant",
    "policyholder", "subscriber", "member", "student", "pupil", "employee", "customer", "client", "buyer",
    "seller", "recipient", "sender", "owner", "holder", "kunde", "kund", "klant", "cliente", "mitarbeiter",
    "medewerker", "empleado", "dipendente", "empregado", "pracownik", "anstalld", "ansatt", "tyontekija",
    "zamestnanec", "betreuer", "vormund", "tutore", "tuteur", "ouder", "eltern", "genitore", "padre", "madre",
    "istruttore", "allenatore", "docente", "insegnante", "profesor", "professeur", "leraar", "lehrer",
    "empfanger", "destinatario", "destinataire", "ontvanger", "mottagare", "modtager", "mottaker",
    "agent", "agente", "operator", "operatore", "operador", "sachbearbeiter", "bearbeiter", "handler",
    "behandler", "behandlare", "behandelaar", "therapeut", "therapist", "practitioner", "clinician", "dentist",
    "tandarts", "tannlege", "tandlaege", "tandlakare", "zahnarzt", "dentiste", "dentista",
    "technician", "techniker", "monteur", "installateur", "technicien", "tecnico", "responsable", "contato",
    "vet", "veterinarian",
}  # fmt: skip
# An animal's name or birth date is not personal data (Pet Name, Hund Geburtsdatum), unless a person is named too.
_ANIMALS = {"pet", "animal", "dog", "cat", "horse", "haustier", "hund", "katze", "huisdier", "hond", "kat", "mascota",
            "perro", "gato", "animale", "cane", "gatto", "cachorro", "husdjur", "kjaeledyr", "kaeledyr", "lemmikki",
            "zwierze", "zvire"}  # fmt: skip

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
    "paese", "nazione", "regione", "stato", "distrito", "regiao", "provincie", "regio", "kraj",
    "wojewodztwo", "lan", "fylke", "maa", "maakunta", "zeme",
}  # fmt: skip

# Glued compounds (German, Dutch, Nordic, Finnish; English headers written without separators) are split
# into modifier + head when the head is a lexicon word: Kunden|telefon, Rechnungs|adresse, klant|naam,
# billing|city. Heads whose value check is weak (a name or a place is any word: Tarif|name, Lager|ort)
# or that also end unrelated words (ethni|city, micro|phone) split only after a modifier from
# _MODIFIERS, a person or a personal context; "ort" never after -p/-f/-w (report, effort, Passwort).
_GUARDED_HEADS = {
    "phone", "cellphone", "mobile", "cell", "mail", "city", "town", "street", "born", "birth", "birthday",
    "person", "handle", "login", "fixe", "movil", "portable", "direccion", "residence", "nombre", "nome",
    "calle", "ciudad", "maiden", "recipient", "pseudo", "domicile", "postal", "cardholder",
    "name", "naam", "namn", "navn", "nimi", "jmeno", "ort", "stadt", "stad", "plaats", "by", "kaupunki",
}  # fmt: skip
# Modifiers that make a guarded head personal: roles of people and kinds of personal contact details.
_MODIFIERS = {
    "customer", "client", "user", "member", "patient", "employee", "staff", "contact", "billing", "shipping",
    "delivery", "home", "work", "private", "personal", "mailing", "primary", "secondary", "alt", "alternate",
    "emergency", "guardian", "parent", "buyer", "seller", "sender", "owner", "holder", "guest", "student",
    "applicant", "candidate", "tenant", "account", "legal", "invoice", "bill", "ship", "business", "office",
    "kunde", "kund", "benutzer", "nutzer", "mitarbeiter", "mieter", "kaeufer", "empfaenger", "absender",
    "versicherte", "antragsteller", "eltern", "mutter", "vater", "schueler", "teilnehmer", "mitglied",
    "inhaber", "besitzer", "halter", "gast", "bewerber", "vertrag", "kontakt", "notfall", "privat", "heimat",
    "geburt", "wohn", "liefer", "rechnung", "melde", "dienst", "klant", "gebruiker", "medewerker", "huurder",
    "koper", "ontvanger", "afzender", "verzekerde", "aanvrager", "ouder", "leerling", "deelnemer", "lid",
    "houder", "eigenaar", "prive", "geboorte", "woon", "aflever", "factuur", "thuis", "bruger", "bruker",
    "anvandare", "anstalld", "ansatt", "medarbejder", "lejer", "leietaker", "kopare", "kjoper", "mottagare",
    "mottaker", "modtager", "avsandare", "avsender", "afsender", "medlem", "elev", "deltagare", "deltaker",
    "hem", "hjem", "fodelse", "fodsel", "leverans", "levering", "faktura", "asiakas",
    "kayttaja", "henkilo", "koti", "laskutus", "toimitus", "syntyma",
    "recipient", "subscriber", "passenger", "traveler", "traveller", "driver", "rider", "attendee",
    "participant", "visitor", "author", "reviewer", "doctor", "physician", "nurse", "teacher", "spouse",
    "beneficiary", "insured", "policyholder", "claimant", "borrower", "debtor", "payer", "payee",
    "signatory", "witness", "referrer", "child", "mother", "father", "family", "birth", "person", "people",
    "abonnent", "versicherungsnehmer", "fahrer", "reisende", "passagier", "besucher", "autor", "arzt",
    "lehrer", "ehepartner", "kind", "zahler", "schuldner", "zeuge", "vermieter", "verkaeufer",
    "aufenthalt", "herkunft", "abonnee", "reiziger", "bezoeker", "auteur", "arts", "leraar", "begunstigde",
    "verzekeringnemer", "bestuurder", "chauffeur", "resenar", "passagerare", "besokare", "forfattare",
    "lakare", "larare", "forsakringstagare", "forare", "potilas", "opiskelija", "jasen", "oppilas",
}  # fmt: skip
_NUMBER_TAILS = {"nr", "no", "num", "nummer", "number", "nro"}
_NOT_HEADS = {"fname", "lname", "mname", "telno", "addr"}  # abbreviations end no compound (Tarif|name)


def _stem(modifier: str, known: set[str]) -> str:
    """The modifier without a linking element (Kunden-, Geburts-, gebruikers-) when that form is known."""
    for cut in ("", "s", "n", "e", "en", "es", "er"):
        if cut and not modifier.endswith(cut):
            continue
        form = modifier[: len(modifier) - len(cut)]
        if len(form) >= 3 and form in known:
            return form
    return modifier


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^0-9a-zA-Z]+")
_PHRASES: list[tuple[tuple[str, ...], str]] = sorted(
    ((tuple(p.split()), entity) for entity, phrases in LEXICON.items() for p in phrases),
    key=lambda item: -len(item[0]),
)


_SINGLE = {p[0]: e for p, e in _PHRASES if len(p) == 1}
# glued forms of multi-word phrases (dateofbirth, placeofbirth, accountnumber) are phrases too
_HEADS_LONGEST_FIRST = tuple(sorted(_SINGLE, key=len, reverse=True))
_GLUED = {"".join(p): e for p, e in reversed(_PHRASES) if len(p) > 1 and "".join(p) not in _SINGLE}


def _ascii_fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("ẞ", "SS")
    # letters NFKD does not decompose (Danish/Norwegian, Polish, Croatian, French ligature)
    text = text.translate(str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L",
                                         "đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}))
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# "-nr" is how German, Dutch and Nordic headers shorten "-nummer" (Steuernr, Fødselsnr, Kundennr): a glued word
# ending in "nr" reads as its "-nummer" form when that form is a lexicon word.
_NUMMER = {
    p[0][:-6] + "nr": p[0] for entity, phrases in LEXICON.items() for p in (tuple(x.split()) for x in phrases)
    if len(p) == 1 and p[0].endswith("nummer") and len(p[0]) > 9
}  # fmt: skip


def tokenize(header: object) -> list[str]:
    """Lower-case ASCII tokens of a column name (camelCase, snake_case, kebab-case, spaces, accents)."""
    text = re.sub(r"(?i)\bn\.?\s*[°º]", " numero ", str(header)).replace("#", " number ")  # "N° fiscal", "Account #"
    text = re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group().replace(".", "") + " ", text)  # C.P. -> CP, N.I. -> NI
    text = _ascii_fold(text)
    text = _CAMEL.sub(" ", text)
    text = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", text)
    return [_NUMMER.get(t, t) for t in (t.lower() for t in _NON_ALNUM.split(text) if t)]


def _split_compound(token: str, known: set[str]) -> list[str]:
    """``token`` as [modifier, head] when it is a glued compound ending in a lexicon word, else [token]."""
    if len(token) < 6 or token in known:
        return [token]
    if token in _GLUED:
        return [token]
    splits = []
    for head in _SINGLE:
        if head in _NOT_HEADS or not token.endswith(head) or len(token) - len(head) < 4:
            continue
        if len(head) < (3 if head == "ort" else 4):
            continue
        modifier = token[: -len(head)]
        stem = _stem(modifier, known)
        name_of_place = head in _NAME_WORDS and stem in _SINGLE  # Orts|name, Strassen|name
        if head in _GUARDED_HEADS and stem not in _MODIFIERS and not name_of_place:
            continue
        if head == "ort" and modifier.endswith(("p", "f", "w")):  # report, effort, Passwort, Antwort
            continue
        splits.append((stem in known, len(head), stem, head))
    if splits:  # a known modifier first (Artikel|name over artike|lname), then the longest head
        _, _, stem, head = max(splits)
        if head in _NAME_WORDS and stem in _SINGLE and _SINGLE[stem] != "PERSON":
            return [stem]  # the name of a place/street is that place (Ortsname, stadnaam)
        return [stem, head]
    for head in _HEADS_LONGEST_FIRST:  # modifier-first: telefonnr, handynummer
        if len(head) >= 3 and token.startswith(head) and token[len(head):] in _NUMBER_TAILS:
            return [head, token[len(head):]]
    return [token]


@dataclass(frozen=True)
class HeaderHint:
    """What a column name says: entities hinted (with the phrase), and kind tokens."""

    header: str
    tokens: tuple[str, ...]
    entities: dict[str, str]  # entity -> matched phrase
    event: bool  # an event/validity date word (created, order, expiry...)
    coarse_geo: bool  # country/state/region...
    id_like: bool  # id, key, uuid, token, hash...
    role: bool = False  # a person-role noun (patient, applicant, GP) not qualified by id/type/count...

    def hints(self, entity: str) -> bool:
        return entity in self.entities


_ID_TOKENS = {"id", "ids", "uuid", "guid", "key", "pk", "fk", "token", "hash", "sha", "sha1", "sha256", "md5",
              "checksum", "digest", "nr", "no", "num", "number", "ref", "reference", "code", "session", "cookie",
              # vehicle registration plates: a vehicle's number (AB123CD reads like a UK postcode)
              "plate", "targa", "kenteken", "kennzeichen", "immatriculation", "matricula", "regnr", "rego", "spz",
              "rekisterinumero", "registreringsnummer", "rejestracyjny", "nummerplade", "skilt"}  # fmt: skip


_KNOWN = (set(_SINGLE) | {t for p, _ in _PHRASES for t in p} | _NOT_PERSON_QUALIFIERS | _NOT_PERSON_TAILS
          | _MODIFIERS | EVENT_TOKENS | COARSE_GEO_TOKENS | _ID_TOKENS | _NUMBER_TAILS)  # fmt: skip


_NAME_PARTS = {"first", "last", "middle", "given", "family"}
# Words that put an account next to a bank (and direct debits: SEPA, Lastschrift, domiciliation, PAD).
BANK_CONTEXT = {"bank", "banking", "ach", "dd", "disb", "disbursement", "funding", "payout", "payroll", "salary", "debit",
                "direct", "iban", "sort", "routing", "savings", "checking", "current", "deposit", "refund", "transit",
                "bsb", "sepa", "lastschrift", "domiciliation", "domiciliacion", "addebito", "incasso", "pad"}  # fmt: skip
# "account" in the languages of the lexicon, and its abbreviations
_ACCOUNT_WORDS = {"acct", "acc", "account", "konto", "compte", "cuenta", "conto", "conta", "rekening", "rachunek",
                  "rachunku", "tili", "ucet", "uctu"}  # fmt: skip


def _rule_hints(tokens: list[str], used: list[bool], entities: dict[str, str]) -> None:
    """Hints beyond the phrase lexicon, added to ``entities`` in place: glued phrases, role + name part,
    animals, whole-header-only words, actor headers ("created by") and user words."""
    for i, t in enumerate(tokens):
        if not used[i] and t in _GLUED:
            used[i] = True
            entities.setdefault(_GLUED[t], t)
    present = set(tokens)
    if not entities and present & ROLE_WORDS and present & _NAME_PARTS:  # Owner Last, patient first
        entities["PERSON"] = " ".join(t for t in tokens if t in ROLE_WORDS | _NAME_PARTS)
    if present & _ANIMALS and not present & ROLE_WORDS:  # Pet Name, Hund Geburtsdatum
        for entity in ("PERSON", "DATE_OF_BIRTH"):
            entities.pop(entity, None)
    if not entities and present & _ACCOUNT_WORDS and present & BANK_CONTEXT:  # Bank BSB / Acc No, Acct (direct debit)
        entities["IBAN_CODE"] = " ".join(t for t in tokens if t in _ACCOUNT_WORDS | BANK_CONTEXT)
    if len(tokens) == 1 and tokens[0] in _WHOLE_HEADER_ONLY:
        entities.setdefault(_WHOLE_HEADER_ONLY[tokens[0]], tokens[0])
    if (not entities and len(tokens) >= 2 and tokens[-1] in ACTOR_TAILS
            and tokens[-2] not in _ID_TOKENS | _NOT_ACTORS
            # outside English the word before must read as a participle: erstellt von, créé par, creado por,
            # aangemaakt door, oprettet af -- not Zeitraum von ("period from"), Preis von
            and (tokens[-1] == "by" or tokens[-2].endswith(("t", "d", "e", "o", "a", "en")))):  # fmt: skip
        phrase = " ".join(tokens[-2:])  # created by, Oprettet af: a login or a name
        entities.update({"USERNAME": phrase, "PERSON": phrase})
    if not entities and tokens and tokens[-1] in _USER_HEADS and not used[-1]:
        entities["USERNAME"] = tokens[-1]
    if not entities and tokens and tokens[0] in _USER_HEADS_FIRST and not present & (_ID_TOKENS | _NOT_PERSON_TAILS):
        entities["USERNAME"] = tokens[0]


def _abbreviated(header: object) -> set[str]:
    """Tokens written with a closing dot (``Kod poczt.``, ``Data urodz.``): abbreviations."""
    return {_ascii_fold(w).lower() for w in re.findall(r"([^\W\d_]{4,})\.", str(header))}


def _phrase_at(tokens: list[str], i: int, phrase: tuple[str, ...], abbreviated: set[str]) -> bool:
    """``phrase`` at ``tokens[i:]``; the last word of a phrase of two or more may be abbreviated with a
    dot (``kod poczt.`` for "kod pocztowy"), the words before it written out."""
    n = len(phrase)
    got = tuple(tokens[i : i + n])
    if got == phrase:
        return True
    last = got[-1] if len(got) == n else ""
    return (n >= 2 and got[:-1] == phrase[:-1] and last in abbreviated and len(last) >= 4
            and phrase[-1].startswith(last) and last != phrase[-1])  # fmt: skip


def header_hints(header: object) -> HeaderHint:
    """Match the lexicon against the tokens of ``header`` (longest phrase first, tokens consumed)."""
    tokens = [part for t in tokenize(header) for part in _split_compound(t, _KNOWN)]
    abbreviated = _abbreviated(header)
    used = [False] * len(tokens)
    entities: dict[str, str] = {}
    for phrase, entity in _PHRASES:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if any(used[i : i + n]) or not _phrase_at(tokens, i, phrase, abbreviated):
                continue
            if entity == "PERSON" and phrase[0] in _NAME_WORDS and i > 0:
                if tokens[i - 1] in _NOT_PERSON_QUALIFIERS:
                    continue
            if entity == "PERSON" and phrase[-1] in _NAME_WORDS and i + n < len(tokens):
                after = [t for t in tokens[i + n :] if t not in _PREPOSITIONS]
                if after and after[0] in _NOT_PERSON_TAILS:
                    continue
            if n == 1 and phrase[0] in _AMBIGUOUS_SHORT and set(tokens) & _AMBIGUITY_CONTEXT:
                continue
            for j in range(i, i + n):
                used[j] = True
            entities.setdefault(entity, " ".join(phrase))
    _rule_hints(tokens, used, entities)
    rest = {t for t, u in zip(tokens, used, strict=True) if not u}
    role = bool(set(tokens) & ROLE_WORDS) and not (set(tokens) & (_ID_TOKENS | _NOT_PERSON_TAILS | _NOT_ROLE))
    return HeaderHint(
        role=role,
        header=str(header),
        tokens=tuple(tokens),
        entities=entities,
        event=bool(rest & EVENT_TOKENS),
        coarse_geo=bool(set(tokens) & COARSE_GEO_TOKENS),
        id_like=bool(rest & _ID_TOKENS),
    )
