"""Words for a claim's event predicate: which action or happening it states.

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
Fact alignment compares two claims' predicates ("buy" / "take over" agree,
"report a fall" / "buy" differ); these lists say which words are not
predicates by themselves and which nouns name an event.
"""
from __future__ import annotations

__all__ = ["CONTROL_VERBS", "EMPTY_VERBS", "EVENT_CLASSES", "EVENT_NOUNS", "LIGHT_VERBS", "PHRASAL_PARTICLES",
           "STATE_ADJECTIVES", "STATE_VERBS"]

#: Verbs that never state an event by themselves (copula, possession, "do").
EMPTY_VERBS = frozenset(["be", "have", "do"])

#: Verbs whose infinitive complement is the event ("agreed to buy", "plans to close").
CONTROL_VERBS = frozenset(["agree", "plan", "decide", "try", "seek", "want", "begin", "start", "continue",
                           "hope", "intend", "expect", "fail", "refuse", "vow", "promise", "threaten"])
#: Adverbs that complete a phrasal verb when they follow it ("stepped down", "called off").
PHRASAL_PARTICLES = frozenset(["up", "down", "off", "out", "over", "away", "back", "in"])
#: Verbs that only link their subject to a state ("remained missing", "was
#: listed as missing", "left dead"); the adjective is the predicate.
STATE_VERBS = frozenset(["remain", "stay", "become", "seem", "appear", "list", "leave", "keep", "declare",
                         "pronounce", "feel", "look", "turn", "go", "fall"])

#: States that are news events after a copula ("were dead", "is missing").
STATE_ADJECTIVES = frozenset(["dead", "missing", "injured", "wounded", "unaccounted", "closed", "open", "guilty",
                              "bankrupt", "homeless", "ill", "pregnant", "married", "divorced", "free", "safe"])

#: Verbs that carry little meaning of their own when they take a noun
#: object: the object names the event ("made an acquisition", "suffered a
#: defeat", "held talks"): with an event noun as object they are dropped for
#: it, otherwise kept ("won the title").
LIGHT_VERBS = frozenset(
    ["get", "make", "take", "give", "hold", "carry", "suffer", "undergo", "see",
     "face", "stage", "launch", "conduct", "perform", "receive", "win", "post", "record"]
)

#: Nouns that name a happening in news across genres (crime and court,
#: disaster, conflict, business, sport, politics, science): a sentence whose
#: only event word is one of them ("after the earthquake", "the merger")
#: still states that event.  Nouns ending in "-ing" ("shooting", "bombing")
#: are taken as events without being listed.
EVENT_NOUNS = frozenset(
    """
    arrest charge trial verdict conviction sentence appeal acquittal murder killing death attack assault raid
    robbery theft fraud crash collision explosion blast fire blaze flood storm earthquake quake tremor tsunami
    eruption outbreak epidemic evacuation rescue injury war battle offensive counteroffensive invasion strike
    ceasefire truce protest riot coup election vote referendum resignation appointment nomination victory
    win defeat loss draw match final goal deal merger acquisition takeover bid sale purchase buyout launch
    recall fall rise drop increase decrease cut hike layoff bankruptcy collapse discovery finding study
    release announcement visit meeting summit talks agreement treaty sanction ban veto inquiry investigation
    probe inspection audit lawsuit suit settlement fine penalty escape disappearance kidnapping hostage siege overdose
    surgery birth wedding divorce award prize record transfer signing injury suspension
    """.split()
)

#: Predicates that name one kind of action in news, across genres: two
#: claims whose predicates share a class state the same kind of event in
#: other words ("bought" / "took over", "was jailed" / "was sentenced",
#: "resigned" / "stepped down").  A word may sit in several classes
#: ("strike": an attack, an earthquake).  Single-word vectors of the static
#: encoder rate some of these pairs no closer than unrelated verbs ("resign" /
#: "step down" 0.38 against "resign" / "appoint" 0.48), so the classes
#: complete the encoder.  A match's two sides ("beat" / "lost to") are one
#: class: they are one event told from either side.
EVENT_CLASSES = tuple(frozenset(c.split(",")) for c in """
buy,acquire,purchase,take over,snap up,takeover,acquisition,purchase,buyout
sell,divest,offload,sale,sell off
merge,combine,merger
convict,find,conviction,verdict,guilty
sentence,jail,imprison,lock up,sentence
arrest,detain,apprehend,nab,capture,arrest,custody
charge,indict,accuse,prosecute,charge
acquit,clear,exonerate,acquittal
kill,die,slay,murder,death,killing,murder,shoot dead,perish,dead,fatal
injure,wound,hurt,injury,injured,wounded,treat,hospitalise,hospitalize
missing,miss,unaccounted,disappear,disappearance,vanish
start,begin,break out,erupt,ignite,spark,outbreak
inspect,inspection,visit,audit,check
shoot,gun down,open fire,shooting
attack,assault,raid,bomb,strike,hit,bombing,attack,raid,shell,storm
earthquake,quake,strike,hit,jolt,rock,shake,tremor
win,beat,defeat,clinch,triumph,edge,overcome,lose,victory,win,loss,thrash,rout
resign,step down,quit,stand down,resignation
appoint,name,nominate,choose,select,pick,hire,appointment,nomination
elect,vote,re-elect,election
pass,approve,adopt,enact,endorse,ratify,back
reject,vote down,block,veto,oppose,defeat
discover,find,spot,detect,identify,uncover,observe,discovery,finding
release,launch,unveil,introduce,debut,present,launch,release,roll out
fire,sack,dismiss,oust,lay off,cut,layoff,dismissal,axe
rescue,save,evacuate,free,rescue,evacuation
escape,flee,break out,escape
enter,check,admit,check in
fall,drop,decline,tumble,plunge,slump,slide,sink,fall,drop,decrease,loss
rise,increase,climb,jump,surge,soar,grow,gain,rise,increase,hike
crash,collide,derail,capsize,crash,collision
burn,blaze,fire,gut,destroy,engulf
flood,inundate,swamp,submerge,flood
erupt,explode,blast,detonate,eruption,explosion
marry,wed,wedding,marriage
divorce,split,separate,divorce
sign,recruit,transfer,signing
meet,visit,talk,meeting,visit,summit,talks
sue,file,lawsuit,suit
ban,prohibit,outlaw,bar,ban
close,shut,shut down,closure,closed
open,inaugurate,opening
protest,march,demonstrate,rally,protest
kidnap,abduct,seize,kidnapping,hostage
invade,occupy,invasion,offensive
withdraw,pull out,retreat,withdrawal
agree,sign,deal,agreement,treaty,settle,settlement
""".strip().splitlines())
