package dev.pln.service.ruleset;

import dev.pln.service.engine.BuildProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses DRL whose code reaches beyond the facts: processes and {@code System}, threads, files, the network,
 * reflection, class loading, scripting and the service's own internals. Rules can contain Java, so uploaded
 * rules are checked before anything compiles or runs them. The check reads the code the way the compilers do
 * (unicode escapes decoded; comments and string literals ignored) and works on names, with an allow-list for
 * imports: a guard against accidents and casual abuse, not a sandbox, which is why uploading stays privileged.
 */
final class DrlSafetyCheck {

    static final String RULE = "Rules may only read facts and insert conclusions: they may not touch processes, "
            + "System, threads, files, the network, reflection or class loading.";

    private static final List<String> ALLOWED_IMPORTS = List.of("dev.pln.model.", "java.util.", "java.time.",
            "java.math.");
    private static final Map<String, String> DENIED_PACKAGES = new LinkedHashMap<>();
    private static final Map<String, String> DENIED_NAMES = new LinkedHashMap<>();
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+([0-9A-Fa-f]{4})");
    private static final Pattern IMPORT = Pattern.compile(
            "(?<![\\w$])import(\\s+(?:function|static|accumulate))?\\s+([\\w$]+(?:\\s*\\.\\s*(?:[\\w$]+|\\*))*)");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.])[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+");
    private static final Pattern NAME = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*(?![\\w$])");

    static {
        deny(DENIED_PACKAGES, "files", "java.io", "java.nio");
        deny(DENIED_PACKAGES, "the network", "java.net", "javax.net", "java.rmi");
        deny(DENIED_PACKAGES, "reflection", "java.lang.reflect", "java.lang.invoke", "java.beans");
        deny(DENIED_PACKAGES, "process and JVM control", "java.lang.management", "java.lang.instrument",
                "javax.management", "java.lang.ref", "sun", "jdk", "com.sun");
        deny(DENIED_PACKAGES, "scripting and naming", "javax.script", "javax.naming");
        deny(DENIED_PACKAGES, "the service's internals", "dev.pln.service", "org.springframework", "com.mongodb",
                "org.bson", "org.kie", "org.drools");
        deny(DENIED_NAMES, "process and JVM control", "System", "Runtime", "ProcessBuilder", "Process",
                "ProcessHandle", "SecurityManager", "Shutdown", "getenv", "getInteger", "getLong", "getBoolean",
                "ManagementFactory", "MBeanServer");
        deny(DENIED_NAMES, "threads", "Thread", "ThreadGroup", "ThreadLocal", "Executors", "ExecutorService",
                "Executor", "ForkJoinPool", "CompletableFuture", "Timer");
        deny(DENIED_NAMES, "files", "File", "Files", "Path", "Paths", "FileSystem", "FileSystems",
                "FileInputStream", "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "FileChannel",
                "PrintStream", "PrintWriter", "ObjectInputStream", "ObjectOutputStream", "ZipFile", "JarFile");
        deny(DENIED_NAMES, "the network", "Socket", "ServerSocket", "DatagramSocket", "SocketChannel", "URL", "URI",
                "URLConnection", "HttpURLConnection", "HttpClient", "InetAddress", "InetSocketAddress");
        deny(DENIED_NAMES, "reflection", "Class", "getClass", "forName", "getMethod", "getMethods",
                "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField",
                "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
                "getDeclaredConstructors", "setAccessible", "invoke", "newInstance", "Method", "Field",
                "Constructor", "AccessibleObject", "MethodHandles", "MethodHandle", "VarHandle", "Proxy", "Unsafe",
                "Introspector");
        deny(DENIED_NAMES, "class loading", "ClassLoader", "URLClassLoader", "getClassLoader",
                "getContextClassLoader", "defineClass", "loadClass", "ServiceLoader", "ModuleLayer",
                "Instrumentation");
        deny(DENIED_NAMES, "scripting and naming", "ScriptEngine", "ScriptEngineManager", "InitialContext");
    }

    private DrlSafetyCheck() {
    }

    /** Every forbidden use in every file, by file, line and column; empty when the sources are safe. */
    static List<BuildProblem> check(Map<String, String> sources) {
        List<BuildProblem> problems = new ArrayList<>();
        sources.forEach((file, text) -> problems.addAll(check(file, text)));
        return problems;
    }

    static List<BuildProblem> check(String file, String text) {
        String code = codeOnly(decodeUnicodeEscapes(text));
        List<BuildProblem> problems = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String name = imports.group(2).replaceAll("\\s+", "");
            if (ALLOWED_IMPORTS.stream().noneMatch(name::startsWith)) {
                problems.add(at(file, code, imports.start(2), "import " + name + " is not allowed: rules may "
                        + "import only from dev.pln.model, java.util, java.time and java.math. " + RULE));
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String name = qualified.group().replaceAll("\\s+", "");
            for (Map.Entry<String, String> denied : DENIED_PACKAGES.entrySet()) {
                if (name.equals(denied.getKey()) || name.startsWith(denied.getKey() + ".")) {
                    problems.add(at(file, code, qualified.start(), "'" + name + "' reaches " + denied.getValue()
                            + ". " + RULE));
                    break;
                }
            }
        }
        Matcher names = NAME.matcher(code);
        while (names.find()) {
            String category = DENIED_NAMES.get(names.group());
            if (category != null) {
                problems.add(at(file, code, names.start(), "'" + names.group() + "' is not allowed in rules ("
                        + category + "). " + RULE));
            }
        }
        // One problem per line is enough to find it ("java.io.File" is both a package and a name).
        Map<Integer, BuildProblem> byLine = new TreeMap<>();
        problems.forEach(problem -> byLine.merge(problem.line(), problem,
                (a, b) -> a.column() <= b.column() ? a : b));
        return List.copyOf(byLine.values());
    }

    /** Decodes {@code \\uXXXX} line by line, as the Java compiler would, keeping every line where it was. */
    static String decodeUnicodeEscapes(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder decoded = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            Matcher escape = UNICODE_ESCAPE.matcher(lines[i]);
            StringBuilder line = new StringBuilder();
            while (escape.find()) {
                char c = (char) Integer.parseInt(escape.group(1), 16);
                escape.appendReplacement(line, Matcher.quoteReplacement(String.valueOf(c == '\n' ? ' ' : c)));
            }
            escape.appendTail(line);
            decoded.append(line);
            if (i < lines.length - 1) {
                decoded.append('\n');
            }
        }
        return decoded.toString();
    }

    /** The text with comments and string or character literals blanked out; line breaks and columns stay. */
    static String codeOnly(String text) {
        StringBuilder code = new StringBuilder(text);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < code.length() && code.charAt(i) != '\n') {
                    code.setCharAt(i++, ' ');
                }
            }
            else if (c == '/' && next == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                blank(code, i, end);
                i = end;
            }
            else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != c && code.charAt(end) != '\n') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, code.length());
                blank(code, i + 1, end - 1);
                i = end;
            }
            else {
                i++;
            }
        }
        return code.toString();
    }

    private static void blank(StringBuilder code, int from, int to) {
        for (int i = from; i < to && i < code.length(); i++) {
            if (code.charAt(i) != '\n') {
                code.setCharAt(i, ' ');
            }
        }
    }

    private static BuildProblem at(String file, String code, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new BuildProblem(file, line, offset - lineStart + 1, message);
    }

    private static void deny(Map<String, String> into, String category, String... names) {
        for (String name : names) {
            into.put(name, category);
        }
    }
}
