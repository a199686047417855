# tests/parts/62-markdown.sh - sourced by tests/run; see its helpers.
# ---- Markdown: round trip, fixed point, the spec's examples, pandoc ------
outputs
roundtrip() { # roundtrip NAME INPUT [OPTIONS]
	local name=$1 f=$2 d=$TMP/rt
	shift 2
	rm -rf "$d" && mkdir -p "$d"
	W "$@" -t tree -V positions=no -o "$d/a.tree" "$f" &&
		W "$@" -t markdown -o "$d/1.md" "$f" &&
		W -t tree -V positions=no -o "$d/b.tree" "$d/1.md" &&
		W -t markdown -o "$d/2.md" "$d/1.md" || { not_ok "round trip $name" "conversion failed"; return; }
	if ! cmp -s "$d/a.tree" "$d/b.tree"; then
		not_ok "round trip $name" "model differs: $(diff "$d/a.tree" "$d/b.tree" | head -4 | tr '\n' ' ')"
	elif ! cmp -s "$d/1.md" "$d/2.md"; then
		not_ok "fixed point $name" "$(diff "$d/1.md" "$d/2.md" | head -4 | tr '\n' ' ')"
	else
		ok
	fi
}
for f in "${INPUTS[@]}" "${CORPORA[@]}"; do
	roundtrip "$f" "$f"
