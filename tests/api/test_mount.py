"""How the API is mounted: one include, its own namespace, each app's endpoints found by core."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from seismic_wagtail.core.api import api_apps
from seismic_wagtail.core.api_urls import api_router

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_core_finds_each_apps_endpoints():
    assert [config.label for config in api_apps()] == ["seismic_networks", "seismic_stories", "seismic_consultations"]
    assert set(api_router._endpoints) == {"stories", "networks", "events", "consultations"}


def test_its_own_namespace_beside_a_sites_api_v2():
    assert reverse("seismic_api:stories:listing") == "/api/seismic/v2/stories/"
    assert reverse("seismic_api:consultations:detail", args=[7]) == "/api/seismic/v2/consultations/7/"


def test_the_browsable_view_needs_rest_framework_and_json_does_not(client, get_json):
    assert get_json("stories/")["items"] == []
    html = client.get("/api/seismic/v2/stories/", HTTP_ACCEPT="text/html")
    assert html.status_code == 200 and html["Content-Type"].startswith("text/html")


def test_a_site_without_rest_framework_still_loads_and_checks():
    """The models name serializer fields (Django REST framework is installed with Wagtail), but a site that
    does not mount the API needs neither ``rest_framework`` nor ``wagtail.api.v2`` in ``INSTALLED_APPS``."""
    code = (
        "import django; django.setup(); "
        "from django.core.management import call_command; call_command('check'); "
        "import seismic_wagtail.stories.models, seismic_wagtail.consultations.models; print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            "DJANGO_SETTINGS_MODULE": "tests.api.settings_without_rest_framework",
            "PATH": "",
            "PYTHONPATH": str(ROOT),
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")


def test_urls_come_from_the_request_host_or_wagtailapi_base_url(client, settings, story):
    settings.ALLOWED_HOSTS = ["city.example"]
    item = client.get("/api/seismic/v2/stories/", HTTP_HOST="city.example").json()["items"][0]
    assert item["meta"]["html_url"] == "http://city.example/stories/pop-up-shops/"
    assert item["meta"]["detail_url"] == f"http://city.example/api/seismic/v2/stories/{story.pk}/"
    assert item["hero_image"]["url"].startswith("http://city.example/media/")
    settings.WAGTAILAPI_BASE_URL = "https://www.city.example"
    item = client.get("/api/seismic/v2/stories/", HTTP_HOST="city.example").json()["items"][0]
    assert item["meta"]["html_url"] == "https://www.city.example/stories/pop-up-shops/"
    assert item["meta"]["detail_url"] == f"https://www.city.example/api/seismic/v2/stories/{story.pk}/"
