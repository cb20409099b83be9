package dev.pln.service.ruleset;

import dev.pln.service.engine.BuildProblem;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.Ruleset;
import dev.pln.service.engine.RulesetBuildException;
import dev.pln.service.engine.RulesetIdentity;
import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The rule set versions in the {@code rulesets} collection and the engine's active set. Uploads are checked
 * (safety, compilation in DRL mode, fixture scenarios) and stored as CANDIDATE or REJECTED; activation marks a
 * version ACTIVE in the store, retires the one before and swaps the engine atomically; {@link #sync()} makes
 * this instance follow the store, so that every instance on one database converges on the same version.
 */
@Service
class Rulesets {

    static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,40}");
    /** Words that mean something else where a version may stand in a path or a replay request. */
    static final Set<String> RESERVED = Set.of("active", "original");
    static final String SYSTEM_ACTOR = "system";

    private static final Logger log = LoggerFactory.getLogger(Rulesets.class);

    /** A rule set as uploaded, before any check. */
    record Upload(String version, String description, RulesetOrigin origin, String releaseId,
            Map<String, String> sources) {
    }

    private final DecisionEngine engine;
    private final MongoTemplate mongo;
    private final ScenarioCheck scenarios;
    private final AuditLog audit;
    private final Clock clock;
    private final RulesetIdentity builtIn;
    private final SortedMap<String, String> builtInSources;
    /** Serialises the engine swaps of this instance: activations and the store sync. */
    private final Object swaps = new Object();
    private volatile ScenarioReport builtInReport;
    private volatile boolean builtInRecorded;
    private volatile boolean indexesDeclared;

    Rulesets(DecisionEngine engine, MongoTemplate mongo, ScenarioCheck scenarios, AuditLog audit,
            Optional<Clock> clock) {
        this.engine = engine;
        this.mongo = mongo;
        this.scenarios = scenarios;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
        // The engine starts on the KJAR from the class path: that is the built-in version.
        Ruleset classpath = engine.activeRuleset();
        this.builtIn = classpath.identity();
        this.builtInSources = classpath.sources();
    }

    /**
     * Checks and stores an upload: CANDIDATE with its scenario report, or REJECTED with its problems (then
     * {@link RulesetRejectedException}). A version may be reused only after a rejection.
     */
    RulesetDocument upload(Upload upload, String actor) {
        String version = checkVersion(upload.version());
        RulesetDocument existing = mongo.findById(version, RulesetDocument.class);
        if (existing != null && existing.status() != RulesetStatus.REJECTED) {
            throw new RulesetConflictException("Version " + version + " already exists (" + existing.status()
                    + "); upload the changed rules under a new version.", Map.of("version", version));
        }
        RulesetIdentity identity = new RulesetIdentity(version, upload.releaseId(),
                Ruleset.checksum(upload.sources()));
        List<BuildProblem> problems = DrlSafetyCheck.check(upload.sources());
        ScenarioReport report = null;
        if (problems.isEmpty()) {
            try {
                Ruleset candidate = Ruleset.fromSources(identity, upload.sources());
                try {
                    report = scenarios.run(candidate);
                }
                finally {
                    candidate.dispose();
                }
            }
            catch (RulesetBuildException ex) {
                problems = ex.problems();
            }
        }
        Instant now = now();
        if (!problems.isEmpty()) {
            store(RulesetDocument.rejected(identity, upload.description(), upload.origin(), upload.sources(), actor,
                    now, problems), existing);
            audit.record(actor, AuditAction.REJECTED, version, identity.checksum(), null,
                    details("errors", problems.size(), "firstError", problems.get(0).file() + ":"
                            + problems.get(0).line() + " " + problems.get(0).message()));
            throw new RulesetRejectedException(version, "Rule set " + version + " was not accepted: "
                    + problems.size() + " problem(s). Nothing changed; the active version is untouched.", problems);
        }
        RulesetDocument stored = store(RulesetDocument.candidate(identity, upload.description(), upload.origin(),
                upload.sources(), actor, now, report), existing);
        audit.record(actor, AuditAction.UPLOADED, version, identity.checksum(), upload.description(),
                details("origin", upload.origin().name(), "files", upload.sources().size(), "scenariosPassed",
                        report.passed(), "scenariosFailed", report.failed()));
        return stored;
    }

    Optional<RulesetDocument> find(String version) {
        return Optional.ofNullable(mongo.findById(version, RulesetDocument.class));
    }

    RulesetDocument existing(String version) {
        return find(version).orElseThrow(() -> new ResourceNotFoundException("No rule set version " + version + "."));
    }

    /** Every stored version without its sources, newest upload first. */
    List<RulesetDocument> list() {
        Query query = new Query().with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
        query.fields().exclude("files");
        return mongo.find(query, RulesetDocument.class);
    }

    /** The version the store names active (the latest activation). */
    Optional<RulesetDocument> active() {
        return activeVersion().flatMap(this::find);
    }

    /**
     * Makes a stored version the active one: in the store (the previous active becomes RETIRED) and in this
     * engine, atomically for decisions; other instances follow within their poll interval. Rolling back is
     * activating an older version.
     */
    RulesetDocument activate(String version, String reason, boolean acceptScenarioChanges, String actor) {
        RulesetDocument candidate = existing(version);
        if (candidate.status() == RulesetStatus.REJECTED) {
            throw new RulesetConflictException("Version " + version + " was rejected at upload and cannot be "
                    + "activated; upload the corrected rules.", Map.of("version", version));
        }
        if (candidate.failsScenarios() && !acceptScenarioChanges) {
            throw new RulesetConflictException("Version " + version + " fails " + candidate.scenarios().failed()
                    + " fixture scenario(s). Review the failures; to activate anyway, send "
                    + "\"acceptScenarioChanges\": true.", Map.of("version", version, "scenarios",
                            candidate.scenarios()));
        }
        synchronized (swaps) {
            if (candidate.identity().equals(engine.activeRuleset().identity())
                    && activeVersion().filter(version::equals).isPresent()) {
                return existing(version);
            }
            Ruleset next = compile(candidate);
            Instant now = now();
            String key = RulesetDocument.activationKey(now, version);
            boolean marked = mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(version).and("status").ne(RulesetStatus.REJECTED)),
                    new Update().set("status", RulesetStatus.ACTIVE).set("activationKey", key)
                            .set("activatedBy", actor).set("activatedAt", now).set("activationReason", reason)
                            .unset("retiredBy").unset("retiredAt"),
                    RulesetDocument.class).getMatchedCount() == 1;
            if (!marked) {
                next.dispose();
                throw new RulesetConflictException("Version " + version + " changed while it was being activated.");
            }
            List<RulesetDocument> replaced = retireBefore(key, version, actor, now);
            engine.activate(next).dispose();
            String previous = replaced.isEmpty() ? null : replaced.get(0).version();
            audit.record(actor, AuditAction.ACTIVATED, version, candidate.checksum(), reason,
                    details("previous", previous, "acceptScenarioChanges", acceptScenarioChanges,
                            "scenariosFailed", candidate.scenarios() == null ? 0 : candidate.scenarios().failed()));
            replaced.forEach(old -> audit.record(actor, AuditAction.RETIRED, old.version(), old.checksum(), reason,
                    details("replacedBy", version)));
            log.info("Rule set {} activated by {} (was {})", version, actor, previous);
            return existing(version);
        }
    }

    /**
     * Makes this instance follow the store: registers the class-path KJAR (as the active version when the
     * store has none yet, as a candidate when its version is unknown) and swaps the engine to the version
     * the store names active, if it runs another.
     */
    void sync() {
        synchronized (swaps) {
            if (!indexesDeclared) {
                declareIndexes();
            }
            Optional<RulesetIdentity> active = activeIdentity();
            if (active.isEmpty()) {
                active = registerBuiltInAsActive().map(version -> builtIn);
            }
            else if (!builtInRecorded) {
                recordBuiltIn();
            }
            builtInRecorded = true;
            // The sources are read only when this instance has to change: the poll itself stays small.
            active.filter(identity -> !identity.equals(engine.activeRuleset().identity()))
                    .flatMap(identity -> find(identity.version())).ifPresent(this::converge);
        }
    }

    /** Compiles a stored version; one that no longer builds against this service's fact model is refused. */
    Ruleset compile(RulesetDocument document) {
        try {
            return Ruleset.fromSources(document.identity(), document.sources());
        }
        catch (RulesetBuildException ex) {
            throw new RulesetRejectedException(document.version(), "Stored rule set " + document.version()
                    + " no longer builds against this service's fact model.", ex.problems());
        }
    }

    private void converge(RulesetDocument active) {
        if (active.identity().equals(engine.activeRuleset().identity())) {
            return;
        }
        try {
            Ruleset next = compile(active);
            Ruleset previous = engine.activate(next);
            previous.dispose();
            log.info("Rule set {} is active here now, following the store (was {})", active.version(),
                    previous.identity().version());
        }
        catch (RulesetRejectedException ex) {
            log.error("The store names rule set {} active, but it does not build here; staying on {}: {}",
                    active.version(), engine.activeRuleset().identity().version(), ex.errors());
        }
    }

    /** The active version's name. */
    private Optional<String> activeVersion() {
        return activeIdentity().map(RulesetIdentity::version);
    }

    /** The active version's identity, read with a small projection (no sources): this runs on every poll. */
    private Optional<RulesetIdentity> activeIdentity() {
        Query query = Query.query(Criteria.where("status").is(RulesetStatus.ACTIVE))
                .with(Sort.by(Sort.Order.desc("activationKey"))).limit(1);
        query.fields().include("_id", "releaseId", "checksum");
        return Optional.ofNullable(mongo.findOne(query, Document.class, RulesetDocument.COLLECTION))
                .map(d -> new RulesetIdentity(d.getString("_id"), d.getString("releaseId"), d.getString("checksum")));
    }

    private List<RulesetDocument> retireBefore(String key, String version, String actor, Instant now) {
        Query earlier = Query.query(Criteria.where("status").is(RulesetStatus.ACTIVE).and("_id").ne(version)
                .and("activationKey").lt(key));
        earlier.fields().exclude("files");
        List<RulesetDocument> replaced = new ArrayList<>(mongo.find(earlier, RulesetDocument.class));
        replaced.sort((a, b) -> b.activationKey().compareTo(a.activationKey()));
        mongo.updateMulti(earlier, new Update().set("status", RulesetStatus.RETIRED).set("retiredBy", actor)
                .set("retiredAt", now), RulesetDocument.class);
        return replaced;
    }

    private Optional<String> registerBuiltInAsActive() {
        RulesetDocument stored = recordBuiltIn();
        if (stored == null || !stored.checksum().equals(builtIn.checksum())) {
            return Optional.empty();
        }
        Instant now = now();
        String reason = "Initial active version: the rules KJAR on the class path.";
        mongo.updateFirst(Query.query(Criteria.where("_id").is(builtIn.version())),
                new Update().set("status", RulesetStatus.ACTIVE)
                        .set("activationKey", RulesetDocument.activationKey(now, builtIn.version()))
                        .set("activatedBy", SYSTEM_ACTOR).set("activatedAt", now).set("activationReason", reason)
                        .unset("retiredBy").unset("retiredAt"),
                RulesetDocument.class);
        audit.record(SYSTEM_ACTOR, AuditAction.ACTIVATED, builtIn.version(), builtIn.checksum(), reason, Map.of());
        log.info("Rule set {} from the class path registered as the active version", builtIn.version());
        return Optional.of(builtIn.version());
    }

    /** Stores the class-path KJAR as a version if the store does not know its version yet; returns the stored one. */
    private RulesetDocument recordBuiltIn() {
        RulesetDocument stored = mongo.findById(builtIn.version(), RulesetDocument.class);
        if (stored == null) {
            RulesetDocument document = RulesetDocument.candidate(builtIn, "The rules KJAR on the class path",
                    RulesetOrigin.CLASSPATH, builtInSources, SYSTEM_ACTOR, now(), builtInReport());
            try {
                mongo.insert(document);
                audit.record(SYSTEM_ACTOR, AuditAction.UPLOADED, builtIn.version(), builtIn.checksum(),
                        "Registered from the class path.", details("origin", RulesetOrigin.CLASSPATH.name(),
                                "files", builtInSources.size(), "scenariosPassed", document.scenarios().passed(),
                                "scenariosFailed", document.scenarios().failed()));
                return document;
            }
            catch (DuplicateKeyException anotherInstanceWasFirst) {
                stored = mongo.findById(builtIn.version(), RulesetDocument.class);
            }
        }
        if (stored != null && !stored.checksum().equals(builtIn.checksum())) {
            log.warn("The class-path rule set {} has other sources ({}) than the stored version {} ({}); the stored "
                    + "one counts. Give a changed KJAR a new version.", builtIn.version(), builtIn.checksum(),
                    stored.version(), stored.checksum());
        }
        return stored;
    }

    private ScenarioReport builtInReport() {
        ScenarioReport report = builtInReport;
        if (report == null) {
            Ruleset active = engine.activeRuleset();
            if (active.identity().equals(builtIn)) {
                report = scenarios.run(active);
            }
            else {
                Ruleset compiled = Ruleset.fromSources(builtIn, builtInSources);
                try {
                    report = scenarios.run(compiled);
                }
                finally {
                    compiled.dispose();
                }
            }
            builtInReport = report;
        }
        return report;
    }

    private RulesetDocument store(RulesetDocument document, RulesetDocument existing) {
        try {
            if (existing == null) {
                return mongo.insert(document);
            }
            RulesetDocument replaced = mongo.findAndReplace(Query.query(Criteria.where("_id")
                    .is(document.version()).and("status").is(RulesetStatus.REJECTED)), document,
                    FindAndReplaceOptions.none());
            if (replaced != null) {
                return document;
            }
        }
        catch (DuplicateKeyException raced) {
            // Another upload of the same version got there first.
        }
        throw new RulesetConflictException("Version " + document.version() + " was just stored by another "
                + "upload; upload under a new version.", Map.of("version", document.version()));
    }

    private void declareIndexes() {
        try {
            mongo.indexOps(RulesetDocument.class).createIndex(new Index().on("status", Sort.Direction.ASC)
                    .on("activationKey", Sort.Direction.DESC));
            audit.declareIndexes();
            indexesDeclared = true;
        }
        catch (RuntimeException ex) {
            log.warn("Rule set indexes not declared yet: {}", ex.getClass().getSimpleName());
        }
    }

    static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches() || RESERVED.contains(version)) {
            throw new InputProblemException("The version is invalid.", List.of(new InputProblemException.FieldError(
                    "/version", "must be 1–40 characters of 0-9 A-Z a-z . _ - (and not " + RESERVED + ")")));
        }
        return version;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Audit details from name, value pairs, in that order; null values are left out. */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }
}
