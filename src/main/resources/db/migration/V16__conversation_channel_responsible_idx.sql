-- The chat list filtered by responsible (mine / unassigned / a user) within one channel, and
-- its tab counts: without this index PostgreSQL walked the whole list or intersected large
-- bitmaps (benchmark at 1,000,000 chats: 20-38 ms per page, 26 ms per count; with it 0.2-4 ms
-- and 0.3 ms). See docs/benchmarks.md.
create index conversation_channel_responsible_idx
    on conversation (channel_id, responsible_id, state, sort_at desc, id desc);
