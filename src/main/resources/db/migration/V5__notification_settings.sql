-- New-message notifications: each user's choices. No row means the defaults (sound on,
-- desktop notifications off until the user allows them, my chats and unassigned ones).
create table notification_settings (
    user_id    bigint      primary key references staff_user (id) on delete cascade,
    sound      boolean     not null,
    desktop    boolean     not null,
    scope      varchar(30) not null check (scope in ('MINE', 'MINE_AND_UNASSIGNED', 'ALL')),
    updated_at timestamptz not null default now()
);
