package ocm.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Generators shared by the property tests: strings of real Unicode scalar values (no lone
 * surrogates, which UTF-8 cannot carry), weighted towards ASCII but with controls, CJK and emoji.
 */
public final class Gen {
    private Gen() {
    }

    public static Arbitrary<Integer> codePoint() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    }

    /** Strings of {@code min..max} code points, so at most {@code 4 * max} UTF-8 bytes. */
    public static Arbitrary<String> text(int min, int max) {
        return codePoint().list().ofMinSize(min).ofMaxSize(max).map(Gen::fromCodePoints);
    }

    /** A name of 1..63 code points: always 1..252 UTF-8 bytes, so it fits a one-byte length. */
    public static Arbitrary<String> shortName() {
        return text(1, 63);
    }

    /** Chat text of at most {@link Limits#MAX_TEXT_BYTES} UTF-8 bytes, sometimes long. */
    public static Arbitrary<String> chatText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, text(0, 60)),
                Tuple.of(1, text(0, Limits.MAX_TEXT_BYTES / 4)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(Limits.MAX_TEXT_BYTES)));
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String fromCodePoints(List<Integer> cps) {
        StringBuilder sb = new StringBuilder();
        cps.forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
