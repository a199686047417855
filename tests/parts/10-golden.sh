# tests/parts/10-golden.sh - sourced by tests/run; see its helpers.
# ---- golden files ------------------------------------------------------------
# Text formats: a golden file per input (made by outputs(), in tests/run).
outputs
for f in "${INPUTS[@]}"; do
	s=$(stem "$f")
	for fe in $GOLDEN_FORMATS; do
		fmt=${fe%%:*} ext=${fe#*:}
		[ -e "$TMP/$fmt/$s.$ext" ] && golden "$fmt" "$ext" "$f" "$TMP/$fmt/$s.$ext"
	done
done
expect "seeds as one html" W -t html -o "$TMP/html/seeds-all.html" seeds/*

