package io.wagate.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JidTest {

    @Test
    void parsesAndPrintsEveryForm() {
        assertThat(Jid.parse("123@s.whatsapp.net")).isEqualTo(Jid.of("123", Jid.USER_SERVER));
        assertThat(Jid.parse("123:4@s.whatsapp.net")).isEqualTo(Jid.ofDevice("123", 4, Jid.USER_SERVER));
        assertThat(Jid.parse("123:4@lid").isLid()).isTrue();
        assertThat(Jid.parse("123.7:2@s.whatsapp.net")).isEqualTo(new Jid("123", 7, 2, 0, Jid.USER_SERVER));
        assertThat(Jid.parse("1203630-1@g.us").isGroup()).isTrue();
        assertThat(Jid.parse("status@broadcast")).isEqualTo(Jid.STATUS_BROADCAST);
        assertThat(Jid.parse("s.whatsapp.net")).isEqualTo(Jid.SERVER);
        assertThat(Jid.parse("12-34:5@interop")).isEqualTo(new Jid("34", 0, 5, 12, Jid.INTEROP_SERVER));
        for (String text : new String[] {"123@s.whatsapp.net", "123:4@lid", "123.7:2@s.whatsapp.net", "1@c.us",
            "9@hosted", "9:3@hosted.lid", "55@msgr", "55:1@msgr", "12-34:5@interop", "1@newsletter", "2@bot",
            "g.us"}) {
            assertThat(Jid.parse(text).toString()).isEqualTo(text);
        }
    }

    @Test
    void adDomainsMapToServers() {
        assertThat(Jid.fromAdDomain("1", 0, 2).toString()).isEqualTo("1:2@s.whatsapp.net");
        assertThat(Jid.fromAdDomain("1", 1, 2).toString()).isEqualTo("1:2@lid");
        assertThat(Jid.fromAdDomain("1", 128, 0).toString()).isEqualTo("1@hosted");
        assertThat(Jid.fromAdDomain("1", 129, 3).toString()).isEqualTo("1:3@hosted.lid");
        assertThat(Jid.parse("1:3@hosted.lid").adDomain()).isEqualTo(129);
        assertThat(Jid.parse("1:3@s.whatsapp.net").toNonAd()).isEqualTo(Jid.parse("1@s.whatsapp.net"));
    }

    @Test
    void rejectsMalformedText() {
        assertThat(Jid.tryParse("")).isEmpty();
        assertThat(Jid.tryParse("a@")).isEmpty();
        assertThat(Jid.tryParse("a@b@c")).isEmpty();
        assertThat(Jid.tryParse("1:x@s.whatsapp.net")).isEmpty();
        assertThat(Jid.tryParse("1:70000@s.whatsapp.net")).isEmpty();
        assertThatThrownBy(() -> Jid.parse("x@")).isInstanceOf(IllegalArgumentException.class);
    }
}
