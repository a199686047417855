# tests/parts/71-cli.sh - sourced by tests/run; see its helpers.
# ---- the command line --------------------------------------------------------
outputs
W -t html < seeds/001_c22fc553b2c93000.txt > "$TMP/stdin.html"
expect "stdin to stdout" grep -q '<html lang="ar" dir="rtl">' "$TMP/stdin.html"
W -t tree - < tests/cases/en-only.md > "$TMP/dash.tree"
expect "- is stdin" grep -q 'section lang=en dir=ltr' "$TMP/dash.tree"
"$BIN" --version | grep -q '^warraq [0-9]' && ok || not_ok "--version"
"$BIN" --help | grep -q 'usage: warraq' && ok || not_ok "--help"
"$BIN" --bogus >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok "usage error exits 2"
"$BIN" -t nosuchformat seeds/000_41e35b5545bce590.txt >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok "unknown format exits 2 (usage)"
"$BIN" -t hmtl -o "$TMP/x.html" seeds/000_41e35b5545bce590.txt 2> "$TMP/hmtl.err"
expect "unknown format: the closest name" grep -q "no plugin writes 'hmtl'; did you mean 'html'?" "$TMP/hmtl.err"
"$BIN" --bogus seeds/000_41e35b5545bce590.txt 2> "$TMP/bogus.err"
expect "unknown option: one line and a hint, not the help" test "$(wc -l < "$TMP/bogus.err")" = 2
"$BIN" -t html no/such/file.txt >/dev/null 2>&1; [ $? -eq 4 ] && ok || not_ok "missing input exits 4"
: > "$TMP/a-file"
"$BIN" -t html -o "$TMP/a-file/x.html" seeds/000_41e35b5545bce590.txt >/dev/null 2>&1; [ $? -eq 4 ] && ok || not_ok "unwritable output exits 4"
# -o and -O make the directories they need (the README's -O out/md).
rm -rf "$TMP/made"
"$BIN" -q -t html -o "$TMP/made/a/b.html" seeds/000_41e35b5545bce590.txt && "$BIN" -q -t md -O "$TMP/made/md" seeds/000_41e35b5545bce590.txt
expect "-o and -O create missing directories" test -s "$TMP/made/a/b.html" -a -s "$TMP/made/md/000_41e35b5545bce590.md"
"$BIN" -q -t html -o /dev/null seeds/000_41e35b5545bce590.txt
expect "-o /dev/null writes to the device" test -c /dev/null
mkfifo "$TMP/fifo" && { cat "$TMP/fifo" > "$TMP/fifo.out" & W -t html -o "$TMP/fifo" seeds/001_c22fc553b2c93000.txt; wait; }
expect "-o FIFO" grep -q '<html lang="ar"' "$TMP/fifo.out"
if [ -w /dev/full ]; then
	"$BIN" -t html -o - seeds/000_41e35b5545bce590.txt > /dev/full 2>/dev/null; [ $? -eq 4 ] && ok || not_ok "ENOSPC exits 4"
