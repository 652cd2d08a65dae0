package org.atelier.ui.common;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the page clear of Vaadin's licence banner. Without a Vaadin subscription the production bundle shows
 * the banner (it must stay) pinned over the full width of the window's bottom edge until dismissed, where it
 * covered the spec panel's sticky Fit button and the panels' last lines. Each page measures the banner and
 * sets {@code --atelier-banner-height}; atelier.css lifts the app above it by that much, and back down to the
 * bottom edge once the banner is closed.
 */
@Component
public class BannerClearance implements VaadinServiceInitListener {
    /**
     * The banner lives in the body's closed shadow root, so a hit test on it returns the body itself, which
     * the page's own content (the full-height outlet) never does: its height is the run of such hits upward
     * from the bottom edge. Measured again when the window resizes and after a click on the banner (its
     * close button), a little later once its fonts have loaded, and every second after that (a cheap hit test where
     * no banner shows), since on a busy machine the banner may appear only seconds after the page.
     */
    static final String SCRIPT = """
            if (!window.atelierBannerClearance) {
              const measure = () => {
                if (window.matchMedia('print').matches) {
                  return; // laid out for paper the banner sits at the report's end: a hit test would read 0
                }
                const x = Math.floor(window.innerWidth / 2);
                let height = 0;
                while (height < window.innerHeight / 2
                    && document.elementFromPoint(x, window.innerHeight - 1 - height) === document.body) {
                  height++;
                }
                const value = height + 'px';
                if (document.documentElement.style.getPropertyValue('--atelier-banner-height') !== value) {
                  document.documentElement.style.setProperty('--atelier-banner-height', value);
                }
              };
              window.atelierBannerClearance = measure;
              window.addEventListener('resize', measure);
              document.addEventListener('click', e => {
                if (e.target === document.body) {
                  setTimeout(measure, 0);
                }
              }, true);
              for (const delay of [0, 300, 1500]) {
                setTimeout(measure, delay);
              }
              // the banner comes when its own script gets to it, seconds later on a busy machine: keep looking
              setInterval(measure, 1000);
            }""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().getPage().executeJs(SCRIPT));
    }
}
