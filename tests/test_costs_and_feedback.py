"""The clinic's prices and its feedback address come from the settings: nothing is made up
when they are empty, and feedback goes by e-mail only, with no form, script or third party."""

import urllib.parse

import pytest

from conftest import GUIDE_SLUGS, OTHER_SLUGS, ROOT, SETTINGS, build, read_page, visible_text
from support import content_file, tiny_site

PRICES = [("A visit no clinic offers", "$1.23"), ("<b>Tag</b> & co", "$4")]


def costs_site(tmp_path, **settings):
    build_ = tiny_site(tmp_path, base=ROOT / "content", **settings)  # the real costs page
    assert build_.ok, build_.stderr
    return build_.read("costs.html")


def test_the_costs_page_shows_no_prices_while_the_clinic_has_set_none(tmp_path):
    soup = costs_site(tmp_path, CLINIC_PRICES=[], CLINIC_PAYMENT="")
    assert soup.select(".clinic-prices") == []
    assert "$" not in visible_text(soup.select_one(".article__body")).replace("$400", "")


def test_the_costs_page_shows_the_clinic_s_prices_and_payment_when_set(tmp_path):
    soup = costs_site(
        tmp_path, CLINIC_PRICES=PRICES, CLINIC_PAYMENT="Cards only, never on Sundays."
    )
    rows = [
        [td.get_text() for td in tr.find_all("td")] for tr in soup.select(".clinic-prices tbody tr")
    ]
    assert rows == [list(pair) for pair in PRICES]  # escaped, never read as HTML
    assert soup.select_one(".clinic-prices__payment").get_text() == "Cards only, never on Sundays."
    assert soup.select(".clinic-prices b") == []


def test_the_general_facts_on_costs_are_shown_whatever_the_settings(tmp_path):
    soup = costs_site(tmp_path)
    text = visible_text(soup.select_one(".article__body"))
    assert "good faith estimate" in text and "cosmetic" in text
    assert soup.select(".article__body a.citation__link")


@pytest.mark.parametrize("prices", ["$400", [("One session",)], [("One session", 400)]])
def test_prices_in_the_wrong_form_are_an_error_naming_the_setting(tmp_path, prices):
    result = tiny_site(tmp_path, CLINIC_PRICES=prices)
    assert not result.ok
    assert any(
        m.startswith("pelicanconf.py, line ") and "CLINIC_PRICES is" in m for m in result.problems()
    )


def test_the_costs_page_is_in_the_menu_and_linked_from_the_guide(page):
    assert "costs" in SETTINGS["MENU_PAGES"]
    hrefs = [a["href"].split("/")[-1] for slug in GUIDE_SLUGS for a in page(slug).select("main a")]
    assert "costs.html" in hrefs


def test_the_consent_part_of_the_guide_is_linked_from_the_procedure_article(page):
    assert "consent" in GUIDE_SLUGS
    assert page("procedure").select_one("main a[href$='consent.html']") is not None


def site_with_email(tmp_path_factory, address):
    """The real site, built with CLINIC_EMAIL set to `address` (whatever the clinic set)."""
    output = tmp_path_factory.mktemp("feedback")
    result = build(output, extra=[("CLINIC_EMAIL", f'"{address}"')])
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def without_email(tmp_path_factory):
    return site_with_email(tmp_path_factory, "")


@pytest.fixture(scope="module")
def with_email(tmp_path_factory):
    return site_with_email(tmp_path_factory, "feedback-test@example.org")


@pytest.mark.parametrize("slug", GUIDE_SLUGS + OTHER_SLUGS)
def test_no_feedback_link_while_the_clinic_has_no_email(without_email, slug):
    soup = read_page(without_email, slug)
    assert soup.select(".feedback") == [] and "mailto:" not in str(soup.select_one("main"))


@pytest.mark.parametrize("slug", GUIDE_SLUGS + OTHER_SLUGS)
def test_every_page_ends_with_a_feedback_email_naming_the_page(with_email, slug):
    soup = read_page(with_email, slug)
    feedback = soup.select_one("main article > :last-child")
    assert "feedback" in feedback["class"]
    link = feedback.select_one("a[href^='mailto:']")
    assert link.get_text() == "Tell us"
    address, _, query = link["href"].removeprefix("mailto:").partition("?")
    assert address == "feedback-test@example.org"
    subject = urllib.parse.parse_qs(query)["subject"][0]
    assert soup.h1.get_text() in subject
    text = visible_text(feedback)
    assert "is this page useful?" in text and "do not send medical details" in text
    assert not soup.select("form, script:not([type='application/ld+json']), iframe")


def test_the_feedback_subject_is_encoded_so_any_title_works(tmp_path):
    page = content_file("Text.", Title="Costs & fees? 100% = ok", Slug="odd")
    result = tiny_site(tmp_path, {"pages/odd.md": page}, CLINIC_EMAIL="x@example.org")
    assert result.ok, result.stderr
    href = result.read("odd.html").select_one(".feedback a")["href"]
    assert urllib.parse.parse_qs(href.partition("?")[2])["subject"] == [
        "Feedback on the page: Costs & fees? 100% = ok"
    ]
