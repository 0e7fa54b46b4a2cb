"""Staff see how hard each article is to read, on every build, and hard ones are flagged."""

import math
import re
import shutil
import subprocess
import sys

import pytest

from conftest import GUIDE_SLUGS, ROOT, build

sys.path.insert(0, str(ROOT / "plugins"))  # as Pelican's PLUGIN_PATHS does
from content_checks.readability import measure  # noqa: E402

HARD = (
    "Title: A hard article\nSlug: hard-article\nSummary: Written the way patients cannot read.\n"
    "Reviewed: 2026-11-25\nNext-review: 2027-11-25\nOrder: 99\n\n## Pharmacological considerations\n\n"
    + "Polidocanol-induced endothelial destruction consequently precipitates thrombotic "
    "occlusion, inflammatory fibrosis and eventual resorption of the treated varicosities, "
    "notwithstanding considerable interindividual variability in therapeutic responsiveness.[^K1] "
    * 5
    + "\n\n[^K1]: A source.\n"
)
ROW = re.compile(r"^(content/\S+)\s+(\d+)\s+(\d+)\s+(-?\d+\.\d)$", re.M)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("readability")
    content = scratch / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / "hard-article.md").write_text(HARD, encoding="utf-8")
    result = build(scratch / "output", content=content)
    assert result.returncode == 0, result.stderr
    return result, scratch / "output"


def rows(text):
    return {path: (int(w), int(m), float(g)) for path, w, m, g in ROW.findall(text)}


def test_every_build_prints_words_minutes_and_grade_for_each_article(built):
    result, _ = built
    printed = rows(result.stdout)
    expected = {f"content/articles/{slug}.md" for slug in GUIDE_SLUGS}
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
    assert "1 warning(s)" in result.stderr  # the real articles get none


def test_sources_and_screen_reader_labels_are_not_counted(built):
    result, _ = built
    words = rows(result.stdout)["content/articles/hard-article.md"][0]
    # 2 heading words + 5 sentences of 23 words; not "A source." nor "Source 1"
    assert words == 2 + 5 * 23


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_every_article_reads_at_grade_8_or_below(site, slug):
    report = rows((site / "readability.txt").read_text(encoding="utf-8"))
    assert report[f"content/articles/{slug}.md"][2] <= 8


def test_the_grade_follows_the_flesch_kincaid_formula_offline():
    # 12 one-syllable words in 2 sentences: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = socket.create_connection = refuse\n"
        "sys.path.insert(0, 'plugins')\n"
        "from content_checks.readability import measure\n"
        "words, minutes, grade = measure('<p>The cat sat on the mat.</p>"
        "<p>The dog ran to the log.</p>', 200)\n"
        "print(words, minutes, round(grade, 2))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["12", "1", "-1.45"]


def test_long_words_raise_the_grade():
    short = "<p>Wear the sock. Walk each day. Do not run.</p>"
    long = "<p>Compression stockings. Continuously afterwards. Discoloration happens.</p>"
    assert measure(long, 200)[2] > measure(short, 200)[2] + 5
