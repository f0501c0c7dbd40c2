package ocm.server.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which keys own which user names, server-wide: a name owned by some keys may be used only by a
 * client proving one of them. Keys are fingerprint strings ({@code SHA256:} + the unpadded base64
 * SHA-256 of the key's SSH wire encoding, as {@code ssh-keygen -l} prints), so any kind of key
 * (an SSH user's, later a native client's Ed25519 key) claims names here the same way. Names are
 * compared as given (the room rules decide what a valid name is). Thread-safe: the relay checks,
 * the SSH gateway claims, the console lists and edits; every change is written through
 * {@link OwnersFile} before the call returns, off the relay thread (the relay only reads).
 */
public final class NameOwners {
    /** How a claim went. */
    public enum Claim { CLAIMED, ALREADY_YOURS, TAKEN }

    private final Map<String, Set<String>> owners = new TreeMap<>();
    private final OwnersFile file;

    public NameOwners(OwnersFile file, Map<String, ? extends Set<String>> loaded) {
        this.file = file;
        loaded.forEach((name, keys) -> owners.put(name, new TreeSet<>(keys)));
    }

    /** Kept in memory only (tests, a server without a data dir). */
    public static NameOwners inMemory() {
        return new NameOwners(OwnersFile.NONE, Map.of());
    }

    /**
     * Whether {@code key} (empty: a client without a key) may use {@code name}: always for a name
     * nobody owns, else only for one of its keys.
     */
    public synchronized boolean mayUse(String name, Optional<String> key) {
        Set<String> keys = owners.get(name);
        return keys == null || (key.isPresent() && keys.contains(key.get()));
    }

    /** The refusal a client gets for a name it may not use. */
    public static String refusal(String name) {
        return "the name '" + name + "' belongs to another key";
    }

    /** {@code key} takes {@code name} if nobody owns it yet. */
    public synchronized Claim claim(String name, String key) {
        Set<String> keys = owners.get(name);
        if (keys != null) {
            return keys.contains(key) ? Claim.ALREADY_YOURS : Claim.TAKEN;
        }
        owners.put(name, new TreeSet<>(Set.of(key)));
        save();
        return Claim.CLAIMED;
    }

    /** The operator lets one more key use {@code name} (which need not be owned yet); false if it already could. */
    public synchronized boolean link(String name, String key) {
        boolean added = owners.computeIfAbsent(name, n -> new TreeSet<>()).add(key);
        if (added) {
            save();
        }
        return added;
    }

    /** The operator frees {@code name}: anyone may take it again. Returns the keys that owned it (empty: none). */
    public synchronized Set<String> release(String name) {
        Set<String> was = owners.remove(name);
        if (was == null) {
            return Set.of();
        }
        save();
        return Set.copyOf(was);
    }

    /** The keys owning {@code name} (empty: nobody owns it). */
    public synchronized Set<String> keysOf(String name) {
        Set<String> keys = owners.get(name);
        return keys == null ? Set.of() : Set.copyOf(keys);
    }

    /** Every owned name with its keys, by name. */
    public synchronized List<Map.Entry<String, Set<String>>> all() {
        return owners.entrySet().stream().map(e -> Map.entry(e.getKey(), Set.copyOf(e.getValue()))).toList();
    }

    private void save() {
        file.write(owners);
    }

    /** A key fingerprint as this registry takes it: {@code SHA256:} and 43 base64 characters. */
    public static boolean looksLikeFingerprint(String s) {
        return s.matches("SHA256:[A-Za-z0-9+/]{43}");
    }
}
