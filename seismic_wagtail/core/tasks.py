"""What the package's background tasks share (``django_tasks``, the tasks framework Wagtail itself uses).

Every mail the package sends goes out from a task, so that nothing a visitor or an editor does waits on the
mail server. When sending fails, a task queues itself again with :func:`retry_later`: a growing delay
(:data:`RETRY_DELAYS`), at most :data:`MAX_ATTEMPTS` attempts, at once on a backend that cannot defer a task
(the immediate one of tests and ``make demo``). The tasks themselves live in each app's ``tasks.py``
(``consultations.tasks``, ``networks.tasks``); see ``docs/how-to/background-tasks.md``.
"""

import datetime

from django.utils import timezone

#: How many times one mail is tried before its task gives up.
MAX_ATTEMPTS = 5
#: The delay before attempt 2, 3, ... (the last one repeats).
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=10),
    datetime.timedelta(hours=1),
    datetime.timedelta(hours=6),
)


def retry_delay(attempt):
    """The delay before attempt ``attempt + 1``."""
    return RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]


def retry_later(mail_task, attempt, *args):
    """Queue ``mail_task(*args, attempt + 1)`` after :func:`retry_delay` (at once on a backend that cannot defer
    a task, like the immediate one). Returns ``False``, queueing nothing, when ``attempt`` was the last."""
    if attempt >= MAX_ATTEMPTS:
        return False
    if mail_task.get_backend().supports_defer:
        mail_task = mail_task.using(run_after=timezone.now() + retry_delay(attempt))
    mail_task.enqueue(*args, attempt + 1)
    return True
