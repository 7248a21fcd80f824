package org.statelessmcp.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.protocol.JsonP;

/** The direct writer of scalar records must write exactly what JSON-B writes, or leave the value to JSON-B. */
class ScalarRecordsTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private final ScalarRecords records = new ScalarRecords();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    public record Sum(BigDecimal result) {
    }

    /** Declared out of order, so that JSON-B's lexicographic order shows. */
    public record Mixed(String zeta, int alpha, Long boxed, boolean flag, double ratio, BigInteger big, short s,
                        byte b, Integer missing) {
    }

    record PackagePrivate(int count, String name) {
    }

    public record Renamed(@JsonbProperty("total") int sum) {
    }

    public record Hidden(int shown, @JsonbTransient String secret) {
    }

    @JsonbNillable
    public record Nillable(String text) {
    }

    public record Nested(Sum sum) {
    }

    public record WithList(List<Integer> values) {
    }

    public record Letter(char c) {
    }

    public record Ratio(double value) {
    }

    @Test
    void aRecordOfScalarsIsWrittenExactlyAsJsonbWritesIt() {
        for (Object value : List.of(new Sum(new BigDecimal("5")), new Sum(new BigDecimal("1E+3")),
                new Sum(new BigDecimal("0.1")),
                new Mixed("z", 1, 2L, true, 0.5, new BigInteger("123456789012345678901234567890"), (short) 3,
                        (byte) 4, null),
                new Mixed("", -1, null, false, 1e20, BigInteger.ZERO, (short) 0, (byte) 0, 7),
                new Mixed("line\nbreak \"quoted\" back\\slash ünï", Integer.MIN_VALUE, Long.MAX_VALUE, false,
                        -0.0, BigInteger.ONE, Short.MIN_VALUE, Byte.MAX_VALUE, 0))) {
            assertEquals(JSONB.toJson(value), records.toJson(value), value.toString());
        }
    }

    @Test
    void controlCharactersAreEscapedToTheSameJsonValue() {
        Object value = new Mixed("\u0001\b\f\u2028", 0, 0L, true, 1, BigInteger.TWO, (short) 0, (byte) 0, 0);
        assertEquals(parse(JSONB.toJson(value)), parse(records.toJson(value)));
    }

    @Test
    void jsonbAnnotationsLeaveTheRecordToJsonb() {
        assertNull(records.toJson(new Renamed(1)));
        assertNull(records.toJson(new Hidden(1, "s")));
        assertNull(records.toJson(new Nillable(null)));
    }

    @Test
    void componentsThatAreNotScalarsLeaveTheRecordToJsonb() {
        assertNull(records.toJson(new Nested(new Sum(BigDecimal.ONE))));
        assertNull(records.toJson(new WithList(List.of(1))));
        assertNull(records.toJson(new Letter('x')));
    }

    @Test
    void aNonFiniteNumberIsLeftToJsonbWhichRefusesIt() {
        assertNull(records.toJson(new Ratio(Double.NaN)));
        assertNotNull(records.toJson(new Ratio(1.5)));
        assertThrows(IllegalArgumentException.class,
                () -> JsonCodec.create().toJson(new Ratio(Double.POSITIVE_INFINITY)));
    }

    @Test
    void aRecordThatIsNotPublicIsLeftToJsonbWhichCannotReadIt() {
        assertNull(records.toJson(new PackagePrivate(3, "p")));
        assertThrows(IllegalArgumentException.class, () -> JsonCodec.create().toJson(new PackagePrivate(3, "p")));
    }

    @Test
    void whatIsNotARecordIsLeftToJsonb() {
        assertNull(records.toJson(new Object()));
        assertNull(records.toJson(List.of(1)));
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = JsonP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
