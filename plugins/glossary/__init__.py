"""Medical words explained where they are used: one glossary, linked at first use.

Guarantees: content/shared/glossary.md is the one list of the site's medical words,
each a ``##`` heading (other words for the same thing in brackets, separated by
commas) followed by its meaning. The page GLOSSARY_PAGE shows it with
``!!! shared glossary``, each heading with an anchor made from its word
(``## Deep vein thrombosis (DVT)`` is ``#deep-vein-thrombosis``). On every other
page the first use of each word, in any of its forms, singular or plural, links to
its entry (WCAG 3.1.3, technique G62); never inside a heading, a link, a citation, a
picture or a help card, and never on the glossary page itself. A word of the JARGON
setting that the glossary does not explain and that a page uses without explaining
it where it is first used (in brackets, or as "X is …", "X means …", "called X") is
a warning naming the file and line. Mistakes in the glossary itself (a word without
a meaning, a word written for two entries) are errors naming its line.

Each language has its glossary: a translated page (content/es/…) links to
content/es/shared/glossary.md as shown on GLOSSARY_PAGE in its language
(content/es/pages/glossary.md), and its jargon is JARGON_BY_LANGUAGE[language].
"""

from pelican import signals

from .extension import GlossaryExtension


def add_extension(pelican):
    settings = pelican.settings
    markdown = settings["MARKDOWN"]
    extensions = [e for e in markdown.get("extensions", []) if not isinstance(e, GlossaryExtension)]
    jargon = {
        settings["DEFAULT_LANG"]: list(settings.get("JARGON", [])),
        **{lang: list(words) for lang, words in settings.get("JARGON_BY_LANGUAGE", {}).items()},
    }
    extensions.append(GlossaryExtension(page=settings.get("GLOSSARY_PAGE", ""), jargon=jargon))
    markdown["extensions"] = extensions


def register():
    signals.initialized.connect(add_extension)
