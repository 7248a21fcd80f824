package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.StreamHandler;
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

    @Test
    void aServerLoggingOnlyToTheJvmsConsoleGetsItsOwnWriter() {
        PrintStream err = new PrintStream(new ByteArrayOutputStream());
        assertTrue(AccessLog.consoleOnly(new Handler[] {new ConsoleHandler()}, err));
    }

    @Test
    void aServerThatTookOverStandardErrorKeepsTheAccessLineInItsLogging() {
        PrintStream redirected = new PrintStream(new ByteArrayOutputStream()) {
        };
        assertFalse(AccessLog.consoleOnly(new Handler[] {new ConsoleHandler()}, redirected));
    }

    @Test
    void aServerWithAnotherHandlerKeepsTheAccessLineInItsLogging() {
        PrintStream err = new PrintStream(new ByteArrayOutputStream());
        assertFalse(AccessLog.consoleOnly(new Handler[] {new ConsoleHandler(), new StreamHandler()}, err));
        assertFalse(AccessLog.consoleOnly(new Handler[0], err));
    }
}
