package io.wagate.instance.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Renders a QR string with zxing. PNG uses a whole number of pixels per module so that phone cameras read it
 * reliably; the quiet zone is the 4 modules the standard asks for.
 */
@Component
class QrRenderer {

    private static final int QUIET_ZONE = 4;
    private static final int PIXELS_PER_MODULE = 6;

    byte[] render(String qr, QrFormat format) {
        if (format == QrFormat.RAW) {
            return qr.getBytes(StandardCharsets.UTF_8);
        }
        BitMatrix matrix = encode(qr);
        return switch (format) {
            case PNG -> png(matrix);
            case SVG -> svg(matrix).getBytes(StandardCharsets.UTF_8);
            case TEXT -> text(matrix).getBytes(StandardCharsets.UTF_8);
            case RAW -> throw new IllegalStateException("handled above");
        };
    }

    private static BitMatrix encode(String qr) {
        try {
            return new QRCodeWriter().encode(qr, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalStateException("The QR string cannot be encoded", e);
        }
    }

    private static byte[] png(BitMatrix matrix) {
        int size = matrix.getWidth() * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = matrix.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String svg(BitMatrix matrix) {
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** Two module rows per line with half blocks, light modules drawn: made for dark-background terminals. */
    private static String text(BitMatrix matrix) {
        int size = matrix.getWidth();
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < size; y += 2) {
            for (int x = 0; x < size; x++) {
                boolean top = matrix.get(x, y);
                boolean bottom = y + 1 < size && matrix.get(x, y + 1);
                out.append(top && bottom ? ' ' : top ? '▄' : bottom ? '▀' : '█');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
