package org.atelier.ui.results;

import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.server.VaadinService;
import java.util.Optional;
import org.atelier.fit.ModelValidationService;
import org.atelier.fit.RegularizationResults;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelService;
import org.atelier.scoring.ScoringService;

/**
 * The validation tabs beside Summary, Coefficients and Relativities: Diagnostics, Lift and Residuals. They read the
 * figures stored with the model (computed once, in the fit's diagnostics stage), so opening a model never
 * recomputes them; only the double lift and the drop-one tests, which need the data, run on request. The services
 * come from Vaadin's instantiator (Spring's beans), so the results tabs stay buildable from a stored model alone.
 */
final class ValidationTabs {
    /** The services the tabs call. */
    record Services(ModelService models, ModelValidationService validation, RegularizationResults penalties,
                    ScoringService scoring) {
        static Services lookup() {
            var instantiator = VaadinService.getCurrent().getInstantiator();
            return new Services(instantiator.getOrCreate(ModelService.class),
                    instantiator.getOrCreate(ModelValidationService.class),
                    instantiator.getOrCreate(RegularizationResults.class),
                    instantiator.getOrCreate(ScoringService.class));
        }
    }

    private final ResultsTabs tabs;
    private final ModelDetail model;
    private final Services services;
    private Optional<ModelDiagnostics> stored;
    final Tab diagnosticsTab;
    final Tab liftTab;
    final Tab residualsTab;
    private final LazyTab<DiagnosticsTab> diagnostics;
    private final LazyTab<LiftTab> lift;
    private final LazyTab<ResidualsTab> residuals;

    ValidationTabs(ResultsTabs tabs, ModelDetail model) {
        this.tabs = tabs;
        this.model = model;
        this.services = Services.lookup();
        // an out-of-time part computed in the Diagnostics tab joins the Lift tab's parts at once
        diagnostics = new LazyTab<>(() -> new DiagnosticsTab(model, stored(), services,
                outOfTime -> liftContent().addOutOfTime(outOfTime)));
        lift = new LazyTab<>(() -> new LiftTab(model, stored(), services));
        residuals = new LazyTab<>(() -> new ResidualsTab(stored(), model.spec()));
        diagnosticsTab = tabs.add("Diagnostics", diagnostics);
        liftTab = tabs.add("Lift", lift);
        residualsTab = tabs.add("Residuals", residuals);
    }

    /** The stored figures, read once for the tabs (empty for a model fitted before they existed). */
    Optional<ModelDiagnostics> stored() {
        if (stored == null) {
            stored = services.models().diagnostics(model.id());
        }
        return stored;
    }

    DiagnosticsTab diagnostics() {
        tabs.setSelectedTab(diagnosticsTab);
        return diagnostics.content();
    }

    /** The Lift tab's content, built if need be, without showing it. */
    private LiftTab liftContent() {
        return lift.content();
    }

    LiftTab lift() {
        tabs.setSelectedTab(liftTab);
        return lift.content();
    }

    ResidualsTab residuals() {
        tabs.setSelectedTab(residualsTab);
        return residuals.content();
    }
}
