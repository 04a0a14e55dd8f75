package dev.migratest.schema;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes a catalog difference that is only the clock: PostgreSQL converts a date/time input string of the clock
 * ({@code 'now'}, {@code 'today'}, {@code 'tomorrow'}, {@code 'yesterday'}, typed or cast to date, time or timestamp,
 * or compared with such a column) when it parses the statement, so a view, default, CHECK, index predicate or
 * {@code BEGIN ATOMIC} body stores the moment it was created as a fixed literal, and creating it again later stores
 * another one. {@code CURRENT_DATE}, {@code now()} and the other clock functions are stored as calls and never freeze.
 * <p>
 * A difference is only put down to the clock when all of these hold, so that a real difference is never hidden:
 * the two texts are identical except for date/time literals as PostgreSQL prints them ({@code '…'::date},
 * {@code ::time …}, {@code ::timestamp … time zone}), in ISO style, of the same types in the same places; the script
 * that created the later one holds a clock input string; and every later literal lies after its earlier one by no more
 * than the time that passed between the two ({@code window}), or by whole days within it rounded up for the day words.
 */
public final class FrozenClock {
    /** A clock input string in a script: what PostgreSQL turns into a constant at parse time. */
    private static final Pattern CLOCK_WORD = Pattern.compile("'\\s*(now|today|tomorrow|yesterday)\\s*'",
            Pattern.CASE_INSENSITIVE);
    /** A date/time constant as the catalog prints it. */
    private static final Pattern LITERAL = Pattern.compile(
            "'([^']*)'::(date|time(?:\\(\\d+\\))? with(?:out)? time zone|timestamp(?:\\(\\d+\\))? with(?:out)? time zone)");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().toFormatter();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd ")
            .append(TIME).toFormatter();
    private static final DateTimeFormatter TIMESTAMPTZ = new DateTimeFormatterBuilder().append(TIMESTAMP)
            .appendPattern("[XXXXX][XXX][X]").toFormatter();
    private static final DateTimeFormatter TIMETZ = new DateTimeFormatterBuilder().append(TIME)
            .appendPattern("[XXXXX][XXX][X]").toFormatter();
    private static final Duration MARGIN = Duration.ofSeconds(2);

    /** Recognizes nothing: every difference is a difference. */
    public static final FrozenClock NONE = new FrozenClock(List.of(), Duration.ZERO, "");

    private final Set<String> words;
    private final Duration window;
    private final String earlier;

    /**
     * @param scriptStatements the statements of the script that made the later snapshot's objects
     * @param window           how long ago the earlier snapshot's objects can have been created, at most
     * @param earlier          the earlier snapshot, as a note names it ({@code "after the first UP"})
     */
    public FrozenClock(List<String> scriptStatements, Duration window, String earlier) {
        Set<String> found = new LinkedHashSet<>();
        for (String sql : scriptStatements) {
            Matcher m = CLOCK_WORD.matcher(sql);
            while (m.find()) found.add("'" + m.group(1).toLowerCase(Locale.ROOT) + "'");
        }
        this.words = java.util.Collections.unmodifiableSet(found);
        this.window = window.plus(MARGIN);
        this.earlier = earlier;
    }

    /** The note explaining {@code before → after} of {@code attribute} as the clock, or empty when it is not only that. */
    Optional<String> explain(String identity, String attribute, String before, String after) {
        if (words.isEmpty() || before == null || after == null) return Optional.empty();
        List<String[]> was = literals(before);
        List<String[]> is = literals(after);
        if (was.size() != is.size() || !LITERAL.matcher(before).replaceAll("''").equals(LITERAL.matcher(after).replaceAll("''"))) {
            return Optional.empty();
        }
        List<String> became = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            String[] a = was.get(i);
            String[] b = is.get(i);
            if (!a[1].equals(b[1])) return Optional.empty();
            if (a[0].equals(b[0])) continue;
            if (!movedWithTheClock(a[1], a[0], b[0])) return Optional.empty();
            became.add("'" + b[0] + "'::" + b[1] + ", was '" + a[0] + "'");
        }
        if (became.isEmpty()) return Optional.empty();
        return Optional.of(identity + ": its " + attribute + " froze the time it was created (" + String.join(", ", words)
                + " became " + String.join("; ", became) + " " + earlier + "); not a difference of the migration");
    }

    private static List<String[]> literals(String text) {
        List<String[]> found = new ArrayList<>();
        Matcher m = LITERAL.matcher(text);
        while (m.find()) found.add(new String[] {m.group(1), m.group(2)});
        return found;
    }

    /** Whether {@code later} follows {@code earlier} by no more than the window (ISO style values only). */
    private boolean movedWithTheClock(String type, String earlierValue, String laterValue) {
        try {
            if (type.equals("date")) {
                long days = LocalDate.parse(earlierValue).until(LocalDate.parse(laterValue), java.time.temporal.ChronoUnit.DAYS);
                return days >= 0 && days <= wholeDays();
            }
            Duration moved;
            if (type.startsWith("timestamp") && type.endsWith("with time zone")) {
                moved = Duration.between(OffsetDateTime.parse(earlierValue, TIMESTAMPTZ), OffsetDateTime.parse(laterValue, TIMESTAMPTZ));
            } else if (type.startsWith("timestamp")) {
                moved = Duration.between(LocalDateTime.parse(earlierValue, TIMESTAMP), LocalDateTime.parse(laterValue, TIMESTAMP));
            } else {
                boolean zoned = type.endsWith("with time zone");
                LocalTime a = zoned ? java.time.OffsetTime.parse(earlierValue, TIMETZ).toLocalTime() : LocalTime.parse(earlierValue, TIME);
                LocalTime b = zoned ? java.time.OffsetTime.parse(laterValue, TIMETZ).toLocalTime() : LocalTime.parse(laterValue, TIME);
                moved = Duration.between(a, b);
                if (moved.isNegative()) moved = moved.plusDays(1); // the later one is past midnight
            }
            if (moved.isNegative()) return false;
            if (moved.compareTo(window) <= 0) return true;
            // 'today', 'tomorrow', 'yesterday' as a timestamp: midnight, which moves by whole days
            boolean dayWord = words.contains("'today'") || words.contains("'tomorrow'") || words.contains("'yesterday'");
            return dayWord && moved.toNanos() % Duration.ofDays(1).toNanos() == 0 && moved.toDays() <= wholeDays();
        } catch (java.time.format.DateTimeParseException e) {
            return false; // not the ISO style this recognizes: left a difference
        }
    }

    /** The window in days, rounded up: a rehearsal of a minute can still cross midnight once. */
    private long wholeDays() {
        return Math.max(1, (window.toSeconds() + 86_399) / 86_400);
    }
}
