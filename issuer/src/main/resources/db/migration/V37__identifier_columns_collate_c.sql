-- Identifiers compared as bytes. The database's default collation (C.UTF-8 from initdb here) is not one PostgreSQL
-- recognises as plain C, so every comparison in these indexes went through strcoll; issuing a credential inserts
-- into four of them. These columns hold ASCII identifiers (URNs, DIDs, list ids, idempotency keys): equality is the
-- same under both collations, and so is the order of ASCII text, so no query's answer changes.
alter table status_entry drop constraint status_entry_list_id_fkey;
alter table status_list alter column list_id type text collate "C";
alter table status_entry alter column list_id type text collate "C";
alter table idempotency_key alter column idempotency_key type text collate "C";
alter table credential alter column credential_id type text collate "C";
alter table credential alter column issuer type text collate "C";
alter table credential alter column subject type text collate "C";
-- The foreign key from each status entry to its list is not put back: checking it took a share lock on the list's
-- one row for every entry, and concurrent issuing transactions all lock that same row (shared by several
-- transactions, the lock becomes a multixact each has to join). Entries are only ever made by AllocateStatus in a
-- list it has just read as open, and lists are never deleted.
