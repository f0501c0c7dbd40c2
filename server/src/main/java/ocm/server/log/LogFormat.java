package ocm.server.log;

import java.util.Locale;
import java.util.logging.Formatter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --log-format}: {@code text} (one readable line, the default) or {@code json} (one JSON object a line). */
public enum LogFormat {
    TEXT,
    JSON;

    public Formatter formatter() {
        return this == JSON ? new JsonLines() : new ServerLog.OneLine();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lower-case names on the command line and in config files. */
    public static final class Converter implements ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            for (LogFormat f : values()) {
                if (f.toString().equals(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a log format (text or json)");
        }
    }
}
