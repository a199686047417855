# tests/parts/72-pipelines.sh - sourced by tests/run; see its helpers.
# ---- build pipelines: defaults files, depfiles, logs, reproducibility ------
P=$TMP/pipe
mkdir -p "$P"
cat > "$P/book.yaml" <<EOF
to: epub
output-file: $P/d-book.epub
input-files:
  - seeds/000_41e35b5545bce590.txt
  - seeds/001_c22fc553b2c93000.txt
metadata:
  title: كتاب من ملف
  publisher: وراق
lang: ar
lenient: true
EOF
W -d "$P/book.yaml"
expect "-d builds the book" test -s "$P/d-book.epub"
expect "-d metadata" test "$(opf "$P/d-book.epub" 'string(//*[local-name()="title"])')" = "كتاب من ملف"
expect "-d inputs" test "$(opf "$P/d-book.epub" 'count(//*[local-name()="itemref"])')" = 3
printf 'bogus: 1\n' > "$P/bad.yaml"
"$BIN" -d "$P/bad.yaml" seeds/000_41e35b5545bce590.txt > /dev/null 2> "$P/bad.err"
expect "-d unknown key is a usage error" grep -q "unknown option 'bogus'" "$P/bad.err"
W -t epub -o "$P/dep.epub" --depfile "$P/dep.d" tests/cases/local-image.md
expect "depfile target" grep -q "^$P/dep.epub:" "$P/dep.d"
expect "depfile text" grep -q "tests/cases/local-image.md" "$P/dep.d"
expect "depfile image" grep -q "tests/cases/img/pixel.png" "$P/dep.d"
# An empty rule per prerequisite (gcc's -MP): a text deleted since the
# last build does not stop make with "No rule to make target".
mkdir -p "$P/mp" && printf 'نص أول.\n' > "$P/mp/a.md" && printf 'نص ثان.\n' > "$P/mp/b.md"
printf 'all: book.html\nbook.html:\n\t"$(BIN)" -q -o $@ --depfile book.d $(wildcard *.md)\n-include book.d\n' > "$P/mp/Makefile"
make -s -C "$P/mp" BIN="$BIN" > /dev/null 2>&1 && rm "$P/mp/b.md"
expect "depfile: a deleted text does not stop make" make -s -C "$P/mp" BIN="$BIN"
mkdir -p "$P/make" && cp tests/cases/local-image.md "$P/make/" && cp -r tests/cases/img "$P/make/"
printf 'book.epub:\n\t%s -q -t epub -o book.epub --depfile book.d local-image.md\n-include book.d\n' "$BIN" > "$P/make/Makefile"
make -s -C "$P/make" > /dev/null 2>&1
make -q -C "$P/make" > /dev/null 2>&1; expect "make: up to date after a build" test $? -eq 0
sleep 1; touch "$P/make/img/pixel.png"
make -q -C "$P/make" > /dev/null 2>&1; expect "make: a changed image rebuilds" test $? -eq 1
mkdir -p "$P/batch"
W -t html -O "$P/batch" --depfile "$P/batch.d" seeds/*
expect "batch depfile: a rule per output" test "$(grep -c '\.html:' "$P/batch.d")" -eq 5
mkdir -p "$P/a" "$P/b" "$P/clash"
cp seeds/000_41e35b5545bce590.txt "$P/a/x.txt"; cp seeds/001_c22fc553b2c93000.txt "$P/b/x.txt"
"$BIN" -t html -O "$P/clash" "$P/a/x.txt" "$P/b/x.txt" 2> "$P/clash.err"
expect "same output name is refused" test $? -eq 2 -a -z "$(ls "$P/clash")"
"$BIN" --log=json -t html -o "$P/j.html" tests/cases/raw-html.md seeds/003_174733ba05b43fc1.txt no/such.md 2> "$P/log.json"
if command -v node >/dev/null; then
	expect "--log=json lines are JSON" node -e '
		const l = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
		for (const x of l) { const o = JSON.parse(x); if (!o.severity || !("line" in o) || !o.code || !o.message) process.exit(1); }
		if (!l.some(x => JSON.parse(x).severity === "error")) process.exit(1);' "$P/log.json"
fi
# The same bytes whatever the locale, time zone or number of jobs.
export SOURCE_DATE_EPOCH=1700000000
for fe in tree:tree html:html tei:xml markdown:md epub:epub; do
	fmt=${fe%%:*}
	mkdir -p "$P/r1-$fmt" "$P/r2-$fmt"
	LANG=C LC_ALL=C TZ=UTC W -t "$fmt" -j 1 -O "$P/r1-$fmt" seeds/* tests/cases/rtl-latin-run.md
	env LANG=ar_EG.UTF-8 LC_ALL=ar_EG.UTF-8 TZ=Asia/Tokyo "$BIN" -q -t "$fmt" -j 2 -O "$P/r2-$fmt" seeds/* tests/cases/rtl-latin-run.md
	expect "reproducible $fmt (locale, time zone, -j)" diff -r "$P/r1-$fmt" "$P/r2-$fmt"
	LANG=C TZ=UTC W -t "$fmt" -o "$P/one1.$fmt" seeds/*
	env LC_ALL=ar_EG.UTF-8 TZ=America/New_York "$BIN" -q -t "$fmt" -o "$P/one2.$fmt" seeds/*
	expect "reproducible $fmt, one output" cmp -s "$P/one1.$fmt" "$P/one2.$fmt"
done
unset SOURCE_DATE_EPOCH
# cmark-gfm's inline parser shares one table of special characters among
# threads, and a parser clears its extensions' characters when it ends:
# without a lock, -j 2 lost strikethrough and autolinks in a few texts of
# such a batch (1 to 8 of 60 in five runs out of five).
mkdir -p "$P/race/in" "$P/race/j1" "$P/race/j2"
awk -v d="$P/race/in" 'BEGIN { for (t = 0; t < 120; t++) { f = sprintf("%s/t%03d.md", d, t)
	for (i = 0; i < 200; i++) printf "كلمة ~~حذف %d~~ و www.example%d.org و a%d@example.com نص | b |\n\n", i, i, i > f; close(f) } }'
W -t html -j 1 -O "$P/race/j1" "$P"/race/in/*.md
W -t html -j 2 -O "$P/race/j2" "$P"/race/in/*.md
expect "GFM extensions read in every text of a batch" test "$(cat "$P"/race/j1/*.html | grep -o '<del>' | wc -l)" = 24000
expect "GFM extensions: -j 2 writes what -j 1 writes" diff -rq "$P/race/j1" "$P/race/j2"

# A committed defaults file is as untrusted as a text: every file it names
# (cover, fonts, stylesheets, outputs, plugin folders...) lies in its own
# folder's tree, or the run stops before reading anything.
mkdir -p "$P/trust/sub"
printf 'to: epub\noutput-file: %s/trust/sub/ok.epub\ninput-files: [%s/seeds/000_41e35b5545bce590.txt]\ncover: /etc/passwd\n' "$P" "$ROOT" > "$P/trust/sub/cover.yaml"
expect "defaults: a cover outside its folder is refused (exit 3)" bash -c \
	"'$BIN' -d '$P/trust/sub/cover.yaml' 2>'$P/trust/cover.err'; test \$? = 3 && grep -q \"cover: '/etc/passwd' is outside the defaults file's folder\" '$P/trust/cover.err' && test ! -e '$P/trust/sub/ok.epub'"
printf 'to: html\noutput-file: ../../escaped.html\n' > "$P/trust/sub/out.yaml"
expect "defaults: an output outside its folder is refused" bash -c \
	"cd '$P/trust/sub' && '$BIN' -d out.yaml '$ROOT/seeds/000_41e35b5545bce590.txt' 2>/dev/null; test \$? = 3 && test ! -e '$P/escaped.html'"
# --resource-path widens what a text may use; --sandbox narrows it to
# what the command line names.
mkdir -p "$P/rp/texts" "$P/rp/shared" && cp tests/cases/img/pixel.png "$P/rp/shared/p.png"
printf '![نقطة](../shared/p.png)\n' > "$P/rp/texts/a.md"
expect "an image outside the text's folder is refused" bash -c "'$BIN' -q -t epub -o '$P/rp/a.epub' '$P/rp/texts/a.md' 2>/dev/null; test \$? = 3"
expect "--resource-path lets it in" "$BIN" -q -t epub --resource-path "$P/rp/shared" -o "$P/rp/a.epub" "$P/rp/texts/a.md"
expect "--sandbox refuses even the text's own images" bash -c \
	"'$BIN' -q -t epub --sandbox -o '$P/rp/b.epub' tests/cases/local-image.md 2>'$P/rp/b.err'; test \$? = 3 && grep -q -- '--sandbox: only files named on the command line' '$P/rp/b.err'"
