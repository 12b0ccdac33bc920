-- The impact tracker (ADR 0026): a results framework (impact -> outcome -> output results with indicators and
-- targets), organisation units in a tree, and data values kept as append-only versions.

-- National -> region or municipality -> college or hub. path is the ids from the root, '/'-separated and ending in
-- '/', so a subtree is "path like 'parent path%'" on one index.
create table impact_org_unit (
    id              uuid primary key,
    code            text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name            text not null check (length(name) between 1 and 200),
    level           text not null check (level in ('national', 'region', 'municipality', 'college', 'hub')),
    parent_id       uuid references impact_org_unit (id),
    path            text not null unique,
    organisation_id uuid references organisation (id),
    check ((level = 'national') = (parent_id is null))
);
create index impact_org_unit_path on impact_org_unit (path text_pattern_ops);
insert into impact_org_unit (id, code, name, level, parent_id, path)
values ('00000000-0000-0000-0000-0000000000a1', 'za', 'South Africa', 'national', null,
        '/00000000-0000-0000-0000-0000000000a1/');

-- Funders of a project: members of these organisations see the project's dashboards.
create table project_funder (
    project_id      uuid not null references project (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    primary key (project_id, organisation_id)
);

create table impact_framework (
    id         uuid primary key,
    title      text        not null check (length(title) between 1 and 200),
    project_id uuid references project (id) on delete cascade,
    created_by uuid        not null references app_user (id),
    created_at timestamptz not null default now()
);
create index impact_framework_project on impact_framework (project_id);

create table impact_result (
    id           uuid primary key,
    framework_id uuid not null references impact_framework (id) on delete cascade,
    parent_id    uuid references impact_result (id) on delete cascade,
    level        text not null check (level in ('impact', 'outcome', 'output')),
    title        text not null check (length(title) between 1 and 300)
);
create index impact_result_framework on impact_result (framework_id);

create table impact_indicator (
    id              uuid primary key,
    result_id       uuid    not null references impact_result (id) on delete cascade,
    code            text    not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name            text    not null check (length(name) between 1 and 300),
    measure         text    not null check (measure in ('unit', 'percentage')),
    unit            text    not null default '' check (length(unit) <= 50),
    ascending       boolean not null,
    aggregation     text    not null check (aggregation in ('sum', 'average', 'latest')),
    baseline_value  numeric,
    baseline_period text,
    auto_source     text check (auto_source ~ '^(webinar-attendance|credentials-issued|project-output:.{1,200})$'),
    -- percentages average, they never add up
    check (not (measure = 'percentage' and aggregation = 'sum')),
    check ((baseline_value is null) = (baseline_period is null))
);
create index impact_indicator_result on impact_indicator (result_id);
create index impact_indicator_auto on impact_indicator (auto_source) where auto_source is not null;

create table impact_target (
    indicator_id uuid    not null references impact_indicator (id) on delete cascade,
    period       text    not null,
    org_unit_id  uuid    not null references impact_org_unit (id),
    value        numeric not null,
    primary key (indicator_id, period, org_unit_id)
);

-- Data values, keyed as in DHIS2 (indicator, period, organisation unit, disaggregation category option). Never
-- updated: a correction is a new version of the key, and the current value is the highest version.
create table impact_value (
    id           bigserial primary key,
    indicator_id uuid        not null references impact_indicator (id) on delete cascade,
    period       text        not null,
    period_start date        not null,
    period_end   date        not null,
    org_unit_id  uuid        not null references impact_org_unit (id),
    category     text        not null check (category ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    version      int         not null check (version >= 1),
    value        numeric     not null,
    source       text        not null check (source in ('manual', 'import', 'project-output', 'webinar-attendance',
                                                        'credentials-issued')),
    -- an automatic value's origin (a community event, a recount), so a redelivered event counts once
    source_ref   text,
    entered_by   uuid references app_user (id),
    entered_at   timestamptz not null default now(),
    unique (indicator_id, period, org_unit_id, category, version),
    unique (indicator_id, source_ref)
);
create index impact_value_key on impact_value (indicator_id, period_start, org_unit_id);
