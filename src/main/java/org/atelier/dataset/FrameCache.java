package org.atelier.dataset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.atelier.engine.frame.Frame;
import org.springframework.stereotype.Component;

/**
 * Keeps the few most recently used datasets in memory, so paging through a preview or fitting again does
 * not re-read a 678K-row file each time. A 678K x 14 portfolio takes about 80 MB, hence the small bound.
 */
@Component
class FrameCache {
    private static final int CAPACITY = 3;

    private final Map<String, Frame> frames = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Frame> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The kept frame, else the file (looked up only then: a fit should not wait for the database) read now. */
    synchronized Frame get(String datasetId, Supplier<Path> file, Function<Path, Frame> reader) {
        Frame frame = frames.get(datasetId);
        if (frame == null) {
            frame = reader.apply(file.get());
            frames.put(datasetId, frame);
        }
        return frame;
    }

    synchronized void put(String datasetId, Frame frame) {
        frames.put(datasetId, frame);
    }

    synchronized void evict(String datasetId) {
        frames.remove(datasetId);
    }
}
