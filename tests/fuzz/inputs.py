"""The builders of generated input for the fuzz suite, in one place (Hypothesis strategies).

What a visitor (or an attacker) can send that a form or a page must survive:

- Unicode digits that ``str.isdigit()`` accepts and ``int()`` refuses or reads differently (``²``, ``٣``);
- control characters (``\\x00``, ``\\x0b``, ``\\x1b``, a lone ``\\r``), bidi overrides, BOMs, emoji, noncharacters;
- oversize values (kilobytes to megabytes: a column limit, the 5,000-character cap, Django's 2.5 MB upload cap);
- repeated keys (``q_x=a&q_x=a&q_x=a``) and unknown keys;
- wrong encodings: invalid UTF-8 as raw bytes or percent-escapes, in query strings and request bodies.

:func:`query_strings` gives a raw ``QUERY_STRING`` (a WSGI ``str``: bytes decoded as Latin-1), :func:`form_posts`
a form submission as ``(content_type, body bytes)``.
"""

import string
from urllib.parse import quote, quote_from_bytes, urlencode

from hypothesis import strategies as st

UNICODE_DIGITS = ["²", "²²²²", "٣", "٢٠١٥", "۱۳۹۴", "௫", "𝟙𝟡𝟡𝟘", "¹²³⁴", "①", "Ⅻ", "〇", "߁߂"]
CONTROL_CHARACTERS = [chr(code) for code in range(0x20)] + ["\x7f", "\x85", "\u2028"]
TRICKY = [
    "",
    " ",
    "\r\n",
    "\u202e",
    "\ufeff",
    "\u200b",
    "\ufffe",
    "\uffff",
    "😀",
    "İı",
    "ß",
    "%",
    "%00",
    "%ZZ",
    "'",
    '"',
    "\\",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://example.org","x")',
    "../../etc/passwd",
    "NaN",
    "1e3",
    "-1",
    "0",
    "00000",
    "2015",
    "99999999999999999999",
    "9" * 5000,
    "1.5",
    "0x10",
    "null",
    "[]",
    "{}",
    "3f2c0e7a-0000-4000-8000-000000000000",
    "AT",
    "se",
    "environment",
    "university",
]
#: Oversize values: above a column's limit, above the 5,000-character cap, tens of kilobytes, a megabyte.
OVERSIZE_LENGTHS = [121, 256, 321, 2001, 5001, 20_001, 70_000, 1_100_000]


def oversize_text():
    return st.tuples(st.sampled_from(["x", "é", "😀", "\x0b", "a "]), st.sampled_from(OVERSIZE_LENGTHS)).map(
        lambda pair: (pair[0] * pair[1])[: pair[1]]
    )


def nasty_text(max_size=30):
    """Text a person might not type: the lists above, generated Unicode, and mixtures of both."""
    piece = st.one_of(
        st.sampled_from(TRICKY),
        st.sampled_from(UNICODE_DIGITS),
        st.sampled_from(CONTROL_CHARACTERS),
        st.text(max_size=max_size),
        st.text(alphabet=string.ascii_letters + string.digits + "-_", max_size=max_size),
    )
    return st.one_of(
        piece,
        st.lists(piece, min_size=2, max_size=4).map("".join),
        oversize_text(),
    )


