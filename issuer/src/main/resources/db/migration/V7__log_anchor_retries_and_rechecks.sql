-- Anchoring robustness: retries back off exponentially, and confirmed anchors are checked again for a while in case a
-- reorganisation of the chain took them away.
--   failures         consecutive failed attempts (ledger unreachable, refused, transaction reverted); waiting for
--                    confirmations is no failure. Drives the backoff; reset by any step that succeeds.
--   next_attempt_at  no attempt on the open anchor before this time (null: at once). Kept here, not in memory, so that
--                    a restart neither forgets the backoff nor waits longer than it should.
--   confirmed_at     when the worker last saw this anchor with enough confirmations; anchors confirmed within
--                    dcop.anchor.recheck-window are looked up on the ledger again every round.
alter table log_anchor
    add column failures        integer not null default 0,
    add column next_attempt_at timestamptz,
    add column confirmed_at    timestamptz;

update log_anchor set confirmed_at = updated_at where status = 'confirmed';

create index log_anchor_recently_confirmed on log_anchor (confirmed_at) where status = 'confirmed';
