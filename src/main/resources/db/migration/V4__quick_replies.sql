-- Quick replies: message templates. Shared (owner_id null, administrators edit them) or
-- personal (owner_id set, only the owner sees and edits them).
create table quick_reply (
    id          bigint generated always as identity primary key,
    title       varchar(100)  not null,
    body        varchar(4096) not null,
    shortcut    varchar(30),
    active      boolean       not null default true,
    owner_id    bigint references staff_user (id) on delete cascade,
    usage_count bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     bigint        not null default 0
);
create index quick_reply_owner_idx on quick_reply (owner_id);
-- The service checks shortcut uniqueness among what a user sees (shared + his own); these
-- indexes keep the two halves unique even under concurrent saves.
create unique index quick_reply_shared_shortcut_uq on quick_reply (shortcut) where owner_id is null;
create unique index quick_reply_personal_shortcut_uq on quick_reply (owner_id, shortcut) where owner_id is not null;
