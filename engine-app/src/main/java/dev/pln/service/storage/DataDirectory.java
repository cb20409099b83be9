package dev.pln.service.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's data directory, kept to the service's OS user: the directory {@code rwx------}, every file
 * in it {@code rw-------}, including what an earlier version left readable by others.
 */
final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path directory;
    private final boolean posix;

    DataDirectory(Path directory) {
        this.directory = directory;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates the directory for its owner only, or takes group and other access away from it and from everything
     * below it. Rejects a directory that cannot be made owner-only (it belongs to another user): its files would be
     * readable by whoever may read that directory.
     */
    void secure() {
        if (!posix) {
            log.warn("Storage: this file system has no POSIX permissions; make sure only the service's user can "
                    + "read the data directory {}", directory);
            createDirectories();
            return;
        }
        if (Files.notExists(directory)) {
            createDirectories();
            return;
        }
        try {
            restrict(directory);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot make the data directory " + directory
                    + " readable by its owner only (is it another user's?)", ex);
        }
        for (Path entry : entries()) {
            try {
                restrict(entry);
            }
            catch (IOException ex) {
                // The directory above it already keeps other users out; the entry is the operator's to fix.
                log.warn("Storage: cannot take group and other access away from {} ({})", entry, ex.toString());
            }
        }
    }

    /** Creates {@code file} in the directory, empty and readable by its owner only; does nothing if it exists. */
    void createOwnerOnly(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            else {
                Files.createFile(file);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create " + file, ex);
        }
    }

    private void createDirectories() {
        try {
            Path parent = directory.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (posix) {
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                // The umask may have taken bits away from rwx------, never added any; set it exactly anyway.
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
            else {
                Files.createDirectory(directory);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, ex);
        }
    }

    /** Everything below the directory, without following symbolic links out of it. */
    private List<Path> entries() {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> !path.equals(directory))
                    .filter(path -> !Files.isSymbolicLink(path))
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list the data directory " + directory, ex);
        }
    }

    private static void restrict(Path path) throws IOException {
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
        if (current.stream().noneMatch(OTHERS::contains)) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
        ownerOnly.addAll(current);
        ownerOnly.removeAll(OTHERS);
        Files.setPosixFilePermissions(path, ownerOnly);
        // File names and modes only: nothing in them is personal data.
        log.warn("Storage: took group and other access away, {} to {}: {}", PosixFilePermissions.toString(current),
                PosixFilePermissions.toString(ownerOnly), path);
    }
}
