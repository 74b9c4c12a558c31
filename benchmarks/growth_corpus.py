"""A fictional day-of-news corpus for the growth benchmark (benchmarks/bench_growth.py).

Unlike bench_pipeline.py's corpus (about 150 near-identical copies of each
example article), this one looks like a feed: many stories of varied sizes
(most one to three reports, a few of a hundred or more), seven genres
(disaster, shooting, court, business, sports, science, politics), a few
hundred outlets, made-up people, towns, organisations, figures and dates, and
some wire copies (the same text under another outlet with its own credit
line). Reports of one story differ in wording, sentence order, which details
they carry and, now and then, in a figure (a toll that rises in later
reports). Everything is fictional and built from the templates below.

    corpus = make_corpus(10_000, seed=11)     # list of Article, story-major
    corpus.summary()                           # what was made
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = ["Article", "Corpus", "make_corpus"]

FIRST = (
    "Amara Ana Arjun Beatriz Bogdan Carmen Chidi Dana Dmitri Elena Emeka Farah Fatima Gareth Hana Hugo Ines Ivan "
    "Jamal Jana Kai Kenji Lars Leila Liam Lucia Malik Marta Mateo Mei Nadia Nikhil Noor Olga Omar Paolo Priya Rafael "
    "Rania Rosa Ruth Samir Sana Sean Sofia Tariq Tomas Una Victor Wanda Xavier Yara Yusuf Zara Zoltan Alba Bruno "
    "Cyrus Delia Esme Felix Greta Harlan Ilse Joaquin Kofi Linnea Magnus Nell Oskar"
).split()
LAST = (
    "Abara Brandt Castellano Dufresne Eriksen Fonseca Gallagher Haddad Ibsen Jovanovic Kaur Lindqvist Moreau Nakamura "
    "Okafor Petrov Quintero Rasmussen Szabo Takahashi Underwood Varga Whitlock Xu Yilmaz Zielinski Adeyemi Bergstrom "
    "Calloway Delacroix Esposito Falkner Grimaldi Holloway Iwasaki Janssen Kowalczyk Lombardi Mbeki Novak Ortega "
    "Pellegrini Quayle Rourke Sandoval Thorne Uchida Vasquez Wexler Yoon Zamora Ashby Bellweather Crane Draper "
    "Ellery Fairbanks Garrow Hollis Ingram Jessop Kilbride Larkin Merriweather Nolan Oakes Prentice Radley Sutter "
    "Tolliver Vance Winslow Yardley Achebe Bianchi Chowdhury Dragomir Engstrom Ferreira Gutierrez Halvorsen"
).split()
TOWN_A = (
    "Ash Bright Cold Dun Elm Fair Glen Hart High Iron Kings Lake Marl Mill North Oak Pen Red Rock Salt Silver "
    "Stone Thorn Wester Whit Wil Wolf Yar Brack Cran"
).split()
TOWN_B = "bridge brook burgh by combe dale field ford gate haven holm hurst ley mere minster mouth port stead ton wick".split()
REGIONS = ("Calder County", "Vale District", "Northmark Province", "Eastmoor", "Harrow County",
           "Lowland Province", "Brenmoor County", "Riverholt", "Kestrel Province", "Upper Tarn County")
MASTHEAD = ("Gazette", "Herald", "Post", "Times", "Courier", "Observer", "Tribune", "Chronicle", "Record", "Journal",
            "Star", "Ledger", "Sentinel", "Examiner", "Daily", "Bulletin")
WIRES = ("Continental Press", "Meridian Newswire", "Allied Wire Service")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Sentence templates per genre. {p0}, {p1}, ... are people ("role name" on first
# use, surname after), {town}, {region}, {org}, {day} and the numbers {n_*}
# are filled from the story. "lead" sentences open a report; the rest are
# picked and ordered per report; quotes are attributed in several ways.
GENRES: dict[str, dict[str, tuple[str, ...]]] = {
    "disaster": {
        "lead": (
            "A {hazard} tore through {town} on {day}, killing {n_killed} people and injuring {n_injured}, officials said.",
            "At least {n_killed} people died and {n_injured} were hurt when a {hazard} struck {town} in {region} on {day}.",
            "Rescue crews in {town} searched for survivors after a {hazard} left {n_killed} dead on {day}.",
        ),
        "body": (
            "About {n_evac} residents were evacuated from homes near the {landmark}.",
            "{P0} said {n_homes} homes had been destroyed and many more damaged.",
            "The {hazard} began shortly after {hour} o'clock, according to the {org}.",
            "Power was cut to {n_power} households across {region}.",
            "Emergency shelters opened at two schools and the {landmark}.",
            "The death toll could rise, {P1} warned, as crews reached outlying farms.",
            "Damage was estimated at {n_money} million dollars.",
            "Volunteers from neighbouring towns brought water and blankets.",
            "Roads into {town} were closed for most of {day}, the {org} said.",
            "{P0} said {n_injured} people were treated in hospital, some for burns and broken bones.",
            "The last comparable {hazard} in {region} happened more than twenty years ago.",
            "Schools in {town} will stay closed until at least next week.",
            "Insurers said claims could take months to settle.",
        ),
        "quote": (
            "\"We have never seen anything like this in {town},\" {P0} said.",
            "\"Our crews worked through the night and they will keep going,\" said {P1}.",
            "{P1} told reporters: \"Please stay away from the {landmark} until it is declared safe.\"",
        ),
    },
    "shooting": {
        "lead": (
            "{n_killed} people were killed and {n_injured} wounded in a shooting at a {venue} in {town} on {day}, police said.",
            "A gunman opened fire at a {venue} in {town} late on {day}, leaving {n_killed} dead and {n_injured} injured.",
            "Police in {town} are investigating a shooting at a {venue} that killed {n_killed} people on {day}.",
        ),
        "body": (
            "Officers arrested a {n_age}-year-old man near the scene, {P1} said.",
            "The victims were taken to {town} General Hospital.",
            "{P0} said the suspect and the victims appeared to know each other.",
            "Witnesses reported hearing about {n_shots} shots shortly before midnight.",
            "The {org} asked anyone with video of the incident to come forward.",
            "Two of the wounded were in critical condition on {day}.",
            "The {venue} had been the scene of a fight earlier in the evening, neighbours said.",
            "Charges are expected later in the week, according to court records.",
            "{P1} said investigators recovered a handgun at the scene.",
            "It was the {n_games}th shooting in {town} this year, according to police figures.",
            "A vigil for the victims is planned for the weekend at the {landmark}.",
            "The names of the dead have not been released.",
        ),
        "quote": (
            "\"This was a senseless act of violence,\" said {P1}.",
            "\"We are asking the community for patience while we gather the facts,\" {P1} said.",
            "{P0}, who lives nearby, said: \"I heard the shots and then people running.\"",
        ),
    },
    "court": {
        "lead": (
            "{P0} was sentenced to {n_years} years in prison on {day} for fraud that cost investors {n_money} million dollars.",
            "A judge in {town} on {day} sentenced {P0} to {n_years} years for running a scheme that took {n_money} million dollars.",
            "Former financier {P0} will spend {n_years} years behind bars, a {town} court ruled on {day}.",
        ),
        "body": (
            "{P1} also ordered {s0} to repay {n_fine} million dollars.",
            "Prosecutors had asked for {n_asked} years.",
            "The jury deliberated for {n_days} days before returning its verdict in {month}.",
            "More than {n_victims} investors lost money, according to the indictment.",
            "{S0}'s lawyer, {P2}, said {s0} would appeal.",
            "The case was brought by the {org}.",
            "{S0} had pleaded not guilty to all {n_counts} counts.",
            "Investigators said the money was spent on property and cars.",
            "{S0}, {n_age}, ran an investment firm in {town} for more than a decade.",
            "Several victims spoke at the hearing about losing their savings.",
            "The {org} said it would try to recover more of the money.",
        ),
        "quote": (
            "\"The harm done to these families cannot be undone,\" {P1} said from the bench.",
            "\"We respect the court but we disagree with this sentence,\" said {P2}.",
            "\"I am sorry for what happened,\" {S0} told the court before the sentence was read.",
        ),
    },
    "business": {
        "lead": (
            "{org} said on {day} it would cut {n_jobs} jobs after revenue fell to {n_money} million dollars.",
            "{org} plans to eliminate {n_jobs} positions, chief executive {P0} announced on {day}.",
            "Shares of {org} fell {n_pct} percent on {day} after the company announced {n_jobs} job cuts.",
        ),
        "body": (
            "Revenue for the quarter was {n_money} million dollars, down from {n_money2} million a year earlier.",
            "The company employs about {n_staff} people, most of them in {town}.",
            "{P0} said the cuts would save about {n_save} million dollars a year.",
            "Analysts had expected revenue of {n_money2} million dollars.",
            "The union representing workers at the {town} plant said it would seek talks.",
            "{P1}, the chief financial officer, said the company would close two warehouses.",
            "The company's shares have lost {n_pct2} percent of their value this year.",
            "The cuts follow a year of falling orders from retailers in {region}.",
            "{org} was founded in {town} and has been publicly traded for two decades.",
            "The company said it expected the job cuts to be completed by {month}.",
            "Local officials in {town} said they were disappointed by the news.",
        ),
        "quote": (
            "\"These are difficult decisions, and we did not take them lightly,\" {P0} said.",
            "\"We will come out of this a leaner and stronger company,\" said {P1}.",
            "\"Our members were told nothing until this morning,\" said {P2}, a union representative.",
        ),
    },
    "sports": {
        "lead": (
            "{team0} beat {team1} {n_score0}-{n_score1} on {day} to reach the {cup} final.",
            "{P0} scored twice as {team0} defeated {team1} {n_score0}-{n_score1} in the {cup} on {day}.",
            "A late goal from {P0} gave {team0} a {n_score0}-{n_score1} win over {team1} on {day}.",
        ),
        "body": (
            "A crowd of {n_crowd} watched at the {landmark}.",
            "{team1} had not lost at home in {n_games} games.",
            "{P1}, the {team0} coach, praised the defence.",
            "The final will be played in {town} next month.",
            "{S0} has now scored {n_goals} goals this season.",
            "{team1} finished the match with ten players after a red card.",
            "{team0} had {n_pct} percent of possession.",
            "{S0} was named player of the match.",
            "Tickets for the final go on sale next week.",
            "{team1} will now concentrate on the league, where they sit fourth.",
        ),
        "quote": (
            "\"The lads gave everything today,\" said {P1}.",
            "\"I just tried to be in the right place,\" {S0} said of the winning goal.",
            "\"We will learn from this and come back stronger,\" said {P2}, who coaches {team1}.",
        ),
    },
    "science": {
        "lead": (
            "Researchers at the University of {town} say a {subject} reduced {outcome} by {n_pct} percent in a study of {n_people} people.",
            "A study of {n_people} adults led by {P0} found that a {subject} cut {outcome} by {n_pct} percent.",
            "A {subject} lowered {outcome} by {n_pct} percent, according to a study published on {day}.",
        ),
        "body": (
            "The study, published in the Journal of {field}, followed participants for {n_months} months.",
            "{P0} said the results needed to be confirmed in a larger trial.",
            "About {n_pct2} percent of participants dropped out before the end.",
            "The work was funded by the {org}.",
            "{P1}, who was not involved in the research, called the findings promising.",
            "Participants were between {n_age} and {n_age2} years old.",
            "Half of the participants were assigned to the {subject} and half to usual care.",
            "The effect was similar in men and women, the authors said.",
            "{P0} said a follow-up study of {n_people} people would begin in {month}.",
            "The researchers said the {subject} was cheap and safe.",
        ),
        "quote": (
            "\"We were surprised by the size of the effect,\" {P0} said.",
            "\"It is an interesting result, but one study is never the last word,\" said {P1}.",
        ),
    },
    "politics": {
        "lead": (
            "Lawmakers in {region} voted {n_for} to {n_against} on {day} to pass a {bill} bill worth {n_money} million dollars.",
            "The {bill} bill backed by {P0} passed the {region} assembly {n_for}-{n_against} on {day}.",
            "{P0}'s {bill} plan cleared its final vote on {day}, with {n_for} members in favour.",
        ),
        "body": (
            "The bill sets aside {n_money} million dollars over {n_years} years.",
            "{P1}, who leads the opposition, said the plan was too expensive.",
            "A vote on the budget is expected in {month}.",
            "The plan includes {n_projects} projects in {town} and nearby towns.",
            "Turnout in the last {region} election was {n_pct} percent.",
            "{P0} first proposed the measure during the campaign.",
            "The measure still needs the signature of {P0}.",
            "Business groups in {region} welcomed the vote.",
            "Work on the first projects could start in {month}, officials said.",
            "Critics said {town} would get more than its share of the money.",
        ),
        "quote": (
            "\"This is a good day for every family in {region},\" {P0} said.",
            "\"Voters will remember who paid for this,\" said {P1}.",
            "\"We listened to the towns and changed the plan,\" {S0} told reporters.",
        ),
    },
}
ROLES = {
    "disaster": ("fire chief", "mayor", "resident"),
    "shooting": ("resident", "police spokesperson", "witness"),
    "court": ("", "Judge", "defence lawyer"),
    "business": ("", "", ""),
    "sports": ("striker", "", ""),
    "science": ("professor", "Dr.", ""),
    "politics": ("Governor", "", ""),
}
FILLERS = {
    "hazard": ("wildfire", "flood", "storm", "gas explosion", "landslide", "tornado"),
    "landmark": ("river bridge", "town hall", "harbour", "old mill", "stadium", "market square"),
    "venue": ("bar", "house party", "petrol station", "park", "nightclub", "apartment block"),
    "cup": ("regional cup", "league cup", "county shield"),
    "subject": ("daily walking programme", "low-salt diet", "new blood-pressure drug", "sleep therapy"),
    "outcome": ("heart attacks", "hospital visits", "migraine days", "blood pressure"),
    "field": ("Clinical Studies", "Preventive Medicine", "Public Health"),
    "bill": ("transport", "housing", "school repair", "water supply"),
}
ORGS = {
    "disaster": ("{region} fire service", "{town} emergency office"),
    "shooting": ("{town} police department", "{region} sheriff's office"),
    "court": ("{region} securities regulator", "state prosecutor's office"),
    "business": ("{last} Logistics", "{last} Foods", "{last} Motors", "{last} Pharma"),
    "sports": ("{town} football association",),
    "science": ("{last} Foundation", "national health institute"),
    "politics": ("{region} assembly",),
}
TEAM_SUFFIX = ("Rovers", "United", "Athletic", "Wanderers", "City", "Albion")


@dataclass(frozen=True)
class Article:
    """One generated report: file id, outlet, headline, publication date, body text and its story."""

    id: str
    story: int
    genre: str
    outlet: str
    title: str
    published: str
    text: str
    wire_copy: bool = False


@dataclass
class Corpus:
    """The generated articles (story-major) and what was made, for the benchmark's printout."""

    articles: list[Article] = field(default_factory=list)
    story_sizes: list[int] = field(default_factory=list)

    def head(self, n: int) -> list[Article]:
        """The first ``n`` articles: whole stories but the last, whose reports are cut."""
        return self.articles[:n]

    def summary(self, n: int | None = None) -> str:
        """One paragraph on the first ``n`` articles: stories by size, genres, outlets, wire copies."""
        arts = self.head(n or len(self.articles))
        sizes: dict[int, int] = {}
        for a in arts:
            sizes[a.story] = sizes.get(a.story, 0) + 1
        by_size = sorted(sizes.values())
        genres: dict[str, int] = {}
        for a in arts:
            genres[a.genre] = genres.get(a.genre, 0) + 1
        bands = [(1, 1), (2, 3), (4, 12), (13, 40), (41, 10**6)]
        band_txt = ", ".join(f"{lo}-{hi if hi < 10**6 else '+'}: {sum(1 for s in by_size if lo <= s <= hi)}" for lo, hi in bands)
        return (f"{len(arts)} articles, {len(by_size)} stories (sizes {band_txt}; largest {by_size[-5:]}), "
                f"{len({a.outlet for a in arts})} outlets, {sum(a.wire_copy for a in arts)} wire copies, "
                f"{sum(len(a.text) for a in arts) // max(1, len(arts))} characters an article; genres "
                + ", ".join(f"{g} {k}" for g, k in sorted(genres.items())))


