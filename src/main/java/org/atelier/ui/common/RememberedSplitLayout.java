package org.atelier.ui.common;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.shared.Registration;

/**
 * A horizontal split whose divider position (in percent of the primary side) is remembered per browser in
 * localStorage and clamped to the panel limits, like the workbench's resizable panels; a double-click on the
 * divider can collapse a panel.
 */
public class RememberedSplitLayout extends SplitLayout {
    /** True in the browser when a double-click hit this layout's divider (its splitter, in its shadow root). */
    public static final String ON_DIVIDER =
            "event.composedPath().includes(element.shadowRoot.querySelector('[part~=\"splitter\"]'))";
    private final String storageKey;
    private final double min;
    private final double max;

    public RememberedSplitLayout(Component primary, Component secondary, String storageKey,
                                 double defaultPercent, double min, double max) {
        super(primary, secondary);
        this.storageKey = storageKey;
        this.min = min;
        this.max = max;
        setSizeFull();
        setSplitterPosition(defaultPercent);
        addSplitterDragEndListener(e -> getElement().executeJs("""
                const primary = this.querySelector(':scope > [slot="primary"]');
                const percent = 100 * primary.offsetWidth / this.offsetWidth;
                localStorage.setItem($0, String(percent));
                return percent;""", storageKey)
                .then(Double.class, this::clampAndApply));
    }

    /**
     * Runs on a double-click on this layout's own divider (not on a nested layout's, nor inside the panels),
     * e.g. to collapse the side panel and bring it back.
     */
    public Registration addSplitterDoubleClickListener(Runnable listener) {
        return getElement().addEventListener("dblclick", e -> listener.run()).setFilter(ON_DIVIDER);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().executeJs("return localStorage.getItem($0)", storageKey)
                .then(String.class, stored -> {
                    if (stored != null && !stored.isBlank()) {
                        try {
                            clampAndApply(Double.parseDouble(stored));
                        } catch (NumberFormatException ignored) {
                            // a value written by hand in the browser's storage: keep the default
                        }
                    }
                });
    }

    private void clampAndApply(double percent) {
        double clamped = Math.clamp(percent, min, max);
        if (Math.abs(clamped - getSplitterPosition()) > 0.01) {
            setSplitterPosition(clamped);
        }
    }
}
