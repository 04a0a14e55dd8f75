# shellcheck shell=bash
# Sourced by .ci/container-engine.sh and .ci/browser.sh: their one way of calling apt-get.
#
#   migratest_apt_get LOG ARGS...
#       Runs `apt-get -q -y ARGS` (non-interactive, C locale, keeping changed config files) and appends its output
#       to LOG (/dev/null is fine). Returns apt-get's status. While apt-get fails only because another apt or dpkg
#       holds one of its locks, it says who holds it and tries again, for at most MIGRATEST_APT_LOCK_WAIT seconds
#       (default 300) in all. On failure migratest_apt_error holds one line saying why.
#
# Why a loop around apt-get: DPkg::Lock::Timeout makes apt wait for the dpkg locks only. `apt-get update` fails at
# once (exit 100) when /var/lib/apt/lists/lock is held, and so does `apt-get install` when
# /var/cache/apt/archives/lock is: a CI machine whose own package job runs at boot lost exactly that race.
# Tested by .ci/apt-test.sh.

migratest_apt_error=""

_mapt_say() { printf '[apt] %s\n' "$*" >&2; }

# What apt said about the lock: its newest "Could not get lock X. It is held by process N (name)" (the only line
# naming the holder), else its other lock error ("Unable to lock directory X").
_mapt_lock_holder() {
	local lines
	lines="$(tr '\r' '\n' <"$1" | sed -e 's/^Waiting for cache lock: //' -e 's/^E: //' -e 's/\.\.\.$//')"
	{ grep 'Could not get lock' <<<"$lines" || grep -E 'Unable to lock|Unable to acquire the dpkg frontend lock' <<<"$lines"; } |
		tail -n 1
}

# The operation (update, install, ...): the first argument that is neither an option nor an option's value.
_mapt_operation() {
	while [ "$#" -gt 0 ]; do
		case "$1" in
			-o | -c | -t) shift 2 ;;
			-*) shift ;;
			*) printf '%s' "$1"; return ;;
		esac
	done
}

# shellcheck disable=SC2034 # migratest_apt_error is read by the scripts that source this one
migratest_apt_get() {
	local log="$1" bound="${MIGRATEST_APT_LOCK_WAIT:-300}" started=$SECONDS out rc holder left next_say=0
	shift
	migratest_apt_error=""
	out="$(mktemp "${TMPDIR:-/tmp}/migratest-apt.XXXXXX")" || {
		migratest_apt_error="cannot create a temporary file for apt-get's output"
		return 1
	}
	while :; do
		left=$((bound - (SECONDS - started)))
		[ "$left" -gt 0 ] || left=1
		# DPkg::Lock::Timeout covers the dpkg locks within one attempt, never beyond what is left of the bound.
		LC_ALL=C DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout="$left" \
			-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >"$out" 2>&1 </dev/null
		rc=$?
		cat "$out" >>"$log" 2>/dev/null
		[ "$rc" -ne 0 ] || break
		# Only a lock another process holds is worth waiting for: not ordinary "E:" lines, and not a lock file that
		# cannot be opened at all (no permission, a read-only file system), which apt also reports as "Unable to lock".
		if ! grep -qE '^E: (Could not get lock|Unable to lock|Unable to acquire the dpkg frontend lock)' "$out" ||
			grep -qE '^E: Could not open lock file|Permission denied|Read-only file system' "$out"; then
			# apt's first two errors: the cause, then what it could not do because of it
			migratest_apt_error="apt-get $(_mapt_operation "$@") failed (exit $rc): $(grep '^E: ' "$out" | head -n 2 | paste -sd ' ')"
			break
		fi
		holder="$(_mapt_lock_holder "$out")"
		if [ $((SECONDS - started)) -ge "$bound" ]; then
			migratest_apt_error="apt-get $(_mapt_operation "$@"): gave up after waiting $bound s (MIGRATEST_APT_LOCK_WAIT) for a lock: $holder"
			break
		fi
		# One line when the wait starts, then one every 30 s: enough to see it is waiting, and on what.
		if [ $((SECONDS - started)) -ge "$next_say" ]; then
			_mapt_say "apt-get $(_mapt_operation "$@"): waiting for another apt/dpkg ($holder), up to $bound s in all"
			next_say=$((SECONDS - started + 30))
		fi
		sleep 2
	done
	rm -f "$out"
	return "$rc"
}
