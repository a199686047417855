# tests/parts/60-epub.sh - sourced by tests/run; see its helpers.
# ---- EPUB: epubcheck once for all books, and what epubcheck cannot see ----
dircheck_tool
E=$TMP/epub
mkdir -p "$E"
export SOURCE_DATE_EPOCH=1700000000
"$BIN" -t epub -o "$E/seeds.epub" seeds/* 2> "$TMP/seeds-epub.err"
expect "remote images warn on stderr" test "$(grep -c 'warning: remote image' "$TMP/seeds-epub.err")" -eq 2
for f in "${INPUTS[@]}"; do
	expect "epub $f" W -t epub -o "$E/$(stem "$f").epub" "$f"
done
for f in "${CORPORA[@]}"; do
	s=$(cstem "$f")
	# pandoc's test document and javascript.info's pages point at images
	# they do not ship.
	expect "epub corpus $s" W --lenient -t epub -o "$E/corpus-$s.epub" "$f"
	lang=$(echo "$s" | sed -n 's/.*\.\([a-z][a-z]\)$/\1/p')
	[ -n "$lang" ] && expect "epub corpus $s --lang" W --lang "$lang" -t epub -o "$E/corpus-$s.lang.epub" "$f"
done
AMIRI=/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf
if [ -r "$AMIRI" ]; then
	expect "cover, font, metadata file" W -t epub --cover tests/cases/img/pixel.png \
		--embed-font "$AMIRI" --metadata-file tests/epub/book.yaml -o "$E/full.epub" seeds/*
else
	not_ok "Amiri font missing" "scripts/install-deps check installs fonts-hosny-amiri"
fi
W -t epub -o "$E/missing.epub" tests/epub/missing-image.md 2> "$TMP/missing.err"
expect "missing image is an error" test $? -ne 0 -a ! -e "$E/missing.epub"
expect "missing image message" grep -q "tests/epub/missing-image.md:3: image 'no-such-image.png' missing: " "$TMP/missing.err"
# Several, in two texts: each named with its file and line, then the count.
printf 'نص.\n\n![أ](one.png)\n\n![ب](two.svg)\n' > "$TMP/imgs-a.md"
printf '![ج](three.png)\n' > "$TMP/imgs-b.md"
W -t epub -o "$E/imgs.epub" "$TMP/imgs-a.md" "$TMP/imgs-b.md" 2> "$TMP/imgs.err"
expect "missing images: exit 4, no book" test $? -eq 4 -a ! -e "$E/imgs.epub"
expect "missing images: each named at its line" bash -c "grep -q '^$TMP/imgs-a.md:3: image .one.png. missing' '$TMP/imgs.err' &&
	grep -q '^$TMP/imgs-a.md:5: image .two.svg. missing' '$TMP/imgs.err' &&
	grep -q '^$TMP/imgs-b.md:1: image .three.png. missing' '$TMP/imgs.err'"
expect "missing images: counted last" test "$(tail -1 "$TMP/imgs.err")" = "$TMP/imgs-a.md: 3 images missing or refused (named above); --lenient leaves them out"
"$BIN" --lenient -t epub -o "$E/lenient.epub" tests/epub/missing-image.md 2> "$TMP/lenient.err"
expect "--lenient leaves it out" test -s "$E/lenient.epub"
expect "--lenient warns" grep -q "warning: image 'no-such-image.png' left out" "$TMP/lenient.err"

# Reproducible: the same bytes twice, and in another time zone.
W -t epub -o "$TMP/again.epub" seeds/*
expect "epub reproducible" cmp -s "$E/seeds.epub" "$TMP/again.epub"
TZ=Asia/Tokyo W -t epub -o "$TMP/tokyo.epub" seeds/*
expect "epub reproducible across time zones" cmp -s "$E/seeds.epub" "$TMP/tokyo.epub"
mv "$TMP/again.epub" "$TMP/lenient-dup.epub"
unset SOURCE_DATE_EPOCH

# docs/design.md E1-E7, checked on the container (epubcheck cannot: E11).
B=$E/seeds.epub
expect "E1 spine rtl" test "$(opf "$B" 'string(//*[local-name()="spine"]/@page-progression-direction)')" = rtl
expect "E2 EPUB 3" test "$(opf "$B" 'string(/*/@version)')" = 3.0
expect "E3 first dc:language ar" test "$(opf "$B" 'string((//*[local-name()="language"])[1])')" = ar
expect "E4 package xml:lang" test "$(opf "$B" 'string(/*/@*[local-name()="lang"])')" = ar
expect "E4 package dir" test "$(opf "$B" 'string(/*/@dir)')" = rtl
W -t epub --title "DeepSeek يغير قواعد اللعبة" -o "$TMP/latin-title.epub" seeds/001_c22fc553b2c93000.txt
expect "E4 Latin-first title gets dir" bash -c "unzip -p '$TMP/latin-title.epub' EPUB/content.opf | grep -q '<dc:title id=\"title\" dir=\"rtl\">DeepSeek'"
expect "mimetype first, stored" bash -c "unzip -v '$B' | sed -n 4p | grep -q 'Stored.*mimetype'"
rm -rf "$TMP/x" && mkdir -p "$TMP/x" && unzip -q "$B" -d "$TMP/x"
for x in "$TMP"/x/EPUB/nav.xhtml "$TMP"/x/EPUB/text/*.xhtml; do
	l1=$(xmllint --xpath 'string(/*/@*[local-name()="lang" and namespace-uri()="http://www.w3.org/XML/1998/namespace"])' "$x")
	l2=$(xmllint --xpath 'string(/*/@lang)' "$x")
	d=$(xmllint --xpath 'string(/*/@dir)' "$x")
	if [ "$l1" = ar ] && [ "$l1" = "$l2" ] && [ "$d" = rtl ]; then ok; else not_ok "E5/E6 root of $(basename "$x")" "xml:lang=$l1 lang=$l2 dir=$d"; fi