done
roundtrip "corpus ar --lang" "$SHARED/corpora/coding-interview-university.ar.md" --lang ar
# With --md-spans the Markdown carries pandoc spans, which warraq reads back.
# (Not phrase-seams.md: emphasis that opens inside a word right before a
# span, "يصفي*[d]{…}", cannot be written in CommonMark: a "*" between a
# letter and "[" does not open emphasis. Without spans it reads back.)
for f in tests/cases/rtl-latin-run.md tests/cases/pandoc-spans.md tests/cases/phrases.md seeds/003_174733ba05b43fc1.txt "$SHARED"/corpora/react-fa/*.md; do
	d=$TMP/rts && rm -rf "$d" && mkdir -p "$d"
	W -t tree -V positions=no -o "$d/a" "$f" && W -t md --md-spans -o "$d/1.md" "$f" &&
		W -t tree -V positions=no -o "$d/b" "$d/1.md"
	expect "round trip with spans $f" cmp -s "$d/a" "$d/b"
done
# Emphasis nested in emphasis, from HTML pages: CommonMark reads a run of
# '*' by its length, so three levels sharing a run, a strong that opens
# inside a word within a strong, strike in strike, or runs of one and two
# '*' that can both open and close (the rule of 3) read back otherwise;
# the Markdown must read back as the same tree (the build of 2026-12-01
# morning: 1 of these 7).
while IFS= read -r frag; do
	d=$TMP/nested && rm -rf "$d" && mkdir -p "$d"
	printf '<!DOCTYPE html><html lang=ar dir=rtl><head><title>t</title></head><body><p>نص %s نهاية</p></body></html>\n' "$frag" > "$d/in.html"
	W -t tree -V positions=no -o "$d/a" "$d/in.html" && W -t md -o "$d/1.md" "$d/in.html" &&
		W -t tree -V positions=no -o "$d/b" "$d/1.md"
	expect "nested emphasis reads back: $frag" cmp -s "$d/a" "$d/b"
done <<'EOF'
<b><b><b><i><b><b>x</b></b></i></b></b></b>
<i><i><i><i>عميق</i></i></i></i>
<i><b><i>نص</i></b></i>
<b>x<strong>ا <strong><em><b>عميق</b> ب</em></strong></strong></b>
<b><i><b>ا <i><i><b><i>كلمة GPT</i></b></i></i></b></i></b>
<del><del>كلمة</del> ب</del>
<del>x<em><em><del>y</del>!</em> ب</em></del>
EOF
# A text of the pieces fuzzer that made LeakSanitizer crash at exit: the
# parse arenas' thread-local, in a plugin unloaded before exit, left it
# a dangling range of dynamic TLS to scan. Under the sanitizers, again.
if [ "$SAN" = 1 ]; then
	expect "pieces: text 15724 of the pieces fuzzer, under LeakSanitizer" \
		env PIECES_SEED=15724 tests/fuzz/pieces "$BIN" 1 "$TMP/pieces-seed"
fi
expect "M2 pandoc span read" grep -qF '<span lang="en" dir="ltr">GPT-4</span>' "$TMP/html/pandoc-spans.html"
expect "M2 a span with a class is a typed segment" grep -qF '<span class="x">ليس امتدادا</span>' "$TMP/html/pandoc-spans.html"
m=$TMP/markdown/rtl-latin-run.md
expect "M3 dir written for lang alone" grep -qx 'dir: rtl' "$m"
expect "M3 lang written" grep -qx 'lang: ar' "$m"
expect "M4 no bidi controls" bash -c "! grep -qP '[\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]' '$TMP'/markdown/*.md"
W -t markdown -V md-spans=1 -o "$TMP/spans.md" tests/cases/rtl-latin-run.md
expect "md-spans" grep -qF '[GPT-4o]{dir=ltr lang=en}، ثم' "$TMP/spans.md"
W -t markdown+spans -o "$TMP/spans2.md" tests/cases/rtl-latin-run.md
expect "markdown+spans" cmp -s "$TMP/spans.md" "$TMP/spans2.md"
expect "plain by default" bash -c "! grep -q ']{dir' '$m'"
W -t md -o "$TMP/all.md" seeds/*
expect "one level-1 heading per text" test "$(grep -c '^# ' "$TMP/all.md")" -eq 5
e=$TMP/markdown/escapes.md
expect "escaped: emphasis" grep -qF '\*نجوم\*' "$e"
expect "escaped: heading" grep -qF '\# ليس عنوانا' "$e"
expect "escaped: list" grep -qF '1\. ليست قائمة' "$e"
expect "escaped: html" grep -qF '\<b\>' "$e"
expect "YAML quoting" grep -qF "title: 'عنوان: مع نقطتين'" "$TMP/markdown/front-matter.md"
if [ "$SAN" != 1 ]; then
	SPEC=$VALIDATORS_HOME/node_modules/commonmark-spec
	if [ -d "$SPEC" ] || npm install --prefix "$VALIDATORS_HOME" --no-audit --no-fund \
		commonmark-spec@0.30.0 > "$TMP/npm.log" 2>&1; then
		out=$(node tests/tools/spec_examples.js "$BIN" "$SPEC")
		echo "$out" | grep -E '^(FAIL|skipped)'
		p=$(echo "$out" | tail -1 | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
		if [ -n "$p" ]; then pass=$((pass + ${p% *})); fail=$((fail + ${p#* })); else not_ok "spec examples" "$(echo "$out" | tail -2)"; fi
	else
		not_ok "commonmark-spec" "npm install failed: $(tail -2 "$TMP/npm.log")"
	fi
	if command -v pandoc >/dev/null; then
		pandoc -f markdown -s -t html5 "$TMP/markdown/000_41e35b5545bce590.md" -o "$TMP/pandoc.html" 2>/dev/null
		expect "pandoc reads lang" grep -q '<html[^>]* lang="ar"' "$TMP/pandoc.html"
		expect "pandoc reads dir" grep -q '<html[^>]* dir="rtl"' "$TMP/pandoc.html"
		pandoc -f markdown -s -t native "$TMP/markdown/front-matter.md" > "$TMP/pandoc.native" 2>/dev/null
		expect "pandoc reads nested metadata" grep -q 'series' "$TMP/pandoc.native"
	else
		not_ok "pandoc" "not installed (scripts/install-deps check)"
	fi
fi

# Front matter the writer must not nest past what reads back (the write
# fuzzer's Markdown oracle found "lan....: ar" written 40 maps deep), and
# a list of maps written as a list again.
printf -- '---\nlan........................................: ar\nauthor:\n  - name: أحمد\n    role: aut\n  - name: Sara\n    role: trl\nseries:\n  name: x\n---\n\nنص.\n' > "$TMP/fm-deep.md"
roundtrip "front matter: dotted keys and a list of maps" "$TMP/fm-deep.md"
W -t md -o "$TMP/fm-deep.out.md" "$TMP/fm-deep.md"
expect "front matter: a list of maps stays a list" grep -qx -- '- name: أحمد' "$TMP/fm-deep.out.md"
# Emphasis at the very start of a block quote, nested deep (the write
# fuzzer: the test for a delimited neighbour read the type of none).
printf ': > > > > > > >**********************a2************=************> > > > > > > > عميق\n' > "$TMP/deep-emph.md"
roundtrip "emphasis first in nested quotes" "$TMP/deep-emph.md"
# Emphasis that delimiters cannot write goes as tags and reads back.
printf 'a<b>:b</b> و<b>«ق»</b>ات <b>Note:\xc2\xa0</b>x <i>n</i><b>y</b>\n' > "$TMP/tags-emph.md"
roundtrip "emphasis written as tags" "$TMP/tags-emph.md"
W -t md -o "$TMP/tags-emph.out.md" "$TMP/tags-emph.md"
expect "emphasis written as tags: <strong> where ** cannot close" grep -q 'a<strong>:b</strong>' "$TMP/tags-emph.out.md"
# Tags left open or closed at once hold nothing: no empty element stays.
printf 'text <b>\n\nmore <i><b></i> end\n\n<b></b> start\n' > "$TMP/empty-tags.md"
roundtrip "emphasis left empty by tags" "$TMP/empty-tags.md"
# A long text is parsed in pieces cut between top-level blocks
# (plugins/markdown/pieces.c): nothing may change. 1.3 MB of paragraphs
# around the blocks a cut must not enter (fenced code and <pre> holding
# blank lines and lines that look like paragraphs), with their lines.
P=$TMP/pieces && mkdir -p "$P"
python3 - "$P/long.md" <<'PY'
import sys
ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
out, n, i = [], 0, 0
while n < 1_300_000:
    i += 1
    # Where a cut is allowed comes after where it is not, in every
    # block, so a splitter blind to either would cut inside one.
    b = '```\ncode %d\n\nنص في الشيفرة %d\n\n# not a heading\n```\n\n<pre>\npre %d\n\nسطر %d\n</pre>\n\n%s %s %d.\n\n' % (i, i, i, i, ar[i % 5], ar[(i * 7) % 5], i)
    out.append(b); n += len(b.encode())
out.append('الأخير.\n')
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(out))
PY
W -t tree -o "$P/long.tree" "$P/long.md"
expect "pieces: every fenced block whole (code, blank line, text, '#' line)" bash -c \
	"test \$(grep -c 'code_block' '$P/long.tree') = \$(( \$(grep -c '^code ' '$P/long.md') + \$(grep -c '^<pre>' '$P/long.md') )) && ! grep -q '^    heading' '$P/long.tree' && ! grep -q 'text \"نص في الشيفرة' '$P/long.tree'"
W -t html -o "$P/long.html" "$P/long.md"
expect "pieces: every <pre> block whole" bash -c \
	"test \$(grep -c '<pre' '$P/long.html') = \$(( 2 * \$(grep -c '^<pre>' '$P/long.md') ))"
expect "pieces: the last paragraph at its own line" grep -q "paragraph @$(wc -l < "$P/long.md"):1" "$P/long.tree"
# A reference defined at the end reaches back to the start: not cut.
{ printf '[أول][r]\n\n'; cat "$P/long.md"; printf '\n[r]: https://example.org/r\n'; } > "$P/refs.md"
W -t html -o "$P/refs.html" "$P/refs.md"
expect "pieces: a text with reference definitions is parsed whole" grep -q '<a href="https://example.org/r">أول</a>' "$P/refs.html"
# A long table is cut before a row, the next piece parsed with the
# table's head before it. cmark-gfm reading the text whole is the oracle
# (a reference definition at the end keeps it from being cut): the same
# tree, lines included, for a table whose rows all begin with '|' (some
# shaped like a delimiter row, with escaped pipes and code), tables a
# lone '|' ends, each with pipe-led paragraph lines after it and a table
# made of that paragraph's last line (sized so that cuts fall in both),
# a table whose rows do not begin with '|', a table in a list item, and
# one cmark reads as a paragraph (its head's columns differ).
python3 - "$P/tables.md" <<'PY'
import sys
ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
out = []
def fill(kb, row):
    n, i = 0, 0
    while n < kb * 1000:
        i += 1; r = row(i); out.append(r); n += len(r.encode())
fill(200, lambda i: '%s %d.\n\n' % (ar[i % 5], i))
out.append('| أ | ب | ج |\n|:---|:--:|---:|\n')
fill(700, lambda i: '|---|---|---|\n' if i % 997 == 0 else '| %s | `a\\|b` %d | c \\| %s |\n' % (ar[i % 5], i, ar[(i * 3) % 5]))
# Traps, at every phase of the cuts: a table a lone '|' ends, pipe-led
# paragraph lines, and a table made of the paragraph's last line with
# other alignments.
for k in range(16):
    out.append('\nفقرة %d.\n\n| x | y |\n|---|---|\n' % k)
    fill(10, lambda i: '| %s | %d |\n' % (ar[i % 5], i))
    out.append('|\n')
    fill(40 + 5 * k, lambda i: '| %s | %d |\n' % (ar[i % 5], i))
    out.append('|:---|---:|\n')
    fill(40, lambda i: '| %s | %d |\n' % (ar[i % 5], i))
out.append('\nعمود | آخر\n--- | ---\n')
fill(600, lambda i: '%s | %d\n' % (ar[i % 5], i))
out.append('\n- بند\n\n  | a | b |\n  |---|---|\n')
fill(600, lambda i: '  | %s | %d |\n' % (ar[i % 5], i))
out.append('\n| a | b |\n|---|---|---|\n')
fill(600, lambda i: '| %s | %d |\n' % (ar[i % 5], i))
out.append('\nالأخير.\n')
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(out))
PY
# read_whole NAME: the trees of $P/NAME.md read in pieces ($P/NAME.tree)
# and whole ($P/NAME.whole.tree: a reference definition after the text
# keeps it from being cut), and whether they are the same but for the
# file's name.
read_whole() {
	mkdir -p "$P/whole" && { cat "$P/$1.md"; printf '\n[zz]: https://example.org/zz\n'; } > "$P/whole/$1.md"
	W -t tree -o "$P/$1.tree" "$P/$1.md" && W -t tree -o "$P/$1.whole.tree" "$P/whole/$1.md" &&
		diff <(grep -v 'file=' "$P/$1.tree") <(grep -v 'file=' "$P/$1.whole.tree") > /dev/null
}
read_whole tables
expect "pieces: long tables cut before a row read as cmark-gfm reads them whole" \
	bash -c "test $? = 0 && test \$(grep -c table_row '$P/tables.tree') -gt 100000"
W -t html -o "$P/tables.html" "$P/tables.md" && W -t html -o "$P/whole.html" "$P/whole/tables.md"
expect "pieces: long tables, the same HTML" cmp "$P/tables.html" "$P/whole.html"
# The pieces are parsed on a second thread where there are two CPUs
# (plugins/markdown/parse.c), here alone under taskset: the same trees.
# A list too long for a piece between cut paragraphs is handed back to
# the thread that maps, which parses it itself; its lines and the lines
# after it are those of the text parsed whole.
if command -v taskset > /dev/null; then
	taskset -c 0 "$BIN" -q -t tree -o "$P/tables.one.tree" "$P/tables.md"
	expect "pieces: parsed on one CPU, the same tree as on two" cmp "$P/tables.tree" "$P/tables.one.tree"
fi
python3 - "$P/handed.md" <<'PY'
import sys
ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
out = []
for part in range(3):
    out.extend('%s %d.\n\n' % (ar[i % 5], i) for i in range(30000))
    out.extend('- %s %d\n' % (ar[i % 5], i) for i in range(60000 + part))
    out.append('\n')
out.append('الأخير.\n')
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(out))
PY
read_whole handed
expect "pieces: lists too long for a piece, between pieces, read as the text whole" \
	bash -c "test $? = 0 && test \$(grep -c '^ *list' '$P/handed.tree') = 3"
# The point of the cut: cmark-gfm's tree of a table is 57 MB per MB when
# it is parsed whole, the model's 20. Memory, not time: no timing here.
if [ "$SAN" = 0 ]; then
	python3 -c "
import random; random.seed(1); ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
print('| a | b | c |\n|---|---|---|')
print(''.join('| %s | %s | %s |\n' % tuple(random.choice(ar) for _ in range(3)) for _ in range(100000)), end='')" > "$P/rows.md"
	peak=$( { /usr/bin/time -f %M "$BIN" -q -t html -o "$P/rows.html" "$P/rows.md"; } 2>&1 | tail -1)
	expect "pieces: a 100,000-row table peaks under 40 MB per MB ($((peak / 1024)) MB for $(($(stat -c %s "$P/rows.md") / 1000)) KB)" \
		test "$peak" -lt $((40 * $(stat -c %s "$P/rows.md") / 1024))
fi
# The writer sends a long text in pieces, rendered on two threads where
# there are two cores (plugins/markdown/render.c): they must go out in
# order, the same bytes every run, and read back as the text.
python3 - "$P/written.md" <<'PY'
import sys
ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
out, n, i = [], 0, 0
while n < 1_000_000:
    i += 1
    b = '## %s %d\n\n%s *%s* `code %d` %s.\n\n%s %d.\n\n- %s\n- %d\n\n' % (ar[i % 5], i, ar[(i * 3) % 5], ar[(i * 7) % 5], i, ar[i % 5], ar[(i * 2) % 5], i, ar[(i * 4) % 5], i)
    out.append(b); n += len(b.encode())
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(out))
PY
roundtrip "a long text written in pieces" "$P/written.md"
for i in 1 2 3 4 5; do W -t markdown -o "$P/w$i.md" "$P/written.md"; done
expect "pieces: a long text's Markdown is the same bytes each run" \
	bash -c "for i in 2 3 4 5; do cmp '$P/w1.md' '$P/w'\$i.md || exit 1; done"
# A long ordered list at the top level is rendered in chunks (cmark-gfm
# 0.29 numbers each item by counting those before it): the numbers run
# on across chunks, items keep their blocks, and it reads back the same.
for kind in tight loose; do
	python3 - "$P/ol-$kind.md" "$kind" <<'PY'
import sys
sep = '\n\n' if sys.argv[2] == 'loose' else '\n'
items = []
for i in range(600):
    t = 'بند %d *مائل* GPT-%d' % (i, i)
    if i % 37 == 0: t += '\n     - فرعي\n     - آخر'
    if i % 53 == 0 and sys.argv[2] == 'loose': t += '\n\n     فقرة ثانية'
    items.append('%d. %s' % (i + 7, t))
open(sys.argv[1], 'w', encoding='utf-8').write('قبل.\n\n' + sep.join(items) + '\n')
PY
	roundtrip "a $kind ordered list of 600 items" "$P/ol-$kind.md"
	W -t md -o "$P/ol-$kind.out.md" "$P/ol-$kind.md"
	expect "a $kind ordered list of 600 items: numbered 7 to 606 across the chunks" \
		bash -c "[ \"\$(grep -oE '^[0-9]+\.' '$P/ol-$kind.out.md' | tr -d . | tr '\n' ' ')\" = \"\$(seq 7 606 | tr '\n' ' ')\" ]"
done
# A chunked list is a raw block to the renderer, which then no longer
# writes its "<!-- end list -->" between it and a list or an indented
# code block beside it: two lists read back as one (the build before
# merged three of these eight pairs).
list_of() {
	case $1 in
	short) seq 1 5 | sed 's/.*/&. قصير &/' ;;
	long) seq 1 300 | sed 's/.*/&. طويل &/' ;;
	bullet) printf -- '- نقطة\n- أخرى\n' ;;
	code) printf '    code line\n    more\n' ;;
	esac
}
for a in short long; do
	for b in short long bullet code; do
		{ list_of $a; printf '\n<!-- -->\n\n'; list_of $b; } > "$P/lists-$a-$b.md"
		roundtrip "a $a ordered list, then a $b one" "$P/lists-$a-$b.md"
	done
