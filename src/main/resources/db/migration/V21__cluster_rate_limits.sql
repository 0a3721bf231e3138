-- Rate-limit buckets shared by every node (base.ClusterRateLimits, Bucket4j's PostgreSQL store):
-- the key names the limit and what it counts (an address, a channel, a visitor); state is
-- Bucket4j's serialized bucket; expires_at (epoch millis) lets old buckets be swept.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);

-- Sign-in delays per login (user.LoginThrottle): failures in a row and the time before which
-- the next attempt for that login is not even checked.
create table login_delay (
    login           varchar(200) primary key,
    failures        integer     not null,
    not_before      timestamptz not null,
    last_attempt_at timestamptz not null
);
