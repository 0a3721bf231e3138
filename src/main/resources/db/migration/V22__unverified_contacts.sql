-- Unverified contacts never merge clients.
--
-- A phone or e-mail is verified when a manager entered or confirmed it on the card; one the
-- client left himself (the site widget's form) is not. The flag means nothing while the
-- contact is empty. Contacts stored before this version were mostly typed by managers: they
-- stay verified, except where a site visitor left contacts himself (those may be anyone's).
alter table client
    add column phone_verified boolean not null default true,
    add column email_verified boolean not null default true;

update client c set phone_verified = false
where c.phone is not null and exists (
    select 1 from client_identity i join webchat_visitor v
        on v.channel_id = i.channel_id and v.visitor_id = i.external_user_id
    where i.client_id = c.id and v.phone is not null);
update client c set email_verified = false
where c.email is not null and exists (
    select 1 from client_identity i join webchat_visitor v
        on v.channel_id = i.channel_id and v.visitor_id = i.external_user_id
    where i.client_id = c.id and lower(v.email) = c.email);

-- From now on every writer says where a contact came from; one that does not is not trusted.
alter table client
    alter column phone_verified set default false,
    alter column email_verified set default false;

-- "Save buyer" found a buyer with the same phone or e-mail whom the manager may not see: the
-- lead became a buyer of his own (nothing revealed, nothing linked) and an administrator
-- decides whether the two are one person. client_id is the buyer the manager saved,
-- other_client_id the existing one.
create table client_duplicate_flag (
    id              bigint generated always as identity primary key,
    client_id       bigint      not null references client (id),
    other_client_id bigint      not null references client (id),
    reason          varchar(20) not null check (reason in ('SAME_PHONE', 'SAME_EMAIL')),
    -- The shared phone (E.164) or e-mail, as it was when flagged.
    contact         varchar(254) not null,
    -- One of the two matching contacts was left by the client himself, not checked by staff.
    unverified      boolean     not null,
    flagged_by      bigint references staff_user (id) on delete set null,
    created_at      timestamptz not null default now(),
    dismissed_at    timestamptz,
    dismissed_by    bigint references staff_user (id) on delete set null,
    check (client_id <> other_client_id),
    unique (client_id, other_client_id, reason)
);
-- The administrators' list: open flags, newest first.
create index client_duplicate_flag_open_idx on client_duplicate_flag (created_at desc, id desc)
    where dismissed_at is null;
create index client_duplicate_flag_other_idx on client_duplicate_flag (other_client_id);