def invalid_utf8():
    """Bytes that are not UTF-8 (lone continuation bytes, overlong forms, surrogates, truncated sequences)."""
    return st.one_of(
        st.sampled_from([b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2\x82", b"\x80abc"]),
        st.binary(min_size=1, max_size=20),
    )


def keys(names):
    """A parameter name: one the URL reads (most of the time), or something else."""
    return st.one_of(
        st.sampled_from(list(names)),
        st.sampled_from(list(names)),
        st.sampled_from(list(names)),
        st.sampled_from(["", "q[]", "page[]", "__proto__", "csrfmiddlewaretoken", "x" * 300]),
        st.text(max_size=10),
    )


def query_strings(names):
    """A raw ``QUERY_STRING`` for a URL that reads the parameters ``names``."""
    pairs = st.lists(st.tuples(keys(names), nasty_text()), max_size=8)
    repeated = st.tuples(keys(names), nasty_text(max_size=10), st.integers(2, 50)).map(
        lambda item: [(item[0], item[1])] * item[2]
    )
    encoded = st.one_of(pairs, repeated).map(lambda items: urlencode(items, doseq=False))
    percent_invalid = st.lists(st.tuples(keys(names), invalid_utf8()), min_size=1, max_size=4).map(
        lambda items: "&".join(f"{quote(key)}={quote_from_bytes(value)}" for key, value in items)
    )
    raw_bytes = st.lists(st.tuples(keys(names), invalid_utf8()), min_size=1, max_size=4).map(
        lambda items: b"&".join(key.encode() + b"=" + value for key, value in items).decode("latin-1")
    )
    unencoded = st.lists(st.tuples(keys(names), nasty_text(max_size=10)), max_size=4).map(
        lambda items: (
            "&".join(f"{key}={value}" for key, value in items).encode("utf-8", "surrogatepass").decode("latin-1")
        )
    )
    return st.one_of(encoded, encoded, percent_invalid, raw_bytes, unencoded)


def field_value(field_values):
    """One value for a form field: a valid one from ``field_values``, or nasty text."""
    return st.one_of(st.sampled_from(field_values), st.sampled_from(field_values), nasty_text())


@st.composite
def form_data(draw, valid, choices=None):
    """A form submission as ``[(name, value)]`` built from a ``valid`` one: one to three fields are dropped,
    replaced by valid alternatives (``choices[name]``) or nasty text, or repeated; the others are kept, so that
    most submissions come close to valid and reach the code behind validation. Unknown fields are added
    sometimes."""
    choices = choices or {}
    names = list(valid)
    mutated = set(draw(st.permutations(names))[: draw(st.integers(0, 3))])
    pairs = []
    for name, value in valid.items():
        values = value if isinstance(value, list) else [value]
        action = draw(st.sampled_from(["drop", "replace", "repeat", "nasty"])) if name in mutated else "keep"
        if action == "keep":
            pairs.extend((name, item) for item in values)
        elif action == "replace":
            pairs.extend((name, item) for item in draw(st.lists(field_value(choices.get(name, values)), max_size=4)))
        elif action == "repeat":
            pairs.extend([(name, values[0])] * draw(st.integers(2, 30)))
        elif action == "nasty":
            pairs.append((name, draw(nasty_text())))
    pairs.extend(draw(st.lists(st.tuples(st.text(max_size=12), nasty_text(max_size=10)), max_size=1)))
    return pairs


def _multipart(pairs, boundary="SeismicFuzzBoundary"):
    lines = []
    for name, value in pairs:
        data = value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"'.encode("utf-8", "surrogatepass"),
            b"",
            data,
        ]
    lines.append(f"--{boundary}--".encode())
    return f"multipart/form-data; boundary={boundary}", b"\r\n".join(lines) + b"\r\n"


@st.composite
def form_posts(draw, valid, choices=None):
    """``(content_type, body)``: :func:`form_data` sent urlencoded or as multipart, sometimes with a value
    replaced by invalid UTF-8 bytes, or a body that is not a form at all."""
    pairs = draw(form_data(valid, choices))
    if pairs and draw(st.integers(0, 3)) == 0:
        index = draw(st.permutations(range(len(pairs))))[0]
        pairs[index] = (pairs[index][0], draw(invalid_utf8()))
    encoding = draw(st.sampled_from(["urlencoded", "urlencoded", "urlencoded", "multipart", "multipart", "garbage"]))
    if encoding == "multipart":
        return _multipart(pairs)
    if encoding == "garbage":
        body = draw(st.one_of(st.binary(max_size=200), invalid_utf8()))
        content_type = draw(
            st.sampled_from(
                [
                    "application/x-www-form-urlencoded",
                    "multipart/form-data",
                    "multipart/form-data; boundary=",
                    "application/json",
                    "text/plain; charset=utf-16",
                    "application/x-www-form-urlencoded; charset=nonexistent",
                ]
            )
        )
        return content_type, body
    body = b"&".join(
        quote(str(name), safe="").encode()
        + b"="
        + (
            quote_from_bytes(value).encode()
            if isinstance(value, bytes)
            else quote(str(value).encode("utf-8", "surrogatepass"), safe="").encode()
        )
        for name, value in pairs
    )
    return "application/x-www-form-urlencoded", body


def _urlencoded(pairs):
    return "application/x-www-form-urlencoded", urlencode(pairs).encode()


@st.composite
def repeated_field_posts(draw, valid):
    """A valid submission with some of its fields sent 2, 3 or 30 times (``q_x=a&q_x=a&q_x=a``): a form reads
    the last value of a single-valued field, so the submission stays valid unless repetition matters."""
    pairs = []
    for key, value in valid.items():
        values = value if isinstance(value, list) else [value]
        if draw(st.booleans()):
            pairs.extend([(key, values[0])] * draw(st.sampled_from([2, 3, 30])))
        else:
            pairs.extend((key, item) for item in values)
    return _urlencoded(pairs)


def long_email(length):
    """A well-formed address of ``length`` characters (a 64-character local part, labels of at most 63)."""
    domain_length = length - 65 - len(".org")
    labels = []
    while domain_length > 0:
        size = min(63, domain_length)
        if domain_length - size == 1:  # a dot needs a label after it
            size -= 1
        labels.append("d" * size)
        domain_length -= size + 1
    return "x" * 64 + "@" + ".".join(labels) + ".org"


def oversize_field_posts(valid, text_fields, email_fields=("email",)):
    """A valid submission with one text field's value replaced by an oversize one (or one with a control
    character), to find where the form allows what the column cannot hold. Email fields get well-formed
    addresses of 250 to 321 characters (a column holds 254; a valid address may have 320)."""

    def build(item):
        name, value = item
        pairs = []
        for key, current in valid.items():
            values = current if isinstance(current, list) else [current]
            pairs.extend([(key, value)] if key == name else [(key, v) for v in values])
        return _urlencoded(pairs)

    local = st.integers(1, 400).map(lambda n: "x" * n)
    emails = st.sampled_from([250, 254, 255, 256, 300, 320, 321]).map(long_email)
    control = st.tuples(st.sampled_from(CONTROL_CHARACTERS), st.sampled_from(["", "Ada", "Ada Lovelace"])).map(
        lambda item: item[1] + item[0] + item[1]
    )

    def value_for(name):
        if name in email_fields:
            return st.one_of(emails, emails, control).map(lambda value: (name, value))
        return st.one_of(oversize_text(), local, control).map(lambda value: (name, value))

    return st.sampled_from(list(text_fields)).flatmap(value_for).map(build)


def known_gap_posts(valid, replacements):
    """The submission ``valid`` with ``replacements`` (``{name: value or [values]}``): pinned examples."""
    pairs = []
    for key, current in {**valid, **replacements}.items():
        values = current if isinstance(current, list) else [current]
        pairs.extend((key, value) for value in values)
    return _urlencoded(pairs)


def confirmation_tokens(valid_tokens):
    """A path segment for ``confirm/<token>/``: real tokens, tampered ones, garbage."""
    alphabet = string.ascii_letters + string.digits + "-_"
    tampered = st.tuples(st.sampled_from(valid_tokens), st.integers(0, 200), st.sampled_from(alphabet)).map(
        lambda item: item[0][: item[1] % len(item[0])] + item[2] + item[0][item[1] % len(item[0]) + 1 :]
    )
    return st.one_of(
        st.sampled_from(valid_tokens),
        tampered,
        st.text(alphabet=alphabet, min_size=1, max_size=300),
        st.sampled_from(["x" * 5000, "-", "_", "0", "%00", "%FF", "..", "e30", "YWJj"]),
    )
