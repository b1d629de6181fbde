package io.wagate.instance.qr;

import org.springframework.http.MediaType;

/** Representations of a QR code. */
enum QrFormat {
    PNG(MediaType.IMAGE_PNG),
    SVG(MediaType.valueOf("image/svg+xml")),
    TEXT(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)),
    /** The string the QR code encodes, for tools and the sandbox's phones, which scan strings rather than images. */
    RAW(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));

    private final MediaType mediaType;

    QrFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }
}
