package dev.pln.service.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request JSON strictly: an intake system that sends an unknown property, a string for a number, a
 * number for an enum, a blank string for a number, a boolean or an enum, an enum name that is not exactly one
 * (padded, lower-case), a control character in a string, a date in any shape but {@code YYYY-MM-DD} or a key
 * twice gets a 400 naming the field, never a silently "fixed" value. Writes timestamps as the contract shows
 * them: ISO-8601 UTC to the second.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Jackson reads " " (and "\u0000", which it counts as white space) as null for a number, a
                // boolean or an enum: a wrong value would pass as "not recorded".
                .withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Textual, config -> {
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                })
                .withCoercionConfig(LogicalType.Enum, config -> {
                    config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                })
                .withCoercionConfig(LogicalType.Collection, config -> {
                    config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                })
                .addModule(new SimpleModule("pln-contract-time")
                        .addDeserializer(LocalDate.class, new IsoDateDeserializer())
                        .addSerializer(Instant.class, new SecondsInstantSerializer()))
                .addModule(new SimpleModule("pln-strict-text")
                        .addDeserializer(String.class, new StrictTextDeserializer(false))
                        .addKeyDeserializer(String.class, new StrictKeyDeserializer())
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config,
                                    JavaType type, BeanDescription.Supplier description,
                                    ValueDeserializer<?> deserializer) {
                                return new ExactEnumDeserializer(type.getRawClass());
                            }
                        }));
    }

    /** A string value that holds {@link UnacceptableCharacters}; answered 400 with the reason at its pointer. */
    static final class UnacceptableTextException extends MismatchedInputException {

        private final String reason;

        UnacceptableTextException(JsonParser parser, String reason) {
            super(parser, "unacceptable characters in a string", String.class);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * Strings as Jackson reads them (so a number is still no string), refused when they hold control characters,
     * halves of surrogate pairs or bytes that were not UTF-8; fields marked {@link FreeText} may hold tabs and
     * line breaks.
     */
    static final class StrictTextDeserializer extends StdScalarDeserializer<String> {

        private final boolean freeText;

        StrictTextDeserializer(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new StrictTextDeserializer(free);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                UnacceptableCharacters.in(text, freeText).ifPresent(reason -> {
                    throw new UnacceptableTextException(parser, reason);
                });
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Keys of maps (DRL file names) under the same rule as single-line strings. */
    static final class StrictKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            UnacceptableCharacters.in(key, false).ifPresent(reason -> {
                throw new UnacceptableTextException(context.getParser(), "a key " + reason);
            });
            return key;
        }
    }

    /**
     * An enum from its exact name only: Jackson's own reader strips white space and control characters first,
     * so {@code "CLEAR "} and {@code "WILLING\u0000"} would pass as {@code CLEAR} and {@code WILLING}.
     */
    static final class ExactEnumDeserializer extends StdScalarDeserializer<Object> {

        private final Map<String, Object> byName = new LinkedHashMap<>();

        ExactEnumDeserializer(Class<?> type) {
            super(type);
            Arrays.stream(type.getEnumConstants()).forEach(value -> byName.put(((Enum<?>) value).name(), value));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            Object value = byName.get(text);
            if (value == null) {
                throw context.weirdStringException(text, handledType(), "not one of " + byName.keySet());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }
    }

    /**
     * A date is a {@code YYYY-MM-DD} string and nothing else: Jackson's own reader also takes a date-time
     * ("2020-06-01T00:00:00Z", silently dropping the time) and an array ([2020, 6, 1]).
     */
    static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            }
            catch (DateTimeParseException ex) {
                throw context.weirdStringException(text, LocalDate.class, "not a date of the form YYYY-MM-DD");
            }
        }
    }

    /**
     * Timestamps as the contract writes them ({@code 2026-11-28T03:26:42Z}); stored values keep their
     * milliseconds, so "newest first" still orders decisions made within one second.
     */
    static final class SecondsInstantSerializer extends StdSerializer<Instant> {

        SecondsInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS)));
        }
    }
}
