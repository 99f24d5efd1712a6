-- The sheet line of each import row (header = line 1, blank lines counted), what the import report tells a clerk to
-- look at. row_no keeps its meaning (data rows, header excluded): it keys the results and the rows' commitment ids,
-- and a job interrupted across this upgrade resumes by it. Rows stored before have no line.
alter table commitment_import_row add column line_no integer;
