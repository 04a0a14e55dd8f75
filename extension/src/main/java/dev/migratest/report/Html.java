package dev.migratest.report;

/**
 * Text into HTML and SVG. Everything a report shows comes from migrations, Postgres or the user's names, so every
 * piece of it goes through {@link #text}: a string literal holding {@code </script>} or {@code <b>} must render as
 * those characters, never as markup.
 */
public final class Html {

    private Html() {
    }

    /** Escapes the five characters that can end text or an attribute value; {@code null} becomes the empty string. */
    public static String text(String raw) {
        if (raw == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            out.append(replacement);
        }
        return out == null ? raw : out.toString();
    }
}
