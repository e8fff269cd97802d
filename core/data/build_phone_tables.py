"""Compiles phonenumbers' metadata into C tables: core/scan/phone_tables.h (GENERATED, gitignored).

setup.py runs this before the build and again whenever the installed phonenumbers version
differs from the one the header records (tests/test_phone_tables.py checks it too). What
the header holds, per metadata (every region of phonenumbers.SUPPORTED_REGIONS, then every
non-geographic calling code):

- one DFA over the ten digits for the union of the number descriptions (general_desc and
  the ten number types is_valid_number tries): per state a bit mask of the descriptions
  whose national_number_pattern matches the digits read so far in full (bit 0 the general
  description), transitions as uint16 (state 0 is dead, 1 the start);
- per national number length 0-40: the descriptions whose possible lengths allow it, and
  what _test_number_length answers for it;
- the regular expressions phonenumbers applies with re.match (international prefix,
  national prefix for parsing with its transform rule, leading digits, the formats'
  leading digits and patterns) as small programs for a backtracking matcher that never
  visits a (instruction, position) pair twice (RE2's BitState: Python's leftmost-first
  answers with its groups, in time linear in the input);
- the calling code -> metadata tables (main region; every region of a shared code).

The patterns are regular expressions over digits: literals, [classes], \\d, (?:...),
(...), |, ?, {n}, {n,m} and $ (a national prefix for parsing only). Anything else fails the
build (UnderstoodError), so a pattern never goes silently misread.

Run as a script to write the header: python core/data/build_phone_tables.py [OUT]
"""
from __future__ import annotations

import pathlib
import re
import sys
import zlib

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import ValidationResult, _test_number_length

OUT = pathlib.Path(__file__).resolve().parent.parent / "scan" / "phone_tables.h"
MAX_LENGTH = 40   # national number lengths tabled; longer ones answer as this one
ALL_DIGITS = (1 << 10) - 1
# the descriptions is_valid_number tries (phonenumberutil._number_type_helper), after general_desc
TYPES = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
         "voicemail", "fixed_line", "mobile")
LENGTH_RESULTS = {ValidationResult.IS_POSSIBLE: 0, ValidationResult.IS_POSSIBLE_LOCAL_ONLY: 1,
                  ValidationResult.INVALID_COUNTRY_CODE: 2, ValidationResult.TOO_SHORT: 3,
                  ValidationResult.INVALID_LENGTH: 4, ValidationResult.TOO_LONG: 5}
# program operations (core/scan/phones.pxd)
OP_CLASS, OP_SPLIT, OP_JMP, OP_SAVE, OP_END, OP_MATCH = range(6)


class UnderstoodError(ValueError):
    """A pattern outside the subset this compiler reads."""


# ---------------------------------------------------------------- parsing

