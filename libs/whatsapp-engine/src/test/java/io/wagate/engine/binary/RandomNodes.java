package io.wagate.engine.binary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generator of node trees that exercise every string form of the encoder. */
final class RandomNodes {

    private static final String[] SERVERS = {
        Jid.USER_SERVER, Jid.LID_SERVER, Jid.GROUP_SERVER, Jid.BROADCAST_SERVER, Jid.LEGACY_USER_SERVER,
        Jid.HOSTED_SERVER, Jid.HOSTED_LID_SERVER, Jid.NEWSLETTER_SERVER, Jid.BOT_SERVER, Jid.MESSENGER_SERVER,
        Jid.INTEROP_SERVER, Jid.CALL_SERVER
    };

    private final Random random;

    RandomNodes(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    Node tree(int maxDepth) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int attributeCount = random.nextInt(5);
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(name(), string());
        }
        String tag = name();
        return switch (maxDepth <= 1 ? random.nextInt(3) : random.nextInt(4)) {
            case 0 -> Node.of(tag, attributes);
            case 1 -> Node.of(tag, attributes, bytes());
            case 2 -> Node.of(tag, attributes, string());
            default -> {
                int count = random.nextInt(5);
                List<Node> children = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    children.add(tree(maxDepth - 1));
                }
                yield Node.of(tag, attributes, children);
            }
        };
    }

    private String name() {
        return switch (random.nextInt(3)) {
            case 0 -> Tokens.single(1 + random.nextInt(Tokens.SINGLE_BYTE_COUNT - 1));
            case 1 -> Tokens.doubleByte(random.nextInt(4), random.nextInt(256));
            default -> "x-" + Integer.toString(random.nextInt(1 << 20), 36);
        };
    }

    String string() {
        return switch (random.nextInt(9)) {
            case 0 -> Tokens.single(1 + random.nextInt(Tokens.SINGLE_BYTE_COUNT - 1));
            case 1 -> Tokens.doubleByte(random.nextInt(4), random.nextInt(256));
            case 2 -> fromAlphabet("0123456789-.", 1 + random.nextInt(random.nextBoolean() ? 20 : 130));
            case 3 -> fromAlphabet("0123456789ABCDEF", 1 + random.nextInt(random.nextBoolean() ? 20 : 130));
            case 4, 5 -> jid().toString();
            case 6 -> "";
            case 7 -> fromAlphabet("abcxyz@:._-0123456789 ", random.nextInt(40));
            default -> unicode();
        };
    }

    Jid jid() {
        String server = SERVERS[random.nextInt(SERVERS.length)];
        String user = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> fromAlphabet("0123456789", 1 + random.nextInt(15));
            case 2 -> fromAlphabet("0123456789", 5) + "-" + fromAlphabet("0123456789", 10);
            default -> "status";
        };
        int device = random.nextBoolean() ? 0 : random.nextInt(random.nextBoolean() ? 100 : 70_000) % 65_536;
        int agent = server.equals(Jid.USER_SERVER) && random.nextInt(5) == 0 ? 2 + random.nextInt(100) : 0;
        int integrator = server.equals(Jid.INTEROP_SERVER) ? random.nextInt(1000) : 0;
        return new Jid(user, agent, device, integrator, server);
    }

    private byte[] bytes() {
        int length = switch (random.nextInt(10)) {
            case 0 -> 256 + random.nextInt(2000);
            case 1 -> 0;
            default -> random.nextInt(64);
        };
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String unicode() {
        var out = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xA0 + random.nextInt(0x700);
                case 2 -> 0x4E00 + random.nextInt(0x1000);
                default -> 0x1F600 + random.nextInt(0x50);
            });
        }
        return out.toString();
    }

    private String fromAlphabet(String alphabet, int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
