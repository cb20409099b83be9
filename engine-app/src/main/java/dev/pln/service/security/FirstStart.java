package dev.pln.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the first start with security on and no users in the store: creates user {@code admin} (every role, whole
 * district) with a random password and one intake API key, prints both once to the console and writes them to
 * {@code <data-dir>/initial-credentials.json}, readable by its owner only. There is no built-in password.
 */
@Component
class FirstStart implements ApplicationRunner {

    static final String FILE = "initial-credentials.json";

    private final SecuritySettings settings;
    private final Accounts accounts;
    private final Path dataDir;
    private final JsonMapper json;

    FirstStart(SecuritySettings settings, Accounts accounts, @Value("${pln.storage.data-dir:./data}") Path dataDir,
            JsonMapper json) {
        this.settings = settings;
        this.accounts = accounts;
        this.dataDir = dataDir;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled() || accounts.anyUser()) {
            return;
        }
        String password = Accounts.randomPassword();
        if (!accounts.createUser("admin", password, EnumSet.allOf(Role.class), Jurisdiction.DISTRICT)) {
            return; // another instance made it first
        }
        Accounts.IssuedKey key = accounts.createKey("intake", EnumSet.of(Role.INTAKE), Jurisdiction.DISTRICT);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", "admin");
        credentials.put("password", password);
        credentials.put("apiKey", key.apiKey());
        Path file = write(json.writeValueAsString(credentials));
        // The console on purpose, not the log: shown once, to whoever started the service.
        System.out.println("""

                ==== First start: credentials (shown once; also in %s) ====
                  user:     admin
                  password: %s
                  intake API key: %s
                Sign in at /login or send them with HTTP Basic / Authorization: Bearer.
                ==============================================================
                """.formatted(file.toAbsolutePath(), password, key.apiKey()));
    }

    private Path write(String content) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + FILE + " to " + dataDir, ex);
        }
    }
}
