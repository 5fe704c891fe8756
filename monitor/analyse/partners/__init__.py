"""Partner organisations in an article (codebook section 2) on ``spacy.blank("id")``.

The blank pipeline gets a fast regex tokenizer (``OgiTokenizer``, ``tokenizer.py``) that also keeps
the token texts and offsets on the Doc, so the rules work on plain lists. Pipeline (each a
registered spaCy component reading ``config/partners.toml``, loaded and validated by
``gazetteer.py``):

- ``ogi_org_gazetteer`` (``recognise.py``): a case-insensitive PhraseMatcher (attr LOWER) over the
  names, aliases and short forms of the gazetteer's organisations.
- ``ogi_org_units`` (``units.py``): regional bodies from unit templates plus a region table
  ("Dinas Kesehatan NTB", "Pemkab Lombok Timur", "Polres Sukabumi", "KPU NTB", "FITRA NTB").
- ``ogi_org_rules`` (``rules.py``, word tables in ``lexicon.py``): organisations the gazetteer
  lacks: "Long Name (ACR)" definitions, capitalised names after an organisation head
  ("Universitas ...", "PT ... Tbk", "Partai ...") or after a describing noun ("perusahaan
  keamanan siber Kaspersky"), national teams, listed companies by stock code, and sub-units in
  front of a known body ("Komisi VIII DPR", "Ditreskrimsus Polda Riau").
- ``ogi_org_resolver`` (``resolve.py``): one span per place (longest wins, a known name beats an
  open guess), parents written inside a sub-unit's name, article-local acronyms, and news outlets
  cited only as the story's source dropped.

``PartnerExtractor`` (``extractor.py``) masks noise first (HTML leftovers, "Baca juga" / video
teasers) without moving offsets, runs the pipeline and folds mentions into one ``Partner`` per
organisation (``resolve.fold_partners``). ``mentions.py`` holds ``Mention`` and the per-Doc state
the components share, ``text.py`` the name normalisation, ``evaluate.py`` scoring against gold
and the dev/held-out split, ``review.py`` the queue of organisations the gazetteer lacks.

Importing this package registers the four ``ogi_org_*`` factories.
"""

from .evaluate import (
    DEFAULT_SPLIT,
    evaluate,
    gold_partner_rows,
    load_split,
    match_article,
    orgs_match,
    split_ids,
)
from .extractor import PartnerExtractor, build_nlp, mask_noise
from .gazetteer import (
    CHAPTER_STYLES,
    DEFAULT_GAZETTEER,
    LEVEL_TITLE,
    LEVEL_WORDS,
    LEVELS,
    MAX_NAME_CHARS,
    MAX_NAME_TOKENS,
    TYPES,
    GazetteerEntry,
    GazetteerError,
    OpenHead,
    PartnerConfig,
    Region,
    Unit,
    load_config,
    load_gazetteer,
)
from .lexicon import FOREIGN_HEADS_1, FOREIGN_HEADS_2, MILITARY_UNITS, SUBUNIT_PREFIXES
from .mentions import Mention
from .recognise import GazetteerComponent, make_gazetteer_component
from .resolve import Resolver, fold_partners, make_resolver
from .review import review_candidates
from .rules import RuleComponent, make_rules_component
from .text import clean_name, expand_countries, is_all_caps, norm_name, strip_legal
from .tokenizer import OgiTokenizer
from .units import UnitComponent, make_units_component

__all__ = [
    "CHAPTER_STYLES", "DEFAULT_GAZETTEER", "DEFAULT_SPLIT", "FOREIGN_HEADS_1", "FOREIGN_HEADS_2", "LEVELS",
    "LEVEL_TITLE", "LEVEL_WORDS", "MAX_NAME_CHARS", "MAX_NAME_TOKENS", "MILITARY_UNITS", "SUBUNIT_PREFIXES",
    "TYPES", "GazetteerComponent", "GazetteerEntry", "GazetteerError", "Mention", "OgiTokenizer", "OpenHead",
    "PartnerConfig", "PartnerExtractor", "Region", "Resolver", "RuleComponent", "Unit", "UnitComponent",
    "build_nlp", "clean_name", "evaluate", "expand_countries", "fold_partners", "gold_partner_rows",
    "is_all_caps", "load_config", "load_gazetteer", "load_split", "make_gazetteer_component",
    "make_resolver", "make_rules_component", "make_units_component", "mask_noise", "match_article",
    "norm_name", "orgs_match", "review_candidates", "split_ids", "strip_legal",
]
