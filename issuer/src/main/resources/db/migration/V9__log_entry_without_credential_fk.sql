-- A log entry is written by the same statement sequence, in the same transaction, as the credential (or status
-- change) it points at, and neither is ever deleted: the foreign key re-checked that invariant row by row and cost
-- the append about half its throughput (docs/performance.md). AppendToLogIT holds the invariant instead.
alter table log_entry drop constraint log_entry_credential_uuid_fkey;
