-- The anchor check looks entries up by what they commit to.
create index log_entry_data on log_entry (data_sha256);
