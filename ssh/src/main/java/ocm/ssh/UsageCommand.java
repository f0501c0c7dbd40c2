package ocm.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** A session without a terminal ({@code ssh host command}, {@code ssh -T host}): a short usage text, then the end. */
final class UsageCommand implements Command {
    static final String TEXT = "OCM chat: this server opens a full-screen chat in your terminal.\r\n"
            + "Connect with a terminal, without a command: ssh -t -p PORT NAME@HOST\r\n";

    private OutputStream err;
    private ExitCallback exit;

    @Override
    public void setInputStream(java.io.InputStream in) {
    }

    @Override
    public void setOutputStream(OutputStream out) {
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        err.write(TEXT.getBytes(StandardCharsets.UTF_8));
        err.flush();
        exit.onExit(2, "no terminal");
    }

    @Override
    public void destroy(ChannelSession channel) {
    }
}
