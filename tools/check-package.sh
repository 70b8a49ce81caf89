#!/usr/bin/env bash
# Builds the .deb with CPack and checks it the way a user gets it: validates the desktop file and the AppStream
# metainfo, installs the package with apt, runs the installed binaries from /usr/bin (CLI, sandbox server, an
# offscreen start of the GUI), checks the package's file list and dependencies, then removes the package (and
# anything apt pulled in for it) so the machine is left as it was found.
#
#   tools/check-package.sh [--build-dir DIR]
#
# Without --build-dir: a Release build without tests or benchmarks in build/package (configured on first use,
# reused after). With --build-dir: packages that already configured build (tools/run-tests.sh passes the build it
# has just built and tested, so the check takes well under a minute there). Runs as root, or through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
src="$PWD"

build="build/package"
reuse=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="${2:?--build-dir needs a folder}"; reuse=1; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-package: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$build" in /*) ;; *) build="$src/$build" ;; esac

step() { printf '\n== check-package: %s\n' "$*"; }
fail() { printf '\ncheck-package: FAILED: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; printf "\ncheck-package: FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || fail "needs root or sudo to install the package with apt-get"
  SUDO=(sudo)
fi
for tool in cmake cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli file curl; do
  command -v "$tool" >/dev/null || fail "'$tool' is missing (tools/install-deps-debian.sh installs it)"
done
if dpkg-query -W -f='${Status}' batchdesk 2>/dev/null | grep -q "install ok installed"; then
  fail "the batchdesk package is already installed; remove it first (apt-get remove batchdesk), this check" \
       "installs and removes its own"
fi

tmp="$(mktemp -d)"
started_pids=()
packages_before="$tmp/packages-before"
cleanup() {
  local rc=$?
  trap - ERR
  for pid in "${started_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -f "$packages_before" ]; then
    # Remove the package and exactly what apt installed along with it, nothing else (no autoremove).
    local added
    added="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" {print $2}' | sort \
             | comm -13 "$packages_before" - | tr '\n' ' ')"
    if [ -n "${added// /}" ]; then
      echo "check-package: removing $added"
      DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get remove -y -qq $added >/dev/null || rc=1
    fi
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT

start=$SECONDS
version="$(sed -n 's/^ *VERSION \([0-9][0-9.]*\)$/\1/p' CMakeLists.txt | head -n 1)"
[ -n "$version" ] || fail "no project VERSION found in CMakeLists.txt"
arch="$(dpkg --print-architecture)"

# 1. Build and package.
if [ "$reuse" -eq 1 ]; then
  [ -f "$build/CMakeCache.txt" ] || fail "--build-dir $build is not a configured CMake build"
  step "building $build (reused)"
else
  step "building $build (Release, no tests, no benchmarks)"
  generator=()
  [ -f "$build/CMakeCache.txt" ] || generator=(-G Ninja)
  cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DBATCHDESK_BUILD_TESTS=OFF \
    -DBATCHDESK_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"${BATCHDESK_JOBS:-2}" >"$tmp/build.log" 2>&1 || { tail -n 40 "$tmp/build.log"; fail "build failed"; }

step "cpack -G DEB"
deb="$build/batchdesk_${version}_${arch}.deb"
rm -f "$deb"
(cd "$build" && cpack -G DEB >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; fail "cpack -G DEB failed"; }
[ -f "$deb" ] || { cat "$tmp/cpack.log"; fail "cpack did not produce $deb"; }
dpkg-deb -f "$deb"

# 2. The package's metadata: what it depends on (dpkg-shlibdeps plus the run-time plugins) and where files go.
step "package metadata and contents"
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6charts6 \
           libqt6keychain1 libsimdjson libqt6svg6 libqt6sql6-sqlite libsecret-1-0; do
  sed 's/, /\n/g' <<<"$depends" | grep -q -- "^${dep}" || fail "Depends lacks $dep: $depends"
done
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$tmp/contents"
expected=(
  /usr/bin/batchdesk /usr/bin/batchdesk-cli /usr/bin/batchdesk-sandbox
  /usr/share/applications/io.github.batchdesk.Batchdesk.desktop
  /usr/share/metainfo/io.github.batchdesk.Batchdesk.metainfo.xml
  /usr/share/mime/packages/batchdesk-jsonl.xml
  /usr/share/icons/hicolor/scalable/apps/batchdesk.svg
)
for size in 16 32 48 64 128 256; do expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/batchdesk.png"); done
for path in "${expected[@]}"; do
  grep -qx "$path" "$tmp/contents" || fail "the .deb lacks $path"
done
if grep -Ev '^/usr/(bin|share)(/|$)|^/$|^/usr/$' "$tmp/contents" | grep -q .; then
  fail "the .deb installs outside /usr/bin and /usr/share: $(grep -Ev '^/usr/(bin|share)(/|$)|^/$|^/usr/$' "$tmp/contents" | tr '\n' ' ')"
fi

# 3. Desktop integration files (the sources; the .deb carries the same bytes, checked by install below).
step "desktop-file-validate, appstreamcli validate"
desktop-file-validate packaging/linux/io.github.batchdesk.Batchdesk.desktop
appstreamcli validate --no-net --explain packaging/linux/io.github.batchdesk.Batchdesk.metainfo.xml

# 4. Install with apt (pulls in missing dependencies, not the recommended extras; remembers what was there so the
#    cleanup removes exactly what it added).
step "apt-get install $deb"
dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" {print $2}' | sort >"$packages_before"
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$deb" >"$tmp/apt.log" 2>&1 \
  || { cat "$tmp/apt.log"; fail "apt-get install of the .deb failed"; }
dpkg -L batchdesk >"$tmp/installed"
for path in "${expected[@]}"; do
  grep -qx "$path" "$tmp/installed" || fail "dpkg -L batchdesk lacks $path"
  [ -e "$path" ] || fail "$path is listed but not on disk"
done
cmp -s packaging/linux/io.github.batchdesk.Batchdesk.desktop /usr/share/applications/io.github.batchdesk.Batchdesk.desktop \
  || fail "the installed desktop file differs from packaging/linux"
for bin in batchdesk batchdesk-cli batchdesk-sandbox; do
  file -b "/usr/bin/$bin" | grep -q 'ELF.*stripped' || fail "/usr/bin/$bin is not a stripped ELF: $(file -b "/usr/bin/$bin")"
  file -b "/usr/bin/$bin" | grep -q 'not stripped' && fail "/usr/bin/$bin is not stripped"
  if ldd "/usr/bin/$bin" | grep -q 'not found'; then fail "/usr/bin/$bin: $(ldd "/usr/bin/$bin" | grep 'not found')"; fi
done

# Everything below runs with its own config, data and runtime folders: nothing lands in the caller's home.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/share" XDG_CACHE_HOME="$tmp/cache" \
       XDG_RUNTIME_DIR="$tmp/runtime" BATCHDESK_DATA_DIR="$tmp/data"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR" "$BATCHDESK_DATA_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# 5. The CLI.
step "/usr/bin/batchdesk-cli"
out="$(/usr/bin/batchdesk-cli --version)"
echo "$out"
grep -q "$version" <<<"$out" || fail "batchdesk-cli --version does not print $version"
out="$(/usr/bin/batchdesk --version)"
echo "$out"
grep -q "$version" <<<"$out" || fail "batchdesk --version does not print $version"

cat >"$tmp/good.jsonl" <<'EOF'
{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m", "messages": [{"role": "user", "content": "Hello"}]}}
{"custom_id": "r2", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m", "messages": [{"role": "user", "content": "Bye"}]}}
EOF
cat >"$tmp/bad.jsonl" <<'EOF'
{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m", "messages": [{"role": "user", "content": "Hello"}]}}
{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m", "messages": []
EOF
/usr/bin/batchdesk-cli validate "$tmp/good.jsonl" || fail "batchdesk-cli validate rejected a valid file (exit $?)"
rc=0
/usr/bin/batchdesk-cli validate "$tmp/bad.jsonl" >"$tmp/bad.out" 2>&1 || rc=$?
cat "$tmp/bad.out"
[ "$rc" -eq 1 ] || fail "batchdesk-cli validate of an invalid file exited $rc, expected 1"

# 6. The sandbox server: start on a free port, ask for the models, stop with SIGTERM.
step "/usr/bin/batchdesk-sandbox"
/usr/bin/batchdesk-sandbox --help >/dev/null
/usr/bin/batchdesk-sandbox --port 0 --print-port --data-dir "$tmp/sandbox" --api-key check \
  >"$tmp/sandbox.out" 2>"$tmp/sandbox.err" &
sandbox=$!
started_pids+=("$sandbox")
for _ in $(seq 50); do [ -s "$tmp/sandbox.out" ] && break; sleep 0.1; done
port="$(head -n 1 "$tmp/sandbox.out")"
[ -n "$port" ] || { cat "$tmp/sandbox.err"; fail "batchdesk-sandbox printed no port"; }
models="$(curl -sf --max-time 5 -H 'Authorization: Bearer check' "http://127.0.0.1:$port/v1/models")" \
  || { cat "$tmp/sandbox.err"; fail "GET /v1/models on the sandbox failed"; }
echo "$models"
grep -q 'sandbox/echo' <<<"$models" || fail "the sandbox's /v1/models does not list sandbox/echo"
kill -TERM "$sandbox"
rc=0
wait "$sandbox" || rc=$?
cat "$tmp/sandbox.err"
[ "$rc" -eq 0 ] || fail "batchdesk-sandbox exited $rc on SIGTERM, expected 0"

# 7. The desktop app, offscreen: must come up, stay up ~3 s with its Qt plugins loaded, and end on SIGTERM.
step "/usr/bin/batchdesk (QT_QPA_PLATFORM=offscreen)"
QT_QPA_PLATFORM=offscreen /usr/bin/batchdesk >"$tmp/gui.log" 2>&1 &
gui=$!
started_pids+=("$gui")
sleep 3
kill -0 "$gui" 2>/dev/null || { cat "$tmp/gui.log"; fail "batchdesk exited within 3 s of starting"; }
# The plugins Debian's Qt loads from its own folder: the SVG icon engine (icons) and the SQLite driver (store).
maps="$(cat "/proc/$gui/maps")"
for plugin in platforms/libqoffscreen.so iconengines/libqsvgicon.so sqldrivers/libqsqlite.so; do
  grep -q "qt6/plugins/$plugin" <<<"$maps" || { cat "$tmp/gui.log"; fail "batchdesk did not load the Qt plugin $plugin"; }
done
kill -TERM "$gui"
rc=0
for _ in $(seq 50); do kill -0 "$gui" 2>/dev/null || break; sleep 0.1; done
kill -0 "$gui" 2>/dev/null && fail "batchdesk still runs 5 s after SIGTERM"
wait "$gui" || rc=$?
cat "$tmp/gui.log"
[ "$rc" -eq 0 ] || [ "$rc" -eq 143 ] || fail "batchdesk ended with exit $rc on SIGTERM (a crash?), expected 0 or 143"
if grep -Eiq 'cannot|could not|failed to|driver not loaded|segmentation|abort|fatal' "$tmp/gui.log"; then
  fail "batchdesk printed an error: $(grep -Ei 'cannot|could not|failed to|driver not loaded|segmentation|abort|fatal' "$tmp/gui.log" | head -n 3)"
fi

step "passed in $((SECONDS - start)) s; removing the package again"
