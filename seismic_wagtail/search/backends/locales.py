"""What the search backends share about locales: reading a search's locale filter from its queryset.

Both the per-language Elasticsearch/OpenSearch backends (:mod:`.multilingual`: which language indexes to
search) and the per-language database backend (:mod:`.postgres`: which text search configuration to query
with) ask the same question of a search's queryset: which locales is it limited to?
"""

from django.db.models.lookups import Exact, In
from django.db.models.sql.where import AND, WhereNode
from wagtail.models import Locale


def locale_constraints(where):
    """Locale ids and language codes a queryset's WHERE clause requires (AND-connected, not negated).

    Returns ``(locale_ids, language_codes)``, each a set or ``None`` when unconstrained.
    """
    ids, codes = None, None
    if where is None or where.negated or where.connector != AND:
        return ids, codes
    for child in where.children:
        if isinstance(child, WhereNode):
            child_ids, child_codes = locale_constraints(child)
            if child_ids is not None:
                ids = child_ids if ids is None else ids & child_ids
            if child_codes is not None:
                codes = child_codes if codes is None else codes & child_codes
            continue
        if not isinstance(child, (Exact, In)):
            continue
        target = getattr(child.lhs, "target", None)
        if target is None:
            continue
        values = child.rhs if isinstance(child, In) else [child.rhs]
        try:
            values = list(values)
        except TypeError:
            continue
        if target.model is Locale and target.name == "language_code":
            if all(isinstance(value, str) for value in values):
                found_codes = set(values)
                codes = found_codes if codes is None else codes & found_codes
        elif target.name == "locale" and target.related_model is Locale:
            values = [value.pk if isinstance(value, Locale) else value for value in values]
            if all(isinstance(value, int) for value in values):
                found_ids = set(values)
                ids = found_ids if ids is None else ids & found_ids
    return ids, codes
