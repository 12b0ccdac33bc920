-- Mentions of members in forum posts, and how each member wants to hear of them: an e-mail per mention
-- (immediate, the default when a member has no row), one daily digest, or none.
create table forum_mention (
    post_id     uuid        not null references forum_post (id) on delete cascade,
    user_id     uuid        not null references app_user (id) on delete cascade,
    -- Set when an e-mail (immediate or digest) named the mention, or when the member wants none.
    notified_at timestamptz,
    primary key (post_id, user_id)
);
create index forum_mention_pending on forum_mention (user_id) where notified_at is null;

create table forum_notification_preference (
    user_id        uuid primary key references app_user (id) on delete cascade,
    mentions       text not null check (mentions in ('immediate', 'daily', 'off')),
    last_digest_at timestamptz
);
