"""Page components written in plain Markdown.

Guarantees: authors never need raw HTML for the site's components. Python-
Markdown admonitions (``!!! emergency``, ``!!! urgent``, ``!!! non-urgent``,
``!!! warning``, ``!!! info``, ``!!! do``, ``!!! dont``, ``!!! timeline``) come
out as the theme's components (a timeline's list also drawn as a picture), with the urgency named for screen readers and
headings one level below the heading they follow; footnotes come out as the
page's "Sources" list; ``{emergency_number}`` becomes the EMERGENCY_NUMBER
setting everywhere in the text.
"""

from pelican import signals

from .extension import ComponentsExtension


def add_extension(pelican):
    markdown = pelican.settings["MARKDOWN"]
    extensions = [
        ext
        for ext in markdown.get("extensions", [])
        if not isinstance(ext, ComponentsExtension)
    ]
    extensions.append(
        ComponentsExtension(emergency_number=pelican.settings["EMERGENCY_NUMBER"])
    )
    markdown["extensions"] = extensions


def register():
    signals.initialized.connect(add_extension)
