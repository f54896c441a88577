"""Event rows from the merged candidates: each candidate left standing is coded (code.py), dated and
placed (setting.py), given its unnamed participants by convention (unnamed.py), and written as one
event per source-target pair, with the sentence, trigger and quotation as evidence and a confidence.
Also the GDELT-style statement events (010), behind the statements option."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from spacy.tokens import Span, Token

from ...kb import CameoCode
from ...model import MUTUAL_MARK, Event, SentenceRef
from ...model import Span as TextSpan
from ..lookups import sentence_of, text_of
from .candidates import Candidate, Coded, Participants, unique
from .code import code_candidate
from .index import DocIndex
from .knowledge import EventKnowledge
from .parties import one_per_party
from .setting import Setting, SettingFinder
from .topics import refine_topic
from .unnamed import UnnamedParticipants

Pair = tuple[str | None, str | None]


def emit(know: EventKnowledge, index: DocIndex, candidates: list[Candidate]) -> list[Event]:
    """The events of the candidates not merged into another's, one per code and dyad in a sentence."""
    # another event's phrase holds that event's time and place; a framed or participant-less trigger
    # ("a roadside bombing near Samarra killed …") is part of this one's
    setting = SettingFinder(
        index.ex,
        index.doc,
        know.place_preps,
        know.when_marks,
        {c.token.i for c in candidates if c.background or (not c.framed and (c.people.sources or c.people.targets))},
    )
    unnamed = UnnamedParticipants(know.kb, index.ex)
    events: list[Event] = []
    alone: list[tuple[Candidate, Coded, Setting, str | None]] = []  # events naming nobody, kept for their place
    seen: dict[tuple[int, str, object], int] = {}  # an event's key -> its place in `events`
    for c in candidates:
        if c.framed:
            continue
        coded, where_when, action_place = _settled(know, index, setting, c)
        coded.people = one_per_party(know, index, c.token, coded.people)
        if not coded.people.sources and not coded.people.targets:
            # an event nobody the text names takes part in is not coded, unless its root is one CAMEO codes
            # anyway, by its place if it has one (kb/conventions.tsv): `_placed_events`, once the named events are known
            _crowd_unnamed(know, c.token, coded)
            refine_topic(know, coded, _topic_tokens(c, coded))
            if _placed_alone(know, c, coded):
                alone.append((c, coded, where_when, action_place))
            continue
        _irregular(know, index, coded)
        _crowd(know, index, c.token, coded)
        unrefined = coded.code
        refine_topic(know, coded, _topic_tokens(c, coded))
        people = _filled(know, unnamed, c, coded, action_place)
        info = know.kb.cameo.get(coded.code)
        if info is None:
            continue
        for source, target in pairs(people, coded.symmetric):
            mutual = coded.symmetric and source is not None and target is not None
            # one event per code and dyad in a sentence; a mutual one per unordered pair. A topic does not
            # make a second event of the same act ("a demonstration … to protest the decision"): the code
            # before its topic is the key, and the event naming a topic replaces one that names none
            dyad = frozenset((source, target)) if mutual else (source, target)
            key = (sentence_of(c.token).start, unrefined, dyad)
            if key in seen and len(info.code) <= len(events[seen[key]].cameo):
                continue
            event = _event(know, index, c, coded, info, source, target, where_when, mutual)
            if key in seen:
                events[seen[key]] = event
            else:
                seen[key] = len(events)
                events.append(event)
    return events + _placed_events(know, index, unnamed, alone, events)


