-- Sales: the request (deal) pipeline, requests, the product catalogue and orders.

-- The pipeline of requests. Built-in stages are named by translation (code), custom ones by name.
-- "Active" requests are those in an OPEN stage.
create table request_stage (
    id       bigint generated always as identity primary key,
    code     varchar(30)  not null unique,
    name     varchar(100),
    position integer      not null,
    outcome  varchar(10)  not null check (outcome in ('OPEN', 'WON', 'LOST'))
);
insert into request_stage (code, position, outcome) values
    ('new', 10, 'OPEN'),
    ('in-progress', 20, 'OPEN'),
    ('won', 90, 'WON'),
    ('lost', 100, 'LOST');

-- Human-friendly numbers, independent of ids: never reused, never restarted.
create sequence request_number_seq start 1;
create sequence order_number_seq start 1001;

create table sales_request (
    id              bigint generated always as identity primary key,
    number          bigint        not null unique default nextval('request_number_seq'),
    title           varchar(200)  not null,
    stage_id        bigint        not null references request_stage (id),
    amount          numeric(14, 2) check (amount >= 0),
    responsible_id  bigint references staff_user (id),
    client_id       bigint        not null references client (id),
    -- Where it came from; plain ids, the chat is another module's business.
    conversation_id bigint references conversation (id),
    channel_id      bigint references channel (id),
    comment         text,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    version         bigint        not null default 0
);
-- The Requests section pages newest first, optionally by stage or manager; the card reads by client.
create index sales_request_list_idx on sales_request (id desc);
create index sales_request_stage_idx on sales_request (stage_id, id desc);
create index sales_request_responsible_idx on sales_request (responsible_id, id desc);
create index sales_request_client_idx on sales_request (client_id);
create index sales_request_channel_idx on sales_request (channel_id);
create index sales_request_search_idx on sales_request using gin (lower(title) gin_trgm_ops);

create table product (
    id         bigint generated always as identity primary key,
    name       varchar(200)   not null,
    sku        varchar(64)    not null,
    price      numeric(14, 2) not null check (price >= 0),
    active     boolean        not null default true,
    created_at timestamptz    not null default now(),
    updated_at timestamptz    not null default now(),
    version    bigint         not null default 0
);
-- SKUs are unique whatever their case.
create unique index product_sku_idx on product (lower(sku));
create index product_search_idx on product using gin (lower(name || ' ' || sku) gin_trgm_ops);

create table sales_order (
    id               bigint generated always as identity primary key,
    number           bigint         not null unique default nextval('order_number_seq'),
    client_id        bigint         not null references client (id),
    status           varchar(12)    not null default 'NEW'
        check (status in ('NEW', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    delivery_method  varchar(20) check (delivery_method in ('PICKUP', 'COURIER', 'POST')),
    delivery_address varchar(500),
    payment_method   varchar(20) check (payment_method in ('CASH', 'CARD', 'BANK_TRANSFER', 'CASH_ON_DELIVERY')),
    paid             boolean        not null default false,
    comment          text,
    responsible_id   bigint references staff_user (id),
    conversation_id  bigint references conversation (id),
    channel_id       bigint references channel (id),
    -- Sum of the lines, computed by the application on every save (lists and totals read it).
    total            numeric(16, 2) not null default 0,
    created_at       timestamptz    not null default now(),
    updated_at       timestamptz    not null default now(),
    version          bigint         not null default 0
);
create index sales_order_list_idx on sales_order (id desc);
create index sales_order_status_idx on sales_order (status, id desc);
create index sales_order_responsible_idx on sales_order (responsible_id, id desc);
create index sales_order_client_idx on sales_order (client_id, status);
create index sales_order_channel_idx on sales_order (channel_id);

create table sales_order_line (
    id          bigint generated always as identity primary key,
    order_id    bigint         not null references sales_order (id) on delete cascade,
    position    integer        not null,
    -- A catalogue product, or null for a free-text line; the description is kept either way.
    product_id  bigint references product (id),
    description varchar(200)   not null,
    quantity    numeric(12, 3) not null check (quantity > 0),
    unit_price  numeric(14, 2) not null check (unit_price >= 0),
    line_total  numeric(16, 2) not null,
    unique (order_id, position)
);
create index sales_order_line_product_idx on sales_order_line (product_id) where product_id is not null;
