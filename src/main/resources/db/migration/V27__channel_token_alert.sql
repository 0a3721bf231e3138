-- Channels: when the provider rejected the channel's access token (Meta code 190). Administrators
-- see a marker on Administration -> Channels while it is set; a successful check clears it.
alter table channel_state add column token_rejected_at timestamptz;
