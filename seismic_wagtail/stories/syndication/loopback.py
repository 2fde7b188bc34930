"""A ``requests`` transport that answers from this site itself, without a server: how the demo syndicates from
itself while it is built (no server runs yet), and how tests exercise the whole run in one process.

:class:`LoopbackAdapter` passes a GET to the site's URL configuration through Django's test ``Client`` (which
keeps the database connection and transaction of the caller) and serves ``MEDIA_URL`` files from the default
storage. Mount it on a session for one address only::

    session = requests.Session()
    session.mount("http://localhost/", LoopbackAdapter())

Real partners are read over HTTP (:class:`~.client.PartnerClient`); nothing else uses this.
"""

import io
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict


class LoopbackAdapter(BaseAdapter):
    """Answers GET requests from this site's own views (and media files from the default storage)."""

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        parts = urlsplit(request.url)
        media_url = settings.MEDIA_URL or "/media/"
        if parts.path.startswith(media_url):
            name = parts.path[len(media_url) :]
            if default_storage.exists(name):
                with default_storage.open(name) as file:
                    return self.build(request, 200, {"Content-Type": "application/octet-stream"}, file.read())
            return self.build(request, 404, {}, b"")
        client = Client(raise_request_exception=False, HTTP_HOST=parts.netloc)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path, headers={"Accept": request.headers.get("Accept", "*/*")})
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return self.build(request, response.status_code, dict(response.items()), body)

    def build(self, request, status, headers, body):
        response = requests.Response()
        response.status_code = status
        response.headers = CaseInsensitiveDict(headers)
        response.raw = io.BytesIO(body)
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self):
        pass


def loopback_session(base_url):
    """A session whose requests to ``base_url`` (and below) are answered by this site itself."""
    session = requests.Session()
    session.mount(base_url, LoopbackAdapter())
    return session
