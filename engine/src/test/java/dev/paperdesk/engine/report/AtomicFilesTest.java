package dev.paperdesk.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file appears whole or not at all. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void aFailingWriteLeavesNoFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.csv");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write("half a file".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("disk full");
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void aFailingWriteLeavesAnExistingFileUntouched() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "previous");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write("new".getBytes(StandardCharsets.UTF_8));
                    throw new IllegalStateException("bug in a writer");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("previous");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void anUnwritableDestinationIsNamedInTheMessage() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        Path target = notADirectory.resolve("out.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + target);
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }

    @Test
    void aSuccessfulWriteReplacesTheFileWhole() throws Exception {
        Path target = dir.resolve("sub/out.csv");
        AtomicFiles.write(target, out -> out.write("a,b\r\n".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("c,d\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("c,d\r\n");
        assertThat(filesIn(target.getParent())).isEqualTo(1);
    }
}
