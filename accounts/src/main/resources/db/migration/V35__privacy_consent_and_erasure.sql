-- Explicit consent to community e-mails (ADR 0027): one row per grant, withdrawal closes it, so the history of what a
-- member agreed to and when stays provable; no row means no consent. At most one open grant per purpose.
create table email_consent (
    id           bigserial   primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    purpose      text        not null check (purpose in ('mentions', 'digests', 'webinar-reminders')),
    granted_at   timestamptz not null default now(),
    withdrawn_at timestamptz,
    check (withdrawn_at is null or withdrawn_at >= granted_at)
);
create unique index email_consent_current on email_consent (user_id, purpose) where withdrawn_at is null;

-- When the member's personal data was erased; the row itself stays, anonymised, so that what others wrote in reply
-- to them and the audit log keep pointing at one (former) member.
alter table app_user add column erased_at timestamptz;
