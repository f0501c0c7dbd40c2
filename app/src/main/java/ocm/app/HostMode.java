package ocm.app;

/** Host mode: an embedded server plus a client connected to it, in one process. */
final class HostMode {
    int run() {
        System.err.println("chat: host mode is not built yet (it needs the server and the client)");
        return 1;
    }
}
