package ocm.client.ui;

import java.util.regex.Pattern;

/** Whether a message names a user: the name (or @name) as a whole word, ignoring case. */
final class Mentions {
    private Mentions() {
    }

    static boolean names(String text, String user) {
        if (user.isEmpty()) {
            return false;
        }
        Pattern p = Pattern.compile("(^|[^\\p{L}\\p{N}_])@?" + Pattern.quote(user) + "($|[^\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return p.matcher(text).find();
    }
}
