"""Per-language text analysis: the Elasticsearch/OpenSearch analysers and the PostgreSQL text search configurations.

One table, :data:`LANGUAGES`, says for each of the package's ten languages how its text is analysed on every
backend the package supports:

- ``"postgres"``: the PostgreSQL text search configuration (``SELECT cfgname FROM pg_ts_config``) the database
  backend of :mod:`seismic_wagtail.search.backends.database` indexes and queries the language with; ``None``
  when PostgreSQL ships none (Czech): :data:`POSTGRES_FALLBACK_CONFIG` is used, with prefix matching;
- ``"prefix"``: query words also match as prefixes (``'deprem':*``) on PostgreSQL, where the language's
  stemmer alone misses forms: the Snowball stemmers of Turkish and Hungarian drop a word's last consonant in
  some forms only ("deprem" -> "depre" but "depremler" -> "deprem"; "kert" -> "ker" but "kertek" -> "kert"),
  and Czech has no stemmer at all;
- the rest (``"builtin"``, ``"filter"``, ``"chain"``, ``"lowercase"``): the Elasticsearch/OpenSearch analyser.

For Elasticsearch/OpenSearch, each of the package's ten languages gets a custom analyser built from the filters of Elasticsearch's own
language analyser for it (the "rebuilt" analysers of the Elasticsearch reference), so every step is visible
here and can be changed by a site (``OPTIONS``-free: subclass the backend and override
``get_language_analysis``). The choices, and where they differ from the built-in analysers, are documented in
``docs/reference/search.md``.

A language without an entry here (a site may add content languages) falls back to ``standard`` analysis:
lower-casing and Unicode word splitting, no stemming and no stop words.
"""

from copy import deepcopy

#: The PostgreSQL configuration of a language PostgreSQL has none for (and of a language not in the table):
#: lower-casing only, no stemming, no stop words.
POSTGRES_FALLBACK_CONFIG = "simple"
#: On the database backends, query words shorter than this match whole words only, also where words match as
#: prefixes ("la" is no prefix). The backends' ``PREFIX_MIN_LENGTH`` option changes it.
PREFIX_MIN_LENGTH = 3

#: The text analyser of a language index, and the analyser its autocomplete field is searched with.
TEXT_ANALYZER = "seismic_text"
AUTOCOMPLETE_SEARCH_ANALYZER = "seismic_autocomplete_search"
#: Wagtail's own name for the analyser its autocomplete (``_edgengrams``) fields are indexed with.
EDGENGRAM_ANALYZER = "edgengram_analyzer"


def _stop(language):
    return {"type": "stop", "stopwords": f"_{language}_"}


def _stemmer(language):
    return {"type": "stemmer", "language": language}


#: language code -> {"filter": {...custom filters...}, "chain": [...filter names in order...],
#: "postgres"/"prefix": see the module docstring,
#: "lowercase": name of the lower-casing filter (also used for autocomplete), "description": for the docs}
LANGUAGES = {
    "en": {
        "postgres": "english",
        "prefix": False,
        "builtin": "english",
        "filter": {
            "seismic_possessive": _stemmer("possessive_english"),
            "seismic_stop": _stop("english"),
            "seismic_stemmer": _stemmer("english"),
        },
        "chain": ["seismic_possessive", "lowercase", "seismic_stop", "seismic_stemmer"],
    },
    "de": {
        "postgres": "german",
        "prefix": False,
        "builtin": "german",
        "filter": {
            "seismic_stop": _stop("german"),
            "seismic_stemmer": _stemmer("light_german"),
        },
        "chain": ["lowercase", "seismic_stop", "german_normalization", "seismic_stemmer"],
    },
    "fr": {
        "postgres": "french",
        "prefix": False,
        "builtin": "french",
        "filter": {
            "seismic_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
            },
            "seismic_stop": _stop("french"),
            "seismic_stemmer": _stemmer("light_french"),
        },
        "chain": ["seismic_elision", "lowercase", "seismic_stop", "seismic_stemmer"],
    },
    "nl": {
        "postgres": "dutch",
        "prefix": False,
        "builtin": "dutch",
        "filter": {
            "seismic_stop": _stop("dutch"),
            "seismic_stemmer": _stemmer("dutch"),
        },
        "chain": ["lowercase", "seismic_stop", "seismic_stemmer"],
    },
    "cs": {
        "postgres": None,
        "prefix": True,
        "builtin": "czech",
        "filter": {
            "seismic_stop": _stop("czech"),
            "seismic_stemmer": _stemmer("czech"),
        },
        "chain": ["lowercase", "seismic_stop", "seismic_stemmer"],
    },
    "hu": {
        "postgres": "hungarian",
        "prefix": True,
        "builtin": "hungarian",
        "filter": {
            "seismic_stop": _stop("hungarian"),
            "seismic_stemmer": _stemmer("hungarian"),
        },
        "chain": ["lowercase", "seismic_stop", "seismic_stemmer"],
    },
    "it": {
        "postgres": "italian",
        "prefix": False,
        "builtin": "italian",
        "filter": {
            "seismic_elision": {
                "type": "elision",
                "articles": [
                    "c",
                    "l",
                    "all",
                    "dall",
                    "dell",
                    "nell",
                    "sull",
                    "coll",
                    "pell",
                    "gl",
                    "agl",
                    "dagl",
                    "degl",
                    "negl",
                    "sugl",
                    "un",
                    "m",
                    "t",
                    "s",
                    "v",
                    "d",
                ],
            },
            "seismic_stop": _stop("italian"),
            "seismic_stemmer": _stemmer("light_italian"),
        },
        "chain": ["seismic_elision", "lowercase", "seismic_stop", "seismic_stemmer"],
    },
    "nb": {
        "postgres": "norwegian",
        "prefix": False,
        "builtin": "norwegian",
        "filter": {
            "seismic_stop": _stop("norwegian"),
            "seismic_stemmer": _stemmer("norwegian"),
        },
        "chain": ["lowercase", "seismic_stop", "seismic_stemmer"],
    },
    "sv": {
        "postgres": "swedish",
        "prefix": False,
        "builtin": "swedish",
        "filter": {
            "seismic_stop": _stop("swedish"),
            "seismic_stemmer": _stemmer("swedish"),
        },
        # asciifolding after the stemmer: plurals with umlaut stem to the folded singular
        # ("städerna" -> "städ" -> "stad", "staden" -> "stad"), and "staderna" typed without ä matches too.
        "chain": ["lowercase", "seismic_stop", "seismic_stemmer", "asciifolding"],
    },
    "tr": {
        "postgres": "turkish",
        "prefix": True,
        "builtin": "turkish",
        "filter": {
            # Turkish lower-casing: "I" -> "ı" and "İ" -> "i" (the default lowercase filter would make "i̇").
            "seismic_lowercase": {"type": "lowercase", "language": "turkish"},
            "seismic_stop": _stop("turkish"),
            "seismic_stemmer": _stemmer("turkish"),
        },
        # apostrophe drops the suffix after an apostrophe: "İstanbul'da" -> "istanbul".
        "chain": ["apostrophe", "seismic_lowercase", "seismic_stop", "seismic_stemmer"],
        "lowercase": "seismic_lowercase",
    },
}


