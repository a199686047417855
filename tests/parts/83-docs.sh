# tests/parts/83-docs.sh - sourced by tests/run; see its helpers.
# ---- the commands the README and docs/ show, run exactly as written -------
# Each runs in a scratch folder laid out as the docs assume (seeds/, texts/,
# a page, a defaults file: docs/pipelines.md's own book.yaml), with
# build/warraq and ../shared where the README expects them, and `warraq`
# on PATH for the docs that call it so.
D=$TMP/docs
rm -rf "$D" && mkdir -p "$D/w/texts" "$D/w/images" "$D/w/fonts"
cp -r seeds "$D/w/seeds"
ln -s "$(dirname "$BIN")" "$D/w/build"
ln -s "$SHARED" "$D/shared"
printf -- '---\ntitle: الأول\n---\n\nنص أول فيه كلمة English واحدة.\n' > "$D/w/texts/01.md"
printf -- '---\ntitle: الثاني\n---\n\n![نقطة](dot.png)\n\nنص ثان.\n' > "$D/w/texts/02.md"
cp tests/cases/img/pixel.png "$D/w/texts/dot.png"
cp tests/cases/img/pixel.png "$D/w/images/cover.png"
cp /usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf "$D/w/fonts/"
printf 'نص من الإدخال القياسي.\n' > "$D/w/in.txt"
printf '<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>صفحة</title></head><body><p>نص.</p></body></html>\n' > "$D/w/page.html"
awk '/^```yaml/ { on = 1; next } /^```/ { on = 0 } on' docs/pipelines.md > "$D/w/book.yaml"
expect "docs: docs/pipelines.md shows a book.yaml" test -s "$D/w/book.yaml"
# README: the indented "build/warraq ..." lines of its quick start.
n=0
while IFS= read -r cmd; do
	n=$((n + 1))
	cmd=${cmd%%   #*}
	(cd "$D/w" && bash -c "$cmd" > "$D/out.$n" 2> "$D/err.$n")
	rc=$?
	# --check reports what it finds with exit 1.
	case "$cmd" in *--check*) [ $rc -le 1 ] && rc=0 ;; esac
	if [ $rc -eq 0 ]; then ok; else not_ok "README: $cmd" "exit $rc: $(head -2 "$D/err.$n")"; fi
done < <(sed -n 's/^    \(build\/warraq .*\)$/\1/p' README.md)
expect "docs: the README shows a dozen commands" test "$n" -ge 12
# docs/pipelines.md: "warraq -d book.yaml", and its Makefile, with warraq
# on PATH, in a fresh folder.
PATH=$(dirname "$BIN"):$PATH
cmd=$(sed -n 's/^    \(warraq -d .*\)$/\1/p' docs/pipelines.md)
rm -rf "$D/w/out"
expect "docs/pipelines.md: $cmd" bash -c "cd '$D/w' && $cmd && test -s out/book.epub"
rm -rf "$D/w/out" && awk '/^```make/ { on = 1; next } /^```/ { on = 0 } on' docs/pipelines.md > "$D/w/Makefile"
expect "docs/pipelines.md: its Makefile in a fresh folder" bash -c \
	"cd '$D/w' && make -s > /dev/null 2>&1 && test -s out/book.epub -a -s out/01.html -a -s out/02.html"
