#!/bin/bash
# One database and one user per subgraph, each granted only its own database; shop_test may
# create shop_test_* databases. Same as `pnpm infra:up` does natively.
set -euo pipefail
for domain in auth user product catalog order payment promotion delivery settlement return; do
  var="SHOP_DB_PASSWORD_${domain^^}"
  mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" <<SQL
create database if not exists \`shop_${domain}\` character set utf8mb4 collate utf8mb4_unicode_ci;
create user if not exists 'shop_${domain}'@'%' identified by '${!var}';
grant all privileges on \`shop_${domain}\`.* to 'shop_${domain}'@'%';
SQL
done
mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" <<SQL
create user if not exists 'shop_test'@'%' identified by '${SHOP_DB_PASSWORD_TEST}';
grant all privileges on \`shop\_test\_%\`.* to 'shop_test'@'%';
SQL
