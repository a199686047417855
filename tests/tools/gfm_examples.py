#!/usr/bin/env python3
"""tests/tools/gfm_examples.py WARRAQ SPEC.txt... - the examples of the GFM
spec and of cmark-gfm's extensions, rendered by warraq's HTML writer and
compared with the spec's HTML after both are reduced to what the model
keeps: tags and text. warraq's documented differences are removed first:
the direction and language it adds (lang, dir, the spans of phrases),
ids (its own scheme), logical alignment (style="text-align: start" for
align="left"), the names it gives task boxes and footnote marks, and the
back-links of footnotes. Skipped, with the reason printed: raw HTML (the
model maps it, never passes it through), empty texts (refused as bad
input), and the rules the skip list names.
Prints "N passed, N failed, N skipped" last."""
import re, subprocess, sys
from html.parser import HTMLParser
from urllib.parse import unquote

# An example's header names the extensions it needs ("example table");
# the others are CommonMark's, read with -f commonmark (the extensions'
# own file names none: all of its examples are GFM).
EX = re.compile(r'^`{32} example([^\n]*)\n(.*?)^\.\n(.*?)^`{32}$', re.M | re.S)
KEEP = {'href', 'src', 'alt', 'title', 'start', 'checked'}
BLOCKS = {'p', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'thead', 'tbody',
          'tr', 'th', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'section'}
ALIGN = {'left': 'start', 'right': 'end', 'center': 'center'}
VOID = {'img', 'input', 'br', 'hr'}


class Reduce(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.pre = [], 0, 0

    def text(self, s):
        if not self.pre:
            s = re.sub(r'\s+', ' ', s)
        if self.out and self.out[-1][0] == 't':
            self.out[-1] = ('t', self.out[-1][1] + s)
        else:
            self.out.append(('t', s))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.skip or tag == 'a' and (a.get('role') == 'doc-backlink' or
                                        'footnote-backref' in (a.get('class') or '')):
            self.skip += tag == 'a' or bool(self.skip and tag == 'a')
            return
        if tag in ('span', 'hr') and (tag == 'span' or self.in_notes()):
            return
        kept = {k: v for k, v in a.items() if k in KEEP}
        if 'href' in kept:  # percent-encoding is a writer's choice
            kept['href'] = '#' if kept['href'].startswith('#') else unquote(kept['href'])
        if 'checked' in a:
            kept['checked'] = ''
        al = a.get('align') or (re.search(r'text-align: (\w+)', a.get('style') or '') or [None, None])[1]
        if al:
            kept['align'] = ALIGN.get(al, al)
        if tag == 'section':
            kept = {}
        self.out.append(('s', tag, tuple(sorted(kept.items()))))
        if tag == 'pre':
            self.pre += 1

    def in_notes(self):
        return any(o[0] == 's' and o[1] == 'section' for o in self.out)

    def handle_endtag(self, tag):
        if self.skip:
            if tag == 'a':
                self.skip -= 1
            return
        if tag == 'span' or tag in VOID:
            return
        if tag == 'pre':
            self.pre -= 1
        self.out.append(('e', tag))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if not self.skip:
            self.text(data)


def reduce(html):
    r = Reduce()
    r.feed(html)
    r.close()
    out = []
    for o in r.out:  # white space at block edges means nothing
        if o[0] == 't':
            s = o[1]
            if out and out[-1][0] != 't' and out[-1][1] in BLOCKS:
                s = s.lstrip()
            if not s:
                continue
            out.append(('t', s))
        else:
            if out and out[-1][0] == 't' and o[1] in BLOCKS:
                out[-1] = ('t', out[-1][1].rstrip())
                if not out[-1][1]:
                    out.pop()
            out.append(o)
    # an empty paragraph left by a dropped back-link
    cleaned = []
    for o in out:
        if o == ('e', 'p') and cleaned and cleaned[-1][:2] == ('s', 'p'):
            cleaned.pop()
            continue
        cleaned.append(o)
    return cleaned


def body(html):
    m = re.search(r'<article[^>]*>\n?(.*)</article>', html, re.S)
    return m.group(1) if m else html


RAW = re.compile(r'<(/?[a-zA-Z][a-zA-Z0-9-]*[\s/>]|!--|\?|![A-Z]|!\[CDATA\[)')


def skips_level(html):
    levels = [int(h) for h in re.findall(r'<h([1-6])[ >]', html)]
    return any(b > a + 1 for a, b in zip(levels, levels[1:]))


def main():
    warraq, specs = sys.argv[1], sys.argv[2:]
    passed = failed = 0
    skipped = {}
    for spec in specs:
        text = open(spec, encoding='utf-8').read()
        for n, (tags, md, html) in enumerate(EX.findall(text), 1):
            md, html = md.replace('\u2192', '\t'), html.replace('\u2192', '\t')
            dialect = 'gfm' if tags.strip() or 'extensions' in spec else 'commonmark'
            name = f'{spec.rsplit("/", 1)[-1]} example {n}'
            why = None
            if html.lower().startswith('<ignore>'):
                why = 'the spec gives no output to compare'
            elif skips_level(html):
                why = 'a heading never skips a level (HTML checkers refuse it)'
            elif 'href=""' in html:
                why = 'a link to nowhere is its text'
            elif re.search(r'href="#', html):
                why = 'a link to a fragment that names no heading is its text'
            elif RAW.search(html.replace('&lt;', '')) and RAW.search(md):
                why = 'raw HTML is mapped, never passed through'
            elif re.search(r'(?<!~)~[^~\s]', md) and '<del>' in html:
                why = 'strikethrough takes two tildes, as pandoc reads GFM'
            elif not md.strip():
                why = 'an empty text is refused as bad input'
            if why:
                skipped.setdefault(why, []).append(name)
                continue
            r = subprocess.run([warraq, '-q', '--no-infer', '--lang', 'en', '-f', dialect,
                                '-t', 'html'], input=md, capture_output=True, text=True)
            got = reduce(body(r.stdout)) if r.returncode == 0 else None
            if got == reduce(html):
                passed += 1
            else:
                failed += 1
                print(f'FAIL {name}: {md!r} -> {body(r.stdout)!r} (exit {r.returncode})')
    nskip = 0
    for why, names in skipped.items():
        nskip += len(names)
        print(f'skipped {len(names)} ({why})')
    print(f'{passed} passed, {failed} failed, {nskip} skipped')
    return 1 if failed else 0


sys.exit(main())
