-- The anchoring outbox: which checkpoint is being anchored on the ledger, and where it landed. A row is written
-- before the transaction is sent, so a crash at any point is resumed by looking the size up on the ledger.
create table log_anchor (
    tree_size      bigint primary key references log_checkpoint (tree_size),
    root_hash      bytea       not null check (octet_length(root_hash) = 32),
    status         text        not null check (status in ('pending', 'sent', 'confirmed')),
    tx_hash        text,
    block_number   bigint,
    block_time     timestamptz,
    attempts       integer     not null default 0,
    last_error     text,
    updated_at     timestamptz not null default now()
);
create index log_anchor_open on log_anchor (tree_size) where status <> 'confirmed';
