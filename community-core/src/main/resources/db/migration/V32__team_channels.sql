-- Team channels (issue 9): messaging spaces of a working group, a project or a task force. Who is a member is not
-- stored for group and project channels: it is read live from group_member/group_coordinator and project_member,
-- so leaving a group or a project ends access at once. Task forces keep an explicit list managed by their admins.
-- Messages live in their own table, apart from forum_post, so the forum search can never reach them.
create table team_channel (
    id         uuid primary key,
    kind       text        not null check (kind in ('group', 'project', 'task-force')),
    name       text        not null check (length(name) between 1 and 100),
    private    boolean     not null default true,
    group_slug text references working_group (slug),
    -- For group channels: every member (and coordinator) of the group, or its coordinators only.
    audience   text        not null default 'members' check (audience in ('members', 'coordinators')),
    project_id uuid references project (id) on delete cascade,
    created_by uuid        not null references app_user (id),
    created_at timestamptz not null default now(),
    check ((kind = 'group') = (group_slug is not null)),
    check ((kind = 'project') = (project_id is not null)),
    check (kind = 'group' or audience = 'members')
);
create index team_channel_group on team_channel (group_slug) where group_slug is not null;
create index team_channel_project on team_channel (project_id) where project_id is not null;

create table team_channel_member (
    channel_id uuid        not null references team_channel (id) on delete cascade,
    user_id    uuid        not null references app_user (id) on delete cascade,
    admin      boolean     not null default false,
    added_at   timestamptz not null default now(),
    primary key (channel_id, user_id)
);
create index team_channel_member_user on team_channel_member (user_id);

create table team_channel_message (
    id         uuid primary key,
    channel_id uuid        not null references team_channel (id) on delete cascade,
    author_id  uuid        not null references app_user (id),
    source     text        not null check (length(source) between 1 and 20000),
    -- Written only from MarkdownRenderer's output, as forum_post.html is.
    html       text        not null,
    created_at timestamptz not null default now(),
    edited_at  timestamptz,
    search     tsvector generated always as (to_tsvector('english'::regconfig, source)) stored
);
create index team_channel_message_channel on team_channel_message (channel_id, created_at);
create index team_channel_message_search on team_channel_message using gin (search);
