package org.formhaus.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaStartWithAnApostrophe() {
        assertEquals("'=HYPERLINK(\"x\")", CsvCells.neutralise("=HYPERLINK(\"x\")"));
        assertEquals("'+49 30 1234", CsvCells.neutralise("+49 30 1234"));
        assertEquals("'-2+3", CsvCells.neutralise("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.neutralise("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.neutralise("\tx"));
        assertEquals("'\rx", CsvCells.neutralise("\rx"));
    }

    @Test
    void otherCellsStayAsTyped() {
        assertEquals("Jörg Müller", CsvCells.neutralise("Jörg Müller"));
        assertEquals("a=b", CsvCells.neutralise("a=b"));
        assertEquals("", CsvCells.neutralise(""));
        assertEquals("", CsvCells.neutralise(null));
    }
}
