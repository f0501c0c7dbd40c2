package ocm.server.configfile;

/** One effective setting for {@code --print-config}: its key, value (null: not set) and where it came from. */
public record Setting(String key, String value, String source) {
    /** As a config-file line, so the output can be saved as a config file; unset ones commented out. */
    public String line() {
        String v = value == null ? "" : needsQuotes(value) ? "\"" + value + "\"" : value;
        return (value == null ? "# " : "") + key + " = " + v;
    }

    private static boolean needsQuotes(String v) {
        return v.isEmpty() || !v.equals(v.strip()) || v.contains("#") || v.startsWith("\"");
    }
}
