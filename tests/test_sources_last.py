"""Sources close the text: a page's own parts (the home page's guide) come before them."""

import pytest

from conftest import GUIDE_SLUGS


def test_home_page_shows_the_guide_before_its_sources(page):
    main = page("index").select_one("main")
    order = [element.get("class")[0] for element in main.select(".guide-overview, section.sources")]
    assert order == ["guide-overview", "sources"]


FURNITURE = [{"class_": "sources"}, {"class_": "feedback"}, {"name": "footer"}]


@pytest.mark.parametrize("slug", GUIDE_SLUGS + ["index"])
def test_sources_are_the_last_part_of_the_text(page, slug):
    sources = page(slug).select_one("section.sources")
    later = [
        tag.get_text()
        for tag in sources.find_all_next(["h2", "h3"])
        # not the list's own headings, nor the page's furniture: the feedback box (when
        # the clinic has an e-mail address) and the footer
        if not any(tag.find_parent(**where) for where in FURNITURE)
    ]
    assert later == [], f"headings after the sources: {later}"
