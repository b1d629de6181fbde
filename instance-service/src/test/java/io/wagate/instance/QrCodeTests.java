package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class QrCodeTests extends InstanceIntegrationTest {

    private static final String QR = "2@Xk3Jz9q1+/abcDEF123==,p0Qm8N2x4c7vB1aZ9yW3=,Zk2Lq8Wn4Rt6Yu0Io1Pa=,0hJx3kM5nB7vC9xZ1aS=";

    @Test
    void thePngDecodesBackToTheLatestQrString() throws Exception {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "scan-me");
        sessionEvent(tenant, id, StatusProjectionTests.status(1, SessionStatus.QR_REQUIRED, SessionStatus.INIT,
                SessionReason.PAIRING, 0));
        sessionEvent(tenant, id, new QrCodeUpdated(2, "first-code-superseded", 1, Instant.now().plusSeconds(60)));
        sessionEvent(tenant, id, new QrCodeUpdated(3, QR, 2, Instant.now().plusSeconds(60)));
        await().atMost(Duration.ofSeconds(15)).until(() -> lastSequence(id) == 3);

        byte[] png = await().atMost(Duration.ofSeconds(5)).until(() -> get(tenant.owner(), "/api/instances/scan-me/qr")
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().valueEquals("X-QR-Index", "2")
                .expectBody(byte[].class).returnResult().getResponseBody(), body -> body != null && body.length > 0);

        assertThat(decode(png)).isEqualTo(QR);
        String svg = new String(get(tenant.owner(), "/api/instances/scan-me/qr?format=svg").expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<path");
        String text = new String(get(tenant.owner(), "/api/instances/scan-me/qr?format=text").expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isGreaterThan(10);
        String raw = new String(get(tenant.owner(), "/api/instances/scan-me/qr?format=raw").expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(raw).isEqualTo(QR);
        get(tenant.owner(), "/api/instances/scan-me/qr?format=gif").expectStatus().isBadRequest();
    }

    @Test
    void answers409WhenTheInstanceIsNotWaitingForAScan() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "not-scanning");
        get(tenant.owner(), "/api/instances/not-scanning/qr").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/instance-not-awaiting-scan")
                .jsonPath("$.status").isEqualTo("INIT");

        sessionEvent(tenant, id, StatusProjectionTests.status(1, SessionStatus.QR_REQUIRED, SessionStatus.INIT,
                SessionReason.PAIRING, 0));
        sessionEvent(tenant, id, new QrCodeUpdated(2, QR, 1, Instant.now().plusSeconds(60)));
        sessionEvent(tenant, id, StatusProjectionTests.status(3, SessionStatus.CONNECTED, SessionStatus.QR_REQUIRED,
                SessionReason.LOGGED_IN, 0));
        await().atMost(Duration.ofSeconds(15)).until(() -> lastSequence(id) == 3);

        get(tenant.owner(), "/api/instances/not-scanning/qr").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/instance-not-awaiting-scan");
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
