"""The site in English and in each translation, with Pelican's own translations.

Guarantees:

- Layout: each language of the setting LANGUAGES other than DEFAULT_LANG has its
  content in content/<code>/ (articles/, pages/, shared/), laid out as the English is in
  content/; ``split_language`` tells a file's language and its place from its path,
  ``in_language`` where a folder is for a language. A
  page there has ``Lang: <code>`` and the Slug of the English page it translates, so
  Pelican links the two (``page.translations``), and it is written as
  ``<code>/<slug>.html`` (PAGE_LANG_SAVE_AS). The content checks hold staff to this.
- ``page.translator`` and ``page.translation_reviewer`` are a page's ``Translator``
  and ``Translation-reviewer`` ('' when it has none).
- Words: the theme's own words are written in English and translated by the table
  theme/strings.toml, in the language of the page being drawn: ``_("Contents")`` in
  templates (Jinja's i18n extension), ``text(lang, "Contents")`` in plugins and
  ``text_in(code, "…")`` in templates for a line in a given language. A word the
  table lacks stays English (a test keeps the table complete).
- Each page is drawn in its language: while it is written, templates see SITENAME and
  the guide plugin's ``guide_pages``, ``menu_pages``, ``footer_pages`` and
  ``home_page`` of its language (``by_language`` in the context), and the clinic's
  settings that LANGUAGES gives in that language (e.g. ``"CLINIC_HOURS": "…"``);
  afterwards those of DEFAULT_LANG again.
- ``page|versions`` is the page in every language it exists in, in the order of
  LANGUAGES (for hreflang alternates and the sitemap); ``page|language_links`` is,
  for each other language, the page's translation or else that language's home page,
  as (code, name, address), for the language switch; ``entry.page|lang_attribute``
  is `` lang="en"`` for a link to a page in another language than the page it is on
  (an English part in a guide not yet wholly translated), so it is read in its
  language.
"""

import functools
import pathlib
import tomllib

import jinja2
import markupsafe
from pelican import signals

STRINGS = "strings.toml"  # in the theme folder


def split_language(relative, settings):
    """("es", "articles/risks.md") for es/articles/risks.md; (DEFAULT_LANG, the path)
    for a file outside a language's folder."""
    relative = str(relative).replace("\\", "/")
    top, _, rest = relative.partition("/")
    if rest and top != settings["DEFAULT_LANG"] and top in settings.get("LANGUAGES", {}):
        return top, rest
    return settings["DEFAULT_LANG"], relative


def in_language(folder, lang, settings):
    """A folder of the content as it is in a language: shared, es/shared."""
    return folder if lang == settings["DEFAULT_LANG"] else f"{lang}/{folder}"


@functools.cache
def strings(theme):
    """{language: {English text: translation}} of the theme's table."""
    path = pathlib.Path(theme) / STRINGS
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def text(settings, lang, english):
    """The theme's words ``english`` in language ``lang`` (English when untranslated)."""
    return strings(settings["THEME"]).get(lang, {}).get(english, english)


def sitename(settings, lang):
    return settings.get("LANGUAGES", {}).get(lang, {}).get("sitename") or settings["SITENAME"]


def version_in(page, lang):
    """The page in language ``lang``: itself, one of its translations, or None."""
    if page.lang == lang:
        return page
    return next((t for t in getattr(page, "translations", ()) if t.lang == lang), None)


def versions(page, languages):
    found = [version_in(page, lang) for lang in languages]
    return [version for version in found if version is not None]


def page_language(context):
    page = context.get("page")
    return getattr(page, "lang", None) or context["DEFAULT_LANG"]


def add_template_functions(generator):
    settings, env = generator.settings, generator.env

    @jinja2.pass_context
    def gettext(context, english):
        return text(settings, page_language(context), english)

    @jinja2.pass_context
    def ngettext(context, singular, plural, number):
        return gettext(context, singular if number == 1 else plural)

    @jinja2.pass_context
    def language_links(context, page):
        languages, by_language = settings.get("LANGUAGES", {}), context.get("by_language", {})
        links = []
        for lang, language in languages.items():
            if lang == page.lang:
                continue
            target = version_in(page, lang) or by_language.get(lang, {}).get("home_page")
            if target is not None and target.lang == lang:
                links.append((lang, language["name"], target.save_as))
        return links

    @jinja2.pass_context
    def lang_attribute(context, target):
        lang = getattr(target, "lang", None)
        return (
            markupsafe.Markup(' lang="%s"') % lang
            if lang and lang != page_language(context)
            else ""
        )

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals["text_in"] = lambda lang, english: text(settings, lang, english)
    env.filters["versions"] = lambda page: versions(page, settings.get("LANGUAGES", {}))
    env.filters["language_links"] = language_links
    env.filters["lang_attribute"] = lang_attribute


def language_context(settings, context, lang):
    """What templates see of the site in language ``lang``: its name, menus and guide,
    and the clinic's own words in that language where LANGUAGES gives them (a setting
    in capitals, such as CLINIC_HOURS), else as the settings give them."""
    languages = settings.get("LANGUAGES", {})
    overridden = {key for language in languages.values() for key in language if key.isupper()}
    own = languages.get(lang, {})
    return {
        "SITENAME": sitename(settings, lang),
        **context.get("by_language", {}).get(lang, {}),
        **{key: own.get(key, settings.get(key)) for key in overridden},
    }


def draw_in_its_language(generator, content):
    generator.context.update(language_context(generator.settings, generator.context, content.lang))


def back_to_default(generator, writer):
    settings = generator.settings
    generator.context.update(
        language_context(settings, generator.context, settings["DEFAULT_LANG"])
    )


def translation_fields(content):
    content.translator = content.metadata.get("translator", "")
    content.translation_reviewer = content.metadata.get("translation-reviewer", "")


def register():
    signals.content_object_init.connect(translation_fields)
    signals.generator_init.connect(add_template_functions)
    signals.page_generator_write_page.connect(draw_in_its_language)
    signals.page_writer_finalized.connect(back_to_default)
