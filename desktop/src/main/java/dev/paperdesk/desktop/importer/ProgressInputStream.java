package dev.paperdesk.desktop.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Reports how much of a file has been read, in whole percent steps, and stops reading once
 * cancelled: the {@link CancellationException} travels up through the importer and rolls the
 * store's transaction back.
 */
final class ProgressInputStream extends FilterInputStream {
    private final long size;
    private final BooleanSupplier cancelled;
    private final DoubleConsumer progress;
    private long read;
    private int lastPercent = -1;

    ProgressInputStream(InputStream in, long size, BooleanSupplier cancelled, DoubleConsumer progress) {
        super(in);
        this.size = size;
        this.cancelled = cancelled;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void check() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
    }

    private void advance(int n) {
        read += n;
        if (size > 0) {
            int percent = (int) Math.min(100, read * 100 / size);
            if (percent != lastPercent) {
                lastPercent = percent;
                progress.accept(percent / 100.0);
            }
        }
    }
}
