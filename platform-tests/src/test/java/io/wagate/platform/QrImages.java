package io.wagate.platform;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a QR code from a PNG the way a phone camera would: from the pixels only. */
final class QrImages {

    private QrImages() {
    }

    /**
     * zxing's detector, which looks for the finder patterns anywhere in a camera frame, misreads about 2 % of these
     * codes (random pairing data at 6 pixels per module, measured over 3,000); a scanner app takes the next frame. Here
     * the next try reads the same pixels as an upright code with its quiet zone, which it always did in that
     * measurement.
     */
    static String decode(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new AssertionError("not an image (" + png.length + " bytes)", e);
        }
        if (image == null) {
            throw new AssertionError("not an image (" + png.length + " bytes)");
        }
        BinaryBitmap pixels = new BinaryBitmap(new HybridBinarizer(new Pixels(image)));
        try {
            return new QRCodeReader().decode(pixels).getText();
        } catch (NotFoundException | ChecksumException | FormatException asAFrame) {
            try {
                return new QRCodeReader().decode(pixels, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            } catch (NotFoundException | ChecksumException | FormatException e) {
                e.addSuppressed(asAFrame);
                throw new AssertionError("no readable QR code in the image", e);
            }
        }
    }

    /** The image's luminance, one byte per pixel. */
    private static final class Pixels extends LuminanceSource {

        private final byte[] luminance;

        Pixels(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            luminance = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int gray = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                    luminance[y * image.getWidth() + x] = (byte) gray;
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] target = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            System.arraycopy(luminance, y * getWidth(), target, 0, getWidth());
            return target;
        }

        @Override
        public byte[] getMatrix() {
            return luminance;
        }
    }
}
