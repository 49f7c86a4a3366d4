package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one CSV writer behind the data export and the monitor's downloads. */
class CsvTest {

    @Test
    void cellsAreQuotedOnlyWhereRfc4180NeedsIt() {
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("", Csv.cell(null));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeverRun() {
        assertEquals("'=HYPERLINK(1)", Csv.cell("=HYPERLINK(1)"));
        assertEquals("'+cmd", Csv.cell("+cmd"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'\tx", Csv.cell("\tx"));
    }

    @Test
    void numbersStayNumbers() {
        assertEquals("-12.50", Csv.cell("-12.50"));
        assertEquals("-3", Csv.cell(-3));
        assertEquals("4.5", Csv.cell(4.5));
    }

    @Test
    void aTableIsAHeaderThenOneCrlfLinePerRow() {
        assertEquals("a,b\r\n1,\"x,y\"\r\n", new Csv("a", "b").row(1, "x,y").toString());
    }
}