def _placed_events(
    know: EventKnowledge,
    index: DocIndex,
    unnamed: UnnamedParticipants,
    alone: list[tuple[Candidate, Coded, Setting, str | None]],
    named: list[Event],
) -> list[Event]:
    """The event naming nobody, coded by its place when it has one (its country as source or target) and
    with no participant when it has none ("over 200 activists were arrested in the district"). At most one
    in a document, the first, none of a root a named event of the document already has, and none in a
    sentence with a named event: an unnamed act beside another act, named or not, is most often the same
    incident told in its parts (a bombing and its toll, a protest and its dispersal: "two protesters were
    killed in the square") or its background ("condolences to the families of those killed in an attack")."""
    told = {e.sentence.start for e in named}
    roots = {e.cameo_root for e in named}
    for c, coded, where_when, action_place in alone:
        info = know.kb.cameo.get(coded.code)
        if info is None or trimmed(sentence_of(c.token)).start in told or info.root in roots:
            continue
        as_source = _listed(coded.code, know.unnamed_source_roots)
        sources, targets, note = unnamed.placed_alone(action_place, as_source)
        coded.rule, coded.filled = f"{coded.rule}+{note or 'unnamed'}", True
        source = sources[0] if sources else None
        target = targets[0] if targets else None
        return [_event(know, index, c, coded, info, source, target, where_when, False)]
    return []


def _placed_alone(know: EventKnowledge, c: Candidate, coded: Coded) -> bool:
    """An event naming nobody that CAMEO still codes: of a root the conventions list, one that occurred
    (not planned, denied or history), told as news rather than background, and not a toll or blast an
    accident could cause (kb/phrases.tsv, accident-word)."""
    if not _listed(coded.code, know.unnamed_source_roots | know.unnamed_target_roots):
        return False
    if c.token.lemma_.lower() in know.accident_words:
        return False  # "15 were killed when a warehouse exploded": a toll or blast may be no violence
    return coded.status == "occurred" and not c.background


def _listed(code: str, prefixes: frozenset[str]) -> bool:
    """Whether a CAMEO code is one of `prefixes` (roots, or codes with their children) or below one."""
    return any(code.startswith(p) for p in prefixes)


def _settled(
    know: EventKnowledge, index: DocIndex, setting: SettingFinder, c: Candidate
) -> tuple[Coded, Setting, str | None]:
    """The candidate coded, with its time and place, and the place of its (framed) action."""
    coded = code_candidate(know, index, c)
    where_when = setting(c.token)
    action_place = where_when.place
    if coded.action is not None and coded.action is not c.token:
        action_place = setting(coded.action).place  # a framed action's own place
        where_when = replace(where_when, place=where_when.place or action_place)
    if coded.status == "occurred" and _after_anchor(where_when, index.ex.anchor_date):
        coded.status = "planned"  # "will visit in April": a date the text puts after publication
        if coded.code.startswith(know.meeting_root):
            coded.code = know.intent_to_meet
    elif _long_before_anchor(where_when, index.ex.anchor_date, know.history_days):
        # "In 1948 Stalin blockaded Berlin" in a 2005 report: history told as background, whatever the text
        # says of it (the status it would have had stays in the rule)
        coded.rule = f"{coded.rule}+{coded.status}->historical"
        coded.status = "historical"
    return coded, where_when, action_place


def _irregular(know: EventKnowledge, index: DocIndex, coded: Coded) -> None:
    """ "Hamas killed Israeli soldiers": one-sided violence by irregulars is CAMEO 18, not 19."""
    sources = coded.people.sources
    if (
        coded.code == know.conventional_force
        and not coded.symmetric
        and sources
        and all(index.sector(a) in know.irregular_sectors for a in sources)
    ):
        coded.code = know.unconventional_violence
        coded.rule = f"{coded.rule}+irregular->{know.unconventional_violence}"


