-- Bitstring Status Lists (W3C Bitstring Status List v1.0): one list per purpose and sequence number, published as
-- a signed BitstringStatusListCredential at /status/<purpose>-<seq>. The bits are not stored: each build reads the
-- set entries below, so status_entry is the one source of truth.
create table status_list (
    list_id        text primary key check (list_id ~ '^(revocation|suspension)-[1-9][0-9]{0,8}$'),
    purpose        text        not null check (purpose in ('revocation', 'suspension')),
    seq            integer     not null check (seq >= 1),
    size           integer     not null check (size >= 131072 and size % 8 = 0),
    full_since     timestamptz,
    -- bumped by every build, which happens in the transaction of every change: the ETag's source
    version        bigint      not null default 0,
    built_at       timestamptz,
    vc_jwt         text,
    di_json        text,
    created_at     timestamptz not null default now(),
    unique (purpose, seq)
);

-- One entry per credential and purpose, at a random index never reused within its list.
create table status_entry (
    list_id         text        not null references status_list (list_id),
    list_index      integer     not null check (list_index >= 0),
    credential_uuid uuid        not null references credential (uuid) deferrable initially deferred,
    purpose         text        not null check (purpose in ('revocation', 'suspension')),
    is_set          boolean     not null default false,
    changed_at      timestamptz,
    primary key (list_id, list_index),
    unique (credential_uuid, purpose)
);
create index status_entry_set on status_entry (list_id, list_index) where is_set;

-- Every status change: who, why, when, and the statement entered in the transparency log.
create table status_change (
    change_id       bigserial primary key,
    credential_uuid uuid        not null references credential (uuid),
    purpose         text        not null check (purpose in ('revocation', 'suspension')),
    action          text        not null check (action in ('revoke', 'suspend', 'reinstate')),
    actor           text        not null,
    reason          text        not null check (length(reason) between 1 and 1000),
    statement       text        not null,
    changed_at      timestamptz not null
);
create index status_change_credential on status_change (credential_uuid, changed_at);

-- Status changes are log entries too, so "when was this revoked" is anchored like issuance.
alter table log_entry drop constraint log_entry_kind_check;
alter table log_entry add constraint log_entry_kind_check check (kind in ('credential', 'status'));
alter table log_entry add column status_change_id bigint references status_change (change_id);
