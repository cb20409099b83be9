package dev.pln.service.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded server, made durable: the reply to a command that may write is sent only after
 * the data file holds the write, so an acknowledged write survives the process being killed.
 */
final class CommittingH2Backend extends H2Backend {

    /**
     * Commands that never change data (lower case). Everything else commits: a read that commits costs a little
     * time, a write that did not would be acknowledged before it is safe.
     */
    private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "dbstats", "collstats", "hello", "ismaster", "buildinfo", "ping",
            "whatsmyuri", "serverstatus", "hostinfo", "getcmdlineopts", "getparameter", "getfreemonitoringstatus",
            "getlog", "connectionstatus", "currentop", "killcursors", "endsessions", "getlasterror", "explain");

    private final GroupCommit commits;

    CommittingH2Backend(MVStore store) {
        super(store);
        this.commits = new GroupCommit(store::commit);
    }

    /** Databases whose unique indexes compare keys without serializing them again and again. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return FastIndexH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    // Modern drivers send every command as OP_MSG, which arrives here; the legacy OP_QUERY path of pre-3.6
    // drivers bypasses this hook (and the background commit of the MVStore covers it within about a second).
    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        if (command.isEmpty() || !writes(command.keySet().iterator().next(), command)) {
            return super.handleMessage(message);
        }
        Document reply;
        try {
            reply = super.handleMessage(message);
        }
        catch (RuntimeException failed) {
            // A failed command may still have written part of its batch (an ordered insert stops at the first
            // error); commit that part too, as a real MongoDB keeps it.
            try {
                commits.awaitDurable();
            }
            catch (RuntimeException commitFailed) {
                failed.addSuppressed(commitFailed);
            }
            throw failed;
        }
        commits.awaitDurable();
        return reply;
    }

    /** Whether the command {@code name} (whose body is {@code command}) may change data. */
    static boolean writes(String name, Document command) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (lowerCase.equals("aggregate")) {
            return hasOutputStage(command.get("pipeline"));
        }
        return !READ_ONLY.contains(lowerCase);
    }

    private static boolean hasOutputStage(Object pipeline) {
        if (!(pipeline instanceof Collection<?> stages)) {
            return false;
        }
        for (Object stage : stages) {
            if (stage instanceof Map<?, ?> fields && (fields.containsKey("$out") || fields.containsKey("$merge"))) {
                return true;
            }
        }
        return false;
    }
}
