package ocm.client.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ocm.client.command.CommandTable.CommandException;
import ocm.client.config.Preferences;
import ocm.client.config.PreferencesStore;

/**
 * {@code /notify}, {@code /ignore}, {@code /unignore} and {@code /set}: each changes the saved
 * preferences (or only shows them) and returns the line that tells the user what is now in force.
 * A bad value changes nothing and is an error with the values that are allowed.
 */
final class PreferenceCommands {
    private final PreferencesStore store;

    PreferenceCommands(PreferencesStore store) {
        this.store = store;
    }

    Preferences current() {
        return store.current();
    }

    // /notify [all|mentions|none]
    String notifyLevel(String room, Optional<String> level) throws CommandException {
        if (level.isEmpty()) {
            return "notifications in " + room + ": " + current().notifyLevel(room) + " (/notify all|mentions|none)";
        }
        String l = level.get().toLowerCase(java.util.Locale.ROOT);
        if (!Preferences.NOTIFY_LEVELS.contains(l)) {
            throw new CommandException("/notify takes all, mentions or none, not " + level.get());
        }
        store.update(current().withNotify(room, l));
        return "notifications in " + room + ": " + l + describe(l);
    }

    private static String describe(String level) {
        switch (level) {
            case "all":
                return " (every line from others)";
            case "none":
                return " (never)";
            default:
                return " (lines that name you)";
        }
    }

    // /ignore [NAME]
    String ignore(Optional<String> name) {
        if (name.isEmpty()) {
            List<String> list = current().ignored();
            return list.isEmpty() ? "you ignore nobody (/ignore NAME hides a person's lines)"
                    : "ignored: " + String.join(", ", list) + " (/unignore NAME shows them again)";
        }
        if (current().isIgnored(name.get())) {
            return "you already ignore " + name.get();
        }
        store.update(current().withIgnored(name.get(), true));
        return "ignoring " + name.get() + ": their lines, joins and leaves are hidden (/unignore " + name.get() + " undoes it)";
    }

    // /unignore NAME
    String unignore(String name) throws CommandException {
        if (!current().isIgnored(name)) {
            throw new CommandException("you do not ignore " + name + current().ignored().stream().reduce((a, b) -> a + ", " + b)
                    .map(l -> " (ignored: " + l + ")").orElse(""));
        }
        store.update(current().withIgnored(name, false));
        return "no longer ignoring " + name;
    }

    // /set [NAME [VALUE]]
    String set(Optional<String> key, Optional<String> value) throws CommandException {
        Map<String, List<String>> choices = new TreeMap<>(Preferences.CHOICES);
        if (key.isEmpty()) {
            StringBuilder b = new StringBuilder("settings:");
            choices.forEach((k, v) -> b.append(' ').append(k).append('=').append(current().get(k)));
            return b.append(" (/set NAME VALUE changes one)").toString();
        }
        String k = key.get().toLowerCase(java.util.Locale.ROOT);
        if (!choices.containsKey(k)) {
            throw new CommandException("no setting " + key.get() + "; there are " + String.join(", ", choices.keySet()));
        }
        if (value.isEmpty()) {
            return k + " = " + current().get(k) + " (one of " + String.join(", ", choices.get(k)) + ")";
        }
        Preferences next = current().with(k, value.get()).orElseThrow(() -> new CommandException(
                k + " takes " + String.join(", ", choices.get(k)) + ", not " + value.get()));
        store.update(next);
        return k + " = " + next.get(k);
    }
}
