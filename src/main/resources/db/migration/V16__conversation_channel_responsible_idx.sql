-- The chat list of one channel filtered by responsible (mine / a user / unassigned), and its
-- tab counts. Without these PostgreSQL walked the channel's whole list, or the whole list,
-- filtering (benchmark at 1,000,000 chats, EXPLAIN ANALYZE of the first page: closed +
-- unassigned 20 ms -> 1 ms, all + unassigned 14 ms -> 0.06 ms, all + mine 11 ms -> 0.1 ms;
-- the unassigned count 26 ms -> 0.2 ms). See docs/benchmarks.md.
create index conversation_channel_responsible_idx
    on conversation (channel_id, responsible_id, sort_at desc, id desc);
-- "Unassigned" is "responsible_id is null", which an index cannot use for ordering: a partial
-- index per channel instead (a tenth of the chats), with the state for index-only counts.
create index conversation_channel_unassigned_idx
    on conversation (channel_id, sort_at desc, id desc) include (state) where responsible_id is null;