def parse(pattern: str) -> tuple:
    """The syntax tree of a digit pattern: ('set', mask), ('cat', parts), ('alt', parts),
    ('rep', node, lo, hi), ('group', number, node), ('end',)."""
    parser = _Parser(pattern)
    node = parser.alternation()
    if parser.i != len(pattern):
        raise UnderstoodError(f"{pattern!r}: stopped at {parser.i}")
    return node


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p, self.i, self.groups = pattern, 0, 0

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def alternation(self) -> tuple:
        parts = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            parts.append(self.sequence())
        return parts[0] if len(parts) == 1 else ("alt", parts)

    def sequence(self) -> tuple:
        parts = []
        while self.peek() not in ("", "|", ")"):
            parts.append(self.repeated(self.atom()))
        return ("cat", parts)

    def atom(self) -> tuple:
        c = self.peek()
        self.i += 1
        if c.isdigit():
            return ("set", 1 << int(c))
        if c == "\\" and self.peek() == "d":
            self.i += 1
            return ("set", ALL_DIGITS)
        if c == "[":
            return self.char_class()
        if c == "$":
            return ("end",)
        if c == "(":
            number = 0
            if self.p.startswith("?:", self.i):
                self.i += 2
            else:
                self.groups += 1
                number = self.groups
            node = self.alternation()
            if self.peek() != ")":
                raise UnderstoodError(f"{self.p!r}: unclosed group")
            self.i += 1
            return ("group", number, node) if number else node
        raise UnderstoodError(f"{self.p!r}: {c!r} at {self.i - 1}")

    def char_class(self) -> tuple:
        mask = 0
        while self.peek() != "]":
            c = self.peek()
            if c == "\\" and self.p[self.i + 1] == "d":
                mask, self.i = ALL_DIGITS, self.i + 2
                continue
            if not c.isdigit():
                raise UnderstoodError(f"{self.p!r}: {c!r} in a class")
            lo = hi = int(c)
            self.i += 1
            if self.peek() == "-":
                hi = int(self.p[self.i + 1])
                self.i += 2
            mask |= sum(1 << d for d in range(lo, hi + 1))
        self.i += 1
        return ("set", mask)

    def repeated(self, node: tuple) -> tuple:
        if self.peek() == "?":
            self.i += 1
            return ("rep", node, 0, 1)
        m = re.compile(r"\{(\d+)(?:(,)(\d+))?\}").match(self.p, self.i)
        if m:
            self.i = m.end()
            lo = int(m.group(1))
            return ("rep", node, lo, int(m.group(3)) if m.group(2) else lo)
        if self.peek() in ("*", "+", "{"):
            raise UnderstoodError(f"{self.p!r}: unbounded or odd repetition at {self.i}")
        return node


# ---------------------------------------------------------------- DFA of the descriptions

class _Nfa:
    """Thompson NFA: edges[state] = [(digit mask or None for epsilon, target)]."""

    def __init__(self) -> None:
        self.edges: list[list[tuple[int | None, int]]] = []
        self.tags: dict[int, int] = {}  # accepting state -> description bits

    def state(self) -> int:
        self.edges.append([])
        return len(self.edges) - 1

    def build(self, node: tuple, start: int) -> int:
        """Adds node from start; returns its end state."""
        kind = node[0]
        if kind == "set":
            end = self.state()
            self.edges[start].append((node[1], end))
            return end
        if kind == "cat":
            for part in node[1]:
                start = self.build(part, start)
            return start
        if kind == "alt":
            end = self.state()
            for part in node[1]:
                s = self.state()
                self.edges[start].append((None, s))
                self.edges[self.build(part, s)].append((None, end))
            return end
        if kind == "rep":
            _, inner, lo, hi = node
            for _ in range(lo):
                start = self.build(inner, start)
            end = self.state()
            self.edges[start].append((None, end))
            for _ in range(hi - lo):
                start = self.build(inner, start)
                self.edges[start].append((None, end))
            return end
        if kind == "group":
            return self.build(node[2], start)
        raise UnderstoodError(f"{kind!r} in a national number pattern")


def description_dfa(patterns: list[tuple[int, str]]) -> tuple[list[list[int]], list[int]]:
    """(transitions, accept masks) of the DFA whose state after a digit string has bit b set
    when pattern b fully matches it. State 0 is dead, 1 the start."""
    nfa = _Nfa()
    root = nfa.state()
    for bit, pattern in patterns:
        s = nfa.state()
        nfa.edges[root].append((None, s))
        nfa.tags[nfa.build(parse(pattern), s)] = 1 << bit

    def closure(states):
        seen, todo = set(states), list(states)
        while todo:
            for mask, t in nfa.edges[todo.pop()]:
                if mask is None and t not in seen:
                    seen.add(t)
                    todo.append(t)
        return frozenset(seen)

    ids = {frozenset(): 0, closure([root]): 1}
    order = [frozenset(), closure([root])]
    trans: list[list[int]] = [[0] * 10]
    i = 1
    while i < len(order):
        row = []
        for d in range(10):
            target = closure([t for s in order[i] for mask, t in nfa.edges[s] if mask is not None and mask >> d & 1])
            if target not in ids:
                ids[target] = len(order)
                order.append(target)
            row.append(ids[target])
        trans.append(row)
        i += 1
    accept = [0] * len(order)
    for k, states in enumerate(order):
        for s in states:
            accept[k] |= nfa.tags.get(s, 0)
    return minimised(trans, accept)


