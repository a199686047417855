# tests/parts/70-loader.sh - sourced by tests/run; see its helpers.
# ---- bad input: one line, a position, non-zero, nothing written ------------
for f in tests/bad/*; do
	case $f in *.err) continue ;; esac
	out=$TMP/bad-out.html
	echo GOOD > "$out"
	W -t html -o "$out" "$f" 2> "$TMP/bad.err"
	rc=$?
	if [ $rc -ne 3 ]; then not_ok "bad $f" "exit $rc, expected 3"; continue; fi
	if ! cmp -s "$TMP/bad.err" "$f.err"; then
		not_ok "bad $f" "stderr: $(cat "$TMP/bad.err") / expected: $(cat "$f.err")"
		continue
	fi
	if [ "$(cat "$out")" != GOOD ]; then not_ok "bad $f" "existing output was touched"; continue; fi
	if ls -a "$TMP" | grep -q '^\.bad-out'; then not_ok "bad $f" "temporary file left"; continue; fi
	ok
done
rm -f "$TMP/bad-out.html"
W -t html -o "$TMP/new.html" tests/bad/empty.txt 2>/dev/null
expect "no output file after failure" test ! -e "$TMP/new.html"

# A form feed (the page separator of plain-text documents: the GNU
# licences have them) is whitespace to CommonMark and HTML, but no XML
# output can hold one: read as a space, one warning at the first, and
# the columns after it unchanged. Written as a reference it is content,
# and refused like every control character.
printf 'A licence\n\n\f\n\nterms \f of\fuse: 1\n' > "$TMP/ff.md"
"$BIN" -t tei -o "$TMP/ff.xml" "$TMP/ff.md" 2> "$TMP/ff.err"
expect "form feed: converted (exit 0)" test $? -eq 0
expect "form feed: one warning, at the first" test "$(cat "$TMP/ff.err")" = "$TMP/ff.md:3:1: warning: 3 form feeds read as spaces (no XML output can hold one)"
expect "form feed: none written, the words kept" bash -c "xmllint --noout '$TMP/ff.xml' && ! grep -q \$'\\f' '$TMP/ff.xml' && grep -q 'terms   of use: 1' '$TMP/ff.xml'"
for f in html markdown; do
	W -t "$f" -o "$TMP/ff.$f" "$TMP/ff.md"
	expect "form feed: $f has none" bash -c "test -s '$TMP/ff.$f' && ! grep -q \$'\\f' '$TMP/ff.$f'"
done
printf 'x &#12; y\n' > "$TMP/ff-ref.md"
W -t html -o "$TMP/ff-ref.html" "$TMP/ff-ref.md"
expect "form feed as a reference: refused (exit 3)" test $? -eq 3

# A text over a megabyte is checked and normalized in pieces, on both
# CPUs (load.c): the verdicts, places and bytes must be the whole text's.
# 100,000 lines (2.9 MB); what is tested sits in later pieces.
long_text() { awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "سطر عربي رقم %d مع word\n", i }'; }
long_text > "$TMP/long.txt"
with_line() { # FILE LINE TEXT: FILE with its line LINE replaced
	awk -v n="$2" -v t="$3" 'NR == n { print t; next } { print }' "$TMP/long.txt" > "$1"
}
before() { head -n "$(($2 - 1))" "$1" | wc -c; } # bytes before line $2
with_line "$TMP/long-bad.txt" 60000 $'abcd\xFFefg'
W -t html -o "$TMP/long-bad.html" "$TMP/long-bad.txt" 2> "$TMP/long-bad.err"
expect "long text: a bad byte late in it refused (exit 3)" test $? -eq 3
expect "long text: the bad byte's line, column and offset" test "$(cat "$TMP/long-bad.err")" = "$TMP/long-bad.txt:60000:5: invalid UTF-8 (byte $(($(before "$TMP/long-bad.txt" 60000) + 4)))"
with_line "$TMP/long-ff0.txt" 50000 $'page \fbreak'
awk 'NR == 90000 { print "\f"; next } { print }' "$TMP/long-ff0.txt" > "$TMP/long-ff.txt"
"$BIN" -t tei -o "$TMP/long-ff.xml" "$TMP/long-ff.txt" 2> "$TMP/long-ff.err"
expect "long text: form feeds in two later pieces, one warning at the first" test "$(cat "$TMP/long-ff.err")" = "$TMP/long-ff.txt:50000:6: warning: 2 form feeds read as spaces (no XML output can hold one)"
with_line "$TMP/long-marks.txt" 80000 "a$(printf '\u0301%.0s' $(seq 130))"
W -t html -o "$TMP/long-marks.html" "$TMP/long-marks.txt" 2> "$TMP/long-marks.err"
expect "long text: 130 marks in a row late in it, refused at their place" test "$(cat "$TMP/long-marks.err")" = "$TMP/long-marks.txt:80000:2: more than 128 combining marks in a row: no script stacks so many on a letter"
# Decomposed letters in the first and the last pieces: composed, the
# rest as it was, the digest the file's own.
with_line "$TMP/long-nfc0.txt" 3 $'cafe\u0301 one'
awk -v t=$'cafe\u0301 two' 'NR == 99990 { print t; next } { print }' "$TMP/long-nfc0.txt" > "$TMP/long-nfc.txt"
W -t tei -o "$TMP/long-nfc.xml" "$TMP/long-nfc.txt"
expect "long text: decomposed letters in two pieces composed" test "$(grep -c $'café \\(one\\|two\\)' "$TMP/long-nfc.xml")" -eq 2
expect "long text: nothing else changed" test "$(grep -c 'سطر عربي رقم [0-9]* مع' "$TMP/long-nfc.xml")" -eq 99999 # and the title
expect "long text: the digest is the file's" grep -q "<idno type=\"sha256\">$(sha256sum "$TMP/long-nfc.txt" | cut -c1-64)</idno>" "$TMP/long-nfc.xml"
# Four- and three-byte characters at every place a cut could fall.
awk 'BEGIN { for (i = 1; i <= 80000; i++) printf "%s😀😀世界😀\n", substr("abc", 1, i % 4) }' > "$TMP/long-wide.txt"
W -t html -o "$TMP/long-wide.html" "$TMP/long-wide.txt"
expect "long text: wide characters across the cuts read, not refused" test "$(grep -o '😀😀世界😀' "$TMP/long-wide.html" | wc -l)" -eq 80001 # and the title
rm -f "$TMP"/long*
