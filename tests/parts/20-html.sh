# tests/parts/20-html.sh - sourced by tests/run; see its helpers.
# ---- what the foundation issue promises, checked on the output -------------
outputs
h=$TMP/html/000_41e35b5545bce590.html
expect "H1 root lang/dir" grep -q '^<html lang="ar" dir="rtl">$' "$h"
# Every non-empty line of the seed is its own block: nothing merged.
lines=$(grep -c . seeds/000_41e35b5545bce590.txt)
blocks=$(sed -n '/<article/,/<\/article>/p' "$h" | grep -oE '<(p|li|h[1-6])[ >]' | wc -l)
if [ "$lines" -eq "$blocks" ]; then ok; else not_ok "seed 000 blocks" "$lines lines, $blocks blocks"; fi
expect "bullets form a ul" grep -q '^<ul>$' "$h"
expect "numbers form an ol" grep -q '^<ol>$' "$h"
expect "English text is en/ltr" grep -q '^<html lang="en" dir="ltr">$' "$TMP/html/en-only.html"
r=$TMP/html/rtl-latin-run.html
expect "H4 tight isolation" grep -qF 'أصدرت <span lang="en" dir="ltr">OpenAI</span> نموذج <span lang="en" dir="ltr">GPT-4o</span>، ثم <span lang="en" dir="ltr">DeepSeek-V3</span>.' "$r"
expect "H4 balanced brackets join a run" grep -qF '<span lang="en" dir="ltr">SpaceX (US)</span> اليوم' "$r"
expect "H4 unbalanced brackets stay outside" grep -qF 'نموذج (<span lang="en" dir="ltr">GPT-4</span> الجديد) هنا.' "$r"
expect "D1 majority, not first strong" grep -qF '<p><span lang="en" dir="ltr">DeepSeek</span> هو' "$r"
expect "D3 English quote gets ltr" grep -q '<blockquote lang="en" dir="ltr">' "$TMP/html/mixed-blocks.html"
expect "front matter dir wins" grep -q '^<html lang="en" dir="rtl">$' "$TMP/html/dir-override.html"
expect "fa inferred" grep -q '^<html lang="fa" dir="rtl">$' "$TMP/html/persian.html"
expect "ur inferred" grep -q '^<html lang="ur" dir="rtl">$' "$TMP/html/urdu.html"
expect "he inferred" grep -q '^<html lang="he" dir="rtl">$' "$TMP/html/hebrew.html"
expect "raw HTML: no script" bash -c "! grep -qi -e '<script' -e 'alert' -e 'onclick' -e 'javascript:' '$TMP/html/raw-html.html'"
expect "raw HTML: text kept" grep -q 'محتوى مخفي' "$TMP/html/raw-html.html"
expect "NFC applied" grep -q 'آمن' "$TMP/html/nfc.html"
expect "junk kept, escaped" grep -qF 'نص فيه &amp; <span lang="en" dir="ltr">nbsp</span> ؛' "$TMP/html/markup-junk.html"
expect "date split from paragraph" grep -qF '<p>نشرت: 2025-01-31</p>' "$TMP/html/source-date.html"


# The page around the body, tested once (goldens hold the body only).
sed -n '/^<style>$/,/^<\/style>$/p' "$TMP/html/000_41e35b5545bce590.html" | sed '1d;$d' > "$TMP/style.css"
golden html css style "$TMP/style.css"
expect "head: charset, viewport, generator" bash -c "grep -q '^<meta charset=\"utf-8\">$' '$h' && grep -q 'name=\"viewport\"' '$h' && grep -q 'content=\"warraq [0-9.]*\"' '$h'"

# Heading levels as in the source: a title from front matter above "##"
# sections is the <h1>, the sections stay <h2> (issue 12: the first "##"
# became <h1> and every later one <h2>); only a skipped level is closed.
printf -- '---\ntitle: عنوان\n---\n\n## أول\n\nنص.\n\n## ثان\n\n#### رابع\n' > "$TMP/levels.md"
W -t html -o "$TMP/levels.html" "$TMP/levels.md"
expect "levels: title h1, sections h2, skip closed" test \
	"$(grep -o '<h[1-6]' "$TMP/levels.html" | tr -d '<' | tr '\n' ' ')" = "h1 h2 h2 h3 "
W -t epub -o "$TMP/levels.epub" "$TMP/levels.md"
expect "levels: EPUB chapter the same" test \
	"$(unzip -p "$TMP/levels.epub" EPUB/text/ch001.xhtml | grep -o '<h[1-6]' | tr -d '<' | tr '\n' ' ')" = "h1 h2 h2 h3 "
expect "levels: EPUB nav lists the sections, two levels deep by default" test \
	"$(unzip -p "$TMP/levels.epub" EPUB/nav.xhtml | grep -c 'ch001.xhtml#')" -eq 2
W -t epub --toc-depth 3 -o "$TMP/levels3.epub" "$TMP/levels.md"
expect "levels: EPUB nav lists every section with --toc-depth 3" test \
	"$(unzip -p "$TMP/levels3.epub" EPUB/nav.xhtml | grep -c 'ch001.xhtml#')" -eq 3
W -t md -o "$TMP/levels.out.md" "$TMP/levels.md"
expect "levels: Markdown keeps ## and ####" test \
	"$(grep -o '^#*' "$TMP/levels.out.md" | tr '\n' ' ')" = "## ## #### "
# Elements nested past what the model takes (128) keep their words, as
# text, and what follows them is read: they were dropped, text and all,
# under a warning that said the text was kept; past 256, where libxml2
# stopped reading unless told to read huge texts, the rest of the page
# went too (300 unclosed <b> tags: none of the page's text).
python3 -c "print('<!DOCTYPE html><html><body>' + '<div>' * 200 + 'deep <b>bold</b> words' + '</div>' * 200 + '<p>after the deep part</p></body></html>')" > "$TMP/deep200.html"
"$BIN" -t tree -V positions=no -o "$TMP/deep200.tree" "$TMP/deep200.html" 2> "$TMP/deep200.err"
expect "HTML nested 200 deep: its words kept, and the text after it" \
	bash -c "grep -q 'text \"deep bold words\"' '$TMP/deep200.tree' && grep -q 'text \"after the deep part\"' '$TMP/deep200.tree' && grep -q 'its text is kept' '$TMP/deep200.err'"
python3 -c "print('<!DOCTYPE html><html><body><p>Bold tags never closed: ' + ' '.join('word <b>bold' for _ in range(300)) + '</p><p>The last paragraph.</p></body></html>')" > "$TMP/unclosed.html"
W -t tree -V positions=no -o "$TMP/unclosed.tree" "$TMP/unclosed.html"
expect "300 unclosed <b> tags: every word kept, and the paragraph after" \
	bash -c "[ \$(grep -o 'bold' '$TMP/unclosed.tree' | wc -l) -eq 300 ] && grep -q 'The last paragraph' '$TMP/unclosed.tree'"
# A text node past libxml2's 10 MB limit for one (it stopped there
# unless told to read huge texts).
python3 -c "print('<!DOCTYPE html><html><body><p>' + 'word ' * 2200000 + 'END</p><p>after</p></body></html>')" > "$TMP/huge-text.html"
W -t tree -V positions=no -o "$TMP/huge-text.tree" "$TMP/huge-text.html"
expect "a paragraph of 11 MB in HTML read whole, and the one after" \
	bash -c "grep -q 'END\"' '$TMP/huge-text.tree' && grep -q 'text \"after\"' '$TMP/huge-text.tree'"
