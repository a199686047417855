# tests/parts/61-tei.sh - sourced by tests/run; see its helpers.
# ---- TEI: jing once for all editions, lossless text, the header ---------
outputs
T=$TMP/tei
W -t tei -o "$T/seeds-corpus.xml" seeds/*
for f in "${CORPORA[@]}"; do
	s=$(cstem "$f")
	expect "tei corpus $s" W --lenient -t tei -o "$T/corpus-$s.xml" "$f"
	lang=$(echo "$s" | sed -n 's/.*\.\([a-z][a-z]\)$/\1/p')
	[ -n "$lang" ] && expect "tei corpus $s --lang" W --lang "$lang" -t tei -o "$T/corpus-$s.lang.xml" "$f"
done
SOURCE_DATE_EPOCH=1700000000 W -t tei -M publisher="وراق" -M rights="CC BY 4.0" \
	-M identifier=https://example.org/ed -o "$T/published.xml" seeds/001_c22fc553b2c93000.txt
SOURCE_DATE_EPOCH=1700000000 W -t tei -V tei-rendition=1 -V tei-spans=seg -o "$T/rendition.xml" seeds/004_5e8f5cad4fac8ce9.txt
SOURCE_DATE_EPOCH=1700000000 W -t tei -M license=https://creativecommons.org/licenses/by/4.0/ \
	-M encoder="هند الراوي" -M editor="Sara Ahmed" -M colour=blue -o "$T/licensed.xml" seeds/001_c22fc553b2c93000.txt
W -t tei -V tei-rendition=0 -o "$T/no-rendition.xml" seeds/004_5e8f5cad4fac8ce9.txt
if [ "$SAN" != 1 ]; then
	if command -v jing >/dev/null; then
		jing "$SHARED/schemas/tei_all.rng" "$T"/*.xml 2>&1 | grep -v '^\[warning\]' > "$TMP/jing.out"
		for x in "$T"/*.xml; do
			if grep -q "^$x:" "$TMP/jing.out"; then
				not_ok "jing $(basename "$x")" "$(grep "^$x:" "$TMP/jing.out" | head -2)"
			else
				ok
			fi
		done
	else
		not_ok "jing" "not installed (scripts/install-deps check)"
	fi
	# The Schematron rules tei_all embeds, which jing does not check: one
	# JVM for every edition.
	"$SHARED/tools/tei-schematron" "$T"/*.xml > "$TMP/schematron.out" 2>&1
	for x in "$T"/*.xml; do
		if grep -qxF "OK $x" "$TMP/schematron.out"; then
			ok
		else
			not_ok "schematron $(basename "$x")" "$(grep -F "$x" "$TMP/schematron.out" | head -1)$(grep -m1 -i 'saxon\|error' "$TMP/schematron.out")"
		fi
	done
fi
for f in seeds/*; do
	if out=$(tests/tools/lossless "$f" "$T/$(stem "$f").xml"); then ok; else not_ok "lossless $f" "$out"; fi
done
x="$T/003_174733ba05b43fc1.xml"
tx() { xmllint --xpath "$2" "$1" 2>/dev/null; }
expect "T1 TEI xml:lang" test "$(tx "$x" 'string(/*/@*[local-name()="lang"])')" = ar
expect "T1 corpus xml:lang" test "$(tx "$T/seeds-corpus.xml" 'string(/*[local-name()="teiCorpus"]/@*[local-name()="lang"])')" = ar
expect "corpus holds five TEI" test "$(tx "$T/seeds-corpus.xml" 'count(/*/*[local-name()="TEI"])')" = 5
expect "T2 langUsage ar first" test "$(tx "$x" 'string(//*[local-name()="language"][1]/@ident)')" = ar
expect "T2 langUsage en" test "$(tx "$x" 'count(//*[local-name()="language"][@ident="en"])')" = 1
expect "T2 usage adds up to 100" test "$(tx "$x" 'sum(//*[local-name()="language"]/@usage)')" = 100
expect "T7 title" test "$(tx "$x" 'string(//*[local-name()="titleStmt"]/*[local-name()="title"])')" = "ثورة DeepSeek مفتوحة المصدر: رؤى من قمة AI مغلقة الأبواب"
expect "T7 author" test "$(tx "$x" 'string(//*[local-name()="titleStmt"]/*[local-name()="author"])')" = lark
expect "T7 keywords" test "$(tx "$x" 'count(//*[local-name()="keywords"]/*[local-name()="term"])')" = 10
expect "T7 Latin keyword tagged" test "$(tx "$x" 'string(//*[local-name()="term"][.="Janus-Pro"]/@*[local-name()="lang"])')" = en
expect "T7 description" grep -q '<note type="description">تقوم DeepSeek' "$x"
expect "T7 image" grep -q '<ref type="image" target="https://opengraph-image.blockeden.xyz/' "$x"
expect "T7 sha256" grep -q "<idno type=\"sha256\">$(sha256sum seeds/003_174733ba05b43fc1.txt | cut -c1-64)</idno>" "$x"
expect "T7 date @when" grep -q '<date when="2025-01-31">2025-01-31</date>' "$T/002_0f9f8a5e9411e2c0.xml"
expect "T7 source" grep -q '<publisher xml:lang="en">FT Chinese</publisher>' "$T/001_c22fc553b2c93000.xml"
expect "T6 foreign" grep -q '<foreign xml:lang="en">DeepSeek</foreign>' "$x"
expect "T6 -V tei-spans=seg" grep -q '<seg xml:lang="en">' "$T/rendition.xml"
expect "T3 rendition" grep -q '<text rendition="#rtl">' "$T/rendition.xml"
expect "T6 no dir attribute" bash -c "! grep -q ' dir=' '$T'/*.xml"
expect "publisher, date, licence" bash -c "grep -q '<publisher>وراق</publisher>' '$T/published.xml' && grep -q '<date when=\"2023-11-14\">' '$T/published.xml' && grep -q '<licence>CC BY 4.0</licence>' '$T/published.xml'"
# The header an archive asks for (issue 14): who made the edition, when,
# under which licence; Hijri dates; supplied titles; citation.
l="$T/licensed.xml" h="$T/hijri.xml" c="$T/seeds-corpus.xml"
expect "header: warraq in respStmt" test "$(tx "$l" 'string(//*[local-name()="titleStmt"]/*[local-name()="respStmt"]/*[local-name()="name"][@type="software"])')" = "warraq $(sed -n 's/^#define WQ_VERSION "\(.*\)"/\1/p' include/warraq/warraq.h)"
expect "header: -M encoder a person in respStmt" test "$(tx "$l" 'string(//*[local-name()="respStmt"]/*[local-name()="persName"])')" = "هند الراوي"
expect "header: the encoder makes it available" test "$(tx "$l" 'string(//*[local-name()="publicationStmt"]/*[local-name()="authority"])')" = "هند الراوي"
expect "header: editionStmt" test "$(tx "$l" 'count(//*[local-name()="editionStmt"]/*[local-name()="edition"])')" = 1
expect "header: revisionDesc change @when" test "$(tx "$l" 'string(//*[local-name()="revisionDesc"]/*[local-name()="change"]/@when)')" = 2023-11-14
expect "header: licence @target" test "$(tx "$l" 'string(//*[local-name()="licence"]/@target)')" = https://creativecommons.org/licenses/by/4.0/
expect "header: -M editor in titleStmt" test "$(tx "$l" 'string(//*[local-name()="titleStmt"]/*[local-name()="editor"])')" = "Sara Ahmed"
expect "header: an unknown -M key kept" grep -q '<note type="metadata" n="colour" xml:lang="en">blue</note>' "$l"
expect "header: a supplied title says so" test "$(tx "$l" 'string(//*[local-name()="titleStmt"]/*[local-name()="title"]/@type)')" = supplied
expect "header: a given title does not" test "$(tx "$x" 'count(//*[local-name()="titleStmt"]/*[local-name()="title"]/@type)')" = 0
expect "header: a corpus is not titled after a text" test "$(tx "$c" 'string(/*/*[local-name()="teiHeader"]//*[local-name()="titleStmt"]/*[local-name()="title"])')" = "A corpus of 5 texts"
expect "header: Hijri calendarDesc" test "$(tx "$h" 'string(//*[local-name()="calendarDesc"]/*[local-name()="calendar"]/@*[local-name()="id"])')" = t1.hijri
expect "header: a Hijri date" test "$(tx "$h" 'concat(//*[local-name()="bibl"]/*[local-name()="date"]/@calendar, " ", //*[local-name()="bibl"]/*[local-name()="date"]/@when-custom, " ", //*[local-name()="bibl"]/*[local-name()="date"]/@notBefore)')" = "#t1.hijri 0279 0892-04-07"
expect "header: the source's editor in bibl" test "$(tx "$h" 'string(//*[local-name()="bibl"]/*[local-name()="editor"])')" = "محقق الكتاب"
expect "header: keywords once each, tags apart" test "$(tx "$h" 'concat(count(//*[local-name()="keywords"][@scheme="#t1.keywords"]/*), count(//*[local-name()="keywords"][@scheme="#t1.tags"]/*), count(//*[local-name()="taxonomy"]))')" = 212
expect "citation: structural ids" test "$(tx "$c" 'concat(/*/*[local-name()="TEI"][3]/@*[local-name()="id"], " ", (//*[local-name()="TEI"][3]//*[local-name()="div"])[1]/@*[local-name()="id"])')" = "t3 t3.d1"
expect "citation: refsDecl by division" test "$(tx "$c" 'string((//*[local-name()="TEI"][3]//*[local-name()="citeStructure"])[1]/@match)')" = "/teiCorpus/TEI[@xml:id='t3']/text/body/div"
expect "T3 right-to-left for TEI tools by default" grep -q '<text rendition="#rtl">' "$x"
expect "T3 an English block turns it back" grep -q '<p xml:lang="en" rendition="#ltr">' "$T/mixed-blocks.xml"
expect "T3 -V tei-rendition=0" bash -c "! grep -q 'rendition' '$T/no-rendition.xml'"
expect "nothing invented: no edition date without SOURCE_DATE_EPOCH" bash -c "! grep -q '<date when=\"20[0-9-]*\">20' '$T/001_c22fc553b2c93000.xml' || ! grep -q 'publicationStmt.*date' '$T/001_c22fc553b2c93000.xml'"

# Every pointer names an xml:id; nothing indents mixed content.
if out=$(tests/tools/pointers "$T"/*.xml); then ok; else
	not_ok "tei pointers and mixed content" "$(echo "$out" | head -3) ($(echo "$out" | wc -l) in all)"
fi
