-- The chat list filtered by responsible (mine / unassigned) within one channel, and its tab
-- counts. Without this index PostgreSQL intersected large bitmaps or walked the list
-- (benchmark at 1,000,000 chats, EXPLAIN ANALYZE: open+unassigned page 20 -> 4 ms, all+mine
-- page 31 -> 14 ms, closed+unassigned count 26 -> 0.3 ms). See docs/benchmarks.md.
create index conversation_channel_responsible_idx
    on conversation (channel_id, responsible_id, state, sort_at desc, id desc);
