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
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
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

    private final RulesetIdentity identity;
    private final SortedMap<String, String> sources;
    private final KieBase kieBase;
    private final KieContainer container;

    Ruleset(RulesetIdentity identity, Map<String, String> sources, KieContainer container) {
        this.identity = Objects.requireNonNull(identity);
        this.sources = new TreeMap<>(sources);
        this.container = container;
        this.kieBase = container.getKieBase(KIE_BASE);
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

    /** Releases the container's resources; decisions still running on it finish first. */
    public void dispose() {
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
