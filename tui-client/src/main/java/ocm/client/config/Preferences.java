package ocm.client.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the user chose with {@code /notify}, {@code /ignore} and {@code /set}, kept between runs
 * (see {@link PreferencesStore}). Immutable: each change makes a new value. A field missing from
 * an older file (null after reading) means its default.
 *
 * @param bell ring the terminal bell (BEL) on a notification
 * @param desktop the desktop notification escape: {@code auto}, {@code osc9}, {@code osc777} or {@code off}
 * @param roomNotify per room name: {@code all}, {@code mentions} (the default) or {@code none}
 * @param joins join and leave lines: {@code all} (the default), {@code smart} or {@code none}
 * @param ignored names whose lines are hidden
 * @param stats show round-trip time and unacknowledged count on the status line
 */
public record Preferences(Boolean bell, String desktop, Map<String, String> roomNotify, String joins,
                          List<String> ignored, Boolean stats) {
    public static final Preferences DEFAULTS = new Preferences(true, "auto", Map.of(), "all", List.of(), false);

    /** The values of each setting {@code /set} takes, the first one the default. */
    public static final Map<String, List<String>> CHOICES = Map.of(
            "bell", List.of("on", "off"),
            "desktop", List.of("auto", "osc9", "osc777", "off"),
            "joins", List.of("all", "smart", "none"),
            "stats", List.of("off", "on"));

    public static final List<String> NOTIFY_LEVELS = List.of("all", "mentions", "none");

    /** Every missing field filled from the defaults, so readers never see null. */
    public Preferences complete() {
        return new Preferences(bell != null ? bell : DEFAULTS.bell,
                valid("desktop", desktop), roomNotify != null ? Map.copyOf(roomNotify) : Map.of(), valid("joins", joins),
                ignored != null ? List.copyOf(ignored) : List.of(), stats != null ? stats : DEFAULTS.stats);
    }

    private static String valid(String key, String value) {
        List<String> choices = CHOICES.get(key);
        return value != null && choices.contains(value) ? value : choices.get(0);
    }

    /** A room's notification level: {@code all}, {@code mentions} or {@code none}. */
    public String notifyLevel(String room) {
        String level = roomNotify == null ? null : roomNotify.get(room);
        return level != null && NOTIFY_LEVELS.contains(level) ? level : "mentions";
    }

    public Preferences withNotify(String room, String level) {
        Map<String, String> m = new LinkedHashMap<>(roomNotify == null ? Map.of() : roomNotify);
        m.put(room, level);
        return new Preferences(bell, desktop, m, joins, ignored, stats);
    }

    public boolean isIgnored(String name) {
        return ignored != null && ignored.contains(name);
    }

    public Preferences withIgnored(String name, boolean ignore) {
        List<String> list = new ArrayList<>(ignored == null ? List.of() : ignored);
        list.remove(name);
        if (ignore) {
            list.add(name);
        }
        return new Preferences(bell, desktop, roomNotify, joins, list, stats);
    }

    /** The current value of a {@code /set} setting, as typed. */
    public String get(String key) {
        switch (key) {
            case "bell":
                return bell ? "on" : "off";
            case "desktop":
                return desktop;
            case "joins":
                return joins;
            case "stats":
                return stats ? "on" : "off";
            default:
                throw new IllegalArgumentException(key);
        }
    }

    /**
     * The preferences with {@code key} set to {@code value}; empty when either is not one of
     * {@link #CHOICES} (the caller says so and changes nothing).
     */
    public Optional<Preferences> with(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!CHOICES.containsKey(key) || !CHOICES.get(key).contains(v)) {
            return Optional.empty();
        }
        switch (key) {
            case "bell":
                return Optional.of(new Preferences(v.equals("on"), desktop, roomNotify, joins, ignored, stats));
            case "desktop":
                return Optional.of(new Preferences(bell, v, roomNotify, joins, ignored, stats));
            case "joins":
                return Optional.of(new Preferences(bell, desktop, roomNotify, v, ignored, stats));
            default:
                return Optional.of(new Preferences(bell, desktop, roomNotify, joins, ignored, v.equals("on")));
        }
    }
}
