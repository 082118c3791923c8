package dev.paperdesk.engine.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file completely or not at all: the content goes to a hidden temporary file beside the
 * target, which is then moved into place (atomically where the file system allows). A failure
 * leaves neither a half-written target nor the temporary file, and the error names the path.
 */
public final class AtomicFiles {
    /** Writes content to a stream. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes text (UTF-8). */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes UTF-8 text to {@code target}. */
    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            // Libraries (Jackson) close the writer they were given; that must only flush, so that
            // the move into place happens after everything is on disk.
            Writer unclosable = new java.io.FilterWriter(w) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            body.write(unclosable);
            w.flush();
        });
    }

    /** Writes {@code text} as UTF-8 to {@code target}. */
    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }

    /**
     * Like {@link #write} for callers that cannot throw checked exceptions.
     *
     * @throws java.io.UncheckedIOException naming the path when the file cannot be written
     */
    public static void writeUnchecked(Path target, StreamBody body) {
        try {
            write(target, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Writes bytes produced by {@code body} to {@code target}. */
    public static void write(Path target, StreamBody body) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null) {
            throw new IOException("cannot write " + absolute + ": it has no parent folder");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + absolute + ": it is a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException(
                    "cannot write " + absolute + ": the folder " + dir + " cannot be created (" + reason(e) + ")", e);
        }
        Path tmp;
        try {
            tmp = createTemp(dir, absolute.getFileName().toString());
        } catch (IOException e) {
            throw new IOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.write(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            if (e instanceof IOException io) {
                throw new IOException("cannot write " + absolute + ": " + reason(io), io);
            }
            throw e;
        }
    }

    /**
     * A temporary file with the folder's default permissions (not {@code Files.createTempFile}, whose
     * owner-only permissions would stay on the finished file).
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (IOException e) {
                throw new IOException("cannot write in " + dir + ": " + reason(e), e);
            }
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass()
                .getSimpleName()
                .replace("Exception", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        if (m == null) {
            return kind;
        }
        return kind.isEmpty() || kind.equals("io") ? m : kind + " (" + m + ")";
    }
}
