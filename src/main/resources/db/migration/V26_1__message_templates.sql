-- Approved message templates per channel (WhatsApp and the like), synced from the provider,
-- and the template a manager's message was sent as.
create table channel_template (
    id         bigint generated always as identity primary key,
    channel_id bigint        not null references channel (id) on delete cascade,
    name       varchar(512)  not null,
    language   varchar(20)   not null,
    category   varchar(40),
    -- The components as JSON (header, body, footer, buttons), as Omnichat normalised them.
    components text          not null,
    synced_at  timestamptz   not null default now(),
    unique (channel_id, name, language)
);

-- The last sync of a channel's templates: when, how many, and why it failed.
create table channel_template_sync (
    channel_id bigint primary key references channel (id) on delete cascade,
    synced_at  timestamptz,
    templates  integer       not null default 0,
    error      varchar(2000),
    error_at   timestamptz
);

-- A manager's message sent as a template: its name, language and parameters (JSON); the
-- message body holds the rendered text.
alter table message add column template text;
