-- Meta channels (Instagram, Messenger, WhatsApp): what a client does to messages besides writing.

-- Chat: the client's reaction to a message (an emoji), a message he deleted (kept for the staff,
-- marked), and a manager message the shop sent from the provider's own app (no author here).
alter table message
    add column client_reaction   varchar(64),
    add column client_deleted_at timestamptz,
    add column sent_from_app     varchar(50);
