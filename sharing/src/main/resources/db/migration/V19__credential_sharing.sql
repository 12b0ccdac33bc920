-- What a learner chose to show of each credential they hold, and how often its page was viewed and it was
-- verified (counts only: nothing about who looked). No row: public, never viewed.
create table credential_sharing (
    credential_uuid uuid        primary key references credential (uuid),
    visibility      text        not null default 'public' check (visibility in ('public', 'exists-only', 'hidden')),
    views           bigint      not null default 0 check (views >= 0),
    verifications   bigint      not null default 0 check (verifications >= 0),
    updated_at      timestamptz not null default now()
);
