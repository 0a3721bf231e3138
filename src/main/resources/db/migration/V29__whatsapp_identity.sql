-- A provider's second id for the same person besides the identity key (WhatsApp's
-- business-scoped user_id): kept on the identity, never used to look it up.
alter table client_identity add column provider_user_id varchar(200);

-- An incoming WhatsApp number is looked up among every client's card phone (leads too).
create index client_phone_idx on client (phone) where phone is not null and merged_into is null;
