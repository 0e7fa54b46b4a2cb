"""The Markdown half of the components plugin: rewrites the element tree."""

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .timeline import pictures

PLACEHOLDER = "{emergency_number}"
HEADINGS = {f"h{level}": level for level in range(1, 7)}

# admonition type -> (block class, hidden prefix for screen readers, default heading)
CARDS = {
    "emergency": ("Emergency advice: ", "Call {emergency_number} if:"),
    "urgent": ("Urgent advice: ", "Get medical help today if:"),
    "non-urgent": ("Non-urgent advice: ", "Contact your clinic if:"),
}
# Every admonition type component() gives its own look ("info" is inset text).
KINDS = [*CARDS, "warning", "info", "do", "dont", "timeline"]


def _hidden(text):
    span = etree.Element("span", {"class": "visually-hidden"})
    span.text = text
    return span


def _title_of(div, kind):
    """Remove the admonition's title paragraph; return the author's title, or None.

    With no title given, admonition makes one from the type ("Emergency"):
    that counts as none, so the component's own heading is used.
    """
    first = div[0] if len(div) else None
    if first is not None and first.get("class") == "admonition-title":
        div.remove(first)
        title = "".join(first.itertext()).strip()
        return None if title == kind.capitalize() else title
    return None


def _heading(level, text, css_class, prefix=""):
    heading = etree.Element(f"h{level}", {"class": css_class})
    if prefix:
        heading.append(_hidden(prefix))
        heading[-1].tail = text
    else:
        heading.text = text
    return heading


def _wrap_body(div, css_class):
    """Move the admonition's children into a new body element."""
    body = etree.Element("div", {"class": css_class})
    for child in list(div):
        div.remove(child)
        body.append(child)
    div.text = None
    return body


class ComponentsTreeprocessor(Treeprocessor):
    def __init__(self, md, emergency_number):
        super().__init__(md)
        self.emergency_number = emergency_number

    def run(self, root):
        level = 1  # the page title is the h1
        for element in list(root.iter()):
            if element.tag in HEADINGS:
                level = HEADINGS[element.tag]
            classes = (element.get("class") or "").split()
            if element.tag == "div" and "admonition" in classes:
                self.component(element, classes[1:], min(level + 1, 6))
            elif element.tag == "div" and "footnote" in classes:
                self.sources(element)
            elif element.tag == "a" and "footnote-ref" in classes:
                label = element.text
                element.text = None
                element.append(_hidden("Source "))
                element[-1].tail = label
            self.separate_citations(element)
        for element in root.iter():
            for attr in ("text", "tail"):
                value = getattr(element, attr)
                if value and PLACEHOLDER in value:
                    setattr(element, attr, value.replace(PLACEHOLDER, self.emergency_number))

    def component(self, div, kinds, level):
        kind = kinds[0] if kinds else "note"
        title = _title_of(div, kind)
        if kind in CARDS:
            prefix, default = CARDS[kind]
            div.set("class", f"care-card care-card--{kind}")
            body = _wrap_body(div, "care-card__content")
            div.append(_heading(level, title or default, "care-card__heading", prefix))
            div.append(body)
        elif kind == "warning":
            title = title or "Important"
            prefix = "" if title.lower().startswith("important") else "Important: "
            div.set("class", "warning-callout")
            body = _wrap_body(div, "warning-callout__content")
            div.append(_heading(level, title, "warning-callout__label", prefix))
            div.append(body)
        elif kind in ("do", "dont"):
            div.set("class", f"do-dont-list do-dont-list--{kind}")
            body = _wrap_body(div, "do-dont-list__content")
            default = "Do" if kind == "do" else "Don't"
            div.append(_heading(level, title or default, "do-dont-list__label"))
            div.append(body)
            for ul in body.iter("ul"):
                ul.set("class", f"do-dont-list__list do-dont-list__list--{kind}")
        elif kind == "timeline":
            title = title or "Timeline"
            div.set("class", "timeline")
            body = _wrap_body(div, "timeline__content")
            div.append(_heading(level, title, "timeline__heading"))
            steps = body.find("ul")
            if steps is not None:  # the picture comes first; the list is its text equivalent
                div.extend(pictures(steps, f"Picture: {title}. The same steps are listed below."))
            div.append(body)
        else:  # "info" and anything else: inset text, "good to know"
            div.set("class", "inset-text")
            body = _wrap_body(div, "inset-text__content")
            if title:
                body.insert(0, _heading(level, title, "inset-text__heading"))
            div.append(_hidden("Information: "))
            div.append(body)

    @staticmethod
    def separate_citations(parent):
        """Sources cited together read "2,3", not "23": a comma inside the first <sup>."""
        for first, second in zip(parent, parent[1:]):
            if (first.tag == second.tag == "sup" and len(first) and not (first.tail or "").strip()
                    and "footnote-ref" in (first[-1].get("class") or "")):
                first[-1].tail = ","

    @staticmethod
    def sources(div):
        div.set("class", "sources")
        div.tag = "section"
        div.set("aria-labelledby", "sources-heading")
        for rule in div.findall("hr"):
            div.remove(rule)
        heading = etree.Element("h2", {"id": "sources-heading", "class": "sources__heading"})
        heading.text = "Sources"
        div.insert(0, heading)


class ComponentsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"emergency_number": ["911", "Number to call in an emergency"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After footnotes (50) and inline patterns (20); before toc (5) gives ids.
        md.treeprocessors.register(
            ComponentsTreeprocessor(md, self.getConfig("emergency_number")),
            "components",
            15,
        )
