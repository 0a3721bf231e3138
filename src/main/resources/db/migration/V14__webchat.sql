-- The site chat widget (channel type WEBCHAT): its visitors and what the widget shows them.

-- A visitor who wrote or left contacts. The visitor id is random, made by the server and
-- carried in the visitor's signed token; it is his client identity's external user id.
create table webchat_visitor (
    channel_id       bigint       not null references channel (id) on delete cascade,
    visitor_id       varchar(32)  not null,
    name             varchar(200),
    email            varchar(254),
    phone            varchar(40),
    -- Contacts left before his first message wait here until the client exists.
    contacts_pending boolean      not null default false,
    created_at       timestamptz  not null default now(),
    last_seen_at     timestamptz  not null default now(),
    primary key (channel_id, visitor_id)
);

-- The visitor's side of the chat: his messages and the replies the outbound queue handed
-- to the widget, numbered in the order they became visible. That number is the widget's
-- cursor: catching up after a reconnect asks for everything after the last one seen.
create table webchat_message (
    seq               bigint generated always as identity primary key,
    channel_id        bigint       not null references channel (id) on delete cascade,
    visitor_id        varchar(32)  not null,
    -- The inbox's message: a redelivered reply or a retried visitor message shows once.
    message_id        bigint       not null unique,
    from_visitor      boolean      not null,
    -- The widget's own id of a visitor message (its idempotency key).
    client_message_id varchar(64),
    body              text,
    file_names        text[],
    created_at        timestamptz  not null default now(),
    delivered_at      timestamptz,
    read_at           timestamptz
);
create index webchat_message_visitor_idx on webchat_message (channel_id, visitor_id, seq);
