package org.gloinone.fiji;

import ij.text.TextWindow;

/**
 * An empty ImageJ table window that opens at {@link GuiResults#tablePlace(String, java.awt.Dimension)}. ImageJ
 * shows a new table window centred and only then could it be moved; where no window manager runs, the X server
 * reports that first position late and undoes the move. Placing the window before it first shows avoids that.
 */
final class TableWindow extends TextWindow {
    /** The size ImageJ gives a new table window with many columns, in screen pixels. */
    private static final int WIDTH = 700;
    private static final int HEIGHT = 300;

    TableWindow(String title) {
        super(title, "", WIDTH, HEIGHT); // shows the window
    }

    @Override
    @SuppressWarnings("deprecation") // TextWindow's constructor shows the window through show()
    public void show() {
        if (!isShowing()) {
            setLocation(GuiResults.tablePlace(getTitle(), getSize()));
        }
        super.show();
    }
}
