-- E-mail channel.

-- Each UIDVALIDITY a mailbox had gets the next generation: the polling cursor is
-- generation << 32 | last UID, a number that only grows (the framework never moves a cursor back).
create table email_mailbox (
    channel_id   bigint primary key references channel (id) on delete cascade,
    uid_validity bigint not null,
    generation   bigint not null
);

-- An e-mail thread is a chat: one client (one address) may have several chats on an e-mail
-- channel, one per thread (thread_key: the Message-ID that started it). Other channels keep
-- one chat per identity (thread_key null, and nulls are not distinct).
alter table conversation
    add column thread_key     varchar(250),
    add column subject        varchar(500),
    -- The subject without Re:/Fwd: prefixes, lower-cased: a new mail with the same one joins the thread.
    add column thread_subject varchar(500);
alter table conversation drop constraint conversation_identity_id_key;
alter table conversation add constraint conversation_identity_thread_key unique nulls not distinct (identity_id, thread_key);
create index conversation_thread_subject_idx on conversation (identity_id, thread_subject)
    where thread_subject is not null;

-- What a mail adds to a message: its subject, sanitized HTML (when it had no plain text), the
-- quoted history and signature (shown collapsed), and whether it was automatic (an auto-reply).
alter table message
    add column subject   varchar(500),
    add column html      text,
    add column quoted    text,
    add column automatic boolean not null default false;
