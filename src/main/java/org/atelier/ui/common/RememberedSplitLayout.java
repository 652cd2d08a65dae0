package org.atelier.ui.common;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.splitlayout.SplitLayout;

/**
 * A horizontal split whose divider position (in percent of the primary side) is remembered per browser in
 * localStorage and clamped to the panel limits, like the workbench's resizable panels.
 */
public class RememberedSplitLayout extends SplitLayout {
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
