package org.atelier.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one task per item on its own platform thread (the first on the caller's) and rethrows the first
 * failure. The readers split work into as many pieces as there are cores, so a pool would add nothing.
 */
final class Parallel {
    private Parallel() {
    }

    static <T> void run(List<T> items, Consumer<T> task) {
        if (items.size() == 1) {
            task.accept(items.getFirst());
            return;
        }
        RuntimeException[] failures = new RuntimeException[items.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < items.size(); i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name("atelier-read-" + i).start(() -> {
                try {
                    task.accept(items.get(index));
                } catch (RuntimeException e) {
                    failures[index] = e;
                }
            }));
        }
        try {
            task.accept(items.getFirst());
        } catch (RuntimeException e) {
            failures[0] = e;
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatasetException(DatasetException.Kind.UNREADABLE, "Reading was interrupted", e);
            }
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure; // the earliest range's error, so the reported line is the first bad one
            }
        }
    }

    /**
     * Runs {@code task} on every item with up to {@code threads} threads, each taking the next item when done
     * (for items of uneven cost); rethrows the failure of the earliest item that failed.
     */
    static <T> void forEach(List<T> items, int threads, Consumer<T> task) {
        AtomicInteger next = new AtomicInteger();
        RuntimeException[] failures = new RuntimeException[items.size()];
        List<Integer> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, Math.min(threads, items.size())); w++) {
            workers.add(w);
        }
        run(workers, worker -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                try {
                    task.accept(items.get(i));
                } catch (RuntimeException e) {
                    failures[i] = e;
                }
            }
        });
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
