"""``manage.py seismic_erase_responses --email person@example.org [--anonymise] [--dry-run]``.

``seismic_erase_personal_data`` limited to consultation responses (join requests are left alone).
"""

from seismic_wagtail.core.management.commands.seismic_erase_personal_data import Command as EraseCommand


class Command(EraseCommand):
    help = "Erase (or anonymise) every consultation response given with an email address."
    sources = ("consultation responses",)
