-- Every pending log entry put a NULL into the unique index on leaf_index: one index insertion per issued credential,
-- made again when the sequencer gives the entry its index. A unique index over the integrated entries alone checks the
-- same thing, and every query on leaf_index either compares it (which implies not null) or asks for it by credential.
create unique index log_entry_leaf_index on log_entry (leaf_index) where leaf_index is not null;
alter table log_entry drop constraint log_entry_leaf_index_key;