def minimised(trans: list[list[int]], accept: list[int]) -> tuple[list[list[int]], list[int]]:
    """Moore's partition refinement; the dead state stays 0 and the start 1."""
    block = list(accept)
    while True:
        keys = [(block[s], *(block[t] for t in trans[s])) for s in range(len(trans))]
        numbers: dict[tuple, int] = {}
        new = [numbers.setdefault(k, len(numbers)) for k in keys]
        if len(numbers) == len(set(block)):
            break
        block = new
    if block[1] == block[0]:
        return [[0] * 10, [0] * 10], [0, 0]  # nothing matches
    # renumber: dead -> 0, start -> 1, the rest in first-seen order
    order = {block[0]: 0}
    order.setdefault(block[1], 1)
    for b in block:
        order.setdefault(b, len(order))
    first = {}
    for s, b in enumerate(block):
        first.setdefault(order[b], s)
    rows = [[order[block[t]] for t in trans[first[k]]] for k in range(len(order))]
    return rows, [accept[first[k]] for k in range(len(order))]


# ---------------------------------------------------------------- matcher programs

def program(pattern: str, anchored_end: bool = False) -> tuple[list[tuple[int, int, int]], int]:
    """(instructions, number of groups) for the backtracking matcher: re.match's
    leftmost-first answer (re.fullmatch's when anchored_end)."""
    parser = _Parser(pattern)
    node = parser.alternation()
    if parser.i != len(pattern):
        raise UnderstoodError(f"{pattern!r}: stopped at {parser.i}")
    code: list[list[int]] = []

    def emit(op, a=0, b=0):
        code.append([op, a, b])
        return len(code) - 1

    def gen(n):
        kind = n[0]
        if kind == "set":
            emit(OP_CLASS, n[1])
        elif kind == "cat":
            for part in n[1]:
                gen(part)
        elif kind == "alt":
            jumps = []
            for part in n[1][:-1]:
                split = emit(OP_SPLIT)
                code[split][1] = len(code)
                gen(part)
                jumps.append(emit(OP_JMP))
                code[split][2] = len(code)
            gen(n[1][-1])
            for j in jumps:
                code[j][1] = len(code)
        elif kind == "rep":
            _, inner, lo, hi = n
            for _ in range(lo):
                gen(inner)
            splits = []
            for _ in range(hi - lo):  # greedy: the repetition first
                splits.append(emit(OP_SPLIT))
                code[splits[-1]][1] = len(code)
                gen(inner)
            for s in splits:
                code[s][2] = len(code)
        elif kind == "group":
            emit(OP_SAVE, 2 * n[1])
            gen(n[2])
            emit(OP_SAVE, 2 * n[1] + 1)
        elif kind == "end":
            emit(OP_END)

    gen(node)
    if anchored_end:
        emit(OP_END)
    emit(OP_MATCH)
    if len(code) > 4000 or parser.groups > 9:
        raise UnderstoodError(f"{pattern[:40]!r}: program of {len(code)} steps, {parser.groups} groups")
    return [tuple(c) for c in code], parser.groups


def transform(rule: str | None, groups: int) -> str:
    """A transform rule as the C side expands it: digits literally, a group k as chr(k)."""
    if not rule:
        return ""
    out = re.sub(r"\\(\d)", lambda m: chr(int(m.group(1))), rule)
    if not all(c.isdigit() or ord(c) <= groups for c in out) or not groups:
        raise UnderstoodError(f"transform rule {rule!r}")
    return out


def national_template(fmt) -> str:
    """The digits a format writes for a number formatted NATIONAL, as a transform rule
    (digits, chr(k) for group k): its format with the national prefix formatting rule in
    place of the first group (phonenumberutil._format_nsn_using_pattern), separators dropped."""
    rule = fmt.format
    if fmt.national_prefix_formatting_rule:
        rule = re.sub(r"(\\\d)", fmt.national_prefix_formatting_rule, rule, count=1)
    if "$" in rule:
        raise UnderstoodError(f"format rule {rule!r}")
    return re.sub(r"\\(\d)", lambda m: chr(int(m.group(1))), re.sub(r"[^\d\\]", "", rule))


