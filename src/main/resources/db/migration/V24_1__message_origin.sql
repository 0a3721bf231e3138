-- Chat: where a message came from or went when not the direct chat (Instagram comments, story
-- replies, shares, ...). Client messages: COMMENT, COMMENT_REPLY, AD_COMMENT (origin_ref: the
-- comment id), STORY_REPLY, STORY_MENTION, SHARE, UNSUPPORTED, CHOICE. Manager messages:
-- COMMENT_ANSWER (published under the comment replied to), PRIVATE_REPLY (in Direct, answering it).
alter table message
    add column origin         varchar(20),
    add column origin_ref     varchar(200),
    add column origin_url     varchar(2000),
    add column post_id        varchar(100),
    add column post_caption   varchar(300),
    add column comment_hidden boolean not null default false,
    add column comment_deleted boolean not null default false;

create index message_post_idx on message (channel_id, post_id) where post_id is not null;
-- Private replies: at most one per comment (the answer that is not FAILED).
create index message_private_reply_idx on message (reply_to_id) where origin = 'PRIVATE_REPLY';

-- Channels: the posts comments were made on (link and caption fetched once per post, cached).
create table meta_post (
    channel_id  bigint        not null references channel (id) on delete cascade,
    post_id     varchar(100)  not null,
    permalink   varchar(2000),
    caption     varchar(300),
    media_type  varchar(30),
    attempts    integer       not null default 0,
    next_try_at timestamptz   not null default now(),
    fetched_at  timestamptz,
    primary key (channel_id, post_id)
);
create index meta_post_due_idx on meta_post (next_try_at) where fetched_at is null;
