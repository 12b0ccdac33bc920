-- Community facts as typed events (the transactional outbox): written in the transaction of the fact itself, and
-- delivered at least once to each subscriber that wants the type. Neither table is ever updated except a
-- delivery's bookkeeping columns; events are never deleted.
create table community_event (
    id           bigserial   primary key,
    type         text        not null check (type ~ '^[a-z]+(\.[a-z-]+)+$'),
    user_id      uuid        not null references app_user (id),
    group_slug   text,
    occurred_at  timestamptz not null,
    payload      jsonb       not null default '{}',
    recorded_at  timestamptz not null default now()
);
create index community_event_user on community_event (user_id, type, occurred_at);

create table community_event_delivery (
    event_id        bigint      not null references community_event (id),
    subscriber      text        not null check (length(subscriber) between 1 and 100),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    delivered_at    timestamptz,
    primary key (event_id, subscriber)
);
create index community_event_delivery_due on community_event_delivery (next_attempt_at) where delivered_at is null;
