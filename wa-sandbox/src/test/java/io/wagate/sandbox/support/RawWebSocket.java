package io.wagate.sandbox.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client on a plain socket, for tests about what happens on the wire: when the server closes TCP, and
 * whether it closes with a FIN or a reset. The JDK client hides exactly that.
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int OPCODE_BINARY = 0x2;
    public static final int OPCODE_CLOSE = 0x8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A frame as the server sent it; the server never masks. */
    public record Frame(int opcode, byte[] payload) {

        /** The status code of a close frame, or -1 when it carries none. */
        public int closeStatus() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }
    }

    /** What a read saw on a socket that should be quiet. */
    public enum Quiet { STILL_OPEN, DATA, END_OF_STREAM, RESET }

    public static RawWebSocket open(URI endpoint) throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setSoTimeout((int) SandboxTestSupport.WAIT.toMillis());
        RawWebSocket ws = new RawWebSocket(socket);
        ws.upgrade(endpoint);
        return ws;
    }

    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    public void sendBinary(byte[] payload) throws IOException {
        send(OPCODE_BINARY, payload);
    }

    public void sendClose(int status) throws IOException {
        send(OPCODE_CLOSE, new byte[] {(byte) (status >> 8), (byte) status});
    }

    /** Half-closes: the server reads an end of stream, we can still read. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads for up to {@code wait} and says what happened; expects nothing to arrive. */
    public Quiet readQuietly(Duration wait) throws IOException {
        socket.setSoTimeout(Math.toIntExact(wait.toMillis()));
        try {
            return in.read() < 0 ? Quiet.END_OF_STREAM : Quiet.DATA;
        } catch (SocketTimeoutException e) {
            return Quiet.STILL_OPEN;
        } catch (IOException e) {
            return Quiet.RESET;
        } finally {
            socket.setSoTimeout((int) SandboxTestSupport.WAIT.toMillis());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void upgrade(URI endpoint) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + endpoint.getPath() + " HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no WebSocket upgrade: " + head);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("connection ended in the upgrade response: " + head);
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Client frames must be masked (RFC 6455, 5.3). */
    private void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            throw new IllegalArgumentException("payload too long for this test client");
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }
}
