"""Demo content of the networks app: the ten SEiSMiC national networks with members and events.

How the languages are handled: national content is written in the national language, and English is the
source language of shared content. So each network page and its events are created in the site's default
language (English) and translated with wagtail-localize, with real national text, into the network's
national language(s) where the site has them (German for Austria and Germany, Dutch and French for
Belgium, Czech, Hungarian, Italian, Norwegian, Swedish, Turkish; the United Kingdom's is English). That is
the state an editor's own work produces, so the translation report and "update translations" see it. The
network index exists in every locale; in a language without a network of its own it lists the networks of
the default language under "More networks (not yet in this language)". Translating every network into
every locale would only add untranslated copies (and time: each translation is a page copy and a publish).

Runs after ``core`` (which made the partner organisations and themes) and puts
``registry["networks"]`` (country code -> English ``NetworkPage``) and ``registry["network_index"]`` for
the apps that come after it.
"""

import datetime
import zoneinfo

from django.utils import timezone
from wagtail.rich_text import RichText

from .demo_data import BODY_HEADING, INDEX, NETWORKS
from .models import EventPage, NetworkCoordinator, NetworkIndexPage, NetworkMember, NetworkPage, NetworkTheme

#: Two themes of the agenda per network (theme slugs of ``seismic_wagtail.core.demo_data.THEMES``).
THEMES_BY_COUNTRY = {
    "AT": ["vibrancy", "connectivity"],
    "BE": ["environment", "vibrancy"],
    "CZ": ["governance", "connectivity"],
    "DE": ["welfare", "vibrancy"],
    "HU": ["environment", "governance"],
    "IT": ["governance", "welfare"],
    "NO": ["welfare", "connectivity"],
    "SE": ["welfare", "environment"],
    "TR": ["environment", "governance"],
    "GB": ["welfare", "governance"],
}


def _strings(texts, language_code):
    """Source text -> translation for each ``{"en": ..., "<code>": ...}`` dict that has ``language_code``."""
    return {text["en"]: text[language_code] for text in texts if text and language_code in text}


def _network_texts(data):
    texts = [data["title"], data["intro"], data["body"], BODY_HEADING]
    for member in data["members"]:
        texts += [member["role"], member["project_title"], member["project_description"], member["city"]]
    return texts


def _event_texts(event):
    return [event["title"], event["venue"], event["description"]]


def _event_times(event, time_zone):
    hour, minute = (int(part) for part in event["start"].split(":"))
    day = timezone.localdate() + datetime.timedelta(days=event["days"])
    start = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(time_zone))
    return start, start + datetime.timedelta(hours=event["hours"])


def create_index(context):
    index = context.child_page(
        context.parent,
        NetworkIndexPage,
        "networks",
        title=INDEX["title"]["en"],
        intro=f"<p>{INDEX['intro']['en']}</p>",
    )
    for locale in context.other_locales:
        context.ensure_translated(index, locale, _strings([INDEX["title"], INDEX["intro"]], locale.language_code))
    return index


def create_network(context, index, data):
    organisations = context.registry.get("organisations", {})
    themes = context.registry.get("themes", {})
    network = context.child_page(
        index,
        NetworkPage,
        data["slug"],
        title=data["title"]["en"],
        country=data["country"],
        intro=data["intro"]["en"],
        body=[("heading", BODY_HEADING["en"]), ("paragraph", RichText(f"<p>{data['body']['en']}</p>"))],
        contact_email=data["contact_email"],
        coordinators=[
            NetworkCoordinator(organisation=organisations[acronym])
            for acronym in data["coordinators"]
            if acronym in organisations
        ],
        network_themes=[
            NetworkTheme(theme=themes[slug]) for slug in THEMES_BY_COUNTRY.get(data["country"], []) if slug in themes
        ],
        members=[
            NetworkMember(
                person_name=member["person_name"],
                role=member["role"]["en"],
                project_title=member["project_title"]["en"],
                project_description=member["project_description"]["en"],
                city=member["city"]["en"],
                show_publicly=member.get("public", True),
            )
            for member in data["members"]
        ],
    )
    events = [
        context.child_page(
            network,
            EventPage,
            event["slug"],
            title=event["title"]["en"],
            start=_event_times(event, data["time_zone"])[0],
            end=_event_times(event, data["time_zone"])[1],
            time_zone=data["time_zone"],
            venue=event["venue"].get("en", ""),
            address=event["address"],
            online_url=event.get("online", ""),
            description=f"<p>{event['description']['en']}</p>",
        )
        for event in data["events"]
    ]
    for locale in context.other_locales:
        code = locale.language_code
        if code in data["title"]:  # the national language(s) of the network
            context.ensure_translated(network, locale, _strings(_network_texts(data), code))
            for event, event_data in zip(events, data["events"], strict=True):
                context.ensure_translated(event, locale, _strings(_event_texts(event_data), code))
    return network


def create_demo(context):
    """Create (or find) the network index, the ten networks, their members and events, and translations."""
    index = create_index(context)
    networks = {data["country"]: create_network(context, index, data) for data in NETWORKS}
    context.registry["network_index"] = index
    context.registry["networks"] = networks
