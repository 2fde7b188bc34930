"""Demo content of the stories app: a "Stories" index in every locale and 21 good-practice stories.

Runs after ``core`` (themes, organisations) and ``networks`` (when installed: ``context.registry["networks"]``
by country code). Stories cover the ten network countries and the five themes; ten are translated into their
national language, four have transfer links. Hero and gallery images are generated with Pillow. Running it
again creates nothing new.
"""

import datetime
import io
import json
import random

from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model

from .demo_data import GALLERY, INDEX_INTRO, INDEX_TITLES, STORIES, THEME_COLOURS
from .models import StoryIndexPage, StoryPage, StoryPageOrganisation, StoryPageTheme, StoryTransfer


def create_demo(context):
    index = context.child_page(context.parent, StoryIndexPage, "stories", title=INDEX_TITLES["en"], intro=INDEX_INTRO)
    for locale in context.other_locales:
        title = INDEX_TITLES.get(locale.language_code)
        strings = {INDEX_TITLES["en"]: title, "stories": slugify(title)} if title else None
        context.ensure_translated(index, locale, strings)

    themes = context.registry.get("themes", {})
    organisations = context.registry.get("organisations", {})
    networks = context.registry.get("networks", {}) or {}
    stories = {}
    for data in STORIES:
        story = index.get_children().filter(slug=data["slug"]).first()
        if story is None:
            story = create_story(context, index, data, themes, organisations, networks, stories)
        else:
            story = story.specific
        stories[data["slug"]] = story
        for language_code, text in data.get("translations", {}).items():
            locale = context.locale(language_code)
            if locale is not None:
                context.ensure_translated(story, locale, translation_strings(data, text))
        set_publication_date(story, data["published"])
    context.registry["stories"] = stories


def create_story(context, index, data, themes, organisations, networks, stories):
    hero = demo_image(context, data["title"], data["themes"][0], alt=hero_alt(data))
    network = networks.get(data["country"])
    story = context.child_page(
        index,
        StoryPage,
        data["slug"],
        title=data["title"],
        summary=data["summary"],
        city=data["city"],
        country=data["country"],
        start_year=data["start_year"],
        end_year=data["end_year"],
        hero_image=hero,
        hero_image_alt=hero_alt(data),
        network_id=getattr(network, "pk", None),
        body=json.dumps(story_body(context, data)),
        first_published_at=publication_date(data["published"]),
        story_themes=[StoryPageTheme(theme=themes[slug]) for slug in data["themes"] if slug in themes],
        story_organisations=[
            StoryPageOrganisation(organisation=organisations[acronym], role=role)
            for acronym, role in data["organisations"]
            if acronym in organisations
        ],
        transfers=[
            StoryTransfer(source_story=stories[source], status=status, note=note)
            for source, status, note in data.get("transfers", [])
            if source in stories
        ],
    )
    return story


def hero_alt(data):
    colour = {
        "governance": "blue",
        "vibrancy": "pink and orange",
        "welfare": "purple",
        "environment": "green",
        "connectivity": "blue-green",
    }[data["themes"][0]]
    return f"Abstract illustration in {colour} tones for the story “{data['title']}”"


def story_body(context, data):
    body = [
        {"type": section, "value": {"heading": "", "text": f"<p>{data[section]}</p>"}}
        for section in ("challenge", "approach", "results", "lessons")
    ]
    body.insert(
        3,
        {
            "type": "key_figures",
            "value": {"heading": "", "figures": [{"value": value, "label": label} for value, label in data["figures"]]},
        },
    )
    if data.get("gallery"):
        images = [
            {
                "image": demo_image(context, f"{data['title']}: {caption}", data["themes"][-1], alt=alt, seed=n).pk,
                "alt_text": alt,
                "caption": caption,
            }
            for n, (alt, caption) in enumerate(GALLERY, start=1)
        ]
        body.append({"type": "gallery", "value": {"heading": "", "images": images}})
    organisation = data["organisations"][0][0] if data["organisations"] else ""
    body.append(
        {
            "type": "contact",
            "value": {
                "name": "Project team",
                "role": "Good-practice contact",
                "organisation": organisation,
                "email": f"{data['slug'][:40]}@example.org",
                "phone": "",
                "website": "",
            },
        }
    )
    return body


def translation_strings(data, text):
    """Source string -> translation for a story (title, slug, summary, city, hero alt text)."""
    strings = {
        data["title"]: text["title"],
        data["slug"]: slugify(text["title"], allow_unicode=True),
        data["summary"]: text["summary"],
        data["city"]: text["city"],
    }
    if text.get("alt"):
        strings[hero_alt(data)] = text["alt"]
    return strings


def publication_date(value):
    return datetime.datetime.fromisoformat(value).replace(hour=9, tzinfo=datetime.UTC)


def set_publication_date(story, value):
    """Give the story and its translations the date it was published during the project (2014-2016)."""
    StoryPage.objects.filter(translation_key=story.translation_key).update(first_published_at=publication_date(value))


def demo_image(context, title, theme_slug, alt="", seed=0):
    """A small generated PNG (gradient and shapes in the theme's colours), reused when it exists."""
    image_model = get_image_model()
    title = title[:255]
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from PIL import Image, ImageDraw

    start, end = THEME_COLOURS.get(theme_slug, ((80, 80, 80), (200, 200, 200)))
    width, height = 640, 360
    picture = Image.new("RGB", (width, height), start)
    draw = ImageDraw.Draw(picture)
    for x in range(width):
        ratio = x / width
        colour = tuple(int(a + (b - a) * ratio) for a, b in zip(start, end, strict=True))
        draw.line([(x, 0), (x, height)], fill=colour)
    rng = random.Random(f"{title}-{seed}")  # noqa: S311 (decoration, not security)
    for _ in range(7):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(20, 90)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=4)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    filename = f"seismic-story-{slugify(title)[:60] or 'image'}.png"
    image = image_model(title=title, description=alt)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    context.created(image)
    return image
