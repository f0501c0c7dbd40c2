package ocm.client.net;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Collects events from network threads; tests wait for a condition with a generous timeout. */
public final class EventLog implements Consumer<NetEvent> {
    private final List<NetEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(NetEvent e) {
        events.add(e);
    }

    public List<NetEvent> all() {
        return List.copyOf(events);
    }

    @SuppressWarnings("unchecked")
    public <T extends NetEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).collect(Collectors.toList());
    }

    public <T extends NetEvent> T await(Class<T> type, Predicate<T> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (T e : of(type)) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " as expected within 10 s; events: " + events);
    }

    public List<String> messageTexts() {
        return of(NetEvent.Message.class).stream().map(NetEvent.Message::text).collect(Collectors.toList());
    }
}
