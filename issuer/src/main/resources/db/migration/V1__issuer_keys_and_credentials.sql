-- Signing keys of the issuers hosted here. Private keys are sealed (AES-GCM) under the key-encryption key
-- named by kek_fingerprint; the plaintext never reaches the database.
create table issuer_key (
    verification_method_id text primary key,
    issuer_did             text        not null,
    algorithm              text        not null check (algorithm in ('Ed25519', 'P-256')),
    public_jwk             text        not null,
    sealed_nonce           bytea       not null,
    sealed_private_key     bytea       not null,
    kek_fingerprint        text        not null,
    created_at             timestamptz not null default now()
);
-- One active key per issuer and algorithm; rotation will add a retired state later.
create unique index issuer_key_one_per_algorithm on issuer_key (issuer_did, algorithm);

create table credential (
    uuid            uuid primary key,
    credential_id   text        not null,
    issuer          text        not null,
    subject         text,
    types           text[]      not null,
    format          text        not null check (format in ('vc+jwt')),
    secured_form    text        not null,
    secured_sha256  bytea       not null check (octet_length(secured_sha256) = 32),
    issued_at       timestamptz not null
);
create unique index credential_id_unique on credential (credential_id);
create index credential_subject on credential (subject) where subject is not null;

-- Idempotency-Key of an issue request: the same key with the same request returns the same credential.
create table idempotency_key (
    idempotency_key text primary key,
    request_sha256  bytea       not null,
    credential_uuid uuid        not null references credential (uuid),
    created_at      timestamptz not null default now()
);
