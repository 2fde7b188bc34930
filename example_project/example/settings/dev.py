"""Local development: ``make demo``. Never deploy with these settings."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-dev-key-for-make-demo-only")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# `make demo` starts no task worker: run background tasks at once, in the request that queues them. To try the
# database queue as in production, delete this line and run `python manage.py db_worker` beside runserver.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
