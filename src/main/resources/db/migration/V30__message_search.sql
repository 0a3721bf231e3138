-- Search in message text. One configuration for the three languages: a copy of the built-in
-- "russian" one, which stems Cyrillic words with the Russian snowball stemmer (Ukrainian shares
-- most endings: доставка/доставку/доставки -> доставк), Latin words with the English one and keeps
-- numbers, codes and addresses as they are. A copy of our own, so a better Ukrainian dictionary
-- can be mapped in later without touching the column.
create text search configuration omnichat_search (copy = pg_catalog.russian);

-- Client and manager messages and notes (system messages have no body). A stored column, so the
-- index is maintained at ingestion and a scan in id order reads the vector instead of parsing
-- every body again.
alter table message add column search_tsv tsvector
    generated always as (case when body is null or kind = 'SYSTEM' then null
                              else to_tsvector('omnichat_search'::regconfig, body) end) stored;
create index message_search_idx on message using gin (search_tsv);
