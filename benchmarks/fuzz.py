"""Fuzz newssift: generated and mutated inputs through ingest, and through the whole analysis.

    nice .venv/bin/python benchmarks/fuzz.py                 # 10,000 ingest inputs, 500 analysed
    nice .venv/bin/python benchmarks/fuzz.py --ingest 500 --analyze 50 --seed 7 --save /tmp/fuzz-crashes

Inputs come from a seeded generator (the same seed gives the same inputs):
fictional articles rendered as text, HTML, JSON lines, JSON, RSS, Atom, WARC
and gzip; random bytes, text, HTML trees and nested JSON; and those seeds
mutated (bytes flipped, cut, repeated, spliced, special tokens inserted,
gzip-wrapped and truncated). Every input goes through the public ingest entry
point ``newssift.api.ingest_bytes``; the analysis stage takes small article
texts (mutated prose) in groups of five through ingest and
``newssift.pipeline.analyze_documents`` without embeddings, then serialises
the report. A crash is any exception escaping those calls; a hang is an input
that runs longer than ``--hang-s``. The run prints both, the slowest input of
each stage, and exits 1 when anything crashed or hung.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import random
import re
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

#: Fictional article bodies, one per genre; every generated article is built from these.
ARTICLES = [
    ("court", "Judge rules mining permit invalid",
     ("The high court in Veltmar ruled on Thursday that the permit for the Orlo copper mine was invalid. "
     "\u201cThe ministry ignored its own rules,\u201d Judge Amara Kess said in her ruling. "
     "The company said it would appeal, according to a statement released late on Thursday.")),
    ("business", "Harbour Foods profit falls 12%",
     ("Harbour Foods said on Tuesday that its annual profit fell 12% to \u00a34.5m as grain prices rose. "
     "Chief executive Tomas Reyn told analysts that about 300 jobs could go. "
     "Shares fell 3.1 per cent in early trading, the exchange said.")),
    ("sports", "Rovers win derby 3-1",
     ("Harbour Rovers beat Kestrel City 3-1 on Saturday in front of 21,000 fans. "
     "Striker Lena Oduya scored twice, and coach Pim Arlo said the team \u201cfinally believed\u201d. "
     "City manager Sven Dace reportedly blamed the referee.")),
    ("science", "Lake study finds warmer water",
     ("Researchers at Norrbay University said on Monday that the lake had warmed by 0.8C since 1990. "
     "\u201cThis is faster than we expected,\u201d lead author Dr Iva Morn said. "
     "The study, published in a journal, measured 40 sites over 30 years.")),
    ("politics", "Council approves new budget",
     ("The city council voted 27 to 14 on Wednesday to approve a budget of $1.2bn. "
     "Mayor Odile Fenn said the plan would fund 150 new teachers. "
     "Opposition leader Karl Voss called it \u201ca budget of broken promises\u201d, local media reported.")),
    ("disaster", "Floods force hundreds from homes",
     ("About 400 people were evacuated after the river burst its banks on Sunday, officials said. "
     "At least two people died and 15 were injured, according to the regional fire service. "
     "\u201cThe water rose in minutes,\u201d resident Mila Gorr told reporters.")),
]
#: Byte strings that tend to break parsers: NULs, BOMs, bad UTF-8, huge character references, markers.
TOKENS = [b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80", b"\xc3", b"&#xFFFFFFFF;", b"&#0;", b"&#99999999999;",
          b"&#x110000;", b"&bogus;", b"<![CDATA[", b"]]>", b"<!--", b"-->", b"\r", b"\r\n\r\n", b"<" * 40, b"{" * 200,
          b"[" * 3000, b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"<script>", b"</html>", b"<?xml ",
          b"\x1f\x8b\x08\x00", b'"text": ', b"\\u0000", b"\\ud800", "\u2028".encode()]
TAGS = ["p", "div", "article", "h1", "h2", "span", "script", "style", "nav", "footer", "blockquote", "a", "table",
        "td", "li", "ul", "br", "iframe", "title", "figure", "figcaption", "aside", "header", "main", "time"]
#: Links in generated feeds and records: a closed local port, so a fetch fails at once (no network here).
DEAD_LINK = "http://127.0.0.1:9/story"


# ----------------------------------------------------------------- renderings of one article
def _html(title: str, body: str, r: random.Random) -> str:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    nav = "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>" if r.random() < 0.5 else ""
    return (f"<!doctype html><html><head><title>{title}</title><meta property='og:site_name' content='Veltmar Post'>"
            f"</head><body>{nav}<article><h1>{title}</h1><time datetime='2025-03-04'>4 March 2025</time>{paras}"
            f"</article><footer>\u00a9 2025 Veltmar Post</footer></body></html>")


def _rss(title: str, body: str) -> str:
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<channel><title>Veltmar Post</title><item><title>{title}</title><link>{DEAD_LINK}</link>"
            f"<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><description>{body[:80]}</description>"
            f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item></channel></rss>")


def _atom(title: str, body: str) -> str:
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Post</title>"
            f"<entry><title>{title}</title><link href='{DEAD_LINK}'/><updated>2025-03-04T10:00:00Z</updated>"
            f"<content type='html'>&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>")


def _warc(title: str, body: str, r: random.Random) -> bytes:
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + _html(title, body, r)).encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/{r.randrange(999)}\r\n"
            f"WARC-Date: 2025-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{r.randrange(10**12):032d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def render(r: random.Random) -> tuple[str, bytes]:
    """One fictional article in a random format, as (file name, bytes)."""
    genre, title, body = r.choice(ARTICLES)
    fmt = r.choice(["txt", "html", "jsonl", "json", "rss", "atom", "warc", "gz"])
    if fmt == "txt":
        return f"{genre}.txt", f"{title}\n\n{body}\n".encode()
    if fmt == "html":
        return f"{genre}.html", _html(title, body, r).encode()
    record = {"id": genre, "title": title, "text": body, "outlet": "Veltmar Post", "published": "2025-03-04",
              "url": DEAD_LINK}
    if fmt == "jsonl":
        return f"{genre}.jsonl", (json.dumps(record) + "\n" + json.dumps({**record, "id": genre + "2"})).encode()
    if fmt == "json":
        return f"{genre}.json", json.dumps([record]).encode()
    if fmt == "rss":
        return f"{genre}.rss", _rss(title, body).encode()
    if fmt == "atom":
        return f"{genre}.xml", _atom(title, body).encode()
    if fmt == "warc":
        data = _warc(title, body, r) + _warc(title + " (update)", body, r)
        return (f"{genre}.warc.gz", gzip.compress(data)) if r.random() < 0.5 else (f"{genre}.warc", data)
    return f"{genre}.txt.gz", gzip.compress(f"{title}\n\n{body}\n".encode())


# ----------------------------------------------------------------- generation and mutation
def _random_html(r: random.Random, depth: int = 0) -> str:
    if depth > 4 or r.random() < 0.3:
        return r.choice(ARTICLES)[2][: r.randrange(1, 200)]
    tag = r.choice(TAGS)
    inner = "".join(_random_html(r, depth + 1) for _ in range(r.randrange(0, 4)))
    return f"<{tag}>{inner}" + (f"</{tag}>" if r.random() < 0.8 else "")


def _random_json(r: random.Random, depth: int = 0):
    pick = r.random()
    if depth > 5 or pick < 0.3:
        return r.choice([None, True, 0, -1.5e308, float("nan"), "", r.choice(ARTICLES)[2][: r.randrange(200)], "\x00"])
    if pick < 0.6:
        return [_random_json(r, depth + 1) for _ in range(r.randrange(4))]
    keys = ["text", "title", "url", "outlet", "published", "id", "body", "content", "author", "x"]
    return {r.choice(keys): _random_json(r, depth + 1) for _ in range(r.randrange(5))}


def generate(r: random.Random) -> tuple[str, bytes]:
    """A random input not built from an article: bytes, text, an HTML tree or nested JSON."""
    kind = r.randrange(5)
    if kind == 0:
        return r.choice(["x.bin", "x.txt", "x.html", "x.warc", "x.gz"]), r.randbytes(r.randrange(0, 3000))
    if kind == 1:
        text = "".join(chr(r.choice([r.randrange(32, 127), r.randrange(0x80, 0x2FFF), r.randrange(0x10000, 0x10FFFF),
                                      10, 13, 9])) for _ in range(r.randrange(0, 1500)))
        return "x.txt", text.encode("utf-8", "surrogatepass")
    if kind == 2:
        return "x.html", ("<html><body>" + "<div>" * r.choice([0, 10, 500, 5000]) + _random_html(r)).encode()
    if kind == 3:
        lines = [json.dumps(_random_json(r)) for _ in range(r.randrange(1, 5))]
        if r.random() < 0.3:
            n = r.choice([100, 3000, 50_000])
            lines.append("[" * n + "]" * n)
        return r.choice(["x.jsonl", "x.json"]), "\n".join(lines).encode()
    return r.choice(["x.xml", "x.rss"]), ("<rss><channel>" + "<item><title>t</title><description>"
                                          + "&#" + str(r.randrange(10**12)) + ";" + "</description></item>" * r.randrange(3)).encode()


def mutate(data: bytes, r: random.Random, other: bytes) -> bytes:
    """``data`` changed by one to four random edits (``other`` is spliced in by one of them)."""
    out = bytearray(data)
    for _ in range(r.randrange(1, 5)):
        n = len(out)
        op = r.randrange(9)
        at = r.randrange(n + 1)
        if op == 0 and n:
            for _ in range(r.randrange(1, 8)):
                out[r.randrange(n)] = r.randrange(256)
        elif op == 1:
            del out[at : at + r.randrange(1, 200)]
        elif op == 2:
            out[at:at] = r.choice(TOKENS) * r.choice([1, 1, 3, 50])
        elif op == 3:
            out[at:at] = r.randbytes(r.randrange(1, 40))
        elif op == 4:
            out = out[: r.randrange(n + 1)]
        elif op == 5:
            out[at:at] = other[r.randrange(len(other) + 1):][: r.randrange(1, 400)]
        elif op == 6 and n:
            piece = out[at : at + r.randrange(1, 50)]
            out[at:at] = piece * r.choice([2, 20, 400])
        elif op == 7:
            out = bytearray(gzip.compress(bytes(out)))
        elif op == 8 and n:
            out[at:at] = b"\n" * r.randrange(1, 30)
    return bytes(out[:200_000])


@dataclass
class Inputs:
    """A seeded stream of fuzz inputs: ``next()`` gives (file name, bytes); ``kind`` says how it was made."""

    seed: int = 1
    kind: str = ""
    r: random.Random = field(init=False)

    def __post_init__(self):
        self.r = random.Random(self.seed)

    def next(self) -> tuple[str, bytes]:
        """The next input: a rendered article (25 %), a generated one (25 %) or a mutated article (50 %)."""
        pick = self.r.random()
        if pick < 0.25:
            self.kind = "article"
            return render(self.r)
        if pick < 0.5:
            self.kind = "generated"
            return generate(self.r)
        self.kind = "mutated"
        name, data = render(self.r)
        return name, mutate(data, self.r, render(self.r)[1])

    def prose(self) -> str:
        """A short article text for the analysis stage: a fictional article, sometimes mutated."""
        _genre, title, body = self.r.choice(ARTICLES)
        text = f"{title}\n\n{body}"
        if self.r.random() < 0.6:
            other = self.r.choice(ARTICLES)[2].encode()
            text = mutate(text.encode(), self.r, other).decode("utf-8", "replace")
        return text


# ----------------------------------------------------------------- running
#: An exception class named in a message meant for people (``zlib.error``, ``RecursionError``).
_INTERNAL = re.compile(r"\b(?:[A-Z][A-Za-z]*(?:Error|Exception)|zlib\.error|Traceback)\b")


class Hang(Exception):
    """An input ran past the hang limit."""


def _on_alarm(_sig, _frame):
    raise Hang


@dataclass
class Stage:
    """What one stage saw: inputs, crashes, hangs, the slowest input."""

    name: str
    inputs: int = 0
    kinds: Counter = field(default_factory=Counter)
    crashes: list = field(default_factory=list)
    hangs: list = field(default_factory=list)
    slowest: tuple = (0.0, "", 0)
    seconds: float = 0.0
    #: Problems whose message names Python internals (an exception class) instead of saying what is wrong.
    internal_messages: Counter = field(default_factory=Counter)


def _timed(stage: Stage, label: str, size: int, hang_s: float, fn, save: Path | None, payload) -> object:
    signal.setitimer(signal.ITIMER_REAL, hang_s)
    t = time.perf_counter()
    try:
        # warcio warns about broken records on stderr; ingest reports them as problems anyway.
        with contextlib.redirect_stderr(io.StringIO()):
            return fn()
    except Hang:
        stage.hangs.append(label)
        _keep(save, stage, label, payload)
    except Exception as exc:  # noqa: BLE001 - a crash is what the fuzzer looks for
        stage.crashes.append(f"{label}: {exc.__class__.__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")
        _keep(save, stage, label, payload)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - t
        stage.seconds += took
        if took > stage.slowest[0]:
            stage.slowest = (took, label, size)
    return None


def _keep(save: Path | None, stage: Stage, label: str, payload) -> None:
    if save is None:
        return
    save.mkdir(parents=True, exist_ok=True)
    n = len(stage.crashes) + len(stage.hangs)
    if isinstance(payload, bytes):
        (save / f"{stage.name}-{n:03d}.bin").write_bytes(payload)
    else:
        (save / f"{stage.name}-{n:03d}.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def fuzz_ingest(n: int, seed: int, hang_s: float, save: Path | None) -> Stage:
    """Run ``n`` inputs one at a time through ``ingest_bytes``."""
    from newssift.api import ingest_bytes

    config = _config()
    gen = Inputs(seed=seed)
    stage = Stage("ingest")
    ingest_bytes([("warm-up.html", render(random.Random(0))[1])], config=config)  # imports, not timed
    for i in range(n):
        name, data = gen.next()
        stage.inputs += 1
        stage.kinds[f"{gen.kind}:{name.split('.', 1)[-1] if '.' in name else 'none'}"] += 1
        result = _timed(stage, f"#{i} {gen.kind} {name}", len(data), hang_s,
                        lambda name=name, data=data: ingest_bytes([(name, data)], config=config), save, data)
        for p in getattr(result, "problems", ()):
            found = _INTERNAL.search(p.message)
            if found:
                stage.internal_messages[found.group(0)] += 1
    return stage


def fuzz_analysis(n: int, seed: int, hang_s: float, save: Path | None, group: int = 5) -> Stage:
    """Run ``n`` short texts, ``group`` at a time, through ingest, the whole analysis and report JSON."""
    from newssift.api import ingest_texts
    from newssift.pipeline import analyze_documents
    from newssift.report.json import report_to_dict

    config = _config().with_(use_embeddings=False)
    gen = Inputs(seed=seed + 1)
    stage = Stage("analysis")

    def run(texts: list[str]) -> None:
        docs = ingest_texts(texts, config=config).documents
        if docs:
            json.dumps(report_to_dict(analyze_documents(list(docs), config=config)))

    run([ARTICLES[0][2], ARTICLES[1][2]])  # loads spaCy, not timed
    for i in range(0, n, group):
        texts = [gen.prose() for _ in range(min(group, n - i))]
        stage.inputs += len(texts)
        _timed(stage, f"group #{i // group} ({len(texts)} texts)", sum(len(t) for t in texts), hang_s,
               lambda texts=texts: run(texts), save, texts)
    return stage


def _config():
    from newssift.config import DEFAULT_CONFIG

    # No network on a fuzzing machine: a feed item's link must fail at once.
    return DEFAULT_CONFIG.with_(connect_timeout=0.5, read_timeout=0.5)


def _print(stage: Stage) -> None:
    print(f"{stage.name}: {stage.inputs} inputs in {stage.seconds:.1f} s — crashes {len(stage.crashes)}, hangs {len(stage.hangs)}")
    if stage.kinds:
        print("  by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(stage.kinds.items())))
    print(f"  slowest: {stage.slowest[1]} ({stage.slowest[2]} bytes) {stage.slowest[0]:.2f} s")
    if stage.internal_messages:
        print("  problem messages naming Python internals: "
              + ", ".join(f"{k} {v}" for k, v in stage.internal_messages.most_common()))
    for c in stage.crashes[:20]:
        print(f"  CRASH {c}")
    for h in stage.hangs[:20]:
        print(f"  HANG  {h}")


def main(argv: list[str] | None = None) -> int:
    """Run both stages and print what they found; exit 1 on any crash or hang."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ingest", type=int, default=10_000, help="inputs through ingest (default 10,000)")
    ap.add_argument("--analyze", type=int, default=500, help="texts through the whole analysis (default 500)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hang-s", type=float, default=20.0, help="seconds after which one input counts as a hang")
    ap.add_argument("--save", type=Path, default=None, help="folder to write crashing and hanging inputs to")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGALRM, _on_alarm)
    stages = [fuzz_ingest(args.ingest, args.seed, args.hang_s, args.save)]
    _print(stages[-1])
    stages.append(fuzz_analysis(args.analyze, args.seed, args.hang_s * 3, args.save))
    _print(stages[-1])
    bad = sum(len(s.crashes) + len(s.hangs) for s in stages)
    print(f"total: {sum(s.inputs for s in stages)} inputs, {bad} crash(es) or hang(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
