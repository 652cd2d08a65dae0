package org.atelier.ui.results;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.server.VaadinService;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.atelier.fit.DiagnosticsStage;
import org.atelier.fit.FitStage;
import org.atelier.fit.ModelValidationService;
import org.atelier.fit.RegularizationResults;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelService;
import org.atelier.scoring.ScoringService;
import org.atelier.ui.common.UiAccess;

/**
 * The validation tabs beside Summary, Coefficients and Relativities: Diagnostics, Lift and Residuals. They read the
 * figures stored with the model (computed once, in the fit's diagnostics stage), so opening a model never
 * recomputes them; a model shown the moment its fit completed may not have them yet, and its tabs say "Computing
 * diagnostics…" until they are stored, as do those of a completed model found without them (computed on opening); only the double lift and the drop-one tests, which need the data, run on request. The services
 * come from Vaadin's instantiator (Spring's beans), so the results tabs stay buildable from a stored model alone.
 */
final class ValidationTabs {
    /** The services the tabs call. */
    record Services(ModelService models, ModelValidationService validation, RegularizationResults penalties,
                    ScoringService scoring, DiagnosticsStage diagnostics) {
        static Services lookup() {
            var instantiator = VaadinService.getCurrent().getInstantiator();
            return new Services(instantiator.getOrCreate(ModelService.class),
                    instantiator.getOrCreate(ModelValidationService.class),
                    instantiator.getOrCreate(RegularizationResults.class),
                    instantiator.getOrCreate(ScoringService.class),
                    instantiator.getOrCreate(DiagnosticsStage.class));
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

    private Runnable stopWaiting = () -> { };

    ValidationTabs(ResultsTabs tabs, ModelDetail model) {
        this.tabs = tabs;
        this.model = model;
        this.services = Services.lookup();
        BooleanSupplier computing = () -> services.models().diagnosticsPending(model.id());
        if (!computing.getAsBoolean()) {
            // e.g. the server stopped between storing the results and the diagnostics: they are computed now
            services.diagnostics().computeIfMissing(model.id());
        }
        // an out-of-time part computed in the Diagnostics tab joins the Lift tab's parts at once
        diagnostics = new LazyTab<>(() -> new DiagnosticsTab(model, stored(), services,
                outOfTime -> liftContent().addOutOfTime(outOfTime)), computing, ValidationTabs::computingNote);
        lift = new LazyTab<>(() -> new LiftTab(model, stored(), services), computing, ValidationTabs::computingNote);
        residuals = new LazyTab<>(() -> new ResidualsTab(stored(), model.spec()), computing,
                ValidationTabs::computingNote);
        diagnosticsTab = tabs.add("Diagnostics", diagnostics);
        liftTab = tabs.add("Lift", lift);
        residualsTab = tabs.add("Residuals", residuals);
        // the results of a fit show before its diagnostics are stored: the tabs fill in when they land
        tabs.addAttachListener(e -> {
            stopWaiting.run();
            if (!computing.getAsBoolean()) {
                return;
            }
            UI ui = e.getUI();
            stopWaiting = services.models().whenDiagnosticsSettled(model.id(),
                    () -> UiAccess.run(ui, this::diagnosticsLanded));
        });
        tabs.addDetachListener(e -> stopWaiting.run());
    }

    /** What a validation tab shows while the figures it draws are still being computed. */
    static Component computingNote() {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidth("12em");
        Div note = new Div(new Div(FitStage.COMPUTING_DIAGNOSTICS.label() + "…"), bar);
        note.addClassNames("atelier-empty", "atelier-computing-diagnostics");
        return note;
    }

    private void diagnosticsLanded() {
        diagnostics.ready();
        lift.ready();
        residuals.ready();
    }

    /** Whether the tabs wait for the model's diagnostics (true while one of them shows "Computing diagnostics…"). */
    boolean isWaiting() {
        return diagnostics.isWaiting() || lift.isWaiting() || residuals.isWaiting();
    }

    /** The stored figures, read once for the tabs (empty for a model fitted before they existed). */
    Optional<ModelDiagnostics> stored() {
        if (stored == null) {
            stored = services.models().diagnostics(model.id()); // waits if they are still being computed
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
