# tests/parts/64-openiti.sh - sourced by tests/run; see its helpers.
# ---- OpenITI mARkdown: the books' structure through TEI and EPUB -----------
# Counted from the source lines by tests/tools/openiti_counts.py (regular
# expressions, not warraq's reader): headings by kind, paragraphs, riwayat,
# page markers, milestones, verse lines and hemistichs equal the TEI
# elements made of them, the words equal the edition's once the tags are
# out, and the EPUB's page-list has an entry per page marker. Validity:
# tests/parts/60-epub.sh and 61-tei.sh take every corpus file.
d=$TMP/openiti && mkdir -p "$d"
for f in "$SHARED"/corpora/openiti/*.mARkdown tests/cases/*.mARkdown; do
	s=$(stem "$f")
	if W -t tei -o "$d/$s.xml" "$f" 2>/dev/null && W -t epub -o "$d/$s.epub" "$f" 2>/dev/null &&
		bad=$(tests/tools/openiti_counts.py "$f" "$d/$s.xml" "$d/$s.epub" 2>/dev/null); then
		ok
	else
		not_ok "openiti structure $s" "$(echo "$bad" | head -3 | tr '\n' ' ')"
	fi
done
c=tests/cases/openiti.mARkdown
x=$d/openiti.xml
expect "openiti: typed divisions" grep -q '<div xml:id="[^"]*" type="biography" subtype="woman">' "$x"
expect "openiti: riwaya isnad/matn/hukm" grep -q '<ab type="riwaya"><seg type="isnad">.*<seg type="matn">.*<seg type="hukm">' "$x"
expect "openiti: a volume's first page" grep -q '<milestone unit="volume" n="02"/><pb n="001" edRef="#t1.source" xml:id="t1.pb.V02P001"/>' "$x"
expect "openiti: the page a marker ends begins before it" bash -c \
	"grep -o '<pb n=\"[0-9]*\"' '$x' | tr -d '\n' | grep -qx '<pb n=\"001\"<pb n=\"002\"<pb n=\"003\"<pb n=\"004\"<pb n=\"001\"'"
expect "openiti: verse with caesura" grep -q '<l>كل امرئ مصبح في أهله<caesura/>والموت' "$x"
expect "openiti: tags are never English" bash -c "! grep -q 'xml:lang=\"en\">\\(YB\\|Page\\|ms[0-9]\\)' '$x'"
# The first line decides, whatever the file is called.
cp "$c" "$d/named.md"
expect "openiti: found by its magic line in a .md file" bash -c "'$BIN' -q -t tei -o - '$d/named.md' | grep -q '<pb '"
expect "openiti: -f openiti" bash -c "'$BIN' -q -f openiti -t tei -o - '$c' | grep -q '<lg>'"
expect "openiti: an unknown tag kept and counted once" bash -c \
	"'$BIN' -t tei -o '$d/w.xml' '$c' 2>&1 | grep -qx '$c:26:31: warning: 1 mARkdown tag warraq does not read kept as text' && grep -q '>@YB11<' '$d/w.xml'"
h=$d/openiti.html
W -t html -o "$h" "$c"
expect "openiti: page breaks named in Arabic digits" grep -q '<span role="doc-pagebreak" id="s1-pV02P001" aria-label="١">' "$h"
expect "openiti: hemistichs side by side" grep -q '<p class="l"><span class="hemistich">كل امرئ' "$h"
unzip -p "$d/openiti.epub" EPUB/nav.xhtml > "$d/nav.xhtml"
expect "openiti: page-list names volume and page" grep -q '<a href="text/ch001.xhtml#s1-pV02P001">٢/١</a>' "$d/nav.xhtml"
