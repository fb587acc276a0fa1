-- Working time kept as data (calendar module): the working hours of a day, and the days that
-- differ from their weekday — public holidays and adjusted working days (调休) — per year.

CREATE TABLE calendar_working_period (
    position smallint PRIMARY KEY CHECK (position BETWEEN 1 AND 6),
    starts   time NOT NULL,
    ends     time NOT NULL,
    CHECK (ends > starts)
);

INSERT INTO calendar_working_period (position, starts, ends) VALUES (1, '08:30', '12:00'), (2, '13:30', '17:30');

CREATE TABLE calendar_year (
    year     integer     PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
    kept_at  timestamptz NOT NULL,
    kept_by  uuid,
    source   text        NOT NULL CHECK (length(source) BETWEEN 1 AND 200)
);

CREATE TABLE calendar_day (
    day  date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40)
);

-- 2026 as published by the General Office of the State Council (国务院办公厅关于2026年部分节假日安排的通知).
INSERT INTO calendar_year (year, kept_at, source) VALUES (2026, now(), '国务院办公厅关于2026年部分节假日安排的通知');
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2026-01-01', 'HOLIDAY', '元旦'), ('2026-01-02', 'HOLIDAY', '元旦'), ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-15', 'HOLIDAY', '春节'), ('2026-02-16', 'HOLIDAY', '春节'), ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'), ('2026-02-19', 'HOLIDAY', '春节'), ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'), ('2026-02-22', 'HOLIDAY', '春节'), ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-04-04', 'HOLIDAY', '清明节'), ('2026-04-05', 'HOLIDAY', '清明节'), ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'), ('2026-05-02', 'HOLIDAY', '劳动节'), ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'), ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-06-19', 'HOLIDAY', '端午节'), ('2026-06-20', 'HOLIDAY', '端午节'), ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-09-25', 'HOLIDAY', '中秋节'), ('2026-09-26', 'HOLIDAY', '中秋节'), ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'), ('2026-10-02', 'HOLIDAY', '国庆节'), ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'), ('2026-10-05', 'HOLIDAY', '国庆节'), ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班');
