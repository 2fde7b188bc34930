"""Slugs keep every letter of the ten languages (``seismic_wagtail.core.slugs``): the function, a package page saved
without a slug, and a page translated with wagtail-localize whose translated slug has letters Django's
``slugify`` would drop ("depreme-hazır-mahalleler" became ``depreme-hazr-mahalleler``)."""

import pytest
from django.utils.text import slugify as django_slugify

from seismic_wagtail.core.models import SectionPage
from seismic_wagtail.core.slugs import slugify, transliterate
from seismic_wagtail.core.translation import translate

LETTERS = [
    # Turkish
    ("ı", "i"),
    ("İ", "i"),
    ("ş", "s"),
    ("ğ", "g"),
    ("ç", "c"),
    ("ö", "o"),
    ("ü", "u"),
    # Czech
    ("ř", "r"),
    ("č", "c"),
    ("ě", "e"),
    ("ů", "u"),
    ("ž", "z"),
    ("š", "s"),
    ("ď", "d"),
    ("ť", "t"),
    ("ň", "n"),
    ("ý", "y"),
    # Hungarian
    ("ő", "o"),
    ("ű", "u"),
    ("á", "a"),
    # Norwegian, Swedish
    ("ø", "o"),
    ("å", "a"),
    ("æ", "ae"),
    ("ä", "a"),
    # German
    ("ß", "ss"),
    # French, Italian, Dutch
    ("é", "e"),
    ("è", "e"),
    ("ê", "e"),
    ("à", "a"),
    ("ì", "i"),
    ("ò", "o"),
    ("ù", "u"),
    ("ë", "e"),
    ("ï", "i"),
    ("œ", "oe"),
]


@pytest.mark.parametrize(("letter", "ascii"), LETTERS)
def test_every_letter_is_transliterated(letter, ascii):
    assert slugify(f"a{letter}b", allow_unicode=False) == f"a{ascii}b"


@pytest.mark.parametrize(("letter", "_ascii"), [pair for pair in LETTERS if pair[0] != "İ"])  # lower(): i + a dot
def test_unicode_slugs_keep_the_letter(letter, _ascii):
    assert slugify(f"a{letter}b", allow_unicode=True) == f"a{letter.lower()}b"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Depreme hazır mahalleler", "depreme-hazir-mahalleler"),
        ("Kadıköy'de güneş enerjisi", "kadikoyde-gunes-enerjisi"),
        ("Participativní rozpočet v Praze 7", "participativni-rozpocet-v-praze-7"),
        ("Příběh z Ostravy", "pribeh-z-ostravy"),
        ("Közösségi kertek Győrben", "kozossegi-kertek-gyorben"),
        ("Grønne tak i Tromsø", "gronne-tak-i-tromso"),
        ("Gemensamma trädgårdar i Malmö", "gemensamma-tradgardar-i-malmo"),
        ("Straßenfest für Nachbarn", "strassenfest-fur-nachbarn"),
        ("Cœur de quartier à Liège", "coeur-de-quartier-a-liege"),
    ],
)
def test_titles(title, slug):
    assert slugify(title, allow_unicode=False) == slug
    assert transliterate(title).isascii()


def test_djangos_slugify_drops_letters_ours_does_not():
    # The bug: what wagtail-localize and Wagtail's server side do with an ASCII-only setting.
    assert django_slugify("Depreme hazır mahalleler") == "depreme-hazr-mahalleler"
    assert slugify("Depreme hazır mahalleler", allow_unicode=False) == "depreme-hazir-mahalleler"


def test_the_default_follows_wagtails_setting(settings):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    assert slugify("Tromsø") == "tromso"
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True
    assert slugify("Tromsø") == "tromsø"


def test_a_package_page_saved_without_a_slug(root_page, settings):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    first = root_page.add_child(instance=SectionPage(title="Depreme hazır mahalleler"))
    second = root_page.add_child(instance=SectionPage(title="Depreme hazır mahalleler"))
    assert (first.slug, second.slug) == ("depreme-hazir-mahalleler", "depreme-hazir-mahalleler-2")


def test_a_package_page_keeps_unicode_when_the_site_allows_it(root_page, settings):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True
    page = root_page.add_child(instance=SectionPage(title="Grønne tak i Tromsø"))
    assert page.slug == "grønne-tak-i-tromsø"


def test_a_slug_given_by_the_editor_is_kept(root_page, settings):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    page = root_page.add_child(instance=SectionPage(title="Depreme hazır mahalleler", slug="hazir"))
    assert page.slug == "hazir"


@pytest.mark.parametrize("allow_unicode", [False, True])
@pytest.mark.parametrize(
    ("language", "title", "translated_slug", "expected"),
    [
        ("tr", "Depreme hazır mahalleler", "depreme-hazır-mahalleler", "depreme-hazir-mahalleler"),
        ("cs", "Příběh z Ostravy", "příběh-z-ostravy", "pribeh-z-ostravy"),
        ("hu", "Győri kertek", "győri-kertek", "gyori-kertek"),
        ("nb", "Grønne tak", "grønne-tak", "gronne-tak"),
        ("sv", "Trädgårdar", "trädgårdar", "tradgardar"),
        ("de", "Straßenfest", "straßenfest", "strassenfest"),
    ],
)
def test_a_translated_slug_keeps_every_letter(
    root_page, locales, settings, allow_unicode, language, title, translated_slug, expected
):
    # wagtail-localize passes a translated slug through Django's slugify, whatever the setting: without the
    # package's transliteration, "ı", "ø", "ß"... would be dropped.
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = allow_unicode
    source = root_page.add_child(instance=SectionPage(title="Source", slug="source"))
    translated = translate(source, language, {"Source": title, "source": translated_slug})
    assert (translated.title, translated.slug) == (title, expected)


def test_other_translated_strings_are_left_alone(root_page, locales):
    source = root_page.add_child(instance=SectionPage(title="Source", slug="source", seo_title="Source"))
    translated = translate(source, "tr", {"Source": "Depreme hazır"})
    assert translated.title == "Depreme hazır"
    assert translated.slug == "source"
