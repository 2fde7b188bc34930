# Run inside `manage.py shell`: render one live page of each page type of seismic_wagtail; fail otherwise.
import sys

from django.test import Client
from wagtail.models import get_page_models

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
print("Rendered:", "; ".join(rendered) or "(no page types yet)")
if failures:
    print("\n".join(failures))
    sys.exit(1)
