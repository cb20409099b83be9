package dev.pln.service.storage;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Sends legacy {@code OP_QUERY} messages over a plain socket, as a local process without any driver could: the
 * path of the wire protocol that the driver uses only for its first handshake.
 */
final class LegacyWireClient implements AutoCloseable {

    private static final int OP_QUERY = 2004;

    private final Socket socket;
    private int requestId;

    LegacyWireClient(String host, int port) throws IOException {
        this.socket = new Socket(host, port);
        this.socket.setSoTimeout(10_000);
    }

    /** The documents of the reply to {@code query} on {@code namespace} (a collection, or {@code db.$cmd}). */
    List<Document> query(String namespace, Document query) throws IOException {
        BasicOutputBuffer body = new BasicOutputBuffer();
        body.writeInt32(0);
        body.writeCString(namespace);
        body.writeInt32(0);
        body.writeInt32(100);
        new DocumentCodec().encode(new BsonBinaryWriter(body), query, EncoderContext.builder().build());
        byte[] bytes = body.toByteArray();
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(16 + bytes.length).putInt(++requestId).putInt(0).putInt(OP_QUERY);
        OutputStream out = socket.getOutputStream();
        out.write(header.array());
        out.write(bytes);
        out.flush();
        return readReply();
    }

    private List<Document> readReply() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] length = new byte[4];
        try {
            in.readFully(length);
        }
        catch (EOFException closed) {
            return List.of();
        }
        byte[] rest = new byte[ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() - 4];
        in.readFully(rest);
        ByteBuffer reply = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
        reply.position(12 + 4 + 8 + 4); // requestID, responseTo, opCode; flags, cursorID, startingFrom
        int count = reply.getInt();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteBuffer slice = reply.slice().order(ByteOrder.LITTLE_ENDIAN);
            int size = slice.getInt(0);
            slice.limit(size);
            documents.add(new DocumentCodec().decode(new BsonBinaryReader(slice), DecoderContext.builder().build()));
            reply.position(reply.position() + size);
        }
        return documents;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
