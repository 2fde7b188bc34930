"""HTTP to a partner's read API: timeouts, a few quick retries, size limits, and answers checked for shape.

Everything that can go wrong with a partner ends in one of two exceptions, so a run knows what to do:

* :class:`PartnerUnavailable`: the partner cannot be read now (refused or reset connection, timeout, an error
  status, an answer that is not the API's JSON). The run stops for
  this partner (what was already copied is complete), the error is kept on the partner and the background
  task tries again later (``core.tasks.retry_later``).
* :class:`InvalidStory`: one story's data does not fit (a required field missing, a bad country code, an image
  that is too big or not an image). That
  story is left out and named in the log; the run goes on.

Override :meth:`PartnerClient.make_session` to add authentication or a proxy; :attr:`PartnerClient.page_size`
matches Wagtail's ``WAGTAILAPI_LIMIT_MAX`` default (20).
"""

import io
import logging

import requests
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

import seismic_wagtail

logger = logging.getLogger("seismic_wagtail.syndication")


class PartnerUnavailable(Exception):
    """The partner site cannot be read now; try again later."""


class InvalidStory(Exception):
    """One story of the partner has data this site cannot use."""


class PartnerClient:
    """Reads one partner's stories endpoint (``partner.endpoint_url``)."""

    #: Items per listing request (Wagtail's API answers at most ``WAGTAILAPI_LIMIT_MAX``, 20 by default).
    page_size = 20
    #: A listing longer than this many pages is refused (a partner that paginates forever).
    max_pages = 1000
    #: The largest image copied, in bytes.
    max_image_bytes = 10 * 1024 * 1024
    #: Seconds to wait for a connection (the partner's ``timeout`` is the wait for an answer).
    connect_timeout = 5

    def __init__(self, partner, session=None):
        self.partner = partner
        self.session = session or self.make_session()
        self.timeout = (min(self.connect_timeout, partner.timeout), partner.timeout)
        self.requests_made = 0

    def make_session(self):
        """A ``requests`` session that retries a failed connection or a 502/503/504/429 twice, quickly (0.5 s,
        1 s): a partner restarting is not a failed run. Longer outages are the background task's retries."""
        retry = Retry(
            total=2,
            connect=2,
            read=1,
            status=2,
            backoff_factor=0.5,
            status_forcelist=(429, 502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,
        )
        session = requests.Session()
        session.mount("http://", HTTPAdapter(max_retries=retry))
        session.mount("https://", HTTPAdapter(max_retries=retry))
        session.headers.update({"User-Agent": f"seismic-wagtail/{seismic_wagtail.__version__} (story syndication)"})
        return session

    def get(self, url, *, params=None, stream=False, accept="application/json"):
        self.requests_made += 1
        try:
            response = self.session.get(
                url, params=params, timeout=self.timeout, stream=stream, headers={"Accept": accept}
            )
        except requests.Timeout as error:
            message = _("%(url)s did not answer in time (%(error)s).") % {"url": url, "error": error}
            raise PartnerUnavailable(message) from error
        except requests.RequestException as error:
            message = _("%(url)s could not be reached (%(error)s).") % {"url": url, "error": error}
            raise PartnerUnavailable(message) from error
        return response

    def get_json(self, url, *, params=None, allow_404=False):
        """The JSON object at ``url``; ``None`` for a 404 when ``allow_404``."""
        response = self.get(url, params=params)
        if allow_404 and response.status_code == 404:
            return None
        if response.status_code != 200:
            raise PartnerUnavailable(
                _("%(url)s answered with HTTP status %(status)s.")
                % {"url": response.url, "status": response.status_code}
            )
        try:
            data = response.json()
        except ValueError as error:
            raise PartnerUnavailable(_("%(url)s did not answer with JSON.") % {"url": response.url}) from error
        if not isinstance(data, dict):
            raise PartnerUnavailable(_("%(url)s answered with JSON of another shape.") % {"url": response.url})
        return data

    def listing(self, params=None):
        """Every item of the stories listing matching ``params`` (``?theme=`` ...), all pages of it, in ID order
        (new stories come last, so a story published during the run shifts nothing before it)."""
        items = []
        url = self.partner.endpoint_url
        for page_number in range(self.max_pages):
            query = {**(params or {}), "order": "id", "limit": self.page_size, "offset": page_number * self.page_size}
            data = self.get_json(url, params=query)
            page_items, total = data.get("items"), data.get("meta", {}).get("total_count")
            if not isinstance(page_items, list) or not isinstance(total, int):
                raise PartnerUnavailable(_("%(url)s is not a stories listing of the read API.") % {"url": url})
            items.extend(page_items)
            if not page_items or len(items) >= total:
                return items
        raise PartnerUnavailable(_("%(url)s lists more than %(count)s pages.") % {"url": url, "count": self.max_pages})

    def detail(self, source_id):
        """One story with its body; ``None`` when the partner answers 404 (deleted, unpublished or private)."""
        return self.get_json(f"{self.partner.endpoint_url}{int(source_id)}/", allow_404=True)

    def image(self, url):
        """The bytes of the image at ``url``, checked to be an image and not larger than :attr:`max_image_bytes`."""
        # Imported here: Pillow is Wagtail's dependency, needed only when an image is copied.
        from PIL import Image as PILImage

        response = self.get(url, stream=True, accept="image/*")
        if response.status_code != 200:
            raise PartnerUnavailable(
                _("%(url)s answered with HTTP status %(status)s.") % {"url": url, "status": response.status_code}
            )
        data = io.BytesIO()
        try:
            for chunk in response.iter_content(64 * 1024):
                data.write(chunk)
                if data.tell() > self.max_image_bytes:
                    raise InvalidStory(_("The image %(url)s is larger than allowed.") % {"url": url})
        except requests.RequestException as error:
            message = _("%(url)s could not be read (%(error)s).") % {"url": url, "error": error}
            raise PartnerUnavailable(message) from error
        finally:
            response.close()
        try:
            PILImage.open(io.BytesIO(data.getvalue())).verify()
        except Exception as error:  # Pillow raises many kinds for a file that is not an image
            raise InvalidStory(_("%(url)s is not an image (%(error)s).") % {"url": url, "error": error}) from error
        return data.getvalue()