done
# Below the top level a long ordered list is chunked too where the raw
# block's blank lines change nothing (in quotes, between an item's blocks,
# none in a tight list's item; not as an item's first block): each reads
# back as it was, the lists beside it apart, a tight list stays tight.
python3 - "$P" <<'PY'
import sys
out = sys.argv[1]
def ol(n, indent='', loose=False):
    sep = '\n\n' if loose else '\n'
    return sep.join('%s%d. بند %d' % (indent, i + 1, i) for i in range(n)) + '\n'
def quoted(t, mark='> '):
    return ''.join(mark + l + '\n' if l else mark.rstrip() + '\n' for l in t.split('\n')[:-1])
cases = {
    'quote': 'قبل\n\n' + quoted('فقرة\n\n' + ol(300)) + '\nبعد\n',
    'quote-lists': quoted(ol(3) + '\n<!-- -->\n\n' + ol(300) + '\n<!-- -->\n\n' + ol(4) + '\n<!-- -->\n\n    code\n'),
    'quote-para': quoted(ol(300) + '\nفقرة\n'),
    'loose-item': '- فقرة\n\n' + ol(300, '  ') + '\n  بعد\n\n- ثان\n\n  ثالث\n',
    'tight-item': '- فقرة\n' + ol(300, '  ') + '- ثان\n',
    'first-in-item': '- ' + ol(300, '  ').lstrip() + '\n- ثان\n\n  فقرة\n',
    'quote-quote': quoted(ol(300), '> > '),
    'loose-in-quote': quoted(ol(300, loose=True)),
    'item-in-quote': quoted('1. أ\n\n   ب\n\n' + ol(300, '   ')),
    'tight-then-bullet': '- أ\n' + ol(300, '  ') + '  - ب\n  - ج\n- د\n',
    'tight-after-bullet': '- أ\n  - ب\n' + ol(300, '  ') + '- د\n',
    'tight-deep': '- أ\n  - ب\n' + ol(300, '    ') + '  - ج\n- د\n',
    'tight-in-quote': quoted('- أ\n' + ol(300, '  ') + '- د\n'),
    'tight-then-code': '- أ\n' + ol(300, '  ') + '\n      code\n- د\n',
}
for k, v in cases.items():
    open('%s/nested-%s.md' % (out, k), 'w', encoding='utf-8').write(v)
PY
for f in "$P"/nested-*.md; do
	roundtrip "a long ordered list nested: $(basename "$f" .md)" "$f"
done
# A piece the sink refuses stops the writer, whichever thread rendered it.
if [ -w /dev/full ]; then
	"$BIN" -q -t markdown -o - "$P/written.md" > /dev/full 2> "$P/full.err"
	expect "pieces: a full disk while the pieces go out exits 4, said once" \
		bash -c "[ $? -eq 4 ] && [ \$(wc -l < '$P/full.err') -eq 1 ]"
fi
