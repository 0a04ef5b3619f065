#!/usr/bin/env bash
# Runs once, when the postgres image initialises an empty data volume (docker-entrypoint-initdb.d).
# Creates the portal's two roles and its database, mirroring what the embedded default does:
#   plusflat_owner  owns the database and the tables, runs the migrations;
#   plusflat_app    the portal's run-time role: owns nothing, no BYPASSRLS, so row-level security binds it.
# The migrator grants plusflat_app its table rights after each migration run.
set -eo pipefail

: "${PLUSFLAT_OWNER_PASSWORD:?set PLUSFLAT_OWNER_PASSWORD for the db service}"
: "${PLUSFLAT_APP_PASSWORD:?set PLUSFLAT_APP_PASSWORD for the db service}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner_password="$PLUSFLAT_OWNER_PASSWORD" -v app_password="$PLUSFLAT_APP_PASSWORD" <<'SQL'
CREATE ROLE plusflat_owner LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE plusflat_app LOGIN NOCREATEDB NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE plusflat OWNER plusflat_owner;
REVOKE ALL ON DATABASE plusflat FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE plusflat TO plusflat_app;
SQL
