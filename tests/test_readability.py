"""Staff see how hard each article is to read, on every build, and hard ones are flagged."""

import math
import re
import subprocess
import sys

import pytest

from conftest import GUIDE_SLUGS, ROOT, TRANSLATIONS
from content_checks.readability import measure, spanish_grade, spanish_syllables
from support import TINY, content_file, tiny_site

HARD = content_file(
    "## Pharmacological considerations\n\n"
    + "Polidocanol-induced endothelial destruction consequently precipitates thrombotic "
    "occlusion, inflammatory fibrosis and eventual resorption of the treated varicosities, "
    "notwithstanding considerable interindividual variability in therapeutic responsiveness.[^K1] "
    * 5,
    Title="A hard article",
    Slug="hard-article",
    Summary="Written the way patients cannot read.",
    Order=99,
)
ROW = re.compile(r"^(content/\S+)\s+(\d+)\s+(\d+)\s+(-?\d+\.\d)$", re.M)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = tiny_site(tmp_path_factory.mktemp("readability"), {"articles/hard-article.md": HARD})
    assert result.ok, result.stderr
    return result, result.output


def rows(text):
    return {path: (int(w), int(m), float(g)) for path, w, m, g in ROW.findall(text)}


def test_every_build_prints_words_minutes_and_grade_for_each_article(built):
    result, _ = built
    printed = rows(result.stdout)
    expected = {f"content/articles/{path.name}" for path in (TINY / "articles").glob("*.md")}
    assert set(printed) == expected | {"content/articles/hard-article.md"}
    for words, minutes, grade in printed.values():
        assert words > 20
        assert minutes == math.ceil(words / 200)
        assert 0 < grade < 50


def test_the_report_is_written_into_the_site_but_linked_from_no_page(built):
    result, output = built
    report = (output / "readability.txt").read_text(encoding="utf-8")
    assert rows(report) == rows(result.stdout)
    for page in output.rglob("*.html"):
        assert "readability" not in page.read_text(encoding="utf-8")


def test_an_article_above_grade_9_gets_a_warning_naming_it(built):
    result, _ = built
    grade = rows(result.stdout)["content/articles/hard-article.md"][2]
    assert grade > 9
    assert (
        f"content/articles/hard-article.md: the text reads at school grade {grade:.1f}"
        in result.stderr
    )
    assert "1 warning(s)" in result.stderr  # the tiny site's article gets none


def test_sources_and_screen_reader_labels_are_not_counted(built):
    result, _ = built
    words = rows(result.stdout)["content/articles/hard-article.md"][0]
    # 2 heading words + 5 sentences of 23 words; not "A source." nor "Source 1"
    assert words == 2 + 5 * 23


def test_the_report_is_never_published(published):
    assert not (published / "readability.txt").exists()


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_every_article_reads_at_grade_8_or_below(site, slug):
    report = rows((site / "readability.txt").read_text(encoding="utf-8"))
    assert report[f"content/articles/{slug}.md"][2] <= 8


def measured_offline(call):
    """What `measure(…)` written as `call` gives in a fresh Python with no network at all:
    (words, minutes, score rounded to 2 places), as text."""
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = socket.create_connection = refuse\n"
        "sys.path.insert(0, 'plugins')\n"
        "from content_checks.readability import measure\n"
        f"words, minutes, score = {call}\n"
        "print(words, minutes, round(score, 2))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_grade_follows_the_flesch_kincaid_formula_offline():
    # 12 one-syllable words in 2 sentences: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
    assert measured_offline("measure('The cat sat on the mat. The dog ran to the log.', 200)") == [
        "12",
        "1",
        "-1.45",
    ]


def test_long_words_raise_the_grade():
    short = "Wear the sock. Walk each day. Do not run."
    long = "Compression stockings. Continuously afterwards. Discoloration happens."
    assert measure(long, 200)[2] > measure(short, 200)[2] + 5


# --- Spanish: the Fernández-Huerta reading ease ------------------------------------

SPANISH_ROW = re.compile(r"^(content/\S+)\s+(\d+)\s+(\d+)\s+(-?\d+\.\d)\s+(\S.*?)\s*$", re.M)
HARD_SPANISH = content_file(
    "## Consideraciones farmacológicas\n\n"
    + "La destrucción endotelial inducida por el polidocanol precipita consecuentemente la "
    "oclusión trombótica, la fibrosis inflamatoria y la reabsorción progresiva de las "
    "varicosidades tratadas, independientemente de la considerable variabilidad interindividual "
    "en la respuesta terapéutica.[^K1] " * 5,
    Title="Un artículo difícil",
    Slug="procedure",
    Lang="es",
    Order=1,
    Translator="Una prueba",
    Summary="Escrito como los pacientes no pueden leer.",
)


def spanish_rows(text):
    return {
        path: (int(w), int(m), float(e), grade)
        for path, w, m, e, grade in SPANISH_ROW.findall(text)
    }


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("escleroterapia", 6),
        ("inflamación", 4),
        ("pierna", 2),
        ("huevo", 2),
        ("que", 1),
        ("muy", 1),
        ("y", 1),
        ("agua", 2),
        ("ahora", 3),
        ("día", 2),
        ("país", 2),
        ("construí", 3),
        ("aeropuerto", 5),
    ],
)
def test_spanish_syllables_are_pyphens_points_and_the_vowels_typesetting_keeps_together(
    word, syllables
):
    """Pyphen's Spanish patterns never split a word's first vowel or two vowels side by side
    (a-gua, dí-a): those are syllables all the same."""
    assert spanish_syllables(word) == syllables


def test_the_spanish_score_is_fernandez_huerta_offline():
    # 7 words, 2 sentences, 12 syllables: 206.84 − 60 × 12/7 − 1.02 × 7/2 = 100.41
    assert measured_offline("measure('El gato come. El perro bebe agua.', 200, lang='es')") == [
        "7",
        "1",
        "100.41",
    ]


def test_a_hard_spanish_article_gets_a_warning_naming_it_with_its_grade(tmp_path):
    build = tiny_site(tmp_path, {"es/articles/procedure.md": HARD_SPANISH})
    assert build.ok, build.stderr
    _, _, ease, grade = spanish_rows(build.stdout)["content/es/articles/procedure.md"]
    assert ease < 65 and grade == spanish_grade(ease)
    assert (
        f"content/es/articles/procedure.md: the Spanish text reads at {ease:.0f} on the "
        f"Fernández-Huerta scale ({grade} grade)"
    ) in build.stderr


@pytest.mark.parametrize(
    "slug", [slug for slug, meta in TRANSLATIONS["es"].items() if "order" in meta]
)
def test_every_spanish_article_reads_at_sixth_grade_or_easier(site, slug):
    report = spanish_rows((site / "readability.txt").read_text(encoding="utf-8"))
    assert report[f"content/es/articles/{slug}.md"][2] >= 70
