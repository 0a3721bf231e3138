-- A Viber business number (Viber Business Messages through an aggregator such as Infobip):
-- a new channel type that can start a dialog by phone.
alter table channel drop constraint channel_type_check;
alter table channel add constraint channel_type_check
    check (type in ('TELEGRAM', 'VIBER', 'INSTAGRAM', 'FACEBOOK', 'WHATSAPP', 'EMAIL', 'WEBCHAT', 'VIBER_BUSINESS'));