def _story_size(rng: random.Random) -> int:
    """A heavy-tailed story size: mostly 1-3 reports, a few above 60."""
    r = rng.random()
    if r < 0.55:
        return rng.randint(1, 3)
    if r < 0.87:
        return rng.randint(4, 12)
    if r < 0.985:
        return rng.randint(13, 40)
    return rng.randint(60, 220)


def _outlets(rng: random.Random, k: int = 320) -> list[str]:
    names: set[str] = set()
    while len(names) < k:
        names.add(f"{rng.choice(TOWN_A)}{rng.choice(TOWN_B)} {rng.choice(MASTHEAD)}")
    return sorted(names)


def _person(rng: random.Random, role: str) -> tuple[str, str]:
    """(first mention, later mention) of a made-up person with an optional role."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    full = f"{first} {last}"
    if role in ("Judge", "Dr.", "Governor"):
        return f"{role} {full}", last
    return (f"{role} {full}" if role else full), last


class _Story:
    """The facts one story's reports are written from."""

    def __init__(self, rng: random.Random, index: int, base: date):
        self.index = index
        self.genre = rng.choice(tuple(GENRES))
        town = f"{rng.choice(TOWN_A)}{rng.choice(TOWN_B)}"
        self.slots: dict[str, str] = {"town": town, "region": rng.choice(REGIONS)}
        for key, options in FILLERS.items():
            self.slots[key] = rng.choice(options)
        self.slots["org"] = rng.choice(ORGS[self.genre]).format(last=rng.choice(LAST), **self.slots)
        self.slots["org"] = self.slots["org"][0].upper() + self.slots["org"][1:]
        self.people = [_person(rng, role) for role in ROLES[self.genre]]
        for i, (full, last) in enumerate(self.people):
            self.slots[f"P{i}"] = full
            self.slots[f"S{i}"] = last
            self.slots[f"s{i}"] = "he" if rng.random() < 0.5 else "she"
        self.slots["team0"] = f"{town} {rng.choice(TEAM_SUFFIX)}"
        self.slots["team1"] = f"{rng.choice(TOWN_A)}{rng.choice(TOWN_B)} {rng.choice(TEAM_SUFFIX)}"
        self.day = base + timedelta(days=rng.randint(0, 60))
        self.slots["month"] = MONTHS[(self.day.month + rng.randint(0, 2)) % 12]
        self.slots["hour"] = str(rng.randint(2, 11))
        self.numbers = {
            "killed": rng.choice((1, 2, 2, 3, 4, 5, 7, 12)), "injured": rng.randint(1, 40), "evac": rng.randint(2, 90) * 100,
            "homes": rng.randint(3, 300), "power": rng.randint(5, 80) * 1000, "money": rng.randint(3, 900),
            "money2": rng.randint(3, 900), "age": rng.randint(17, 60), "age2": rng.randint(61, 85), "shots": rng.randint(5, 40),
            "years": rng.randint(2, 25), "fine": rng.randint(1, 90), "asked": rng.randint(5, 30), "days": rng.randint(2, 9),
            "victims": rng.randint(40, 4000), "counts": rng.randint(2, 14), "jobs": rng.randint(2, 80) * 50,
            "pct": rng.randint(3, 45), "pct2": rng.randint(3, 45), "staff": rng.randint(20, 400) * 50,
            "save": rng.randint(5, 200), "score0": rng.randint(1, 5), "score1": 0, "crowd": rng.randint(3, 60) * 1000,
            "games": rng.randint(4, 30), "goals": rng.randint(3, 25), "people": rng.randint(80, 20000),
            "months": rng.randint(3, 36), "for": rng.randint(40, 70), "against": rng.randint(10, 39),
            "projects": rng.randint(5, 120),
        }
        self.numbers["score1"] = rng.randint(0, self.numbers["score0"] - 1)


