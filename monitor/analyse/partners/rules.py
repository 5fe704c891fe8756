"""Proposing spans, part 3: the ``ogi_org_rules`` component, organisations the gazetteer
lacks: capitalised names after an organisation head or before an English one, names after a
describing noun, national teams, foreign bodies, numbered commands, sub-units and boards in front
of a body, "Long Name (ACR)" definitions, and listed companies by stock code."""

from __future__ import annotations

import re
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import (
    MAX_NAME_CHARS,
    MAX_NAME_TOKENS,
    OpenHead,
    PartnerConfig,
    load_config,
)
from .lexicon import (
    _BOARD_EXPAND,
    _BOARD_PREFIXES,
    _EN_HEADS,
    _ID_HEADS,
    _NAME_PARTICLES,
    _PLACE_CUES,
    FOREIGN_HEADS_1,
    FOREIGN_HEADS_2,
    MILITARY_UNITS,
    SUBUNIT_PREFIXES,
    _end_type,
    _guess_type,
)
from .mentions import (
    _PRIORITY,
    Mention,
    _after_landmark,
    _body_start,
    _candidates,
    _caps,
    _drop_extended_guesses,
)
from .recognise import _phrase_matcher
from .text import _COUNTRY_SHORT, clean_name, expand_countries, norm_name, strip_legal
from .tokenizer import _tk

_ROMAN_RE = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_HTMLISH_RE = re.compile(r"[<>{}=|\\@#_*~^]|https?:|www\.")
_ACR_RE = re.compile(r"^(?:(?=.*[A-Z].*[A-Z])[A-Za-z][A-Za-z0-9&\-/.]{1,14}|[A-Z][a-z]{3,14})$")
_TICKER_RE = re.compile(r"^[A-Z]{4}$")
_MARKET_RE = re.compile(r"\b(saham|IHSG|emiten|Tbk|bursa)\b")


# Rule families an ablation may skip (``PartnerExtractor(disable=["rules.national_teams"])``).
RULE_STEPS = ("heads", "english_names", "coded_units", "national_teams", "foreign_bodies", "definitions", "subunits")


@Language.factory("ogi_org_rules", default_config={"gazetteer_path": None, "max_tokens": MAX_NAME_TOKENS,
                                                  "skip": []})
def make_rules_component(nlp: Language, name: str, gazetteer_path: str | None, max_tokens: int,
                         skip: list[str]) -> "RuleComponent":
    return RuleComponent(nlp, load_config(gazetteer_path), max_tokens, skip)


