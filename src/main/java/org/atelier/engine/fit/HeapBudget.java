package org.atelier.engine.fit;

/**
 * The heap a fit may still allocate: this JVM's maximum less what is in use. An interface so a test can bound it
 * without starting a JVM with a small -Xmx.
 */
public interface HeapBudget {
    /** The most the heap can grow to, in bytes. */
    long maxBytes();

    /** Bytes in use now. */
    long usedBytes();

    /** Frees what can be freed before the budget is read again (garbage counts as used until it is collected). */
    default void reclaim() {
    }

    default long availableBytes() {
        return Math.max(0, maxBytes() - usedBytes());
    }

    HeapBudget RUNTIME = new HeapBudget() {
        public long maxBytes() {
            return Runtime.getRuntime().maxMemory();
        }

        public long usedBytes() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        @Override
        public void reclaim() {
            System.gc(); // only when a fit would otherwise be refused: the live set, not the garbage, is what counts
        }
    };

    /** A fixed budget: a heap of {@code max} bytes with {@code used} in use. */
    static HeapBudget of(long max, long used) {
        return new HeapBudget() {
            public long maxBytes() {
                return max;
            }

            public long usedBytes() {
                return used;
            }
        };
    }
}
