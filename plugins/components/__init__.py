"""Page components written in plain Markdown, each written once.

Guarantees: authors never need raw HTML for the site's components.
``!!! warning``, ``!!! info``, ``!!! do``, ``!!! dont`` and ``!!! timeline``
boxes come out as the theme's components (a timeline's list also drawn as a
picture), with headings one level below the heading they follow. The help cards
(``!!! emergency``, ``!!! urgent``, ``!!! non-urgent``) and any other shared part
(``!!! shared <name>``) are written once, in content/shared/<name>.md, and shown
word for word wherever a page names them, with the urgency named for screen
readers; a page that writes its own card text is an error. A citation ``[^L14]``
becomes a numbered link, and the page's ``sources`` (for the theme's Sources
list) are the sources of content/shared/sources.md it cites, in the order it
first cites them. ``{emergency_number}`` becomes the EMERGENCY_NUMBER setting, ``{guide_parts}``
the number of parts of the guide, and ``{name}`` a number of the table in content/shared/numbers.md (``2-3`` read "2 to
3", "2 a 3" on a Spanish page), so each number is written once; any other ``{…}`` is
an error. On a translated page the words the components add (the cards' headings,
"Important", the labels for screen readers) are in its language (the theme's table of
words, plugin translations), and the cards and shared parts are those of its
language's folder (content/es/shared/ for a Spanish page).
"""

from pelican import signals

from .extension import ComponentsExtension


def add_extension(pelican):
    markdown = pelican.settings["MARKDOWN"]
    extensions = [
        ext for ext in markdown.get("extensions", []) if not isinstance(ext, ComponentsExtension)
    ]
    extensions.append(
        ComponentsExtension(emergency_number=str(pelican.settings["EMERGENCY_NUMBER"]))
    )
    markdown["extensions"] = extensions


def register():
    signals.initialized.connect(add_extension)
