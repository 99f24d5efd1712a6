-- Command-side lookup table: the one active entry per subject and list. Written by a subscribing processor in the
-- transaction that stores SubjectListedEvent (insert) / SubjectDelistedEvent (delete); the primary key turns two
-- concurrent entries of the same subject on the same list into one success and one failed command.
create table active_list_entry (
    list_code    varchar(64) not null,
    subject_code varchar(32) not null,
    entry_id     uuid        not null unique,
    primary key (list_code, subject_code)
);
