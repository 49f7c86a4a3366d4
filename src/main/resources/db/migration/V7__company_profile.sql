-- The company's reviewed details (F5), one row per company.
create table company_profile (
    company_id           bigint        primary key references company (id),
    legal_name           varchar(200)  not null,
    registration_number  varchar(40),
    tax_number           varchar(40),
    address_line         varchar(200),
    postal_code          varchar(20),
    city                 varchar(100),
    country              varchar(60),
    base_currency        varchar(3),
    prefilled_from       varchar(40),
    updated_at           timestamp with time zone not null
);
