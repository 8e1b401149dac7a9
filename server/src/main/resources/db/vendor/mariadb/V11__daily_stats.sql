-- The dashboard's figures of the days that are over, per time zone, local day and app:
-- computed once from the users and the authentication events, then read from here, so
-- that a dashboard of 30 days reads the raw rows of today only. A day that is over no
-- longer changes, and its figures outlive the pruning of its events. The row with the
-- figure 'day' (appid '-', n 0) says the day is complete; it is written first, in the
-- same transaction as the figures, so that two instances rolling up the same day write
-- it once (the second one's insert fails on the primary key, and it keeps what it
-- computed). figure_key is the outcome or the errcode, '-' when the figure has none.
-- The same in every vendor folder but for MySQL's and MariaDB's table options.
CREATE TABLE stats_daily (
    stats_zone VARCHAR(64) NOT NULL,
    local_day  DATE        NOT NULL,
    appid      VARCHAR(32) NOT NULL,
    figure     VARCHAR(32) NOT NULL,
    figure_key VARCHAR(64) NOT NULL,
    n          BIGINT      NOT NULL,
    CONSTRAINT pk_stats_daily PRIMARY KEY (stats_zone, local_day, appid, figure, figure_key)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
