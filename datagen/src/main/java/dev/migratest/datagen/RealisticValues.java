package dev.migratest.datagen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A pool of ordinary values for a column, chosen by its name and type: text from {@link ValuePools}, numbers in
 * ranges that fit the name (quantity, price…), recent dates for created_at. Built once per column from a Random
 * seeded by (seed, table, column); rows pick from it by hash.
 */
final class RealisticValues {

    static final int SIZE = 256;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private RealisticValues() {
    }

    static List<String> of(String columnName, ColumnType type, ValuePools pools, Random random) {
        String n = columnName.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(SIZE);
        if (type.category() == TypeCategory.TEXT) {
            List<String> pool = pools.pool(ValuePools.Kind.of(columnName));
            for (String s : pool) {
                out.add(type.maxLength() == null ? s : Values.truncate(s, type.maxLength()));
            }
            return out;
        }
        if (type.category() == TypeCategory.ENUM) {
            return type.enumLabels();
        }
        if (type.category() == TypeCategory.BOOLEAN) {
            return List.of("t", "f");
        }
        for (int i = 0; i < SIZE; i++) {
            out.add(one(n, type, pools, random));
        }
        return out;
    }

    private static String one(String n, ColumnType type, ValuePools pools, Random r) {
        return switch (type.category()) {
            case INTEGER -> {
                long lo = 0;
                long hi = n.contains("qty") || n.contains("quantity") || n.contains("count") ? 100
                        : n.contains("age") ? 90 : n.contains("year") ? 2030 : 100_000;
                if (n.contains("year")) {
                    lo = 1950;
                }
                hi = Math.min(hi, type.maxValue());
                yield String.valueOf(lo + (long) (r.nextDouble() * (hi - lo + 1)));
            }
            case NUMERIC -> {
                int s = type.scale() == null ? 2 : Math.max(0, type.scale());
                double max = n.contains("price") || n.contains("amount") || n.contains("total") || n.contains("cost")
                        ? 1000 : n.contains("rate") || n.contains("ratio") || n.contains("percent") ? 1 : 100_000;
                BigDecimal v = BigDecimal.valueOf(r.nextDouble() * max).setScale(s, java.math.RoundingMode.DOWN);
                if (type.precision() != null) {
                    BigDecimal limit = BigDecimal.TEN.pow(Math.max(0, type.precision() - s));
                    v = v.remainder(limit).setScale(s, java.math.RoundingMode.DOWN);
                }
                yield v.toPlainString();
            }
            case FLOAT -> String.valueOf(Math.round(r.nextGaussian() * 1_000_000) / 1000.0);
            case DATE -> LocalDate.of(n.contains("birth") || n.contains("born") ? 1940 : 1995, 1, 1)
                    .plusDays(r.nextInt(365 * 30)).toString();
            case TIME -> LocalTime.ofSecondOfDay(r.nextInt(86_400)).toString();
            case TIMESTAMP -> timestamp(r).format(TS);
            case TIMESTAMPTZ -> timestamp(r).format(TS) + "+00";
            case INTERVAL -> r.nextInt(400) + " days " + r.nextInt(24) + " hours";
            case UUID -> new java.util.UUID(r.nextLong(), r.nextLong()).toString();
            case JSON, JSONB -> "{\"id\": " + r.nextInt(1_000_000) + ", \"name\": \""
                    + json(pools.pool(ValuePools.Kind.FULL_NAME).get(r.nextInt(ValuePools.SIZE)))
                    + "\", \"tags\": [\"" + json(pools.pool(ValuePools.Kind.WORD).get(r.nextInt(ValuePools.SIZE)))
                    + "\"], \"active\": " + r.nextBoolean() + "}";
            case BYTEA -> "\\x" + java.util.HexFormat.of().formatHex(bytes(r, 1 + r.nextInt(32)));
            case INET -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case CIDR -> "10." + r.nextInt(256) + "." + r.nextInt(256) + ".0/24";
            case ARRAY -> {
                List<String> elements = new ArrayList<>();
                int k = r.nextInt(5);
                for (int i = 0; i < k; i++) {
                    elements.add(oneElement(n, type.element(), pools, r));
                }
                yield CopyText.array(elements);
            }
            default -> throw new IllegalArgumentException("no realistic values for " + type.base());
        };
    }

    private static String oneElement(String n, ColumnType element, ValuePools pools, Random r) {
        return switch (element.category()) {
            case TEXT -> {
                String s = pools.pool(ValuePools.Kind.WORD).get(r.nextInt(ValuePools.SIZE));
                yield element.maxLength() == null ? s : Values.truncate(s, element.maxLength());
            }
            case ENUM -> element.enumLabels().get(r.nextInt(element.enumLabels().size()));
            case BOOLEAN -> r.nextBoolean() ? "t" : "f";
            default -> one(n, element, pools, r);
        };
    }

    private static LocalDateTime timestamp(Random r) {
        return LocalDateTime.of(2015, 1, 1, 0, 0).plusSeconds((long) (r.nextDouble() * 10L * 365 * 86_400));
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
