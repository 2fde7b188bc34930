import pytest
from django.test import override_settings

from tests.factories.testapp import SimpleTestPageFactory

pytestmark = pytest.mark.django_db


def test_package_page_extends_the_sites_base_template(client, root_page):
    page = SimpleTestPageFactory(parent=root_page, title="Hello cities")
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<main id="main">' in html  # from the test site's base.html
    assert 'class="seismic ' in html and "seismic_wagtail/css/seismic.css" in html


@override_settings(SEISMIC_WAGTAIL={"INCLUDE_CSS": False, "BASE_TEMPLATE": "testapp/other_base.html"})
def test_base_template_and_css_are_configurable(client, root_page, tmp_path, settings):
    page = SimpleTestPageFactory(parent=root_page)
    response = client.get(page.url)
    html = response.content.decode()
    assert "OTHER BASE" in html
    assert "seismic_wagtail/css/seismic.css" not in html
