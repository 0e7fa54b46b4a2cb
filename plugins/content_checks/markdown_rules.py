"""Markdown rules: boxes, tables and sources are written so they come out right.

Guarantees: a ``!!!`` box of a type the site does not have (a typo such as
``!!! emergancy`` would silently become a plain box) is an error; a table
whose second line is not the ``| --- |`` line, or whose rows have a different
number of cells than its header, is an error; every ``[^K1]`` citation has
its source line ``[^K1]: …``; every guide article, which makes medical
statements, cites at least one source.
"""

import re

from components.extension import KINDS
from guide import in_guide
from pelican import signals

from . import add
from .source import read_all

BOX = re.compile(r"^!!! ?([\w-]+)")
# The same patterns Python-Markdown's footnotes extension uses.
CITATION = re.compile(r"(?<!!)\[\^([^\]]*)\](?!\s*:)")
SOURCE = re.compile(r"^[ ]{0,3}\[\^([^\]]*)\]:", re.M)
TABLE_ROW = re.compile(r"^\s{0,3}\|")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def cells(row):
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def check_boxes(source, lines):
    for number, line in lines:
        match = BOX.match(line)
        if match and match[1] not in KINDS:
            add(
                source.path,
                number,
                f'"!!! {match[1]}" is not a kind of box the site has. Use one of: '
                f"{', '.join(KINDS)}.",
            )


def tables(lines):
    """Runs of consecutive lines that start with "|": [(number, line), ...]."""
    run = []
    for number, line in lines + [(0, "")]:
        if TABLE_ROW.match(line):
            run.append((number, line))
        elif run:
            yield run
            run = []


def check_tables(source, lines):
    for table in tables(lines):
        first_number, header = table[0]
        if len(table) < 2 or not TABLE_RULE.match(table[1][1]):
            add(
                source.path,
                first_number,
                "this looks like a table, but the line under its header is missing, so "
                'it would show as text full of "|". Write a line like "| --- | --- |" '
                "(one --- per column) right under the header.",
            )
            continue
        columns = cells(header)
        for number, row in table[1:]:
            if cells(row) != columns:
                add(
                    source.path,
                    number,
                    f"this table row has {cells(row)} cells, but the table has "
                    f'{columns} columns. Check for a missing or extra "|".',
                )


def check_sources(source, lines, guide):
    body = "\n".join(line for _, line in lines)
    defined = set(SOURCE.findall(body))
    if set(CITATION.findall(body)) - defined:  # rare: only then look for the lines
        for number, line in lines:
            for label in CITATION.findall(line):
                if label not in defined:
                    add(
                        source.path,
                        number,
                        f"the citation [^{label}] has no source. Add a line "
                        f'"[^{label}]: <the source>" at the end of the file, or correct '
                        "the label.",
                    )
    if guide and not defined:
        add(
            source.path,
            0,
            "this guide article cites no sources. Add a citation such as [^K1] after "
            'each medical statement, and the source at the end: "[^K1]: <the source>".',
        )


def check(generator):
    for source in read_all(generator):
        if not source.meta:
            continue
        lines = source.body_lines()
        check_boxes(source, lines)
        check_tables(source, lines)
        check_sources(source, lines, in_guide(source, generator.settings.get("GUIDE_PATH", "articles")))


def register():
    signals.page_generator_finalized.connect(check)
