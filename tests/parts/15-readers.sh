# tests/parts/15-readers.sh - sourced by tests/run; see its helpers.
# ---- readers: chosen by -f, extension, then probe; the html reader ---------
R=$TMP/readers && mkdir -p "$R"
cat > "$R/page.html" <<'HTML'
<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>صفحة عربية</title>
<meta name="author" content="كاتب"><script>alert(1)</script></head>
<body>
<h1>عنوان الصفحة</h1>
<p>فقرة فيها <em>تأكيد</em> و<a href="https://example.org/">رابط</a> إلى GitHub.</p>
<ul><li>أول</li><li>ثان</li></ul>
<p onclick="x()">نص بعد نص</p>
</body>
</html>
HTML
W -f html -t md -o "$R/page.md" "$R/page.html"
expect "-f html -t md converts a page" test -s "$R/page.md"
expect "html reader keeps lang" grep -qx 'lang: ar' "$R/page.md"
expect "html reader keeps dir" grep -qx 'dir: rtl' "$R/page.md"
expect "html reader takes the title" grep -qx 'title: صفحة عربية' "$R/page.md"
expect "html reader keeps structure" bash -c "grep -qx '# عنوان الصفحة' '$R/page.md' && grep -q '^ *- أول' '$R/page.md' && grep -qF '*تأكيد*' '$R/page.md'"
expect "html reader drops scripts" bash -c "! grep -q alert '$R/page.md'"
cp "$R/page.html" "$R/page.htm"
W -t md -o "$R/page2.md" "$R/page.htm"
expect ".htm picks the html reader" cmp -s "$R/page.md" "$R/page2.md"
W -t md -o "$R/stdin.md" - < "$R/page.html"
expect "a page on stdin is found by its probe" cmp -s "$R/page.md" "$R/stdin.md"
W -t html -o "$R/page.out.html" "$R/page.html"
expect "an HTML page to HTML: root dir" grep -q '^<html lang="ar" dir="rtl">$' "$R/page.out.html"
"$BIN" -f nosuch -o "$R/x.html" seeds/001_c22fc553b2c93000.txt 2> "$R/nosuch.err"
expect "unknown -f exits 2" test $? -eq 2 -a ! -e "$R/x.html"
expect "unknown -f names itself" grep -q "no plugin reads 'nosuch'" "$R/nosuch.err"
printf 'سطر أول طويل بما يكفي ليكون فقرة.\nسطر ثان طويل بما يكفي ليكون فقرة.\nسطر ثالث طويل بما يكفي ليكون فقرة.\n' > "$R/three.md"
W --no-infer -f lines -t tree -o "$R/lines.tree" "$R/three.md"
expect "-f lines: a paragraph per line" test "$(grep -c '^    paragraph' "$R/lines.tree")" -eq 3
W --no-infer -t tree -o "$R/three.tree" "$R/three.md"
expect ".md: one paragraph of three lines" test "$(grep -c '^    paragraph' "$R/three.tree")" -eq 1
W -f markdown -t tree -o "$R/md.tree" seeds/001_c22fc553b2c93000.txt
expect "-f markdown on a .txt joins its lines" test "$(grep -c '^    paragraph' "$R/md.tree")" -eq 1

# Writers are chosen by what the plugins declare, never by a table here.
"$BIN" -o "$R/x.pdf" seeds/001_c22fc553b2c93000.txt 2> "$R/pdf.err"
expect "-o x.pdf with no pdf writer exits 2" test $? -eq 2 -a ! -e "$R/x.pdf"
expect "-o x.pdf names the known extensions" grep -q "no writer for '.pdf' files (writers know: epub html htm xhtml md markdown xml tei tree)" "$R/pdf.err"
W -o "$R/x.xml" seeds/001_c22fc553b2c93000.txt
expect "-o x.xml is tei" grep -q '<TEI ' "$R/x.xml"
W -o "$R/x.htm" seeds/001_c22fc553b2c93000.txt
expect "-o x.htm is html" grep -q '^<!DOCTYPE html>' "$R/x.htm"

# Layers point down: the model's objects reference nothing of the
# serializer, the readers, loading or inference.
OBJ=$BUILD/obj
model="node iter meta ids alloc buf err utf8 ucd version"
above="xhtml css load read infer bidi check frontmatter nfc plugin outfile opts"
defined() { nm --defined-only -g "$OBJ/$1.o" | awk '{ print $3 }'; }
for a in $above; do defined "$a"; done | sort -u > "$R/above.syms"
for m in $model; do
	if [ -f "$OBJ/$m.o" ]; then
		bad=$(nm -u "$OBJ/$m.o" | awk '{ print $2 }' | sort -u | comm -12 - "$R/above.syms" | tr '\n' ' ')
		if [ -z "$bad" ]; then ok; else not_ok "model layer $m.o calls up" "$bad"; fi
	else
		not_ok "model object $m.o missing"
	fi
done
# Comments cite this repository's files only.
expect "no comment cites a file outside the repository" bash -c "! grep -rnE '(RTL|DESIGN|STYLE)\.md' src include plugins tests/tools tests/parts Makefile"
# Found by fuzzing the html reader: text with no element has no root.
printf '\n <<<<<<<<<<<<<<<< \n\t' > "$R/noroot.html"
"$BIN" -q -f html -t tree -o "$R/noroot.tree" "$R/noroot.html"
expect "html reader: text without elements" test $? -le 3
