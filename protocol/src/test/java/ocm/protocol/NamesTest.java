package ocm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob Smith", "アリス", "x", "émile_42", "abcdefghijklmnopqrstuvwxyz012345"})
    void ordinaryUserNamesAreFine(String name) {
        assertEquals(Optional.empty(), Names.userProblem(name));
    }

    @Test
    void userNamesAreAtMost32Characters() {
        assertEquals(Optional.of("user name is 33 characters, the limit is 32"), Names.userProblem("a".repeat(33)));
        assertEquals(Optional.empty(), Names.userProblem("日".repeat(32)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u001b[2Jb", "tab\there", "bell\u0007", "c1\u009b", "zero\u200bwidth", "\u202eevil",
            "bom\ufeff", "lone\ud800", "\udc00x", "word\u2060joiner"})
    void controlAndInvisibleCharactersAreRefusedInUserNames(String name) {
        assertEquals(Optional.of("user name contains a control or invisible character"), Names.userProblem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*server*", "*", "＊server＊", "\u200b*server*"})
    void nothingThatLooksLikeTheServersReservedNameIsAllowed(String name) {
        assertTrue(Names.userProblem(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " alice", "alice "})
    void emptyBlankOrPaddedUserNamesAreRefused(String name) {
        assertTrue(Names.userProblem(name).isPresent(), "'" + name + "'");
    }

    @Test
    void roomNamesAreCountedInBytes() {
        assertEquals(Optional.empty(), Names.roomProblem("r".repeat(255)));
        assertEquals(Optional.of("room name is 256 bytes, the limit is 255"), Names.roomProblem("r".repeat(256)));
        assertEquals(Optional.of("room name is 258 bytes, the limit is 255"), Names.roomProblem("日".repeat(86)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lobby\u0000", "\u202elobby", "lob\u200bby", "x\ud800"})
    void controlAndInvisibleCharactersAreRefusedInRoomNames(String room) {
        assertEquals(Optional.of("room name contains a control or invisible character"), Names.roomProblem(room));
    }

    @Test
    void roomNamesAreCaseSensitiveAndMayHaveSpaces() {
        assertEquals(Optional.empty(), Names.roomProblem("My Room"));
        assertEquals(Optional.empty(), Names.newRoomProblem("My Room"));
        assertEquals(Optional.of("room name has leading or trailing spaces"), Names.newRoomProblem("  spaced  "));
        assertEquals(Optional.of("room name has leading or trailing spaces"), Names.newRoomProblem("wide space\u3000"));
        assertEquals(Optional.empty(), Names.roomProblem("  spaced  "), "an old room of that name can still be joined");
        assertEquals(Optional.of("room name is empty"), Names.roomProblem(""));
        assertEquals(Optional.of("room name is blank"), Names.roomProblem("   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\u00a0", "alice\u3164", "alice\u2007", "alice\ufe0f", "al\u034fice", "\u2800\u2800",
            "\u3164", "\u3164\u3164", "\u00a0alice", "alice\u2800"})
    void invisibleBlankAndPaddedNamesAreRefused(String name) {
        assertTrue(Names.userProblem(name).isPresent(), name);
    }

    @Test
    void lookAlikesAndCaseFoldsShareOneKey() {
        String alice = Names.collisionKey("alice");
        assertEquals(alice, Names.collisionKey("\u0430lice"), "Cyrillic a");
        assertEquals(alice, Names.collisionKey("ALICE"));
        assertEquals(alice, Names.collisionKey("ａｌｉｃｅ"), "fullwidth");
        assertTrue(!alice.equals(Names.collisionKey("alicia")));
        assertTrue(!Names.collisionKey("アリス").equals(Names.collisionKey("アリサ")));
    }

    @Test
    void theServersNameCannotBeImitatedByAnAsteriskOperator() {
        assertEquals(Optional.of("user name '\u2217server\u2217' looks like the server's reserved name *server*"),
                Names.userProblem("\u2217server\u2217"));
    }

    @Test
    void namesThatImitateLineShapesAreRefusedNamingTheCharacter() {
        assertTrue(Names.userProblem("alice: hi").orElseThrow().contains("':'"));
        assertTrue(Names.userProblem("-- room closed").orElseThrow().contains("'-'"));
        assertTrue(Names.userProblem("[12:00] x").orElseThrow().contains("':'"));
        assertTrue(Names.userProblem("[bot]").orElseThrow().contains("'['"));
        assertTrue(Names.userProblem("<alice>").orElseThrow().contains("'<'"));
        assertTrue(Names.userProblem("*alice").orElseThrow().contains("'*'"));
        assertEquals(Optional.empty(), Names.userProblem("a-b*c[d<e"), "only the first character counts for these");
    }

    @ParameterizedTest
    @ValueSource(strings = {"محمد", "Ελένη", "Дмитрий", "李小龙", "さくら", "עברית", "कविता", "ดารา"})
    void lettersOfEveryScriptAreKept(String name) {
        assertEquals(Optional.empty(), Names.userProblem(name));
    }
}
