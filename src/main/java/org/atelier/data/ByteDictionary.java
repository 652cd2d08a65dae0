package org.atelier.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Codes byte strings in order of first appearance without making a String per field: keys point into
 * the source buffer (when it outlives the dictionary) or are copied into pages the dictionary owns, and only the
 * distinct values become Strings at the end. Open addressing with linear probing; the table holds codes, -1
 * marks a free slot.
 */
final class ByteDictionary {
    /** Most bytes of copied keys per page (pages start small and double): one array per key costs more in headers than in text. */
    private static final int PAGE = 1 << 16;
    private byte[][] keySource = new byte[16][];
    private int[] keyOffset = new int[16];
    private int[] keyLength = new int[16];
    private int[] keyHash = new int[16];
    private int[] table = newTable(64);
    private int size;
    /** True when every key is copied: the sources are blocks of a file, reused once the block is read. */
    private final boolean owning;
    private byte[] page = new byte[0];
    private int pageUsed;

    ByteDictionary() {
        this(false);
    }

    ByteDictionary(boolean owning) {
        this.owning = owning;
    }

    int size() {
        return size;
    }

    /**
     * The code of {@code source[offset, offset+length)}, adding it if new.
     *
     * @param stable true if {@code source} is not modified afterwards (the file buffer); false for a scratch
     *               buffer, whose bytes are then copied
     */
    int code(byte[] source, int offset, int length, boolean stable) {
        return code(source, offset, length, stable, hash(source, offset, length));
    }

    /** The code of an entry of another dictionary (used to merge per-range dictionaries; reuses its hash). */
    int code(ByteDictionary other, int otherCode) {
        return code(other.keySource[otherCode], other.keyOffset[otherCode], other.keyLength[otherCode], true,
                other.keyHash[otherCode]);
    }

    private int code(byte[] source, int offset, int length, boolean stable, int hash) {
        int mask = table.length - 1;
        int slot = hash & mask;
        while (true) {
            int code = table[slot];
            if (code < 0) {
                break;
            }
            if (keyHash[code] == hash && keyLength[code] == length
                    && Arrays.equals(keySource[code], keyOffset[code], keyOffset[code] + length,
                            source, offset, offset + length)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
        if (size == keyHash.length) {
            int capacity = size * 2;
            keySource = Arrays.copyOf(keySource, capacity);
            keyOffset = Arrays.copyOf(keyOffset, capacity);
            keyLength = Arrays.copyOf(keyLength, capacity);
            keyHash = Arrays.copyOf(keyHash, capacity);
        }
        int code = size++;
        if (stable && !owning) {
            keySource[code] = source;
            keyOffset[code] = offset;
        } else {
            if (page.length - pageUsed < length) {
                page = new byte[Math.max(length, Math.min(PAGE, Math.max(256, 2 * page.length)))];
                pageUsed = 0;
            }
            System.arraycopy(source, offset, page, pageUsed, length);
            keySource[code] = page;
            keyOffset[code] = pageUsed;
            pageUsed += length;
        }
        keyLength[code] = length;
        keyHash[code] = hash;
        table[slot] = code;
        if (size * 2 > table.length) {
            rehash();
        }
        return code;
    }

    String[] toStrings() {
        String[] strings = new String[size];
        for (int i = 0; i < size; i++) {
            strings[i] = new String(keySource[i], keyOffset[i], keyLength[i], StandardCharsets.UTF_8);
        }
        return strings;
    }

    private void rehash() {
        int[] bigger = newTable(table.length * 2);
        int mask = bigger.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = keyHash[code] & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = code;
        }
        table = bigger;
    }

    private static int[] newTable(int capacity) {
        int[] t = new int[capacity];
        Arrays.fill(t, -1);
        return t;
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + bytes[i];
        }
        h ^= h >>> 16; // spread the high bits into the low ones used by the mask
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
