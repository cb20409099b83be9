package dev.pln.service.storage;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's backend behind a login: a connection gets the handshake ({@code isMaster}) and the
 * SCRAM-SHA-256 conversation, and every other command, query or status only once it has authenticated.
 *
 * <p>Every request of the wire protocol reaches the backend through one of the methods below, each with the
 * connection it came on ({@code OP_MSG}: {@link #handleMessage}; {@code OP_QUERY} commands:
 * {@link #handleCommand}; {@code OP_QUERY} on a collection: {@link #handleQuery}); the server's own
 * {@code OP_QUERY ping} answers {@code ok} and nothing else.
 */
final class AuthenticatingBackend implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(AuthenticatingBackend.class);

    private static final AttributeKey<Conversation> CONVERSATION = AttributeKey
            .valueOf(AuthenticatingBackend.class, "conversation");
    private static final AttributeKey<Boolean> AUTHENTICATED = AttributeKey
            .valueOf(AuthenticatingBackend.class, "authenticated");
    private static final AttributeKey<Boolean> REFUSAL_LOGGED = AttributeKey
            .valueOf(AuthenticatingBackend.class, "refusalLogged");

    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;
    private static final int COMMAND_NOT_FOUND = 59;
    private static final int CONVERSATION_ID = 1;

    /** A command name that may go to the log as it is (no line breaks, nothing long). */
    private static final Pattern LOGGABLE_NAME = Pattern.compile("[A-Za-z$.]{1,40}");

    private final MongoBackend backend;
    private final ScramSha256Server scram;

    AuthenticatingBackend(MongoBackend backend, ScramSha256Server scram) {
        this.backend = backend;
        this.scram = scram;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        String name = command.isEmpty() ? "" : command.keySet().iterator().next();
        return handle(message.getChannel(), name, command, () -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return handle(channel, command, query, () -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        if (authenticated(query.getChannel())) {
            return backend.handleQuery(query);
        }
        // The legacy reply has no error field but the document: an old client sees why it got nothing else.
        Document refused = refuse(query.getChannel(), "query");
        refused.put("$err", refused.get("errmsg"));
        return new QueryResult(List.of(refused), 0);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return authenticated(query.getChannel()) ? backend.getCurrentOperations(query) : List.of();
    }

    /** Reached only by a legacy {@code OP_QUERY serverStatus}, which names no connection: refused to all. */
    @Override
    public Document getServerStatus() {
        return error(UNAUTHORIZED, "Unauthorized", "command serverStatus requires authentication");
    }

    private Document handle(Channel channel, String name, Document command, Supplier<Document> execute) {
        if (name.equalsIgnoreCase("isMaster")) {
            // Answered before the backend looks at the database it is sent to, so it creates none.
            return execute.get();
        }
        if (name.equalsIgnoreCase("hello") && !authenticated(channel)) {
            // The server has no hello (drivers fall back to isMaster); passed on, it would create the database
            // it was sent to. The answer is the server's own for an unknown command.
            return error(COMMAND_NOT_FOUND, "CommandNotFound", "no such command: 'hello'");
        }
        if (name.equalsIgnoreCase("saslStart")) {
            return saslStart(channel, command);
        }
        if (name.equalsIgnoreCase("saslContinue")) {
            return saslContinue(channel, command);
        }
        if (authenticated(channel)) {
            return execute.get();
        }
        return refuse(channel, name);
    }

    private Document saslStart(Channel channel, Document command) {
        channel.attr(CONVERSATION).set(null);
        Optional<ScramSha256Server.Challenge> challenge = Optional.empty();
        if (ScramSha256Server.MECHANISM.equals(command.get("mechanism"))) {
            challenge = payload(command).flatMap(scram::challenge);
        }
        if (challenge.isEmpty()) {
            return failed(channel);
        }
        boolean skipEmptyExchange = command.get("options") instanceof Document options
                && Boolean.TRUE.equals(options.get("skipEmptyExchange"));
        channel.attr(CONVERSATION).set(new Conversation(challenge.get(), skipEmptyExchange));
        return saslReply(false, challenge.get().serverFirst());
    }

    private Document saslContinue(Channel channel, Document command) {
        if (!(command.get("conversationId") instanceof Number id) || id.intValue() != CONVERSATION_ID) {
            return failed(channel);
        }
        Conversation conversation = channel.attr(CONVERSATION).getAndSet(null);
        if (conversation == null) {
            // The empty last step of a client that did not ask to skip it, after its proof was accepted.
            return authenticated(channel) ? saslReply(true, "") : failed(channel);
        }
        Optional<String> serverFinal = payload(command)
                .flatMap(message -> scram.verify(conversation.challenge(), message));
        if (serverFinal.isEmpty()) {
            return failed(channel);
        }
        channel.attr(AUTHENTICATED).set(Boolean.TRUE);
        return saslReply(conversation.skipEmptyExchange(), serverFinal.get());
    }

    /**
     * A SCRAM conversation of one connection between saslStart and its proof; {@code skipEmptyExchange}: the
     * client asked to be done with the server's final message (the drivers do) instead of one more empty step.
     */
    private record Conversation(ScramSha256Server.Challenge challenge, boolean skipEmptyExchange) {
    }

    private static Optional<String> payload(Document command) {
        if (command.get("payload") instanceof BinData data) {
            return Optional.of(new String(data.getData(), StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    private static Document saslReply(boolean done, String payload) {
        Document reply = new Document("conversationId", CONVERSATION_ID);
        reply.put("done", done);
        reply.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
        reply.put("ok", 1);
        return reply;
    }

    private static boolean authenticated(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get());
    }

    private Document failed(Channel channel) {
        channel.attr(CONVERSATION).set(null);
        log.warn("Storage: a connection to the embedded store from {} failed to authenticate",
                channel.remoteAddress());
        return error(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
    }

    /** The answer to a command of a connection that has not authenticated; logged once per connection. */
    private static Document refuse(Channel channel, String name) {
        if (channel.attr(REFUSAL_LOGGED).setIfAbsent(Boolean.TRUE) == null) {
            log.warn("Storage: refused '{}' of an unauthenticated connection to the embedded store from {}",
                    LOGGABLE_NAME.matcher(name).matches() ? name : "(a command)", channel.remoteAddress());
        }
        return error(UNAUTHORIZED, "Unauthorized", "command requires authentication");
    }

    // Returned, not thrown: the server logs a thrown error with the whole command document.
    private static Document error(int code, String codeName, String message) {
        Document error = new Document("errmsg", message);
        error.put("code", code);
        error.put("codeName", codeName);
        error.put("ok", 0);
        return error;
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
