package org.atelier.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.TempHomeTest;
import org.atelier.data.SamplePortfolio;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The memory an upload takes: a generated portfolio CSV a little under {@code -Datelier.benchmark.upload-mb} MB
 * (default 499: a file just under the 500 MB limit) streamed through the upload pipeline (receive at the limit, read, profile, store), printing
 * the heap's growth at its peak (the heap pools' peaks, an upper bound) and what is still retained after a full GC
 * once the upload is stored. A benchmark, not a test: it runs only with {@code -Datelier.benchmark=true}.
 */
class UploadMemoryBenchmark extends TempHomeTest {
    @Autowired
    DatasetService datasets;
    @Autowired
    ProjectService projects;
    @Autowired
    FrameCache frames;

    @Test
    void aLargeUploadsHeapGrowthAndWhatItRetains() throws Exception {
        assumeTrue(Boolean.getBoolean("atelier.benchmark"), "a benchmark: run with -Datelier.benchmark=true");
        long targetBytes = Long.getLong("atelier.benchmark.upload-mb", 499) * 1_000_000L;
        Path probe = Files.createTempFile(home, "probe-", ".csv");
        SamplePortfolio.writeCsv(probe, 1, 20_000);
        double bytesPerRow = Files.size(probe) / 20_000.0;
        Files.delete(probe);
        Path source = Files.createTempFile(home, "portfolio-", ".csv");
        SamplePortfolio.writeCsv(source, 1, (int) (targetBytes / bytesPerRow * 0.94));
        long size = Files.size(source);
        String projectId = projects.create("Large upload", "").id();

        long before = usedAfterGc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        DatasetInfo info;
        try (InputStream body = Files.newInputStream(source)) {
            info = datasets.upload(projectId, "large.csv", datasets.receive("large.csv", body));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long retained = usedAfterGc() - before;
        System.out.printf("Upload of a %,d-byte CSV (%,d rows x %d columns) in %,d ms: heap growth at peak %,d MB,"
                        + " retained after GC %,d MB (of which the frame cache keeps %,d MB), heap max %,d MB%n",
                size, info.rowCount(), info.columnCount(), millis, (peak - before) / 1_000_000, retained / 1_000_000,
                frames.keptBytes() / 1_000_000, Runtime.getRuntime().maxMemory() / 1_000_000);
        Files.delete(source);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
