"""``manage.py demo_admin``: make sure the demo's admin account exists and print its login.

For the local demo only (``make demo``); the password can be set with ``DEMO_ADMIN_PASSWORD``.
"""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (or reset) the demo admin account and print its login."

    def handle(self, *args, **options):
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "seismic-demo")
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(f"Admin: http://127.0.0.1:8000/admin/  user: {username}  password: {password}")
        )