def _crowd(know: EventKnowledge, index: DocIndex, token: Token, coded: Coded) -> None:
    """ "Rioters clashed with troops" is a riot (145), not armed combat; "police attacked the protesters" is
    repression (175): violence is a crowd's when a crowd (kb/phrases.tsv, crowd) is one of its parties. A
    riot is the crowd's act on the others it clashed with (mutual only among crowds). A crowd's appeal or
    defiance is made by protesting ("protesters defied a ban on rallies": 141); its demand stays a demand."""
    people = coded.people
    crowd_sources = all(_is_crowd(know, index, a) for a in people.sources)
    if coded.code[:2] in know.crowd_protest_roots and (
        crowd_sources if people.sources else _crowd_subject(know, token)
    ):
        coded.rule = f"{coded.rule}+crowd->{know.crowd_protest}"
        coded.code = know.crowd_protest
        return
    if coded.code[:2] not in know.violence_roots:
        return
    parties = unique(people.sources + people.targets)
    crowds = [a for a in parties if _is_crowd(know, index, a)]
    if coded.symmetric and crowds:
        others = [a for a in parties if a not in crowds]
        if others:
            coded.people, coded.symmetric = Participants(crowds, others), False
        code = know.riot
    elif (
        people.sources
        and people.targets
        and all(index.sector(a) in know.security_sectors for a in people.sources)
        and all(a in crowds for a in people.targets)
    ):
        code = know.repression
    else:
        return
    coded.rule = f"{coded.rule}+crowd->{code}"
    coded.code = code


def _topic_tokens(c: Candidate, coded: Coded) -> list[Token]:
    """Where an event's topic is named: by its trigger, or by the action a frame holds ("vowed to strike
    [over] pay")."""
    return [c.token] if coded.action is None else [c.token, coded.action]


def _crowd_unnamed(know: EventKnowledge, token: Token, coded: Coded) -> None:
    """ "Rioters fought with officers" when the crowd is no actor (no country to give it): the trigger's
    subject word says it is a crowd's riot or protest all the same."""
    if not _crowd_subject(know, token):
        return
    if coded.code[:2] in know.crowd_protest_roots:
        code = know.crowd_protest
    elif coded.code[:2] in know.violence_roots and coded.symmetric:
        code = know.riot
    else:
        return
    coded.rule = f"{coded.rule}+crowd->{code}"
    coded.code, coded.symmetric = code, False


def _crowd_subject(know: EventKnowledge, token: Token) -> bool:
    """Whether the trigger's subject is a crowd word, or a measure of one ("crowds of [protesters]")."""
    for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
        words = {subject.lower_} | {p.lower_ for o in subject.children if o.lower_ == "of" for p in o.children}
        if words & know.crowd_words:
            return True
    return False


def _is_crowd(know: EventKnowledge, index: DocIndex, actor_id: str) -> bool:
    actor = index.actors.get(actor_id)
    return actor is not None and any(
        m.text.split()[-1].lower() in know.crowd_words for m in actor.mentions if m.text.split()
    )


def _filled(
    know: EventKnowledge, unnamed: UnnamedParticipants, c: Candidate, coded: Coded, action_place: str | None
) -> Participants:
    """The event's participants with an unnamed side filled by convention (kb/participants.tsv)."""
    people = coded.people
    sources, targets, note = unnamed.fill(
        coded.action_code,
        people.sources,
        people.targets,
        action_place,
        framed_action=coded.action is not c.token,
        place_is_target=c.trigger.prep in know.place_target_preps,
    )
    if not note:
        return people
    coded.rule, coded.filled = f"{coded.rule}+{note}", True
    return Participants(sources, targets)


def pairs(people: Participants, symmetric: bool) -> list[Pair]:
    """Source-target pairs, one row per pair of parties. A mutual event is one row per unordered pair, the
    parties in the order the text gives them (source first): "A met B" is A -> B, never also B -> A. A mutual
    event among several sources and nobody else ("Chinese and US delegations concluded talks") pairs the
    first-named source with each of the others, so every party is in a row and N parties give N - 1 rows,
    not N * (N - 1). A one-way action by coordinated actors ("A, B and C welcomed the decision") is one row
    per actor: each of them acted."""
    sources, targets = people.sources, people.targets
    if not sources:
        return [(None, t) for t in targets]
    if not targets:
        if symmetric and len(sources) >= 2:
            return [(sources[0], s) for s in sources[1:]]
        return [(s, None) for s in sources]
    out: list[Pair] = []
    for s in sources:
        for t in targets:
            if s != t and not (symmetric and (t, s) in out):
                out.append((s, t))
    return out


