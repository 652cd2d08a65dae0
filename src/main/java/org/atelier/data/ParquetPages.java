package org.atelier.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;

/**
 * The pages of one column chunk, read from the file and decompressed, in the form parquet-column's
 * decoders take. This is the part parquet-java keeps in its Hadoop module; a flat file needs only this much.
 */
final class ParquetPages implements PageReader {
    private final long valueCount;
    private DictionaryPage dictionary;
    private final Deque<DataPage> pages = new ArrayDeque<>();

    /**
     * The pages of {@code meta}'s chunk, read from the file: only this column chunk's bytes are held while its pages
     * are cut, never the whole file.
     */
    static ParquetPages read(FileChannel file, ColumnMetaData meta) throws IOException {
        long start = meta.getData_page_offset();
        if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0
                && meta.getDictionary_page_offset() < start) {
            start = meta.getDictionary_page_offset();
        }
        long end = start + meta.getTotal_compressed_size();
        if (start < 0 || end > file.size() || end - start > Integer.MAX_VALUE - 16) {
            throw new IOException("column chunk lies outside the file");
        }
        byte[] chunk = new byte[(int) (end - start)];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, start + buffer.position()) < 0) {
                throw new EOFException("column chunk runs past the file");
            }
        }
        return new ParquetPages(chunk, meta);
    }

    /** The pages in {@code file}, the bytes of one column chunk. */
    private ParquetPages(byte[] file, ColumnMetaData meta) throws IOException {
        valueCount = meta.getNum_values();
        CompressionCodec codec = meta.getCodec();
        int end = file.length;
        PositionedStream in = new PositionedStream(file, 0, end);
        long valuesRead = 0;
        while (in.position() < end && valuesRead < valueCount) {
            PageHeader header = Util.readPageHeader(in);
            int at = in.position();
            int size = header.getCompressed_page_size();
            if (at + size > end) {
                throw new IOException("page runs past its column chunk");
            }
            in.skipTo(at + size);
            switch (header.getType()) {
                case DICTIONARY_PAGE -> {
                    byte[] bytes = ParquetCodecs.decompress(codec, file, at, size, header.getUncompressed_page_size());
                    dictionary = new DictionaryPage(BytesInput.from(bytes),
                            header.getDictionary_page_header().getNum_values(),
                            encoding(header.getDictionary_page_header().getEncoding()));
                }
                case DATA_PAGE -> {
                    DataPageHeader h = header.getData_page_header();
                    byte[] bytes = ParquetCodecs.decompress(codec, file, at, size, header.getUncompressed_page_size());
                    pages.add(new DataPageV1(BytesInput.from(bytes), h.getNum_values(), bytes.length, null,
                            encoding(h.getRepetition_level_encoding()), encoding(h.getDefinition_level_encoding()),
                            encoding(h.getEncoding())));
                    valuesRead += h.getNum_values();
                }
                case DATA_PAGE_V2 -> {
                    DataPageHeaderV2 h = header.getData_page_header_v2();
                    int repetition = h.getRepetition_levels_byte_length();
                    int definition = h.getDefinition_levels_byte_length();
                    int dataAt = at + repetition + definition;
                    int dataSize = size - repetition - definition;
                    int rawSize = header.getUncompressed_page_size() - repetition - definition;
                    byte[] data = h.isSetIs_compressed() && !h.isIs_compressed()
                            ? ParquetCodecs.decompress(CompressionCodec.UNCOMPRESSED, file, dataAt, dataSize, rawSize)
                            : ParquetCodecs.decompress(codec, file, dataAt, dataSize, rawSize);
                    pages.add(DataPageV2.uncompressed(h.getNum_rows(), h.getNum_nulls(), h.getNum_values(),
                            BytesInput.from(file, at, repetition), BytesInput.from(file, at + repetition, definition),
                            encoding(h.getEncoding()), BytesInput.from(data), null));
                    valuesRead += h.getNum_values();
                }
                default -> {
                    // index pages and unknown page types carry no values
                }
            }
        }
    }

    @Override
    public DictionaryPage readDictionaryPage() {
        return dictionary;
    }

    @Override
    public long getTotalValueCount() {
        return valueCount;
    }

    @Override
    public DataPage readPage() {
        return pages.poll();
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding encoding) {
        return Encoding.valueOf(encoding.name());
    }

    /** A byte-array stream that reports its position, so the page header's length is known after reading it. */
    private static final class PositionedStream extends ByteArrayInputStream {
        PositionedStream(byte[] bytes, int from, int to) {
            super(bytes, from, to - from);
        }

        int position() {
            return pos;
        }

        void skipTo(int position) {
            if (position > count) {
                throw new UncheckedIOException(new IOException("page runs past the file"));
            }
            pos = position;
        }
    }
}
