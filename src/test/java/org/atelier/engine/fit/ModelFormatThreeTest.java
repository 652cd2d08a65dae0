package org.atelier.engine.fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.error.SerializationError;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A model in today's format (3) written before the penalty, the selection and the term types of the engine's
 * results were enums, kept as a fixture: Poisson with exposure, Area, BonusMalus, bs(DrivAge, df 4), TE(VehBrand)
 * and FE(Region), a lasso with α chosen by 3-fold CV (1se, 6 α values, seed 1), fitted on the sample portfolio's
 * first 2,000 rows of seed 5. The words are the file format: it must read to the same values and write back byte
 * for byte.
 */
class ModelFormatThreeTest {

    private static byte[] fixture() throws IOException {
        try (InputStream in = ModelFormatThreeTest.class.getResourceAsStream("/engine/model-format-3-lasso-cv.bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCrossValidatedLassoWithEncodingsReadsAndWritesBackByteForByte() throws IOException {
        byte[] fixture = fixture();
        assertEquals(3, java.nio.ByteBuffer.wrap(fixture).getInt(4), "the fixture is in format 3");
        FittedModel stored = ModelSerializer.read(fixture);

        assertEquals(PenaltyKind.LASSO, stored.spec().fitOptions().regularization());
        assertEquals(Selection.ONE_SE, stored.spec().fitOptions().selection());
        Regularization r = stored.regularization();
        assertEquals(PenaltyKind.LASSO, r.penalty());
        assertEquals(Selection.ONE_SE, r.selection());
        assertEquals(3, r.folds());
        assertEquals(6, r.path().size());
        assertEquals(TermType.BS, ((SplineEncoder) stored.encoders().get(2)).type());
        assertEquals(TermType.TARGET_ENCODING, ((LevelEncoder) stored.encoders().get(3)).type());
        assertEquals(TermType.FREQUENCY_ENCODING, ((LevelEncoder) stored.encoders().get(4)).type());

        assertArrayEquals(fixture, ModelSerializer.write(stored));
    }

    @Test
    void anUnknownPenaltyWordIsRefusedByName() throws IOException {
        byte[] fixture = fixture();
        String text = new String(fixture, StandardCharsets.ISO_8859_1);
        // the second "lasso" is the fitted penalty (the first is the spec's regularization option)
        int at = text.indexOf("lasso", text.indexOf("lasso") + 1);
        byte[] damaged = fixture.clone();
        damaged[at + 3] = 'X';
        SerializationError e = assertThrows(SerializationError.class, () -> ModelSerializer.read(damaged));
        assertEquals("Could not read the serialized model: Model file has an unknown penalty 'lasXo'", e.getMessage());
    }
}
