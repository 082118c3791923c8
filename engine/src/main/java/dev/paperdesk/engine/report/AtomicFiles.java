package dev.paperdesk.engine.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all: the content goes to a temporary file beside the target, which is
 * moved into place only once it is complete. A failure removes the temporary file and leaves any
 * existing target untouched.
 */
public final class AtomicFiles {
    /** Produces a file's content; may throw to abandon the write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} from {@code content}.
     *
     * @throws UncheckedIOException naming the path when the file cannot be written
     */
    public static void write(Path target, Content content) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("it is a directory");
            }
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would stick to the written file.
            tmp = dir.resolve("." + file.getFileName() + "." + System.nanoTime() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + describe(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed; a stray temporary file is the lesser problem.
                }
            }
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        return switch (type) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or folder " + message;
            case "FileSystemException" -> message == null ? "file system error" : message;
            default -> message == null ? type : message;
        };
    }
}
