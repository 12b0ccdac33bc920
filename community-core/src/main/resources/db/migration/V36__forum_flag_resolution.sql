-- Moderators resolve flags from their queue: the post hidden, or the flags dismissed. The resolution stays on the
-- flag rows (who, when, how); the audit log records the same action in the same transaction.
alter table forum_flag
    add column resolved_at timestamptz,
    add column resolved_by uuid references app_user (id),
    add column outcome     text check (outcome in ('hidden', 'dismissed')),
    add constraint forum_flag_resolution check ((resolved_at is null) = (resolved_by is null)
        and (resolved_at is null) = (outcome is null));
create index forum_flag_open on forum_flag (post_id) where resolved_at is null;
