"""Proposing spans, part 1: helpers the recognisers share (phrase matchers, case checks) and
the ``ogi_org_gazetteer`` component, which finds the gazetteer's organisations by name, alias
or short form. The other recognisers are ``units.py`` (``ogi_org_units``) and ``rules.py``
(``ogi_org_rules``)."""

from __future__ import annotations

import re
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .gazetteer import GazetteerEntry, PartnerConfig, load_config
from .mentions import Mention, _after_landmark, _candidates, _caps, _window
from .text import clean_name, expand_countries, norm_name
from .tokenizer import _tk, _Toks


def _phrase_matcher(nlp: Language, forms: Iterable[str], label_of: Callable[[str], str]) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    groups: dict[str, list[Doc]] = {}
    seen: set[tuple[str, str]] = set()
    for form in forms:
        label = label_of(form)
        if (label, form.lower()) in seen:
            continue
        seen.add((label, form.lower()))
        groups.setdefault(label, []).append(nlp.make_doc(form))
    for label, docs in groups.items():
        matcher.add(label, docs)
    return matcher


def _upper_start(span: Span, caps: bool) -> bool:
    c = span.text[:1]
    return caps or c.isupper() or c.isdigit()


# Indonesian words that are also some body's acronym: in a shouting article "ITU" is "itu".
_COMMON_WORDS = frozenset({"itu", "ini", "dan", "yang", "akan", "ada", "dari", "ke", "di", "untuk", "pada", "juga", "dia",
                           "kami", "saya", "bisa", "tapi", "atau", "oleh", "para", "agar", "lagi", "kata", "masa", "apa",
                           "mana", "jadi", "bagi", "pun", "kita", "nya", "sah", "ibu", "bapak", "adik", "anak", "tim"})


def _case_agrees(written: str, form: str) -> bool:
    """Every capitalised word of a multiword form but the first (whose case the caller judges) is
    capitalised where the article writes it: "Pemerintah pusat" is not "Pemerintah Pusat"."""
    ws, fs = written.split(), form.split()
    return len(ws) != len(fs) or all(w[:1].isupper() or not f[:1].isupper() for w, f in zip(ws[1:], fs[1:]))


def _short_ok(written: str, form: str, caps: bool) -> bool:
    """Short forms: all-caps ones exactly ("MA", "BUMI" is not "Bumi"); mixed-case ones
    ("Kemenkes") in any case but all-lowercase."""
    if written == form:
        return not (caps and written.lower() in _COMMON_WORDS)
    if caps:
        return written.upper() == form.upper() and written.lower() not in _COMMON_WORDS
    if len(form) <= 3 or form.isupper():
        return False
    return written.lower() == form.lower() and not written.islower()


# Words that continue a brand's name as a company ("Honda Team Asia", "Yamaha Motor Indonesia")
_COMPANY_CONTINUATIONS = frozenset({
    "Team", "Racing", "Motor", "Motors", "Group", "Grup", "Indonesia", "Corporation", "Corp", "Company", "Inc",
    "Ltd", "Tbk", "Factory", "Financial", "Services", "Asia", "Global", "International", "Internasional"})


def _is_product(tk: "_Toks", start: int, end: int, cues: frozenset[str]) -> bool:
    """A brand written as a product: after a product word ("motor Honda"), or followed by a model
    name or number ("Wuling Almaz", "Boeing 737", "Samsung Galaxy")."""
    if start > 0 and tk.lower[start - 1] in cues:
        return True
    nxt = tk.words[end] if end < len(tk.words) else ""
    if not nxt:
        return False
    if nxt[0].isdigit():
        return True
    return nxt[0].isupper() and nxt not in _COMPANY_CONTINUATIONS and nxt.isalnum() and \
        not (len(nxt) <= 5 and nxt.isupper())


@Language.factory("ogi_org_gazetteer", default_config={"gazetteer_path": None})
def make_gazetteer_component(nlp: Language, name: str, gazetteer_path: str | None) -> "GazetteerComponent":
    return GazetteerComponent(nlp, load_config(gazetteer_path))


