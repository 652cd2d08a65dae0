package org.atelier.config;

import java.util.function.Function;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON dialect Atelier stores: snake_case, as in the product specification's documents. The spec's closed
 * sets are stored as their words ("target_encoding", "1se"), written with {@code id()} and read with {@code of()}:
 * the engine knows no JSON, so its enums carry no annotations, and the stored rows must not depend on the constant
 * names or on how Jackson writes an enum by default.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).addModule(specWords()).build();

    private Json() {
    }

    private static SimpleModule specWords() {
        SimpleModule module = new SimpleModule("spec-words");
        word(module, TermType.class, TermType::id, TermType::of, "term type", TermType.words());
        word(module, Monotonicity.class, Monotonicity::id, Monotonicity::of, "monotonicity", Monotonicity.words());
        word(module, PenaltyKind.class, PenaltyKind::id, PenaltyKind::of, "regularization", PenaltyKind.words());
        word(module, Selection.class, Selection::id, Selection::of, "selection", Selection.words());
        return module;
    }

    private static <E extends Enum<E>> void word(SimpleModule module, Class<E> type, Function<E, String> id,
                                                 Function<String, E> of, String what, String words) {
        module.addSerializer(type, new ValueSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator out, SerializationContext context) {
                out.writeString(id.apply(value));
            }
        });
        module.addDeserializer(type, new ValueDeserializer<E>() {
            @Override
            public E deserialize(JsonParser in, DeserializationContext context) {
                String text = in.getValueAsString();
                E value = text == null ? null : of.apply(text);
                if (value == null) {
                    throw InvalidFormatException.from(in, "Unknown " + what + " '" + text + "' (expected " + words
                            + ")", text, type);
                }
                return value;
            }
        });
    }
}