class RuleComponent:
    """Organisations outside the gazetteer: open heads, sub-units and "Long Name (ACR)"."""

    def __init__(self, nlp: Language, cfg: PartnerConfig, max_tokens: int, skip: list[str] | tuple[str, ...] = ()):
        unknown = set(skip) - set(RULE_STEPS)
        if unknown:
            raise ValueError(f"unknown rule step(s): {', '.join(sorted(unknown))}")
        self.skip = frozenset(skip)
        self.cfg = cfg
        self.max_tokens = max_tokens
        self.start_heads: dict[str, OpenHead] = {}
        self.end_heads: dict[str, OpenHead] = {}
        for h in cfg.open_heads:
            for w in h.words:
                (self.start_heads if h.position == "start" else self.end_heads)[w.lower()] = h
        self.start_matcher = _phrase_matcher(nlp, [w for h in cfg.open_heads if h.position == "start"
                                                   for w in h.words], lambda f: "START")
        self.country_matcher = _phrase_matcher(nlp, cfg.countries, lambda f: "COUNTRY")
        self.region_matcher = _phrase_matcher(nlp, [f for f, _ in cfg.regions], lambda f: "REGION")
        self.expand = dict(cfg.expand)
        self.short_forms = {f: e for e in cfg.entries for f, sh in e.surface_forms() if sh}
        self.country_names = {norm_name(c) for c in cfg.countries} | {"usa", "amerika"}
        self.keep_words = ({w for f, _ in cfg.regions for w in norm_name(f).split()} | _ID_HEADS | _EN_HEADS |
                           {w for c in cfg.countries for w in norm_name(c).split()} |
                           {"indonesia", "nasional", "republik", "internasional", "international", "national",
                            "daerah", "pusat", "umum", "negeri", "raya", "utara", "selatan", "barat", "timur",
                            "tengah", "jaya", "kota", "baru", "islam", "kristen", "katolik", "muhammadiyah"})

    # -- capitalised runs

    def name_token(self, doc: Doc, j: int, first: bool = False) -> bool:
        tk = _tk(doc)
        t = tk.words[j]
        if not t or len(t) > 30 or _HTMLISH_RE.search(t) or t in self.cfg.stop_words:
            return False
        if t[0].isdigit():  # "SMKN 1", "PT Sinar 99 Permai"; not years, times or amounts
            return not first and bool(re.fullmatch(r"\d{1,3}(/[A-Za-z]\w*)?", t))
        return t[0].isupper() or bool(_ROMAN_RE.match(t))

    def cap_run(self, doc: Doc, i: int, limit: int, comma: bool = False, allow_dan: bool = True,
                first: bool = True, stops: frozenset[int] = frozenset()) -> int:
        """End (exclusive) of the capitalised name starting at token i; a connector never leads
        into a known body (``stops``): "Partai Gerindra dan UNDP" is two bodies."""
        tk = _tk(doc)
        n = len(doc)
        j = last = i
        connectors = self.cfg.connectors if allow_dan else self.cfg.connectors - {"dan", "and"}
        while j < n and j - i < limit:
            t = tk.words[j]
            if self.name_token(doc, j, first=first and j == i):
                j += 1
                last = j
            elif j > i and j + 1 < n and t.lower() in connectors and self.name_token(doc, j + 1, first=True) \
                    and tk.lower[j + 1] not in _ID_HEADS and j + 1 not in stops:
                j += 1
            elif comma and j > i and t == "," and j + 1 < n and self.name_token(doc, j + 1, first=True) and \
                    any(tk.lower[k] == "dan" for k in range(j + 1, min(n, j + 8))):
                j += 1
            else:
                break
        # "(Persero)" and "Tbk" belong to a company's name
        if last + 2 < n and tk.words[last] == "(" and tk.words[last + 1] in ("Persero", "Perseroda") \
                and tk.words[last + 2] == ")":
            last += 3
        if last < n and tk.words[last] in ("Tbk", "Tbk."):
            last += 1
        return last

    def trim_person(self, doc: Doc, first: int, end: int) -> int:
        """Cut a person's name off the end of a run: "Satgas PKH Barita Simanjuntak".

        A Titlecase word that the article also uses on its own elsewhere (not after the same
        word) is taken as the start of a name ("... kata Barita"); place names and
        organisation words never are.
        """
        tk = _tk(doc)
        pos = tk.positions
        lower = tk.lowercase_words

        def name_like(j: int) -> bool:
            t = tk.words[j]
            # a common word ("jembatan") or a place/organisation word is not a person's name
            return t[:1].isupper() and t[1:].islower() and t.isalpha() and \
                t.lower() not in self.keep_words and t.lower() not in lower

        for j in range(first + 1, end):
            if not name_like(j):
                continue
            t, prev = tk.words[j], tk.words[j - 1]
            for p in pos.get(t, []):
                if p == 0 or tk.words[p - 1] == prev or tk.words[p - 1][:1].isupper():
                    continue
                if tk.lower[p - 1] in _PLACE_CUES:
                    continue  # "di Sumba": a place
                if p + 1 < len(doc) and tk.lower[p + 1] in self.keep_words:
                    continue  # "Salim Group": part of another name
                cut = j
                while cut - 1 >= first and name_like(cut - 1):  # "Teuku Taufikulhadi"
                    cut -= 1
                return cut
        return end

    # -- rule families

    def _region_end(self, doc: Doc) -> dict[int, int]:
        """Token index -> end of the region name starting there (longest; cached per Doc)."""
        if doc.user_data.get("ogi_regions") is None:
            ends: dict[int, int] = {}
            for _, s, e in self.region_matcher(doc):
                ends[s] = max(ends.get(s, s), e)
            doc.user_data["ogi_regions"] = ends
        return doc.user_data["ogi_regions"]

    def _country_spans(self, doc: Doc) -> list[tuple[int, int]]:
        if doc.user_data.get("ogi_countries") is None:
            doc.user_data["ogi_countries"] = [(s, e) for _, s, e in self.country_matcher(doc)]
        return doc.user_data["ogi_countries"]

    def __call__(self, doc: Doc) -> Doc:
        tk = _tk(doc)
        out = _candidates(doc)
        known = [m for m in out if m.known]
        body = _body_start(doc)
        if not _caps(doc):
            out.extend(m for m in self.open_heads(doc) if tk.idx[m.start] >= body)
        if "definitions" not in self.skip:
            out.extend(m for m in self.definitions(doc, out) if tk.idx[m.start] >= body)
        # boards of discovered bodies, but not of guesses that run past a known name
        # ("DPP Partai Golkar Idrus Marham")
        if "subunits" not in self.skip:
            guesses = [m for m in _drop_extended_guesses(out) if not m.known]
            out.extend(self.subunits_of(doc, known, guesses))
        return doc

    def _finish(self, doc: Doc, start: int, end: int, typ: str, source: str,
                acronym: str | None = None) -> Mention | None:
        tk = _tk(doc)
        name = clean_name(tk.span(start, end))
        if not name or len(name) > MAX_NAME_CHARS or end - start > self.max_tokens:
            return None
        if not re.search(r"[A-Za-z]{2}", name) or _HTMLISH_RE.search(name):
            return None
        words = name.split()
        if words[0] in self.expand:
            if self.expand[words[0]] != "PT" and not acronym:
                acronym = name  # "Satgas PKH" is the short form of "Satuan Tugas PKH"
            words[0] = self.expand[words[0]]
        name = expand_countries(" ".join(words))
        if norm_name(name) in self.cfg.not_orgs or norm_name(name) in self.country_names:
            return None
        if " dan " in name and norm_name(name.split(" dan ")[0]) in self.cfg.not_orgs:
            return None  # "Badan Usaha Milik Negara dan Perseroan Terbatas": a legal category
        nw = norm_name(name).split()
        if any(" ".join(nw[-k:]) in self.country_names and " ".join(nw[:-k]) in self.cfg.not_orgs
               for k in (1, 2, 3) if len(nw) > k):
            return None  # "Lembaga Swadaya Masyarakat USA": a description
        nxt = tk.words[end] if end < len(doc) else ""
        if any(w in self.cfg.event_words for w in name.split()) or nxt in self.cfg.event_words:
            return None  # "Focus Group Discussion", "Indonesia Convention Exhibition": events
        if any(norm_name(name).startswith(p) for p in self.cfg.not_org_prefixes):
            return None  # "Balai Kota DKI": a building
        entry = self.cfg.lookup(name)
        if entry is not None:
            return Mention(start, end, entry.key, entry.name, entry.acronym, entry.type, entry.region, True,
                           "gazetteer", key=entry.key, is_media=entry.type == "media")
        # a government body (or central bank) qualified by a foreign country is that country's
        if (typ == "government" or name.startswith("Bank Sentral")) and any(start <= cs and ce <= end for cs, ce in self._country_spans(doc)):
            typ = "international"
        return Mention(start, end, "unk:" + norm_name(name), name, acronym, typ, None, False, source)

    def open_heads(self, doc: Doc) -> list[Mention]:
        tk = _tk(doc)
        out = []
        n = len(doc)
        stops = frozenset(m.start for m in _candidates(doc) if m.known)
        longest: dict[int, int] = {}  # the longest head wins: "Lembaga Bantuan Hukum" over "Lembaga"
        for _, s, e in self.start_matcher(doc):
            longest[s] = max(e, longest.get(s, e))
        for s, e in sorted(longest.items()) if "heads" not in self.skip else ():
            head_text = tk.span(s, e)
            h = self.start_heads.get(head_text.lower())
            if h is None or not head_text[:1].isupper() or e >= n:
                continue
            if _after_landmark(doc, s, self.cfg.landmark_words):
                continue
            if any(cs <= s < ce for cs, ce in self._country_spans(doc)):
                continue  # "Amerika Serikat" is a country, not a trade union
            comma = any(head_text.startswith(c) for c in self.cfg.comma_heads)
            # company names rarely carry "dan": "Bank X dan Y Peduli" is two bodies
            end = self.cap_run(doc, e, h.max_tokens, comma=comma, allow_dan=h.type != "business", first=False,
                               stops=stops)
            if any(w in self.cfg.event_words for w in tk.words[e:end]):
                continue
            end = self.trim_person(doc, e, end)
            end = self._cut_trailing_person(doc, e, end)
            if end == e or (head_text in ("Balai", "Pusat", "Biro") and end - e < 2):
                continue
            if not any(len(w) >= 3 and w[0].isalpha() and not _ROMAN_RE.match(w) for w in tk.words[e:end]):
                continue  # "Grup B", "Komisi III": a label, not a name
            m = self._finish(doc, s, end, h.type, "open")
            if m:
                out.append(m)
        for step, find in (("english_names", self._english_names), ("coded_units", self._coded_units),
                           ("national_teams", self._national_teams)):
            if step not in self.skip:
                out.extend(find(doc))
        # foreign governments and bodies: "Pemerintah Malaysia", "Militer Israel"
        for s, e in self._country_spans(doc) if "foreign_bodies" not in self.skip else ():
            if s == 0 or not tk.words[s][:1].isupper():
                continue
            p = s - 1
            if tk.words[p] in FOREIGN_HEADS_1 or tk.words[p] == "pemerintah":
                start = p
            elif s >= 2 and f"{tk.words[s - 2]} {tk.words[p]}" in FOREIGN_HEADS_2:
                start = s - 2
            else:
                continue
            m = self._finish(doc, start, e, "international", "open")
            if m:
                m.name = m.name[0].upper() + m.name[1:]
                out.append(m)
        return out

    def _cut_trailing_person(self, doc: Doc, first: int, end: int) -> int:
        """End a name before a person's name: one followed by a name particle ("Kepolisian Ronald
        dela Rosa"), or Titlecase words after a country ("Angkatan Udara Swiss Aldo Schellenberg")."""
        tk = _tk(doc)
        words = tk.words

        def name_like(j: int) -> bool:
            w = words[j]
            return w[:1].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in self.keep_words

        if end < len(words) and tk.lower[end] in _NAME_PARTICLES:
            while end > first and name_like(end - 1):
                end -= 1
        for cs, ce in self._country_spans(doc):
            if first <= cs and ce < end and all(name_like(j) for j in range(ce, end)):
                return ce
        return end

    def _national_teams(self, doc: Doc) -> list[Mention]:
        """National teams: "Timnas Malaysia U-22", "Tim Nasional Panjat Tebing Indonesia"."""
        tk = _tk(doc)
        words = tk.words
        n = len(words)
        out = []
        countries = dict(self._country_spans(doc))
        for i in [i for i, w in enumerate(words) if w in ("Timnas", "Tim")]:
            j = i + 1
            if words[i] == "Tim":
                if not (j < n and words[j] == "Nasional"):
                    continue
                j += 1
            k = j
            while k < n and k - j < 3 and k not in countries and words[k] != "Indonesia" and \
                    words[k][:1].isupper() and words[k].isalpha() and words[k] not in self.cfg.stop_words:
                k += 1
            if k >= n or not (k in countries or words[k] == "Indonesia"):
                continue
            cend = countries.get(k, k + 1)
            end = cend
            if end + 2 < n and words[end] == "U" and words[end + 1] == "-" and words[end + 2].isdigit():
                end += 3
            sport = tk.span(j, k) or "Sepak Bola"
            country = _COUNTRY_SHORT.get(tk.span(k, cend), tk.span(k, cend))
            age = tk.span(cend, end).replace(" ", "")
            name = " ".join(x for x in ("Tim Nasional", sport, country, age) if x)
            written = clean_name(tk.span(i, end))
            entry = self.cfg.lookup(name)
            if entry is not None:
                out.append(Mention(i, end, entry.key, entry.name, entry.acronym, entry.type, entry.region, True,
                                   "gazetteer", key=entry.key, written_short=written))
            else:
                out.append(Mention(i, end, "team:" + norm_name(name), name, written, "other", None, True, "unit"))
        return out

    def _coded_units(self, doc: Doc) -> list[Mention]:
        """Military commands named by a number: "Korem 011/Lilawangsa", "Kodaeral IV"; and police
        sub-units named by their area: "Satlantas Jakarta Selatan"."""
        tk = _tk(doc)
        out = []
        n = len(doc)
        region_end = self._region_end(doc)
        words = tk.words
        for i in range(n - 1):
            w = words[i]
            if w not in MILITARY_UNITS and w not in SUBUNIT_PREFIXES:
                continue
            if w in MILITARY_UNITS:
                j = i + 1
                code = tk.words[j]
                if not (code[:1].isdigit() or _ROMAN_RE.match(code)):
                    continue
                end = j + 1
                if end + 1 < n and tk.words[end] == "/" and tk.words[end + 1][:1].isupper():
                    end += 2
                written = tk.span(i, end)
                name = f"{MILITARY_UNITS[w]} {tk.span(j, end)}"
                out.append(Mention(i, end, "unk:" + norm_name(name), name, written, "government", None,
                                   False, "open"))
            elif w.startswith("Sat") and i + 1 in region_end:
                end = region_end[i + 1]
                name = f"{SUBUNIT_PREFIXES[w]} {tk.span(i + 1, end)}"
                out.append(Mention(i, end, "unk:" + norm_name(name), name, tk.span(i, end), "government",
                                   None, False, "open"))
        return out

    def _english_names(self, doc: Doc) -> list[Mention]:
        """"<Capitalised words> University|Foundation|Inc.", and "University of X"."""
        tk = _tk(doc)
        out = []
        n = len(doc)
        region_end = self._region_end(doc)
        end_heads = self.end_heads
        for j in [j for j, w in enumerate(tk.lower) if w in end_heads]:
            word = tk.words[j]
            h = end_heads[word.lower()]
            if not word[:1].isupper():
                continue
            k = j
            while k > 0 and j - k < h.max_tokens:
                if tk.lower[k - 1] in self.cfg.title_words:
                    break  # "Manajer Gelora Lombok FC": the title is not part of the name
                if self.name_token(doc, k - 1) and tk.words[k - 1] not in self.cfg.landmark_words:
                    k -= 1
                elif k >= 2 and tk.words[k - 1] in ("-", "&") and self.name_token(doc, k - 2) and \
                        (tk.words[k - 1] == "&" or tk.idx[k - 1] == tk.idx[k - 2] + len(tk.words[k - 2])):
                    k -= 2  # "Duke-NUS Medical School", "Ernst & Young"; not a dateline "MATARAM - Gelora"
                else:
                    break
            end = j + 1
            if end + 1 < n and tk.lower[end] in ("of", "for", "on") and self.name_token(doc, end + 1, first=True):
                end = self.cap_run(doc, end + 1, 5)
            elif end in region_end:  # "Mayapada Hospital Jakarta Selatan"
                end = region_end[end]
            if end - k < 2:
                continue
            m = self._finish(doc, k, end, _end_type(word), "open")
            if m:
                m.source = "open_end" if m.source == "open" else m.source
                out.append(m)
        return out

    def subunits_of(self, doc: Doc, known: list[Mention], guesses: list[Mention]) -> list[Mention]:
        """A sub-unit or board right before a body: "Komisi VIII DPR", "DPP Golkar",
        "Dewan Pimpinan Pusat (DPP) Ikatan Keluarga Minang (IKM)"."""
        tk = _tk(doc)
        out = []
        region_end = self._region_end(doc)
        for k in known + guesses:
            s = k.start
            paren_acr = None
            if s >= 3 and tk.words[s - 1] == ")":  # "Dewan Pimpinan Pusat (DPP) <body>"
                o = next((q for q in range(s - 2, max(0, s - 5), -1) if tk.words[q] == "("), None)
                if o is not None:
                    paren_acr = tk.span(o + 1, s - 1)
                    s = o
            if s == 0:
                continue
            start = None
            prev = tk.words[s - 1]
            two = f"{tk.words[s - 2]} {prev}" if s >= 2 else ""
            three = f"{tk.words[s - 3]} {two}" if s >= 3 else ""
            if three in _BOARD_PREFIXES or three in SUBUNIT_PREFIXES:
                start = s - 3
            elif two in _BOARD_PREFIXES or two in SUBUNIT_PREFIXES:
                start = s - 2
            elif prev in _BOARD_PREFIXES or prev in SUBUNIT_PREFIXES:
                start = s - 1
            elif s >= 2 and tk.words[s - 2] in ("Komisi", "Fraksi") and (_ROMAN_RE.match(prev) or
                                                                          re.fullmatch(r"[A-E]", prev)):
                start = s - 2
            if start is None or (not k.known and tk.span(start, s) not in _BOARD_PREFIXES):
                continue  # sub-units only of known bodies; boards also of discovered ones
            prefix = tk.span(start, s)
            board = prefix in _BOARD_PREFIXES
            long = _BOARD_EXPAND.get(prefix, SUBUNIT_PREFIXES.get(prefix, prefix))
            end = k.end
            name = f"{long} {k.name}"
            if board and end in region_end:  # "DPD PDIP Jatim"
                reg = tk.span(end, region_end[end])
                name = f"{name} {reg}"
                end = region_end[end]
            written = tk.span(start, end)
            if prefix == "Brimob":
                written = "Sat" + written  # "Brimob Polda Riau" is the Satbrimob
            if paren_acr:
                written = f"{paren_acr} {k.acronym or tk.span(k.start, k.end)}"
            typ = k.type if k.type != "government" or not board else "civil_society"
            # a party's or an association's board is the body itself: no separate parent
            out.append(Mention(start, end, "sub:" + norm_name(name), name, written, typ, k.region, True,
                               "subunit", parent=k, board=board))
        return out

    def definitions(self, doc: Doc, cands: list[Mention]) -> list[Mention]:
        """"Long Name (ACR)": name the acronym, or discover a body the other rules missed."""
        tk = _tk(doc)
        out = []
        n = len(doc)
        ends: dict[int, list[Mention]] = {}
        for m in cands:
            ends.setdefault(m.end, []).append(m)
        for i in [i for i, w in enumerate(tk.words) if w == "(" and 1 <= i < n - 2]:
            close = next((k for k in range(i + 2, min(n, i + 5)) if tk.words[k] == ")"), None)
            if close is None:
                continue
            acr = tk.span(i + 1, close)
            if not _ACR_RE.match(acr.replace(" ", "")) or len(acr) > 20:
                continue
            letters = [c.lower() for c in acr if c.isalpha()]
            prior = ends.get(i)
            if prior:
                best = max(prior, key=lambda m: (m.length, _PRIORITY[m.source]))
                entry = self.short_forms.get(acr)
                if not best.known and entry is not None and norm_name(best.name)[:1] == letters[0]:
                    # "Badan Pengelolaan Obat dan Makanan (BPOM)": a variant of a known body
                    out.append(Mention(best.start, best.end, entry.key, entry.name, entry.acronym, entry.type,
                                       entry.region, True, "gazetteer", key=entry.key))
                    continue
                bare = strip_legal(norm_name(best.name))  # "PT Jasamarga Transjawa Tol (JTT)"
                if not best.known and not best.acronym and letters and \
                        bare[:1] == letters[0] and _subsequence(letters, bare):
                    best.acronym = acr
                    out.extend(self._defined_subunit(doc, best, acr, close, cands))
                continue
            if _caps(doc):
                continue
            start = self._long_form(doc, i, letters)
            if start is None:
                ticker = self._ticker_company(doc, i, acr)
                if ticker is not None:
                    out.append(ticker)
                continue
            words = tk.span(start, i).replace(",", " ").split()
            if words[0].lower() not in _ID_HEADS and not ({w.lower() for w in words} & _EN_HEADS):
                # a stock code need not spell the initials ("Mora Telematika Indonesia (MORA)"); one that
                # does is a term's acronym ("Fasilitas Likuiditas Pembiayaan Perumahan (FLPP)")
                if "".join(w[0] for w in words if w[:1].isupper()) != acr:
                    ticker = self._ticker_company(doc, i, acr)
                    if ticker is not None:
                        out.append(ticker)
                continue
            entry = self.short_forms.get(acr)
            if entry is not None:  # "Badan Pengkajian dan Penerapan Teknolgi (BPPT)": a typo of a known body
                out.append(Mention(start, i, entry.key, entry.name, entry.acronym, entry.type, entry.region,
                                   True, "gazetteer", key=entry.key, is_media=entry.type == "media"))
                continue
            m = self._finish(doc, start, i, _guess_type({w.lower() for w in words}), "definition", acronym=acr)
            if m:
                out.append(m)
                out.extend(self._defined_subunit(doc, m, acr, close, cands))
        return out

    def _defined_subunit(self, doc: Doc, m: Mention, acr: str, close: int, cands: list[Mention]) -> list[Mention]:
        """"Pusat Laboratorium Forensik (Puslabfor) Bareskrim Polri", "Bidang Hubungan Masyarakat
        (Bidhumas) Polda Bali": a defined unit followed by the known body it belongs to."""
        parent = max((k for k in cands if k.known and k.start == close + 1
                      and k.source in ("gazetteer", "unit")), key=lambda k: k.length, default=None)
        if parent is None or m.known:
            return []
        name = f"{m.name} {parent.name}"
        written = f"{acr} {_tk(doc).span(parent.start, parent.end)}"
        return [Mention(m.start, parent.end, "sub:" + norm_name(name), name, written, parent.type, parent.region,
                        True, "subunit", parent=parent)]

    def _ticker_company(self, doc: Doc, paren: int, acr: str) -> Mention | None:
        """A listed company with its stock code in a market story: "Mora Telematika Indonesia (MORA)"."""
        tk = _tk(doc)
        if not _TICKER_RE.match(acr) or not _MARKET_RE.search(tk.text):
            return None
        k = paren
        while k > 0 and paren - k < 6 and self.name_token(doc, k - 1) and tk.words[k - 1] not in self.cfg.stop_words:
            k -= 1
        if paren - k < 2 or tk.words[k] in ("Saham", "Emiten", "Indeks"):
            return None
        m = self._finish(doc, k, paren, "business", "definition", acronym=acr)
        if m is not None:
            m.type = "business"
        return m

    def _long_form(self, doc: Doc, paren: int, letters: list[str]) -> int | None:
        """Start of the capitalised words before "(" whose initials spell the acronym."""
        tk = _tk(doc)
        if len(letters) < 2:
            return None
        k = paren
        while k > 0 and paren - k < 14 and (self.name_token(doc, k - 1) or
                                            ((tk.lower[k - 1] in self.cfg.connectors or tk.words[k - 1] == ",")
                                             and k - 2 >= 0 and self.name_token(doc, k - 2))):
            k -= 1
        for start in range(k, paren):
            if not self.name_token(doc, start, first=True):
                continue
            initials = [w[0].lower() for w in tk.words[start:paren] if w[:1].isalpha() and w[0].isupper()]
            if initials and initials[0] == letters[0] and _subsequence(letters, "".join(tk.lower[start:paren])):
                if len(initials) >= 2:
                    return start
            # "Partai Islam, Damai, dan Aman (Idaman)": the acronym spells the words after the head
            if tk.lower[start] in _ID_HEADS and len(initials) >= 3 and initials[1] == letters[0] and \
                    _subsequence(letters, "".join(tk.lower[start + 1:paren])):
                return start
        return None


def _subsequence(letters: Sequence[str], text: str) -> bool:
    it = iter(text)
    return all(c in it for c in letters)
