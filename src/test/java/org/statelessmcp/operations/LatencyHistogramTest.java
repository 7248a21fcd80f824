package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void eachBucketCountsEveryDurationUpToItsBound() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(300_000); // 0.3 ms
        histogram.record(1_000_000); // exactly 1 ms: le="0.001" holds it, as Prometheus's le does
        histogram.record(1_000_001);
        histogram.record(7_000_000_000L); // 7 s
        histogram.record(120_000_000_000L); // above every bound
        assertEquals(2, histogram.cumulative(0));
        assertEquals(3, histogram.cumulative(1));
        assertEquals(3, histogram.cumulative(indexOf(5)));
        assertEquals(4, histogram.cumulative(indexOf(10)));
        assertEquals(4, histogram.cumulative(indexOf(60)));
        assertEquals(5, histogram.cumulative(LatencyHistogram.BOUNDS.length));
    }

    @Test
    void bucketsAreNamedAsPrometheusNamesThem() {
        assertEquals("0.001", LatencyHistogram.le(0));
        assertEquals("2.5", LatencyHistogram.le(indexOf(2.5)));
        assertEquals("60.0", LatencyHistogram.le(LatencyHistogram.BOUNDS.length - 1));
        assertEquals("+Inf", LatencyHistogram.le(LatencyHistogram.BOUNDS.length));
    }

    private static int indexOf(double bound) {
        for (int i = 0; i < LatencyHistogram.BOUNDS.length; i++) {
            if (LatencyHistogram.BOUNDS[i] == bound) {
                return i;
            }
        }
        throw new AssertionError(bound);
    }
}
