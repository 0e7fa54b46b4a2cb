"""The guide's pages rewritten as parts of one HTML document.

Each page's rendered Markdown is read with the standard library's HTML parser
and written out again unchanged (byte for byte), except that:

- every id gets the part's slug in front (``risks--when-to-get-help``,
  ``risks--fn:K1``), and so does every reference to an id (``#…`` links,
  ``aria-labelledby``, ``for``), so ids stay unique on the combined page;
- a link to a page of the guide (``./risks.html#when-to-get-help``, or the same
  under SITEURL) becomes a link within the page (``#risks--when-to-get-help``;
  a part as a whole is ``#risks``, the id of its heading);
- headings go one level down, under the part's own heading;
- each kind of help card (``care-card--emergency``, ``--urgent``,
  ``--non-urgent``) is kept where it first appears, with the id
  ``care-card-<kind>``; a later card of the same kind becomes one line linking
  to it, and the Sources' links back to citations inside the dropped card go too.
"""

import html
import html.parser
from dataclasses import dataclass

# Elements without an end tag in HTML; everything else the Markdown writes is closed.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
ID_LISTS = frozenset(
    ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "for", "headers")
)
HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
CARD = "care-card"
HIDDEN = "visually-hidden"
BACK_LINK = "sources__back"  # from a source in the Sources list to where it is cited


@dataclass
class Card:
    """A help card kept on the combined page: where it is, its visible heading, its HTML."""

    anchor: str
    part: int
    label: str = ""
    html: str = ""


def start_tag(tag, attrs, closing=""):
    written = "".join(
        f" {name}" if value is None else f' {name}="{html.escape(value)}"' for name, value in attrs
    )
    return f"<{tag}{written}{closing}>"


def classes_of(attrs):
    return (dict(attrs).get("class") or "").split()


