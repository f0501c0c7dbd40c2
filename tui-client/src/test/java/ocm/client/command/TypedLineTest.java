package ocm.client.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ocm.protocol.Limits;
import org.junit.jupiter.api.Test;

class TypedLineTest {
    @Test
    void blankLinesAreNothing() {
        assertEquals(TypedLine.Kind.NOTHING, TypedLine.of("   ").kind());
        assertEquals(TypedLine.Kind.NOTHING, TypedLine.of("").kind());
    }

    @Test
    void aSlashStartsACommandWhoseNameIsReadInLowerCase() {
        TypedLine t = TypedLine.of("/QUIT now please");
        assertEquals(TypedLine.Kind.COMMAND, t.kind());
        assertEquals("quit", t.commandName());
        assertEquals("me", TypedLine.of("/me").commandName());
    }

    @Test
    void aDoubleSlashSendsALineStartingWithASlash() {
        TypedLine t = TypedLine.of("//etc/hosts is the file");
        assertEquals(TypedLine.Kind.CHAT, t.kind());
        assertEquals("/etc/hosts is the file", t.text());
        assertEquals("", t.commandName());
    }

    @Test
    void ordinaryTextIsChatAsTyped() {
        assertEquals(new TypedLine(TypedLine.Kind.CHAT, " hi there "), TypedLine.of(" hi there "));
    }

    @Test
    void textOverTheLimitIsRefusedWithItsSize() throws Exception {
        TypedLine.checkSize("x".repeat(Limits.MAX_TEXT_BYTES));
        CommandTable.CommandException e = assertThrows(CommandTable.CommandException.class,
                () -> TypedLine.checkSize("日".repeat(1201)));
        assertEquals("message is 3603 bytes, 3 over the limit of 3600 - not sent", e.getMessage());
    }

    @Test
    void theTextALineWouldSendIsChatOrAnActionNothingElse() {
        assertEquals(java.util.Optional.of("hi"), TypedLine.of("hi").outgoingText());
        assertEquals(java.util.Optional.of("/etc"), TypedLine.of("//etc").outgoingText());
        assertEquals(java.util.Optional.of("waves"), TypedLine.of("/me waves").outgoingText());
        assertEquals(java.util.Optional.empty(), TypedLine.of("/join x").outgoingText());
        assertEquals(java.util.Optional.empty(), TypedLine.of("/me").outgoingText());
        assertEquals(java.util.Optional.empty(), TypedLine.sizeProblem("x".repeat(Limits.MAX_TEXT_BYTES)));
    }
}
