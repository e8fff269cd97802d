"""Generated communication records for the Spark integration's tests and bench: every field
the built-in policies name (SMS and call records, conversations), bench-corpus message
texts, nulls here and there. Same seed, same rows."""
from __future__ import annotations

import random

from bench import corpus

SCHEMA = ("id long, text string, body string, dst long, from_number string, `to` string, `from` string, "
          "first_name string, last_name string, caller_name string, "
          "messages array<struct<text: string, `from`: struct<name: string, email: string>>>, "
          "participants array<struct<name: string, email: string, phone: string>>")
NULLS = 0.05  # share of nullable cells left null


def _maybe(rng: random.Random, value):
    return None if rng.random() < NULLS else value


def _us_number(rng: random.Random) -> int:
    return int(f"1{rng.choice(corpus.US_AREAS)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}")


def _person(rng: random.Random) -> dict:
    return {"name": corpus.name(rng), "email": corpus.email(rng), "phone": corpus.phone(rng)}


def row(rng: random.Random, i: int) -> dict:
    people = [_person(rng) for _ in range(rng.randint(1, 3))]
    messages = [{"text": corpus.message(rng), "from": {"name": p["name"], "email": p["email"]}}
                for p in (rng.choice(people) for _ in range(rng.randint(0, 3)))]
    first, last = corpus.name(rng).split()
    return {"id": i, "text": _maybe(rng, corpus.message(rng)), "body": _maybe(rng, corpus.message(rng)),
            "dst": _maybe(rng, _us_number(rng)), "from_number": _maybe(rng, corpus.phone(rng)),
            "to": _maybe(rng, corpus.phone(rng)), "from": _maybe(rng, f"+{_us_number(rng)}"),
            "first_name": _maybe(rng, first), "last_name": _maybe(rng, last),
            "caller_name": _maybe(rng, f"{first} {last}"),
            "messages": _maybe(rng, messages), "participants": _maybe(rng, people)}


def rows(count: int, seed: int = 20261126) -> list[dict]:
    rng = random.Random(seed)
    return [row(rng, i) for i in range(count)]
