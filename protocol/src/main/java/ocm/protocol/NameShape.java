package ocm.protocol;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Optional;

/**
 * What a user name looks like on screen, as opposed to what its characters are: invisible or
 * blank names, look-alikes (UTS #39 confusable skeletons, from ICU4J), and names that would
 * imitate the client's own line shapes ({@code name: text}, {@code -- system line},
 * {@code * name action}, {@code [time]}, {@code <name>}).
 */
final class NameShape {
    /** Built once; ICU's check functions are thread-safe, and the checker is never changed. */
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private NameShape() {
    }

    static String collisionKey(String name) {
        String folded = UCharacter.foldCase(Normalizer.normalize(name, Normalizer.Form.NFKC), true);
        return UCharacter.foldCase(SPOOF.getSkeleton(folded), true);
    }

    /** Default-ignorable characters anywhere (fillers, variation selectors, joiners), blank names, space-padded names. */
    static Optional<String> invisibleProblem(String name) {
        int[] cps = name.codePoints().toArray();
        for (int cp : cps) {
            if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                return Optional.of(String.format("user name contains an invisible character (U+%04X)", cp));
            }
        }
        boolean allBlank = true;
        for (int cp : cps) {
            allBlank &= blank(cp);
        }
        if (allBlank) {
            return Optional.of("user name is blank");
        }
        if (blank(cps[0]) || blank(cps[cps.length - 1])) {
            return Optional.of("user name has leading or trailing spaces");
        }
        return Optional.empty();
    }

    /** A character that draws nothing: any Unicode space (NBSP, figure space, ideographic space) or the braille blank. */
    private static boolean blank(int cp) {
        return UCharacter.isUWhiteSpace(cp) || cp == 0x2800 || UCharacter.getType(cp) == UCharacter.SPACE_SEPARATOR;
    }

    /**
     * ':' anywhere (the client draws a chat as {@code name: text}) and '-', '*', '[', '<' first
     * (system lines, actions and the server's name, timestamps, senders in angle brackets):
     * checked on the name and on its skeleton, so look-alikes of these count too.
     */
    static Optional<String> lineShapeProblem(String name, String key) {
        if (name.indexOf(':') >= 0 || key.indexOf(':') >= 0) {
            return Optional.of("user names may not contain ':' (a chat line is drawn as 'name: text', "
                    + "so a name with ':' could pass for another sender)");
        }
        char first = key.isEmpty() ? name.charAt(0) : key.charAt(0);
        if (name.charAt(0) == '*' || first == '*') {
            return Optional.of("user names may not start with '*' (reserved for the server, and the shape of an action line)");
        }
        if (name.charAt(0) == '-' || first == '-') {
            return Optional.of("user names may not start with '-' (system lines start with '--')");
        }
        if (name.charAt(0) == '[' || first == '[') {
            return Optional.of("user names may not start with '[' (the shape of a timestamp or tag)");
        }
        if (name.charAt(0) == '<' || first == '<') {
            return Optional.of("user names may not start with '<' (the shape of a sender in '<name>')");
        }
        return Optional.empty();
    }
}
