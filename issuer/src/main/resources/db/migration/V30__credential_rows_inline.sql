-- A vc+jwt credential is 2-3 KB, just over the 2 KB at which PostgreSQL compresses a row and moves its largest value
-- into the TOAST table: storing one cost about twice the work of the row itself (a compression attempt, one or two
-- TOAST rows and their index entries; docs/performance.md, bulk issuance). Rows up to 4 KB now stay whole in the
-- table; larger ones (Data Integrity credentials with long subjects) are compressed and moved out as before.
alter table credential set (toast_tuple_target = 4080);
