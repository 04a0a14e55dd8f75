package dev.migratest.benchmarks.growth;

import java.util.ArrayList;
import java.util.List;

/** A header and rows of cells, printed aligned for the terminal or as a Markdown table: one content, two faces. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] numeric;

    /** @param numeric which columns hold numbers: right-aligned, so digits line up */
    Table(List<String> header, boolean[] numeric) {
        if (numeric.length != header.size()) {
            throw new IllegalArgumentException("alignment for " + numeric.length + " of " + header.size() + " columns");
        }
        this.header = List.copyOf(header);
        this.numeric = numeric.clone();
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(row));
    }

    /** Numbers right-aligned, text left-aligned, two spaces between. */
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
                line.append(numeric[c] ? pad + cell : cell + pad).append(c + 1 < row.size() ? "  " : "");
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
            rule.append(numeric[c] ? " ---: |" : " --- |");
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
