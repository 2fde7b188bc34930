"""Demo content of the networks app: the ten SEiSMiC national networks with members and events.

The data is in this folder: ``content.json`` (countries, coordinators, themes, time zones, e-mail addresses,
members, event dates and addresses), ``en.json`` (the English text) and one file per other language.

How the languages are handled: national content is written in the national language, and English is the
source language of shared content. So each network page and its events are created in the site's default
language (English) and translated with wagtail-localize, with real national text, into the network's
national language(s) where the site has them: a network is translated into the languages whose file has it
(German for Austria and Germany, Dutch and French for Belgium, Czech, Hungarian, Italian, Norwegian,
Swedish, Turkish; the United Kingdom's is English). That is the state an editor's own work produces, so the
translation report and "update translations" see it. The network index exists in every locale; in a
language without a network of its own it lists the networks of the default language under "More networks
(not yet in this language)". Translating every network into every locale would only add untranslated copies
(and time: each translation is a page copy and a publish).

Runs after ``core`` (which made the partner organisations and themes) and puts
``registry["networks"]`` (country code -> English ``NetworkPage``) and ``registry["network_index"]`` for
the apps that come after it.
"""

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.translation import override
from django_countries import countries
from wagtail.rich_text import RichText

from seismic_wagtail.core.demo_context import load, strings

from ..models import EventPage, NetworkCoordinator, NetworkIndexPage, NetworkMember, NetworkPage, NetworkTheme


def _event_times(event, time_zone):
    hour, minute = (int(part) for part in event["start"].split(":"))
    day = timezone.localdate() + datetime.timedelta(days=event["days"])
    start = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(time_zone))
    return start, start + datetime.timedelta(hours=event["hours"])


def network_title(country, language):
    """ "SEiSMiC Türkiye", "SEiSMiC Česko", "SEiSMiC Österreich": the network's name in ``language`` with the
    country's name from django-countries, the one source of country names (the country field, the join form,
    the story facets and the API use it too), so the names never disagree."""
    with override(language):
        return f"SEiSMiC {countries.name(country)}"


def create_network(context, index, data, english, translations):
    organisations = context.registry.get("organisations", {})
    themes = context.registry.get("themes", {})
    text = {**english["networks"][data["slug"]], "title": network_title(data["country"], "en")}
    network = context.child_page(
        index,
        NetworkPage,
        data["slug"],
        title=text["title"],
        country=data["country"],
        intro=text["intro"],
        body=[("heading", english["body_heading"]), ("paragraph", RichText(f"<p>{text['body']}</p>"))],
        contact_email=data["contact_email"],
        coordinators=[
            NetworkCoordinator(organisation=organisations[acronym])
            for acronym in data["coordinators"]
            if acronym in organisations
        ],
        network_themes=[NetworkTheme(theme=themes[slug]) for slug in data["themes"] if slug in themes],
        members=[
            NetworkMember(
                person_name=member["person_name"],
                **text["members"][member["person_name"]],  # role, project_title, project_description, city
                show_publicly=member["public"],
            )
            for member in data["members"]
        ],
    )
    events = []
    for event in data["events"]:
        start, end = _event_times(event, data["time_zone"])
        event_text = text["events"][event["slug"]]
        events.append(
            context.child_page(
                network,
                EventPage,
                event["slug"],
                title=event_text["title"],
                start=start,
                end=end,
                time_zone=data["time_zone"],
                venue=event_text.get("venue", ""),
                address=event["address"],
                online_url=event.get("online", ""),
                description=f"<p>{event_text['description']}</p>",
            )
        )
    for locale, translation in translations:
        local = translation.get("networks", {}).get(data["slug"])
        if local:  # a national language of the network
            page_strings = strings({**text, "events": {}}, local)
            page_strings[text["title"]] = network_title(data["country"], locale.language_code)
            page_strings[english["body_heading"]] = translation.get("body_heading", english["body_heading"])
            context.ensure_translated(network, locale, page_strings)
            for event, event_page in zip(data["events"], events, strict=True):
                local_event = local.get("events", {}).get(event["slug"])
                context.ensure_translated(event_page, locale, strings(text["events"][event["slug"]], local_event))
    return network


def create_demo(context):
    """Create (or find) the network index, the ten networks, their members and events, and translations."""
    content, english = load(__name__, "content"), load(__name__, "en")
    translations = context.translations(__name__)
    index = context.child_page(
        context.parent,
        NetworkIndexPage,
        "networks",
        title=english["index"]["title"],
        intro=f"<p>{english['index']['intro']}</p>",
    )
    for locale, translation in translations:
        context.ensure_translated(index, locale, strings(english["index"], translation.get("index")))
    networks = {
        data["country"]: create_network(context, index, data, english, translations) for data in content["networks"]
    }
    context.registry["network_index"] = index
    context.registry["networks"] = networks
