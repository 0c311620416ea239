package org.frametag.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Options that count something (jobs, firings, bytes) take whole numbers of at least 1; anything else is a usage error. */
final class Positive {

    static final class IntValue implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Positive.parse(value, Integer.MAX_VALUE);
        }
    }

    static final class LongValue implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Positive.parse(value, Long.MAX_VALUE);
        }
    }

    private static long parse(String value, long max) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n < 1 || n > max) {
            throw new TypeConversionException("'" + value + "' must be between 1 and " + max);
        }
        return n;
    }

    private Positive() {
    }
}
