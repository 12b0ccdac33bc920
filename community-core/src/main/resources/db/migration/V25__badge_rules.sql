-- Badge rules as data. A rule keeps every version it has had; a version under which anything was awarded is
-- locked (locked_at set, in the award's transaction) and is never changed again: an edit then adds a version.
create table badge_rule (
    id              uuid        primary key,
    organisation_id uuid        not null references organisation (id),
    current_version integer     not null,
    created_at      timestamptz not null default now()
);
create index badge_rule_organisation on badge_rule (organisation_id);

create table badge_rule_version (
    rule_id      uuid        not null references badge_rule (id),
    version      integer     not null check (version >= 1),
    name         text        not null check (length(name) between 1 and 200),
    trigger_type text        not null,
    badge_code   text        not null,
    definition   jsonb       not null,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    locked_at    timestamptz,
    primary key (rule_id, version)
);

-- One award per rule and learner, whatever the version: the row is claimed (insert ... on conflict do nothing)
-- before the credential is issued, so two deliveries at once award once.
create table badge_award (
    id              bigserial   primary key,
    rule_id         uuid        not null references badge_rule (id),
    rule_version    integer     not null,
    user_id         uuid        not null references app_user (id),
    credential_uuid uuid,
    notified        boolean     not null,
    awarded_at      timestamptz not null default now(),
    revoked_at      timestamptz,
    revoke_reason   text,
    constraint badge_award_once unique (rule_id, user_id),
    foreign key (rule_id, rule_version) references badge_rule_version (rule_id, version)
);

-- The events that satisfied the rule for an award: its evidence.
create table badge_fulfilment (
    award_id        bigint not null references badge_award (id),
    rule_id         uuid   not null,
    user_id         uuid   not null,
    source_event_id bigint not null references community_event (id),
    primary key (rule_id, user_id, source_event_id)
);
