"""Proposing spans, part 2: the ``ogi_org_units`` component, regional bodies built from unit
templates and the region table ("Dinas Kesehatan NTB", "Pemkab Lombok Timur", "Polres Bima
Kota", "KPU NTB"), any "Dinas/Suku Dinas/Biro <field> <region>", and units listed before one
that names the region."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import (
    LEVEL_TITLE,
    LEVEL_WORDS,
    LEVELS,
    PartnerConfig,
    Region,
    Unit,
    load_config,
)
from .mentions import Mention, _candidates, _caps
from .recognise import _phrase_matcher, _short_ok, _upper_start
from .text import clean_name, norm_name
from .tokenizer import _tk

_COMPASS = frozenset({"Barat", "Timur", "Utara", "Selatan", "Tengah"})


def field_office_name(field_name: str, region: str, level: str | None) -> str:
    """ "Dinas Kesehatan Kota Bekasi"; a Jakarta kota's offices are "Suku Dinas ... Kota
    Administrasi Jakarta Selatan" (a suku dinas serves an administrative city)."""
    if field_name.startswith("Suku Dinas"):
        return f"{field_name} Kota Administrasi {region}" if level in (None, "kota") else f"{field_name} {region}"
    return f"{field_name} {UnitComponent.region_phrase('full', region, level)}"


@Language.factory("ogi_org_units", default_config={"gazetteer_path": None})
def make_units_component(nlp: Language, name: str, gazetteer_path: str | None) -> "UnitComponent":
    return UnitComponent(nlp, load_config(gazetteer_path))


