"""Text from metadata is shown as text: it can never run as code on a patient's phone."""

from conftest import build, read_page
from support import dated

EVIL = "<script>alert(1)</script>"


def test_script_in_title_and_summary_is_shown_as_text(content_copy, tmp_path):
    (content_copy / "pages" / "evil.md").write_text(
        dated(
            f"Title: Evil {EVIL}\nSlug: evil\nSummary: Summary {EVIL}\n"
            "Reviewed: {today}\nNext-review: {next_year}\n\nBody text.\n"
        ),
        encoding="utf-8",
    )
    output = tmp_path / "output"
    result = build(output, content=content_copy)
    assert result.returncode == 0, result.stderr
    soup = read_page(output, "evil")
    assert soup.find("script") is None
    assert soup.h1.get_text() == f"Evil {EVIL}"
    assert soup.title.get_text().startswith(f"Evil {EVIL}")
    assert soup.find("meta", attrs={"name": "description"})["content"] == f"Summary {EVIL}"
    assert "<script>" not in (output / "evil.html").read_text(encoding="utf-8")


ATTRIBUTE_BREAK = '"\' onmouseover="alert(2)'


def test_every_metadata_field_shown_on_any_page_is_shown_as_text(content_copy, tmp_path):
    """Title, Summary and Reviewer of a guide article appear on many pages (navigation,
    contents list, pagination, home page), in every language (a part not yet translated is
    listed in English), and a translation's Translator and Translation-reviewer on it:
    nowhere do they become markup. (Lang, the other field shown, must be a language code:
    the content checks refuse anything else.)"""
    fields = {
        "Title": f"Evil {EVIL}{ATTRIBUTE_BREAK}",
        "Summary": f"Summary {EVIL}{ATTRIBUTE_BREAK}",
        "Reviewer": f"Dr {EVIL}{ATTRIBUTE_BREAK}",
    }
    translated = {
        "Translator": f"Ana {EVIL}{ATTRIBUTE_BREAK}",
        "Translation-reviewer": f"Luis {EVIL}{ATTRIBUTE_BREAK}",
    }
    (content_copy / "articles" / "evil.md").write_text(
        dated(
            "".join(f"{key}: {value}\n" for key, value in fields.items())
            + "Slug: evil\nReviewed: {today}\nNext-review: {next_year}\nOrder: 99\n\n"
            "## A section\n\nBody text.[^K1]\n"
        ),
        encoding="utf-8",
    )
    (content_copy / "es" / "pages" / "evil.md").write_text(
        dated(
            "".join(f"{key}: {value}\n" for key, value in translated.items())
            + "Title: Malvado\nSlug: privacy\nLang: es\nSummary: Una prueba.\nReviewed: {today}\n"
            "Next-review: {next_year}\n\nTexto.\n"
        ),
        encoding="utf-8",
    )
    (content_copy / "es" / "pages" / "privacy.md").unlink()  # the evil page is its translation
    output = tmp_path / "output"
    result = build(output, content=content_copy)
    assert result.returncode == 0, result.stderr
    pages = sorted(output.rglob("*.html"))
    assert {path.parent for path in pages} == {output, output / "es"}
    for path in pages:
        soup = read_page(output, path.relative_to(output).as_posix()[:-5])
        assert soup.find("script") is None, path.name
        for tag in soup.find_all(True):
            assert not [name for name in tag.attrs if name.startswith("on")], path.name
    dates = read_page(output, "es/privacy").select_one(".review-dates").get_text()
    assert all(value in dates for value in translated.values())
    evil = read_page(output, "evil")
    assert evil.h1.get_text() == fields["Title"]
    assert evil.find("meta", attrs={"name": "description"})["content"] == fields["Summary"]
    assert f"Reviewed by {fields['Reviewer']}" in evil.select_one(".review-dates").get_text()
    shown_elsewhere = [
        p.name
        for p in pages
        if fields["Title"] in read_page(output, p.relative_to(output).as_posix()[:-5]).get_text()
    ]
    assert len(shown_elsewhere) > 5  # navigation, contents lists, pagination, home page
    assert fields["Summary"] in read_page(output, "index").get_text()
