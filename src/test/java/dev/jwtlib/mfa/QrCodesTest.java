package dev.jwtlib.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String URI = "otpauth://totp/jwtlib:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=jwtlib"
            + "&algorithm=SHA1&digits=6&period=30";

    @Test
    void dataUriWhenDecodedByAReaderThenTheUri() throws Exception {
        String dataUri = QrCodes.dataUri(URI);
        assertTrue(dataUri.startsWith("data:image/svg+xml;base64,"));
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(!svg.contains("<script") && !svg.contains("style="), "a plain image, fine under a strict CSP");

        // draw the modules the SVG draws, 4 pixels each, and let ZXing's reader decode them, as a camera app would
        BitMatrix matrix = QrCodes.matrix(URI);
        int scale = 4;
        int quiet = 4;
        int size = (matrix.getWidth() + 2 * quiet) * scale;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            pixels[((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx] = 0xFF000000;
                        }
                    }
                    assertTrue(svg.contains("M" + (x + quiet) + " " + (y + quiet) + "h1v1h-1z"), "module " + x + "," + y);
                }
            }
        }
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(size, size, pixels)))).getText();
        assertEquals(URI, decoded);
    }
}
