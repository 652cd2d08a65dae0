package org.atelier.ui.spec;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The sticky Fit button at the foot of the spec panel. While the spec is invalid it is disabled and the reason shows as its
 * tooltip and under it; while a fit runs, Cancel stands beside it (the spec stays editable meanwhile).
 */
class FitBar extends Div {
    final Button fit = new Button("Fit model", VaadinIcon.PLAY.create());
    final Button cancel = new Button("Cancel");
    final Span reason = new Span();
    private final Div tooltipHost = new Div();

    FitBar(Runnable onFit, Runnable onCancel) {
        addClassName("atelier-fit-bar");
        fit.addClassName("fit");
        fit.setId("fit-button");
        fit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fit.addClickListener(e -> onFit.run());
        fit.setWidthFull();
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> onCancel.run());
        cancel.setVisible(false);
        // a disabled button receives no pointer events, so its reason hangs on a wrapper as well
        tooltipHost.add(fit);
        tooltipHost.getStyle().set("flex", "1");
        HorizontalLayout row = new HorizontalLayout(tooltipHost, cancel);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        reason.addClassNames("atelier-issue", "error");
        add(row, reason);
    }

    void setBlockedBy(String why) {
        fit.setEnabled(why == null);
        fit.setTooltipText(why);
        tooltipHost.setTitle(why == null ? "" : why);
        reason.setText(why == null ? "" : why);
        reason.setVisible(why != null);
    }

    /**
     * While a fit runs the button keeps its name (it read "Fit again", which looked like a retry of the running fit):
     * a click queues another fit of the spec as it is now, which its tooltip says.
     */
    void setRunning(boolean running) {
        cancel.setVisible(running);
        if (fit.isEnabled()) {
            fit.setTooltipText(running ? "Fit the spec as it is now as well: the new fit waits for a free core" : null);
        }
    }
}