class UnitComponent:
    """Regional bodies: unit head (or an open "Dinas <field>") + optional level word + region."""

    OPEN_FIELD_HEADS = {"dinas": "Dinas", "suku dinas": "Suku Dinas", "sudin": "Suku Dinas", "biro": "Biro"}

    def __init__(self, nlp: Language, cfg: PartnerConfig):
        self.cfg = cfg
        self.units_by_head: dict[str, list[Unit]] = {}
        for u in cfg.units:
            for h in u.heads:
                self.units_by_head.setdefault(h.lower(), []).append(u)
        self.head_matcher = _phrase_matcher(nlp, [h for u in cfg.units for h in u.heads], lambda f: "HEAD")
        self.field_matcher = _phrase_matcher(nlp, ["Dinas", "Suku Dinas", "Sudin", "Biro"], lambda f: "FIELD")
        self.regions_by_form: dict[str, list[Region]] = {}
        for form, reg in cfg.regions:
            self.regions_by_form.setdefault(form.lower(), []).append(reg)
        self.region_matcher = _phrase_matcher(nlp, [f for f, _ in cfg.regions], lambda f: "REGION")
        self.field_units = {norm_name(u.name): u for u in cfg.units if u.name.startswith("Dinas ")}

    # -- region parsing

    def _region_at(self, doc: Doc, i: int, region_spans: dict[int, int], caps: bool) -> tuple[int, list[Region]] | None:
        end = region_spans.get(i)
        if end is None:
            return None
        span = doc[i:end]
        if not _upper_start(span, caps):
            return None
        regs = [r for r in self.regions_by_form.get(span.text.lower(), []) if r.written_as(span.text, caps)]
        return (end, regs) if regs else None

    def _open_region(self, doc: Doc, i: int, caps: bool, limit: int = 3) -> int:
        """A capitalised place name the tables lack: up to ``limit`` Titlecase tokens."""
        tk = _tk(doc)
        if caps:
            return i
        j = i
        words = tk.words
        while j < len(words) and j - i < limit:
            t = words[j]
            if t == "-" and j > i and j + 1 < len(words) and words[j + 1][:1].isupper() and words[j + 1].isalpha():
                j += 2  # "Soekarno - Hatta"
                continue
            if not (t[:1].isupper() and t[1:].islower() and t.isalpha()) or t in self.cfg.stop_words:
                break
            j += 1
        return j

    def parse_region(self, doc: Doc, i: int, unit: Unit | None, region_spans: dict[int, int],
                     caps: bool) -> tuple[int, str, str | None, str] | None:
        """After a head at token i: -> (end, region name, level, region text as written)."""
        tk = _tk(doc)
        n = len(doc)
        j = i
        # "(Pemkab)" / "(DPRD)" between head and region
        if j < n and tk.words[j] == "(":
            k = j + 1
            while k < n and k - j <= 4 and tk.words[k] != ")":
                k += 1
            if k < n and tk.words[k] == ")":
                j = k + 1
        if j < n and tk.words[j] == "RI":  # "Ombudsman RI Perwakilan NTB"
            j += 1
        if j < n and tk.lower[j] == "perwakilan":
            j += 1
        level = None
        lj = j
        if j < n and tk.lower[j] in LEVEL_WORDS:
            level = LEVEL_WORDS[tk.lower[j]]
            lj = j + 1
            if lj < n and tk.words[lj] == ".":
                lj += 1
            if level == "kota" and lj < n and tk.lower[lj] == "administrasi":
                lj += 1
        levels = unit.levels if unit else LEVELS
        if level and level not in levels and not (unit and unit.style == "bare"):
            return None
        found = self._region_at(doc, lj, region_spans, caps)
        if found:
            end, regs = found
            if level:
                regs = [r for r in regs if level in r.levels()]
            else:
                regs = [r for r in regs if any(lv in levels for lv in r.levels())]
            if regs:
                reg = regs[0]
                lvl = level or next(lv for lv in LEVELS if lv in reg.levels() and lv in levels)
                # "Polres Bogor Kota", "Polres Metro Bekasi Kota"
                if unit and unit.style == "bare" and end < n and tk.words[end] == "Kota" and \
                        (end + 1 >= n or not tk.words[end + 1][:1].isupper() or
                         tk.words[end + 1] in self.cfg.stop_words):
                    return end + 1, reg.name + " Kota", "kota", tk.span(lj, end + 1)
                written = tk.span(j, end) if level else tk.span(lj, end)
                name = reg.name
                # "Polsek Bekasi Barat", "Polres Ogan Komering Ulu Timur": a police or court area
                # named after the region plus a compass word is another area
                if unit and unit.style == "bare" and end < n and tk.words[end] in _COMPASS and \
                        (end + 1 >= n or not tk.words[end + 1][:1].isupper()):
                    return end + 1, tk.span(lj, end + 1), lvl, tk.span(lj, end + 1)
                # courts and police keep a city-like province alias: "Pengadilan Tipikor Jakarta"
                if unit and unit.style == "bare" and reg.level == "province" and not level:
                    w = tk.span(lj, end)
                    if w != reg.short and not w.isupper() and w.lower() != reg.name.lower():
                        name = w
                return end, name, lvl, written
        if (level or (unit and unit.open_region)) and not (unit and unit.level_required and not level):
            end = self._open_region(doc, lj, caps)
            if end > lj:
                name = tk.span(lj, end)
                if end < n and tk.words[end] == "Kota" and unit and unit.style == "bare":
                    end += 1
                    name += " Kota"
                return end, name, level, tk.span(j, end)
        return None

    # -- naming

    @staticmethod
    def region_phrase(style: str, region: str, level: str | None, level_written: bool = False) -> str:
        # "full": always the level; "bare": only a level the article writes ("Polres Kota X")
        if level and (style == "full" or (level_written and style == "bare")):
            return f"{LEVEL_TITLE[level]} {region}"
        if style == "perwakilan":
            return f"Perwakilan {region}"
        return region

    def make_mention(self, doc: Doc, start: int, end: int, unit: Unit, head_text: str, region: str,
                     level: str | None, written_region: str) -> Mention:
        cfg = self.cfg
        base = unit.name
        entry = cfg.by_key.get(unit.chapter_of) if unit.chapter_of else None
        level_written = written_region.split()[0].lower().rstrip(".") in LEVEL_WORDS if written_region else False
        name = f"{base} {self.region_phrase(unit.style, region, level, level_written)}"
        short = dict(unit.short_by_level).get(level or "", unit.short)
        head_is_short = head_text.lower() != base.lower() and len(head_text) <= 16
        acronym = f"{head_text if head_is_short else short} {written_region}".strip() if short or head_is_short else None
        typ = unit.type
        # a derived body that is also a gazetteer entry keeps the entry's identity
        known = cfg.by_name.get(norm_name(name))
        if known is not None:
            return Mention(start, end, known.key, known.name, acronym or known.acronym, known.type,
                           known.region, True, "unit", key=known.key,
                           written_short=acronym if head_is_short else None)
        ident = "unit:" + norm_name(name)
        return Mention(start, end, ident, name, acronym, typ, region, True, "unit",
                       key=f"{unit.chapter_of or unit.key}@{norm_name(region)}",
                       written_short=acronym if head_is_short else None,
                       is_media=bool(entry and entry.type == "media"))

    def __call__(self, doc: Doc) -> Doc:
        caps = _caps(doc)
        out = _candidates(doc)
        region_spans: dict[int, int] = {}
        for _, s, e in self.region_matcher(doc):
            region_spans[s] = max(region_spans.get(s, s), e)
        best: dict[int, tuple[int, Mention, int]] = {}
        regions_at: dict[int, tuple[str, str | None, str]] = {}
        bare_heads: list[tuple[int, int]] = []
        for _, s, e in self.head_matcher(doc):
            head = doc[s:e]
            for unit in self.units_by_head.get(head.text.lower(), []):
                if unit.chapter_of:
                    entry = self.cfg.by_key[unit.chapter_of]
                    form_short = head.text.lower() not in (entry.name.lower(), *(a.lower() for a in entry.aliases))
                    if form_short and not any(_short_ok(head.text, f, caps) for f, sh in entry.surface_forms() if sh):
                        continue
                parsed = self.parse_region(doc, e, unit, region_spans, caps)
                if not parsed:
                    continue
                # lowercase heads ("pemerintah Kabupaten Sukabumi") only with a known region
                if not _upper_start(head, caps) and parsed[1] not in {r.name for _, r in self.cfg.regions}:
                    continue
                end, region, level, written = parsed
                m = self.make_mention(doc, s, end, unit, head.text, region, level, written)
                # the longest span wins; on a tie the longer head ("Kepolisian Resor Kota")
                if s not in best or best[s][0] < end or (best[s][0] == end and e > best[s][2]):
                    best[s] = (end, m, e)
                    regions_at[s] = (region, level, written)
            if s not in best:
                bare_heads.append((s, e))
        for _, s, e in self.field_matcher(doc):
            found = self._open_field(doc, s, e, region_spans, caps)
            if found and (s not in best or best[s][0] < found[0].end):
                best[s] = (found[0].end, found[0], e)
                regions_at[s] = found[1]
        self._share_regions(doc, bare_heads, best, regions_at, caps)
        out.extend(m for _, m, _ in best.values())
        return doc

    def _share_regions(self, doc: Doc, bare_heads: list[tuple[int, int]], best: dict, regions_at: dict,
                       caps: bool) -> None:
        """Units listed before one that names its region share it: "Satpol PP, Damkar dan Dinkes
        Kota Bekasi", "Satuan Polisi Pamong Praja (Satpol PP) dan Dinas Perhubungan DKI Jakarta"."""
        if not bare_heads or not regions_at:
            return
        tk = _tk(doc)
        words = tk.words
        n = len(words)
        for s, e in sorted(set(bare_heads), reverse=True):
            if s in best or any(bs < s < b[0] for bs, b in best.items()):
                continue  # inside a longer body
            head_text = tk.span(s, e)
            if not (caps or head_text[:1].isupper()):
                continue
            j = e
            if j < n and words[j] == "(":  # "(Satpol PP)"
                k = next((k for k in range(j + 1, min(n, j + 5)) if words[k] == ")"), None)
                if k is None:
                    continue
                j = k + 1
            if not (j < n and words[j] in (",", "dan", "serta", "&")):
                continue
            j += 1
            if j < n and words[j] in ("dan", "serta"):
                j += 1
            if j not in regions_at or j not in best:
                continue
            region, level, written = regions_at[j]
            for unit in self.units_by_head.get(head_text.lower(), []):
                if unit.chapter_of or (level and level not in unit.levels):
                    continue
                m = self.make_mention(doc, s, e, unit, head_text, region, level, written)
                best[s] = (e, m, e)
                regions_at[s] = (region, level, written)
                break

    def _open_field(self, doc: Doc, s: int, e: int, region_spans: dict[int, int],
                    caps: bool) -> tuple[Mention, tuple[str, str | None, str]] | None:
        """"Dinas <Field words> <region>" for any field; the region must be recognised. Returns the
        mention and its (region, level, region as written)."""
        tk = _tk(doc)
        head = tk.span(s, e)
        if not (caps or head[:1].isupper()):
            return None
        head_norm = self.OPEN_FIELD_HEADS[" ".join(head.lower().split())]
        if head_norm == "Dinas" and s > 0 and tk.words[s - 1] == "Suku":
            return None  # the longer "Suku Dinas" match handles it
        n = len(doc)
        j = e
        while j < n and j - e < (6 if caps else 12):
            t = tk.words[j]
            if self.parse_region(doc, j, None, region_spans, caps) and j > e:
                break
            if t[:1].isupper() and t not in self.cfg.stop_words and (t.isalpha() or t.isupper()):
                j += 1
            elif t in ("dan", ",", "&") and j + 1 < n and tk.words[j + 1][:1].isupper() and \
                    tk.lower[j + 1] not in ("dinas", "sudin", "suku", "biro"):  # "Sudin LH dan Sudin UKM"
                j += 1
            elif t in ("Setda", "Sekretariat") and head_norm == "Biro":
                break
            else:
                return None
        if j == e:
            return None
        fields = tk.span(e, j)
        k = j
        prefix = ""
        if head_norm == "Biro":
            if tk.words[k] == "Setda":
                k += 1
            elif tk.words[k] == "Sekretariat" and k + 1 < n and tk.words[k + 1] == "Daerah":
                k += 2
            prefix = " Sekretariat Daerah"
        parsed = self.parse_region(doc, k, None, region_spans, caps)
        if not parsed:
            return None
        end, region, level, written = parsed
        field_name = clean_name(f"{head_norm} {fields.title() if caps else fields}")
        field_name = re.sub(r"\b(Dan|Untuk)\b", lambda m: m.group(0).lower(), field_name) if caps else field_name
        unit = self.field_units.get(norm_name(field_name))
        name = field_office_name(field_name + prefix, region, level)
        known = self.cfg.by_name.get(norm_name(name))
        acronym = f"{unit.short} {written}" if unit else None
        if head != head_norm:  # "Sudin PKP Jakarta Barat" is its own acronym
            acronym = tk.span(s, end)
        if known is not None:
            return Mention(s, end, known.key, known.name, known.acronym, known.type, known.region, True,
                           "unit", key=known.key), (region, level, written)
        return Mention(s, end, "unit:" + norm_name(name), name, acronym, "government", region, True, "unit",
                       key=f"dinas@{norm_name(name)}"), (region, level, written)
