package org.atelier.data;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import org.apache.parquet.format.CompressionCodec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Page decompression for the codecs writers use in practice: uncompressed, Snappy (pyarrow's and Spark's
 * default), gzip, Zstandard and raw LZ4. aircompressor does these in pure Java (no native libraries to
 * ship); gzip is the JDK's.
 */
final class ParquetCodecs {
    private ParquetCodecs() {
    }

    /** True if {@link #decompress} handles the codec. */
    static boolean supported(CompressionCodec codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW -> true;
            default -> false;
        };
    }

    /** Decompresses {@code input[offset, offset+length)} into a new array of exactly {@code uncompressedSize}. */
    static byte[] decompress(CompressionCodec codec, byte[] input, int offset, int length, int uncompressedSize)
            throws IOException {
        byte[] output = new byte[uncompressedSize];
        if (codec == CompressionCodec.UNCOMPRESSED) {
            System.arraycopy(input, offset, output, 0, Math.min(length, uncompressedSize));
            return output;
        }
        if (codec == CompressionCodec.GZIP) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input, offset, length))) {
                int n = in.readNBytes(output, 0, uncompressedSize);
                if (n != uncompressedSize) {
                    throw new IOException("gzip page is shorter than its header says");
                }
            }
            return output;
        }
        Decompressor decompressor = switch (codec) {
            case SNAPPY -> new SnappyDecompressor();
            case ZSTD -> new ZstdDecompressor();
            case LZ4_RAW -> new Lz4Decompressor();
            default -> throw new IllegalArgumentException(codec.name());
        };
        int n = decompressor.decompress(input, offset, length, output, 0, uncompressedSize);
        if (n != uncompressedSize) {
            throw new IOException(codec + " page decompressed to " + n + " bytes, expected " + uncompressedSize);
        }
        return output;
    }
}