class GazetteerComponent:
    """Known organisations by name, alias or short form (PhraseMatcher on LOWER)."""

    def __init__(self, nlp: Language, cfg: PartnerConfig):
        self.cfg = cfg
        self.forms: dict[str, list[tuple[GazetteerEntry, str, bool]]] = {}
        for e in cfg.entries:
            if e.chapters_only:
                continue
            for form, is_short in e.surface_forms():
                self.forms.setdefault(form.lower(), []).append((e, form, is_short))
        self.matcher = _phrase_matcher(nlp, [f for lst in self.forms.values() for _, f, _ in lst],
                                       lambda f: "ORG")
        self.countries = _phrase_matcher(nlp, cfg.countries, lambda f: "COUNTRY")
        self.not_near = {e.key: re.compile(e.not_near, re.I) for e in cfg.entries if e.not_near}
        self.not_in_article = {e.key: re.compile(e.not_in_article) for e in cfg.entries if e.not_in_article}
        self.max_form_tokens = max(len(nlp.make_doc(f)) for f in self.forms) if self.forms else 1

    def _mention(self, doc: Doc, start: int, end: int, text: str, caps: bool,
                 country_at: dict[int, int], banned: set[str]) -> Mention | None:
        tk = _tk(doc)
        for entry, form, is_short in self.forms.get(text.lower(), []):
            if is_short and not _short_ok(text, form, caps):
                continue
            if not is_short and not (caps or text[:1].isupper() or text[:1].isdigit()):
                continue
            if not caps and " " in form and not _case_agrees(text, form):
                continue  # "pemerintah Indonesia", "Pemerintah pusat": a description, not the name
            if entry.key in banned:
                continue
            nxt = tk.words[end] if end < len(tk.words) else ""
            if nxt in self.cfg.event_words:
                continue  # "Uber Cup", "KPK Award": an event named after the body
            if entry.product and _is_product(tk, start, end, self.cfg.product_cues):
                continue  # "motor Honda", "Wuling Almaz", "Boeing 737": the product, not the company
            pat = self.not_near.get(entry.key)
            if pat and pat.search(_window(doc, start, end)):
                continue
            if end in country_at and entry.region in ("national", "international") and \
                    (entry.type == "government" and entry.region == "national" or
                     entry.type in ("civil_society", "political_party")):
                # "Kementerian Luar Negeri Israel" is Israel's ministry, not Indonesia's;
                # "Gereja Katolik Filipina", "Partai Demokrat AS" are that country's bodies
                cend = country_at[end]
                cname = expand_countries(clean_name(tk.span(start, cend)))
                typ = "international" if entry.type == "government" else entry.type
                return Mention(start, cend, "unk:" + norm_name(cname), cname, None, typ, None, False, "open")
            return Mention(start, end, entry.key, entry.name, entry.acronym, entry.type, entry.region,
                           True, "gazetteer", key=entry.key,
                           written_short=text if is_short else None, is_media=entry.type == "media")
        return None

    def __call__(self, doc: Doc) -> Doc:
        tk = _tk(doc)
        caps = _caps(doc)
        out = _candidates(doc)
        country_at = {s: e for _, s, e in self.countries(doc)}
        # bare "DPD" means a party board in an article that writes "DPD Golkar"
        banned = {k for k, pat in self.not_in_article.items() if pat.search(tk.text)}
        landmarks = self.cfg.landmark_words
        # "berinisial MA", "korban MA": a person's initials, in the whole article
        words, lower = tk.words, tk.lower
        cues = self.cfg.initials_cues
        initials = {words[i] for i in range(len(words)) if len(words[i]) <= 3 and words[i].isupper() and
                    (lower[i - 1] in cues or (i >= 2 and lower[i - 2] in cues))}
        for _, start, end in self.matcher(doc):
            if _after_landmark(doc, start, landmarks):
                continue  # "Jalan Akses UI", "Piala Dunia FIFA": a place or event named after the body
            if end - start == 1 and tk.words[start] in initials:
                continue
            m = self._mention(doc, start, end, tk.span(start, end), caps, country_at, banned)
            if m:
                out.append(m)
        # "Kementerian Koordinator (Kemenko) Polkam", "Pimpinan Pusat (PP) Muhammadiyah"
        n = len(doc)
        for i in [i for i, w in enumerate(words) if w == "("]:
            close = next((k for k in range(i + 2, min(n, i + 5)) if words[k] == ")"), None)
            if close is None:
                continue
            inside = tk.span(i + 1, close)
            for b in range(close + 2, min(n, close + 6) + 1):
                after = tk.span(close + 1, b)
                for a in range(max(0, i - 8), i):
                    text = f"{tk.span(a, i)} {after}"
                    if text.lower() in self.forms:
                        m = self._mention(doc, a, b, text, caps, country_at, banned)
                        if m:
                            out.append(m)
                text = f"{inside} {after}"
                if text.lower() in self.forms and i > 0 and tk.words[i - 1][:1].isupper():
                    m = self._mention(doc, i + 1, b, text, caps, country_at, banned)
                    if m:
                        a = i
                        while a > 0 and i - a < 6 and tk.words[a - 1][:1].isupper():
                            a -= 1
                        m.start = a
                        out.append(m)
        return doc
