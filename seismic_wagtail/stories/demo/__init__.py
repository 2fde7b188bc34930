"""Demo content of the stories app: a "Stories" index in every locale and 21 good-practice stories.

The data is in this folder: ``content.json`` (countries, years, publication dates, themes, organisations,
transfer links), ``en.json`` (the English text) and one file per other language (a story is translated into
the languages whose file has it: its title, summary, city and image description). Runs after ``core``
(themes, organisations) and ``networks`` (when installed: ``context.registry["networks"]`` by country code).
Stories cover the ten network countries and the five themes; ten are translated into their national language,
four have transfer links. Hero and gallery images are generated with Pillow. Running it again creates nothing
new.

:func:`finish_demo` (after the roles have moved the stories into their networks' sections) shows story
syndication: a "Partner stories" index and a partner, "SEiSMiC demo (this site)", that syndicates the demo's
own Swedish and Norwegian stories into it through the site's read API. No server runs while the demo is
built, so this first run reads the API through the loopback transport (``syndication.loopback``); later runs
(``manage.py seismic_syndicate``, "Sync now" in the admin) read ``http://127.0.0.1:8000/api/seismic/v2/`` over
HTTP while ``make demo`` serves the site.
"""

import datetime
import io
import json
import random
import uuid

from django.core.files.images import ImageFile
from django.urls import NoReverseMatch, reverse
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from seismic_wagtail.core.demo_context import load, strings
from seismic_wagtail.core.slugs import slugify

from ..models import StoryIndexPage, StoryPage, StoryPageOrganisation, StoryPageTheme, StoryTransfer
from ..syndication.client import PartnerClient
from ..syndication.loopback import loopback_session
from ..syndication.models import SyndicationPartner
from ..syndication.sync import syndicate

#: The demo's partner: the demo site itself, as ``make demo`` serves it.
DEMO_PARTNER = {"name": "SEiSMiC demo (this site)", "host": "http://127.0.0.1:8000", "countries": ["SE", "NO"]}

#: Colours of the generated hero images, by first theme.
THEME_COLOURS = {
    "governance": ((40, 70, 140), (120, 160, 220)),
    "vibrancy": ((170, 60, 90), (245, 170, 120)),
    "welfare": ((110, 60, 140), (200, 160, 220)),
    "environment": ((30, 110, 60), (160, 210, 120)),
    "connectivity": ((20, 110, 130), (130, 210, 220)),
}


def create_demo(context):
    content, english = load(__name__, "content"), load(__name__, "en")
    translations = context.translations(__name__)
    index_text = english["index"]
    index = context.child_page(
        context.parent, StoryIndexPage, "stories", title=index_text["title"], intro=index_text["intro"]
    )
    for locale, translation in translations:
        local = translation.get("index", {})
        slug = {"stories": slugify(local["title"], allow_unicode=False)} if "title" in local else {}
        context.ensure_translated(index, locale, {**strings(index_text, local), **slug})

    stories = {}
    for data in content["stories"]:
        text = english["stories"][data["slug"]]
        story = StoryPage.objects.descendant_of(index).filter(slug=data["slug"]).first()  # moved into a section
        if story is None:
            story = create_story(context, index, data, text, english, stories)
        else:
            story = story.specific
        stories[data["slug"]] = story
        for locale, translation in translations:
            local = translation.get("stories", {}).get(data["slug"])
            if local:
                slug = {data["slug"]: slugify(local["title"], allow_unicode=False)} if "title" in local else {}
                context.ensure_translated(story, locale, {**strings(text, local), **slug})
        set_publication_date(story, data["published"])
    context.registry["stories"] = stories


