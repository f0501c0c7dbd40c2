package ocm.client.net;

import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. */
final class FakeClock implements Clock {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Override
    public long millis() {
        return now.get();
    }

    void advance(long millis) {
        now.addAndGet(millis);
    }
}
