"""Benchmark: spaCy annotation and per-document extraction, in articles per second.

Articles are assembled from sentences written for this script (fictional
people, places and numbers), about 450 words each, like a wire story.  The two
stages are timed separately: ``annotate`` (spaCy, batched) and
``extract_document`` (pure Python over the parse).
Usage: ``python benchmarks/bench_annotate_extract.py [N]`` (default 200).
"""
from __future__ import annotations

import random
import sys
import time

from newssift.annotate import annotate, load_nlp
from newssift.config import DEFAULT_CONFIG
from newssift.extract import extract_document
from newssift.models import Document

PEOPLE = ["Mara Quint", "Owen Tallis", "Priya Desai", "Lukas Brandt", "Sofia Renner", "Idris Cole"]
PLACES = ["Ashford", "Brennick", "Caldmoor", "Dunhollow", "Eastwick", "Farrowby"]
SENTENCES = [
    "{person}, the regional fire chief, said on {day} that at least {n} people had been evacuated from {place}.",
    '"We are doing everything we can to reach the families," {person} told reporters at the scene.',
    "According to the county health authority, {m} people were treated in hospital and {k} remain in a critical condition.",
    "The flooding reportedly destroyed more than {n} homes along the river, though the figure could not be independently verified.",
    "Police said between {k} and {m} people were still missing, and noted that search teams would work through the night.",
    "The storm was the worst to hit {place} in decades, and residents described water rising within minutes.",
    "{surname} added that several dozen volunteers had joined the rescue effort over the weekend.",
    "Local officials estimated the damage at about {n} thousand euros.",
    "It was revealed that the river defences had last been inspected in 2019.",
    "The regional government cited a report by the weather service, saying that rainfall had reached {n} millimetres in two days.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_article(i: int, rnd: random.Random) -> Document:
    """One synthetic article of about 450 words."""
    person = rnd.choice(PEOPLE)
    paras = []
    for _ in range(6):
        paras.append(" ".join(
            rnd.choice(SENTENCES).format(person=person, surname=person.split()[-1], day=rnd.choice(DAYS),
                                         place=rnd.choice(PLACES), n=rnd.randint(20, 900),
                                         m=rnd.randint(10, 60), k=rnd.randint(2, 9))
            for _ in range(3)
        ))
    return Document(id=f"a{i}", text="\n\n".join(paras), published="2025-03-12")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rnd = random.Random(7)
    docs = [make_article(i, rnd) for i in range(n)]
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    load_nlp(DEFAULT_CONFIG)
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    parsed = list(annotate(docs, DEFAULT_CONFIG))
    t_annotate = time.perf_counter() - t0
    t0 = time.perf_counter()
    extractions = [extract_document(d, p) for d, p in zip(docs, parsed)]
    t_extract = time.perf_counter() - t0
    claims = sum(len(x.claims) for x in extractions)
    print(f"articles: {n}  words: {words}  claims: {claims}")
    print(f"model load:  {t_load:.2f} s")
    print(f"annotate:    {t_annotate:.2f} s  ({n / t_annotate:.1f} articles/s)")
    print(f"extract:     {t_extract:.2f} s  ({n / t_extract:.1f} articles/s, {1000 * t_extract / n:.1f} ms/article)")
    print(f"both:        {n / (t_annotate + t_extract):.1f} articles/s")


if __name__ == "__main__":
    main()