def normalise_language(language_code):
    """The key of :data:`LANGUAGES` for a language code: ``"de-AT"`` -> ``"de"``, ``"nn"``/``"no"`` -> ``"nb"``."""
    code = (language_code or "").lower().replace("_", "-")
    base = code.split("-")[0]
    if base in ("no", "nn"):
        return "nb"
    return base


def get_postgres_config(language_code):
    """``(config, prefix)`` for a language on PostgreSQL: its text search configuration and whether query words
    also match as prefixes. A language without a shipped configuration (Czech, or one not in
    :data:`LANGUAGES`) gets ``(POSTGRES_FALLBACK_CONFIG, True)``."""
    spec = LANGUAGES.get(normalise_language(language_code))
    if spec is None or not spec.get("postgres"):
        return POSTGRES_FALLBACK_CONFIG, True
    return spec["postgres"], bool(spec.get("prefix"))


def get_language_analysis(language_code):
    """The ``settings.analysis`` fragment of one language's index (analysers and filters).

    Defines :data:`TEXT_ANALYZER` (full text: stemming, stop words), :data:`AUTOCOMPLETE_SEARCH_ANALYZER`
    (the language's lower-casing only, for searching the autocomplete field) and redefines Wagtail's
    ``edgengram_analyzer`` with the language's lower-casing.
    """
    spec = LANGUAGES.get(normalise_language(language_code))
    if spec is None:
        return {
            "analyzer": {
                TEXT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
                AUTOCOMPLETE_SEARCH_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            },
            "filter": {},
        }
    lowercase = spec.get("lowercase", "lowercase")
    return {
        "analyzer": {
            TEXT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": list(spec["chain"])},
            AUTOCOMPLETE_SEARCH_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": [lowercase]},
            EDGENGRAM_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["asciifolding", lowercase, "edgengram"],
            },
        },
        "filter": deepcopy(spec["filter"]),
    }


def localise_mapping(mapping):
    """Return a copy of a Wagtail mapping whose text fields use the language analysers of the index.

    Full-text fields (``_all_text``, ``_all_text_boost_*`` and every ``text`` field without an analyser)
    get :data:`TEXT_ANALYZER`; autocomplete fields keep Wagtail's ``edgengram_analyzer`` (redefined per
    language in the index settings) and are searched with :data:`AUTOCOMPLETE_SEARCH_ANALYZER`.
    """
    mapping = deepcopy(mapping)

    def visit(properties):
        for field in properties.values():
            if field.get("type") == "nested":
                visit(field.get("properties", {}))
            elif field.get("type") == "text":
                if field.get("analyzer") == EDGENGRAM_ANALYZER:
                    field["search_analyzer"] = AUTOCOMPLETE_SEARCH_ANALYZER
                elif "analyzer" not in field:
                    field["analyzer"] = TEXT_ANALYZER

    visit(mapping.get("properties", {}))
    return mapping
