"""``manage.py demo_admin``: make sure the demo's accounts exist and print their logins.

For the local demo only (``make demo``); the password of every account can be set with
``DEMO_ADMIN_PASSWORD``. Besides the administrator, one account per role of the review workflow
(``docs/how-to/roles-and-review.md``), once ``seismic_demo`` has set up the roles:

=================  ==============================================================
``central``        the central editorial team: publishes everything, approves last
``editor-at``      a national editor of SEiSMiC Austria: edits and submits
``coordinator-at`` a coordinator of SEiSMiC Austria: approves, publishes, join requests
``translator-de``  a German translator: edits the German pages, submits
=================  ==============================================================
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from seismic_wagtail.core.roles import group_name
from seismic_wagtail.networks.models import NetworkPage, NetworkTeam


def demo_role_groups():
    """The demo accounts' usernames with their group (``None`` where the roles are not set up yet)."""
    austria = NetworkPage.objects.filter(country="AT").values_list("translation_key", flat=True).first()
    team = NetworkTeam.objects.select_related("editors", "coordinators").filter(network_key=austria).first()
    return {
        "central": Group.objects.filter(name=group_name("central")).first(),
        "editor-at": team.editors if team else None,
        "coordinator-at": team.coordinators if team else None,
        "translator-de": Group.objects.filter(name=group_name("translators", language="Deutsch")).first(),
    }


class Command(BaseCommand):
    help = "Create (or reset) the demo's admin account and one account per role, and print their logins."

    def handle(self, *args, **options):
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "seismic-demo")
        self.ensure_user(username, password, is_superuser=True)
        self.stdout.write(
            self.style.SUCCESS(f"Admin: http://127.0.0.1:8000/admin/  user: {username}  password: {password}")
        )
        for name, group in demo_role_groups().items():
            if group is None:
                continue
            user = self.ensure_user(name, password)
            user.groups.set([group])
            self.stdout.write(f"  {group.name}: user {name}  password: {password}")

    def ensure_user(self, username, password, is_superuser=False):
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "is_staff": is_superuser, "is_superuser": is_superuser},
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        return user
