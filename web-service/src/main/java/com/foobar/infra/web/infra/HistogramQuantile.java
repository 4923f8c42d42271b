package com.foobar.infra.web.infra;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A quantile estimated from a histogram's cumulative bucket counts, as Prometheus' {@code histogram_quantile()}
 * does: find the bucket the rank falls in and interpolate linearly within it.
 *
 * <p>Bucket bounds are the {@code le} label's values; the {@code +Inf} bucket holds the total. A rank in the
 * {@code +Inf} bucket answers the highest finite bound, since nothing more is known.
 */
final class HistogramQuantile {

    private HistogramQuantile() {
    }

    /** The {@code quantile} (0..1) of the observations counted in {@code buckets}; null when there are none. */
    static @Nullable Double of(double quantile, Map<Double, Double> buckets) {
        TreeMap<Double, Double> sorted = new TreeMap<>(buckets);
        Double total = sorted.get(Double.POSITIVE_INFINITY);
        if (total == null || total <= 0) {
            return null;
        }
        double rank = quantile * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : sorted.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = bucket.getValue() - lowerCount;
                double share = (inBucket > 0) ? (rank - lowerCount) / inBucket : 1;
                return lowerBound + (bucket.getKey() - lowerBound) * share;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

}
