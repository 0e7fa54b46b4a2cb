"""Content checks: every mistake in content/ is found in one strict pass and
reported together; a build with a mistake writes nothing.

Guarantees: Markdown is the only kind of content (Pelican's reST and HTML readers
are turned off) and each file is read once, by the strict reader (``reader``),
which records each problem with the file, the line where it is known, and a
plain-words message saying what is wrong and what to do. The rules that need
only one file run on its parsed result as it is read (``metadata``, ``markup``,
``links``, ``readability``, ``plain_language``); every file under content/ is accounted for
(``files``); the site's settings are validated (``settings``); the rules across
the site run once everything is read (``metadata``, ``translations``, ``links``).
Then, before anything is written, the
report is printed: the readability table and the shared parts with the pages
that show them (stdout), every error and warning (stderr). With an error the
build stops there (exit status 1), so a broken page never reaches output/.
Warnings and errors that Pelican itself logs are problems too. All state belongs
to one build (one Run, kept in the build's context), so each rebuild of a
preview starts afresh. A page read without any problem is kept for the next
build (``kept``): an unchanged page is not parsed again, and a page with a
problem is read, and its problems reported, at every build.
"""

import logging
import sys

from pelican import signals

from kept_results import of_build

from . import files, links, metadata, plain_language, readability, settings, translations
from .kept import KeptPages
from .library import Library
from .problems import ERROR, ContentProblems, HideOwnStop, PelicanLog, Problems
from .reader import StrictMarkdownReader

CONTEXT_KEY = "content_checks"


class Run:
    """Everything one build of the site finds; made afresh at each build."""

    def __init__(self, settings, reader):
        self.settings = settings
        self.problems = Problems()
        self.documents = {}  # relative path -> Document, every file read
        self.library = Library(reader)
        self.readability = ""  # the table, saved with the site once it is written
        self.log = None  # what Pelican logs during the build (PelicanLog)
        self.pages = None  # the pages kept from earlier builds (KeptPages)


def use_strict_reader(readers):
    """Markdown through the strict reader; no other reader (reST could include any
    file of the build machine, and neither would pass the content rules)."""
    for extension in list(readers.reader_classes):
        if extension != "static":
            readers.reader_classes[extension] = None
    for extension in StrictMarkdownReader.file_extensions:
        readers.reader_classes[extension] = StrictMarkdownReader


def start(generator):
    """At the start of each build: a new Run, the files and settings checked."""
    logger = logging.getLogger("pelican")
    for handler in [h for h in logger.handlers if isinstance(h, PelicanLog)]:
        logger.removeHandler(handler)  # the previous build's
    if not any(isinstance(f, HideOwnStop) for f in logger.filters):
        logger.addFilter(HideOwnStop())
    reader = generator.readers.readers["md"]
    run = reader.run = Run(generator.settings, reader)
    generator.context[CONTEXT_KEY] = run
    run.log = PelicanLog(run)
    logger.addHandler(run.log)
    files.check(run)
    settings.check(run)
    run.pages = KeptPages(run, of_build(generator))
    run.library.load()


def finish(generators):
    """Once everything is read and before anything is written: the rules across
    the site, then the report; stop on errors."""
    run = generators[0].context[CONTEXT_KEY]
    run.library.check_unshown()
    for rule in (metadata.check_site, translations.check, links.check):
        try:
            rule(run, generators)
        except Exception as error:
            run.problems.add(
                "",
                0,
                f"the check {rule.__module__}.{rule.__name__} failed "
                f"({error!r}); the other checks still ran. Ask the web team.",
            )
    run.readability = readability.report(run) + plain_language.report(run)
    print("\n" + run.readability + shared_parts(run))
    stop_if_wrong(run.problems)


def shared_parts(run):
    shown = run.library.shown_on
    if not shown:
        return ""
    lines = [
        "Shared parts (content/shared/, content/<language>/shared/) and the pages that show them"
    ]
    for relative in sorted(shown):
        pages = sorted(shown[relative])
        name = relative.removesuffix(".md").replace("shared/", "")  # "emergency", "es/emergency"
        lines.append(
            f"  {name}: {len(pages)} page(s): {', '.join(p.rsplit('/', 1)[-1] for p in pages)}"
        )
    return "\n".join(lines) + "\n"


def this_builds_log():
    return next(
        (h for h in logging.getLogger("pelican").handlers if isinstance(h, PelicanLog)), None
    )


def stop_if_wrong(problems):
    """Print the problems found; raise ContentProblems if any is an error. What Pelican
    logged counts only when the rules found no error (it is then the only clue)."""
    log = this_builds_log()
    logged = log.take() if log else []
    if not problems.of_level(ERROR):
        problems.add_all(logged)
    errors, report = problems.of_level(ERROR), problems.report()
    problems.clear()
    if report:
        print("\n" + report + "\n", file=sys.stderr, flush=True)
    if errors:
        raise ContentProblems(f"{len(errors)} problem(s) in the content must be fixed")


def after_writing(pelican):
    """Anything Pelican logged while writing (a rule missed it) fails the build too;
    otherwise the readability table is saved with the site."""
    stop_if_wrong(Problems())
    log = this_builds_log()
    if log:
        readability.write(log.run.settings, log.run.readability)


def register():
    signals.readers_init.connect(use_strict_reader)
    signals.page_generator_init.connect(start)
    signals.all_generators_finalized.connect(finish)
    signals.finalized.connect(after_writing)
