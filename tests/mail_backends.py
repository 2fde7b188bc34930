"""Mail backends for tests of the package's mail tasks (``settings.EMAIL_BACKEND = "tests.mail_backends.FlakyBackend"``)."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    """A mail server that refuses the next ``failures`` messages, then delivers to ``mail.outbox``."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("connection lost")
        return super().send_messages(messages)
