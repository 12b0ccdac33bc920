-- What one entry of the log's index by data (log_entry.data_sha256, random SHA-256 values) costs to insert, as a
-- B-tree (before V42) and as a hash index (V42, ADR 35), against the same table without an index, in the same run.
-- Run against any PostgreSQL 14+ database where you may create a schema:
--
--   psql -X -q -h HOST -p PORT -U USER -d DB -f bench/sql/index-insert-cost.sql
--
-- Each variant inserts 300 chunks of 1,000 rows, one transaction per chunk (as bulk issuance commits), three rounds
-- in alternation; the figure is microseconds per row above the table without the index (median of the rounds).
\set ON_ERROR_STOP on
set client_min_messages = warning;
drop schema if exists bench_index_cost cascade;
create schema bench_index_cost;
set search_path = bench_index_cost;

create table digest_plain (d bytea);
create table digest_btree (d bytea);
create index on digest_btree (d);
create table digest_hash (d bytea);
create index on digest_hash using hash (d);
create table timing (variant text, round int, seconds float8);

create procedure fill(variant text, round int) language plpgsql as $$
declare
  started timestamptz := clock_timestamp();
begin
  for chunk in 1..300 loop
    execute format('insert into %I select sha256((random() || %L)::bytea) from generate_series(1, 1000)', variant,
        chunk);
    commit;
  end loop;
  insert into timing values (variant, round, extract(epoch from clock_timestamp() - started));
  commit;
end $$;

call fill('digest_plain', 1); call fill('digest_btree', 1); call fill('digest_hash', 1);
call fill('digest_plain', 2); call fill('digest_btree', 2); call fill('digest_hash', 2);
call fill('digest_plain', 3); call fill('digest_btree', 3); call fill('digest_hash', 3);

\pset footer off
select t.variant as index,
       round((percentile_cont(0.5) within group (order by (t.seconds - p.seconds) * 1e6 / 300000))::numeric, 2)
         as "µs per row above no index",
       string_agg(round(((t.seconds - p.seconds) * 1e6 / 300000)::numeric, 2)::text, ' ' order by t.round) as rounds
from timing t
join timing p on p.round = t.round and p.variant = 'digest_plain'
where t.variant <> 'digest_plain'
group by t.variant
order by t.variant;

reset search_path;
drop schema bench_index_cost cascade;
