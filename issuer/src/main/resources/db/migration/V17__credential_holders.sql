-- Which signed-in learner keeps which credential: set when they open their claim link while signed in. A learner
-- sees only the credentials linked to them.
create table credential_holder (
    credential_uuid uuid        primary key references credential (uuid),
    user_id         uuid        not null references app_user (id),
    claimed_at      timestamptz not null default now()
);
create index credential_holder_user on credential_holder (user_id, claimed_at);
