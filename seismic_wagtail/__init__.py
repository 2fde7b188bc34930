"""Multilingual Wagtail page types for city networks (SEiSMiC)."""

__version__ = "0.1.0.dev0"
