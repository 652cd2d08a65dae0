package org.atelier.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page printed by Chromium's own print pipeline (the DevTools protocol's Page.printToPDF, with the page's CSS
 * page size, as "Save as PDF" in the print dialog does), read back with PDFBox: the text of each page, the page
 * sizes, the raster images it holds, and its first pages as PNG files.
 */
record ReportPdf(byte[] bytes, List<String> pages, List<float[]> sizes, int images) {

    static ReportPdf print(ChromeDriver driver) throws IOException {
        Map<String, Object> printed = driver.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) printed.get("data"));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<String> pages = new ArrayList<>();
            List<float[]> sizes = new ArrayList<>();
            int images = 0;
            PDFTextStripper text = new PDFTextStripper();
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                text.setStartPage(i);
                text.setEndPage(i);
                pages.add(text.getText(pdf));
                PDPage page = pdf.getPage(i - 1);
                sizes.add(new float[] {page.getMediaBox().getWidth(), page.getMediaBox().getHeight()});
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            return new ReportPdf(bytes, pages, sizes, images);
        }
    }

    int pageCount() {
        return pages.size();
    }

    String text() {
        return String.join("\n", pages);
    }

    /** Saves the PDF and its first {@code count} pages as PNGs (at {@code dpi}) under {@code folder}. */
    List<Path> save(Path folder, String name, int count, float dpi) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".pdf"), bytes);
        List<Path> out = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < Math.min(count, pdf.getNumberOfPages()); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi);
                Path png = folder.resolve(name + "-page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                out.add(png);
            }
        }
        return out;
    }
}
