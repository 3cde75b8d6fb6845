"""Person-aware decisions: whose names a "name" column holds, and whether a table is about people at all."""

from __future__ import annotations

import random

import pandas as pd

from privacy_audit.detect.names import given_names, name_semantics, ner_form
from privacy_audit.detect.text import ner_labels
from privacy_audit.scan import scan

# invented place stems (not from any generator's word list)
_STEMS = ["Brakmoor", "Quellinth", "Ostervale", "Tarnby", "Welkirk", "Dunhollow", "Casparo", "Mirefield", "Sallow",
          "Vintree", "Corbeck", "Rushmere", "Pellworth", "Harnlee", "Glenvar", "Ashcombe", "Stourby", "Kelmont"]
_GIVEN = ["Maria", "John", "Anna", "Peter", "Laura", "Carlos", "Sofia", "Thomas", "Elena", "Marco", "Julia", "David",
          "Clara", "Paul", "Irene", "Victor", "Helen", "Oscar", "Nina", "Hugo"]
_FAMILY = ["Brandt", "Okafor", "Lindqvist", "Moreau", "Castelli", "Novak", "Ferreira", "Haugen", "Kowalczyk",
           "Dubois", "Jansen", "Romano", "Schulte", "Varga", "Nilsen", "Pereira", "Keller", "Marek"]


def _entities(df: pd.DataFrame, name: str = "t") -> dict[str, str | None]:
    return {c.column: c.entity for c in scan(df, name=name, progress=False).columns}


def test_gazetteer_and_ner_form():
    names = given_names()
    assert {"maria", "john", "thomas"} <= names and len(names) > 4000
    assert ner_form("ROSSI, MARIO") == "Mario Rossi"
    assert ner_form("ANA PAULA SOUZA") == "Ana Paula Souza"


def test_names_of_things_share_a_kind_word():
    rng = random.Random(1)
    airports = [f"{rng.choice(_STEMS)} {rng.choice(['International', 'Regional', ''])} Airport".replace("  ", " ")
                for _ in range(80)]  # fmt: skip
    sem = name_semantics(airports, ner_labels)
    assert sem.thing and not sem.person and sem.kind_share >= 0.9
    people = [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(80)]
    sem = name_semantics(people, ner_labels)
    assert sem.person and not sem.thing and sem.given >= 0.9


def test_bare_name_header_needs_people_in_the_values():
    rng = random.Random(2)
    n = 300
    things = pd.DataFrame({
        "id": range(n),
        "Name": [f"{rng.choice(_STEMS)} {rng.choice(_STEMS)} Airport" for _ in range(n)],
        "City": [rng.choice(_STEMS) for _ in range(n)],
        "IATA": [f"{rng.choice('ABCDEFGH')}{rng.choice('KLMNOP')}{rng.choice('RSTUVW')}" for _ in range(n)],
    })  # fmt: skip
    got = _entities(things, "airports")
    assert got["Name"] is None  # names of things
    assert got["City"] is None  # a place in a table about no person
    people = things.assign(Name=[f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(n)])
    got = _entities(people, "members")
    assert got["Name"] == "PERSON" and got["City"] == "LOCATION"  # people's names: the table is about people


def test_places_and_dates_in_a_table_about_no_person():
    rng = random.Random(3)
    n = 300
    register = pd.DataFrame({
        "plz": [f"{rng.randint(10000, 99999)}" for _ in range(n)],
        "ort": [rng.choice(_STEMS) + rng.choice(["", " am See", "dorf"]) for _ in range(n)],
        "opened": [f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(n)],
        "capacity": [str(rng.randint(10, 5000)) for _ in range(n)],
    })  # fmt: skip
    got = _entities(register, "register")
    assert got == {"plz": None, "ort": None, "opened": None, "capacity": None}
    with_key = register.assign(kunden_nr=[f"K{100000 + i}" for i in range(n)])  # a key of people: customers' rows
    got = _entities(with_key, "register")
    assert got["plz"] == "POSTAL_CODE" and got["ort"] == "LOCATION"
    # two columns show too little to conclude anything: the verdicts stand
    assert _entities(register[["plz", "capacity"]])["plz"] == "POSTAL_CODE"


def test_a_bare_name_in_a_table_about_animals_is_the_animals():
    rng = random.Random(4)
    n = 200
    pets = pd.DataFrame({"pet_id": range(n), "owner_id": [rng.randint(1, 50) for _ in range(n)],
                         "breed_code": [rng.choice(["ESK", "HUS", "BUL"]) for _ in range(n)],
                         "name": [rng.choice(_GIVEN) for _ in range(n)]})  # fmt: skip
    assert _entities(pets, "kennel_dogs")["name"] is None
    owners = pets.drop(columns=["breed_code"]).rename(columns={"name": "first_name"})
    assert _entities(owners, "owners")["first_name"] == "PERSON"


def test_building_address_and_department_name_are_not_a_persons():
    rng = random.Random(5)
    n = 200
    df = pd.DataFrame({
        "manager": [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(n)],
        "building_address": [f"{rng.randint(1, 999)} {rng.choice(_STEMS)} Street" for _ in range(n)],
        "dept_name": [rng.choice(["History", "Finance", "Biology", "Physics"]) for _ in range(n)],
        "home_address": [f"{rng.randint(1, 999)} {rng.choice(_STEMS)} Road" for _ in range(n)],
    })  # fmt: skip
    got = _entities(df, "staff")
    assert got == {"manager": "PERSON", "building_address": None, "dept_name": None, "home_address": "LOCATION"}
