"""A site's own English formats (FORMAT_MODULE_PATH), for tests/core/test_formats.py."""

DATE_FORMAT = "d/m/Y"
