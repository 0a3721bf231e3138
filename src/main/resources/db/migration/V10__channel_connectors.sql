-- Channel connectors: connection settings, encrypted secrets, inbound events, the durable
-- outbound queue, runtime state (polling, errors) and locally stored client photos.

-- The key in the webhook URL (/webhooks/{type}/{key}): unguessable, not a secret by itself.
alter table channel
    add column channel_key varchar(40),
    -- How the channel is connected: WEBHOOK, POLLING, DEMO (no provider: demo data), or null (not connected).
    add column mode        varchar(10) check (mode in ('WEBHOOK', 'POLLING', 'DEMO')),
    -- AES-GCM encrypted JSON of the provider secrets (bot token, webhook secret); never plain text.
    add column secrets     bytea,
    -- Plain settings (welcome text, ...), JSON.
    add column settings    text;
update channel set channel_key = substr(md5(random()::text || id::text || clock_timestamp()::text), 1, 32);
alter table channel alter column channel_key set not null;
alter table channel add constraint channel_key_unique unique (channel_key);

-- Everything a provider sent us, stored before it is acknowledged. Processed right away; a
-- failure leaves it PENDING for the retry worker; an unparseable one is kept as FAILED.
create table inbound_event (
    id              bigint generated always as identity primary key,
    channel_id      bigint       not null references channel (id) on delete cascade,
    -- The provider's event id (Telegram update_id, Viber event + message_token): a redelivery is stored once.
    event_key       varchar(200),
    body            bytea        not null,
    status          varchar(10)  not null check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    error           varchar(2000),
    received_at     timestamptz  not null default now(),
    processed_at    timestamptz,
    unique (channel_id, event_key)
);
create index inbound_event_pending_idx on inbound_event (next_attempt_at) where status = 'PENDING';
create index inbound_event_failed_idx on inbound_event (channel_id, id desc) where status = 'FAILED';
create index inbound_event_done_idx on inbound_event (received_at) where status = 'DONE';

-- The durable outbound queue: one row per manager message to send, worked with
-- FOR UPDATE SKIP LOCKED; a claimed row carries a lease so a dead worker's row is picked up again.
create table outbound_message (
    id              bigint generated always as identity primary key,
    message_id      bigint       not null unique,
    channel_id      bigint       not null references channel (id) on delete cascade,
    -- Rows of one conversation are sent in order.
    conversation_id bigint       not null,
    status          varchar(10)  not null check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    lease_until     timestamptz,
    lease_token     uuid,
    -- Parts (text, files) already accepted by the provider: a retry never sends them again.
    parts_sent      integer      not null default 0,
    external_id     varchar(200),
    last_error      varchar(1000),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
create index outbound_message_due_idx on outbound_message (next_attempt_at) where status in ('QUEUED', 'SENDING');
create index outbound_message_conversation_idx on outbound_message (conversation_id, id)
    where status in ('QUEUED', 'SENDING');

-- What the connectors know about a channel at run time.
create table channel_state (
    channel_id            bigint primary key references channel (id) on delete cascade,
    -- Telegram getUpdates: the next update_id to ask for.
    poll_offset           bigint,
    last_poll_at          timestamptz,
    last_error            varchar(2000),
    last_error_at         timestamptz,
    -- A provider's rate limit for the whole channel (Telegram 429 retry_after).
    throttled_until       timestamptz,
    webhook_url           varchar(1000),
    webhook_registered_at timestamptz
);

-- Files the connectors store themselves: client photos (never hot-linked) and outbound
-- media a provider fetches by URL (Viber), addressed by an unguessable token.
create table channel_media (
    id           bigint generated always as identity primary key,
    token        varchar(64)  not null unique,
    channel_id   bigint references channel (id) on delete cascade,
    purpose      varchar(10)  not null check (purpose in ('PHOTO', 'OUTBOUND')),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    content      bytea        not null,
    created_at   timestamptz  not null default now()
);
create index channel_media_outbound_idx on channel_media (created_at) where purpose = 'OUTBOUND';

-- When the connector last refreshed the client's name and photo from the provider.
alter table client_identity add column profile_refreshed_at timestamptz;
