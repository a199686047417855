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
