package org.atelier.ui.common;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ColorScheme;

/** Sun/moon button switching between dark (the default) and light; the choice is kept per browser. */
public class ThemeToggle extends Button {
    static final String STORAGE_KEY = "atelier-theme";

    public ThemeToggle() {
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        setAriaLabel("Toggle light and dark theme");
        addClickListener(e -> apply(!isDark(), true));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        updateIcon();
        event.getUI().getPage().executeJs("return localStorage.getItem($0)", STORAGE_KEY)
                .then(String.class, stored -> {
                    if ("light".equals(stored) && isDark()) {
                        apply(false, false);
                    }
                });
    }

    public boolean isDark() {
        ColorScheme.Value scheme = UI.getCurrentOrThrow().getPage().getColorScheme();
        return scheme == null || scheme == ColorScheme.Value.DARK || scheme == ColorScheme.Value.NORMAL;
    }

    private void apply(boolean dark, boolean remember) {
        UI ui = UI.getCurrentOrThrow();
        ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
        if (remember) {
            ui.getPage().executeJs("localStorage.setItem($0, $1)", STORAGE_KEY, dark ? "dark" : "light");
        }
        updateIcon();
    }

    private void updateIcon() {
        boolean dark = isDark();
        setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        setTooltipText(dark ? "Switch to light theme" : "Switch to dark theme");
    }
}
