package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Realistic text from Datafaker, drawn once per (seed, kind) into a pool; rows pick from the pool by hash.
 * Faker per row is far too slow (cellPhone ~0.1 M/s), the pool makes a value one array read.
 */
final class ValuePools {

    /** What a text column holds, guessed from its name. */
    enum Kind {
        EMAIL(f -> f.internet().emailAddress()),
        FIRST_NAME(f -> f.name().firstName()),
        LAST_NAME(f -> f.name().lastName()),
        FULL_NAME(f -> f.name().fullName()),
        USERNAME(f -> f.internet().username()),
        PHONE(f -> f.phoneNumber().cellPhone()),
        CITY(f -> f.address().city()),
        COUNTRY(f -> f.address().country()),
        STREET(f -> f.address().streetAddress()),
        ZIP(f -> f.address().zipCode()),
        URL(f -> f.internet().url()),
        COMPANY(f -> f.company().name()),
        STATUS(f -> f.options().option("active", "pending", "inactive", "suspended", "archived", "new")),
        TITLE(f -> f.book().title()),
        DESCRIPTION(f -> f.lorem().sentence(12)),
        CODE(f -> f.regexify("[A-Z]{3}[0-9]{3}")),
        WORD(f -> f.lorem().word());

        final Function<Faker, String> draw;

        Kind(Function<Faker, String> draw) {
            this.draw = draw;
        }

        /** The kind for a column name; {@link #WORD} when nothing matches. */
        static Kind of(String columnName) {
            String n = columnName.toLowerCase(Locale.ROOT);
            if (n.contains("email") || n.contains("e_mail")) return EMAIL;
            if (n.contains("first") && n.contains("name") || n.equals("given_name")) return FIRST_NAME;
            if (n.contains("last") && n.contains("name") || n.equals("surname") || n.equals("family_name")) return LAST_NAME;
            if (n.contains("user") && n.contains("name") || n.equals("login") || n.equals("nick") || n.equals("handle")) return USERNAME;
            if (n.equals("name") || n.contains("full_name") || n.endsWith("_name") || n.equals("author")) return FULL_NAME;
            if (n.contains("phone") || n.contains("mobile") || n.equals("tel")) return PHONE;
            if (n.contains("city") || n.equals("town")) return CITY;
            if (n.contains("country")) return COUNTRY;
            if (n.contains("street") || n.contains("address")) return STREET;
            if (n.contains("zip") || n.contains("postal") || n.contains("postcode")) return ZIP;
            if (n.contains("url") || n.contains("website") || n.contains("link") || n.contains("homepage")) return URL;
            if (n.contains("company") || n.contains("organization") || n.contains("employer")) return COMPANY;
            if (n.contains("status") || n.equals("state")) return STATUS;
            if (n.contains("title") || n.contains("subject")) return TITLE;
            if (n.contains("desc") || n.contains("note") || n.contains("comment") || n.contains("body")
                    || n.contains("text") || n.contains("bio") || n.contains("summary")) return DESCRIPTION;
            if (n.contains("code") || n.contains("sku") || n.contains("ref")) return CODE;
            return WORD;
        }
    }

    static final int SIZE = 1024;

    private final long seed;
    private final Map<Kind, List<String>> pools = new ConcurrentHashMap<>();

    ValuePools(long seed) {
        this.seed = seed;
    }

    /** The pool of {@link #SIZE} values of a kind for this seed (the same list every time). */
    List<String> pool(Kind kind) {
        return pools.computeIfAbsent(kind, k -> {
            Faker faker = new Faker(Locale.ENGLISH, new Random(Mix.key(seed, "pool", k.name())));
            List<String> out = new ArrayList<>(SIZE);
            for (int i = 0; i < SIZE; i++) {
                out.add(Values.clean(k.draw.apply(faker)));
            }
            return List.copyOf(out);
        });
    }
}
