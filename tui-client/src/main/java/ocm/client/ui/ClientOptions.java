package ocm.client.ui;

import java.time.Clock;
import java.util.Optional;
import ocm.client.config.PreferencesStore;
import ocm.client.config.SettingsStore;
import ocm.client.log.ChatLogs;
import ocm.client.notify.Notifier;

/**
 * What the screens use beyond the network: the clock (times, day-change lines), the user's
 * preferences, the notifier that writes the bell to the terminal, and the chat logs on disk
 * (empty with {@code --no-log}).
 */
public record ClientOptions(Clock clock, PreferencesStore preferences, Notifier notifier, Optional<ChatLogs> logs) {
    /** The system clock, preferences beside the settings file, no notifications, no logs. */
    public static ClientOptions quiet(SettingsStore settings) {
        return new ClientOptions(Clock.systemDefaultZone(), PreferencesStore.besides(settings), Notifier.silent(),
                Optional.empty());
    }
}
