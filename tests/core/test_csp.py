"""Content-Security-Policy (issue #15): JSON-LD carries django-csp's nonce when there is one; no package
template has inline styles or scripts; the example's production settings send a strict policy."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from seismic_wagtail.core.csp import add_nonce, csp_nonce

ROOT = Path(__file__).resolve().parents[2]
JSON_LD = mark_safe('<script type="application/ld+json">{"@type": "Event"}</script>')


def render(request):
    template = engines["django"].from_string("{% load seismic_csp %}{% seismic_nonced json_ld %}")
    return template.render({"json_ld": JSON_LD}, request)


def test_no_nonce_attribute_without_django_csp():
    request = RequestFactory().get("/")
    assert csp_nonce(request) == "" and render(request) == JSON_LD


def test_nonce_from_django_csp():
    from csp.middleware import CSPMiddleware

    request = RequestFactory().get("/")
    CSPMiddleware(lambda request: None).process_request(request)
    html = render(request)
    nonce = request._csp_nonce  # read by the tag, so django-csp puts it into the header
    assert html == f'<script nonce="{nonce}" type="application/ld+json">{{"@type": "Event"}}</script>'


def test_add_nonce_escapes_and_leaves_other_markup():
    assert add_nonce("<p>x</p>", "abc") == "<p>x</p>"
    assert add_nonce(JSON_LD, 'a"b').startswith('<script nonce="a&quot;b" ')
    assert add_nonce(JSON_LD, "") == JSON_LD


def test_package_templates_have_no_inline_styles_or_scripts():
    """Visitor templates only: the Wagtail admin's templates are out of the policy's scope."""
    offenders = []
    for path in (ROOT / "seismic_wagtail").rglob("templates/**/*.html"):
        if "/admin/" in str(path):
            continue
        text = path.read_text()
        for pattern in (r"\sstyle=", r"<style", r"\son[a-z]+=", r"javascript:", r"<script(?![^>]*\bsrc=)"):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert offenders == []


def _production_settings(**env):
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'csp': s.CONTENT_SECURITY_POLICY, 'ro': getattr(s, 'CONTENT_SECURITY_POLICY_REPORT_ONLY', None), "
        "'mw': s.MIDDLEWARE, 'preload': s.SECURE_HSTS_PRELOAD, 'hsts': s.SECURE_HSTS_SECONDS, "
        "'silenced': s.SILENCED_SYSTEM_CHECKS}, default=str))"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "seismic.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT / "example_project", env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout)


def test_example_production_settings_send_a_strict_policy_and_no_hsts_preload():
    settings = _production_settings()
    assert "csp.middleware.CSPMiddleware" in settings["mw"] and settings["ro"] is None
    directives = settings["csp"]["DIRECTIVES"]
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"][0] == "'self'" and "nonce" in str(directives["script-src"][1]).lower()
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert settings["csp"]["EXCLUDE_URL_PREFIXES"] == ["/admin/"]
    assert settings["preload"] is False and settings["hsts"] == 31536000
    assert settings["silenced"] == ["security.W021"]


@pytest.mark.parametrize(
    ("env", "preload", "hsts"),
    [({"DJANGO_SECURE_HSTS_PRELOAD": "true"}, True, 31536000), ({"DJANGO_SECURE_HSTS_SECONDS": "600"}, False, 600)],
)
def test_hsts_is_configured_by_environment(env, preload, hsts):
    settings = _production_settings(**env)
    assert (settings["preload"], settings["hsts"]) == (preload, hsts)


def test_report_only_mode_and_report_uri():
    settings = _production_settings(DJANGO_CSP_REPORT_ONLY="true", DJANGO_CSP_REPORT_URI="/csp-report/")
    assert settings["csp"] is None
    assert settings["ro"]["DIRECTIVES"]["report-uri"] == ["/csp-report/"]
