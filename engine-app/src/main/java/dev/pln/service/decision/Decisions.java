package dev.pln.service.decision;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.system.ConflictingRequestException;
import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.OutsideJurisdictionException;
import dev.pln.service.system.Scope;
import dev.pln.service.system.SignedIn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides and stores. A decision is one document written once (atomic without transactions); its id is derived
 * from the Idempotency-Key (and, with security on, the caller), so concurrent retries collide on the primary key
 * and never store twice.
 */
@Service
public class Decisions {

    /** The longest Idempotency-Key the contract accepts. */
    static final int MAX_IDEMPOTENCY_KEY = 255;

    /** The client records' collection (module client), read here by id only, for where a client is recorded. */
    private static final String CLIENTS = "clients";

    private final DecisionEngine engine;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Decisions(DecisionEngine engine, MongoTemplate mongo, JsonMapper json, ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.engine = engine;
        this.mongo = mongo;
        this.json = json;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A stored decision and whether this call created it (false when an idempotent retry returned it). */
    public record Stored(DecisionView decision, boolean created) {
    }

    /**
     * Decides the facts and stores the decision. With an idempotency key, the same key and body return the
     * first decision again; the same key with another body is refused.
     */
    public Stored decide(ClientFactsRequest request, String idempotencyKey) {
        Map<String, Object> facts = factsOf(request);
        requireInScope(facts, request.clientId());
        String requestHash = hash(facts);
        String id;
        if (idempotencyKey != null) {
            checkKey(idempotencyKey);
            id = idempotentId(idempotencyKey, caller());
            Optional<DecisionDocument> earlier = Optional.ofNullable(mongo.findById(id, DecisionDocument.class))
                    .or(() -> madeBeforeKeysWereTheCallers(idempotencyKey));
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash);
            }
        }
        else {
            id = UUID.randomUUID().toString();
        }
        Evaluation evaluation = engine.evaluate(request.toFacts());
        DecisionDocument document = DecisionDocument.of(id, request.clientId(), evaluation, facts, now(),
                idempotencyKey, requestHash, caller());
        try {
            mongo.insert(document);
        }
        catch (DuplicateKeyException raced) {
            return replay(mongo.findById(id, DecisionDocument.class), requestHash);
        }
        published(document);
        return new Stored(document.toView(), true);
    }

    /** Decides the facts on the active rule set without storing anything. */
    public DecisionView preview(ClientFactsRequest request) {
        Map<String, Object> facts = factsOf(request);
        requireInScope(facts, null);
        return DecisionView.preview(request.clientId(), engine.evaluate(request.toFacts()), facts, now());
    }

    /**
     * A caller of one town (or village) decides only for clients whose facts say they live there; nor, when
     * {@code recordedClientId} is given, does it take over a client recorded elsewhere by sending facts with its
     * own town: moving a client between towns is for callers of the whole district. (Read by id from the client
     * record, which says where the client's latest facts put it.)
     */
    private void requireInScope(Map<String, Object> facts, String recordedClientId) {
        Optional<Scope> scope = Scope.currentTown();
        if (scope.isEmpty()) {
            return;
        }
        if (!scope.get().containsFacts(facts, caller())) {
            throw new OutsideJurisdictionException(scope.get());
        }
        if (recordedClientId == null) {
            return;
        }
        Document client = mongo.getCollection(CLIENTS).find(Filters.eq("_id", recordedClientId))
                .projection(Projections.include("facts.jurisdiction")).first();
        Document recorded = client == null ? null : client.get("facts", Document.class);
        if (recorded != null && !scope.get().containsFacts(recorded, caller())) {
            throw new OutsideJurisdictionException(scope.get(), "The client " + recordedClientId + " is recorded in "
                    + "another jurisdiction; a caller of the whole district moves clients between towns.");
        }
    }

    /**
     * A decision the caller stored under this key before keys were each caller's own (they were the
     * installation's): still the answer to a retry of that request, but only for the caller that made it.
     */
    private Optional<DecisionDocument> madeBeforeKeysWereTheCallers(String idempotencyKey) {
        String caller = caller();
        if (caller == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(idempotentId(idempotencyKey, null), DecisionDocument.class))
                .filter(earlier -> caller.equals(earlier.createdBy()));
    }

    /**
     * The id a decision made under this Idempotency-Key gets: the key's own when nobody is signed in (security
     * off), the key's within the caller's otherwise, so that two intake systems that happen to send the same key
     * never answer each other with their decisions.
     */
    static String idempotentId(String idempotencyKey, String caller) {
        String scoped = caller == null ? idempotencyKey : caller + "\u0000" + idempotencyKey;
        return UUID.nameUUIDFromBytes(("idempotency-key:" + scoped).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The decision, if it exists and lies inside the caller's {@link Scope}: outside it, it does not exist. */
    public Optional<DecisionView> find(String decisionId) {
        return findForEvaluation(decisionId).map(Decisions::asSeen);
    }

    /**
     * The decision whole, if it lies inside the caller's {@link Scope}: for evaluating it again (replays,
     * counterfactuals), never for showing — show it through {@link #asSeen}.
     */
    public Optional<DecisionView> findForEvaluation(String decisionId) {
        return Optional.ofNullable(mongo.findById(decisionId, DecisionDocument.class)).filter(Decisions::inScope)
                .map(DecisionDocument::toView);
    }

    /**
     * A decision as the caller may see it: where its {@link Scope} says so, the name masked and health and
     * income status left out, from the facts and from the rules' matched values.
     */
    public static DecisionView asSeen(DecisionView view) {
        if (!Scope.current().map(Scope::maskPersonalData).orElse(false)) {
            return view;
        }
        return new DecisionView(view.decisionId(), view.clientId(), view.status(), view.level(), view.problems(),
                view.barriers(), view.missing(), view.eligibleMeasures(), view.plan(),
                PersonalData.masked(view.explanation()), view.ruleset(), PersonalData.masked(view.facts()),
                view.decidedAt());
    }

    private static DecisionView view(DecisionDocument document) {
        return asSeen(document.toView());
    }

    private static boolean inScope(DecisionDocument document) {
        return Scope.current().map(scope -> scope.containsFacts(document.facts(), document.createdBy()))
                .orElse(true);
    }

    /** Stored decisions matching the filter, newest first. */
    public DecisionPage list(DecisionFilter filter, int page, int size) {
        Query query = new Query();
        if (filter.clientId() != null) {
            query.addCriteria(Criteria.where("clientId").is(filter.clientId()));
        }
        if (filter.level() != null) {
            query.addCriteria(Criteria.where("level").is(filter.level()));
        }
        if (filter.status() != null) {
            query.addCriteria(Criteria.where("status").is(filter.status()));
        }
        boolean scoped = scope(query);
        long total = filter.isEmpty() && !scoped ? mongo.estimatedCount(DecisionDocument.class)
                : mongo.count(Query.of(query), DecisionDocument.class);
        query.with(Sort.by(Sort.Order.desc("decidedAt"), Sort.Order.desc("_id"))).skip((long) page * size)
                .limit(size);
        List<DecisionView> items = new ArrayList<>();
        mongo.find(query, DecisionDocument.class).forEach(document -> items.add(view(document)));
        return new DecisionPage(items, page, size, total);
    }

    /** Stored decisions matching the reviewer's criteria, newest first. */
    public DecisionPage search(DecisionCriteria criteria, int page, int size) {
        Query query = queryOf(criteria);
        long total = mongo.count(Query.of(query), DecisionDocument.class);
        query.with(Sort.by(Sort.Order.desc("decidedAt"), Sort.Order.desc("_id"))).skip((long) page * size)
                .limit(size);
        List<DecisionView> items = new ArrayList<>();
        mongo.find(query, DecisionDocument.class).forEach(document -> items.add(view(document)));
        return new DecisionPage(items, page, size, total);
    }

    /** Hands every stored decision matching the criteria to {@code action}, one at a time (for reports). */
    public void forEach(DecisionCriteria criteria, Consumer<DecisionView> action) {
        try (var stream = mongo.stream(queryOf(criteria), DecisionDocument.class)) {
            stream.forEach(document -> action.accept(view(document)));
        }
    }

    /** Narrows a query to the caller's {@link Scope}; returns whether there was one. */
    private static boolean scope(Query query) {
        Optional<Scope> scope = Scope.current();
        scope.ifPresent(limits -> {
            if (limits.town() != null) {
                query.addCriteria(Criteria.where("facts.jurisdiction.town").is(limits.town()));
            }
            if (limits.village() != null) {
                query.addCriteria(Criteria.where("facts.jurisdiction.village").is(limits.village()));
            }
            if (limits.createdBy() != null) {
                query.addCriteria(Criteria.where("createdBy").is(limits.createdBy()));
            }
        });
        return scope.isPresent();
    }

    /** The signed-in caller, recorded as the decision's creator; null while security is off. */
    private static String caller() {
        return SignedIn.name().orElse(null);
    }

    /**
     * Replaces the direct identifiers in the stored facts of one client's decisions: the name by
     * {@code pseudonym}, the village by {@code placeholder}. Nothing the rules read changes, so results,
     * explanations and replays stay as they were. Returns how many decisions changed.
     */
    public long pseudonymise(String clientId, String pseudonym, String placeholder) {
        Query ofClient = Query.query(Criteria.where("clientId").is(clientId));
        long changed = mongo.updateMulti(ofClient, new Update().set("facts.name", pseudonym), DecisionDocument.class)
                .getModifiedCount();
        mongo.updateMulti(Query.query(Criteria.where("clientId").is(clientId)
                .and("facts.jurisdiction.village").exists(true)),
                new Update().set("facts.jurisdiction.village", placeholder), DecisionDocument.class);
        return changed;
    }

    private static Query queryOf(DecisionCriteria criteria) {
        Query query = new Query();
        Optional<String> scopedTown = Scope.current().map(Scope::town);
        if (criteria.town() != null && scopedTown.isPresent() && !scopedTown.get().equals(criteria.town())) {
            return Query.query(Criteria.where("_id").in(List.of())); // another town than the caller's: nothing
        }
        scope(query);
        if (criteria.level() != null) {
            query.addCriteria(Criteria.where("level").is(criteria.level()));
        }
        if (criteria.status() != null) {
            query.addCriteria(Criteria.where("status").is(criteria.status()));
        }
        if (criteria.town() != null && scopedTown.isEmpty()) {
            query.addCriteria(Criteria.where("facts.jurisdiction.town").is(criteria.town()));
        }
        if (criteria.rulesetVersion() != null) {
            query.addCriteria(Criteria.where("ruleset.version").is(criteria.rulesetVersion()));
        }
        if (criteria.from() != null || criteria.to() != null) {
            Criteria decidedAt = Criteria.where("decidedAt");
            if (criteria.from() != null) {
                decidedAt.gte(criteria.from().atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (criteria.to() != null) {
                decidedAt.lt(criteria.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            query.addCriteria(decidedAt);
        }
        return query;
    }

    private Stored replay(DecisionDocument earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ConflictingRequestException(
                    "This Idempotency-Key was already used with a different request body; nothing was stored.");
        }
        // The first attempt may have stored the decision but failed before the client record was updated.
        published(earlier);
        return new Stored(earlier.toView(), false);
    }

    private void published(DecisionDocument document) {
        events.publishEvent(new DecisionMade(document.id(), document.clientId(), document.status(),
                document.level(), document.ruleset().version(), document.facts(), document.decidedAt()));
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InputProblemException("The Idempotency-Key header is invalid.",
                    List.of(InputProblemException.FieldError.header("Idempotency-Key",
                            "must be 1–" + MAX_IDEMPOTENCY_KEY + " characters")));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The facts as posted, without the fields that were not sent, in the request's field order. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> factsOf(ClientFactsRequest request) {
        return (Map<String, Object>) withoutNulls(json.convertValue(request, LinkedHashMap.class));
    }

    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    copy.put((String) key, withoutNulls(item));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Decisions::withoutNulls).toList();
        }
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE) {
            // 0 years of experience is posted and stored as 0, not 0.0: the facts read back as they were sent.
            return number.intValue();
        }
        return value;
    }

    private String hash(Map<String, Object> facts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(facts));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
