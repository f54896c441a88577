"""Events: CAMEO and PLOVER coding over the dependency parse, with source and target actors, status,
the sentence and trigger as evidence, and the quotation an event is reported in.

A trigger is a verb or event noun from the trigger lexicon (data, kb/triggers.tsv) whose particle,
object and preposition conditions hold; the most specific row wins. The source is the trigger's
subject (the agent of a passive), the target its object or the actor after with/to/against/on;
a mutual event (meet, negotiate, sign) is coded both ways, and a compound or collective actor gives
one event per pair. Statements are quotations, not events: accord does not emit CAMEO 010 for
"X said", the flood that GDELT and PETRARCH produce.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...config import Settings
from ...kb import KnowledgeBase, Trigger, load_kb
from ...model import Actor, Event, Extraction, SentenceRef, Span as TextSpan
from ..lookups import sentence_of, text_of
from .frames import KEPT_ROOTS, frame_kind, governing_trigger, has_own_subject, object_frame
from .setting import Setting, SettingFinder
from .status import conditional_threat, event_status, infinitive_complement, is_condition, stated_future
from .unnamed import UnnamedParticipants

__all__ = ["EventCoder"]

SUBJECTS = ("nsubj", "csubj")
TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "from", "into", "toward", "towards", "upon")
MEETING_ROOT = "04"
DISAPPROVE_ROOT = "11"
THREATEN_ROOT = "13"
MOBILIZE_ROOT = "15"
NOT_AN_EVENT = "-"  # a lexicon row for a use of the word that is no event ("released a statement")
INTERNATIONAL = frozenset({"IGO", "NGO"})
CONVENTIONAL_FORCE = "190"
UNCONVENTIONAL_VIOLENCE = "180"
IRREGULAR_SECTORS = frozenset({"REB", "INS", "SEP"})  # CAMEO 18: violence by irregular, non-state armed actors
PROTEST_ROOT = "14"
PLACE_TARGET_PREPS = ("in", "at")  # a lexicon row whose own preposition is "in" ("opened an embassy in")
TOPIC_ROOTS = ("10", "02")  # demands and appeals: what a protest is about
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})  # "to demand", "demanding", "calling for", "saying"
STATEMENT = "010"
INTENT_TO_MEET = "036"
THIRD_PARTY = frozenset({"043", "045"})  # host, mediate: the one who brings others together acts on them
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp"})
INSTRUMENTAL_PREPS = frozenset({"by", "over", "via"})
THREAT_CONDITIONS = ("if", "unless")
GRIEVANCE_PREPS = ("over", "about")  # "complained to the UN over Israeli raids": Israel is the target
MEASURE_NOUNS = frozenset({"day", "round", "week", "hour", "session", "series", "month", "year", "number", "lot",
                           "ton", "tonne", "worth", "shipment", "batch", "package", "amount", "kind", "type",
                           "form", "part", "set", "wave", "consignment", "convoy", "load"})
QUANTITY_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "ten", "tens",
                            "million", "millions", "score", "scores", "crowd", "crowds", "group", "groups",
                            "number", "majority", "minority", "handful", "some", "many", "most", "all", "one",
                            "two", "three", "member", "members", "band"})
CONFLICT_QUADS = (3, 4)
ULTIMATUM = "139"  # "will withdraw unless …": a stated action with a condition
GENERAL_VIOLENCE = frozenset({"190", "182", "1823", "180"})
INSTRUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
INSTRUMENT_PREPS = frozenset({"in", "by", "with"})


@dataclass
class Participants:
    sources: list[str]
    targets: list[str]


@dataclass
class Candidate:
    """A trigger found in the text, before frames are resolved."""

    token: Token
    trigger: Trigger
    people: Participants
    status: str
    inners: list["Candidate"] = field(default_factory=list)
    framed: bool = False  # coded as part of another candidate's event
    background: bool = False  # "since their meeting in Busan on Oct. 30": not coded, but its phrase is its own
    mutual: bool = False

    def __post_init__(self):
        self.mutual = self.mutual or self.trigger.symmetric

    @property
    def rule(self) -> str:
        return f"{self.trigger.pos.lower()}:{self.trigger.note or self.trigger.lemma}->{self.trigger.cameo}"


@dataclass
class Coded:
    """A candidate with its final code, participants and status."""

    code: str
    people: Participants
    status: str
    rule: str
    symmetric: bool
    action: Token | None = None  # the innermost action of a framed event ("threatened to [shell]")
    action_code: str = ""
    filled: bool = False  # a participant came from a convention (kb/participants.tsv), not the text


class EventCoder:
    def __init__(self, settings: Settings, nlp: Language):
        self.kb: KnowledgeBase = load_kb(tuple(settings.actor_files))
        self.statement_events = settings.statement_events
        self._actors: dict[str, Actor] = {}  # the current document's actors by id

    def __call__(self, ex: Extraction, doc: Doc) -> None:
        actors_at = _actors_by_token(ex, doc)
        self._actors = {a.id: a for a in ex.actors}
        candidates = [c for c in (self._candidate(t, actors_at) for t in doc) if c is not None]
        candidates += self._obligations(doc, actors_at, {c.token.i for c in candidates})
        by_token = {c.token.i: c for c in candidates}
        for c in candidates:
            if c.token.dep_ == "compound" and c.token.head.i in by_token:
                c.framed = True  # "a [bomb] attack": the modifier is part of its head's trigger
                continue
            consequence = _consequence_of(c, by_token)
            if consequence is not None:
                # "shelled Juba, killing about 20 people": the killing is the shelling's toll, one event
                consequence.people = Participants(consequence.people.sources,
                                                  _unique(consequence.people.targets + c.people.targets))
                c.framed = True
                continue
            if _background(c.token):
                # "after years of occupation", "closed its borders because of [fighting between X and Y]"
                c.framed = c.background = True
                continue
            head = governing_trigger(c.token, by_token) or object_frame(c.token, by_token)
            if head is None:
                continue
            governor = by_token[head.i]
            if frame_kind(governor.trigger.cameo):
                governor.inners.append(c)
                c.framed = True
            elif c.token.pos_ != "VERB" and governor.trigger.cameo[:2] == c.trigger.cameo[:2]:
                # one event, not two: "hosted X for a meeting" is the hosting (the more specific code);
                # "held a phone conversation" the conversation (same code: the noun is the better evidence)
                keep, drop = (governor, c) if _more_specific(governor.trigger.cameo, c.trigger.cameo) else (c, governor)
                if keep.trigger.cameo == drop.trigger.cameo:
                    keep.mutual = keep.mutual or drop.mutual
                if keep.trigger.cameo in THIRD_PARTY and keep.people.sources:
                    # "host a meeting between X and Y": the meeting's pair are the host's targets
                    keep.people = Participants(keep.people.sources, _unique(
                        keep.people.targets + [a for a in drop.people.sources + drop.people.targets
                                               if a not in keep.people.sources]))
                    keep.mutual = False
                else:
                    keep.people = Participants(_unique(keep.people.sources + drop.people.sources),
                                               _unique(keep.people.targets + drop.people.targets))
                drop.framed = True
        self._absorb_protest_demands(candidates, actors_at)
        events: list[Event] = []
        seen: set[tuple] = set()
        # another event's phrase holds that event's time and place; a framed or participant-less trigger
        # ("a roadside bombing near Samarra killed …") is part of this one's
        setting = SettingFinder(ex, doc, {c.token.i for c in candidates if c.background
                                          or (not c.framed and (c.people.sources or c.people.targets))})
        unnamed = UnnamedParticipants(self.kb, ex)
        for c in candidates:
            if c.framed:
                continue
            coded = self._code(c, actors_at)
            where_when = setting(c.token)
            action_place = where_when.place
            if coded.action is not None and coded.action is not c.token:
                action_place = setting(coded.action).place  # a framed action's own place
                where_when = replace(where_when, place=where_when.place or action_place)
            if coded.status == "occurred" and _after_anchor(where_when, ex.anchor_date):
                coded.status = "planned"  # "will visit in April": a date the text puts after publication
                if coded.code.startswith(MEETING_ROOT):
                    coded.code = INTENT_TO_MEET
            people = coded.people
            if not people.sources and not people.targets:
                continue  # an event nobody the text names takes part in is not coded
            if coded.code == CONVENTIONAL_FORCE and not coded.symmetric and self._irregular(people.sources):
                # "Hamas killed Israeli soldiers": one-sided violence by irregulars is CAMEO 18, not 19
                coded.code, coded.rule = UNCONVENTIONAL_VIOLENCE, f"{coded.rule}+irregular->{UNCONVENTIONAL_VIOLENCE}"
            sources, targets, note = unnamed.fill(coded.action_code, people.sources, people.targets, action_place,
                                                  framed_action=coded.action is not c.token,
                                                  place_is_target=c.trigger.prep in PLACE_TARGET_PREPS)
            if note:
                people = Participants(sources, targets)
                coded.rule, coded.filled = f"{coded.rule}+{note}", True
            info = self.kb.cameo.get(coded.code)
            if info is None:
                continue
            for source, target in _pairs(people, coded.symmetric):
                key = (sentence_of(c.token).start, info.code, source, target)  # one event per code and dyad in a sentence
                if key in seen:
                    continue
                seen.add(key)
                events.append(self._event(ex, doc, c, coded, info, source, target, where_when))
        if self.statement_events:
            events += self._statements(ex, doc)
        for n, event in enumerate(events, start=1):
            event.id = f"e{n}"
        ex.events = events

    def _irregular(self, ids: list[str]) -> bool:
        """Are these actors all irregular armed groups (rebels, insurgents, separatists)?"""
        return bool(ids) and all(getattr(self._actors.get(a), "sector", None) in IRREGULAR_SECTORS for a in ids)

    def _placed(self, actor_id: str) -> bool:
        """Does the actor say whose it is: a country, or an international organisation?"""
        actor = self._actors.get(actor_id)
        return actor is not None and bool(actor.country or actor.sector in INTERNATIONAL)

    def _absorb_protest_demands(self, candidates: list[Candidate], actors_at) -> None:
        """"Students staged demonstrations to demand reforms": what a protest demands is its topic, not a
        second event (PLOVER manual, PROTEST); the demand's target becomes the protest's when it has none."""
        protests = {c.token.i: c for c in candidates if c.trigger.cameo[:2] == PROTEST_ROOT and not c.framed}
        if not protests:
            return
        for c in candidates:
            if c.framed or c.trigger.cameo[:2] not in TOPIC_ROOTS or c.token.dep_ not in PURPOSE_DEPS:
                continue
            head = c.token.head
            protest = protests.get(head.i) or next(
                (protests[k.i] for k in head.children if k.i in protests and k.dep_ in ("dobj", "nsubj")), None)
            if protest is None and head.dep_ == "dobj":  # "blocked roads [calling for …]": hung on the object
                protest = protests.get(head.head.i)
            if protest is None:
                continue
            c.framed = True
            if not protest.people.targets:
                asked = self._code(c, actors_at).people.targets
                protest.people = Participants(protest.people.sources,
                                              [a for a in asked if a not in protest.people.sources])

    def _statements(self, ex: Extraction, doc: Doc) -> list[Event]:
        """GDELT compatibility (settings.statement_events): each attributed statement as CAMEO 010, the
        speaker as source, the cue as trigger. Off by default: that flood is what accord avoids."""
        info = self.kb.cameo[STATEMENT]
        out = []
        for quote in ex.quotes:
            speaker, cue = quote.speaker, quote.cue
            if quote.kind == "partial" or speaker is None or speaker.actor is None or cue is None:
                continue
            span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(Event(
                id="", cameo=info.code, cameo_root=info.root, goldstein=info.goldstein, quad_class=info.quad_class,
                plover=info.plover, plover_mode=info.plover_mode, source=speaker.actor, target=None,
                status="occurred", date=ex.anchor_date, date_end=None, date_basis="anchor", place=None,
                sentence=_trimmed(sentence_of(span)), trigger=TextSpan(cue.start, cue.end, cue.text), quote=quote.id,
                rule="statement:quotation cue->010 (GDELT compatibility)", confidence=0.5))
        return out

    def _candidate(self, token: Token, actors_at) -> Candidate | None:
        if token.i in actors_at:
            return None  # a word inside an actor's name ("Amnesty International") is not an event
        trigger = self._trigger(token)
        if trigger is None:
            return None
        trigger = self._instrument(token, trigger)
        trigger = self._joint(token, trigger)
        return Candidate(token, trigger, self._participants(token, trigger, actors_at), event_status(token))

    def _instrument(self, token: Token, trigger: Trigger) -> Trigger:
        """"Killed by a roadside bomb" is a bombing (1833), not armed combat (190): the instrument named in
        the clause refines the general violence codes (kb/phrases.tsv, kind instrument)."""
        if trigger.cameo not in GENERAL_VIOLENCE:
            return trigger
        words = self.kb.phrases.get("instrument", {})
        doc = token.doc
        codes = []
        for child in token.children:  # the subject, the agent and "in/by/with" phrases: who or what did it
            if child.dep_ in INSTRUMENT_DEPS or (child.dep_ == "prep" and child.lower_ in INSTRUMENT_PREPS):
                for t in child.subtree:
                    pair = f"{doc[t.i - 1].lower_} {t.lower_}" if t.i > 0 else ""
                    codes += [words[w] for w in (pair, t.lower_) if w in words]
        if not codes:
            return trigger
        code = max(codes, key=len)  # the most specific: "suicide bomber" is 1831, not 183
        return replace(trigger, cameo=code, note=f"{trigger.note or trigger.lemma}; by {code}")

    def _joint(self, token: Token, trigger: Trigger) -> Trigger:
        """"Joint military exercises" are cooperation (062), not a show of force (150): PLOVER codes joint
        operations COOPERATE and single-country exercises MOBILIZE (kb/phrases.tsv, kind joint)."""
        if trigger.cameo[:2] != MOBILIZE_ROOT:
            return trigger
        joint = self.kb.phrases.get("joint", {})
        heads = [token] + [c for c in token.children if c.dep_ == "dobj"]  # "held [joint] exercises"
        words = [c.lower_ for h in heads for c in h.children if c.dep_ in ("amod", "compound")]
        code = next((joint[w] for w in words if w in joint), None)
        if code is None:
            return trigger
        return replace(trigger, cameo=code, symmetric=True, note=f"joint {trigger.note or trigger.lemma}")

    def _obligations(self, doc: Doc, actors_at, taken: set[int]) -> list[Candidate]:
        """"The Red Cross said US forces must ensure security": a reported obligation is a demand of the
        speaker on the clause's subject (CAMEO 10), framed like "demanded that US forces ensure"."""
        out = []
        for token in doc:
            if (token.dep_ == "ccomp" and any(c.lower_ == "must" and c.dep_ == "aux" for c in token.children)
                    and token.head.lemma_.lower() in self.kb.cue_verbs and token.head.i not in taken):
                verb = token.head
                trigger = Trigger(verb.lemma_.lower(), "VERB", None, frozenset(), None, "100", False,
                                  "said X must")
                sources = self._subject_actors(verb, actors_at)
                targets = self._clause_subjects(token, actors_at)
                out.append(Candidate(verb, trigger, Participants(sources, targets), "occurred"))
                taken.add(verb.i)
        return out

    def _code(self, c: Candidate, actors_at) -> Coded:
        """The candidate's code with its frame applied: the innermost action decides the specific code."""
        code, status, rule, symmetric = c.trigger.cameo, c.status, c.rule, c.mutual
        action, action_code = c.token, c.trigger.cameo
        sources, targets = list(c.people.sources), list(c.people.targets)
        kind = frame_kind(code)
        if kind and c.inners:
            inner_c = min(c.inners, key=lambda i: abs(i.token.i - c.token.i))
            inner = self._code(inner_c, actors_at)
            action, action_code = inner.action, inner.action_code
            if kind == "intent" and conditional_threat(inner_c.token):
                kind = "threaten"
            code = self._framed(kind, inner.code, fallback=code)
            sources = sources or inner.people.sources
            if kind in ("demand", "appeal") and has_own_subject(inner_c.token):
                targets += inner.people.sources  # "demanded that the US cancel": the US is asked
            elif kind in ("demand", "appeal"):
                targets += self._clause_targets(c, kind, actors_at)
            if not (kind in ("demand", "appeal") and targets):
                targets += inner.people.targets  # "urged Iran to free the hostages": Iran is asked, not the hostages
            if kind == "intent" and status == "occurred":
                status = "planned"
            rule = f"{rule}+{inner.rule}"
            symmetric = inner.symmetric and kind == "intent"  # "agreed to a ceasefire" binds both sides
        elif kind:
            targets += self._clause_targets(c, kind, actors_at)
            # "threatened to resume attacks in Israel": no coded action below, but its clause says where
            action = next((t for t in c.token.children if t.dep_ == "ccomp" or infinitive_complement(t)), action)
        elif stated_future(c.token) and not c.framed:
            kind = "refuse" if status == "negated" else "threaten" if conditional_threat(c.token) else "intent"
            framed = self.kb.framed(kind, code) or (ULTIMATUM if kind == "threaten" else None)
            if framed:
                rule = f"{rule}+{kind}->{framed}"
                code, status = framed, ("occurred" if kind == "refuse" else status)
        if code[:2] == THREATEN_ROOT and not targets:
            targets += self._condition_subjects(c.token, actors_at)
            targets += [a for i in c.inners for a in self._condition_subjects(i.token, actors_at)]
        if status == "planned" and code.startswith(MEETING_ROOT):
            code = INTENT_TO_MEET  # "an expected meeting": CAMEO codes the stated intention
        targets = [t for t in _unique(targets) if t not in sources or symmetric]
        return Coded(code, Participants(_unique(sources), targets), status, rule, symmetric, action, action_code)

    def _condition_subjects(self, verb: Token, actors_at) -> list[str]:
        """"threatened to stop the talks if the United States goes ahead": the one the threat is aimed at."""
        verbs = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        return [a for v in verbs for clause in v.children if is_condition(clause, THREAT_CONDITIONS)
                for a in self._clause_subjects(clause, actors_at, SUBJECTS)]

    def _clause_subjects(self, clause: Token, actors_at, deps=("nsubj", "nsubjpass")) -> list[str]:
        """The actors a clause's subject names ("that [the US] cancel the sale")."""
        return [a for subject in clause.children if subject.dep_ in deps for a in self._np_actors(subject, actors_at)]

    def _framed(self, kind: str, inner: str, fallback: str) -> str:
        if len(inner) == 3 and inner.endswith("0") and fallback != fallback[:2] + "0":
            return fallback  # "rejected an offer" (125) says more than an offer in general (030) would
        if inner[:2] in KEPT_ROOTS[kind]:
            return inner
        return self.kb.framed(kind, inner) or fallback

    def _clause_targets(self, c: Candidate, kind: str, actors_at) -> list[str]:
        """A frame with no event below it still names its target there: "demanded that the US cancel
        the sale" (the clause's subject), "threatened to cut electricity to Nakhichevan" (its objects)."""
        if c.people.targets:
            return []
        out: list[str] = []
        for clause in (t for t in c.token.children if t.dep_ in ("xcomp", "ccomp")):
            if kind in ("demand", "appeal") and clause.dep_ == "ccomp":
                out += self._clause_subjects(clause, actors_at)
            for child in clause.children:
                if child.dep_ == "dobj":
                    out += self._np_actors(child, actors_at)
            out += self._prep_actors(clause, actors_at, None)
        return out

    # --- triggers ---------------------------------------------------------------------------

    def _trigger(self, token: Token) -> Trigger | None:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return None
        rows = self.kb.triggers.get((token.lemma_.lower(), pos)) or self.kb.triggers.get((token.lower_, pos))
        if not rows:
            return None
        fitting = [row for row in rows if self._fits(token, row)]
        if not fitting:
            return None
        best = max(fitting, key=lambda row: row.specificity)
        return None if best.cameo == NOT_AN_EVENT else best

    def _fits(self, token: Token, row: Trigger) -> bool:
        if row.particle and not any(c.dep_ == "prt" and c.lower_ == row.particle for c in token.children):
            return False
        if row.objects and not (self._object_lemmas(token) & row.objects):
            return False
        if row.prep:
            # a verb needs the preposition as its own prep/agent; a noun, anywhere among its dependents
            return any(c.lower_ == row.prep and (token.pos_ != "VERB" or c.dep_ in ("prep", "agent", "dative"))
                       for c in token.children)
        return True

    @staticmethod
    def _object_lemmas(token: Token) -> set[str]:
        """The direct object's head, looking through "two days of [talks]" and compounds."""
        lemmas: set[str] = set()
        for child in token.children:
            if token.pos_ == "VERB" and child.dep_ == "prep" and child.lower_ in INSTRUMENTAL_PREPS:
                # "spoke by phone with": the instrument stands in for an object
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    lemmas |= {pobj.lemma_.lower(), pobj.lower_}
            if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass") or (token.pos_ != "VERB" and child.dep_ == "compound"):
                lemmas.add(child.lemma_.lower())
                lemmas.add(child.lower_)
                if child.lemma_.lower() in MEASURE_NOUNS:
                    for of in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                        for pobj in (c for c in of.children if c.dep_ == "pobj"):
                            lemmas |= {pobj.lemma_.lower(), pobj.lower_}
        return lemmas

    # --- participants ---------------------------------------------------------------------------

    def _participants(self, token: Token, trigger: Trigger, actors_at) -> Participants:
        if token.pos_ in ("VERB", "AUX"):
            sources = self._subject_actors(token, actors_at)
            targets = []
            for child in token.children:
                if child.dep_ == "dobj":
                    named = {child.lemma_.lower(), child.lower_} & trigger.objects
                    if not named & self.kb.phrases.get("means", {}).keys():  # "sent [troops] to" is how, not to whom
                        found = self._np_actors(child, actors_at)
                        if named:  # "held [military] exercises": a modifier of the event's own object names no one
                            found = [a for a in found if self._placed(a)]
                        targets += found
                    if not targets:  # "held talks with X", "demanded an admission by Moscow": on the object noun
                        targets += self._prep_actors(child, actors_at, trigger.prep)
                        targets += [] if trigger.prep else self._prep_actors(child, actors_at, "by")
                elif child.dep_ == "nsubjpass":  # "Rubio was criticised by Beijing"
                    targets += self._np_actors(child, actors_at)
                elif child.dep_ == "agent":
                    sources += [a for g in child.children if g.dep_ == "pobj" for a in self._np_actors(g, actors_at)]
            targets += self._prep_actors(token, actors_at, trigger.prep)
            if trigger.cameo[:2] == DISAPPROVE_ROOT and not any(c.dep_ == "dobj" for c in token.children):
                grievance = [a for prep in GRIEVANCE_PREPS for a in self._prep_actors(token, actors_at, prep)]
                targets = grievance or targets  # complained to the UN over Israel's raids: Israel, not the UN
                if not targets:  # "Iran charged that Iraq had used chemical weapons": the accused
                    targets = [a for clause in token.children if clause.dep_ == "ccomp"
                               for a in self._clause_subjects(clause, actors_at)]
        else:
            owner = [c for c in token.children if c.dep_ == "poss"]
            sources = self._np_actors(owner[0], actors_at) if owner else self._governing_subject(token, actors_at)
            targets = self._prep_actors(token, actors_at, trigger.prep)
            info = self.kb.cameo.get(trigger.cameo)
            if not trigger.prep and info is not None and info.quad_class in CONFLICT_QUADS:
                targets += self._prep_actors(token, actors_at, "of")  # "the blockade of Serbia"
            holders = [token] + ([token.head] if token.dep_ == "compound" else [])  # "a mediation effort between"
            between = [a for holder in holders for prep in holder.children
                       if prep.dep_ == "prep" and prep.lower_ == "between"
                       for pobj in prep.children if pobj.dep_ == "pobj" for a in self._np_actors(pobj, actors_at)]
            if between and trigger.cameo in THIRD_PARTY:  # "Qatar's mediation between X and Y": X and Y are targets
                targets = between + targets
            elif between:  # "a meeting between the two leaders": the pair, not the clause's subject
                sources, targets = between, []
        return Participants(_unique(sources), [t for t in _unique(targets)])

    def _subject_actors(self, verb: Token, actors_at) -> list[str]:
        token = verb
        for _ in range(4):
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if subjects:
                return self._np_actors(subjects[0], actors_at)
            if token.dep_ not in ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "acomp") or token.head is token:
                return []
            if token.dep_ == "relcl":
                return self._np_actors(token.head, actors_at)
            if token.dep_ == "acl" and token.head.dep_ in ("dobj", "attr") and token.head.head is not token.head:
                token = token.head.head  # "X issued a declaration [demanding] …": X demands
                continue
            token = token.head
        return []

    def _governing_subject(self, noun: Token, actors_at) -> list[str]:
        """"Wang made the remarks during a phone conversation with Rubio": the noun's clause subject."""
        token = noun
        for _ in range(5):
            if token.head is token:
                return []
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                return self._subject_actors(token, actors_at)
        return []

    def _prep_actors(self, token: Token, actors_at, prep: str | None) -> list[str]:
        """Actors after the trigger's own preposition, or after any target preposition when it has none."""
        out: list[str] = []
        wanted = {prep} if prep else set(TARGET_PREPS)
        for child in token.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in wanted:  # "provided aid [to] Jordan": dative
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    out += self._np_actors(pobj, actors_at)
        return out

    @staticmethod
    def _np_actors(token: Token, actors_at) -> list[str]:
        """Actors named by the noun phrase headed by `token`, its conjuncts included ("China and India")."""
        heads, frontier = [token], [token]
        while frontier:  # follow the chain of conjuncts: "Hungarian, Romanian and Polish officials"
            frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
            heads += frontier
        out: list[str] = []
        for head in heads:
            found = actors_at.get(head.i)
            if not found and head.lemma_.lower() in QUANTITY_NOUNS:
                # "thousands of Kenyans", "a group of Chechen refugees": the people counted
                found = [a for of in head.children if of.dep_ == "prep" and of.lower_ == "of"
                         for pobj in of.children if pobj.dep_ == "pobj" for a in actors_at.get(pobj.i, [])]
            if not found:
                # the head may sit outside a mention that covers its modifiers ("the Chinese side"),
                # never inside a clause or phrase hanging on it ("an admission that Soviet forces killed Poles")
                for t in _phrase(head):
                    if t.i in actors_at and t.dep_ not in ("relcl", "acl", "prep", "pobj"):
                        found = actors_at[t.i]
                        break
            out += found or []
        return out

    # --- output -------------------------------------------------------------------------------

    def _event(self, ex: Extraction, doc: Doc, c: Candidate, coded: Coded, info, source, target,
               where_when: Setting) -> Event:
        token = c.token
        sent = sentence_of(token)
        trigger_span = _trigger_span(token)
        quote = next((q.id for q in ex.quotes if q.kind in ("indirect", "direct") and q.start <= token.idx < q.end),
                     None)
        confidence = 0.6 + 0.1 * c.trigger.specificity + (0.1 if source and target else 0.0) + 0.05 * bool(c.inners)
        if coded.filled:
            confidence -= 0.15  # a participant inferred by convention is weaker evidence than a named one
        return Event(
            id="", cameo=info.code, cameo_root=info.root, goldstein=info.goldstein, quad_class=info.quad_class,
            plover=info.plover, plover_mode=_mode(info, token), source=source, target=target, status=coded.status,
            date=where_when.date, date_end=where_when.date_end, date_basis=where_when.date_basis,
            place=where_when.place,
            sentence=_trimmed(sent),
            trigger=TextSpan(trigger_span.start_char, trigger_span.end_char, trigger_span.text),
            quote=quote, rule=coded.rule, confidence=round(min(confidence, 0.95), 2),
        )


