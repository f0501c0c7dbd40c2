package ocm.client.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.function.Consumer;

/** A small box over the current screen with a form: "Create room", "Password for ...". */
public final class DialogView implements View {
    private final ClientUi ui;
    private final String title;
    private final Form form;
    private final Consumer<Form> onSubmit;
    private String error = "";

    public DialogView(ClientUi ui, String title, Form form, Consumer<Form> onSubmit) {
        this.ui = ui;
        this.title = title;
        this.form = form;
        this.onSubmit = onSubmit;
    }

    public void error(String message) {
        error = message;
    }

    @Override
    public void handle(KeyStroke key) {
        Form.Result r = form.handle(key);
        if (r == Form.Result.CANCEL) {
            ui.closeDialog(this);
        } else if (r == Form.Result.SUBMIT) {
            onSubmit.accept(form);
        }
    }

    @Override
    public void draw(Canvas c) {
        Theme t = c.theme();
        int w = Math.min(c.width() - 4, 56);
        int h = 9;
        int x = (c.width() - w) / 2;
        int y = Math.max(0, (c.height() - h) / 2);
        c.box(x, y, w, h, title);
        form.draw(c, x + 2, y + 2, w - 4);
        java.util.List<String> lines = Cells.wrap(Canvas.clean(error), w - 4);
        for (int i = 0; i < Math.min(2, lines.size()); i++) {
            c.text(x + 2, y + 5 + i, lines.get(i), w - 4, t.error());
        }
        c.text(x + 2, y + 7, "Enter ok · Tab next field · Esc cancel", w - 4, t.dim());
    }

    @Override
    public TerminalPosition cursor(TerminalSize size) {
        return form.cursor();
    }
}
