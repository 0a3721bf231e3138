-- The lead/buyer card: contact data on the client, buyers, and merging leads into buyers.
alter table client
    add column phone       varchar(20),    -- E.164, normalized by libphonenumber
    add column email       varchar(254),   -- lower-cased
    add column note        text,
    add column buyer       boolean     not null default false,
    add column buyer_since timestamptz,
    -- A lead linked to a buyer points at him; its identities moved there.
    add column merged_into bigint references client (id),
    add column version     bigint      not null default 0;

-- "Save buyer" finds an existing buyer by normalized phone or e-mail.
create index client_buyer_phone_idx on client (phone) where buyer and phone is not null;
create index client_buyer_email_idx on client (email) where buyer and email is not null;
-- Clients section and "Choose buyer from the list": contains-search on name, phone, e-mail, nickname.
create index client_search_idx on client
    using gin ((lower(name || ' ' || coalesce(nickname, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, ''))) gin_trgm_ops);
