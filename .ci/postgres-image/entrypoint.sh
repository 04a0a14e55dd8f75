#!/usr/bin/env bash
# Entrypoint of localhost/migratest-postgres:<version>, the image that .ci/container-engine.sh builds locally (no
# registry is reachable on CI machines). It stands in for the official `postgres` image, so it does what Testcontainers'
# PostgreSQLContainer relies on, the same way the official docker-entrypoint.sh does:
#   - POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust),
#     POSTGRES_DB (default: POSTGRES_USER), POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256);
#   - initdb runs as the unprivileged `postgres` OS user; local socket connections are trusted, TCP connections
#     from any host need the password;
#   - a first start runs a TEMPORARY server that listens on the unix socket only, creates POSTGRES_DB, runs
#     /docker-entrypoint-initdb.d/*.sh|*.sql, stops, and only then the real server starts with
#     listen_addresses='*'. So "database system is ready to accept connections" is logged twice, and the second
#     one means TCP clients can connect: PostgreSQLContainer waits for that line twice
#     (Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)). A restarted container
#     (data directory already initialised) logs it once, like the official image;
#   - `postgres -c fsync=off` (Testcontainers' command): a leading `postgres` is dropped, the rest goes to the
#     server; arguments starting with `-` are server arguments too; any other command is exec'd as given.
# The server binaries are zonky's build of the root pom's zonky.binaries.version in /usr/lib/postgresql/<major>, named
# by the image's PGBIN; psql is Debian's 15 client.
set -Eeuo pipefail

PGBIN="${PGBIN:?PGBIN (the server binaries directory) is set by the image}"
SOCKET_DIR=/var/run/postgresql
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"

log() { printf '%s\n' "$*" >&2; }

# Not the server: run whatever was asked for (e.g. `bash`, `psql ...`).
if [ "$#" -gt 0 ] && [ "${1:0:1}" != '-' ] && [ "$1" != postgres ]; then
	exec "$@"
fi
if [ "${1:-}" = postgres ]; then
	shift
fi
# From here on "$@" are the server's own arguments (e.g. -c fsync=off).

# `postgres --version`, `postgres --help`, ...: answer without initialising anything (as the official image does).
for arg; do
	case "$arg" in
		-'?' | --help | --describe-config | -V | --version) exec "$PGBIN/postgres" "$@" ;;
	esac
done

if [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA" "$SOCKET_DIR"
	chown postgres:postgres "$PGDATA" "$SOCKET_DIR"
	chmod 700 "$PGDATA"
	chmod 3777 "$SOCKET_DIR"
	export HOME=/var/lib/postgresql
	exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" postgres "$@"
fi

if [ -s "$PGDATA/PG_VERSION" ]; then
	log "PostgreSQL Database directory appears to contain a database; Skipping initialization"
	exec "$PGBIN/postgres" "$@"
fi

POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
POSTGRES_HOST_AUTH_METHOD="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
	log "Error: Database is uninitialized and superuser password is not specified."
	log "       Set POSTGRES_PASSWORD to a non-empty value, or POSTGRES_HOST_AUTH_METHOD=trust to allow all"
	log "       connections without a password (not recommended)."
	exit 1
fi

initdb_args=(--username="$POSTGRES_USER" --encoding=UTF8 --locale=C.UTF-8)
if [ "$POSTGRES_HOST_AUTH_METHOD" = md5 ]; then
	# md5 in pg_hba only accepts md5-hashed passwords, so store the password that way (as the official image does).
	initdb_args+=(-c password_encryption=md5)
fi
# POSTGRES_INITDB_ARGS is word-split on purpose, like the official image. The password goes through a pipe, never
# a file; <(...) must sit on initdb's own command line, since its descriptor only lives as long as that command.
# shellcheck disable=SC2086
if [ -n "${POSTGRES_PASSWORD:-}" ]; then
	"$PGBIN/initdb" -D "$PGDATA" "${initdb_args[@]}" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") ${POSTGRES_INITDB_ARGS:-}
else
	"$PGBIN/initdb" -D "$PGDATA" "${initdb_args[@]}" ${POSTGRES_INITDB_ARGS:-}
fi

# Like the official image's postgresql.conf.sample edit: the real server listens on every interface.
{
	echo
	echo "# added by docker-entrypoint.sh (migratest-postgres image)"
	echo "listen_addresses = '*'"
	echo "unix_socket_directories = '$SOCKET_DIR'"
} >>"$PGDATA/postgresql.conf"
# initdb leaves local (socket) and loopback connections on trust; any other host must give the password.
printf '\n%s\n' "host all all all $POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

# Temporary server: unix socket only, so no TCP client (nor Testcontainers' port check) gets in before setup is done.
# pg_ctl hands -o to a shell, hence %q.
temp_args=("$@" -c listen_addresses= -c unix_socket_directories="$SOCKET_DIR" -p "${PGPORT:-5432}")
"$PGBIN/pg_ctl" -D "$PGDATA" -w -t 60 -o "$(printf '%q ' "${temp_args[@]}")" start

psql_local=(psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password -h "$SOCKET_DIR" -p "${PGPORT:-5432}"
	--username "$POSTGRES_USER")
if [ "$POSTGRES_DB" != postgres ]; then
	exists="$("${psql_local[@]}" --dbname postgres -tA --set db="$POSTGRES_DB" \
		<<<"SELECT 1 FROM pg_database WHERE datname = :'db'")"
	if [ -z "$exists" ]; then
		"${psql_local[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
	fi
fi

if [ -d /docker-entrypoint-initdb.d ]; then
	shopt -s nullglob
	for f in /docker-entrypoint-initdb.d/*; do
		# shellcheck disable=SC1090 # sourcing the init scripts is the point
		case "$f" in
			*.sh) log "$0: running $f"; if [ -x "$f" ]; then "$f"; else . "$f"; fi ;;
			*.sql) log "$0: running $f"; "${psql_local[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
			*.sql.gz) log "$0: running $f"; gzip -dc "$f" | "${psql_local[@]}" --dbname "$POSTGRES_DB" ;;
			*) log "$0: ignoring $f" ;;
		esac
	done
	shopt -u nullglob
fi

"$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop
log
log "PostgreSQL init process complete; ready for start up."
log
exec "$PGBIN/postgres" "$@"
