package dev.pln.service.ruleset;

import dev.pln.model.Person;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** KJARs for upload tests: the one the build made with the stock plugin, and one with another fact model. */
final class Kjars {

    private Kjars() {
    }

    /** The rules KJAR on the test class path: the packaged jar, or its build output folder zipped as the jar. */
    static byte[] shipped() throws IOException, URISyntaxException {
        Path location = Path.of(Person.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            return Files.readAllBytes(location);
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(jar); Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(location.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar.toByteArray();
    }

    /** The same KJAR with a {@code Person} compiled from other source: it has a getter this service lacks. */
    static byte[] withOtherPerson(byte[] kjar) throws IOException {
        Path dir = Files.createTempDirectory("other-model");
        Path source = dir.resolve("Person.java");
        Files.writeString(source, """
                package dev.pln.model;

                public final class Person {
                    public Person() {
                    }

                    public Integer getAge() {
                        return null;
                    }

                    public java.math.BigDecimal getIncome() {
                        return null;
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, "-d", dir.toString(), source.toString()) != 0) {
            throw new IllegalStateException("could not compile the other Person");
        }
        byte[] otherPerson = Files.readAllBytes(dir.resolve("dev/pln/model/Person.class"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(kjar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals("dev/pln/model/Person.class") ? otherPerson : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
