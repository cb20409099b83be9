package dev.pln.service.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.Match;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One compiled rule set: its identity, its DRL sources (path to text) and the knowledge base decisions run
 * on. Thread-safe; identity and sources never change, the knowledge base lives until {@link #dispose()}. A
 * decision names the identity of the rule set that made it.
 */
public final class Ruleset {

    /** The knowledge base every rule set declares in its {@code kmodule.xml}. */
    public static final String KIE_BASE = "plnKB";

    /** The stateless session every rule set declares for its knowledge base. */
    public static final String KIE_SESSION = "plnKS";

    private static final String KJAR_GROUP = "dev.pln";
    private static final String KJAR_ARTIFACT = "rules-kjar";
    /**
     * Working memories kept ready, and the most decisions that run on this rule set at once: the rules are pure
     * CPU, so more would only queue for the cores. Never more: past its fixed size, Drools' pool (ScalablePool,
     * 10.2) creates and uses an overflow list without safe publication, which can hand one working memory to
     * two threads.
     */
    private static final int POOLED_SESSIONS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final String RESOURCES = "src/main/resources/";
    private static final String KMODULE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <kbase name="%s" default="true">
                <ksession name="%s" type="stateless" default="true"/>
              </kbase>
            </kmodule>
            """.formatted(KIE_BASE, KIE_SESSION);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern SOURCE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.drl");
    private static final Pattern ERROR_POSITION = Pattern.compile("^\\[ERR \\d+] Line (\\d+):(\\d+) ");
    /** Every runtime build gets its own KieModule release, so that removing one never touches another. */
    private static final AtomicLong BUILDS = new AtomicLong();

    private final RulesetIdentity identity;
    private final SortedMap<String, String> sources;
    /** Set to null once released, so that a stale reference to a disposed rule set holds nothing big. */
    private volatile KieBase kieBase;
    private volatile KieContainer container;
    private volatile KieSessionsPool sessions;

    private final Semaphore permits = new Semaphore(POOLED_SESSIONS, true);
    private final KieSessionConfiguration sessionConfiguration;
    private final Map<Rule, RuleDescription> descriptions = new ConcurrentHashMap<>();
    private final ReleaseId build;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean retiring;

    Ruleset(RulesetIdentity identity, Map<String, String> sources, KieContainer container) {
        this(identity, sources, container, null);
    }

    private Ruleset(RulesetIdentity identity, Map<String, String> sources, KieContainer container, ReleaseId build) {
        this.identity = Objects.requireNonNull(identity);
        this.sources = new TreeMap<>(sources);
        this.container = container;
        this.kieBase = container.getKieBase(KIE_BASE);
        // A new working memory per decision costs more than the rules themselves (node and segment memories
        // are built afresh); pooled ones are reset and reused, listeners included.
        // (The container's own pool rejects stateless session models, so the pool is the knowledge base's.)
        this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
        // The sessions stay thread-safe (the default) although each serves one decision at a time: with
        // ThreadSafeOption.NO, the executable model's consequences (LambdaConsequence, 10.2) reuse one argument
        // array per rule across every session of the knowledge base, so two decisions firing the same rule at
        // once corrupt each other — wrong results, ConsequenceExceptions, agendas spinning for ever
        // (ConcurrentDecisionsTests; the load test found about one request in a thousand).
        this.sessionConfiguration = KieServices.get().newKieSessionConfiguration();
        this.build = build;
    }

    /** The built-in rule set: the KJAR on the class path, compiled to an executable model at build time. */
    public static Ruleset fromClasspath(ClassLoader classLoader) {
        KieContainer container = KieServices.get().newKieClasspathContainer(classLoader);
        String version = kjarVersion(classLoader, container);
        Map<String, String> sources = classpathSources(classLoader);
        RulesetIdentity identity = new RulesetIdentity(version, KJAR_GROUP + ":" + KJAR_ARTIFACT + ":" + version,
                checksum(sources));
        return new Ruleset(identity, sources, container);
    }

    /**
     * Compiles DRL sources (path to text, e.g. {@code pln/levels/levels.drl}) against the running fact model, in
     * DRL mode so that every problem names the real file, line and column. Each file must sit in the folder of
     * its {@code package}. Nothing of a failed build is kept.
     *
     * @throws RulesetBuildException listing every problem when the sources do not compile
     */
    public static Ruleset fromSources(RulesetIdentity identity, Map<String, String> sources) {
        List<BuildProblem> problems = layoutProblems(sources);
        if (!problems.isEmpty()) {
            throw new RulesetBuildException(problems);
        }
        KieServices services = KieServices.get();
        ReleaseId build = services.newReleaseId("dev.pln.runtime", "ruleset",
                identity.version() + "-build-" + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(build);
        files.writeKModuleXML(KMODULE);
        sources.forEach((path, text) -> files.write(RESOURCES + path, text));
        KieBuilder builder = services.newKieBuilder(files).buildAll(DrlProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(problem(message));
        }
        if (!problems.isEmpty()) {
            problems = located(problems);
            services.getRepository().removeKieModule(build);
            throw new RulesetBuildException(problems);
        }
        return new Ruleset(identity, sources, services.newKieContainer(build), build);
    }

    /** sha256 over the sources in path order, so the same rule texts always give the same checksum. */
    public static String checksum(Map<String, String> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(sources).forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    public RulesetIdentity identity() {
        return identity;
    }

    /** The DRL sources by path, in path order. */
    public SortedMap<String, String> sources() {
        return java.util.Collections.unmodifiableSortedMap(sources);
    }

    KieBase kieBase() {
        return kieBase;
    }

    /**
     * Runs {@code use} with a stateless session whose working memory comes from, and returns to, this rule set's
     * pool; waits while as many decisions as the pool holds already run, so that the pool never has to grow.
     */
    <T> T withSession(Function<StatelessKieSession, T> use) {
        permits.acquireUninterruptibly();
        try {
            return use.apply(sessions.newStatelessKieSession(sessionConfiguration));
        }
        finally {
            permits.release();
        }
    }

    /** The explanation's view of the rule that made this match, described on its first firing. */
    RuleDescription describe(Match match) {
        RuleDescription description = descriptions.get(match.getRule());
        if (description == null) {
            description = RuleDescription.of(match);
            descriptions.putIfAbsent(match.getRule(), description);
        }
        return description;
    }

    /**
     * Releases the container's resources and, for a rule set built at runtime, its KieModule in the
     * KieRepository. Decisions still running on it finish first: the release happens when the last one ends,
     * and no new decision starts on a disposed rule set.
     */
    public void dispose() {
        retiring = true;
        if (running.get() == 0) {
            release();
        }
    }

    /** The KieModule a runtime build registered in the KieRepository (none for the class-path KJAR). */
    public Optional<ReleaseId> kieModule() {
        return Optional.ofNullable(build);
    }

    /** Whether {@link #dispose()} has released the container (it waits for decisions still running). */
    public boolean isDisposed() {
        return released.get();
    }

    /** Starts one evaluation; false when the rule set is being disposed and must not be used any more. */
    boolean enter() {
        running.incrementAndGet();
        if (retiring) {
            exit();
            return false;
        }
        return true;
    }

    /** Ends an evaluation started with {@link #enter()}. */
    void exit() {
        if (running.decrementAndGet() == 0 && retiring) {
            release();
        }
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            sessions.shutdown();
            container.dispose();
            if (build != null) {
                KieServices.get().getRepository().removeKieModule(build);
            }
            sessions = null;
            container = null;
            kieBase = null;
            descriptions.clear();
        }
    }

    private static List<BuildProblem> layoutProblems(Map<String, String> sources) {
        List<BuildProblem> problems = new ArrayList<>();
        if (sources.isEmpty()) {
            problems.add(new BuildProblem("", 0, 0, "A rule set needs at least one .drl file."));
        }
        sources.forEach((path, text) -> {
            if (!SOURCE_PATH.matcher(path).matches()) {
                problems.add(new BuildProblem(path, 0, 0,
                        "A rule file path is folders and a name of letters, digits, '_' or '-', ending in .drl "
                                + "(e.g. pln/levels/levels.drl)."));
                return;
            }
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            Matcher declared = PACKAGE.matcher(text);
            if (!declared.find()) {
                problems.add(new BuildProblem(path, 1, 1, "The file declares no package; start it with "
                        + "'package " + folder.replace('/', '.') + ";'."));
                return;
            }
            String pkg = declared.group(1);
            if (!pkg.replace('.', '/').equals(folder)) {
                int line = (int) text.substring(0, declared.start(1)).chars().filter(c -> c == '\n').count() + 1;
                problems.add(new BuildProblem(path, line, declared.start(1) - text.lastIndexOf('\n', declared.start(1)),
                        "The file declares package " + pkg + ", so it belongs in folder " + pkg.replace('.', '/')
                                + "/ (it is in " + (folder.isEmpty() ? "no folder" : folder + "/") + ")."));
            }
        });
        return problems;
    }

    /**
     * The problems in file and line order, without the positionless follow-ups (e.g. "Parser returned a null
     * Package") of a file that already has a located problem.
     */
    private static List<BuildProblem> located(List<BuildProblem> problems) {
        Set<String> locatedFiles = new HashSet<>();
        problems.stream().filter(p -> p.line() > 0).forEach(p -> locatedFiles.add(p.file()));
        return problems.stream().filter(p -> p.line() > 0 || !locatedFiles.contains(p.file()))
                .sorted(Comparator.comparing(BuildProblem::file).thenComparingInt(BuildProblem::line)
                        .thenComparingInt(BuildProblem::column))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static BuildProblem problem(Message message) {
        String path = message.getPath() == null ? "" : message.getPath();
        if (path.startsWith(RESOURCES)) {
            path = path.substring(RESOURCES.length());
        }
        String text = message.getText() == null ? "" : message.getText().strip();
        int line = Math.max(message.getLine(), 0);
        int column = Math.max(message.getColumn(), 0);
        // Parser messages carry their position in the text ("[ERR 101] Line 15:31 …"), not in the message.
        Matcher position = ERROR_POSITION.matcher(text);
        if (position.find()) {
            line = line > 0 ? line : Integer.parseInt(position.group(1));
            column = column > 0 ? column : Integer.parseInt(position.group(2)) + 1;
            text = text.substring(position.end());
        }
        return new BuildProblem(path, line, column, text);
    }

    private static String kjarVersion(ClassLoader classLoader, KieContainer container) {
        ReleaseId releaseId = container.getReleaseId();
        if (releaseId != null && releaseId.getVersion() != null && !releaseId.getVersion().isBlank()) {
            return releaseId.getVersion();
        }
        String path = "META-INF/maven/" + KJAR_GROUP + "/" + KJAR_ARTIFACT + "/pom.properties";
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The rules KJAR is not on the class path: " + path + " not found");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, String> classpathSources(ClassLoader classLoader) {
        try {
            Map<String, String> sources = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver(classLoader)
                    .getResources("classpath*:pln/**/*.drl")) {
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf("pln/"));
                sources.put(path, resource.getContentAsString(StandardCharsets.UTF_8));
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("The rules KJAR holds no DRL sources under pln/");
            }
            return sources;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
