package dev.migratest.datagen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Values unique by construction: row {@code i} gets a value derived from {@code i} that no other row gets, so a
 * PRIMARY KEY or UNIQUE column needs no retry and no lookup.
 */
final class UniqueValues {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final LocalDateTime EPOCH = LocalDateTime.of(2020, 1, 1, 0, 0);

    private UniqueValues() {
    }

    /** How many distinct values the type can hold this way; {@link Long#MAX_VALUE} for "as many as a long". */
    static long capacity(ColumnType type) {
        return switch (type.category()) {
            case INTEGER -> type.maxValue() == Long.MAX_VALUE ? Long.MAX_VALUE : type.maxValue() - type.minValue();
            case NUMERIC -> type.precision() == null || type.precision() >= 18 ? Long.MAX_VALUE
                    : BigInteger.TEN.pow(type.precision()).longValueExact() - 1;
            case FLOAT -> type.base().equals("real") ? 1L << 24 : 1L << 53;
            case BOOLEAN -> 2;
            case ENUM -> type.enumLabels().size();
            case TEXT -> type.maxLength() == null || type.maxLength() >= 12 ? Long.MAX_VALUE
                    : BigInteger.valueOf(36).pow(type.maxLength()).longValueExact();
            case TIME -> 86_400_000_000L;
            case INET -> 1L << 24;
            case CIDR -> 1L << 32;
            case DATE, TIMESTAMP, TIMESTAMPTZ, INTERVAL, UUID, JSONB, BYTEA -> Long.MAX_VALUE;
            case ARRAY -> capacity(type.element());
            case JSON, UNKNOWN -> 0;
        };
    }

    /** Row {@code row}'s value; {@code realistic} gives a prefix for text (may be null). */
    static String value(ColumnType type, long row, String realistic, long key) {
        return switch (type.category()) {
            // 1, 2, … up to max, then -1, -2, … down to min: 0 is never used, so max - min values
            case INTEGER -> String.valueOf(row < type.maxValue() ? row + 1 : type.maxValue() - row - 1);
            case NUMERIC -> new BigDecimal(BigInteger.valueOf(row + 1), Math.max(0, scale(type))).toPlainString();
            case FLOAT -> String.valueOf((double) (row + 1));
            case BOOLEAN -> row == 0 ? "f" : "t";
            case ENUM -> type.enumLabels().get((int) row);
            case TEXT -> text(type.maxLength(), row, realistic);
            case TIME -> LocalTime.ofNanoOfDay(row * 1000).toString();
            case DATE -> LocalDate.of(2000, 1, 1).plusDays(row).toString();
            case TIMESTAMP -> EPOCH.plusSeconds(row).format(TS);
            case TIMESTAMPTZ -> EPOCH.plusSeconds(row).format(TS) + "+00";
            case INTERVAL -> row + " seconds";
            case UUID -> new java.util.UUID(key, Mix.fmix(row ^ key)).toString();
            case JSONB -> "{\"id\": " + row + "}";
            case BYTEA -> String.format("\\x%016x", row);
            case INET -> "10." + (row >>> 16 & 255) + "." + (row >>> 8 & 255) + "." + (row & 255);
            case CIDR -> String.format("fd00:%x:%x::/64", row >>> 16 & 0xffff, row & 0xffff);
            case ARRAY -> CopyText.array(List.of(value(type.element(), row, realistic, key)));
            case JSON, UNKNOWN -> throw new IllegalArgumentException("no unique values for " + type.base());
        };
    }

    private static int scale(ColumnType type) {
        return type.scale() == null ? 0 : type.scale();
    }

    /**
     * A realistic value with the row in base 36 appended after a dash (for emails: before the {@code @}), cut so that
     * it fits {@code maxLength} characters. The part after the last dash (or plus) is the row: distinct rows, distinct
     * values.
     */
    static String text(Integer maxLength, long row, String realistic) {
        String suffix = Long.toString(row, 36);
        int max = maxLength == null ? Integer.MAX_VALUE : maxLength;
        if (suffix.length() >= max - 1 || realistic == null || realistic.isEmpty()) {
            return suffix;
        }
        int at = realistic.lastIndexOf('@');
        if (at > 0 && realistic.indexOf('+') < 0 && Values.length(realistic) + suffix.length() + 1 <= max) {
            return realistic.substring(0, at) + "+" + suffix + realistic.substring(at);
        }
        String prefix = Values.truncate(realistic.replace("-", " ").strip(), max - suffix.length() - 1);
        return prefix + "-" + suffix;
    }
}
