"""A pure-Python extraction of the package's translatable strings, as ``makemessages`` would find them.

Python files: calls of ``_``, ``gettext``, ``gettext_lazy``, ``gettext_noop``, ``ngettext(_lazy)``,
``pgettext(_lazy)`` and ``npgettext(_lazy)`` with literal arguments (read with :mod:`ast`). Templates:
Django's own ``templatize()`` (what ``makemessages`` feeds to xgettext) turns them into Python-like code,
whose gettext calls are read with :mod:`tokenize`. No GNU gettext tools needed.

Each message is a key ``(msgctxt, msgid, msgid_plural)``, ``msgctxt``/``msgid_plural`` ``None`` if absent.
"""

import ast
import io
import tokenize
from pathlib import Path

from django.utils.translation.template import templatize

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "seismic_wagtail"
LOCALE_DIR = PACKAGE_DIR / "core" / "locale"
LANGUAGES = ["en", "de", "fr", "nl", "cs", "hu", "it", "nb", "sv", "tr"]

# keyword -> (index of msgctxt or None, index of msgid, index of msgid_plural or None)
KEYWORDS = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


def _key(args, spec):
    ctxt, msgid, plural = spec
    needed = max(index for index in spec if index is not None)
    if len(args) <= needed or any(not isinstance(args[i], str) for i in spec if i is not None):
        return None
    return (
        args[ctxt] if ctxt is not None else None,
        args[msgid],
        args[plural] if plural is not None else None,
    )


def python_messages(source):
    messages = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name not in KEYWORDS:
            continue
        args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
        if (key := _key(args, KEYWORDS[name])) is not None and key[1]:
            messages.add(key)
    return messages


def template_messages(source):
    """The messages of a Django template, through ``templatize`` (as makemessages does)."""
    # Indentation means nothing in templatize's output (its strings are reprs, one line each), but an include
    # whose first line is indented less than its second would make tokenize raise IndentationError.
    code = "\n".join(line.lstrip() for line in templatize(source).splitlines())
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(code).readline)
        if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
    ]
    messages = set()
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in KEYWORDS:
            continue
        if index + 1 >= len(tokens) or tokens[index + 1].string != "(":
            continue
        args, current, position = [], None, index + 2
        while position < len(tokens) and tokens[position].string != ")":
            tok = tokens[position]
            if tok.type == tokenize.STRING:
                current = (current or "") + ast.literal_eval(tok.string)
            elif tok.string == ",":
                args.append(current)
                current = None
            else:
                current = None if current is None else current
            position += 1
        args.append(current)
        if (key := _key(args, KEYWORDS[token.string])) is not None and key[1]:
            messages.add(key)
    return messages


def package_messages(package_dir=PACKAGE_DIR):
    """Every message of the package's Python modules and templates (migrations left out, as makemessages is told)."""
    messages = {}
    for path in sorted(package_dir.rglob("*")):
        if "migrations" in path.parts or not path.is_file():
            continue
        relative = path.relative_to(package_dir)
        if path.suffix == ".py":
            found = python_messages(path.read_text(encoding="utf-8"))
        elif path.suffix in (".html", ".txt", ".xml") and "templates" in path.parts:
            found = template_messages(path.read_text(encoding="utf-8"))
        else:
            continue
        for key in found:
            messages.setdefault(key, []).append(str(relative))
    # As in gettext, a msgid used both alone and with a plural is one (plural) catalogue entry.
    plural_ids = {(context, msgid): key for key in messages for context, msgid, plural in [key] if plural}
    for key in [key for key in messages if not key[2] and (key[0], key[1]) in plural_ids]:
        messages[plural_ids[(key[0], key[1])]].extend(messages.pop(key))
    return messages


def catalogue_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)
