-- Emails to learners, written in the transaction that issues the credential (an outbox): a crash never loses one,
-- and a delivery worker sends them, at least once, when SMTP is configured.
create table email_outbox (
    id               bigserial primary key,
    to_address       text        not null check (length(to_address) between 3 and 320),
    subject          text        not null check (length(subject) between 1 and 300),
    body_text        text        not null,
    credential_uuid  uuid,
    created_at       timestamptz not null default now(),
    next_attempt_at  timestamptz not null default now(),
    attempts         integer     not null default 0,
    last_error       text,
    sent_at          timestamptz
);
create index email_outbox_due on email_outbox (next_attempt_at) where sent_at is null;

-- A learner's link to claim and view a credential: only the SHA-256 of the token is kept.
create table claim_token (
    token_sha256     bytea primary key check (octet_length(token_sha256) = 32),
    credential_uuid  uuid        not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    claimed_at       timestamptz
);
