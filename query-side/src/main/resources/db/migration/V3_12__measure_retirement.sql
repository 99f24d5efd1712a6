-- Issue 12: a measure can be retired (清理规范, seed 003 §七): from retired_from (a date, Asia/Shanghai) checks stop
-- applying it. The catalogue shows it with its reason; the check tables keep when the retirement was recorded, so a
-- check asOf an earlier record time still applies the measure.
alter table measure_view
    add column retired_from date,
    add column retirement_reason text;

alter table check_measure
    add column retired_from date,
    add column retired_position bigint,
    add column retired_at timestamptz;
