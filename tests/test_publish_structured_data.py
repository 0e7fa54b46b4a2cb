"""Each page describes itself to search engines as schema.org data that matches what it shows."""

import json
import re
import shutil

import pytest

from conftest import SETTINGS, visible_text
from publishing import (
    EXAMPLE_SITEURL,
    make,
    pages_in_every_language,
    signed_content,
    soup_of,
    structured_data,
    with_not_found_page,
)
from translations import text

TITLE_THAT_TRIES_TO_ESCAPE = 'What happens </script><script>alert("x")</script> & next'
REVIEWER = "Dr A. Example, vascular surgeon"


def types(data):
    return data["@type"] if isinstance(data["@type"], list) else [data["@type"]]


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    """The procedure article with a hostile title and a named reviewer."""
    content = tmp_path_factory.mktemp("variant") / "content"
    shutil.copytree(signed_content(), content)
    article = content / "articles" / "procedure.md"
    text = article.read_text(encoding="utf-8")
    text = re.sub(r"^Title: .*$", f"Title: {TITLE_THAT_TRIES_TO_ESCAPE}", text, count=1, flags=re.M)
    text = re.sub(r"^Reviewer: .*\n", "", text, flags=re.M)
    article.write_text(text.replace("\n\n", f"\nReviewer: {REVIEWER}\n\n", 1), encoding="utf-8")
    output = content.parent / "output"
    result = make("publish", EXAMPLE_SITEURL, content=content, output=output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_every_page_is_a_medical_web_page_for_patients_matching_what_it_shows(published):
    for path in pages_in_every_language(published):
        if path.name == "404.html":
            continue
        soup = soup_of(path)
        data = structured_data(soup)
        assert data["@context"] == "https://schema.org"
        assert "MedicalWebPage" in types(data), path.name
        assert data["name"] == soup.h1.get_text(strip=True)
        assert data["description"] == soup.find("meta", attrs={"name": "description"})["content"]
        assert data["url"] == soup.find("link", rel="canonical")["href"]
        assert data["inLanguage"] == soup.html["lang"]
        assert data["lastReviewed"] == soup.select_one(".review-dates time")["datetime"]
        assert data["audience"] == "https://schema.org/Patient"
        assert data["about"]["@type"] == "MedicalProcedure"
        lang = soup.html["lang"]  # the treatment and the site named in the page's language
        assert data["about"]["name"] == text(SETTINGS, lang, SETTINGS["SCHEMA_PROCEDURE"])
        assert data["isPartOf"]["name"] == soup.select_one(".site-header__name").get_text(
            strip=True
        )
        # No reviewer is named until a clinician signs the page off.
        reviewed_by = text(SETTINGS, lang, "Reviewed by %(name)s").split("%(name)s")[0].lower()
        named = [
            p for p in soup.select(".review-dates__text") if visible_text(p).startswith(reviewed_by)
        ]
        assert ("reviewedBy" in data) == bool(named)


def test_the_not_found_page_is_kept_out_of_search_results(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(signed_content(), content)
    result = make(
        "publish", EXAMPLE_SITEURL, content=with_not_found_page(content), output=tmp_path / "out"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    soup = soup_of(tmp_path / "out" / "404.html")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find("link", rel="canonical") is None
    assert soup.find("script", type="application/ld+json") is None


def test_the_procedure_article_describes_the_medical_procedure(published):
    soup = soup_of(published / "procedure.html")
    procedure = structured_data(soup)["about"]
    assert procedure["@type"] == "MedicalProcedure"
    assert procedure["url"] == f"{EXAMPLE_SITEURL}/procedure.html"
    assert procedure["description"] == soup.find("meta", attrs={"name": "description"})["content"]
    assert procedure["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert "url" not in structured_data(soup_of(published / "risks.html"))["about"]


def normalise(text):
    """Text as a reader sees it: get_text(" ") spaces out inline elements (a glossary
    link in "(DVT)"), which a reader does not see."""
    return re.sub(r"\(\s+|\s+(?=[.,;:!?)®])", lambda m: m[0].strip(), " ".join(text.split()))


def test_the_faq_lists_its_questions_and_answers_as_the_page_shows_them(published):
    soup = soup_of(published / "faq.html")
    data = structured_data(soup)
    assert "FAQPage" in types(data)
    headings = [
        h2
        for h2 in soup.select(".article__body > h2")
        if "sources__heading" not in h2.get("class", [])
    ]
    questions = data["mainEntity"]
    assert [q["name"] for q in questions] == [h2.get_text(" ", strip=True) for h2 in headings]
    assert len(questions) >= 5
    for question, heading in zip(questions, headings, strict=True):
        assert question["@type"] == "Question"
        answer = question["acceptedAnswer"]["text"]
        shown = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2" or "sources" in sibling.get("class", []):
                break
            for marker in sibling.find_all("sup"):
                marker.decompose()
            shown.append(sibling.get_text(" "))
        assert answer and normalise(answer) == normalise(" ".join(shown)), question["name"]


def test_a_title_cannot_break_out_of_the_data_block(variant):
    soup = soup_of(variant / "procedure.html")
    assert soup.find_all("script", type=lambda kind: kind != "application/ld+json") == []
    data = structured_data(soup)
    assert data["name"] == TITLE_THAT_TRIES_TO_ESCAPE == soup.h1.get_text()
    raw = (variant / "procedure.html").read_text(encoding="utf-8")
    # What a browser reads as the block: everything up to the first </script>.
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(block)["name"] == TITLE_THAT_TRIES_TO_ESCAPE


def test_a_named_reviewer_is_the_page_s_reviewed_by(variant):
    soup = soup_of(variant / "procedure.html")
    assert f"reviewed by {REVIEWER.lower()}" in visible_text(soup.select_one(".review-dates"))
    assert structured_data(soup)["reviewedBy"] == {"@type": "Person", "name": REVIEWER}
