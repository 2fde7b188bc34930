"""Story syndication: a site copies the good-practice stories of partner sites that run the package.

A partner is another site's read API (``/api/seismic/v2/``, :mod:`seismic_wagtail.stories.api`). An editor
registers it (:class:`~.models.SyndicationPartner`: name, API address, which themes, countries and languages
to take, the story index to put them under), and ``manage.py seismic_syndicate`` or the background task
(:mod:`seismic_wagtail.stories.tasks`) copies new and changed stories:

* :mod:`.client` talks HTTP to the partner (timeouts, retries, size limits) and checks what comes back;
* :mod:`.content` turns a story of the API into the fields of a local :class:`StoryPage` and back into a
  comparable snapshot (the diff an editor sees);
* :mod:`.sync` plans and applies a run: each story with all its languages and images in one transaction,
  keyed by (partner, translation key, language), so a run can stop anywhere and nothing is half-imported;
* :mod:`.models` records the partners and each copied story (:class:`~.models.SyndicatedStory`).

See ``docs/how-to/syndicate-stories.md``.
"""