def _fill(template: str, slots: dict[str, str], numbers: dict[str, int], day_txt: str) -> str:
    values = dict(slots, day=day_txt, **{f"n_{k}": f"{v:,}" for k, v in numbers.items()})
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _write_report(rng: random.Random, story: _Story, k: int, outlet: str) -> tuple[str, str, date]:
    """(title, body, publication date) of report ``k`` of a story, by ``outlet``."""
    genre = GENRES[story.genre]
    published = story.day + timedelta(days=min(k // 4, rng.randint(0, 3)))
    numbers = dict(story.numbers)
    if story.genre in ("disaster", "shooting") and k >= 3 and rng.random() < 0.4:
        numbers["killed"] += rng.randint(1, 2)  # a toll that rises in later reports
    day_txt = (WEEKDAYS[story.day.weekday()] if published - story.day < timedelta(days=6)
               else f"{MONTHS[story.day.month - 1]} {story.day.day}")
    lead = _fill(rng.choice(genre["lead"]), story.slots, numbers, day_txt)
    body = rng.sample(genre["body"], rng.randint(min(3, len(genre["body"])), len(genre["body"])))
    quotes = rng.sample(genre["quote"], rng.randint(1, len(genre["quote"])))
    rest = [_fill(t, story.slots, numbers, day_txt) for t in body + quotes]
    rng.shuffle(rest)
    paragraphs = [f"{story.slots['town'].upper()} — {lead}"]
    while rest:
        take = rng.randint(1, 2)
        paragraphs.append(" ".join(rest[:take]))
        rest = rest[take:]
    if rng.random() < 0.3:
        paragraphs.append(f"{outlet} will update this story as more information becomes available.")
    title = re.split(r",\s", lead)[0].rstrip(".")
    if len(title) > 90:
        title = title[:90].rsplit(" ", 1)[0]
    return title, "\n\n".join(paragraphs) + "\n", published


def make_corpus(n: int, seed: int = 11, base: date = date(2026, 3, 1)) -> Corpus:
    """``n`` fictional articles, story by story, deterministic for a seed.

    A prefix of the corpus made for a larger ``n`` with the same seed is the
    corpus for a smaller one (story sizes and texts come from one stream).
    """
    rng = random.Random(seed)
    outlets = _outlets(rng)
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(outlets))]  # a few big outlets, a long tail
    corpus = Corpus()
    index = 0
    while len(corpus.articles) < n:
        story = _Story(rng, index, base)
        size = _story_size(rng)
        corpus.story_sizes.append(size)
        written: list[tuple[str, str, date]] = []
        for k in range(size):
            outlet = rng.choices(outlets, weights)[0]
            if written and rng.random() < 0.15:  # a wire copy: an earlier report under this outlet's name
                title, body, published = rng.choice(written)
                body = body + f"\nDistributed by {rng.choice(WIRES)}; published by {outlet}.\n"
                wire = True
            else:
                title, body, published = _write_report(rng, story, k, outlet)
                written.append((title, body, published))
                wire = False
            corpus.articles.append(Article(
                id=f"g{len(corpus.articles):05d}", story=index, genre=story.genre, outlet=outlet, title=title,
                published=published.isoformat(), text=body, wire_copy=wire,
            ))
            if len(corpus.articles) >= n:
                break
        index += 1
    return corpus
