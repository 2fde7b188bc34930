"""Users for the admin tests: ``UserFactory(permissions=[...])`` gives a user a group with those permissions.

pytest-django's ``admin_user`` / ``admin_client`` fixtures cover the superuser; use this factory for editors
with a given set of permissions.
"""

import factory
from django.conf import settings
from django.contrib.auth.models import Group, Permission


class UserFactory(factory.django.DjangoModelFactory):
    """``permissions`` are codenames, ``"app_label.codename"`` where a codename is not unique
    (``["access_admin", "seismic_networks.view_networkjoinrequest"]``); they go to one group of the user's
    own (``user.groups.get()``), as an administrator would give them."""

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("password")

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    @factory.post_generation
    def permissions(obj, create, extracted, **kwargs):
        if extracted is None:
            return
        group = Group.objects.create(name=f"{obj.username} permissions")
        for name in extracted:
            app_label, _dot, codename = name.rpartition(".")
            found = Permission.objects.filter(codename=codename)
            group.permissions.add(found.get(content_type__app_label=app_label) if app_label else found.get())
        obj.groups.add(group)
