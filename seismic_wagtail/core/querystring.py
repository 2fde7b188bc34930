"""Reading values from a visitor's query string.

Query strings are visitor input: any bytes, any length, any character. :func:`parse_int` is the one way the
package reads an integer from one. It accepts ASCII digits only: ``str.isdigit()`` is true for ``"²"`` and
``"٣"``, which ``int()`` refuses (or, for Arabic-Indic digits, reads), so a check with ``isdigit()`` followed by
``int()`` turns a crafted URL into a server error.
"""

import re

_ASCII_INTEGER = re.compile(r"[0-9]+")

#: The largest value a database's signed 64-bit integer column (``BigAutoField``) holds.
MAX_BIGINT = 2**63 - 1


def parse_int(value, default=None, *, min_value=0, max_value=MAX_BIGINT):
    """``value`` as an ``int`` when it is ASCII digits (surrounding whitespace ignored) within
    ``min_value``..``max_value``; ``default`` otherwise (``None``, a list, Unicode digits, a sign, ``"1e3"``,
    out of range).

    >>> parse_int("2015"), parse_int("²²²²"), parse_int("-1"), parse_int("99999999999999999999")
    (2015, None, None, None)
    """
    if not isinstance(value, str):
        return default
    value = value.strip()
    if not _ASCII_INTEGER.fullmatch(value) or len(value) > len(str(max_value)):
        return default
    number = int(value)
    if (min_value is not None and number < min_value) or (max_value is not None and number > max_value):
        return default
    return number
