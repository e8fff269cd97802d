"""Dense input classes for the core bench, deterministic (seeded): text where entities are
frequent, so the work after the scan (resolution, values, replacements, offsets) shows.

  pii_dense   a distinct phone, date and email in every ~60-byte line
  log_lines   one entity per ~130 bytes (chat and log lines)
  dates       dates alone, in several written forms
  cap_words   capitalised common words (the word-level detectors' hardest case)
  short_urls  short URLs between a few words
"""
from __future__ import annotations

import pathlib
import random

SEED = 20261126
AREAS = ["212", "415", "646", "917", "312", "713", "206", "305", "617", "404", "503", "702"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "October", "Nov", "December"]
WORDS = [w for w in (pathlib.Path(__file__).parent.parent / "core" / "data" / "common_words.txt")
         .read_text().split() if w.isalpha() and len(w) > 2]


def phone(rng: random.Random) -> str:
    number = f"{rng.choice(AREAS)}{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(2, 9)}{rng.randint(0, 9999):04d}"
    return rng.choice([f"({number[:3]}) {number[3:6]}-{number[6:]}", f"{number[:3]}-{number[3:6]}-{number[6:]}",
                       f"+1 {number[:3]} {number[3:6]} {number[6:]}"])


def date(rng: random.Random) -> str:
    y, m, d = rng.randint(1950, 2030), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{m}/{d}/{y}", f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {d}, {y}"])


def email(rng: random.Random, k: int) -> str:
    return f"{rng.choice(WORDS)}.{k}@{rng.choice(WORDS)}.{rng.choice(['com', 'org', 'net', 'io'])}"


def pii_line(rng: random.Random, k: int) -> str:
    return f"call {phone(rng)} on {date(rng)}, mail {email(rng, k)}"


def log_line(rng: random.Random, k: int) -> str:
    entity = rng.choice([phone(rng), email(rng, k), date(rng), f"10.{k % 256}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"])
    line = f"08:{k % 60:02d}:{rng.randint(0, 59):02d} INFO svc={rng.choice(WORDS)}"
    while len(line) + len(entity) < 128:
        line += " " + rng.choice(WORDS)
    return f"{line} {entity}"


def dates_line(rng: random.Random, k: int) -> str:
    return ", ".join(date(rng) for _ in range(4))


def cap_words_line(rng: random.Random, k: int) -> str:
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(10))


def urls_line(rng: random.Random, k: int) -> str:
    return (f"see https://{rng.choice(WORDS)}.io/{k} or www.{rng.choice(WORDS)}.com/{rng.choice(WORDS)} "
            f"then {rng.choice(WORDS)}")


CLASSES = {"pii_dense": pii_line, "log_lines": log_line, "dates": dates_line, "cap_words": cap_words_line,
           "short_urls": urls_line}


def lines(kind: str, total_bytes: int, seed: int = SEED) -> list[str]:
    """Lines of one class whose UTF-8 sizes add up to at least `total_bytes`."""
    rng, make = random.Random(seed), CLASSES[kind]
    out: list[str] = []
    size = 0
    while size < total_bytes:
        out.append(make(rng, len(out)))
        size += len(out[-1].encode()) + 1
    return out


def messages(kind: str, total_bytes: int, message_bytes: int = 200) -> list[str]:
    """The class's lines grouped into messages of about `message_bytes`."""
    out, current = [], ""
    for line in lines(kind, total_bytes):
        current = f"{current}\n{line}" if current else line
        if len(current) >= message_bytes:
            out.append(current)
            current = ""
    return out + ([current] if current else [])


if __name__ == "__main__":
    for kind in CLASSES:
        print(kind, messages(kind, 600)[:2])
