package dev.pln.model;

/** Interviewing ability (应试能力). */
public enum InterviewSkill {
    GOOD, FAIR, WEAK
}
