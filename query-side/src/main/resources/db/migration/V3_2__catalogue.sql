-- Processing group "catalogue": list definitions and measures. Both keep every version (history is never
-- rewritten: a past check is shown with the measure as it read then) and a current view for listing.

create table list_definition_version (
    list_code                varchar(64)  not null,
    version                  integer      not null,
    name                     varchar(200) not null,
    colour                   varchar(8)   not null, -- RED | BLACK
    authority                varchar(200) not null,
    legal_basis              text         not null,
    period_months            integer      not null,
    early_repair_allowed     boolean      not null,
    min_months_before_repair integer      not null,
    valid_from               timestamptz  not null, -- record time of the event that made this version
    primary key (list_code, version)
);

create table list_definition_view (
    list_code                varchar(64)  primary key,
    version                  integer      not null,
    name                     varchar(200) not null,
    colour                   varchar(8)   not null,
    authority                varchar(200) not null,
    legal_basis              text         not null,
    period_months            integer      not null,
    early_repair_allowed     boolean      not null,
    min_months_before_repair integer      not null,
    valid_from               timestamptz  not null
);

create table measure_version (
    measure_code varchar(64)  not null,
    version      integer      not null,
    name         varchar(200) not null,
    kind         varchar(16)  not null, -- PUNISHMENT | INCENTIVE
    domain       varchar(32)  not null,
    scope        varchar(16)  not null, -- NATIONAL_BASE | LOCAL_SUPPLEMENT
    legal_basis  text         not null,
    list_codes   text[]       not null,
    valid_from   timestamptz  not null, -- record time of the event that made this version
    primary key (measure_code, version)
);

create table measure_view (
    measure_code varchar(64)  primary key,
    version      integer      not null,
    name         varchar(200) not null,
    kind         varchar(16)  not null,
    domain       varchar(32)  not null,
    scope        varchar(16)  not null,
    legal_basis  text         not null,
    list_codes   text[]       not null,
    valid_from   timestamptz  not null
);

create index measure_view_list_codes on measure_view using gin (list_codes);
