-- Users, their roles in organisations, personal API tokens, and the append-only audit log.
-- A user with no membership is a learner. Passwords are Argon2id PHC strings; tokens are kept as SHA-256 only.
create table app_user (
    id             uuid primary key,
    email          text        not null check (length(email) between 3 and 320),
    display_name   text        not null check (length(display_name) between 1 and 200),
    password_hash  text        not null check (password_hash like '$argon2id$%'),
    platform_admin boolean     not null default false,
    disabled       boolean     not null default false,
    created_at     timestamptz not null default now()
);
-- e-mail addresses are compared case-insensitively
create unique index app_user_email_unique on app_user (lower(email));

create table membership (
    user_id         uuid not null references app_user (id) on delete cascade,
    organisation_id uuid not null references organisation (id) on delete cascade,
    role            text not null check (role in ('org_admin', 'officer', 'member', 'funder_viewer')),
    primary key (user_id, organisation_id)
);
create index membership_organisation on membership (organisation_id);

create table api_token (
    id           uuid primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    token_sha256 bytea       not null unique check (length(token_sha256) = 32),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);

-- No foreign keys: an event outlives whatever it names.
create table audit_event (
    id              bigserial primary key,
    at              timestamptz not null default now(),
    actor           text        not null,
    organisation_id uuid,
    action          text        not null,
    subject         text,
    outcome         text        not null check (outcome in ('success', 'failure', 'denied')),
    detail          jsonb       not null default '{}'
);
create index audit_event_organisation on audit_event (organisation_id, id);

-- Append-only in the database itself, whatever the application does.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
