-- Each organisation's qualification catalogue. A qualification's URL (/organisations/<slug>/qualifications/<code>) is
-- the id of the Open Badges Achievement its awards carry, so code and organisation never change once created.
create table qualification (
    id                uuid primary key,
    organisation_id   uuid        not null references organisation (id),
    code              text        not null check (code ~ '^[A-Za-z0-9._-]{1,40}$'),
    title             text        not null check (length(title) between 1 and 200),
    description       text        not null check (length(description) between 1 and 4000),
    criteria          text        not null check (length(criteria) between 1 and 4000),
    achievement_type  text        not null,
    credits           integer     check (credits between 0 and 10000),
    validity_months   integer     check (validity_months between 1 and 1200),
    alignments        jsonb       not null default '[]',
    created_at        timestamptz not null default now(),
    unique (organisation_id, code)
);

-- Mutual recognition between frameworks: this code in one framework is recognised as that code in another.
create table framework_mapping (
    id              uuid primary key,
    from_framework  text        not null check (length(from_framework) between 1 and 200),
    from_code       text        not null check (length(from_code) between 1 and 100),
    to_framework    text        not null check (length(to_framework) between 1 and 200),
    to_code         text        not null check (length(to_code) between 1 and 100),
    relation        text        not null check (relation in ('equivalent', 'comparable', 'partial')),
    note            text        check (length(note) <= 2000),
    recorded_by     uuid        references organisation (id),
    created_at      timestamptz not null default now(),
    unique (from_framework, from_code, to_framework, to_code)
);
create index framework_mapping_to on framework_mapping (to_framework, to_code);
