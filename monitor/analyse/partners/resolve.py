"""The ``ogi_org_resolver`` component (one candidate per place and the codebook's counting
rules) and ``fold_partners``, which folds a processed Doc's mentions into one canonical
``Partner`` per organisation."""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from monitor.models import Partner

from .gazetteer import PartnerConfig, load_config
from .lexicon import _EN_HEADS, _ID_HEADS
from .mentions import (
    _PRIORITY,
    Mention,
    _body_start,
    _candidates,
    _drop_extended_guesses,
)
from .text import clean_name, norm_name
from .tokenizer import _tk, _Toks

_GROUP_WORD_RE = re.compile(r"^(grup|group) | (group|grup|holdings)$")
_DATELINE_RE = re.compile(r"\s(?:-\s?-|--|-|–|—)\s")


# Resolver steps that an ablation may skip (``PartnerExtractor(disable=["resolver.parents"])``).
RESOLVER_STEPS = ("parents", "title_subunits", "local_acronyms", "definitions", "sources")


@Language.factory("ogi_org_resolver", default_config={"gazetteer_path": None, "skip": []})
def make_resolver(nlp: Language, name: str, gazetteer_path: str | None, skip: list[str]) -> "Resolver":
    return Resolver(load_config(gazetteer_path), skip)


class Resolver:
    """Pick one candidate per place and apply the codebook's counting rules."""

    def __init__(self, cfg: PartnerConfig, skip: list[str] | tuple[str, ...] = ()):
        unknown = set(skip) - set(RESOLVER_STEPS)
        if unknown:
            raise ValueError(f"unknown resolver step(s): {', '.join(sorted(unknown))}")
        self.skip = frozenset(skip)
        self.cfg = cfg
        self.keep_words = {w for f, _ in cfg.regions for w in norm_name(f).split()} | _ID_HEADS | _EN_HEADS

    def _attach_parents(self, doc: Doc, cands: list[Mention]) -> None:
        """An open guess that contains a known body: "Direktorat Imunisasi Kemenkes" is a sub-unit
        of Kemenkes, and "Pusat Penelitian Politik LIPI Adriana Elisabeth" ends at LIPI."""
        tk = _tk(doc)
        known = [c for c in cands if c.known and c.source in ("gazetteer", "unit")]
        for o in cands:
            if o.known or o.source not in ("open", "open_end", "definition"):
                continue
            inner = [k for k in known if o.start < k.start and k.end <= o.end]
            if not inner:
                continue
            k = max(inner, key=lambda k: (k.end, k.length))
            prefix = clean_name(tk.span(o.start, k.start))
            tail = tk.lower[k.end:o.end]
            if tail and any(w in self.keep_words for w in tail) and prefix not in ("PT", "PT.", "Perum", "Perumda"):
                continue
            words = prefix.split()
            if words and words[0] in self.cfg.expand:
                words[0] = self.cfg.expand[words[0]]
            if norm_name(prefix) in self.cfg.not_orgs:
                o.end = o.start  # "Majelis Hakim Pengadilan Negeri Bandung" is the court itself
                continue
            if norm_name(k.name).startswith(norm_name(" ".join(words)) + " ") or \
                    prefix in ("PT", "PT.", "Perum", "Perumda"):
                # "Partai PAN", "Korps Garda Revolusi Iran": the known body itself; "PT Persib
                # Bandung Bermartabat" is the company behind the known club
                o.ident, o.name, o.acronym, o.type, o.region = k.ident, k.name, k.acronym, k.type, k.region
                o.known, o.key, o.source, o.written_short = True, k.key, "gazetteer", k.written_short
                continue
            o.end = k.end
            o.type = k.type
            o.name = f"{' '.join(words)} {k.name}"
            o.acronym = o.acronym or clean_name(tk.span(o.start, o.end))
            o.ident = "sub:" + norm_name(o.name)
            o.known = True
            o.source = "subunit"
            o.parent = k

    def __call__(self, doc: Doc) -> Doc:
        skip = self.skip
        cands = self._drop_extended_guesses(_candidates(doc))
        if "parents" not in skip:
            self._attach_parents(doc, cands)
        chosen: list[Mention] = []
        taken = [False] * len(doc)
        for m in sorted(cands, key=lambda m: (-m.length, -_PRIORITY[m.source], m.start)):
            if m.length <= 0 or any(taken[m.start:m.end]):
                continue
            chosen.append(m)
            for k in range(m.start, m.end):
                taken[k] = True
        # a bare regional unit with no region the article makes clear is generic: it only
        # kept a national body with the same short form from taking its place
        chosen = [m for m in chosen if m.source != "generic"]
        if "title_subunits" not in skip:
            chosen = self._drop_title_subunits(doc, chosen)
        # parents written inside a chosen sub-unit's name ("Komisi VIII DPR" -> DPR)
        extra = []
        for m in chosen if "parents" not in skip else ():
            if m.parent is not None and not m.board:
                extra.append(m.parent)
            elif m.key and m.key in self.cfg.by_key and self.cfg.by_key[m.key].parent:
                parent = self.cfg.by_key[m.key].parent
                extra.extend(c for c in cands if c.key == parent and m.start <= c.start and c.end <= m.end
                             and c.length < m.length)
        chosen.extend(extra)
        if "local_acronyms" not in skip:
            chosen.extend(self._local_acronyms(doc, chosen, taken))
        if "definitions" not in skip:
            chosen = self._drop_definitions(doc, chosen)
        if "sources" not in skip:
            chosen = self._drop_sources(doc, chosen)
        doc._.ogi_mentions = sorted(chosen, key=lambda m: m.start)
        return doc

    @staticmethod
    def _drop_definitions(doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """"Komisi Pemberantasan Korupsi (KPK)" is one mention: the bracketed acronym that
        defines a name is not counted again."""
        tk = _tk(doc)
        ends = {(m.ident, m.end) for m in chosen}
        ended_at = {m.end: m for m in chosen}
        n = len(doc)
        out = []
        for m in chosen:
            bracketed = m.start >= 2 and tk.words[m.start - 1] == "(" and m.end < n and tk.words[m.end] == ")"
            if bracketed and (m.ident, m.start - 1) in ends:
                continue
            # "Koalisi Perempuan Indonesia (KPI)": the acronym of the body just named, not
            # Komisi Penyiaran Indonesia
            prev = ended_at.get(m.start - 1) if bracketed else None
            if prev is not None and prev.ident != m.ident and m.length == 1:
                continue
            out.append(m)
        return out

    def _drop_title_subunits(self, doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """A sub-unit named only inside job titles ("Wakil Ketua Komisi VI DPR", "Ketua DPP
        Partai Demokrat") does not act under its own name: list its parent instead."""
        tk = _tk(doc)
        titled: dict[str, bool] = {}
        for m in chosen:
            if m.parent is None:
                continue
            before = set(tk.lower[max(0, m.start - 2):m.start])
            # a faculty named as someone's affiliation ("dosen dari Fakultas Peternakan UGM")
            affiliation = m.parent.type == "academic" and bool(before & {"dari", "di", "asal"})
            titled[m.ident] = titled.get(m.ident, True) and (bool(before & self.cfg.title_words) or affiliation)
        out = []
        for m in chosen:
            if titled.get(m.ident):
                out.append(m.parent)
            else:
                out.append(m)
        return out

    def _drop_sources(self, doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """News outlets count only as actors: never the dateline's outlet, and otherwise only
        with two mentions that are not credits ("kata X kepada detikcom", "dilansir AFP")."""
        tk = _tk(doc)
        body = _body_start(doc)
        actor: Counter[str] = Counter()
        dateline: set[str] = set()
        ends = []
        for base in {0, body}:
            dash = _DATELINE_RE.search(tk.text, base, base + 90)
            ends.append((base, dash.start() if dash else base))
        for m in chosen:
            if not m.is_media:
                continue
            offset = tk.idx[m.start]
            if any(a <= offset < b for a, b in ends):
                dateline.add(m.ident)
            elif not self._is_credit(doc, m):
                actor[m.ident] += 1
        return [m for m in chosen if not m.is_media or (m.ident not in dateline and actor[m.ident] >= 2)]

    _drop_extended_guesses = staticmethod(_drop_extended_guesses)

    def _local_acronyms(self, doc: Doc, chosen: list[Mention], taken: list[bool]) -> list[Mention]:
        """Bare mentions of an acronym the article defined for an unknown body."""
        acr = {m.acronym: m for m in chosen if not m.known and m.acronym and " " not in m.acronym}
        out = []
        if not acr:
            return out
        for i, w in enumerate(_tk(doc).words):
            m = acr.get(w)
            if m is not None and not taken[i]:
                out.append(Mention(i, i + 1, m.ident, m.name, m.acronym, m.type, m.region, False, "local"))
        return out

    def _is_credit(self, doc: Doc, m: Mention) -> bool:
        """A credit: after a cue word, alone in brackets, or in the closing line."""
        tk = _tk(doc)
        start_char = tk.idx[m.start]
        before = tk.lower[max(0, m.start - 3):m.start]
        if any(w in self.cfg.credit_cues for w in before):
            return True
        prev = tk.words[m.start - 1] if m.start > 0 else ""
        nxt = tk.words[m.end] if m.end < len(doc) else ""
        if prev in ("(", "[") and nxt in (")", "]"):
            return True
        return len(tk.text) - start_char < 60


def _fold_bare_heads(tk: _Toks, groups: dict[str, list[Mention]]) -> None:
    """A body written as one bare word that begins the name of a more specific known body of the
    same article is that body: "Kejaksaan Agung ... Kejaksaan juga menyita" is one organisation
    (codebook: two mentions of the same body are one organisation)."""
    for ident in list(groups):
        ms = groups[ident]
        if not all(m.length == 1 for m in ms):
            continue
        word = tk.lower[ms[0].start]
        if not word.isalpha() or word != norm_name(ms[0].name).split()[0]:
            continue
        targets = [o for o, oms in groups.items() if o != ident and oms[0].known and oms[0].type == ms[0].type
                   and norm_name(oms[0].name).split()[:1] == [word] and len(oms[0].name.split()) > 1
                   and "@" not in (oms[0].key or "")]
        if len(targets) == 1:
            t = groups[targets[0]][0]
            for m in groups.pop(ident):
                m.ident, m.name, m.acronym, m.key, m.region = t.ident, t.name, t.acronym, t.key, t.region
                m.written_short = None
                groups[targets[0]].append(m)


_FACULTY_RE = re.compile(r"^(Fakultas|Sekolah Pascasarjana|Program Pascasarjana|Lembaga Penelitian) ")
_UNIVERSITY_RE = re.compile(r"^(Universitas|Institut|Politeknik|Sekolah Tinggi|UIN|IAIN) |University\b")


def _attach_faculties(groups: dict[str, list[Mention]]) -> None:
    """A faculty named without its university takes the one university the article names:
    "Fakultas Ilmu Sosial dan Ilmu Politik" in a story about Universitas Mataram is that
    university's faculty (codebook: the parent institution is part of a sub-unit's name)."""
    universities = [ms[0] for ms in groups.values() if _UNIVERSITY_RE.search(ms[0].name)]
    if len({u.ident for u in universities}) != 1:
        return
    uni = universities[0]
    for ms in groups.values():
        m0 = ms[0]
        if _FACULTY_RE.match(m0.name) and not _UNIVERSITY_RE.search(m0.name) and uni.name not in m0.name:
            for m in ms:
                m.name = f"{m.name} {uni.name}"
                m.type = "academic"


def fold_partners(doc: Doc) -> list[Partner]:
    """Fold a processed Doc's mentions into one Partner per organisation."""
    tk = _tk(doc)
    groups: dict[str, list[Mention]] = {}
    for m in doc._.ogi_mentions or []:
        groups.setdefault(m.ident, []).append(m)
    # "Komisi VIII" after "Komisi VIII DPR": the bare form is the same body
    forms = {ident: {norm_name(m.name) for m in ms} | {norm_name(m.acronym) for m in ms if m.acronym}
             for ident, ms in groups.items()}
    for ident in [i for i, ms in groups.items() if not ms[0].known]:
        mine = norm_name(groups[ident][0].name)
        acr = norm_name(next((m.acronym for m in groups[ident] if m.acronym), ""))
        bare = _GROUP_WORD_RE.sub("", mine)  # "JTT Group" is the group of "JTT"
        target = next((o for o, fs in forms.items() if o != ident and o in groups and
                       (any(f.startswith(mine + " ") for f in fs) or mine in fs or (acr and acr in fs) or
                        (bare != mine and bare in fs))), None)
        if target:
            groups[target].extend(groups.pop(ident))
    _fold_bare_heads(tk, groups)
    _attach_faculties(groups)
    # a bare "PWI" in an article about "PWI Sumenep" is that chapter (not for state bodies:
    # a bare "KPU" next to "KPU NTB" is usually the national commission)
    chapters: dict[str, str] = {}
    for ident, ms in groups.items():
        k = ms[0].key or ""
        if "@" in k and ms[0].type != "government":
            chapters.setdefault(k.split("@")[0].removeprefix("chapter:"), ident)
    for ident in list(groups):
        m0 = groups[ident][0]
        k = m0.key
        bare = all(m.written_short in (None, m.acronym) for m in groups[ident])  # not "Seknas FITRA"
        if m0.source == "gazetteer" and k in chapters and chapters[k] in groups and bare:
            groups[chapters[k]].extend(groups.pop(ident))
    out = []
    for ident, ms in groups.items():
        first = min(ms, key=lambda m: m.start)
        rep = max(ms, key=lambda m: (m.known, _PRIORITY[m.source], len(m.name)))
        shorts = [m.written_short for m in sorted(ms, key=lambda m: m.start) if m.written_short]
        acr = next((m.acronym for m in ms if m.acronym), None)
        # the usual acronym if the article writes it, else the first short form it uses
        if acr and any(w.upper() == acr.upper() for w in shorts):
            written = acr
        else:
            written = shorts[0] if shorts else None
        out.append(Partner(name=rep.name, acronym=written or acr, type=rep.type, region=rep.region,
                           mentions=len(ms), first_offset=tk.idx[first.start], known=rep.known,
                           key=rep.key if rep.known else None))
    out.sort(key=lambda p: p.first_offset)
    return out
