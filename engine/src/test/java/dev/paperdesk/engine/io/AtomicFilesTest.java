package dev.paperdesk.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheWholeFile() throws IOException {
        Path target = dir.resolve("out/data.csv");
        AtomicFiles.writeText(target, w -> w.write("a,b\r\n1,2\r\n"));
        assertThat(Files.readString(target)).isEqualTo("a,b\r\n1,2\r\n");
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void aFailingWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("keep.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
                    w.write("half");
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void aRuntimeFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("new.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
                    throw new IllegalStateException("bad row");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void anUnwritableDestinationGetsAClearMessage() throws IOException {
        // A regular file where the folder should be: no folder can be made there, whoever runs the test.
        Path blocker = Files.writeString(dir.resolve("reports"), "not a folder");
        assertThatThrownBy(() -> AtomicFiles.writeString(blocker.resolve("x.csv"), "x"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(blocker.toString());
        assertThat(Files.readString(blocker)).isEqualTo("not a folder");
    }

    @Test
    void aFolderAsTargetIsRefused() {
        assertThatThrownBy(() -> AtomicFiles.writeString(dir, "x"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("it is a folder");
    }

    @Test
    void theFinishedFileHasTheFoldersDefaultPermissions() throws IOException {
        Path target = dir.resolve("shared.csv");
        AtomicFiles.writeString(target, "x");
        Path plain = Files.writeString(dir.resolve("plain.csv"), "x");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void theUncheckedFormNamesThePathToo() throws IOException {
        Path blocker = Files.writeString(dir.resolve("pdfs"), "not a folder");
        assertThatThrownBy(() -> AtomicFiles.writeUnchecked(blocker.resolve("r.pdf"), out -> out.write(1)))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(blocker.toString());
    }

    @Test
    void aWriterClosedByALibraryStillCompletesTheFile() throws IOException {
        Path target = dir.resolve("closed.csv");
        AtomicFiles.writeText(target, w -> {
            w.write("x");
            w.close(); // e.g. Jackson's SequenceWriter closes what it was given
        });
        assertThat(Files.readString(target)).isEqualTo("x");
    }
}
