#!/usr/bin/env python3
"""pdf_order.py BOOK.epub BOOK.pdf - what a real reading engine made of a
book: calibre's ebook-convert laid the EPUB out as a PDF; poppler reads
the PDF back. The PDF's outline must be the book's table of contents,
item for item and level for level, its pages in reading order; every
paragraph of the chapters must be in the PDF's text, in the order of the
spine (letters and digits compared: the PDF's glyph runs add and drop
spaces and controls, and poppler moves punctuation around Latin runs). Prints each mismatch; exit 1 if any."""
import html
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = '{http://www.w3.org/1999/xhtml}'
# All but letters and digits: spaces, bidi controls and tatweel, which
# glyph runs add or lose, and punctuation, which poppler's reading of a
# right-to-left line puts on the other side of a Latin run.
NOISE = re.compile('[\\W_\u0640]+')


def norm(s):
    return NOISE.sub('', s)


def epub_parts(path):
    """The nav's entries (depth, label) and the chapters' paragraphs."""
    z = zipfile.ZipFile(path)
    opf = z.read('EPUB/content.opf').decode('utf-8')
    items = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    nav = ET.fromstring(z.read('EPUB/nav.xhtml'))
    toc = []

    def walk(ol, depth):
        for li in ol.findall(XHTML + 'li'):
            a = li.find(XHTML + 'a')
            toc.append((depth, ''.join(a.itertext()).strip()))
            sub = li.find(XHTML + 'ol')
            if sub is not None:
                walk(sub, depth + 1)
    for n in nav.iter(XHTML + 'nav'):
        if n.get('{http://www.idpf.org/2007/ops}type') == 'toc':
            walk(n.find(XHTML + 'ol'), 1)
    paras = []
    for idref in spine:
        href = items.get(idref, '')
        if not href.startswith('text/ch'):
            continue
        doc = ET.fromstring(z.read('EPUB/' + href))
        for p in doc.iter(XHTML + 'p'):
            t = norm(''.join(p.itertext()))
            if len(t) >= 20:
                paras.append((href, t[:40]))
    return toc, paras


def pdf_parts(path):
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'],
                          capture_output=True, text=True, check=True).stdout
    xml = subprocess.run(['pdftohtml', '-xml', '-i', '-stdout', '-q', path],
                         capture_output=True, text=True, check=True).stdout
    outline = []
    m = re.search(r'<outline>.*</outline>', xml, re.S)
    depth = 0
    for tok in re.finditer(r'<outline>|</outline>|<item page="(\d+)">(.*?)</item>',
                           m.group(0) if m else '', re.S):
        if tok.group(0) == '<outline>':
            depth += 1
        elif tok.group(0) == '</outline>':
            depth -= 1
        else:
            outline.append((depth, html.unescape(tok.group(2)).strip(), int(tok.group(1))))
    return norm(text), outline


def main():
    toc, paras = epub_parts(sys.argv[1])
    text, outline = pdf_parts(sys.argv[2])
    bad = []
    # The outline is the table of contents (the nav's own title aside).
    got = [(d, norm(l)) for d, l, _ in outline]
    want = [(d, norm(l)) for d, l in toc]
    if got != want:
        bad.append(f'outline: {len(got)} items, the nav has {len(want)}; first difference: '
                   + next((f'{g} / {w}' for g, w in zip(got, want) if g != w), 'length'))
    pages = [p for _, _, p in outline]
    if pages != sorted(pages):
        bad.append('outline: pages out of reading order')
    # Every paragraph, in spine order.
    # poppler turns a line's glyphs back into logical order itself: two
    # Latin runs side by side in a right-to-left line ("Insight" and
    # "10" before Arabic) come back swapped, although they are drawn
    # right. So a paragraph in fifty may be missed; more is a failure.
    at = 0
    missing = 0
    misses = []
    for href, start in paras:
        i = text.find(start, at)
        if i < 0:
            missing += 1
            misses.append(f'{href}: "{start[:20]}…"')
            continue
        at = i + len(start)
    if missing * 50 > len(paras) or len(paras) == 0:
        bad.append(f'{missing} of {len(paras)} paragraphs not found in order: '
                   + '; '.join(misses[:3]))
    print(f'{len(outline)} outline items, {len(paras)} paragraphs, '
          f'{len(paras) - missing} found in order'
          + (f' (missed: {"; ".join(misses)})' if misses else ''), file=sys.stderr)
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
