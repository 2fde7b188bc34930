"""Settings shared by every environment of the example site (bakerydemo's split: base/dev/production/test).

Services are switched on by environment variables:

- ``DATABASE_URL``: PostgreSQL (``postgres://user@host:5432/name``); SQLite in ``example_project/`` otherwise.
- ``ELASTICSEARCH_URL`` / ``OPENSEARCH_URL``: search through Elasticsearch / OpenSearch; Wagtail's
  database backend otherwise.
- ``REDIS_URL``: the cache (rate limits of consultation forms use it); local memory otherwise.
- ``DEEPL_API_KEY`` / ``LIBRETRANSLATE_URL``: machine translation in wagtail-localize's editor.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "example.home",
    "example",
    "seismic_wagtail.core",
    "seismic_wagtail.networks",
    "seismic_wagtail.stories",
    "seismic_wagtail.consultations",
    "seismic_wagtail.search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",  # the package's read API (seismic_wagtail.core.api_urls)
    "rest_framework",  # its browsable view; the JSON needs only the include
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example.urls"
WSGI_APPLICATION = "example.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

# On PostgreSQL, Wagtail's database search backend uses django.contrib.postgres's fields and indexes (Django 6's
# system checks require the app for them: postgres.E005).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

# Background tasks (the consultation outcome mails, Wagtail's own tasks): stored in the database and run by
# `manage.py db_worker` (docs/how-to/background-tasks.md; settings/dev.py runs them at once instead).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

if os.environ.get("REDIS_URL"):
    CACHES = {
        # Pages keep serving while Redis is down; the forms answer 503 (docs/how-to/security.md).
        "default": {
            "BACKEND": "seismic_wagtail.core.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The ten languages of the SEiSMiC networks. English is the source language of shared content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("cs", "Čeština"),
    ("hu", "Magyar"),
    ("it", "Italiano"),
    ("nb", "Norsk bokmål"),
    ("sv", "Svenska"),
    ("tr", "Türkçe"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# ASCII slugs with every letter transliterated (ı->i, ř->r, ø->o, ß->ss), in the admin's title-to-slug script and
# on the server (seismic_wagtail.core.slugs; docs/how-to/translate.md, "Formats and slugs").
WAGTAIL_ALLOW_UNICODE_SLUGS = False
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = os.environ.get("SEISMIC_MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "SEiSMiC"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Search: seismic_wagtail's database backend by default (Wagtail's, with each language's text search
# configuration on PostgreSQL and prefix matching on SQLite); Elasticsearch or OpenSearch when their URL is set,
# through seismic_wagtail's per-language backend (one index per language with that language's analyser; the
# module picks the backend version for the installed client). Run `manage.py update_index` after switching.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "seismic_wagtail.search.backends.database"}}
for _url_variable, _backend in (
    ("ELASTICSEARCH_URL", "seismic_wagtail.search.backends.elasticsearch"),
    ("OPENSEARCH_URL", "seismic_wagtail.search.backends.opensearch"),
):
    if os.environ.get(_url_variable):
        WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": _backend,
                "URLS": [url.strip() for url in os.environ[_url_variable].split(",") if url.strip()],
                "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "seismic_"),
                # Fail fast when the server is down: a page save must not wait long for it.
                "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            }
        }
        break

# Machine translation in wagtail-localize's editor ("Translate with ..." in the translation editor, and
# "Use machine translation" when syncing): DeepL when DEEPL_API_KEY is set (keys ending in ":fx" use the
# free API), else LibreTranslate when LIBRETRANSLATE_URL is set. Option names as in wagtail-localize's
# machine_translators/deepl.py and libretranslate.py. See docs/how-to/translate.md.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": os.environ["DEEPL_API_KEY"],
            # City websites address people formally (Sie, vous, u); "default" or "prefer_less" otherwise.
            "FORMALITY": os.environ.get("DEEPL_FORMALITY", "prefer_more"),
            "TIMEOUT": int(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", "30")),
        },
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            # The server's base URL without "/translate", e.g. "https://libretranslate.example.org".
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"].rstrip("/"),
            # Required by the translator; an empty key works with servers that need none.
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": int(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", "10")),
        },
    }

SEISMIC_WAGTAIL = {"BASE_TEMPLATE": "base.html"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
