"""The ``ogi_org_context`` component: the region an article is about, and regional offices
written without their region.

Codebook section 2 names a regional office with "its region where the region is part of its
identity" ("Dinas Komunikasi, Informatika dan Statistik Provinsi NTB"). News often writes the
region once and then the bare unit ("Kepala Dinas PUPR Lombok Tengah ... Dinas PUPR
menganggarkan ..."), or only in the dateline. Here the article's region is inferred from the
dateline, the regions of the regional bodies already found and the region names written, and a
bare unit ("Dinas PUPR", "Dinas Sumber Daya Air", "BPBD") takes it when the article is clearly
about one region. Without a clear region the bare unit is generic (codebook: "a generic mention
with no identity ... is not an organisation") and is dropped, but it still blocks a national
body that shares its short form ("Dinas PUPR" is never the Kementerian PUPR).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import (
    LEVEL_TITLE,
    LEVEL_WORDS,
    PartnerConfig,
    Region,
    Unit,
    load_config,
)
from .mentions import Mention, _body_start, _candidates, _caps
from .recognise import _phrase_matcher
from .text import clean_name, norm_name
from .tokenizer import _tk
from .units import UnitComponent, field_office_name

# Units that never take the article's region: a bare "DPRD" or "pemerintah daerah" is the
# codebook's own example of a generic mention; "Pemerintah" alone is any government.
_NEVER_CONTEXT = frozenset({"pemda", "dprd", "rsud"})  # a bare "RSUD" is any of several hospitals
# The dateline: "MATARAM -", "Praya, Kompas.com -", "SELONG (Antara) -"
_DATELINE_RE = re.compile(r"\s*([A-Z][A-Za-z.' ]{1,40}?)\s*(?:,|\(|-|–|—)")

if not Doc.has_extension("ogi_region"):
    Doc.set_extension("ogi_region", default=None)


@Language.factory("ogi_org_context", default_config={"gazetteer_path": None, "min_votes": 3})
def make_context_component(nlp: Language, name: str, gazetteer_path: str | None, min_votes: int) -> "ContextComponent":
    return ContextComponent(nlp, load_config(gazetteer_path), min_votes)


class ContextComponent:
    """Infer the article's region; give bare regional units that region (or mark them generic)."""

    def __init__(self, nlp: Language, cfg: PartnerConfig, min_votes: int = 3):
        self.cfg = cfg
        self.min_votes = min_votes
        # the units component names regional bodies and matches regions; one copy serves both
        self.units = UnitComponent(nlp, cfg)
        self.regions_by_name: dict[str, Region] = {}
        self.regions_by_form: dict[str, Region] = {}
        for form, reg in cfg.regions:
            self.regions_by_name.setdefault(reg.name, reg)
            self.regions_by_form.setdefault(form.lower(), reg)
        eligible = [u for u in cfg.units if u.style == "full" and not u.chapter_of and u.key not in _NEVER_CONTEXT]
        self.units_by_head: dict[str, list[Unit]] = {}
        for u in eligible:
            for h in u.heads:
                # a head that is only a generic word ("Pemerintah") is not a unit on its own
                if h.lower() != u.name.lower() or len(h.split()) > 1:
                    self.units_by_head.setdefault(h.lower(), []).append(u)
        self.head_matcher = _phrase_matcher(nlp, list(self.units_by_head), lambda f: "HEAD")

    # -- the article's region

    def _dateline_region(self, doc: Doc) -> tuple[Region, int, int] | None:
        """The region named by the dateline ("MATARAM -"), with the dateline's character span."""
        tk = _tk(doc)
        body = _body_start(doc)
        m = _DATELINE_RE.match(tk.text, body, body + 45)
        if not m:
            return None
        written = m.group(1).strip()
        if not (written.isupper() or written.istitle()):
            return None
        reg = self.regions_by_form.get(written.lower())
        return (reg, m.start(1), m.end(1)) if reg else None

    def article_region(self, doc: Doc) -> tuple[Region, str] | None:
        """(region, level) the article is about, or None when no region clearly dominates.

        Votes: the dateline 3, each regional body already found 2 (with its level), each
        written region name 1; the winner needs ``min_votes`` and twice the runner-up.
        """
        tk = _tk(doc)
        votes: Counter[str] = Counter()
        levels: dict[str, Counter[str]] = {}
        dl = self._dateline_region(doc)
        dateline = (dl[1], dl[2]) if dl else (-1, -1)
        if dl is not None:
            votes[dl[0].name] += 3
        for c in _candidates(doc):
            if c.source == "unit" and c.type == "government" and c.region in self.regions_by_name:
                votes[c.region] += 2
                if c.key and "@" in c.key:
                    level = next((lv for lv, title in LEVEL_TITLE.items() if f" {title} " in f" {c.name} "), None)
                    if level:
                        levels.setdefault(c.region, Counter())[level] += 1
        last_end = 0
        for s, e in sorted(((s, e) for _, s, e in self.units.region_matcher(doc)), key=lambda se: (se[0], -se[1])):
            if s < last_end or dateline[0] <= tk.idx[s] < dateline[1]:
                continue  # "Jakarta" inside "Jakarta Selatan"; the dateline voted already
            last_end = e
            written = tk.span(s, e)
            if not written[:1].isupper():
                continue
            reg = self.regions_by_form.get(written.lower())
            if reg is None or not reg.written_as(written):
                continue
            votes[reg.name] += 1
            if s > 0 and tk.lower[s - 1] in LEVEL_WORDS:
                levels.setdefault(reg.name, Counter())[LEVEL_WORDS[tk.lower[s - 1]]] += 1
        if not votes:
            return None
        ranked = votes.most_common()
        top, n = ranked[0]
        reg = self.regions_by_name[top]
        # the province of a kabupaten/kota story does not compete with it
        rival = next((k for name, k in ranked[1:] if name != reg.province), 0)
        if n < self.min_votes or n < 2 * rival:
            return None
        seen = levels.get(top)
        allowed = reg.levels()
        level = next((lv for lv, _ in seen.most_common() if lv in allowed), None) if seen else None
        return reg, level or allowed[0]

    # -- bare units

    def _next_is_name(self, doc: Doc, end: int) -> bool:
        """A Titlecase word right after the head: a region or name the tables lack; leave it."""
        tk = _tk(doc)
        if end >= len(doc):
            return False
        w = tk.words[end]
        return w[:1].isupper() and w.isalpha() and w not in self.cfg.stop_words and tk.lower[end] not in LEVEL_WORDS

    def __call__(self, doc: Doc) -> Doc:
        cands = _candidates(doc)
        caps = _caps(doc)
        found = self.article_region(doc)
        doc._.ogi_region = found[0].name if found else None
        covered = [False] * (len(doc) + 1)
        for c in cands:
            if c.source == "unit":
                for k in range(c.start, c.end):
                    covered[k] = True
        tk = _tk(doc)
        heads = [(s, e, self.units_by_head[tk.span(s, e).lower()]) for _, s, e in self.head_matcher(doc)]
        heads += [(s, e, None) for s, e in self._open_fields(doc, caps)]
        taken: set[int] = set()
        for s, e, units in sorted(heads, key=lambda h: (h[0], -h[1])):
            if covered[s] or s in taken or not (caps or tk.words[s][:1].isupper()):
                continue
            if units is not None and self._next_is_name(doc, e):
                continue
            taken.add(s)
            cands.append(self._bare_mention(doc, s, e, units, found))
        return doc

    def _open_fields(self, doc: Doc, caps: bool) -> list[tuple[int, int]]:
        """"Dinas <Capitalised field words>" with no region after it: (start, end) spans."""
        tk = _tk(doc)
        out = []
        n = len(doc)
        for i, w in enumerate(tk.lower):
            if w not in ("dinas", "sudin") or not (caps or tk.words[i][:1].isupper()):
                continue
            if w == "dinas" and i > 0 and tk.lower[i - 1] == "suku":
                continue
            j = i + 1
            while j < n and j - i <= 10:
                t = tk.words[j]
                if t[:1].isupper() and t.isalpha() and t not in self.cfg.stop_words and t.lower() not in self.regions_by_form \
                        and tk.lower[j] not in LEVEL_WORDS:
                    j += 1
                elif t in ("dan", ",") and j + 1 < n and tk.words[j + 1][:1].isupper() and j > i + 1 and \
                        tk.lower[j + 1] not in ("dinas", "sudin", "suku", "biro"):
                    j += 1
                else:
                    break
            while j > i + 1 and tk.words[j - 1] in ("dan", ","):
                j -= 1
            j = self._cut_field_run(doc, i, j)
            if j > i + 1 and not (j < n and (tk.lower[j] in LEVEL_WORDS or tk.words[j].lower() in self.regions_by_form)):
                start = i - 1 if w == "dinas" and i > 0 and tk.lower[i - 1] == "suku" else i
                out.append((start, j))
        return out

    def _cut_field_run(self, doc: Doc, i: int, j: int) -> int:
        """End a "Dinas <field>" run before a person's name: at the longest known field name
        it starts with when more words follow ("Dinas Pariwisata Turbey Ony ..."), or at a comma
        that no "dan" follows ("Dinas Perumahan Rakyat dan Permukiman, Agustino Darmawan")."""
        tk = _tk(doc)
        known = [k for k in range(i + 2, j + 1) if norm_name(tk.span(i, k)) in self.units.field_units]
        if known and known[-1] < j:
            return known[-1]
        for k in range(i + 1, j):
            if tk.words[k] == "," and "dan" not in tk.words[k + 1:j]:
                return k
        return j

    def _bare_mention(self, doc: Doc, s: int, e: int, units: list[Unit] | None,
                      found: tuple[Region, str] | None) -> Mention:
        tk = _tk(doc)
        written = clean_name(tk.span(s, e))
        unit = None
        if units:
            unit = next((u for u in units if found and found[1] in u.levels), units[0])
        elif found:
            unit = self.units.field_units.get(norm_name(written))
        if found and (unit is None or found[1] in unit.levels):
            reg, level = found
            if unit is not None:
                m = self.units.make_mention(doc, s, e, unit, written, reg.name, level, "")
                m.written_short = written if written.lower() != unit.name.lower() and len(written) <= 16 else None
                if m.acronym:
                    m.acronym = m.acronym.strip()
            else:  # "Dinas Kebakaran dan Penanggulangan Bencana" in a Bandung story
                words = written.split()
                n_head = 2 if words[0].lower() == "suku" else 1
                head = UnitComponent.OPEN_FIELD_HEADS[" ".join(words[:n_head]).lower()]
                name = field_office_name(" ".join([head, *words[n_head:]]), reg.name, level)
                known = self.cfg.by_name.get(norm_name(name))
                m = Mention(s, e, "unit:" + norm_name(name), name, None, "government", reg.name, True, "unit",
                            key=f"dinas@{norm_name(name)}")
                if known is not None:
                    m.ident, m.name, m.acronym, m.key = known.key, known.name, known.acronym, known.key
            m.source = "context"
            return m
        name = unit.name if unit else written
        return Mention(s, e, "generic:" + norm_name(name), name, None, "government", None, False, "generic")
