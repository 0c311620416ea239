package org.frametag.seeds.behaviour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * The pass rates the suite must reach, one per category and test type ({@code SOVEREIGNTY.MFT=0.85}).
 * They record how far the pack has come, so a change that makes it worse fails the build; raise
 * them as the pack improves.
 */
final class Thresholds {

    private static final double TOLERANCE = 1e-9;

    private final Properties values;

    Thresholds(Properties values) {
        this.values = new Properties();
        this.values.putAll(values);
    }

    static Thresholds read(InputStream in) {
        Properties p = new Properties();
        try (in) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Thresholds(p);
    }

    static String key(String category, TestType type) {
        return category + "." + type;
    }

    /** The threshold of one category and type, if one is set and is a number from 0 to 1. */
    OptionalDouble of(String category, TestType type) {
        String value = values.getProperty(key(category, type));
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(value.strip());
            return d >= 0 && d <= 1 ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Why {@code result} falls short in one category and type, or nothing when it does not: no
     * threshold set, no test case run, or a pass rate under the threshold.
     */
    List<String> violations(SuiteResult result, String category, TestType type) {
        List<String> violations = new ArrayList<>();
        OptionalDouble threshold = of(category, type);
        PassRate rate = result.rate(category, type);
        if (threshold.isEmpty()) {
            violations.add(key(category, type) + ": no threshold from 0 to 1 is set");
        }
        if (rate.total() == 0) {
            violations.add(key(category, type) + ": no test case ran");
        } else if (threshold.isPresent() && rate.value() + TOLERANCE < threshold.getAsDouble()) {
            violations.add(String.format(Locale.ROOT, "%s: pass rate %.3f (%d of %d) is under the threshold %.2f",
                    key(category, type), rate.value(), rate.passed(), rate.total(), threshold.getAsDouble()));
        }
        return violations;
    }

    /** Every violation of {@code result}, all categories and types. */
    List<String> violations(SuiteResult result) {
        List<String> violations = new ArrayList<>();
        for (String category : result.categories()) {
            for (TestType type : TestType.values()) {
                violations.addAll(violations(result, category, type));
            }
        }
        return violations;
    }
}
