# Source me: starts a throwaway PostgreSQL server on loopback for the tests and
# exports its connection string; `k0_stop_postgres` stops it and removes its data.
# Uses Debian's server binaries (apt-get install postgresql); never touches the
# system's own clusters.

k0_start_postgres() {
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "[postgres] no PostgreSQL server found (apt-get install postgresql)" >&2
    return 1
  fi
  K0_PG_MAJOR="$(basename "$(dirname "$bindir")")"
  K0_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/k0rdent-pg.XXXXXX")"
  K0_PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  local as_user=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: run it as the postgres system user.
    chown postgres "$K0_PG_DIR"
    as_user=(runuser -u postgres --)
  fi
  "${as_user[@]}" "$bindir/initdb" -D "$K0_PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$K0_PG_DIR/initdb.log" 2>&1 ||
    { cat "$K0_PG_DIR/initdb.log" >&2; return 1; }
  "${as_user[@]}" "$bindir/pg_ctl" -D "$K0_PG_DIR/data" -l "$K0_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $K0_PG_PORT -c unix_socket_directories=$K0_PG_DIR -c fsync=off -c max_connections=200" \
    start >/dev/null || { cat "$K0_PG_DIR/server.log" >&2; return 1; }
  K0_PG_CTL=("${as_user[@]}" "$bindir/pg_ctl")
  export K0_PG_URL="postgresql://postgres@127.0.0.1:$K0_PG_PORT"
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${K0_PG_MAJOR}_CONNECTION_STRING=$K0_PG_URL"
  # Tests that must not silently skip PostgreSQL read this.
  export K0RDENT_TEST_POSTGRES="POSTGRES_${K0_PG_MAJOR}"
  echo "[postgres] PostgreSQL $K0_PG_MAJOR on 127.0.0.1:$K0_PG_PORT" >&2
}

k0_stop_postgres() {
  if [ -n "${K0_PG_DIR:-}" ] && [ -d "$K0_PG_DIR/data" ]; then
    "${K0_PG_CTL[@]}" -D "$K0_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$K0_PG_DIR"
  fi
  K0_PG_DIR=
}
