"""Sources cited together read as separate numbers ("2,3"), never as one ("23")."""

from conftest import GUIDE_SLUGS


def test_adjacent_citations_are_separated_by_a_comma(page):
    pairs = 0
    for slug in GUIDE_SLUGS:
        for sup in page(slug).select("sup:has(> a.citation__link)"):
            following = sup.next_sibling
            if following is not None and getattr(following, "name", None) == "sup":
                pairs += 1
                assert sup.get_text().endswith(","), f"{slug}: {sup}"
            else:
                assert not sup.get_text().endswith(","), f"{slug}: {sup}"
    assert pairs > 0, "no page cites two sources together: the test proves nothing"


def test_sources_are_numbered_in_reading_order_and_listed_in_that_order(page):
    for slug in GUIDE_SLUGS:
        soup = page(slug)
        first_seen = []
        for link in soup.select("a.citation__link"):
            tag = link["href"]
            if tag not in first_seen:
                first_seen.append(tag)
            assert link.get_text().rstrip(",").endswith(str(first_seen.index(tag) + 1)), (
                f"{slug}: {link}"
            )
        listed = [f"#{item['id']}" for item in soup.select(".sources__item")]
        assert listed == first_seen, slug
        assert len(listed) > 1, f"{slug} cites one source: the test proves little"
