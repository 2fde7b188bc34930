# Run inside `manage.py shell`: render one live page of each page type of seismic_wagtail; fail otherwise.
import sys

from django.test import Client
from wagtail.models import get_page_models

#: File-name routes that need the README's `seismic_wagtail.core.urls` include.
FILE_ROUTES = {"StoryIndexPage": ["rss.xml", "atom.xml"], "NetworkPage": ["calendar.ics"], "EventPage": ["event.ics"]}

client = Client()
failures, rendered = [], []
for model in get_page_models():
    if not model._meta.app_label.startswith("seismic_"):
        continue
    page = model.objects.live().first()
    if page is None:
        failures.append(f"{model.__name__}: no live page after seismic_demo")
        continue
    url = page.get_url()
    response = client.get(url, HTTP_HOST="localhost")
    if response.status_code != 200:
        failures.append(f"{model.__name__}: GET {url} -> {response.status_code}")
    else:
        rendered.append(f"{model.__name__} {url}")
    for name in FILE_ROUTES.get(model.__name__, []):
        response = client.get(url + name, HTTP_HOST="localhost")
        if response.status_code != 200:
            failures.append(f"{model.__name__}: GET {url}{name} -> {response.status_code}")
        else:
            rendered.append(f"{url}{name}")
print("Rendered:", "; ".join(rendered) or "(no page types yet)")
if failures:
    print("\n".join(failures))
    sys.exit(1)
