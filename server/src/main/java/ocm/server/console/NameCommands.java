package ocm.server.console;

import java.util.List;
import java.util.Map;
import java.util.Set;
import ocm.server.identity.NameOwners;

/**
 * The operator's commands over the name registry ({@link NameOwners}): which keys own which
 * names, freeing a name, letting another key use one. Added to the console's one table.
 */
final class NameCommands {
    private final NameOwners owners;

    private NameCommands(NameOwners owners) {
        this.owners = owners;
    }

    static void register(CommandTable table, NameOwners owners) {
        NameCommands c = new NameCommands(owners);
        Command.ArgCompleter names = (i, prev) -> i == 0 ? c.ownedNames() : List.of();
        table.register(new Command("/names", "", "owned names and the key fingerprints that own them", 0, 0, false,
                        c::list, Command.ArgCompleter.NONE))
                .register(new Command("/release", "NAME", "free a name: the next key to use it owns it", 1, 1, false,
                        c::release, names))
                .register(new Command("/link", "NAME FINGERPRINT", "let one more key (SHA256:...) use a name", 2, 2, false,
                        c::link, names));
    }

    private List<String> ownedNames() {
        return owners.all().stream().map(Map.Entry::getKey).toList();
    }

    // /names
    private void list(List<String> args, Reply reply) {
        List<Map.Entry<String, Set<String>>> all = owners.all();
        if (all.isEmpty()) {
            reply.line("no names are owned");
            return;
        }
        TextTable t = new TextTable(TextTable.Column.left("NAME"), TextTable.Column.left("KEYS"));
        for (Map.Entry<String, Set<String>> e : all) {
            t.row(e.getKey(), String.join(" ", e.getValue()));
        }
        reply.table(t);
    }

    // /release NAME
    private void release(List<String> args, Reply reply) {
        String name = args.get(0);
        Set<String> was = owners.release(name);
        reply.line(was.isEmpty() ? "'" + name + "' is not owned by any key"
                : "released '" + name + "' (was owned by " + String.join(", ", was) + ")");
    }

    // /link NAME FINGERPRINT
    private void link(List<String> args, Reply reply) {
        String name = args.get(0);
        String key = args.get(1);
        if (!NameOwners.looksLikeFingerprint(key)) {
            reply.line("not a key fingerprint: '" + key + "' (expected SHA256: and 43 base64 characters, as ssh-keygen -l prints)");
            return;
        }
        reply.line(owners.link(name, key) ? key + " may now use '" + name + "'" : key + " could already use '" + name + "'");
    }
}
