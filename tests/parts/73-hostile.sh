# tests/parts/73-hostile.sh - sourced by tests/run; see its helpers.
# ---- hostile inputs: bounded time and memory, a clear answer ---------------
# Limits: each run ends within 60 s and, outside the sanitizer build, peaks
# under 1 GiB of memory (a 20 MB line takes about 2 s and 230 MB here).
H=$TMP/hostile
mkdir -p "$H"
big=20000000 lines=500000
[ "$SAN" = 1 ] && big=2000000 lines=50000
awk -v n="$big" 'BEGIN { w[0]="الذكاء"; w[1]="DeepSeek"; w[2]="نموذج"; w[3]="GPT-4o"; w[4]="2025"
	while (len < n) { s = w[i++ % 5] " "; printf "%s", s; len += length(s) * 2 } print "" }' > "$H/line.txt"
awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) print "سطر " i }' > "$H/lines.txt"
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "> "; print "عميق" }' > "$H/quotes.md"
awk 'BEGIN { for (i = 0; i < 2000; i++) { for (j = 0; j < i; j++) printf "  "; print "- بند" } }' > "$H/lists.md"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "["; print " نص" }' > "$H/brackets.md"
printf 'نص فيه ]]> و -- و <!-- و &#0; هنا.\n' > "$H/xml-junk.md"
awk 'BEGIN { printf "---\n"; for (i = 0; i < 1000000; i++) printf "k"; print ": v"; print "---"; print "نص" }' > "$H/key.md"
printf -- '---\ntitle: "no end\n---\nنص\n' > "$H/quote.md"
# Every HTML block once re-trimmed (and copied) every paragraph before it:
# 1 MB of these took minutes and gigabytes.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "فقرة فيها نص %d\n\n<div>كتلة</div>\n\n", i }' > "$H/html-blocks.md"
hostile() { # hostile NAME FILE EXPECTED-STATUS [FORMAT]
	local rc rss
	if [ "$SAN" = 1 ] || ! [ -x /usr/bin/time ]; then
		timeout 60 "$BIN" -q -t "${4:-html}" -o "$H/out" "$2" 2> "$H/err"
		rc=$? rss=0
	else
		timeout 60 /usr/bin/time -f '%M' -o "$H/rss" "$BIN" -q -t "${4:-html}" -o "$H/out" "$2" 2> "$H/err"
		rc=$? rss=$(tail -1 "$H/rss")
	fi
	if [ "$rc" -ne "$3" ]; then
		not_ok "hostile $1" "exit $rc, expected $3: $(head -1 "$H/err")"
	elif [ "$rss" -gt 1048576 ]; then
		not_ok "hostile $1" "peak memory $rss KB"
	elif [ "$3" -ne 0 ] && [ "$(wc -l < "$H/err")" -ne 1 ]; then
		not_ok "hostile $1" "expected one line on stderr"
	else
		ok
	fi
	rm -f "$H/out"
}
hostile "20 MB single line" "$H/line.txt" 0
hostile "500,000 short lines" "$H/lines.txt" 0 tei
hostile "5,000-deep block quotes" "$H/quotes.md" 3
hostile "2,000-deep nested lists" "$H/lists.md" 3
hostile "20,000 unbalanced brackets" "$H/brackets.md" 0
hostile "1 MB YAML key" "$H/key.md" 3
hostile "unclosed YAML quote" "$H/quote.md" 3
hostile "]]> -- <!-- &#0; in text" "$H/xml-junk.md" 0 tei
hostile "20,000 HTML blocks in one text" "$H/html-blocks.md" 0
W -t tei -o "$H/junk.xml" "$H/xml-junk.md"
expect "]]> and -- escaped, XML well-formed" xmllint --noout "$H/junk.xml"
expect "&#0; becomes U+FFFD" grep -q $'\xef\xbf\xbd' "$H/junk.xml"


