# shellcheck shell=bash
# Sourced by .ci/run (bash). Makes Debian's Chromium and its matching chromedriver available to the browser tests
# (test class dev.migratest.browser.HeadlessChromium, which opens the HTML report headless), or says why those
# tests will be skipped. It never aborts the CI run: whatever happens it returns 0 (a failed install fails the browser
# tests under CI=true instead, see 3).
#
#   1. /usr/bin/chromium and /usr/bin/chromedriver are both there: nothing to install.
#   2. Otherwise, as root: apt-get install chromium chromium-driver (no recommends). The package lists are
#      refreshed only when they do not know the packages or the install fails on them (stale lists 404).
#      apt-get runs through .ci/apt.sh (it waits while another apt or dpkg holds a lock); its output goes to
#      target/ci/browser.log.
#   3. Both run afterwards, or CI=true whatever happened: export MIGRATEST_REQUIRE_BROWSER=true, so that a browser
#      test FAILS instead of skipping when it cannot start Chromium (a CI run that silently skipped them would prove
#      nothing). Otherwise: say why browser tests will be skipped. A value set by whoever runs this is left as is.
# Debian builds both packages from one source, so their versions match and nothing is downloaded at test time
# (Selenium is given the driver's path and never runs Selenium Manager).

_mbr_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=.ci/apt.sh
source "$_mbr_repo/.ci/apt.sh"
_mbr_chromium=/usr/bin/chromium
_mbr_driver=/usr/bin/chromedriver
_mbr_log="$_mbr_repo/target/ci/browser.log"
_mbr_why=""
# Where commands' output goes: the log once this run could empty it, else nowhere (an unwritable log, say in a
# checkout owned by another user, must not make the commands themselves fail, nor an older run's lines be shown).
_mbr_out=/dev/null

_mbr_say() { printf '[browser] %s\n' "$*" >&2; }

_mbr_fail() {
	_mbr_why="$*"
	return 1
}

_mbr_apt() {
	migratest_apt_get "$_mbr_out" "$@"
}

_mbr_install() {
	local pkgs=(chromium chromium-driver)
	[ "$(id -u)" = 0 ] || _mbr_fail "not root (uid $(id -u)): cannot apt-get install ${pkgs[*]}" || return 1
	command -v apt-get >/dev/null 2>&1 || _mbr_fail "apt-get not found; cannot install ${pkgs[*]}" || return 1
	_mbr_say "installing ${pkgs[*]} (apt-get, log in ${_mbr_log#"$_mbr_repo"/})..."
	# An `apt-get update` costs seconds to minutes: skip it while the lists know a candidate for both packages.
	if [ "$(apt-cache policy "${pkgs[@]}" 2>/dev/null | grep -c 'Candidate: [0-9]')" -lt 2 ]; then
		_mbr_apt update || _mbr_fail "$migratest_apt_error" || return 1
	fi
	if ! _mbr_apt install --no-install-recommends "${pkgs[@]}"; then
		# Lists older than the mirror name .deb files it no longer has: refresh once and retry.
		_mbr_apt update ||
			_mbr_fail "apt-get install ${pkgs[*]} failed, and apt-get update before a retry too: $migratest_apt_error" ||
			return 1
		_mbr_apt install --no-install-recommends "${pkgs[@]}" || _mbr_fail "$migratest_apt_error" || return 1
	fi
}

_mbr_log_tail() {
	if [ "$_mbr_out" = "$_mbr_log" ] && [ -s "$_mbr_log" ]; then
		_mbr_say "last lines of ${_mbr_log#"$_mbr_repo"/}:"
		tail -n 15 "$_mbr_log" | sed 's/^/[browser]   | /' >&2
	fi
}

_mbr_main() {
	local - started chromium_version driver_version
	set +e +u -o pipefail
	started=$SECONDS
	{ mkdir -p "$(dirname "$_mbr_log")" && : >"$_mbr_log"; } 2>/dev/null && _mbr_out="$_mbr_log"
	if [ ! -x "$_mbr_chromium" ] || [ ! -x "$_mbr_driver" ]; then
		_mbr_install
	fi
	if [ -z "$_mbr_why" ] && { [ ! -x "$_mbr_chromium" ] || [ ! -x "$_mbr_driver" ]; }; then
		_mbr_fail "$_mbr_chromium or $_mbr_driver still missing after apt-get install"
	fi
	# Present is not enough: a binary that cannot start (missing library, wrong architecture) must say so here.
	if [ -z "$_mbr_why" ]; then
		chromium_version="$("$_mbr_chromium" --version 2>>"$_mbr_out")" || _mbr_fail "$_mbr_chromium --version failed"
	fi
	if [ -z "$_mbr_why" ]; then
		driver_version="$("$_mbr_driver" --version 2>>"$_mbr_out")" || _mbr_fail "$_mbr_driver --version failed"
	fi
	# Under CI=true the browser tests must run whatever happened above: a failed install must fail them, not let
	# the run pass with them skipped.
	if [ -z "${MIGRATEST_REQUIRE_BROWSER:-}" ] && { [ -z "$_mbr_why" ] || [ "${CI:-}" = true ]; }; then
		export MIGRATEST_REQUIRE_BROWSER=true
	fi
	if [ -n "$_mbr_why" ]; then
		if [ "${MIGRATEST_REQUIRE_BROWSER:-}" = true ]; then
			_mbr_say "browser tests will FAIL (CI=${CI:-}, MIGRATEST_REQUIRE_BROWSER=true): $_mbr_why"
		else
			_mbr_say "browser tests will be SKIPPED: $_mbr_why"
		fi
		_mbr_log_tail
		return 0
	fi
	_mbr_say "using ${chromium_version%% built on*} and ${driver_version%% (*} (ready in $((SECONDS - started)) s);" \
		"MIGRATEST_REQUIRE_BROWSER=${MIGRATEST_REQUIRE_BROWSER:-}"
}

_mbr_main
