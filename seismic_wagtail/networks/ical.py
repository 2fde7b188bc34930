"""iCalendar (RFC 5545) files of events, built with the ``icalendar`` library.

* ``<event url>event.ics``: one event; ``<network url>calendar.ics``: a subscribable feed of a network's
  events; ``<network index url>calendar.ics``: one feed of the events of all the networks of the index.
* ``UID`` is ``<translation_key>@<site hostname>``: it stays the same when the page is edited, moved or
  renamed, and is shared by the event's translations (they are one event to a calendar application).
* Timed events carry ``TZID`` of the event's time zone and the matching ``VTIMEZONE``; all-day events are
  ``VALUE=DATE`` with the exclusive end date RFC 5545 asks for.
"""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from seismic_wagtail.core.absolute_urls import absolute_url

PRODID = "-//seismic_wagtail//SEiSMiC networks//EN"
DEFAULT_UID_DOMAIN = "seismic-wagtail"


def uid_domain(page, request=None):
    site = page.get_site()
    return site.hostname if site is not None and site.hostname else DEFAULT_UID_DOMAIN


def event_uid(event, domain=DEFAULT_UID_DOMAIN):
    return f"{event.translation_key}@{domain}"


def _plain_text(html):
    return "\n".join(line.strip() for line in strip_tags(expand_db_html(html)).splitlines() if line.strip())


def event_component(event, request=None, domain=None):
    """The ``VEVENT`` of an :class:`~seismic_wagtail.networks.models.EventPage`."""
    component = icalendar.Event()
    component.add("uid", event_uid(event, domain or uid_domain(event, request)))
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    component.add("summary", event.title)
    if event.all_day:
        component.add("dtstart", event.local_start.date())
        component.add("dtend", event.local_end.date() + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    location = ", ".join(part for part in [event.venue, " ".join(event.address.split())] if part)
    if location or event.online_url:
        component.add("location", location or event.online_url)
    description = [_plain_text(event.description)] if event.description else []
    if event.online_url:
        description.append(event.online_url)
    if event.registration_url:
        description.append(event.registration_url)
    if description:
        component.add("description", "\n\n".join(description))
    url = absolute_url(event, request)
    if url:
        component.add("url", url)
    return component


def _calendar(name=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)  # RFC 7986
        calendar.add("x-wr-calname", name)  # the same for clients that predate RFC 7986
    return calendar


def _add_timezones(calendar, events):
    if events:
        first = min(event.start for event in events).date() - datetime.timedelta(days=366)
        last = max(event.end for event in events).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)


def calendar_for_event(event, request=None):
    calendar = _calendar()
    calendar.add_component(event_component(event, request))
    _add_timezones(calendar, [event])
    return calendar


def calendar_feed(page, events, name, request=None):
    """A subscribable feed (refreshed every 12 hours) named ``name`` of ``events``, in their order; the UIDs'
    domain is ``page``'s site's."""
    events = list(events)
    calendar = _calendar(name)
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    domain = uid_domain(page, request)
    for event in events:
        calendar.add_component(event_component(event, request, domain=domain))
    _add_timezones(calendar, events)
    return calendar


def calendar_for_network(network, request=None):
    """A feed of all live, public events of ``network`` in its locale, by start."""
    return calendar_feed(network, network.get_events().order_by("start"), network.title, request)


def calendar_for_network_index(index, request=None):
    """A feed of the live, public events of all the networks of a network index (see
    :meth:`~seismic_wagtail.networks.models.NetworkIndexPage.get_events`), by start."""
    return calendar_feed(index, index.get_events().order_by("start"), index.title, request)


def ical_response(calendar, filename, inline=False):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
