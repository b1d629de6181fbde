package io.wagate.engine.binary;

import java.util.Optional;

/**
 * A WhatsApp address: {@code user[.agent][:device]@server}, or a bare server such as {@code s.whatsapp.net}.
 *
 * <p>String forms (the ones {@link #toString()} produces and {@link #parse(String)} reads):
 * {@code 123@s.whatsapp.net}, {@code 123:4@s.whatsapp.net} (device 4), {@code 123:4@lid},
 * {@code 123.5:4@s.whatsapp.net} (raw agent 5, rare), {@code 1203...@g.us}, {@code status@broadcast},
 * {@code 123@hosted}, {@code 123:99@hosted.lid}, {@code 123:0@msgr} style Messenger ids, and interop ids
 * {@code integrator-user:device@interop}.
 *
 * @param user phone number, LID, group id or name; empty for a bare server
 * @param agent raw agent byte of an AD-JID whose domain is not one of the four known ones; 0 normally
 * @param device device id, 0 for the primary device
 * @param integrator interop integrator id; 0 outside {@code @interop}
 * @param server the domain after {@code @}; never empty
 */
public record Jid(String user, int agent, int device, int integrator, String server) {

    public static final String USER_SERVER = "s.whatsapp.net";
    public static final String GROUP_SERVER = "g.us";
    public static final String LEGACY_USER_SERVER = "c.us";
    public static final String BROADCAST_SERVER = "broadcast";
    public static final String LID_SERVER = "lid";
    public static final String MESSENGER_SERVER = "msgr";
    public static final String INTEROP_SERVER = "interop";
    public static final String NEWSLETTER_SERVER = "newsletter";
    public static final String HOSTED_SERVER = "hosted";
    public static final String HOSTED_LID_SERVER = "hosted.lid";
    public static final String BOT_SERVER = "bot";
    public static final String CALL_SERVER = "call";

    /** AD-JID domain bytes. */
    public static final int DOMAIN_WHATSAPP = 0;
    public static final int DOMAIN_LID = 1;
    public static final int DOMAIN_HOSTED = 128;
    public static final int DOMAIN_HOSTED_LID = 129;

    /** {@code s.whatsapp.net}: the address of the server itself in iq stanzas. */
    public static final Jid SERVER = new Jid("", 0, 0, 0, USER_SERVER);
    public static final Jid STATUS_BROADCAST = new Jid("status", 0, 0, 0, BROADCAST_SERVER);

    public Jid {
        if (server.isEmpty() || server.indexOf('@') >= 0) {
            throw new IllegalArgumentException("invalid JID server: '" + server + "'");
        }
        if (user.indexOf('@') >= 0) {
            throw new IllegalArgumentException("JID user must not contain '@': " + user);
        }
        if (agent < 0 || agent > 255 || device < 0 || device > 0xFFFF || integrator < 0 || integrator > 0xFFFF) {
            throw new IllegalArgumentException("JID agent/device/integrator out of range");
        }
    }

    /** {@code user@server}. */
    public static Jid of(String user, String server) {
        return new Jid(user, 0, 0, 0, server);
    }

    /** {@code user:device@server}. */
    public static Jid ofDevice(String user, int device, String server) {
        return new Jid(user, 0, device, 0, server);
    }

    /** A bare server address such as {@code g.us}. */
    public static Jid ofServer(String server) {
        return new Jid("", 0, 0, 0, server);
    }

    /** A device JID from an AD-JID domain byte: 0, 1, 128 and 129 select the server, any other value is an agent. */
    public static Jid fromAdDomain(String user, int domain, int device) {
        return switch (domain) {
            case DOMAIN_LID -> new Jid(user, 0, device, 0, LID_SERVER);
            case DOMAIN_HOSTED -> new Jid(user, 0, device, 0, HOSTED_SERVER);
            case DOMAIN_HOSTED_LID -> new Jid(user, 0, device, 0, HOSTED_LID_SERVER);
            default -> new Jid(user, domain, device, 0, USER_SERVER);
        };
    }

    /** Parses any of the forms listed on the class. */
    public static Jid parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a JID: '" + text + "'"));
    }

    public static Optional<Jid> tryParse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text.isEmpty() ? Optional.empty() : Optional.of(ofServer(text));
        }
        String server = text.substring(at + 1);
        if (server.isEmpty() || server.indexOf('@') >= 0) {
            return Optional.empty();
        }
        String userPart = text.substring(0, at);
        int integrator = 0;
        if (server.equals(INTEROP_SERVER)) {
            int dash = userPart.indexOf('-');
            if (dash > 0) {
                integrator = parseNumber(userPart.substring(0, dash), 0xFFFF);
                userPart = userPart.substring(dash + 1);
            }
        }
        int device = 0;
        int colon = userPart.lastIndexOf(':');
        if (colon >= 0) {
            device = parseNumber(userPart.substring(colon + 1), 0xFFFF);
            userPart = userPart.substring(0, colon);
        }
        int agent = 0;
        int dot = userPart.lastIndexOf('.');
        if (dot >= 0 && server.equals(USER_SERVER)) {
            agent = parseNumber(userPart.substring(dot + 1), 255);
            userPart = userPart.substring(0, dot);
        }
        if (integrator < 0 || device < 0 || agent < 0) {
            return Optional.empty();
        }
        return Optional.of(new Jid(userPart, agent, device, integrator, server));
    }

    /** The AD-JID domain byte: the raw agent if set, else the server's domain. */
    public int adDomain() {
        if (agent != 0) {
            return agent;
        }
        return switch (server) {
            case LID_SERVER -> DOMAIN_LID;
            case HOSTED_SERVER -> DOMAIN_HOSTED;
            case HOSTED_LID_SERVER -> DOMAIN_HOSTED_LID;
            default -> DOMAIN_WHATSAPP;
        };
    }

    /** The same user without agent and device: the account rather than one of its devices. */
    public Jid toNonAd() {
        return new Jid(user, 0, 0, integrator, server);
    }

    public Jid withDevice(int newDevice) {
        return new Jid(user, agent, newDevice, integrator, server);
    }

    public boolean isGroup() {
        return server.equals(GROUP_SERVER);
    }

    public boolean isLid() {
        return server.equals(LID_SERVER) || server.equals(HOSTED_LID_SERVER);
    }

    public boolean isServer() {
        return user.isEmpty();
    }

    @Override
    public String toString() {
        if (server.equals(INTEROP_SERVER)) {
            return integrator + "-" + user + ":" + device + "@" + server;
        }
        if (agent > 0) {
            return user + "." + agent + ":" + device + "@" + server;
        }
        if (device > 0) {
            return user + ":" + device + "@" + server;
        }
        return user.isEmpty() ? server : user + "@" + server;
    }

    /** A non-negative decimal without sign or superfluous leading zeros, at most {@code max}; -1 otherwise. */
    private static int parseNumber(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 5 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
