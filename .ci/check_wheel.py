"""Check that the wheel ships what a site needs: templates, static files, migrations, translations."""

import sys
import zipfile

names = zipfile.ZipFile(sys.argv[1]).namelist()
required = {
    "templates": [n for n in names if "/templates/seismic_wagtail/" in n and n.endswith(".html")],
    "static files": [n for n in names if "/static/seismic_wagtail/" in n],
    "migrations": [n for n in names if "/migrations/0001_initial.py" in n],
    "management command": [n for n in names if n.endswith("management/commands/seismic_demo.py")],
}
mo_files = [n for n in names if n.endswith(".mo")]
po_files = [n for n in names if n.endswith(".po")]
for label, found in required.items():
    if not found:
        sys.exit(f"The wheel ships no {label}.")
if len(mo_files) != len(po_files):
    sys.exit(f"The wheel ships {len(po_files)} .po files but {len(mo_files)} compiled .mo files.")
print(
    f"Wheel: {len(names)} files, "
    + ", ".join(f"{len(v)} {k}" for k, v in required.items())
    + f", {len(mo_files)} .mo files."
)
