package com.westbethel.motel.adapters.web.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** The QR code an authenticator app scans to enrol (an {@code otpauth://} URI), as a base64 PNG: for the API and the website. */
public final class QrCodes {

    private static final int SIZE = 240;

    private QrCodes() {
    }

    public static String base64Png(String text) {
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE), "PNG", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
