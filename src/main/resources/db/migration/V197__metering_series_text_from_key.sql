-- A series' text (name{a="b", …}) is made from its label key when shown (issue 12, ADR 0042):
-- the first round of a large fleet wrote it once per new series in the request's transaction,
-- and no query read it.
ALTER TABLE metering_series DROP COLUMN labels;
