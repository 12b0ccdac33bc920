-- Webinars and workshops of a working group: registration with a capacity and a first-come waiting list, reminders
-- and attendance. Times are instants; time_zone is the IANA zone the organiser scheduled in, used for display and
-- for the calendar feeds' TZID.
create table webinar (
    id            uuid primary key,
    group_slug    text        not null references working_group (slug),
    kind          text        not null check (kind in ('webinar', 'workshop')),
    title         text        not null check (length(title) between 1 and 200),
    description   text        not null default '' check (length(description) <= 4000),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    time_zone     text        not null check (length(time_zone) between 1 and 64),
    capacity      integer     not null check (capacity between 1 and 100000),
    join_url      text        check (join_url ~ '^https://' and length(join_url) <= 500),
    recording_url text        check (recording_url ~ '^https://' and length(recording_url) <= 500),
    created_by    uuid        not null references app_user (id),
    created_at    timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index webinar_group_start on webinar (group_slug, starts_at);
create index webinar_start on webinar (starts_at);

-- One row per person: registered (has a seat) or waiting; seq orders the waiting list, first come first served.
-- Registration and cancellation lock the webinar row, so seats are counted one request at a time.
create table webinar_registration (
    webinar_id    uuid        not null references webinar (id) on delete cascade,
    user_id       uuid        not null references app_user (id) on delete cascade,
    status        text        not null check (status in ('registered', 'waiting')),
    seq           bigserial   not null,
    registered_at timestamptz not null default now(),
    reminded_at   timestamptz,
    primary key (webinar_id, user_id)
);
create index webinar_registration_waiting on webinar_registration (webinar_id, seq) where status = 'waiting';

-- Attendance counts once per person and webinar (the primary key): a second check-in or a re-imported report
-- attends nobody twice, and so emits no second webinar.attended event.
create table webinar_attendance (
    webinar_id  uuid        not null references webinar (id) on delete cascade,
    user_id     uuid        not null references app_user (id) on delete cascade,
    minutes     integer     check (minutes >= 0),
    source      text        not null check (source in ('check-in', 'report')),
    recorded_by uuid        not null references app_user (id),
    recorded_at timestamptz not null default now(),
    primary key (webinar_id, user_id)
);
