package org.atelier.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.atelier.config.Json;
import org.atelier.engine.error.SerializationError;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.ModelSerializer;

/**
 * The model file ({@code MODEL.atelier}) that takes a fitted model out of the workbench: the {@code fit --model-out}
 * command and the "Download model" button write it, {@code predict} and the rating tables read it. One place for
 * its layout: an 8-byte signature, the file format version, a JSON header saying where the model comes from,
 * then the engine's serialized model ({@link ModelSerializer}: spec, encoders with their levels and knots,
 * coefficients), which is all a prediction needs. A file from a newer Atelier, or one that is not a model file,
 * is refused with one line ({@link ModelFileException}).
 */
public record ModelFile(Header header, byte[] modelBytes) {
    /** The file format this Atelier writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = ".atelier";
    private static final byte[] SIGNATURE = "ATELIER\u0001".getBytes(StandardCharsets.ISO_8859_1);
    /** A header larger than this is not one Atelier wrote. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    /**
     * Where the model comes from: the Atelier build that wrote the file, the model's label ("v3 · name"), the
     * dataset file it was fitted on and when. Informative only: predicting reads the model bytes.
     */
    public record Header(int formatVersion, String writtenBy, String model, String dataset, Instant fittedAt) {
    }

    public ModelFile {
        modelBytes = modelBytes.clone();
    }

    /** A model file for a fitted model, written now by this Atelier. */
    public static ModelFile of(FittedModel model, String label, String dataset, Instant fittedAt) {
        return of(ModelSerializer.write(model), label, dataset, fittedAt);
    }

    /** A model file for a model's stored bytes (the model_fits table's {@code model_bytes}). */
    public static ModelFile of(byte[] modelBytes, String label, String dataset, Instant fittedAt) {
        return new ModelFile(new Header(FORMAT_VERSION, writer(), label, dataset, fittedAt), modelBytes);
    }

    /** The fitted model, read from the serialized bytes. */
    public FittedModel model() {
        return ModelSerializer.read(modelBytes);
    }

    @Override
    public byte[] modelBytes() {
        return modelBytes.clone();
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(modelBytes.length + 512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(SIGNATURE);
            out.writeInt(header.formatVersion());
            byte[] json = Json.MAPPER.writeValueAsBytes(header);
            out.writeInt(json.length);
            out.write(json);
            out.writeInt(modelBytes.length);
            out.write(modelBytes);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    /** Reads a model file; {@code name} (the file's name) is what the refusal names. */
    public static ModelFile read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.getFileName().toString());
    }

    /**
     * Reads a model file's bytes, checking the signature and the format version first and the model bytes after
     * (so a newer model format inside is refused too).
     *
     * @throws ModelFileException naming {@code name} when it is not a model file or one from a newer Atelier
     */
    public static ModelFile read(byte[] data, String name) {
        if (data.length < SIGNATURE.length + 4 || !Arrays.equals(data, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new ModelFileException(name + " is not an Atelier model file (write one with fit --model-out or"
                    + " the workbench's Download model button)");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, SIGNATURE.length,
                    data.length - SIGNATURE.length));
            int version = in.readInt();
            if (version > FORMAT_VERSION) {
                throw new ModelFileException(name + " was written by a newer Atelier (model file format " + version
                        + "; this Atelier reads format " + FORMAT_VERSION + "): update Atelier to use it");
            }
            if (version < 1) {
                throw new ModelFileException(name + " has an invalid model file format version " + version);
            }
            int headerLength = in.readInt();
            if (headerLength < 0 || headerLength > Math.min(MAX_HEADER_BYTES, in.available())) {
                throw new ModelFileException(name + " is damaged: its header is cut short");
            }
            Header header = Json.MAPPER.readValue(in.readNBytes(headerLength), Header.class);
            int modelLength = in.readInt();
            if (modelLength < 0 || modelLength != in.available()) {
                throw new ModelFileException(name + " is damaged: the model is cut short (" + in.available() + " of "
                        + modelLength + " bytes)");
            }
            ModelFile file = new ModelFile(header, in.readNBytes(modelLength));
            try {
                ModelSerializer.check(file.modelBytes);
            } catch (SerializationError e) {
                throw new ModelFileException(name + ": " + e.getMessage());
            }
            return file;
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(name + " is damaged: its header cannot be read");
        }
    }

    /** The Atelier build writing files: the jar's version, or "development build" when run from the sources. */
    static String writer() {
        String version = ModelFile.class.getPackage().getImplementationVersion();
        return "Atelier " + (version == null ? "development build" : version);
    }
}
