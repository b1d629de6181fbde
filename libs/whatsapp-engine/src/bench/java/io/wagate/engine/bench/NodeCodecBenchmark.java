package io.wagate.engine.bench;

import io.wagate.engine.binary.MalformedNodeException;
import io.wagate.engine.binary.Node;
import io.wagate.engine.binary.NodeDecoder;
import io.wagate.engine.binary.NodeEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Throughput of node encoding and decoding for a keepalive iq and for an outgoing message stanza. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NodeCodecBenchmark {

    private final NodeDecoder decoder = NodeDecoder.withDefaults();
    private Node pingIq;
    private byte[] pingIqBytes;
    private Node message;
    private byte[] messageBytes;

    @Setup
    public void setUp() {
        pingIq = Node.builder("iq")
                .attribute("id", "41528.33127-12")
                .attribute("to", "s.whatsapp.net")
                .attribute("type", "get")
                .attribute("xmlns", "w:p")
                .child(Node.of("ping"))
                .build();
        pingIqBytes = NodeEncoder.encode(pingIq);
        message = messageStanza(new Random(1));
        messageBytes = NodeEncoder.encode(message);
    }

    /** A text message to a user with three devices, as a client sends it: pkmsg per device plus identity. */
    private static Node messageStanza(Random random) {
        List<Node> recipients = new ArrayList<>();
        for (int device = 0; device < 3; device++) {
            byte[] ciphertext = new byte[280];
            random.nextBytes(ciphertext);
            recipients.add(Node.builder("to")
                    .attribute("jid", "4915112345678:" + device + "@s.whatsapp.net")
                    .child(Node.builder("enc").attribute("v", "2").attribute("type", "pkmsg")
                            .content(ciphertext).build())
                    .build());
        }
        byte[] identity = new byte[160];
        random.nextBytes(identity);
        return Node.builder("message")
                .attribute("id", "3EB0A1B2C3D4E5F6A7B8C9")
                .attribute("to", "4915112345678@s.whatsapp.net")
                .attribute("type", "text")
                .child(Node.builder("participants").children(recipients).build())
                .child(Node.builder("device-identity").content(identity).build())
                .build();
    }

    @Benchmark
    public byte[] encodePingIq() {
        return NodeEncoder.encode(pingIq);
    }

    @Benchmark
    public Node decodePingIq() throws MalformedNodeException {
        return decoder.decode(pingIqBytes);
    }

    @Benchmark
    public byte[] encodeMessage() {
        return NodeEncoder.encode(message);
    }

    @Benchmark
    public Node decodeMessage() throws MalformedNodeException {
        return decoder.decode(messageBytes);
    }
}
