package dev.pln.model;

/** Employment misconceptions (就业观念误区) a caseworker can record. */
public enum Misconception {
    SALARY_EXPECTATION, LOCATION, JOB_TYPE, SELF_ASSESSMENT, MARKET_UNAWARE, OTHER
}
