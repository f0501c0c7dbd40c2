package ocm.client.net;

/** The one source of time for the client's protocol logic, so tests can move time by hand. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = System::currentTimeMillis;

    long millis();
}
