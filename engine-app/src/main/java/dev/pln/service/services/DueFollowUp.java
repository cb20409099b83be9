package dev.pln.service.services;

import dev.pln.model.FollowUpKind;
import java.time.LocalDate;

/** A follow-up the client's case is waiting for: which kind, by when, and why (zh-CN). */
public record DueFollowUp(FollowUpKind kind, LocalDate dueOn, String why) {
}
