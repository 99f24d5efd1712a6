-- "Which ledger state was in force at instant T?" asks for the last event recorded at or before T
-- (counter checks and audit reads with asOf). time_stamp is Axon's fixed-width ISO-8601 UTC text with milliseconds,
-- so text order is time order.
create index domain_event_entry_time_stamp on domain_event_entry (time_stamp, global_index);
