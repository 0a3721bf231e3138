-- A client's message never waits for its media: the message is stored at once with a
-- placeholder attachment per file, and the files are downloaded in the background.

-- Chat: an attachment is STORED (its content in stored_file), PENDING (being downloaded) or
-- FAILED (given up, with the provider's safe reason; staff may try again).
alter table attachment
    alter column file_id drop not null,
    add column status         varchar(10) not null default 'STORED' check (status in ('STORED', 'PENDING', 'FAILED')),
    add column failure_reason varchar(500),
    add constraint attachment_stored_has_file check (status <> 'STORED' or file_id is not null);

-- Chat: a reply whose original is not stored keeps the quote the provider sent with it.
alter table message
    add column quote_author varchar(200),
    add column quote_text   text;

-- Channels: the durable download queue, worked on every node with FOR UPDATE SKIP LOCKED and
-- a lease. attachment_id is the inbox's placeholder (the chat module's row, not read here).
create table media_download (
    id              bigint generated always as identity primary key,
    channel_id      bigint        not null references channel (id) on delete cascade,
    attachment_id   bigint        not null unique,
    -- What the provider gave us: a Telegram file_id, a Viber media URL.
    reference       varchar(4000) not null,
    file_name       varchar(255),
    content_type    varchar(100),
    size_bytes      bigint,
    image           boolean       not null,
    status          varchar(12)   not null check (status in ('QUEUED', 'DOWNLOADING', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    lease_until     timestamptz,
    lease_token     uuid,
    last_error      varchar(500),
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
create index media_download_due_idx on media_download (next_attempt_at) where status in ('QUEUED', 'DOWNLOADING');

-- Channels: a client photo belongs to one identity (channel + external user id) and carries
-- the hash of its bytes, so an unchanged photo is reused and a replaced one deleted.
alter table channel_media
    add column owner_user_id  varchar(200),
    add column content_sha256 varchar(64);
create index channel_media_photo_owner_idx on channel_media (channel_id, owner_user_id) where purpose = 'PHOTO';
