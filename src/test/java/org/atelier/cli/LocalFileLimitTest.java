package org.atelier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.atelier.data.DatasetException;
import org.atelier.data.DatasetLimits;
import org.atelier.engine.frame.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands read local files without the upload limit, as far as the heap allows, and say so when not. */
class LocalFileLimitTest {
    @TempDir
    Path dir;

    /**
     * A Parquet file just over the 500 MB upload limit: a small file with a 500 MB hole between its column chunks
     * and its footer (the footer locates the chunks, so the gap is never decoded). The hole is a sparse file's, so
     * almost nothing is written to disk; reading it still holds the 500 MB for a moment.
     */
    @Test
    void aLocalFileOverTheUploadLimitIsRead() throws Exception {
        assumeTrue(Runtime.getRuntime().maxMemory() > 1_500_000_000L, "needs a heap of 1.5 GB to hold a 500 MB file");
        Path small = dir.resolve("small.parquet");
        String schema = "message policy { required int32 id; required double exposure; }";
        MessageType type = MessageTypeParser.parseMessageType(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(small))
                .withConf(new PlainParquetConfiguration()).withType(type)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(type);
            for (int i = 0; i < 1_000; i++) {
                writer.write(groups.newGroup().append("id", i).append("exposure", i / 1000.0));
            }
        }
        byte[] bytes = Files.readAllBytes(small);
        int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = bytes.length - 8 - footerLength;
        Path file = dir.resolve("big.parquet");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes, 0, footerStart));
            channel.position(footerStart + DatasetLimits.DEFAULT_MAX_BYTES); // the hole
            channel.write(ByteBuffer.wrap(bytes, footerStart, bytes.length - footerStart));
        }
        assertTrue(Files.size(file) > DatasetLimits.DEFAULT_MAX_BYTES);

        Frame frame = FrameReader.application().read(file);

        assertEquals(1_000, frame.rowCount());
        assertEquals(2, frame.columnCount());
    }

    @Test
    void aFileThatCannotBeReadInTheHeapIsRefusedBeforeReadingWithFigures() throws Exception {
        Path file = csv("portfolio.csv", 50_000); // 0.55 MB
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        DatasetException e = assertThrows(DatasetException.class,
                () -> FrameReader.localFiles(1_000_000, new PrintStream(notes)).read(file));
        assertEquals(DatasetException.Kind.TOO_LARGE, e.kind());
        assertEquals("portfolio.csv is 1 MB; reading it needs about 2 MB of memory, more than the 1 MB Java heap."
                + " Start Java with a larger heap, e.g. java -Xmx1g -jar atelier.jar", e.getMessage());
    }

    @Test
    void aFileThatMayNotFitAlongsideItsFitIsReadWithANote() throws Exception {
        Path file = csv("portfolio.csv", 50_000);
        long size = Files.size(file);
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        Frame frame = FrameReader.localFiles(3 * size, new PrintStream(notes, true, StandardCharsets.UTF_8)).read(file);
        assertEquals(50_000, frame.rowCount());
        String note = notes.toString(StandardCharsets.UTF_8);
        assertTrue(note.startsWith("Note: portfolio.csv is 1 MB; reading and fitting it may need about 3 MB"), note);
        assertTrue(note.contains("start Java with -Xmx1g"), note);

        notes.reset();
        FrameReader.localFiles(5 * size, new PrintStream(notes)).read(file);
        assertEquals(0, notes.size(), "room enough: no note");
    }

    @Test
    void runningOutOfMemoryNamesTheFileTheHeapAndAHeapFlag() throws Exception {
        Path data = csv("huge.csv", 1_000);
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"response\": \"y\", \"family\": \"poisson\", \"terms\": {\"x\": {\"type\": \"linear\"}}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FitCommand.run(new String[] {"fit", "--data", data.toString(), "--spec", spec.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                path -> {
                    throw new OutOfMemoryError("Java heap space");
                });
        assertEquals(1, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("MemoryError: huge.csv (1 MB) did not fit in the "), text);
        assertTrue(text.contains(" MB Java heap. Start Java with a larger heap, e.g. java -Xmx"), text);
        assertFalse(text.contains("\tat "), text);
    }

    /** y,x rows of 11 bytes each. */
    private Path csv(String name, int rows) throws Exception {
        StringBuilder text = new StringBuilder("y,x\n");
        for (int i = 0; i < rows; i++) {
            text.append(i % 3).append(',').append(String.format("%07d", i)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
