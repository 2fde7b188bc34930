"""Apply the README's install section to a Wagtail site, exactly as written there.

Usage: ``python follow_readme.py README.md path/to/settings.py path/to/urls.py``

The README marks its blocks with HTML comments; the next fenced python block is the block:

- ``<!-- install: settings -->``: appended to the settings module;
- ``<!-- install: languages -->``: appended to the settings module only when it does not set ``LANGUAGES``
  (the README says so: "Only if your settings do not list LANGUAGES yet");
- ``<!-- install: urls -->``: inserted just before the line of ``urls.py`` that includes Wagtail's pages
  (``include(wagtail_urls)``), indented like that line, wherever it is (top level or inside
  ``i18n_patterns``).
"""

import re
import sys
import textwrap
from pathlib import Path

WAGTAIL_INCLUDE = re.compile(r"^(?P<indent>[ \t]*)(?!#)[^#\n]*include\(\s*wagtail_urls\s*\)", re.M)
SETS_LANGUAGES = re.compile(r"^LANGUAGES\s*\+?=", re.M)


def install_blocks(readme_text):
    blocks = dict(re.findall(r"<!-- install: ([\w-]+) -->\s*```(?:python)?\n(.*?)```", readme_text, re.S))
    missing = {"settings", "languages", "urls"} - set(blocks)
    if missing:
        sys.exit(f"README.md lacks the install blocks {sorted(missing)}")
    return blocks


def apply(readme, settings_path, urls_path):
    """Apply the blocks; nothing is written unless every block applies."""
    blocks = install_blocks(readme.read_text())
    settings = settings_path.read_text() + "\n\n" + blocks["settings"]
    applied = ["settings"]
    if not SETS_LANGUAGES.search(settings):
        settings += "\n\n" + blocks["languages"]
        applied.append("languages")

    urls = urls_path.read_text()
    matches = list(WAGTAIL_INCLUDE.finditer(urls))
    if len(matches) != 1:
        sys.exit(f"{urls_path}: expected one line with include(wagtail_urls), found {len(matches)}")
    match = matches[0]
    line = textwrap.indent(textwrap.dedent(blocks["urls"]).strip() + "\n", match["indent"])
    settings_path.write_text(settings)
    urls_path.write_text(urls[: match.start()] + line + urls[match.start() :])
    applied.append("urls")
    print(f"Applied the README's install blocks {applied} to {settings_path} and {urls_path}.")


if __name__ == "__main__":
    apply(*(Path(arg) for arg in sys.argv[1:4]))
