package org.atelier.dataset;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.springframework.stereotype.Component;

/**
 * Keeps the few most recently used datasets in memory, so paging through a preview or fitting again does not
 * re-read a 678K-row file each time. Bounded by count and by bytes (a quarter of the heap): it used to keep three
 * frames whatever their size, and three 500 MB uploads held 3 GB until the JVM was killed. The dataset in use is
 * always kept (its preview pages would otherwise re-read the file); a frame merely offered, as an upload's, only
 * when it takes at most half the budget, so a large upload leaves nothing behind once it is stored.
 */
@Component
class FrameCache {
    private static final int CAPACITY = 3;

    private final long budget;
    private final Map<String, Frame> frames = new LinkedHashMap<>(8, 0.75f, true);
    private long kept;

    FrameCache() {
        this(Runtime.getRuntime().maxMemory() / 4);
    }

    FrameCache(long budget) {
        this.budget = budget;
    }

    /** The kept frame, else the file (looked up only then: a fit should not wait for the database) read now. */
    synchronized Frame get(String datasetId, Supplier<Path> file, Function<Path, Frame> reader) {
        Frame frame = frames.get(datasetId);
        if (frame == null) {
            frame = reader.apply(file.get());
            keep(datasetId, frame);
        }
        return frame;
    }

    /** A frame just read (an upload's): kept only when it leaves room for the datasets in use. */
    synchronized boolean offer(String datasetId, Frame frame) {
        if (bytes(frame) > budget / 2) {
            return false;
        }
        keep(datasetId, frame);
        return true;
    }

    synchronized void evict(String datasetId) {
        Frame removed = frames.remove(datasetId);
        if (removed != null) {
            kept -= bytes(removed);
        }
    }

    synchronized long keptBytes() {
        return kept;
    }

    private void keep(String datasetId, Frame frame) {
        Frame previous = frames.put(datasetId, frame);
        kept += bytes(frame) - (previous == null ? 0 : bytes(previous));
        Iterator<Map.Entry<String, Frame>> eldest = frames.entrySet().iterator();
        while ((frames.size() > CAPACITY || kept > budget) && frames.size() > 1) {
            Map.Entry<String, Frame> entry = eldest.next();
            kept -= bytes(entry.getValue());
            eldest.remove();
        }
    }

    /** The arrays a frame holds: 8 bytes a cell of a numeric column, 4 a cell of a text column plus its levels. */
    static long bytes(Frame frame) {
        long total = 0;
        for (Column column : frame.columns()) {
            total += switch (column) {
                case NumericColumn n -> 8L * n.values().length;
                case StringColumn s -> 4L * s.codes().length + 48L * s.dictionary().length;
            };
        }
        return total;
    }
}