fi
"$BIN" --list-formats > "$TMP/formats" 2>&1
expect "list html" grep -q "^html " "$TMP/formats"
expect "list tree" grep -q "^tree " "$TMP/formats"
expect "list paths" grep -q "$BUILD/plugins/html.so" "$TMP/formats"
W -t html --title "كتاب" --author "أ" --author "ب" -M keywords=x -o "$TMP/meta.html" seeds/003_174733ba05b43fc1.txt
expect "--title" grep -q '<title>كتاب</title>' "$TMP/meta.html"
expect "--author" grep -q '<meta name="author" content="ب">' "$TMP/meta.html"
W --lang en -t tree -o "$TMP/lang.tree" seeds/000_41e35b5545bce590.txt
expect "--lang overrides" grep -q '^  section lang=en dir=ltr' "$TMP/lang.tree"
W --no-infer -t tree -o "$TMP/noinfer.tree" seeds/002_0f9f8a5e9411e2c0.txt
expect "--no-infer" bash -c "! grep -q 'heading' '$TMP/noinfer.tree'"
mkdir -p "$TMP/batch"
W -t html -O "$TMP/batch" -j 2 seeds/*
expect "batch -O" test "$(ls "$TMP/batch" | wc -l)" -eq 5
cmp -s "$TMP/batch/000_41e35b5545bce590.html" "$TMP/html/000_41e35b5545bce590.html" && ok || not_ok "batch output equals single output"


# An output that is one of the inputs is refused before anything is
# read: -o on an input, -o on a symlink to it, -O into the inputs' folder.
I=$TMP/inplace
rm -rf "$I" && mkdir -p "$I" && printf 'فصل أول.\n' > "$I/ch1.md" && printf 'فصل ثان.\n' > "$I/ch2.md"
cp "$I/ch1.md" "$I/orig"
ln -s ch1.md "$I/link.md"
"$BIN" -q -t html -o "$I/ch1.md" "$I/ch1.md" "$I/ch2.md" 2> "$I/err"
expect "output = input: exit 2" test $? -eq 2
expect "output = input: named" grep -q "ch1.md: is the input .*ch1.md; nothing written" "$I/err"
"$BIN" -q -t md -o "$I/link.md" "$I/ch1.md" 2> /dev/null
expect "output symlink to input: exit 2" test $? -eq 2
(cd "$I" && "$BIN" -q -t md -O . ch1.md 2> /dev/null)
expect "-O over the input: exit 2" test $? -eq 2
expect "the input is intact" cmp -s "$I/ch1.md" "$I/orig"
# -V keys and values are checked by the writer they are for (issue 16).
expect "-V: a key the writer does not read exits 2, naming the ones it does" bash -c \
	"'$BIN' -t html -V colums=40 -o '$TMP/v.html' seeds/000_41e35b5545bce590.txt 2> '$TMP/v.err'; test \$? = 2 -a ! -e '$TMP/v.html' && grep -q -- '-V colums: the html writer has no such variable (it reads: css)' '$TMP/v.err'"
expect "-V columns=abc is refused like --columns=abc" bash -c \
	"'$BIN' -q -t md -V columns=abc -o '$TMP/v.md' seeds/000_41e35b5545bce590.txt; test \$? = 2"
expect "-V tei-spans=foo is refused" bash -c \
	"'$BIN' -q -t tei -V tei-spans=foo -o '$TMP/v.xml' seeds/000_41e35b5545bce590.txt; test \$? = 2"
expect "--version names the libraries and the plugin directories" bash -c \
	"'$BIN' --version | grep -q '^libxml2 .*ICU .*libyaml' && '$BIN' --version | grep -q '^plugins from: '"
n=$(printf 'a%.0s' $(seq 250))
expect "an output name of 255 bytes (the temporary name is cut short)" bash -c \
	"'$BIN' -q -t html -o '$TMP/$n.html' seeds/000_41e35b5545bce590.txt && test -s '$TMP/$n.html'"
# A -M key a writer has no place for draws one warning (tei and markdown
# keep every key).
expect "-M: a key the epub writer cannot use is named" bash -c \
	"'$BIN' -t epub -M colour=blue -o '$TMP/m.epub' seeds/000_41e35b5545bce590.txt 2>&1 | grep -q -- '-M colour: the epub writer has no place for it'"
expect "-M: the tei writer keeps it, without a word" bash -c \
	"test -z \"\$('$BIN' -t tei -M colour=blue -o '$TMP/m.xml' seeds/000_41e35b5545bce590.txt 2>&1)\" && grep -q 'n=\"colour\"' '$TMP/m.xml'"
# -o on a symlink writes through it: the target is replaced, the link
# stays; a symlink to nothing is refused.
mkdir -p "$TMP/sl" && echo old > "$TMP/sl/target.md" && ln -sf target.md "$TMP/sl/link.md"
"$BIN" -q -t md -o "$TMP/sl/link.md" seeds/000_41e35b5545bce590.txt
expect "-o on a symlink: written through, the link kept" bash -c \
	"test -L '$TMP/sl/link.md' && grep -q '^lang: ar' '$TMP/sl/target.md'"
ln -sf nowhere.md "$TMP/sl/dangling.md"
expect "-o on a dangling symlink: refused (exit 4)" bash -c \
	"'$BIN' -q -t md -o '$TMP/sl/dangling.md' seeds/000_41e35b5545bce590.txt 2>/dev/null; test \$? = 4 -a ! -e '$TMP/sl/nowhere.md'"
# On a terminal, the [N/M] progress line is cleared before a diagnostic
# (they shared a line), and --no-progress drops it (warnings stay).
if command -v script > /dev/null; then
	mkdir -p "$TMP/pg" && for i in 1 2 3; do cp tests/cases/openiti.mARkdown "$TMP/pg/t$i.mARkdown"; done
	script -qec "'$BIN' -t html -j 1 -O '$TMP/pg/out' '$TMP'/pg/t*.mARkdown" /dev/null > "$TMP/pg/tty" 2>&1
	expect "progress: never on a diagnostic's line" python3 -c "
import re, sys
s = open(sys.argv[1], encoding='utf-8', newline='').read()
parts = s.split('\r\x1b[K')
sys.exit(0 if any(re.match(r'\[\d+/\d+\] ', p) for p in parts) and
         not any(re.match(r'\[\d+/\d+\] ', p) and 'warning:' in p for p in parts) else 1)" "$TMP/pg/tty"
	script -qec "'$BIN' --no-progress -t html -j 1 -O '$TMP/pg/out2' '$TMP'/pg/t*.mARkdown" /dev/null > "$TMP/pg/tty2" 2>&1
	expect "--no-progress: warnings, no progress line" bash -c "grep -q 'warning:' '$TMP/pg/tty2' && ! grep -q '\[1/3\]' '$TMP/pg/tty2'"
fi
