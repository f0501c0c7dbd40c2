package ocm.client.ui;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.googlecode.lanterna.TextColor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Colours of the screens, read from assets/themes/NAME.json (packaged as ocm/assets/themes). */
public record Theme(String name, TextColor background, TextColor foreground, TextColor dim, TextColor accent,
                    TextColor system, TextColor error, TextColor mention, TextColor pending,
                    TextColor barBackground, TextColor barForeground,
                    TextColor selectedBackground, TextColor selectedForeground, List<TextColor> nameColors) {
    public static final List<String> BUILT_IN = List.of("dark", "light");

    public Theme {
        Objects.requireNonNull(name, "name");
        nameColors = List.copyOf(nameColors);
        if (nameColors.isEmpty()) {
            throw new IllegalArgumentException("a theme needs at least one name colour");
        }
    }

    /** A stable colour per sender name: the same name gets the same colour in every run. */
    public TextColor colourOf(String sender) {
        return nameColors.get(Math.floorMod(sender.hashCode(), nameColors.size()));
    }

    /** The JSON shape of a theme file. */
    private record Spec(String name, String background, String foreground, String dim, String accent, String system,
                        String error, String mention, String pending, String barBackground, String barForeground,
                        String selectedBackground, String selectedForeground, List<String> nameColors) {
    }

    /** Loads a packaged theme by name. */
    public static Theme load(String name) throws ThemeException {
        String path = "/ocm/assets/themes/" + name + ".json";
        try (InputStream in = Theme.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ThemeException("no theme named '" + name + "' (known: " + String.join(", ", BUILT_IN) + ")");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ThemeException("cannot read theme '" + name + "': " + e.getMessage());
        }
    }

    static Theme parse(Reader json) throws ThemeException {
        Spec s;
        try {
            s = new Gson().fromJson(json, Spec.class);
        } catch (JsonParseException e) {
            throw new ThemeException("theme file is not valid JSON: " + e.getMessage());
        }
        if (s == null || s.name() == null || s.nameColors() == null) {
            throw new ThemeException("theme file lacks a name or nameColors");
        }
        List<TextColor> names = new ArrayList<>();
        for (String c : s.nameColors()) {
            names.add(colour(c, "nameColors"));
        }
        return new Theme(s.name(), colour(s.background(), "background"), colour(s.foreground(), "foreground"),
                colour(s.dim(), "dim"), colour(s.accent(), "accent"), colour(s.system(), "system"),
                colour(s.error(), "error"), colour(s.mention(), "mention"), colour(s.pending(), "pending"),
                colour(s.barBackground(), "barBackground"), colour(s.barForeground(), "barForeground"),
                colour(s.selectedBackground(), "selectedBackground"),
                colour(s.selectedForeground(), "selectedForeground"), names);
    }

    private static TextColor colour(String value, String field) throws ThemeException {
        if (value == null) {
            throw new ThemeException("theme file lacks \"" + field + "\"");
        }
        TextColor c;
        try {
            c = TextColor.Factory.fromString(value);
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null) {
            throw new ThemeException("theme colour " + field + " = '" + value + "' is not a colour");
        }
        return c;
    }

    /** A theme that cannot be found or read. */
    public static final class ThemeException extends Exception {
        public ThemeException(String message) {
            super(message);
        }
    }
}
