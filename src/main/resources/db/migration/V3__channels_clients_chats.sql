-- Channels, clients and the inbox (conversations, messages, attachments).
create extension if not exists pg_trgm;

create table channel (
    id         bigint generated always as identity primary key,
    type       varchar(20)  not null check (type in ('TELEGRAM', 'VIBER', 'INSTAGRAM', 'FACEBOOK', 'WHATSAPP', 'EMAIL', 'WEBCHAT')),
    name       varchar(100) not null,
    enabled    boolean      not null default true,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);

-- Which managers may see which channel (administrators see all).
create table channel_access (
    channel_id bigint not null references channel (id) on delete cascade,
    user_id    bigint not null references staff_user (id) on delete cascade,
    primary key (user_id, channel_id)
);

-- A client as the inbox knows him (a lead until the card issue turns him into a buyer).
create table client (
    id         bigint generated always as identity primary key,
    name       varchar(200) not null,
    nickname   varchar(200),
    photo_url  varchar(1000),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);

-- The client's identity on one channel: the channel's own user id.
create table client_identity (
    id               bigint generated always as identity primary key,
    client_id        bigint       not null references client (id),
    channel_id       bigint       not null references channel (id),
    external_user_id varchar(200) not null,
    display_name     varchar(200),
    nickname         varchar(200),
    photo_url        varchar(1000),
    created_at       timestamptz  not null default now(),
    unique (channel_id, external_user_id)
);
create index client_identity_client_idx on client_identity (client_id);

create table conversation (
    id                   bigint generated always as identity primary key,
    channel_id           bigint       not null references channel (id),
    client_id            bigint       not null references client (id),
    -- One conversation per client identity on a channel.
    identity_id          bigint       not null unique references client_identity (id),
    state                varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    responsible_id       bigint references staff_user (id),
    -- Latest of (created, last client message): the list's order.
    sort_at              timestamptz  not null,
    last_message_at      timestamptz,
    last_message_preview varchar(200),
    last_message_kind    varchar(10),
    -- Client messages since the last manager reply (the badge); kept here, never counted per row.
    unread_count         integer      not null default 0,
    unanswered           boolean      not null default false,
    -- Copied from the client so the list and its search read one table.
    client_name          varchar(200) not null,
    client_nickname      varchar(200),
    client_photo_url     varchar(1000),
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);

-- Keyset paging on (sort_at, id), one index per filter shape.
create index conversation_all_idx on conversation (sort_at desc, id desc);
create index conversation_state_idx on conversation (state, sort_at desc, id desc);
create index conversation_responsible_idx on conversation (responsible_id, state, sort_at desc, id desc);
create index conversation_channel_idx on conversation (channel_id, state, sort_at desc, id desc);
create index conversation_unanswered_idx on conversation (state, sort_at desc, id desc) where unanswered;
-- "Contains" search on name and nickname.
create index conversation_search_idx on conversation
    using gin ((lower(client_name || ' ' || coalesce(client_nickname, ''))) gin_trgm_ops);
create index conversation_client_idx on conversation (client_id);

create table message (
    id               bigint generated always as identity primary key,
    conversation_id  bigint      not null references conversation (id),
    channel_id       bigint      not null references channel (id),
    kind             varchar(10) not null check (kind in ('CLIENT', 'MANAGER', 'SYSTEM', 'NOTE')),
    author_id        bigint references staff_user (id),
    body             text,
    -- System messages are stored as a code and arguments and rendered in the reader's language.
    system_code      varchar(50),
    system_args      text[],
    reply_to_id      bigint references message (id),
    -- The channel's own message id: the idempotency key of ingestion.
    external_id      varchar(200),
    delivery_status  varchar(10) check (delivery_status in ('PENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED')),
    failure_reason   varchar(500),
    edited           boolean     not null default false,
    created_at       timestamptz not null default now(),
    unique (channel_id, external_id)
);
create index message_history_idx on message (conversation_id, id desc);
create index message_reply_idx on message (reply_to_id) where reply_to_id is not null;

create table stored_file (
    id      bigint generated always as identity primary key,
    content bytea not null
);

create table attachment (
    id             bigint generated always as identity primary key,
    message_id     bigint       not null references message (id),
    kind           varchar(10)  not null check (kind in ('IMAGE', 'FILE')),
    file_name      varchar(255) not null,
    content_type   varchar(100) not null,
    size_bytes     bigint       not null,
    file_id        bigint       not null references stored_file (id),
    created_at     timestamptz  not null default now()
);
create index attachment_message_idx on attachment (message_id);
