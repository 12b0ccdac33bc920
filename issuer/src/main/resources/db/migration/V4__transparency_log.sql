-- The transparency log (RFC 9162 hashing). An entry is appended, pending, in the same transaction that stores what
-- it commits to; the sequencer later gives pending entries consecutive leaf indexes, in arrival order.
create table log_entry (
    entry_id        bigserial primary key,
    data_sha256     bytea       not null check (octet_length(data_sha256) = 32),
    kind            text        not null check (kind in ('credential')),
    credential_uuid uuid        references credential (uuid),
    leaf_index      bigint      unique,
    created_at      timestamptz not null default now()
);
create index log_entry_pending on log_entry (entry_id) where leaf_index is null;
create index log_entry_credential on log_entry (credential_uuid);

-- Every complete (perfect) subtree's hash: level 0 holds leaf hashes, level k the root of 2^k leaves starting at
-- index * 2^k. Any root or proof for any tree size is assembled from O(log n) of these.
create table log_node (
    level      smallint not null,
    node_index bigint   not null,
    hash       bytea    not null check (octet_length(hash) = 32),
    primary key (level, node_index)
);
create index log_node_leaf_hash on log_node (hash) where level = 0;

-- Signed checkpoints (C2SP signed-note format), one per integrated batch.
create table log_checkpoint (
    tree_size   bigint primary key,
    root_hash   bytea       not null check (octet_length(root_hash) = 32),
    signed_note text        not null,
    created_at  timestamptz not null default now()
);
