-- Forums: categories (general, or one working group's), threads, posts in Markdown with their sanitised HTML,
-- accepted answers, reactions and flags. Hidden threads and posts stay for moderators but leave pages and search.
create table forum_category (
    slug        text primary key check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    name        text not null check (length(name) between 1 and 200),
    description text not null default '' check (length(description) <= 2000),
    -- Null for a general category, moderated by platform admins only.
    group_slug  text references working_group (slug)
);
insert into forum_category (slug, name, description) values
    ('general', 'General discussion', 'Anything about the community of practice.'),
    ('help', 'Questions and help', 'Ask how to use the platform, its credentials and its groups.');
insert into forum_category (slug, name, description, group_slug)
    select slug, name, 'Discussion of the ' || name || ' working group.', slug from working_group;

create table forum_thread (
    id           uuid primary key,
    category     text        not null references forum_category (slug),
    title        text        not null check (length(title) between 1 and 200),
    author_id    uuid        not null references app_user (id),
    locked       boolean     not null default false,
    hidden       boolean     not null default false,
    created_at   timestamptz not null default now(),
    last_post_at timestamptz not null default now(),
    search       tsvector generated always as (to_tsvector('english'::regconfig, title)) stored
);
create index forum_thread_category on forum_thread (category, last_post_at desc);
create index forum_thread_search on forum_thread using gin (search);

create table forum_post (
    id         uuid primary key,
    thread_id  uuid        not null references forum_thread (id) on delete cascade,
    author_id  uuid        not null references app_user (id),
    source     text        not null check (length(source) between 1 and 20000),
    -- Written only from MarkdownRenderer's output: the one HTML that pages show unescaped.
    html       text        not null,
    hidden     boolean     not null default false,
    created_at timestamptz not null default now(),
    search     tsvector generated always as (to_tsvector('english'::regconfig, source)) stored
);
create index forum_post_thread on forum_post (thread_id, created_at);
create index forum_post_search on forum_post using gin (search);

-- One accepted answer per thread, a reply within it.
alter table forum_thread add column accepted_post_id uuid references forum_post (id);

create table forum_reaction (
    post_id    uuid        not null references forum_post (id) on delete cascade,
    user_id    uuid        not null references app_user (id) on delete cascade,
    kind       text        not null check (kind in ('like', 'thanks', 'insightful')),
    reacted_at timestamptz not null default now(),
    primary key (post_id, user_id, kind)
);

-- Anyone signed in may flag a post once; moderators read the flags and decide.
create table forum_flag (
    post_id    uuid        not null references forum_post (id) on delete cascade,
    user_id    uuid        not null references app_user (id) on delete cascade,
    reason     text        not null check (length(reason) between 1 and 500),
    flagged_at timestamptz not null default now(),
    primary key (post_id, user_id)
);
