package dev.paperdesk.engine.report.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF's text back, the way the report tests check numbers. */
public final class PdfText {
    private PdfText() {}

    public static String of(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static String of(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    /** Keeps sample output for eyes: target/report-samples/NAME. */
    public static Path sample(String name) throws IOException {
        Path dir = Path.of("target", "report-samples");
        java.nio.file.Files.createDirectories(dir);
        return dir.resolve(name);
    }
}
