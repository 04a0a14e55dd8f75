#!/usr/bin/env bash
# Tests .ci/apt.sh against the real apt-get and a real lock, without touching this machine's package state: apt is
# pointed at package lists, cache and sources inside a temporary directory (no sources, so nothing is downloaded),
# and a perl process holds that directory's lists lock the way apt and dpkg hold theirs (fcntl F_SETLKW).
# Needs bash, apt-get and perl (Debian's perl-base is essential); no root. Exits non-zero when a check fails.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# shellcheck source=.ci/apt.sh
source .ci/apt.sh

sandbox="$(mktemp -d "${TMPDIR:-/tmp}/migratest-apt-test.XXXXXX")" || exit 1
holder_pid=""
failures=0
cleanup() {
	[ -z "$holder_pid" ] || kill "$holder_pid" 2>/dev/null
	rm -rf "$sandbox"
}
trap cleanup EXIT
mkdir -p "$sandbox/lists/partial" "$sandbox/cache/archives/partial" "$sandbox/sources.list.d"
lock="$sandbox/lists/lock"
apt_args=(-o "Dir::State::Lists=$sandbox/lists" -o "Dir::Cache=$sandbox/cache"
	-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$sandbox/sources.list.d")

check() { # NAME, then a command that must succeed
	local name="$1"
	shift
	if "$@"; then
		printf 'ok   %s\n' "$name"
	else
		printf 'FAIL %s\n' "$name"
		failures=$((failures + 1))
	fi
}
contains() { [[ "$1" == *"$2"* ]] || { printf '     expected to contain: %s\n     but was: %s\n' "$2" "$1"; return 1; }; }
lacks() { [[ "$1" != *"$2"* ]] || { printf '     expected not to contain: %s\n     but was: %s\n' "$2" "$1"; return 1; }; }
equals() { [ "$1" = "$2" ] || { printf '     expected: %s\n     but was: %s\n' "$2" "$1"; return 1; }; }

# Holds the lists lock for $1 seconds in the background; returns once the lock is really taken.
hold_lock() {
	local i
	rm -f "$sandbox/held"
	# struct flock on Linux x86_64/aarch64: short type, short whence, (pad), off_t start, off_t len, pid_t pid, (pad).
	perl -MFcntl -e '
		open(my $f, ">>", $ARGV[0]) or die "open $ARGV[0]: $!";
		fcntl($f, F_SETLKW, pack("s s x4 q q i x4", F_WRLCK, SEEK_SET, 0, 0, 0)) or die "lock: $!";
		open(my $ready, ">", $ARGV[1]) or die; close($ready);
		sleep $ARGV[2];' "$lock" "$sandbox/held" "$1" &
	holder_pid=$!
	for ((i = 0; i < 100; i++)); do
		[ -e "$sandbox/held" ] && return 0
		sleep 0.1
	done
	echo "the perl lock holder did not take $lock within 10 s" >&2
	exit 1
}

release_lock() {
	kill "$holder_pid" 2>/dev/null
	wait "$holder_pid" 2>/dev/null
	holder_pid=""
}

# 1. Why the helper exists: a held lists lock makes a plain `apt-get update` fail at once, DPkg::Lock::Timeout or not.
hold_lock 60
out="$(LC_ALL=C apt-get -q -y -o DPkg::Lock::Timeout=30 "${apt_args[@]}" update 2>&1)"
check "plain apt-get update fails with exit 100 while the lists lock is held" equals "$?" 100
check "... and says which lock" contains "$out" "Could not get lock $lock. It is held by process $holder_pid (perl)"
release_lock

# 2. The lock is released while the helper waits: it says who holds the lock, waits, and succeeds.
hold_lock 3
MIGRATEST_APT_LOCK_WAIT=60 migratest_apt_get "$sandbox/apt.log" "${apt_args[@]}" update 2>"$sandbox/said"
check "update succeeds once the other holder lets go" equals "$?" 0
check "... after saying what it waits for" contains "$(cat "$sandbox/said")" \
	"[apt] apt-get update: waiting for another apt/dpkg (Could not get lock $lock. It is held by process $holder_pid (perl)), up to 60 s in all"
check "... with no error left" equals "$migratest_apt_error" ""
check "... and the refused attempt in the log" contains "$(cat "$sandbox/apt.log")" "E: Could not get lock $lock"
release_lock

# 3. The lock outlives the bound: the helper gives up with the lock and its holder in one line.
hold_lock 600
MIGRATEST_APT_LOCK_WAIT=3 migratest_apt_get /dev/null "${apt_args[@]}" update 2>/dev/null
check "update fails with apt's status when the lock is held beyond the bound" equals "$?" 100
check "... and the reason names the bound, the lock and its holder" equals "$migratest_apt_error" \
	"apt-get update: gave up after waiting 3 s (MIGRATEST_APT_LOCK_WAIT) for a lock: Could not get lock $lock. It is held by process $holder_pid (perl)"
release_lock

# 4. Any other failure is not waited for.
MIGRATEST_APT_LOCK_WAIT=60 migratest_apt_get /dev/null "${apt_args[@]}" no-such-operation 2>"$sandbox/said"
check "another failure returns apt's status" equals "$?" 100
check "... at once, without waiting" lacks "$(cat "$sandbox/said")" "waiting"
check "... with apt's own error" equals "$migratest_apt_error" \
	"apt-get no-such-operation failed (exit 100): E: Invalid operation no-such-operation"

# 5. A lock file that cannot be opened at all is apt's "Unable to lock" too, but nobody will ever release it.
rm -f "$lock" && mkdir "$lock"
MIGRATEST_APT_LOCK_WAIT=60 migratest_apt_get /dev/null "${apt_args[@]}" update 2>"$sandbox/said"
check "an unopenable lock file fails the update" equals "$?" 100
check "... at once, without waiting" lacks "$(cat "$sandbox/said")" "waiting"
check "... naming the lock file" contains "$migratest_apt_error" "Could not open lock file $lock"
rmdir "$lock"

if [ "$failures" -ne 0 ]; then
	echo "$failures check(s) of .ci/apt.sh failed"
	exit 1
fi
echo "all checks of .ci/apt.sh passed"
