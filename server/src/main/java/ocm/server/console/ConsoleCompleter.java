package ocm.server.console;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion for the line editor: command names, then whatever the command's table entry offers. */
final class ConsoleCompleter implements Completer {
    private final CommandTable table;

    ConsoleCompleter(CommandTable table) {
        this.table = table;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String value : table.complete(line.words(), line.wordIndex())) {
            // JLine filters by the typed prefix and quotes or escapes names with spaces itself.
            candidates.add(new Candidate(value, value, null, null, null, null, true));
        }
    }
}
