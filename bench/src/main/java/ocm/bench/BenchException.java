package ocm.bench;

/** The bench cannot go on (server unreachable, refused, never answered); the message says why. */
final class BenchException extends Exception {
    BenchException(String message) {
        super(message);
    }
}
