-- Claim links are no longer stored when a credential is issued (ADR 32): a token names its credential and expiry under
-- a MAC. What happens to a credential's links later is kept here, a row written only when it happens: the first claim,
-- and a revocation (an erasure of the learner's data), after which no link of that credential opens it.
-- claim_token keeps the random tokens made before this migration until they expire.
create table claim_state (
    credential_uuid uuid primary key,
    claimed_at      timestamptz,
    revoked_at      timestamptz
);