def create_story(context, index, data, text, english, stories):
    themes = context.registry.get("themes", {})
    organisations = context.registry.get("organisations", {})
    network = (context.registry.get("networks", {}) or {}).get(data["country"])
    hero = demo_image(context, text["title"], data["themes"][0], alt=text["alt"])
    roles, notes = text.get("roles", {}), text.get("transfer_notes", {})
    return context.child_page(
        index,
        StoryPage,
        data["slug"],
        title=text["title"],
        summary=text["summary"],
        city=text["city"],
        country=data["country"],
        start_year=data["start_year"],
        end_year=data["end_year"],
        hero_image=hero,
        hero_image_alt=text["alt"],
        network_id=getattr(network, "pk", None),
        body=json.dumps(story_body(context, data, text, english)),
        first_published_at=publication_date(data["published"]),
        story_themes=[StoryPageTheme(theme=themes[slug]) for slug in data["themes"] if slug in themes],
        story_organisations=[
            StoryPageOrganisation(organisation=organisations[acronym], role=roles.get(acronym, ""))
            for acronym in data["organisations"]
            if acronym in organisations
        ],
        transfers=[
            StoryTransfer(source_story=stories[link["source"]], status=link["status"], note=notes[link["source"]])
            for link in data.get("transfers", [])
            if link["source"] in stories
        ],
    )


def story_body(context, data, text, english):
    body = [
        {"type": section, "value": {"heading": "", "text": f"<p>{text[section]}</p>"}}
        for section in ("challenge", "approach", "results", "lessons")
    ]
    figures = list_items(data["slug"], "figures", text["figures"])
    body.insert(3, {"type": "key_figures", "value": {"heading": "", "figures": figures}})
    if data.get("gallery"):
        images = [
            {
                "image": demo_image(
                    context, f"{text['title']}: {image['caption']}", data["themes"][-1], alt=image["alt"], seed=n
                ).pk,
                "alt_text": image["alt"],
                "caption": image["caption"],
            }
            for n, image in enumerate(english["gallery"], start=1)
        ]
        body.append({"type": "gallery", "value": {"heading": "", "images": list_items(data["slug"], "images", images)}})
    organisation = data["organisations"][0] if data["organisations"] else ""
    body.append(
        {
            "type": "contact",
            "value": {
                **english["contact"],  # name, role
                "organisation": organisation,
                "email": f"{data['slug'][:40]}@example.org",
                "phone": "",
                "website": "",
            },
        }
    )
    return body


def list_items(slug, name, values):
    """A ``ListBlock``'s items in Wagtail's block format (an id per item), as the editor saves them:
    wagtail-localize extracts no strings from the old plain-list format, so its items could never be
    translated (nor marked as untranslated). The ids are stable across runs of the demo."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"seismic-demo:{slug}:{name}:{n}"))}
        for n, value in enumerate(values)
    ]


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
    filename = f"seismic-story-{slugify(title, allow_unicode=False)[:60] or 'image'}.png"
    image = image_model(title=title, description=alt)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    context.created(image)
    return image


def finish_demo(context):
    """The "Partner stories" index (in every locale) and the demo partner's first run (see the module's doc)."""
    try:
        api_path = reverse("seismic_api:stories:listing")
    except NoReverseMatch:
        context.stdout.write("  Story syndication: left out (the site does not mount the read API).")
        return
    english = load(__name__, "en")["partner_index"]
    index = context.child_page(
        context.parent, StoryIndexPage, "partner-stories", title=english["title"], intro=english.get("intro", "")
    )
    for locale, translation in context.translations(__name__):
        local = translation.get("partner_index", {})
        context.ensure_translated(index, locale, strings(english, local))
    api_url = DEMO_PARTNER["host"] + api_path.removesuffix("stories/")
    partner, created = SyndicationPartner.objects.get_or_create(
        name=DEMO_PARTNER["name"],
        defaults={"api_url": api_url, "story_index": index, "countries": DEMO_PARTNER["countries"]},
    )
    context.created(partner, created)
    client = PartnerClient(partner, session=loopback_session(DEMO_PARTNER["host"] + "/"))
    report = syndicate(partner, client=client)
    context.stdout.write(f"  Story syndication: {report.summary()}")