done
expect "E7 nav labels state direction" test "$(xmllint --xpath 'count(//*[local-name()="nav"][@*[local-name()="type"]="toc"]//*[local-name()="li"][not(@dir)])' "$TMP/x/EPUB/nav.xhtml")" = 0
expect "E7 nav nests headings" test "$(xmllint --xpath 'count(//*[local-name()="ol"]//*[local-name()="ol"])' "$TMP/x/EPUB/nav.xhtml")" -gt 0
expect "E7 landmarks in Arabic" grep -q '<h2>المعالم</h2>' "$TMP/x/EPUB/nav.xhtml"
expect "untitled chapters named by their first words" bash -c "! grep -q '000_41e35b' '$TMP/x/EPUB/nav.xhtml' && grep -q 'استثمار Deepseek في الاستكشاف' '$TMP/x/EPUB/nav.xhtml'"
expect "E8 no direction in CSS" bash -c "! grep -Eqi 'direction|unicode-bidi' '$TMP/x/EPUB/style.css'"
expect "E9 no physical alignment" bash -c "! grep -Eqi 'text-align: *(left|right)|margin-(left|right)' '$TMP/x/EPUB/style.css'"
if out=$("$DIRCHECK" -x "$TMP"/x/EPUB/text/*.xhtml "$TMP/x/EPUB/nav.xhtml"); then ok; else not_ok "dircheck epub" "$(echo "$out" | head -3)"; fi
en=$E/en-only.epub
expect "English book ltr" test "$(opf "$en" 'string(//*[local-name()="spine"]/@page-progression-direction)')" = ltr
expect "English book dc:language en" test "$(opf "$en" 'string((//*[local-name()="language"])[1])')" = en
expect "local image embedded" bash -c "unzip -l '$E/local-image.epub' | grep -q 'EPUB/images/img1.png'"
expect "font embedded" bash -c "unzip -l '$E/full.epub' | grep -q 'EPUB/fonts/font1.ttf'"
expect "cover page" test "$(opf "$E/full.epub" 'string(//*[local-name()="item"][@properties="cover-image"]/@href)')" = images/cover-image1.png
expect "metadata file title" test "$(opf "$E/full.epub" 'string(//*[local-name()="title"])')" = "كتاب البذور"

# Accessibility metadata that tells the truth (issue 15).
A=$TMP/a11y && rm -rf "$A" && mkdir -p "$A/t" && cp tests/cases/img/pixel.png "$A/t/"
printf '# صور\n\n![نقطة](pixel.png)\n' > "$A/t/alt.md"
printf '# صور\n\n![نقطة](pixel.png) و ![](pixel.png)\n' > "$A/t/noalt.md"
W -t epub -o "$E/a11y-alt.epub" "$A/t/alt.md"
W -t epub -o "$E/a11y-noalt.epub" "$A/t/noalt.md"
W -t epub -M accessibilityFeature=ARIA -M conformsTo="EPUB Accessibility 1.1 - WCAG 2.1 Level AA" -o "$E/a11y-given.epub" seeds/000_41e35b5545bce590.txt
W -t epub -o "$E/a11y-pages.epub" tests/cases/openiti.mARkdown
feat() { opf "$1" "count(//*[local-name()=\"meta\"][@property=\"schema:accessibilityFeature\"][.=\"$2\"])"; }
expect "a11y: every image has alt: alternativeText" test "$(feat "$E/a11y-alt.epub" alternativeText)" = 1
expect "a11y: an image without alt: no alternativeText, visual needed" bash -c \
	"unzip -p '$E/a11y-noalt.epub' EPUB/content.opf | grep -q 'accessModeSufficient\">textual,visual<' && ! unzip -p '$E/a11y-noalt.epub' EPUB/content.opf | grep -q 'alternativeText\|accessModeSufficient\">textual<'"
expect "a11y: no image embedded, no visual mode" bash -c "! unzip -p '$B' EPUB/content.opf | grep -q 'accessMode\">visual'"
expect "a11y: page breaks: printPageNumbers, pageNavigation" test "$(feat "$E/a11y-pages.epub" printPageNumbers)$(feat "$E/a11y-pages.epub" pageNavigation)" = 11
expect "a11y: -M adds a feature" test "$(feat "$E/a11y-given.epub" ARIA)$(feat "$E/a11y-given.epub" tableOfContents)" = 11
expect "a11y: conformance only when the user claims it" bash -c \
	"unzip -p '$E/a11y-given.epub' EPUB/content.opf | grep -q 'dcterms:conformsTo\">EPUB Accessibility 1.1' && ! unzip -p '$B' EPUB/content.opf | grep -q 'conformsTo\|certifiedBy'"
expect "a11y: the summary in the book's language" bash -c "unzip -p '$B' EPUB/content.opf | grep -q 'accessibilitySummary\">نص له فهرس'"
# Fonts: a family of the file's own name, its faces by weight.
F=/usr/share/fonts/opentype/fonts-hosny-amiri
W -t epub --embed-font "$F/Amiri-Regular.ttf" --embed-font "$F/Amiri-Bold.ttf" -o "$E/amiri.epub" seeds/000_41e35b5545bce590.txt
unzip -p "$E/amiri.epub" EPUB/style.css > "$A/amiri.css"
expect "fonts: one family, weights 400 and 700" bash -c \
	"test \$(grep -c 'font-family: \"Amiri\";' '$A/amiri.css') = 2 && grep -q 'font-weight: 400' '$A/amiri.css' && grep -q 'font-weight: 700' '$A/amiri.css' && grep -q 'html { font-family: \"Amiri\", ' '$A/amiri.css'"
expect "fonts: Apple's display options" bash -c "unzip -p '$E/amiri.epub' META-INF/com.apple.ibooks.display-options.xml | grep -q 'specified-fonts\">true'"
cp tests/cases/img/pixel.png "$A/t/" && printf 'text, not a picture\n' > "$A/t/fake.png" && printf '![x](fake.png)\n' > "$A/t/fake.md"
expect "--cover: a text called .png is refused, naming the option" bash -c \
	"'$BIN' -q -t epub --cover '$A/t/fake.png' -o '$A/c.epub' seeds/000_41e35b5545bce590.txt 2>'$A/c.err'; test \$? = 3 && test ! -e '$A/c.epub' && grep -q -- '--cover: not image/png: the file holds text/plain' '$A/c.err'"
expect "an image that is not what its name says is refused" bash -c \
	"'$BIN' -q -t epub -o '$A/f.epub' '$A/t/fake.md' 2>'$A/f.err'; test \$? = 3 && grep -q \"image 'fake.png' refused: .*not image/png\" '$A/f.err'"
expect "fonts: a PNG is not a font (exit 3)" bash -c "'$BIN' -q -t epub --embed-font tests/cases/img/pixel.png -o '$A/png.epub' seeds/000_41e35b5545bce590.txt 2>/dev/null; test \$? = 3 && test ! -e '$A/png.epub'"
expect "a book leaves typography to the reader" bash -c "! grep -Eq 'line-height|max-width: 42em|p, li \\{' '$A/amiri.css'"
# --css: the publisher's stylesheet, linked after warraq's; one that sets
# direction is refused with its place (EPUB forbids it).
printf 'p { color: navy; }\n/* direction: rtl; is only a comment */\n' > "$A/ok.css"
printf 'p { color: navy;\n  direction: rtl; }\n' > "$A/bad.css"
W -t epub --css "$A/ok.css" -o "$E/css.epub" seeds/000_41e35b5545bce590.txt
expect "--css: embedded and linked after style.css" bash -c \
	"unzip -p '$E/css.epub' EPUB/text/ch001.xhtml | grep -A1 'href=\"../style.css\"' | grep -q 'href=\"../css/css1.css\"'"
expect "--css: no displayTransformability claimed for it" bash -c "! unzip -p '$E/css.epub' EPUB/content.opf | grep -q displayTransformability"
expect "--css with direction: refused at its line, exit 3, no book" bash -c \
	"'$BIN' -q -t epub --css '$A/bad.css' -o '$A/bad.epub' seeds/000_41e35b5545bce590.txt 2>'$A/bad.err'; test \$? = 3 && test ! -e '$A/bad.epub' && grep -q 'bad.css:2:3: --css: EPUB forbids .direction.' '$A/bad.err'"
W -t html --css "$A/ok.css" -o "$A/css.html" seeds/000_41e35b5545bce590.txt
expect "--css in html: a link after the style" bash -c "grep -A1 '</style>' '$A/css.html' | grep -q '<link rel=\"stylesheet\" href=\"$A/ok.css\">'"
# Honest book metadata: an anthology is titled neutrally and names its
# texts' authors as contributors; roles and file-as from front matter.
expect "metadata: an anthology's title is its own" test "$(opf "$B" 'string(//*[local-name()="title"])')" = "مجموعة نصوص"
expect "metadata: no text's author as the anthology's creator" test "$(opf "$B" 'concat(count(//*[local-name()="creator"]), " ", //*[local-name()="contributor"])')" = "0 lark"
expect "metadata: no text's keywords as the anthology's subjects" test "$(opf "$B" 'count(//*[local-name()="subject"])')" = 0
printf -- '---\ntitle: كتاب\nauthor:\n  - name: أحمد\n    role: aut\n    file-as: Ahmad\n  - name: Sara\n    role: trl\n---\n\nنص.\n' > "$A/t/roles.md"
W -t epub -o "$E/roles.epub" "$A/t/roles.md"
expect "metadata: creators with MARC roles and file-as" bash -c \
	"unzip -p '$E/roles.epub' EPUB/content.opf | tr -d '\n' | grep -q 'creator1\">أحمد</dc:creator>.*#creator1\" property=\"role\" scheme=\"marc:relators\">aut<.*#creator1\" property=\"file-as\">Ahmad<.*creator2\" dir=\"ltr\">Sara<.*#creator2\" property=\"role\" scheme=\"marc:relators\">trl<'"
# Reader-sized documents: 3.7 MB of OpenITI text in pieces under 300 KB,
# cut at headings; --split-level cuts at every heading of a level; the
# table of contents has --toc-depth levels (2 by default) and an NCX.
sed '/^#META#Header#End#/q' "$SHARED"/corpora/openiti/0279Baladhuri*.mARkdown > "$A/big.mARkdown"
for f in "$SHARED"/corpora/openiti/*.mARkdown "$SHARED"/corpora/openiti/*.mARkdown; do
	sed '1,/^#META#Header#End#/d' "$f" >> "$A/big.mARkdown"
	[ "$(stat -c %s "$A/big.mARkdown")" -gt 3700000 ] && break
done
W -t epub -o "$E/big.epub" "$A/big.mARkdown"
expect "split: no content document over 300 KB in a $(($(stat -c %s "$A/big.mARkdown") / 1000)) KB book" bash -c \
	"unzip -l '$E/big.epub' | awk '/EPUB\/text\/ch/ { n++; if (\$1 > 300000) big++ } END { exit !(n > 10 && big == 0) }'"
# Compression: large entries are deflated on every core, each alone, so
# the bytes are the same from run to run; level 4 unless -V says.
SOURCE_DATE_EPOCH=1700000000 W -t epub -o "$E/big1.epub" "$A/big.mARkdown"
SOURCE_DATE_EPOCH=1700000000 W -t epub -o "$E/big2.epub" "$A/big.mARkdown"
expect "compression: a large book, twice, the same bytes" cmp -s "$E/big1.epub" "$E/big2.epub"
expect "compression: the book reads back whole" unzip -tq "$E/big.epub"
expect "compression: mimetype stored, documents deflated" bash -c \
	"unzip -v '$E/big.epub' | awk '\$8 == \"mimetype\" && \$2 == \"Stored\" { m = 1 } \$8 ~ /^EPUB\/text\/ch/ && \$2 ~ /^Defl/ { d++ } END { exit !(m && d > 10) }'"
expect "compression: a PNG is stored, not deflated again" bash -c \
	"unzip -v '$E/local-image.epub' | awk '\$8 == \"EPUB/images/img1.png\" && \$2 == \"Stored\" { ok = 1 } END { exit !ok }'"
W -t epub -V epub-compression=0 -o "$E/stored.epub" seeds/003_174733ba05b43fc1.txt
expect "-V epub-compression=0: every entry stored" bash -c \
	"unzip -v '$E/stored.epub' | awk '\$8 ~ /^(EPUB|META-INF)\// && \$2 != \"Stored\" { bad++ } END { exit bad > 0 }'"
W -t epub -V epub-compression=9 -o "$E/l9.epub" "$A/big.mARkdown"
expect "-V epub-compression=9: smaller than the default" test "$(stat -c %s "$E/l9.epub")" -lt "$(stat -c %s "$E/big.epub")"
expect "-V epub-compression=x refused (exit 2)" bash -c \
	"'$BIN' -q -t epub -V epub-compression=x -o '$A/x.epub' seeds/000_41e35b5545bce590.txt 2>/dev/null; test \$? = 2 -a ! -e '$A/x.epub'"
W -t epub --split-level 2 --toc-depth 3 -o "$E/split2.epub" seeds/003_174733ba05b43fc1.txt
expect "split: --split-level 2, a document per level-2 heading" test "$(unzip -l "$E/split2.epub" | grep -c 'EPUB/text/ch001')" = 12
expect "split: nav points into the pieces" bash -c "unzip -p '$E/split2.epub' EPUB/nav.xhtml | grep -q 'href=\"text/ch001-2.xhtml#s1-deepseek\"'"
depth() { unzip -p "$1" EPUB/nav.xhtml | sed -n '/epub:type="toc"/,/<\/nav>/p' | awk '/<ol>/ { d++; if (d > m) m = d } /<\/ol>/ { d-- } END { print m }'; }
expect "toc: two levels by default" test "$(depth "$E/big.epub")" = 2
expect "toc: --toc-depth 3" test "$(depth "$E/split2.epub")" = 3
expect "ncx: beside the nav, in the spine" bash -c \
	"unzip -p '$E/big.epub' EPUB/content.opf | grep -q '<spine toc=\"ncx\"' && unzip -p '$E/big.epub' EPUB/toc.ncx | grep -q '<navPoint id=\"np1\" playOrder=\"1\">'"
expect "untitled text: no invented heading, named by aria-label" bash -c \
	"! unzip -p '$B' EPUB/text/ch001.xhtml | grep -q '<h1>استثمار' && unzip -p '$B' EPUB/text/ch001.xhtml | grep -q 'role=\"doc-chapter\" aria-label=\"استثمار'"
expect "--split-level 9 refused" bash -c "'$BIN' -q -t epub --split-level 9 -o '$A/x.epub' seeds/000_41e35b5545bce590.txt 2>/dev/null; test \$? = 2"

# Golden package and navigation documents of the seeds book.
unzip -p "$B" EPUB/content.opf > "$TMP/seeds.opf"
unzip -p "$B" EPUB/nav.xhtml > "$TMP/seeds.nav.xhtml"
golden epub opf seeds "$TMP/seeds.opf"
golden epub nav.xhtml seeds "$TMP/seeds.nav.xhtml"

if [ "$SAN" != 1 ]; then
	# A large stack: EPUBCheck checks reading order recursively, and the
	# OpenITI books have thousands of headings.
	if java -Xss256m -cp /usr/share/java/epubcheck.jar tests/tools/EpubCheckBatch.java \
		"$E"/*.epub > "$TMP/epubcheck.out" 2>&1; then
		pass=$((pass + $(grep -c '^OK ' "$TMP/epubcheck.out")))
	else
		grep -E '^(FAIL|ERROR|WARNING|FATAL)' "$TMP/epubcheck.out" | head -20
		pass=$((pass + $(grep -c '^OK ' "$TMP/epubcheck.out")))
		fail=$((fail + $(grep -c '^FAIL ' "$TMP/epubcheck.out") + 0))
		grep -q '^FAIL \|^OK ' "$TMP/epubcheck.out" || not_ok "epubcheck did not run" "$(tail -3 "$TMP/epubcheck.out")"
	fi
fi

# Every link inside each book names an id of the chapter it points into.
rm -rf "$TMP/ptr" && mkdir -p "$TMP/ptr"
for b in "$E"/*.epub; do
	unzip -q -o "$b" -d "$TMP/ptr/$(basename "$b" .epub)" 2> /dev/null
done
if out=$(tests/tools/pointers "$TMP"/ptr/*); then ok; else
	not_ok "epub pointers" "$(echo "$out" | head -3) ($(echo "$out" | wc -l) in all)"
fi
