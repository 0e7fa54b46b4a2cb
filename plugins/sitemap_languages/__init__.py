"""Each page's language versions in sitemap.xml, as search engines read them.

Guarantees: in the sitemap that pelican-sitemap writes, the entry of every page written
(the whole guide too) that exists in more than one language lists the page in each
language, itself included,
and ``x-default`` (the version in DEFAULT_LANG), each as ``<xhtml:link
rel="alternate" hreflang="…" href="…"/>`` with the page's canonical address (plugin
structured_data): the same addresses as the ``<loc>`` entries and as the hreflang
links in each page's head. pelican-sitemap 1.2.2 writes those links with ``ref=``
instead of ``href=`` (so search engines ignore them), without the page itself and
without x-default; they are replaced here, in the written file parsed as XML, after
pelican-sitemap has written it (on ``finalized``) and before pelican-precompress
compresses it: pelican-granular-signals' ``sitemap`` signal comes between the two.
"""

import os
import xml.etree.ElementTree as etree

import blinker
import pelican.plugins.granular_signals
from pelican import signals

from structured_data import canonical_url
from translations import versions

NAMESPACES = {
    "": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
LOC, URL = (f"{{{NAMESPACES['']}}}{name}" for name in ("loc", "url"))
LINK = f"{{{NAMESPACES['xhtml']}}}link"

_written = []  # every page the build running has written (also the whole guides)


def forget(pelican_object):
    _written.clear()


def remember(path, context):
    if context.get("page") is not None:
        _written.append(context["page"])


def alternates(settings):
    """canonical address -> [(hreflang, address)] of every written page with translations."""
    siteurl, default = settings["SITEURL"], settings["DEFAULT_LANG"]
    found = {}
    for page in _written:
        each = versions(page, settings.get("LANGUAGES", {}))
        english = next((version for version in each if version.lang == default), None)
        if len(each) > 1 and english is not None:
            found[canonical_url(page, siteurl)] = [
                *((version.lang, canonical_url(version, siteurl)) for version in each),
                ("x-default", canonical_url(english, siteurl)),
            ]
    return found


def rewrite(pelican_object):
    path = os.path.join(pelican_object.output_path, "sitemap.xml")
    if not os.path.isfile(path):
        return
    for prefix, uri in NAMESPACES.items():
        etree.register_namespace(prefix, uri)
    tree, found = etree.parse(path), alternates(pelican_object.settings)
    for url in tree.getroot().iter(URL):
        for link in url.findall(LINK):
            url.remove(link)
        for hreflang, address in found.get(url.findtext(LOC), ()):
            etree.SubElement(url, LINK, {"rel": "alternate", "hreflang": hreflang, "href": address})
    etree.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def register():
    pelican.plugins.granular_signals.register()
    signals.initialized.connect(forget)
    signals.content_written.connect(remember)
    blinker.signal("sitemap").connect(rewrite)