def _phrase(head: Token):
    """`head`'s subtree in order, without the clauses hanging on it ("an admission [that Soviet forces …]")."""
    frontier = [head]
    out = []
    while frontier:
        token = frontier.pop()
        out.append(token)
        frontier += [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    return sorted(out, key=lambda t: t.i)


VIOLENCE_ROOTS = frozenset({"18", "19", "20"})


def _consequence_of(c: Candidate, by_token: dict) -> "Candidate | None":
    """The violent act whose toll a participle clause reports ("shelled the city, [killing] 20"), or None."""
    token = c.token
    if c.trigger.cameo[:2] not in VIOLENCE_ROOTS or token.dep_ != "advcl" or token.tag_ != "VBG":
        return None
    act = by_token.get(token.head.i)
    return act if act is not None and act.trigger.cameo[:2] in VIOLENCE_ROOTS else None


def _trimmed(sent: Span) -> SentenceRef:
    """The sentence's span without the whitespace spaCy keeps at its ends (a paragraph break)."""
    text, start, end = text_of(sent.doc), sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return SentenceRef(start, end)


def _after_anchor(where_when: Setting, anchor: str | None) -> bool:
    return bool(anchor and where_when.date_basis == "text" and where_when.date and where_when.date > anchor)


def _more_specific(code: str, other: str) -> bool:
    """0871 over 087 over 080: a longer code, or one that is not its root's general code."""
    return (len(code), not code.endswith("0")) > (len(other), not other.endswith("0"))


BACKGROUND_PREPS = frozenset({"after", "amid", "amidst", "despite", "following", "since", "before",
                              "because"})


def _background(token: Token) -> bool:
    """An event noun given as background ("after fifteen years of occupation", "amid the war") is not
    the sentence's event: CAMEO codes what the actor did, and GDELT's noise comes from coding every noun."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    current = token
    for _ in range(4):
        if current.dep_ == "pobj" and current.head.lower_ in BACKGROUND_PREPS:
            return True
        if current.dep_ == "pobj" and current.head.dep_ == "prep" and current.head.head.dep_ == "appos":
            return True  # "Pakistan, a key ally in [the war] against terrorism, …": a description of an actor
        if current.dep_ not in ("pobj", "prep") or current.head is current:
            return False
        current = current.head
    return False


def _mode(info, token: Token) -> str | None:
    """The codebook's PLOVER mode, or "phone" when the trigger says so ("phone talks" coded 040)."""
    if any(c.lower_ in ("phone", "telephone") for c in token.children):
        return "phone"
    return info.plover_mode


def _trigger_span(token: Token) -> Span:
    """The trigger with its particle or the compound before it ("crack down", "phone conversation")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for child in token.children:
        if child.dep_ == "compound" and child.i == start - 1:
            start = child.i
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return doc[start:end]


def _actors_by_token(ex: Extraction, doc: Doc) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for actor in ex.actors:
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                ids = out.setdefault(token.i, [])
                if actor.id not in ids:
                    ids.append(actor.id)
    return out


def _pairs(people: Participants, symmetric: bool):
    """Source-target pairs. A mutual event among several sources ("Chinese and US delegations
    concluded talks") is coded both ways between them; with one source it is mutual with the target."""
    sources, targets = people.sources, people.targets
    if not sources:
        return [(None, t) for t in targets]
    pairs: list[tuple[str | None, str | None]] = []
    if symmetric and len(sources) >= 2:
        pairs += [(a, b) for a in sources for b in sources if a != b]
        pairs += [(s, t) for s in sources for t in targets if s != t]
        return pairs
    if not targets:
        return [(s, None) for s in sources]
    pairs += [(s, t) for s in sources for t in targets if s != t]
    if symmetric:
        pairs += [(t, s) for s, t in list(pairs)]
    return pairs


def _unique(items: list) -> list:
    return list(dict.fromkeys(items))
