"""Shared pieces every other seismic_wagtail app builds on.

Snippets (``Theme``, ``Organisation``), StreamField blocks, template tags, the demo-content command and
settings access (:mod:`seismic_wagtail.core.conf`). ``core`` imports none of the domain apps.
"""
