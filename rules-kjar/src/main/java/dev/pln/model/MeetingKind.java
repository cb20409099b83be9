package dev.pln.model;

/** How the client met the employer after a recommendation (N3): an interview, or a matchmaking fair (帮扶对接会). */
public enum MeetingKind {
    EMPLOYER_INTERVIEW, MATCHMAKING_FAIR
}
