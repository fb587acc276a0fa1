-- Packed hours of the UTC day not packed yet (issue 12, ADR 0041). Once an hour has ended ten
-- minutes ago and its trend aggregates are added up (V195), its 5-minute cells move into one
-- row per series and hour: 12 slots of the average and max as 16-bit codes (as
-- metering_5m_day) and the count. A unit's table or chart over the open day then reads ~24 rows
-- a series instead of up to 288 cells, and the open day takes ~17 bytes a point instead of
-- ~170. A sample arriving after its hour moved stays a cell until the day is packed; readers
-- add both. When the day is packed its partition is dropped, as the cells' is.
-- The layout of metering_5m_day (ADR 0038), for 12 slots: key columns, avg, max, count.
CREATE TABLE metering_5m_hour (LIKE metering_5m_day INCLUDING ALL) PARTITION BY RANGE (bucket);
