package org.atelier.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetFormatTest {
    @Test
    void choosesTheFormatByExtensionInAnyCase() {
        assertThat(DatasetFormat.fromFileName("policies.csv")).isEqualTo(DatasetFormat.CSV);
        assertThat(DatasetFormat.fromFileName("POLICIES.CSV")).isEqualTo(DatasetFormat.CSV);
        assertThat(DatasetFormat.fromFileName("policies.csv.gz")).isEqualTo(DatasetFormat.CSV);
        assertThat(DatasetFormat.fromFileName("policies.Parquet")).isEqualTo(DatasetFormat.PARQUET);
    }

    @Test
    void namesTheUnsupportedExtension() {
        assertThatThrownBy(() -> DatasetReader.read(Path.of("/nowhere/book.xlsx")))
                .isInstanceOf(DatasetException.class)
                .hasMessage("Unsupported file format: .xlsx")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.UNSUPPORTED_FORMAT);
        assertThatThrownBy(() -> DatasetFormat.fromFileName("README"))
                .hasMessage("Unsupported file format: (none) in README");
        assertThatThrownBy(() -> DatasetFormat.fromFileName("data.txt.gz"))
                .hasMessage("Unsupported file format: .gz");
    }

    @Test
    void sizeLimitMessageRoundsUpToWholeMegabytes() {
        assertThatThrownBy(() -> DatasetLimits.checkSize(612_000_000L, DatasetLimits.DEFAULT_MAX_BYTES))
                .hasMessage("File is 612 MB, over the 500 MB limit");
        assertThatThrownBy(() -> DatasetLimits.checkSize(500_000_001L, DatasetLimits.DEFAULT_MAX_BYTES))
                .hasMessage("File is 501 MB, over the 500 MB limit");
        DatasetLimits.checkSize(500_000_000L, DatasetLimits.DEFAULT_MAX_BYTES); // at the limit is fine
    }
}
