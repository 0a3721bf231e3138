-- A manager's own e-mail signature, appended to his replies in e-mail chats. No row: no signature.
-- A table of its own so that editing it does not bump the staff_user version an administrator's form holds.
create table staff_signature (
    user_id    bigint        primary key references staff_user (id) on delete cascade,
    signature  varchar(1000) not null,
    updated_at timestamptz   not null default now()
);
