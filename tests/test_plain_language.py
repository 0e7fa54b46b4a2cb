"""Beyond the reading grade, staff are told where a page breaks the plain-language rules of
the NHS content style and the CDC Clear Communication Index: long sentences, paragraphs and
lists, risks out of different numbers side by side, and words with a plainer one."""

import re

import pytest

from conftest import SETTINGS
from support import content_file, tiny_site

LONG = "You " + " ".join(["walk"] * 30) + " today."  # 32 words


def warnings_of(tmp_path, body, **settings):
    build = tiny_site(tmp_path, {"pages/a-page.md": content_file(body, Slug="a-page")}, **settings)
    assert build.ok, build.stderr  # plain-language problems are warnings, never errors
    return [m for m in build.problems() if m.startswith("content/pages/a-page.md")], build


def test_a_sentence_over_the_limit_is_a_warning_naming_its_line_and_length(tmp_path):
    found, _ = warnings_of(tmp_path, "## Part\n\nA short one.\n\n" + LONG)
    assert found == [
        "content/pages/a-page.md, line 11: this sentence has 32 words; patient pages "
        "keep each sentence to 25 words or fewer. Split it in two."
    ]


def test_the_sentence_limit_is_a_setting(tmp_path):
    assert warnings_of(tmp_path, LONG, PLAIN_SENTENCE_MAX_WORDS=40)[0] == []


def test_a_paragraph_over_5_sentences_is_a_warning(tmp_path):
    paragraph = " ".join(f"This is sentence number {n}." for n in range(6))
    found, _ = warnings_of(tmp_path, "Intro here now.\n\n" + paragraph)
    assert found == [
        "content/pages/a-page.md, line 9: this paragraph has 6 sentences; keep "
        "paragraphs to 5 sentences or fewer. Start a new paragraph."
    ]
    assert (
        warnings_of(tmp_path / "five", " ".join(f"This is sentence {n}." for n in range(5)))[0]
        == []
    )


def test_a_list_over_the_limit_is_a_warning(tmp_path):
    limit = SETTINGS["PLAIN_LIST_MAX_ITEMS"]
    found, _ = warnings_of(
        tmp_path, "Signs:\n\n" + "".join(f"- sign {n}\n" for n in range(limit + 1))
    )
    assert found == [
        f"content/pages/a-page.md, line 9: this list has {limit + 1} items; lists are "
        f"easier to read with {limit} or fewer. Split it into two lists under their "
        "own lead-in, or group items together."
    ]
    assert warnings_of(tmp_path / "ok", "".join(f"- sign {n}\n" for n in range(limit)))[0] == []


def test_risks_out_of_different_numbers_in_one_part_of_a_page_are_a_warning(tmp_path):
    body = "## Side effects\n\nAbout 1 in 10 people get bruising.\n\nAbout 1 to 10 in every 1,000 get worse.\n"
    found, _ = warnings_of(tmp_path, body)
    assert found == [
        "content/pages/a-page.md, line 11: this part of the page gives risks out of 10 "
        '("1 in 10") and out of 1,000 ("10 in every 1,000"). Give them all out of the '
        "same number, so that patients can compare them."
    ]


def test_risks_out_of_one_number_or_in_different_parts_of_a_page_are_fine(tmp_path):
    body = (
        "## Common\n\n- 42 in 100 had bruising.\n- 8 in 100 had new veins.\n\n"
        "## Rare\n\nFewer than about 1 in 10,000 people.\n"
    )
    assert warnings_of(tmp_path, body)[0] == []


def test_a_word_on_the_avoid_list_is_a_warning_with_the_plainer_word(tmp_path):
    found, _ = warnings_of(
        tmp_path,
        "## Part\n\nAsk your Clinician first.",
        PLAIN_AVOID={"clinician": "doctor or nurse"},
    )
    assert found == [
        'content/pages/a-page.md, line 9: "Clinician": write "doctor or nurse" instead, '
        "the plainer word that serves here."
    ]


def test_citations_and_screen_reader_labels_are_not_read(tmp_path):
    assert (
        warnings_of(
            tmp_path, "Walk each day.[^K1][^K1][^K1]\n\n!!! emergency", PLAIN_SENTENCE_MAX_WORDS=5
        )[0]
        == []
    )


def test_a_problem_in_a_shared_part_names_the_shared_file(tmp_path):
    emergency = content_file(LONG, Title="Emergency card")
    build = tiny_site(tmp_path, {"shared/emergency.md": emergency})
    assert "content/shared/emergency.md, line 6: this sentence has 32 words" in build.stderr


def test_the_report_gives_each_page_its_longest_sentence_paragraph_and_list(tmp_path):
    _, build = warnings_of(tmp_path, "- one\n- two\n- three\n\n" + LONG)
    row = re.search(
        r"^content/pages/a-page\.md\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$", build.stdout, re.M
    )
    assert row and row.groups() == ("32", "1", "3", "1")
    assert row[0] in (build.output / "readability.txt").read_text(encoding="utf-8")


def plain_rows(site):
    report = (site / "readability.txt").read_text(encoding="utf-8")
    table = report[report.index("Plain language") :]
    return re.findall(r"^(content/\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$", table, re.M)


def test_every_page_of_the_site_passes_the_plain_language_rules(site):
    rows = plain_rows(site)
    assert len(rows) >= 10
    assert [(path, warnings) for path, *_, warnings in rows if warnings != "0"] == []


@pytest.mark.parametrize("setting", ["PLAIN_SENTENCE_MAX_WORDS", "PLAIN_LIST_MAX_ITEMS"])
def test_a_limit_that_is_not_a_number_is_an_error_naming_the_setting(tmp_path, setting):
    build = tiny_site(tmp_path, **{setting: "many"})
    assert not build.ok
    assert any(
        m.startswith("pelicanconf.py, line ") and f"{setting} is 'many'" in m
        for m in build.problems()
    ), build.stderr
