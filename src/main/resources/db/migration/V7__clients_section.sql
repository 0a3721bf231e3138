-- Clients section: clients page by page in a stable order (name, id), buyers alone or with leads.
create index client_list_idx on client (name, id) where merged_into is null;
create index client_buyer_list_idx on client (name, id) where buyer and merged_into is null;
-- The leads merged into a buyer (the foreign key itself has no index).
create index client_merged_into_idx on client (merged_into) where merged_into is not null;
