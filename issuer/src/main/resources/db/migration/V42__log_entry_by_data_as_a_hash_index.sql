-- Log entries are found by what they commit to only with "=", and SHA-256 values are random (ADR 35). A hash index
-- goes straight to one bucket, where a B-tree compared 32-byte keys from the root down on every insert, and it keeps a
-- 4-byte hash per entry instead of the whole key, so a random insert touches fewer pages.
drop index log_entry_data;
create index log_entry_data on log_entry using hash (data_sha256);
