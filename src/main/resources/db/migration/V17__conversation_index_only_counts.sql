-- Tab counts ("mine", a user's, unanswered) read up to 999 index entries per tab. Without the
-- filtered columns in the index every entry cost a heap visit: a manager's "mine" counts took
-- 4-7 ms warm (38 ms cold) at 1,000,000 chats. With them included the counts are index-only
-- scans: 0.2-0.5 ms (EXPLAIN ANALYZE, benchmark data set; see docs/benchmarks.md).
drop index conversation_responsible_idx;
create index conversation_responsible_idx
    on conversation (responsible_id, state, sort_at desc, id desc) include (channel_id, unanswered);

drop index conversation_unanswered_idx;
create index conversation_unanswered_idx
    on conversation (state, sort_at desc, id desc) include (channel_id, responsible_id) where unanswered;

drop index conversation_channel_responsible_idx;
create index conversation_channel_responsible_idx
    on conversation (channel_id, responsible_id, sort_at desc, id desc) include (state, unanswered);
