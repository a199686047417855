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

