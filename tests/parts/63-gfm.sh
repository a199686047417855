# tests/parts/63-gfm.sh - sourced by tests/run; see its helpers.
# ---- GFM: tables, task items, strikethrough, footnotes, autolinks survive ----
# Counted in the source by pandoc -f gfm (another parser), and in the
# HTML, TEI, Markdown (read back by pandoc) and EPUB warraq writes.
G=$TMP/gfm
mkdir -p "$G"
for f in "${CORPORA[@]}" tests/cases/gfm-table.md tests/cases/footnotes.md; do
	case "$f" in *.md) ;; *) continue ;; esac
	s=$(cstem "$f")
	W --lenient -t html -o "$G/$s.html" "$f" && W --lenient -t tei -o "$G/$s.xml" "$f" &&
		W -t md -o "$G/$s.md" "$f" && W --lenient -t epub -o "$G/$s.epub" "$f" || {
		not_ok "gfm convert $f"
		continue
	}
	rm -rf "$G/$s.d" && unzip -q "$G/$s.epub" -d "$G/$s.d" && cat "$G/$s.d"/EPUB/text/ch*.xhtml > "$G/$s.chapters"
	if out=$(tests/tools/gfm-counts "$f" "$G/$s.html" "$G/$s.xml" "$G/$s.md" "$G/$s.chapters" 2>&1); then ok; else
		not_ok "gfm counts $s" "$out"
	fi
done
# What the corpus holds, so the counts above cannot pass on nothing.
count() { cat "$G"/*.html | grep -o "$1" | wc -l; }
expect "gfm: the corpus has 2,000 tasks, 8 tables, 4 footnote marks, 20 autolinks" test \
	"$(count '<input type="checkbox"')" -gt 2000 -a "$(count '<table')" -ge 8 -a \
	"$(count 'role="doc-noteref"')" -ge 4 -a "$(count '<a href="\(https\?://\)\?\([^"]*\)">\1\?\2</a>')" -ge 20
# The strict dialect keeps GFM syntax as text.
printf '| a |\n|---|\n| b |\n\n- [x] t\n' > "$G/strict.md"
W -f commonmark -t tree -V positions=no -o "$G/strict.tree" "$G/strict.md"
expect "-f commonmark: no table, no task" bash -c "! grep -q -e table -e task '$G/strict.tree'"
# The GFM spec and cmark-gfm's extension examples, through warraq's HTML
# writer, compared with what the spec says once warraq's documented
# differences are taken out (tests/tools/gfm_examples.py names them).
out=$(python3 tests/tools/gfm_examples.py "$BIN" "$SHARED/specs/gfm-extensions.txt" "$SHARED/specs/gfm-spec.txt" 2>&1)
echo "$out" | grep '^skipped' | sed 's/^/gfm examples /'
p=$(echo "$out" | tail -1 | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
if [ -n "$p" ] && [ "${p#* }" = 0 ] && [ "${p% *}" -gt 550 ]; then ok; else
	not_ok "gfm examples" "$(echo "$out" | grep FAIL | head -3) $(echo "$out" | tail -1)"
fi
# Table captions, as pandoc writes them (GFM has none): read after or
# before the table, written as each format writes a caption.
outputs
expect "caption: html" grep -qF '<caption>لغات البرمجة وسنوات ظهورها</caption>' "$TMP/html/table-caption.html"
expect "caption: tei head" grep -qF '<head>Caption before</head>' "$TMP/tei/table-caption.xml"
expect "caption: markdown" grep -qx 'Table: Caption before' "$TMP/markdown/table-caption.md"
# Each cell's alignment is its column's, counted on from the cell before
# (counting all before each was quadratic in a row's cells): 300 columns
# of four alignments in turn, in the header and two rows.
python3 - "$TMP/wide.md" <<'PY'
import sys
n = 300
marks = [':--', '--:', ':-:', '---']
rows = ['|' + '|'.join('h%d' % i for i in range(n)) + '|',
        '|' + '|'.join(marks[i % 4] for i in range(n)) + '|']
rows += ['|' + '|'.join('%s%d' % (r, i) for i in range(n)) + '|' for r in 'xy']
open(sys.argv[1], 'w').write('\n'.join(rows) + '\n')
PY
W -t tree -V positions=no -o "$TMP/wide.tree" "$TMP/wide.md"
expect "a table of 300 columns: every cell aligned as its column" bash -c "
	[ \"\$(grep -c 'table_cell' '$TMP/wide.tree')\" -eq 900 ] &&
	[ \"\$(grep 'table_cell' '$TMP/wide.tree' | sed 's/ *table_cell//' | tr '\n' ,)\" = \"\$(for r in 1 2 3; do for i in \$(seq 0 299); do case \$((i % 4)) in 0) echo ' align=start' ;; 1) echo ' align=end' ;; 2) echo ' align=center' ;; 3) echo ;; esac; done; done | tr '\n' ,)\" ]"
