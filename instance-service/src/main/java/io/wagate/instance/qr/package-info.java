/**
 * QR codes to link an instance: the latest code from the session events lives in Redis until it expires, and
 * {@code GET /api/instances/{name}/qr} renders it with zxing as PNG, SVG or terminal text, never cached. An instance
 * that is not waiting for a scan answers 409 {@code instance-not-awaiting-scan}.
 */
@NullMarked
package io.wagate.instance.qr;

import org.jspecify.annotations.NullMarked;
