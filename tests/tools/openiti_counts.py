#!/usr/bin/env python3
"""openiti_counts.py BOOK.mARkdown EDITION.xml [BOOK.epub]

Counts what an OpenITI mARkdown book's lines say (headings by kind,
paragraphs, riwayat, page markers, milestones, verse lines, hemistich
marks) with nothing but regular expressions over the source, and the
TEI elements warraq made of them; then compares the words of the source,
its tags taken out, with the words of the edition's <text>. With an EPUB,
its page-list must have one entry per page marker. Prints each mismatch
and exits 1 if there is any.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter

TEI = "{http://www.tei-c.org/ns/1.0}"
# Numbers of 1 to 16 digits: the model's longest page or milestone label.
PAGE = re.compile(r"PageV\d{1,16}P\d{1,16}(?!\d)")
MILESTONE = re.compile(r"(?:(?<=\s)|^)(?:ms\d{1,16}|Milestone300)(?=\s|$)")
# The typed divisions' tags, longest first, and their TEI @type/@subtype.
DIVISIONS = [
    ("$BIO_MAN$", "biography/man"), ("$BIO_WOM$", "biography/woman"),
    ("$BIO_REF$", "biography/reference"), ("$BIO_NLI$", "names"),
    ("$CHR_EVE$", "event"), ("$CHR_RAW$", "events"),
    ("$DIC_NIS$", "entry/nisba"), ("$DIC_TOP$", "entry/toponym"),
    ("$DIC_LEX$", "entry/lexical"), ("$DIC_BIB$", "entry/bibliographical"),
    ("$DOX_POS$", "doxography/position"), ("$DOX_SEC$", "doxography/sect"),
    ("$$$$", "names"), ("$$$", "biography/reference"),
    ("$$", "biography/woman"), ("$", "biography/man"),
    ("@ RAW", "events"), ("@", "event"), ("|EDITOR|", "editorial"),
]


def source_counts(path):
    c = Counter()
    words = []
    body = False
    verse = False
    para = None  # the paragraph line being read: counted if it holds anything
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines):
        if n == 0 and line.startswith("######OpenITI#"):
            continue
        if line.startswith("#META#"):
            body = body or line.startswith("#META#Header#End#")
            continue
        c["pb"] += len(PAGE.findall(line))
        text = line
        if re.fullmatch(r"#?\s*PageV\d{1,16}P\d{1,16}\s*", line):
            continue
        if not line.startswith("~~") and para is not None:
            c["p"] += para
            para = None
        if line.startswith("### "):
            rest = line[4:]
            bars = len(rest) - len(rest.lstrip("|"))
            if 1 <= bars <= 5 and not rest.startswith("|EDITOR|"):
                c["div"] += 1
                text = rest[bars:]
            else:
                for tag, kind in DIVISIONS:
                    if rest.startswith(tag):
                        c["div:" + kind] += 1
                        text = rest[len(tag):]
                        break
                else:
                    c["div"] += 1
                    text = rest
            verse = False
        elif line.startswith("# $RWY$"):
            c["ab:riwaya"] += 1
            text = line[7:].replace("@MATN@", " ").replace("@HUKM@", " ")
            verse = False
        elif line.startswith("# ") or line == "#":
            verse = "%~%" in line
            if verse:
                c["l"] += 1
                c["caesura"] += line.count("%~%")
                text = line[1:].replace("%~%", " ")
            else:
                text = line[1:]
                para = 1 if text.strip() else 0
        elif line.startswith("~~"):
            text = line[2:]
            if para is not None and text.strip():
                para = 1
            if verse:
                c["caesura"] += text.count("%~%")
                text = text.replace("%~%", " ")
        c["ms"] += len(MILESTONE.findall(text))
        text = MILESTONE.sub(" ", PAGE.sub(" ", text))
        words += text.split()
    if para is not None:
        c["p"] += para
    return c, words


def tei_counts(path):
    c = Counter()
    root = ET.parse(path).getroot()
    text = root.find(TEI + "text")
    for el in text.iter():
        # A mark between two words parts them, as its tag did.
        if el.tag in (TEI + "caesura", TEI + "pb", TEI + "milestone"):
            el.tail = " " + (el.tail or "")
        tag = el.tag[len(TEI):]
        if tag == "div":
            kind = el.get("type")
            if kind:
                sub = el.get("subtype")
                c["div:" + kind + ("/" + sub if sub else "")] += 1
            else:
                c["div"] += 1
        elif tag == "ab" and el.get("type"):
            c["ab:" + el.get("type")] += 1
        elif tag in ("p", "l", "caesura", "pb"):
            c[tag] += 1
        elif tag == "milestone" and el.get("unit") == "ms":
            c["ms"] += 1
    return c, "".join(text.itertext()).split()


def epub_pages(path):
    with zipfile.ZipFile(path) as z:
        nav = z.read("EPUB/nav.xhtml").decode("utf-8")
        opf = z.read("EPUB/content.opf").decode("utf-8")
    m = re.search(r'<nav epub:type="page-list".*?</nav>', nav, re.S)
    n = len(re.findall(r"<li>", m.group(0))) if m else 0
    return n, 'property="source-of">pagination<' in opf


def main():
    src, words = source_counts(sys.argv[1])
    tei, tei_words = tei_counts(sys.argv[2])
    bad = []
    for key in sorted(set(src) | set(tei)):
        if src[key] != tei[key]:
            bad.append(f"{key}: source {src[key]}, TEI {tei[key]}")
    if Counter(words) != Counter(tei_words):
        lost = Counter(words) - Counter(tei_words)
        added = Counter(tei_words) - Counter(words)
        bad.append(f"words: {sum(lost.values())} lost {list(lost)[:5]}, "
                   f"{sum(added.values())} added {list(added)[:5]}")
    if len(sys.argv) > 3:
        n, source = epub_pages(sys.argv[3])
        if n != src["pb"] and src["pb"] + n:
            bad.append(f"page-list: {n} entries for {src['pb']} page markers")
        if not source and src["pb"]:
            bad.append("no dc:source for the pagination")
    for b in bad:
        print(b)
    print(" ".join(f"{k}={v}" for k, v in sorted(src.items())),
          f"words={len(words)}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
