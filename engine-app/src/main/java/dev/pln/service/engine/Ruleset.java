package dev.pln.service.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.Match;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One compiled rule set: its identity, its DRL sources (path to text) and the knowledge base decisions run
 * on. Immutable and thread-safe; a decision names the identity of the rule set that made it.
 */
public final class Ruleset {

    /** The knowledge base every rule set declares in its {@code kmodule.xml}. */
    public static final String KIE_BASE = "plnKB";

    private static final String KJAR_GROUP = "dev.pln";
    private static final String KJAR_ARTIFACT = "rules-kjar";
    /** Working memories kept ready; the pool grows past this under more concurrent decisions. */
    private static final int POOLED_SESSIONS = Runtime.getRuntime().availableProcessors();

    private final RulesetIdentity identity;
    private final SortedMap<String, String> sources;
    private final KieBase kieBase;
    private final KieContainer container;
    private final KieSessionsPool sessions;
    private final KieSessionConfiguration sessionConfiguration;
    private final Map<Rule, RuleDescription> descriptions = new ConcurrentHashMap<>();

    Ruleset(RulesetIdentity identity, Map<String, String> sources, KieContainer container) {
        this.identity = Objects.requireNonNull(identity);
        this.sources = new TreeMap<>(sources);
        this.container = container;
        this.kieBase = container.getKieBase(KIE_BASE);
        // A new working memory per decision costs more than the rules themselves (node and segment memories
        // are built afresh); pooled ones are reset and reused, listeners included.
        // (The container's own pool rejects stateless session models, so the pool is the knowledge base's.)
        this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
        // A pooled working memory serves one decision on one thread at a time: no locks needed inside it.
        this.sessionConfiguration = KieServices.get().newKieSessionConfiguration();
        this.sessionConfiguration.setOption(ThreadSafeOption.NO);
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

    /** A stateless session whose working memory comes from, and returns to, this rule set's pool. */
    StatelessKieSession newSession() {
        return sessions.newStatelessKieSession(sessionConfiguration);
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

    /** Releases the container's resources; decisions still running on it finish first. */
    public void dispose() {
        sessions.shutdown();
        container.dispose();
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
