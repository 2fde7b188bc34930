"""The package's own Django format modules (``FORMAT_MODULE_PATH`` style), used by :mod:`seismic_wagtail.core.formats`
where the site's ``FORMAT_MODULE_PATH`` has no module for the language. A site can also put this path in its own
``FORMAT_MODULE_PATH`` to use the same formats outside the package's pages (forms, the Wagtail admin)."""