# A text pulls into a book only files of its own folder (issue 16): a
# symlink to the environment or to /dev/zero, "..", an absolute path, an
# encoded "..", raw HTML and a FIFO are refused, each named at its line,
# exit 3, no book; with --lenient they are left out and the rest embeds.
C=$TMP/confine
rm -rf "$C" && mkdir -p "$C/book"
echo secret > "$C/secret.png"
ln -s /proc/self/environ "$C/book/e.png"
ln -s /dev/zero "$C/book/z.png"
mkfifo "$C/book/f.png"
cp tests/cases/img/pixel.png "$C/book/ok.png"
printf '![e](e.png)\n\n![up](../secret.png)\n\n![abs](%s/secret.png)\n\n![enc](..%%2Fsecret.png)\n\n<img src="../secret.png">\n\n![z](z.png)\n\n![f](f.png)\n\n![ok](ok.png)\n' "$C" > "$C/book/a.md"
timeout 20 "$BIN" -t epub -o "$C/b.epub" "$C/book/a.md" 2> "$C/err"
expect "confinement: exit 3, no book" test $? -eq 3 -a ! -e "$C/b.epub"
expect "confinement: seven images refused, each named" test "$(grep -c "image '.*' refused: " "$C/err")" -eq 7
expect "confinement: the environment named, not read" grep -q "a.md:1: image 'e.png' refused: .*outside the text's folder" "$C/err"
expect "confinement: a FIFO is no file" grep -q "a.md:13: image 'f.png' refused: .*not a regular file" "$C/err"
timeout 20 "$BIN" -q --lenient -t epub -o "$C/c.epub" "$C/book/a.md"
expect "confinement: --lenient embeds only the image of the folder" test \
	"$(unzip -l "$C/c.epub" | grep -c 'EPUB/images/')" -eq 1
expect "confinement: no secret in the book" bash -c "! unzip -p '$C/c.epub' | grep -q secret"

# A link that runs code stays dropped however it is spelled: a control
# character or a tab inside "javascript:" is read the way browsers read it.
printf '[x](&#x01;javascript:alert(1)) [y](java&#x09;script:alert(2)) [z](https://ok.org)\n' > "$TMP/js.md"
W -t md -o "$TMP/js.out.md" "$TMP/js.md"
expect "javascript: behind a control character dropped" bash -c "! grep -qi 'script' '$TMP/js.out.md' && grep -qF '[z](https://ok.org)' '$TMP/js.out.md'"
expect "pandoc renders no javascript: link from our Markdown" bash -c "! pandoc -f gfm -t html '$TMP/js.out.md' | grep -qi 'href=\"[^\"]*script'"

# A lone "<script>" or an unclosed "<!--" no longer swallows the rest of
# the text: the line is kept as text, with a warning at its line.
printf 'أ.\n\n<script>\n\nفقرة مهمة.\n' > "$TMP/lone-script.md"
"$BIN" -t html -o "$TMP/lone-script.html" "$TMP/lone-script.md" 2> "$TMP/lone-script.err"
expect "lone <script>: the text after it kept" grep -q 'فقرة مهمة' "$TMP/lone-script.html"
expect "lone <script>: warned at its line" grep -q "lone-script.md:3:1: warning: <script is never closed" "$TMP/lone-script.err"
printf 'أ.\n\n<!-- تعليق\n\nفقرة مهمة.\n' > "$TMP/open-comment.md"
W -t tei -o "$TMP/open-comment.xml" "$TMP/open-comment.md"
expect "unclosed <!--: the text after it kept" grep -q 'فقرة مهمة' "$TMP/open-comment.xml"
printf '```html\n<pre>\n```\n\nنص.\n' > "$TMP/code-pre.md"
W -t tree -V positions=no -o "$TMP/code-pre.tree" "$TMP/code-pre.md"
expect "an unclosed tag shown in code stays code" grep -qF 'code_block dir=ltr info=html "<pre>\n"' "$TMP/code-pre.tree"
# One rule for every character that enters the model (issue 16): what
# the loader refuses raw is refused when a character reference, a YAML
# escape, an info string or -M brings it, with its place; exit 3.
X=$TMP/chars && mkdir -p "$X"
printf 'نص &#x01; و.\n' > "$X/ref.md"
printf '```js&#x18;\ncode\n```\n' > "$X/info.md"
printf -- '---\ntitle: "\\x01"\n---\n\nنص.\n' > "$X/yaml.md"
for f in ref info yaml; do
	for t in html tei epub md; do
		"$BIN" -t $t -o "$X/out-$f.$t" "$X/$f.md" 2> "$X/$f.err"
		expect "a control by $f refused for $t (exit 3, no output)" test $? -eq 3 -a ! -e "$X/out-$f.$t"
	done
done
expect "the place and the way in are named" grep -q "ref.md:1: control character not allowed in XML 1.0 in text (from a character reference or an escape)" "$X/ref.err"
expect "-M with a control: refused" bash -c "'$BIN' -q -t epub -M title=\$'\\x01' -o '$X/m.epub' seeds/000_41e35b5545bce590.txt 2>/dev/null; test \$? = 3 -a ! -e '$X/m.epub'"
