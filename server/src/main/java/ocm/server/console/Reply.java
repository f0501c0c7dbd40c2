package ocm.server.console;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command answers: lines of text for the operator, and whether the operator asked to quit.
 * Handlers write here rather than to a stream, so they are tested without a terminal.
 */
public final class Reply {
    private final List<String> lines = new ArrayList<>();
    private boolean quit;

    public Reply line(String text) {
        lines.add(text);
        return this;
    }

    public Reply table(TextTable table) {
        lines.addAll(table.render());
        return this;
    }

    /** Asks the console to shut the server down and stop once this reply is shown. */
    public Reply quit() {
        quit = true;
        return this;
    }

    public boolean quitRequested() {
        return quit;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines joined with newlines, with a final newline unless empty. */
    public String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
