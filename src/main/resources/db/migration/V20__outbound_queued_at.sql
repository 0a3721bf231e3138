-- When a message was (last) queued: retries give up only after both an attempt budget and a
-- time window have passed, so a provider outage of some minutes loses no reply.
alter table outbound_message add column queued_at timestamptz not null default now();
update outbound_message set queued_at = created_at;
