# tests/parts/81-api.sh - sourced by tests/run; see its helpers.
# ---- C API tests -------------------------------------------------------------------
if cc $CFLAGS_T ${WQ_SANITIZED:+-fsanitize=address,undefined} tests/api/api_test.c -o "$TMP/api_test" \
	-L"$BUILD" -lwarraq -Wl,-rpath,"$BUILD"; then
	out=$(WQ_CPUS=$(nproc) "$TMP/api_test" "$BUILD/plugins")
	if command -v taskset > /dev/null; then
		expect "wq_cpus(): one CPU under taskset -c 0" bash -c \
			"WQ_CPUS=1 taskset -c 0 '$TMP/api_test' '$BUILD/plugins' | tail -1 | grep -q ' 0 failed'"
	fi
	echo "$out" | grep FAIL
	p=$(echo "$out" | tail -1 | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
	if [ -n "$p" ]; then pass=$((pass + ${p% *})); fail=$((fail + ${p#* })); else not_ok "api_test output"; fi
else
	not_ok "build api_test"
fi

# SHA-256 of the sources, both code paths, against coreutils: every
# padding boundary (55, 56, 63, 64, 119, 120 bytes) and a few large sizes.
mkdir -p "$TMP/sha"
for n in 0 1 3 55 56 63 64 65 119 120 128 1000 65536 1000003; do
	head -c $n /dev/urandom > "$TMP/sha/$n"
done
for v in fast portable; do
	def=; [ $v = portable ] && def=-DWQ_NO_SHANI
	if cc $CFLAGS_T -O2 -I"$ROOT/src" $def $(pkg-config --cflags icu-uc libxml-2.0) -o "$TMP/sha_$v" \
		tests/tools/sha256_check.c src/sha256.c -lpthread; then
		(cd "$TMP/sha" && "$TMP/sha_$v" *) > "$TMP/sha.$v"
		(cd "$TMP/sha" && sha256sum *) > "$TMP/sha.want"
		expect "sha256 ($v) equals sha256sum" cmp -s "$TMP/sha.$v" "$TMP/sha.want"
	else
		not_ok "build sha256_check ($v)"
	fi
done

