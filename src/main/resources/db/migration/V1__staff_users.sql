-- Staff users: administrators and managers who sign in to Omnichat.
create table staff_user (
    id            bigint generated always as identity primary key,
    login         varchar(64)  not null,
    full_name     varchar(200) not null,
    email         varchar(320),
    role          varchar(20)  not null check (role in ('ADMINISTRATOR', 'MANAGER')),
    active        boolean      not null default true,
    password_hash varchar(200) not null,
    avatar_color  varchar(7)   not null,
    language      varchar(8),
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    version       bigint       not null default 0
);

-- Logins are compared case-insensitively; they are stored lower-case.
create unique index staff_user_login_uq on staff_user (login);
create index staff_user_role_active_idx on staff_user (role) where active;
