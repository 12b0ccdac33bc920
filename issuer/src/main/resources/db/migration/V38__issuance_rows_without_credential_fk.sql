-- A credential's status entries and idempotency key are written by one class (IssueInOneTransaction), in the
-- transaction that stores the credential, and credentials are never deleted: the foreign keys to credential could only
-- catch a bug there, and they were checked row by row, a lookup and a share lock on the credential just inserted, for
-- every credential issued (about a tenth of PostgreSQL's time in bulk issuance, docs/performance.md). The log entry's
-- went the same way in V9. Every status change still locks the credential row itself (StatusStore.lockCredential).
alter table status_entry drop constraint status_entry_credential_uuid_fkey;
alter table idempotency_key drop constraint idempotency_key_credential_uuid_fkey;
