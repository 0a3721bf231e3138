-- A manager answers only in his own channels, so channel and responsible are strongly
-- correlated. Assuming them independent, PostgreSQL underestimated "one channel + mine"
-- five times and combined two bitmap scans (the whole open tab's index included) instead of
-- walking the manager's own ordered index: 10-15 ms instead of 0.3-0.8 ms for the first page
-- at 1,000,000 chats (EXPLAIN ANALYZE; see docs/benchmarks.md). The list of common
-- (channel, responsible) pairs is what corrects it; 1,000 entries hold every pair of a shop
-- with dozens of channels and managers (at the default of 100 a pair was often missing).
create statistics conversation_channel_responsible_stats (mcv) on channel_id, responsible_id from conversation;
alter statistics conversation_channel_responsible_stats set statistics 1000;
analyze conversation;
