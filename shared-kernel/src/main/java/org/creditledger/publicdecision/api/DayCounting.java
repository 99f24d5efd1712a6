package org.creditledger.publicdecision.api;

/** How a publication limit counts its days. */
public enum DayCounting {
    /** 工作日: working days of the holiday calendar (seeds 000, 003, 004: 7 个工作日). */
    WORKING_DAYS,
    /** 自然日: calendar days (seed 002, 广汉: 做出后 7 日内). */
    CALENDAR_DAYS
}