# ---------------------------------------------------------------- the tables

def metadata_list() -> list[tuple[str, object]]:
    """(name, metadata): the regions in sorted order, then the non-geographic codes."""
    regions = [(r, PhoneMetadata.metadata_for_region(r)) for r in sorted(phonenumbers.SUPPORTED_REGIONS)]
    nongeo = [(f"+{cc}", PhoneMetadata.metadata_for_nongeo_region(cc))
              for cc in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)]
    return regions + nongeo


class Tables:
    def __init__(self) -> None:
        self.metas = metadata_list()
        self.index = {name: k for k, (name, _) in enumerate(self.metas)}
        self.dfa: list[int] = []
        self.accept: list[int] = []
        self.prog: list[int] = []
        self.strings: list[str] = []
        self.rows: list[str] = []
        self.lengths: list[str] = []
        self.formats: list[str] = []
        self.states = 0

    def add_program(self, pattern: str | None, anchored_end: bool = False) -> tuple[int, int]:
        """(offset, groups) of a pattern's program in PHONE_PROG; (-1, 0) for none."""
        if not pattern:
            return -1, 0
        code, groups = program(pattern, anchored_end)
        offset = len(self.prog) // 3
        for op, a, b in code:
            self.prog += [op, a, b]
        return offset, groups

    def add_meta(self, name: str, m) -> None:
        descs = [("general_desc", m.general_desc)] + [(t, getattr(m, t)) for t in TYPES]
        patterns = [(bit, d.national_number_pattern) for bit, (_, d) in enumerate(descs)
                    if d is not None and d.national_number_pattern]
        trans, accept = description_dfa(patterns)
        if len(trans) > 0xFFFF:
            raise UnderstoodError(f"{name}: {len(trans)} states")
        base = self.states
        self.states += len(trans)
        for row in trans:
            self.dfa += row
        self.accept += accept
        # per length: the descriptions whose possible lengths allow it (bit 0: general_desc);
        # mobile not tried when its pattern is fixed_line's (_number_type_helper)
        for length in range(MAX_LENGTH + 1):
            bits = 0
            for bit, (attr, d) in enumerate(descs):
                if d is None or (attr == "mobile" and m.same_mobile_and_fixed_line_pattern):
                    continue
                if not d.possible_length or length in d.possible_length:
                    bits |= 1 << bit
            result = LENGTH_RESULTS[_test_number_length("5" * length, m)]
            self.lengths.append(f"{{{bits}, {result}}}")
        idd, _ = self.add_program(m.international_prefix)
        npfp, groups = self.add_program(m.national_prefix_for_parsing)
        rule = transform(m.national_prefix_transform_rule, groups)
        leading, _ = self.add_program(m.leading_digits)
        first_format = len(self.formats)
        for fmt in m.number_format:
            ld, _ = self.add_program(fmt.leading_digits_pattern[-1] if fmt.leading_digits_pattern else None)
            whole, _ = self.add_program(fmt.pattern, anchored_end=True)
            first, _ = self.add_program(fmt.pattern)
            self.formats.append(f"{{{ld}, {whole}, {first}, {self.string(national_template(fmt))}}}")
        national_prefix = m.national_prefix if m.national_prefix and m.country_code != 1 else ""
        self.rows.append(
            f"{{{m.country_code}, {base}, {idd}, {npfp}, {groups}, {self.string(rule)}, {leading}, "
            f"{first_format}, {len(self.formats) - first_format}, "
            f"{self.string(national_prefix)}}}  /* {name} */")

    def string(self, s: str) -> str:
        return '"' + "".join(c if c.isdigit() else f"\\{ord(c):03o}" for c in s) + '"'

    def country_codes(self) -> tuple[list[int], list[int], list[int]]:
        """(main metadata per code 0-999, first entry in the code's region list, the lists)."""
        main = [0xFFFF] * 1000
        first = [0] * 1001
        flat: list[int] = []
        for cc in range(1000):
            first[cc] = len(flat)
            regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(cc, ())
            ids = [self.index[f"+{cc}" if r == "001" else r] if (f"+{cc}" if r == "001" else r) in self.index
                   else 0xFFFF for r in regions]
            if ids:
                main[cc] = ids[0]
            flat += ids
        first[1000] = len(flat)
        return main, first, flat

    def header(self) -> str:
        for name, m in self.metas:
            self.add_meta(name, m)
        main, first, flat = self.country_codes()
        regions = [name for name, _ in self.metas if not name.startswith("+")]
        return "\n".join([
            "/* GENERATED by core/data/build_phone_tables.py from phonenumbers' metadata: do not edit. */",
            "#include <stdint.h>",
            "typedef struct { uint16_t types; uint8_t result; } PhoneLength;",
            "typedef struct { int32_t leading; int32_t whole; int32_t first; const char* national; } PhoneFormat;",
            "typedef struct { int32_t country_code; int32_t dfa; int32_t idd; int32_t national_prefix_for_parsing;",
            "                 int32_t groups; const char* transform; int32_t leading_digits; int32_t first_format;",
            "                 int32_t formats; const char* national_prefix; } PhoneMeta;",
            f'#define PHONE_TABLES_VERSION "{phonenumbers.__version__}"',
            f"#define PHONE_TABLES_GENERATOR {generator_check()}  /* build_phone_tables.generator_check */",
            f"#define PHONE_N_META {len(self.metas)}",
            f"#define PHONE_N_REGIONS {len(regions)}",
            f"#define PHONE_MAX_LENGTH {MAX_LENGTH}",
            f"#define PHONE_DFA_STATES {self.states}",
            f"#define PHONE_PROG_STEPS {len(self.prog) // 3}",
            f'static const char PHONE_REGION_CODES[] = "{"".join(regions)}";',
            array("uint16_t", "PHONE_DFA", self.dfa),
            array("uint16_t", "PHONE_ACCEPT", self.accept),
            array("uint16_t", "PHONE_PROG", self.prog),
            "static const PhoneLength PHONE_LENGTHS[] = {\n" + ",\n".join(self.lengths) + "};",
            "static const PhoneFormat PHONE_FORMATS[] = {\n" + ",\n".join(self.formats or ["{-1, -1, -1, \"\"}"]) + "};",
            "static const PhoneMeta PHONE_META[] = {\n" + ",\n".join(self.rows) + "};",
            array("uint16_t", "PHONE_CC_MAIN", main),
            array("uint16_t", "PHONE_CC_FIRST", first),
            array("uint16_t", "PHONE_CC_REGIONS", flat),
            ""])


def array(ctype: str, name: str, values: list[int]) -> str:
    lines = [", ".join(map(str, values[i:i + 24])) for i in range(0, len(values), 24)]
    return f"static const {ctype} {name}[] = {{\n" + ",\n".join(lines) + "};"


def write(path: pathlib.Path = OUT) -> bool:
    """Writes the header when its text changed; True when it did."""
    text = Tables().header()
    if path.exists() and path.read_text() == text:
        return False
    path.write_text(text)
    return True


def generator_check() -> int:
    """A checksum of this script, recorded in the header: a changed generator rewrites it."""
    return zlib.crc32(pathlib.Path(__file__).read_bytes()) & 0x7FFFFFFF


def up_to_date(path: pathlib.Path = OUT) -> bool:
    """The header exists and was generated by this script from the installed phonenumbers."""
    if not path.exists():
        return False
    head = path.read_text()[:2000]
    return (f'#define PHONE_TABLES_VERSION "{phonenumbers.__version__}"' in head
            and f"#define PHONE_TABLES_GENERATOR {generator_check()} " in head)


if __name__ == "__main__":
    write(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
