package org.atelier.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.ModelSerializer;
import org.junit.jupiter.api.Test;

class ModelFileTest {
    private static final FittedModel MODEL = GlmFitter.fit(SampleModel.frequency(), SamplePortfolio.generate(2L, 2_000));

    @Test
    void roundTripKeepsTheHeaderAndTheModelBitForBit() {
        Instant fitted = Instant.parse("2026-12-01T10:15:30Z");
        ModelFile file = ModelFile.of(MODEL, "v3 · frequency", "portfolio.csv", fitted);
        ModelFile back = ModelFile.read(file.toBytes(), "m.atelier");
        assertEquals(file.header(), back.header());
        assertEquals(new ModelFile.Header(1, ModelFile.writer(), "v3 · frequency", "portfolio.csv", fitted), back.header());
        assertArrayEquals(ModelSerializer.write(MODEL), back.modelBytes());
        assertArrayEquals(MODEL.coefficients(), back.model().coefficients());
    }

    @Test
    void refusalsAreOneLineNamingTheFile() {
        byte[] bytes = ModelFile.of(MODEL, "v1", "d.csv", Instant.EPOCH).toBytes();
        byte[] newer = bytes.clone();
        ByteBuffer.wrap(newer).putInt(8, 7);
        assertEquals("m.atelier was written by a newer Atelier (model file format 7; this Atelier reads format 1):"
                + " update Atelier to use it", assertThrows(ModelFileException.class,
                () -> ModelFile.read(newer, "m.atelier")).getMessage());
        assertEquals("notes.txt is not an Atelier model file (write one with fit --model-out or the workbench's"
                + " Download model button)", assertThrows(ModelFileException.class,
                () -> ModelFile.read("hello, world".getBytes(StandardCharsets.UTF_8), "notes.txt")).getMessage());
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.read(Arrays.copyOf(bytes, bytes.length - 9),
                "cut.atelier")).getMessage().startsWith("cut.atelier is damaged: the model is cut short"));
        assertThrows(ModelFileException.class, () -> ModelFile.read(new byte[0], "empty.atelier"));
    }
}
