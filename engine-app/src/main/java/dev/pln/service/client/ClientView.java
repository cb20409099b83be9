package dev.pln.service.client;

import dev.pln.service.decision.DecisionView;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.services.DueFollowUp;
import dev.pln.service.services.FollowUpRecord;
import dev.pln.service.services.LevelChange;
import dev.pln.service.services.ServiceRecord;
import dev.pln.service.services.ServiceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A client as {@code GET /api/v1/clients/{clientId}} shows it: latest facts, current decision and history, and
 * the case: service status, services delivered, follow-ups made and due, level history (oldest first).
 * {@code level} is the rules' level; {@code effectiveLevel} is a caseworker's effective override, else the same.
 */
record ClientView(String clientId, DecisionStatus status, Integer level, Integer effectiveLevel,
        Map<String, Object> facts,
        DecisionView currentDecision, List<ClientDocument.HistoryEntry> history, Instant createdAt,
        Instant updatedAt, ServiceStatus serviceStatus, List<ServiceRecord> services, List<FollowUpRecord> followUps,
        List<DueFollowUp> followUpsDue, List<LevelChange> levelHistory) {
}
