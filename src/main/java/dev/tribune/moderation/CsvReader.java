package dev.tribune.moderation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes). */
final class CsvReader {
    private CsvReader() {}

    /** All rows of the file, header included. */
    static List<String[]> read(Path file, char delimiter) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, delimiter);
        }
    }

    static List<String[]> read(Reader r, char delimiter) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean pending = false; // a row has begun
        int c = r.read();
        while (c != -1) {
            char ch = (char) c;
            int next = r.read();
            if (inQuotes) {
                if (ch != '"') field.append(ch);
                else if (next == '"') { field.append('"'); next = r.read(); }
                else inQuotes = false;
            } else if (ch == '"' && field.isEmpty()) {
                inQuotes = true;
                pending = true;
            } else if (ch == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                pending = true;
            } else if (ch == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row.toArray(String[]::new));
                row.clear();
                pending = false;
            } else if (ch != '\r') {
                field.append(ch);
                pending = true;
            }
            c = next;
        }
        if (pending) {
            row.add(field.toString());
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }
}
