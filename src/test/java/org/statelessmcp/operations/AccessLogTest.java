package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void aCleanNameIsLoggedAsItIs() {
        String name = "tools/call";
        assertSame(name, AccessLog.printable(name));
    }

    @Test
    void anEmptyNameIsADash() {
        assertEquals("-", AccessLog.printable(""));
    }

    @Test
    void controlCharactersBecomeQuestionMarksSoNoLineCanBeForged() {
        assertEquals("add?INFO forged", AccessLog.printable("add\nINFO forged"));
        assertEquals("a?b", AccessLog.printable("a\u0000b"));
    }

    @Test
    void aLongNameIsCutAt128CodePointsWithoutSplittingOne() {
        String longName = "\uD83D\uDE00".repeat(200);
        String printed = AccessLog.printable(longName);
        assertEquals(128, printed.codePointCount(0, printed.length()));
        assertEquals(256, printed.length());
    }

    @Test
    void aLongNameWithControlCharactersIsCutAndCleaned() {
        String printed = AccessLog.printable("\t" + "x".repeat(300));
        assertEquals("?" + "x".repeat(127), printed);
    }
}
