# tests/parts/74-faults.sh - sourced by tests/run; see its helpers.
# ---- faults: interrupted batches, unwritable places ---------------------
F=$TMP/faults
mkdir -p "$F/in" "$F/int" "$F/term"
i=0
for n in $(seq 1 400); do for s in seeds/*; do i=$((i + 1)); ln -s "$ROOT/$s" "$F/in/t$i.txt"; done; done
interrupt() { # interrupt SIGNAL DIR EXPECTED-STATUS
	"$BIN" -q -t epub -j 2 -O "$2" "$F"/in/*.txt &
	local pid=$! rc n=0
	# Signal once the first outputs are in place, whatever the speed.
	while [ "$(ls "$2" | wc -l)" -lt 5 ] && [ $n -lt 1000 ]; do sleep 0.01; n=$((n + 1)); done
	kill -"$1" "$pid"
	wait "$pid"
	rc=$?
	expect "SIG$1 exits $3" test "$rc" -eq "$3"
	expect "SIG$1 leaves no temporary file" test -z "$(ls -A "$2" | grep '^\.')"
	local bad=0 f
	for f in "$2"/*.epub; do [ -e "$f" ] || continue; unzip -tq "$f" > /dev/null 2>&1 || bad=$((bad + 1)); done
	expect "SIG$1 leaves finished outputs whole" test "$bad" -eq 0
	expect "SIG$1 came mid-batch" test "$(ls "$2" | wc -l)" -lt 2000
}
interrupt INT "$F/int" 130
interrupt TERM "$F/term" 143
# One output, one thread (a signal handler, no waiting thread): signalled
# while the output is being written, it leaves the old file as it was.
# The long line is the hostile part's; made here when this part runs
# alone (make check T=faults).
long=$TMP/hostile/line.txt
if [ ! -s "$long" ]; then
	long=$F/line.txt
	awk 'BEGIN { while (len < 20000000) { s = "نموذج DeepSeek "; printf "%s", s; len += length(s) * 2 } print "" }' > "$long"
fi
mkdir -p "$F/one"
echo GOOD > "$F/one/out.html"
"$BIN" -q -t html -o "$F/one/out.html" "$long" &
pid=$! n=0
while ! ls -A "$F/one" | grep -q '^\.' && [ $n -lt 3000 ]; do sleep 0.001; n=$((n + 1)); done
kill -INT "$pid"
wait "$pid"
rc=$?
expect "SIGINT, one output: exits 130" test "$rc" -eq 130
expect "SIGINT, one output: no temporary file" test -z "$(ls -A "$F/one" | grep '^\.')"
expect "SIGINT, one output: old output kept" grep -qx GOOD "$F/one/out.html"
# An unreadable input, even for root: /proc/self/mem fails to read at 0.
"$BIN" -q -t html -o "$F/unreadable.html" /proc/self/mem 2> "$F/unreadable.err"
expect "unreadable input exits 4, one line, no output" test $? -eq 4 -a "$(wc -l < "$F/unreadable.err")" -eq 1 -a ! -e "$F/unreadable.html"
"$BIN" -q -t html -O /proc/self seeds/000_41e35b5545bce590.txt 2>/dev/null
expect "unwritable output directory exits 4" test $? -eq 4
"$BIN" -q -t html -o /proc/self/x.html seeds/000_41e35b5545bce590.txt 2>/dev/null
expect "unwritable output file exits 4" test $? -eq 4
printf 'نص مع \xe2\x80\xae تجاوز\n' > "$F/override.txt"
"$BIN" -t html -o "$F/override.html" "$F/override.txt" 2> "$F/override.err"
expect "U+202E kept" grep -q $'\xe2\x80\xae' "$F/override.html"
expect "U+202E reported" grep -q 'warning: 1 bidi control character (first U+202E)' "$F/override.err"
"$BIN" --check seeds/000_41e35b5545bce590.txt > /dev/null 2>&1
expect "--check clean seed exits 0 or 1" test $? -le 1
"$BIN" --check --lang en "$F/override.txt" > /dev/null 2> "$F/check.err"
expect "--check exits 1 on findings" test $? -eq 1
expect "--check: bidi control" grep -q 'bidi control' "$F/check.err"
expect "--check: rtl text tagged ltr" grep -q 'tagged lang=en dir=ltr' "$F/check.err"
printf '\xef\xbb\xb7\xef\xba\x8d \xd9\x86\xd8\xb5\n' > "$F/forms.txt"
"$BIN" --check "$F/forms.txt" 2>&1 | grep -q 'presentation form'
expect "--check: presentation forms" test $? -eq 0

# Out of memory, in warraq or in cmark-gfm (given warraq's allocator):
# one line, exit 4, no output and no temporary file (sanitizers reserve
# address space of their own: not under them).
if [ "$SAN" != 1 ]; then
	mkdir -p "$F/oom"
	for i in $(seq 1 360); do cat seeds/*.txt; done > "$F/oom/big.md" # 20 MB
	(ulimit -v 80000; "$BIN" -q -t html -o "$F/oom/big.html" "$F/oom/big.md" 2> "$F/oom.err"; echo $? > "$F/oom.rc")
	expect "out of memory: exit 4, one line, nothing left behind" bash -c \
		"test \$(cat '$F/oom.rc') = 4 && test \$(wc -l < '$F/oom.err') = 1 && grep -q 'warraq: out of memory' '$F/oom.err' && test -z \"\$(ls -A '$F/oom' | grep -v '^big.md\$')\""
fi
# The same in the writers, where cmark renders (the Markdown writer's
# trees are warraq's memory too; with cmark's own they aborted, leaving
# the temporary file): one long paragraph, whose tree is the writer's
# peak, under limits from where loading fails to where all fits. Each
# run exits 0 or 4, leaving nothing but its output.
if [ "$SAN" != 1 ]; then
	python3 -c "
import random
random.seed(1)
ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
print(' '.join(random.choice(ar) + (' GPT-4o' if i % 7 == 0 else '') for i in range(300000)))
" > "$F/oom/para.md"
	bad= codes=
	for v in $(seq 50000 3000 110000); do
		rm -f "$F/oom/para.out.md"
		(ulimit -v "$v"; "$BIN" -q -t md -o "$F/oom/para.out.md" "$F/oom/para.md" 2> "$F/oom.err"; echo $? > "$F/oom.rc")
		rc=$(cat "$F/oom.rc")
		codes="$codes $rc"
		case $rc in
		0) ;;
		4) [ "$(wc -l < "$F/oom.err")" = 1 ] && [ ! -e "$F/oom/para.out.md" ] || bad="$bad $v" ;;
		*) bad="$bad $v:$rc" ;;
		esac
		[ -z "$(ls -A "$F/oom" | grep -v -e '^big.md$' -e '^para.md$' -e '^para.out.md$')" ] || bad="$bad $v:left"
	done
	expect "out of memory in the Markdown writer: exit 4 or a whole output, nothing left behind (limits: $codes)" \
		bash -c "[ -z '$bad' ] && [[ '$codes' == *4* ]] && [[ '$codes' == *0* ]]"
fi
# The same in the EPUB writer, on 2 MB of headings: its navigation and
# pieces grew by realloc() and called abort() when it failed (exit 134
# at seven limits of this sweep), leaving the temporary file.
if [ "$SAN" != 1 ]; then
	python3 -c "
ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
print(''.join('## %s %d\n\n%s\n\n' % (ar[i % 5], i, ar[(i * 3) % 5]) for i in range(80000)))
" > "$F/oom/heads.md"
	bad= codes=
	for v in $(seq 40000 2000 120000); do
		rm -f "$F/oom/heads.epub"
		(ulimit -v "$v"; "$BIN" -q -t epub -o "$F/oom/heads.epub" "$F/oom/heads.md" 2> "$F/oom.err"; echo $? > "$F/oom.rc") 2> /dev/null
		rc=$(cat "$F/oom.rc")
		codes="$codes $rc"
		case $rc in
		0) ;;
		4 | 5) [ "$(wc -l < "$F/oom.err")" = 1 ] && [ ! -e "$F/oom/heads.epub" ] || bad="$bad $v" ;;
		*) bad="$bad $v:$rc" ;;
		esac
		[ -z "$(ls -A "$F/oom" | grep -v -e '^big.md$' -e '^para.md$' -e '^para.out.md$' -e '^heads.md$' -e '^heads.epub$')" ] || bad="$bad $v:left"
	done
	expect "out of memory in the EPUB writer: exit 4 (5 where its libraries cannot load) or a whole book, nothing left behind (limits:$(echo "$codes" | tr ' ' '\n' | sort | uniq -c | tr -s ' \n' ' ')$bad)" \
		bash -c "[ -z '$bad' ] && [[ '$codes' == *4* ]]"
fi
# libxml2 out of memory while it reads an HTML page stops where it is and
# still gives back a tree: the html reader took it for the page (exit 0
# with 362 of 8,000 paragraphs). The program gives libxml2 its own
# allocator (exit 4); a program that embeds libwarraq does not, and the
# reader must then fail rather than return part of the page
# (tests/tools/load_blocks.c prints the blocks it loaded).
if [ "$SAN" != 1 ] && cc $CFLAGS_T tests/tools/load_blocks.c -o "$TMP/load_blocks" \
	-L"$BUILD" -lwarraq -Wl,-rpath,"$BUILD"; then
	python3 -c "
ar = ['كلمة', 'نص', 'عربي', 'مكتبة', 'كتاب']
body = ''.join('<p>' + ' '.join(ar[(i * k) % 5] + (' <b>GPT-4o</b>' if i % 7 == 0 else '') for i in range(40)) + '</p>\\n' for k in range(8000))
print('<!DOCTYPE html><html lang=ar dir=rtl><head><title>t</title></head><body>' + body + '</body></html>')
" > "$F/oom/page.html"
	whole=$("$TMP/load_blocks" "$BUILD/plugins" "$F/oom/page.html")
	bad= codes=
	for v in $(seq 30000 4000 130000); do
		# Below what the program needs to start at all: not a run.
		(ulimit -v "$v"; "$BIN" --version > /dev/null 2>&1) 2> /dev/null || continue
		r=$( (ulimit -v "$v"; "$TMP/load_blocks" "$BUILD/plugins" "$F/oom/page.html") 2>/dev/null)
		codes="$codes ${r// /_}"
		case $r in "ok "*) [ "$r" = "$whole" ] || bad="$bad $v:$r" ;; esac
		rm -f "$F/oom/page.out.html"
		(ulimit -v "$v"; "$BIN" -q -t html -o "$F/oom/page.out.html" "$F/oom/page.html" 2> "$F/oom.err"; echo $? > "$F/oom.rc")
		rc=$(cat "$F/oom.rc")
		case $rc in
		0) ;;
		4) [ "$(wc -l < "$F/oom.err")" = 1 ] || bad="$bad $v:lines" ;;
		*) bad="$bad $v:exit$rc" ;;
		esac
	done
	expect "out of memory in libxml2: the page whole ($whole) or an error, never part of it (limits:$(echo "$codes" | tr ' ' '\n' | sort | uniq -c | tr -s ' \n' ' ')$bad)" \
		bash -c "[ -z '$bad' ] && [[ '$codes' == *'${whole// /_}'* ]] && [[ '$codes' == *error* ]]"
fi
# A reader that goes away (EPIPE): the conversion stops at the first
# failed write, with one line and exit 4, for every format that streams.
for i in $(seq 1 40); do cat seeds/*.txt; done > "$F/big.md"
for f in html tei md; do
	"$BIN" -t $f "$F/big.md" 2> "$F/epipe.$f" | head -c 10 > /dev/null
	rc=${PIPESTATUS[0]}
	expect "EPIPE, -t $f: exit 4, one line naming the broken pipe" bash -c \
		"test $rc = 4 && test \$(wc -l < '$F/epipe.$f') = 1 && grep -q 'Broken pipe' '$F/epipe.$f'"
done
