# tests/parts/80-plugins.sh - sourced by tests/run; see its helpers.
# ---- the plugin host ------------------------------------------------------------
mkdir -p "$TMP/plugins" "$TMP/cwd"
for p in badabi nosym wrongname nullfield failing oldwriter; do
	cc $CFLAGS_T -shared -fPIC -o "$TMP/plugins/$p.so" tests/plugins/$p.c || not_ok "build $p"
done
cc $CFLAGS_T -shared -fPIC -o "$TMP/cwd/html.so" tests/plugins/evil.c
plug() { "$BIN" --plugin-dir "$TMP/plugins" -t "$1" -o "$TMP/plug.out" seeds/001_c22fc553b2c93000.txt 2>&1; }
expect "abi refused" bash -c "[ \"\$(\"$BIN\" --plugin-dir '$TMP/plugins' -t badabi seeds/001_c22fc553b2c93000.txt 2>&1)\" = '$TMP/plugins/badabi.so: not a warraq plugin (abi 99, this warraq needs 2)' ]"
plug nosym | grep -q 'not a warraq plugin (no warraq_plugin symbol)' && ok || not_ok "missing symbol refused"
plug wrongname | grep -q "plugin calls itself 'html' but its file is 'wrongname.so'" && ok || not_ok "name mismatch refused"
plug nullfield | grep -q 'a required field is NULL' && ok || not_ok "NULL field refused"
plug badabi >/dev/null; [ $? -ne 0 ] && ok || not_ok "refusal exits non-zero"
echo GOOD > "$TMP/plug.out"
plug failing >/dev/null
expect "failing writer leaves the old file" grep -qx GOOD "$TMP/plug.out"
expect "a writer older than struct wq_writer's 'variables' still loads, -V unchecked" bash -c \
	"'$BIN' --plugin-dir '$TMP/plugins' -t oldwriter -V any=1 -o - seeds/001_c22fc553b2c93000.txt | grep -qx old"
(cd "$TMP/cwd" && "$BIN" -t html "$ROOT/seeds/001_c22fc553b2c93000.txt" 2>/dev/null | head -c 4) > "$TMP/cwd.out"
expect "current directory never searched" bash -c "! grep -q EVIL '$TMP/cwd.out'"
(cd "$TMP/cwd" && WARRAQ_PLUGIN_PATH=":" "$BIN" -t html "$ROOT/seeds/001_c22fc553b2c93000.txt" 2>/dev/null | head -c 4) > "$TMP/cwd.out"
expect "empty path entries are not the current directory" bash -c "! grep -q EVIL '$TMP/cwd.out'"
"$BIN" --plugin-dir "$TMP/plugins" --list-formats > "$TMP/list.out" 2> "$TMP/list.err"
expect "list shows broken plugins as errors" grep -q 'badabi.so: not a warraq plugin' "$TMP/list.err"

# A plugin folder or file anyone may write to is not loaded: code from
# there would run as the user (issue 16); --allow-unsafe-plugins insists.
mkdir -p "$TMP/ww" && cp "$TMP/plugins/failing.so" "$TMP/ww/" && chmod 777 "$TMP/ww"
expect "a world-writable plugin folder is refused" bash -c \
	"'$BIN' --plugin-dir '$TMP/ww' --list-formats 2>&1 | grep -q 'a plugin folder anyone may write to is not searched'"
chmod 755 "$TMP/ww" && chmod 666 "$TMP/ww/failing.so"
expect "a world-writable plugin file is refused" bash -c \
	"'$BIN' --plugin-dir '$TMP/ww' -t failing -o '$TMP/ww.out' seeds/001_c22fc553b2c93000.txt 2>&1 | grep -q 'a plugin anyone may write to is not loaded'"
expect "--allow-unsafe-plugins loads it" bash -c \
	"! '$BIN' --allow-unsafe-plugins --plugin-dir '$TMP/ww' --list-formats 2>&1 | grep -q 'anyone may write'"
(cd "$TMP/cwd" && WARRAQ_PLUGIN_PATH=. "$BIN" -t html "$ROOT/seeds/001_c22fc553b2c93000.txt" 2> "$TMP/rel.err" | head -c 4) > "$TMP/cwd.out"
expect "WARRAQ_PLUGIN_PATH=. is refused, with a word" bash -c "! grep -q EVIL '$TMP/cwd.out' && grep -q 'a relative folder is not searched' '$TMP/rel.err'"
# plugins.index: a plugin without a reader is mapped only when it is used;
# an entry counts only while its file is unchanged, and an index anyone
# may write is not read.
PD=$(dirname "$BIN")/plugins
expect "plugins.index: built with the plugins, epub and tei writer-only" bash -c \
	"grep -q '^epub.so	[0-9]*	[0-9.]*	writer	epub3	epub$' '$PD/plugins.index' && grep -q '^markdown.so	.*	reader,writer	' '$PD/plugins.index'"
mapped() { LD_DEBUG=files "$BIN" "$@" -o "$TMP/idx.out" seeds/001_c22fc553b2c93000.txt 2>&1 | grep -c '/epub.so \[0\];  dynamically loaded'; }
expect "plugins.index: -t html does not map the epub writer" test "$(mapped -q -t html)" = 0
expect "plugins.index: -t md (an alias) does not map it" test "$(mapped -q -t md)" = 0
expect "plugins.index: -t epub maps it when it writes" test "$(mapped -q -t epub)" = 1
expect "plugins.index: -t epub3 (its alias, from the index) too" test "$(mapped -q -t epub3)" = 1
expect "plugins.index: -o book.epub finds it by extension" bash -c \
	"'$BIN' -q -o '$TMP/idx.epub' seeds/001_c22fc553b2c93000.txt && unzip -tq '$TMP/idx.epub'"
expect "plugins.index: --list-formats lists the deferred ones" bash -c "'$BIN' --list-formats | grep -q '^epub '"
rm -rf "$TMP/pidx" && mkdir -p "$TMP/pidx" && cp -p "$PD"/*.so "$TMP/pidx/"
"$BIN" --write-plugin-index "$TMP/pidx"
mappedin() { LD_DEBUG=files "$BIN" --plugin-dir "$TMP/pidx" -q -t html -o "$TMP/idx.out" seeds/001_c22fc553b2c93000.txt 2>&1 | grep -c "file=$TMP/pidx/epub.so \[0\];  dynamically loaded"; }
expect "plugins.index: written for any folder" test "$(mappedin)" = 0
touch "$TMP/pidx/epub.so"
expect "plugins.index: a changed plugin is loaded at start again" test "$(mappedin)" = 1
"$BIN" --write-plugin-index "$TMP/pidx" && chmod o+w "$TMP/pidx/plugins.index"
expect "plugins.index: one anyone may write is not read" test "$(mappedin)" = 1
expect "--write-plugin-index: an unwritable place, exit 4" bash -c \
	"'$BIN' --write-plugin-index /nonexistent 2>/dev/null; test \$? = 4"
