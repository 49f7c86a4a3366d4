package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every slot gets the reader's field, wherever it sits, and nothing else of the markup changes. */
class SlottedMarkupTest {

    private static final String FIELD = "<input type=\"hidden\" name=\"csrf-token\" value=\"abc\">";
    private static final String SLOT = CachedForms.SLOT;

    @Test
    void markupWithoutSlotsIsLeftAsItIs() {
        String html = "<p>Connexions – « Qonto »</p>";
        assertEquals(html, SlottedMarkup.of(html).fill(FIELD));
    }

    @Test
    void eachSlotGetsTheFieldAtStartMiddleEndAndSideBySide() {
        String html = SLOT + "<form>" + SLOT + "</form>’ Zoë " + SLOT + SLOT;
        assertEquals(
                FIELD + "<form>" + FIELD + "</form>’ Zoë " + FIELD + FIELD,
                SlottedMarkup.of(html).fill(FIELD));
    }

    @Test
    void oneCutMarkupServesEveryReaderWithTheirOwnField() {
        SlottedMarkup page = SlottedMarkup.of("<form>" + SLOT + "</form><form>" + SLOT + "</form>");
        assertEquals("<form>A</form><form>A</form>", page.fill("A"));
        assertEquals("<form>B</form><form>B</form>", page.fill("B"));
    }

    @Test
    void aPartialSlotIsNotASlot() {
        String html = "<!--csrf- --><!--csrf-->";
        assertEquals("<!--csrf- -->" + FIELD, SlottedMarkup.of(html).fill(FIELD));
    }

    @Test
    void markupHandedOverInPiecesGetsTheFieldInEachPiecesSlots() {
        StringBuilder out = new StringBuilder();
        for (String piece : new String[] {"<p>Zoë’s ", SLOT + "<form>" + SLOT, "</form>", "", "<!--csrf- -->", SLOT}) {
            SlottedMarkup.appendFilled(out, piece, FIELD);
        }
        assertEquals("<p>Zoë’s " + FIELD + "<form>" + FIELD + "</form><!--csrf- -->" + FIELD, out.toString());
    }
}
