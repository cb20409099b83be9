package dev.pln.service.ruleset;

import dev.pln.service.engine.BuildProblem;
import dev.pln.service.engine.Ruleset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a KJAR built by the stock kie-maven-plugin: its Maven coordinates, its DRL sources (which the service
 * compiles itself, against the running fact model), and the fact model classes it was built with, which must
 * have the same shape as the running ones. No class of the KJAR is ever initialised or run.
 */
final class KjarReader {

    static final String MODEL_FOLDER = "dev/pln/model/";
    private static final int MAX_ENTRIES = 5_000;
    private static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;

    /** What the service takes from a KJAR. */
    record Kjar(String groupId, String artifactId, String version, Map<String, String> sources) {

        String releaseId() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    private KjarReader() {
    }

    /**
     * @throws RulesetRejectedException when the upload is not a usable KJAR or was built against another fact model
     */
    static Kjar read(byte[] jar, ClassLoader running) {
        Map<String, String> sources = new TreeMap<>();
        Map<String, byte[]> modelClasses = new TreeMap<>();
        String kmodule = null;
        Properties pom = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            int entries = 0;
            long unpacked = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("The KJAR has more than " + MAX_ENTRIES + " entries.");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                boolean wanted = name.endsWith(".drl") || name.equals("META-INF/kmodule.xml")
                        || name.matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties")
                        || name.startsWith(MODEL_FOLDER) && name.endsWith(".class");
                if (!wanted) {
                    continue;
                }
                byte[] content = readLimited(zip, MAX_UNPACKED_BYTES - unpacked);
                unpacked += content.length;
                if (name.endsWith(".drl")) {
                    sources.put(name, new String(content, StandardCharsets.UTF_8));
                }
                else if (name.equals("META-INF/kmodule.xml")) {
                    kmodule = new String(content, StandardCharsets.UTF_8);
                }
                else if (name.endsWith("pom.properties")) {
                    pom = new Properties();
                    pom.load(new ByteArrayInputStream(content));
                }
                else {
                    modelClasses.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), content);
                }
            }
        }
        catch (IOException ex) {
            throw refused("The file is not a readable jar: " + ex.getMessage());
        }
        if (kmodule == null) {
            throw refused("The jar has no META-INF/kmodule.xml: it is not a KJAR built by the kie-maven-plugin.");
        }
        if (!kmodule.contains("\"" + Ruleset.KIE_BASE + "\"")) {
            throw refused("META-INF/kmodule.xml declares no knowledge base named " + Ruleset.KIE_BASE
                    + ", which the service runs decisions on.");
        }
        if (pom == null || pom.getProperty("version") == null) {
            throw refused("The KJAR has no META-INF/maven/…/pom.properties with its Maven version.");
        }
        if (sources.isEmpty()) {
            throw refused("The KJAR holds no .drl sources; build it with the DRL kept in the jar "
                    + "(the executable model with generateModel YES_WITHDRL, or plain DRL).");
        }
        List<String> modelDifferences = FactModel.differences(modelClasses, running);
        if (!modelDifferences.isEmpty()) {
            throw new RulesetRejectedException(pom.getProperty("version"),
                    "The KJAR was built against a different fact model (dev.pln.model) than this service runs; "
                            + "rebuild it against the service's model version.",
                    modelDifferences.stream().map(d -> new BuildProblem("", 0, 0, d)).toList());
        }
        return new Kjar(pom.getProperty("groupId"), pom.getProperty("artifactId"), pom.getProperty("version"),
                sources);
    }

    private static byte[] readLimited(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > budget) {
                throw refused("The KJAR unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MiB.");
            }
        }
        return out.toByteArray();
    }

    private static RulesetRejectedException refused(String detail) {
        return new RulesetRejectedException(null, detail, List.of(new BuildProblem("", 0, 0, detail)));
    }

    /** Compares the shape (public constructors, methods, fields, enum constants) of two fact models. */
    static final class FactModel {

        private FactModel() {
        }

        static List<String> differences(Map<String, byte[]> kjarClasses, ClassLoader running) {
            List<String> differences = new ArrayList<>();
            if (kjarClasses.isEmpty()) {
                return differences;
            }
            ClassLoader isolated = new BytesClassLoader(kjarClasses);
            for (String name : kjarClasses.keySet()) {
                if (name.endsWith("package-info")) {
                    continue;
                }
                try {
                    Class<?> theirs = Class.forName(name, false, isolated);
                    Class<?> ours;
                    try {
                        ours = Class.forName(name, false, running);
                    }
                    catch (ClassNotFoundException ex) {
                        differences.add(name + " is in the KJAR but not in the service's fact model.");
                        continue;
                    }
                    TreeSet<String> missing = shape(ours);
                    missing.removeAll(shape(theirs));
                    TreeSet<String> extra = shape(theirs);
                    extra.removeAll(shape(ours));
                    extra.forEach(member -> differences.add(name + ": the KJAR's model has " + member
                            + ", the service's has not."));
                    missing.forEach(member -> differences.add(name + ": the service's model has " + member
                            + ", the KJAR's has not."));
                }
                catch (ClassNotFoundException | LinkageError ex) {
                    differences.add(name + " in the KJAR cannot be read: " + ex);
                }
            }
            return differences;
        }

        private static TreeSet<String> shape(Class<?> type) {
            TreeSet<String> members = new TreeSet<>();
            for (Constructor<?> constructor : type.getConstructors()) {
                members.add("constructor(" + names(constructor.getParameterTypes()) + ")");
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() != Object.class && method.getDeclaringClass() != Enum.class) {
                    members.add(method.getReturnType().getName() + " " + method.getName() + "("
                            + names(method.getParameterTypes()) + ")");
                }
            }
            for (Field field : type.getFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    members.add((field.isEnumConstant() ? "constant " : "field ") + field.getName());
                }
            }
            return members;
        }

        private static String names(Class<?>[] types) {
            return String.join(", ", Arrays.stream(types).map(Class::getName).toList());
        }
    }

    /** Defines the KJAR's model classes in isolation (parent: the platform loader), without initialising them. */
    private static final class BytesClassLoader extends ClassLoader {

        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes) {
            super("kjar-fact-model", ClassLoader.getPlatformClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
