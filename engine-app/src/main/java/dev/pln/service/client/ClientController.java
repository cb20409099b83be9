package dev.pln.service.client;

import dev.pln.service.decision.DecisionFilter;
import dev.pln.service.decision.DecisionPage;
import dev.pln.service.decision.Decisions;
import dev.pln.service.services.Casework;
import dev.pln.service.review.Overrides;
import dev.pln.service.system.ResourceNotFoundException;
import dev.pln.service.system.Scope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The client endpoints of the HTTP contract ({@code /api/v1/clients}). */
@RestController
@RequestMapping(path = "/api/v1/clients", produces = MediaType.APPLICATION_JSON_VALUE)
class ClientController {

    private final ClientRecords clients;
    private final Decisions decisions;
    private final Casework casework;
    private final Overrides overrides;

    ClientController(ClientRecords clients, Decisions decisions, Casework casework, Overrides overrides) {
        this.clients = clients;
        this.decisions = decisions;
        this.casework = casework;
        this.overrides = overrides;
    }

    private static boolean inScope(ClientDocument client) {
        return Scope.current().map(scope -> scope.containsFacts(client.facts(), null)).orElse(true);
    }

    @GetMapping("/{clientId}")
    ClientView one(@PathVariable String clientId) {
        ClientDocument client = existing(clientId);
        List<ClientDocument.HistoryEntry> newestFirst = client.history().stream()
                .sorted(Comparator.comparing(ClientDocument.HistoryEntry::decidedAt).reversed()).toList();
        Casework.CaseView kase = casework.caseOf(clientId)
                .orElse(new Casework.CaseView(null, List.of(), List.of(), List.of(), List.of()));
        Integer effectiveLevel = client.level() == null ? null
                : overrides.effectiveLevel(client.currentDecisionId()).orElse(client.level());
        return new ClientView(client.id(), client.status(), client.level(), effectiveLevel, client.facts(),
                decisions.find(client.currentDecisionId()).orElse(null), newestFirst, client.createdAt(),
                client.updatedAt(), kase.serviceStatus(), kase.services(), kase.followUps(), kase.followUpsDue(),
                kase.levelHistory());
    }

    @GetMapping("/{clientId}/decisions")
    DecisionPage decisions(@PathVariable String clientId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        existing(clientId);
        return decisions.list(new DecisionFilter(clientId, null, null), page, size);
    }

    /** The client; outside the caller's {@link Scope} (by its latest facts' jurisdiction) there is none. */
    private ClientDocument existing(String clientId) {
        return clients.find(clientId).filter(ClientController::inScope)
                .orElseThrow(() -> new ResourceNotFoundException("No client with id " + clientId + "."));
    }
}
