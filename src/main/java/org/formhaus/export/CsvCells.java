package org.formhaus.export;

/**
 * Cells a spreadsheet cannot run: a value starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return would be read as a formula by Excel, LibreOffice or Google Sheets (CSV injection, OWASP), so it
 * gets a leading apostrophe, which spreadsheets show as text. Everything else is left as the visitor typed it.
 * Stateless.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
