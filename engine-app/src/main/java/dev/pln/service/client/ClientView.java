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
 */
record ClientView(String clientId, DecisionStatus status, Integer level, Map<String, Object> facts,
        DecisionView currentDecision, List<ClientDocument.HistoryEntry> history, Instant createdAt,
        Instant updatedAt, ServiceStatus serviceStatus, List<ServiceRecord> services, List<FollowUpRecord> followUps,
        List<DueFollowUp> followUpsDue, List<LevelChange> levelHistory) {
}
