-- The resource library: a resource's metadata, and its uploaded versions, each reviewed by the coordinators of the
-- resource's working group before members can download it. Files live in the ResourceStore under storage_key.
create table resource (
    id                  uuid primary key,
    title               text        not null check (length(title) between 1 and 200),
    description         text        not null default '' check (length(description) <= 5000),
    kind                text        not null check (kind in ('toolkit', 'framework', 'research-paper', 'template',
                                                            'case-study', 'training-module')),
    group_slug          text        not null references working_group (slug),
    tags                text[]      not null default '{}',
    licence             text        not null check (length(licence) between 1 and 100),
    author_organisation text        not null check (length(author_organisation) between 1 and 200),
    author_id           uuid        not null references app_user (id),
    created_at          timestamptz not null default now(),
    -- Set when a version is approved: published resources are the ones members see, search and download.
    published_version   int,
    -- Written by the insert from title, description and tags: array_to_string is not immutable, so this cannot be
    -- a generated column like the forums' search columns.
    search              tsvector    not null
);
create index resource_search on resource using gin (search);
create index resource_tags on resource using gin (tags);
create index resource_filters on resource (kind, group_slug, licence);

create table resource_version (
    resource_id  uuid        not null references resource (id) on delete cascade,
    version      int         not null check (version >= 1),
    storage_key  text        not null unique check (storage_key ~ '^[0-9a-f]{32}$'),
    file_name    text        not null check (length(file_name) between 1 and 200),
    media_type   text        not null,
    size_bytes   bigint      not null check (size_bytes > 0),
    sha256       text        not null,
    state        text        not null default 'draft'
                             check (state in ('draft', 'submitted', 'approved', 'rejected')),
    uploaded_by  uuid        not null references app_user (id),
    uploaded_at  timestamptz not null default now(),
    reviewed_by  uuid references app_user (id),
    reviewed_at  timestamptz,
    review_note  text check (length(review_note) <= 2000),
    downloads    bigint      not null default 0,
    primary key (resource_id, version)
);
create index resource_version_queue on resource_version (state) where state = 'submitted';
