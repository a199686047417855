# tests/parts/50-validators.sh - sourced by tests/run; see its helpers.
# ---- validators: each Java validator starts once for all its files ----------
outputs
corpora_html
if [ "$SAN" != 1 ]; then
	files=("$TMP"/html/*.html "$TMP"/corpora/*.html)
	if [ -r "$VNU_JAR" ]; then
		java -jar "$VNU_JAR" --format gnu "${files[@]}" > "$TMP/vnu.out" 2>&1
		for f in "${files[@]}"; do
			if errs=$(grep -F "\"file:$f\"" "$TMP/vnu.out" | grep -E ': (error|fatal|warning): ' | grep -v 'info warning'); then
				not_ok "vnu $f" "$(echo "$errs" | head -3)"
			else
				ok
			fi
		done
	else
		not_ok "vnu" "not installed at $VNU_JAR ($SHARED/tools/install-validators)"
	fi
fi

