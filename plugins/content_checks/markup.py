"""Rules for what a page's parsed Markdown may contain: an allow-list.

Guarantees, for every file: the tree holds only the elements and attributes that
Markdown and the site's components make (raw HTML is refused where it is written,
by the reader); the page title is the only main heading and headings go down one
level at a time; every picture has a text alternative (an image its description,
a drawing its name) and every figure a caption; no text is shown as code by an
accidental indent, and no table is shown as text for a missing header line.
Each is an error with the line it was written on.
"""

GLOBAL = {"class", "id"}
ALLOWED = {
    **{
        tag: set()
        for tag in (
            "p",
            "ul",
            "li",
            "strong",
            "em",
            "code",
            "pre",
            "blockquote",
            "hr",
            "br",
            "table",
            "thead",
            "tbody",
            "tr",
            "span",
            "sup",
            "div",
        )
    },
    **{f"h{level}": set() for level in range(1, 7)},
    "ol": {"start"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    # the aftercare timeline's picture (components/timeline.py) and the pictures plugin's
    "figure": set(),
    "figcaption": set(),
    "svg": {"role", "aria-label", "width", "viewBox"},
    "path": {"d"},
    "circle": {"cx", "cy", "r"},
    "text": {"x", "y"},
    "tspan": {"x", "dy"},
}


def check(document, root):
    if document.role == "article" and not document.sources:
        document.report(
            0,
            "this guide article cites no sources. Add a citation such as [^L14] after each "
            "medical statement (the sources are listed in content/shared/sources.md).",
        )
    level = 1  # the page title, from the template
    for element in root.iter():
        tag = element.tag
        if tag not in ALLOWED and tag != root.tag:
            document.report(element, f"<{tag}> is not allowed on a page. Ask the web team.")
            continue
        for name in element.keys():  # noqa: SIM118 (an ElementTree element iterates its children)
            if name not in ALLOWED.get(tag, set()) | GLOBAL:
                document.report(
                    element,
                    f'the attribute "{name}" is not allowed on <{tag}>: pages are written '
                    "in Markdown only. Remove it.",
                    needle=name,
                )
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = heading(document, element, int(tag[1]), level)
        elif tag == "img" and not (element.get("alt") or "").strip():
            document.report(
                element,
                f'the picture "{element.get("src", "")}" has no text alternative for people '
                "who cannot see it. Describe it in the brackets: ![What the picture shows](…).",
                needle=element.get("src") or "![",
            )
        elif tag == "svg" and not (
            element.get("role") == "img" and (element.get("aria-label") or "").strip()
        ):
            document.report(
                element,
                "a drawing on this page has no text alternative for people who "
                "cannot see it. Ask the web team.",
            )
        elif tag == "figure" and element.find("figcaption") is None:
            name = (element.get("class") or "").rpartition("picture--")[2] or "name"
            document.report(
                element,
                "this picture has no caption. Write in quotes, after its name, what the reader "
                f'should take from it: !!! picture {name} "…".',
                needle="!!! picture",
            )
        elif tag == "pre":
            document.report(
                element,
                "this text is indented by 4 spaces, so it would show as computer code. "
                "Remove the spaces at the start of its lines (indent only lines that "
                'belong to a "!!!" box or a list item).',
                needle=("".join(element.itertext()).strip().splitlines() or [""])[0][:40],
            )
        elif (
            tag == "p"
            and (element.text or "").lstrip().startswith("|")
            and "|" in (element.text or "")[2:]
        ):
            document.report(
                element,
                "this looks like a table, but the line under its header is missing, so "
                'it would show as text full of "|". Write a line like "| --- | --- |" '
                "(one --- per column) right under the header.",
            )


def heading(document, element, new, level):
    text = " ".join("".join(element.itertext()).split())
    if new == 1:
        document.report(
            element,
            f'"{text}" is a main heading (#), but the page title is the only one. '
            "Start sections with ## and sub-sections with ###.",
            needle=text[:40],
        )
    elif new > level + 1:
        document.report(
            element,
            f'the heading "{text}" ({"#" * new}) skips a level: it follows a '
            f"{'#' * level} heading{' (the page title)' if level == 1 else ''}. "
            f"Write it as {'#' * (level + 1)}.",
            needle=text[:40],
        )
    return new
