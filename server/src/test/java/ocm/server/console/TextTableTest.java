package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsAlignLeftOrRightWithNoTrailingSpaces() {
        TextTable t = new TextTable(TextTable.Column.left("NAME"), TextTable.Column.right("N"), TextTable.Column.left("X"))
            .row("a", "1", "")
            .row("longer", "100", "z");
        assertEquals(List.of(
            "NAME      N  X",
            "a         1",
            "longer  100  z"), t.render());
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        TextTable t = new TextTable(TextTable.Column.left("ROOM"), TextTable.Column.left("HOST"))
            .row("日本", "a")
            .row("abc", "b");
        assertEquals(List.of(
            "ROOM  HOST",
            "日本  a",
            "abc   b"), t.render());
    }

    @Test
    void controlCharactersCannotReachTheTerminal() {
        TextTable t = new TextTable(TextTable.Column.left("USER")).row("evil\033[2Jname\n");
        assertEquals(List.of("USER", "evil?[2Jname?"), t.render());
    }

    @Test
    void aRowMustFillEveryColumn() {
        TextTable t = new TextTable(TextTable.Column.left("A"), TextTable.Column.left("B"));
        assertThrows(IllegalArgumentException.class, () -> t.row("only one"));
    }

    @Test
    void durationsShowTheTwoLargestUnits() {
        assertEquals("0s", Formats.duration(Duration.ofMillis(-5)));
        assertEquals("59s", Formats.duration(Duration.ofSeconds(59)));
        assertEquals("1m00s", Formats.duration(Duration.ofSeconds(60)));
        assertEquals("2h05m", Formats.duration(Duration.ofMinutes(125)));
        assertEquals("3d04h", Formats.duration(Duration.ofHours(76)));
    }

    @Test
    void bytesUseBinaryUnits() {
        assertEquals("1023 B", Formats.bytes(1023));
        assertEquals("1.0 KiB", Formats.bytes(1024));
        assertEquals("1.5 MiB", Formats.bytes(3L << 19));
        assertEquals("2.0 GiB", Formats.bytes(2L << 30));
    }
}
