package org.atelier.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * Reads a flat Parquet file into typed columns with parquet-java's decoders but none of its Hadoop layer.
 *
 * <p>Type mapping: INT32/INT64 (plain or INT annotations) and BOOLEAN (0/1) -> integral numeric; FLOAT,
 * DOUBLE and DECIMAL (on INT32, INT64, BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY) -> numeric; BYTE_ARRAY as
 * STRING, ENUM, JSON or unannotated binary -> text (UTF-8), dictionary-encoded or not; nulls -> missing.
 * Anything else (dates, timestamps, INT96, UUID, nested groups, lists, maps) is refused with an error naming
 * the column and its type, rather than read as misleading numbers.
 */
final class ParquetReader {
    private static final int FOOTER_TAIL = 8; // footer length (4 bytes, little endian) + "PAR1"

    private ParquetReader() {
    }

    /**
     * Reads the footer, then each column chunk as its column is decoded: what is held is the columns and a chunk per
     * thread, not the file's bytes besides.
     */
    static Frame read(Path file, long maxBytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            DatasetLimits.checkSize(channel.size(), Math.min(maxBytes, Integer.MAX_VALUE - 16));
            return read(channel, file.getFileName().toString());
        } catch (IOException e) {
            throw DatasetReader.unreadable(file, e);
        }
    }

    private static Frame read(FileChannel file, String fileName) throws IOException {
        FileMetaData footer = footer(file, fileName);
        List<SchemaElement> schema = footer.getSchema();
        List<Leaf> leaves = leaves(schema);
        List<String> names = leaves.stream().map(Leaf::name).toList();
        DatasetReader.checkUniqueNames(names);
        long totalRows = footer.getNum_rows();
        if (totalRows > Integer.MAX_VALUE - 16) {
            throw new DatasetException(DatasetException.Kind.TOO_LARGE,
                    "File has " + totalRows + " rows, more than Atelier can hold");
        }
        if (leaves.isEmpty() || totalRows == 0) {
            throw DatasetException.empty();
        }
        int rows = (int) totalRows;
        VersionParser.ParsedVersion writer = writerVersion(footer);
        List<ParquetColumn> columns = new ArrayList<>();
        for (Leaf leaf : leaves) {
            columns.add(new ParquetColumn(leaf, rows));
        }
        for (RowGroup group : footer.getRow_groups()) {
            List<ColumnChunk> chunks = group.getColumns();
            if (chunks.size() != leaves.size()) {
                throw corrupt(fileName, "a row group has " + chunks.size() + " columns, the schema " + leaves.size());
            }
            for (int j = 0; j < leaves.size(); j++) {
                ColumnChunk chunk = chunks.get(j);
                if (chunk.isSetFile_path()) {
                    throw corrupt(fileName, "column '" + leaves.get(j).name() + "' is stored in another file");
                }
                if (!ParquetCodecs.supported(chunk.getMeta_data().getCodec())) {
                    throw new DatasetException(DatasetException.Kind.UNSUPPORTED_TYPE, "Column '" + leaves.get(j).name()
                            + "' uses " + chunk.getMeta_data().getCodec() + " compression, which Atelier cannot read");
                }
            }
        }
        // Columns are independent, so they are decoded in parallel, each through all row groups in order.
        List<RowGroup> groups = footer.getRow_groups();
        List<Integer> indices = java.util.stream.IntStream.range(0, columns.size()).boxed().toList();
        Parallel.forEach(indices, Runtime.getRuntime().availableProcessors(), j -> {
            ParquetColumn column = columns.get(j);
            try {
                for (RowGroup group : groups) {
                    column.append(file, group.getColumns().get(j).getMeta_data(), group.getNum_rows(), writer);
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof DatasetException d) {
                    throw d;
                }
                throw corrupt(fileName, "column '" + column.leaf.name() + "' cannot be decoded (" + firstLine(e) + ")");
            }
        });
        List<Column> result = new ArrayList<>();
        for (ParquetColumn column : columns) {
            if (column.filled != rows) {
                throw corrupt(fileName, "column '" + column.leaf.name() + "' has " + column.filled
                        + " values for " + rows + " rows");
            }
            result.add(column.toColumn());
        }
        return new Frame(result);
    }

    /** What a leaf column becomes. */
    private enum Target { INTEGER, REAL, DECIMAL, BOOLEAN, TEXT }

    private record Leaf(String name, SchemaElement element, Target target, ColumnDescriptor descriptor) {
    }

    private static FileMetaData footer(FileChannel file, String fileName) throws IOException {
        long n = file.size();
        if (n < 12) {
            throw corrupt(fileName, "not a Parquet file");
        }
        byte[] head = bytes(file, 0, 4);
        byte[] tail = bytes(file, n - FOOTER_TAIL, FOOTER_TAIL);
        if (!magic(head, 0) || !magic(tail, 4)) {
            throw corrupt(fileName, "not a Parquet file");
        }
        int length = (tail[0] & 0xFF) | (tail[1] & 0xFF) << 8 | (tail[2] & 0xFF) << 16 | (tail[3] & 0xFF) << 24;
        if (length <= 0 || length > n - 12) {
            throw corrupt(fileName, "its footer is damaged");
        }
        byte[] bytes = bytes(file, n - FOOTER_TAIL - length, length);
        try {
            return Util.readFileMetaData(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw corrupt(fileName, "its footer is damaged (" + firstLine(e) + ")");
        }
    }

    private static byte[] bytes(FileChannel file, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                throw new EOFException("the file ends early");
            }
        }
        return buffer.array();
    }

    private static boolean magic(byte[] b, int at) {
        return b[at] == 'P' && b[at + 1] == 'A' && b[at + 2] == 'R' && b[at + 3] == '1';
    }

    /** The root's children, each of which must be a primitive, non-repeated column of a supported type. */
    private static List<Leaf> leaves(List<SchemaElement> schema) {
        List<Leaf> leaves = new ArrayList<>();
        for (int i = 1; i < schema.size(); i++) {
            SchemaElement e = schema.get(i);
            String name = e.getName();
            if (e.isSetNum_children() && e.getNum_children() > 0 || !e.isSetType()) {
                throw unsupported(name, groupKind(e));
            }
            if (e.isSetRepetition_type() && e.getRepetition_type() == FieldRepetitionType.REPEATED) {
                throw unsupported(name, "repeated " + e.getType());
            }
            Target target = target(e);
            boolean optional = !e.isSetRepetition_type() || e.getRepetition_type() == FieldRepetitionType.OPTIONAL;
            PrimitiveType type = new PrimitiveType(optional ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED,
                    physical(e.getType()),
                    e.isSetType_length() ? e.getType_length() : 0, name);
            leaves.add(new Leaf(name, e, target, new ColumnDescriptor(new String[]{name}, type, 0, optional ? 1 : 0)));
        }
        return leaves;
    }

    private static PrimitiveType.PrimitiveTypeName physical(org.apache.parquet.format.Type type) {
        return switch (type) {
            case BOOLEAN -> PrimitiveType.PrimitiveTypeName.BOOLEAN;
            case INT32 -> PrimitiveType.PrimitiveTypeName.INT32;
            case INT64 -> PrimitiveType.PrimitiveTypeName.INT64;
            case INT96 -> PrimitiveType.PrimitiveTypeName.INT96;
            case FLOAT -> PrimitiveType.PrimitiveTypeName.FLOAT;
            case DOUBLE -> PrimitiveType.PrimitiveTypeName.DOUBLE;
            case BYTE_ARRAY -> PrimitiveType.PrimitiveTypeName.BINARY;
            case FIXED_LEN_BYTE_ARRAY -> PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        };
    }

    private static Target target(SchemaElement e) {
        boolean decimal = e.isSetLogicalType() ? e.getLogicalType().isSetDECIMAL()
                : e.isSetConverted_type() && e.getConverted_type() == org.apache.parquet.format.ConvertedType.DECIMAL;
        if (decimal) {
            return Target.DECIMAL;
        }
        String annotation = annotation(e);
        return switch (e.getType()) {
            case BOOLEAN -> Target.BOOLEAN;
            case INT32, INT64 -> annotation == null || annotation.startsWith("INT") || annotation.startsWith("UINT")
                    ? Target.INTEGER : failUnsupported(e.getName(), annotation);
            case FLOAT, DOUBLE -> annotation == null ? Target.REAL : failUnsupported(e.getName(), annotation);
            case BYTE_ARRAY -> annotation == null || annotation.equals("STRING") || annotation.equals("UTF8")
                    || annotation.equals("ENUM") || annotation.equals("JSON")
                    ? Target.TEXT : failUnsupported(e.getName(), annotation);
            default -> failUnsupported(e.getName(), annotation == null ? e.getType().name()
                    : e.getType() + " (" + annotation + ")");
        };
    }

    /** The logical (or legacy converted) type's name, e.g. "STRING", "DATE", "TIMESTAMP"; null if none. */
    private static String annotation(SchemaElement e) {
        if (e.isSetLogicalType()) {
            Object field = e.getLogicalType().getSetField();
            return field == null ? null : field.toString();
        }
        return e.isSetConverted_type() ? e.getConverted_type().name() : null;
    }

    private static String groupKind(SchemaElement e) {
        String annotation = annotation(e);
        return annotation != null ? annotation : "a nested group";
    }

    private static Target failUnsupported(String name, String type) {
        throw unsupported(name, type);
    }

    private static DatasetException unsupported(String name, String type) {
        return new DatasetException(DatasetException.Kind.UNSUPPORTED_TYPE,
                "Column '" + name + "' has Parquet type " + type + ", which Atelier cannot read");
    }

    private static VersionParser.ParsedVersion writerVersion(FileMetaData footer) {
        try {
            return footer.isSetCreated_by() ? VersionParser.parse(footer.getCreated_by()) : null;
        } catch (VersionParser.VersionParseException | RuntimeException e) {
            return null; // only used to work around old writers' bugs; unknown writers are read as they are
        }
    }

    private static DatasetException corrupt(String fileName, String what) {
        return new DatasetException(DatasetException.Kind.PARSE_ERROR, "Cannot read " + fileName + ": " + what);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    /** The values of one column across row groups, in primitive arrays. */
    private static final class ParquetColumn {
        final Leaf leaf;
        final double[] numbers;
        final int[] codes;
        final ByteDictionary dictionary;
        int filled;

        ParquetColumn(Leaf leaf, int rows) {
            this.leaf = leaf;
            boolean text = leaf.target() == Target.TEXT;
            numbers = text ? null : new double[rows];
            codes = text ? new int[rows] : null;
            dictionary = text ? new ByteDictionary() : null;
        }

        void append(FileChannel file, ColumnMetaData meta, long groupRows, VersionParser.ParsedVersion writer)
                throws IOException {
            ColumnDescriptor descriptor = leaf.descriptor();
            ColumnReader reader = new ColumnReaderImpl(descriptor, ParquetPages.read(file, meta),
                    new PrimitiveConverter() { }, writer);
            int maxDefinition = descriptor.getMaxDefinitionLevel();
            double scale = leaf.target() == Target.DECIMAL ? Math.pow(10, leaf.element().getScale()) : 1;
            PrimitiveType.PrimitiveTypeName physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
            for (long k = 0; k < groupRows; k++) {
                int row = filled++;
                boolean present = reader.getCurrentDefinitionLevel() == maxDefinition;
                switch (leaf.target()) {
                    case TEXT -> {
                        if (present) {
                            Binary value = reader.getBinary();
                            byte[] b = value.getBytesUnsafe();
                            codes[row] = dictionary.code(b, 0, value.length(), false);
                        } else {
                            codes[row] = -1;
                        }
                    }
                    case BOOLEAN -> numbers[row] = present ? (reader.getBoolean() ? 1 : 0) : Double.NaN;
                    case REAL -> numbers[row] = !present ? Double.NaN
                            : physical == PrimitiveType.PrimitiveTypeName.FLOAT ? reader.getFloat() : reader.getDouble();
                    case INTEGER -> numbers[row] = !present ? Double.NaN
                            : physical == PrimitiveType.PrimitiveTypeName.INT32 ? reader.getInteger() : reader.getLong();
                    case DECIMAL -> numbers[row] = !present ? Double.NaN : decimal(reader, physical, scale);
                }
                reader.consume();
            }
        }

        private double decimal(ColumnReader reader, PrimitiveType.PrimitiveTypeName physical, double scale) {
            return switch (physical) {
                case INT32 -> reader.getInteger() / scale;
                case INT64 -> reader.getLong() / scale;
                default -> new BigDecimal(new BigInteger(reader.getBinary().getBytes()),
                        leaf.element().getScale()).doubleValue();
            };
        }

        Column toColumn() {
            String name = leaf.name();
            return switch (leaf.target()) {
                case TEXT -> new StringColumn(name, codes, dictionary.toStrings());
                case INTEGER, BOOLEAN -> new NumericColumn(name, numbers, true);
                case DECIMAL -> new NumericColumn(name, numbers, leaf.element().getScale() == 0);
                case REAL -> new NumericColumn(name, numbers, false);
            };
        }
    }
}