class Rewriter(html.parser.HTMLParser):
    """Writes out the HTML it reads, changed only where the hooks say so.

    ``start(tag, attrs)`` returns the attributes to write (the same list keeps
    the tag exactly as written) or None to leave the element out with all it
    contains; ``rename(tag)`` gives the tag name to write.
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)  # entities pass through as written
        self.out = []
        self.open = []  # tags of the open elements written out
        self.dropping = 0  # depth inside an element being left out

    def rewrite(self, text):
        self.feed(text)
        self.close()
        return "".join(self.out)

    def start(self, tag, attrs):
        return attrs

    def rename(self, tag):
        return tag

    def dropped(self, tag, attrs):
        """Called for every element left out."""

    def opened(self, tag, attrs):
        """Called after an element's start tag is written."""

    def ended(self, tag):
        """Called after an element's end tag is written."""

    def text(self, data):
        """Called with the text (entities decoded) of what is written."""

    def _start(self, tag, attrs, closing):
        void = closing or tag in VOID
        if self.dropping:
            self.dropped(tag, attrs)
            self.dropping += not void
            return
        written = self.start(tag, attrs)
        if written is None:
            self.dropped(tag, attrs)
            self.dropping = 0 if void else 1
            return
        name = self.rename(tag)
        if written is attrs and name == tag:
            self.out.append(self.get_starttag_text())
        else:
            self.out.append(start_tag(name, written, closing))
        if not void:
            self.open.append(tag)
            self.opened(tag, written)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, "")

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, "/")

    def handle_endtag(self, tag):
        if self.dropping:
            self.dropping -= 1
        elif tag not in VOID:
            self.out.append(f"</{self.rename(tag)}>")
            if self.open and self.open[-1] == tag:  # a stray end tag closes nothing
                self.open.pop()
                self.ended(tag)

    def _pass(self, raw, text):
        if not self.dropping:
            self.out.append(raw)
            self.text(text)

    def handle_data(self, data):
        self._pass(data, data)

    def handle_entityref(self, name):
        self._pass(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._pass(f"&#{name};", html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        self._pass(f"<!--{data}-->", "")

    def handle_decl(self, decl):
        self._pass(f"<!{decl}>", "")

    def unknown_decl(self, data):
        self._pass(f"<![{data}]>", "")

    def handle_pi(self, data):
        self._pass(f"<?{data}>", "")


class Part(Rewriter):
    """One page of the guide as part `number` of the combined page."""

    def __init__(self, number, slug, guide_links, cards, svg_style, say=str):
        super().__init__()
        self.number, self.slug, self.svg_style, self.say = number, slug, svg_style, say
        self.guide_links = guide_links  # every way a page of the guide is linked -> its slug
        self.cards = cards  # kind -> Card, shared by the parts in order
        self.removed = set()  # ids (prefixed) of what was left out
        self.card = None  # the card being kept: (Card, depth, index in out)
        self.label = None  # depth of the kept card's heading while it is read
        self.hidden = None  # depth of the text for screen readers only being read

    def prefix(self, identifier):
        return f"{self.slug}--{identifier}"

    def link(self, href):
        if href.startswith("#"):
            return f"#{self.prefix(href[1:])}" if len(href) > 1 else href
        address, _, fragment = href.partition("#")
        slug = self.guide_links.get(address)
        if slug is None:
            return href
        return f"#{slug}--{fragment}" if fragment else f"#{slug}"

    def value(self, name, value):
        if value is None:
            return value
        if name == "id":
            return self.prefix(value)
        if name in ID_LISTS:
            return " ".join(self.prefix(part) for part in value.split())
        if name == "href":
            return self.link(value)
        return value

    def rename(self, tag):
        return f"h{min(int(tag[1]) + 1, 6)}" if tag in HEADINGS else tag

    def start(self, tag, attrs):
        classes = classes_of(attrs)
        href = dict(attrs).get("href") or ""
        if BACK_LINK in classes and self.prefix(href[1:]) in self.removed:
            return None  # it leads back to a citation in a card left out
        depth = len(self.open)  # of this element, once it is open
        written = [(name, self.value(name, value)) for name, value in attrs]
        if tag == "div" and CARD in classes:
            kind = next((c[len(CARD) + 2 :] for c in classes if c.startswith(CARD + "--")), "")
            if kind in self.cards:
                self.out.append(self.pointer(self.cards[kind]))
                return None
            identifier = dict(written).get("id")
            if identifier is None:
                identifier = f"{CARD}-{kind}"
                written.append(("id", identifier))
            self.cards[kind] = Card(identifier, self.number)
            self.card = (self.cards[kind], depth, len(self.out))
        if self.card and tag in HEADINGS and not self.card[0].label and self.label is None:
            self.label = depth
        if HIDDEN in classes and self.hidden is None and tag not in VOID:
            self.hidden = depth
        return attrs if written == attrs else written

    def opened(self, tag, attrs):
        if tag == "svg" and self.svg_style:
            self.out.append(f"<style>{self.svg_style(classes_of(attrs))}</style>")

    def ended(self, tag):
        depth = len(self.open)
        if self.hidden == depth:
            self.hidden = None
        if self.label == depth:
            self.label = None
            self.card[0].label = " ".join(self.card[0].label.split()).rstrip(":")
        if self.card and self.card[1] == depth:
            card, _, index = self.card
            card.html = "".join(self.out[index:])
            self.card = None

    def text(self, data):
        if self.label is not None and self.hidden is None:
            self.card[0].label += data

    def dropped(self, tag, attrs):
        identifier = dict(attrs).get("id")
        if identifier:
            self.removed.add(self.prefix(identifier))

    def pointer(self, card):
        where = (
            self.say("above")
            if card.part == self.number
            else self.say("in part {number}").format(number=card.part)
        )
        box = self.say("the box “{label}” {where}").format(
            label=html.escape(card.label), where=where
        )
        return f'<p class="whole-guide__see-card">{self.say("See")} <a href="#{card.anchor}">{box}</a>.</p>'


class CoverCard(Rewriter):
    """A kept card again, for the leaflet's cover: no ids, no source numbers, an h2."""

    def start(self, tag, attrs):
        if tag == "sup":
            return None
        return [(name, value) for name, value in attrs if name != "id"]

    def rename(self, tag):
        return "h2" if tag in HEADINGS else tag


def combine(pages, siteurl, svg_style=None, say=str):
    """The guide's pages, in order, as parts of one page: ([HTML of each part], {kind: Card}).

    `pages` are (page, its HTML) pairs; `siteurl` is the one the pages' links are written
    with on the combined page; `svg_style`, if given, says from an inline SVG's classes
    what to put in a <style> inside it (for WeasyPrint, which draws an inline SVG with its
    own styles only, not the page's); `say` gives the words the rewriting adds (a pointer
    to a card shown once) in the guide's language."""
    guide_links = {}
    for page, _ in pages:
        for address in (page.url, f"./{page.url}", f"{siteurl}/{page.url}"):
            guide_links[address] = page.slug
    cards = {}
    parts = [
        Part(number, page.slug, guide_links, cards, svg_style, say).rewrite(text)
        for number, (page, text) in enumerate(pages, start=1)
    ]
    return parts, cards


def cover_card(card):
    return CoverCard().rewrite(card.html)
