"""Apply the README's install section to a site made by ``wagtail start``, exactly as written there.

The README marks its blocks with ``<!-- install: settings -->`` and ``<!-- install: urls -->``: the next
fenced python block is appended to the settings / urls module. A ``<!-- install: urls-replace -->`` block
names the line of ``urls.py`` that the urls block replaces.
"""

import re
import sys
from pathlib import Path

readme, settings_path, urls_path = (Path(arg) for arg in sys.argv[1:4])
text = readme.read_text()
blocks = {
    marker: code
    for marker, code in re.findall(r"<!-- install: ([\w-]+) -->\s*```(?:python)?\n(.*?)```", text, re.S)
}
missing = {"settings", "urls", "urls-replace"} - set(blocks)
if missing:
    sys.exit(f"README.md lacks the install blocks {sorted(missing)}")

settings_path.write_text(settings_path.read_text() + "\n\n" + blocks["settings"])
urls = urls_path.read_text()
replaced = blocks["urls-replace"].strip()
if replaced not in urls:
    sys.exit(f"{urls_path} has no line {replaced!r} for the README to replace")
urls_path.write_text(urls.replace(replaced, "") + "\n\n" + blocks["urls"])
print(f"Applied the README's install section to {settings_path} and {urls_path}.")
