"""The list of files a build wrote, so build.py can tell a whole build from a broken one.

Guarantees: at the end of every build, ``.site-build`` in the output folder lists, one
per line and relative to that folder, every file Pelican wrote from a template (pages,
template pages such as robots.txt), every static file of the content, and every file of
the theme's static folders. build.py puts a new site in place only when each listed
file is there, and replaces or removes only a folder that holds this list (a build of
this site). The list names only files that are published anyway.
"""

import os

from pelican import signals

MARKER = ".site-build"  # build.py reads the same name

_written = set()  # the build running: emptied as each build starts (also after a failed one)


def forget(pelican):
    _written.clear()


def page_written(path, context):
    _written.add(os.path.abspath(path))


def static_files(generator):
    output = generator.output_path
    _written.update(os.path.join(output, static.save_as) for static in generator.staticfiles)
    theme = generator.settings["THEME"]
    for folder in generator.settings["THEME_STATIC_PATHS"]:
        source = os.path.join(theme, folder)
        for directory, _, names in os.walk(source):
            relative = os.path.relpath(directory, source)
            target = os.path.join(output, generator.settings["THEME_STATIC_DIR"], relative)
            _written.update(os.path.normpath(os.path.join(target, name)) for name in names)


def write_list(pelican):
    output = os.path.abspath(pelican.output_path)
    names = sorted(os.path.relpath(path, output) for path in _written)
    with open(os.path.join(output, MARKER), "w", encoding="utf-8") as listing:
        listing.write("".join(f"{name}\n" for name in names))


def register():
    signals.initialized.connect(forget)
    signals.content_written.connect(page_written)
    signals.static_generator_finalized.connect(static_files)
    signals.finalized.connect(write_list)
