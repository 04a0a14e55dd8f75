package dev.migratest.benchmarks.growth;

import java.util.ArrayList;
import java.util.List;

/** A header and rows of cells, printed aligned for the terminal or as a Markdown table: one content, two faces. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(row));
    }

    /** First column left-aligned (names), the rest right-aligned (numbers), two spaces between. */
    String toText() {
        int[] widths = new int[header.size()];
        for (List<String> row : all()) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all()) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : pad + cell).append(c + 1 < row.size() ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(header));
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < header.size(); c++) {
            rule.append(c == 0 ? " --- |" : " ---: |");
        }
        out.append(rule).append('\n');
        rows.forEach(row -> out.append(markdownRow(row)));
        return out.toString();
    }

    private static String markdownRow(List<String> row) {
        StringBuilder line = new StringBuilder("|");
        // A pipe inside a cell would split it.
        row.forEach(cell -> line.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        return line.append('\n').toString();
    }

    private List<List<String>> all() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