def _event(
    know: EventKnowledge,
    index: DocIndex,
    c: Candidate,
    coded: Coded,
    info: CameoCode,
    source: str | None,
    target: str | None,
    where_when: Setting,
    mutual: bool,
) -> Event:
    token = c.token
    trigger_span = _trigger_span(token)
    return Event(
        **_coded_as(info),
        plover_mode=_mode(know, info, token),
        source=source,
        target=target,
        status=coded.status,
        date=where_when.date,
        date_end=where_when.date_end,
        date_basis=where_when.date_basis,
        date_precision=where_when.date_precision,
        place=where_when.place,
        sentence=trimmed(sentence_of(token)),
        trigger=TextSpan(trigger_span.start_char, trigger_span.end_char, trigger_span.text),
        quote=index.quote_at(token.idx),
        rule=coded.rule + (MUTUAL_MARK if mutual else ""),
        confidence=_confidence(c, coded, source, target),
    )


def _coded_as(info: CameoCode) -> dict[str, Any]:
    """An event's codebook fields (its id is numbered once the document's events are all known)."""
    return {
        "id": "",
        "cameo": info.code,
        "cameo_root": info.root,
        "goldstein": info.goldstein,
        "quad_class": info.quad_class,
        "plover": info.plover,
    }


def _confidence(c: Candidate, coded: Coded, source: str | None, target: str | None) -> float:
    """More for a more specific lexicon row, both sides named and a frame; less for a filled participant."""
    confidence = 0.6 + 0.1 * c.trigger.specificity + (0.1 if source and target else 0.0) + 0.05 * bool(c.inners)
    if coded.filled:
        confidence -= 0.15  # a participant inferred by convention is weaker evidence than a named one
    return round(min(confidence, 0.95), 2)


def statements(know: EventKnowledge, index: DocIndex) -> list[Event]:
    """GDELT compatibility (settings.statement_events): each attributed statement as CAMEO 010, the
    speaker as source, the cue as trigger. Off by default: that flood is what accord avoids."""
    ex = index.ex
    info = know.kb.cameo[know.statement]
    out = []
    for quote in ex.quotes:
        speaker, cue = quote.speaker, quote.cue
        if quote.kind == "partial" or speaker is None or speaker.actor is None or cue is None:
            continue
        span = index.doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        out.append(
            Event(
                **_coded_as(info),
                plover_mode=info.plover_mode,
                source=speaker.actor,
                target=None,
                status="occurred",
                date=ex.anchor_date,
                date_end=None,
                date_basis="anchor",
                date_precision="day" if ex.anchor_date else None,
                place=None,
                sentence=trimmed(sentence_of(span)),
                trigger=TextSpan(cue.start, cue.end, cue.text),
                quote=quote.id,
                rule=f"statement:quotation cue->{info.code} (GDELT compatibility)",
                confidence=0.5,
            )
        )
    return out


def trimmed(sent: Span) -> SentenceRef:
    """The sentence's span without the whitespace spaCy keeps at its ends (a paragraph break)."""
    text, start, end = text_of(sent.doc), sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return SentenceRef(start, end)


def _after_anchor(where_when: Setting, anchor: str | None) -> bool:
    return bool(anchor and where_when.date_basis == "text" and where_when.date and where_when.date > anchor)


def _long_before_anchor(where_when: Setting, anchor: str | None, days: int) -> bool:
    """Whether the text dates the event more than `days` before the anchor (kb/conventions.tsv,
    history-days). A range counts by its end: "the 1990s" is history, "since 2004" said in 2005 is not
    (its end is the anchor's year). An anchor date, or no date, is never history."""
    if not anchor or where_when.date_basis != "text" or not where_when.date:
        return False
    try:
        end = date.fromisoformat((where_when.date_end or where_when.date)[:10])
        start = date.fromisoformat(anchor[:10])
    except ValueError:
        return False
    return (start - end).days > days


def _mode(know: EventKnowledge, info: CameoCode, token: Token) -> str | None:
    """The codebook's PLOVER mode, or "phone" when the trigger says so ("phone talks" coded 040)."""
    if any(c.lower_ in know.phone_words for c in token.children):
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
