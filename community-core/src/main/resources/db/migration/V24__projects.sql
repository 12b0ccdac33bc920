-- Partnership projects of a working group: partners, members, an activity log and measurable outputs.
create table project (
    id          uuid primary key,
    group_slug  text        not null references working_group (slug),
    title       text        not null check (length(title) between 1 and 200),
    description text        not null default '' check (length(description) <= 4000),
    starts_on   date        not null,
    ends_on     date,
    status      text        not null check (status in ('planned', 'active', 'completed')),
    created_by  uuid        not null references app_user (id),
    created_at  timestamptz not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);
create index project_group on project (group_slug);

create table project_partner (
    project_id      uuid not null references project (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    primary key (project_id, organisation_id)
);

create table project_member (
    project_id uuid        not null references project (id) on delete cascade,
    user_id    uuid        not null references app_user (id) on delete cascade,
    added_at   timestamptz not null default now(),
    primary key (project_id, user_id)
);

create table project_activity (
    id          bigserial primary key,
    project_id  uuid        not null references project (id) on delete cascade,
    happened_on date        not null,
    description text        not null check (length(description) between 1 and 2000),
    recorded_by uuid        not null references app_user (id),
    recorded_at timestamptz not null default now()
);
create index project_activity_project on project_activity (project_id, happened_on);

create table project_output (
    id           bigserial primary key,
    project_id   uuid        not null references project (id) on delete cascade,
    reported_on  date        not null,
    indicator    text        not null check (length(indicator) between 1 and 200),
    value        numeric     not null,
    unit         text        not null check (length(unit) between 1 and 50),
    evidence_url text        check (evidence_url ~ '^https://' and length(evidence_url) <= 500),
    reported_by  uuid        not null references app_user (id),
    recorded_at  timestamptz not null default now()
);
create index project_output_project on project_output (project_id, reported_on);
