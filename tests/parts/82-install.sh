# tests/parts/82-install.sh - sourced by tests/run; see its helpers.
# ---- install, and the plugins of docs/plugins.md built against it -----------
if [ "$SAN" != 1 ]; then
	D=$TMP/inst
	# A prefix the build was not made for works: the binary finds its
	# plugins relative to itself (the README's make install PREFIX=...).
	P=$(mktemp -d "$TMP/prefix.XXXXXX")
	expect "make install PREFIX=\$(mktemp -d): bin/warraq converts" bash -c \
		"make -s --no-print-directory install PREFIX='$P' > /dev/null 2>&1 && '$P/bin/warraq' -q -t tei -o '$P/x.xml' seeds/000_41e35b5545bce590.txt && test -s '$P/x.xml'"
	if make -s --no-print-directory install DESTDIR="$D" PREFIX=/usr > "$TMP/install.log" 2>&1; then
		ok
		# The completion completes formats from --list-formats.
		expect "bash completion: -t completes formats" bash -c \
			"PATH='$D/usr/bin':\$PATH; source '$D/usr/share/bash-completion/completions/warraq'; COMP_WORDS=(warraq -t ep); COMP_CWORD=2; _warraq; test \"\${COMPREPLY[*]}\" = epub"
		flags=$(PKG_CONFIG_SYSROOT_DIR="$D" PKG_CONFIG_PATH="$D/usr/lib/pkgconfig" pkg-config --cflags warraq)
		X=$TMP/outside && mkdir -p "$X"
		tests/tools/doc-code docs/plugins.md gemini.c > "$X/gemini.c"
		tests/tools/doc-code docs/plugins.md plain.c > "$X/plain.c"
		if cc -std=c11 -Wall -Wextra -Wpedantic -Werror -shared -fPIC -o "$X/gemini.so" "$X/gemini.c" $flags &&
			cc -std=c11 -Wall -Wextra -Wpedantic -Werror -shared -fPIC -o "$X/plain.so" "$X/plain.c" $flags; then
			ok
			IW() { "$D/usr/bin/warraq" --plugin-dir "$X" --plugin-dir "$D/usr/lib/warraq/plugins" "$@"; }
			IW --list-formats > "$X/list" 2>&1
			expect "docs' reader listed" grep -q "^gemini  *- *reads gmi gemini" "$X/list"
			expect "docs' writer listed" grep -q "^plain  *txt *writes txt" "$X/list"
			IW -t plain seeds/001_c22fc553b2c93000.txt > "$X/plain.txt"
			expect "docs' writer converts a seed" grep -q '^المصدر: FT Chinese$' "$X/plain.txt"
			printf '# دليل\n\nفقرة عن Gemini.\n* أول\n* ثان\n=> https://example.org/ رابط\n> اقتباس\n```\ncode()\n```\n' > "$X/notes.gmi"
			IW -q -o "$X/notes.html" "$X/notes.gmi"
			expect "docs' reader: a page from a .gmi" bash -c "grep -q '<html lang=\"ar\" dir=\"rtl\">' '$X/notes.html' && grep -q '<li>أول</li>' '$X/notes.html' && grep -q '<a href=\"https://example.org/\">رابط</a>' '$X/notes.html' && grep -q '<pre dir=\"ltr\"><code>code()' '$X/notes.html'"
			IW -q -o "$X/notes.txt" "$X/notes.gmi"
			expect "-o out.txt picks the writer that declares txt" grep -qx 'فقرة عن Gemini.' "$X/notes.txt"
			# docs/plugins.md's "Building one outside this tree", line by line
			# as written, in the folder holding the sources and notes.gmi.
			rm -f "$X/notes.txt" "$X/gemini.so" "$X/plain.so"
			n=0
			while IFS= read -r cmd; do
				n=$((n + 1))
				(cd "$X" && PATH="$D/usr/bin:$PATH" PKG_CONFIG_SYSROOT_DIR="$D" PKG_CONFIG_PATH="$D/usr/lib/pkgconfig" \
					bash -c "$cmd" > "$X/doc.$n" 2>&1) && ok || not_ok "docs/plugins.md: $cmd" "$(head -2 "$X/doc.$n")"
			done < <(sed -n '/^## Building one outside this tree/,/^## /s/^    \(\(cc\|warraq\) .*\)$/\1/p' docs/plugins.md)
			expect "docs/plugins.md: four commands, the last writes notes.txt" bash -c "test $n = 4 && grep -qx 'فقرة عن Gemini.' '$X/notes.txt'"
			"$D/usr/bin/warraq" --plugin-dir "$D/usr/lib/warraq/plugins" -t html seeds/001_c22fc553b2c93000.txt > "$TMP/inst.html"
			expect "installed html plugin" grep -q '<html lang="ar" dir="rtl">' "$TMP/inst.html"
			expect "installed man page" test -f "$D/usr/share/man/man1/warraq.1"
			expect "installed host header" test -f "$D/usr/include/warraq/host.h"
		else
			not_ok "build out-of-tree plugin"
		fi
	else
		not_ok "make install" "$(tail -3 "$TMP/install.log")"
	fi
fi
