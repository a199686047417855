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

