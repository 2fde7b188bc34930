"""``manage.py seismic_purge_responses``: ``seismic_purge_personal_data`` limited to consultation responses."""

from seismic_wagtail.core.management.commands.seismic_purge_personal_data import Command as PurgeCommand


class Command(PurgeCommand):
    help = (
        "Delete consultation responses older than their consultation's retention period, and unconfirmed "
        "responses whose confirmation link has expired."
    )
    sources = ("consultation responses",)
