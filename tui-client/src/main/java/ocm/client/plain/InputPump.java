package ocm.client.plain;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * Reads input lines on thread "ocm-stdin" while plain mode works through them, so a /quit is
 * seen (and {@code onQuit} runs) even while an earlier command waits on the network.
 * Reading stops after the quit line, the end of input or a read error.
 */
final class InputPump {
    /** One read: a line, or the end of input (no line, no error), or a read error. */
    record Input(Optional<String> line, Optional<IOException> error) {
        static final Input END = new Input(Optional.empty(), Optional.empty());
    }

    private final BlockingQueue<Input> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    InputPump(BufferedReader in, Predicate<String> isQuit, Runnable onQuit) {
        thread = new Thread(() -> pump(in, isQuit, onQuit), "ocm-stdin");
        thread.setDaemon(true); // a read of stdin cannot be interrupted; it must not keep the JVM up
    }

    void start() {
        thread.start();
    }

    /** Ends the input now, as if stdin had ended: what is read after is not handed out. */
    void endNow() {
        queue.add(Input.END);
    }

    /** The next input, in order; waits for it. */
    Input next() throws InterruptedException {
        return queue.take();
    }

    private void pump(BufferedReader in, Predicate<String> isQuit, Runnable onQuit) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                queue.add(new Input(Optional.of(line), Optional.empty()));
                if (isQuit.test(line)) {
                    onQuit.run();
                    return;
                }
            }
            queue.add(Input.END);
        } catch (IOException e) {
            queue.add(new Input(Optional.empty(), Optional.of(e)));
        }
    }
}
