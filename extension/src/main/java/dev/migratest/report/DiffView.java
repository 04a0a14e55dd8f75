package dev.migratest.report;

import java.util.List;

/**
 * Difference lines as a reader expects a diff: what DOWN failed to bring back in red ({@code missing}), what it left
 * behind in green ({@code unexpected}), attributes that changed in amber. The lines are {@code SchemaDiff}'s and
 * {@code DataDiff}'s, {@code <object>: missing | unexpected | <attribute> <was> → <is>}.
 */
final class DiffView {

    private DiffView() {
    }

    static String of(String title, String explanation, List<String> lines) {
        if (lines.isEmpty()) return "";
        StringBuilder html = new StringBuilder("<h3>").append(Html.text(title)).append("</h3><p class=\"small\">")
                .append(Html.text(explanation)).append("</p><ul class=\"diff\">");
        for (String line : lines) {
            html.append("<li class=\"").append(kind(line)).append("\">").append(Html.text(line)).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    static String kind(String line) {
        if (line.contains(": missing")) return "missing";
        if (line.contains(": unexpected")) return "unexpected";
        if (line.contains(" → ")) return "changed";
        return "other";
    }
}
