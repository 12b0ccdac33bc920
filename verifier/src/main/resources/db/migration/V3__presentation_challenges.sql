-- Challenges handed out by POST /challenges. Each is accepted once, before it expires.
-- (Migration versions are global across modules: take the next free number.)
create table presentation_challenge (
    challenge  text primary key,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index presentation_challenge_expiry on presentation_challenge (expires_at);
